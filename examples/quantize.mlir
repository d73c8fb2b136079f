// Quanta's demo kernels: dynamic int8 quantization of activations, FP8
// E4M3FN with per-tensor scaling, and int4 weights with per-group scales.
// quanta-compile turns each function into a C entry point (see the header it
// writes); examples/demo.c calls them.

// The tutorial's example: max-abs int8 quantization of a whole tensor.
func.func @quantize_int8_max_abs(%x: tensor<?xf32>) -> (tensor<?xi8>, tensor<f32>) {
  %s = quanta.compute_params %x
      {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>,
       method = #quanta<params_method max_abs>} : (tensor<?xf32>) -> tensor<f32>
  %q = quanta.quantize %x, %s
      {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>}
      : (tensor<?xf32>, tensor<f32>) -> tensor<?xi8>
  return %q, %s : tensor<?xi8>, tensor<f32>
}

// Dynamic per-token (per-row) int8 quantization followed by dequantization,
// as LLM inference does for activations.
func.func @int8_per_token_roundtrip(%x: tensor<?x64xf32>) -> tensor<?x64xf32> {
  %s = quanta.compute_params %x
      {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       method = #quanta<params_method max_abs>} : (tensor<?x64xf32>) -> tensor<?xf32>
  %q = quanta.quantize %x, %s
      {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>}
      : (tensor<?x64xf32>, tensor<?xf32>) -> tensor<?x64xi8>
  %y = quanta.dequantize %q, %s
      {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>}
      : (tensor<?x64xi8>, tensor<?xf32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}

// FP8 E4M3FN with a per-tensor scale that maps max|x| to 448 (saturating,
// round half to even), then back to f32.
func.func @fp8_e4m3_roundtrip(%x: tensor<?x64xf32>) -> (tensor<?x64xf8E4M3FN>, tensor<?x64xf32>) {
  %s = quanta.compute_params %x
      {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       method = #quanta<params_method max_abs>} : (tensor<?x64xf32>) -> tensor<f32>
  %q = quanta.quantize %x, %s
      {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>}
      : (tensor<?x64xf32>, tensor<f32>) -> tensor<?x64xf8E4M3FN>
  %y = quanta.dequantize %q, %s
      {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>}
      : (tensor<?x64xf8E4M3FN>, tensor<f32>) -> tensor<?x64xf32>
  return %q, %y : tensor<?x64xf8E4M3FN>, tensor<?x64xf32>
}

// int4 weights, symmetric, one scale per group of 32 along the rows (K):
// the packed weights (two per byte, first in the low nibble) and their
// dequantized values.
func.func @int4_per_group_roundtrip(%w: tensor<64x?xf32>) -> (tensor<64x?xi4>, tensor<64x?xf32>) {
  %s = quanta.compute_params %w
      {scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       method = #quanta<params_method max_abs>} : (tensor<64x?xf32>) -> tensor<2x?xf32>
  %q = quanta.quantize %w, %s
      {scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>}
      : (tensor<64x?xf32>, tensor<2x?xf32>) -> tensor<64x?xi4>
  %y = quanta.dequantize %q, %s
      {scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>}
      : (tensor<64x?xi4>, tensor<2x?xf32>) -> tensor<64x?xf32>
  return %q, %y : tensor<64x?xi4>, tensor<64x?xf32>
}
