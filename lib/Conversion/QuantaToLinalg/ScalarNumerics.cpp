//===- ScalarNumerics.cpp - Quanta numerics as scalar arith IR ------------===//
//
// This file implements the scalar builders of Quanta's numerics. Every
// builder follows the reference library operation by operation so that the
// compiled code matches it bit for bit; comments name the reference function.
//
//===----------------------------------------------------------------------===//

#include "ScalarNumerics.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/ADT/APFloat.h"

using namespace mlir;
using namespace mlir::quanta;

static Value f32Constant(OpBuilder &b, Location loc, double value) {
  return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(value));
}

static Value intConstant(OpBuilder &b, Location loc, Type type, int64_t value) {
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, value));
}

Value mlir::quanta::buildToF32(OpBuilder &b, Location loc, Value value) {
  if (value.getType().isF32())
    return value;
  return arith::ExtFOp::create(b, loc, b.getF32Type(), value);
}

Value mlir::quanta::extendToI32(OpBuilder &b, Location loc, Value value,
                                bool isSigned) {
  if (value.getType().getIntOrFloatBitWidth() == 32)
    return value;
  if (isSigned)
    return arith::ExtSIOp::create(b, loc, b.getI32Type(), value);
  return arith::ExtUIOp::create(b, loc, b.getI32Type(), value);
}

static Value extendToI64(OpBuilder &b, Location loc, Value value,
                         bool isSigned) {
  if (isSigned)
    return arith::ExtSIOp::create(b, loc, b.getI64Type(), value);
  return arith::ExtUIOp::create(b, loc, b.getI64Type(), value);
}

Value mlir::quanta::buildRoundToIntegral(OpBuilder &b, Location loc,
                                         Value value, RoundingMode mode) {
  switch (mode) {
  case RoundingMode::half_even:
    return math::RoundEvenOp::create(b, loc, value);
  case RoundingMode::toward_zero:
    return math::TruncOp::create(b, loc, value);
  case RoundingMode::half_away: {
    // std::round without a library call: trunc, then step away from zero when
    // the (exact) fraction is at least one half. +-Inf keeps its value (the
    // fraction is NaN) and NaN stays NaN.
    Value truncated = math::TruncOp::create(b, loc, value);
    Value fraction = arith::SubFOp::create(b, loc, value, truncated);
    Value magnitude = math::AbsFOp::create(b, loc, fraction);
    Value half = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGE,
                                       magnitude, f32Constant(b, loc, 0.5));
    Value step = math::CopySignOp::create(b, loc, f32Constant(b, loc, 1.0),
                                          value);
    Value stepped = arith::AddFOp::create(b, loc, truncated, step);
    return arith::SelectOp::create(b, loc, half, stepped, truncated);
  }
  }
  llvm_unreachable("unknown rounding mode");
}

/// Clamps an f32 that is not NaN to [lo, hi] and converts it to `type`
/// (ref saturateDouble: the bounds are integers, so clamping before the
/// conversion equals converting then saturating).
static Value clampToInteger(OpBuilder &b, Location loc, Value value,
                            int64_t lo, int64_t hi, Type type) {
  Value clamped = arith::MaximumFOp::create(b, loc, value,
                                            f32Constant(b, loc, double(lo)));
  clamped = arith::MinimumFOp::create(b, loc, clamped,
                                      f32Constant(b, loc, double(hi)));
  Value asI32 = arith::FPToSIOp::create(b, loc, b.getI32Type(), clamped);
  if (type.getIntOrFloatBitWidth() == 32)
    return asI32;
  return arith::TruncIOp::create(b, loc, type, asI32);
}

/// x / scale, or x * (1 / scale) with a reciprocal scheme, in f32.
static Value divideByScale(OpBuilder &b, Location loc, Value x, Value scale,
                           bool reciprocal) {
  if (!reciprocal)
    return arith::DivFOp::create(b, loc, x, scale);
  Value inverse =
      arith::DivFOp::create(b, loc, f32Constant(b, loc, 1.0), scale);
  return arith::MulFOp::create(b, loc, x, inverse);
}

/// The largest finite value of a float type.
static double maxFinite(Type type) {
  return llvm::APFloat::getLargest(cast<FloatType>(type).getFloatSemantics())
      .convertToDouble();
}

/// Clamps to +-max finite of `target` (NaN propagates), making the following
/// truncf a saturating conversion. A NaN keeps its sign: minimumf/maximumf
/// return a NaN of unspecified sign (NVIDIA GPUs the canonical +NaN, also
/// where ptxas turns a compare and select into min/max), and clamping
/// changes no other value's sign. --quanta-expand-float-casts recognizes
/// this form before an FP8 truncf and encodes with saturation instead.
static Value saturateTo(OpBuilder &b, Location loc, Value value, Type target) {
  double max = maxFinite(target);
  Value lo = f32Constant(b, loc, -max);
  Value clamped = arith::MaximumFOp::create(b, loc, value, lo);
  Value hi = f32Constant(b, loc, max);
  clamped = arith::MinimumFOp::create(b, loc, clamped, hi);
  return math::CopySignOp::create(b, loc, clamped, value);
}

static Value truncateTo(OpBuilder &b, Location loc, Value value, Type target) {
  if (value.getType() == target)
    return value;
  return arith::TruncFOp::create(b, loc, target, value);
}

Value mlir::quanta::buildQuantize(OpBuilder &b, Location loc,
                                  SchemeAttr scheme, Value x, Value scale,
                                  Value zeroPoint) {
  // One op per statement: the IR must not depend on the order in which a
  // compiler evaluates function arguments.
  Value x32 = buildToF32(b, loc, x);
  Value scale32 = buildToF32(b, loc, scale);
  Value v = divideByScale(b, loc, x32, scale32, scheme.getReciprocal());
  Type storage = scheme.getStorageTensorElementType();
  if (!scheme.isIntegerStorage()) {
    // ref::quantizeFloat: `+ 0.0` turns -0 into +0 as ONNX's zero point does.
    v = arith::AddFOp::create(b, loc, v, f32Constant(b, loc, 0.0));
    if (scheme.getSaturate())
      v = saturateTo(b, loc, v, storage);
    return truncateTo(b, loc, v, storage);
  }
  // ref::quantizeInt: NaN -> zero point; round; add the zero point; saturate.
  Value rounded = buildRoundToIntegral(b, loc, v, scheme.getRounding());
  Value isNaN =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, v, v);
  rounded = arith::SelectOp::create(b, loc, isNaN, f32Constant(b, loc, 0.0),
                                    rounded);
  if (zeroPoint) {
    Value zp = arith::SIToFPOp::create(
        b, loc, b.getF32Type(),
        extendToI32(b, loc, zeroPoint, scheme.isSignedStorage()));
    rounded = arith::AddFOp::create(b, loc, rounded, zp);
  }
  return clampToInteger(b, loc, rounded, scheme.getStorageMin(),
                        scheme.getStorageMax(), storage);
}

Value mlir::quanta::buildDequantize(OpBuilder &b, Location loc,
                                    SchemeAttr scheme, Value stored,
                                    Value scale, Value zeroPoint) {
  Value value;
  if (scheme.isIntegerStorage()) {
    // ref::dequantizeInt: (float)(q - zp) * scale, rounded once.
    Value q = extendToI32(b, loc, stored, scheme.isSignedStorage());
    if (zeroPoint)
      q = arith::SubIOp::create(
          b, loc, q, extendToI32(b, loc, zeroPoint, scheme.isSignedStorage()));
    value = arith::SIToFPOp::create(b, loc, b.getF32Type(), q);
  } else {
    // ref::dequantizeFloat: decode (exact) times scale.
    value = buildToF32(b, loc, stored);
  }
  value = arith::MulFOp::create(b, loc, value, buildToF32(b, loc, scale));
  return truncateTo(b, loc, value, scheme.getExpressed());
}

Value mlir::quanta::buildCastFloat(OpBuilder &b, Location loc, Value x,
                                   Value scale, Type target, bool saturate) {
  // ref::castFloat: decode exactly, scale in f32, encode once.
  Value value = buildToF32(b, loc, x);
  if (scale)
    value = arith::MulFOp::create(b, loc, value, scale);
  if (saturate)
    value = saturateTo(b, loc, value, target);
  return truncateTo(b, loc, value, target);
}

/// ref::applyScale32 without 128-bit arithmetic: `value * multiplier` fits in
/// 64 bits, and since the rounding term R is even for shift >= 2,
/// (p + R) >> s == ((p >> 1) + R / 2) >> (s - 1).
static Value buildApplyScale32(OpBuilder &b, Location loc, Value value,
                               Value multiplier, Value shift,
                               bool doubleRound) {
  Type i64 = b.getI64Type();
  Value one = intConstant(b, loc, i64, 1);
  Value product = arith::MulIOp::create(b, loc, value, multiplier);
  Value shiftMinusOne = arith::SubIOp::create(b, loc, shift, one);
  // R / 2 = 2^(s-2), plus +-2^29 for double rounding when s > 31.
  Value halfRound = arith::ShLIOp::create(
      b, loc, one, arith::SubIOp::create(b, loc, shiftMinusOne, one));
  if (doubleRound) {
    Value isNonNegative = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::sge, value, intConstant(b, loc, i64, 0));
    Value up = intConstant(b, loc, i64, int64_t(1) << 29);
    Value down = intConstant(b, loc, i64, -(int64_t(1) << 29));
    Value adjust = arith::SelectOp::create(b, loc, isNonNegative, up, down);
    Value isWide = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt,
                                         shift, intConstant(b, loc, i64, 31));
    adjust = arith::SelectOp::create(b, loc, isWide, adjust,
                                     intConstant(b, loc, i64, 0));
    halfRound = arith::AddIOp::create(b, loc, halfRound, adjust);
  }
  Value halved = arith::ShRSIOp::create(b, loc, product, one);
  Value sum = arith::AddIOp::create(b, loc, halved, halfRound);
  return arith::ShRSIOp::create(b, loc, sum, shiftMinusOne);
}

static Value clampI64(OpBuilder &b, Location loc, Value value, int64_t lo,
                      int64_t hi) {
  Type i64 = b.getI64Type();
  Value clamped =
      arith::MaxSIOp::create(b, loc, value, intConstant(b, loc, i64, lo));
  return arith::MinSIOp::create(b, loc, clamped, intConstant(b, loc, i64, hi));
}

/// ref::multiplyByQuantizedMultiplier (gemmlowp / TFLite).
static Value buildGemmlowp(OpBuilder &b, Location loc, Value value,
                           Value multiplier, Value shift) {
  Type i64 = b.getI64Type();
  auto constant = [&](int64_t v) { return intConstant(b, loc, i64, v); };
  Value zero = constant(0), one = constant(1);
  // e = 31 - shift; left = max(e, 0); right = max(-e, 0).
  Value e = arith::SubIOp::create(b, loc, constant(31), shift);
  Value left = arith::MaxSIOp::create(b, loc, e, zero);
  Value negE = arith::SubIOp::create(b, loc, zero, e);
  Value right = arith::MaxSIOp::create(b, loc, negE, zero);
  Value shifted = arith::ShLIOp::create(b, loc, value, left);
  Value x = clampI64(b, loc, shifted, INT32_MIN, INT32_MAX);
  // SaturatingRoundingDoublingHighMul(x, m).
  Value ab = arith::MulIOp::create(b, loc, x, multiplier);
  Value abNonNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, ab, zero);
  Value nudgeUp = constant(int64_t(1) << 30);
  Value nudgeDown = constant(1 - (int64_t(1) << 30));
  Value nudge =
      arith::SelectOp::create(b, loc, abNonNegative, nudgeUp, nudgeDown);
  Value nudged = arith::AddIOp::create(b, loc, ab, nudge);
  Value high =
      arith::DivSIOp::create(b, loc, nudged, constant(int64_t(1) << 31));
  Value minInt = constant(INT32_MIN);
  Value xIsMin =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, x, minInt);
  Value multiplierIsMin = arith::CmpIOp::create(
      b, loc, arith::CmpIPredicate::eq, multiplier, minInt);
  Value overflow = arith::AndIOp::create(b, loc, xIsMin, multiplierIsMin);
  high = arith::SelectOp::create(b, loc, overflow, constant(INT32_MAX), high);
  // RoundingDivideByPOT(high, right).
  Value pot = arith::ShLIOp::create(b, loc, one, right);
  Value mask = arith::SubIOp::create(b, loc, pot, one);
  Value remainder = arith::AndIOp::create(b, loc, high, mask);
  Value isNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, high, zero);
  Value halfMask = arith::ShRSIOp::create(b, loc, mask, one);
  Value threshold = arith::AddIOp::create(
      b, loc, halfMask, arith::ExtUIOp::create(b, loc, i64, isNegative));
  Value roundUp = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt,
                                        remainder, threshold);
  Value quotient = arith::ShRSIOp::create(b, loc, high, right);
  return arith::AddIOp::create(b, loc, quotient,
                               arith::ExtUIOp::create(b, loc, i64, roundUp));
}

Value mlir::quanta::buildRequantize(OpBuilder &b, Location loc,
                                    RequantizeOp op, Value input,
                                    Value multiplier, Value shift,
                                    Value inputZp, Value outputZp) {
  Type i64 = b.getI64Type();
  Type resultType = op.getType().getElementType();
  bool unsignedOutput = op.getUnsignedOutput();
  int64_t lo = op.getResultMin(), hi = op.getResultMax();
  // value = input - input_zp, exactly, in 64 bits.
  Value value = extendToI64(b, loc, input, /*isSigned=*/true);
  if (inputZp)
    value = arith::SubIOp::create(b, loc, value,
                                  extendToI64(b, loc, inputZp, true));
  Value outZp = outputZp ? extendToI64(b, loc, outputZp, !unsignedOutput)
                         : intConstant(b, loc, i64, 0);

  if (op.getMode() == RequantizeMode::float_multiplier) {
    // ref::requantizeFloat: NaN (from a NaN multiplier) -> output zp.
    Value v = arith::SIToFPOp::create(b, loc, b.getF32Type(), value);
    v = arith::MulFOp::create(b, loc, v, multiplier);
    Value rounded = buildRoundToIntegral(b, loc, v, op.getRounding());
    Value isNaN = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO,
                                        rounded, rounded);
    rounded = arith::SelectOp::create(b, loc, isNaN, f32Constant(b, loc, 0.0),
                                      rounded);
    rounded = arith::AddFOp::create(
        b, loc, rounded,
        arith::SIToFPOp::create(b, loc, b.getF32Type(), outZp));
    return clampToInteger(b, loc, rounded, lo, hi, resultType);
  }

  Value m = extendToI64(b, loc, multiplier, /*isSigned=*/true);
  Value s = extendToI64(b, loc, shift, /*isSigned=*/true);
  Value scaled;
  switch (op.getMode()) {
  case RequantizeMode::single_round:
    scaled = buildApplyScale32(b, loc, value, m, s, /*doubleRound=*/false);
    break;
  case RequantizeMode::double_round:
    scaled = buildApplyScale32(b, loc, value, m, s, /*doubleRound=*/true);
    break;
  case RequantizeMode::gemmlowp:
    scaled = buildGemmlowp(b, loc, value, m, s);
    break;
  case RequantizeMode::float_multiplier:
    llvm_unreachable("handled above");
  }
  Value result =
      clampI64(b, loc, arith::AddIOp::create(b, loc, scaled, outZp), lo, hi);
  return arith::TruncIOp::create(b, loc, resultType, result);
}

void mlir::quanta::buildKBlockCheck(OpBuilder &b, Location loc, Value k,
                                    int64_t blockSize) {
  Value block = arith::ConstantIndexOp::create(b, loc, blockSize);
  Value rem = arith::RemUIOp::create(b, loc, k, block);
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value divides =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, rem, zero);
  cf::AssertOp::create(
      b, loc, divides,
      ("quanta.matmul: K is not a multiple of the group size " +
       Twine(blockSize))
          .str());
}
