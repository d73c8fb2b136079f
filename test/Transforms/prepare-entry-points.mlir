// RUN: quanta-opt %s -quanta-prepare-entry-points -split-input-file | FileCheck %s

// Every public function with a body becomes an entry point: renamed
// _quanta_impl_<name>, made private, and annotated with its C name, its
// tensor signature and, for each dynamic result dimension in order, the
// [argument, dimension] it equals.

// CHECK-LABEL: func private @_quanta_impl_static_copy(
// CHECK-SAME:      %[[X:.*]]: tensor<8xf32>) -> tensor<8xf32>
// CHECK-SAME:      attributes {quanta.entry = "static_copy", quanta.entry_type = (tensor<8xf32>) -> tensor<8xf32>, quanta.result_dims = []}
// CHECK:         %[[E:.*]] = tensor.empty() : tensor<8xf32>
// CHECK:         %[[R:.*]] = linalg.copy ins(%[[X]] : tensor<8xf32>) outs(%[[E]] : tensor<8xf32>)
// CHECK:         return %[[R]] : tensor<8xf32>
// CHECK-NOT:     func.func @static_copy
func.func @static_copy(%x: tensor<8xf32>) -> tensor<8xf32> {
  %e = tensor.empty() : tensor<8xf32>
  %r = linalg.copy ins(%x : tensor<8xf32>) outs(%e : tensor<8xf32>) -> tensor<8xf32>
  return %r : tensor<8xf32>
}

// -----

// Dynamic result dimensions are traced through the generic's init, the
// tensor.empty sizes and tensor.dim: result 0 is [dim 2 of arg 0, 4, dim 0 of
// arg 0]; result 1 is argument 0 itself. Scalars stay in the signature.

// CHECK-LABEL: func private @_quanta_impl_transpose_dims(
// CHECK-SAME:      %{{.*}}: tensor<?x4x?xf32>, %{{.*}}: i32, %{{.*}}: f32) -> (tensor<?x4x?xi8>, tensor<?x4x?xf32>)
// CHECK-SAME:      quanta.entry = "transpose_dims"
// CHECK-SAME:      quanta.entry_type = (tensor<?x4x?xf32>, i32, f32) -> (tensor<?x4x?xi8>, tensor<?x4x?xf32>)
// CHECK-SAME:      quanta.result_dims = [array<i64: 0, 2, 1>, array<i64: 0, 0, 1>, array<i64: 0, 0, 1>, array<i64: 0, 2, 1>]
func.func @transpose_dims(%x: tensor<?x4x?xf32>, %n: i32, %s: f32) -> (tensor<?x4x?xi8>, tensor<?x4x?xf32>) {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %d0 = tensor.dim %x, %c0 : tensor<?x4x?xf32>
  %d2 = tensor.dim %x, %c2 : tensor<?x4x?xf32>
  %e = tensor.empty(%d2, %d0) : tensor<?x4x?xi8>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d2, d1, d0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x : tensor<?x4x?xf32>) outs(%e : tensor<?x4x?xi8>) {
  ^bb0(%in: f32, %out: i8):
    %v = arith.fptosi %in : f32 to i8
    linalg.yield %v : i8
  } -> tensor<?x4x?xi8>
  return %r, %x : tensor<?x4x?xi8>, tensor<?x4x?xf32>
}

// -----

// A dimension of the second argument, through a tensor.cast.

// CHECK-LABEL: func private @_quanta_impl_second_arg_dims(
// CHECK-SAME:      quanta.entry = "second_arg_dims"
// CHECK-SAME:      quanta.result_dims = [array<i64: 1, 1, 1>, array<i64: 1, 1, 1>]
func.func @second_arg_dims(%a: tensor<4xf32>, %b: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %c1 = arith.constant 1 : index
  %d1 = tensor.dim %b, %c1 : tensor<?x?xf32>
  %e = tensor.empty(%d1, %d1) : tensor<?x?xf32>
  %cast = tensor.cast %e : tensor<?x?xf32> to tensor<?x?xf32>
  return %cast : tensor<?x?xf32>
}

// -----

// A reshape dimension that is a whole source dimension.

// CHECK-LABEL: func private @_quanta_impl_reshape_dims(
// CHECK-SAME:      quanta.entry = "reshape_dims"
// CHECK-SAME:      quanta.result_dims = [array<i64: 0, 0, 1>]
func.func @reshape_dims(%x: tensor<?x8xf32>) -> tensor<?x2x4xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x8xf32>
  %e = tensor.expand_shape %x [[0], [1, 2]] output_shape [%n, 2, 4] : tensor<?x8xf32> into tensor<?x2x4xf32>
  return %e : tensor<?x2x4xf32>
}

// -----

// Private functions and declarations are left alone; calls to an entry point
// follow its new name.

// CHECK-LABEL: func private @helper(
// CHECK-NOT:     quanta.entry
// CHECK:         return
// CHECK-LABEL: func private @_quanta_impl_callee(
// CHECK-SAME:      quanta.entry = "callee"
// CHECK-LABEL: func private @_quanta_impl_caller(
// CHECK-SAME:      quanta.entry = "caller"
// CHECK:         %[[H:.*]] = call @helper(
// CHECK:         %[[C:.*]] = call @_quanta_impl_callee(%[[H]])
// CHECK:         return %[[C]]
// CHECK:       func.func private @external(tensor<8xf32>) -> tensor<8xf32>{{$}}
func.func private @helper(%x: tensor<8xf32>) -> tensor<8xf32> {
  return %x : tensor<8xf32>
}
func.func @callee(%x: tensor<8xf32>) -> tensor<8xf32> {
  return %x : tensor<8xf32>
}
func.func @caller(%x: tensor<8xf32>) -> tensor<8xf32> {
  %0 = call @helper(%x) : (tensor<8xf32>) -> tensor<8xf32>
  %1 = call @callee(%0) : (tensor<8xf32>) -> tensor<8xf32>
  return %1 : tensor<8xf32>
}
func.func private @external(%x: tensor<8xf32>) -> tensor<8xf32>

// -----

// An int4 argument crosses the boundary packed, two per byte, first element
// in the low nibble: it becomes tensor<?xi8> followed by its dynamic
// dimensions as index arguments. With an odd innermost dimension, a generic
// reads byte (row-major index >> 1), shifts it right by 4 * (index & 1) and
// keeps the low 4 bits, as i8; a second generic truncates to i4 (it fuses
// into the consumers later). The recorded entry type keeps the logical
// tensor<?x3xi4>.

// CHECK-DAG: #[[$UNPACK_ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func private @_quanta_impl_int4_arg(
// CHECK-SAME:      %[[PACKED:[^:]*]]: tensor<?xi8>, %[[D0:[^:]*]]: index, %[[S:[^:]*]]: f32) -> tensor<?x3xi32>
// CHECK-SAME:      quanta.entry = "int4_arg"
// CHECK-SAME:      quanta.entry_type = (tensor<?x3xi4>, f32) -> tensor<?x3xi32>
// CHECK-SAME:      quanta.result_dims = [array<i64: 0, 0, 1>]
// CHECK:         %[[C3:.*]] = arith.constant 3 : index
// CHECK:         %[[E:.*]] = tensor.empty(%[[D0]]) : tensor<?x3xi8>
// CHECK:         %[[BYTES:.*]] = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$UNPACK_ID]]]
// CHECK-SAME:        outs(%[[E]] : tensor<?x3xi8>)
// CHECK:           %[[ROW0:.*]] = arith.muli %{{.*}}, %[[D0]] : index
// CHECK:           %[[I0:.*]] = linalg.index 0 : index
// CHECK:           %[[ROW:.*]] = arith.addi %[[ROW0]], %[[I0]] : index
// CHECK:           %[[BASE:.*]] = arith.muli %[[ROW]], %[[C3]] : index
// CHECK:           %[[I1:.*]] = linalg.index 1 : index
// CHECK:           %[[LIN:.*]] = arith.addi %[[BASE]], %[[I1]] : index
// CHECK:           %[[ONE:.*]] = arith.constant 1 : index
// CHECK:           %[[BYTEIDX:.*]] = arith.shrui %[[LIN]], %[[ONE]] : index
// CHECK:           %[[BYTE:.*]] = tensor.extract %[[PACKED]][%[[BYTEIDX]]] : tensor<?xi8>
// CHECK:           %[[ODD:.*]] = arith.andi %[[LIN]], %[[ONE]] : index
// CHECK:           %[[ODD8:.*]] = arith.index_cast %[[ODD]] : index to i8
// CHECK:           %[[FOUR:.*]] = arith.constant 4 : i8
// CHECK:           %[[SHIFT:.*]] = arith.muli %[[ODD8]], %[[FOUR]] : i8
// CHECK:           %[[NIB:.*]] = arith.shrui %[[BYTE]], %[[SHIFT]] : i8
// CHECK:           %[[MASK:.*]] = arith.constant 15 : i8
// CHECK:           %[[LOW4:.*]] = arith.andi %[[NIB]], %[[MASK]] : i8
// CHECK:           linalg.yield %[[LOW4]] : i8
// CHECK:         %[[E4:.*]] = tensor.empty(%[[D0]]) : tensor<?x3xi4>
// CHECK:         %[[UNPACKED:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[BYTES]] : tensor<?x3xi8>) outs(%[[E4]] : tensor<?x3xi4>)
// CHECK:           %[[I4:.*]] = arith.trunci %{{.*}} : i8 to i4
// CHECK:           linalg.yield %[[I4]] : i4
// CHECK:         linalg.generic
// CHECK-SAME:        ins(%[[UNPACKED]] : tensor<?x3xi4>)
// CHECK:           arith.extsi %{{.*}} : i4 to i32
func.func @int4_arg(%q: tensor<?x3xi4>, %s: f32) -> tensor<?x3xi32> {
  %c0 = arith.constant 0 : index
  %d0 = tensor.dim %q, %c0 : tensor<?x3xi4>
  %e = tensor.empty(%d0) : tensor<?x3xi32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%q : tensor<?x3xi4>) outs(%e : tensor<?x3xi32>) {
  ^bb0(%in: i4, %out: i32):
    %v = arith.extsi %in : i4 to i32
    linalg.yield %v : i32
  } -> tensor<?x3xi32>
  return %r : tensor<?x3xi32>
}

// -----

// Two int4 arguments: each packed tensor is followed by its own dynamic
// dimensions, the other arguments keep their order; the int4 result (the
// argument itself) is packed again and its dimensions are the argument's.

// CHECK-LABEL: func private @_quanta_impl_two_int4_args(
// CHECK-SAME:      %[[A:[^:]*]]: tensor<?xi8>, %[[AD0:[^:]*]]: index, %[[AD1:[^:]*]]: index, %{{[^:]*}}: tensor<f32>, %[[B:[^:]*]]: tensor<3xi8>) -> tensor<?xi8>
// CHECK-SAME:      quanta.entry_type = (tensor<?x?xi4>, tensor<f32>, tensor<5xi4>) -> tensor<?x?xi4>
// CHECK-SAME:      quanta.result_dims = [array<i64: 0, 0, 1>, array<i64: 0, 1, 1>]
// CHECK:         %[[EA:.*]] = tensor.empty(%[[AD0]], %[[AD1]]) : tensor<?x?xi8>
// CHECK:         linalg.generic
// CHECK-SAME:        outs(%[[EA]] : tensor<?x?xi8>)
// CHECK:           tensor.extract %[[A]][%{{.*}}] : tensor<?xi8>
// CHECK:         } -> tensor<?x?xi8>
// CHECK:         %[[UA:.*]] = linalg.generic
// CHECK:           arith.trunci
// CHECK:         } -> tensor<?x?xi4>
// CHECK:         linalg.generic
// CHECK:           tensor.extract %[[B]][%{{.*}}] : tensor<3xi8>
// CHECK:         } -> tensor<5xi8>
// CHECK:         } -> tensor<5xi4>
// CHECK:         %[[PA:.*]] = linalg.generic
// CHECK:           tensor.extract %[[UA]][%{{.*}}, %{{.*}}] : tensor<?x?xi4>
// CHECK:         } -> tensor<?xi8>
// CHECK:         return %[[PA]] : tensor<?xi8>
func.func @two_int4_args(%a: tensor<?x?xi4>, %s: tensor<f32>, %b: tensor<5xi4>) -> tensor<?x?xi4> {
  return %a : tensor<?x?xi4>
}

// -----

// With an even innermost dimension D, the packed bytes are viewed as
// [..., D/2] and split into their low and high nibbles as a [..., D/2, 2]
// tensor (a vectorizable loop), collapsed to [..., D].

// CHECK-DAG: #[[$ROWS:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[$PAIRS:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func private @_quanta_impl_int4_arg_even_rows(
// CHECK-SAME:      %[[PACKED:[^:]*]]: tensor<?xi8>, %[[D0:[^:]*]]: index) -> tensor<?x8xi32>
// CHECK:         %[[ROWS:.*]] = tensor.expand_shape %[[PACKED]] {{\[\[}}0, 1]] output_shape [%[[D0]], 4] : tensor<?xi8> into tensor<?x4xi8>
// CHECK:         %[[E:.*]] = tensor.empty(%[[D0]]) : tensor<?x4x2xi8>
// CHECK:         %[[PAIRS:.*]] = linalg.generic {indexing_maps = [#[[$ROWS]], #[[$PAIRS]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME:        ins(%[[ROWS]] : tensor<?x4xi8>) outs(%[[E]] : tensor<?x4x2xi8>)
// CHECK:           %[[T:.*]] = linalg.index 2 : index
// CHECK:           %[[T8:.*]] = arith.index_cast %[[T]] : index to i8
// CHECK:           %[[SHIFT:.*]] = arith.muli %[[T8]], %{{.*}} : i8
// CHECK:           %[[NIB:.*]] = arith.shrui %{{.*}}, %[[SHIFT]] : i8
// CHECK:           arith.andi %[[NIB]], %{{.*}} : i8
// CHECK:         %[[BYTES:.*]] = tensor.collapse_shape %[[PAIRS]] {{\[\[}}0], [1, 2]] : tensor<?x4x2xi8> into tensor<?x8xi8>
// CHECK:         linalg.generic
// CHECK-SAME:        ins(%[[BYTES]] : tensor<?x8xi8>)
// CHECK:           arith.trunci %{{.*}} : i8 to i4
func.func @int4_arg_even_rows(%q: tensor<?x8xi4>) -> tensor<?x8xi32> {
  %c0 = arith.constant 0 : index
  %d0 = tensor.dim %q, %c0 : tensor<?x8xi4>
  %e = tensor.empty(%d0) : tensor<?x8xi32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%q : tensor<?x8xi4>) outs(%e : tensor<?x8xi32>) {
  ^bb0(%in: i4, %out: i32):
    %v = arith.extsi %in : i4 to i32
    linalg.yield %v : i32
  } -> tensor<?x8xi32>
  return %r : tensor<?x8xi32>
}

// -----

// An int4 result is returned packed: ceil(5 / 2) = 3 bytes; byte i holds
// element 2i in the low nibble and element 2i + 1 (0 past the end) in the
// high nibble.

// CHECK-LABEL: func private @_quanta_impl_int4_result(
// CHECK-SAME:      %{{.*}}: tensor<5xf32>) -> tensor<3xi8>
// CHECK-SAME:      quanta.entry = "int4_result"
// CHECK-SAME:      quanta.entry_type = (tensor<5xf32>) -> tensor<5xi4>
// CHECK-SAME:      quanta.result_dims = []
// CHECK:         %[[Q:.*]] = linalg.generic
// CHECK:         } -> tensor<5xi4>
// CHECK:         %[[C5:.*]] = arith.constant 5 : index
// CHECK:         %[[E:.*]] = tensor.empty() : tensor<3xi8>
// CHECK:         %[[COUNT:.*]] = arith.muli %{{.*}}, %[[C5]] : index
// CHECK:         %[[PACKED:.*]] = linalg.generic
// CHECK-SAME:        outs(%[[E]] : tensor<3xi8>)
// CHECK:           %[[ONE:.*]] = arith.constant 1 : index
// CHECK:           %[[I:.*]] = linalg.index 0 : index
// CHECK:           %[[LOW:.*]] = arith.shli %[[I]], %[[ONE]] : index
// CHECK:           %[[HIGH:.*]] = arith.addi %[[LOW]], %[[ONE]] : index
// CHECK:           %[[LAST:.*]] = arith.subi %[[COUNT]], %[[ONE]] : index
// CHECK:           %[[INRANGE:.*]] = arith.cmpi ult, %[[HIGH]], %[[COUNT]] : index
// CHECK:           %[[HIGHC:.*]] = arith.minui %[[HIGH]], %[[LAST]] : index
// CHECK:           %[[HREM:.*]] = arith.remui %[[HIGHC]], %[[C5]] : index
// CHECK:           %[[HE:.*]] = tensor.extract %[[Q]][%[[HREM]]] : tensor<5xi4>
// CHECK:           %[[H8:.*]] = arith.extui %[[HE]] : i4 to i8
// CHECK:           %[[ZERO:.*]] = arith.constant 0 : i8
// CHECK:           %[[HN:.*]] = arith.select %[[INRANGE]], %[[H8]], %[[ZERO]] : i8
// CHECK:           %[[LREM:.*]] = arith.remui %[[LOW]], %[[C5]] : index
// CHECK:           %[[LE:.*]] = tensor.extract %[[Q]][%[[LREM]]] : tensor<5xi4>
// CHECK:           %[[L8:.*]] = arith.extui %[[LE]] : i4 to i8
// CHECK:           %[[FOUR:.*]] = arith.constant 4 : i8
// CHECK:           %[[HS:.*]] = arith.shli %[[HN]], %[[FOUR]] : i8
// CHECK:           %[[BYTE:.*]] = arith.ori %[[L8]], %[[HS]] : i8
// CHECK:           linalg.yield %[[BYTE]] : i8
// CHECK:         } -> tensor<3xi8>
// CHECK:         return %[[PACKED]] : tensor<3xi8>
func.func @int4_result(%x: tensor<5xf32>) -> tensor<5xi4> {
  %e = tensor.empty() : tensor<5xi4>
  %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%x : tensor<5xf32>) outs(%e : tensor<5xi4>) {
  ^bb0(%in: f32, %out: i4):
    %v = arith.fptosi %in : f32 to i4
    linalg.yield %v : i4
  } -> tensor<5xi4>
  return %r : tensor<5xi4>
}

// -----

// A dynamic int4 result: the packed size is (n + 1) >> 1 bytes and the
// result dimension is still recorded in elements.

// CHECK-LABEL: func private @_quanta_impl_int4_dynamic_result(
// CHECK-SAME:      %[[X:.*]]: tensor<?xf32>) -> tensor<?xi8>
// CHECK-SAME:      quanta.entry_type = (tensor<?xf32>) -> tensor<?xi4>
// CHECK-SAME:      quanta.result_dims = [array<i64: 0, 0, 1>]
// CHECK:         %[[Q:.*]] = linalg.generic
// CHECK:         %[[N:.*]] = tensor.dim %[[Q]], %{{.*}} : tensor<?xi4>
// CHECK:         %[[ONE:.*]] = arith.constant 1 : index
// CHECK:         %[[COUNT:.*]] = arith.muli %[[ONE]], %[[N]] : index
// CHECK:         %[[ONE2:.*]] = arith.constant 1 : index
// CHECK:         %[[PLUS:.*]] = arith.addi %[[COUNT]], %[[ONE2]] : index
// CHECK:         %[[BYTES:.*]] = arith.shrui %[[PLUS]], %[[ONE2]] : index
// CHECK:         %[[E:.*]] = tensor.empty(%[[BYTES]]) : tensor<?xi8>
// CHECK:         %[[PACKED:.*]] = linalg.generic
// CHECK-SAME:        outs(%[[E]] : tensor<?xi8>)
// CHECK:         return %[[PACKED]] : tensor<?xi8>
func.func @int4_dynamic_result(%x: tensor<?xf32>) -> tensor<?xi4> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xf32>
  %e = tensor.empty(%n) : tensor<?xi4>
  %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%x : tensor<?xf32>) outs(%e : tensor<?xi4>) {
  ^bb0(%in: f32, %out: i4):
    %v = arith.fptosi %in : f32 to i4
    linalg.yield %v : i4
  } -> tensor<?xi4>
  return %r : tensor<?xi4>
}

// -----

// A number of groups (dim / 32, as per-group parameters have) is an argument
// dimension divided by a constant, and so is a split reshape dimension.

// CHECK-LABEL: func private @_quanta_impl_groups(
// CHECK-SAME: quanta.result_dims = [array<i64: 0, 1, 32>]
func.func @groups(%x: tensor<4x?xf32>) -> tensor<4x?xf32> {
  %c1 = arith.constant 1 : index
  %c32 = arith.constant 32 : index
  %d = tensor.dim %x, %c1 : tensor<4x?xf32>
  %g = arith.divui %d, %c32 : index
  %0 = tensor.empty(%g) : tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}

// CHECK-LABEL: func private @_quanta_impl_split_reshape(
// CHECK-SAME: quanta.result_dims = [array<i64: 0, 0, 4>]
func.func @split_reshape(%x: tensor<?xf32>) -> tensor<4x?xf32> {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %n = tensor.dim %x, %c0 : tensor<?xf32>
  %m = arith.divui %n, %c4 : index
  %0 = tensor.expand_shape %x [[0, 1]] output_shape [4, %m] : tensor<?xf32> into tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}

// -----

// A dynamic result dimension that the program fixes (here a per-channel
// quantize whose static scale refined the shape, cast back to the declared
// type) is that constant: [-1, 3, 1].

// CHECK-LABEL: func private @_quanta_impl_fixed_dim(
// CHECK-SAME:      quanta.result_dims = [array<i64: -1, 3, 1>]
func.func @fixed_dim(%x: tensor<?xf32>, %s: tensor<3xf32>) -> tensor<?xf32> {
  %e = tensor.empty() : tensor<3xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      ins(%x, %s : tensor<?xf32>, tensor<3xf32>) outs(%e : tensor<3xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %m = arith.mulf %a, %b : f32
    linalg.yield %m : f32
  } -> tensor<3xf32>
  %c = tensor.cast %r : tensor<3xf32> to tensor<?xf32>
  return %c : tensor<?xf32>
}
