// RUN: quanta-opt %s | quanta-opt | FileCheck %s
// RUN: quanta-opt %s --mlir-print-op-generic | quanta-opt | FileCheck %s

// CHECK-LABEL: func @quantize_per_tensor
func.func @quantize_per_tensor(%x: tensor<6xf32>, %s: tensor<f32>, %z: tensor<i8>) -> tensor<6xi8> {
  // CHECK: quanta.quantize %{{.*}}, %{{.*}}, %{{.*}} {scheme = #quanta.scheme<storage = ui8, expressed = f32>} : (tensor<6xf32>, tensor<f32>, tensor<i8>) -> tensor<6xi8>
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = ui8, expressed = f32>}
      : (tensor<6xf32>, tensor<f32>, tensor<i8>) -> tensor<6xi8>
  return %q : tensor<6xi8>
}

// CHECK-LABEL: func @quantize_per_tensor_shape_one
func.func @quantize_per_tensor_shape_one(%x: tensor<6xf32>, %s: tensor<1xf32>) -> tensor<6xi8> {
  // CHECK: quanta.quantize {{.*}} : (tensor<6xf32>, tensor<1xf32>) -> tensor<6xi8>
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>}
      : (tensor<6xf32>, tensor<1xf32>) -> tensor<6xi8>
  return %q : tensor<6xi8>
}

// CHECK-LABEL: func @quantize_per_channel_dynamic
func.func @quantize_per_channel_dynamic(%x: tensor<?x3xf32>, %s: tensor<3xf32>, %z: tensor<3xi8>) -> tensor<?x3xi8> {
  // CHECK: #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, narrow_range = true, rounding = half_away, reciprocal = true>
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, narrow_range = true, rounding = half_away, reciprocal = true>}
      : (tensor<?x3xf32>, tensor<3xf32>, tensor<3xi8>) -> tensor<?x3xi8>
  return %q : tensor<?x3xi8>
}

// CHECK-LABEL: func @quantize_per_group_int4
func.func @quantize_per_group_int4(%x: tensor<8x64xf16>, %s: tensor<8x2xf16>) -> tensor<8x64xi4> {
  // CHECK: #quanta.scheme<storage = i4, expressed = f16, granularity = per_group, axis = 1, group_size = 32, symmetric = true, rounding = toward_zero>
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i4, expressed = f16, granularity = per_group, axis = 1, group_size = 32, symmetric = true, rounding = toward_zero>}
      : (tensor<8x64xf16>, tensor<8x2xf16>) -> tensor<8x64xi4>
  return %q : tensor<8x64xi4>
}

// CHECK-LABEL: func @quantize_fp8
func.func @quantize_fp8(%x: tensor<5xf32>, %s: tensor<f32>) -> (tensor<5xf8E4M3FN>, tensor<5xf8E5M2>) {
  // CHECK: #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>
  %a = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>}
      : (tensor<5xf32>, tensor<f32>) -> tensor<5xf8E4M3FN>
  // CHECK: #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true, saturate = false>
  %b = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true, saturate = false>}
      : (tensor<5xf32>, tensor<f32>) -> tensor<5xf8E5M2>
  return %a, %b : tensor<5xf8E4M3FN>, tensor<5xf8E5M2>
}

// CHECK-LABEL: func @quantize_half_storage
func.func @quantize_half_storage(%x: tensor<4xf32>, %s: tensor<f32>) -> (tensor<4xf16>, tensor<4xbf16>) {
  // CHECK: quanta.quantize {{.*}} -> tensor<4xf16>
  %a = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = f16, expressed = f32, symmetric = true>}
      : (tensor<4xf32>, tensor<f32>) -> tensor<4xf16>
  // CHECK: quanta.quantize {{.*}} -> tensor<4xbf16>
  %b = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = bf16, expressed = f32, symmetric = true>}
      : (tensor<4xf32>, tensor<f32>) -> tensor<4xbf16>
  return %a, %b : tensor<4xf16>, tensor<4xbf16>
}

// CHECK-LABEL: func @dequantize
func.func @dequantize(%q: tensor<1x3x3x2xi8>, %s: tensor<3xf32>, %z: tensor<3xi8>, %f: tensor<5xf8E4M3FN>, %s16: tensor<f16>) -> (tensor<1x3x3x2xf32>, tensor<5xf16>) {
  // CHECK: quanta.dequantize %{{.*}}, %{{.*}}, %{{.*}} {scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 1>} : (tensor<1x3x3x2xi8>, tensor<3xf32>, tensor<3xi8>) -> tensor<1x3x3x2xf32>
  %a = quanta.dequantize %q, %s, %z {scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 1>}
      : (tensor<1x3x3x2xi8>, tensor<3xf32>, tensor<3xi8>) -> tensor<1x3x3x2xf32>
  // CHECK: quanta.dequantize {{.*}} : (tensor<5xf8E4M3FN>, tensor<f16>) -> tensor<5xf16>
  %b = quanta.dequantize %f, %s16 {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f16, symmetric = true>}
      : (tensor<5xf8E4M3FN>, tensor<f16>) -> tensor<5xf16>
  return %a, %b : tensor<1x3x3x2xf32>, tensor<5xf16>
}

// CHECK-LABEL: func @fake_quant
func.func @fake_quant(%x: tensor<16xbf16>, %s: tensor<bf16>, %z: tensor<i4>) -> tensor<16xbf16> {
  // CHECK: quanta.fake_quant %{{.*}}, %{{.*}}, %{{.*}} {scheme = #quanta.scheme<storage = ui4, expressed = bf16>} : (tensor<16xbf16>, tensor<bf16>, tensor<i4>) -> tensor<16xbf16>
  %y = quanta.fake_quant %x, %s, %z {scheme = #quanta.scheme<storage = ui4, expressed = bf16>}
      : (tensor<16xbf16>, tensor<bf16>, tensor<i4>) -> tensor<16xbf16>
  return %y : tensor<16xbf16>
}

// CHECK-LABEL: func @requantize
func.func @requantize(%acc: tensor<4x8xi32>, %mf: tensor<f32>, %m: tensor<8xi32>, %sh: tensor<8xi8>, %zi: tensor<i32>, %zo: tensor<i8>) -> (tensor<4x8xi8>, tensor<4x8xi8>, tensor<4x8xi8>, tensor<4x8xi8>) {
  // CHECK: quanta.requantize %{{.*}}, %{{.*}} output_zp %{{.*}} {mode = #quanta<requantize_mode float_multiplier>, rounding = #quanta<rounding half_away>, unsigned_output} : (tensor<4x8xi32>, tensor<f32>, tensor<i8>) -> tensor<4x8xi8>
  %a = quanta.requantize %acc, %mf output_zp %zo {mode = #quanta<requantize_mode float_multiplier>, rounding = #quanta<rounding half_away>, unsigned_output}
      : (tensor<4x8xi32>, tensor<f32>, tensor<i8>) -> tensor<4x8xi8>
  // CHECK: quanta.requantize %{{.*}}, %{{.*}} shift %{{.*}} input_zp %{{.*}} output_zp %{{.*}} {axis = 1 : i64, mode = #quanta<requantize_mode single_round>}
  %b = quanta.requantize %acc, %m shift %sh input_zp %zi output_zp %zo {mode = #quanta<requantize_mode single_round>, axis = 1 : i64}
      : (tensor<4x8xi32>, tensor<8xi32>, tensor<8xi8>, tensor<i32>, tensor<i8>) -> tensor<4x8xi8>
  // CHECK: mode = #quanta<requantize_mode double_round>, narrow_range
  %c = quanta.requantize %acc, %m shift %sh {mode = #quanta<requantize_mode double_round>, axis = 1 : i64, narrow_range}
      : (tensor<4x8xi32>, tensor<8xi32>, tensor<8xi8>) -> tensor<4x8xi8>
  // CHECK: mode = #quanta<requantize_mode gemmlowp>
  %d = quanta.requantize %acc, %m shift %sh {mode = #quanta<requantize_mode gemmlowp>, axis = 1 : i64}
      : (tensor<4x8xi32>, tensor<8xi32>, tensor<8xi8>) -> tensor<4x8xi8>
  return %a, %b, %c, %d : tensor<4x8xi8>, tensor<4x8xi8>, tensor<4x8xi8>, tensor<4x8xi8>
}

// CHECK-LABEL: func @compute_params
func.func @compute_params(%x: tensor<6xf32>, %w: tensor<16x128xf32>) -> (tensor<f32>, tensor<i8>, tensor<16xf32>, tensor<16x2xf32>, tensor<f32>) {
  // CHECK: quanta.compute_params %{{.*}} {method = #quanta<params_method min_max>, scheme = #quanta.scheme<storage = ui8, expressed = f32>} : (tensor<6xf32>) -> (tensor<f32>, tensor<i8>)
  %s, %z = quanta.compute_params %x {scheme = #quanta.scheme<storage = ui8, expressed = f32>, method = #quanta<params_method min_max>}
      : (tensor<6xf32>) -> (tensor<f32>, tensor<i8>)
  // CHECK: method = #quanta<params_method max_abs>
  %sc = quanta.compute_params %w {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>, method = #quanta<params_method max_abs>}
      : (tensor<16x128xf32>) -> tensor<16xf32>
  // CHECK: k = 3.000000e+00 : f64, method = #quanta<params_method mean_std>
  %sg = quanta.compute_params %w {scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 1, group_size = 64, symmetric = true>, method = #quanta<params_method mean_std>, k = 3.0}
      : (tensor<16x128xf32>) -> tensor<16x2xf32>
  // CHECK: method = #quanta<params_method percentile>, percentile = 9.950000e+01 : f64
  %sp = quanta.compute_params %x {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>, method = #quanta<params_method percentile>, percentile = 99.5}
      : (tensor<6xf32>) -> tensor<f32>
  return %s, %z, %sc, %sg, %sp : tensor<f32>, tensor<i8>, tensor<16xf32>, tensor<16x2xf32>, tensor<f32>
}

// CHECK-LABEL: func @cast
func.func @cast(%x: tensor<1024xf32>, %s: tensor<f32>, %h: tensor<8xf16>, %e: tensor<8xf8E5M2>) -> (tensor<1024xf8E4M3FN>, tensor<8xbf16>, tensor<8xf32>) {
  // CHECK: quanta.cast %{{.*}} scale %{{.*}} {saturate} : tensor<1024xf32>, tensor<f32> -> tensor<1024xf8E4M3FN>
  %a = quanta.cast %x scale %s {saturate} : tensor<1024xf32>, tensor<f32> -> tensor<1024xf8E4M3FN>
  // CHECK: quanta.cast %{{.*}} : tensor<8xf16> -> tensor<8xbf16>
  %b = quanta.cast %h : tensor<8xf16> -> tensor<8xbf16>
  // CHECK: quanta.cast %{{.*}} : tensor<8xf8E5M2> -> tensor<8xf32>
  %c = quanta.cast %e : tensor<8xf8E5M2> -> tensor<8xf32>
  return %a, %b, %c : tensor<1024xf8E4M3FN>, tensor<8xbf16>, tensor<8xf32>
}

// CHECK-LABEL: func @matmul_w8a8_requantized
func.func @matmul_w8a8_requantized(%a: tensor<4x64xi8>, %w: tensor<64x16xi8>, %sa: tensor<f32>, %sw: tensor<16xf32>, %za: tensor<i8>, %b: tensor<16xf32>, %so: tensor<f32>, %zo: tensor<i8>) -> tensor<4x16xi8> {
  // CHECK: quanta.matmul %{{.*}}, %{{.*}} lhs_scale(%{{.*}}) rhs_scale(%{{.*}}) lhs_zp(%{{.*}}) bias(%{{.*}}) result_scale(%{{.*}}) result_zp(%{{.*}}) {accumulation = #quanta<accumulation i32>
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) bias(%b) result_scale(%so) result_zp(%zo)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true, narrow_range = true>,
       result_scheme = #quanta.scheme<storage = i8, expressed = f32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<4x64xi8>, tensor<64x16xi8>, tensor<f32>, tensor<16xf32>, tensor<i8>, tensor<16xf32>, tensor<f32>, tensor<i8>) -> tensor<4x16xi8>
  return %y : tensor<4x16xi8>
}

// CHECK-LABEL: func @matmul_w4a8_per_group_dynamic_rows
func.func @matmul_w4a8_per_group_dynamic_rows(%a: tensor<?x128xi8>, %w: tensor<128x32xi4>, %sa: tensor<?xf32>, %sw: tensor<4x32xf32>) -> tensor<?x32xf32> {
  // CHECK: quanta.matmul {{.*}} : (tensor<?x128xi8>, tensor<128x32xi4>, tensor<?xf32>, tensor<4x32xf32>) -> tensor<?x32xf32>
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x128xi8>, tensor<128x32xi4>, tensor<?xf32>, tensor<4x32xf32>) -> tensor<?x32xf32>
  return %y : tensor<?x32xf32>
}

// CHECK-LABEL: func @matmul_weight_only_batched
func.func @matmul_weight_only_batched(%a: tensor<2x1x64xf16>, %w: tensor<2x64x8xi4>, %sw: tensor<2x1x8xf16>, %zw: tensor<2x1x8xi4>) -> tensor<2x1x8xf16> {
  // CHECK: quanta.matmul %{{.*}}, %{{.*}} rhs_scale(%{{.*}}) rhs_zp(%{{.*}}) {accumulation = #quanta<accumulation f32>
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw)
      {rhs_scheme = #quanta.scheme<storage = ui4, expressed = f16, granularity = per_group, axis = 1, group_size = 64>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<2x1x64xf16>, tensor<2x64x8xi4>, tensor<2x1x8xf16>, tensor<2x1x8xi4>) -> tensor<2x1x8xf16>
  return %y : tensor<2x1x8xf16>
}

// CHECK-LABEL: func @matmul_fp8
func.func @matmul_fp8(%a: tensor<16x32xf8E4M3FN>, %w: tensor<32x8xf8E5M2>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<16x8xf32> {
  // CHECK: quanta.matmul {{.*}} : (tensor<16x32xf8E4M3FN>, tensor<32x8xf8E5M2>, tensor<f32>, tensor<f32>) -> tensor<16x8xf32>
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<16x32xf8E4M3FN>, tensor<32x8xf8E5M2>, tensor<f32>, tensor<f32>) -> tensor<16x8xf32>
  return %y : tensor<16x8xf32>
}

// CHECK-LABEL: func @matmul_integer_u8_s8
func.func @matmul_integer_u8_s8(%a: tensor<4x3xi8>, %b: tensor<3x2xi8>, %za: tensor<i8>, %zb: tensor<2xi8>) -> tensor<4x2xi32> {
  // CHECK: quanta.matmul_integer %{{.*}}, %{{.*}} lhs_zp(%{{.*}}) rhs_zp(%{{.*}}) {lhs_unsigned} : (tensor<4x3xi8>, tensor<3x2xi8>, tensor<i8>, tensor<2xi8>) -> tensor<4x2xi32>
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) rhs_zp(%zb) {lhs_unsigned}
      : (tensor<4x3xi8>, tensor<3x2xi8>, tensor<i8>, tensor<2xi8>) -> tensor<4x2xi32>
  return %y : tensor<4x2xi32>
}

// CHECK-LABEL: func @matmul_integer_no_zero_points
func.func @matmul_integer_no_zero_points(%a: tensor<?x?xi8>, %b: tensor<?x?xi8>) -> tensor<?x?xi32> {
  // CHECK: quanta.matmul_integer %{{.*}}, %{{.*}} : (tensor<?x?xi8>, tensor<?x?xi8>) -> tensor<?x?xi32>
  %y = quanta.matmul_integer %a, %b : (tensor<?x?xi8>, tensor<?x?xi8>) -> tensor<?x?xi32>
  return %y : tensor<?x?xi32>
}

// CHECK-LABEL: func @matmul_integer_rhs_zp_only_per_row_lhs
func.func @matmul_integer_rhs_zp_only_per_row_lhs(%a: tensor<?x8xi8>, %b: tensor<8x5xi8>, %za: tensor<?xi8>, %zb: tensor<1xi8>) -> tensor<?x5xi32> {
  // CHECK: quanta.matmul_integer %{{.*}}, %{{.*}} lhs_zp(%{{.*}}) rhs_zp(%{{.*}}) {lhs_unsigned, rhs_unsigned} : (tensor<?x8xi8>, tensor<8x5xi8>, tensor<?xi8>, tensor<1xi8>) -> tensor<?x5xi32>
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) rhs_zp(%zb) {lhs_unsigned, rhs_unsigned}
      : (tensor<?x8xi8>, tensor<8x5xi8>, tensor<?xi8>, tensor<1xi8>) -> tensor<?x5xi32>
  return %y : tensor<?x5xi32>
}

// CHECK-LABEL: func @matmul_integer_only_rhs_zp
func.func @matmul_integer_only_rhs_zp(%a: tensor<4x8xi8>, %b: tensor<8x5xi8>, %zb: tensor<5xi8>) -> tensor<4x5xi32> {
  // CHECK: quanta.matmul_integer %{{.*}}, %{{.*}} rhs_zp(%{{.*}}) {rhs_unsigned} : (tensor<4x8xi8>, tensor<8x5xi8>, tensor<5xi8>) -> tensor<4x5xi32>
  %y = quanta.matmul_integer %a, %b rhs_zp(%zb) {rhs_unsigned}
      : (tensor<4x8xi8>, tensor<8x5xi8>, tensor<5xi8>) -> tensor<4x5xi32>
  return %y : tensor<4x5xi32>
}

// CHECK-LABEL: func @matmul_integer_batched
func.func @matmul_integer_batched(%a: tensor<2x?x16xi8>, %b: tensor<2x16x8xi8>, %w: tensor<16x8xi8>) -> (tensor<2x?x8xi32>, tensor<2x?x8xi32>) {
  // CHECK: quanta.matmul_integer {{.*}} : (tensor<2x?x16xi8>, tensor<2x16x8xi8>) -> tensor<2x?x8xi32>
  %y = quanta.matmul_integer %a, %b : (tensor<2x?x16xi8>, tensor<2x16x8xi8>) -> tensor<2x?x8xi32>
  // CHECK: quanta.matmul_integer {{.*}} : (tensor<2x?x16xi8>, tensor<16x8xi8>) -> tensor<2x?x8xi32>
  %z = quanta.matmul_integer %a, %w : (tensor<2x?x16xi8>, tensor<16x8xi8>) -> tensor<2x?x8xi32>
  return %y, %z : tensor<2x?x8xi32>, tensor<2x?x8xi32>
}
