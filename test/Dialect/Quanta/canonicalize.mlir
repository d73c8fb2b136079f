// RUN: quanta-opt %s -canonicalize -split-input-file | FileCheck %s

// dequantize(quantize(x)) is fake_quant(x) by definition, whatever the params.
// CHECK-LABEL: func @dequantize_of_quantize
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[S:.*]]: tensor<f32>, %[[Z:.*]]: tensor<i8>)
// CHECK: %[[FQ:.*]] = quanta.fake_quant %[[X]], %[[S]], %[[Z]] {scheme = #quanta.scheme<storage = i8, expressed = f32, rounding = half_away>}
// CHECK-NOT: quanta.quantize
// CHECK: return %[[FQ]]
func.func @dequantize_of_quantize(%x: tensor<4xf32>, %s: tensor<f32>, %z: tensor<i8>) -> tensor<4xf32> {
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32, rounding = half_away>} : (tensor<4xf32>, tensor<f32>, tensor<i8>) -> tensor<4xi8>
  %d = quanta.dequantize %q, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>} : (tensor<4xi8>, tensor<f32>, tensor<i8>) -> tensor<4xf32>
  return %d : tensor<4xf32>
}

// -----

// Different scales: no rewrite.
// CHECK-LABEL: func @dequantize_of_quantize_other_scale
// CHECK: quanta.quantize
// CHECK: quanta.dequantize
func.func @dequantize_of_quantize_other_scale(%x: tensor<4xf32>, %s: tensor<f32>, %t: tensor<f32>) -> tensor<4xf32> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  %d = quanta.dequantize %q, %t {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xi8>, tensor<f32>) -> tensor<4xf32>
  return %d : tensor<4xf32>
}

// -----

// quantize(dequantize(q)) gives q back for every int8 code with these constants.
// CHECK-LABEL: func @quantize_of_dequantize
// CHECK-SAME: (%[[Q:.*]]: tensor<8xi8>)
// CHECK-NEXT: return %[[Q]]
func.func @quantize_of_dequantize(%q: tensor<8xi8>) -> tensor<8xi8> {
  %s = arith.constant dense<0.1> : tensor<f32>
  %z = arith.constant dense<-7> : tensor<i8>
  %d = quanta.dequantize %q, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>} : (tensor<8xi8>, tensor<f32>, tensor<i8>) -> tensor<8xf32>
  %r = quanta.quantize %d, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>} : (tensor<8xf32>, tensor<f32>, tensor<i8>) -> tensor<8xi8>
  return %r : tensor<8xi8>
}

// -----

// Per-channel int4 round-trips exactly. FP8 does not: quantizing adds the
// (zero) zero point as ONNX does, which turns the -0 code into +0.
// CHECK-LABEL: func @quantize_of_dequantize_per_channel_int4_and_fp8
// CHECK-SAME: (%[[Q:.*]]: tensor<2x3xi4>, %[[F:.*]]: tensor<16xf8E4M3FN>)
// CHECK: %[[FD:.*]] = quanta.dequantize %[[F]]
// CHECK: %[[FR:.*]] = quanta.quantize %[[FD]]
// CHECK-NEXT: return %[[Q]], %[[FR]]
func.func @quantize_of_dequantize_per_channel_int4_and_fp8(%q: tensor<2x3xi4>, %f: tensor<16xf8E4M3FN>) -> (tensor<2x3xi4>, tensor<16xf8E4M3FN>) {
  %s = arith.constant dense<[0.25, 3.0, 1.0e-3]> : tensor<3xf32>
  %z = arith.constant dense<[0, 5, -8]> : tensor<3xi4>
  %d = quanta.dequantize %q, %s, %z {scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_channel, axis = 1>} : (tensor<2x3xi4>, tensor<3xf32>, tensor<3xi4>) -> tensor<2x3xf32>
  %r = quanta.quantize %d, %s, %z {scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_channel, axis = 1>} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xi4>) -> tensor<2x3xi4>
  %fs = arith.constant dense<3.0> : tensor<f32>
  %fd = quanta.dequantize %f, %fs {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>} : (tensor<16xf8E4M3FN>, tensor<f32>) -> tensor<16xf32>
  %fr = quanta.quantize %fd, %fs {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>} : (tensor<16xf32>, tensor<f32>) -> tensor<16xf8E4M3FN>
  return %r, %fr : tensor<2x3xi4>, tensor<16xf8E4M3FN>
}

// -----

// A narrow-range quantize maps -128 to -127: not an identity, no fold.
// CHECK-LABEL: func @quantize_of_dequantize_narrow_range
// CHECK: quanta.dequantize
// CHECK: quanta.quantize
func.func @quantize_of_dequantize_narrow_range(%q: tensor<8xi8>) -> tensor<8xi8> {
  %s = arith.constant dense<0.5> : tensor<f32>
  %d = quanta.dequantize %q, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<8xi8>, tensor<f32>) -> tensor<8xf32>
  %r = quanta.quantize %d, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true, narrow_range = true>} : (tensor<8xf32>, tensor<f32>) -> tensor<8xi8>
  return %r : tensor<8xi8>
}

// -----

// Saturating E5M2 turns the +-inf codes into +-57344: no fold.
// CHECK-LABEL: func @quantize_of_dequantize_e5m2_saturating
// CHECK: quanta.dequantize
// CHECK: quanta.quantize
func.func @quantize_of_dequantize_e5m2_saturating(%f: tensor<16xf8E5M2>) -> tensor<16xf8E5M2> {
  %s = arith.constant dense<1.0> : tensor<f32>
  %d = quanta.dequantize %f, %s {scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>} : (tensor<16xf8E5M2>, tensor<f32>) -> tensor<16xf32>
  %r = quanta.quantize %d, %s {scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>} : (tensor<16xf32>, tensor<f32>) -> tensor<16xf8E5M2>
  return %r : tensor<16xf8E5M2>
}

// -----

// bf16 cannot hold (q - zp) * 0.1 exactly for every uint8 q, so the round trip
// is not an identity; with a power-of-two scale it is.
// CHECK-LABEL: func @quantize_of_dequantize_bf16
// CHECK-SAME: (%[[Q:.*]]: tensor<8xi8>)
// CHECK: %[[D:.*]] = quanta.dequantize %[[Q]], %{{.*}} {{.*}} -> tensor<8xbf16>
// CHECK: %[[R:.*]] = quanta.quantize %[[D]]
// CHECK: return %[[R]], %[[Q]]
func.func @quantize_of_dequantize_bf16(%q: tensor<8xi8>) -> (tensor<8xi8>, tensor<8xi8>) {
  %z = arith.constant dense<0> : tensor<i8>
  %s = arith.constant dense<0.1> : tensor<bf16>
  %d = quanta.dequantize %q, %s, %z {scheme = #quanta.scheme<storage = ui8, expressed = bf16>} : (tensor<8xi8>, tensor<bf16>, tensor<i8>) -> tensor<8xbf16>
  %r = quanta.quantize %d, %s, %z {scheme = #quanta.scheme<storage = ui8, expressed = bf16>} : (tensor<8xbf16>, tensor<bf16>, tensor<i8>) -> tensor<8xi8>
  %p = arith.constant dense<0.5> : tensor<bf16>
  %pd = quanta.dequantize %q, %p, %z {scheme = #quanta.scheme<storage = ui8, expressed = bf16>} : (tensor<8xi8>, tensor<bf16>, tensor<i8>) -> tensor<8xbf16>
  %pr = quanta.quantize %pd, %p, %z {scheme = #quanta.scheme<storage = ui8, expressed = bf16>} : (tensor<8xbf16>, tensor<bf16>, tensor<i8>) -> tensor<8xi8>
  return %r, %pr : tensor<8xi8>, tensor<8xi8>
}

// -----

// Dynamic parameters: exactness cannot be shown (a zero scale breaks it).
// CHECK-LABEL: func @quantize_of_dequantize_dynamic_scale
// CHECK: quanta.dequantize
// CHECK: quanta.quantize
func.func @quantize_of_dequantize_dynamic_scale(%q: tensor<8xi8>, %s: tensor<f32>) -> tensor<8xi8> {
  %d = quanta.dequantize %q, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<8xi8>, tensor<f32>) -> tensor<8xf32>
  %r = quanta.quantize %d, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<8xf32>, tensor<f32>) -> tensor<8xi8>
  return %r : tensor<8xi8>
}

// -----

// A QDQ chain Q -> DQ -> Q -> DQ collapses to one fake_quant.
// CHECK-LABEL: func @qdq_chain
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[FQ:.*]] = quanta.fake_quant %[[X]]
// CHECK-NEXT: return %[[FQ]]
func.func @qdq_chain(%x: tensor<4xf32>) -> tensor<4xf32> {
  %s = arith.constant dense<0.5> : tensor<f32>
  %z = arith.constant dense<3> : tensor<i8>
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>} : (tensor<4xf32>, tensor<f32>, tensor<i8>) -> tensor<4xi8>
  %d = quanta.dequantize %q, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>} : (tensor<4xi8>, tensor<f32>, tensor<i8>) -> tensor<4xf32>
  %q2 = quanta.quantize %d, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>} : (tensor<4xf32>, tensor<f32>, tensor<i8>) -> tensor<4xi8>
  %d2 = quanta.dequantize %q2, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>} : (tensor<4xi8>, tensor<f32>, tensor<i8>) -> tensor<4xf32>
  return %d2 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func @fake_quant_of_fake_quant
// CHECK-SAME: (%[[X:.*]]: tensor<4xf16>)
// CHECK: %[[FQ:.*]] = quanta.fake_quant %[[X]]
// CHECK-NEXT: return %[[FQ]]
func.func @fake_quant_of_fake_quant(%x: tensor<4xf16>) -> tensor<4xf16> {
  %s = arith.constant dense<0.125> : tensor<f16>
  %a = quanta.fake_quant %x, %s {scheme = #quanta.scheme<storage = i4, expressed = f16, symmetric = true>} : (tensor<4xf16>, tensor<f16>) -> tensor<4xf16>
  %b = quanta.fake_quant %a, %s {scheme = #quanta.scheme<storage = i4, expressed = f16, symmetric = true>} : (tensor<4xf16>, tensor<f16>) -> tensor<4xf16>
  return %b : tensor<4xf16>
}

// -----

// Requantize chains: a requantize that maps every input value to itself
// folds away, in each mode; any real rescaling stays.
// CHECK-LABEL: func @requantize_identity
// CHECK-SAME: (%[[X:.*]]: tensor<8xi8>)
// CHECK: %[[R:.*]] = quanta.requantize %[[X]]
// CHECK-SAME: -> tensor<8xi8>
// CHECK: %[[N:.*]] = quanta.requantize %[[X]]
// CHECK-SAME: narrow_range
// CHECK: return %[[X]], %[[X]], %[[X]], %[[R]], %[[N]]
func.func @requantize_identity(%x: tensor<8xi8>) -> (tensor<8xi8>, tensor<8xi8>, tensor<8xi8>, tensor<8xi8>, tensor<8xi8>) {
  %one = arith.constant dense<1.0> : tensor<f32>
  %two = arith.constant dense<2.0> : tensor<f32>
  %m = arith.constant dense<1073741824> : tensor<i32>
  %s = arith.constant dense<30> : tensor<i8>
  %z = arith.constant dense<5> : tensor<i8>
  %a = quanta.requantize %x, %one input_zp %z output_zp %z {mode = #quanta<requantize_mode float_multiplier>} : (tensor<8xi8>, tensor<f32>, tensor<i8>, tensor<i8>) -> tensor<8xi8>
  %b = quanta.requantize %a, %m shift %s {mode = #quanta<requantize_mode single_round>} : (tensor<8xi8>, tensor<i32>, tensor<i8>) -> tensor<8xi8>
  %c = quanta.requantize %b, %m shift %s {mode = #quanta<requantize_mode double_round>} : (tensor<8xi8>, tensor<i32>, tensor<i8>) -> tensor<8xi8>
  %d = quanta.requantize %x, %two {mode = #quanta<requantize_mode float_multiplier>} : (tensor<8xi8>, tensor<f32>) -> tensor<8xi8>
  %e = quanta.requantize %x, %one {mode = #quanta<requantize_mode float_multiplier>, narrow_range} : (tensor<8xi8>, tensor<f32>) -> tensor<8xi8>
  return %a, %b, %c, %d, %e : tensor<8xi8>, tensor<8xi8>, tensor<8xi8>, tensor<8xi8>, tensor<8xi8>
}

// -----

// CHECK-LABEL: func @cast_to_same_type
// CHECK-SAME: (%[[X:.*]]: tensor<4xf16>
// CHECK: %[[C:.*]] = quanta.cast %[[X]] scale
// CHECK: return %[[X]], %[[C]]
func.func @cast_to_same_type(%x: tensor<4xf16>, %s: tensor<f32>) -> (tensor<4xf16>, tensor<4xf16>) {
  %a = quanta.cast %x : tensor<4xf16> -> tensor<4xf16>
  %b = quanta.cast %x scale %s : tensor<4xf16>, tensor<f32> -> tensor<4xf16>
  return %a, %b : tensor<4xf16>, tensor<4xf16>
}

// -----

// Per-tensor scales and zero points of shape [1] become rank 0 (a `()` map
// in the lowering, where [1] needs `(0)`, which reshape propagation and the
// kernels' fused epilogues do not take); per-channel ones of shape [1] and
// per-tensor ones of rank 0 stay.
// CHECK-LABEL: func @matmul_rank_zero_per_tensor_params
// CHECK-SAME: (%[[A:.*]]: tensor<1x64xi8>, %[[W:.*]]: tensor<64x1xi8>, %[[SA:.*]]: tensor<1xf32>, %[[ZA:.*]]: tensor<1xi8>, %[[SW:.*]]: tensor<1xf32>, %[[SR:.*]]: tensor<f32>)
// CHECK-DAG: %[[SA0:.*]] = tensor.collapse_shape %[[SA]] [] : tensor<1xf32> into tensor<f32>
// CHECK-DAG: %[[ZA0:.*]] = tensor.collapse_shape %[[ZA]] [] : tensor<1xi8> into tensor<i8>
// CHECK: quanta.matmul %[[A]], %[[W]] lhs_scale(%[[SA0]]) rhs_scale(%[[SW]]) lhs_zp(%[[ZA0]]) result_scale(%[[SR]])
// CHECK-SAME: (tensor<1x64xi8>, tensor<64x1xi8>, tensor<f32>, tensor<1xf32>, tensor<i8>, tensor<f32>) -> tensor<1x1xi8>
func.func @matmul_rank_zero_per_tensor_params(%a: tensor<1x64xi8>, %w: tensor<64x1xi8>, %sa: tensor<1xf32>, %za: tensor<1xi8>, %sw: tensor<1xf32>, %sr: tensor<f32>) -> tensor<1x1xi8> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) result_scale(%sr)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       result_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<1x64xi8>, tensor<64x1xi8>, tensor<1xf32>, tensor<1xf32>, tensor<1xi8>, tensor<f32>) -> tensor<1x1xi8>
  return %y : tensor<1x1xi8>
}

// -----

// The same for matmul_integer's zero points of shape [1]; per-row ones stay.
// CHECK-LABEL: func @matmul_integer_rank_zero_zps
// CHECK-SAME: (%[[A:.*]]: tensor<4x8xi8>, %[[W:.*]]: tensor<8x2xi8>, %[[ZA:.*]]: tensor<4xi8>, %[[ZB:.*]]: tensor<1xi8>)
// CHECK: %[[ZB0:.*]] = tensor.collapse_shape %[[ZB]] [] : tensor<1xi8> into tensor<i8>
// CHECK: quanta.matmul_integer %[[A]], %[[W]] lhs_zp(%[[ZA]]) rhs_zp(%[[ZB0]])
// CHECK-SAME: (tensor<4x8xi8>, tensor<8x2xi8>, tensor<4xi8>, tensor<i8>) -> tensor<4x2xi32>
func.func @matmul_integer_rank_zero_zps(%a: tensor<4x8xi8>, %w: tensor<8x2xi8>, %za: tensor<4xi8>, %zb: tensor<1xi8>) -> tensor<4x2xi32> {
  %y = quanta.matmul_integer %a, %w lhs_zp(%za) rhs_zp(%zb) : (tensor<4x8xi8>, tensor<8x2xi8>, tensor<4xi8>, tensor<1xi8>) -> tensor<4x2xi32>
  return %y : tensor<4x2xi32>
}
