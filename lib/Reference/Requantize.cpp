//===- Requantize.cpp - int32 accumulator -> narrow int rescale -----------===//
//
// Part of the Quanta numerics reference library.
//
//===----------------------------------------------------------------------===//

#include "quanta/Reference/Requantize.h"

#include <cassert>
#include <cmath>
#include <limits>

namespace quanta::ref {

using int128 = __int128;

double FixedPointMultiplier::toDouble() const {
  return std::ldexp(double(multiplier), -shift);
}

FixedPointMultiplier quantizeMultiplier(double real) {
  assert(real >= 0 && std::isfinite(real));
  if (real == 0)
    return {0, 31};
  int exponent;
  const double q = std::frexp(real, &exponent); // real = q * 2^exponent
  int64_t qFixed = int64_t(std::round(q * double(int64_t(1) << 31)));
  assert(qFixed <= (int64_t(1) << 31));
  if (qFixed == (int64_t(1) << 31)) {
    qFixed /= 2;
    ++exponent;
  }
  if (exponent < -31) // TFLite flushes tiny multipliers to zero.
    return {0, 31};
  return {int32_t(qFixed), 31 - exponent};
}

int32_t requantizeFloat(int32_t acc, int32_t inZp, float multiplier,
                        int32_t outZp, IntFormat out, Rounding rounding) {
  const int64_t value = int64_t(acc) - int64_t(inZp);
  const float v = float(value) * multiplier; // int64 -> f32 is RNE
  const float r = roundToIntegral(v, rounding);
  if (std::isnan(r))
    return out.saturate(outZp);
  const double y = double(r) + double(outZp);
  if (!(y > double(out.min())))
    return out.min();
  if (y >= double(out.max()))
    return out.max();
  return int32_t(y);
}

int64_t applyScale32(int64_t value, int32_t multiplier, int shift,
                     bool doubleRound) {
  assert(multiplier >= 0 && shift >= 2 && shift <= 62);
  int128 round = int128(1) << (shift - 1);
  if (doubleRound && shift > 31)
    round += (value >= 0 ? int128(1) : int128(-1)) * (int128(1) << 30);
  const int128 result = (int128(value) * multiplier + round) >> shift;
  return int64_t(result);
}

int32_t saturatingRoundingDoublingHighMul(int32_t a, int32_t b) {
  const bool overflow = a == b && a == std::numeric_limits<int32_t>::min();
  const int64_t ab = int64_t(a) * int64_t(b);
  const int32_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
  const int32_t high = int32_t((ab + nudge) / (int64_t(1) << 31));
  return overflow ? std::numeric_limits<int32_t>::max() : high;
}

int32_t roundingDivideByPOT(int32_t x, int exponent) {
  assert(exponent >= 0 && exponent <= 31);
  const int64_t mask = (int64_t(1) << exponent) - 1;
  const int64_t remainder = int64_t(x) & mask;
  const int64_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return int32_t((int64_t(x) >> exponent) + (remainder > threshold ? 1 : 0));
}

static int32_t saturateInt32(int128 v) {
  if (v < std::numeric_limits<int32_t>::min())
    return std::numeric_limits<int32_t>::min();
  if (v > std::numeric_limits<int32_t>::max())
    return std::numeric_limits<int32_t>::max();
  return int32_t(v);
}

int32_t multiplyByQuantizedMultiplier(int64_t value,
                                      FixedPointMultiplier mult) {
  assert(mult.multiplier >= 0 && mult.shift >= 0 && mult.shift <= 62);
  const int e = 31 - mult.shift;
  const int left = e > 0 ? e : 0;
  const int right = e < 0 ? -e : 0;
  const int32_t x = saturateInt32(int128(value) * (int128(1) << left));
  return roundingDivideByPOT(
      saturatingRoundingDoublingHighMul(x, mult.multiplier), right);
}

int32_t requantizeFixedPoint(int32_t acc, int32_t inZp,
                             FixedPointMultiplier mult, int32_t outZp,
                             IntFormat out, RequantMode mode) {
  const int64_t value = int64_t(acc) - int64_t(inZp);
  int64_t y = 0;
  switch (mode) {
  case RequantMode::Float:
    return requantizeFloat(acc, inZp, float(mult.toDouble()), outZp, out);
  case RequantMode::SingleRound:
    y = applyScale32(value, mult.multiplier, mult.shift, false);
    break;
  case RequantMode::DoubleRound:
    y = applyScale32(value, mult.multiplier, mult.shift, true);
    break;
  case RequantMode::Gemmlowp:
    y = multiplyByQuantizedMultiplier(value, mult);
    break;
  }
  return out.saturate(y + int64_t(outZp));
}

} // namespace quanta::ref
