// Per-group int8 matmuls (llama.cpp Q8_0, i8 weights per group of 32 along
// K) and W4A8 (packed int4 weights per group, ONNX MatMulNBits with
// accuracy_level 4) on the int8 tensor-core kernel: the int4 weights are
// read packed and widened to bytes when staged, the i32 sums of each group
// are scaled by the group's parameters into f32 sums after the group's last
// mma K step (the reference's blocks, in group order). Up to 4 rows take
// a group dot kernel: with the weights K x N a thread per group and 8
// columns, the groups' blocks added in order from shared memory; with the
// weights N x K a warp per column and a lane per group, the blocks added in
// order by shuffles. The execution check runs the
// kernels on the GPU-on-host runtime (both thread orders) and compares with
// the reference bit for bit (matmul-grouped-harness.cpp).
// RUN: quanta-opt %s --quanta-outline-gpu-matmul=chip=sm_90 | FileCheck %s --check-prefix=OUTLINE
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_90 --emit=llvm -o - | FileCheck %s --check-prefix=HOST
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_90 --emit=ptx -o %t.ptx
// RUN: FileCheck %s --check-prefix=PTX < %t.ptx
// RUN: %if ptxas %{ %ptxas -arch=sm_90 %t.ptx -o %t.cubin %}
// RUN: quanta-compile %s --gpu-on-host --gpu-arch=sm_90 -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/matmul-grouped-harness.cpp %t.o %quanta_ref_lib %quanta_gpu_on_host_lib -o %t.exe
// RUN: %t.exe | FileCheck %s --check-prefix=EXEC
// RUN: env QUANTA_GPU_HOST_ORDER=reverse %t.exe | FileCheck %s --check-prefix=EXEC

// OUTLINE-LABEL: func.func @q8_0(
// OUTLINE:         call @__quanta_gpu_matmul_0(%arg0, %arg1, %arg2, %arg3, %{{.*}})
// OUTLINE-LABEL: func.func @w4a8(
// OUTLINE:         call @__quanta_gpu_matmul_1(%arg0, %arg1, %arg2, %arg4, %arg3, %arg5, %arg6, %{{.*}})
// OUTLINE-LABEL: func.func @q8_0_nk(
// OUTLINE:         call @__quanta_gpu_matmul_2(%arg0, %arg1, %arg2, %arg3, %{{.*}})
// OUTLINE-LABEL: func.func @w4a8_lhs_groups(
// OUTLINE:         call @__quanta_gpu_matmul_3(
// OUTLINE-LABEL: func.func @q8_0_batched(
// OUTLINE:         call @__quanta_gpu_matmul_5(%arg0, %arg1, %arg2, %arg4, %arg3, %arg5, %{{.*}}) : (tensor<?x?x?xi8>, tensor<?x?x?xi8>, tensor<?x?x?xf32>, tensor<?x?x?xf32>, tensor<?x?x?xi8>, tensor<?x?x?xi8>, tensor<?x?x?xf32>)
// OUTLINE-LABEL: func.func @group_of_16(
// OUTLINE:         quanta.matmul
// OUTLINE-LABEL: func.func @batched_w4a8(
// OUTLINE:         quanta.matmul
// OUTLINE:       func.func private @__quanta_gpu_matmul_0({{.*}}) -> tensor<?x?xf32> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation i32>, kind = "int8", lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>, rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>}}
// OUTLINE:       func.func private @__quanta_gpu_matmul_1({{.*}}) -> tensor<?x?xf32> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation i32>, kind = "int8", lhs_scheme = #quanta.scheme<storage = ui8, {{.*}}>, rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 64>}}
// OUTLINE:       func.func private @__quanta_gpu_matmul_2({{.*}} attributes {quanta.gpu_matmul = {{{.*}}rhs_k_major
// OUTLINE:       func.func private @__quanta_gpu_matmul_3({{.*}}) -> tensor<?x?xi8> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation i32>, kind = "int8", lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 1, group_size = 32>
// The batched marker: per-group axes counted from the matrices.
// OUTLINE:       func.func private @__quanta_gpu_matmul_5({{.*}}) -> tensor<?x?x?xf32> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation i32>, batched, kind = "int8", lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_group, axis = 1, group_size = 32>, rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 32>}}

// Four launches per matmul (group dot kernels for one and up to 4 rows:
// with the weights K x N 64 columns per block of 256 threads, N x K 8;
// small and large tiles); the packed weights and zero points are passed as
// they are (no device temporary unpacks them).
// HOST-LABEL: define internal fastcc void @_quanta_impl_q8_0(
// HOST:         call void @mgpuLaunchKernel(ptr %{{[0-9]+}}, i64 %{{[0-9]+}}, i64 1, i64 1, i64 256,
// HOST:         call void @mgpuLaunchKernel(ptr %{{[0-9]+}}, i64 %{{[0-9]+}}, i64 1, i64 1, i64 256,
// HOST-COUNT-2: call void @mgpuLaunchKernel(
// HOST-NOT:     call void @mgpuLaunchKernel(
// HOST-LABEL: define internal fastcc void @_quanta_impl_w4a8(
// HOST-NOT:     @mgpuMemAlloc
// HOST-COUNT-4: call void @mgpuLaunchKernel(
// HOST-NOT:     call void @mgpuLaunchKernel(
// HOST-LABEL: define internal fastcc void @_quanta_impl_q8_0_nk(
// HOST-COUNT-4: call void @mgpuLaunchKernel(
// HOST-NOT:     call void @mgpuLaunchKernel(
// HOST-LABEL: define internal fastcc void @_quanta_impl_w4a8_lhs_groups(
// HOST-COUNT-4: call void @mgpuLaunchKernel(
// HOST-NOT:     call void @mgpuLaunchKernel(
// HOST-LABEL: define internal fastcc void @_quanta_impl_w4a8_col(
// HOST-COUNT-4: call void @mgpuLaunchKernel(
// HOST-NOT:     call void @mgpuLaunchKernel(
// HOST-LABEL: define internal fastcc void @_quanta_impl_q8_0_batched(
// HOST-COUNT-4: call void @mgpuLaunchKernel(
// HOST-NOT:     call void @mgpuLaunchKernel(
// HOST-LABEL: define void @group_of_16(

// Each group's i32 sums to f32 (cvt.rn.f32.s32), scaled and added. The
// group dot kernel (one row): 8-byte loads of a weight row, no tensor
// cores, the blocks through shared memory.
// PTX-LABEL: .entry _quanta_impl_q8_0_kernel(
// PTX-NOT:     mma.sync
// PTX:         ld.global.v2.b32
// PTX-NOT:     mma.sync
// PTX:         cvt.rn.f32.s32
// PTX-NOT:     mma.sync
// PTX:         bar.sync
// PTX-LABEL: .entry _quanta_impl_q8_0_kernel_1(
// PTX:         mma.sync.aligned.m16n8k32.row.col.s32.s8.s8.s32
// PTX:         cvt.rn.f32.s32
// PTX-LABEL: .entry _quanta_impl_w4a8_kernel_4(
// PTX:         mma.sync.aligned.m16n8k32.row.col.s32.u8.u8.s32
// PTX:         dp4a.u32.u32
// PTX:         cvt.rn.f32.s32
// The N x K group dot kernel (one row): 16-byte loads of the weight row
// and dp4a, the round's 32 blocks by shuffles, no shared memory.
// PTX-LABEL: .entry _quanta_impl_q8_0_nk_kernel(
// PTX-NOT:     bar.sync
// PTX:         ld.global.v4.b32
// PTX-NOT:     bar.sync
// PTX:         dp4a.s32.s32
// PTX-NOT:     bar.sync
// PTX-COUNT-32: shfl.sync.idx.b32
// PTX-NOT:     bar.sync
// PTX-LABEL: .entry _quanta_impl_q8_0_nk_kernel_7(
// PTX:         cp.async.cg.shared.global
// PTX:         mma.sync.aligned.m16n8k32.row.col.s32.s8.s8.s32
// PTX-LABEL: .entry _quanta_impl_w4a8_lhs_groups_kernel(
// PTX:         mma.sync.aligned.m16n8k32.row.col.s32.s8.s8.s32

// EXEC: grouped int8: {{[0-9]+}} elements, 0 mismatches

func.func @q8_0(%a: tensor<?x?xi8>, %w: tensor<?x?xi8>, %sa: tensor<?xf32>, %sw: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}

func.func @w4a8(%a: tensor<?x?xi8>, %w: tensor<?x?xi4>, %sa: tensor<?xf32>, %za: tensor<?xi8>, %sw: tensor<?x?xf32>, %zw: tensor<?x?xi4>, %bias: tensor<?xf32>) -> tensor<?x?xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) rhs_zp(%zw) bias(%bias)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 0>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 64>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?xi8>, tensor<?x?xi4>, tensor<?xf32>, tensor<?x?xf32>, tensor<?xi8>, tensor<?x?xi4>, tensor<?xf32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}

// Weights given N x K (the matmul's rhs is their linalg.transpose): the
// cp.async staging of both operands.
func.func @q8_0_nk(%a: tensor<?x?xi8>, %wt: tensor<?x?xi8>, %sa: tensor<?xf32>, %sw: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %wt, %c0 : tensor<?x?xi8>
  %k = tensor.dim %wt, %c1 : tensor<?x?xi8>
  %e = tensor.empty(%k, %n) : tensor<?x?xi8>
  %w = linalg.transpose ins(%wt : tensor<?x?xi8>) outs(%e : tensor<?x?xi8>) permutation = [1, 0]
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}

// Activations per group too (with zero points), signed int4 weights with
// zero points, the result quantized to i8 per column.
func.func @w4a8_lhs_groups(%a: tensor<?x?xi8>, %w: tensor<?x?xi4>, %sa: tensor<?x?xf32>, %za: tensor<?x?xi8>, %sw: tensor<?x?xf32>, %zw: tensor<?x?xi4>, %so: tensor<?xf32>, %zo: tensor<?xi8>) -> tensor<?x?xi8> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) rhs_zp(%zw) result_scale(%so) result_zp(%zo)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 1, group_size = 32>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32>,
       result_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?xi8>, tensor<?x?xi4>, tensor<?x?xf32>, tensor<?x?xf32>, tensor<?x?xi8>, tensor<?x?xi4>, tensor<?xf32>, tensor<?xi8>) -> tensor<?x?xi8>
  return %y : tensor<?x?xi8>
}

// W4A8 per column (i8 per tensor with a zero point x i4 per column with
// zero points): up to 4 rows on the column dot kernel, the nibbles as
// integers.
func.func @w4a8_col(%a: tensor<?x?xi8>, %w: tensor<?x?xi4>, %sa: tensor<f32>, %za: tensor<i8>, %sw: tensor<?xf32>, %zw: tensor<?xi4>) -> tensor<?x?xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_channel, axis = 1>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?xi8>, tensor<?x?xi4>, tensor<f32>, tensor<?xf32>, tensor<i8>, tensor<?xi4>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}

// Batched with weights per batch: the per-group parameters are batched
// too ([B, M, K / G], [B, K / G, N]); each block binds its batch's views of
// them with those of lhs, rhs and the result.
func.func @q8_0_batched(%a: tensor<?x?x?xi8>, %w: tensor<?x?x?xi8>, %sa: tensor<?x?x?xf32>, %za: tensor<?x?x?xi8>, %sw: tensor<?x?x?xf32>, %zw: tensor<?x?x?xi8>) -> tensor<?x?x?xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_group, axis = 2, group_size = 32>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 1, group_size = 32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?x?xi8>, tensor<?x?x?xi8>, tensor<?x?x?xf32>, tensor<?x?x?xf32>, tensor<?x?x?xi8>, tensor<?x?x?xi8>) -> tensor<?x?x?xf32>
  return %y : tensor<?x?x?xf32>
}

// Groups that are not a multiple of an mma's K step (32) and batched int4
// forms take the linalg lowering.
func.func @group_of_16(%a: tensor<8x64xi8>, %w: tensor<64x32xi8>, %sa: tensor<f32>, %sw: tensor<4x32xf32>) -> tensor<8x32xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 16, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<8x64xi8>, tensor<64x32xi8>, tensor<f32>, tensor<4x32xf32>) -> tensor<8x32xf32>
  return %y : tensor<8x32xf32>
}

func.func @batched_w4a8(%a: tensor<2x8x64xi8>, %w: tensor<2x64x32xi4>, %sa: tensor<f32>, %sw: tensor<2x2x32xf32>) -> tensor<2x8x32xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 1, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<2x8x64xi8>, tensor<2x64x32xi4>, tensor<f32>, tensor<2x2x32xf32>) -> tensor<2x8x32xf32>
  return %y : tensor<2x8x32xf32>
}
