//===- w4a16-kernel-harness.cpp - weight-only int4 f16/bf16 matmuls vs ref
//-===//
//
// Calls w4a16-kernel.mlir's functions on f16 or bf16 activations (random,
// with ±0, ±inf, NaN and a subnormal in some rows) and int4 weights with
// per-group scales in the same format (and zero points), and compares each
// result code with quanta.matmul's definition composed from quanta::ref:
// every weight dequantized as quanta.dequantize (dequantizeInt, rounded to
// the expressed type), products of the widened values added in f32 in k
// order from +0, the sum rounded once to the result type. NaNs match NaNs.
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"
#include <cmath>
#include <cstdio>
using namespace quanta::ref;

static harness::Random32 rng(47);

// (a, M, packed w, sw, y), and with weight zero points (a, M, packed w, sw,
// packed zw, y); 16-bit values travel as their bits.
using Fn = void (*)(const uint16_t *, int64_t, const uint8_t *,
                    const uint16_t *, uint16_t *);
using ZpFn = void (*)(const uint16_t *, int64_t, const uint8_t *,
                      const uint16_t *, const uint8_t *, uint16_t *);

struct Case {
  const char *name;
  FloatFormat format;
  Fn fn;
  bool rhsSigned;
  int64_t groupSize, K, N;
  ZpFn zpFn = nullptr;
};

static long check(const Case &c) {
  const int64_t K = c.K, N = c.N;
  IntFormat rhsFormat = c.rhsSigned ? IntFormat::sint(4) : IntFormat::uint(4);
  auto code = [&](float x) {
    return uint16_t(encodeFloat(x, c.format, false));
  };
  long bad = 0;
  for (int64_t M : {1, 2, 3, 7, 9, 33}) {
    QuantizedTensor A, W;
    std::vector<float> a32 = harness::fillF32Activations(A, rng, M, K);
    harness::fillInt4Weights(W, rng, rhsFormat, c.groupSize, K, N,
                             c.zpFn != nullptr);
    std::vector<uint16_t> a, scale;
    for (float x : a32)
      a.push_back(code(x));
    for (float s : W.scale)
      scale.push_back(code(s));
    std::vector<uint8_t> packed = packInt4(W.values);
    std::vector<uint16_t> got(M * N);
    if (c.zpFn)
      c.zpFn(a.data(), M, packed.data(), scale.data(),
             packInt4(W.zeroPoint).data(), got.data());
    else
      c.fn(a.data(), M, packed.data(), scale.data(), got.data());
    for (int64_t m = 0; m < M; ++m)
      for (int64_t n = 0; n < N; ++n) {
        float sum = 0.0f;
        for (int64_t k = 0; k < K; ++k) {
          int64_t p = k / c.groupSize * N + n;
          float w = dequantizeInt(W.values[k * N + n],
                                  decodeFloat(scale[p], c.format),
                                  c.zpFn ? W.zeroPoint[p] : 0, c.format);
          sum = sum + decodeFloat(a[m * K + k], c.format) * w;
        }
        uint16_t want = code(sum), g = got[m * N + n];
        bool same =
            std::isnan(sum) ? std::isnan(decodeFloat(g, c.format)) : g == want;
        if (!same && bad++ < 3)
          std::printf("%s M=%lld [%lld, %lld]: got 0x%04x want 0x%04x\n",
                      c.name, (long long)M, (long long)m, (long long)n, g,
                      want);
      }
  }
  return bad;
}

int main() {
  long total = 0;
  for (const Case &c : {
           Case{"h4_g32_n256", FloatFormat::f16(), h4_g32_n256, true, 32, 128,
                256},
           Case{"b4zp_g64_n384", FloatFormat::bf16(), nullptr, false, 64, 128,
                384, b4zp_g64_n384},
           Case{"h4zp_g128_n128", FloatFormat::f16(), nullptr, true, 128, 256,
                128, h4zp_g128_n128},
           Case{"b4_g32_n200", FloatFormat::bf16(), b4_g32_n200, true, 32, 64,
                200},
       }) {
    long bad = check(c);
    std::printf("%s: 6 row counts, %ld mismatches\n", c.name, bad);
    total += bad;
  }
  return total != 0;
}
