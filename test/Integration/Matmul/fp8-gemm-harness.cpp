//===- fp8-gemm-harness.cpp - FP8 x FP8 -> f32 matmuls vs ref -------------===//
//
// Calls fp8-gemm.mlir's functions on random FP8 codes (with ±0, the smallest
// subnormal, the largest finite values and NaN among them) and compares each
// f32 result bit for bit with ref::matmul; NaNs match NaNs.
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"
#include <cmath>
#include <cstdio>
#include <cstring>
using namespace quanta::ref;

static harness::Random32 rng(37);

using Case = harness::FP8MatmulCase;

/// A random code of `format` that is not NaN, or one of the edge codes.
static uint8_t code(const FloatFormat &format, bool e4m3, int64_t i) {
  const uint8_t edges[] = {0x00,
                           0x80,
                           0x01,
                           0x81,
                           uint8_t(e4m3 ? 0x7E : 0x7B),
                           uint8_t(e4m3 ? 0xFE : 0xFB)};
  if (i % 17 < 6)
    return edges[i % 17];
  for (;;) {
    uint8_t c = uint8_t(rng.uniformInt(0, 255));
    if (!std::isnan(decodeFloat(c, format)))
      return c;
  }
}

static long check(const Case &c) {
  long bad = 0;
  bool lhsE4m3 = c.lhs.expBits == 4, rhsE4m3 = c.rhs.expBits == 4;
  for (int64_t M : {1, 2, 7, 15, 16, 17, 64, 255, 256, 300}) {
    QuantizedTensor A, W;
    c.setLayouts(A, W, M);
    for (int64_t i = 0; i < M * c.K; ++i)
      // One NaN in row 1.
      A.values.push_back((M > 1 && i == c.K + 3)
                             ? uint8_t(lhsE4m3 ? 0x7F : 0x7E)
                             : code(c.lhs, lhsE4m3, i));
    for (int64_t i = 0; i < c.K * c.N; ++i)
      W.values.push_back(code(c.rhs, rhsE4m3, i + 5));
    bad += c.run(A, W, M, rng);
  }
  return bad;
}

int main() {
  long total = 0;
  FloatFormat e4m3 = FloatFormat::f8E4M3FN(), e5m2 = FloatFormat::f8E5M2();
  for (const Case &c :
       {Case{"e4m3_e5m2_n80", e4m3_e5m2_n80, e4m3, e5m2, 72, 80, false},
        Case{"e4m3_col_n48", e4m3_col_n48, e4m3, e4m3, 64, 48, true},
        Case{"e5m2_n37", e5m2_n37, e5m2, e5m2, 33, 37, false},
        Case{"e4m3_row_n64", nullptr, e4m3, e4m3, 40, 64, true,
             e4m3_row_n64}}) {
    long bad = check(c);
    std::printf("%s: 10 row counts, %ld mismatches\n", c.name, bad);
    total += bad;
  }
  return total != 0;
}
