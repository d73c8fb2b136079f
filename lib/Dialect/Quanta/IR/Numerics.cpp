//===- Numerics.cpp - Quanta IR to reference numerics ---------------------===//
//
// This file implements the bridge from Quanta IR to the reference numerics
// library and the exhaustive exactness checks the folders use.
//
//===----------------------------------------------------------------------===//

#include "quanta/Dialect/Quanta/Numerics.h"
#include "quanta/Reference/Quantize.h"
#include "quanta/Reference/Requantize.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "llvm/Support/ErrorHandling.h"

#include <cmath>

using namespace mlir;
using namespace mlir::quanta;

/// Exhaustive checks stop being worth it beyond this many evaluations.
static constexpr int64_t kMaxCheckedEvaluations = int64_t(1) << 20;

static FailureOr<SmallVector<int64_t>> getConstantInts(Value value,
                                                       bool isSigned) {
  SmallVector<int64_t> result;
  if (!value)
    return result;
  DenseIntElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return failure();
  for (APInt v : attr)
    result.push_back(isSigned ? v.getSExtValue()
                              : static_cast<int64_t>(v.getZExtValue()));
  return result;
}

static FailureOr<SmallVector<float>> getConstantFloats(Value value) {
  DenseFPElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return failure();
  SmallVector<float> result;
  for (APFloat v : attr) {
    bool losesInfo;
    v.convert(APFloat::IEEEsingle(), APFloat::rmNearestTiesToEven, &losesInfo);
    result.push_back(v.convertToFloat());
  }
  return result;
}

FailureOr<QuantParams> mlir::quanta::getConstantParams(Value scale,
                                                       Value zeroPoint,
                                                       SchemeAttr scheme) {
  FailureOr<SmallVector<float>> scales = getConstantFloats(scale);
  FailureOr<SmallVector<int64_t>> zeroPoints =
      getConstantInts(zeroPoint, scheme.isSignedStorage());
  if (failed(scales) || failed(zeroPoints))
    return failure();
  // A scale the verifier rejects: no fold may make its op disappear.
  if (llvm::any_of(*scales,
                   [](float s) { return !(s > 0) || !std::isfinite(s); }))
    return failure();
  QuantParams params;
  params.scales = std::move(*scales);
  for (int64_t zp : *zeroPoints)
    params.zeroPoints.push_back(static_cast<int32_t>(zp));
  return params;
}

ref::FloatFormat mlir::quanta::getFloatFormat(Type type) {
  if (type.isF32())
    return ref::FloatFormat::f32();
  if (type.isF16())
    return ref::FloatFormat::f16();
  if (type.isBF16())
    return ref::FloatFormat::bf16();
  if (isa<Float8E4M3FNType>(type))
    return ref::FloatFormat::f8E4M3FN();
  if (isa<Float8E5M2Type>(type))
    return ref::FloatFormat::f8E5M2();
  llvm_unreachable("float type outside the dialect's storage and expressed "
                   "types");
}

ref::IntFormat mlir::quanta::getIntFormat(SchemeAttr scheme) {
  return ref::IntFormat{scheme.getStorageWidth(), scheme.isSignedStorage(),
                        scheme.getNarrowRange()};
}

ref::Rounding mlir::quanta::getRounding(RoundingMode mode) {
  switch (mode) {
  case RoundingMode::half_even:
    return ref::Rounding::HalfEven;
  case RoundingMode::half_away:
    return ref::Rounding::HalfAway;
  case RoundingMode::toward_zero:
    return ref::Rounding::TowardZero;
  }
  llvm_unreachable("unknown rounding mode");
}

bool mlir::quanta::isQuantizeDequantizeIdentity(SchemeAttr dequantScheme,
                                                SchemeAttr quantScheme,
                                                const QuantParams &params) {
  int64_t numCodes = int64_t(1) << dequantScheme.getStorageWidth();
  int64_t numParams = params.scales.size();
  if (numParams * numCodes > kMaxCheckedEvaluations)
    return false;
  ref::FloatFormat expressed = getFloatFormat(dequantScheme.getExpressed());
  auto zeroPointAt = [&](int64_t i) {
    return params.zeroPoints.empty() ? 0 : params.zeroPoints[i];
  };

  if (dequantScheme.isIntegerStorage()) {
    ref::IntFormat full = getIntFormat(dequantScheme);
    full.narrow = false;
    ref::IntFormat target = getIntFormat(quantScheme);
    ref::Rounding rounding = getRounding(quantScheme.getRounding());
    for (int64_t i = 0; i < numParams; ++i) {
      for (int32_t q = full.min(); q <= full.max(); ++q) {
        float x = ref::dequantizeInt(q, params.scales[i], zeroPointAt(i),
                                     expressed);
        if (ref::quantizeInt(x, params.scales[i], zeroPointAt(i), target,
                             rounding, quantScheme.getReciprocal()) != q)
          return false;
      }
    }
    return true;
  }

  ref::FloatFormat storage = getFloatFormat(dequantScheme.getStorage());
  for (int64_t i = 0; i < numParams; ++i) {
    for (uint32_t code = 0; code < static_cast<uint32_t>(numCodes); ++code) {
      float x =
          ref::dequantizeFloat(code, params.scales[i], storage, expressed);
      uint32_t back = ref::quantizeFloat(x, params.scales[i], storage,
                                         quantScheme.getSaturate());
      bool bothNaN = std::isnan(ref::decodeFloat(code, storage)) &&
                     std::isnan(ref::decodeFloat(back, storage));
      if (back != code && !bothNaN)
        return false;
    }
  }
  return true;
}

bool mlir::quanta::isRequantizeIdentity(RequantizeOp op) {
  unsigned width = op.getType().getElementTypeBitWidth();
  FailureOr<SmallVector<int64_t>> inputZp =
      getConstantInts(op.getInputZp(), /*isSigned=*/true);
  FailureOr<SmallVector<int64_t>> outputZp =
      getConstantInts(op.getOutputZp(), !op.getUnsignedOutput());
  FailureOr<SmallVector<int64_t>> shift =
      getConstantInts(op.getShift(), /*isSigned=*/true);
  if (failed(inputZp) || failed(outputZp) || failed(shift))
    return false;
  bool floatMode = op.getMode() == RequantizeMode::float_multiplier;
  FailureOr<SmallVector<float>> floatMultiplier;
  FailureOr<SmallVector<int64_t>> intMultiplier;
  if (floatMode)
    floatMultiplier = getConstantFloats(op.getMultiplier());
  else
    intMultiplier = getConstantInts(op.getMultiplier(), /*isSigned=*/true);
  if (floatMode ? failed(floatMultiplier) : failed(intMultiplier))
    return false;

  // Parameters are rank 0 (one value) or one per channel.
  size_t channels = 1;
  for (size_t size : {inputZp->size(), outputZp->size(), shift->size(),
                      floatMode ? floatMultiplier->size()
                                : intMultiplier->size()})
    channels = std::max(channels, size);
  int64_t inputValues = int64_t(1) << width;
  if (static_cast<int64_t>(channels) * inputValues > kMaxCheckedEvaluations)
    return false;
  auto at = [](const SmallVector<int64_t> &values, size_t c) -> int64_t {
    if (values.empty())
      return 0;
    return values.size() == 1 ? values[0] : values[c];
  };

  ref::IntFormat out{width, !op.getUnsignedOutput(), op.getNarrowRange()};
  ref::Rounding rounding = getRounding(op.getRounding());
  ref::RequantMode mode = op.getMode() == RequantizeMode::single_round
                              ? ref::RequantMode::SingleRound
                          : op.getMode() == RequantizeMode::double_round
                              ? ref::RequantMode::DoubleRound
                              : ref::RequantMode::Gemmlowp;
  uint32_t mask = (uint32_t(1) << width) - 1;
  int32_t minInput = -(int32_t(1) << (width - 1));
  for (size_t c = 0; c < channels; ++c) {
    for (int32_t v = minInput; v < minInput + inputValues; ++v) {
      int32_t inZp = at(*inputZp, c), outZp = at(*outputZp, c);
      int32_t y;
      if (floatMode) {
        const SmallVector<float> &m = *floatMultiplier;
        y = ref::requantizeFloat(v, inZp, m.size() == 1 ? m[0] : m[c], outZp,
                                 out, rounding);
      } else {
        ref::FixedPointMultiplier m{static_cast<int32_t>(at(*intMultiplier, c)),
                                    static_cast<int32_t>(at(*shift, c))};
        y = ref::requantizeFixedPoint(v, inZp, m, outZp, out, mode);
      }
      if ((static_cast<uint32_t>(y) & mask) != (static_cast<uint32_t>(v) & mask))
        return false;
    }
  }
  return true;
}
