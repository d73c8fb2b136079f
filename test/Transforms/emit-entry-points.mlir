// RUN: quanta-opt %s -quanta-lower-to-llvm -cse -split-input-file | FileCheck %s
// RUN: quanta-opt %s -quanta-lower-to-linalg -split-input-file \
// RUN:   | quanta-opt -quanta-lower-linalg-to-llvm -cse -split-input-file | FileCheck %s

// The C wrapper of each entry point (--quanta-emit-entry-points, the last
// pass of the lowering): an external llvm.func with the C name and the flat
// signature (one pointer per tensor followed by an i64 per dynamic dimension,
// scalars by value, then one out-pointer per result) that builds each memref
// descriptor (allocated = aligned = the pointer, offset 0, sizes, row-major
// strides) and calls the internal implementation. -cse merges the constants
// the wrapper builds once per descriptor.

// CHECK-LABEL: llvm.func @static_quantize(
// CHECK-SAME:      %[[X:[^:]*]]: !llvm.ptr {llvm.noalias}, %[[S:[^:]*]]: !llvm.ptr {llvm.noalias}, %[[OUT:[^:]*]]: !llvm.ptr {llvm.noalias}) {
// CHECK-DAG:     %[[C8:.*]] = llvm.mlir.constant(8 : i64) : i64
// CHECK-DAG:     %[[C0:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-DAG:     %[[C1:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK:         llvm.call @_quanta_impl_static_quantize(
// CHECK-SAME:        %[[X]], %[[X]], %[[C0]], %[[C8]], %[[C1]],
// CHECK-SAME:        %[[S]], %[[S]], %[[C0]],
// CHECK-SAME:        %[[OUT]], %[[OUT]], %[[C0]], %[[C8]], %[[C1]])
// CHECK-SAME:        : (!llvm.ptr, !llvm.ptr, i64, i64, i64, !llvm.ptr, !llvm.ptr, i64, !llvm.ptr, !llvm.ptr, i64, i64, i64) -> ()
// CHECK-NEXT:    llvm.return
// CHECK:       llvm.func internal @_quanta_impl_static_quantize(
// CHECK-NOT:       quanta.entry
// CHECK-SAME:      {
// CHECK:         llvm.fdiv
// CHECK:         llvm.intr.roundeven
func.func @static_quantize(%x: tensor<8xf32>, %s: tensor<f32>) -> tensor<8xi8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>}
      : (tensor<8xf32>, tensor<f32>) -> tensor<8xi8>
  return %q : tensor<8xi8>
}

// -----

// Dynamic shapes: tensor<?x?xi8> passes (ptr, rows, cols); its strides are
// [1 * cols, 1]; the result's sizes are the argument's (rows, cols), as
// quanta.result_dims recorded.

// CHECK-LABEL: llvm.func @dynamic_dequantize(
// CHECK-SAME:      %[[Q:[^:]*]]: !llvm.ptr {llvm.noalias}, %[[ROWS:[^:]*]]: i64, %[[COLS:[^:]*]]: i64, %[[S:[^:]*]]: !llvm.ptr {llvm.noalias}, %[[Z:[^:]*]]: !llvm.ptr {llvm.noalias}, %[[OUT:[^:]*]]: !llvm.ptr {llvm.noalias}) {
// CHECK-DAG:     %[[C0:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-DAG:     %[[C1:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK:         %[[STRIDE0:.*]] = llvm.mul %[[C1]], %[[COLS]] : i64
// CHECK:         llvm.call @_quanta_impl_dynamic_dequantize(
// CHECK-SAME:        %[[Q]], %[[Q]], %[[C0]], %[[ROWS]], %[[COLS]], %[[STRIDE0]], %[[C1]],
// CHECK-SAME:        %[[S]], %[[S]], %[[C0]],
// CHECK-SAME:        %[[Z]], %[[Z]], %[[C0]],
// CHECK-SAME:        %[[OUT]], %[[OUT]], %[[C0]], %[[ROWS]], %[[COLS]], %[[STRIDE0]], %[[C1]])
// CHECK-NEXT:    llvm.return
// CHECK:       llvm.func internal @_quanta_impl_dynamic_dequantize(
func.func @dynamic_dequantize(%q: tensor<?x?xi8>, %s: tensor<f32>, %z: tensor<i8>) -> tensor<?x?xf32> {
  %x = quanta.dequantize %q, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>}
      : (tensor<?x?xi8>, tensor<f32>, tensor<i8>) -> tensor<?x?xf32>
  return %x : tensor<?x?xf32>
}

// -----

// An int4 argument: the C side passes the packed bytes and the logical
// dimensions; the implementation gets a 1-D descriptor of
// (rows * cols + 1) >> 1 bytes followed by the dimensions themselves.

// CHECK-LABEL: llvm.func @int4_dequantize(
// CHECK-SAME:      %[[Q:[^:]*]]: !llvm.ptr {llvm.noalias}, %[[ROWS:[^:]*]]: i64, %[[COLS:[^:]*]]: i64, %[[S:[^:]*]]: !llvm.ptr {llvm.noalias}, %[[OUT:[^:]*]]: !llvm.ptr {llvm.noalias}) {
// CHECK:         %[[C1:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK:         %[[N0:.*]] = llvm.mul %[[C1]], %[[ROWS]] : i64
// CHECK:         %[[N:.*]] = llvm.mul %[[N0]], %[[COLS]] : i64
// CHECK:         %[[NP1:.*]] = llvm.add %[[N]], %[[C1]] : i64
// CHECK:         %[[BYTES:.*]] = llvm.lshr %[[NP1]], %[[C1]] : i64
// CHECK:         %[[C0:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK:         %[[STRIDE0:.*]] = llvm.mul %[[C1]], %[[COLS]] : i64
// CHECK:         llvm.call @_quanta_impl_int4_dequantize(
// CHECK-SAME:        %[[Q]], %[[Q]], %[[C0]], %[[BYTES]], %[[C1]], %[[ROWS]], %[[COLS]],
// CHECK-SAME:        %[[S]], %[[S]], %[[C0]],
// CHECK-SAME:        %[[OUT]], %[[OUT]], %[[C0]], %[[ROWS]], %[[COLS]], %[[STRIDE0]], %[[C1]])
// CHECK:       llvm.func internal @_quanta_impl_int4_dequantize(
func.func @int4_dequantize(%q: tensor<?x?xi4>, %s: tensor<f32>) -> tensor<?x?xf32> {
  %x = quanta.dequantize %q, %s {scheme = #quanta.scheme<storage = i4, expressed = f32, symmetric = true>}
      : (tensor<?x?xi4>, tensor<f32>) -> tensor<?x?xf32>
  return %x : tensor<?x?xf32>
}

// -----

// An int4 result: the caller allocates (n + 1) >> 1 bytes; the result's
// descriptor has that many bytes, stride 1.

// CHECK-LABEL: llvm.func @int4_quantize(
// CHECK-SAME:      %[[X:[^:]*]]: !llvm.ptr {llvm.noalias}, %[[N:[^:]*]]: i64, %[[S:[^:]*]]: !llvm.ptr {llvm.noalias}, %[[OUT:[^:]*]]: !llvm.ptr {llvm.noalias}) {
// CHECK-DAG:     %[[C0:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK-DAG:     %[[C1:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK:         %[[N1:.*]] = llvm.mul %[[C1]], %[[N]] : i64
// CHECK:         %[[NP1:.*]] = llvm.add %[[N1]], %[[C1]] : i64
// CHECK:         %[[BYTES:.*]] = llvm.lshr %[[NP1]], %[[C1]] : i64
// CHECK:         llvm.call @_quanta_impl_int4_quantize(
// CHECK-SAME:        %[[X]], %[[X]], %[[C0]], %[[N]], %[[C1]],
// CHECK-SAME:        %[[S]], %[[S]], %[[C0]],
// CHECK-SAME:        %[[OUT]], %[[OUT]], %[[C0]], %[[BYTES]], %[[C1]])
// CHECK:       llvm.func internal @_quanta_impl_int4_quantize(
func.func @int4_quantize(%x: tensor<?xf32>, %s: tensor<f32>) -> tensor<?xi4> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i4, expressed = f32, symmetric = true>}
      : (tensor<?xf32>, tensor<f32>) -> tensor<?xi4>
  return %q : tensor<?xi4>
}

// -----

// Scalars pass by value, index as i64, in argument order.

// CHECK-LABEL: llvm.func @scalars(
// CHECK-SAME:      %[[X:[^:]*]]: !llvm.ptr {llvm.noalias}, %[[K:[^:]*]]: f32, %[[I:[^:]*]]: i64, %[[OUT:[^:]*]]: !llvm.ptr {llvm.noalias}) {
// CHECK:         llvm.call @_quanta_impl_scalars(
// CHECK-SAME:        %[[X]], %[[X]], %{{.*}}, %{{.*}}, %{{.*}}, %[[K]], %[[I]], %[[OUT]], %[[OUT]],
// CHECK-SAME:        : (!llvm.ptr, !llvm.ptr, i64, i64, i64, f32, i64, !llvm.ptr, !llvm.ptr, i64, i64, i64) -> ()
// CHECK:       llvm.func internal @_quanta_impl_scalars(
func.func @scalars(%x: tensor<4xf32>, %k: f32, %i: index) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %v = arith.mulf %in, %k : f32
    linalg.yield %v : f32
  } -> tensor<4xf32>
  return %r : tensor<4xf32>
}
