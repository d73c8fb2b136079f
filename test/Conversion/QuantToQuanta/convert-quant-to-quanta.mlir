// RUN: quanta-opt %s -convert-quant-to-quanta -split-input-file | FileCheck %s

// CHECK-LABEL: func @qcast_per_tensor
// CHECK-SAME: (%[[X:.*]]: tensor<6xf32>)
// CHECK-DAG: %[[S:.*]] = arith.constant dense<2.000000e+00> : tensor<f32>
// CHECK-DAG: %[[Z:.*]] = arith.constant dense<-128> : tensor<i8>
// CHECK: %[[Q:.*]] = quanta.quantize %[[X]], %[[S]], %[[Z]] {scheme = #quanta.scheme<storage = ui8, expressed = f32>} : (tensor<6xf32>, tensor<f32>, tensor<i8>) -> tensor<6xi8>
// CHECK: %[[R:.*]] = quant.scast %[[Q]] : tensor<6xi8> to tensor<6x!quant.uniform<u8:f32, 2.000000e+00:128>>
// CHECK: return %[[R]]
func.func @qcast_per_tensor(%x: tensor<6xf32>) -> tensor<6x!quant.uniform<u8:f32, 2.0:128>> {
  %q = quant.qcast %x : tensor<6xf32> to tensor<6x!quant.uniform<u8:f32, 2.0:128>>
  return %q : tensor<6x!quant.uniform<u8:f32, 2.0:128>>
}

// -----

// A signed type with zero point 0 is symmetric: no zero-point operand.
// CHECK-LABEL: func @dcast_symmetric_narrow
// CHECK-SAME: (%[[Q:.*]]: tensor<?x4x!quant.uniform<i8<-127:127>:f16, 5.000000e-01>>)
// CHECK: %[[S:.*]] = arith.constant dense<5.000000e-01> : tensor<f16>
// CHECK: %[[ST:.*]] = quant.scast %[[Q]] : tensor<?x4x!quant.uniform<i8<-127:127>:f16, 5.000000e-01>> to tensor<?x4xi8>
// CHECK: %[[D:.*]] = quanta.dequantize %[[ST]], %[[S]] {scheme = #quanta.scheme<storage = i8, expressed = f16, symmetric = true, narrow_range = true>} : (tensor<?x4xi8>, tensor<f16>) -> tensor<?x4xf16>
// CHECK: return %[[D]]
func.func @dcast_symmetric_narrow(%q: tensor<?x4x!quant.uniform<i8<-127:127>:f16, 0.5>>) -> tensor<?x4xf16> {
  %d = quant.dcast %q : tensor<?x4x!quant.uniform<i8<-127:127>:f16, 0.5>> to tensor<?x4xf16>
  return %d : tensor<?x4xf16>
}

// -----

// CHECK-LABEL: func @qcast_per_axis
// CHECK-DAG: %[[S:.*]] = arith.constant dense<[2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<3xf32>
// CHECK-DAG: %[[Z:.*]] = arith.constant dense<[1, 0, -2]> : tensor<3xi8>
// CHECK: quanta.quantize %{{.*}}, %[[S]], %[[Z]] {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1>} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xi8>) -> tensor<2x3xi8>
func.func @qcast_per_axis(%x: tensor<2x3xf32>) -> tensor<2x3x!quant.uniform<i8:f32:1, {2.0:1, 3.0, 4.0:-2}>> {
  %q = quant.qcast %x : tensor<2x3xf32> to tensor<2x3x!quant.uniform<i8:f32:1, {2.0:1, 3.0, 4.0:-2}>>
  return %q : tensor<2x3x!quant.uniform<i8:f32:1, {2.0:1, 3.0, 4.0:-2}>>
}

// -----

// Sub-channel (blocked) int4: blocks of 2 along axis 1 become per_group.
// CHECK-LABEL: func @qcast_sub_channel_int4
// CHECK-DAG: %[[S:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
// CHECK-DAG: %[[Z:.*]] = arith.constant dense<{{\[\[}}1, 2], [3, 4]]> : tensor<2x2xi4>
// CHECK: quanta.quantize %{{.*}}, %[[S]], %[[Z]] {scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 1, group_size = 2>} : (tensor<2x4xf32>, tensor<2x2xf32>, tensor<2x2xi4>) -> tensor<2x4xi4>
func.func @qcast_sub_channel_int4(%x: tensor<2x4xf32>) -> tensor<2x4x!quant.uniform<u4:f32:{0:1, 1:2}, {{1.0:1, 2.0:2}, {3.0:3, 4.0:4}}>> {
  %q = quant.qcast %x : tensor<2x4xf32> to tensor<2x4x!quant.uniform<u4:f32:{0:1, 1:2}, {{1.0:1, 2.0:2}, {3.0:3, 4.0:4}}>>
  return %q : tensor<2x4x!quant.uniform<u4:f32:{0:1, 1:2}, {{1.0:1, 2.0:2}, {3.0:3, 4.0:4}}>>
}

// -----

// A QDQ pair through function boundaries: strip the quantized signature, then
// canonicalize the storage casts away.
// RUN: quanta-opt %s -split-input-file -convert-quant-to-quanta -strip-func-quant-types -canonicalize | FileCheck %s --check-prefix=STRIP
// STRIP-LABEL: func @qdq
// STRIP-SAME: (%[[X:.*]]: tensor<4xf32>) -> tensor<4xf32>
// STRIP: %[[FQ:.*]] = quanta.fake_quant %[[X]]
// STRIP-NOT: quant.
// STRIP: return %[[FQ]]
// CHECK-LABEL: func @qdq
// CHECK: quanta.quantize
// CHECK: quant.scast
// CHECK: quant.scast
// CHECK: quanta.dequantize
func.func @qdq(%x: tensor<4xf32>) -> tensor<4xf32> {
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.1:-3>>
  %d = quant.dcast %q : tensor<4x!quant.uniform<i8:f32, 0.1:-3>> to tensor<4xf32>
  return %d : tensor<4xf32>
}
