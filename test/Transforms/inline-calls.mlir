// RUN: quanta-opt %s --quanta-inline-calls -split-input-file | FileCheck %s

// Calls to functions with a body are inlined, those the inlined bodies
// bring in too; the private callees go, the public ones stay.
// CHECK-NOT:   func.func private @dq
// CHECK-NOT:   func.func private @twice
// CHECK-LABEL: func.func @pub
// CHECK-LABEL: func.func @f
// CHECK-NOT:     call
// CHECK:         quanta.dequantize
// CHECK:         quanta.dequantize
// CHECK:         quanta.dequantize
// CHECK-NOT:     call
// CHECK:         return
func.func private @dq(%q: tensor<4xi8>, %s: tensor<f32>) -> tensor<4xf32> {
  %d = quanta.dequantize %q, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xi8>, tensor<f32>) -> tensor<4xf32>
  return %d : tensor<4xf32>
}
func.func private @twice(%q: tensor<4xi8>, %s: tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %a = call @dq(%q, %s) : (tensor<4xi8>, tensor<f32>) -> tensor<4xf32>
  %b = call @dq(%q, %s) : (tensor<4xi8>, tensor<f32>) -> tensor<4xf32>
  return %a, %b : tensor<4xf32>, tensor<4xf32>
}
func.func @pub(%q: tensor<4xi8>, %s: tensor<f32>) -> tensor<4xf32> {
  %d = quanta.dequantize %q, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xi8>, tensor<f32>) -> tensor<4xf32>
  return %d : tensor<4xf32>
}
func.func @f(%q: tensor<4xi8>, %s: tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %a, %b = call @twice(%q, %s) : (tensor<4xi8>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
  %c = call @pub(%q, %s) : (tensor<4xi8>, tensor<f32>) -> tensor<4xf32>
  return %a, %b, %c : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// A recursive call and a call to a declaration stay; an unused private
// function (such as an entry point's implementation from an earlier
// --quanta-prepare-entry-points) stays too.
// CHECK-LABEL: func.func private @ext
// CHECK-LABEL: func.func private @_quanta_impl_g
// CHECK-LABEL: func.func @r
// CHECK:         call @ext
// CHECK:         call @r
func.func private @ext(tensor<4xf32>) -> tensor<4xf32>
func.func private @_quanta_impl_g(%x: tensor<4xf32>) -> tensor<4xf32> attributes {quanta.entry = "g"} {
  return %x : tensor<4xf32>
}
func.func @r(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = call @ext(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %z = call @r(%y) : (tensor<4xf32>) -> tensor<4xf32>
  return %z : tensor<4xf32>
}
