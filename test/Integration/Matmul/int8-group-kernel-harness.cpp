//===- int8-group-kernel-harness.cpp - per-group int8 W8A8 matmuls vs ref --===//
//
// Calls int8-group-kernel.mlir's functions on random activations and int8
// weights per group along K (with the storage extremes in every row and
// column, activation zero points at the extremes, the middle and at
// random) and compares each f32 result bit for bit with ref::matmul.
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"
#include <cstdio>
#include <cstring>
#include <iterator>
using namespace quanta::ref;

static harness::Random32 rng(31);

// (a, M, w, sa, M, sw, y); with a per-tensor activation scale and zero
// point (a, M, w, sa, sw, za, y); with weight zero points (a, M, w, sa, M,
// sw, zw, y); with both (a, M, w, sa, sw, za, zw, y).
using RowFn = void (*)(const int8_t *, int64_t, const int8_t *, const float *,
                       int64_t, const float *, float *);
using ZaFn = void (*)(const int8_t *, int64_t, const int8_t *, const float *,
                      const float *, const int8_t *, float *);
using ZwFn = void (*)(const int8_t *, int64_t, const int8_t *, const float *,
                      int64_t, const float *, const int8_t *, float *);
using ZaZwFn = void (*)(const int8_t *, int64_t, const int8_t *, const float *,
                        const float *, const int8_t *, const int8_t *, float *);

struct Case {
  const char *name;
  bool lhsSigned, rhsSigned;
  int64_t groupSize, K, N;
  RowFn rowFn = nullptr;
  ZaFn zaFn = nullptr;
  ZwFn zwFn = nullptr;
  ZaZwFn zaZwFn = nullptr;
};

// Row counts: one block of the VNNI kernel (1 to 4 rows), two (5) and four
// (15, the last of 3 rows), and the AMX kernel's one block of 32 rows with
// 16 or 15 rows of padding, a block and a row more, two blocks (one pass),
// and two passes with a partial block.
static const int64_t kRowCounts[] = {1, 2, 3, 4, 5, 15, 16, 17, 33, 64, 100};

static long check(const Case &c) {
  const int64_t K = c.K, N = c.N;
  IntFormat lhsFormat = c.lhsSigned ? IntFormat::sint(8) : IntFormat::uint(8);
  IntFormat rhsFormat = c.rhsSigned ? IntFormat::sint(8) : IntFormat::uint(8);
  int64_t lo = lhsFormat.min(), hi = lhsFormat.max();
  bool perTensor = c.zaFn || c.zaZwFn;
  long bad = 0;
  for (int64_t M : kRowCounts) {
    QuantizedTensor A, W;
    harness::fillActivations(A, rng, lhsFormat, M, K);
    A.layout =
        perTensor ? Layout::perTensor({M, K}) : Layout::perChannel({M, K}, 0);
    for (int64_t m = 0; m < (perTensor ? 1 : M); ++m)
      A.scale.push_back(rng.uniform(0.001f, 0.05f));
    if (perTensor)
      A.zeroPoint.push_back(M % 4 == 0   ? lo
                            : M % 4 == 1 ? hi
                            : M % 4 == 2 ? (lo + hi + 1) / 2
                                         : rng.uniformInt(lo, hi));
    harness::fillInt4Weights(W, rng, rhsFormat, c.groupSize, K, N,
                             c.zwFn || c.zaZwFn);
    MatmulResult want = matmul(A, W, MatmulOptions());
    std::vector<int8_t> a(A.values.begin(), A.values.end());
    std::vector<int8_t> w(W.values.begin(), W.values.end());
    std::vector<float> got(M * N);
    if (c.rowFn) {
      c.rowFn(a.data(), M, w.data(), A.scale.data(), M, W.scale.data(),
              got.data());
    } else if (c.zaFn) {
      int8_t za = int8_t(A.zeroPoint[0]);
      c.zaFn(a.data(), M, w.data(), A.scale.data(), W.scale.data(), &za,
             got.data());
    } else if (c.zwFn) {
      std::vector<int8_t> zw(W.zeroPoint.begin(), W.zeroPoint.end());
      c.zwFn(a.data(), M, w.data(), A.scale.data(), M, W.scale.data(),
             zw.data(), got.data());
    } else {
      int8_t za = int8_t(A.zeroPoint[0]);
      std::vector<int8_t> zw(W.zeroPoint.begin(), W.zeroPoint.end());
      c.zaZwFn(a.data(), M, w.data(), A.scale.data(), W.scale.data(), &za,
               zw.data(), got.data());
    }
    for (int64_t i = 0; i < M * N; ++i)
      if (std::memcmp(&got[i], &want.values[i], 4) && bad++ < 3)
        std::printf("%s M=%lld [%lld]: got %a want %a\n", c.name,
                    (long long)M, (long long)i, got[i], want.values[i]);
  }
  return bad;
}

int main() {
  long total = 0;
  for (const Case &c : {
           Case{"s8_s8_g32_n256", true, true, 32, 256, 256, s8_s8_g32_n256},
           Case{"s8_s8_g128_n384", true, true, 128, 256, 384, s8_s8_g128_n384},
           Case{"u8za_s8_g64_n256", false, true, 64, 128, 256, nullptr,
                u8za_s8_g64_n256},
           Case{"s8_u8_g32_n128", true, false, 32, 96, 128, s8_u8_g32_n128},
           Case{"u8za_u8_g32_n128", false, false, 32, 64, 128, nullptr,
                u8za_u8_g32_n128},
           Case{"s8_s8_g32_n200", true, true, 32, 64, 200, s8_s8_g32_n200},
           Case{"s8_s8_g16_n128", true, true, 16, 64, 128, s8_s8_g16_n128},
           Case{"s8_s8zw_g32_n128", true, true, 32, 64, 128, nullptr, nullptr,
                s8_s8zw_g32_n128},
           Case{"u8_s8_g64_n256", false, true, 64, 128, 256, u8_s8_g64_n256},
           Case{"u8_u8_g32_n128", false, false, 32, 96, 128, u8_u8_g32_n128},
           Case{"u8za_u8zw_g32_n128", false, false, 32, 64, 128, nullptr,
                nullptr, nullptr, u8za_u8zw_g32_n128},
       }) {
    long bad = check(c);
    std::printf("%s: %zu row counts, %ld mismatches\n", c.name,
                std::size(kRowCounts), bad);
    total += bad;
  }
  return total != 0;
}
