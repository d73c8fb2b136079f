//===- const-weights-harness.cpp - matmuls with constant weights ----------===//
//
// Calls the functions gen-const-weights.py writes (weights as constants in
// the IR, packed at compile time) on random activations, with row counts
// from 1 (GEMV) to 13 (full and leftover row blocks), and compares every
// result bit for bit: W8A8 with ref::matmul, bf16 with vdpbf16ps's
// summation order (k + 1, then k).
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"
#include <cstdio>
#include <cstring>
using namespace quanta::ref;

static harness::Random32 rng(5);

static int weightI8(int k, int n) {
  return (k * 31 + n * 17 + (k * n) % 7) % 256 - 128;
}
static float weightBF16(int k, int n) {
  float v = (1 + ((k + 2 * n) % 8) / 8.0f) * std::ldexp(1.0f, (k * 3 + n) % 6 - 3);
  return (k + n) % 3 == 0 ? -v : v;
}
static uint16_t toBF16(float f) { return uint16_t(floatBits(f) >> 16); }
static float fromBF16(uint16_t h) { return bitsToFloat(uint32_t(h) << 16); }

using W8A8Fn = void (*)(const int8_t *, int64_t, const float *, const int8_t *,
                        const float *, float *);

static long checkW8A8(W8A8Fn fn, int K, int N, int M) {
  QuantizedTensor A, W;
  A.intFormat = IntFormat::uint(8);
  A.layout = Layout::perTensor({M, K});
  A.scale = {0.02f};
  A.zeroPoint = {rng.uniformInt(0, 255)};
  W.intFormat = IntFormat::sint(8);
  W.layout = Layout::perChannel({K, N}, 1);
  for (int i = 0; i < M * K; ++i)
    A.values.push_back(rng.uniformInt(0, 255));
  for (int k = 0; k < K; ++k)
    for (int n = 0; n < N; ++n)
      W.values.push_back(weightI8(k, n));
  for (int n = 0; n < N; ++n)
    W.scale.push_back(rng.uniform(0.001f, 0.01f));
  MatmulResult want = matmul(A, W);
  std::vector<int8_t> a(A.values.begin(), A.values.end());
  int8_t za = int8_t(A.zeroPoint[0]);
  std::vector<float> got(M * N);
  fn(a.data(), M, &A.scale[0], &za, W.scale.data(), got.data());
  long bad = 0;
  for (int i = 0; i < M * N; ++i)
    if (std::memcmp(&got[i], &want.values[i], 4) && bad++ < 3)
      std::printf("w8a8 %dx%d M=%d [%d]: got %a want %a\n", K, N, M, i,
                  got[i], want.values[i]);
  return bad;
}

static long checkBF16(int M) {
  const int K = 64, N = 48;
  std::vector<uint16_t> a(M * K);
  for (auto &x : a)
    x = toBF16(rng.uniform(-2.0f, 2.0f));
  std::vector<float> got(M * N);
  bf16_const(a.data(), M, got.data());
  long bad = 0;
  for (int m = 0; m < M; ++m)
    for (int n = 0; n < N; ++n) {
      float want = 0;
      for (int k = 0; k < K; k += 2) {
        want += fromBF16(a[m * K + k + 1]) * fromBF16(toBF16(weightBF16(k + 1, n)));
        want += fromBF16(a[m * K + k]) * fromBF16(toBF16(weightBF16(k, n)));
      }
      if (std::memcmp(&got[m * N + n], &want, 4) && bad++ < 3)
        std::printf("bf16 M=%d [%d, %d]: got %a want %a\n", M, m, n,
                    got[m * N + n], want);
    }
  return bad;
}

int main() {
  long w8a8 = 0, bf16 = 0;
  for (int M : {1, 2, 5, 6, 7, 8, 13}) {
    w8a8 += checkW8A8(w8a8_const_64x48, 64, 48, M);
    w8a8 += checkW8A8(w8a8_const_128x256, 128, 256, M);
    bf16 += checkBF16(M);
  }
  std::printf("w8a8 constant weights: %ld mismatches\n", w8a8);
  std::printf("bf16 constant weights: %ld mismatches\n", bf16);
  return w8a8 || bf16;
}
