//===- Int4PackingTest.cpp - ONNX/ORT int4 packing ------------------------===//

#include "quanta/Reference/Numerics.h"

#include <gtest/gtest.h>

using namespace quanta::ref;

TEST(Int4Packing, LowNibbleFirst) {
  EXPECT_EQ(packInt4(std::vector<int32_t>{1, 2}), (std::vector<uint8_t>{0x21}));
  EXPECT_EQ(packInt4(std::vector<int32_t>{1, 2, 3}),
            (std::vector<uint8_t>{0x21, 0x03}));
  EXPECT_EQ(packInt4(std::vector<int32_t>{-1, -8, 7}),
            (std::vector<uint8_t>{0x8F, 0x07}));
  EXPECT_EQ(packInt4(std::vector<int8_t>{-1, -8, 7}),
            (std::vector<uint8_t>{0x8F, 0x07}));
  EXPECT_EQ(unpackInt4(std::vector<uint8_t>{0xF8}, 2, true),
            (std::vector<int32_t>{-8, -1}));
  EXPECT_EQ(unpackInt4(std::vector<uint8_t>{0xF8}, 2, false),
            (std::vector<int32_t>{8, 15}));
  EXPECT_TRUE(packInt4(std::vector<int32_t>{}).empty());
}

TEST(Int4Packing, OddLengthsPadTheHighNibbleWithZero) {
  for (size_t n = 1; n <= 9; ++n) {
    std::vector<int32_t> v;
    for (size_t i = 0; i < n; ++i)
      v.push_back(int32_t(i % 16) - 8);
    std::vector<uint8_t> bytes = packInt4(v);
    ASSERT_EQ(bytes.size(), (n + 1) / 2);
    if (n % 2)
      EXPECT_EQ(bytes.back() >> 4, 0) << n;
    EXPECT_EQ(unpackInt4(bytes, n, true), v) << n;
  }
}

TEST(Int4Packing, AllSixteenValuesInEveryPosition) {
  for (bool isSigned : {true, false}) {
    const int32_t lo = isSigned ? -8 : 0;
    for (int32_t a = lo; a < lo + 16; ++a)
      for (int32_t b = lo; b < lo + 16; ++b) {
        std::vector<int32_t> v = {a, b};
        std::vector<uint8_t> bytes = packInt4(v);
        ASSERT_EQ(bytes.size(), 1u);
        EXPECT_EQ(bytes[0], uint8_t((a & 0xF) | ((b & 0xF) << 4)));
        EXPECT_EQ(unpackInt4(bytes, 2, isSigned), v);
      }
  }
}
