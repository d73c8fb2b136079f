//===- bf16-harness.cpp - bf16 linalg.matmul vs its summation order -------===//
//
// Calls bf16_gemm (bf16.mlir) on random operands and compares every f32
// result bit for bit with a reference that adds the exact products in the
// order the compiled code must use: "pairs" (vdpbf16ps: k + 1 then k, for
// K even and N a multiple of 16) or "sequential" (k order).
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"
#include <cstdio>
#include <cstring>

static harness::Random32 rng(11);

/// A random bf16 with magnitude in [2^-10, 4) or zero: products and partial
/// sums stay normal.
static uint16_t randomBF16() {
  if (rng.uniformInt(0, 15) == 0)
    return rng.uniformInt(0, 1) ? 0x8000 : 0;
  float v = rng.uniform(-10.0f, 2.0f);
  float magnitude = std::exp2(v);
  uint32_t bits = quanta::ref::floatBits(rng.uniformInt(0, 1) ? -magnitude : magnitude);
  return uint16_t(bits >> 16); // truncation: any bf16 will do
}

static float toFloat(uint16_t h) {
  return quanta::ref::bitsToFloat(uint32_t(h) << 16);
}

int main(int argc, char **argv) {
  bool pairs = argc > 1 && std::strcmp(argv[1], "pairs") == 0;
  const int64_t shapes[][3] = {{1, 64, 32},  {3, 130, 48}, {7, 2, 16},
                               {8, 64, 64},  {13, 256, 80}, {6, 33, 32},
                               {5, 64, 20},  {64, 512, 128}, {9, 1, 16},
                               {1, 4096, 64}};
  long mismatches = 0;
  for (auto &shape : shapes) {
    int64_t M = shape[0], K = shape[1], N = shape[2];
    std::vector<uint16_t> a(M * K), b(K * N);
    for (auto &x : a)
      x = randomBF16();
    for (auto &x : b)
      x = randomBF16();
    std::vector<float> got(M * N);
    bf16_gemm(a.data(), M, K, b.data(), K, N, got.data());
    bool kernel = pairs && K % 2 == 0 && N % 16 == 0;
    for (int64_t m = 0; m < M; ++m) {
      for (int64_t n = 0; n < N; ++n) {
        auto product = [&](int64_t k) {
          return toFloat(a[m * K + k]) * toFloat(b[k * N + n]); // exact
        };
        float want = 0.0f;
        if (kernel) {
          for (int64_t k = 0; k < K; k += 2) {
            want += product(k + 1);
            want += product(k);
          }
        } else {
          for (int64_t k = 0; k < K; ++k)
            want += product(k);
        }
        float value = got[m * N + n];
        if (std::memcmp(&value, &want, 4) && mismatches++ < 5)
          std::printf("M=%lld K=%lld N=%lld [%lld, %lld]: got %a want %a\n",
                      (long long)M, (long long)K, (long long)N, (long long)m,
                      (long long)n, value, want);
      }
    }
  }
  std::printf("bf16_gemm: %zu shapes, %ld mismatches\n",
              sizeof(shapes) / sizeof(shapes[0]), mismatches);
  return mismatches != 0;
}
