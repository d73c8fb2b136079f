//===- w8a32-kernel-harness.cpp - weight-only 8-bit f32 matmuls vs ref ----===//
//
// Calls w8a32-kernel.mlir's functions on f32 activations (random, with ±0,
// ±inf and NaN in one row) and 8-bit weights (with the storage extremes in
// every column) and compares each f32 result bit for bit with ref::matmul
// (f32 accumulation in k order); NaNs match NaNs.
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"
#include <cmath>
#include <cstdio>
#include <cstring>
using namespace quanta::ref;

static harness::Random32 rng(41);

// (a, M, w, sw, y), and with weight zero points (a, M, w, sw, zw, y).
using Fn = void (*)(const float *, int64_t, const int8_t *, const float *,
                    float *);
using ZpFn = void (*)(const float *, int64_t, const int8_t *, const float *,
                      const int8_t *, float *);

struct Case {
  const char *name;
  Fn fn;
  bool rhsSigned, perColumn;
  int64_t K, N;
  ZpFn zpFn = nullptr;
  // Non-zero: per group of this many rows (and per column).
  int64_t groupSize = 0;
};

static long check(const Case &c) {
  const int64_t K = c.K, N = c.N;
  IntFormat format = c.rhsSigned ? IntFormat::sint(8) : IntFormat::uint(8);
  long bad = 0;
  for (int64_t M : {1, 2, 3, 7, 9, 33}) {
    QuantizedTensor A, W;
    std::vector<float> a = harness::fillF32Activations(A, rng, M, K);
    W.intFormat = format;
    W.layout = c.groupSize   ? Layout::perGroup({K, N}, 0, c.groupSize)
               : c.perColumn ? Layout::perChannel({K, N}, 1)
                             : Layout::perTensor({K, N});
    for (int64_t i = 0; i < K * N; ++i) {
      int64_t k = i / N;
      W.values.push_back(k % 3 == 0   ? format.min()
                         : k % 3 == 1 ? format.max()
                                      : rng.uniformInt(format.min(),
                                                       format.max()));
    }
    for (int64_t n = 0; n < W.layout.numParams(); ++n) {
      W.scale.push_back(rng.uniform(0.001f, 0.05f));
      if (c.zpFn)
        W.zeroPoint.push_back(n % 5 == 0 ? format.max()
                                         : rng.uniformInt(format.min(),
                                                          format.max()));
    }
    MatmulResult want =
        matmul(A, W, MatmulOptions{MatmulAccumulation::Float32});
    std::vector<int8_t> w(W.values.begin(), W.values.end());
    std::vector<int8_t> zw(W.zeroPoint.begin(), W.zeroPoint.end());
    std::vector<float> got(M * N);
    if (c.zpFn)
      c.zpFn(a.data(), M, w.data(), W.scale.data(), zw.data(), got.data());
    else
      c.fn(a.data(), M, w.data(), W.scale.data(), got.data());
    bad += harness::countF32Mismatches(c.name, M, got, want.values);
  }
  return bad;
}

int main() {
  long total = 0;
  for (const Case &c : {
           Case{"s8_col_n128", s8_col_n128, true, true, 96, 128},
           Case{"u8zp_tensor_n64", nullptr, false, false, 33, 64,
                u8zp_tensor_n64},
           Case{"s8zp_col_n192", nullptr, true, true, 64, 192, s8zp_col_n192},
           Case{"s8_col_n72", s8_col_n72, true, true, 40, 72},
           Case{"s8_g32_n128", s8_g32_n128, true, true, 96, 128, nullptr, 32},
           Case{"u8zp_g6_n64", nullptr, false, true, 36, 64, u8zp_g6_n64, 6},
       }) {
    long bad = check(c);
    std::printf("%s: 6 row counts, %ld mismatches\n", c.name, bad);
    total += bad;
  }
  return total != 0;
}
