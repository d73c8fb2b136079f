//===- w4a16-kernel-harness.cpp - weight-only f16/bf16 matmuls vs ref -----===//
//
// Calls w4a16-kernel.mlir's functions on f16 or bf16 activations (random,
// with ±0, ±inf, NaN and a subnormal in some rows) and int4 (packed) or
// 8-bit weights with per-group or per-column scales in the same format (and
// zero points), and compares each
// result code with quanta.matmul's definition composed from quanta::ref:
// every weight dequantized as quanta.dequantize (dequantizeInt, rounded to
// the expressed type), products of the widened values added in f32 in k
// order from +0, the sum rounded once to the result type. NaNs match NaNs.
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"
#include <cmath>
#include <cstdio>
#include <type_traits>
using namespace quanta::ref;

static harness::Random32 rng(47);

// (a, M, w, sw, y), and with weight zero points (a, M, w, sw, zw, y), Weight
// being uint8_t (int4, packed) or int8_t; 16-bit values travel as their
// bits.
template <typename Weight> struct Case {
  using Fn = void (*)(const uint16_t *, int64_t, const Weight *,
                      const uint16_t *, uint16_t *);
  using ZpFn = void (*)(const uint16_t *, int64_t, const Weight *,
                        const uint16_t *, const Weight *, uint16_t *);
  const char *name;
  FloatFormat format;
  Fn fn;
  bool rhsSigned;
  // The weights' rows per scale: the group size, or K per column.
  int64_t groupSize, K, N;
  ZpFn zpFn = nullptr;
};

template <typename Weight> static long check(const Case<Weight> &c) {
  const int64_t K = c.K, N = c.N;
  constexpr bool is8Bit = std::is_same_v<Weight, int8_t>;
  IntFormat rhsFormat = c.rhsSigned ? IntFormat::sint(is8Bit ? 8 : 4)
                                    : IntFormat::uint(is8Bit ? 8 : 4);
  // The weights (or zero points) as the entry point takes them: int4
  // packed, 8-bit as bytes.
  auto weights = [](const std::vector<int32_t> &v) {
    if constexpr (is8Bit)
      return std::vector<int8_t>(v.begin(), v.end());
    else
      return packInt4(v);
  };
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
    auto w = weights(W.values);
    std::vector<uint16_t> got(M * N);
    if (c.zpFn)
      c.zpFn(a.data(), M, w.data(), scale.data(), weights(W.zeroPoint).data(),
             got.data());
    else
      c.fn(a.data(), M, w.data(), scale.data(), got.data());
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
  auto report = [&](const char *name, long bad) {
    std::printf("%s: 6 row counts, %ld mismatches\n", name, bad);
    total += bad;
  };
  using C4 = Case<uint8_t>;
  for (const C4 &c : {
           C4{"h4_g32_n256", FloatFormat::f16(), h4_g32_n256, true, 32, 128,
              256},
           C4{"b4zp_g64_n384", FloatFormat::bf16(), nullptr, false, 64, 128,
              384, b4zp_g64_n384},
           C4{"h4zp_g128_n128", FloatFormat::f16(), nullptr, true, 128, 256,
              128, h4zp_g128_n128},
           C4{"b4_g32_n200", FloatFormat::bf16(), b4_g32_n200, true, 32, 64,
              200},
       })
    report(c.name, check(c));
  using C8 = Case<int8_t>;
  for (const C8 &c : {
           C8{"h8_col_n128", FloatFormat::f16(), h8_col_n128, true, 96, 96,
              128},
           C8{"b8zp_col_n192", FloatFormat::bf16(), nullptr, false, 70, 70, 192,
              b8zp_col_n192},
       })
    report(c.name, check(c));
  return total != 0;
}
