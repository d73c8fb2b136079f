// The kernels scripts/gpu-check.sh runs on a GPU: element-wise ops and
// quanta.matmul in the forms that have tensor-core kernels (int8, f16,
// weight-only int4), with shapes the harness varies at run time. FP8 matmuls
// are in kernels-fp8.mlir (sm_89 and newer).

// Element-wise: per-channel u8 quantization, per-tensor dequantization,
// saturating f32 -> E4M3FN cast.
func.func @quantize_u8(%x: tensor<?x64xf32>, %s: tensor<64xf32>, %z: tensor<64xi8>) -> tensor<?x64xi8> {
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 1>}
      : (tensor<?x64xf32>, tensor<64xf32>, tensor<64xi8>) -> tensor<?x64xi8>
  return %q : tensor<?x64xi8>
}
func.func @dequantize_i8(%q: tensor<?xi8>, %s: tensor<f32>, %z: tensor<i8>) -> tensor<?xf32> {
  %x = quanta.dequantize %q, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>}
      : (tensor<?xi8>, tensor<f32>, tensor<i8>) -> tensor<?xf32>
  return %x : tensor<?xf32>
}
func.func @cast_e4m3(%x: tensor<?xf32>) -> tensor<?xf8E4M3FN> {
  %y = quanta.cast %x {saturate} : tensor<?xf32> -> tensor<?xf8E4M3FN>
  return %y : tensor<?xf8E4M3FN>
}

// W8A8: u8 activations with a zero point x s8 per-column weights, bias,
// requantized to i8.
func.func @w8a8(%a: tensor<?x?xi8>, %w: tensor<?x?xi8>, %sa: tensor<f32>, %za: tensor<i8>, %sw: tensor<?xf32>, %b: tensor<?xf32>, %so: tensor<f32>, %zo: tensor<i8>) -> tensor<?x?xi8> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) bias(%b) result_scale(%so) result_zp(%zo)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       result_scheme = #quanta.scheme<storage = i8, expressed = f32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<f32>, tensor<?xf32>, tensor<i8>, tensor<?xf32>, tensor<f32>, tensor<i8>) -> tensor<?x?xi8>
  return %y : tensor<?x?xi8>
}
// The same with the weights N x K (the kernel reads them in place; the
// activations' zero point takes the dp4a column sums).
func.func @w8a8t(%a: tensor<?x?xi8>, %wt: tensor<?x?xi8>, %sa: tensor<f32>, %za: tensor<i8>, %sw: tensor<?xf32>, %b: tensor<?xf32>, %so: tensor<f32>, %zo: tensor<i8>) -> tensor<?x?xi8> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %wt, %c0 : tensor<?x?xi8>
  %k = tensor.dim %wt, %c1 : tensor<?x?xi8>
  %e = tensor.empty(%k, %n) : tensor<?x?xi8>
  %w = linalg.transpose ins(%wt : tensor<?x?xi8>) outs(%e : tensor<?x?xi8>) permutation = [1, 0]
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) bias(%b) result_scale(%so) result_zp(%zo)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       result_scheme = #quanta.scheme<storage = i8, expressed = f32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<f32>, tensor<?xf32>, tensor<i8>, tensor<?xf32>, tensor<f32>, tensor<i8>) -> tensor<?x?xi8>
  return %y : tensor<?x?xi8>
}
// Signed per-row asymmetric activations x unsigned asymmetric weights, f32.
func.func @s8u8(%a: tensor<?x?xi8>, %w: tensor<?x?xi8>, %sa: tensor<?xf32>, %za: tensor<?xi8>, %sw: tensor<f32>, %zw: tensor<i8>) -> tensor<?x?xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0>,
       rhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<?xf32>, tensor<f32>, tensor<?xi8>, tensor<i8>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
// The same batched (weights per batch, [B, K, N]): the kernels' grid z runs
// the batches, each block on views of its batch's matrices.
func.func @s8u8b(%a: tensor<?x?x?xi8>, %w: tensor<?x?x?xi8>, %sa: tensor<?xf32>, %za: tensor<?xi8>, %sw: tensor<f32>, %zw: tensor<i8>) -> tensor<?x?x?xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1>,
       rhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?x?xi8>, tensor<?x?x?xi8>, tensor<?xf32>, tensor<f32>, tensor<?xi8>, tensor<i8>) -> tensor<?x?x?xf32>
  return %y : tensor<?x?x?xf32>
}
// The same with the weights given N x K.
func.func @s8u8t(%a: tensor<?x?xi8>, %wt: tensor<?x?xi8>, %sa: tensor<?xf32>, %za: tensor<?xi8>, %sw: tensor<f32>, %zw: tensor<i8>) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %wt, %c0 : tensor<?x?xi8>
  %k = tensor.dim %wt, %c1 : tensor<?x?xi8>
  %e = tensor.empty(%k, %n) : tensor<?x?xi8>
  %w = linalg.transpose ins(%wt : tensor<?x?xi8>) outs(%e : tensor<?x?xi8>) permutation = [1, 0]
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0>,
       rhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<?xf32>, tensor<f32>, tensor<?xi8>, tensor<i8>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
// Symmetric s8 x s8 -> f32 (the int8 benchmark).
func.func @s8s8(%a: tensor<?x?xi8>, %w: tensor<?x?xi8>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<?x?xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<f32>, tensor<f32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
// The same with the weights given N x K (a Linear layer's [out, in]; what
// cuBLASLt's TN GEMM reads): the matmul's rhs is their transpose, which the
// GPU kernel reads in place.
func.func @s8s8t(%a: tensor<?x?xi8>, %wt: tensor<?x?xi8>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %wt, %c0 : tensor<?x?xi8>
  %k = tensor.dim %wt, %c1 : tensor<?x?xi8>
  %e = tensor.empty(%k, %n) : tensor<?x?xi8>
  %w = linalg.transpose ins(%wt : tensor<?x?xi8>) outs(%e : tensor<?x?xi8>) permutation = [1, 0]
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<f32>, tensor<f32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
// f16 x f16 -> f32, per-column weight scales, bias.
func.func @f16mm(%a: tensor<?x?xf16>, %w: tensor<?x?xf16>, %sa: tensor<f32>, %sw: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?x?xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) bias(%b)
      {lhs_scheme = #quanta.scheme<storage = f16, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f16, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xf16>, tensor<?x?xf16>, tensor<f32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
// The same with the weights N x K.
func.func @f16mmt(%a: tensor<?x?xf16>, %wt: tensor<?x?xf16>, %sa: tensor<f32>, %sw: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %wt, %c0 : tensor<?x?xf16>
  %k = tensor.dim %wt, %c1 : tensor<?x?xf16>
  %e = tensor.empty(%k, %n) : tensor<?x?xf16>
  %w = linalg.transpose ins(%wt : tensor<?x?xf16>) outs(%e : tensor<?x?xf16>) permutation = [1, 0]
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) bias(%b)
      {lhs_scheme = #quanta.scheme<storage = f16, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f16, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xf16>, tensor<?x?xf16>, tensor<f32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
// Weight-only int4 (packed at the ABI): f16 activations x symmetric i4 per
// group of 32 with f16 scales -> f16.
func.func @w4g32(%a: tensor<?x?xf16>, %w: tensor<?x?xi4>, %sw: tensor<?x?xf16>) -> tensor<?x?xf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f16, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xf16>, tensor<?x?xi4>, tensor<?x?xf16>) -> tensor<?x?xf16>
  return %y : tensor<?x?xf16>
}
// f16 x asymmetric ui4 per group of 128 (ONNX MatMulNBits' default), bias;
// the int4 benchmark.
func.func @w4zp128(%a: tensor<?x?xf16>, %w: tensor<?x?xi4>, %sw: tensor<?x?xf16>, %zw: tensor<?x?xi4>, %b: tensor<?xf32>) -> tensor<?x?xf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw) bias(%b)
      {rhs_scheme = #quanta.scheme<storage = ui4, expressed = f16, granularity = per_group, axis = 0, group_size = 128>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xf16>, tensor<?x?xi4>, tensor<?x?xf16>, tensor<?x?xi4>, tensor<?xf32>) -> tensor<?x?xf16>
  return %y : tensor<?x?xf16>
}
// The same with the weights N x K, packed along K (MatMulNBits' layout; the
// matmul's rhs is their transpose, which the kernels read in place).
func.func @w4zp128t(%a: tensor<?x?xf16>, %wt: tensor<?x?xi4>, %sw: tensor<?x?xf16>, %zw: tensor<?x?xi4>, %b: tensor<?xf32>) -> tensor<?x?xf16> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %wt, %c0 : tensor<?x?xi4>
  %k = tensor.dim %wt, %c1 : tensor<?x?xi4>
  %e = tensor.empty(%k, %n) : tensor<?x?xi4>
  %w = linalg.transpose ins(%wt : tensor<?x?xi4>) outs(%e : tensor<?x?xi4>) permutation = [1, 0]
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw) bias(%b)
      {rhs_scheme = #quanta.scheme<storage = ui4, expressed = f16, granularity = per_group, axis = 0, group_size = 128>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xf16>, tensor<?x?xi4>, tensor<?x?xf16>, tensor<?x?xi4>, tensor<?xf32>) -> tensor<?x?xf16>
  return %y : tensor<?x?xf16>
}
// bf16 x asymmetric i4 per group of 64 -> bf16.
func.func @w4g64bf16(%a: tensor<?x?xbf16>, %w: tensor<?x?xi4>, %sw: tensor<?x?xbf16>, %zw: tensor<?x?xi4>) -> tensor<?x?xbf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = bf16, granularity = per_group, axis = 0, group_size = 64>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xbf16>, tensor<?x?xi4>, tensor<?x?xbf16>, tensor<?x?xi4>) -> tensor<?x?xbf16>
  return %y : tensor<?x?xbf16>
}
// f16 x ui4 per column with zero points -> f16.
func.func @w4col(%a: tensor<?x?xf16>, %w: tensor<?x?xi4>, %sw: tensor<?xf16>, %zw: tensor<?xi4>) -> tensor<?x?xf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw)
      {rhs_scheme = #quanta.scheme<storage = ui4, expressed = f16, granularity = per_channel, axis = 1>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xf16>, tensor<?x?xi4>, tensor<?xf16>, tensor<?xi4>) -> tensor<?x?xf16>
  return %y : tensor<?x?xf16>
}
// Per-group int8 (the int8 kernel's group sums): i8 activations per row x
// i8 weights per group of 32 (llama.cpp's Q8_0) -> f32.
func.func @q80(%a: tensor<?x?xi8>, %w: tensor<?x?xi8>, %sa: tensor<?xf32>, %sw: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
// The same with the weights given N x K (llama.cpp's layout).
func.func @q80t(%a: tensor<?x?xi8>, %wt: tensor<?x?xi8>, %sa: tensor<?xf32>, %sw: tensor<?x?xf32>) -> tensor<?x?xf32> {
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
// W4A8: i8 activations per row x ui4 weights per group of 32 with zero
// points (packed at the ABI; ONNX MatMulNBits with accuracy_level 4) ->
// f32; the W4A8 benchmark.
func.func @w4a8(%a: tensor<?x?xi8>, %w: tensor<?x?xi4>, %sa: tensor<?xf32>, %sw: tensor<?x?xf32>, %zw: tensor<?x?xi4>) -> tensor<?x?xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?xi8>, tensor<?x?xi4>, tensor<?xf32>, tensor<?x?xf32>, tensor<?x?xi4>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
