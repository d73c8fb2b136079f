// RUN: quanta-opt %s --split-input-file --quanta-copy-repeated-results | FileCheck %s
// The out-parameter pass after it, with the pipelines' hoisting, no longer
// meets an allocation returned twice (it crashed on one).
// RUN: quanta-opt %s --split-input-file --quanta-copy-repeated-results --buffer-results-to-out-params="hoist-static-allocs hoist-dynamic-allocs" | FileCheck %s --check-prefix=OUT
// With non-allocations (the GPU pipeline), every returned buffer that is
// not an allocation of the function is copied too.
// RUN: quanta-opt %s --split-input-file --quanta-copy-repeated-results=non-allocations=true | FileCheck %s --check-prefix=DEVICE

// An allocation returned twice: the second result is a copy of it in an
// allocation of its own, sized from the first.
// CHECK-LABEL: func.func private @twice(
// CHECK: %[[A:.*]] = memref.alloc(%{{.*}}) : memref<?x8xf32>
// CHECK: %[[D:.*]] = memref.dim %[[A]], %{{.*}} : memref<?x8xf32>
// CHECK: %[[B:.*]] = memref.alloc(%[[D]]) : memref<?x8xf32>
// CHECK: linalg.copy ins(%[[A]] : memref<?x8xf32>) outs(%[[B]] : memref<?x8xf32>)
// CHECK: return %[[A]], %[[B]] : memref<?x8xf32>, memref<?x8xf32>
// OUT-LABEL: func.func private @twice(
// OUT-SAME: %[[ARG:[^:]*]]: memref<?x8xf32>, %[[OUT0:[^:]*]]: memref<?x8xf32>, %[[OUT1:[^:]*]]: memref<?x8xf32>)
// OUT: linalg.fill ins(%{{.*}} : f32) outs(%[[OUT0]] : memref<?x8xf32>)
// OUT: linalg.copy ins(%[[OUT0]] : memref<?x8xf32>) outs(%[[OUT1]] : memref<?x8xf32>)
// OUT-NOT: memref.alloc
// OUT: return
func.func private @twice(%arg: memref<?x8xf32>) -> (memref<?x8xf32>, memref<?x8xf32>) {
  %c0 = arith.constant 0 : index
  %cst = arith.constant 1.0 : f32
  %n = memref.dim %arg, %c0 : memref<?x8xf32>
  %a = memref.alloc(%n) : memref<?x8xf32>
  linalg.fill ins(%cst : f32) outs(%a : memref<?x8xf32>)
  return %a, %a : memref<?x8xf32>, memref<?x8xf32>
}

// -----

// Three times, static shape, a scalar between: one copy per repetition;
// distinct buffers stay as they are.
// CHECK-LABEL: func.func private @thrice(
// CHECK: %[[A:.*]] = memref.alloc() : memref<4xi8>
// CHECK: %[[B:.*]] = memref.alloc() : memref<4xi8>
// CHECK: %[[C1:.*]] = memref.alloc() : memref<4xi8>
// CHECK: linalg.copy ins(%[[A]] : memref<4xi8>) outs(%[[C1]] : memref<4xi8>)
// CHECK: %[[C2:.*]] = memref.alloc() : memref<4xi8>
// CHECK: linalg.copy ins(%[[A]] : memref<4xi8>) outs(%[[C2]] : memref<4xi8>)
// CHECK: return %[[A]], %[[B]], %{{.*}}, %[[C1]], %[[C2]] :
// OUT-LABEL: func.func private @thrice(
// OUT-SAME: %[[O0:[^:]*]]: memref<4xi8>, %[[O1:[^:]*]]: memref<4xi8>, %[[O2:[^:]*]]: memref<4xi8>, %[[O3:[^:]*]]: memref<4xi8>) -> i32
// OUT: linalg.copy ins(%[[O0]] : memref<4xi8>) outs(%[[O2]] : memref<4xi8>)
// OUT: linalg.copy ins(%[[O0]] : memref<4xi8>) outs(%[[O3]] : memref<4xi8>)
func.func private @thrice() -> (memref<4xi8>, memref<4xi8>, i32, memref<4xi8>, memref<4xi8>) {
  %a = memref.alloc() : memref<4xi8>
  %b = memref.alloc() : memref<4xi8>
  %c = arith.constant 7 : i32
  return %a, %b, %c, %a, %a : memref<4xi8>, memref<4xi8>, i32, memref<4xi8>, memref<4xi8>
}

// -----

// An argument returned twice is copied the same way.
// CHECK-LABEL: func.func private @argument(
// CHECK-SAME: %[[ARG:[^:]*]]: memref<2x3xf16>)
// CHECK: %[[B:.*]] = memref.alloc() : memref<2x3xf16>
// CHECK: linalg.copy ins(%[[ARG]] : memref<2x3xf16>) outs(%[[B]] : memref<2x3xf16>)
// CHECK: return %[[ARG]], %[[B]]
func.func private @argument(%arg: memref<2x3xf16>) -> (memref<2x3xf16>, memref<2x3xf16>) {
  return %arg, %arg : memref<2x3xf16>, memref<2x3xf16>
}

// DEVICE-LABEL: func.func private @argument(
// DEVICE-SAME: %[[ARG:[^:]*]]: memref<2x3xf16>)
// DEVICE: %[[A:.*]] = memref.alloc() : memref<2x3xf16>
// DEVICE: linalg.copy ins(%[[ARG]] : memref<2x3xf16>) outs(%[[A]] : memref<2x3xf16>)
// DEVICE: %[[B:.*]] = memref.alloc() : memref<2x3xf16>
// DEVICE: linalg.copy ins(%[[ARG]] : memref<2x3xf16>) outs(%[[B]] : memref<2x3xf16>)
// DEVICE: return %[[A]], %[[B]]

// -----

// An allocation returned once stays as it is, also with non-allocations.
// CHECK-LABEL: func.func private @once(
// CHECK-NOT: linalg.copy
// DEVICE-LABEL: func.func private @once(
// DEVICE-NOT: linalg.copy
func.func private @once(%n: index) -> memref<?xf32> {
  %a = memref.alloc(%n) : memref<?xf32>
  return %a : memref<?xf32>
}
