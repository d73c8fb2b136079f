// RUN: quanta-opt %s -convert-quant-to-quanta -split-input-file -verify-diagnostics

func.func @storage_range(%x: tensor<4xf32>) -> tensor<4x!quant.uniform<u16<0:1023>:f32, 0.5>> {
  // expected-error @+1 {{storage of 16 bits is not supported}}
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<u16<0:1023>:f32, 0.5>>
  return %q : tensor<4x!quant.uniform<u16<0:1023>:f32, 0.5>>
}

// -----

func.func @odd_range(%x: tensor<4xf32>) -> tensor<4x!quant.uniform<i8<-100:100>:f32, 0.5>> {
  // expected-error @+1 {{storage range [-100, 100] is neither the full nor the narrow range}}
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<i8<-100:100>:f32, 0.5>>
  return %q : tensor<4x!quant.uniform<i8<-100:100>:f32, 0.5>>
}

// -----

func.func @scalar(%x: f32) -> !quant.uniform<i8:f32, 0.5> {
  // expected-error @+1 {{only ranked tensors of !quant.uniform types are supported}}
  %q = quant.qcast %x : f32 to !quant.uniform<i8:f32, 0.5>
  return %q : !quant.uniform<i8:f32, 0.5>
}

// -----

func.func @two_blocked_axes(%x: tensor<2x4xf32>) -> tensor<2x4x!quant.uniform<i8:f32:{0:2, 1:2}, {{1.0, 2.0}}>> {
  // expected-error @+1 {{blocks on more than one axis is not supported}}
  %q = quant.qcast %x : tensor<2x4xf32> to tensor<2x4x!quant.uniform<i8:f32:{0:2, 1:2}, {{1.0, 2.0}}>>
  return %q : tensor<2x4x!quant.uniform<i8:f32:{0:2, 1:2}, {{1.0, 2.0}}>>
}

// -----

func.func @f64_expressed(%x: tensor<4xf64>) -> tensor<4x!quant.uniform<i8:f64, 0.5>> {
  // expected-error @+1 {{expressed type 'f64' is not supported}}
  %q = quant.qcast %x : tensor<4xf64> to tensor<4x!quant.uniform<i8:f64, 0.5>>
  return %q : tensor<4x!quant.uniform<i8:f64, 0.5>>
}

// -----

// A calibrated type (a range, no scale or storage type) in a signature.
// expected-error @+1 {{'!quant.calibrated<f32<-1.000000e+00:1.000000e+00>>' has a range but no scale or storage type; calibrate it to !quant.uniform first}}
func.func @calibrated_arg(%x: tensor<4x!quant.calibrated<f32<-1.0:1.0>>>) -> tensor<4x!quant.calibrated<f32<-1.0:1.0>>> {
  return %x : tensor<4x!quant.calibrated<f32<-1.0:1.0>>>
}

// -----

// ... or produced by an op.
func.func @calibrated_result(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'!quant.calibrated<f32<-2.000000e+00:2.000000e+00>>' has a range but no scale or storage type}}
  %c = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.calibrated<f32<-2.0:2.0>>>
  %d = quant.dcast %c : tensor<4x!quant.calibrated<f32<-2.0:2.0>>> to tensor<4xf32>
  return %d : tensor<4xf32>
}

// -----

// Upstream's type accepts a zero point outside its storage type; it would
// wrap around in the storage type's constant.
func.func @zero_point_range(%x: tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.5:-129>> {
  // expected-error @+1 {{zero point -129 is outside the range of the storage type [-128, 127]}}
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.5:-129>>
  return %q : tensor<4x!quant.uniform<i8:f32, 0.5:-129>>
}

// -----

func.func @zero_point_range_per_axis(%x: tensor<2x4xf32>) -> tensor<2x4x!quant.uniform<u4:f32:0, {0.5:3, 0.25:16}>> {
  // expected-error @+1 {{zero point 16 is outside the range of the storage type [0, 15]}}
  %q = quant.qcast %x : tensor<2x4xf32> to tensor<2x4x!quant.uniform<u4:f32:0, {0.5:3, 0.25:16}>>
  return %q : tensor<2x4x!quant.uniform<u4:f32:0, {0.5:3, 0.25:16}>>
}
