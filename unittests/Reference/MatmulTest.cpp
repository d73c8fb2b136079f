//===- MatmulTest.cpp - Quantized matmul reference ------------------------===//

#include "quanta/Reference/Numerics.h"

#include <gtest/gtest.h>

using namespace quanta::ref;

namespace {
QuantizedTensor intTensor(std::vector<int64_t> shape, std::vector<int32_t> v,
                          std::vector<float> scale, std::vector<int32_t> zp,
                          IntFormat fmt = IntFormat::sint(8)) {
  QuantizedTensor t;
  t.layout = Layout::perTensor(std::move(shape));
  t.values = std::move(v);
  t.scale = std::move(scale);
  t.zeroPoint = std::move(zp);
  t.intFormat = fmt;
  return t;
}
} // namespace

TEST(Matmul, PerTensorInt32AndFloat32Accumulation) {
  QuantizedTensor a = intTensor({2, 3}, {3, 1, -1, 2, 0, 5}, {0.5f}, {1});
  QuantizedTensor b = intTensor({3, 2}, {1, 2, 3, 4, 5, 6}, {0.25f}, {});
  for (auto acc : {MatmulAccumulation::Int32, MatmulAccumulation::Float32}) {
    MatmulOptions o;
    o.accumulation = acc;
    MatmulResult r = matmul(a, b, o);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.shape, (std::vector<int64_t>{2, 2}));
    EXPECT_EQ(r.values, (std::vector<float>{-1.0f, -1.0f, 2.25f, 2.75f}));
    o.bias = {0.5f, -0.5f};
    o.requantize = true;
    o.outScale = 0.25f;
    o.outZeroPoint = 0;
    r = matmul(a, b, o);
    EXPECT_EQ(r.values, (std::vector<float>{-0.5f, -1.5f, 2.75f, 2.25f}));
    EXPECT_EQ(r.quantized, (std::vector<int32_t>{-2, -6, 11, 9}));
  }
}

TEST(Matmul, PerGroupRhsAccumulatesPerKBlock) {
  QuantizedTensor a = intTensor({1, 4}, {1, 2, 3, 4}, {1.0f}, {});
  QuantizedTensor b = intTensor({4, 1}, {1, 1, 1, 1}, {1.0f, 2.0f}, {});
  b.layout = Layout::perGroup({4, 1}, 0, 2);
  MatmulResult r = matmul(a, b);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.values, (std::vector<float>{17.0f})); // 3*1 + 7*2
  // Per-channel rhs along N.
  QuantizedTensor c = intTensor({2, 2}, {1, 1, 1, 1}, {0.5f, 4.0f}, {0, 1});
  c.layout = Layout::perChannel({2, 2}, 1);
  QuantizedTensor a2 = intTensor({1, 2}, {2, 3}, {1.0f}, {});
  r = matmul(a2, c);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.values, (std::vector<float>{2.5f, 0.0f}));
}

TEST(Matmul, Int32AccumulationWrapsAround) {
  QuantizedTensor a =
      intTensor({1, 3}, {32767, 32767, 32767}, {1.0f}, {}, IntFormat::sint(16));
  QuantizedTensor b =
      intTensor({3, 1}, {32767, 32767, 32767}, {1.0f}, {}, IntFormat::sint(16));
  MatmulResult r = matmul(a, b);
  ASSERT_TRUE(r.ok());
  // 3 * 32767^2 = 3221028867 wraps to -1073938429.
  EXPECT_EQ(r.values[0], float(-1073938429));
}

TEST(Matmul, Int32IsExactWhereFloat32AccumulationRounds) {
  QuantizedTensor a =
      intTensor({1, 3}, {16384, 1, -16384}, {1.0f}, {}, IntFormat::sint(16));
  QuantizedTensor b =
      intTensor({3, 1}, {16384, 1, 16384}, {1.0f}, {}, IntFormat::sint(16));
  EXPECT_EQ(matmul(a, b).values[0], 1.0f);
  MatmulOptions o;
  o.accumulation = MatmulAccumulation::Float32;
  EXPECT_EQ(matmul(a, b, o).values[0], 0.0f); // 2^28 + 1 rounds to 2^28
}

TEST(Matmul, BatchedLhsSharedRhs) {
  QuantizedTensor a = intTensor({2, 1, 2}, {1, 2, 3, 4}, {1.0f}, {});
  QuantizedTensor b = intTensor({2, 1}, {10, 1}, {1.0f}, {});
  MatmulResult r = matmul(a, b);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.shape, (std::vector<int64_t>{2, 1, 1}));
  EXPECT_EQ(r.values, (std::vector<float>{12.0f, 34.0f}));
}

TEST(Matmul, Float8StorageWithFloat32Accumulation) {
  QuantizedTensor a, b;
  a.isFloat = b.isFloat = true;
  a.layout = Layout::perTensor({1, 2});
  b.layout = Layout::perTensor({2, 1});
  a.values = {0x38, 0x40}; // 1, 2
  b.values = {0x44, 0x48}; // 3, 4
  a.scale = {0.5f};
  b.scale = {2.0f};
  MatmulOptions o;
  o.accumulation = MatmulAccumulation::Float32;
  MatmulResult r = matmul(a, b, o);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.values[0], 11.0f);
  EXPECT_FALSE(matmul(a, b).ok()); // int32 accumulation needs int storage
}

TEST(Matmul, RejectsInvalidOperands) {
  QuantizedTensor a = intTensor({1, 2}, {1, 2}, {1.0f, 2.0f}, {});
  a.layout = Layout::perChannel({1, 2}, 1); // varies along K
  QuantizedTensor b = intTensor({2, 1}, {1, 1}, {1.0f}, {});
  EXPECT_FALSE(matmul(a, b).ok());
  MatmulOptions o;
  o.accumulation = MatmulAccumulation::Float32;
  MatmulResult r = matmul(a, b, o);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.values[0], 5.0f);
  QuantizedTensor c = intTensor({3, 1}, {1, 1, 1}, {1.0f}, {});
  EXPECT_FALSE(matmul(intTensor({1, 2}, {1, 2}, {1.0f}, {}), c).ok());
}
