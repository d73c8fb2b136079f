// RUN: quanta-opt %s -quanta-reinterpret-expand-shapes -split-input-file | FileCheck %s
// RUN: quanta-opt %s -quanta-reinterpret-expand-shapes -expand-strided-metadata -split-input-file | FileCheck %s --check-prefix=EXPANDED

// Two dynamic sizes in one group, identity layout: a reinterpret_cast of
// the base buffer at the source's offset, row-major strides (the source
// stride times the inner size of the group; the static innermost stride 1).
// CHECK: #[[MUL:.*]] = affine_map<()[s0, s1] -> (s0 * s1)>
// CHECK-LABEL: func @identity
// CHECK-SAME: (%[[M:.*]]: memref<?x?xi32>, %[[A:.*]]: index, %[[B:.*]]: index, %[[C:.*]]: index)
// CHECK: %[[BASE:.*]], %[[OFF:.*]], %{{.*}}:2, %[[STRIDES:.*]]:2 = memref.extract_strided_metadata %[[M]]
// CHECK: %[[S0:.*]] = affine.apply #[[MUL]]()[%[[STRIDES]]#0, %[[B]]]
// CHECK: memref.reinterpret_cast %[[BASE]] to offset: [0], sizes: [%[[A]], %[[B]], %[[C]]], strides: [%[[S0]], %[[STRIDES]]#0, 1] : memref<i32> to memref<?x?x?xi32>
// CHECK-NOT: memref.expand_shape
// EXPANDED-LABEL: func @identity
// EXPANDED-NOT: memref.expand_shape
func.func @identity(%m: memref<?x?xi32>, %a: index, %b: index, %c: index) -> memref<?x?x?xi32> {
  %e = memref.expand_shape %m [[0, 1], [2]] output_shape [%a, %b, %c] : memref<?x?xi32> into memref<?x?x?xi32>
  return %e : memref<?x?x?xi32>
}

// -----

// A strided source (a subview's rows) with static inner sizes: its dynamic
// offset carries over; the strides that follow from static sizes and
// strides stay constants, as the result type has them.
// CHECK: #[[BY32:.*]] = affine_map<()[s0] -> (s0 * 32)>
// CHECK-LABEL: func @strided
// CHECK-SAME: (%{{.*}}: memref<?x32xi8>, %{{.*}}: index, %{{.*}}: index, %[[A:.*]]: index, %[[B:.*]]: index)
// CHECK: %[[BASE:.*]], %[[OFF:.*]], %{{.*}}:2, %{{.*}}:2 = memref.extract_strided_metadata
// CHECK: %[[S0:.*]] = affine.apply #[[BY32]]()[%[[B]]]
// CHECK: memref.reinterpret_cast %[[BASE]] to offset: [%[[OFF]]], sizes: [%[[A]], %[[B]], 8, 4], strides: [%[[S0]], 32, 4, 1] : memref<i8> to memref<?x?x8x4xi8, strided<[?, 32, 4, 1], offset: ?>>
func.func @strided(%m: memref<?x32xi8>, %i: index, %n: index, %a: index, %b: index) -> memref<?x?x8x4xi8, strided<[?, 32, 4, 1], offset: ?>> {
  %s = memref.subview %m[%i, 0] [%n, 32] [1, 1] : memref<?x32xi8> to memref<?x32xi8, strided<[32, 1], offset: ?>>
  %e = memref.expand_shape %s [[0, 1], [2, 3]] output_shape [%a, %b, 8, 4] : memref<?x32xi8, strided<[32, 1], offset: ?>> into memref<?x?x8x4xi8, strided<[?, 32, 4, 1], offset: ?>>
  return %e : memref<?x?x8x4xi8, strided<[?, 32, 4, 1], offset: ?>>
}

// -----

// At most one dynamic size per group: left to --expand-strided-metadata.
// CHECK-LABEL: func @one_dynamic_size
// CHECK: memref.expand_shape
// CHECK-NOT: memref.reinterpret_cast
func.func @one_dynamic_size(%m: memref<?x?xi32>, %a: index, %c: index) -> memref<?x4x?xi32> {
  %e = memref.expand_shape %m [[0, 1], [2]] output_shape [%a, 4, %c] : memref<?x?xi32> into memref<?x4x?xi32>
  return %e : memref<?x4x?xi32>
}
