// RUN: quanta-opt %s --quanta-lower-to-linalg | FileCheck %s

// Packed int4 weights are read in place: the unpacking (bytes viewed as
// [K, N/2] rows of nibble pairs) fuses into the matmul's accumulation loop,
// so no unpacked weight tensor is ever materialized.
// CHECK-LABEL: func private @_quanta_impl_w4a8_gemv(
// CHECK-SAME:      %{{.*}}: tensor<1x256xi8>, %[[PACKED:[^:]*]]: tensor<8192xi8>
// CHECK:         %[[W:.*]] = tensor.expand_shape %[[PACKED]] {{\[\[}}0, 1, 2]] output_shape [8, 32, 32] : tensor<8192xi8> into tensor<8x32x32xi8>
// CHECK-NOT:     tensor<256x64xi4>
// CHECK:         linalg.generic
// CHECK-SAME:        ins(%{{.*}}, %[[W]] : tensor<1x8x32xi8>, tensor<8x32x32xi8>)
// CHECK:           linalg.index 4 : index
// CHECK:           arith.shrui
// CHECK:           arith.andi
// CHECK:           arith.trunci %{{.*}} : i8 to i4
// CHECK:           arith.extsi %{{.*}} : i4 to i32
// CHECK:           arith.muli
// CHECK:           arith.addi
// CHECK-NOT:     tensor<256x64xi4>
func.func @w4a8_gemv(%a: tensor<1x256xi8>, %w: tensor<256x64xi4>, %sa: tensor<1xf32>, %sw: tensor<8x64xf32>) -> tensor<1x64xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<1x256xi8>, tensor<256x64xi4>, tensor<1xf32>, tensor<8x64xf32>) -> tensor<1x64xf32>
  return %y : tensor<1x64xf32>
}

// The same with zero points per group (ONNX MatMulNBits' uint4 weights):
// the zero points are read at (group, column) and their packed bytes too
// fuse into the loop; nothing of 256 x 64 int4 is materialized.
// CHECK-LABEL: func private @_quanta_impl_w4a8_zp_gemv(
// CHECK-SAME:      %{{.*}}: tensor<1x256xi8>, %[[PACKED:[^:]*]]: tensor<8192xi8>
// CHECK:         tensor.expand_shape %[[PACKED]]
// CHECK-NOT:     tensor<256x64xi4>
// CHECK-NOT:     tensor<8x32x32x2xi4>
// CHECK:         linalg.generic
// CHECK-SAME:        tensor<8x32x32xi8>
// CHECK:           arith.trunci %{{.*}} : i8 to i4
// CHECK:           arith.subi
// CHECK-NOT:     tensor<256x64xi4>
func.func @w4a8_zp_gemv(%a: tensor<1x256xi8>, %w: tensor<256x64xi4>, %sa: tensor<1xf32>, %sw: tensor<8x64xf32>, %zw: tensor<8x64xi4>) -> tensor<1x64xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<1x256xi8>, tensor<256x64xi4>, tensor<1xf32>, tensor<8x64xf32>, tensor<8x64xi4>) -> tensor<1x64xf32>
  return %y : tensor<1x64xf32>
}

// Weight-only W4A32 per group: K split into [groups, group size] so that
// the unpacking of the packed weights fuses into the f32 accumulation loop
// (dequantized in registers); nothing of 256 x 64 int4 or f32 is
// materialized.
// CHECK-LABEL: func private @_quanta_impl_w4a32_gemv(
// CHECK-SAME:      %{{.*}}: tensor<1x256xf32>, %[[PACKED:[^:]*]]: tensor<8192xi8>
// CHECK:         tensor.expand_shape %[[PACKED]]
// CHECK-NOT:     tensor<256x64x
// CHECK:         linalg.generic
// CHECK-SAME:        tensor<8x32x32xi8>
// CHECK:           arith.trunci %{{.*}} : i8 to i4
// CHECK:           arith.sitofp
// CHECK:           arith.addf
// CHECK-NOT:     tensor<256x64x
func.func @w4a32_gemv(%a: tensor<1x256xf32>, %w: tensor<256x64xi4>, %sw: tensor<8x64xf32>) -> tensor<1x64xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<1x256xf32>, tensor<256x64xi4>, tensor<8x64xf32>) -> tensor<1x64xf32>
  return %y : tensor<1x64xf32>
}
