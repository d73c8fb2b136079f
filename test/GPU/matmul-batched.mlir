// Batched matmuls (weights per batch) on the GPU: --quanta-outline-gpu-matmul
// collapses the batch dimensions of lhs, rhs and the result into one and
// marks the call `batched` (per_channel axes counted from the matrices);
// --convert-quanta-matmul-to-nvvm launches the 2-D kernels once with grid z
// over the batches, each block on its batch's views (no copies). The
// execution check runs the kernels on the GPU-on-host runtime and compares
// with the reference bit for bit (matmul-batched-harness.cpp).
// RUN: quanta-opt %s --quanta-outline-gpu-matmul=chip=sm_90 | FileCheck %s --check-prefix=OUTLINE
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_90 --emit=llvm -o - | FileCheck %s --check-prefix=HOST
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_90 --emit=ptx -o %t.ptx
// RUN: %if ptxas %{ %ptxas -arch=sm_90 %t.ptx -o %t.cubin %}
// RUN: quanta-compile %s --gpu-on-host --gpu-arch=sm_90 -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/matmul-batched-harness.cpp %t.o %quanta_ref_lib %quanta_gpu_on_host_lib -o %t.exe
// RUN: %t.exe | FileCheck %s --check-prefix=EXEC

// OUTLINE-LABEL: func.func @batched_int8(
// OUTLINE-DAG:     %[[A:.*]] = tensor.collapse_shape %arg0 {{\[}}[0, 1], [2], [3]] : tensor<?x?x?x?xi8> into tensor<?x?x?xi8>
// OUTLINE-DAG:     %[[W:.*]] = tensor.collapse_shape %arg1 {{\[}}[0, 1], [2], [3]] : tensor<?x?x?x?xi8> into tensor<?x?x?xi8>
// OUTLINE-DAG:     %[[D:.*]] = tensor.collapse_shape %{{.*}} {{\[}}[0, 1], [2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?x?xf32>
// OUTLINE:         %[[Y:.*]] = call @__quanta_gpu_matmul_0(%[[A]], %[[W]], %arg2, %arg3, %arg4, %arg5, %[[D]])
// OUTLINE:         %[[E:.*]] = tensor.expand_shape %[[Y]] {{\[}}[0, 1], [2], [3]] output_shape
// OUTLINE:         return %[[E]]
// OUTLINE-LABEL: func.func @batched_f16(
// OUTLINE-NOT:     tensor.collapse_shape
// OUTLINE:         call @__quanta_gpu_matmul_1(%arg0, %arg1,
// OUTLINE-LABEL: func.func @batched_weight_only_int4(
// OUTLINE:         quanta.matmul
// OUTLINE:       func.func private @__quanta_gpu_matmul_0({{.*}}) -> tensor<?x?x?xf32> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation i32>, batched, kind = "int8", lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 0>, rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1>}}
// OUTLINE:       func.func private @__quanta_gpu_matmul_1({{.*}}) -> tensor<4x64x48xf32> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation f32>, batched, kind = "f16"

// One launch per kernel, grid z over the batches (the blocks of batch z
// take its views), into the caller's result (no device temporary, no
// copy): the int8 form's four kernels (one row, up to 4, small and large
// tiles) with z = the batch count (B0 * B1), the f16 one (4 batches)
// inlined into its entry points.
// HOST-LABEL: define internal fastcc void @_quanta_impl_batched_int8(
// HOST-NOT:     @mgpuMemAlloc
// HOST:         call void @mgpuLaunchKernel(ptr %{{[0-9]+}}, i64 %{{[0-9]+}}, i64 1, i64 %[[B:[0-9]+]],
// HOST-COUNT-3: call void @mgpuLaunchKernel(ptr %{{[0-9]+}}, i64 %{{[0-9]+}}, i64 {{%[0-9]+|1}}, i64 %[[B]],
// HOST-NOT:     @mgpuMemAlloc
// HOST-LABEL: define void @batched_f16(
// HOST-NOT:     @mgpuMemAlloc
// HOST:         call void @mgpuLaunchKernel(ptr %{{[0-9]+}}, i64 1, i64 1, i64 4, i64 128,
// HOST-NOT:     call void @mgpuLaunchKernel
// HOST:         ret void

// EXEC: batched int8: {{[0-9]+}} elements, 0 mismatches

func.func @batched_int8(%a: tensor<?x?x?x?xi8>, %w: tensor<?x?x?x?xi8>, %sa: tensor<?xf32>, %sw: tensor<?xf32>, %za: tensor<?xi8>, %zw: tensor<?xi8>) -> tensor<?x?x?x?xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 2>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 3>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?x?x?xi8>, tensor<?x?x?x?xi8>, tensor<?xf32>, tensor<?xf32>, tensor<?xi8>, tensor<?xi8>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}

func.func @batched_f16(%a: tensor<4x64x32xf16>, %w: tensor<4x32x48xf16>, %sa: tensor<f32>, %sw: tensor<48xf32>) -> tensor<4x64x48xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f16, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f16, expressed = f32, granularity = per_channel, axis = 2, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<4x64x32xf16>, tensor<4x32x48xf16>, tensor<f32>, tensor<48xf32>) -> tensor<4x64x48xf32>
  return %y : tensor<4x64x48xf32>
}

// Weight-only int4 has a kernel for 2-D matmuls only (it reads the packed
// argument in place): a batched one takes the linalg lowering.
func.func @batched_weight_only_int4(%a: tensor<2x16x64xf16>, %w: tensor<2x64x32xi4>, %sw: tensor<2x2x32xf16>) -> tensor<2x16x32xf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f16, granularity = per_group, axis = 1, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<2x16x64xf16>, tensor<2x64x32xi4>, tensor<2x2x32xf16>) -> tensor<2x16x32xf16>
  return %y : tensor<2x16x32xf16>
}
