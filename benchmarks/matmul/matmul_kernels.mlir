// quanta.matmul kernels timed by quanta-matmul-bench (matmul-bench.cpp),
// compiled for the host CPU by quanta-compile. Static shapes, f32 results.

// W8A8 GEMM: ui8 activations with a per-tensor zero point, i8 per-channel
// symmetric weights (the u8 x s8 -> i32 core, AVX-512 VNNI when available).
func.func @w8a8_256(%a: tensor<256x256xi8>, %w: tensor<256x256xi8>, %sa: tensor<f32>, %za: tensor<i8>, %sw: tensor<256xf32>) -> tensor<256x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<256x256xi8>, tensor<256x256xi8>, tensor<f32>, tensor<256xf32>, tensor<i8>) -> tensor<256x256xf32>
  return %y : tensor<256x256xf32>
}

func.func @w8a8_1024(%a: tensor<1024x1024xi8>, %w: tensor<1024x1024xi8>, %sa: tensor<f32>, %za: tensor<i8>, %sw: tensor<1024xf32>) -> tensor<1024x1024xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<1024x1024xi8>, tensor<1024x1024xi8>, tensor<f32>, tensor<1024xf32>, tensor<i8>) -> tensor<1024x1024xf32>
  return %y : tensor<1024x1024xf32>
}

// GEMV 1 x 4096 x 4096, same W8A8 form (int8 per-channel weights).
func.func @w8a8_gemv(%a: tensor<1x4096xi8>, %w: tensor<4096x4096xi8>, %sa: tensor<f32>, %za: tensor<i8>, %sw: tensor<4096xf32>) -> tensor<1x4096xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<1x4096xi8>, tensor<4096x4096xi8>, tensor<f32>, tensor<4096xf32>, tensor<i8>) -> tensor<1x4096xf32>
  return %y : tensor<1x4096xf32>
}

// The same GEMV with the weights given N x K (a Linear layer's [out, in]):
// the matmul's rhs is their transpose, which --quanta-block-transposes
// computes into a temporary on every call before the kernel.
func.func @w8a8_gemv_nk(%a: tensor<1x4096xi8>, %wt: tensor<4096x4096xi8>, %sa: tensor<f32>, %za: tensor<i8>, %sw: tensor<4096xf32>) -> tensor<1x4096xf32> {
  %e = tensor.empty() : tensor<4096x4096xi8>
  %w = linalg.transpose ins(%wt : tensor<4096x4096xi8>) outs(%e : tensor<4096x4096xi8>) permutation = [1, 0]
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<1x4096xi8>, tensor<4096x4096xi8>, tensor<f32>, tensor<4096xf32>, tensor<i8>) -> tensor<1x4096xf32>
  return %y : tensor<1x4096xf32>
}

// W4A8 GEMV 1 x 4096 x 4096: int8 per-row symmetric activations, int4
// per-group (32 along K) symmetric weights (packed two per byte at the ABI).
func.func @w4a8_gemv(%a: tensor<1x4096xi8>, %w: tensor<4096x4096xi4>, %sa: tensor<1xf32>, %sw: tensor<128x4096xf32>) -> tensor<1x4096xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<1x4096xi8>, tensor<4096x4096xi4>, tensor<1xf32>, tensor<128x4096xf32>) -> tensor<1x4096xf32>
  return %y : tensor<1x4096xf32>
}

// The same GEMV with the int4 weights given N x K (packed along K, ONNX
// MatMulNBits' layout): unpacked, their bytes transposed
// (--quanta-transpose-before-narrowing, --quanta-block-transposes), on every
// call.
func.func @w4a8_gemv_nk(%a: tensor<1x4096xi8>, %wt: tensor<4096x4096xi4>, %sa: tensor<1xf32>, %sw: tensor<128x4096xf32>) -> tensor<1x4096xf32> {
  %e = tensor.empty() : tensor<4096x4096xi4>
  %w = linalg.transpose ins(%wt : tensor<4096x4096xi4>) outs(%e : tensor<4096x4096xi4>) permutation = [1, 0]
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<1x4096xi8>, tensor<4096x4096xi4>, tensor<1xf32>, tensor<128x4096xf32>) -> tensor<1x4096xf32>
  return %y : tensor<1x4096xf32>
}

// W4A8 prefill 64 x 4096 x 4096: the same form with 64 rows.
func.func @w4a8_prefill(%a: tensor<64x4096xi8>, %w: tensor<4096x4096xi4>, %sa: tensor<64xf32>, %sw: tensor<128x4096xf32>) -> tensor<64x4096xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<64x4096xi8>, tensor<4096x4096xi4>, tensor<64xf32>, tensor<128x4096xf32>) -> tensor<64x4096xf32>
  return %y : tensor<64x4096xf32>
}

// The same W4A8 GEMV and prefill with ONNX MatMulNBits' asymmetric
// weights: uint4 per group of 32, with uint4 zero points per group and
// column (packed like the weights).
func.func @w4a8_zp_gemv(%a: tensor<1x4096xi8>, %w: tensor<4096x4096xi4>, %sa: tensor<1xf32>, %sw: tensor<128x4096xf32>, %zw: tensor<128x4096xi4>) -> tensor<1x4096xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<1x4096xi8>, tensor<4096x4096xi4>, tensor<1xf32>, tensor<128x4096xf32>, tensor<128x4096xi4>) -> tensor<1x4096xf32>
  return %y : tensor<1x4096xf32>
}

// The same GEMV with the weights given N x K (packed along K: MatMulNBits'
// layout); the zero points stay [groups, N].
func.func @w4a8_zp_gemv_nk(%a: tensor<1x4096xi8>, %wt: tensor<4096x4096xi4>, %sa: tensor<1xf32>, %sw: tensor<128x4096xf32>, %zw: tensor<128x4096xi4>) -> tensor<1x4096xf32> {
  %e = tensor.empty() : tensor<4096x4096xi4>
  %w = linalg.transpose ins(%wt : tensor<4096x4096xi4>) outs(%e : tensor<4096x4096xi4>) permutation = [1, 0]
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<1x4096xi8>, tensor<4096x4096xi4>, tensor<1xf32>, tensor<128x4096xf32>, tensor<128x4096xi4>) -> tensor<1x4096xf32>
  return %y : tensor<1x4096xf32>
}

func.func @w4a8_zp_prefill(%a: tensor<64x4096xi8>, %w: tensor<4096x4096xi4>, %sa: tensor<64xf32>, %sw: tensor<128x4096xf32>, %zw: tensor<128x4096xi4>) -> tensor<64x4096xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<64x4096xi8>, tensor<4096x4096xi4>, tensor<64xf32>, tensor<128x4096xf32>, tensor<128x4096xi4>) -> tensor<64x4096xf32>
  return %y : tensor<64x4096xf32>
}

// W8A8 GEMV and prefill with int8 weights per group of 32 along K
// (llama.cpp's Q8_0): int8 per-row symmetric activations.
func.func @w8a8_group_gemv(%a: tensor<1x4096xi8>, %w: tensor<4096x4096xi8>, %sa: tensor<1xf32>, %sw: tensor<128x4096xf32>) -> tensor<1x4096xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<1x4096xi8>, tensor<4096x4096xi8>, tensor<1xf32>, tensor<128x4096xf32>) -> tensor<1x4096xf32>
  return %y : tensor<1x4096xf32>
}

func.func @w8a8_group_prefill(%a: tensor<64x4096xi8>, %w: tensor<4096x4096xi8>, %sa: tensor<64xf32>, %sw: tensor<128x4096xf32>) -> tensor<64x4096xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<64x4096xi8>, tensor<4096x4096xi8>, tensor<64xf32>, tensor<128x4096xf32>) -> tensor<64x4096xf32>
  return %y : tensor<64x4096xf32>
}

// Weight-only W4A32 GEMV 1 x 4096 x 4096: f32 activations, int4 per-group
// (32 along K) symmetric weights, f32 accumulation in k order.
func.func @w4a32_gemv(%a: tensor<1x4096xf32>, %w: tensor<4096x4096xi4>, %sw: tensor<128x4096xf32>) -> tensor<1x4096xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<1x4096xf32>, tensor<4096x4096xi4>, tensor<128x4096xf32>) -> tensor<1x4096xf32>
  return %y : tensor<1x4096xf32>
}

// Weight-only W8A32 GEMV 1 x 4096 x 4096: f32 activations, int8 per-column
// symmetric weights, f32 accumulation in k order.
func.func @w8a32_gemv(%a: tensor<1x4096xf32>, %w: tensor<4096x4096xi8>, %sw: tensor<4096xf32>) -> tensor<1x4096xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<1x4096xf32>, tensor<4096x4096xi8>, tensor<4096xf32>) -> tensor<1x4096xf32>
  return %y : tensor<1x4096xf32>
}

// FP8 GEMV 1 x 4096 x 4096 (LLM decode): E4M3FN activations with a
// per-tensor scale x E4M3FN weights with per-column scales, f32
// accumulation in k order (the weight-only 8-bit kernel, FP8 decoded
// through f16).
func.func @fp8_gemv(%a: tensor<1x4096xf8E4M3FN>, %w: tensor<4096x4096xf8E4M3FN>, %sa: tensor<f32>, %sw: tensor<4096xf32>) -> tensor<1x4096xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<1x4096xf8E4M3FN>, tensor<4096x4096xf8E4M3FN>, tensor<f32>, tensor<4096xf32>) -> tensor<1x4096xf32>
  return %y : tensor<1x4096xf32>
}

// bf16 GEMM 1024^3, f32 result: plain linalg.matmul (the AVX512-BF16
// vdpbf16ps kernel on Zen 4).
func.func @bf16_1024(%a: tensor<1024x1024xbf16>, %w: tensor<1024x1024xbf16>) -> tensor<1024x1024xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1024x1024xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  %y = linalg.matmul ins(%a, %w : tensor<1024x1024xbf16>, tensor<1024x1024xbf16>) outs(%init : tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  return %y : tensor<1024x1024xf32>
}

// The same GEMM with the weights given N x K (a Linear layer's [out, in]),
// read in place: panels packed from them by word transposes in registers.
func.func @bf16_1024_nk(%a: tensor<1024x1024xbf16>, %wt: tensor<1024x1024xbf16>) -> tensor<1024x1024xf32> {
  %et = tensor.empty() : tensor<1024x1024xbf16>
  %w = linalg.transpose ins(%wt : tensor<1024x1024xbf16>) outs(%et : tensor<1024x1024xbf16>) permutation = [1, 0]
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1024x1024xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  %y = linalg.matmul ins(%a, %w : tensor<1024x1024xbf16>, tensor<1024x1024xbf16>) outs(%init : tensor<1024x1024xf32>) -> tensor<1024x1024xf32>
  return %y : tensor<1024x1024xf32>
}

// The weight-only GEMVs with the weights given N x K, read in place: int4
// packed along K (ONNX MatMulNBits at accuracy level 0), int8 per column (a
// Linear layer's [out, in]).
func.func @w4a32_gemv_nk(%a: tensor<1x4096xf32>, %wt: tensor<4096x4096xi4>, %sw: tensor<128x4096xf32>) -> tensor<1x4096xf32> {
  %e = tensor.empty() : tensor<4096x4096xi4>
  %w = linalg.transpose ins(%wt : tensor<4096x4096xi4>) outs(%e : tensor<4096x4096xi4>) permutation = [1, 0]
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<1x4096xf32>, tensor<4096x4096xi4>, tensor<128x4096xf32>) -> tensor<1x4096xf32>
  return %y : tensor<1x4096xf32>
}

func.func @w8a32_gemv_nk(%a: tensor<1x4096xf32>, %wt: tensor<4096x4096xi8>, %sw: tensor<4096xf32>) -> tensor<1x4096xf32> {
  %e = tensor.empty() : tensor<4096x4096xi8>
  %w = linalg.transpose ins(%wt : tensor<4096x4096xi8>) outs(%e : tensor<4096x4096xi8>) permutation = [1, 0]
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<1x4096xf32>, tensor<4096x4096xi8>, tensor<4096xf32>) -> tensor<1x4096xf32>
  return %y : tensor<1x4096xf32>
}
