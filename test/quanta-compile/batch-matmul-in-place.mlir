// A batched matmul writes each batch's result in place, in the caller's
// result buffer: the loop over the batches writes the out-parameter, and
// no temporary of the whole result (2 MiB here) is allocated and copied to
// it.
// RUN: quanta-compile %s --emit=llvm -o - | FileCheck %s
// CHECK-LABEL: define void @bmm_int8(
// CHECK-NOT:   @malloc(i64 2097
// CHECK-NOT:   @llvm.memcpy
// CHECK:       ret void
func.func @bmm_int8(%a: tensor<8x256x256xi8>, %w: tensor<8x256x256xi8>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<8x256x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<8x256x256xi8>, tensor<8x256x256xi8>, tensor<f32>, tensor<f32>) -> tensor<8x256x256xf32>
  return %y : tensor<8x256x256xf32>
}

// Two batch dimensions with int4 weights: their unpacking is an op on 5
// loops, which the kernels must not take for a weight-only matmul on the
// pairs view (it has one input; reading a second one crashed).
// CHECK-LABEL: define void @bmm_int4_rank4(
// CHECK:       ret void
func.func @bmm_int4_rank4(%a: tensor<1x1x2x2xf32>, %w: tensor<1x1x2x2xi4>, %sw: tensor<f32>) -> tensor<1x1x2x2xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi4>, tensor<f32>) -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}
