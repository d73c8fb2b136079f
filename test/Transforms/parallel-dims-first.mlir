// RUN: quanta-opt %s --quanta-parallel-dims-first | FileCheck %s

// A reduction along rows into one value per column: the column dimension
// becomes the first (each column's sum keeps its row order).
// CHECK-DAG: #[[X:.*]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[D1:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @column_sums
// CHECK: linalg.generic {indexing_maps = [#[[X]], #[[COL]]], iterator_types = ["parallel", "reduction"]}
// CHECK-SAME: ins(%{{.*}} : memref<?x16xf32>) outs(%{{.*}} : memref<16xf32>)
// CHECK: arith.addf
func.func @column_sums(%x: memref<?x16xf32>, %sum: memref<16xf32>) {
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>,
                                   affine_map<(d0, d1) -> (d1)>],
                  iterator_types = ["reduction", "parallel"]}
      ins(%x : memref<?x16xf32>) outs(%sum : memref<16xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %s = arith.addf %acc, %a : f32
    linalg.yield %s : f32
  }
  return
}

// Named ops are generalized first; linalg.index follows its dimension.
// CHECK-LABEL: func.func @reduce_rows
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-LABEL: func.func @index
// CHECK: iterator_types = ["parallel", "reduction"]
// CHECK: %[[I0:.*]] = linalg.index 0 : index
// CHECK: %[[I1:.*]] = linalg.index 1 : index
// CHECK: %[[ROW:.*]] = affine.apply #[[D1]](%[[I0]], %[[I1]])
// CHECK: arith.index_cast %[[ROW]]
func.func @reduce_rows(%x: memref<4x?x8xi32>, %out: memref<4x8xi32>) {
  linalg.reduce ins(%x : memref<4x?x8xi32>) outs(%out : memref<4x8xi32>)
      dimensions = [1]
    (%a: i32, %acc: i32) {
      %s = arith.addi %acc, %a : i32
      linalg.yield %s : i32
    }
  return
}

func.func @index(%x: memref<?x16xi32>, %out: memref<16xi32>) {
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>,
                                   affine_map<(d0, d1) -> (d1)>],
                  iterator_types = ["reduction", "parallel"]}
      ins(%x : memref<?x16xi32>) outs(%out : memref<16xi32>) {
  ^bb0(%a: i32, %acc: i32):
    %i = linalg.index 0 : index
    %c = arith.index_cast %i : index to i32
    %m = arith.muli %a, %c : i32
    %s = arith.addi %acc, %m : i32
    linalg.yield %s : i32
  }
  return
}

// Already in order, and all-parallel or all-reduction ops: unchanged.
// CHECK-LABEL: func.func @unchanged
// CHECK: linalg.matmul
// CHECK: iterator_types = ["reduction"]
func.func @unchanged(%a: memref<4x8xf32>, %b: memref<8x2xf32>, %c: memref<4x2xf32>, %x: memref<?xf32>, %t: memref<f32>) {
  linalg.matmul ins(%a, %b : memref<4x8xf32>, memref<8x2xf32>) outs(%c : memref<4x2xf32>)
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> ()>],
                  iterator_types = ["reduction"]}
      ins(%x : memref<?xf32>) outs(%t : memref<f32>) {
  ^bb0(%v: f32, %acc: f32):
    %s = arith.maximumf %acc, %v : f32
    linalg.yield %s : f32
  }
  return
}

// Ops without loops (0-d operands) get a parallel dimension of size 1, the
// first init viewed as one element, so that they become kernels.
// (The fill's scalar and the 0-d input map to (), the view to (d0).)
// CHECK-LABEL: func.func @scalar_max
// CHECK-SAME:    (%[[X:.*]]: memref<f32>, %[[M:.*]]: memref<f32>)
// CHECK:       %[[Z:.*]] = memref.expand_shape %[[M]] [] output_shape [1] : memref<f32> into memref<1xf32>
// CHECK:       linalg.generic {indexing_maps = [#{{.*}}, #{{.*}}], iterator_types = ["parallel"]} ins(%{{.*}} : f32) outs(%[[Z]] : memref<1xf32>)
// CHECK:       %[[V:.*]] = memref.expand_shape %[[M]] [] output_shape [1] : memref<f32> into memref<1xf32>
// CHECK:       linalg.generic {indexing_maps = [#{{.*}}, #{{.*}}], iterator_types = ["parallel"]} ins(%[[X]] : memref<f32>) outs(%[[V]] : memref<1xf32>)
// CHECK:         arith.maximumf
func.func @scalar_max(%x: memref<f32>, %m: memref<f32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%m : memref<f32>)
  linalg.generic {indexing_maps = [affine_map<() -> ()>, affine_map<() -> ()>],
                  iterator_types = []}
      ins(%x : memref<f32>) outs(%m : memref<f32>) {
  ^bb0(%a: f32, %acc: f32):
    %s = arith.maximumf %acc, %a : f32
    linalg.yield %s : f32
  }
  return
}

// An operand of such an op read at constant indices (a per-tensor scale of
// shape [1] next to 0-d data) keeps its indices under the new dimension,
// (d0) -> (0) (the op verifies: its map has the operand's rank).
// CHECK-LABEL: func.func @one_element_scale
// CHECK:       linalg.generic {indexing_maps = [#{{.*}}, #{{.*}}, #{{.*}}], iterator_types = ["parallel"]} ins(%{{.*}}, %{{.*}} : memref<f32>, memref<1xf32>) outs(%{{.*}} : memref<1xf32>)
func.func @one_element_scale(%x: memref<f32>, %s: memref<1xf32>, %y: memref<f32>) {
  linalg.generic {indexing_maps = [affine_map<() -> ()>, affine_map<() -> (0)>, affine_map<() -> ()>],
                  iterator_types = []}
      ins(%x, %s : memref<f32>, memref<1xf32>) outs(%y : memref<f32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %q = arith.divf %a, %b : f32
    linalg.yield %q : f32
  }
  return
}
