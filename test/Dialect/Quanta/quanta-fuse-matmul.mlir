// RUN: quanta-opt %s -split-input-file --quanta-fuse-matmul | FileCheck %s
// RUN: quanta-opt %s -split-input-file --quanta-fuse-matmul=integer-accumulation=true | FileCheck %s --check-prefix=INT

// Per-tensor W8A8: ui8 activations with a zero point, symmetric i8 weights.
// CHECK-LABEL: func @w8a8_per_tensor
// CHECK-SAME: (%[[QA:.*]]: tensor<4x64xi8>, %[[SA:.*]]: tensor<f32>, %[[ZA:.*]]: tensor<i8>, %[[QW:.*]]: tensor<64x16xi8>, %[[SW:.*]]: tensor<f32>)
// CHECK-NEXT: %[[Y:.*]] = quanta.matmul %[[QA]], %[[QW]] lhs_scale(%[[SA]]) rhs_scale(%[[SW]]) lhs_zp(%[[ZA]])
// CHECK-SAME: accumulation = #quanta<accumulation f32>
// CHECK-SAME: lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>
// CHECK-SAME: rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>
// CHECK-SAME: (tensor<4x64xi8>, tensor<64x16xi8>, tensor<f32>, tensor<f32>, tensor<i8>) -> tensor<4x16xf32>
// CHECK-NEXT: return %[[Y]]
// INT-LABEL: func @w8a8_per_tensor
// INT: quanta.matmul {{.*}}accumulation = #quanta<accumulation i32>
func.func @w8a8_per_tensor(%qa: tensor<4x64xi8>, %sa: tensor<f32>, %za: tensor<i8>, %qw: tensor<64x16xi8>, %sw: tensor<f32>) -> tensor<4x16xf32> {
  %a = quanta.dequantize %qa, %sa, %za {scheme = #quanta.scheme<storage = ui8, expressed = f32>} : (tensor<4x64xi8>, tensor<f32>, tensor<i8>) -> tensor<4x64xf32>
  %w = quanta.dequantize %qw, %sw {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x16xi8>, tensor<f32>) -> tensor<64x16xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %y = linalg.matmul ins(%a, %w : tensor<4x64xf32>, tensor<64x16xf32>) outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

// Per-channel weights, a bias add and requantization to i8, dynamic M: one
// quanta.matmul with bias, result_scale and result_zp.
// CHECK-LABEL: func @bias_requantize
// CHECK-SAME: (%[[QA:.*]]: tensor<?x64xi8>, %[[SA:.*]]: tensor<f32>, %[[ZA:.*]]: tensor<i8>, %[[QW:.*]]: tensor<64x16xi8>, %[[SW:.*]]: tensor<16xf32>, %[[B:.*]]: tensor<16xf32>, %[[SO:.*]]: tensor<f32>, %[[ZO:.*]]: tensor<i8>)
// CHECK-NEXT: %[[Y:.*]] = quanta.matmul %[[QA]], %[[QW]] lhs_scale(%[[SA]]) rhs_scale(%[[SW]]) lhs_zp(%[[ZA]]) bias(%[[B]]) result_scale(%[[SO]]) result_zp(%[[ZO]])
// CHECK-SAME: accumulation = #quanta<accumulation f32>
// CHECK-SAME: result_scheme = #quanta.scheme<storage = i8, expressed = f32>
// CHECK-SAME: rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>
// CHECK-SAME: -> tensor<?x16xi8>
// CHECK-NEXT: return %[[Y]]
// INT-LABEL: func @bias_requantize
// INT: quanta.matmul {{.*}} bias({{.*}}) result_scale({{.*}}) result_zp({{.*}}) {accumulation = #quanta<accumulation i32>
func.func @bias_requantize(%qa: tensor<?x64xi8>, %sa: tensor<f32>, %za: tensor<i8>, %qw: tensor<64x16xi8>, %sw: tensor<16xf32>, %b: tensor<16xf32>, %so: tensor<f32>, %zo: tensor<i8>) -> tensor<?x16xi8> {
  %c0 = arith.constant 0 : index
  %a = quanta.dequantize %qa, %sa, %za {scheme = #quanta.scheme<storage = ui8, expressed = f32>} : (tensor<?x64xi8>, tensor<f32>, tensor<i8>) -> tensor<?x64xf32>
  %w = quanta.dequantize %qw, %sw {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>} : (tensor<64x16xi8>, tensor<16xf32>) -> tensor<64x16xf32>
  %zero = arith.constant 0.0 : f32
  %m = tensor.dim %qa, %c0 : tensor<?x64xi8>
  %e = tensor.empty(%m) : tensor<?x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<?x16xf32>) -> tensor<?x16xf32>
  %y = linalg.matmul ins(%a, %w : tensor<?x64xf32>, tensor<64x16xf32>) outs(%init : tensor<?x16xf32>) -> tensor<?x16xf32>
  %e2 = tensor.empty(%m) : tensor<?x16xf32>
  %yb = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%y, %b : tensor<?x16xf32>, tensor<16xf32>) outs(%e2 : tensor<?x16xf32>) {
  ^bb0(%x: f32, %bias: f32, %o: f32):
    %s = arith.addf %x, %bias : f32
    linalg.yield %s : f32
  } -> tensor<?x16xf32>
  %r = quanta.quantize %yb, %so, %zo {scheme = #quanta.scheme<storage = i8, expressed = f32>} : (tensor<?x16xf32>, tensor<f32>, tensor<i8>) -> tensor<?x16xi8>
  return %r : tensor<?x16xi8>
}

// -----

// The bias added in place (the matmul result is the generic's init), the bias
// as the first addf operand; result quantized per column.
// CHECK-LABEL: func @bias_in_place_per_column_result
// CHECK-SAME: %[[B:[^:]*]]: tensor<16xf32>, %[[SO:.*]]: tensor<16xf32>)
// CHECK-NEXT: %[[Y:.*]] = quanta.matmul {{.*}} bias(%[[B]]) result_scale(%[[SO]]) {
// CHECK-SAME: result_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>
// CHECK-SAME: -> tensor<4x16xi8>
// CHECK-NEXT: return %[[Y]]
func.func @bias_in_place_per_column_result(%qa: tensor<4x64xi8>, %sa: tensor<f32>, %qw: tensor<64x16xi8>, %sw: tensor<f32>, %b: tensor<16xf32>, %so: tensor<16xf32>) -> tensor<4x16xi8> {
  %a = quanta.dequantize %qa, %sa {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4x64xi8>, tensor<f32>) -> tensor<4x64xf32>
  %w = quanta.dequantize %qw, %sw {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x16xi8>, tensor<f32>) -> tensor<64x16xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %y = linalg.matmul ins(%a, %w : tensor<4x64xf32>, tensor<64x16xf32>) outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
  %yb = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%b : tensor<16xf32>) outs(%y : tensor<4x16xf32>) {
  ^bb0(%bias: f32, %acc: f32):
    %s = arith.addf %bias, %acc : f32
    linalg.yield %s : f32
  } -> tensor<4x16xf32>
  %r = quanta.quantize %yb, %so {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>} : (tensor<4x16xf32>, tensor<16xf32>) -> tensor<4x16xi8>
  return %r : tensor<4x16xi8>
}

// -----

// Weight-only: plain f32 activations, int4 weights per group of 32 along K.
// CHECK-LABEL: func @weight_only_int4
// CHECK-SAME: (%[[X:.*]]: tensor<?x64xf32>, %[[QW:.*]]: tensor<64x16xi4>, %[[SW:.*]]: tensor<2x16xf32>)
// CHECK-NEXT: %[[Y:.*]] = quanta.matmul %[[X]], %[[QW]] rhs_scale(%[[SW]]) {accumulation = #quanta<accumulation f32>, rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>} : (tensor<?x64xf32>, tensor<64x16xi4>, tensor<2x16xf32>) -> tensor<?x16xf32>
// CHECK-NEXT: return %[[Y]]
// INT-LABEL: func @weight_only_int4
// INT: quanta.matmul {{.*}}accumulation = #quanta<accumulation f32>
func.func @weight_only_int4(%x: tensor<?x64xf32>, %qw: tensor<64x16xi4>, %sw: tensor<2x16xf32>) -> tensor<?x16xf32> {
  %c0 = arith.constant 0 : index
  %w = quanta.dequantize %qw, %sw {scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>} : (tensor<64x16xi4>, tensor<2x16xf32>) -> tensor<64x16xf32>
  %zero = arith.constant 0.0 : f32
  %m = tensor.dim %x, %c0 : tensor<?x64xf32>
  %e = tensor.empty(%m) : tensor<?x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<?x16xf32>) -> tensor<?x16xf32>
  %y = linalg.matmul ins(%x, %w : tensor<?x64xf32>, tensor<64x16xf32>) outs(%init : tensor<?x16xf32>) -> tensor<?x16xf32>
  return %y : tensor<?x16xf32>
}

// -----

// W4A8: i8 per-row activations x asymmetric ui4 weights per group of 32.
// CHECK-LABEL: func @per_group_int4
// CHECK-SAME: (%[[QA:.*]]: tensor<8x128xi8>, %[[SA:.*]]: tensor<8xf32>, %[[QW:.*]]: tensor<128x24xi4>, %[[SW:.*]]: tensor<4x24xf32>, %[[ZW:.*]]: tensor<4x24xi4>)
// CHECK-NEXT: %[[Y:.*]] = quanta.matmul %[[QA]], %[[QW]] lhs_scale(%[[SA]]) rhs_scale(%[[SW]]) rhs_zp(%[[ZW]])
// CHECK-SAME: accumulation = #quanta<accumulation f32>
// CHECK-SAME: lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>
// CHECK-SAME: rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 32>
// CHECK-NEXT: return %[[Y]]
// INT-LABEL: func @per_group_int4
// INT: quanta.matmul {{.*}}accumulation = #quanta<accumulation i32>
func.func @per_group_int4(%qa: tensor<8x128xi8>, %sa: tensor<8xf32>, %qw: tensor<128x24xi4>, %sw: tensor<4x24xf32>, %zw: tensor<4x24xi4>) -> tensor<8x24xf32> {
  %a = quanta.dequantize %qa, %sa {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>} : (tensor<8x128xi8>, tensor<8xf32>) -> tensor<8x128xf32>
  %w = quanta.dequantize %qw, %sw, %zw {scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 32>} : (tensor<128x24xi4>, tensor<4x24xf32>, tensor<4x24xi4>) -> tensor<128x24xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x24xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<8x24xf32>) -> tensor<8x24xf32>
  %y = linalg.matmul ins(%a, %w : tensor<8x128xf32>, tensor<128x24xf32>) outs(%init : tensor<8x24xf32>) -> tensor<8x24xf32>
  return %y : tensor<8x24xf32>
}

// -----

// An lhs per group along K needs rhs groups of the same size for i32
// accumulation: with per-tensor weights it stays f32 even with the option.
// CHECK-LABEL: func @lhs_per_group
// CHECK: quanta.matmul {{.*}}accumulation = #quanta<accumulation f32>, lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 1, group_size = 32, symmetric = true>
// INT-LABEL: func @lhs_per_group
// INT: quanta.matmul {{.*}}accumulation = #quanta<accumulation f32>
func.func @lhs_per_group(%qa: tensor<4x64xi8>, %sa: tensor<4x2xf32>, %qw: tensor<64x16xi8>, %sw: tensor<f32>) -> tensor<4x16xf32> {
  %a = quanta.dequantize %qa, %sa {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 1, group_size = 32, symmetric = true>} : (tensor<4x64xi8>, tensor<4x2xf32>) -> tensor<4x64xf32>
  %w = quanta.dequantize %qw, %sw {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x16xi8>, tensor<f32>) -> tensor<64x16xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %y = linalg.matmul ins(%a, %w : tensor<4x64xf32>, tensor<64x16xf32>) outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

// Batched FP8: float storage never gets i32 accumulation.
// CHECK-LABEL: func @batch_matmul_fp8
// CHECK-SAME: (%[[QA:.*]]: tensor<2x4x32xf8E4M3FN>, %[[SA:.*]]: tensor<f32>, %[[QW:.*]]: tensor<2x32x8xf8E5M2>, %[[SW:.*]]: tensor<8xf32>)
// CHECK-NEXT: %[[Y:.*]] = quanta.matmul %[[QA]], %[[QW]] lhs_scale(%[[SA]]) rhs_scale(%[[SW]])
// CHECK-SAME: accumulation = #quanta<accumulation f32>
// CHECK-SAME: rhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, granularity = per_channel, axis = 2, symmetric = true>
// CHECK-SAME: -> tensor<2x4x8xf32>
// CHECK-NEXT: return %[[Y]]
// INT-LABEL: func @batch_matmul_fp8
// INT: quanta.matmul {{.*}}accumulation = #quanta<accumulation f32>
func.func @batch_matmul_fp8(%qa: tensor<2x4x32xf8E4M3FN>, %sa: tensor<f32>, %qw: tensor<2x32x8xf8E5M2>, %sw: tensor<8xf32>) -> tensor<2x4x8xf32> {
  %a = quanta.dequantize %qa, %sa {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>} : (tensor<2x4x32xf8E4M3FN>, tensor<f32>) -> tensor<2x4x32xf32>
  %w = quanta.dequantize %qw, %sw {scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, granularity = per_channel, axis = 2, symmetric = true>} : (tensor<2x32x8xf8E5M2>, tensor<8xf32>) -> tensor<2x32x8xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4x8xf32>) -> tensor<2x4x8xf32>
  %y = linalg.batch_matmul ins(%a, %w : tensor<2x4x32xf32>, tensor<2x32x8xf32>) outs(%init : tensor<2x4x8xf32>) -> tensor<2x4x8xf32>
  return %y : tensor<2x4x8xf32>
}

// -----

// Batched int8 with a bias along the last axis and requantization.
// CHECK-LABEL: func @batch_matmul_bias_requantize
// CHECK-NEXT: %[[Y:.*]] = quanta.matmul {{.*}} bias(%{{.*}}) result_scale(%{{.*}}) result_zp(%{{.*}}) {accumulation = #quanta<accumulation f32>
// CHECK-SAME: -> tensor<3x4x8xi8>
// CHECK-NEXT: return %[[Y]]
// INT-LABEL: func @batch_matmul_bias_requantize
// INT: quanta.matmul {{.*}}accumulation = #quanta<accumulation i32>
func.func @batch_matmul_bias_requantize(%qa: tensor<3x4x32xi8>, %sa: tensor<f32>, %za: tensor<i8>, %qw: tensor<3x32x8xi8>, %sw: tensor<f32>, %b: tensor<8xf32>, %so: tensor<f32>, %zo: tensor<i8>) -> tensor<3x4x8xi8> {
  %a = quanta.dequantize %qa, %sa, %za {scheme = #quanta.scheme<storage = ui8, expressed = f32>} : (tensor<3x4x32xi8>, tensor<f32>, tensor<i8>) -> tensor<3x4x32xf32>
  %w = quanta.dequantize %qw, %sw {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<3x32x8xi8>, tensor<f32>) -> tensor<3x32x8xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<3x4x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<3x4x8xf32>) -> tensor<3x4x8xf32>
  %y = linalg.batch_matmul ins(%a, %w : tensor<3x4x32xf32>, tensor<3x32x8xf32>) outs(%init : tensor<3x4x8xf32>) -> tensor<3x4x8xf32>
  %e2 = tensor.empty() : tensor<3x4x8xf32>
  %yb = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%y, %b : tensor<3x4x8xf32>, tensor<8xf32>) outs(%e2 : tensor<3x4x8xf32>) {
  ^bb0(%x: f32, %bias: f32, %o: f32):
    %s = arith.addf %x, %bias : f32
    linalg.yield %s : f32
  } -> tensor<3x4x8xf32>
  %r = quanta.quantize %yb, %so, %zo {scheme = #quanta.scheme<storage = ui8, expressed = f32>} : (tensor<3x4x8xf32>, tensor<f32>, tensor<i8>) -> tensor<3x4x8xi8>
  return %r : tensor<3x4x8xi8>
}

// -----

// A fake_quant operand is dequantize(quantize(x)): it splits into a quantize
// and the fused dequantization (what canonicalization makes of an
// activation's Q/DQ pair).
// CHECK-LABEL: func @fake_quant_operand
// CHECK-SAME: (%[[X:.*]]: tensor<4x64xf32>, %[[SA:.*]]: tensor<f32>, %[[ZA:.*]]: tensor<i8>, %[[QW:.*]]: tensor<64x16xi8>, %[[SW:.*]]: tensor<16xf32>)
// CHECK-NEXT: %[[QA:.*]] = quanta.quantize %[[X]], %[[SA]], %[[ZA]] {scheme = #quanta.scheme<storage = ui8, expressed = f32>} : (tensor<4x64xf32>, tensor<f32>, tensor<i8>) -> tensor<4x64xi8>
// CHECK-NEXT: %[[Y:.*]] = quanta.matmul %[[QA]], %[[QW]] lhs_scale(%[[SA]]) rhs_scale(%[[SW]]) lhs_zp(%[[ZA]]) {accumulation = #quanta<accumulation f32>, lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>
// CHECK-NEXT: return %[[Y]]
func.func @fake_quant_operand(%x: tensor<4x64xf32>, %sa: tensor<f32>, %za: tensor<i8>, %qw: tensor<64x16xi8>, %sw: tensor<16xf32>) -> tensor<4x16xf32> {
  %a = quanta.fake_quant %x, %sa, %za {scheme = #quanta.scheme<storage = ui8, expressed = f32>} : (tensor<4x64xf32>, tensor<f32>, tensor<i8>) -> tensor<4x64xf32>
  %w = quanta.dequantize %qw, %sw {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>} : (tensor<64x16xi8>, tensor<16xf32>) -> tensor<64x16xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %y = linalg.matmul ins(%a, %w : tensor<4x64xf32>, tensor<64x16xf32>) outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

// -----

// Two layers joined by a Q/DQ pair (canonicalized to fake_quant): the first
// matmul takes the quantization as its result scheme, the second reads the
// stored values.
// CHECK-LABEL: func @two_layers
// CHECK-NEXT: %[[H:.*]] = quanta.matmul {{.*}} result_scale(%{{.*}}) result_zp(%{{.*}}) {{.*}} -> tensor<4x16xi8>
// CHECK-NEXT: %[[Y:.*]] = quanta.matmul %[[H]], {{.*}} -> tensor<4x8xf32>
// CHECK-NEXT: return %[[Y]]
func.func @two_layers(%qa: tensor<4x64xi8>, %sa: tensor<f32>, %qw1: tensor<64x16xi8>, %qw2: tensor<16x8xi8>, %sw: tensor<f32>, %sh: tensor<f32>, %zh: tensor<i8>) -> tensor<4x8xf32> {
  %zero = arith.constant 0.0 : f32
  %a = quanta.dequantize %qa, %sa {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4x64xi8>, tensor<f32>) -> tensor<4x64xf32>
  %w1 = quanta.dequantize %qw1, %sw {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x16xi8>, tensor<f32>) -> tensor<64x16xf32>
  %e1 = tensor.empty() : tensor<4x16xf32>
  %i1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<4x16xf32>) -> tensor<4x16xf32>
  %h = linalg.matmul ins(%a, %w1 : tensor<4x64xf32>, tensor<64x16xf32>) outs(%i1 : tensor<4x16xf32>) -> tensor<4x16xf32>
  %hq = quanta.fake_quant %h, %sh, %zh {scheme = #quanta.scheme<storage = ui8, expressed = f32>} : (tensor<4x16xf32>, tensor<f32>, tensor<i8>) -> tensor<4x16xf32>
  %w2 = quanta.dequantize %qw2, %sw {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<16x8xi8>, tensor<f32>) -> tensor<16x8xf32>
  %e2 = tensor.empty() : tensor<4x8xf32>
  %i2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = linalg.matmul ins(%hq, %w2 : tensor<4x16xf32>, tensor<16x8xf32>) outs(%i2 : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

// A quanta.matmul written directly absorbs a following quantize too.
// CHECK-LABEL: func @quanta_matmul_quantize
// CHECK-NEXT: %[[Y:.*]] = quanta.matmul {{.*}} result_scale(%{{.*}}) {accumulation = #quanta<accumulation i32>
// CHECK-SAME: -> tensor<4x16xi8>
// CHECK-NEXT: return %[[Y]]
func.func @quanta_matmul_quantize(%qa: tensor<4x64xi8>, %qw: tensor<64x16xi8>, %s: tensor<f32>) -> tensor<4x16xi8> {
  %y = quanta.matmul %qa, %qw lhs_scale(%s) rhs_scale(%s)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<4x64xi8>, tensor<64x16xi8>, tensor<f32>, tensor<f32>) -> tensor<4x16xf32>
  %r = quanta.quantize %y, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4x16xf32>, tensor<f32>) -> tensor<4x16xi8>
  return %r : tensor<4x16xi8>
}

// -----

// Negative: the weights' dequantization has another use.
// CHECK-LABEL: func @rhs_extra_use
// CHECK: quanta.dequantize
// CHECK: quanta.dequantize
// CHECK: linalg.fill
// CHECK: linalg.matmul
// CHECK-NOT: quanta.matmul
func.func @rhs_extra_use(%qa: tensor<4x64xi8>, %qw: tensor<64x16xi8>, %s: tensor<f32>) -> (tensor<4x16xf32>, tensor<64x16xf32>) {
  %a = quanta.dequantize %qa, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4x64xi8>, tensor<f32>) -> tensor<4x64xf32>
  %w = quanta.dequantize %qw, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x16xi8>, tensor<f32>) -> tensor<64x16xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %y = linalg.matmul ins(%a, %w : tensor<4x64xf32>, tensor<64x16xf32>) outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %y, %w : tensor<4x16xf32>, tensor<64x16xf32>
}

// -----

// Negative: the activations' dequantization has another use.
// CHECK-LABEL: func @lhs_extra_use
// CHECK: linalg.matmul
// CHECK-NOT: quanta.matmul
func.func @lhs_extra_use(%qa: tensor<4x64xi8>, %qw: tensor<64x16xi8>, %s: tensor<f32>) -> (tensor<4x16xf32>, tensor<4x64xf32>) {
  %a = quanta.dequantize %qa, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4x64xi8>, tensor<f32>) -> tensor<4x64xf32>
  %w = quanta.dequantize %qw, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x16xi8>, tensor<f32>) -> tensor<64x16xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %y = linalg.matmul ins(%a, %w : tensor<4x64xf32>, tensor<64x16xf32>) outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %y, %a : tensor<4x16xf32>, tensor<4x64xf32>
}

// -----

// The matmul result has another use: the matmul fuses, the bias add and the
// quantization stay outside.
// CHECK-LABEL: func @result_extra_use
// CHECK: %[[Y:.*]] = quanta.matmul {{.*}} -> tensor<4x16xf32>
// CHECK: %[[YB:.*]] = linalg.generic {{.*}} ins(%[[Y]], %{{.*}} : tensor<4x16xf32>, tensor<16xf32>)
// CHECK: %[[R:.*]] = quanta.quantize %[[YB]]
// CHECK: return %[[R]], %[[Y]]
func.func @result_extra_use(%qa: tensor<4x64xi8>, %qw: tensor<64x16xi8>, %s: tensor<f32>, %b: tensor<16xf32>) -> (tensor<4x16xi8>, tensor<4x16xf32>) {
  %a = quanta.dequantize %qa, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4x64xi8>, tensor<f32>) -> tensor<4x64xf32>
  %w = quanta.dequantize %qw, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x16xi8>, tensor<f32>) -> tensor<64x16xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %y = linalg.matmul ins(%a, %w : tensor<4x64xf32>, tensor<64x16xf32>) outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
  %yb = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%y, %b : tensor<4x16xf32>, tensor<16xf32>) outs(%e : tensor<4x16xf32>) {
  ^bb0(%x: f32, %bias: f32, %o: f32):
    %sum = arith.addf %x, %bias : f32
    linalg.yield %sum : f32
  } -> tensor<4x16xf32>
  %r = quanta.quantize %yb, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4x16xf32>, tensor<f32>) -> tensor<4x16xi8>
  return %r, %y : tensor<4x16xi8>, tensor<4x16xf32>
}

// -----

// Negative: the accumulation starts from 1.0, from -0.0, or from a tensor
// that is not a fill.
// CHECK-LABEL: func @non_zero_init
// CHECK-COUNT-3: linalg.matmul
// CHECK-NOT: quanta.matmul
func.func @non_zero_init(%qa: tensor<4x64xi8>, %qw: tensor<64x16xi8>, %s: tensor<f32>, %c: tensor<4x16xf32>) -> (tensor<4x16xf32>, tensor<4x16xf32>, tensor<4x16xf32>) {
  %a = quanta.dequantize %qa, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4x64xi8>, tensor<f32>) -> tensor<4x64xf32>
  %w = quanta.dequantize %qw, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x16xi8>, tensor<f32>) -> tensor<64x16xf32>
  %one = arith.constant 1.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %init = linalg.fill ins(%one : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %y = linalg.matmul ins(%a, %w : tensor<4x64xf32>, tensor<64x16xf32>) outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
  %a2 = quanta.dequantize %qa, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4x64xi8>, tensor<f32>) -> tensor<4x64xf32>
  %w2 = quanta.dequantize %qw, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x16xi8>, tensor<f32>) -> tensor<64x16xf32>
  %negzero = arith.constant -0.0 : f32
  %init2 = linalg.fill ins(%negzero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %y2 = linalg.matmul ins(%a2, %w2 : tensor<4x64xf32>, tensor<64x16xf32>) outs(%init2 : tensor<4x16xf32>) -> tensor<4x16xf32>
  %a3 = quanta.dequantize %qa, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4x64xi8>, tensor<f32>) -> tensor<4x64xf32>
  %w3 = quanta.dequantize %qw, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x16xi8>, tensor<f32>) -> tensor<64x16xf32>
  %y3 = linalg.matmul ins(%a3, %w3 : tensor<4x64xf32>, tensor<64x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %y, %y2, %y3 : tensor<4x16xf32>, tensor<4x16xf32>, tensor<4x16xf32>
}

// -----

// Negative: lhs per channel along K, rhs per channel along K: granularities
// quanta.matmul does not accept.
// CHECK-LABEL: func @unsupported_granularity
// CHECK-COUNT-2: linalg.matmul
// CHECK-NOT: quanta.matmul
func.func @unsupported_granularity(%qa: tensor<4x64xi8>, %sk: tensor<64xf32>, %qw: tensor<64x16xi8>, %s: tensor<f32>) -> (tensor<4x16xf32>, tensor<4x16xf32>) {
  %a = quanta.dequantize %qa, %sk {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>} : (tensor<4x64xi8>, tensor<64xf32>) -> tensor<4x64xf32>
  %w = quanta.dequantize %qw, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x16xi8>, tensor<f32>) -> tensor<64x16xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %y = linalg.matmul ins(%a, %w : tensor<4x64xf32>, tensor<64x16xf32>) outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
  %a2 = quanta.dequantize %qa, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4x64xi8>, tensor<f32>) -> tensor<4x64xf32>
  %w2 = quanta.dequantize %qw, %sk {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>} : (tensor<64x16xi8>, tensor<64xf32>) -> tensor<64x16xf32>
  %y2 = linalg.matmul ins(%a2, %w2 : tensor<4x64xf32>, tensor<64x16xf32>) outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %y, %y2 : tensor<4x16xf32>, tensor<4x16xf32>
}

// -----

// A fake_quant of the result is not representable: the matmul fuses, the
// fake_quant stays.
// CHECK-LABEL: func @fake_quant_result
// CHECK: %[[Y:.*]] = quanta.matmul {{.*}} -> tensor<4x16xf32>
// CHECK-NEXT: %[[R:.*]] = quanta.fake_quant %[[Y]]
// CHECK-NEXT: return %[[R]]
func.func @fake_quant_result(%qa: tensor<4x64xi8>, %qw: tensor<64x16xi8>, %s: tensor<f32>) -> tensor<4x16xf32> {
  %a = quanta.dequantize %qa, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4x64xi8>, tensor<f32>) -> tensor<4x64xf32>
  %w = quanta.dequantize %qw, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x16xi8>, tensor<f32>) -> tensor<64x16xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %y = linalg.matmul ins(%a, %w : tensor<4x64xf32>, tensor<64x16xf32>) outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
  %r = quanta.fake_quant %y, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4x16xf32>, tensor<f32>) -> tensor<4x16xf32>
  return %r : tensor<4x16xf32>
}

// -----

// Negative: bias adds that are not `out + bias[n]` in f32 (along M; with
// fast-math flags) stay outside the fused matmul.
// CHECK-LABEL: func @not_a_bias
// CHECK: %[[Y:.*]] = quanta.matmul {{.*}} -> tensor<4x16xf32>
// CHECK-NOT: bias(
// CHECK: linalg.generic {{.*}} ins(%[[Y]]
// CHECK: %[[Y2:.*]] = quanta.matmul {{.*}} -> tensor<4x16xf32>
// CHECK-NOT: bias(
// CHECK: linalg.generic {{.*}} ins(%[[Y2]]
func.func @not_a_bias(%qa: tensor<4x64xi8>, %qw: tensor<64x16xi8>, %s: tensor<f32>, %bm: tensor<4xf32>, %b: tensor<16xf32>) -> (tensor<4x16xf32>, tensor<4x16xf32>) {
  %a = quanta.dequantize %qa, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4x64xi8>, tensor<f32>) -> tensor<4x64xf32>
  %w = quanta.dequantize %qw, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x16xi8>, tensor<f32>) -> tensor<64x16xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %y = linalg.matmul ins(%a, %w : tensor<4x64xf32>, tensor<64x16xf32>) outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
  %yb = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%y, %bm : tensor<4x16xf32>, tensor<4xf32>) outs(%e : tensor<4x16xf32>) {
  ^bb0(%x: f32, %bias: f32, %o: f32):
    %sum = arith.addf %x, %bias : f32
    linalg.yield %sum : f32
  } -> tensor<4x16xf32>
  %a2 = quanta.dequantize %qa, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4x64xi8>, tensor<f32>) -> tensor<4x64xf32>
  %w2 = quanta.dequantize %qw, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x16xi8>, tensor<f32>) -> tensor<64x16xf32>
  %y2 = linalg.matmul ins(%a2, %w2 : tensor<4x64xf32>, tensor<64x16xf32>) outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
  %yb2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%y2, %b : tensor<4x16xf32>, tensor<16xf32>) outs(%e : tensor<4x16xf32>) {
  ^bb0(%x: f32, %bias: f32, %o: f32):
    %sum = arith.addf %x, %bias fastmath<reassoc> : f32
    linalg.yield %sum : f32
  } -> tensor<4x16xf32>
  return %yb, %yb2 : tensor<4x16xf32>, tensor<4x16xf32>
}

// -----

// Negative: f16 matmuls accumulate in f16, transposed operands (user-defined
// indexing maps) are not a plain matmul.
// CHECK-LABEL: func @not_plain_f32
// CHECK-COUNT-2: linalg.matmul
// CHECK-NOT: quanta.matmul
func.func @not_plain_f32(%qa: tensor<4x64xi8>, %qw: tensor<64x16xi8>, %s16: tensor<f16>, %qt: tensor<64x4xi8>, %s: tensor<f32>) -> (tensor<4x16xf16>, tensor<4x16xf32>) {
  %a = quanta.dequantize %qa, %s16 {scheme = #quanta.scheme<storage = i8, expressed = f16, symmetric = true>} : (tensor<4x64xi8>, tensor<f16>) -> tensor<4x64xf16>
  %w = quanta.dequantize %qw, %s16 {scheme = #quanta.scheme<storage = i8, expressed = f16, symmetric = true>} : (tensor<64x16xi8>, tensor<f16>) -> tensor<64x16xf16>
  %zero = arith.constant 0.0 : f16
  %e = tensor.empty() : tensor<4x16xf16>
  %init = linalg.fill ins(%zero : f16) outs(%e : tensor<4x16xf16>) -> tensor<4x16xf16>
  %y = linalg.matmul ins(%a, %w : tensor<4x64xf16>, tensor<64x16xf16>) outs(%init : tensor<4x16xf16>) -> tensor<4x16xf16>
  %at = quanta.dequantize %qt, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x4xi8>, tensor<f32>) -> tensor<64x4xf32>
  %w2 = quanta.dequantize %qw, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x16xi8>, tensor<f32>) -> tensor<64x16xf32>
  %zero32 = arith.constant 0.0 : f32
  %e32 = tensor.empty() : tensor<4x16xf32>
  %init32 = linalg.fill ins(%zero32 : f32) outs(%e32 : tensor<4x16xf32>) -> tensor<4x16xf32>
  %y2 = linalg.matmul indexing_maps = [affine_map<(d0, d1, d2) -> (d2, d0)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>] ins(%at, %w2 : tensor<64x4xf32>, tensor<64x16xf32>) outs(%init32 : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %y, %y2 : tensor<4x16xf16>, tensor<4x16xf32>
}

// -----

// tensor.dim of a dequantized operand reads only its shape: it moves to the
// stored tensor and does not block the fusion.
// CHECK-LABEL: func @dim_of_dequantized
// CHECK-SAME: (%[[QA:.*]]: tensor<?x64xi8>,
// CHECK: %[[M:.*]] = tensor.dim %[[QA]], %{{.*}} : tensor<?x64xi8>
// CHECK: quanta.matmul %[[QA]],
// CHECK-NOT: quanta.dequantize
// CHECK: return %{{.*}}, %[[M]]
func.func @dim_of_dequantized(%qa: tensor<?x64xi8>, %qw: tensor<64x16xi8>, %s: tensor<f32>) -> (tensor<?x16xf32>, index) {
  %c0 = arith.constant 0 : index
  %a = quanta.dequantize %qa, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<?x64xi8>, tensor<f32>) -> tensor<?x64xf32>
  %w = quanta.dequantize %qw, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<64x16xi8>, tensor<f32>) -> tensor<64x16xf32>
  %zero = arith.constant 0.0 : f32
  %m = tensor.dim %a, %c0 : tensor<?x64xf32>
  %e = tensor.empty(%m) : tensor<?x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<?x16xf32>) -> tensor<?x16xf32>
  %y = linalg.matmul ins(%a, %w : tensor<?x64xf32>, tensor<64x16xf32>) outs(%init : tensor<?x16xf32>) -> tensor<?x16xf32>
  return %y, %m : tensor<?x16xf32>, index
}
