//===- MatmulIntegerTest.cpp - ONNX MatMulInteger reference ---------------===//

#include "quanta/Reference/Numerics.h"

#include <gtest/gtest.h>

#include <random>

using namespace quanta::ref;

namespace {
IntegerMatmulOperand operand(std::vector<int64_t> shape,
                             std::vector<int32_t> values, IntFormat format,
                             std::vector<int32_t> zp = {}) {
  IntegerMatmulOperand t;
  t.shape = std::move(shape);
  t.values = std::move(values);
  t.format = format;
  t.zeroPoint = std::move(zp);
  return t;
}

/// The definition, in 64 bits, reduced modulo 2^32 at the end.
std::vector<int32_t> wideReference(const IntegerMatmulOperand &a,
                                   const IntegerMatmulOperand &b) {
  const int64_t M = a.shape[a.shape.size() - 2], K = a.shape.back(),
                N = b.shape.back();
  int64_t batch = 1;
  for (size_t i = 0; i + 2 < a.shape.size(); ++i)
    batch *= a.shape[i];
  const bool rhsBatched = b.shape.size() > 2;
  auto zp = [](const IntegerMatmulOperand &t, int64_t i) -> int64_t {
    if (t.zeroPoint.empty())
      return 0;
    return t.zeroPoint.size() == 1 ? t.zeroPoint[0] : t.zeroPoint[i];
  };
  std::vector<int32_t> out;
  for (int64_t bi = 0; bi < batch; ++bi)
    for (int64_t m = 0; m < M; ++m)
      for (int64_t n = 0; n < N; ++n) {
        int64_t sum = 0;
        for (int64_t k = 0; k < K; ++k)
          sum += (a.values[(bi * M + m) * K + k] - zp(a, m)) *
                 (b.values[(rhsBatched ? bi * K * N : 0) + k * N + n] -
                  zp(b, n));
        out.push_back(int32_t(uint32_t(uint64_t(sum))));
      }
  return out;
}
} // namespace

// ONNX backend node test `test_matmulinteger`
// (onnx/backend/test/case/node/matmulinteger.py): uint8 A [4, 3] with
// a_zero_point 12, uint8 B [3, 2] with b_zero_point 0.
TEST(MatmulInteger, OnnxBackendTestVector) {
  IntegerMatmulOperand a = operand(
      {4, 3}, {11, 7, 3, 10, 6, 2, 9, 5, 1, 8, 4, 0}, IntFormat::uint(8), {12});
  IntegerMatmulOperand b =
      operand({3, 2}, {1, 4, 2, 5, 3, 6}, IntFormat::uint(8), {0});
  MatmulIntegerResult r = matmulInteger(a, b);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.shape, (std::vector<int64_t>{4, 2}));
  EXPECT_EQ(r.values, (std::vector<int32_t>{-38, -83, -44, -98, -50, -113,
                                            -56, -128}));
}

TEST(MatmulInteger, WrapsAroundLikeInt32) {
  // (-128 - 127)^2 = 65025 per term; 40000 terms = 2601000000 > 2^31 - 1.
  const int64_t K = 40000;
  IntegerMatmulOperand a = operand({1, K}, std::vector<int32_t>(K, -128),
                                   IntFormat::sint(8), {127});
  IntegerMatmulOperand b = operand({K, 1}, std::vector<int32_t>(K, -128),
                                   IntFormat::sint(8), {127});
  MatmulIntegerResult r = matmulInteger(a, b);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.values, (std::vector<int32_t>{int32_t(2601000000LL - (1LL << 32))}));
  // uint8 extremes: (0 - 255) * (255 - 0) = -65025 per term.
  a = operand({1, K}, std::vector<int32_t>(K, 0), IntFormat::uint(8), {255});
  b = operand({K, 1}, std::vector<int32_t>(K, 255), IntFormat::uint(8), {0});
  r = matmulInteger(a, b);
  EXPECT_EQ(r.values, (std::vector<int32_t>{int32_t((1LL << 32) - 2601000000LL)}));
}

TEST(MatmulInteger, EverySignednessAndZeroPointGranularity) {
  std::mt19937 rng(11);
  for (IntFormat fa : {IntFormat::sint(8), IntFormat::uint(8)})
    for (IntFormat fb : {IntFormat::sint(8), IntFormat::uint(8)})
      for (int zpKind = 0; zpKind < 4; ++zpKind) {
        const int64_t M = 5, K = 300, N = 7;
        auto draw = [&](IntFormat f) {
          return std::uniform_int_distribution<int32_t>(f.min(), f.max())(rng);
        };
        IntegerMatmulOperand a, b;
        a.shape = {M, K};
        a.format = fa;
        b.shape = {K, N};
        b.format = fb;
        for (int64_t i = 0; i < M * K; ++i)
          a.values.push_back(draw(fa));
        for (int64_t i = 0; i < K * N; ++i)
          b.values.push_back(draw(fb));
        if (zpKind & 1)
          for (int64_t i = 0; i < M; ++i)
            a.zeroPoint.push_back(draw(fa));
        else
          a.zeroPoint = {fa.min()};
        if (zpKind & 2)
          for (int64_t i = 0; i < N; ++i)
            b.zeroPoint.push_back(draw(fb));
        MatmulIntegerResult r = matmulInteger(a, b);
        ASSERT_TRUE(r.ok()) << r.error;
        EXPECT_EQ(r.values, wideReference(a, b));
      }
}

TEST(MatmulInteger, BatchedWithSharedOrBatchedRhs) {
  IntegerMatmulOperand a = operand({2, 1, 2}, {1, 2, 3, 4}, IntFormat::sint(8));
  IntegerMatmulOperand shared =
      operand({2, 1}, {10, -1}, IntFormat::sint(8), {1});
  MatmulIntegerResult r = matmulInteger(a, shared);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.shape, (std::vector<int64_t>{2, 1, 1}));
  EXPECT_EQ(r.values, (std::vector<int32_t>{1 * 9 + 2 * -2, 3 * 9 + 4 * -2}));
  IntegerMatmulOperand batched =
      operand({2, 2, 1}, {1, 1, 2, 2}, IntFormat::sint(8));
  r = matmulInteger(a, batched);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.values, (std::vector<int32_t>{3, 14}));
}

TEST(MatmulInteger, MatchesMatmulInt32Accumulation) {
  // With unit scales and small sums, ref::matmul's f32 result is the same
  // integer: both use the one int32 accumulation.
  IntegerMatmulOperand a =
      operand({2, 3}, {200, 0, 17, 255, 128, 3}, IntFormat::uint(8), {128});
  IntegerMatmulOperand b =
      operand({3, 2}, {-128, 127, 5, -6, 0, 1}, IntFormat::sint(8), {-3});
  MatmulIntegerResult r = matmulInteger(a, b);
  ASSERT_TRUE(r.ok()) << r.error;
  QuantizedTensor qa, qb;
  qa.layout = Layout::perTensor(a.shape);
  qa.values = a.values;
  qa.intFormat = a.format;
  qa.scale = {1.0f};
  qa.zeroPoint = a.zeroPoint;
  qb.layout = Layout::perTensor(b.shape);
  qb.values = b.values;
  qb.scale = {1.0f};
  qb.zeroPoint = b.zeroPoint;
  MatmulResult f = matmul(qa, qb);
  ASSERT_TRUE(f.ok()) << f.error;
  for (size_t i = 0; i < r.values.size(); ++i)
    EXPECT_EQ(float(r.values[i]), f.values[i]);
}

TEST(MatmulInteger, RejectsInvalidOperands) {
  IntegerMatmulOperand a = operand({2, 2}, {1, 2, 3, 4}, IntFormat::sint(8));
  IntegerMatmulOperand b = operand({3, 1}, {1, 2, 3}, IntFormat::sint(8));
  EXPECT_EQ(matmulInteger(a, b).error, "contraction dimensions differ");
  b = operand({2, 1}, {1, 200}, IntFormat::sint(8));
  EXPECT_EQ(matmulInteger(a, b).error, "rhs: value out of range");
  b = operand({2, 1}, {1, 2}, IntFormat::uint(8), {256});
  EXPECT_EQ(matmulInteger(a, b).error, "rhs: zero point out of range");
  a.zeroPoint = {1, 2, 3};
  b.zeroPoint = {};
  EXPECT_EQ(matmulInteger(a, b).error,
            "lhs: zero point count must be 0, 1 or 2");
  a = operand({2, 1, 2}, {1, 2, 3, 4}, IntFormat::sint(8));
  b = operand({3, 2, 1}, {1, 2, 3, 4, 5, 6}, IntFormat::sint(8));
  EXPECT_EQ(matmulInteger(a, b).error, "rhs batch dimensions must match lhs");
  a = operand({2, 2}, {1, 2, 3, 4}, IntFormat::sint(16));
  EXPECT_EQ(matmulInteger(a, b).error, "lhs: operands must be 8-bit integers");
}
