// RUN: quanta-opt %s -quanta-prepare-entry-points -split-input-file -verify-diagnostics

// One case per reason a public function cannot become a C entry point.

// expected-error @+1 {{argument 0 of type 'tensor<*xf32>' cannot cross the C ABI (expected a ranked tensor or a scalar)}}
func.func @unranked_arg(%x: tensor<*xf32>) -> tensor<4xf32> {
  %0 = tensor.cast %x : tensor<*xf32> to tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// expected-error @+1 {{argument 1 of type 'memref<4xf32>' cannot cross the C ABI (expected a ranked tensor or a scalar)}}
func.func @memref_arg(%a: tensor<4xf32>, %x: memref<4xf32>) -> tensor<4xf32> {
  %0 = bufferization.to_tensor %x : memref<4xf32> to tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// expected-error @+1 {{argument 0 of type 'vector<4xf32>' cannot cross the C ABI}}
func.func @vector_arg(%v: vector<4xf32>) -> tensor<4xf32> {
  %0 = tensor.empty() : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// expected-error @+1 {{result 0 of type 'f32' cannot cross the C ABI (expected a ranked tensor, returned through an out-pointer)}}
func.func @scalar_result(%x: tensor<4xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %0 = tensor.extract %x[%c0] : tensor<4xf32>
  return %0 : f32
}

// -----

// expected-error @+1 {{result 1 of type 'tensor<*xf32>' cannot cross the C ABI}}
func.func @unranked_result(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<*xf32>) {
  %0 = tensor.cast %x : tensor<4xf32> to tensor<*xf32>
  return %x, %0 : tensor<4xf32>, tensor<*xf32>
}

// -----

// The size comes from a scalar, not from an argument's shape.

// expected-error @+1 {{dimension 0 of result 0 does not follow from the argument shapes; the caller could not allocate it}}
func.func @size_from_scalar(%n: index) -> tensor<?xf32> {
  %0 = tensor.empty(%n) : tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// A computed size (the sum of two argument dimensions).

// expected-error @+1 {{dimension 0 of result 0 does not follow from the argument shapes}}
func.func @concat(%a: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?xf32> {
  %0 = tensor.concat dim(0) %a, %b : (tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// Other functions too (declarations, functions left after inlining) may
// not take a name that the object's code calls or Quanta's
// implementations have.
// expected-error @+1 {{'_quanta_impl_f' is reserved (the name of a C library or compiler runtime function, which the object may call, or of Quanta's implementations); rename the function}}
func.func private @_quanta_impl_f(%x: tensor<4xf32>) -> tensor<4xf32>
func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = call @_quanta_impl_f(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// expected-error @+1 {{'malloc' is reserved}}
func.func private @malloc(%x: tensor<4xf32>) -> tensor<4xf32>
func.func @g(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = call @malloc(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}
