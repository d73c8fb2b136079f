// Element-wise Quanta ops compiled for NVIDIA GPUs: PTX kernels of 256
// threads per block, the same numerics as on the CPU (IEEE division div.rn,
// round half to even by cvt.rni, half away from zero as trunc and an exact
// step, NaN select, clamp), with no calls
// (no libdevice needed), assembled by ptxas for each architecture when the
// CUDA toolkit is installed.
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_90 --emit=ptx -o %t.sm_90.ptx
// RUN: FileCheck %s --input-file=%t.sm_90.ptx
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_80 --emit=ptx -o %t.sm_80.ptx
// RUN: FileCheck %s --check-prefix=SM80 --input-file=%t.sm_80.ptx
// RUN: %if ptxas %{ %ptxas -arch=sm_90 %t.sm_90.ptx -o %t.sm_90.cubin %}
// RUN: %if ptxas %{ %ptxas -arch=sm_80 %t.sm_80.ptx -o %t.sm_80.cubin %}

// CHECK: .target sm_90
// CHECK-LABEL: .visible .entry _quanta_impl_quantize_int8_kernel(
// CHECK: .maxntid 256, 1, 1
// CHECK-NOT: .extern
// CHECK-NOT: call
// CHECK: mov.u32 {{.*}}%tid.x
// CHECK: div.rn.f32
// CHECK: cvt.rni.f32.f32
// CHECK: setp.nan.f32
// CHECK: add.rn.f32
// CHECK: st.global.b8
// SM80: .target sm_80
func.func @quantize_int8(%x: tensor<?x64xf32>, %s: tensor<64xf32>, %z: tensor<64xi8>) -> tensor<?x64xi8> {
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 1>}
      : (tensor<?x64xf32>, tensor<64xf32>, tensor<64xi8>) -> tensor<?x64xi8>
  return %q : tensor<?x64xi8>
}

// FP8 encoding as integer arithmetic in the kernel (no FP8 hardware needed).
// CHECK-LABEL: .visible .entry _quanta_impl_cast_fp8_kernel(
// CHECK-NOT: call
// CHECK: min.u32
// CHECK: st.global.b8
func.func @cast_fp8(%x: tensor<?xf32>) -> tensor<?xf8E4M3FN> {
  %y = quanta.cast %x {saturate} : tensor<?xf32> -> tensor<?xf8E4M3FN>
  return %y : tensor<?xf8E4M3FN>
}

// Per-group parameters: the group index is the row divided by 32.
// CHECK-LABEL: .visible .entry _quanta_impl_dequantize_grouped_kernel(
// CHECK: ld.global.{{[bs]}}8
// CHECK: mul.rn.f32
func.func @dequantize_grouped(%q: tensor<128x?xi8>, %s: tensor<4x?xf32>) -> tensor<128x?xf32> {
  %x = quanta.dequantize %q, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>}
      : (tensor<128x?xi8>, tensor<4x?xf32>) -> tensor<128x?xf32>
  return %x : tensor<128x?xf32>
}

// Two kernels in one function: each is named after its module, so the PTX
// file that holds both assembles.
// CHECK-LABEL: .visible .entry _quanta_impl_two_kernels_kernel(
// CHECK-LABEL: .visible .entry _quanta_impl_two_kernels_kernel_0(
func.func @two_kernels(%x: tensor<1024xf32>, %s: tensor<f32>, %y: tensor<1024xi8>) -> (tensor<1024xi8>, tensor<1024xf32>) {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<1024xf32>, tensor<f32>) -> tensor<1024xi8>
  %d = quanta.dequantize %y, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<1024xi8>, tensor<f32>) -> tensor<1024xf32>
  return %q, %d : tensor<1024xi8>, tensor<1024xf32>
}

// Half away from zero (the lowering's own, as on the CPU): t = trunc(x),
// t + copysign(1, x) where |x - t| >= 0.5 (exact: 0.49999997 gives 0).
// CHECK-LABEL: .visible .entry _quanta_impl_quantize_half_away_kernel(
// CHECK-NOT: call
// CHECK: div.rn.f32 [[Q:%r[0-9]+]]
// CHECK: cvt.rzi.f32.f32 [[T:%r[0-9]+]], [[Q]];
// CHECK: sub.rn.f32 [[D:%r[0-9]+]], [[Q]], [[T]];
// CHECK: abs.f32 [[A:%r[0-9]+]], [[D]];
// CHECK: setp.ge.f32 {{%p[0-9]+}}, [[A]], 0f3F000000;
// CHECK: copysign.f32
func.func @quantize_half_away(%x: tensor<?xf32>, %s: tensor<f32>, %z: tensor<i8>) -> tensor<?xi8> {
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32, rounding = half_away>}
      : (tensor<?xf32>, tensor<f32>, tensor<i8>) -> tensor<?xi8>
  return %q : tensor<?xi8>
}
