//===- ComputeParamsTest.cpp - Parameters from data -----------------------===//

#include "quanta/Reference/Numerics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace quanta::ref;

namespace {
const IntFormat kI8 = IntFormat::sint(8), kU8 = IntFormat::uint(8);

struct Range {
  float lo, hi;
};

// x (shape [2, 4]) used for the method x granularity matrix below.
const std::vector<float> kX = {1, -2, 3, 4, 0.5f, 0.25f, -8, 1};

Layout layoutFor(int which) {
  switch (which) {
  case 0:
    return Layout::perTensor({2, 4});
  case 1:
    return Layout::perChannel({2, 4}, 0);
  default:
    return Layout::perGroup({2, 4}, 1, 2);
  }
}

void expectRanges(const Params &p, const std::vector<Range> &expected,
                  const std::string &what) {
  ASSERT_TRUE(p.ok()) << what << ": " << p.error;
  ASSERT_EQ(p.rmin.size(), expected.size()) << what;
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(p.rmin[i], expected[i].lo) << what << " set " << i;
    EXPECT_EQ(p.rmax[i], expected[i].hi) << what << " set " << i;
  }
}

// The documented scale / zero point formulas, applied to the expected range.
void expectSymInt8(const Params &p, const std::vector<Range> &r) {
  for (size_t i = 0; i < r.size(); ++i) {
    float amax = std::max(-r[i].lo, r[i].hi);
    float s = amax / 127.0f;
    EXPECT_EQ(p.scale[i], s == 0.0f ? 1.0f : s);
    EXPECT_EQ(p.zeroPoint[i], 0);
  }
}
void expectAsymUint8(const Params &p, const std::vector<Range> &r) {
  for (size_t i = 0; i < r.size(); ++i) {
    float s = (r[i].hi - r[i].lo) / 255.0f;
    if (s == 0.0f)
      s = 1.0f;
    float zp = __builtin_roundevenf(0.0f - r[i].lo / s);
    EXPECT_EQ(p.scale[i], s);
    EXPECT_EQ(p.zeroPoint[i], int32_t(std::fmin(255.0f, std::fmax(0.0f, zp))));
  }
}

float f(double d) { return float(d); }

} // namespace

// Exact hand-checked scale / zero point values.
TEST(ComputeParams, HandCheckedPerTensor) {
  Layout l = Layout::perTensor({3});
  std::vector<float> x = {-1, 0, 3};
  Params p = computeParams(x, l, kU8, false, ParamMethod::MinMax);
  EXPECT_EQ(p.scale[0], 4.0f / 255.0f);
  EXPECT_EQ(p.zeroPoint[0], 64); // 63.75 -> 64
  p = computeParams(x, l, kI8, false, ParamMethod::MinMax);
  EXPECT_EQ(p.scale[0], 4.0f / 255.0f);
  EXPECT_EQ(p.zeroPoint[0], -64); // -128 + 63.75 = -64.25
  p = computeParams(x, l, kI8, true, ParamMethod::MaxAbs);
  EXPECT_EQ(p.scale[0], 3.0f / 127.0f);
  EXPECT_EQ(p.zeroPoint[0], 0);
  p = computeParams(x, l, kI8, true, ParamMethod::MinMax); // amax = 3
  EXPECT_EQ(p.scale[0], 3.0f / 127.0f);
  // Narrow uint8 [1, 255]: 254 steps.
  p = computeParams({-1, 1}, Layout::perTensor({2}), IntFormat::uint(8, true),
                    false, ParamMethod::MinMax);
  EXPECT_EQ(p.scale[0], 2.0f / 254.0f);
  EXPECT_EQ(p.zeroPoint[0], 128);
  // Narrow int8 symmetric still divides by 127.
  p = computeParams({-1, 1}, Layout::perTensor({2}), IntFormat::sint(8, true),
                    true, ParamMethod::MaxAbs);
  EXPECT_EQ(p.scale[0], 1.0f / 127.0f);
  // int4 symmetric: 7 steps.
  p = computeParams({-3.5f, 1}, Layout::perTensor({2}), IntFormat::sint(4),
                    true, ParamMethod::MaxAbs);
  EXPECT_EQ(p.scale[0], 0.5f);
}

TEST(ComputeParams, MeanStdAndPercentileHandValues) {
  Layout l4 = Layout::perTensor({4});
  Params p =
      computeParams({1, 2, 3, 4}, l4, kU8, false, ParamMethod::MeanStd, 1.0);
  EXPECT_EQ(p.rmin[0], 0.0f); // 2.5 - 1.118 > 0
  EXPECT_EQ(p.rmax[0], f(2.5 + std::sqrt(1.25)));
  EXPECT_EQ(p.scale[0], f(2.5 + std::sqrt(1.25)) / 255.0f);
  EXPECT_EQ(p.zeroPoint[0], 0);
  p = computeParams({-2, 2}, Layout::perTensor({2}), kI8, true,
                    ParamMethod::MeanStd, 2.0);
  EXPECT_EQ(p.rmin[0], -4.0f);
  EXPECT_EQ(p.rmax[0], 4.0f);
  EXPECT_EQ(p.scale[0], 4.0f / 127.0f);

  std::vector<float> x;
  for (int i = -5; i <= 5; ++i)
    x.push_back(float(i));
  Layout l11 = Layout::perTensor({11});
  p = computeParams(x, l11, kI8, false, ParamMethod::Percentile, 0, 90.0);
  EXPECT_EQ(p.rmin[0], -4.0f);
  EXPECT_EQ(p.rmax[0], 4.0f);
  p = computeParams(x, l11, kI8, true, ParamMethod::Percentile, 0, 90.0);
  EXPECT_EQ(p.rmax[0], 5.0f); // |x| sorted, position 9
  p = computeParams(x, l11, kI8, true, ParamMethod::Percentile, 0, 75.0);
  EXPECT_EQ(p.rmax[0], 4.0f); // between positions 7 and 8 (4 and 4)
  p = computeParams({0, 10}, Layout::perTensor({2}), kI8, true,
                    ParamMethod::Percentile, 0, 25.0);
  EXPECT_EQ(p.rmax[0], 2.5f); // linear interpolation
  p = computeParams({0, 10}, Layout::perTensor({2}), kI8, true,
                    ParamMethod::Percentile, 0, 100.0);
  EXPECT_EQ(p.rmax[0], 10.0f);
  EXPECT_EQ(p.scale[0], 10.0f / 127.0f);
}

// Every method x symmetric/asymmetric x per-tensor/per-channel/per-group on
// one small tensor, with hand-computed ranges.
TEST(ComputeParams, MethodByGranularityMatrix) {
  const double sdAll = std::sqrt(95.3125 / 8 - 0.03125 * 0.03125);
  const double sdRow0 = std::sqrt(5.25), sdRow1 = std::sqrt(13.88671875);
  struct Case {
    ParamMethod method;
    bool symmetric;
    int layout; // 0 tensor, 1 channel (rows), 2 groups of 2 along columns
    std::vector<Range> expected;
  };
  const std::vector<Case> cases = {
      // MaxAbs (symmetric and asymmetric measure the same range).
      {ParamMethod::MaxAbs, true, 0, {{-8, 8}}},
      {ParamMethod::MaxAbs, false, 0, {{-8, 8}}},
      {ParamMethod::MaxAbs, true, 1, {{-4, 4}, {-8, 8}}},
      {ParamMethod::MaxAbs, false, 1, {{-4, 4}, {-8, 8}}},
      {ParamMethod::MaxAbs,
       true,
       2,
       {{-2, 2}, {-4, 4}, {-0.5f, 0.5f}, {-8, 8}}},
      {ParamMethod::MaxAbs,
       false,
       2,
       {{-2, 2}, {-4, 4}, {-0.5f, 0.5f}, {-8, 8}}},
      // MinMax.
      {ParamMethod::MinMax, true, 0, {{-8, 4}}},
      {ParamMethod::MinMax, false, 0, {{-8, 4}}},
      {ParamMethod::MinMax, true, 1, {{-2, 4}, {-8, 1}}},
      {ParamMethod::MinMax, false, 1, {{-2, 4}, {-8, 1}}},
      {ParamMethod::MinMax, true, 2, {{-2, 1}, {0, 4}, {0, 0.5f}, {-8, 1}}},
      {ParamMethod::MinMax, false, 2, {{-2, 1}, {0, 4}, {0, 0.5f}, {-8, 1}}},
      // MeanStd, k = 1.
      {ParamMethod::MeanStd,
       true,
       0,
       {{f(-0.03125 - sdAll), f(-0.03125 + sdAll)}}},
      {ParamMethod::MeanStd,
       false,
       0,
       {{f(-0.03125 - sdAll), f(-0.03125 + sdAll)}}},
      {ParamMethod::MeanStd,
       true,
       1,
       {{f(1.5 - sdRow0), f(1.5 + sdRow0)},
        {f(-1.5625 - sdRow1), f(-1.5625 + sdRow1)}}},
      {ParamMethod::MeanStd,
       false,
       1,
       {{f(1.5 - sdRow0), f(1.5 + sdRow0)},
        {f(-1.5625 - sdRow1), f(-1.5625 + sdRow1)}}},
      {ParamMethod::MeanStd, true, 2, {{-2, 1}, {0, 4}, {0, 0.5f}, {-8, 1}}},
      {ParamMethod::MeanStd, false, 2, {{-2, 1}, {0, 4}, {0, 0.5f}, {-8, 1}}},
      // Percentile 50 (the median, numpy 'linear').
      {ParamMethod::Percentile, true, 0, {{-1.5f, 1.5f}}},
      {ParamMethod::Percentile, false, 0, {{0, 0.75f}}},
      {ParamMethod::Percentile, true, 1, {{-2.5f, 2.5f}, {-0.75f, 0.75f}}},
      {ParamMethod::Percentile, false, 1, {{0, 2}, {0, 0.375f}}},
      {ParamMethod::Percentile,
       true,
       2,
       {{-1.5f, 1.5f}, {-3.5f, 3.5f}, {-0.375f, 0.375f}, {-4.5f, 4.5f}}},
      {ParamMethod::Percentile,
       false,
       2,
       {{-0.5f, 0}, {0, 3.5f}, {0, 0.375f}, {-3.5f, 0}}},
  };
  for (const Case &c : cases) {
    std::string what = std::string(toString(c.method)) +
                       (c.symmetric ? " sym" : " asym") + " layout " +
                       std::to_string(c.layout);
    Layout l = layoutFor(c.layout);
    Params p = c.symmetric
                   ? computeParams(kX, l, kI8, true, c.method, 1.0, 50.0)
                   : computeParams(kX, l, kU8, false, c.method, 1.0, 50.0);
    expectRanges(p, c.expected, what);
    if (c.symmetric)
      expectSymInt8(p, c.expected);
    else
      expectAsymUint8(p, c.expected);
    EXPECT_EQ(int64_t(p.scale.size()), l.numParams()) << what;
  }
}

TEST(ComputeParams, PerChannelAndPerGroupHandScales) {
  Params p = computeParams(kX, Layout::perChannel({2, 4}, 1), kI8, true,
                           ParamMethod::MaxAbs);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.scale, (std::vector<float>{1.0f / 127, 2.0f / 127, 8.0f / 127,
                                         4.0f / 127}));
  p = computeParams(kX, Layout::perGroup({2, 4}, 1, 2), kU8, false,
                    ParamMethod::MinMax);
  EXPECT_EQ(p.scale[0], 3.0f / 255.0f);
  EXPECT_EQ(p.zeroPoint[0], 170); // 2 / (3/255)
  EXPECT_EQ(p.scale[1], 4.0f / 255.0f);
  EXPECT_EQ(p.zeroPoint[1], 0);
  EXPECT_EQ(p.zeroPoint[3], 227); // 8 / (9/255) = 226.67
}

TEST(ComputeParams, DegenerateAndNonFiniteInputs) {
  Layout l = Layout::perTensor({3});
  Params p = computeParams({0, 0, 0}, l, kU8, false, ParamMethod::MinMax);
  EXPECT_EQ(p.scale[0], 1.0f);
  EXPECT_EQ(p.zeroPoint[0], 0);
  p = computeParams({0, 0, 0}, l, kI8, false, ParamMethod::MinMax);
  EXPECT_EQ(p.scale[0], 1.0f);
  EXPECT_EQ(p.zeroPoint[0], -128);
  p = computeParams({0, -0.0f, 0}, l, kI8, true, ParamMethod::MaxAbs);
  EXPECT_EQ(p.scale[0], 1.0f);
  EXPECT_EQ(p.zeroPoint[0], 0);
  // NaNs are ignored; an all-NaN set is empty.
  p = computeParams({NAN, 1, -2}, l, kI8, true, ParamMethod::MaxAbs);
  EXPECT_EQ(p.scale[0], 2.0f / 127.0f);
  p = computeParams({NAN, NAN, NAN}, l, kU8, false, ParamMethod::Percentile, 0,
                    99.0);
  EXPECT_EQ(p.scale[0], 1.0f);
  p = computeParams({NAN, 1, 3}, l, kU8, false, ParamMethod::MeanStd, 0.0);
  EXPECT_EQ(p.rmax[0], 2.0f);
  // +-inf propagates to an infinite scale.
  p = computeParams({INFINITY, 1, -2}, l, kI8, true, ParamMethod::MaxAbs);
  EXPECT_EQ(p.scale[0], INFINITY);
  p = computeParams({-INFINITY, 1, -2}, l, kU8, false, ParamMethod::MinMax);
  EXPECT_EQ(p.scale[0], INFINITY);
  // Errors.
  p = computeParams({1, 2, 3}, l, kU8, true, ParamMethod::MaxAbs);
  EXPECT_FALSE(p.ok());
  p = computeParams({1, 2, 3}, l, kI8, true, ParamMethod::Percentile, 0, 0.0);
  EXPECT_FALSE(p.ok());
  p = computeParams({1, 2}, l, kI8, true, ParamMethod::MaxAbs);
  EXPECT_FALSE(p.ok());
}

TEST(ComputeParams, FloatStorageIsSymmetric) {
  Layout l = Layout::perTensor({2});
  Params p =
      computeParams({896, -3}, l, FloatFormat::f8E4M3FN(), ParamMethod::MaxAbs);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.scale[0], 2.0f);
  EXPECT_EQ(p.zeroPoint[0], 0);
  p = computeParams({896, -3}, l, FloatFormat::f8E5M2(), ParamMethod::MaxAbs);
  EXPECT_EQ(p.scale[0], 896.0f / 57344.0f);
  p = computeParams({-12, 3}, l, FloatFormat::f4E2M1FN(), ParamMethod::MinMax);
  EXPECT_EQ(p.scale[0], 2.0f);
}
