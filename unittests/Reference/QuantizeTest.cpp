//===- QuantizeTest.cpp - Scalar quantize / dequantize tests --------------===//

#include "quanta/Reference/Numerics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

using namespace quanta::ref;

namespace {

const IntFormat kI8 = IntFormat::sint(8), kU8 = IntFormat::uint(8),
                kI4 = IntFormat::sint(4), kU4 = IntFormat::uint(4);

const Rounding kModes[] = {Rounding::HalfEven, Rounding::HalfAway,
                           Rounding::TowardZero};

// Independent rounding of k + 0.5 for integer k.
int64_t roundTie(int64_t k, Rounding mode) {
  switch (mode) {
  case Rounding::HalfEven:
    return (k % 2 == 0) ? k : k + 1;
  case Rounding::HalfAway:
    return k >= 0 ? k + 1 : k;
  case Rounding::TowardZero:
    return k >= 0 ? k : k + 1;
  }
  return 0;
}

int64_t clampTo(int64_t v, IntFormat f) {
  return v < f.min() ? f.min() : (v > f.max() ? f.max() : v);
}

} // namespace

TEST(Quantize, IntFormatRanges) {
  for (unsigned b = 2; b <= 16; ++b) {
    IntFormat s = IntFormat::sint(b), u = IntFormat::uint(b);
    IntFormat sn = IntFormat::sint(b, true), un = IntFormat::uint(b, true);
    EXPECT_EQ(s.min(), -(1 << (b - 1)));
    EXPECT_EQ(s.max(), (1 << (b - 1)) - 1);
    EXPECT_EQ(u.min(), 0);
    EXPECT_EQ(u.max(), (1 << b) - 1);
    EXPECT_EQ(sn.min(), -(1 << (b - 1)) + 1);
    EXPECT_EQ(sn.max(), (1 << (b - 1)) - 1);
    EXPECT_EQ(un.min(), 1);
    EXPECT_EQ(un.max(), (1 << b) - 1);
    EXPECT_TRUE(s.isValid());
  }
  EXPECT_EQ(IntFormat::sint(32).min(), INT32_MIN);
  EXPECT_EQ(IntFormat::sint(32).max(), INT32_MAX);
  EXPECT_FALSE(IntFormat::uint(32).isValid());
  EXPECT_FALSE(IntFormat::sint(1).isValid());
}

TEST(Quantize, RoundToIntegralModes) {
  const float in[] = {2.5f, 3.5f, -2.5f, -3.5f, 0.5f, -0.5f, 2.4f, -2.6f};
  const float even[] = {2, 4, -2, -4, 0, -0.0f, 2, -3};
  const float away[] = {3, 4, -3, -4, 1, -1, 2, -3};
  const float zero[] = {2, 3, -2, -3, 0, -0.0f, 2, -2};
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(roundToIntegral(in[i], Rounding::HalfEven), even[i]) << in[i];
    EXPECT_EQ(roundToIntegral(in[i], Rounding::HalfAway), away[i]) << in[i];
    EXPECT_EQ(roundToIntegral(in[i], Rounding::TowardZero), zero[i]) << in[i];
  }
  EXPECT_TRUE(std::isnan(roundToIntegral(NAN, Rounding::HalfEven)));
  EXPECT_EQ(roundToIntegral(INFINITY, Rounding::HalfAway), INFINITY);
}

// Every tie x = (k + 0.5) * scale over the range and beyond, for each storage
// type, zero point and rounding mode. Power-of-two scales make the ties exact
// for both division and reciprocal multiplication.
TEST(Quantize, EveryTieCaseForEachRoundingMode) {
  for (IntFormat f : {kI8, kU8, kI4, kU4}) {
    std::vector<int32_t> zps = {f.min(), f.max(), 0, (f.min() + f.max()) / 2};
    for (float scale : {0.25f, 1.0f, 2.0f, 0.0078125f}) {
      for (int32_t zp : zps) {
        for (Rounding mode : kModes) {
          for (int64_t k = int64_t(f.min()) - zp - 5;
               k <= int64_t(f.max()) - zp + 5; ++k) {
            const float x = (float(k) + 0.5f) * scale;
            const int64_t expected = clampTo(roundTie(k, mode) + zp, f);
            for (bool recip : {false, true})
              ASSERT_EQ(quantizeInt(x, scale, zp, f, mode, recip), expected)
                  << "bits " << f.bits << " signed " << f.isSigned << " k " << k
                  << " zp " << zp << " scale " << scale << " mode "
                  << toString(mode) << " recip " << recip;
          }
        }
      }
    }
  }
}

// quantize(dequantize(q)) == q for every q with round-to-nearest (with
// truncation, (q - zp) * s / s may land just below q - zp): all zero points
// for int4/uint4, a set including the extremes for int8/uint8/int16.
TEST(Quantize, EveryIntegerValueRoundTrips) {
  const float scales[] = {0.1f, 0.02f, 1.0f / 3.0f, 2.0f, 1e-3f, 7.5f, 3e-5f};
  auto check = [&](IntFormat f, const std::vector<int32_t> &zps) {
    for (float s : scales)
      for (int32_t zp : zps)
        for (int32_t q = f.min(); q <= f.max(); ++q) {
          float x = dequantizeInt(q, s, zp);
          for (Rounding mode : {Rounding::HalfEven, Rounding::HalfAway})
            for (bool recip : {false, true})
              ASSERT_EQ(quantizeInt(x, s, zp, f, mode, recip), q)
                  << "q " << q << " zp " << zp << " s " << s;
        }
  };
  for (IntFormat f : {kI4, kU4, IntFormat::sint(4, true)}) {
    std::vector<int32_t> zps;
    for (int32_t z = f.min(); z <= f.max(); ++z)
      zps.push_back(z);
    check(f, zps);
  }
  check(kI8, {-128, -127, -1, 0, 1, 64, 127});
  check(kU8, {0, 1, 127, 128, 254, 255});
  check(IntFormat::sint(16), {-32768, 0, 32767});
}

TEST(Quantize, OnnxDivisionVersusPyTorchReciprocal) {
  // x / s is exactly the tie 1.5 (-> 2) but x * (1/s) is 1.49999988 (-> 1).
  const float s = 0.001f;
  const float x = 1.5f * s;
  const float div = x / s, mul = x * (1.0f / s);
  ASSERT_EQ(div, 1.5f);
  ASSERT_EQ(mul, std::nextafter(1.5f, 0.0f));
  EXPECT_EQ(quantizeInt(x, s, 0, kI8, Rounding::HalfEven, false), 2);
  EXPECT_EQ(quantizeInt(x, s, 0, kI8, Rounding::HalfEven, true), 1);
  EXPECT_EQ(quantizeInt(x, s, 0, kI8, Rounding::HalfAway, false), 2);
  EXPECT_EQ(quantizeInt(x, s, 0, kI8, Rounding::HalfAway, true), 1);
}

TEST(Quantize, EdgeInputs) {
  for (bool recip : {false, true}) {
    // NaN -> zero point (clamped to range).
    EXPECT_EQ(quantizeInt(NAN, 0.5f, 3, kI8, Rounding::HalfEven, recip), 3);
    EXPECT_EQ(quantizeInt(NAN, 0.5f, 300, kU8, Rounding::HalfEven, recip), 255);
    // +-inf saturate.
    EXPECT_EQ(quantizeInt(INFINITY, 0.5f, 3, kI8, Rounding::HalfEven, recip),
              127);
    EXPECT_EQ(quantizeInt(-INFINITY, 0.5f, 3, kI8, Rounding::HalfEven, recip),
              -128);
    EXPECT_EQ(quantizeInt(-INFINITY, 0.5f, 3, kU4, Rounding::HalfEven, recip),
              0);
    // -0 -> zero point.
    EXPECT_EQ(quantizeInt(-0.0f, 0.5f, 7, kU8, Rounding::HalfEven, recip), 7);
    // Zero scale: x/0 = +-inf saturates, 0/0 = NaN -> zero point.
    EXPECT_EQ(quantizeInt(1.0f, 0.0f, 0, kI8, Rounding::HalfEven, recip), 127);
    EXPECT_EQ(quantizeInt(-1.0f, 0.0f, 0, kI8, Rounding::HalfEven, recip),
              -128);
    EXPECT_EQ(quantizeInt(0.0f, 0.0f, 5, kI8, Rounding::HalfEven, recip), 5);
    // Negative scale flips the sign.
    EXPECT_EQ(quantizeInt(1.0f, -0.5f, 10, kI8, Rounding::HalfEven, recip), 8);
    EXPECT_EQ(quantizeInt(-3.0f, -0.5f, 0, kI8, Rounding::HalfEven, recip), 6);
    // Huge finite values saturate, no integer overflow.
    EXPECT_EQ(quantizeInt(3e38f, 1e-30f, 0, IntFormat::sint(32),
                          Rounding::HalfEven, recip),
              INT32_MAX);
    EXPECT_EQ(quantizeInt(-3e38f, 1.0f, 100, kU8, Rounding::HalfEven, recip),
              0);
  }
  EXPECT_EQ(dequantizeInt(3, 0.0f, 1), 0.0f);
  EXPECT_EQ(dequantizeInt(-128, -0.5f, 127), 127.5f);
}

TEST(Quantize, NarrowRangeDropsTheLowestCode) {
  EXPECT_EQ(quantizeInt(-1000.0f, 1.0f, 0, IntFormat::sint(8, true)), -127);
  EXPECT_EQ(quantizeInt(-1000.0f, 1.0f, 0, IntFormat::uint(8, true)), 1);
  EXPECT_EQ(quantizeInt(1000.0f, 1.0f, 0, IntFormat::uint(8, true)), 255);
  EXPECT_EQ(quantizeInt(-1000.0f, 1.0f, 0, IntFormat::sint(4, true)), -7);
}

TEST(Quantize, DequantizeIntToF16AndBF16RoundsOnce) {
  for (int32_t q = -128; q <= 127; ++q) {
    for (float s : {0.1f, 0.0123f, 3.3f}) {
      float prod = float(q - 5) * s;
      _Float16 h = static_cast<_Float16>(prod);
      EXPECT_EQ(dequantizeInt(q, s, 5, FloatFormat::f16()),
                static_cast<float>(h));
      EXPECT_EQ(dequantizeInt(q, s, 5, FloatFormat::bf16()),
                roundToFormat(prod, FloatFormat::bf16()));
      EXPECT_EQ(dequantizeInt(q, s, 5), prod);
    }
  }
}

TEST(Quantize, FloatStorageQuantizeAndDequantize) {
  const FloatFormat e4 = FloatFormat::f8E4M3FN();
  EXPECT_EQ(quantizeFloat(200.0f, 2.0f, e4), 0x6Cu);      // 100 -> 96 (tie)
  EXPECT_EQ(quantizeFloat(1e5f, 2.0f, e4), 0x7Eu);        // saturate to 448
  EXPECT_EQ(quantizeFloat(1e5f, 2.0f, e4, false), 0x7Fu); // NaN
  EXPECT_EQ(dequantizeFloat(0x7E, 2.0f, e4), 896.0f);
  EXPECT_EQ(dequantizeFloat(0xED, 2.0f, e4, FloatFormat::f16()), -208.0f);
  EXPECT_TRUE(std::isnan(dequantizeFloat(0x7F, 2.0f, e4)));
  const FloatFormat e5 = FloatFormat::f8E5M2();
  EXPECT_EQ(dequantizeFloat(0x7B, 2.0f, e5, FloatFormat::f16()), INFINITY);
  // -0 / scale + 0 (the zero point) is +0, as in ONNX; a negative value that
  // rounds to zero keeps its sign.
  EXPECT_EQ(quantizeFloat(-0.0f, 4.0f, FloatFormat::f4E2M1FN()), 0x0u);
  EXPECT_EQ(quantizeFloat(-0.0f, 2.0f, e4), 0x00u);
  EXPECT_EQ(quantizeFloat(-1e-7f, 2.0f, e4), 0x80u);
  EXPECT_EQ(quantizeFloat(-1e-7f, 2.0f, FloatFormat::f8E4M3FNUZ()), 0x00u);
  EXPECT_EQ(quantizeFloat(NAN, 2.0f, e4), 0x7Fu);
  EXPECT_EQ(quantizeFloat(-INFINITY, 2.0f, e5), 0xFBu);
  EXPECT_EQ(quantizeFloat(-INFINITY, 2.0f, e5, false), 0xFCu);
}

TEST(Quantize, CastFloatToIntSaturatesOrWraps) {
  EXPECT_EQ(castFloatToInt(8.0f, kI4, Rounding::HalfEven, true), 7);
  EXPECT_EQ(castFloatToInt(8.0f, kI4, Rounding::HalfEven, false), -8);
  EXPECT_EQ(castFloatToInt(-9.0f, kI4, Rounding::HalfEven, false), 7);
  EXPECT_EQ(castFloatToInt(-9.0f, kU4, Rounding::HalfEven, false), 7);
  EXPECT_EQ(castFloatToInt(-1.0f, kU4, Rounding::HalfEven, false), 15);
  EXPECT_EQ(castFloatToInt(2.5f, kI4, Rounding::HalfEven, true), 2);
  EXPECT_EQ(castFloatToInt(2.5f, kI4, Rounding::HalfAway, true), 3);
  EXPECT_EQ(castFloatToInt(-2.7f, kI4, Rounding::TowardZero, true), -2);
  EXPECT_EQ(castFloatToInt(NAN, kI4, Rounding::HalfEven, true), 0);
  EXPECT_EQ(castFloatToInt(INFINITY, kI4, Rounding::HalfEven, true), 7);
  EXPECT_EQ(castFloatToInt(1e20f, kU8, Rounding::HalfEven, false),
            int32_t(std::fmod(1e20, 256.0)));
}

// The tutorial's worked example (docs/Numerics.md).
TEST(Quantize, TutorialExampleMaxAbsInt8) {
  const std::vector<float> x = {-0.5f, 0.3f, 1.2f, -2.1f};
  Params p = computeParams(x, Layout::perTensor({4}), kI8, /*symmetric=*/true,
                           ParamMethod::MaxAbs);
  ASSERT_TRUE(p.ok()) << p.error;
  ASSERT_EQ(p.scale.size(), 1u);
  EXPECT_EQ(p.scale[0], 2.1f / 127.0f);
  EXPECT_EQ(p.zeroPoint[0], 0);
  std::vector<int32_t> q =
      quantizeTensor(x, Layout::perTensor({4}), p.scale, p.zeroPoint, kI8);
  EXPECT_EQ(q, (std::vector<int32_t>{-30, 18, 73, -127}));
  // The tutorial's printed [-1, 1, 4, -7] is neither int8 max-abs nor a
  // rounding of it: it is x / 0.3 truncated, in exact decimal arithmetic
  // (x * 10 / 3 in integers).
  std::vector<int32_t> wrong;
  for (int32_t tenths : {-5, 3, 12, -21})
    wrong.push_back(tenths / 3);
  EXPECT_EQ(wrong, (std::vector<int32_t>{-1, 1, 4, -7}));
  EXPECT_NE(q, wrong);
  // The truncating MLIR --lower-quant-ops style conversion at the correct
  // scale would not give the tutorial's numbers either.
  EXPECT_EQ(quantizeTensor(x, Layout::perTensor({4}), p.scale, p.zeroPoint, kI8,
                           Rounding::TowardZero),
            (std::vector<int32_t>{-30, 18, 72, -126}));
}
