// RUN: quanta-opt %s --quanta-transpose-before-narrowing | FileCheck %s

// An int4 argument's unpacking (bytes truncated to i4) transposed: the
// bytes are transposed, then truncated.
// CHECK-LABEL: func.func @nibbles(
// CHECK-SAME:    %[[BYTES:.*]]: tensor<?x?xi8>
// CHECK:         %[[E:.*]] = tensor.empty({{.*}}) : tensor<?x?xi8>
// CHECK:         %[[T:.*]] = linalg.transpose ins(%[[BYTES]] : tensor<?x?xi8>) outs(%[[E]] : tensor<?x?xi8>) permutation = [1, 0]
// CHECK:         %[[R:.*]] = linalg.generic {{.*}} ins(%[[T]] : tensor<?x?xi8>) outs(%{{.*}} : tensor<?x?xi4>)
// CHECK:           arith.trunci %{{.*}} : i8 to i4
// CHECK:         return %[[R]]
func.func @nibbles(%bytes: tensor<?x?xi8>, %init: tensor<?x?xi4>, %out: tensor<?x?xi4>) -> tensor<?x?xi4> {
  %w = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%bytes : tensor<?x?xi8>) outs(%init : tensor<?x?xi4>) {
  ^bb0(%in: i8, %o: i4):
    %x = arith.trunci %in : i8 to i4
    linalg.yield %x : i4
  } -> tensor<?x?xi4>
  %t = linalg.transpose ins(%w : tensor<?x?xi4>) outs(%out : tensor<?x?xi4>) permutation = [1, 0]
  return %t : tensor<?x?xi4>
}

// Through the expand_shape that groups K (a per-group matmul's [N, G, KK]).
// CHECK-LABEL: func.func @groups(
// CHECK-SAME:    %[[BYTES:.*]]: tensor<64x256xi8>
// CHECK:         %[[X:.*]] = tensor.expand_shape %[[BYTES]] {{\[}}[0], [1, 2]] output_shape [64, 8, 32] : tensor<64x256xi8> into tensor<64x8x32xi8>
// CHECK:         %[[T:.*]] = linalg.transpose ins(%[[X]] : tensor<64x8x32xi8>) outs(%{{.*}} : tensor<8x32x64xi8>) permutation = [1, 2, 0]
// CHECK:         linalg.generic {{.*}} ins(%[[T]] : tensor<8x32x64xi8>) outs(%{{.*}} : tensor<8x32x64xi4>)
func.func @groups(%bytes: tensor<64x256xi8>) -> tensor<8x32x64xi4> {
  %init = tensor.empty() : tensor<64x256xi4>
  %w = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%bytes : tensor<64x256xi8>) outs(%init : tensor<64x256xi4>) {
  ^bb0(%in: i8, %o: i4):
    %x = arith.trunci %in : i8 to i4
    linalg.yield %x : i4
  } -> tensor<64x256xi4>
  %g = tensor.expand_shape %w [[0], [1, 2]] output_shape [64, 8, 32] : tensor<64x256xi4> into tensor<64x8x32xi4>
  %out = tensor.empty() : tensor<8x32x64xi4>
  %t = linalg.transpose ins(%g : tensor<64x8x32xi4>) outs(%out : tensor<8x32x64xi4>) permutation = [1, 2, 0]
  return %t : tensor<8x32x64xi4>
}

// Left alone: a narrowing to a byte-sized type, and one that reads
// linalg.index.
// CHECK-LABEL: func.func @to_bytes(
// CHECK:         linalg.transpose ins(%{{.*}} : tensor<?x?xi8>)
func.func @to_bytes(%x: tensor<?x?xi32>, %init: tensor<?x?xi8>, %out: tensor<?x?xi8>) -> tensor<?x?xi8> {
  %w = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<?x?xi32>) outs(%init : tensor<?x?xi8>) {
  ^bb0(%in: i32, %o: i8):
    %y = arith.trunci %in : i32 to i8
    linalg.yield %y : i8
  } -> tensor<?x?xi8>
  %t = linalg.transpose ins(%w : tensor<?x?xi8>) outs(%out : tensor<?x?xi8>) permutation = [1, 0]
  return %t : tensor<?x?xi8>
}
// CHECK-LABEL: func.func @indexed(
// CHECK:         linalg.transpose ins(%{{.*}} : tensor<?x?xi4>)
func.func @indexed(%bytes: tensor<?x?xi8>, %init: tensor<?x?xi4>, %out: tensor<?x?xi4>) -> tensor<?x?xi4> {
  %w = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%bytes : tensor<?x?xi8>) outs(%init : tensor<?x?xi4>) {
  ^bb0(%in: i8, %o: i4):
    %i = linalg.index 1 : index
    %c = arith.index_cast %i : index to i8
    %s = arith.shrui %in, %c : i8
    %x = arith.trunci %s : i8 to i4
    linalg.yield %x : i4
  } -> tensor<?x?xi4>
  %t = linalg.transpose ins(%w : tensor<?x?xi4>) outs(%out : tensor<?x?xi4>) permutation = [1, 0]
  return %t : tensor<?x?xi4>
}
