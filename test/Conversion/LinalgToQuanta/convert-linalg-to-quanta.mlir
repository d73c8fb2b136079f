// RUN: quanta-opt %s -convert-linalg-to-quanta -split-input-file | FileCheck %s

// linalg.quantized_matmul with constant zero points accumulating into a zero
// fill: signed operands, the zero points become tensor<i8> constants (0 is
// dropped), nothing is added.
// CHECK-LABEL: func @quantized_matmul
// CHECK-SAME: (%[[A:.*]]: tensor<3x4xi8>, %[[B:.*]]: tensor<4x5xi8>)
// CHECK: %[[ZA:.*]] = arith.constant dense<-128> : tensor<i8>
// CHECK: %[[Y:.*]] = quanta.matmul_integer %[[A]], %[[B]] lhs_zp(%[[ZA]]) : (tensor<3x4xi8>, tensor<4x5xi8>, tensor<i8>) -> tensor<3x5xi32>
// CHECK-NOT: linalg.quantized_matmul
// CHECK: return %[[Y]]
func.func @quantized_matmul(%a: tensor<3x4xi8>, %b: tensor<4x5xi8>) -> tensor<3x5xi32> {
  %c0 = arith.constant 0 : i32
  %za = arith.constant -128 : i32
  %e = tensor.empty() : tensor<3x5xi32>
  %z = linalg.fill ins(%c0 : i32) outs(%e : tensor<3x5xi32>) -> tensor<3x5xi32>
  %y = linalg.quantized_matmul ins(%a, %b, %za, %c0 : tensor<3x4xi8>, tensor<4x5xi8>, i32, i32) outs(%z : tensor<3x5xi32>) -> tensor<3x5xi32>
  return %y : tensor<3x5xi32>
}

// -----

// Zero points sign-extended from i8 at run time become tensor<i8>s; a
// constant-zero init is also recognized.
// CHECK-LABEL: func @quantized_matmul_dynamic_i8_zero_points
// CHECK-SAME: (%[[A:.*]]: tensor<?x?xi8>, %[[B:.*]]: tensor<?x?xi8>, %[[ZA:.*]]: i8, %[[ZB:.*]]: i8
// CHECK-DAG: %[[TA:.*]] = tensor.from_elements %[[ZA]] : tensor<i8>
// CHECK-DAG: %[[TB:.*]] = tensor.from_elements %[[ZB]] : tensor<i8>
// CHECK: %[[Y:.*]] = quanta.matmul_integer %[[A]], %[[B]] lhs_zp(%[[TA]]) rhs_zp(%[[TB]]) : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<i8>, tensor<i8>) -> tensor<8x8xi32>
// CHECK: return %[[Y]]
func.func @quantized_matmul_dynamic_i8_zero_points(%a: tensor<?x?xi8>, %b: tensor<?x?xi8>, %za8: i8, %zb8: i8) -> tensor<8x8xi32> {
  %za = arith.extsi %za8 : i8 to i32
  %zb = arith.extsi %zb8 : i8 to i32
  %z = arith.constant dense<0> : tensor<8x8xi32>
  %y = linalg.quantized_matmul ins(%a, %b, %za, %zb : tensor<?x?xi8>, tensor<?x?xi8>, i32, i32) outs(%z : tensor<8x8xi32>) -> tensor<8x8xi32>
  return %y : tensor<8x8xi32>
}

// -----

// A zero point outside [-128, 127], or an i32 of unknown range, has no int8
// form: the op stays for linalg's own lowering.
// CHECK-LABEL: func @quantized_matmul_not_int8_zero_points
// CHECK-NOT: quanta.matmul_integer
// CHECK: linalg.quantized_matmul
// CHECK: linalg.quantized_matmul
func.func @quantized_matmul_not_int8_zero_points(%a: tensor<3x4xi8>, %b: tensor<4x5xi8>, %zr: i32, %z: tensor<3x5xi32>) -> (tensor<3x5xi32>, tensor<3x5xi32>) {
  %c0 = arith.constant 0 : i32
  %c200 = arith.constant 200 : i32
  %y = linalg.quantized_matmul ins(%a, %b, %c200, %c0 : tensor<3x4xi8>, tensor<4x5xi8>, i32, i32) outs(%z : tensor<3x5xi32>) -> tensor<3x5xi32>
  %w = linalg.quantized_matmul ins(%a, %b, %c0, %zr : tensor<3x4xi8>, tensor<4x5xi8>, i32, i32) outs(%z : tensor<3x5xi32>) -> tensor<3x5xi32>
  return %y, %w : tensor<3x5xi32>, tensor<3x5xi32>
}

// -----

// linalg.quantized_batch_matmul.
// CHECK-LABEL: func @quantized_batch_matmul
// CHECK: %[[ZB:.*]] = arith.constant dense<127> : tensor<i8>
// CHECK: quanta.matmul_integer %{{.*}}, %{{.*}} rhs_zp(%[[ZB]]) : (tensor<2x3x4xi8>, tensor<2x4x5xi8>, tensor<i8>) -> tensor<2x3x5xi32>
func.func @quantized_batch_matmul(%a: tensor<2x3x4xi8>, %b: tensor<2x4x5xi8>) -> tensor<2x3x5xi32> {
  %c0 = arith.constant 0 : i32
  %zb = arith.constant 127 : i32
  %e = tensor.empty() : tensor<2x3x5xi32>
  %z = linalg.fill ins(%c0 : i32) outs(%e : tensor<2x3x5xi32>) -> tensor<2x3x5xi32>
  %y = linalg.quantized_batch_matmul ins(%a, %b, %c0, %zb : tensor<2x3x4xi8>, tensor<2x4x5xi8>, i32, i32) outs(%z : tensor<2x3x5xi32>) -> tensor<2x3x5xi32>
  return %y : tensor<2x3x5xi32>
}

// -----

// linalg.matmul on i8 -> i32: signed by default; cast_unsigned zero-extends
// both operands. A non-zero init is added to the sum (i32, wrap-around).
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func @matmul_signed_and_unsigned
// CHECK-SAME: (%[[A:.*]]: tensor<3x4xi8>, %[[B:.*]]: tensor<4x5xi8>, %[[C:.*]]: tensor<3x5xi32>)
// CHECK: %[[S:.*]] = quanta.matmul_integer %[[A]], %[[B]] : (tensor<3x4xi8>, tensor<4x5xi8>) -> tensor<3x5xi32>
// CHECK: %[[U:.*]] = quanta.matmul_integer %[[A]], %[[B]] {lhs_unsigned, rhs_unsigned} : (tensor<3x4xi8>, tensor<4x5xi8>) -> tensor<3x5xi32>
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[C]], %[[U]] : tensor<3x5xi32>, tensor<3x5xi32>)
// CHECK: arith.addi
// CHECK: return %[[S]], %[[SUM]]
func.func @matmul_signed_and_unsigned(%a: tensor<3x4xi8>, %b: tensor<4x5xi8>, %c: tensor<3x5xi32>) -> (tensor<3x5xi32>, tensor<3x5xi32>) {
  %c0 = arith.constant 0 : i32
  %e = tensor.empty() : tensor<3x5xi32>
  %z = linalg.fill ins(%c0 : i32) outs(%e : tensor<3x5xi32>) -> tensor<3x5xi32>
  %s = linalg.matmul ins(%a, %b : tensor<3x4xi8>, tensor<4x5xi8>) outs(%z : tensor<3x5xi32>) -> tensor<3x5xi32>
  %u = linalg.matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%a, %b : tensor<3x4xi8>, tensor<4x5xi8>) outs(%c : tensor<3x5xi32>) -> tensor<3x5xi32>
  return %s, %u : tensor<3x5xi32>, tensor<3x5xi32>
}

// -----

// CHECK-LABEL: func @batch_matmul
// CHECK: quanta.matmul_integer %{{.*}}, %{{.*}} : (tensor<2x?x16xi8>, tensor<2x16x8xi8>) -> tensor<2x?x8xi32>
func.func @batch_matmul(%a: tensor<2x?x16xi8>, %b: tensor<2x16x8xi8>, %m: index) -> tensor<2x?x8xi32> {
  %c0 = arith.constant 0 : i32
  %e = tensor.empty(%m) : tensor<2x?x8xi32>
  %z = linalg.fill ins(%c0 : i32) outs(%e : tensor<2x?x8xi32>) -> tensor<2x?x8xi32>
  %y = linalg.batch_matmul ins(%a, %b : tensor<2x?x16xi8>, tensor<2x16x8xi8>) outs(%z : tensor<2x?x8xi32>) -> tensor<2x?x8xi32>
  return %y : tensor<2x?x8xi32>
}

// -----

// Left alone: other element types (i8 -> i8, i16 inputs, f32), transposed
// operands, buffers.
// CHECK-LABEL: func @not_converted
// CHECK-NOT: quanta.matmul_integer
// CHECK-COUNT-4: linalg.matmul
// CHECK: linalg.batch_matmul
// CHECK-NOT: quanta.matmul_integer
func.func @not_converted(%a: tensor<3x4xi8>, %b: tensor<4x5xi8>, %c8: tensor<3x5xi8>, %a16: tensor<3x4xi16>, %c: tensor<3x5xi32>,
                         %bt: tensor<5x4xi8>, %am2: memref<3x4xi8>, %bm2: memref<4x5xi8>, %cm2: memref<3x5xi32>,
                         %am: memref<2x3x4xi8>, %bm: memref<2x4x5xi8>, %cm: memref<2x3x5xi32>) -> (tensor<3x5xi8>, tensor<3x5xi32>, tensor<3x5xi32>) {
  %0 = linalg.matmul ins(%a, %b : tensor<3x4xi8>, tensor<4x5xi8>) outs(%c8 : tensor<3x5xi8>) -> tensor<3x5xi8>
  %1 = linalg.matmul ins(%a16, %b : tensor<3x4xi16>, tensor<4x5xi8>) outs(%c : tensor<3x5xi32>) -> tensor<3x5xi32>
  %2 = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
       ins(%a, %bt : tensor<3x4xi8>, tensor<5x4xi8>) outs(%c : tensor<3x5xi32>) -> tensor<3x5xi32>
  linalg.matmul ins(%am2, %bm2 : memref<3x4xi8>, memref<4x5xi8>) outs(%cm2 : memref<3x5xi32>)
  linalg.batch_matmul ins(%am, %bm : memref<2x3x4xi8>, memref<2x4x5xi8>) outs(%cm : memref<2x3x5xi32>)
  return %0, %1, %2 : tensor<3x5xi8>, tensor<3x5xi32>, tensor<3x5xi32>
}
