// Weight-only int8 quanta.matmul (W8A16: f16/bf16 activations times i8/ui8
// weights, TensorRT-LLM's "int8 weight-only", bitsandbytes' weight-only
// form) compiled for NVIDIA GPUs on the weight-only tensor-core kernel of
// the int4 forms (matmul-w4.mlir): each weight dequantized in registers to
// the activations' type (`(q - zp) * s` rounded once, as quanta.dequantize),
// f16/bf16 mma.sync m16n8k16 with f32 accumulation; up to 4 rows on the
// column dot kernel (8 weights of a row by one 64-bit load). PTX assembled
// by ptxas when the CUDA toolkit is installed.
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_80 --emit=ptx -o %t.sm_80.ptx
// RUN: FileCheck %s --input-file=%t.sm_80.ptx
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_90 --emit=ptx -o %t.sm_90.ptx
// RUN: FileCheck %s --input-file=%t.sm_90.ptx
// RUN: %if ptxas %{ %ptxas -arch=sm_80 %t.sm_80.ptx -o %t.sm_80.cubin %}
// RUN: %if ptxas %{ %ptxas -arch=sm_90 %t.sm_90.ptx -o %t.sm_90.cubin %}
// RUN: quanta-opt %s --quanta-outline-gpu-matmul=chip=sm_90 | FileCheck %s --check-prefix=OUTLINE
//
// Execution: 16 random W8A16 forms (matmul-cases.py's w8a16 family: i8/ui8
// per tensor, column or group, zero points, bias, float or quantized
// results, batched or not, weights K x N or N x K; M from 1 to 100, K and
// N of any size) on the GPU-on-host runtime
// with the tensor-core kernels, both thread orders, against ref::matmul
// within docs/GPU.md's bound on f32 accumulation.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %python %S/../Integration/Random/matmul-cases.py %t.dir/cases.mlir %t.dir/cases.inc 20261129 w8a16 16
// RUN: quanta-compile %t.dir/cases.mlir --gpu-on-host --gpu-arch=sm_90 -o %t.dir/cases.o --header=%t.dir/cases.h
// RUN: llvm-nm %t.dir/cases.o | FileCheck %s --check-prefix=MMA
// RUN: %cxx_harness -DQUANTA_GPU_ACCUMULATION -include %t.dir/cases.h -DCASES_INC='"%t.dir/cases.inc"' %S/../Integration/Random/matmul-harness.cpp %t.dir/cases.o %quanta_ref_lib %quanta_gpu_on_host_lib -o %t.dir/cases.exe
// RUN: %t.dir/cases.exe | FileCheck %s --check-prefix=RANDOM
// RUN: env QUANTA_GPU_HOST_ORDER=reverse %t.dir/cases.exe | FileCheck %s --check-prefix=RANDOM

// i8 per column, f16: one to four rows on the column dot kernel (no mma;
// a row's 8 weights by one 64-bit load, each rounded to f16 once), more
// rows on the tiled kernels (f16 mma).
// CHECK-LABEL: .visible .entry _quanta_impl_w8col_kernel(
// CHECK-NOT: mma.sync
// CHECK-DAG: ld.global.v2.b32
// CHECK-DAG: cvt.rn.f16.f32
// CHECK-DAG: shfl.sync.bfly.b32
// CHECK-DAG: st.global.b16
// CHECK-NOT: mma.sync
// CHECK: .visible .entry _quanta_impl_w8col_kernel_{{[0-9]+}}(
// CHECK-DAG: ld.global.v2.b32
// CHECK-DAG: cvt.rn.f16.f32
// CHECK-DAG: bar.sync 0
// CHECK-DAG: mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// ui8 per group of 64 with zero points, bf16, bias: the bf16 mma (the
// weights rounded to bf16 by integer operations, --quanta-expand-float-casts).
// CHECK-LABEL: .visible .entry _quanta_impl_w8group_kernel(
// CHECK: .visible .entry _quanta_impl_w8group_kernel_{{[0-9]+}}(
// CHECK-DAG: ld.global.v2.b32
// CHECK-DAG: mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32
// The weights N x K: up to 4 rows on the dot kernel, a warp per column
// reading its weight row in chunks of 8 bytes (and 16 of activations),
// each weight dequantized, the lanes' sums by shuffles, no shared memory;
// the tiled kernels read rows k, k + 1 of a column by one 2-byte load.
// CHECK-LABEL: .visible .entry _quanta_impl_w8nk_kernel(
// CHECK-NOT: .shared
// CHECK-NOT: mma.sync
// CHECK-DAG: ld.global.v2.b32
// CHECK-DAG: ld.global.v4.b32
// CHECK-DAG: cvt.rn.f16.f32
// CHECK-DAG: shfl.sync.bfly.b32
// CHECK-NOT: mma.sync
// CHECK: .visible .entry _quanta_impl_w8nk_kernel_{{[0-9]+}}(
// CHECK-DAG: ld.global.b16
// CHECK-DAG: mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32

// OUTLINE-LABEL: func.func @w8col(
// OUTLINE:         call @__quanta_gpu_matmul_0(
// OUTLINE-LABEL: func.func @w8group(
// OUTLINE:         call @__quanta_gpu_matmul_1(
// Batched (8-bit weights are; packed int4 ones are not): per-group
// parameters with their batch, grid z over the batches.
// OUTLINE-LABEL: func.func @w8batched(
// OUTLINE:         call @__quanta_gpu_matmul_2(
// Weights given N x K (a Linear layer's [out, in]; the matmul's rhs is
// their linalg.transpose): the marker takes them untransposed (the
// transpose, now unused, goes away), the kernels read them in place.
// OUTLINE-LABEL: func.func @w8nk(
// OUTLINE:         call @__quanta_gpu_matmul_3(%arg0, %arg1, %arg2,
// OUTLINE:       func.func private @__quanta_gpu_matmul_0({{.*}}: tensor<?x?xf16> {quanta.role = "lhs"}, {{.*}}: tensor<?x?xi8> {quanta.role = "rhs"}, {{.*}}: tensor<?xf16> {quanta.role = "rhs_scale"}, {{.*}}) -> tensor<?x?xf16> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation f32>, kind = "weight_only", rhs_scheme = #quanta.scheme<storage = i8, expressed = f16, granularity = per_channel, axis = 1, symmetric = true>}}
// OUTLINE:       func.func private @__quanta_gpu_matmul_1({{.*}}: tensor<?x?xbf16> {quanta.role = "lhs"}, {{.*}}: tensor<?x?xi8> {quanta.role = "rhs"}, {{.*}}: tensor<?x?xbf16> {quanta.role = "rhs_scale"}, {{.*}}: tensor<?x?xi8> {quanta.role = "rhs_zp"}, {{.*}}: tensor<?xf32> {quanta.role = "bias"}, {{.*}}) -> tensor<?x?xbf16> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation f32>, kind = "weight_only", rhs_scheme = #quanta.scheme<storage = ui8, expressed = bf16, granularity = per_group, axis = 0, group_size = 64>}}

// OUTLINE:       func.func private @__quanta_gpu_matmul_2({{.*}}: tensor<?x?x?xf16> {quanta.role = "lhs"}, {{.*}}: tensor<?x?x?xi8> {quanta.role = "rhs"}, {{.*}}: tensor<?x?x?xf16> {quanta.role = "rhs_scale"}, {{.*}}) -> tensor<?x?x?xf16> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation f32>, batched, kind = "weight_only", rhs_scheme = #quanta.scheme<storage = i8, expressed = f16, granularity = per_group, axis = 0, group_size = 32, symmetric = true>}}
// OUTLINE:       func.func private @__quanta_gpu_matmul_3({{.*}}: tensor<?x?xf16> {quanta.role = "lhs"}, {{.*}}: tensor<?x?xi8> {quanta.role = "rhs"}, {{.*}}) -> tensor<?x?xf16> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation f32>, kind = "weight_only", rhs_k_major, rhs_scheme = #quanta.scheme<storage = i8, expressed = f16, granularity = per_channel, axis = 1, symmetric = true>}}

// MMA-DAG: U quanta_gpu_host_launch
// MMA-DAG: U quanta_gpu_host_mma
// MMA-DAG: U quanta_gpu_host_ldmatrix

// RANDOM-NOT: got
// RANDOM: w8a16 bf16: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// RANDOM: w8a16 f16: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// RANDOM: ALL MATCH (integer accumulation bit-exact, f32 within the bound)

func.func @w8col(%a: tensor<?x?xf16>, %w: tensor<?x?xi8>, %sw: tensor<?xf16>) -> tensor<?x?xf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i8, expressed = f16, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xf16>, tensor<?x?xi8>, tensor<?xf16>) -> tensor<?x?xf16>
  return %y : tensor<?x?xf16>
}
func.func @w8group(%a: tensor<?x?xbf16>, %w: tensor<?x?xi8>, %sw: tensor<?x?xbf16>, %zw: tensor<?x?xi8>, %b: tensor<?xf32>) -> tensor<?x?xbf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw) bias(%b)
      {rhs_scheme = #quanta.scheme<storage = ui8, expressed = bf16, granularity = per_group, axis = 0, group_size = 64>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xbf16>, tensor<?x?xi8>, tensor<?x?xbf16>, tensor<?x?xi8>, tensor<?xf32>) -> tensor<?x?xbf16>
  return %y : tensor<?x?xbf16>
}
func.func @w8batched(%a: tensor<?x?x?xf16>, %w: tensor<?x?x?xi8>, %sw: tensor<?x?x?xf16>) -> tensor<?x?x?xf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i8, expressed = f16, granularity = per_group, axis = 1, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?x?xf16>, tensor<?x?x?xi8>, tensor<?x?x?xf16>) -> tensor<?x?x?xf16>
  return %y : tensor<?x?x?xf16>
}
func.func @w8nk(%a: tensor<?x?xf16>, %wt: tensor<?x?xi8>, %sw: tensor<?xf16>) -> tensor<?x?xf16> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %wt, %c0 : tensor<?x?xi8>
  %k = tensor.dim %wt, %c1 : tensor<?x?xi8>
  %e = tensor.empty(%k, %n) : tensor<?x?xi8>
  %w = linalg.transpose ins(%wt : tensor<?x?xi8>) outs(%e : tensor<?x?xi8>) permutation = [1, 0]
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i8, expressed = f16, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xf16>, tensor<?x?xi8>, tensor<?xf16>) -> tensor<?x?xf16>
  return %y : tensor<?x?xf16>
}
