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

using Fn = void (*)(const uint8_t *, int64_t, const uint8_t *, const float *,
                    const float *, float *);
// With activation scales per row: (a, M, w, sa, M, sw, y).
using RowFn = void (*)(const uint8_t *, int64_t, const uint8_t *,
                       const float *, int64_t, const float *, float *);

struct Case {
  const char *name;
  Fn fn;
  FloatFormat lhs, rhs;
  int64_t K, N;
  bool perColumn;
  RowFn rowFn = nullptr;
};

/// A random code of `format` that is not NaN, or one of the edge codes.
static uint8_t code(const FloatFormat &format, bool e4m3, int64_t i) {
  const uint8_t edges[] = {0x00, 0x80, 0x01, 0x81,
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
  for (int64_t M : {1, 2, 7, 15, 16, 17, 40, 64}) {
    QuantizedTensor A, W;
    A.isFloat = W.isFloat = true;
    A.floatFormat = c.lhs;
    W.floatFormat = c.rhs;
    A.layout = c.rowFn ? Layout::perChannel({M, c.K}, 0)
                       : Layout::perTensor({M, c.K});
    W.layout = c.perColumn ? Layout::perChannel({c.K, c.N}, 1)
                           : Layout::perTensor({c.K, c.N});
    std::vector<uint8_t> a, w;
    for (int64_t i = 0; i < M * c.K; ++i) {
      // One NaN in row 1.
      uint8_t v = (M > 1 && i == c.K + 3) ? uint8_t(lhsE4m3 ? 0x7F : 0x7E)
                                          : code(c.lhs, lhsE4m3, i);
      a.push_back(v);
      A.values.push_back(v);
    }
    for (int64_t i = 0; i < c.K * c.N; ++i) {
      uint8_t v = code(c.rhs, rhsE4m3, i + 5);
      w.push_back(v);
      W.values.push_back(v);
    }
    for (int64_t m = 0; m < (c.rowFn ? M : 1); ++m)
      A.scale.push_back(rng.uniform(0.01f, 2.0f));
    for (int64_t n = 0; n < (c.perColumn ? c.N : 1); ++n)
      W.scale.push_back(rng.uniform(0.01f, 2.0f));
    MatmulResult want =
        matmul(A, W, MatmulOptions{MatmulAccumulation::Float32});
    std::vector<float> got(M * c.N);
    if (c.rowFn)
      c.rowFn(a.data(), M, w.data(), A.scale.data(), M, W.scale.data(),
              got.data());
    else
      c.fn(a.data(), M, w.data(), A.scale.data(), W.scale.data(), got.data());
    for (int64_t i = 0; i < M * c.N; ++i) {
      float g = got[i], r = want.values[i];
      bool same = std::isnan(g) ? std::isnan(r) : !std::memcmp(&g, &r, 4);
      if (!same && bad++ < 3)
        std::printf("%s M=%lld [%lld]: got %a want %a\n", c.name,
                    (long long)M, (long long)i, g, r);
    }
  }
  return bad;
}

int main() {
  long total = 0;
  FloatFormat e4m3 = FloatFormat::f8E4M3FN(), e5m2 = FloatFormat::f8E5M2();
  for (const Case &c : {Case{"e4m3_e5m2_n80", e4m3_e5m2_n80, e4m3, e5m2, 72,
                             80, false},
                        Case{"e4m3_col_n48", e4m3_col_n48, e4m3, e4m3, 64, 48,
                             true},
                        Case{"e5m2_n37", e5m2_n37, e5m2, e5m2, 33, 37,
                             false},
                        Case{"e4m3_row_n64", nullptr, e4m3, e4m3, 40, 64, true,
                             e4m3_row_n64}}) {
    long bad = check(c);
    std::printf("%s: 8 row counts, %ld mismatches\n", c.name, bad);
    total += bad;
  }
  return total != 0;
}
