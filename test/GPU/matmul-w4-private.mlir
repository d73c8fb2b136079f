// RUN: quanta-opt %s --quanta-outline-gpu-matmul --quanta-gpu-matmul-packed-int4 -verify-diagnostics
// The int4 weights of a GPU matmul in a private function: nothing packs them
// (only public functions cross the C ABI packed).
func.func private @weights(%a: tensor<?x64xf16>, %w: tensor<64x16xi4>, %sw: tensor<2x16xf16>) -> tensor<?x16xf16> {
  // expected-error @+1 {{the int4 rhs operand of a GPU matmul must be an argument of a public function: the kernel reads int4 packed, as the C ABI passes it}}
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f16, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xf16>, tensor<64x16xi4>, tensor<2x16xf16>) -> tensor<?x16xf16>
  return %y : tensor<?x16xf16>
}
