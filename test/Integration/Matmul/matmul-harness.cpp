//===- matmul-harness.cpp - quanta.matmul vs ref::matmul ------------------===//
//
// Calls the functions of matmul.mlir on random operands with several row
// counts and compares every result bit for bit with the reference.
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"
#include <cstdio>
#include <cstring>
#include <iterator>
using namespace quanta::ref;
static harness::Random32 rng(7);
static int irand(int lo, int hi) { return rng.uniformInt(lo, hi); }
static float frand(float lo, float hi) { return rng.uniform(lo, hi); }
static int bad = 0;
static int counts[8];
static int cmpF(const char *n, const float *got, const std::vector<float> &want) {
  int mismatches = 0;
  for (size_t i = 0; i < want.size(); ++i)
    if (memcmp(&got[i], &want[i], 4) && mismatches++ < 4)
      printf("%s %zu got %a want %a\n", n, i, got[i], want[i]);
  bad += mismatches;
  return mismatches;
}
int main() {
  // Row counts: 1, 4 and 6 rows take the u8 x s8 kernel's few-rows path
  // (its C has one row more, B's column sums, computed where B is streamed
  // or packed), 7 the blocks path with a leftover row, 12 whole 6-row
  // blocks only, 13 and 17 a leftover block of 1 and 5 rows too.
  const int64_t rowCounts[7] = {1, 4, 6, 7, 12, 13, 17};
  for (int t = 0; t < 7; ++t) {
    int64_t M = rowCounts[t];
    { // w8a8
      QuantizedTensor A, W; A.intFormat = IntFormat::uint(8); A.layout = Layout::perTensor({M, 64}); A.scale = {0.02f}; A.zeroPoint = {irand(0, 255)};
      W.intFormat = IntFormat::sint(8); W.layout = Layout::perChannel({64, 48}, 1);
      for (int i = 0; i < M * 64; ++i) A.values.push_back(irand(0, 255));
      for (int i = 0; i < 64 * 48; ++i) W.values.push_back(irand(-128, 127));
      for (int i = 0; i < 48; ++i) W.scale.push_back(frand(0.001f, 0.01f));
      MatmulOptions o; for (int i = 0; i < 48; ++i) o.bias.push_back(frand(-1, 1)); o.requantize = true; o.outScale = 0.05f; o.outZeroPoint = irand(-20, 20);
      MatmulResult r = matmul(A, W, o);
      std::vector<int8_t> a8(A.values.begin(), A.values.end()), w8(W.values.begin(), W.values.end()), out(M * 48);
      int8_t za = int8_t(A.zeroPoint[0]), zo = int8_t(o.outZeroPoint);
      w8a8(a8.data(), M, 64, w8.data(), 64, &A.scale[0], &za, W.scale.data(), o.bias.data(), &o.outScale, &zo, out.data());
      for (size_t i = 0; i < out.size(); ++i)
        if (out[i] != r.quantized[i] && counts[0]++ < 4)
          printf("w8a8 %zu got %d want %d\n", i, out[i], r.quantized[i]);
    }
    { // w8a8_batch: 2 batches, K = 64 (the VNNI kernel, one per batch).
      QuantizedTensor A, W; A.intFormat = IntFormat::uint(8); A.layout = Layout::perChannel({2, M, 64}, 1);
      W.intFormat = IntFormat::sint(8); W.layout = Layout::perChannel({2, 64, 48}, 2);
      for (int i = 0; i < 2 * M * 64; ++i) A.values.push_back(irand(0, 255));
      for (int i = 0; i < M; ++i) { A.scale.push_back(frand(0.01f, 0.03f)); A.zeroPoint.push_back(i % 3 ? irand(0, 255) : 255); }
      for (int i = 0; i < 2 * 64 * 48; ++i) W.values.push_back(irand(-128, 127));
      for (int i = 0; i < 48; ++i) W.scale.push_back(frand(0.001f, 0.01f));
      MatmulOptions o; for (int i = 0; i < 48; ++i) o.bias.push_back(frand(-1, 1)); o.requantize = true; o.outScale = 0.05f; o.outZeroPoint = irand(-20, 20);
      MatmulResult r = matmul(A, W, o);
      std::vector<int8_t> a8(A.values.begin(), A.values.end()), w8(W.values.begin(), W.values.end()), out(2 * M * 48);
      std::vector<int8_t> za(A.zeroPoint.begin(), A.zeroPoint.end());
      int8_t zo = int8_t(o.outZeroPoint);
      w8a8_batch(a8.data(), M, 64, w8.data(), 64, A.scale.data(), M, za.data(), M, W.scale.data(), o.bias.data(), &o.outScale, &zo, out.data());
      for (size_t i = 0; i < out.size(); ++i)
        if (out[i] != r.quantized[i] && counts[5]++ < 4)
          printf("w8a8_batch %zu got %d want %d\n", i, out[i], r.quantized[i]);
    }
    // w4a8, and w4a8_batch: 2 batches, each with its own per-group
    // parameters (the same entry point signature).
    for (int64_t B : {0, 2}) {
      int64_t batches = B ? B : 1;
      auto shape = [&](int64_t rows, int64_t cols) {
        return B ? std::vector<int64_t>{B, rows, cols}
                 : std::vector<int64_t>{rows, cols};
      };
      int64_t rowAxis = B ? 1 : 0;
      QuantizedTensor A, W; A.intFormat = IntFormat::sint(8); A.layout = Layout::perChannel(shape(M, 128), rowAxis);
      W.intFormat = IntFormat::uint(4); W.layout = Layout::perGroup(shape(128, 24), rowAxis, 32);
      for (int i = 0; i < batches * M * 128; ++i) A.values.push_back(irand(-128, 127));
      for (int i = 0; i < M; ++i) A.scale.push_back(frand(0.001f, 0.1f));
      for (int i = 0; i < batches * 128 * 24; ++i) W.values.push_back(irand(0, 15));
      for (int i = 0; i < batches * 4 * 24; ++i) { W.scale.push_back(frand(0.001f, 0.1f)); W.zeroPoint.push_back(irand(0, 15)); }
      MatmulResult r = matmul(A, W);
      std::vector<int8_t> a8(A.values.begin(), A.values.end()); std::vector<float> out(batches * M * 24);
      auto wp = packInt4(W.values), zp = packInt4(W.zeroPoint);
      (B ? w4a8_batch : w4a8)(a8.data(), M, wp.data(), A.scale.data(), M, W.scale.data(), zp.data(), out.data());
      counts[B ? 6 : 1] += cmpF(B ? "w4a8_batch" : "w4a8", out.data(), r.values);
    }
    { // f32_bmm: 3 batches, k-order sums of mulf products.
      std::vector<float> a(3 * M * 40), b(3 * 40 * 48), out(3 * M * 48), want;
      for (float &x : a) x = frand(-2, 2);
      for (float &x : b) x = frand(-2, 2);
      for (int64_t i = 0; i < 3; ++i)
        for (int64_t m = 0; m < M; ++m)
          for (int64_t n = 0; n < 48; ++n) {
            float sum = 0.0f;
            for (int64_t k = 0; k < 40; ++k) {
              float product = a[(i * M + m) * 40 + k] * b[(i * 40 + k) * 48 + n];
              sum += product;
            }
            want.push_back(sum);
          }
      f32_bmm(a.data(), M, b.data(), out.data());
      counts[7] += cmpF("f32_bmm", out.data(), want);
    }
    { // w4a32
      QuantizedTensor A, W; A.isFloat = true; A.floatFormat = FloatFormat::f32(); A.layout = Layout::perTensor({M, 64}); A.scale = {1.0f};
      W.intFormat = IntFormat::sint(4); W.layout = Layout::perGroup({64, 16}, 0, 32);
      std::vector<float> af;
      for (int i = 0; i < M * 64; ++i) { float v = frand(-2, 2); af.push_back(v); A.values.push_back(int32_t(floatBits(v))); }
      for (int i = 0; i < 64 * 16; ++i) W.values.push_back(irand(-8, 7));
      for (int i = 0; i < 2 * 16; ++i) W.scale.push_back(frand(0.01f, 0.1f));
      MatmulResult r = matmul(A, W, MatmulOptions{MatmulAccumulation::Float32});
      auto wp = packInt4(W.values); std::vector<float> out(M * 16);
      w4a32(af.data(), M, wp.data(), W.scale.data(), out.data());
      counts[2] += cmpF("w4a32", out.data(), r.values);
    }
    { // fp8 batched
      QuantizedTensor A, W; A.isFloat = true; A.floatFormat = FloatFormat::f8E4M3FN(); A.layout = Layout::perTensor({2, M, 32}); A.scale = {0.5f};
      W.isFloat = true; W.floatFormat = FloatFormat::f8E5M2(); W.layout = Layout::perTensor({2, 32, 16}); W.scale = {0.25f};
      std::vector<uint8_t> a8, w8;
      for (int i = 0; i < 2 * M * 32; ++i) { int c = irand(0, 255); if ((c & 0x7f) == 0x7f) c = 1; A.values.push_back(c); a8.push_back(c); }
      for (int i = 0; i < 2 * 32 * 16; ++i) { int c = irand(0, 255); if ((c & 0x7c) == 0x7c) c = 2; W.values.push_back(c); w8.push_back(c); }
      MatmulResult r = matmul(A, W, MatmulOptions{MatmulAccumulation::Float32});
      std::vector<float> out(2 * M * 16);
      fp8(a8.data(), M, w8.data(), &A.scale[0], &W.scale[0], out.data());
      counts[3] += cmpF("fp8", out.data(), r.values);
    }
  }
  // s8 x u8, shapes for the VNNI kernel, the AMX blocks (with leftover
  // rows and panels; 20, 50 and 530 rows end in a block of 16 to 31 rows,
  // an AMX block of its own from a padded copy of A's rows) and the
  // fallback loops.
  const int64_t shapes[10][3] = {{7, 64, 48},   {13, 6, 20},   {1, 128, 64},
                                 {6, 20, 16},   {12, 8, 17},   {70, 128, 80},
                                 {32, 256, 64}, {530, 64, 64}, {20, 128, 64},
                                 {50, 256, 80}};
  for (const auto &shape : shapes) {
    int64_t M = shape[0], K = shape[1], N = shape[2];
    QuantizedTensor A, W;
    A.intFormat = IntFormat::sint(8);
    A.layout = Layout::perChannel({M, K}, 0);
    W.intFormat = IntFormat::uint(8);
    W.layout = Layout::perTensor({K, N});
    for (int i = 0; i < M * K; ++i) A.values.push_back(irand(-128, 127));
    for (int i = 0; i < M; ++i) {
      A.scale.push_back(frand(0.001f, 0.1f));
      A.zeroPoint.push_back(irand(-128, 127));
    }
    for (int i = 0; i < K * N; ++i) W.values.push_back(irand(0, 255));
    W.scale = {frand(0.001f, 0.1f)};
    W.zeroPoint = {irand(0, 255)};
    MatmulResult r = matmul(A, W);
    std::vector<int8_t> a8(A.values.begin(), A.values.end()), za8(A.zeroPoint.begin(), A.zeroPoint.end());
    std::vector<int8_t> w8(W.values.begin(), W.values.end());
    int8_t zw = int8_t(W.zeroPoint[0]);
    std::vector<float> out(M * N);
    s8u8(a8.data(), M, K, w8.data(), K, N, A.scale.data(), M, za8.data(), M, &W.scale[0], &zw, out.data());
    counts[4] += cmpF("s8u8", out.data(), r.values);
  }
  const char *names[] = {"w8a8",       "w4a8",       "w4a32",
                         "fp8",        "s8u8",       "w8a8_batch",
                         "w4a8_batch", "f32_bmm"};
  // The row counts above, the s8 x u8 shapes for s8u8.
  const int trials[] = {7, 7, 7, 7, int(std::size(shapes)), 7, 7, 7};
  for (int i = 0; i < 8; ++i)
    printf("%s: %d trials, %d mismatches\n", names[i], trials[i], counts[i]);
  return bad + counts[0] + counts[4] + counts[5] != 0;
}
