// RUN: quanta-opt %s --quanta-block-transposes --canonicalize | FileCheck %s

// Bytes: strips of 256 rows, 16 x 16 blocks (16 row loads, 4 rounds of 16
// interleaving shuffles, 16 row stores), then the last rows and columns
// one element at a time.
// CHECK-LABEL: func.func @bytes(
// CHECK-SAME:    %[[IN:.*]]: memref<?x?xi8>, %[[OUT:.*]]: memref<?x?xi8>)
// CHECK-NOT:     linalg.transpose
// CHECK:         scf.parallel (%[[STRIP:.*]]) = (%{{.*}}) to (%{{.*}}) step (%c256)
// CHECK:           scf.for %[[C0:.*]] = %{{.*}} step %c16
// CHECK:             scf.for %[[R0:.*]] = %[[STRIP]] to %{{.*}} step %c16
// CHECK-COUNT-16:      vector.load %[[IN]]{{.*}} : memref<?x?xi8>, vector<16xi8>
// CHECK:               vector.shuffle %{{.*}}, %{{.*}} [0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23]
// CHECK:               vector.shuffle %{{.*}}, %{{.*}} [8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31]
// CHECK-COUNT-62:      vector.shuffle
// CHECK:               vector.store %{{.*}}, %[[OUT]][%[[C0]], %[[R0]]]
// CHECK-COUNT-15:      vector.store
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             memref.load %[[IN]]
// CHECK:             memref.store %{{.*}}, %[[OUT]]
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK:             memref.load %[[IN]]
// CHECK:             memref.store %{{.*}}, %[[OUT]]
func.func @bytes(%a: memref<?x?xi8>, %b: memref<?x?xi8>) {
  linalg.transpose ins(%a : memref<?x?xi8>) outs(%b : memref<?x?xi8>) permutation = [1, 0]
  return
}

// Two groups of dimensions swapped (a grouped matmul's N x K weights into
// [G, KK, N]): both buffers collapsed to matrices.
// CHECK-LABEL: func.func @groups(
// CHECK:         %[[IN:.*]] = memref.collapse_shape %{{.*}} {{\[}}[0], [1, 2]] : memref<4096x128x32xi8> into memref<4096x4096xi8>
// CHECK:         %[[OUT:.*]] = memref.collapse_shape %{{.*}} {{\[}}[0, 1], [2]] : memref<128x32x4096xi8> into memref<4096x4096xi8>
// CHECK-COUNT-16: vector.load %[[IN]]
// CHECK-COUNT-64: vector.shuffle
// CHECK-COUNT-16: vector.store %{{.*}}, %[[OUT]]
func.func @groups(%a: memref<4096x128x32xi8>, %b: memref<128x32x4096xi8>) {
  linalg.transpose ins(%a : memref<4096x128x32xi8>) outs(%b : memref<128x32x4096xi8>) permutation = [1, 2, 0]
  return
}

// 32-bit elements: 4 x 4 blocks, two rounds.
// CHECK-LABEL: func.func @words(
// CHECK:         scf.for %{{.*}} step %c4
// CHECK-COUNT-4:   vector.load {{.*}} : memref<?x?xf32>, vector<4xf32>
// CHECK:           vector.shuffle %{{.*}}, %{{.*}} [0, 4, 1, 5] : vector<4xf32>, vector<4xf32>
// CHECK-COUNT-7:   vector.shuffle
// CHECK-COUNT-4:   vector.store
func.func @words(%a: memref<?x?xf32>, %b: memref<?x?xf32>) {
  linalg.transpose ins(%a : memref<?x?xf32>) outs(%b : memref<?x?xf32>) permutation = [1, 0]
  return
}

// int4 (one element per byte in memory, which vectors of i4 are not) and
// rows of non-unit stride: the same blocks, one element at a time.
// CHECK-LABEL: func.func @nibbles(
// CHECK-NOT:     vector.
// CHECK:         scf.parallel {{.*}} step (%c256)
// CHECK:           scf.for %{{.*}} step %c16
// CHECK:             scf.for %{{.*}} step %c16
// CHECK:               scf.for
// CHECK:                 scf.for
// CHECK:                   memref.load {{.*}} : memref<?x?xi4>
// CHECK-NOT:     vector.
func.func @nibbles(%a: memref<?x?xi4>, %b: memref<?x?xi4>) {
  linalg.transpose ins(%a : memref<?x?xi4>) outs(%b : memref<?x?xi4>) permutation = [1, 0]
  return
}
// CHECK-LABEL: func.func @strided(
// CHECK-NOT:     vector.
// CHECK:         memref.load {{.*}} : memref<?x?xi8, strided<[?, 2]>>
// CHECK-NOT:     vector.
func.func @strided(%a: memref<?x?xi8, strided<[?, 2]>>, %b: memref<?x?xi8>) {
  linalg.transpose ins(%a : memref<?x?xi8, strided<[?, 2]>>) outs(%b : memref<?x?xi8>) permutation = [1, 0]
  return
}

// Left to --convert-linalg-to-loops: a permutation that is not a swap of
// two groups, and groups that do not collapse.
// CHECK-LABEL: func.func @not_a_swap(
// CHECK:         linalg.transpose {{.*}} permutation = [0, 2, 1]
func.func @not_a_swap(%a: memref<?x?x?xi8>, %b: memref<?x?x?xi8>) {
  linalg.transpose ins(%a : memref<?x?x?xi8>) outs(%b : memref<?x?x?xi8>) permutation = [0, 2, 1]
  return
}
// CHECK-LABEL: func.func @not_collapsible(
// CHECK-NOT:     memref.collapse_shape
// CHECK:         linalg.transpose {{.*}} permutation = [1, 2, 0]
func.func @not_collapsible(%a: memref<?x?x?xi8, strided<[?, ?, 1]>>, %b: memref<?x?x?xi8>) {
  linalg.transpose ins(%a : memref<?x?x?xi8, strided<[?, ?, 1]>>) outs(%b : memref<?x?x?xi8>) permutation = [1, 2, 0]
  return
}

// Tensors are left to bufferization.
// CHECK-LABEL: func.func @tensors(
// CHECK:         linalg.transpose
func.func @tensors(%a: tensor<?x?xi8>, %b: tensor<?x?xi8>) -> tensor<?x?xi8> {
  %t = linalg.transpose ins(%a : tensor<?x?xi8>) outs(%b : tensor<?x?xi8>) permutation = [1, 0]
  return %t : tensor<?x?xi8>
}
