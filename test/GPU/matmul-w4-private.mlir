// RUN: quanta-opt %s --quanta-outline-gpu-matmul --quanta-gpu-matmul-packed-int4 | FileCheck %s
// The weight-only int4 kernel reads its int4 operands packed, as the C ABI
// passes a public function's arguments. Int4 weights that are a private
// function's arguments or constants are one element per byte: those
// matmuls take the linalg path.

// CHECK-LABEL: func.func private @weights(
// CHECK: quanta.matmul
// CHECK-NOT: call
func.func private @weights(%a: tensor<?x64xf16>, %w: tensor<64x16xi4>, %sw: tensor<2x16xf16>) -> tensor<?x16xf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f16, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xf16>, tensor<64x16xi4>, tensor<2x16xf16>) -> tensor<?x16xf16>
  return %y : tensor<?x16xf16>
}

// CHECK-LABEL: func.func @constant_weights(
// CHECK: quanta.matmul
// CHECK-NOT: call
func.func @constant_weights(%a: tensor<?x64xf16>, %sw: tensor<2x16xf16>) -> tensor<?x16xf16> {
  %w = arith.constant dense<-3> : tensor<64x16xi4>
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f16, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xf16>, tensor<64x16xi4>, tensor<2x16xf16>) -> tensor<?x16xf16>
  return %y : tensor<?x16xf16>
}
