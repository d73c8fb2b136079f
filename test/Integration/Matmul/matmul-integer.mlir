// Execution test of the integer matmuls real frontends emit, each compiled by
// quanta-compile (--quanta-import turns them into quanta.matmul_integer) and
// compared bit for bit with ref::matmulInteger (ONNX MatMulInteger): every
// signedness pairing, per-tensor / per-row / per-column zero points at the
// storage extremes, odd shapes (M, N, K not multiples of 4, 16 or 64) and
// shapes that take the VNNI kernel, K = 40000 with extreme values (the i32
// sums wrap around), batches (one or two batch dimensions, static or dynamic)
// with a batched or a shared rhs.
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/matmul-integer-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s
// CHECK: linalg_batch_matmul: 11 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: linalg_matmul_s8_init: 11 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: linalg_matmul_u8: 11 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: linalg_quantized_matmul: 11 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: linalg_quantized_matmul_zp200: 11 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: matmul_integer_batch: 11 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: matmul_integer_batch4d: 11 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: matmul_integer_batch_shared: 11 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: matmul_integer_batch_shared_dyn: 11 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: matmul_integer_s8s8: 11 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: matmul_integer_s8u8: 11 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: matmul_integer_u8s8: 11 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: matmul_integer_u8u8: 11 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: tosa_matmul: 11 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: tosa_matmul_shared: 11 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: ALL BIT-EXACT

// quanta.matmul_integer, 2-D, per-tensor zero points.
func.func @mi_s8s8(%a: tensor<?x?xi8>, %b: tensor<?x?xi8>, %za: tensor<i8>, %zb: tensor<i8>) -> tensor<?x?xi32> {
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) rhs_zp(%zb) : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<i8>, tensor<i8>) -> tensor<?x?xi32>
  return %y : tensor<?x?xi32>
}
// u8 x s8 with per-row lhs and per-column rhs zero points.
func.func @mi_u8s8(%a: tensor<?x?xi8>, %b: tensor<?x?xi8>, %za: tensor<?xi8>, %zb: tensor<?xi8>) -> tensor<?x?xi32> {
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) rhs_zp(%zb) {lhs_unsigned} : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<?xi8>, tensor<?xi8>) -> tensor<?x?xi32>
  return %y : tensor<?x?xi32>
}
// u8 x u8, per-tensor zero points.
func.func @mi_u8u8(%a: tensor<?x?xi8>, %b: tensor<?x?xi8>, %za: tensor<i8>, %zb: tensor<i8>) -> tensor<?x?xi32> {
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) rhs_zp(%zb) {lhs_unsigned, rhs_unsigned} : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<i8>, tensor<i8>) -> tensor<?x?xi32>
  return %y : tensor<?x?xi32>
}
// s8 x u8, per-row lhs zero point, per-tensor rhs zero point.
func.func @mi_s8u8(%a: tensor<?x?xi8>, %b: tensor<?x?xi8>, %za: tensor<?xi8>, %zb: tensor<i8>) -> tensor<?x?xi32> {
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) rhs_zp(%zb) {rhs_unsigned} : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<?xi8>, tensor<i8>) -> tensor<?x?xi32>
  return %y : tensor<?x?xi32>
}
// Batched rhs (one core per batch), u8 x s8, per-row and per-column zero points.
func.func @mi_batch(%a: tensor<3x?x?xi8>, %b: tensor<3x?x?xi8>, %za: tensor<?xi8>, %zb: tensor<?xi8>) -> tensor<3x?x?xi32> {
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) rhs_zp(%zb) {lhs_unsigned} : (tensor<3x?x?xi8>, tensor<3x?x?xi8>, tensor<?xi8>, tensor<?xi8>) -> tensor<3x?x?xi32>
  return %y : tensor<3x?x?xi32>
}
// Two batch dimensions, all sizes dynamic (one core per batch, the batches
// collapsed into one loop).
func.func @mi_batch4d(%a: tensor<?x?x?x?xi8>, %b: tensor<?x?x?x?xi8>, %za: tensor<?xi8>, %zb: tensor<i8>) -> tensor<?x?x?x?xi32> {
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) rhs_zp(%zb) {lhs_unsigned} : (tensor<?x?x?x?xi8>, tensor<?x?x?x?xi8>, tensor<?xi8>, tensor<i8>) -> tensor<?x?x?x?xi32>
  return %y : tensor<?x?x?x?xi32>
}
// Batched lhs x shared rhs (one [3 * M, K] core), s8 x u8.
func.func @mi_batch_shared(%a: tensor<3x?x?xi8>, %b: tensor<?x?xi8>, %za: tensor<1xi8>, %zb: tensor<?xi8>) -> tensor<3x?x?xi32> {
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) rhs_zp(%zb) {rhs_unsigned} : (tensor<3x?x?xi8>, tensor<?x?xi8>, tensor<1xi8>, tensor<?xi8>) -> tensor<3x?x?xi32>
  return %y : tensor<3x?x?xi32>
}
// The same with the batch count dynamic too: the rows of all batches
// collapsed into one dynamic size and expanded back.
func.func @mi_batch_shared_dyn(%a: tensor<?x?x?xi8>, %b: tensor<?x?xi8>, %za: tensor<1xi8>, %zb: tensor<?xi8>) -> tensor<?x?x?xi32> {
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) rhs_zp(%zb) {rhs_unsigned} : (tensor<?x?x?xi8>, tensor<?x?xi8>, tensor<1xi8>, tensor<?xi8>) -> tensor<?x?x?xi32>
  return %y : tensor<?x?x?xi32>
}
// linalg.quantized_matmul with zero points at the int8 extremes.
func.func @lq(%a: tensor<?x?xi8>, %b: tensor<?x?xi8>) -> tensor<?x?xi32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %m = tensor.dim %a, %c0 : tensor<?x?xi8>
  %n = tensor.dim %b, %c1 : tensor<?x?xi8>
  %zero = arith.constant 0 : i32
  %za = arith.constant -128 : i32
  %zb = arith.constant 127 : i32
  %e = tensor.empty(%m, %n) : tensor<?x?xi32>
  %z = linalg.fill ins(%zero : i32) outs(%e : tensor<?x?xi32>) -> tensor<?x?xi32>
  %y = linalg.quantized_matmul ins(%a, %b, %za, %zb : tensor<?x?xi8>, tensor<?x?xi8>, i32, i32) outs(%z : tensor<?x?xi32>) -> tensor<?x?xi32>
  return %y : tensor<?x?xi32>
}
// linalg.quantized_matmul with a zero point no int8 can hold: left to
// linalg, still exact.
func.func @lq_zp200(%a: tensor<?x?xi8>, %b: tensor<?x?xi8>) -> tensor<?x?xi32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %m = tensor.dim %a, %c0 : tensor<?x?xi8>
  %n = tensor.dim %b, %c1 : tensor<?x?xi8>
  %zero = arith.constant 0 : i32
  %za = arith.constant 200 : i32
  %zb = arith.constant -3 : i32
  %e = tensor.empty(%m, %n) : tensor<?x?xi32>
  %z = linalg.fill ins(%zero : i32) outs(%e : tensor<?x?xi32>) -> tensor<?x?xi32>
  %y = linalg.quantized_matmul ins(%a, %b, %za, %zb : tensor<?x?xi8>, tensor<?x?xi8>, i32, i32) outs(%z : tensor<?x?xi32>) -> tensor<?x?xi32>
  return %y : tensor<?x?xi32>
}
// linalg.matmul, signed, accumulating into an initial value.
func.func @lm_s8_init(%a: tensor<?x?xi8>, %b: tensor<?x?xi8>, %c: tensor<?x?xi32>) -> tensor<?x?xi32> {
  %y = linalg.matmul ins(%a, %b : tensor<?x?xi8>, tensor<?x?xi8>) outs(%c : tensor<?x?xi32>) -> tensor<?x?xi32>
  return %y : tensor<?x?xi32>
}
// linalg.matmul, unsigned.
func.func @lm_u8(%a: tensor<?x?xi8>, %b: tensor<?x?xi8>) -> tensor<?x?xi32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %m = tensor.dim %a, %c0 : tensor<?x?xi8>
  %n = tensor.dim %b, %c1 : tensor<?x?xi8>
  %zero = arith.constant 0 : i32
  %e = tensor.empty(%m, %n) : tensor<?x?xi32>
  %z = linalg.fill ins(%zero : i32) outs(%e : tensor<?x?xi32>) -> tensor<?x?xi32>
  %y = linalg.matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%a, %b : tensor<?x?xi8>, tensor<?x?xi8>) outs(%z : tensor<?x?xi32>) -> tensor<?x?xi32>
  return %y : tensor<?x?xi32>
}
// linalg.batch_matmul, signed.
func.func @lbm(%a: tensor<3x?x?xi8>, %b: tensor<3x?x?xi8>) -> tensor<3x?x?xi32> {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %m = tensor.dim %a, %c1 : tensor<3x?x?xi8>
  %n = tensor.dim %b, %c2 : tensor<3x?x?xi8>
  %zero = arith.constant 0 : i32
  %e = tensor.empty(%m, %n) : tensor<3x?x?xi32>
  %z = linalg.fill ins(%zero : i32) outs(%e : tensor<3x?x?xi32>) -> tensor<3x?x?xi32>
  %y = linalg.batch_matmul ins(%a, %b : tensor<3x?x?xi8>, tensor<3x?x?xi8>) outs(%z : tensor<3x?x?xi32>) -> tensor<3x?x?xi32>
  return %y : tensor<3x?x?xi32>
}
// tosa.matmul with constant zero points at the int8 extremes.
func.func @tm(%a: tensor<3x?x?xi8>, %b: tensor<3x?x?xi8>) -> tensor<3x?x?xi32> {
  %za = "tosa.const"() <{values = dense<127> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zb = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %y = tosa.matmul %a, %b, %za, %zb : (tensor<3x?x?xi8>, tensor<3x?x?xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<3x?x?xi32>
  return %y : tensor<3x?x?xi32>
}
// tosa.matmul with run-time zero points and a b of batch 1.
func.func @tm_shared(%a: tensor<3x?x?xi8>, %b: tensor<1x?x?xi8>, %za: tensor<1xi8>, %zb: tensor<1xi8>) -> tensor<3x?x?xi32> {
  %y = tosa.matmul %a, %b, %za, %zb : (tensor<3x?x?xi8>, tensor<1x?x?xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<3x?x?xi32>
  return %y : tensor<3x?x?xi32>
}
