//===- ScalarNumerics.h - Quanta numerics as scalar arith IR ----*- C++ -*-===//
//
// This file declares the builders that emit Quanta's numerics as scalar
// arith/math operations, the bodies of the linalg.generic ops the Quanta ops
// lower to. Each builder mirrors one function of the reference library
// (quanta/Reference), which the execution tests compare against bit for bit.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_LIB_CONVERSION_QUANTATOLINALG_SCALARNUMERICS_H
#define QUANTA_LIB_CONVERSION_QUANTATOLINALG_SCALARNUMERICS_H

#include "quanta/Dialect/Quanta/QuantaOps.h"

namespace mlir::quanta {

/// Extends a float to f32 (exactly) when it is narrower.
Value buildToF32(OpBuilder &b, Location loc, Value value);

/// Extends a stored integer to i32, reading its bits as signed or unsigned.
Value extendToI32(OpBuilder &b, Location loc, Value value, bool isSigned);

/// Rounds an f32 to an integral f32 (ref::roundToIntegral).
Value buildRoundToIntegral(OpBuilder &b, Location loc, Value value,
                           RoundingMode mode);

/// Quantizes one expressed value (ref::quantizeInt / ref::quantizeFloat).
/// `zeroPoint` is null for symmetric schemes.
Value buildQuantize(OpBuilder &b, Location loc, SchemeAttr scheme, Value x,
                    Value scale, Value zeroPoint);

/// Dequantizes one stored value (ref::dequantizeInt / ref::dequantizeFloat).
Value buildDequantize(OpBuilder &b, Location loc, SchemeAttr scheme,
                      Value stored, Value scale, Value zeroPoint);

/// Converts a float to `target` (ref::castFloat); `scale` may be null.
Value buildCastFloat(OpBuilder &b, Location loc, Value x, Value scale,
                     Type target, bool saturate);

/// Rescales one integer (ref::requantizeFloat / ref::requantizeFixedPoint).
/// Optional operands are null when absent.
Value buildRequantize(OpBuilder &b, Location loc, RequantizeOp op, Value input,
                      Value multiplier, Value shift, Value inputZp,
                      Value outputZp);

/// The run-time check of an i32-accumulation matmul with K blocks (per-group
/// parameters along K) whose K is dynamic (the verifier checks a static
/// one): `k` must be a multiple of `blockSize`, else the function prints
/// the reason and aborts (a K-block cut short has no defined result).
void buildKBlockCheck(OpBuilder &b, Location loc, Value k, int64_t blockSize);

} // namespace mlir::quanta

#endif // QUANTA_LIB_CONVERSION_QUANTATOLINALG_SCALARNUMERICS_H
