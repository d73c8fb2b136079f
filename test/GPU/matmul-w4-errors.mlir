// Weight-only int4 matmuls that have no GPU kernel are reported at the op by
// --quanta-outline-gpu-matmul (the linalg lowering would need the weights
// unpacked into a temporary, which the GPU target cannot allocate). int4
// operands that are not packed arguments: matmul-w4-private.mlir and
// matmul-w4-unpacked.mlir.
// RUN: quanta-opt %s -split-input-file --quanta-outline-gpu-matmul -verify-diagnostics

func.func @f32_lhs(%a: tensor<?x64xf32>, %w: tensor<64x16xi4>, %sw: tensor<2x16xf32>) -> tensor<?x16xf32> {
  // expected-error @+1 {{weight-only int4 matmul on the GPU needs f16 or bf16 activations (the f16/bf16 mma.sync), not f32}}
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xf32>, tensor<64x16xi4>, tensor<2x16xf32>) -> tensor<?x16xf32>
  return %y : tensor<?x16xf32>
}

// -----

func.func @batched(%a: tensor<2x?x64xf16>, %w: tensor<2x64x16xi4>, %sw: tensor<f16>) -> tensor<2x?x16xf16> {
  // expected-error @+1 {{weight-only int4 matmul on the GPU needs 2-D operands (batched forms have no GPU kernel yet)}}
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f16, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<2x?x64xf16>, tensor<2x64x16xi4>, tensor<f16>) -> tensor<2x?x16xf16>
  return %y : tensor<2x?x16xf16>
}

// -----

func.func @int4_result(%a: tensor<?x64xf16>, %w: tensor<64x16xi4>, %sw: tensor<16xf16>, %so: tensor<f16>) -> tensor<?x16xi4> {
  // expected-error @+1 {{weight-only int4 matmul on the GPU needs an f32/f16/bf16 result or an 8-bit one quantized per tensor or per column}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) result_scale(%so)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f16, granularity = per_channel, axis = 1, symmetric = true>,
       result_scheme = #quanta.scheme<storage = i4, expressed = f16, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xf16>, tensor<64x16xi4>, tensor<16xf16>, tensor<f16>) -> tensor<?x16xi4>
  return %y : tensor<?x16xi4>
}
