// RUN: quanta-opt %s -convert-quanta-to-linalg -split-input-file | FileCheck %s

// Each case checks the linalg.generic a Quanta op becomes: its indexing maps
// (the granularity), its init (tensor.empty, sized with tensor.dim when
// dynamic) and the scalar body, op by op, against the numerics the op's
// description states.

//===----------------------------------------------------------------------===//
// quantize
//===----------------------------------------------------------------------===//

// Per-tensor int8 with a zero point: x / s, round half to even, NaN -> 0, add
// the (sign-extended) zero point, clamp to [-128, 127] in f32, then convert.

// CHECK-DAG: #[[$QT_ID:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[$QT_SCALAR:.*]] = affine_map<(d0) -> ()>
// CHECK-LABEL: func @quantize_i8_per_tensor(
// CHECK-SAME:      %[[X:.*]]: tensor<8xf32>, %[[S:.*]]: tensor<f32>, %[[Z:.*]]: tensor<i8>) -> tensor<8xi8>
// CHECK:         %[[INIT:.*]] = tensor.empty() : tensor<8xi8>
// CHECK:         %[[Q:.*]] = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$QT_ID]], #[[$QT_SCALAR]], #[[$QT_SCALAR]], #[[$QT_ID]]]
// CHECK-SAME:        iterator_types = ["parallel"]
// CHECK-SAME:        ins(%[[X]], %[[S]], %[[Z]] : tensor<8xf32>, tensor<f32>, tensor<i8>)
// CHECK-SAME:        outs(%[[INIT]] : tensor<8xi8>)
// CHECK:         ^bb0(%[[XE:.*]]: f32, %[[SE:.*]]: f32, %[[ZE:.*]]: i8, %{{.*}}: i8):
// CHECK:           %[[DIV:.*]] = arith.divf %[[XE]], %[[SE]] : f32
// CHECK:           %[[RND:.*]] = math.roundeven %[[DIV]] : f32
// CHECK:           %[[NAN:.*]] = arith.cmpf uno, %[[DIV]], %[[DIV]] : f32
// CHECK:           %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:           %[[NONAN:.*]] = arith.select %[[NAN]], %[[ZERO]], %[[RND]] : f32
// CHECK:           %[[ZP32:.*]] = arith.extsi %[[ZE]] : i8 to i32
// CHECK:           %[[ZPF:.*]] = arith.sitofp %[[ZP32]] : i32 to f32
// CHECK:           %[[SUM:.*]] = arith.addf %[[NONAN]], %[[ZPF]] : f32
// CHECK-DAG:       %[[LO:.*]] = arith.constant -1.280000e+02 : f32
// CHECK-DAG:       %[[HI:.*]] = arith.constant 1.270000e+02 : f32
// CHECK-DAG:       %[[MAX:.*]] = arith.maximumf %[[SUM]], %[[LO]] : f32
// CHECK-DAG:       %[[MIN:.*]] = arith.minimumf %[[MAX]], %[[HI]] : f32
// CHECK:           %[[I32:.*]] = arith.fptosi %[[MIN]] : f32 to i32
// CHECK:           %[[I8:.*]] = arith.trunci %[[I32]] : i32 to i8
// CHECK:           linalg.yield %[[I8]] : i8
// CHECK:         } -> tensor<8xi8>
// CHECK:         return %[[Q]] : tensor<8xi8>
func.func @quantize_i8_per_tensor(%x: tensor<8xf32>, %s: tensor<f32>, %z: tensor<i8>) -> tensor<8xi8> {
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>}
      : (tensor<8xf32>, tensor<f32>, tensor<i8>) -> tensor<8xi8>
  return %q : tensor<8xi8>
}

// -----

// Unsigned storage: the zero point's bits are read unsigned (extui) and the
// clamp is [0, 255].

// CHECK-LABEL: func @quantize_ui8(
// CHECK:         ^bb0(%[[XE:.*]]: f32, %[[SE:.*]]: f32, %[[ZE:.*]]: i8, %{{.*}}: i8):
// CHECK:           arith.divf %[[XE]], %[[SE]] : f32
// CHECK:           math.roundeven
// CHECK:           %[[NONAN:.*]] = arith.select
// CHECK-NOT:       arith.extsi
// CHECK:           %[[ZP32:.*]] = arith.extui %[[ZE]] : i8 to i32
// CHECK:           %[[ZPF:.*]] = arith.sitofp %[[ZP32]] : i32 to f32
// CHECK:           %[[SUM:.*]] = arith.addf %[[NONAN]], %[[ZPF]] : f32
// CHECK-DAG:       %[[LO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG:       %[[HI:.*]] = arith.constant 2.550000e+02 : f32
// CHECK-DAG:       %[[MAX:.*]] = arith.maximumf %[[SUM]], %[[LO]] : f32
// CHECK-DAG:       %[[MIN:.*]] = arith.minimumf %[[MAX]], %[[HI]] : f32
// CHECK:           %[[I32:.*]] = arith.fptosi %[[MIN]] : f32 to i32
// CHECK:           %[[I8:.*]] = arith.trunci %[[I32]] : i32 to i8
// CHECK:           linalg.yield %[[I8]] : i8
func.func @quantize_ui8(%x: tensor<8xf32>, %s: tensor<f32>, %z: tensor<i8>) -> tensor<8xi8> {
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = ui8, expressed = f32>}
      : (tensor<8xf32>, tensor<f32>, tensor<i8>) -> tensor<8xi8>
  return %q : tensor<8xi8>
}

// -----

// Symmetric narrow range: no zero-point operand, no addf, clamp [-127, 127].

// CHECK-LABEL: func @quantize_narrow_symmetric(
// CHECK:         linalg.generic
// CHECK-SAME:        ins(%{{.*}}, %{{.*}} : tensor<8xf32>, tensor<f32>)
// CHECK:         ^bb0(%[[XE:.*]]: f32, %[[SE:.*]]: f32, %{{.*}}: i8):
// CHECK:           %[[DIV:.*]] = arith.divf %[[XE]], %[[SE]] : f32
// CHECK:           %[[RND:.*]] = math.roundeven %[[DIV]] : f32
// CHECK:           %[[NAN:.*]] = arith.cmpf uno, %[[DIV]], %[[DIV]] : f32
// CHECK:           %[[NONAN:.*]] = arith.select %[[NAN]], %{{.*}}, %[[RND]] : f32
// CHECK-NOT:       arith.addf
// CHECK-DAG:       %[[LO:.*]] = arith.constant -1.270000e+02 : f32
// CHECK-DAG:       %[[HI:.*]] = arith.constant 1.270000e+02 : f32
// CHECK-DAG:       %[[MAX:.*]] = arith.maximumf %[[NONAN]], %[[LO]] : f32
// CHECK-DAG:       %[[MIN:.*]] = arith.minimumf %[[MAX]], %[[HI]] : f32
// CHECK:           arith.fptosi %[[MIN]] : f32 to i32
func.func @quantize_narrow_symmetric(%x: tensor<8xf32>, %s: tensor<f32>) -> tensor<8xi8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true, narrow_range = true>}
      : (tensor<8xf32>, tensor<f32>) -> tensor<8xi8>
  return %q : tensor<8xi8>
}

// -----

// reciprocal: x * (1 / s) (PyTorch) instead of x / s.

// CHECK-LABEL: func @quantize_reciprocal(
// CHECK:         ^bb0(%[[XE:.*]]: f32, %[[SE:.*]]: f32, %{{.*}}: i8):
// CHECK:           %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK:           %[[INV:.*]] = arith.divf %[[ONE]], %[[SE]] : f32
// CHECK:           %[[MUL:.*]] = arith.mulf %[[XE]], %[[INV]] : f32
// CHECK:           math.roundeven %[[MUL]] : f32
// CHECK:           arith.cmpf uno, %[[MUL]], %[[MUL]] : f32
// CHECK-NOT:       arith.divf
// CHECK:           linalg.yield
func.func @quantize_reciprocal(%x: tensor<8xf32>, %s: tensor<f32>) -> tensor<8xi8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true, reciprocal = true>}
      : (tensor<8xf32>, tensor<f32>) -> tensor<8xi8>
  return %q : tensor<8xi8>
}

// -----

// half_away (std::round without a library call): trunc, then one step of
// copysign(1, v) away from zero when |v - trunc(v)| >= 0.5.

// CHECK-LABEL: func @quantize_half_away(
// CHECK:         ^bb0(%[[XE:.*]]: f32, %[[SE:.*]]: f32, %{{.*}}: i8):
// CHECK:           %[[V:.*]] = arith.divf %[[XE]], %[[SE]] : f32
// CHECK-NOT:       math.roundeven
// CHECK:           %[[T:.*]] = math.trunc %[[V]] : f32
// CHECK:           %[[FRAC:.*]] = arith.subf %[[V]], %[[T]] : f32
// CHECK:           %[[ABS:.*]] = math.absf %[[FRAC]] : f32
// CHECK:           %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK:           %[[GE:.*]] = arith.cmpf oge, %[[ABS]], %[[HALF]] : f32
// CHECK:           %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK:           %[[STEP:.*]] = math.copysign %[[ONE]], %[[V]] : f32
// CHECK:           %[[AWAY:.*]] = arith.addf %[[T]], %[[STEP]] : f32
// CHECK:           %[[R:.*]] = arith.select %[[GE]], %[[AWAY]], %[[T]] : f32
// CHECK:           %[[NAN:.*]] = arith.cmpf uno, %[[V]], %[[V]] : f32
// CHECK:           arith.select %[[NAN]], %{{.*}}, %[[R]] : f32
// CHECK-NOT:       math.roundeven
// CHECK:           linalg.yield
func.func @quantize_half_away(%x: tensor<8xf32>, %s: tensor<f32>) -> tensor<8xi8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true, rounding = half_away>}
      : (tensor<8xf32>, tensor<f32>) -> tensor<8xi8>
  return %q : tensor<8xi8>
}

// -----

// toward_zero: math.trunc.

// CHECK-LABEL: func @quantize_toward_zero(
// CHECK:           %[[V:.*]] = arith.divf
// CHECK-NOT:       math.roundeven
// CHECK:           %[[T:.*]] = math.trunc %[[V]] : f32
// CHECK:           %[[NAN:.*]] = arith.cmpf uno, %[[V]], %[[V]] : f32
// CHECK:           arith.select %[[NAN]], %{{.*}}, %[[T]] : f32
// CHECK-NOT:       math.roundeven
// CHECK:           linalg.yield
func.func @quantize_toward_zero(%x: tensor<8xf32>, %s: tensor<f32>) -> tensor<8xi8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true, rounding = toward_zero>}
      : (tensor<8xf32>, tensor<f32>) -> tensor<8xi8>
  return %q : tensor<8xi8>
}

// -----

// Per channel along axis 1: scale and zero point are read through (d1).

// CHECK-DAG: #[[$PC_ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$PC_AXIS:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func @quantize_per_channel(
// CHECK-SAME:      %[[X:.*]]: tensor<4x3xf32>, %[[S:.*]]: tensor<3xf32>, %[[Z:.*]]: tensor<3xi8>)
// CHECK:         %[[INIT:.*]] = tensor.empty() : tensor<4x3xi8>
// CHECK:         linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$PC_ID]], #[[$PC_AXIS]], #[[$PC_AXIS]], #[[$PC_ID]]]
// CHECK-SAME:        iterator_types = ["parallel", "parallel"]
// CHECK-SAME:        ins(%[[X]], %[[S]], %[[Z]] : tensor<4x3xf32>, tensor<3xf32>, tensor<3xi8>)
// CHECK-SAME:        outs(%[[INIT]] : tensor<4x3xi8>)
// CHECK:           arith.divf
// CHECK:           arith.extsi %{{.*}} : i8 to i32
// CHECK:         } -> tensor<4x3xi8>
func.func @quantize_per_channel(%x: tensor<4x3xf32>, %s: tensor<3xf32>, %z: tensor<3xi8>) -> tensor<4x3xi8> {
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1>}
      : (tensor<4x3xf32>, tensor<3xf32>, tensor<3xi8>) -> tensor<4x3xi8>
  return %q : tensor<4x3xi8>
}

// -----

// Per group of 32 along axis 1 into int4: the scale is read through
// (d0, d1 floordiv 32); the clamp is [-8, 7] and the result i4.

// CHECK-DAG: #[[$PG_ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$PG_GROUP:.*]] = affine_map<(d0, d1) -> (d0, d1 floordiv 32)>
// CHECK-LABEL: func @quantize_per_group_i4(
// CHECK-SAME:      %[[X:.*]]: tensor<8x64xf32>, %[[S:.*]]: tensor<8x2xf32>) -> tensor<8x64xi4>
// CHECK:         linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$PG_ID]], #[[$PG_GROUP]], #[[$PG_ID]]]
// CHECK-SAME:        ins(%[[X]], %[[S]] : tensor<8x64xf32>, tensor<8x2xf32>)
// CHECK-DAG:       %[[LO:.*]] = arith.constant -8.000000e+00 : f32
// CHECK-DAG:       %[[HI:.*]] = arith.constant 7.000000e+00 : f32
// CHECK-DAG:       %[[MAX:.*]] = arith.maximumf %{{.*}}, %[[LO]] : f32
// CHECK-DAG:       %[[MIN:.*]] = arith.minimumf %[[MAX]], %[[HI]] : f32
// CHECK:           %[[I32:.*]] = arith.fptosi %[[MIN]] : f32 to i32
// CHECK:           %[[I4:.*]] = arith.trunci %[[I32]] : i32 to i4
// CHECK:           linalg.yield %[[I4]] : i4
// CHECK:         } -> tensor<8x64xi4>
func.func @quantize_per_group_i4(%x: tensor<8x64xf32>, %s: tensor<8x2xf32>) -> tensor<8x64xi4> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 1, group_size = 32, symmetric = true>}
      : (tensor<8x64xf32>, tensor<8x2xf32>) -> tensor<8x64xi4>
  return %q : tensor<8x64xi4>
}

// -----

// Dynamic shapes: the init takes its sizes from the input with tensor.dim.

// CHECK-LABEL: func @quantize_dynamic(
// CHECK-SAME:      %[[X:.*]]: tensor<?x?xf32>, %[[S:.*]]: tensor<f32>) -> tensor<?x?xi8>
// CHECK-DAG:     %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG:     %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG:     %[[D0:.*]] = tensor.dim %[[X]], %[[C0]] : tensor<?x?xf32>
// CHECK-DAG:     %[[D1:.*]] = tensor.dim %[[X]], %[[C1]] : tensor<?x?xf32>
// CHECK:         %[[INIT:.*]] = tensor.empty(%[[D0]], %[[D1]]) : tensor<?x?xi8>
// CHECK:         %[[Q:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[X]], %[[S]] : tensor<?x?xf32>, tensor<f32>)
// CHECK-SAME:        outs(%[[INIT]] : tensor<?x?xi8>)
// CHECK:         } -> tensor<?x?xi8>
// CHECK:         return %[[Q]] : tensor<?x?xi8>
func.func @quantize_dynamic(%x: tensor<?x?xf32>, %s: tensor<f32>) -> tensor<?x?xi8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>}
      : (tensor<?x?xf32>, tensor<f32>) -> tensor<?x?xi8>
  return %q : tensor<?x?xi8>
}

// -----

// f16 expressed: input and scale are extended to f32, divided in f32.

// CHECK-LABEL: func @quantize_f16_expressed(
// CHECK:         ^bb0(%[[XE:.*]]: f16, %[[SE:.*]]: f16, %{{.*}}: i8):
// CHECK:           %[[X32:.*]] = arith.extf %[[XE]] : f16 to f32
// CHECK:           %[[S32:.*]] = arith.extf %[[SE]] : f16 to f32
// CHECK:           %[[DIV:.*]] = arith.divf %[[X32]], %[[S32]] : f32
// CHECK:           math.roundeven %[[DIV]] : f32
// CHECK:           arith.trunci %{{.*}} : i32 to i8
func.func @quantize_f16_expressed(%x: tensor<8xf16>, %s: tensor<f16>) -> tensor<8xi8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f16, symmetric = true>}
      : (tensor<8xf16>, tensor<f16>) -> tensor<8xi8>
  return %q : tensor<8xi8>
}

// -----

// FP8 storage, saturating (the default): -0 -> +0 (+ 0.0), clamp to +-448
// with the sign of the input kept (a NaN's too: copysign), then one
// arith.truncf (half to even) to f8E4M3FN. No integer rounding.

// CHECK-LABEL: func @quantize_fp8_saturate(
// CHECK:         ^bb0(%[[XE:.*]]: f32, %[[SE:.*]]: f32, %{{.*}}: f8E4M3FN):
// CHECK:           %[[DIV:.*]] = arith.divf %[[XE]], %[[SE]] : f32
// CHECK:           %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:           %[[POS:.*]] = arith.addf %[[DIV]], %[[ZERO]] : f32
// CHECK-DAG:       %[[LO:.*]] = arith.constant -4.480000e+02 : f32
// CHECK-DAG:       %[[HI:.*]] = arith.constant 4.480000e+02 : f32
// CHECK-DAG:       %[[MAX:.*]] = arith.maximumf %[[POS]], %[[LO]] : f32
// CHECK-DAG:       %[[MIN:.*]] = arith.minimumf %[[MAX]], %[[HI]] : f32
// CHECK:           %[[SAT:.*]] = math.copysign %[[MIN]], %[[POS]] : f32
// CHECK:           %[[F8:.*]] = arith.truncf %[[SAT]] : f32 to f8E4M3FN
// CHECK:           linalg.yield %[[F8]] : f8E4M3FN
// CHECK-NOT:       math.roundeven
// CHECK:         } -> tensor<8xf8E4M3FN>
func.func @quantize_fp8_saturate(%x: tensor<8xf32>, %s: tensor<f32>) -> tensor<8xf8E4M3FN> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>}
      : (tensor<8xf32>, tensor<f32>) -> tensor<8xf8E4M3FN>
  return %q : tensor<8xf8E4M3FN>
}

// -----

// FP8 storage without saturation: no clamp, overflow is left to truncf.

// CHECK-LABEL: func @quantize_fp8_no_saturate(
// CHECK:           %[[DIV:.*]] = arith.divf
// CHECK:           %[[POS:.*]] = arith.addf %[[DIV]], %{{.*}} : f32
// CHECK-NOT:       arith.maximumf
// CHECK-NOT:       arith.minimumf
// CHECK:           %[[F8:.*]] = arith.truncf %[[POS]] : f32 to f8E5M2
// CHECK:           linalg.yield %[[F8]] : f8E5M2
func.func @quantize_fp8_no_saturate(%x: tensor<8xf32>, %s: tensor<f32>) -> tensor<8xf8E5M2> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true, saturate = false>}
      : (tensor<8xf32>, tensor<f32>) -> tensor<8xf8E5M2>
  return %q : tensor<8xf8E5M2>
}

// -----

// A per-tensor scale declared with shape [1] is read through (d0) -> (0).

// CHECK-DAG: #[[$ONE_ID:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[$ONE_ELT:.*]] = affine_map<(d0) -> (0)>
// CHECK-LABEL: func @quantize_shape_one_params(
// CHECK:         linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$ONE_ID]], #[[$ONE_ELT]], #[[$ONE_ELT]], #[[$ONE_ID]]]
// CHECK-SAME:        ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<8xf32>, tensor<1xf32>, tensor<1xi8>)
func.func @quantize_shape_one_params(%x: tensor<8xf32>, %s: tensor<1xf32>, %z: tensor<1xi8>) -> tensor<8xi8> {
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>}
      : (tensor<8xf32>, tensor<1xf32>, tensor<1xi8>) -> tensor<8xi8>
  return %q : tensor<8xi8>
}

// -----

//===----------------------------------------------------------------------===//
// dequantize
//===----------------------------------------------------------------------===//

// (q - zp) exactly in i32, converted once, times the scale.

// CHECK-LABEL: func @dequantize_i8(
// CHECK-SAME:      %[[Q:.*]]: tensor<8xi8>, %[[S:.*]]: tensor<f32>, %[[Z:.*]]: tensor<i8>) -> tensor<8xf32>
// CHECK:         %[[INIT:.*]] = tensor.empty() : tensor<8xf32>
// CHECK:         linalg.generic
// CHECK-SAME:        ins(%[[Q]], %[[S]], %[[Z]] : tensor<8xi8>, tensor<f32>, tensor<i8>)
// CHECK-SAME:        outs(%[[INIT]] : tensor<8xf32>)
// CHECK:         ^bb0(%[[QE:.*]]: i8, %[[SE:.*]]: f32, %[[ZE:.*]]: i8, %{{.*}}: f32):
// CHECK:           %[[Q32:.*]] = arith.extsi %[[QE]] : i8 to i32
// CHECK:           %[[Z32:.*]] = arith.extsi %[[ZE]] : i8 to i32
// CHECK:           %[[DIFF:.*]] = arith.subi %[[Q32]], %[[Z32]] : i32
// CHECK:           %[[F:.*]] = arith.sitofp %[[DIFF]] : i32 to f32
// CHECK:           %[[Y:.*]] = arith.mulf %[[F]], %[[SE]] : f32
// CHECK:           linalg.yield %[[Y]] : f32
func.func @dequantize_i8(%q: tensor<8xi8>, %s: tensor<f32>, %z: tensor<i8>) -> tensor<8xf32> {
  %x = quanta.dequantize %q, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>}
      : (tensor<8xi8>, tensor<f32>, tensor<i8>) -> tensor<8xf32>
  return %x : tensor<8xf32>
}

// -----

// Unsigned int4 with an f16 scale: extui of value and zero point, the product
// in f32 (scale extended), rounded once to f16.

// CHECK-LABEL: func @dequantize_ui4_f16(
// CHECK:         ^bb0(%[[QE:.*]]: i4, %[[SE:.*]]: f16, %[[ZE:.*]]: i4, %{{.*}}: f16):
// CHECK:           %[[Q32:.*]] = arith.extui %[[QE]] : i4 to i32
// CHECK:           %[[Z32:.*]] = arith.extui %[[ZE]] : i4 to i32
// CHECK:           %[[DIFF:.*]] = arith.subi %[[Q32]], %[[Z32]] : i32
// CHECK:           %[[F:.*]] = arith.sitofp %[[DIFF]] : i32 to f32
// CHECK:           %[[S32:.*]] = arith.extf %[[SE]] : f16 to f32
// CHECK:           %[[Y:.*]] = arith.mulf %[[F]], %[[S32]] : f32
// CHECK:           %[[Y16:.*]] = arith.truncf %[[Y]] : f32 to f16
// CHECK:           linalg.yield %[[Y16]] : f16
func.func @dequantize_ui4_f16(%q: tensor<8xi4>, %s: tensor<f16>, %z: tensor<i4>) -> tensor<8xf16> {
  %x = quanta.dequantize %q, %s, %z {scheme = #quanta.scheme<storage = ui4, expressed = f16>}
      : (tensor<8xi4>, tensor<f16>, tensor<i4>) -> tensor<8xf16>
  return %x : tensor<8xf16>
}

// -----

// FP8 storage: exact extf, then the scale.

// CHECK-LABEL: func @dequantize_fp8(
// CHECK:         ^bb0(%[[QE:.*]]: f8E4M3FN, %[[SE:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[F:.*]] = arith.extf %[[QE]] : f8E4M3FN to f32
// CHECK:           %[[Y:.*]] = arith.mulf %[[F]], %[[SE]] : f32
// CHECK:           linalg.yield %[[Y]] : f32
func.func @dequantize_fp8(%q: tensor<8xf8E4M3FN>, %s: tensor<f32>) -> tensor<8xf32> {
  %x = quanta.dequantize %q, %s {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>}
      : (tensor<8xf8E4M3FN>, tensor<f32>) -> tensor<8xf32>
  return %x : tensor<8xf32>
}

// -----

//===----------------------------------------------------------------------===//
// fake_quant
//===----------------------------------------------------------------------===//

// One generic: the quantize body, then the dequantize of its i8 result with
// the same scale and zero point.

// CHECK-LABEL: func @fake_quant(
// CHECK-SAME:      %[[X:.*]]: tensor<16xf32>, %[[S:.*]]: tensor<f32>, %[[Z:.*]]: tensor<i8>) -> tensor<16xf32>
// CHECK:         %[[INIT:.*]] = tensor.empty() : tensor<16xf32>
// CHECK:         %[[Y:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[X]], %[[S]], %[[Z]] : tensor<16xf32>, tensor<f32>, tensor<i8>)
// CHECK-SAME:        outs(%[[INIT]] : tensor<16xf32>)
// CHECK:         ^bb0(%[[XE:.*]]: f32, %[[SE:.*]]: f32, %[[ZE:.*]]: i8, %{{.*}}: f32):
// CHECK:           arith.divf %[[XE]], %[[SE]] : f32
// CHECK:           math.roundeven
// CHECK:           arith.minimumf
// CHECK:           %[[I32:.*]] = arith.fptosi %{{.*}} : f32 to i32
// CHECK:           %[[QI:.*]] = arith.trunci %[[I32]] : i32 to i8
// CHECK:           %[[Q32:.*]] = arith.extsi %[[QI]] : i8 to i32
// CHECK:           %[[Z32:.*]] = arith.extsi %[[ZE]] : i8 to i32
// CHECK:           %[[DIFF:.*]] = arith.subi %[[Q32]], %[[Z32]] : i32
// CHECK:           %[[F:.*]] = arith.sitofp %[[DIFF]] : i32 to f32
// CHECK:           %[[R:.*]] = arith.mulf %[[F]], %[[SE]] : f32
// CHECK:           linalg.yield %[[R]] : f32
// CHECK:         } -> tensor<16xf32>
// CHECK-NOT:     linalg.generic
// CHECK:         return %[[Y]] : tensor<16xf32>
func.func @fake_quant(%x: tensor<16xf32>, %s: tensor<f32>, %z: tensor<i8>) -> tensor<16xf32> {
  %y = quanta.fake_quant %x, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>}
      : (tensor<16xf32>, tensor<f32>, tensor<i8>) -> tensor<16xf32>
  return %y : tensor<16xf32>
}

// -----

// FP8 fake_quant in bf16: saturate to +-57344, truncf to E5M2, extf back, the
// bf16 scale extended to f32 for the product, one truncf to bf16.

// CHECK-LABEL: func @fake_quant_fp8_bf16(
// CHECK:         ^bb0(%[[XE:.*]]: bf16, %[[SE:.*]]: bf16, %{{.*}}: bf16):
// CHECK-DAG:       %[[LO:.*]] = arith.constant -5.734400e+04 : f32
// CHECK-DAG:       %[[HI:.*]] = arith.constant 5.734400e+04 : f32
// CHECK-DAG:       %[[MAX:.*]] = arith.maximumf %{{.*}}, %[[LO]] : f32
// CHECK-DAG:       %[[MIN:.*]] = arith.minimumf %[[MAX]], %[[HI]] : f32
// CHECK:           %[[SAT:.*]] = math.copysign %[[MIN]], %{{.*}} : f32
// CHECK:           %[[F8:.*]] = arith.truncf %[[SAT]] : f32 to f8E5M2
// CHECK:           %[[D:.*]] = arith.extf %[[F8]] : f8E5M2 to f32
// CHECK:           %[[S32:.*]] = arith.extf %[[SE]] : bf16 to f32
// CHECK:           %[[P:.*]] = arith.mulf %[[D]], %[[S32]] : f32
// CHECK:           %[[R:.*]] = arith.truncf %[[P]] : f32 to bf16
// CHECK:           linalg.yield %[[R]] : bf16
func.func @fake_quant_fp8_bf16(%x: tensor<8xbf16>, %s: tensor<bf16>) -> tensor<8xbf16> {
  %y = quanta.fake_quant %x, %s {scheme = #quanta.scheme<storage = f8E5M2, expressed = bf16, symmetric = true>}
      : (tensor<8xbf16>, tensor<bf16>) -> tensor<8xbf16>
  return %y : tensor<8xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// requantize
//===----------------------------------------------------------------------===//

// float_multiplier with an unsigned output: f32(v) * m, round half to even,
// NaN -> 0, + output zp (read unsigned), clamp [0, 255].

// CHECK-LABEL: func @requantize_float_multiplier(
// CHECK:         ^bb0(%[[A:.*]]: i32, %[[M:.*]]: f32, %[[ZO:.*]]: i8, %{{.*}}: i8):
// CHECK:           %[[V:.*]] = arith.extsi %[[A]] : i32 to i64
// CHECK:           %[[ZO64:.*]] = arith.extui %[[ZO]] : i8 to i64
// CHECK:           %[[VF:.*]] = arith.sitofp %[[V]] : i64 to f32
// CHECK:           %[[P:.*]] = arith.mulf %[[VF]], %[[M]] : f32
// CHECK:           %[[R:.*]] = math.roundeven %[[P]] : f32
// CHECK:           %[[NAN:.*]] = arith.cmpf uno, %[[R]], %[[R]] : f32
// CHECK:           %[[NONAN:.*]] = arith.select %[[NAN]], %{{.*}}, %[[R]] : f32
// CHECK:           %[[ZOF:.*]] = arith.sitofp %[[ZO64]] : i64 to f32
// CHECK:           %[[SUM:.*]] = arith.addf %[[NONAN]], %[[ZOF]] : f32
// CHECK-DAG:       %[[LO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG:       %[[HI:.*]] = arith.constant 2.550000e+02 : f32
// CHECK-DAG:       %[[MAX:.*]] = arith.maximumf %[[SUM]], %[[LO]] : f32
// CHECK-DAG:       %[[MIN:.*]] = arith.minimumf %[[MAX]], %[[HI]] : f32
// CHECK:           %[[I32:.*]] = arith.fptosi %[[MIN]] : f32 to i32
// CHECK:           %[[I8:.*]] = arith.trunci %[[I32]] : i32 to i8
// CHECK:           linalg.yield %[[I8]] : i8
func.func @requantize_float_multiplier(%acc: tensor<4x8xi32>, %m: tensor<f32>, %zo: tensor<i8>) -> tensor<4x8xi8> {
  %y = quanta.requantize %acc, %m output_zp %zo {mode = #quanta<requantize_mode float_multiplier>, unsigned_output}
      : (tensor<4x8xi32>, tensor<f32>, tensor<i8>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

// single_round: v = input - input_zp in i64, then
// ((v * m) >> 1 + 2^(shift-2)) >> (shift - 1), + output zp, clamp in i64.

// CHECK-LABEL: func @requantize_single_round(
// CHECK-SAME:      %[[ACC:.*]]: tensor<4x8xi32>, %[[M:.*]]: tensor<i32>, %[[SH:.*]]: tensor<i8>, %[[ZI:.*]]: tensor<i32>, %[[ZO:.*]]: tensor<i8>)
// CHECK:         linalg.generic
// CHECK-SAME:        ins(%[[ACC]], %[[M]], %[[SH]], %[[ZI]], %[[ZO]] : tensor<4x8xi32>, tensor<i32>, tensor<i8>, tensor<i32>, tensor<i8>)
// CHECK:         ^bb0(%[[A:.*]]: i32, %[[ME:.*]]: i32, %[[SE:.*]]: i8, %[[ZIE:.*]]: i32, %[[ZOE:.*]]: i8, %{{.*}}: i8):
// CHECK:           %[[A64:.*]] = arith.extsi %[[A]] : i32 to i64
// CHECK:           %[[ZI64:.*]] = arith.extsi %[[ZIE]] : i32 to i64
// CHECK:           %[[V:.*]] = arith.subi %[[A64]], %[[ZI64]] : i64
// CHECK:           %[[ZO64:.*]] = arith.extsi %[[ZOE]] : i8 to i64
// CHECK:           %[[M64:.*]] = arith.extsi %[[ME]] : i32 to i64
// CHECK:           %[[S64:.*]] = arith.extsi %[[SE]] : i8 to i64
// CHECK:           %[[ONE:.*]] = arith.constant 1 : i64
// CHECK:           %[[PROD:.*]] = arith.muli %[[V]], %[[M64]] : i64
// CHECK:           %[[SM1:.*]] = arith.subi %[[S64]], %[[ONE]] : i64
// CHECK:           %[[SM2:.*]] = arith.subi %[[SM1]], %[[ONE]] : i64
// CHECK:           %[[HALFR:.*]] = arith.shli %[[ONE]], %[[SM2]] : i64
// CHECK:           %[[HALVED:.*]] = arith.shrsi %[[PROD]], %[[ONE]] : i64
// CHECK:           %[[SUM:.*]] = arith.addi %[[HALVED]], %[[HALFR]] : i64
// CHECK:           %[[SCALED:.*]] = arith.shrsi %[[SUM]], %[[SM1]] : i64
// CHECK:           %[[OUT:.*]] = arith.addi %[[SCALED]], %[[ZO64]] : i64
// CHECK-DAG:       %[[LO:.*]] = arith.constant -128 : i64
// CHECK-DAG:       %[[HI:.*]] = arith.constant 127 : i64
// CHECK-DAG:       %[[MAX:.*]] = arith.maxsi %[[OUT]], %[[LO]] : i64
// CHECK-DAG:       %[[MIN:.*]] = arith.minsi %[[MAX]], %[[HI]] : i64
// CHECK:           %[[I8:.*]] = arith.trunci %[[MIN]] : i64 to i8
// CHECK:           linalg.yield %[[I8]] : i8
func.func @requantize_single_round(%acc: tensor<4x8xi32>, %m: tensor<i32>, %sh: tensor<i8>, %zi: tensor<i32>, %zo: tensor<i8>) -> tensor<4x8xi8> {
  %y = quanta.requantize %acc, %m shift %sh input_zp %zi output_zp %zo {mode = #quanta<requantize_mode single_round>}
      : (tensor<4x8xi32>, tensor<i32>, tensor<i8>, tensor<i32>, tensor<i8>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

// double_round: the halved rounding term moves by +-2^29 (+-2^30 before
// halving) when shift > 31, by the sign of v; narrow range clamps at -127.

// CHECK-LABEL: func @requantize_double_round(
// CHECK:         ^bb0(%[[A:.*]]: i32, %[[ME:.*]]: i32, %[[SE:.*]]: i8, %{{.*}}: i8):
// CHECK:           %[[V:.*]] = arith.extsi %[[A]] : i32 to i64
// CHECK:           %[[S64:.*]] = arith.extsi %[[SE]] : i8 to i64
// CHECK:           %[[ONE:.*]] = arith.constant 1 : i64
// CHECK:           %[[PROD:.*]] = arith.muli %[[V]], %{{.*}} : i64
// CHECK:           %[[SM1:.*]] = arith.subi %[[S64]], %[[ONE]] : i64
// CHECK:           %[[SM2:.*]] = arith.subi %[[SM1]], %[[ONE]] : i64
// CHECK:           %[[HALFR:.*]] = arith.shli %[[ONE]], %[[SM2]] : i64
// CHECK:           %[[NONNEG:.*]] = arith.cmpi sge, %[[V]], %{{.*}} : i64
// CHECK-DAG:       %[[PLUS:.*]] = arith.constant 536870912 : i64
// CHECK-DAG:       %[[MINUS:.*]] = arith.constant -536870912 : i64
// CHECK:           %[[ADJ:.*]] = arith.select %[[NONNEG]], %[[PLUS]], %[[MINUS]] : i64
// CHECK:           %[[C31:.*]] = arith.constant 31 : i64
// CHECK:           %[[WIDE:.*]] = arith.cmpi sgt, %[[S64]], %[[C31]] : i64
// CHECK:           %[[ADJ2:.*]] = arith.select %[[WIDE]], %[[ADJ]], %{{.*}} : i64
// CHECK:           %[[R:.*]] = arith.addi %[[HALFR]], %[[ADJ2]] : i64
// CHECK:           %[[HALVED:.*]] = arith.shrsi %[[PROD]], %[[ONE]] : i64
// CHECK:           %[[SUM:.*]] = arith.addi %[[HALVED]], %[[R]] : i64
// CHECK:           %[[SCALED:.*]] = arith.shrsi %[[SUM]], %[[SM1]] : i64
// CHECK:           %[[OUT:.*]] = arith.addi %[[SCALED]], %{{.*}} : i64
// CHECK-DAG:       %[[LO:.*]] = arith.constant -127 : i64
// CHECK-DAG:       %[[HI:.*]] = arith.constant 127 : i64
// CHECK-DAG:       %[[MAX:.*]] = arith.maxsi %[[OUT]], %[[LO]] : i64
// CHECK-DAG:       %[[MIN:.*]] = arith.minsi %[[MAX]], %[[HI]] : i64
// CHECK:           arith.trunci %[[MIN]] : i64 to i8
func.func @requantize_double_round(%acc: tensor<4x8xi32>, %m: tensor<i32>, %sh: tensor<i8>) -> tensor<4x8xi8> {
  %y = quanta.requantize %acc, %m shift %sh {mode = #quanta<requantize_mode double_round>, narrow_range}
      : (tensor<4x8xi32>, tensor<i32>, tensor<i8>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

// gemmlowp: left shift by max(31 - shift, 0) saturated to i32,
// SaturatingRoundingDoublingHighMul (nudge 2^30 or 1 - 2^30, divsi by 2^31,
// INT32_MIN * INT32_MIN -> INT32_MAX), then RoundingDivideByPOT by
// max(shift - 31, 0) with the remainder/threshold test.

// CHECK-LABEL: func @requantize_gemmlowp(
// CHECK:         ^bb0(%[[A:.*]]: i32, %[[ME:.*]]: i32, %[[SE:.*]]: i8, %{{.*}}: i8):
// CHECK:           %[[V:.*]] = arith.extsi %[[A]] : i32 to i64
// CHECK:           %[[M64:.*]] = arith.extsi %[[ME]] : i32 to i64
// CHECK:           %[[S64:.*]] = arith.extsi %[[SE]] : i8 to i64
// CHECK:           %[[C31:.*]] = arith.constant 31 : i64
// CHECK:           %[[E:.*]] = arith.subi %[[C31]], %[[S64]] : i64
// CHECK:           %[[LEFT:.*]] = arith.maxsi %[[E]], %{{.*}} : i64
// CHECK:           %[[NEGE:.*]] = arith.subi %{{.*}}, %[[E]] : i64
// CHECK:           %[[RIGHT:.*]] = arith.maxsi %[[NEGE]], %{{.*}} : i64
// CHECK:           %[[SHL:.*]] = arith.shli %[[V]], %[[LEFT]] : i64
// CHECK-DAG:       %[[IMIN:.*]] = arith.constant -2147483648 : i64
// CHECK-DAG:       %[[IMAX:.*]] = arith.constant 2147483647 : i64
// CHECK-DAG:       %[[XLO:.*]] = arith.maxsi %[[SHL]], %[[IMIN]] : i64
// CHECK-DAG:       %[[X:.*]] = arith.minsi %[[XLO]], %[[IMAX]] : i64
// CHECK:           %[[AB:.*]] = arith.muli %[[X]], %[[M64]] : i64
// CHECK:           %[[ABNN:.*]] = arith.cmpi sge, %[[AB]], %{{.*}} : i64
// CHECK-DAG:       %[[NPOS:.*]] = arith.constant 1073741824 : i64
// CHECK-DAG:       %[[NNEG:.*]] = arith.constant -1073741823 : i64
// CHECK:           %[[NUDGE:.*]] = arith.select %[[ABNN]], %[[NPOS]], %[[NNEG]] : i64
// CHECK:           %[[NUDGED:.*]] = arith.addi %[[AB]], %[[NUDGE]] : i64
// CHECK:           %[[P31:.*]] = arith.constant 2147483648 : i64
// CHECK:           %[[HIGH:.*]] = arith.divsi %[[NUDGED]], %[[P31]] : i64
// CHECK:           %[[XMIN:.*]] = arith.cmpi eq, %[[X]], %{{.*}} : i64
// CHECK:           %[[MMIN:.*]] = arith.cmpi eq, %[[M64]], %{{.*}} : i64
// CHECK:           %[[OVF:.*]] = arith.andi %[[XMIN]], %[[MMIN]] : i1
// CHECK:           %[[HIGH2:.*]] = arith.select %[[OVF]], %{{.*}}, %[[HIGH]] : i64
// CHECK:           %[[POT:.*]] = arith.shli %{{.*}}, %[[RIGHT]] : i64
// CHECK:           %[[MASK:.*]] = arith.subi %[[POT]], %{{.*}} : i64
// CHECK:           %[[REM:.*]] = arith.andi %[[HIGH2]], %[[MASK]] : i64
// CHECK:           %[[NEG:.*]] = arith.cmpi slt, %[[HIGH2]], %{{.*}} : i64
// CHECK:           %[[HALFMASK:.*]] = arith.shrsi %[[MASK]], %{{.*}} : i64
// CHECK:           %[[NEG64:.*]] = arith.extui %[[NEG]] : i1 to i64
// CHECK:           %[[THRESH:.*]] = arith.addi %[[HALFMASK]], %[[NEG64]] : i64
// CHECK:           %[[UP:.*]] = arith.cmpi sgt, %[[REM]], %[[THRESH]] : i64
// CHECK:           %[[SHR:.*]] = arith.shrsi %[[HIGH2]], %[[RIGHT]] : i64
// CHECK:           %[[UP64:.*]] = arith.extui %[[UP]] : i1 to i64
// CHECK:           %[[RES:.*]] = arith.addi %[[SHR]], %[[UP64]] : i64
// CHECK:           arith.addi %[[RES]], %{{.*}} : i64
// CHECK:           arith.trunci %{{.*}} : i64 to i8
func.func @requantize_gemmlowp(%acc: tensor<4x8xi32>, %m: tensor<i32>, %sh: tensor<i8>) -> tensor<4x8xi8> {
  %y = quanta.requantize %acc, %m shift %sh {mode = #quanta<requantize_mode gemmlowp>}
      : (tensor<4x8xi32>, tensor<i32>, tensor<i8>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

// Per-channel multiplier and shift along axis 1, per-tensor output zp.

// CHECK-DAG: #[[$RQ_ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$RQ_AXIS:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[$RQ_SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func @requantize_per_channel(
// CHECK:         linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$RQ_ID]], #[[$RQ_AXIS]], #[[$RQ_AXIS]], #[[$RQ_SCALAR]], #[[$RQ_ID]]]
// CHECK-SAME:        ins(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : tensor<4x8xi32>, tensor<8xi32>, tensor<8xi8>, tensor<i8>)
// CHECK:           arith.muli %{{.*}}, %{{.*}} : i64
// CHECK:           arith.shrsi
func.func @requantize_per_channel(%acc: tensor<4x8xi32>, %m: tensor<8xi32>, %sh: tensor<8xi8>, %zo: tensor<i8>) -> tensor<4x8xi8> {
  %y = quanta.requantize %acc, %m shift %sh output_zp %zo {mode = #quanta<requantize_mode single_round>, axis = 1 : i64}
      : (tensor<4x8xi32>, tensor<8xi32>, tensor<8xi8>, tensor<i8>) -> tensor<4x8xi8>
  return %y : tensor<4x8xi8>
}

// -----

// Unsigned narrow 16-bit output: [1, 65535], the zero point read unsigned.

// CHECK-LABEL: func @requantize_u16_narrow(
// CHECK:           arith.extui %{{.*}} : i16 to i64
// CHECK-DAG:       %[[LO:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG:       %[[HI:.*]] = arith.constant 6.553500e+04 : f32
// CHECK-DAG:       %[[MAX:.*]] = arith.maximumf %{{.*}}, %[[LO]] : f32
// CHECK-DAG:       %[[MIN:.*]] = arith.minimumf %[[MAX]], %[[HI]] : f32
// CHECK:           %[[I32:.*]] = arith.fptosi %[[MIN]] : f32 to i32
// CHECK:           arith.trunci %[[I32]] : i32 to i16
func.func @requantize_u16_narrow(%acc: tensor<8xi32>, %m: tensor<f32>, %zo: tensor<i16>) -> tensor<8xi16> {
  %y = quanta.requantize %acc, %m output_zp %zo {mode = #quanta<requantize_mode float_multiplier>, unsigned_output, narrow_range}
      : (tensor<8xi32>, tensor<f32>, tensor<i16>) -> tensor<8xi16>
  return %y : tensor<8xi16>
}

// -----

//===----------------------------------------------------------------------===//
// cast
//===----------------------------------------------------------------------===//

// Scaled saturating cast: x * s in f32, clamp to +-448, one truncf.

// CHECK-DAG: #[[$CAST_ID:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[$CAST_SCALAR:.*]] = affine_map<(d0) -> ()>
// CHECK-LABEL: func @cast_scale_saturate(
// CHECK-SAME:      %[[X:.*]]: tensor<1024xf32>, %[[S:.*]]: tensor<f32>)
// CHECK:         linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$CAST_ID]], #[[$CAST_SCALAR]], #[[$CAST_ID]]]
// CHECK-SAME:        ins(%[[X]], %[[S]] : tensor<1024xf32>, tensor<f32>)
// CHECK:         ^bb0(%[[XE:.*]]: f32, %[[SE:.*]]: f32, %{{.*}}: f8E4M3FN):
// CHECK:           %[[P:.*]] = arith.mulf %[[XE]], %[[SE]] : f32
// CHECK-DAG:       %[[LO:.*]] = arith.constant -4.480000e+02 : f32
// CHECK-DAG:       %[[HI:.*]] = arith.constant 4.480000e+02 : f32
// CHECK-DAG:       %[[MAX:.*]] = arith.maximumf %[[P]], %[[LO]] : f32
// CHECK-DAG:       %[[MIN:.*]] = arith.minimumf %[[MAX]], %[[HI]] : f32
// CHECK:           %[[SAT:.*]] = math.copysign %[[MIN]], %[[P]] : f32
// CHECK:           %[[Y:.*]] = arith.truncf %[[SAT]] : f32 to f8E4M3FN
// CHECK:           linalg.yield %[[Y]] : f8E4M3FN
func.func @cast_scale_saturate(%x: tensor<1024xf32>, %s: tensor<f32>) -> tensor<1024xf8E4M3FN> {
  %y = quanta.cast %x scale %s {saturate} : tensor<1024xf32>, tensor<f32> -> tensor<1024xf8E4M3FN>
  return %y : tensor<1024xf8E4M3FN>
}

// -----

// Unscaled, not saturating: decode exactly to f32, encode once.

// CHECK-LABEL: func @cast_f16_to_bf16(
// CHECK:         ^bb0(%[[XE:.*]]: f16, %{{.*}}: bf16):
// CHECK:           %[[F:.*]] = arith.extf %[[XE]] : f16 to f32
// CHECK-NOT:       arith.maximumf
// CHECK:           %[[Y:.*]] = arith.truncf %[[F]] : f32 to bf16
// CHECK:           linalg.yield %[[Y]] : bf16
func.func @cast_f16_to_bf16(%x: tensor<8xf16>) -> tensor<8xbf16> {
  %y = quanta.cast %x : tensor<8xf16> -> tensor<8xbf16>
  return %y : tensor<8xbf16>
}

// -----

//===----------------------------------------------------------------------===//
// compute_params
//===----------------------------------------------------------------------===//

// max_abs per channel (axis 0): a reduction over d1 of the integer max of
// the magnitude bits (which order like the floats; NaN bits become 0, so NaN
// never wins), from 0; amax is those bits as f32, rmin = -amax, then the
// symmetric epilogue scale = max(-rmin, rmax) / 127, 0 -> 1.

// CHECK-DAG: #[[$MA_IN:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$MA_OUT:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[$MA_ID:.*]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func @compute_params_max_abs(
// CHECK-SAME:      %[[X:.*]]: tensor<16x128xf32>) -> tensor<16xf32>
// CHECK:         %[[E:.*]] = tensor.empty() : tensor<16xi32>
// CHECK:         %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK:         %[[ACC:.*]] = linalg.fill ins(%[[ZERO]] : i32) outs(%[[E]] : tensor<16xi32>)
// CHECK:         %[[AMAX:.*]] = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$MA_IN]], #[[$MA_OUT]]]
// CHECK-SAME:        iterator_types = ["parallel", "reduction"]
// CHECK-SAME:        ins(%[[X]] : tensor<16x128xf32>) outs(%[[ACC]] : tensor<16xi32>)
// CHECK:         ^bb0(%[[XE:.*]]: f32, %[[OUT:.*]]: i32):
// CHECK:           %[[BITS:.*]] = arith.bitcast %[[XE]] : f32 to i32
// CHECK:           %[[MAG:.*]] = arith.andi %[[BITS]], %{{.*}} : i32
// CHECK:           %[[NAN:.*]] = arith.cmpi sgt, %[[MAG]], %{{.*}} : i32
// CHECK:           %[[KEY:.*]] = arith.select %[[NAN]], %{{.*}}, %[[MAG]] : i32
// CHECK:           %[[MAX:.*]] = arith.maxsi %[[OUT]], %[[KEY]] : i32
// CHECK:           linalg.yield %[[MAX]] : i32
// CHECK:         %[[RMAX:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[AMAX]] : tensor<16xi32>)
// CHECK:           arith.bitcast %{{.*}} : i32 to f32
// CHECK:         %[[RMIN:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[RMAX]] : tensor<16xf32>)
// CHECK:           arith.negf
// CHECK:         %[[SCALE:.*]] = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$MA_ID]], #[[$MA_ID]], #[[$MA_ID]]]
// CHECK-SAME:        ins(%[[RMIN]], %[[RMAX]] : tensor<16xf32>, tensor<16xf32>)
// CHECK:         ^bb0(%[[LOE:.*]]: f32, %[[HIE:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[NEG:.*]] = arith.negf %[[LOE]] : f32
// CHECK:           %[[LT2:.*]] = arith.cmpf olt, %[[NEG]], %[[HIE]] : f32
// CHECK:           %[[M:.*]] = arith.select %[[LT2]], %[[HIE]], %[[NEG]] : f32
// CHECK:           %[[QMAX:.*]] = arith.constant 1.270000e+02 : f32
// CHECK:           %[[S:.*]] = arith.divf %[[M]], %[[QMAX]] : f32
// CHECK:           %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:           %[[ISZ:.*]] = arith.cmpf oeq, %[[S]], %[[Z]] : f32
// CHECK:           %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK:           %[[S1:.*]] = arith.select %[[ISZ]], %[[ONE]], %[[S]] : f32
// CHECK:           linalg.yield %[[S1]] : f32
// CHECK:         return %[[SCALE]] : tensor<16xf32>
func.func @compute_params_max_abs(%x: tensor<16x128xf32>) -> tensor<16xf32> {
  %s = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>, method = #quanta<params_method max_abs>}
      : (tensor<16x128xf32>) -> tensor<16xf32>
  return %s : tensor<16xf32>
}

// -----

// min_max per tensor on a dynamic input (ONNX DynamicQuantizeLinear): one
// reduction with two i32 accumulators from 0 (so the range includes 0) over
// signed order keys of x + 0 (-0 becomes +0; NaN becomes the key of 0):
// integer min and max, turned back into floats; then
// scale = (rmax - rmin) / 255 and zp = saturate(roundeven(0 - rmin / scale)).

// CHECK-DAG: #[[$MM_IN:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[$MM_OUT:.*]] = affine_map<(d0) -> ()>
// CHECK-DAG: #[[$MM_0D:.*]] = affine_map<() -> ()>
// CHECK-LABEL: func @compute_params_min_max(
// CHECK-SAME:      %[[X:.*]]: tensor<?xf32>) -> (tensor<f32>, tensor<i8>)
// CHECK:         %[[LOI:.*]] = linalg.fill {{.*}} -> tensor<i32>
// CHECK:         %[[HII:.*]] = linalg.fill {{.*}} -> tensor<i32>
// CHECK:         %[[K:.*]]:2 = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$MM_IN]], #[[$MM_OUT]], #[[$MM_OUT]]]
// CHECK-SAME:        iterator_types = ["reduction"]
// CHECK-SAME:        ins(%[[X]] : tensor<?xf32>) outs(%[[LOI]], %[[HII]] : tensor<i32>, tensor<i32>)
// CHECK:         ^bb0(%[[XE:.*]]: f32, %[[LO:.*]]: i32, %[[HI:.*]]: i32):
// CHECK:           %[[X0:.*]] = arith.addf %[[XE]], %{{.*}} : f32
// CHECK:           %[[BITS:.*]] = arith.bitcast %[[X0]] : f32 to i32
// CHECK:           arith.xori %[[BITS]]
// CHECK:           %[[MIN:.*]] = arith.minsi %[[LO]], %{{.*}} : i32
// CHECK:           %[[MAX:.*]] = arith.maxsi %[[HI]], %{{.*}} : i32
// CHECK:           linalg.yield %[[MIN]], %[[MAX]] : i32, i32
// CHECK:         %[[RMINT:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[K]]#0 : tensor<i32>)
// CHECK:         %[[RMAXT:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[K]]#1 : tensor<i32>)
// CHECK:         %[[SCALE:.*]] = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$MM_0D]], #[[$MM_0D]], #[[$MM_0D]]]
// CHECK-SAME:        iterator_types = []
// CHECK-SAME:        ins(%[[RMINT]], %[[RMAXT]] : tensor<f32>, tensor<f32>) outs(%{{.*}} : tensor<f32>)
// CHECK:         ^bb0(%[[RMIN:.*]]: f32, %[[RMAX:.*]]: f32, %{{.*}}: f32):
// CHECK:           %[[W:.*]] = arith.subf %[[RMAX]], %[[RMIN]] : f32
// CHECK:           %[[LEVELS:.*]] = arith.constant 2.550000e+02 : f32
// CHECK:           arith.divf %[[W]], %[[LEVELS]] : f32
// CHECK:           arith.cmpf oeq
// CHECK:           linalg.yield %{{.*}} : f32
// CHECK:         %[[ZP:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[RMINT]], %[[RMAXT]] : tensor<f32>, tensor<f32>) outs(%{{.*}} : tensor<i8>)
// CHECK:         ^bb0(%[[RMIN2:.*]]: f32, %{{.*}}: f32, %{{.*}}: i8):
// CHECK:           %[[S1:.*]] = arith.select
// CHECK:           %[[QMIN:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:           %[[Q:.*]] = arith.divf %[[RMIN2]], %[[S1]] : f32
// CHECK:           %[[ZF:.*]] = arith.subf %[[QMIN]], %[[Q]] : f32
// CHECK:           %[[ZR:.*]] = math.roundeven %[[ZF]] : f32
// CHECK:           arith.cmpf uno, %[[ZF]], %[[ZF]] : f32
// CHECK:           arith.maximumf
// CHECK:           %[[CLAMPED:.*]] = arith.minimumf %{{.*}}, %{{.*}} : f32
// CHECK:           %[[ZI:.*]] = arith.fptosi %[[CLAMPED]] : f32 to i32
// CHECK:           %[[Z8:.*]] = arith.trunci %[[ZI]] : i32 to i8
// CHECK:           linalg.yield %[[Z8]] : i8
// CHECK:         return %[[SCALE]], %[[ZP]] : tensor<f32>, tensor<i8>
func.func @compute_params_min_max(%x: tensor<?xf32>) -> (tensor<f32>, tensor<i8>) {
  %s, %z = quanta.compute_params %x {scheme = #quanta.scheme<storage = ui8, expressed = f32>, method = #quanta<params_method min_max>}
      : (tensor<?xf32>) -> (tensor<f32>, tensor<i8>)
  return %s, %z : tensor<f32>, tensor<i8>
}

// -----

// mean_std per group of 64 along axis 1: the input is split with
// tensor.expand_shape into [16, 2, 64]; sums and counts of the non-NaN values
// accumulate in f64, then the mean, a second f64 pass for the squared
// deviations, and mean -+ 3 * sqrt(var) widened to include 0, truncated to
// f32. int4 symmetric: scale = max(-rmin, rmax) / 7.

// CHECK-DAG: #[[$MS_IN:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[$MS_OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func @compute_params_mean_std_per_group(
// CHECK-SAME:      %[[X:.*]]: tensor<16x128xf32>) -> tensor<16x2xf32>
// CHECK:         %[[G:.*]] = tensor.expand_shape %[[X]] {{\[}}[0], [1, 2]] output_shape [16, 2, 64] : tensor<16x128xf32> into tensor<16x2x64xf32>
// CHECK:         %[[SUMS:.*]]:2 = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$MS_IN]], #[[$MS_OUT]], #[[$MS_OUT]]]
// CHECK-SAME:        iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:        ins(%[[G]] : tensor<16x2x64xf32>) outs(%{{.*}}, %{{.*}} : tensor<16x2xf64>, tensor<16x2xf64>)
// CHECK:         ^bb0(%[[XE:.*]]: f32, %[[SUM:.*]]: f64, %[[CNT:.*]]: f64):
// CHECK:           %[[X64:.*]] = arith.extf %[[XE]] : f32 to f64
// CHECK:           %[[NAN:.*]] = arith.cmpf uno, %[[X64]], %[[X64]] : f64
// CHECK:           %[[ADD:.*]] = arith.addf %[[SUM]], %[[X64]] : f64
// CHECK:           %[[SUM2:.*]] = arith.select %[[NAN]], %[[SUM]], %[[ADD]] : f64
// CHECK:           %[[ONE:.*]] = arith.constant 1.000000e+00 : f64
// CHECK:           %[[INC:.*]] = arith.addf %[[CNT]], %[[ONE]] : f64
// CHECK:           %[[CNT2:.*]] = arith.select %[[NAN]], %[[CNT]], %[[INC]] : f64
// CHECK:           linalg.yield %[[SUM2]], %[[CNT2]] : f64, f64
// CHECK:         %[[MEAN:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[SUMS]]#0, %[[SUMS]]#1 : tensor<16x2xf64>, tensor<16x2xf64>)
// CHECK:           arith.divf %{{.*}}, %{{.*}} : f64
// CHECK:         %[[SQ:.*]] = linalg.generic
// CHECK-SAME:        iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:        ins(%[[G]], %[[MEAN]] : tensor<16x2x64xf32>, tensor<16x2xf64>) outs(%{{.*}} : tensor<16x2xf64>)
// CHECK:         ^bb0(%[[XE2:.*]]: f32, %[[ME:.*]]: f64, %[[ACC:.*]]: f64):
// CHECK:           %[[X642:.*]] = arith.extf %[[XE2]] : f32 to f64
// CHECK:           %[[D:.*]] = arith.subf %[[X642]], %[[ME]] : f64
// CHECK:           %[[DD:.*]] = arith.mulf %[[D]], %[[D]] : f64
// CHECK:           %[[ACC2:.*]] = arith.addf %[[ACC]], %[[DD]] : f64
// CHECK:           %[[NAN2:.*]] = arith.cmpf uno, %[[X642]], %[[X642]] : f64
// CHECK:           arith.select %[[NAN2]], %[[ACC]], %[[ACC2]] : f64
// CHECK:         %[[RMIN:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[MEAN]], %[[SQ]], %[[SUMS]]#1 : tensor<16x2xf64>, tensor<16x2xf64>, tensor<16x2xf64>) outs(%{{.*}} : tensor<16x2xf32>)
// CHECK:         ^bb0(%[[M:.*]]: f64, %[[V:.*]]: f64, %[[N:.*]]: f64, %{{.*}}: f32):
// CHECK:           %[[VAR:.*]] = arith.divf %[[V]], %[[N]] : f64
// CHECK:           %[[SD:.*]] = math.sqrt %[[VAR]] : f64
// CHECK:           %[[K:.*]] = arith.constant 3.000000e+00 : f64
// CHECK:           %[[KSD:.*]] = arith.mulf %[[K]], %[[SD]] : f64
// CHECK:           %[[LO:.*]] = arith.subf %[[M]], %[[KSD]] : f64
// CHECK:           %[[Z64:.*]] = arith.constant 0.000000e+00 : f64
// CHECK:           %[[KEEP:.*]] = arith.cmpf ult, %[[LO]], %[[Z64]] : f64
// CHECK:           %[[LOW:.*]] = arith.select %[[KEEP]], %[[LO]], %[[Z64]] : f64
// CHECK:           %[[LOW32:.*]] = arith.truncf %[[LOW]] : f64 to f32
// CHECK:           %[[EMPTY:.*]] = arith.cmpf oeq, %[[N]], %[[Z64]] : f64
// CHECK:           arith.select %[[EMPTY]], %{{.*}}, %[[LOW32]] : f32
// CHECK:         %[[RMAX:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[MEAN]], %[[SQ]], %[[SUMS]]#1 : tensor<16x2xf64>, tensor<16x2xf64>, tensor<16x2xf64>) outs(%{{.*}} : tensor<16x2xf32>)
// CHECK:           %[[HI:.*]] = arith.addf %{{.*}}, %{{.*}} : f64
// CHECK:           arith.cmpf ugt, %[[HI]], %{{.*}} : f64
// CHECK:         %[[SCALE:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[RMIN]], %[[RMAX]] : tensor<16x2xf32>, tensor<16x2xf32>) outs(%{{.*}} : tensor<16x2xf32>)
// CHECK:           %[[QMAX:.*]] = arith.constant 7.000000e+00 : f32
// CHECK:           arith.divf %{{.*}}, %[[QMAX]] : f32
// CHECK:         return %[[SCALE]] : tensor<16x2xf32>
func.func @compute_params_mean_std_per_group(%x: tensor<16x128xf32>) -> tensor<16x2xf32> {
  %s = quanta.compute_params %x {scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 1, group_size = 64, symmetric = true>, method = #quanta<params_method mean_std>, k = 3.0}
      : (tensor<16x128xf32>) -> tensor<16x2xf32>
  return %s : tensor<16x2xf32>
}

// -----

// Per group on a dynamic axis: the number of groups is dim / group_size; bf16
// input is extended to f32, the bf16 scale is the f32 scale truncated; ui4
// zero point clamped to [0, 15].

// CHECK-LABEL: func @compute_params_per_group_dynamic(
// CHECK-SAME:      %[[X:.*]]: tensor<4x?xbf16>) -> (tensor<4x?xbf16>, tensor<4x?xi4>)
// CHECK-DAG:     %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG:     %[[C32:.*]] = arith.constant 32 : index
// CHECK-DAG:     %[[D:.*]] = tensor.dim %[[X]], %[[C1]] : tensor<4x?xbf16>
// CHECK:         %[[GROUPS:.*]] = arith.divui %[[D]], %[[C32]] : index
// CHECK:         %[[G:.*]] = tensor.expand_shape %[[X]] {{\[}}[0], [1, 2]] output_shape [4, %[[GROUPS]], 32] : tensor<4x?xbf16> into tensor<4x?x32xbf16>
// CHECK:         linalg.generic
// CHECK-SAME:        iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:        ins(%[[G]] : tensor<4x?x32xbf16>) outs(%{{.*}}, %{{.*}} : tensor<4x?xi32>, tensor<4x?xi32>)
// CHECK:           arith.extf %{{.*}} : bf16 to f32
// CHECK:         linalg.generic
// CHECK:         linalg.generic
// CHECK:         linalg.generic
// CHECK:           %[[L15:.*]] = arith.constant 1.500000e+01 : f32
// CHECK:           arith.divf %{{.*}}, %[[L15]] : f32
// CHECK:           arith.truncf %{{.*}} : f32 to bf16
// CHECK:         } -> tensor<4x?xbf16>
// CHECK:         linalg.generic
// CHECK:           arith.minimumf %{{.*}}, %{{.*}} : f32
// CHECK:           arith.trunci %{{.*}} : i32 to i4
// CHECK:         } -> tensor<4x?xi4>
func.func @compute_params_per_group_dynamic(%x: tensor<4x?xbf16>) -> (tensor<4x?xbf16>, tensor<4x?xi4>) {
  %s, %z = quanta.compute_params %x {scheme = #quanta.scheme<storage = ui4, expressed = bf16, granularity = per_group, axis = 1, group_size = 32>, method = #quanta<params_method min_max>}
      : (tensor<4x?xbf16>) -> (tensor<4x?xbf16>, tensor<4x?xi4>)
  return %s, %z : tensor<4x?xbf16>, tensor<4x?xi4>
}

// -----

// A per-tensor FP8 scale declared with shape [1]: qmax is 448 and the rank-0
// result is expanded to [1].

// CHECK-LABEL: func @compute_params_shape_one(
// CHECK:           %[[QMAX:.*]] = arith.constant 4.480000e+02 : f32
// CHECK:           arith.divf %{{.*}}, %[[QMAX]] : f32
// CHECK:         } -> tensor<f32>
// CHECK:         %[[S:.*]] = tensor.expand_shape %{{.*}} [] output_shape [1] : tensor<f32> into tensor<1xf32>
// CHECK:         return %[[S]] : tensor<1xf32>
func.func @compute_params_shape_one(%x: tensor<6xf32>) -> tensor<1xf32> {
  %s = quanta.compute_params %x {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>, method = #quanta<params_method max_abs>}
      : (tensor<6xf32>) -> tensor<1xf32>
  return %s : tensor<1xf32>
}

// -----

// percentile, symmetric: the count of non-NaN values; the 0-based ranks
// floor(0.995 * (n - 1)) and the next one (clamped to n - 1); each order
// statistic found exactly by a 32-step bitwise search (scf.for) over the
// order keys of |x| (sign bit set, so keys compare unsigned), each step one
// counting reduction; the keys decoded back to f32, interpolated in f64 as
// numpy does, an empty set giving 0; then scale = max(-rmin, rmax) / 448.

// CHECK-LABEL: func @compute_params_percentile(
// CHECK-SAME:      %[[X:.*]]: tensor<6xf32>) -> tensor<f32>
// CHECK:         %[[COUNT:.*]] = linalg.generic
// CHECK-SAME:        iterator_types = ["reduction"]
// CHECK-SAME:        ins(%[[X]] : tensor<6xf32>) outs(%{{.*}} : tensor<i64>)
// CHECK:           %[[ORD:.*]] = arith.cmpf ord, %{{.*}}, %{{.*}} : f32
// CHECK:           %[[ONE:.*]] = arith.extui %[[ORD]] : i1 to i64
// CHECK:           arith.addi %{{.*}}, %[[ONE]] : i64
// CHECK:         %[[RANK:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[COUNT]] : tensor<i64>) outs(%{{.*}} : tensor<i64>)
// CHECK:           %[[P:.*]] = arith.constant 0.9949{{[0-9]*}} : f64
// CHECK:           %[[POS:.*]] = arith.mulf %[[P]], %{{.*}} : f64
// CHECK:           math.floor %[[POS]] : f64
// CHECK-DAG:     %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG:     %[[C32:.*]] = arith.constant 32 : index
// CHECK-DAG:     %[[C1:.*]] = arith.constant 1 : index
// CHECK:         %[[KEY:.*]] = scf.for %[[IV:.*]] = %[[C0]] to %[[C32]] step %[[C1]] iter_args(%[[PREFIX:.*]] = %{{.*}}) -> (tensor<i32>) {
// CHECK:           %[[C31:.*]] = arith.constant 31 : index
// CHECK:           %[[BIT:.*]] = arith.subi %[[C31]], %[[IV]] : index
// CHECK:           %[[CAND:.*]] = linalg.generic
// CHECK-SAME:          ins(%[[PREFIX]] : tensor<i32>)
// CHECK:             arith.shli
// CHECK:             arith.ori
// CHECK:           %[[BELOW:.*]] = linalg.generic
// CHECK-SAME:          iterator_types = ["reduction"]
// CHECK-SAME:          ins(%[[X]], %[[CAND]] : tensor<6xf32>, tensor<i32>)
// CHECK:             %[[BITS:.*]] = arith.bitcast %{{.*}} : f32 to i32
// CHECK:             %[[MAG:.*]] = arith.andi %[[BITS]], %{{.*}} : i32
// CHECK:             %[[K:.*]] = arith.ori %[[MAG]], %{{.*}} : i32
// CHECK:             arith.cmpi ult, %[[K]], %{{.*}} : i32
// CHECK:           %[[NEXT:.*]] = linalg.generic
// CHECK-SAME:          ins(%[[BELOW]], %[[RANK]], %[[CAND]] : tensor<i64>, tensor<i64>, tensor<i32>) outs(%[[PREFIX]] : tensor<i32>)
// CHECK:             %[[FITS:.*]] = arith.cmpi sle, %{{.*}}, %{{.*}} : i64
// CHECK:             arith.select %[[FITS]], %{{.*}}, %{{.*}} : i32
// CHECK:           scf.yield %[[NEXT]] : tensor<i32>
// CHECK:         }
// CHECK:         %[[LOWER:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[RANK]], %[[KEY]] : tensor<i64>, tensor<i32>)
// CHECK:           arith.bitcast %{{.*}} : i32 to f32
// CHECK:         %[[KEY2:.*]] = scf.for
// CHECK:           scf.yield
// CHECK:         %[[UPPER:.*]] = linalg.generic
// CHECK-SAME:        ins(%{{.*}}, %[[KEY2]] : tensor<i64>, tensor<i32>)
// CHECK:           arith.bitcast %{{.*}} : i32 to f32
// CHECK:         %[[PCT:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[LOWER]], %[[UPPER]], %[[COUNT]] : tensor<f32>, tensor<f32>, tensor<i64>)
// CHECK-SAME:        outs(%{{.*}} : tensor<f64>)
// CHECK:           math.floor
// CHECK:           %[[HALF:.*]] = arith.constant 5.000000e-01 : f64
// CHECK:           arith.cmpf oge, %{{.*}}, %[[HALF]] : f64
// CHECK:         %[[RMAX:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[PCT]], %[[COUNT]] : tensor<f64>, tensor<i64>)
// CHECK:           arith.truncf %{{.*}} : f64 to f32
// CHECK:           arith.cmpi eq, %{{.*}}, %{{.*}} : i64
// CHECK:         %[[RMIN:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[RMAX]] : tensor<f32>)
// CHECK:           arith.negf
// CHECK:         %[[SCALE:.*]] = linalg.generic
// CHECK-SAME:        ins(%[[RMIN]], %[[RMAX]] : tensor<f32>, tensor<f32>)
// CHECK:           %[[QMAX:.*]] = arith.constant 4.480000e+02 : f32
// CHECK:           arith.divf %{{.*}}, %[[QMAX]] : f32
// CHECK:         return %[[SCALE]] : tensor<f32>
func.func @compute_params_percentile(%x: tensor<6xf32>) -> tensor<f32> {
  %s = quanta.compute_params %x {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>, method = #quanta<params_method percentile>, percentile = 99.5}
      : (tensor<6xf32>) -> tensor<f32>
  return %s : tensor<f32>
}

// -----

// quanta.matmul with i32 accumulation over per-group (K-blocks of 32) int4
// weights: K splits into [blocks, 32]; the first generic accumulates
// a * (w - zb) in i32 per block in acc[m, block, n] (n innermost and
// contiguous; the weight zero point read per block and column), and the
// second sums the blocks in order, each times sa * sb, in f32.
// CHECK-DAG: #[[LHS:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-DAG: #[[RHS:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d2, d3)>
// CHECK-DAG: #[[ZP:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d3)>
// CHECK-DAG: #[[ACC:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-LABEL: func @matmul_w4a8
// CHECK: %[[A:.*]] = tensor.expand_shape %{{.*}} {{\[\[}}0], [1, 2]] output_shape [4, 2, 32]
// CHECK: %[[W:.*]] = tensor.expand_shape %{{.*}} {{\[\[}}0, 1], [2]] output_shape [2, 32, 8]
// CHECK: %[[CORE:.*]] = linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[ZP]], #[[ACC]]], iterator_types = ["parallel", "parallel", "reduction", "parallel"]}
// CHECK-SAME: ins(%[[A]], %[[W]], %{{.*}} :
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK: arith.extui %{{.*}} : i4 to i32
// CHECK: arith.extui %{{.*}} : i4 to i32
// CHECK: arith.subi
// CHECK: arith.muli
// CHECK: arith.addi
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "parallel"]} ins(%[[CORE]], %{{.*}}, %{{.*}} :
// CHECK: arith.mulf
// CHECK: arith.sitofp %{{.*}} : i32 to f32
// CHECK: arith.mulf
// CHECK: arith.addf
func.func @matmul_w4a8(%a: tensor<4x64xi8>, %w: tensor<64x8xi4>, %sa: tensor<4xf32>, %sw: tensor<2x8xf32>, %zw: tensor<2x8xi4>) -> tensor<4x8xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<4x64xi8>, tensor<64x8xi4>, tensor<4xf32>, tensor<2x8xf32>, tensor<2x8xi4>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

// f32 accumulation (weight-only): dequantize both elements and accumulate
// their product in k order, n innermost. Per-group parameters along a
// static K: K split into [groups, group size] (loops m, g, kk, n, the scale
// read at (g, n)), so that every map is a projected permutation.
// CHECK-DAG: #[[LHS:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-DAG: #[[RHS:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d2, d3)>
// CHECK-DAG: #[[SCALE:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d3)>
// CHECK-LABEL: func @matmul_weight_only
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0], [1, 2]] output_shape [%{{.*}}, 2, 32] : tensor<?x64xf32> into tensor<?x2x32xf32>
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2]] output_shape [2, 32, 16] : tensor<64x16xi4> into tensor<2x32x16xi4>
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[SCALE]], #{{.*}}], iterator_types = ["parallel", "reduction", "reduction", "parallel"]
// CHECK: arith.extsi %{{.*}} : i4 to i32
// CHECK: arith.sitofp
// CHECK: arith.mulf
// CHECK: arith.mulf
// CHECK: arith.addf
func.func @matmul_weight_only(%a: tensor<?x64xf32>, %w: tensor<64x16xi4>, %sw: tensor<2x16xf32>) -> tensor<?x16xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xf32>, tensor<64x16xi4>, tensor<2x16xf32>) -> tensor<?x16xf32>
  return %y : tensor<?x16xf32>
}

// -----

// quanta.matmul_integer, 2-D, u8 x s8 without zero points: exactly the u8 x s8
// core (marked for the VNNI kernel), with no corrections.
// CHECK-LABEL: func @matmul_integer_u8s8
// CHECK-SAME: (%[[A:.*]]: tensor<5x12xi8>, %[[B:.*]]: tensor<12x7xi8>)
// CHECK: %[[R:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "parallel"]} ins(%[[A]], %[[B]] : tensor<5x12xi8>, tensor<12x7xi8>) {{.*}} attrs = {quanta.u8s8_matmul}
// CHECK: arith.extui %{{.*}} : i8 to i32
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK-NOT: linalg.generic
// CHECK: return %[[R]]
func.func @matmul_integer_u8s8(%a: tensor<5x12xi8>, %b: tensor<12x7xi8>) -> tensor<5x7xi32> {
  %y = quanta.matmul_integer %a, %b {lhs_unsigned} : (tensor<5x12xi8>, tensor<12x7xi8>) -> tensor<5x7xi32>
  return %y : tensor<5x7xi32>
}

// -----

// s8 x u8 with a per-row lhs zero point and a per-column rhs zero point: both
// operands flip their sign bit into the u8 x s8 domain, A gets a row of ones
// for the column sums of B, and the corrections read za per row, zb per column.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func @matmul_integer_s8u8_zero_points
// CHECK: arith.xori
// CHECK: tensor.empty() : tensor<5x12xi8>
// CHECK: linalg.fill ins(%{{.*}} : i8) outs(%{{.*}} : tensor<1x12xi8>)
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<6x12xi8>, tensor<12x7xi8>) {{.*}} attrs = {quanta.u8s8_matmul}
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[COL]], #[[ROW]], #[[COL]], #[[ID]]]
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK: arith.extui %{{.*}} : i8 to i32
func.func @matmul_integer_s8u8_zero_points(%a: tensor<5x12xi8>, %b: tensor<12x7xi8>, %za: tensor<5xi8>, %zb: tensor<7xi8>) -> tensor<5x7xi32> {
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) rhs_zp(%zb) {rhs_unsigned} : (tensor<5x12xi8>, tensor<12x7xi8>, tensor<5xi8>, tensor<7xi8>) -> tensor<5x7xi32>
  return %y : tensor<5x7xi32>
}

// -----

// Batched lhs times a shared rhs with a per-tensor lhs zero point: the rows of
// all batches go through one 2-D core.
// CHECK-LABEL: func @matmul_integer_shared_rhs
// CHECK: %[[A:.*]] = tensor.collapse_shape %{{.*}} {{\[\[}}0, 1], [2]] : tensor<2x?x16xi8> into tensor<?x16xi8>
// CHECK: linalg.copy ins(%[[A]]
// CHECK: attrs = {quanta.u8s8_matmul}
// CHECK: %[[C:.*]] = linalg.generic
// CHECK: tensor.expand_shape %[[C]] {{\[\[}}0, 1], [2]] output_shape [2, %{{.*}}, 8] : tensor<?x8xi32> into tensor<2x?x8xi32>
func.func @matmul_integer_shared_rhs(%a: tensor<2x?x16xi8>, %b: tensor<16x8xi8>, %za: tensor<1xi8>) -> tensor<2x?x8xi32> {
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) {lhs_unsigned} : (tensor<2x?x16xi8>, tensor<16x8xi8>, tensor<1xi8>) -> tensor<2x?x8xi32>
  return %y : tensor<2x?x8xi32>
}

// -----

// Batched rhs: one u8 x s8 core per batch, in an scf.for over the batches
// whose iterations insert their [M, N] results.
// CHECK-LABEL: func @matmul_integer_batched
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<2x3x8xi32>
// CHECK: scf.for %[[I:[a-z0-9]+]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[INIT]]) -> (tensor<2x3x8xi32>)
// CHECK:   tensor.extract_slice %{{.*}}{{\[}}%[[I]], 0, 0] [1, 3, 16] [1, 1, 1] : tensor<2x3x16xi8> to tensor<3x16xi8>
// CHECK:   %[[B:.*]] = tensor.extract_slice %{{.*}}{{\[}}%[[I]], 0, 0] [1, 16, 8] [1, 1, 1] : tensor<2x16x8xi8> to tensor<16x8xi8>
// CHECK:   linalg.generic {{.*}} ins(%{{.*}}, %[[B]] : tensor<4x16xi8>, tensor<16x8xi8>) {{.*}} attrs = {quanta.u8s8_matmul}
// CHECK:   tensor.insert_slice %{{.*}} into %[[ACC]]{{\[}}%[[I]], 0, 0] [1, 3, 8] [1, 1, 1] : tensor<3x8xi32> into tensor<2x3x8xi32>
func.func @matmul_integer_batched(%a: tensor<2x3x16xi8>, %b: tensor<2x16x8xi8>, %za: tensor<3xi8>, %zb: tensor<i8>) -> tensor<2x3x8xi32> {
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) rhs_zp(%zb) {lhs_unsigned} : (tensor<2x3x16xi8>, tensor<2x16x8xi8>, tensor<3xi8>, tensor<i8>) -> tensor<2x3x8xi32>
  return %y : tensor<2x3x8xi32>
}

// -----

// A batched W8A8 quanta.matmul, its parameters per row (lhs) and per column
// (rhs) shared by the batches: one 2-D quanta.matmul per batch in
// an scf.for, lowered as such (a u8 x s8 core and its scale epilogue, the
// parameters read along (m, n)).
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func @matmul_w8a8_batched
// CHECK: scf.for %[[I:[a-z0-9]+]] = {{.*}} -> (tensor<2x3x32xf32>)
// CHECK:   tensor.extract_slice %{{.*}}{{\[}}%[[I]], 0, 0] [1, 3, 16] [1, 1, 1] : tensor<2x3x16xi8> to tensor<3x16xi8>
// CHECK:   linalg.generic {{.*}} attrs = {quanta.u8s8_matmul}
// CHECK:   linalg.generic {indexing_maps = [#{{.*}}, #[[ROW]], #[[COL]], #{{.*}}]{{.*}} ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<3x32xi32>, tensor<3xf32>, tensor<32xf32>)
// CHECK:   tensor.insert_slice %{{.*}} into %{{.*}}{{\[}}%[[I]], 0, 0] [1, 3, 32] [1, 1, 1] : tensor<3x32xf32> into tensor<2x3x32xf32>
func.func @matmul_w8a8_batched(%a: tensor<2x3x16xi8>, %w: tensor<2x16x32xi8>, %sa: tensor<3xf32>, %za: tensor<3xi8>, %sw: tensor<32xf32>) -> tensor<2x3x32xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 1>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 2, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<2x3x16xi8>, tensor<2x16x32xi8>, tensor<3xf32>, tensor<32xf32>, tensor<3xi8>) -> tensor<2x3x32xf32>
  return %y : tensor<2x3x32xf32>
}

// -----

// Batched with no elements along a dimension: no slice or reshape of an
// empty tensor is taken (tensor.extract_slice rejects an offset 0 into a
// static size 0, tensor.collapse_shape a static 0 from a dynamic group). An
// empty result is an empty tensor sized from the operands, computing
// nothing; with K = 0 each batch's operands are fresh empty tensors and its
// 2-D matmul gives the epilogue of zero sums (here the bias).
// CHECK-LABEL: func @matmul_batched_empty_n
// CHECK-NOT:   scf.for
// CHECK-NOT:   tensor.extract_slice
// CHECK:       %[[E:.*]] = tensor.empty() : tensor<2x4x0xf32>
// CHECK:       return %[[E]]
// CHECK-LABEL: func @matmul_batched_empty_k
// CHECK:       scf.for
// CHECK-NOT:     tensor.extract_slice
// CHECK:         tensor.empty() : tensor<4x0xf32>
// CHECK:         tensor.empty() : tensor<0x8xi8>
// CHECK:         tensor.insert_slice
func.func @matmul_batched_empty_n(%a: tensor<2x4x8xf32>, %w: tensor<2x8x0xi8>, %sw: tensor<f32>) -> tensor<2x4x0xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<2x4x8xf32>, tensor<2x8x0xi8>, tensor<f32>) -> tensor<2x4x0xf32>
  return %y : tensor<2x4x0xf32>
}

func.func @matmul_batched_empty_k(%a: tensor<2x4x0xf32>, %w: tensor<2x0x8xi8>, %sw: tensor<f32>, %b: tensor<8xf32>) -> tensor<2x4x8xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw) bias(%b)
      {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<2x4x0xf32>, tensor<2x0x8xi8>, tensor<f32>, tensor<8xf32>) -> tensor<2x4x8xf32>
  return %y : tensor<2x4x8xf32>
}

// CHECK-LABEL: func @matmul_integer_empty_rows
// CHECK-NOT:   linalg.generic
// CHECK:       %[[R:.*]] = tensor.empty(%{{.*}}) : tensor<?x0x16xi32>
// CHECK:       return %[[R]]
func.func @matmul_integer_empty_rows(%a: tensor<?x0x64xi8>, %w: tensor<64x16xi8>) -> tensor<?x0x16xi32> {
  %y = quanta.matmul_integer %a, %w : (tensor<?x0x64xi8>, tensor<64x16xi8>) -> tensor<?x0x16xi32>
  return %y : tensor<?x0x16xi32>
}

// -----

// Per-group K-blocks over a dynamic K: checked at run time to divide K.
// CHECK-LABEL: func @matmul_per_group_dynamic_k
// CHECK: %[[K:.*]] = tensor.dim %{{.*}}, %c1 : tensor<2x?xi8>
// CHECK: %[[REM:.*]] = arith.remui %[[K]], %c32
// CHECK: %[[OK:.*]] = arith.cmpi eq, %[[REM]], %c0
// CHECK: cf.assert %[[OK]], "quanta.matmul: K is not a multiple of the group size 32"
func.func @matmul_per_group_dynamic_k(%a: tensor<2x?xi8>, %w: tensor<?x16xi4>, %sa: tensor<2xf32>, %sw: tensor<?x16xf32>) -> tensor<2x16xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<2x?xi8>, tensor<?x16xi4>, tensor<2xf32>, tensor<?x16xf32>) -> tensor<2x16xf32>
  return %y : tensor<2x16xf32>
}

// -----

// FP8 x FP8 (2-D): from 256 rows on, both operands are dequantized once into
// f32 tensors (the same scalar ops as the fused body) and multiplied by a
// linalg.matmul (mulf then addf: the same products and k-order sums), which
// the CPU pipeline runs as an f32 GEMM kernel; fewer rows keep the fused
// loops. Dynamic rows: an scf.if on the row count.

// CHECK-LABEL: func @matmul_fp8_2d(
// CHECK:         %[[INIT:.*]] = linalg.fill
// CHECK:         %[[M:.*]] = tensor.dim %{{.*}}, %{{.*}} : tensor<?x32xf8E4M3FN>
// CHECK:         %[[MANY:.*]] = arith.cmpi uge, %[[M]], %{{.*}} : index
// CHECK:         scf.if %[[MANY]] -> (tensor<?x64xf32>) {
// CHECK:           %[[A:.*]] = linalg.generic
// CHECK-SAME:        ins(%{{.*}}, %{{.*}} : tensor<?x32xf8E4M3FN>, tensor<f32>)
// CHECK:             arith.extf %{{.*}} : f8E4M3FN to f32
// CHECK:             arith.mulf
// CHECK:           %[[W:.*]] = linalg.generic
// CHECK-SAME:        ins(%{{.*}}, %{{.*}} : tensor<32x64xf8E5M2>, tensor<f32>)
// CHECK:             arith.extf %{{.*}} : f8E5M2 to f32
// CHECK:             arith.mulf
// CHECK:           %[[P:.*]] = linalg.matmul ins(%[[A]], %[[W]] : tensor<?x32xf32>, tensor<32x64xf32>) outs(%[[INIT]] : tensor<?x64xf32>)
// CHECK:           scf.yield %[[P]]
// CHECK:         } else {
// CHECK:           linalg.generic
// CHECK-SAME:        iterator_types = ["parallel", "reduction", "parallel"]
// CHECK:           scf.yield
func.func @matmul_fp8_2d(%a: tensor<?x32xf8E4M3FN>, %w: tensor<32x64xf8E5M2>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<?x64xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x32xf8E4M3FN>, tensor<32x64xf8E5M2>, tensor<f32>, tensor<f32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}

// Static rows decide at compile time: 4 rows fused, 256 rows through the
// matmul.

// CHECK-LABEL: func @matmul_fp8_static(
// CHECK-NOT:     scf.if
// CHECK:         linalg.generic
// CHECK-SAME:      iterator_types = ["parallel", "reduction", "parallel"]
// CHECK-SAME:      outs(%{{.*}} : tensor<4x64xf32>)
// CHECK:         linalg.matmul
// CHECK-SAME:      outs(%{{.*}} : tensor<256x64xf32>)
func.func @matmul_fp8_static(%a: tensor<4x32xf8E4M3FN>, %b: tensor<256x32xf8E4M3FN>, %w: tensor<32x64xf8E5M2>, %sa: tensor<f32>, %sw: tensor<f32>) -> (tensor<4x64xf32>, tensor<256x64xf32>) {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<4x32xf8E4M3FN>, tensor<32x64xf8E5M2>, tensor<f32>, tensor<f32>) -> tensor<4x64xf32>
  %z = quanta.matmul %b, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<256x32xf8E4M3FN>, tensor<32x64xf8E5M2>, tensor<f32>, tensor<f32>) -> tensor<256x64xf32>
  return %y, %z : tensor<4x64xf32>, tensor<256x64xf32>
}

// Dynamic rows with the weights given N x K (the rhs their transpose): each
// branch transposes them itself, so that the GEMV's kernel finds the
// transpose in its own block and reads the weights in place (the transpose
// before the branch, unused, is left to the canonicalizer).

// CHECK-LABEL: func @matmul_fp8_transposed_rhs(
// CHECK-SAME:      %{{.*}}: tensor<?x32xf8E4M3FN>, %[[WT:.*]]: tensor<64x32xf8E4M3FN>
// CHECK:         scf.if
// CHECK:           %[[T1:.*]] = linalg.transpose ins(%[[WT]] : tensor<64x32xf8E4M3FN>)
// CHECK:           linalg.generic
// CHECK:           linalg.generic
// CHECK-SAME:        ins(%[[T1]], %{{.*}} : tensor<32x64xf8E4M3FN>, tensor<64xf32>)
// CHECK:           linalg.matmul
// CHECK:         } else {
// CHECK:           %[[T2:.*]] = linalg.transpose ins(%[[WT]] : tensor<64x32xf8E4M3FN>)
// CHECK:           linalg.generic
// CHECK-SAME:        iterator_types = ["parallel", "reduction", "parallel"]
// CHECK-SAME:        ins(%{{.*}}, %[[T2]], %{{.*}}, %{{.*}} : tensor<?x32xf8E4M3FN>, tensor<32x64xf8E4M3FN>, tensor<f32>, tensor<64xf32>)
func.func @matmul_fp8_transposed_rhs(%a: tensor<?x32xf8E4M3FN>, %wt: tensor<64x32xf8E4M3FN>, %sa: tensor<f32>, %sw: tensor<64xf32>) -> tensor<?x64xf32> {
  %e = tensor.empty() : tensor<32x64xf8E4M3FN>
  %w = linalg.transpose ins(%wt : tensor<64x32xf8E4M3FN>) outs(%e : tensor<32x64xf8E4M3FN>) permutation = [1, 0]
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x32xf8E4M3FN>, tensor<32x64xf8E4M3FN>, tensor<f32>, tensor<64xf32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}
