// Weight-only int4 quanta.matmul compiled for NVIDIA GPUs: f16/bf16
// activations times i4/ui4 weights read packed (two per byte, as the C ABI
// passes them), dequantized in registers to the activations' type and fed to
// the f16/bf16 mma.sync m16n8k16 with f32 accumulation; PTX assembled by
// ptxas for each architecture when the CUDA toolkit is installed.
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_80 --emit=ptx -o %t.sm_80.ptx
// RUN: FileCheck %s --input-file=%t.sm_80.ptx
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_89 --emit=ptx -o %t.sm_89.ptx
// RUN: FileCheck %s --input-file=%t.sm_89.ptx
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_90 --emit=ptx -o %t.sm_90.ptx
// RUN: FileCheck %s --input-file=%t.sm_90.ptx
// RUN: %if ptxas %{ %ptxas -arch=sm_80 %t.sm_80.ptx -o %t.sm_80.cubin %}
// RUN: %if ptxas %{ %ptxas -arch=sm_89 %t.sm_89.ptx -o %t.sm_89.cubin %}
// RUN: %if ptxas %{ %ptxas -arch=sm_90 %t.sm_90.ptx -o %t.sm_90.cubin %}
// The host passes the packed bytes straight to the kernel: nothing is
// unpacked or allocated.
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_80 --emit=mlir -o - | FileCheck %s --check-prefix=HOST
// RUN: quanta-opt %s --quanta-lower-to-linalg | FileCheck %s --check-prefix=CPU
// RUN: quanta-opt %s --quanta-outline-gpu-matmul --convert-quanta-to-linalg --quanta-prepare-entry-points --quanta-gpu-matmul-packed-int4 --canonicalize | FileCheck %s --check-prefix=PACKED

// Symmetric i4 per group of 32, f16 scales. One row, and up to four, take
// the column dot kernel: packed weights by 32-bit loads (8 nibbles), each
// weight (q * s) rounded to f16 once, f32 sums, the 4 lanes of a word by
// shuffles, the 8 warps through shared memory; no mma.
// CHECK-LABEL: .visible .entry _quanta_impl_w4g32_kernel(
// CHECK-NOT: mma.sync
// CHECK-DAG: ld.global.b32
// CHECK-DAG: cvt.rn.f16.f32
// CHECK-DAG: shfl.sync.bfly.b32
// CHECK-DAG: st.shared.v4.b32
// CHECK-DAG: bar.sync 0
// CHECK-DAG: st.global.b16
// CHECK-NOT: mma.sync
// CHECK: .visible .entry _quanta_impl_w4g32_kernel_{{[0-9]+}}(
// CHECK-NOT: mma.sync
// More rows: per K stage, rows of f16 activations by 16-byte loads, packed
// weights by 32-bit loads, f16 mma, f16 result.
// CHECK: .visible .entry _quanta_impl_w4g32_kernel_{{[0-9]+}}(
// CHECK-DAG: ld.global.v4.b32
// CHECK-DAG: ld.global.b32
// CHECK-DAG: ld.global.b8
// CHECK-DAG: cvt.rn.f16.f32
// CHECK-DAG: bar.sync 0
// CHECK-DAG: mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// CHECK-DAG: st.global.b16
// ui4 with per-group (128) zero points, bias.
// CHECK-LABEL: .visible .entry _quanta_impl_w4zp_kernel(
// CHECK: .visible .entry _quanta_impl_w4zp_kernel_{{[0-9]+}}(
// CHECK: .visible .entry _quanta_impl_w4zp_kernel_{{[0-9]+}}(
// CHECK-DAG: mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// bf16 activations, per-column bf16 scales: the bf16 mma.
// CHECK-LABEL: .visible .entry _quanta_impl_w4bf16_kernel(
// CHECK: .visible .entry _quanta_impl_w4bf16_kernel_{{[0-9]+}}(
// CHECK: .visible .entry _quanta_impl_w4bf16_kernel_{{[0-9]+}}(
// CHECK-DAG: mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32
// CHECK-LABEL: .visible .entry _quanta_impl_w4pt_kernel(
// CHECK: .visible .entry _quanta_impl_w4pt_kernel_{{[0-9]+}}(
// CHECK: .visible .entry _quanta_impl_w4pt_kernel_{{[0-9]+}}(
// CHECK-DAG: mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32

// HOST-LABEL: llvm.func internal @_quanta_impl_w4g32(
// HOST-NOT: malloc
// HOST: gpu.launch_func <%{{arg[0-9]+}} : !llvm.ptr> @_quanta_impl_w4g32_kernel::@_quanta_impl_w4g32_kernel
// HOST: gpu.launch_func <%{{arg[0-9]+}} : !llvm.ptr> @_quanta_impl_w4g32_kernel_[[K1:[0-9]+]]::@_quanta_impl_w4g32_kernel_[[K1]]
// HOST: gpu.launch_func <%{{arg[0-9]+}} : !llvm.ptr> @_quanta_impl_w4g32_kernel_[[K2:[0-9]+]]::@_quanta_impl_w4g32_kernel_[[K2]]
// HOST: gpu.launch_func <%{{arg[0-9]+}} : !llvm.ptr> @_quanta_impl_w4g32_kernel_[[K3:[0-9]+]]::@_quanta_impl_w4g32_kernel_[[K3]]
// HOST-NOT: gpu.launch_func
// HOST: llvm.return

// The CPU pipeline keeps unpacking (no GPU marker).
// CPU-LABEL: func.func private @_quanta_impl_w4g32(
// CPU-NOT: __quanta_gpu_matmul
// CPU: linalg.generic

// The marker takes the packed argument (and the zero points packed), the
// unpacking is gone.
// PACKED-LABEL: func.func private @_quanta_impl_w4zp(
// PACKED-SAME: %[[A:[^:]*]]: tensor<?x?xf16>, %[[W:[^:]*]]: tensor<?xi8>, %{{[^:]*}}: index, %{{[^:]*}}: index, %[[S:[^:]*]]: tensor<?x?xf16>, %[[Z:[^:]*]]: tensor<?xi8>
// PACKED-NOT: linalg.generic
// PACKED: call @__quanta_gpu_matmul_1(%[[A]], %[[W]], %[[S]], %[[Z]],
// PACKED: func.func private @__quanta_gpu_matmul_1(%{{.*}}: tensor<?x?xf16> {quanta.role = "lhs"}, %{{.*}}: tensor<?xi8> {quanta.role = "rhs"}, %{{.*}}: tensor<?x?xf16> {quanta.role = "rhs_scale"}, %{{.*}}: tensor<?xi8> {quanta.role = "rhs_zp"}

func.func @w4g32(%a: tensor<?x?xf16>, %w: tensor<?x?xi4>, %sw: tensor<?x?xf16>) -> tensor<?x?xf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f16, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xf16>, tensor<?x?xi4>, tensor<?x?xf16>) -> tensor<?x?xf16>
  return %y : tensor<?x?xf16>
}
func.func @w4zp(%a: tensor<?x?xf16>, %w: tensor<?x?xi4>, %sw: tensor<?x?xf16>, %zw: tensor<?x?xi4>, %b: tensor<?xf32>) -> tensor<?x?xf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw) bias(%b)
      {rhs_scheme = #quanta.scheme<storage = ui4, expressed = f16, granularity = per_group, axis = 0, group_size = 128>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xf16>, tensor<?x?xi4>, tensor<?x?xf16>, tensor<?x?xi4>, tensor<?xf32>) -> tensor<?x?xf16>
  return %y : tensor<?x?xf16>
}
func.func @w4bf16(%a: tensor<?x?xbf16>, %w: tensor<?x?xi4>, %sw: tensor<?xbf16>) -> tensor<?x?xbf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = bf16, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xbf16>, tensor<?x?xi4>, tensor<?xbf16>) -> tensor<?x?xbf16>
  return %y : tensor<?x?xbf16>
}
// Per-tensor ui4 with a zero point, static 64 x 48 weights (odd-free packing).
func.func @w4pt(%a: tensor<?x64xf16>, %w: tensor<64x48xi4>, %sw: tensor<f16>, %zw: tensor<i4>) -> tensor<?x48xf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw)
      {rhs_scheme = #quanta.scheme<storage = ui4, expressed = f16>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xf16>, tensor<64x48xi4>, tensor<f16>, tensor<i4>) -> tensor<?x48xf16>
  return %y : tensor<?x48xf16>
}
