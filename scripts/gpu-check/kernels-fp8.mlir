// FP8 matmuls for scripts/gpu-check.sh (sm_89 and newer): E4M3FN x E4M3FN
// (the benchmark) and E4M3FN x E5M2, f32 accumulation.
func.func @e4m3mm(%a: tensor<?x?xf8E4M3FN>, %w: tensor<?x?xf8E4M3FN>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<?x?xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xf8E4M3FN>, tensor<?x?xf8E4M3FN>, tensor<f32>, tensor<f32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
// E4M3 weights given N x K (see s8s8t in kernels.mlir).
func.func @e4m3mmt(%a: tensor<?x?xf8E4M3FN>, %wt: tensor<?x?xf8E4M3FN>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %wt, %c0 : tensor<?x?xf8E4M3FN>
  %k = tensor.dim %wt, %c1 : tensor<?x?xf8E4M3FN>
  %e = tensor.empty(%k, %n) : tensor<?x?xf8E4M3FN>
  %w = linalg.transpose ins(%wt : tensor<?x?xf8E4M3FN>) outs(%e : tensor<?x?xf8E4M3FN>) permutation = [1, 0]
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xf8E4M3FN>, tensor<?x?xf8E4M3FN>, tensor<f32>, tensor<f32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
func.func @e4m3e5m2mm(%a: tensor<?x?xf8E4M3FN>, %w: tensor<?x?xf8E5M2>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<?x?xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xf8E4M3FN>, tensor<?x?xf8E5M2>, tensor<f32>, tensor<f32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
