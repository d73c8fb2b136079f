// RUN: quanta-opt %s --split-input-file --quanta-split-reductions="threads=4096" | FileCheck %s
// RUN: quanta-opt %s --split-input-file --quanta-split-reductions | FileCheck %s --check-prefix=DEFAULT
// RUN: not quanta-opt %s --split-input-file --quanta-split-reductions="min-per-thread=0" 2>&1 | FileCheck %s --check-prefix=OPTION
// Parts of one element would be split again without end.
// RUN: not quanta-opt %s --split-input-file --quanta-split-reductions="min-per-thread=1" 2>&1 | FileCheck %s --check-prefix=OPTION

// OPTION: error: quanta-split-reductions: threads must be positive and min-per-thread at least 2

// A max over a dynamic 1-D tensor: 4096 parts, each from the combiner's
// identity over elements p, p + 4096, ...; the 4096 partials in 64 parts of
// 64; the 64 into the original output.
// CHECK-LABEL: func.func @max_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?xi32>, %[[INIT:.*]]: tensor<i32>)
// CHECK-DAG: %[[MIN:.*]] = arith.constant -2147483648 : i32
// CHECK-DAG: %[[C4096:.*]] = arith.constant 4096 : index
// CHECK-DAG: %[[C64:.*]] = arith.constant 64 : index
// CHECK-DAG: %[[N:.*]] = tensor.dim %[[X]]
// CHECK: %[[E1:.*]] = tensor.empty() : tensor<4096xi32>
// CHECK: %[[P1:.*]] = linalg.generic {{.*}} iterator_types = ["parallel"]} outs(%[[E1]] : tensor<4096xi32>)
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: scf.for %[[J:.*]] = %[[I]] to %[[N]] step %[[C4096]] iter_args(%[[ACC:.*]] = %[[MIN]])
// CHECK: %[[A:.*]] = tensor.extract %[[X]][%[[J]]]
// CHECK: arith.maxsi %[[ACC]], %[[A]] : i32
// CHECK: %[[P2:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<64xi32>)
// CHECK: scf.for %[[J2:.*]] = %{{.*}} to %[[C4096]] step %[[C64]]
// CHECK: tensor.extract %[[P1]][%[[J2]]]
// CHECK: linalg.generic {{.*}} iterator_types = ["reduction"]} ins(%[[P2]] : tensor<64xi32>) outs(%[[INIT]] : tensor<i32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: i32, %[[OUT:.*]]: i32):
// CHECK-NEXT: arith.maxsi %[[OUT]], %[[IN]] : i32
func.func @max_dynamic(%x: tensor<?xi32>, %init: tensor<i32>) -> tensor<i32> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> ()>],
                       iterator_types = ["reduction"]}
      ins(%x : tensor<?xi32>) outs(%init : tensor<i32>) {
  ^bb0(%a: i32, %acc: i32):
    %m = arith.maxsi %acc, %a : i32
    linalg.yield %m : i32
  } -> tensor<i32>
  return %r : tensor<i32>
}

// -----

// Two outputs (min and max), two reduction dimensions read row-major
// (element j is x[j / 8, j % 8]), an operand per output element, and
// linalg.index of a reduction dimension replaced by its index.
// CHECK-LABEL: func.func @min_max_rows
// CHECK-DAG: %[[C8:.*]] = arith.constant 8 : index
// CHECK-DAG: %[[MAX:.*]] = arith.constant 2147483647 : i32
// CHECK-DAG: %[[MIN:.*]] = arith.constant -2147483648 : i32
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]} outs(%{{.*}}, %{{.*}} : tensor<4x1024xi32>, tensor<4x1024xi32>)
// CHECK: scf.for %[[J:.*]] = {{.*}} iter_args(%[[LO:.*]] = %[[MAX]], %[[HI:.*]] = %[[MIN]])
// CHECK: %[[COL:.*]] = arith.remui %[[J]], %[[C8]]
// CHECK: %[[ROW:.*]] = arith.divui %[[J]], %[[C8]]
// CHECK: %[[A:.*]] = tensor.extract %{{.*}}[%{{.*}}, %[[ROW]], %[[COL]]] : tensor<4x?x8xi32>
// CHECK: %[[B:.*]] = tensor.extract %{{.*}}[%{{.*}}] : tensor<4xi32>
// CHECK: arith.index_cast %[[COL]]
// CHECK: arith.minsi %[[LO]]
// CHECK: arith.maxsi %[[HI]]
// CHECK: scf.yield
// CHECK: linalg.generic {{.*}} outs(%{{.*}}, %{{.*}} : tensor<4x16xi32>, tensor<4x16xi32>)
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%{{.*}}, %{{.*}} : tensor<4x16xi32>, tensor<4x16xi32>) outs(%{{.*}}, %{{.*}} : tensor<4xi32>, tensor<4xi32>)
// CHECK: arith.minsi
// CHECK: arith.maxsi
func.func @min_max_rows(%x: tensor<4x?x8xi32>, %b: tensor<4xi32>, %lo: tensor<4xi32>, %hi: tensor<4xi32>) -> (tensor<4xi32>, tensor<4xi32>) {
  %r:2 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>,
                                          affine_map<(d0, d1, d2) -> (d0)>,
                                          affine_map<(d0, d1, d2) -> (d0)>,
                                          affine_map<(d0, d1, d2) -> (d0)>],
                         iterator_types = ["parallel", "reduction", "reduction"]}
      ins(%x, %b : tensor<4x?x8xi32>, tensor<4xi32>) outs(%lo, %hi : tensor<4xi32>, tensor<4xi32>) {
  ^bb0(%a: i32, %bias: i32, %l: i32, %h: i32):
    %col = linalg.index 2 : index
    %c = arith.index_cast %col : index to i32
    %v = arith.addi %a, %bias : i32
    %w = arith.addi %v, %c : i32
    %mn = arith.minsi %l, %w : i32
    %mx = arith.maxsi %h, %w : i32
    linalg.yield %mn, %mx : i32, i32
  } -> (tensor<4xi32>, tensor<4xi32>)
  return %r#0, %r#1 : tensor<4xi32>, tensor<4xi32>
}

// -----

// Counts per column of a tensor whose columns are its innermost dimension:
// 256 outputs fill a block, so the parts come after them and neighbouring
// threads read neighbouring columns.
// CHECK-DAG: #[[PARTIAL:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @column_counts
// CHECK: linalg.generic {indexing_maps = [#[[PARTIAL]]], iterator_types = ["parallel", "parallel"]} outs(%{{.*}} : tensor<256x16xi64>)
// CHECK: %[[COL:.*]] = linalg.index 0 : index
// CHECK: %[[PART:.*]] = linalg.index 1 : index
// CHECK: scf.for %[[J:.*]] = %[[PART]]
// CHECK: tensor.extract %{{.*}}[%[[J]], %[[COL]]] : tensor<?x256xf32>
func.func @column_counts(%x: tensor<?x256xf32>, %init: tensor<256xi64>) -> tensor<256xi64> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1, d0)>, affine_map<(d0, d1) -> (d0)>],
                       iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<?x256xf32>) outs(%init : tensor<256xi64>) {
  ^bb0(%a: f32, %acc: i64):
    %ordered = arith.cmpf ord, %a, %a : f32
    %one = arith.extui %ordered : i1 to i64
    %s = arith.addi %acc, %one : i64
    linalg.yield %s : i64
  } -> tensor<256xi64>
  return %r : tensor<256xi64>
}

// -----

// Left alone: a float sum (its result depends on the order), an output
// used beyond its combiner, dynamic outputs, a static reduction too short
// to share (fewer than 2 x 64 elements), and enough outputs already.
// CHECK-LABEL: func.func @unchanged
// CHECK-COUNT-5: linalg.generic
// CHECK-NOT: linalg.generic
// CHECK-NOT: scf.for
func.func @unchanged(%f: tensor<?xf32>, %fi: tensor<f32>, %x: tensor<?xi32>, %xi: tensor<i32>,
                     %d: tensor<?x?xi32>, %di: tensor<?xi32>, %s: tensor<100xi32>,
                     %w: tensor<?x4096xi32>, %wi: tensor<4096xi32>)
    -> (tensor<f32>, tensor<i32>, tensor<?xi32>, tensor<i32>, tensor<4096xi32>) {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> ()>],
                       iterator_types = ["reduction"]}
      ins(%f : tensor<?xf32>) outs(%fi : tensor<f32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.addf %acc, %a : f32
    linalg.yield %r : f32
  } -> tensor<f32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> ()>],
                       iterator_types = ["reduction"]}
      ins(%x : tensor<?xi32>) outs(%xi : tensor<i32>) {
  ^bb0(%a: i32, %acc: i32):
    %m = arith.muli %acc, %a : i32
    %r = arith.addi %acc, %m : i32
    linalg.yield %r : i32
  } -> tensor<i32>
  %2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>],
                       iterator_types = ["parallel", "reduction"]}
      ins(%d : tensor<?x?xi32>) outs(%di : tensor<?xi32>) {
  ^bb0(%a: i32, %acc: i32):
    %r = arith.addi %acc, %a : i32
    linalg.yield %r : i32
  } -> tensor<?xi32>
  %3 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> ()>],
                       iterator_types = ["reduction"]}
      ins(%s : tensor<100xi32>) outs(%xi : tensor<i32>) {
  ^bb0(%a: i32, %acc: i32):
    %r = arith.addi %acc, %a : i32
    linalg.yield %r : i32
  } -> tensor<i32>
  %4 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>],
                       iterator_types = ["reduction", "parallel"]}
      ins(%w : tensor<?x4096xi32>) outs(%wi : tensor<4096xi32>) {
  ^bb0(%a: i32, %acc: i32):
    %r = arith.maxsi %acc, %a : i32
    linalg.yield %r : i32
  } -> tensor<4096xi32>
  return %0, %1, %2, %3, %4 : tensor<f32>, tensor<i32>, tensor<?xi32>, tensor<i32>, tensor<4096xi32>
}

// -----

// An integer GEMV, split with the default 65536 threads into 16 parts per
// column: A's innermost dimension is the reduction, B's the columns; the
// columns come first, so that neighbouring threads read neighbouring
// columns of B. (With 4096 threads, its 4096 outputs are enough.)
// DEFAULT-LABEL: func.func @gemv
// DEFAULT: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel"]} outs(%{{.*}} : tensor<1x4096x16xi32>)
// DEFAULT: %[[N:.*]] = linalg.index 1 : index
// DEFAULT: %[[PART:.*]] = linalg.index 2 : index
// DEFAULT: scf.for %[[K:.*]] = %[[PART]]
// DEFAULT: tensor.extract %{{.*}}[%{{.*}}, %[[K]]] : tensor<1x?xi8>
// DEFAULT: tensor.extract %{{.*}}[%[[K]], %[[N]]] : tensor<?x4096xi8>
// DEFAULT: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%{{.*}} : tensor<1x4096x16xi32>)
// CHECK-LABEL: func.func @gemv
// CHECK-NOT: scf.for
func.func @gemv(%a: tensor<1x?xi8>, %b: tensor<?x4096xi8>, %c: tensor<1x4096xi32>) -> tensor<1x4096xi32> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>,
                                        affine_map<(d0, d1, d2) -> (d2, d1)>,
                                        affine_map<(d0, d1, d2) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<1x?xi8>, tensor<?x4096xi8>) outs(%c : tensor<1x4096xi32>) {
  ^bb0(%x: i8, %y: i8, %acc: i32):
    %xe = arith.extsi %x : i8 to i32
    %ye = arith.extsi %y : i8 to i32
    %p = arith.muli %xe, %ye : i32
    %s = arith.addi %acc, %p : i32
    linalg.yield %s : i32
  } -> tensor<1x4096xi32>
  return %r : tensor<1x4096xi32>
}
