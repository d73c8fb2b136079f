//===- w4a32-kernel-harness.cpp - weight-only int4 f32 matmuls vs ref -----===//
//
// Calls w4a32-kernel.mlir's functions on f32 activations (random, with ±0,
// ±inf and NaN in some rows) and int4 weights (with the storage extremes in
// every column) and compares each f32 result bit for bit with ref::matmul
// (f32 accumulation in k order); NaNs match NaNs.
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"
#include <cmath>
#include <cstdio>
#include <cstring>
using namespace quanta::ref;

static harness::Random32 rng(31);

// (a, M, packed w, sw, y), and with weight zero points (a, M, packed w, sw,
// packed zw, y).
using Fn = void (*)(const float *, int64_t, const uint8_t *, const float *,
                    float *);
using ZpFn = void (*)(const float *, int64_t, const uint8_t *, const float *,
                      const uint8_t *, float *);

struct Case {
  const char *name;
  Fn fn;
  bool rhsSigned;
  int64_t groupSize, K, N;
  ZpFn zpFn = nullptr;
};

static long check(const Case &c) {
  const int64_t K = c.K, N = c.N;
  IntFormat rhsFormat = c.rhsSigned ? IntFormat::sint(4) : IntFormat::uint(4);
  long bad = 0;
  for (int64_t M : {1, 2, 3, 7, 9, 33}) {
    QuantizedTensor A, W;
    std::vector<float> a = harness::fillF32Activations(A, rng, M, K);
    harness::fillInt4Weights(W, rng, rhsFormat, c.groupSize, K, N,
                             c.zpFn != nullptr);
    MatmulResult want =
        matmul(A, W, MatmulOptions{MatmulAccumulation::Float32});
    std::vector<uint8_t> packed = packInt4(W.values);
    std::vector<float> got(M * N);
    if (c.zpFn)
      c.zpFn(a.data(), M, packed.data(), W.scale.data(),
             packInt4(W.zeroPoint).data(), got.data());
    else
      c.fn(a.data(), M, packed.data(), W.scale.data(), got.data());
    bad += harness::countF32Mismatches(c.name, M, got, want.values);
  }
  return bad;
}

int main() {
  long total = 0;
  for (const Case &c : {
           Case{"s4_g32_n256", s4_g32_n256, true, 32, 128, 256},
           Case{"s4_g128_n512", s4_g128_n512, true, 128, 256, 512},
           Case{"u4zp_g64_n384", nullptr, false, 64, 128, 384, u4zp_g64_n384},
           Case{"s4zp_g32_n128", nullptr, true, 32, 64, 128, s4zp_g32_n128},
           Case{"s4_g32_n200", s4_g32_n200, true, 32, 64, 200},
       }) {
    long bad = check(c);
    std::printf("%s: 6 row counts, %ld mismatches\n", c.name, bad);
    total += bad;
  }
  return total != 0;
}
