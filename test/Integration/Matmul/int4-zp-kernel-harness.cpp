//===- int4-zp-kernel-harness.cpp - W4A8 with activation zero points ------===//
//
// Calls int4-zp-kernel.mlir's functions on random activations (the storage
// extremes in every row) with zero points at the extremes and in between,
// and int4 weights (with zero points or not), and compares each f32 result
// bit for bit with ref::matmul.
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"
#include <cstdio>
#include <cstring>
using namespace quanta::ref;

static harness::Random32 rng(31);

// Activation parameters per tensor: (a, M, packed w, sa, sw, za, [packed
// zw,] y); per row: (a, M, packed w, sa, M, sw, za, M, [packed zw,] y).
using TensorFn = void (*)(const int8_t *, int64_t, const uint8_t *,
                          const float *, const float *, const int8_t *,
                          float *);
using TensorZwFn = void (*)(const int8_t *, int64_t, const uint8_t *,
                            const float *, const float *, const int8_t *,
                            const uint8_t *, float *);
using ConstFn = void (*)(const int8_t *, int64_t, const uint8_t *,
                         const float *, const float *, float *);
using ConstZwFn = void (*)(const int8_t *, int64_t, const uint8_t *,
                           const float *, const float *, const uint8_t *,
                           float *);
using RowFn = void (*)(const int8_t *, int64_t, const uint8_t *, const float *,
                       int64_t, const float *, const int8_t *, int64_t,
                       float *);
using RowZwFn = void (*)(const int8_t *, int64_t, const uint8_t *,
                         const float *, int64_t, const float *, const int8_t *,
                         int64_t, const uint8_t *, float *);

struct Case {
  const char *name;
  bool lhsSigned, rhsSigned;
  int64_t groupSize, K, N;
  TensorFn tensorFn = nullptr;
  TensorZwFn tensorZwFn = nullptr;
  RowFn rowFn = nullptr;
  RowZwFn rowZwFn = nullptr;
  // A zero point per tensor that is a constant of the function (with
  // weight zero points: constZwFn).
  ConstFn constFn = nullptr;
  int64_t constZp = 0;
  ConstZwFn constZwFn = nullptr;
};

static long check(const Case &c, long &runs) {
  const int64_t K = c.K, N = c.N;
  IntFormat lhsFormat = c.lhsSigned ? IntFormat::sint(8) : IntFormat::uint(8);
  IntFormat rhsFormat = c.rhsSigned ? IntFormat::sint(4) : IntFormat::uint(4);
  bool perRow = c.rowFn || c.rowZwFn;
  bool constZa = c.constFn || c.constZwFn;
  bool weightZp = c.tensorZwFn || c.rowZwFn || c.constZwFn;
  int64_t lo = lhsFormat.min(), hi = lhsFormat.max(), mid = (lo + hi + 1) / 2;
  long bad = 0;
  for (int64_t M : {1, 2, 3, 4, 8, 9, 17, 33, 64}) {
    // Per tensor: the zero point at each extreme, the middle and at random;
    // per row: all of these in the rows.
    int64_t choices = perRow || constZa ? 1 : 4;
    for (int64_t choice = 0; choice < choices; ++choice) {
      QuantizedTensor A, W;
      harness::fillActivations(A, rng, lhsFormat, M, K);
      A.layout =
          perRow ? Layout::perChannel({M, K}, 0) : Layout::perTensor({M, K});
      auto pickZp = [&](int64_t which) {
        return which == 0   ? lo
               : which == 1 ? hi
               : which == 2 ? mid
                            : rng.uniformInt(lo, hi);
      };
      for (int64_t m = 0; m < (perRow ? M : 1); ++m) {
        A.scale.push_back(rng.uniform(0.001f, 0.05f));
        A.zeroPoint.push_back(constZa ? c.constZp
                                      : pickZp(perRow ? m % 4 : choice));
      }
      harness::fillInt4Weights(W, rng, rhsFormat, c.groupSize, K, N, weightZp);
      MatmulResult want = matmul(A, W, MatmulOptions());
      std::vector<int8_t> a(A.values.begin(), A.values.end());
      std::vector<int8_t> za(A.zeroPoint.begin(), A.zeroPoint.end());
      std::vector<uint8_t> packed = packInt4(W.values);
      std::vector<uint8_t> zw =
          weightZp ? packInt4(W.zeroPoint) : std::vector<uint8_t>();
      std::vector<float> got(M * N);
      if (c.constFn)
        c.constFn(a.data(), M, packed.data(), A.scale.data(), W.scale.data(),
                  got.data());
      else if (c.constZwFn)
        c.constZwFn(a.data(), M, packed.data(), A.scale.data(), W.scale.data(),
                    zw.data(), got.data());
      else if (c.tensorFn)
        c.tensorFn(a.data(), M, packed.data(), A.scale.data(), W.scale.data(),
                   za.data(), got.data());
      else if (c.tensorZwFn)
        c.tensorZwFn(a.data(), M, packed.data(), A.scale.data(), W.scale.data(),
                     za.data(), zw.data(), got.data());
      else if (c.rowFn)
        c.rowFn(a.data(), M, packed.data(), A.scale.data(), M, W.scale.data(),
                za.data(), M, got.data());
      else
        c.rowZwFn(a.data(), M, packed.data(), A.scale.data(), M, W.scale.data(),
                  za.data(), M, zw.data(), got.data());
      ++runs;
      for (int64_t i = 0; i < M * N; ++i)
        if (std::memcmp(&got[i], &want.values[i], 4) && bad++ < 3)
          std::printf("%s M=%lld za[0]=%d [%lld]: got %a want %a\n", c.name,
                      (long long)M, za[0], (long long)i, got[i],
                      want.values[i]);
    }
  }
  return bad;
}

int main() {
  long total = 0;
  Case cases[] = {
      {"u8_s4_za_g32_n256", false, true, 32, 256, 256, u8_s4_za_g32_n256},
      {"u8_u4_za_g128_n256", false, false, 128, 256, 256, u8_u4_za_g128_n256},
      {"u8_s4_zarow_g64_n384", false, true, 64, 128, 384, nullptr, nullptr,
       u8_s4_zarow_g64_n384},
      {"u8_u4_za_zw_g32_n256", false, false, 32, 128, 256, nullptr,
       u8_u4_za_zw_g32_n256},
      {"u8_s4_zarow_zw_g128_n4096", false, true, 128, 256, 4096, nullptr,
       nullptr, nullptr, u8_s4_zarow_zw_g128_n4096},
      {"s8_s4_za_g32_n256", true, true, 32, 64, 256, s8_s4_za_g32_n256},
      {"s8_u4_zarow_zw_g64_n128", true, false, 64, 128, 128, nullptr, nullptr,
       nullptr, s8_u4_zarow_zw_g64_n128},
      {"s8_u4_za_g32_n128", true, false, 32, 96, 128, s8_u4_za_g32_n128},
      {"u8_s4_za_g32_n200", false, true, 32, 64, 200, u8_s4_za_g32_n200},
      {"u8_s4_zaconst_g32_n256", false, true, 32, 128, 256, nullptr, nullptr,
       nullptr, nullptr, u8_s4_zaconst_g32_n256, 201},
      {"s8_u4_zaconst_g64_n128", true, false, 64, 128, 128, nullptr, nullptr,
       nullptr, nullptr, s8_u4_zaconst_g64_n128, -77},
      {"u8_u4_zaconst_zw_g32_n256", false, false, 32, 128, 256, nullptr,
       nullptr, nullptr, nullptr, nullptr, 253, u8_u4_zaconst_zw_g32_n256},
  };
  for (const Case &c : cases) {
    long runs = 0;
    long bad = check(c, runs);
    std::printf("%s: %ld runs, %ld mismatches\n", c.name, runs, bad);
    total += bad;
  }
  return total != 0;
}
