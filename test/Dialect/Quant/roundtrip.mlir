// Upstream `quant` IR (types and ops as in llvm-project
// mlir/test/Dialect/Quant/{ops,parse-uniform,normalize-quant-types,
// strip-func-quant-types}.mlir) parses and prints through quanta-opt exactly
// as through upstream mlir-opt 22, and round-trips.
// RUN: quanta-opt %s -split-input-file | quanta-opt -split-input-file | FileCheck %s
// RUN: quanta-opt %s -split-input-file > %t.quanta
// RUN: mlir-opt %s -split-input-file > %t.upstream
// RUN: diff %t.quanta %t.upstream
// RUN: quanta-opt %s -split-input-file -normalize-quant-types > %t.quanta.norm
// RUN: mlir-opt %s -split-input-file -normalize-quant-types > %t.upstream.norm
// RUN: diff %t.quanta.norm %t.upstream.norm
// RUN: quanta-opt %s -split-input-file -strip-func-quant-types > %t.quanta.strip
// RUN: mlir-opt %s -split-input-file -strip-func-quant-types > %t.upstream.strip
// RUN: diff %t.quanta.strip %t.upstream.strip

// CHECK-LABEL: func @per_tensor
// CHECK: quant.qcast %{{.*}} : tensor<2x4xf32> to tensor<2x4x!quant.uniform<i8:f32, 2.000000e+00:10>>
// CHECK: quant.dcast %{{.*}} : tensor<2x4x!quant.uniform<i8:f32, 2.000000e+00:10>> to tensor<2x4xf32>
// CHECK: quant.scast %{{.*}} : tensor<2x4x!quant.uniform<i8:f32, 2.000000e+00:10>> to tensor<2x4xi8>
func.func @per_tensor(%x: tensor<2x4xf32>) -> (tensor<2x4xf32>, tensor<2x4xi8>) {
  %q = quant.qcast %x : tensor<2x4xf32> to tensor<2x4x!quant.uniform<i8:f32, 2.0:10>>
  %d = quant.dcast %q : tensor<2x4x!quant.uniform<i8:f32, 2.0:10>> to tensor<2x4xf32>
  %s = quant.scast %q : tensor<2x4x!quant.uniform<i8:f32, 2.0:10>> to tensor<2x4xi8>
  return %d, %s : tensor<2x4xf32>, tensor<2x4xi8>
}

// -----

// CHECK-LABEL: func @scalars
// CHECK: quant.qcast %{{.*}} : f32 to !quant.uniform<u8:f32, 1.000000e+00>
func.func @scalars(%x: f32) -> f32 {
  %q = quant.qcast %x : f32 to !quant.uniform<u8:f32, 1.0>
  %d = quant.dcast %q : !quant.uniform<u8:f32, 1.0> to f32
  return %d : f32
}

// -----

// CHECK-LABEL: func @per_axis
// CHECK: !quant.uniform<i8:f32:1, {2.000000e+00:10,3.000000e+00:20,4.000000e+00:30}>
func.func @per_axis(%x: tensor<?x3xf32>) -> tensor<?x3x!quant.uniform<i8:f32:1, {2.0:10, 3.0:20, 4.0:30}>> {
  %q = quant.qcast %x : tensor<?x3xf32> to tensor<?x3x!quant.uniform<i8:f32:1, {2.0:10, 3.0:20, 4.0:30}>>
  return %q : tensor<?x3x!quant.uniform<i8:f32:1, {2.0:10, 3.0:20, 4.0:30}>>
}

// -----

// CHECK-LABEL: func @sub_channel
// CHECK: !quant.uniform<i8:f32:{0:1, 1:2}, {{\{\{}}2.000000e+00:10, 3.000000e+00:20}, {4.000000e+00:30, 5.000000e+00:40}}>
func.func @sub_channel(%x: tensor<2x4xf32>) -> tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{2.0:10, 3.0:20}, {4.0:30, 5.0:40}}>> {
  %q = quant.qcast %x : tensor<2x4xf32> to tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{2.0:10, 3.0:20}, {4.0:30, 5.0:40}}>>
  return %q : tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{2.0:10, 3.0:20}, {4.0:30, 5.0:40}}>>
}

// -----

// Narrow and odd storage ranges, int4, unsigned 16 bits, f16/bf16 expressed.
// CHECK-LABEL: func @storage_types
// CHECK-SAME: !quant.uniform<i8<-127:127>:f32, 5.000000e-01>
// CHECK-SAME: !quant.uniform<i4:f16, 2.500000e-01:-1>
// CHECK-SAME: !quant.uniform<u16<0:1023>:bf16, 1.250000e-01:512>
// CHECK-SAME: !quant.uniform<u4<1:15>:f32, 1.000000e+00:8>
func.func @storage_types(
    %a: tensor<4x!quant.uniform<i8<-127:127>:f32, 0.5>>,
    %b: tensor<4x!quant.uniform<i4:f16, 0.25:-1>>,
    %c: tensor<4x!quant.uniform<u16<0:1023>:bf16, 0.125:512>>,
    %d: tensor<4x!quant.uniform<u4<1:15>:f32, 1.0:8>>) {
  return
}

// -----

// normalize-quant-types turns a sub-channel type with one block per axis into
// a per-axis type, and one with a single block into a per-tensor type.
// CHECK-LABEL: func @normalizable
func.func @normalizable(%x: tensor<2x4xf32>) -> (tensor<2x4x!quant.uniform<i8:f32:{1:1}, {{2.0:10, 3.0:20, 4.0:30, 5.0:40}}>>, tensor<2x4x!quant.uniform<i8:f32:{0:2, 1:4}, {{2.0:10}}>>) {
  %q = quant.qcast %x : tensor<2x4xf32> to tensor<2x4x!quant.uniform<i8:f32:{1:1}, {{2.0:10, 3.0:20, 4.0:30, 5.0:40}}>>
  %r = quant.qcast %x : tensor<2x4xf32> to tensor<2x4x!quant.uniform<i8:f32:{0:2, 1:4}, {{2.0:10}}>>
  return %q, %r : tensor<2x4x!quant.uniform<i8:f32:{1:1}, {{2.0:10, 3.0:20, 4.0:30, 5.0:40}}>>, tensor<2x4x!quant.uniform<i8:f32:{0:2, 1:4}, {{2.0:10}}>>
}

// -----

// strip-func-quant-types rewrites signatures to storage types with scasts.
// CHECK-LABEL: func @strippable
func.func @strippable(%q: tensor<4x!quant.uniform<i8:f32, 0.5:3>>) -> tensor<4x!quant.uniform<i8:f32, 0.5:3>> {
  return %q : tensor<4x!quant.uniform<i8:f32, 0.5:3>>
}
