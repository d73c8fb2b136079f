//===- LayoutTest.cpp - Granularity / parameter layout --------------------===//

#include "quanta/Reference/Numerics.h"

#include <gtest/gtest.h>

using namespace quanta::ref;

TEST(Layout, PerTensor) {
  Layout l = Layout::perTensor({2, 3});
  EXPECT_EQ(l.verify(), "");
  EXPECT_TRUE(l.paramShape().empty());
  EXPECT_EQ(l.numParams(), 1);
  for (int64_t i = 0; i < 6; ++i)
    EXPECT_EQ(l.paramIndex(i), 0);
}

TEST(Layout, PerChannel) {
  Layout l = Layout::perChannel({2, 3, 4}, 1);
  EXPECT_EQ(l.paramShape(), (std::vector<int64_t>{3}));
  for (int64_t i = 0; i < 2; ++i)
    for (int64_t j = 0; j < 3; ++j)
      for (int64_t k = 0; k < 4; ++k)
        EXPECT_EQ(l.paramIndex((i * 3 + j) * 4 + k), j);
  Layout last = Layout::perChannel({2, 3}, -1);
  EXPECT_EQ(last.axis, 1);
  EXPECT_EQ(last.paramIndex(5), 2);
  EXPECT_NE(Layout::perChannel({2, 3}, 2).verify(), "");
}

TEST(Layout, PerGroup) {
  Layout l = Layout::perGroup({2, 6}, 1, 3);
  EXPECT_EQ(l.verify(), "");
  EXPECT_EQ(l.paramShape(), (std::vector<int64_t>{2, 2}));
  for (int64_t i = 0; i < 2; ++i)
    for (int64_t j = 0; j < 6; ++j)
      EXPECT_EQ(l.paramIndex(i * 6 + j), i * 2 + j / 3);
  Layout rows = Layout::perGroup({4, 3}, 0, 2);
  EXPECT_EQ(rows.paramShape(), (std::vector<int64_t>{2, 3}));
  for (int64_t i = 0; i < 4; ++i)
    for (int64_t j = 0; j < 3; ++j)
      EXPECT_EQ(rows.paramIndex(i * 3 + j), (i / 2) * 3 + j);
  // ONNX blocked example: x [1, 4, 3, 2], axis 1, block 2 -> [1, 2, 3, 2].
  Layout onnx = Layout::perGroup({1, 4, 3, 2}, 1, 2);
  EXPECT_EQ(onnx.paramShape(), (std::vector<int64_t>{1, 2, 3, 2}));
  EXPECT_EQ(onnx.paramIndex(2 * 6 + 1 * 2 + 1), 1 * 6 + 1 * 2 + 1);
}

TEST(Layout, PartialGroupsAndErrors) {
  Layout l = Layout::perGroup({5}, 0, 2);
  EXPECT_NE(l.verify(), "");
  EXPECT_EQ(l.verify(/*allowPartialGroups=*/true), "");
  EXPECT_EQ(l.paramShape(), (std::vector<int64_t>{3}));
  EXPECT_EQ(l.paramIndex(4), 2);
  EXPECT_NE(Layout::perGroup({4}, 0, 0).verify(), "");
  EXPECT_NE(Layout::perGroup({4}, 1, 2).verify(), "");
}
