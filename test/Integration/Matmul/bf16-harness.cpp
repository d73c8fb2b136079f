//===- bf16-harness.cpp - bf16 linalg.matmul vs its summation order -------===//
//
// Calls bf16_gemm and bf16_bmm (bf16.mlir) on random operands and compares
// every f32 result bit for bit with a reference that adds the exact products
// in the order the compiled code must use: "pairs" (vdpbf16ps: k + 1 then k,
// for K even and N a multiple of 16) or "sequential" (k order). "amx" is
// "pairs" except in the AMX kernel's blocks (whole blocks of 32 rows and of
// 64 columns, K a multiple of 32), whose `tdpbf16ps` sums in an order Intel
// does not specify: there each result must lie within (K + 1) * 2^-24 *
// sum_k |a_k b_k| of the exact sum, the bound of any summation order.
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

/// Runs bf16_gemm (B = 0) or bf16_bmm (B batches) on one random shape and
/// counts the results that differ from the expected summation order.
static long check(int64_t B, int64_t M, int64_t K, int64_t N, bool pairs,
                  bool amx) {
  int64_t batches = B ? B : 1;
  std::vector<uint16_t> a(batches * M * K), b(batches * K * N);
  for (auto &x : a)
    x = randomBF16();
  for (auto &x : b)
    x = randomBF16();
  std::vector<float> got(batches * M * N);
  if (B)
    bf16_bmm(a.data(), B, M, K, b.data(), B, K, N, got.data());
  else
    bf16_gemm(a.data(), M, K, b.data(), K, N, got.data());
  bool kernel = pairs && K % 2 == 0 && N % 16 == 0;
  long mismatches = 0;
  for (int64_t i = 0; i < batches; ++i)
    for (int64_t m = 0; m < M; ++m)
      for (int64_t n = 0; n < N; ++n) {
        auto product = [&](int64_t k) {
          return toFloat(a[(i * M + m) * K + k]) *
                 toFloat(b[(i * K + k) * N + n]); // exact
        };
        if (kernel && amx && K % 32 == 0 && m < M / 32 * 32 &&
            n < N / 64 * 64) {
          double exact = 0, magnitude = 0;
          for (int64_t k = 0; k < K; ++k) {
            exact += double(product(k)); // error far below the bound
            magnitude += std::fabs(double(product(k)));
          }
          double bound = double(K + 1) * std::ldexp(1.0, -24) * magnitude;
          float value = got[(i * M + m) * N + n];
          if (!(std::fabs(double(value) - exact) <= bound) &&
              mismatches++ < 5)
            std::printf("B=%lld M=%lld K=%lld N=%lld [%lld, %lld, %lld]: got "
                        "%a, exact %a, bound %a\n",
                        (long long)B, (long long)M, (long long)K, (long long)N,
                        (long long)i, (long long)m, (long long)n, value, exact,
                        bound);
          continue;
        }
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
        float value = got[(i * M + m) * N + n];
        if (std::memcmp(&value, &want, 4) && mismatches++ < 5)
          std::printf("B=%lld M=%lld K=%lld N=%lld [%lld, %lld, %lld]: got %a "
                      "want %a\n",
                      (long long)B, (long long)M, (long long)K, (long long)N,
                      (long long)i, (long long)m, (long long)n, value, want);
      }
  return mismatches;
}

int main(int argc, char **argv) {
  bool amx = argc > 1 && std::strcmp(argv[1], "amx") == 0;
  bool pairs = amx || (argc > 1 && std::strcmp(argv[1], "pairs") == 0);
  const int64_t shapes[][3] = {{1, 64, 32},  {3, 130, 48}, {7, 2, 16},
                               {8, 64, 64},  {13, 256, 80}, {6, 33, 32},
                               {5, 64, 20},  {64, 512, 128}, {9, 1, 16},
                               {1, 4096, 64}, {70, 96, 80}, {520, 64, 64}};
  long mismatches = 0;
  for (auto &shape : shapes)
    mismatches += check(0, shape[0], shape[1], shape[2], pairs, amx);
  std::printf("bf16_gemm: %zu shapes, %ld mismatches\n",
              sizeof(shapes) / sizeof(shapes[0]), mismatches);
  // With AMX, 520 rows x B of 2.1 MiB packed: the AMX blocks take B's
  // panels in ranges of 1 MiB (32 panels of K = 1024), the last one short.
  if (amx) {
    long rangeMismatches = check(0, 520, 1024, 1088, pairs, amx);
    std::printf("bf16_gemm panel ranges: %ld mismatches\n", rangeMismatches);
    mismatches += rangeMismatches;
  }
  // Batched: the kernel per batch (streaming, packed, fallback).
  const int64_t batchedShapes[][4] = {
      {3, 1, 64, 32}, {2, 13, 256, 80}, {4, 9, 33, 32}, {1, 8, 64, 64},
      {2, 33, 64, 64}};
  long batchedMismatches = 0;
  for (auto &shape : batchedShapes)
    batchedMismatches += check(shape[0], shape[1], shape[2], shape[3], pairs, amx);
  std::printf("bf16_bmm: %zu shapes, %ld mismatches\n",
              sizeof(batchedShapes) / sizeof(batchedShapes[0]),
              batchedMismatches);
  return mismatches + batchedMismatches != 0;
}
