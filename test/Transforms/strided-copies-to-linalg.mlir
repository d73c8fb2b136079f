// RUN: quanta-opt %s -quanta-strided-copies-to-linalg | FileCheck %s

// A copy into a strided view of dynamic shape (the LLVM lowering would call
// the memrefCopy runtime function): a linalg.copy.
// CHECK-LABEL: func @into_batch
// CHECK-SAME: (%[[A:.*]]: memref<?x16xf32>, %[[B:.*]]: memref<?x16xf32, strided<[16, 1], offset: ?>>)
// CHECK: linalg.copy ins(%[[A]] : memref<?x16xf32>) outs(%[[B]] : memref<?x16xf32, strided<[16, 1], offset: ?>>)
// CHECK-NOT: memref.copy
func.func @into_batch(%a: memref<?x16xf32>, %b: memref<?x16xf32, strided<[16, 1], offset: ?>>) {
  memref.copy %a, %b : memref<?x16xf32> to memref<?x16xf32, strided<[16, 1], offset: ?>>
  return
}

// Identity layouts, and a static contiguous view: left to the memcpy
// lowering.
// CHECK-LABEL: func @contiguous
// CHECK: memref.copy %{{.*}}, %{{.*}} : memref<?x?xf32> to memref<?x?xf32>
// CHECK: memref.copy %{{.*}}, %{{.*}} : memref<4x16xf32> to memref<4x16xf32, strided<[16, 1], offset: 32>>
// CHECK-NOT: linalg.copy
func.func @contiguous(%a: memref<?x?xf32>, %b: memref<?x?xf32>, %c: memref<4x16xf32>, %d: memref<4x16xf32, strided<[16, 1], offset: 32>>) {
  memref.copy %a, %b : memref<?x?xf32> to memref<?x?xf32>
  memref.copy %c, %d : memref<4x16xf32> to memref<4x16xf32, strided<[16, 1], offset: 32>>
  return
}
