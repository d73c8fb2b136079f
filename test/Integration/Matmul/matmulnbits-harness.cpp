//===- matmulnbits-harness.cpp - MatMulNBits accuracy_level=4 vs ref ------===//
//
// Calls matmulnbits.mlir's functions on random f32 activations (with exact
// zeros and values on quantization ties) and random int4 weights, and
// compares each f32 result bit for bit with ref::computeParams (max-abs per
// row), ref::quantizeTensor and ref::matmul composed the same way.
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"
#include "quanta/Reference/ComputeParams.h"
#include <cstdio>
#include <cstring>
#include <tuple>
using namespace quanta::ref;

static harness::Random32 rng(13);

using Fn = void (*)(const float *, int64_t, const uint8_t *, const float *,
                    const float *, float *);

static long check(Fn fn, int64_t groupSize) {
  const int64_t K = 256, N = 48, groups = K / groupSize;
  long bad = 0;
  for (int64_t M : {1, 2, 3, 7, 9}) {
    std::vector<float> x(M * K);
    for (int64_t i = 0; i < M * K; ++i) {
      int pick = rng.uniformInt(0, 9);
      // Zeros, and multiples of 1/127 of the row maximum (2.54) that land
      // on ties of the per-row scale 0.02.
      x[i] = pick == 0 ? 0.0f
             : pick == 1 ? 0.01f * (2 * rng.uniformInt(-100, 100) + 1)
                         : rng.uniform(-2.5f, 2.5f);
    }
    for (int64_t m = 0; m < M; ++m)
      x[m * K] = 2.54f;
    Layout rows = Layout::perChannel({M, K}, 0);
    Params params = computeParams(x, rows, IntFormat::sint(8),
                                  /*symmetric=*/true, ParamMethod::MaxAbs);
    QuantizedTensor A, W;
    A.intFormat = IntFormat::sint(8);
    A.layout = rows;
    A.scale = params.scale;
    A.values = quantizeTensor(x, rows, params.scale, {}, IntFormat::sint(8));
    W.intFormat = IntFormat::sint(4);
    W.layout = Layout::perGroup({K, N}, 0, groupSize);
    for (int64_t i = 0; i < K * N; ++i)
      W.values.push_back(rng.uniformInt(-8, 7));
    for (int64_t i = 0; i < groups * N; ++i)
      W.scale.push_back(rng.uniform(0.001f, 0.05f));
    MatmulOptions options;
    for (int64_t n = 0; n < N; ++n)
      options.bias.push_back(rng.uniform(-1.0f, 1.0f));
    MatmulResult want = matmul(A, W, options);
    std::vector<uint8_t> packed = packInt4(W.values);
    std::vector<float> got(M * N);
    fn(x.data(), M, packed.data(), W.scale.data(), options.bias.data(),
       got.data());
    for (int64_t i = 0; i < M * N; ++i)
      if (std::memcmp(&got[i], &want.values[i], 4) && bad++ < 3)
        std::printf("group %lld M=%lld [%lld]: got %a want %a\n",
                    (long long)groupSize, (long long)M, (long long)i, got[i],
                    want.values[i]);
  }
  return bad;
}

int main() {
  long total = 0;
  for (auto [name, fn, group] :
       {std::tuple<const char *, Fn, int64_t>{"nbits_g32", nbits_g32, 32},
        {"nbits_g64", nbits_g64, 64},
        {"nbits_g128", nbits_g128, 128}}) {
    long bad = check(fn, group);
    std::printf("%s: 5 row counts, %ld mismatches\n", name, bad);
    total += bad;
  }
  return total != 0;
}
