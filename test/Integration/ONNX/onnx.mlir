// Execution test: every ONNX backend node test of QuantizeLinear,
// DequantizeLinear and DynamicQuantizeLinear (test/data/oracles/onnx/*.json)
// whose types Quanta supports runs through these compiled functions and must
// reproduce the JSON's expected outputs bit for bit. onnx-harness.cpp loads the
// JSON files, maps each test onto one of the dynamic-shape functions below
// (per tensor: flattened to 1-D; per channel / per group: reshaped to
// [outer, C, inner, 1] with the quantized axis at 1) and lists the tests whose
// types Quanta does not have (int16/uint16/int2/uint2/float4e2m1).
// DynamicQuantizeLinear is quanta.compute_params (min_max, ui8, asymmetric)
// followed by quanta.quantize; the _expanded tests carry the same data. The
// int4 tests pass packed nibbles (two per byte, first element in the low
// nibble) across the C ABI, zero points included.
//
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -fexceptions -include %t.h %S/onnx-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s

// The whole output, in file-name order: each test run, each test not
// applicable to Quanta's types, and the per-op totals.
// CHECK: PASS test_dequantizelinear[0] via dl_ui8_f32_tensor: 4 values
// CHECK-NEXT: PASS test_dequantizelinear_axis[0] via dl_ui8_f32_channel: 18 values
// CHECK-NEXT: PASS test_dequantizelinear_blocked[0] via dl_ui8_f32_group2: 24 values
// CHECK-NEXT: PASS test_dequantizelinear_e4m3fn[0] via dl_e4m3fn_f32_tensor: 5 values
// CHECK-NEXT: PASS test_dequantizelinear_e4m3fn_float16[0] via dl_e4m3fn_f16_tensor: 5 values
// CHECK-NEXT: PASS test_dequantizelinear_e4m3fn_zero_point[0] via dl_e4m3fn_f32_tensor: 5 values
// CHECK-NEXT: PASS test_dequantizelinear_e5m2[0] via dl_e5m2_f32_tensor: 5 values
// CHECK-NEXT: not applicable: test_dequantizelinear_float4e2m1 (FLOAT4E2M1 storage)
// CHECK-NEXT: not applicable: test_dequantizelinear_int16 (INT16 storage)
// CHECK-NEXT: not applicable: test_dequantizelinear_int2 (INT2 storage)
// CHECK-NEXT: PASS test_dequantizelinear_int4[0] via dl_i4_f32_tensor: 5 values
// CHECK-NEXT: not applicable: test_dequantizelinear_uint16 (UINT16 storage)
// CHECK-NEXT: not applicable: test_dequantizelinear_uint2 (UINT2 storage)
// CHECK-NEXT: PASS test_dequantizelinear_uint4[0] via dl_ui4_f32_tensor: 5 values
// CHECK-NEXT: PASS test_dynamicquantizelinear[0] via dql_ui8_f32: 8 values
// CHECK-NEXT: PASS test_dynamicquantizelinear_expanded[0] via dql_ui8_f32: 8 values
// CHECK-NEXT: PASS test_dynamicquantizelinear_max_adjusted[0] via dql_ui8_f32: 8 values
// CHECK-NEXT: PASS test_dynamicquantizelinear_max_adjusted_expanded[0] via dql_ui8_f32: 8 values
// CHECK-NEXT: PASS test_dynamicquantizelinear_min_adjusted[0] via dql_ui8_f32: 14 values
// CHECK-NEXT: PASS test_dynamicquantizelinear_min_adjusted_expanded[0] via dql_ui8_f32: 14 values
// CHECK-NEXT: PASS test_quantizelinear[0] via ql_ui8_f32_tensor: 6 values
// CHECK-NEXT: PASS test_quantizelinear_axis[0] via ql_ui8_f32_channel: 18 values
// CHECK-NEXT: PASS test_quantizelinear_blocked_asymmetric[0] via ql_ui8_f32_group2: 12 values
// CHECK-NEXT: not applicable: test_quantizelinear_blocked_symmetric (INT16 storage)
// CHECK-NEXT: PASS test_quantizelinear_e4m3fn[0] via ql_e4m3fn_f32_tensor: 5 values
// CHECK-NEXT: PASS test_quantizelinear_e5m2[0] via ql_e5m2_f32_tensor: 5 values
// CHECK-NEXT: not applicable: test_quantizelinear_float4e2m1 (FLOAT4E2M1 storage)
// CHECK-NEXT: not applicable: test_quantizelinear_int16 (INT16 storage)
// CHECK-NEXT: not applicable: test_quantizelinear_int2 (INT2 storage)
// CHECK-NEXT: PASS test_quantizelinear_int4[0] via ql_i4_f32_channel: 12 values
// CHECK-NEXT: not applicable: test_quantizelinear_uint16 (UINT16 storage)
// CHECK-NEXT: not applicable: test_quantizelinear_uint2 (UINT2 storage)
// CHECK-NEXT: PASS test_quantizelinear_uint4[0] via ql_ui4_f32_channel: 12 values
// CHECK-NEXT: onnx not applicable: 11 tests
// CHECK-NEXT: onnx other ops (Cast): 22 files not run here
// CHECK-NEXT: onnx QuantizeLinear: 7 cases (70 values), 0 mismatches
// CHECK-NEXT: onnx DequantizeLinear: 9 cases (76 values), 0 mismatches
// CHECK-NEXT: onnx DynamicQuantizeLinear: 6 cases (60 values), 0 mismatches
// CHECK-NEXT: onnx ALL PASSED

//===----------------------------------------------------------------------===//
// QuantizeLinear
//===----------------------------------------------------------------------===//

func.func @ql_ui8_f32_tensor(%x: tensor<?xf32>, %s: tensor<f32>, %z: tensor<i8>) -> tensor<?xi8> {
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = ui8, expressed = f32>}
      : (tensor<?xf32>, tensor<f32>, tensor<i8>) -> tensor<?xi8>
  return %q : tensor<?xi8>
}

func.func @ql_ui8_f32_channel(%x: tensor<?x?x?x?xf32>, %s: tensor<?xf32>, %z: tensor<?xi8>) -> tensor<?x?x?x?xi8> {
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 1>}
      : (tensor<?x?x?x?xf32>, tensor<?xf32>, tensor<?xi8>) -> tensor<?x?x?x?xi8>
  return %q : tensor<?x?x?x?xi8>
}

func.func @ql_ui8_f32_group2(%x: tensor<?x?x?x?xf32>, %s: tensor<?x?x?x?xf32>, %z: tensor<?x?x?x?xi8>) -> tensor<?x?x?x?xi8> {
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_group, axis = 1, group_size = 2>}
      : (tensor<?x?x?x?xf32>, tensor<?x?x?x?xf32>, tensor<?x?x?x?xi8>) -> tensor<?x?x?x?xi8>
  return %q : tensor<?x?x?x?xi8>
}

func.func @ql_e4m3fn_f32_tensor(%x: tensor<?xf32>, %s: tensor<f32>) -> tensor<?xf8E4M3FN> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>}
      : (tensor<?xf32>, tensor<f32>) -> tensor<?xf8E4M3FN>
  return %q : tensor<?xf8E4M3FN>
}

func.func @ql_e5m2_f32_tensor(%x: tensor<?xf32>, %s: tensor<f32>) -> tensor<?xf8E5M2> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>}
      : (tensor<?xf32>, tensor<f32>) -> tensor<?xf8E5M2>
  return %q : tensor<?xf8E5M2>
}

func.func @ql_i4_f32_channel(%x: tensor<?x?x?x?xf32>, %s: tensor<?xf32>, %z: tensor<?xi4>) -> tensor<?x?x?x?xi4> {
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_channel, axis = 1>}
      : (tensor<?x?x?x?xf32>, tensor<?xf32>, tensor<?xi4>) -> tensor<?x?x?x?xi4>
  return %q : tensor<?x?x?x?xi4>
}

func.func @ql_ui4_f32_channel(%x: tensor<?x?x?x?xf32>, %s: tensor<?xf32>, %z: tensor<?xi4>) -> tensor<?x?x?x?xi4> {
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_channel, axis = 1>}
      : (tensor<?x?x?x?xf32>, tensor<?xf32>, tensor<?xi4>) -> tensor<?x?x?x?xi4>
  return %q : tensor<?x?x?x?xi4>
}

//===----------------------------------------------------------------------===//
// DequantizeLinear
//===----------------------------------------------------------------------===//

func.func @dl_ui8_f32_tensor(%q: tensor<?xi8>, %s: tensor<f32>, %z: tensor<i8>) -> tensor<?xf32> {
  %x = quanta.dequantize %q, %s, %z {scheme = #quanta.scheme<storage = ui8, expressed = f32>}
      : (tensor<?xi8>, tensor<f32>, tensor<i8>) -> tensor<?xf32>
  return %x : tensor<?xf32>
}

func.func @dl_ui8_f32_channel(%q: tensor<?x?x?x?xi8>, %s: tensor<?xf32>, %z: tensor<?xi8>) -> tensor<?x?x?x?xf32> {
  %x = quanta.dequantize %q, %s, %z {scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 1>}
      : (tensor<?x?x?x?xi8>, tensor<?xf32>, tensor<?xi8>) -> tensor<?x?x?x?xf32>
  return %x : tensor<?x?x?x?xf32>
}

func.func @dl_ui8_f32_group2(%q: tensor<?x?x?x?xi8>, %s: tensor<?x?x?x?xf32>, %z: tensor<?x?x?x?xi8>) -> tensor<?x?x?x?xf32> {
  %x = quanta.dequantize %q, %s, %z {scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_group, axis = 1, group_size = 2>}
      : (tensor<?x?x?x?xi8>, tensor<?x?x?x?xf32>, tensor<?x?x?x?xi8>) -> tensor<?x?x?x?xf32>
  return %x : tensor<?x?x?x?xf32>
}

func.func @dl_e4m3fn_f32_tensor(%q: tensor<?xf8E4M3FN>, %s: tensor<f32>) -> tensor<?xf32> {
  %x = quanta.dequantize %q, %s {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>}
      : (tensor<?xf8E4M3FN>, tensor<f32>) -> tensor<?xf32>
  return %x : tensor<?xf32>
}

func.func @dl_e4m3fn_f16_tensor(%q: tensor<?xf8E4M3FN>, %s: tensor<f16>) -> tensor<?xf16> {
  %x = quanta.dequantize %q, %s {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f16, symmetric = true>}
      : (tensor<?xf8E4M3FN>, tensor<f16>) -> tensor<?xf16>
  return %x : tensor<?xf16>
}

func.func @dl_e5m2_f32_tensor(%q: tensor<?xf8E5M2>, %s: tensor<f32>) -> tensor<?xf32> {
  %x = quanta.dequantize %q, %s {scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>}
      : (tensor<?xf8E5M2>, tensor<f32>) -> tensor<?xf32>
  return %x : tensor<?xf32>
}

func.func @dl_i4_f32_tensor(%q: tensor<?xi4>, %s: tensor<f32>, %z: tensor<i4>) -> tensor<?xf32> {
  %x = quanta.dequantize %q, %s, %z {scheme = #quanta.scheme<storage = i4, expressed = f32>}
      : (tensor<?xi4>, tensor<f32>, tensor<i4>) -> tensor<?xf32>
  return %x : tensor<?xf32>
}

func.func @dl_ui4_f32_tensor(%q: tensor<?xi4>, %s: tensor<f32>, %z: tensor<i4>) -> tensor<?xf32> {
  %x = quanta.dequantize %q, %s, %z {scheme = #quanta.scheme<storage = ui4, expressed = f32>}
      : (tensor<?xi4>, tensor<f32>, tensor<i4>) -> tensor<?xf32>
  return %x : tensor<?xf32>
}

//===----------------------------------------------------------------------===//
// DynamicQuantizeLinear: min-max parameters (uint8, asymmetric), then quantize
//===----------------------------------------------------------------------===//

func.func @dql_ui8_f32(%x: tensor<?xf32>) -> (tensor<?xi8>, tensor<f32>, tensor<i8>) {
  %s, %z = quanta.compute_params %x
      {scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       method = #quanta<params_method min_max>}
      : (tensor<?xf32>) -> (tensor<f32>, tensor<i8>)
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = ui8, expressed = f32>}
      : (tensor<?xf32>, tensor<f32>, tensor<i8>) -> tensor<?xi8>
  return %q, %s, %z : tensor<?xi8>, tensor<f32>, tensor<i8>
}
