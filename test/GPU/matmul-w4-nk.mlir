// int4 weights given N x K, packed along K (ONNX MatMulNBits' and
// llama.cpp's layout; the matmul's rhs is their linalg.transpose) on the
// GPU kernels, read packed in place: no transposed or unpacked copy.
// Weight-only (W4A16): the tiled kernels read rows k, k + 1 of a column as
// one byte (two nibbles, the even k low), up to 4 rows take the dot kernel
// (a warp per column, 8 weights by one 32-bit load). W4A8 (i32
// accumulation): the tiled kernels stage rows of 16 nibbles by one 8-byte
// load, widened to bytes by byte shuffles (registers, not cp.async), up to
// 4 rows take the group row dot kernel (the same widening, dp4a).
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_80 --emit=ptx -o %t.sm_80.ptx
// RUN: FileCheck %s --input-file=%t.sm_80.ptx
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_90a --emit=ptx -o %t.sm_90a.ptx
// RUN: FileCheck %s --input-file=%t.sm_90a.ptx --check-prefixes=CHECK,SM90A
// RUN: %if ptxas %{ %ptxas -arch=sm_80 %t.sm_80.ptx -o %t.sm_80.cubin %}
// RUN: %if ptxas %{ %ptxas -arch=sm_90a %t.sm_90a.ptx -o %t.sm_90a.cubin %}
// RUN: quanta-opt %s --quanta-outline-gpu-matmul=chip=sm_90 | FileCheck %s --check-prefix=OUTLINE
// RUN: quanta-opt %s --quanta-outline-gpu-matmul=chip=sm_90 --convert-quanta-to-linalg --quanta-prepare-entry-points --quanta-gpu-matmul-packed-int4 --canonicalize | FileCheck %s --check-prefix=PACKED
//
// Execution: random W4A16 forms (matmul-cases.py's w4a16 family: i4/ui4
// per tensor, column or group, zero points, f16/bf16, weights N x K half
// of the time) and W4A8 forms with the weights N x K (w4a8_nk: i8/ui8
// activations per tensor, row or group, i4/ui4 weights, zero points) on
// the GPU-on-host runtime with the tensor-core kernels, M from 1 to 100,
// both thread orders, against ref::matmul (integer accumulation bit-exact,
// f32 within docs/GPU.md's bound). Swapping a byte's two nibbles, or the
// two words of a widened chunk, makes them fail.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %python %S/../Integration/Random/matmul-cases.py %t.dir/w4a16.mlir %t.dir/w4a16.inc 2 w4a16 12
// RUN: quanta-compile %t.dir/w4a16.mlir --gpu-on-host --gpu-arch=sm_90 -o %t.dir/w4a16.o --header=%t.dir/w4a16.h
// RUN: %cxx_harness -DQUANTA_GPU_ACCUMULATION -include %t.dir/w4a16.h -DCASES_INC='"%t.dir/w4a16.inc"' %S/../Integration/Random/matmul-harness.cpp %t.dir/w4a16.o %quanta_ref_lib %quanta_gpu_on_host_lib -o %t.dir/w4a16.exe
// RUN: %t.dir/w4a16.exe | FileCheck %s --check-prefix=W4A16
// RUN: env QUANTA_GPU_HOST_ORDER=reverse %t.dir/w4a16.exe | FileCheck %s --check-prefix=W4A16
// RUN: %python %S/../Integration/Random/matmul-cases.py %t.dir/w4a8.mlir %t.dir/w4a8.inc 1 w4a8_nk 12
// RUN: quanta-compile %t.dir/w4a8.mlir --gpu-on-host --gpu-arch=sm_90a -o %t.dir/w4a8.o --header=%t.dir/w4a8.h
// RUN: %cxx_harness -DQUANTA_GPU_ACCUMULATION -include %t.dir/w4a8.h -DCASES_INC='"%t.dir/w4a8.inc"' %S/../Integration/Random/matmul-harness.cpp %t.dir/w4a8.o %quanta_ref_lib %quanta_gpu_on_host_lib -o %t.dir/w4a8.exe
// RUN: %t.dir/w4a8.exe | FileCheck %s --check-prefix=W4A8
// RUN: env QUANTA_GPU_HOST_ORDER=reverse %t.dir/w4a8.exe | FileCheck %s --check-prefix=W4A8

// W4A16, i4 per group of 32 (MatMulNBits' form): the dot kernel reads 8
// weights by one 32-bit load and 8 activations by one 16-byte load, no
// shared memory, no mma; the tiled kernels a byte per column and k pair.
// CHECK-LABEL: .visible .entry _quanta_impl_w4nk_kernel(
// CHECK-NOT: .shared
// CHECK-NOT: mma.sync
// CHECK-DAG: ld.global.b32
// CHECK-DAG: ld.global.v4.b32
// CHECK-DAG: cvt.rn.f16.f32
// CHECK-DAG: shfl.sync.bfly.b32
// CHECK-NOT: mma.sync
// CHECK: .visible .entry _quanta_impl_w4nk_kernel_{{[0-9]+}}(
// CHECK: .visible .entry _quanta_impl_w4nk_kernel_{{[0-9]+}}(
// CHECK-DAG: ld.global.b8
// CHECK-DAG: mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// W4A8, i8 per row x i4 per group of 32: the group row dot kernel (8 bytes
// of 16 nibbles, byte shuffles, dp4a), then the tiled kernels, whose K
// stages go through registers (no cp.async, no wgmma on sm_90a).
// CHECK-LABEL: .visible .entry _quanta_impl_w4a8nk_kernel(
// CHECK-NOT: mma.sync
// CHECK-DAG: ld.global.v2.b32
// CHECK-DAG: prmt.b32
// CHECK-DAG: dp4a.s32.s32
// CHECK-DAG: shfl.sync.idx.b32
// CHECK: .visible .entry _quanta_impl_w4a8nk_kernel_{{[0-9]+}}(
// CHECK: .visible .entry _quanta_impl_w4a8nk_kernel_{{[0-9]+}}(
// CHECK-NOT: cp.async
// SM90A-NOT: wgmma
// CHECK-DAG: ld.global.v2.b32
// CHECK-DAG: prmt.b32
// CHECK-DAG: mma.sync.aligned.m16n8k32.row.col.s32.s8.s8.s32
// CHECK-NOT: cp.async
// SM90A-NOT: wgmma

// The marker takes the untransposed weights (rhs_k_major).
// OUTLINE-LABEL: func.func @w4nk(
// OUTLINE:         call @__quanta_gpu_matmul_0(%arg0, %arg1, %arg2,
// OUTLINE-LABEL: func.func @w4a8nk(
// OUTLINE:         call @__quanta_gpu_matmul_1(%arg0, %arg1, %arg2, %arg3,
// OUTLINE:       func.func private @__quanta_gpu_matmul_0({{.*}}: tensor<?x4096xf16> {quanta.role = "lhs"}, {{.*}}: tensor<4096x4096xi4> {quanta.role = "rhs"}, {{.*}}) -> tensor<?x4096xf16> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation f32>, kind = "weight_only", rhs_k_major, rhs_scheme = #quanta.scheme<storage = i4, expressed = f16, granularity = per_group, axis = 0, group_size = 32, symmetric = true>}}
// OUTLINE:       func.func private @__quanta_gpu_matmul_1({{.*}}: tensor<?x4096xi8> {quanta.role = "lhs"}, {{.*}}: tensor<4096x4096xi4> {quanta.role = "rhs"}, {{.*}}) -> tensor<?x4096xf32> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation i32>, kind = "int8", lhs_scheme = {{.*}}, rhs_k_major, rhs_scheme = {{.*}}}}

// The kernels read the packed arguments (N x K nibbles, 8 MiB): nothing is
// unpacked or transposed.
// PACKED-LABEL: func.func private @_quanta_impl_w4nk(
// PACKED-SAME:    %[[W:[a-z0-9]+]]: tensor<8388608xi8>
// PACKED-NOT:     linalg.transpose
// PACKED:         call @__quanta_gpu_matmul_0(%{{.*}}, %[[W]], %{{.*}}, %{{.*}}) : (tensor<?x4096xf16>, tensor<8388608xi8>,
// PACKED-LABEL: func.func private @_quanta_impl_w4a8nk(
// PACKED-NOT:     linalg.transpose
// PACKED:         call @__quanta_gpu_matmul_1({{.*}}tensor<8388608xi8>

// W4A16-NOT: got
// W4A16: w4a16 bf16: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// W4A16: w4a16 f16: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// W4A16: ALL MATCH (integer accumulation bit-exact, f32 within the bound)

// W4A8-NOT: got
// W4A8: w4a8_nk: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// W4A8: ALL MATCH (integer accumulation bit-exact, f32 within the bound)

func.func @w4nk(%a: tensor<?x4096xf16>, %wt: tensor<4096x4096xi4>, %s: tensor<128x4096xf16>) -> tensor<?x4096xf16> {
  %e = tensor.empty() : tensor<4096x4096xi4>
  %w = linalg.transpose ins(%wt : tensor<4096x4096xi4>) outs(%e : tensor<4096x4096xi4>) permutation = [1, 0]
  %y = quanta.matmul %a, %w rhs_scale(%s)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f16, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x4096xf16>, tensor<4096x4096xi4>, tensor<128x4096xf16>) -> tensor<?x4096xf16>
  return %y : tensor<?x4096xf16>
}
func.func @w4a8nk(%a: tensor<?x4096xi8>, %wt: tensor<4096x4096xi4>, %sa: tensor<?xf32>, %s: tensor<128x4096xf32>) -> tensor<?x4096xf32> {
  %e = tensor.empty() : tensor<4096x4096xi4>
  %w = linalg.transpose ins(%wt : tensor<4096x4096xi4>) outs(%e : tensor<4096x4096xi4>) permutation = [1, 0]
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%s)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x4096xi8>, tensor<4096x4096xi4>, tensor<?xf32>, tensor<128x4096xf32>) -> tensor<?x4096xf32>
  return %y : tensor<?x4096xf32>
}
