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
