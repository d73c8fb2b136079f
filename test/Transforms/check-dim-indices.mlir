// RUN: quanta-opt %s -split-input-file --quanta-check-dim-indices -verify-diagnostics | FileCheck %s

// In-range indices, dynamic indices and unranked operands pass unchanged.
// CHECK-LABEL: func.func @in_range
// CHECK: tensor.dim
// CHECK: memref.dim
// CHECK: tensor.dim
func.func @in_range(%t: tensor<?x4xf32>, %m: memref<4x?xi8>, %u: tensor<*xf32>, %i: index) -> (index, index, index) {
  %c1 = arith.constant 1 : index
  %a = tensor.dim %t, %c1 : tensor<?x4xf32>
  %b = memref.dim %m, %i : memref<4x?xi8>
  %c = tensor.dim %u, %c1 : tensor<*xf32>
  return %a, %b, %c : index, index, index
}

// -----

func.func @tensor_too_large(%t: tensor<?x4xf32>) -> index {
  %c2 = arith.constant 2 : index
  // expected-error @+1 {{dimension index 2 is out of range for a value of rank 2}}
  %d = tensor.dim %t, %c2 : tensor<?x4xf32>
  return %d : index
}

// -----

func.func @memref_negative(%m: memref<?xf32>) -> index {
  %c = arith.constant -1 : index
  // expected-error @+1 {{dimension index -1 is out of range for a value of rank 1}}
  %d = memref.dim %m, %c : memref<?xf32>
  return %d : index
}
