//===- gpu-on-host-scalar-harness.cpp - 0-d ops on the GPU pipeline -------===//
//
// Runs @max_abs, @min_max and @dynamic_quantize of gpu-on-host-scalar.mlir
// on edge values (signed zeros, subnormals, the f32 extremes, infinities,
// NaN, ties) and compares with ref::computeParams and ref::quantizeInt bit
// for bit.
//
//===----------------------------------------------------------------------===//

#include "quanta/Reference/ComputeParams.h"
#include "quanta/Reference/Quantize.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>

using namespace quanta;

int main() {
  const float inf = std::numeric_limits<float>::infinity();
  const float values[] = {0.0f,    -0.0f,   1.5f,     -3.25f, 1e-40f,
                          -1e-45f, 3.4e38f, -3.4e38f, inf,    -inf,
                          NAN,     127.5f,  -0.0625f, 1e-30f};
  long count = 0, mismatches = 0;
  auto sameBits = [](float a, float b) {
    return std::memcmp(&a, &b, sizeof a) == 0 ||
           (std::isnan(a) && std::isnan(b));
  };
  for (float x : values) {
    ref::Layout layout = ref::Layout::perTensor({});
    ref::Params sym = ref::computeParams({x}, layout, ref::IntFormat::sint(8),
                                         true, ref::ParamMethod::MaxAbs);
    ref::Params asym = ref::computeParams({x}, layout, ref::IntFormat::sint(8),
                                          false, ref::ParamMethod::MinMax);
    if (!sym.ok() || !asym.ok()) {
      std::printf("reference: %s%s\n", sym.error.c_str(), asym.error.c_str());
      return 1;
    }
    float scale = 0.0f, scale2 = 0.0f;
    int8_t zp = 0, q = 0;
    max_abs(&x, &scale);
    min_max(&x, &scale2, &zp);
    dynamic_quantize(&x, &q);
    int32_t wantQ =
        ref::quantizeInt(x, sym.scale[0], 0, ref::IntFormat::sint(8));
    count += 4;
    auto report = [&](const char *what, double got, double want) {
      if (++mismatches <= 10)
        std::printf("%s of %a: got %a, want %a\n", what, double(x), got, want);
    };
    if (!sameBits(scale, sym.scale[0]))
      report("max_abs scale", scale, sym.scale[0]);
    if (!sameBits(scale2, asym.scale[0]))
      report("min_max scale", scale2, asym.scale[0]);
    if (zp != asym.zeroPoint[0])
      report("min_max zero point", zp, asym.zeroPoint[0]);
    if (q != wantQ)
      report("dynamic quantize", q, wantQ);
  }
  std::printf("scalar ops: %ld values, %ld mismatches\n", count, mismatches);
  return mismatches != 0;
}
