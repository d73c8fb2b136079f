//===- matmul-requantize-harness.cpp - Matmul + requantize vs ref ---------===//
//
// Calls matmul-requantize.mlir's functions on random u8 x s8 operands (some
// rows and columns at the storage extremes) with per-column multipliers and
// compares every i8 result with ref::matmulInteger followed by the
// reference requantization of the same mode.
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"

#include <cstdio>

using namespace quanta::ref;

static harness::Random32 rng(23);
static harness::Groups groups;

int main() {
  // (M, K, N): GEMV with K / 4 odd, register blocks, leftover rows, the
  // loops (N % 16 != 0), a larger GEMM, and on AMX hosts 50 rows (a block
  // of 32 and one of 18 from a padded copy of A's rows).
  const int64_t shapes[6][3] = {{1, 4100, 64}, {7, 64, 80},   {13, 100, 48},
                                {3, 64, 20},   {40, 256, 96}, {50, 128, 96}};
  for (const auto &shape : shapes) {
    const int64_t M = shape[0], K = shape[1], N = shape[2];
    IntegerMatmulOperand a, b;
    a.shape = {M, K};
    a.format = IntFormat::uint(8);
    b.shape = {K, N};
    for (int64_t i = 0; i < M * K; ++i)
      a.values.push_back(i / K == 1 ? 255 : rng.uniformInt(0, 255));
    for (int64_t i = 0; i < K * N; ++i)
      b.values.push_back(i % N == 2 ? -128 : rng.uniformInt(-128, 127));
    a.zeroPoint = {rng.uniformInt(0, 255)};
    MatmulIntegerResult acc = matmulInteger(a, b);
    std::vector<int8_t> a8(a.values.begin(), a.values.end());
    std::vector<int8_t> b8(b.values.begin(), b.values.end());
    int8_t za = int8_t(a.zeroPoint[0]);
    int8_t zo = int8_t(rng.uniformInt(-20, 20));
    // Per-column real scales (about sa * sb / so) and their fixed-point
    // forms: shifts around 40, inside TOSA's [2, 62].
    std::vector<float> real;
    std::vector<int32_t> m;
    std::vector<int8_t> s;
    std::vector<FixedPointMultiplier> fixed;
    for (int64_t n = 0; n < N; ++n) {
      real.push_back(rng.uniform(1e-5f, 4e-4f));
      fixed.push_back(quantizeMultiplier(real.back()));
      m.push_back(fixed.back().multiplier);
      s.push_back(int8_t(fixed.back().shift));
    }
    using Fn =
        void (*)(const int8_t *, int64_t, int64_t, const int8_t *, int64_t,
                 int64_t, const int8_t *, const int32_t *, int64_t,
                 const int8_t *, int64_t, const int8_t *, int8_t *);
    struct Mode {
      const char *name;
      Fn fn;
      RequantMode mode;
    };
    std::vector<int8_t> got(M * N);
    for (const Mode &mode :
         {Mode{"rq_single", rq_single, RequantMode::SingleRound},
          Mode{"rq_double", rq_double, RequantMode::DoubleRound},
          Mode{"rq_gemmlowp", rq_gemmlowp, RequantMode::Gemmlowp}}) {
      mode.fn(a8.data(), M, K, b8.data(), K, N, &za, m.data(), N, s.data(), N,
              &zo, got.data());
      std::vector<int32_t> want;
      for (int64_t i = 0; i < M * N; ++i)
        want.push_back(requantizeFixedPoint(acc.values[i], 0, fixed[i % N], zo,
                                            IntFormat::sint(8), mode.mode));
      harness::checkIntegers(groups, mode.name, got, want);
    }
    rq_float(a8.data(), M, K, b8.data(), K, N, &za, real.data(), N, &zo,
             got.data());
    std::vector<int32_t> want;
    for (int64_t i = 0; i < M * N; ++i)
      want.push_back(requantizeFloat(acc.values[i], 0, real[i % N], zo,
                                     IntFormat::sint(8)));
    harness::checkIntegers(groups, "rq_float", got, want);
  }
  return harness::printVerdict(harness::printGroups(groups));
}
