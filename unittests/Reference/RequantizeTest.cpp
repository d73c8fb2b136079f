//===- RequantizeTest.cpp - int32 -> narrow int requantization ------------===//
//
// Hand-checked values for TOSA 1.0 apply_scale_32 (single and double round),
// TFLite/gemmlowp MultiplyByQuantizedMultiplier and the ONNX float rescale.
//
//===----------------------------------------------------------------------===//

#include "quanta/Reference/Numerics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace quanta::ref;

namespace {
const IntFormat kI8 = IntFormat::sint(8), kU8 = IntFormat::uint(8),
                kI32 = IntFormat::sint(32);
constexpr int32_t k2p30 = 1 << 30;

int32_t fixed(int32_t acc, int32_t m, int32_t shift, RequantMode mode,
              IntFormat out = kI32, int32_t inZp = 0, int32_t outZp = 0) {
  return requantizeFixedPoint(acc, inZp, {m, shift}, outZp, out, mode);
}
} // namespace

TEST(Requantize, QuantizeMultiplierLikeTFLite) {
  FixedPointMultiplier a = quantizeMultiplier(0.5);
  EXPECT_EQ(a.multiplier, k2p30);
  EXPECT_EQ(a.shift, 31);
  FixedPointMultiplier b = quantizeMultiplier(1.0);
  EXPECT_EQ(b.multiplier, k2p30);
  EXPECT_EQ(b.shift, 30);
  FixedPointMultiplier c = quantizeMultiplier(0.1); // 0.8 * 2^-3
  EXPECT_EQ(c.multiplier, 1717986918);
  EXPECT_EQ(c.shift, 34);
  FixedPointMultiplier d = quantizeMultiplier(std::ldexp(1.0, -10));
  EXPECT_EQ(d.multiplier, k2p30);
  EXPECT_EQ(d.shift, 40);
  // q * 2^31 rounds up to 2^31: halved, exponent bumped.
  FixedPointMultiplier e = quantizeMultiplier(1.0 - 1e-12);
  EXPECT_EQ(e.multiplier, k2p30);
  EXPECT_EQ(e.shift, 30);
  FixedPointMultiplier z = quantizeMultiplier(0.0);
  EXPECT_EQ(z.multiplier, 0);
  FixedPointMultiplier tiny = quantizeMultiplier(1e-12); // below 2^-32
  EXPECT_EQ(tiny.multiplier, 0);
  for (double r : {0.0003, 0.02, 0.75, 1.5, 123.456}) {
    FixedPointMultiplier f = quantizeMultiplier(r);
    EXPECT_GE(f.multiplier, k2p30);
    EXPECT_NEAR(f.toDouble(), r, r * 1e-9);
  }
}

TEST(Requantize, SingleRoundHandValues) {
  const RequantMode S = RequantMode::SingleRound;
  // shift = 2, m = 1: value / 4, ties toward +inf.
  EXPECT_EQ(fixed(5, 1, 2, S), 1);   // 1.25
  EXPECT_EQ(fixed(6, 1, 2, S), 2);   // 1.5
  EXPECT_EQ(fixed(2, 1, 2, S), 1);   // 0.5
  EXPECT_EQ(fixed(-2, 1, 2, S), 0);  // -0.5
  EXPECT_EQ(fixed(-5, 1, 2, S), -1); // -1.25
  EXPECT_EQ(fixed(-6, 1, 2, S), -1); // -1.5
  EXPECT_EQ(fixed(-7, 1, 2, S), -2); // -1.75
  // shift = 62.
  EXPECT_EQ(fixed(INT32_MAX, k2p30, 62, S), 0);
  EXPECT_EQ(fixed(INT32_MIN, k2p30, 62, S), 0);     // -0.5 -> 0
  EXPECT_EQ(fixed(INT32_MAX, INT32_MAX, 62, S), 1); // 0.99999...
  EXPECT_EQ(fixed(INT32_MIN, INT32_MAX, 62, S), -1);
  // Zero points: value = acc - inZp in 64 bits, then + outZp, saturate.
  EXPECT_EQ(fixed(INT32_MAX, k2p30, 31, S, kI32, INT32_MIN), INT32_MAX);
  EXPECT_EQ(fixed(INT32_MAX, k2p30, 31, S, kI8, INT32_MIN), 127);
  EXPECT_EQ(fixed(100, k2p30, 31, S, kU8, -28, 3), 67); // 128/2 + 3
  EXPECT_EQ(fixed(-1000, k2p30, 31, S, kU8, 0, 10), 0);
}

TEST(Requantize, DoubleRoundHandValues) {
  const RequantMode D = RequantMode::DoubleRound, S = RequantMode::SingleRound;
  // real = 2^-2 (m = 2^30, shift = 32). value 1 -> 0.25: single rounding
  // gives 0, TOSA double rounding first rounds at bit 31 (0.5 -> 1) and
  // then gives 1.
  EXPECT_EQ(fixed(1, k2p30, 32, S), 0);
  EXPECT_EQ(fixed(1, k2p30, 32, D), 1);
  EXPECT_EQ(fixed(-1, k2p30, 32, S), 0);
  EXPECT_EQ(fixed(-1, k2p30, 32, D), 0);
  EXPECT_EQ(fixed(-3, k2p30, 32, D), -1); // -0.75
  EXPECT_EQ(fixed(2, k2p30, 32, D), 1);   // 0.5
  // -0.5: TOSA subtracts 2^30 for negative values, so the tie goes down
  // (as in gemmlowp, whose RoundingDivideByPOT rounds ties away from zero).
  EXPECT_EQ(fixed(-2, k2p30, 32, D), -1);
  EXPECT_EQ(fixed(5, k2p30, 32, S), 1); // 1.25
  EXPECT_EQ(fixed(5, k2p30, 32, D), 2); // 1.25 -> 1.5 -> 2
  // shift <= 31: double_round has no effect.
  for (int32_t v : {-7, -6, -5, -1, 0, 1, 5, 6, 7, INT32_MAX, INT32_MIN})
    for (int32_t shift : {2, 10, 31})
      EXPECT_EQ(fixed(v, 12345, shift, D), fixed(v, 12345, shift, S));
  EXPECT_EQ(applyScale32(1, k2p30, 32, true), 1);
  EXPECT_EQ(applyScale32(int64_t(1) << 32, k2p30, 31, false),
            int64_t(1) << 31); // beyond int32: saturation is the caller's job
  EXPECT_EQ(fixed(INT32_MAX, INT32_MAX, 62, D), 1);
  EXPECT_EQ(fixed(INT32_MIN, INT32_MAX, 62, D), -1);
}

TEST(Requantize, GemmlowpPrimitives) {
  EXPECT_EQ(saturatingRoundingDoublingHighMul(INT32_MIN, INT32_MIN), INT32_MAX);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(3, k2p30), 2);   // 1.5
  EXPECT_EQ(saturatingRoundingDoublingHighMul(-3, k2p30), -1); // -1.5
  EXPECT_EQ(saturatingRoundingDoublingHighMul(5, k2p30), 3);   // 2.5
  EXPECT_EQ(saturatingRoundingDoublingHighMul(-5, k2p30), -2); // -2.5
  EXPECT_EQ(saturatingRoundingDoublingHighMul(INT32_MAX, INT32_MAX),
            INT32_MAX - 1);
  EXPECT_EQ(roundingDivideByPOT(5, 1), 3);
  EXPECT_EQ(roundingDivideByPOT(-5, 1), -3); // ties away from zero
  EXPECT_EQ(roundingDivideByPOT(-4, 1), -2);
  EXPECT_EQ(roundingDivideByPOT(-6, 2), -2); // -1.5
  EXPECT_EQ(roundingDivideByPOT(-5, 2), -1); // -1.25
  EXPECT_EQ(roundingDivideByPOT(7, 0), 7);
  EXPECT_EQ(roundingDivideByPOT(INT32_MIN, 31), -1);
  EXPECT_EQ(roundingDivideByPOT(INT32_MAX, 31), 1);
  EXPECT_EQ(roundingDivideByPOT(k2p30, 31), 1);
  EXPECT_EQ(roundingDivideByPOT(-k2p30, 31), -1);
  EXPECT_EQ(roundingDivideByPOT(k2p30 - 1, 31), 0);
}

TEST(Requantize, GemmlowpHandValues) {
  const RequantMode G = RequantMode::Gemmlowp;
  // real 0.5: one rounding, ties toward +inf (SRDHM).
  EXPECT_EQ(fixed(3, k2p30, 31, G), 2);
  EXPECT_EQ(fixed(-3, k2p30, 31, G), -1);
  // real 0.25: SRDHM then RoundingDivideByPOT(1).
  EXPECT_EQ(fixed(1, k2p30, 32, G), 1);   // 0.25 -> 0.5 -> 1
  EXPECT_EQ(fixed(-1, k2p30, 32, G), 0);  // -0.25 -> 0 -> 0
  EXPECT_EQ(fixed(-2, k2p30, 32, G), -1); // -0.5 -> -1 -> -0.5 -> -1
  EXPECT_EQ(fixed(5, k2p30, 32, G), 2);
  // real 2 (shift 29): left shift by 2 then SRDHM by 0.5.
  EXPECT_EQ(fixed(1000, k2p30, 29, G), 2000);
  EXPECT_EQ(fixed(-1000, k2p30, 29, G), -2000);
  // The left shift saturates to int32 first: 2^30 << 2 -> INT32_MAX, then
  // SRDHM(INT32_MAX, 2^30) = 2^30 instead of the true 2^31.
  EXPECT_EQ(fixed(k2p30, k2p30, 29, G), k2p30);
  EXPECT_EQ(fixed(-k2p30, k2p30, 29, G), -k2p30);
  // real 1 (m = 2^30, shift = 30): x << 1 then halve: identity while the
  // shifted value fits int32.
  for (int32_t v : {-(1 << 29), -7, 0, 7, (1 << 29)})
    EXPECT_EQ(fixed(v, k2p30, 30, G), v);
  EXPECT_EQ(fixed(INT32_MAX, k2p30, 30, G), k2p30);
  EXPECT_EQ(fixed(INT32_MIN, k2p30, 30, G), -k2p30);
  // value beyond int32 (acc - inZp) saturates before the multiply.
  EXPECT_EQ(fixed(INT32_MAX, k2p30, 31, G, kI32, -10), k2p30);
  // TFLite int8 output: + zp, clamp.
  EXPECT_EQ(fixed(1000, 1717986918, 34, G, kI8, 0, -5), 95); // 100 - 5
  EXPECT_EQ(fixed(100000, 1717986918, 34, G, kI8, 0, -5), 127);
  EXPECT_EQ(fixed(-100000, 1717986918, 34, G, kI8, 0, -5), -128);
}

// TOSA's double_round was designed to reproduce gemmlowp: for shift >= 31
// (no left shift) the two agree exactly, for every sign and tie. (For
// shift < 31 gemmlowp shifts left first and rounds once at bit 31 of the
// shifted value while TOSA rounds once at `shift`; both are single roundings
// with ties toward +inf, so they also agree while the left shift does not
// saturate.)
TEST(Requantize, DoubleRoundAgreesWithGemmlowpWhenShiftAtLeast31) {
  std::mt19937 rng(4242);
  std::uniform_int_distribution<int32_t> anyInt(INT32_MIN, INT32_MAX);
  std::uniform_int_distribution<int32_t> mult(0, INT32_MAX);
  std::uniform_int_distribution<int32_t> shiftDist(31, 62);
  for (int i = 0; i < 2000000; ++i) {
    const int32_t v = anyInt(rng), m = mult(rng), s = shiftDist(rng);
    ASSERT_EQ(applyScale32(v, m, s, true),
              multiplyByQuantizedMultiplier(v, {m, s}))
        << v << " " << m << " " << s;
  }
  // Small values and power-of-two multipliers hit every tie.
  for (int32_t s = 31; s <= 40; ++s)
    for (int32_t m : {k2p30, k2p30 + 1, 3 << 29, INT32_MAX, 1, 0})
      for (int32_t v = -5000; v <= 5000; ++v)
        ASSERT_EQ(applyScale32(v, m, s, true),
                  multiplyByQuantizedMultiplier(v, {m, s}))
            << v << " " << m << " " << s;
  // Below 31, no saturation of the left shift: also equal to single round.
  for (int32_t s = 2; s < 31; ++s)
    for (int32_t m : {k2p30, k2p30 + 1, 3 << 29, INT32_MAX})
      for (int32_t v = -3000; v <= 3000; ++v) {
        if ((std::abs(int64_t(v)) << (31 - s)) > INT32_MAX)
          continue;
        ASSERT_EQ(applyScale32(v, m, s, false),
                  multiplyByQuantizedMultiplier(v, {m, s}))
            << v << " " << m << " " << s;
      }
}

TEST(Requantize, FloatModeHandValues) {
  EXPECT_EQ(requantizeFloat(100, -28, 0.5f, 3, kU8), 67);
  EXPECT_EQ(requantizeFloat(5, 0, 0.5f, 0, kI8), 2); // 2.5 -> 2 (even)
  EXPECT_EQ(requantizeFloat(7, 0, 0.5f, 0, kI8), 4); // 3.5 -> 4
  EXPECT_EQ(requantizeFloat(5, 0, 0.5f, 0, kI8, Rounding::HalfAway), 3);
  EXPECT_EQ(requantizeFloat(-5, 0, 0.5f, 0, kI8), -2);
  EXPECT_EQ(requantizeFloat(1000, 0, 1.0f, 0, kI8), 127);
  EXPECT_EQ(requantizeFloat(-1000, 0, 1.0f, 0, kI8), -128);
  // acc - inZp is exact in int64, then converted to f32 with RNE.
  EXPECT_EQ(requantizeFloat(16777217, 0, 1.0f, 0, kI32), 16777216);
  EXPECT_EQ(requantizeFloat(INT32_MAX, INT32_MIN, 1.0f, 0, kI32), INT32_MAX);
  EXPECT_EQ(requantizeFloat(INT32_MIN, INT32_MAX, 1e-9f, 0, kI8), -4);
  // The fixed-point entry point with mode Float uses m / 2^shift.
  EXPECT_EQ(fixed(5, k2p30, 31, RequantMode::Float, kI8), 2);
}

// Float mode against a double-precision computation: they may only differ
// when the f32 rounding of value * multiplier crosses a rounding boundary.
TEST(Requantize, FloatModeVersusDoublePrecision) {
  std::mt19937 rng(99);
  std::uniform_int_distribution<int32_t> acc(-(1 << 22), 1 << 22);
  std::uniform_real_distribution<float> mult(1e-4f, 0.1f);
  int differ = 0, nearTies = 0;
  for (int i = 0; i < 200000; ++i) {
    const int32_t a = acc(rng);
    const float m = mult(rng);
    const double exact = double(a) * double(m);
    const int32_t ours = requantizeFloat(a, 0, m, 0, kI32);
    const int32_t ref = int32_t(std::nearbyint(exact));
    const double frac = exact - std::floor(exact);
    const bool nearTie = std::fabs(frac - 0.5) <= std::fabs(exact) * 0x1p-23;
    if (!nearTie)
      ASSERT_EQ(ours, ref) << a << " * " << m;
    else
      ASSERT_LE(std::abs(int64_t(ours) - ref), 1);
    differ += ours != ref;
    nearTies += nearTie;
  }
  EXPECT_LE(differ, nearTies);
  EXPECT_LT(differ, 2000); // under 1% of random cases
}
