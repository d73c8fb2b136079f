// RUN: quanta-opt %s -split-input-file -verify-diagnostics

func.func @scheme_unsupported_storage_f32(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{unsupported storage type 'f32' (expected i8, ui8, i4, ui4, f8E4M3FN, f8E5M2, f16 or bf16)}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = f32, expressed = f32, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_unsupported_storage_si8(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{unsupported storage type 'si8' (expected i8, ui8, i4, ui4, f8E4M3FN, f8E5M2, f16 or bf16)}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = si8, expressed = f32, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_unsupported_storage_i16(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{unsupported storage type 'i16'}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i16, expressed = f32, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_unsupported_expressed_f64(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{unsupported expressed type 'f64' (expected f32, f16 or bf16)}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f64, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_unsupported_pair_f16_f16(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{unsupported storage/expressed pair 'f16'/'f16': float storage must be narrower than the expressed type}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = f16, expressed = f16, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_unsupported_pair_bf16_f16(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{unsupported storage/expressed pair 'bf16'/'f16': float storage must be narrower than the expressed type}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = bf16, expressed = f16, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_per_tensor_axis(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{per_tensor scheme takes no axis or group_size}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, axis = 0, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_per_tensor_group_size(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{per_tensor scheme takes no axis or group_size}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, group_size = 2, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_per_channel_no_axis(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{per_channel scheme requires a non-negative axis}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_per_channel_negative_axis(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{per_channel scheme requires a non-negative axis}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = -2, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_per_channel_group_size(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{per_channel scheme takes no group_size}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, group_size = 2, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_per_group_no_axis(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{per_group scheme requires a non-negative axis}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, group_size = 2, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_per_group_zero_group_size(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{per_group scheme requires a positive group_size, got 0}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 0, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_per_group_missing_group_size(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{per_group scheme requires a positive group_size, got 0}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_per_group_negative_group_size(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{per_group scheme requires a positive group_size, got -4}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = -4, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_integer_no_saturate(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{integer storage always saturates}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true, saturate = false>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_float_asymmetric(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{float storage 'f8E4M3FN' requires symmetric = true (no zero point)}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_float_narrow_range(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{narrow_range applies only to integer storage}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true, narrow_range = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @scheme_float_rounding(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{float storage rounds half to even only}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true, rounding = half_away>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @quantize_i16_storage_tensor(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi16> {
  // expected-error @+1 {{'quanta.quantize' op result #0 must be ranked tensor of}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi16>
  return %q : tensor<4xi16>
}

// -----

func.func @quantize_scalar_input(%x: f32, %s: tensor<f32>) -> tensor<i8> {
  // expected-error @+1 {{'quanta.quantize' op operand #0 must be ranked tensor of}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (f32, tensor<f32>) -> tensor<i8>
  return %q : tensor<i8>
}

// -----

func.func @dequantize_i16_zero_point(%q: tensor<4xi8>, %s: tensor<f32>, %z: tensor<i16>) -> tensor<4xf32> {
  // expected-error @+1 {{'quanta.dequantize' op operand #2 must be ranked tensor of 8-bit signless integer or 4-bit signless integer values, but got 'tensor<i16>'}}
  %x = quanta.dequantize %q, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>} : (tensor<4xi8>, tensor<f32>, tensor<i16>) -> tensor<4xf32>
  return %x : tensor<4xf32>
}

// -----

func.func @cast_ranked_scale(%x: tensor<4xf32>, %s: tensor<1xf32>) -> tensor<4xf8E4M3FN> {
  // expected-error @+1 {{'quanta.cast' op operand #1 must be 0D tensor of 32-bit float values, but got 'tensor<1xf32>'}}
  %y = quanta.cast %x scale %s : tensor<4xf32>, tensor<1xf32> -> tensor<4xf8E4M3FN>
  return %y : tensor<4xf8E4M3FN>
}

// -----

func.func @fake_quant_type_mismatch(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xf16> {
  // expected-error @+1 {{'quanta.fake_quant' op failed to verify that all of {input, result} have same type}}
  %y = quanta.fake_quant %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xf16>
  return %y : tensor<4xf16>
}

// -----

func.func @quantize_expressed_mismatch(%x: tensor<4xf16>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{'quanta.quantize' op expressed type 'f32' of the scheme does not match element type 'f16'}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xf16>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @quantize_storage_mismatch(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xf8E4M3FN> {
  // expected-error @+1 {{'quanta.quantize' op storage type 'i8' of the scheme must be held in 'i8' elements, got 'f8E4M3FN'}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xf8E4M3FN>
  return %q : tensor<4xf8E4M3FN>
}

// -----

func.func @quantize_unsigned_storage_width_mismatch(%x: tensor<4xf32>, %s: tensor<f32>, %z: tensor<i4>) -> tensor<4xi4> {
  // expected-error @+1 {{'quanta.quantize' op storage type 'ui8' of the scheme must be held in 'i8' elements, got 'i4'}}
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = ui8, expressed = f32>} : (tensor<4xf32>, tensor<f32>, tensor<i4>) -> tensor<4xi4>
  return %q : tensor<4xi4>
}

// -----

func.func @quantize_shape_mismatch(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<5xi8> {
  // expected-error @+1 {{'quanta.quantize' op input and result shapes must match}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<5xi8>
  return %q : tensor<5xi8>
}

// -----

func.func @quantize_scale_element_type(%x: tensor<4xf32>, %s: tensor<f16>) -> tensor<4xi8> {
  // expected-error @+1 {{'quanta.quantize' op scale element type 'f16' must be 'f32'}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xf32>, tensor<f16>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @quantize_zero_point_element_type(%x: tensor<4xf32>, %s: tensor<f32>, %z: tensor<i4>) -> tensor<4xi8> {
  // expected-error @+1 {{'quanta.quantize' op zero point element type 'i4' must be 'i8'}}
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>} : (tensor<4xf32>, tensor<f32>, tensor<i4>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @quantize_per_tensor_scale_shape(%x: tensor<4xf32>, %s: tensor<2xf32>) -> tensor<4xi8> {
  // expected-error @+1 {{'quanta.quantize' op per_tensor scale must have shape [], got 'tensor<2xf32>'}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xf32>, tensor<2xf32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @quantize_per_channel_scale_shape(%x: tensor<4x3xf32>, %s: tensor<4xf32>) -> tensor<4x3xi8> {
  // expected-error @+1 {{'quanta.quantize' op per_channel scale must have shape [3], got 'tensor<4xf32>'}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>} : (tensor<4x3xf32>, tensor<4xf32>) -> tensor<4x3xi8>
  return %q : tensor<4x3xi8>
}

// -----

func.func @quantize_per_group_scale_shape(%x: tensor<8x64xf32>, %s: tensor<8x4xf32>) -> tensor<8x64xi4> {
  // expected-error @+1 {{'quanta.quantize' op per_group scale must have shape [8, 2], got 'tensor<8x4xf32>'}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 1, group_size = 32, symmetric = true>} : (tensor<8x64xf32>, tensor<8x4xf32>) -> tensor<8x64xi4>
  return %q : tensor<8x64xi4>
}

// -----

func.func @quantize_per_group_dynamic_scale_shape(%x: tensor<?x64xf32>, %s: tensor<2xf32>) -> tensor<?x64xi4> {
  // expected-error @+1 {{'quanta.quantize' op per_group scale must have shape [?, 2], got 'tensor<2xf32>'}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 1, group_size = 32, symmetric = true>} : (tensor<?x64xf32>, tensor<2xf32>) -> tensor<?x64xi4>
  return %q : tensor<?x64xi4>
}

// -----

func.func @quantize_zero_point_shape(%x: tensor<4x3xf32>, %s: tensor<3xf32>, %z: tensor<i8>) -> tensor<4x3xi8> {
  // expected-error @+1 {{'quanta.quantize' op per_channel zero point must have shape [3], got 'tensor<i8>'}}
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1>} : (tensor<4x3xf32>, tensor<3xf32>, tensor<i8>) -> tensor<4x3xi8>
  return %q : tensor<4x3xi8>
}

// -----

func.func @quantize_per_channel_axis_out_of_range(%x: tensor<4x3xf32>, %s: tensor<3xf32>) -> tensor<4x3xi8> {
  // expected-error @+1 {{'quanta.quantize' op axis 2 is out of range for a tensor of rank 2}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 2, symmetric = true>} : (tensor<4x3xf32>, tensor<3xf32>) -> tensor<4x3xi8>
  return %q : tensor<4x3xi8>
}

// -----

func.func @quantize_per_group_axis_out_of_range(%x: tensor<64xf32>, %s: tensor<2xf32>) -> tensor<64xi4> {
  // expected-error @+1 {{'quanta.quantize' op axis 1 is out of range for a tensor of rank 1}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 1, group_size = 32, symmetric = true>} : (tensor<64xf32>, tensor<2xf32>) -> tensor<64xi4>
  return %q : tensor<64xi4>
}

// -----

func.func @quantize_group_size_not_dividing(%x: tensor<8x48xf32>, %s: tensor<8x2xf32>) -> tensor<8x48xi4> {
  // expected-error @+1 {{'quanta.quantize' op group_size 32 does not divide dimension 1 of size 48}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 1, group_size = 32, symmetric = true>} : (tensor<8x48xf32>, tensor<8x2xf32>) -> tensor<8x48xi4>
  return %q : tensor<8x48xi4>
}

// -----

func.func @quantize_zero_constant_scale(%x: tensor<4xf32>) -> tensor<4xi8> {
  %s = arith.constant dense<0.0> : tensor<f32>
  // expected-error @+1 {{'quanta.quantize' op scale must be positive and finite, got 0.000000e+00}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @quantize_negative_constant_scale(%x: tensor<4xf32>) -> tensor<4xi8> {
  %s = arith.constant dense<-2.0> : tensor<f32>
  // expected-error @+1 {{'quanta.quantize' op scale must be positive and finite, got -2.000000e+00}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @quantize_inf_constant_scale(%x: tensor<4xf32>) -> tensor<4xi8> {
  %s = arith.constant dense<0x7F800000> : tensor<f32>
  // expected-error @+1 {{'quanta.quantize' op scale must be positive and finite, got INF}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @quantize_nan_constant_scale(%x: tensor<4xf32>) -> tensor<4xi8> {
  %s = arith.constant dense<0x7FC00000> : tensor<f32>
  // expected-error @+1 {{'quanta.quantize' op scale must be positive and finite, got nan}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @quantize_per_channel_constant_scale(%x: tensor<4x3xf32>) -> tensor<4x3xi8> {
  %s = arith.constant dense<[1.0, 0.5, -0.25]> : tensor<3xf32>
  // expected-error @+1 {{'quanta.quantize' op scale must be positive and finite, got -2.500000e-01}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>} : (tensor<4x3xf32>, tensor<3xf32>) -> tensor<4x3xi8>
  return %q : tensor<4x3xi8>
}

// -----

func.func @quantize_symmetric_with_zero_point(%x: tensor<4xf32>, %s: tensor<f32>, %z: tensor<i8>) -> tensor<4xi8> {
  // expected-error @+1 {{'quanta.quantize' op symmetric scheme takes no zero point}}
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xf32>, tensor<f32>, tensor<i8>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @quantize_asymmetric_without_zero_point(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  // expected-error @+1 {{'quanta.quantize' op asymmetric scheme requires a zero point}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @quantize_zero_point_out_of_narrow_range(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  %z = arith.constant dense<-128> : tensor<i8>
  // expected-error @+1 {{'quanta.quantize' op zero point -128 is out of the storage range [-127, 127]}}
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32, narrow_range = true>} : (tensor<4xf32>, tensor<f32>, tensor<i8>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @quantize_unsigned_zero_point_out_of_narrow_range(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  %z = arith.constant dense<0> : tensor<i8>
  // expected-error @+1 {{'quanta.quantize' op zero point 0 is out of the storage range [1, 255]}}
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = ui8, expressed = f32, narrow_range = true>} : (tensor<4xf32>, tensor<f32>, tensor<i8>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}

// -----

func.func @dequantize_storage_mismatch(%q: tensor<4xf8E5M2>, %s: tensor<f32>) -> tensor<4xf32> {
  // expected-error @+1 {{'quanta.dequantize' op storage type 'f8E4M3FN' of the scheme must be held in 'f8E4M3FN' elements, got 'f8E5M2'}}
  %x = quanta.dequantize %q, %s {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>} : (tensor<4xf8E5M2>, tensor<f32>) -> tensor<4xf32>
  return %x : tensor<4xf32>
}

// -----

func.func @dequantize_expressed_mismatch(%q: tensor<4xi8>, %s: tensor<f32>) -> tensor<4xbf16> {
  // expected-error @+1 {{'quanta.dequantize' op expressed type 'f32' of the scheme does not match element type 'bf16'}}
  %x = quanta.dequantize %q, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xi8>, tensor<f32>) -> tensor<4xbf16>
  return %x : tensor<4xbf16>
}

// -----

func.func @dequantize_asymmetric_without_zero_point(%q: tensor<4xi8>, %s: tensor<f32>) -> tensor<4xf32> {
  // expected-error @+1 {{'quanta.dequantize' op asymmetric scheme requires a zero point}}
  %x = quanta.dequantize %q, %s {scheme = #quanta.scheme<storage = ui8, expressed = f32>} : (tensor<4xi8>, tensor<f32>) -> tensor<4xf32>
  return %x : tensor<4xf32>
}

// -----

func.func @fake_quant_expressed_mismatch(%x: tensor<4xf16>, %s: tensor<f32>) -> tensor<4xf16> {
  // expected-error @+1 {{'quanta.fake_quant' op expressed type 'f32' of the scheme does not match element type 'f16'}}
  %y = quanta.fake_quant %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xf16>, tensor<f32>) -> tensor<4xf16>
  return %y : tensor<4xf16>
}

// -----

func.func @fake_quant_per_channel_scale_shape(%x: tensor<4x3xf32>, %s: tensor<3xf32>) -> tensor<4x3xf32> {
  // expected-error @+1 {{'quanta.fake_quant' op per_channel scale must have shape [4], got 'tensor<3xf32>'}}
  %y = quanta.fake_quant %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>} : (tensor<4x3xf32>, tensor<3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

func.func @requantize_shape_mismatch(%acc: tensor<4x8xi32>, %m: tensor<f32>) -> tensor<4x7xi8> {
  // expected-error @+1 {{'quanta.requantize' op input and result shapes must match}}
  %y = quanta.requantize %acc, %m {mode = #quanta<requantize_mode float_multiplier>} : (tensor<4x8xi32>, tensor<f32>) -> tensor<4x7xi8>
  return %y : tensor<4x7xi8>
}

// -----

func.func @requantize_float_mode_i32_multiplier(%acc: tensor<4x8xi32>, %m: tensor<i32>) -> tensor<4x8xi8> {
  // expected-error @+1 {{'quanta.requantize' op mode float_multiplier requires an f32 multiplier}}
  %y = quanta.requantize %acc, %m {mode = #quanta<requantize_mode float_multiplier>} : (tensor<4x8xi32>, tensor<i32>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_integer_mode_f32_multiplier(%acc: tensor<4x8xi32>, %m: tensor<f32>, %sh: tensor<i8>) -> tensor<4x8xi8> {
  // expected-error @+1 {{'quanta.requantize' op mode single_round requires an i32 multiplier}}
  %y = quanta.requantize %acc, %m shift %sh {mode = #quanta<requantize_mode single_round>} : (tensor<4x8xi32>, tensor<f32>, tensor<i8>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_float_mode_shift(%acc: tensor<4x8xi32>, %m: tensor<f32>, %sh: tensor<i8>) -> tensor<4x8xi8> {
  // expected-error @+1 {{'quanta.requantize' op float_multiplier mode takes no shift}}
  %y = quanta.requantize %acc, %m shift %sh {mode = #quanta<requantize_mode float_multiplier>} : (tensor<4x8xi32>, tensor<f32>, tensor<i8>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_missing_shift(%acc: tensor<4x8xi32>, %m: tensor<i32>) -> tensor<4x8xi8> {
  // expected-error @+1 {{'quanta.requantize' op mode double_round requires a shift}}
  %y = quanta.requantize %acc, %m {mode = #quanta<requantize_mode double_round>} : (tensor<4x8xi32>, tensor<i32>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_integer_mode_rounding(%acc: tensor<4x8xi32>, %m: tensor<i32>, %sh: tensor<i8>) -> tensor<4x8xi8> {
  // expected-error @+1 {{'quanta.requantize' op rounding applies only to float_multiplier mode}}
  %y = quanta.requantize %acc, %m shift %sh {mode = #quanta<requantize_mode gemmlowp>, rounding = #quanta<rounding half_away>} : (tensor<4x8xi32>, tensor<i32>, tensor<i8>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_input_zp_element_type(%acc: tensor<4x8xi32>, %m: tensor<f32>, %zi: tensor<i8>) -> tensor<4x8xi8> {
  // expected-error @+1 {{'quanta.requantize' op input_zp element type must be 'i32'}}
  %y = quanta.requantize %acc, %m input_zp %zi {mode = #quanta<requantize_mode float_multiplier>} : (tensor<4x8xi32>, tensor<f32>, tensor<i8>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_output_zp_element_type(%acc: tensor<4x8xi32>, %m: tensor<f32>, %zo: tensor<i16>) -> tensor<4x8xi8> {
  // expected-error @+1 {{'quanta.requantize' op output_zp element type must be 'i8'}}
  %y = quanta.requantize %acc, %m output_zp %zo {mode = #quanta<requantize_mode float_multiplier>} : (tensor<4x8xi32>, tensor<f32>, tensor<i16>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_axis_out_of_range(%acc: tensor<4x8xi32>, %m: tensor<8xf32>) -> tensor<4x8xi8> {
  // expected-error @+1 {{'quanta.requantize' op axis 2 is out of range for a tensor of rank 2}}
  %y = quanta.requantize %acc, %m {mode = #quanta<requantize_mode float_multiplier>, axis = 2 : i64} : (tensor<4x8xi32>, tensor<8xf32>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_negative_axis(%acc: tensor<4x8xi32>, %m: tensor<8xf32>) -> tensor<4x8xi8> {
  // expected-error @+1 {{'quanta.requantize' op axis -1 is out of range for a tensor of rank 2}}
  %y = quanta.requantize %acc, %m {mode = #quanta<requantize_mode float_multiplier>, axis = -1 : i64} : (tensor<4x8xi32>, tensor<8xf32>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_per_channel_multiplier_without_axis(%acc: tensor<4x8xi32>, %m: tensor<8xf32>) -> tensor<4x8xi8> {
  // expected-error @+1 {{'quanta.requantize' op multiplier of rank 1 requires an axis}}
  %y = quanta.requantize %acc, %m {mode = #quanta<requantize_mode float_multiplier>} : (tensor<4x8xi32>, tensor<8xf32>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_per_channel_shift_without_axis(%acc: tensor<4x8xi32>, %m: tensor<i32>, %sh: tensor<8xi8>) -> tensor<4x8xi8> {
  // expected-error @+1 {{'quanta.requantize' op shift of rank 1 requires an axis}}
  %y = quanta.requantize %acc, %m shift %sh {mode = #quanta<requantize_mode single_round>} : (tensor<4x8xi32>, tensor<i32>, tensor<8xi8>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_per_channel_output_zp_without_axis(%acc: tensor<4x8xi32>, %m: tensor<f32>, %zo: tensor<8xi8>) -> tensor<4x8xi8> {
  // expected-error @+1 {{'quanta.requantize' op output_zp of rank 1 requires an axis}}
  %y = quanta.requantize %acc, %m output_zp %zo {mode = #quanta<requantize_mode float_multiplier>} : (tensor<4x8xi32>, tensor<f32>, tensor<8xi8>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_per_channel_multiplier_shape(%acc: tensor<4x8xi32>, %m: tensor<4xi32>, %sh: tensor<i8>) -> tensor<4x8xi8> {
  // expected-error @+1 {{'quanta.requantize' op per-channel multiplier must have shape [8], got 'tensor<4xi32>'}}
  %y = quanta.requantize %acc, %m shift %sh {mode = #quanta<requantize_mode single_round>, axis = 1 : i64} : (tensor<4x8xi32>, tensor<4xi32>, tensor<i8>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_per_channel_input_zp_rank(%acc: tensor<4x8xi32>, %m: tensor<f32>, %zi: tensor<1x8xi32>) -> tensor<4x8xi8> {
  // expected-error @+1 {{'quanta.requantize' op per-channel input_zp must have shape [8], got 'tensor<1x8xi32>'}}
  %y = quanta.requantize %acc, %m input_zp %zi {mode = #quanta<requantize_mode float_multiplier>, axis = 1 : i64} : (tensor<4x8xi32>, tensor<f32>, tensor<1x8xi32>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_zero_float_multiplier(%acc: tensor<4x8xi32>) -> tensor<4x8xi8> {
  %m = arith.constant dense<0.0> : tensor<f32>
  // expected-error @+1 {{'quanta.requantize' op multiplier must be positive and finite, got 0.000000e+00}}
  %y = quanta.requantize %acc, %m {mode = #quanta<requantize_mode float_multiplier>} : (tensor<4x8xi32>, tensor<f32>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_negative_integer_multiplier(%acc: tensor<4x8xi32>, %sh: tensor<i8>) -> tensor<4x8xi8> {
  %m = arith.constant dense<-5> : tensor<i32>
  // expected-error @+1 {{'quanta.requantize' op multiplier -5 is out of the fixed-point multiplier range [0, 2147483647]}}
  %y = quanta.requantize %acc, %m shift %sh {mode = #quanta<requantize_mode single_round>} : (tensor<4x8xi32>, tensor<i32>, tensor<i8>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_shift_too_small(%acc: tensor<4x8xi32>, %m: tensor<i32>) -> tensor<4x8xi8> {
  %sh = arith.constant dense<1> : tensor<i8>
  // expected-error @+1 {{'quanta.requantize' op shift 1 is out of the TOSA shift range [2, 62]}}
  %y = quanta.requantize %acc, %m shift %sh {mode = #quanta<requantize_mode single_round>} : (tensor<4x8xi32>, tensor<i32>, tensor<i8>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_shift_too_large(%acc: tensor<4x8xi32>, %m: tensor<i32>) -> tensor<4x8xi8> {
  %sh = arith.constant dense<63> : tensor<i8>
  // expected-error @+1 {{'quanta.requantize' op shift 63 is out of the TOSA shift range [2, 62]}}
  %y = quanta.requantize %acc, %m shift %sh {mode = #quanta<requantize_mode double_round>} : (tensor<4x8xi32>, tensor<i32>, tensor<i8>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_output_zp_out_of_narrow_range(%acc: tensor<4x8xi32>, %m: tensor<f32>) -> tensor<4x8xi8> {
  %zo = arith.constant dense<-128> : tensor<i8>
  // expected-error @+1 {{'quanta.requantize' op output_zp -128 is out of the storage range [-127, 127]}}
  %y = quanta.requantize %acc, %m output_zp %zo {mode = #quanta<requantize_mode float_multiplier>, narrow_range} : (tensor<4x8xi32>, tensor<f32>, tensor<i8>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

func.func @requantize_unsigned_output_zp_out_of_narrow_range(%acc: tensor<4x8xi32>, %m: tensor<f32>) -> tensor<4x8xi4> {
  %zo = arith.constant dense<0> : tensor<i4>
  // expected-error @+1 {{'quanta.requantize' op output_zp 0 is out of the storage range [1, 15]}}
  %y = quanta.requantize %acc, %m output_zp %zo {mode = #quanta<requantize_mode float_multiplier>, narrow_range, unsigned_output} : (tensor<4x8xi32>, tensor<f32>, tensor<i4>) -> tensor<4x8xi4>
  return %y : tensor<4x8xi4>
}

// -----

func.func @compute_params_expressed_mismatch(%x: tensor<6xf16>) -> tensor<f32> {
  // expected-error @+1 {{'quanta.compute_params' op expressed type 'f32' of the scheme does not match element type 'f16'}}
  %r0 = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method max_abs>} : (tensor<6xf16>) -> tensor<f32>
  return %r0 : tensor<f32>
}

// -----

func.func @compute_params_per_channel_scale_shape(%x: tensor<16x128xf32>) -> tensor<128xf32> {
  // expected-error @+1 {{'quanta.compute_params' op per_channel scale must have shape [16], got 'tensor<128xf32>'}}
  %r0 = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>, method = #quanta<params_method max_abs>} : (tensor<16x128xf32>) -> tensor<128xf32>
  return %r0 : tensor<128xf32>
}

// -----

func.func @compute_params_symmetric_with_zero_point(%x: tensor<6xf32>) -> (tensor<f32>, tensor<i8>) {
  // expected-error @+1 {{'quanta.compute_params' op symmetric scheme takes no zero point result}}
  %r0, %r1 = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method max_abs>} : (tensor<6xf32>) -> (tensor<f32>, tensor<i8>)
  return %r0, %r1 : tensor<f32>, tensor<i8>
}

// -----

func.func @compute_params_symmetric_unsigned(%x: tensor<6xf32>) -> tensor<f32> {
  // expected-error @+1 {{'quanta.compute_params' op symmetric parameters need signed or float storage}}
  %r0 = quanta.compute_params %x {scheme = #quanta.scheme<storage = ui8, expressed = f32, symmetric = true>, method = #quanta<params_method max_abs>} : (tensor<6xf32>) -> tensor<f32>
  return %r0 : tensor<f32>
}

// -----

func.func @compute_params_asymmetric_without_zero_point(%x: tensor<6xf32>) -> tensor<f32> {
  // expected-error @+1 {{'quanta.compute_params' op asymmetric scheme requires a zero point result}}
  %r0 = quanta.compute_params %x {scheme = #quanta.scheme<storage = ui8, expressed = f32>, method = #quanta<params_method min_max>} : (tensor<6xf32>) -> tensor<f32>
  return %r0 : tensor<f32>
}

// -----

func.func @compute_params_zero_point_element_type(%x: tensor<6xf32>) -> (tensor<f32>, tensor<i4>) {
  // expected-error @+1 {{'quanta.compute_params' op zero point element type 'i4' must be 'i8'}}
  %r0, %r1 = quanta.compute_params %x {scheme = #quanta.scheme<storage = ui8, expressed = f32>, method = #quanta<params_method min_max>} : (tensor<6xf32>) -> (tensor<f32>, tensor<i4>)
  return %r0, %r1 : tensor<f32>, tensor<i4>
}

// -----

func.func @compute_params_per_group_zero_point_shape(%x: tensor<16x128xf32>) -> (tensor<16x2xf32>, tensor<16x4xi4>) {
  // expected-error @+1 {{'quanta.compute_params' op per_group zero point must have shape [16, 2], got 'tensor<16x4xi4>'}}
  %r0, %r1 = quanta.compute_params %x {scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 1, group_size = 64>, method = #quanta<params_method min_max>} : (tensor<16x128xf32>) -> (tensor<16x2xf32>, tensor<16x4xi4>)
  return %r0, %r1 : tensor<16x2xf32>, tensor<16x4xi4>
}

// -----

func.func @compute_params_mean_std_without_k(%x: tensor<6xf32>) -> tensor<f32> {
  // expected-error @+1 {{'quanta.compute_params' op mean_std requires k}}
  %r0 = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method mean_std>} : (tensor<6xf32>) -> tensor<f32>
  return %r0 : tensor<f32>
}

// -----

func.func @compute_params_k_without_mean_std(%x: tensor<6xf32>) -> tensor<f32> {
  // expected-error @+1 {{'quanta.compute_params' op k applies only to mean_std}}
  %r0 = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method max_abs>, k = 3.0} : (tensor<6xf32>) -> tensor<f32>
  return %r0 : tensor<f32>
}

// -----

func.func @compute_params_zero_k(%x: tensor<6xf32>) -> tensor<f32> {
  // expected-error @+1 {{'quanta.compute_params' op k must be positive, got 0.000000e+00}}
  %r0 = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method mean_std>, k = 0.0} : (tensor<6xf32>) -> tensor<f32>
  return %r0 : tensor<f32>
}

// -----

func.func @compute_params_negative_k(%x: tensor<6xf32>) -> tensor<f32> {
  // expected-error @+1 {{'quanta.compute_params' op k must be positive, got -3.000000e+00}}
  %r0 = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method mean_std>, k = -3.0} : (tensor<6xf32>) -> tensor<f32>
  return %r0 : tensor<f32>
}

// -----

func.func @compute_params_percentile_missing(%x: tensor<6xf32>) -> tensor<f32> {
  // expected-error @+1 {{'quanta.compute_params' op method percentile requires percentile}}
  %r0 = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method percentile>} : (tensor<6xf32>) -> tensor<f32>
  return %r0 : tensor<f32>
}

// -----

func.func @compute_params_percentile_without_method(%x: tensor<6xf32>) -> tensor<f32> {
  // expected-error @+1 {{'quanta.compute_params' op percentile applies only to method percentile}}
  %r0 = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method max_abs>, percentile = 99.0} : (tensor<6xf32>) -> tensor<f32>
  return %r0 : tensor<f32>
}

// -----

func.func @compute_params_percentile_too_small(%x: tensor<6xf32>) -> tensor<f32> {
  // expected-error @+1 {{'quanta.compute_params' op percentile must be in (50, 100], got 5.000000e+01}}
  %r0 = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method percentile>, percentile = 50.0} : (tensor<6xf32>) -> tensor<f32>
  return %r0 : tensor<f32>
}

// -----

func.func @compute_params_percentile_too_large(%x: tensor<6xf32>) -> tensor<f32> {
  // expected-error @+1 {{'quanta.compute_params' op percentile must be in (50, 100], got 1.005000e+02}}
  %r0 = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method percentile>, percentile = 100.5} : (tensor<6xf32>) -> tensor<f32>
  return %r0 : tensor<f32>
}

// -----

func.func @cast_shape_mismatch(%x: tensor<4xf32>) -> tensor<8xf16> {
  // expected-error @+1 {{'quanta.cast' op input and result shapes must match}}
  %y = quanta.cast %x : tensor<4xf32> -> tensor<8xf16>
  return %y : tensor<8xf16>
}

// -----

func.func @cast_negative_constant_scale(%x: tensor<4xf32>) -> tensor<4xf8E4M3FN> {
  %s = arith.constant dense<-1.0> : tensor<f32>
  // expected-error @+1 {{'quanta.cast' op scale must be positive and finite, got -1.000000e+00}}
  %y = quanta.cast %x scale %s {saturate} : tensor<4xf32>, tensor<f32> -> tensor<4xf8E4M3FN>
  return %y : tensor<4xf8E4M3FN>
}

// -----

func.func @cast_i8_input(%x: tensor<4xi8>) -> tensor<4xf32> {
  // expected-error @+1 {{'quanta.cast' op operand #0 must be ranked tensor of}}
  %y = quanta.cast %x : tensor<4xi8> -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

func.func @matmul_rank_one(%a: tensor<64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>) -> tensor<16xf32> {
  // expected-error @+1 {{'quanta.matmul' op operands and result must have the same rank, at least 2}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<64xf32>, tensor<64x16xi8>, tensor<f32>) -> tensor<16xf32>
  return %y : tensor<16xf32>
}

// -----

func.func @matmul_rank_mismatch(%a: tensor<2x4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>) -> tensor<2x4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op operands and result must have the same rank, at least 2}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<2x4x64xf32>, tensor<64x16xi8>, tensor<f32>) -> tensor<2x4x16xf32>
  return %y : tensor<2x4x16xf32>
}

// -----

func.func @matmul_k_mismatch(%a: tensor<4x64xf32>, %w: tensor<32x16xi8>, %sw: tensor<f32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op shapes 'tensor<4x64xf32>' x 'tensor<32x16xi8>' -> 'tensor<4x16xf32>' do not form a matmul}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<32x16xi8>, tensor<f32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_result_shape(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>) -> tensor<4x8xf32> {
  // expected-error @+1 {{'quanta.matmul' op shapes 'tensor<4x64xf32>' x 'tensor<64x16xi8>' -> 'tensor<4x8xf32>' do not form a matmul}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

func.func @matmul_batch_mismatch(%a: tensor<2x4x64xf32>, %w: tensor<3x64x16xi8>, %sw: tensor<f32>) -> tensor<2x4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op shapes 'tensor<2x4x64xf32>' x 'tensor<3x64x16xi8>' -> 'tensor<2x4x16xf32>' do not form a matmul}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<2x4x64xf32>, tensor<3x64x16xi8>, tensor<f32>) -> tensor<2x4x16xf32>
  return %y : tensor<2x4x16xf32>
}

// -----

func.func @matmul_rhs_scale_shape(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<64xf32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op per_channel scale must have shape [16], got 'tensor<64xf32>'}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<64xf32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_rhs_storage_mismatch(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op storage type 'i4' of the scheme must be held in 'i4' elements, got 'i8'}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) {rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_rhs_symmetric_with_zero_point(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>, %zw: tensor<i8>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op symmetric scheme takes no zero point}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>, tensor<i8>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_rhs_per_channel_axis(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<64xf32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op rhs per_channel axis must be 1}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<64xf32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_rhs_per_group_axis(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<64x2xf32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op rhs per_group axis must be the K axis 0}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 1, group_size = 8, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<64x2xf32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_lhs_scheme_without_scale(%a: tensor<4x64xi8>, %w: tensor<64x16xi8>, %sw: tensor<f32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op lhs_scheme and lhs_scale go together}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation i32>} : (tensor<4x64xi8>, tensor<64x16xi8>, tensor<f32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_lhs_scale_without_scheme(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op lhs_scheme and lhs_scale go together}}
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>, tensor<f32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_lhs_asymmetric_without_zero_point(%a: tensor<4x64xi8>, %w: tensor<64x16xi8>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op asymmetric scheme requires a zero point}}
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>, rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation i32>} : (tensor<4x64xi8>, tensor<64x16xi8>, tensor<f32>, tensor<f32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_lhs_per_channel_axis(%a: tensor<4x64xi8>, %w: tensor<64x16xi8>, %sa: tensor<64xf32>, %sw: tensor<f32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op lhs per_channel axis must be 0}}
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>, rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation i32>} : (tensor<4x64xi8>, tensor<64x16xi8>, tensor<64xf32>, tensor<f32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_lhs_per_group_axis(%a: tensor<4x64xi8>, %w: tensor<64x16xi8>, %sa: tensor<2x64xf32>, %sw: tensor<f32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op lhs per_group axis must be the K axis 1}}
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 2, symmetric = true>, rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xi8>, tensor<64x16xi8>, tensor<2x64xf32>, tensor<f32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_expressed_mismatch(%a: tensor<4x64xi8>, %w: tensor<64x16xi8>, %sa: tensor<f16>, %sw: tensor<f32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op lhs and rhs schemes must share the expressed type}}
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) {lhs_scheme = #quanta.scheme<storage = i8, expressed = f16, symmetric = true>, rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation i32>} : (tensor<4x64xi8>, tensor<64x16xi8>, tensor<f16>, tensor<f32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_unquantized_lhs_zero_point(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>, %za: tensor<i8>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op an unquantized lhs takes no zero point}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) lhs_zp(%za) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>, tensor<i8>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_unquantized_lhs_type(%a: tensor<4x64xi8>, %w: tensor<64x16xi8>, %sw: tensor<f32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op an unquantized lhs must have the expressed type 'f32'}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xi8>, tensor<64x16xi8>, tensor<f32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_i32_accumulation_unquantized_lhs(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op i32 accumulation requires integer storage on both operands}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation i32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_i32_accumulation_float_storage(%a: tensor<4x64xf8E4M3FN>, %w: tensor<64x16xi8>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op i32 accumulation requires integer storage on both operands}}
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>, rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation i32>} : (tensor<4x64xf8E4M3FN>, tensor<64x16xi8>, tensor<f32>, tensor<f32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_i32_accumulation_group_mismatch(%a: tensor<4x64xi8>, %w: tensor<64x16xi8>, %sa: tensor<4x2xf32>, %sw: tensor<4x16xf32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op i32 accumulation with per_group lhs requires rhs groups of the same size}}
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 1, group_size = 32, symmetric = true>, rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 16, symmetric = true>, accumulation = #quanta<accumulation i32>} : (tensor<4x64xi8>, tensor<64x16xi8>, tensor<4x2xf32>, tensor<4x16xf32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_i32_accumulation_per_group_lhs_per_tensor_rhs(%a: tensor<4x64xi8>, %w: tensor<64x16xi8>, %sa: tensor<4x2xf32>, %sw: tensor<f32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op i32 accumulation with per_group lhs requires rhs groups of the same size}}
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 1, group_size = 32, symmetric = true>, rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation i32>} : (tensor<4x64xi8>, tensor<64x16xi8>, tensor<4x2xf32>, tensor<f32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_bias_shape(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>, %b: tensor<64xf32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op bias must have shape [N], got 'tensor<64xf32>'}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) bias(%b) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>, tensor<64xf32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_bias_rank(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>, %b: tensor<1x16xf32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op bias must have shape [N], got 'tensor<1x16xf32>'}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) bias(%b) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>, tensor<1x16xf32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_result_scale_without_scheme(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>, %so: tensor<f32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op result_scale and result_zp require a result_scheme}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) result_scale(%so) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>, tensor<f32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_result_zp_without_scheme(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>, %zo: tensor<i8>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op result_scale and result_zp require a result_scheme}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) result_zp(%zo) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>, tensor<i8>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_result_type(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>) -> tensor<4x16xf16> {
  // expected-error @+1 {{'quanta.matmul' op result element type must be the expressed type 'f32'}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>) -> tensor<4x16xf16>
  return %y : tensor<4x16xf16>
}

// -----

func.func @matmul_result_scheme_per_group(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>, %so: tensor<4x2xf32>) -> tensor<4x16xi8> {
  // expected-error @+1 {{'quanta.matmul' op result_scheme cannot be per_group}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) result_scale(%so) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, result_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 1, group_size = 8, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>, tensor<4x2xf32>) -> tensor<4x16xi8>
  return %y : tensor<4x16xi8>
}

// -----

func.func @matmul_result_scheme_without_scale(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>) -> tensor<4x16xi8> {
  // expected-error @+1 {{'quanta.matmul' op result_scheme requires result_scale}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, result_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>) -> tensor<4x16xi8>
  return %y : tensor<4x16xi8>
}

// -----

func.func @matmul_result_per_channel_axis(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>, %so: tensor<4xf32>) -> tensor<4x16xi8> {
  // expected-error @+1 {{'quanta.matmul' op result per_channel axis must be 1}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) result_scale(%so) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, result_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>, tensor<4xf32>) -> tensor<4x16xi8>
  return %y : tensor<4x16xi8>
}

// -----

func.func @matmul_result_storage_mismatch(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>, %so: tensor<f32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{'quanta.matmul' op storage type 'i8' of the scheme must be held in 'i8' elements, got 'f32'}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) result_scale(%so) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, result_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>, tensor<f32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @matmul_result_zero_point_out_of_range(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>, %sw: tensor<f32>, %so: tensor<f32>) -> tensor<4x16xi8> {
  %zo = arith.constant dense<0> : tensor<i8>
  // expected-error @+1 {{'quanta.matmul' op zero point 0 is out of the storage range [1, 255]}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) result_scale(%so) result_zp(%zo) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, result_scheme = #quanta.scheme<storage = ui8, expressed = f32, narrow_range = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>, tensor<f32>, tensor<i8>) -> tensor<4x16xi8>
  return %y : tensor<4x16xi8>
}

// -----

func.func @matmul_rhs_constant_scale_inf(%a: tensor<4x64xf32>, %w: tensor<64x16xi8>) -> tensor<4x16xf32> {
  %sw = arith.constant dense<0x7F800000> : tensor<f32>
  // expected-error @+1 {{'quanta.matmul' op scale must be positive and finite, got INF}}
  %y = quanta.matmul %a, %w rhs_scale(%sw) {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, accumulation = #quanta<accumulation f32>} : (tensor<4x64xf32>, tensor<64x16xi8>, tensor<f32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

func.func @float_storage_reciprocal(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xf8E4M3FN> {
  // expected-error @+1 {{float storage divides by the scale; reciprocal applies only to integer storage}}
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true, reciprocal = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xf8E4M3FN>
  return %q : tensor<4xf8E4M3FN>
}

// -----

func.func @matmul_integer_rank(%a: tensor<8xi8>, %b: tensor<8x4xi8>) -> tensor<4xi32> {
  // expected-error @+1 {{'quanta.matmul_integer' op lhs must have rank at least 2, rhs the same rank or rank 2, and the result the rank of lhs}}
  %y = quanta.matmul_integer %a, %b : (tensor<8xi8>, tensor<8x4xi8>) -> tensor<4xi32>
  return %y : tensor<4xi32>
}

// -----

func.func @matmul_integer_shapes(%a: tensor<2x3x8xi8>, %b: tensor<3x8x4xi8>) -> tensor<2x3x4xi32> {
  // expected-error @+1 {{'quanta.matmul_integer' op shapes 'tensor<2x3x8xi8>' x 'tensor<3x8x4xi8>' -> 'tensor<2x3x4xi32>' do not form a matmul}}
  %y = quanta.matmul_integer %a, %b : (tensor<2x3x8xi8>, tensor<3x8x4xi8>) -> tensor<2x3x4xi32>
  return %y : tensor<2x3x4xi32>
}

// -----

func.func @matmul_integer_lhs_zp_shape(%a: tensor<3x8xi8>, %b: tensor<8x4xi8>, %za: tensor<4xi8>) -> tensor<3x4xi32> {
  // expected-error @+1 {{'quanta.matmul_integer' op lhs_zp must have shape [], [1] or [M], got 'tensor<4xi8>'}}
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) : (tensor<3x8xi8>, tensor<8x4xi8>, tensor<4xi8>) -> tensor<3x4xi32>
  return %y : tensor<3x4xi32>
}

// -----

func.func @matmul_integer_rhs_zp_shape(%a: tensor<3x8xi8>, %b: tensor<8x4xi8>, %zb: tensor<1x4xi8>) -> tensor<3x4xi32> {
  // expected-error @+1 {{'quanta.matmul_integer' op rhs_zp must have shape [], [1] or [N], got 'tensor<1x4xi8>'}}
  %y = quanta.matmul_integer %a, %b rhs_zp(%zb) : (tensor<3x8xi8>, tensor<8x4xi8>, tensor<1x4xi8>) -> tensor<3x4xi32>
  return %y : tensor<3x4xi32>
}
