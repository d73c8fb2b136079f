// RUN: quanta-opt %s -convert-tosa-to-quanta -split-input-file | FileCheck %s

// Constant zero points become tensor<i8> constants; 0 is dropped.
// CHECK-LABEL: func @matmul_constant_zero_points
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x4xi8>, %[[B:.*]]: tensor<2x4x5xi8>)
// CHECK: %[[ZA:.*]] = arith.constant dense<-128> : tensor<i8>
// CHECK: %[[Y:.*]] = quanta.matmul_integer %[[A]], %[[B]] lhs_zp(%[[ZA]]) : (tensor<2x3x4xi8>, tensor<2x4x5xi8>, tensor<i8>) -> tensor<2x3x5xi32>
// CHECK-NOT: tosa.matmul
// CHECK: return %[[Y]]
func.func @matmul_constant_zero_points(%a: tensor<2x3x4xi8>, %b: tensor<2x4x5xi8>) -> tensor<2x3x5xi32> {
  %za = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zb = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %y = tosa.matmul %a, %b, %za, %zb : (tensor<2x3x4xi8>, tensor<2x4x5xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<2x3x5xi32>
  return %y : tensor<2x3x5xi32>
}

// -----

// Run-time zero points pass through as per-tensor tensor<1xi8>; a b of batch
// 1 is shared by the batches of a.
// CHECK-LABEL: func @matmul_runtime_zero_points_shared_b
// CHECK-SAME: (%[[A:.*]]: tensor<?x3x4xi8>, %[[B:.*]]: tensor<1x4x5xi8>, %[[ZA:.*]]: tensor<1xi8>, %[[ZB:.*]]: tensor<1xi8>)
// CHECK: %[[W:.*]] = tensor.collapse_shape %[[B]] {{\[\[}}0, 1], [2]] : tensor<1x4x5xi8> into tensor<4x5xi8>
// CHECK: quanta.matmul_integer %[[A]], %[[W]] lhs_zp(%[[ZA]]) rhs_zp(%[[ZB]]) : (tensor<?x3x4xi8>, tensor<4x5xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<?x3x5xi32>
func.func @matmul_runtime_zero_points_shared_b(%a: tensor<?x3x4xi8>, %b: tensor<1x4x5xi8>, %za: tensor<1xi8>, %zb: tensor<1xi8>) -> tensor<?x3x5xi32> {
  %y = tosa.matmul %a, %b, %za, %zb : (tensor<?x3x4xi8>, tensor<1x4x5xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<?x3x5xi32>
  return %y : tensor<?x3x5xi32>
}

// -----

// Left alone: int16 (-> i48) and float matmuls.
// CHECK-LABEL: func @not_converted
// CHECK-NOT: quanta.matmul_integer
// CHECK: tosa.matmul
// CHECK: tosa.matmul
func.func @not_converted(%a: tensor<1x3x4xi16>, %b: tensor<1x4x5xi16>, %fa: tensor<1x3x4xf32>, %fb: tensor<1x4x5xf32>) -> (tensor<1x3x5xi48>, tensor<1x3x5xf32>) {
  %z16 = "tosa.const"() <{values = dense<0> : tensor<1xi16>}> : () -> tensor<1xi16>
  %zf = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.matmul %a, %b, %z16, %z16 : (tensor<1x3x4xi16>, tensor<1x4x5xi16>, tensor<1xi16>, tensor<1xi16>) -> tensor<1x3x5xi48>
  %f = tosa.matmul %fa, %fb, %zf, %zf : (tensor<1x3x4xf32>, tensor<1x4x5xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x3x5xf32>
  return %y, %f : tensor<1x3x5xi48>, tensor<1x3x5xf32>
}

// -----

// Constants of integers or floats (a matmul's constant weights) become
// arith.constant; quantized ones stay.
// CHECK-LABEL: func @constant_weights
// CHECK:         %[[W:.*]] = arith.constant dense<3> : tensor<1x4x5xi8>
// CHECK:         quanta.matmul_integer %{{.*}}, %[[W]]
// CHECK-NOT:     tosa.const
func.func @constant_weights(%a: tensor<1x3x4xi8>) -> tensor<1x3x5xi32> {
  %w = "tosa.const"() <{values = dense<3> : tensor<1x4x5xi8>}> : () -> tensor<1x4x5xi8>
  %z = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %y = tosa.matmul %a, %w, %z, %z : (tensor<1x3x4xi8>, tensor<1x4x5xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x3x5xi32>
  return %y : tensor<1x3x5xi32>
}
