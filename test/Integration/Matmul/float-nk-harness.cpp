//===- float-nk-harness.cpp - Float matmuls with weights given N x K ------===//
//
// Calls bf16_nk and f32_nk (float-nk.mlir: linalg.matmul of A and the
// transpose of an N x K matrix, a Linear layer's [out, in] weights) on random
// operands and compares every f32 result bit for bit with a reference that
// adds the exact products in the order the compiled code must use, the order
// of the same matmul with the weights given K x N: for bf16 "pairs"
// (vdpbf16ps: k + 1 then k, for K even and N a multiple of 16) or
// "sequential" (k order), for f32 always k order with a separate multiply
// and add. The f32 operands include ±0, ±inf, NaN and subnormals (NaNs match
// NaNs); the bf16 ones keep products and sums normal (vdpbf16ps flushes
// subnormals).
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"
#include <cstdio>
#include <cstring>

static harness::Random32 rng(23);

/// A random bf16 with magnitude in [2^-10, 4) or zero.
static uint16_t randomBF16() {
  if (rng.uniformInt(0, 15) == 0)
    return rng.uniformInt(0, 1) ? 0x8000 : 0;
  float magnitude = std::exp2(rng.uniform(-10.0f, 2.0f));
  uint32_t bits =
      quanta::ref::floatBits(rng.uniformInt(0, 1) ? -magnitude : magnitude);
  return uint16_t(bits >> 16);
}

/// A random f32 in [-2, 2), one in 64 a special value.
static float randomF32() {
  const float specials[] = {0.0f,     -0.0f, INFINITY, -INFINITY,
                            NAN,      1e-40f, -3e-39f, 3.0e38f};
  if (rng.uniformInt(0, 63) == 0)
    return specials[rng.uniformInt(0, 7)];
  return rng.uniform(-2.0f, 2.0f);
}

static float bf16ToFloat(uint16_t h) {
  return quanta::ref::bitsToFloat(uint32_t(h) << 16);
}

/// want[m, n] from the products a[m, k] * wt[n, k], in pairs or k order.
static std::vector<float> reference(const std::vector<float> &a,
                                    const std::vector<float> &wt, int64_t M,
                                    int64_t K, int64_t N, bool pairs) {
  std::vector<float> want(M * N);
  for (int64_t m = 0; m < M; ++m)
    for (int64_t n = 0; n < N; ++n) {
      auto product = [&](int64_t k) { return a[m * K + k] * wt[n * K + k]; };
      float sum = 0.0f;
      if (pairs) {
        for (int64_t k = 0; k < K; k += 2) {
          sum += product(k + 1);
          sum += product(k);
        }
      } else {
        for (int64_t k = 0; k < K; ++k)
          sum += product(k);
      }
      want[m * N + n] = sum;
    }
  return want;
}

int main(int argc, char **argv) {
  bool pairs = argc > 1 && std::strcmp(argv[1], "pairs") == 0;
  // Few rows (streamed) and more (packed); K with and without a tail of K
  // steps past the last whole block of the transposes (16 words: 32 bf16
  // or 16 f32 on AVX-512), K odd and N not a multiple of the lanes (the
  // loops).
  const int64_t shapes[][3] = {
      {1, 64, 32},   {3, 130, 48}, {7, 2, 16},    {8, 64, 64},
      {13, 256, 80}, {6, 33, 32},  {5, 64, 20},   {64, 512, 128},
      {9, 1, 16},    {1, 4096, 64}, {70, 96, 80}, {2, 18, 16},
      {17, 50, 32},  {1, 1000, 48}, {24, 8, 96},  {4, 100, 8}};
  long bf16Mismatches = 0, f32Mismatches = 0;
  for (auto &shape : shapes) {
    int64_t M = shape[0], K = shape[1], N = shape[2];
    std::vector<uint16_t> a(M * K), wt(N * K);
    for (auto &x : a)
      x = randomBF16();
    for (auto &x : wt)
      x = randomBF16();
    std::vector<float> af, wtf;
    for (uint16_t x : a)
      af.push_back(bf16ToFloat(x));
    for (uint16_t x : wt)
      wtf.push_back(bf16ToFloat(x));
    std::vector<float> got(M * N);
    bf16_nk(a.data(), M, K, wt.data(), N, K, got.data());
    bool kernel = pairs && K % 2 == 0 && N % 16 == 0;
    bf16Mismatches += harness::countF32Mismatches(
        "bf16_nk", M, got, reference(af, wtf, M, K, N, kernel));

    std::vector<float> x(M * K), w(N * K);
    for (auto &v : x)
      v = randomF32();
    for (auto &v : w)
      v = randomF32();
    f32_nk(x.data(), M, K, w.data(), N, K, got.data());
    f32Mismatches += harness::countF32Mismatches(
        "f32_nk", M, got, reference(x, w, M, K, N, /*pairs=*/false));
  }
  size_t count = sizeof(shapes) / sizeof(shapes[0]);
  std::printf("bf16_nk: %zu shapes, %ld mismatches\n", count, bf16Mismatches);
  std::printf("f32_nk: %zu shapes, %ld mismatches\n", count, f32Mismatches);
  return bf16Mismatches + f32Mismatches != 0;
}
