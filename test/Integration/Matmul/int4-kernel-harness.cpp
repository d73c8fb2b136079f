//===- int4-kernel-harness.cpp - packed int4 W4A8 matmuls vs ref ----------===//
//
// Calls int4-kernel.mlir's functions on random activations and int4 weights
// (with the storage extremes in every row and column) and compares each f32
// result bit for bit with ref::matmul.
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"
#include <cstdio>
#include <cstring>
#include <iterator>
#include <tuple>
using namespace quanta::ref;

static harness::Random32 rng(29);

// (a, M, packed w, sa, M, sw, y), and with weight zero points (a, M,
// packed w, sa, M, sw, packed zw, y).
using Fn = void (*)(const int8_t *, int64_t, const uint8_t *, const float *,
                    int64_t, const float *, float *);
using ZpFn = void (*)(const int8_t *, int64_t, const uint8_t *, const float *,
                      int64_t, const float *, const uint8_t *, float *);

struct Case {
  const char *name;
  Fn fn;
  bool lhsSigned, rhsSigned;
  int64_t groupSize, K, N;
  ZpFn zpFn = nullptr;
};

// Row counts: the GEMV, the register and sums-buffer paths of the VNNI
// kernel, and with AMX one block of 32 rows with 15 rows of padding, a whole
// block and a row more, two blocks.
static const int64_t kRowCounts[] = {1, 2, 3, 4, 5, 7, 8, 9, 17, 33, 64};

static long check(const Case &c) {
  const int64_t K = c.K, N = c.N;
  IntFormat lhsFormat = c.lhsSigned ? IntFormat::sint(8) : IntFormat::uint(8);
  IntFormat rhsFormat = c.rhsSigned ? IntFormat::sint(4) : IntFormat::uint(4);
  long bad = 0;
  for (int64_t M : kRowCounts) {
    QuantizedTensor A, W;
    harness::fillActivations(A, rng, lhsFormat, M, K);
    A.layout = Layout::perChannel({M, K}, 0);
    for (int64_t m = 0; m < M; ++m)
      A.scale.push_back(rng.uniform(0.001f, 0.05f));
    harness::fillInt4Weights(W, rng, rhsFormat, c.groupSize, K, N,
                             c.zpFn != nullptr);
    MatmulResult want = matmul(A, W, MatmulOptions());
    std::vector<int8_t> a(A.values.begin(), A.values.end());
    std::vector<uint8_t> packed = packInt4(W.values);
    std::vector<float> got(M * N);
    if (c.zpFn)
      c.zpFn(a.data(), M, packed.data(), A.scale.data(), M, W.scale.data(),
             packInt4(W.zeroPoint).data(), got.data());
    else
      c.fn(a.data(), M, packed.data(), A.scale.data(), M, W.scale.data(),
           got.data());
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
           Case{"s8_s4_g32_n256", s8_s4_g32_n256, true, true, 32, 256, 256},
           Case{"s8_s4_g128_n4096", s8_s4_g128_n4096, true, true, 128, 256, 4096},
           Case{"u8_s4_g64_n384", u8_s4_g64_n384, false, true, 64, 128, 384},
           Case{"s8_u4_g32_n256", s8_u4_g32_n256, true, false, 32, 64, 256},
           Case{"u8_u4_g32_n128", u8_u4_g32_n128, false, false, 32, 96, 128},
           Case{"s8_s4_g32_n200", s8_s4_g32_n200, true, true, 32, 64, 200},
           Case{"s8_u4zp_g32_n256", nullptr, true, false, 32, 128, 256,
                s8_u4zp_g32_n256},
           Case{"u8_s4zp_g64_n384", nullptr, false, true, 64, 128, 384,
                u8_s4zp_g64_n384},
           // Per channel: one group of all K rows.
           Case{"s8_s4pc_k4096_n640", s8_s4pc_k4096_n640, true, true, 4096,
                4096, 640},
       }) {
    long bad = check(c);
    std::printf("%s: %zu row counts, %ld mismatches\n", c.name,
                std::size(kRowCounts), bad);
    total += bad;
  }
  return total != 0;
}
