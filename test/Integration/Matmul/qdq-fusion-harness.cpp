//===- qdq-fusion-harness.cpp - fused QDQ matmuls vs ref::matmul ----------===//
//
// Calls the functions of qdq-fusion.mlir on random operands with several row
// counts: the QDQ graph fused by quanta-compile's pipeline (`*_qdq`), the
// quanta.matmul written directly (`*_direct`) and the unfused float graph
// (`*_unfused`) must agree bit for bit, and with ref::matmul (f32
// accumulation).
//
//===----------------------------------------------------------------------===//

#include "quanta/Reference/Numerics.h"
#include <cstdio>
#include <cstring>
#include <random>
using namespace quanta::ref;
static std::mt19937 rng(11);
static int irand(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
static float frand(float lo, float hi) { return std::uniform_real_distribution<float>(lo, hi)(rng); }

/// Counts the elements of `got` whose bytes differ from `want`'s, printing a few.
template <typename T>
static int compare(const char *what, const std::vector<T> &got, const std::vector<T> &want) {
  int mismatches = 0;
  for (size_t i = 0; i < want.size(); ++i)
    if (memcmp(&got[i], &want[i], sizeof(T)) && mismatches++ < 4)
      printf("%s %zu got %a want %a\n", what, i, double(got[i]), double(want[i]));
  return mismatches;
}

int main() {
  int same[3] = {0, 0, 0}, ref[3] = {0, 0, 0};
  for (int t = 0; t < 5; ++t) {
    int64_t M = 1 + t * 3;
    { // W8A8: ui8 x i8 per column, bias, requantized to ui8.
      QuantizedTensor A, W;
      A.intFormat = IntFormat::uint(8); A.layout = Layout::perTensor({M, 64});
      A.scale = {frand(0.005f, 0.05f)}; A.zeroPoint = {irand(0, 255)};
      W.intFormat = IntFormat::sint(8); W.layout = Layout::perChannel({64, 32}, 1);
      for (int i = 0; i < M * 64; ++i) A.values.push_back(irand(0, 255));
      for (int i = 0; i < 64 * 32; ++i) W.values.push_back(irand(-128, 127));
      for (int i = 0; i < 32; ++i) W.scale.push_back(frand(0.001f, 0.02f));
      MatmulOptions o{MatmulAccumulation::Float32};
      for (int i = 0; i < 32; ++i) o.bias.push_back(frand(-1, 1));
      o.requantize = true; o.outScale = frand(0.05f, 0.2f); o.outZeroPoint = irand(0, 255);
      o.outFormat = IntFormat::uint(8);
      MatmulResult r = matmul(A, W, o);
      std::vector<int8_t> a(A.values.begin(), A.values.end()), w(W.values.begin(), W.values.end());
      int8_t za = int8_t(A.zeroPoint[0]), zo = int8_t(o.outZeroPoint);
      std::vector<int8_t> qdq(M * 32), direct(M * 32), unfused(M * 32), want(M * 32);
      std::vector<float> wf(64 * 32);
      for (size_t i = 0; i < want.size(); ++i) want[i] = int8_t(r.quantized[i]);
      w8a8_qdq(a.data(), M, &A.scale[0], &za, w.data(), W.scale.data(), o.bias.data(), &o.outScale, &zo, qdq.data());
      w8a8_direct(a.data(), M, &A.scale[0], &za, w.data(), W.scale.data(), o.bias.data(), &o.outScale, &zo, direct.data());
      w8a8_unfused(a.data(), M, &A.scale[0], &za, w.data(), W.scale.data(), o.bias.data(), &o.outScale, &zo, unfused.data(), wf.data());
      same[0] += compare("w8a8 direct", direct, qdq) + compare("w8a8 unfused", unfused, qdq);
      ref[0] += compare("w8a8 ref", qdq, want);
    }
    { // Weight-only: f32 activations x asymmetric ui4 weights per group of 16.
      QuantizedTensor A, W;
      A.isFloat = true; A.floatFormat = FloatFormat::f32(); A.layout = Layout::perTensor({M, 64}); A.scale = {1.0f};
      W.intFormat = IntFormat::uint(4); W.layout = Layout::perGroup({64, 8}, 0, 16);
      std::vector<float> x;
      for (int i = 0; i < M * 64; ++i) { float v = frand(-2, 2); x.push_back(v); uint32_t b; memcpy(&b, &v, 4); A.values.push_back(int32_t(b)); }
      for (int i = 0; i < 64 * 8; ++i) W.values.push_back(irand(0, 15));
      for (int i = 0; i < 4 * 8; ++i) { W.scale.push_back(frand(0.01f, 0.1f)); W.zeroPoint.push_back(irand(0, 15)); }
      MatmulResult r = matmul(A, W, MatmulOptions{MatmulAccumulation::Float32});
      auto wp = packInt4(W.values), zp = packInt4(W.zeroPoint);
      std::vector<float> qdq(M * 8), direct(M * 8), unfused(M * 8), wf(64 * 8);
      w4_qdq(x.data(), M, wp.data(), W.scale.data(), zp.data(), qdq.data());
      w4_direct(x.data(), M, wp.data(), W.scale.data(), zp.data(), direct.data());
      w4_unfused(x.data(), M, wp.data(), W.scale.data(), zp.data(), unfused.data(), wf.data());
      same[1] += compare("w4 direct", direct, qdq) + compare("w4 unfused", unfused, qdq);
      ref[1] += compare("w4 ref", qdq, r.values);
    }
    { // Batched: f32 activations quantized to i8 in the graph x FP8 E4M3FN
      // weights per column.
      float sx = frand(0.01f, 0.03f);
      QuantizedTensor A, W;
      A.intFormat = IntFormat::sint(8); A.layout = Layout::perTensor({2, M, 32}); A.scale = {sx};
      W.isFloat = true; W.floatFormat = FloatFormat::f8E4M3FN(); W.layout = Layout::perChannel({2, 32, 16}, 2);
      std::vector<float> x;
      for (int i = 0; i < 2 * M * 32; ++i) { x.push_back(frand(-2.5f, 2.5f)); A.values.push_back(quantizeInt(x.back(), sx, 0, A.intFormat)); }
      std::vector<uint8_t> w8;
      for (int i = 0; i < 2 * 32 * 16; ++i) { int c = irand(0, 255); if ((c & 0x7f) == 0x7f) c = 1; W.values.push_back(c); w8.push_back(c); }
      for (int i = 0; i < 16; ++i) W.scale.push_back(frand(0.01f, 0.1f));
      MatmulResult r = matmul(A, W, MatmulOptions{MatmulAccumulation::Float32});
      std::vector<float> qdq(2 * M * 16), direct(2 * M * 16), unfused(2 * M * 16), wf(2 * 32 * 16);
      batched_fp8_qdq(x.data(), M, &sx, w8.data(), W.scale.data(), qdq.data());
      batched_fp8_direct(x.data(), M, &sx, w8.data(), W.scale.data(), direct.data());
      batched_fp8_unfused(x.data(), M, &sx, w8.data(), W.scale.data(), unfused.data(), wf.data());
      same[2] += compare("batched_fp8 direct", direct, qdq) + compare("batched_fp8 unfused", unfused, qdq);
      ref[2] += compare("batched_fp8 ref", qdq, r.values);
    }
  }
  const char *names[] = {"w8a8", "w4", "batched_fp8"};
  int bad = 0;
  for (int i = 0; i < 3; ++i) {
    printf("%s: 5 trials, %d qdq/direct/unfused mismatches, %d reference mismatches\n", names[i], same[i], ref[i]);
    bad += same[i] + ref[i];
  }
  return bad != 0;
}
