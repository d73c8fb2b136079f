// RUN: quanta-opt %s --quanta-constant-globals | FileCheck %s
// One-Shot Bufferize reuses the globals instead of creating its own in its
// (run-dependent) function order.
// RUN: quanta-opt %s --quanta-constant-globals --one-shot-bufferize="bufferize-function-boundaries" | FileCheck %s --check-prefix=BUF
// RUN: not quanta-opt %s --quanta-constant-globals=alignment=3 2>&1 | FileCheck %s --check-prefix=ALIGN
// ALIGN: error: quanta-constant-globals: alignment 3 is not a power of two (or 0: none)

// One global per distinct tensor constant value, in program order, named as
// bufferization names them (same-typed ones numbered in that order), after
// the globals already there; a value that already has a global with the
// alignment gets no second one; scalar constants get none.
// CHECK: memref.global "private" constant @__constant_4xf32 : memref<4xf32> = dense<1.000000e+00> {alignment = 64 : i64}
// CHECK-NEXT: memref.global "private" constant @__constant_2xi8 : memref<2xi8> = dense<[1, 2]> {alignment = 64 : i64}
// CHECK-NEXT: memref.global "private" constant @__constant_4xf32_0 : memref<4xf32> = dense<2.000000e+00> {alignment = 64 : i64}
// CHECK-NEXT: memref.global "private" constant @__constant_2xi8_1 : memref<2xi8> = dense<[3, 4]> {alignment = 64 : i64}
// CHECK-NEXT: memref.global "private" constant @existing : memref<3xi8> = dense<7> {alignment = 64 : i64}
// CHECK-NOT: memref.global
// CHECK-LABEL: func.func @first(

// BUF: memref.global "private" constant @__constant_4xf32 : memref<4xf32> = dense<1.000000e+00>
// BUF-NEXT: memref.global "private" constant @__constant_2xi8 : memref<2xi8> = dense<[1, 2]>
// BUF-NEXT: memref.global "private" constant @__constant_4xf32_0 : memref<4xf32> = dense<2.000000e+00>
// BUF-NEXT: memref.global "private" constant @__constant_2xi8_1 : memref<2xi8> = dense<[3, 4]>
// BUF-NEXT: memref.global "private" constant @existing
// BUF-NOT: memref.global
// BUF-LABEL: func.func @first(
// BUF: memref.get_global @__constant_4xf32 :
// BUF: memref.get_global @__constant_2xi8 :
// BUF-LABEL: func.func @second(
// BUF: memref.get_global @__constant_4xf32_0 :
// BUF: memref.get_global @__constant_2xi8_1 :
// BUF: memref.get_global @__constant_2xi8 :
// BUF-LABEL: func.func @third(
// BUF: memref.get_global @existing :

memref.global "private" constant @existing : memref<3xi8> = dense<7> {alignment = 64 : i64}
func.func @first() -> (tensor<4xf32>, tensor<2xi8>, i32) {
  %a = arith.constant dense<1.0> : tensor<4xf32>
  %b = arith.constant dense<[1, 2]> : tensor<2xi8>
  %c = arith.constant 5 : i32
  return %a, %b, %c : tensor<4xf32>, tensor<2xi8>, i32
}
func.func @second() -> (tensor<4xf32>, tensor<2xi8>, tensor<2xi8>) {
  %a = arith.constant dense<2.0> : tensor<4xf32>
  %b = arith.constant dense<[3, 4]> : tensor<2xi8>
  %c = arith.constant dense<[1, 2]> : tensor<2xi8>
  return %a, %b, %c : tensor<4xf32>, tensor<2xi8>, tensor<2xi8>
}
func.func @third() -> tensor<3xi8> {
  %a = arith.constant dense<7> : tensor<3xi8>
  return %a : tensor<3xi8>
}
