// `quanta-import` inlines calls, so that the public functions that remain
// are whole entry points (their result sizes traced through their bodies,
// their GPU kernels launched from them): a Q/DQ pair split across a private
// helper fuses as if written in one function, and the helper is gone.
// Element-wise arith ops on tensors become linalg.generic ops.
// RUN: quanta-opt %s --quanta-import | FileCheck %s

// CHECK-NOT:   func.func private @dq
// CHECK-LABEL: func.func @qdq
// CHECK-NOT:     call
// CHECK:         quanta.fake_quant
// CHECK-NOT:     call
!q = !quant.uniform<i8:f32, 0.5:3>
func.func private @dq(%q: tensor<4x!q>) -> tensor<4xf32> {
  %d = quant.dcast %q : tensor<4x!q> to tensor<4xf32>
  return %d : tensor<4xf32>
}
func.func @qdq(%x: tensor<4xf32>) -> tensor<4xf32> {
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!q>
  %d = call @dq(%q) : (tensor<4x!q>) -> tensor<4xf32>
  return %d : tensor<4xf32>
}

// A dynamic result through a call: the public callee stays (an entry point
// itself) and is inlined into its caller.
// CHECK-LABEL: func.func @quantize
// CHECK-LABEL: func.func @through_call
// CHECK-NOT:     call
// CHECK:         quanta.quantize
func.func @quantize(%x: tensor<?xf32>, %s: tensor<f32>) -> tensor<?xi8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<?xf32>, tensor<f32>) -> tensor<?xi8>
  return %q : tensor<?xi8>
}
func.func @through_call(%x: tensor<?xf32>, %s: tensor<f32>) -> tensor<?xi8> {
  %q = call @quantize(%x, %s) : (tensor<?xf32>, tensor<f32>) -> tensor<?xi8>
  return %q : tensor<?xi8>
}

// CHECK-LABEL: func.func @add
// CHECK:         linalg.generic
// CHECK:           arith.addf %{{.*}}, %{{.*}} : f32
func.func @add(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %z = arith.addf %x, %y : tensor<4xf32>
  return %z : tensor<4xf32>
}
