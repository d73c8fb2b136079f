//===- matmul-batched-harness.cpp - Batched GPU matmul vs the reference ---===//
//
// Runs @batched_int8 of matmul-batched.mlir (ui8 x i8 with per-row and
// per-column zero points and scales, batch dimensions [B0, B1], every size
// dynamic) on shapes that take each kernel path with grid z over the
// batches: aligned views (mma tiles), K not a multiple of 16 so that every
// batch's view but the first is unaligned (the scalar staging in those
// batches' blocks), and up to 4 rows (the dot kernel). Compares every element
// bit for bit with ref::matmul.
//
//===----------------------------------------------------------------------===//

#include "quanta/Reference/Matmul.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

using namespace quanta;

int main() {
  struct Shape {
    int64_t b0, b1, m, k, n;
  };
  const Shape shapes[] = {
      {2, 3, 5, 64, 40}, {1, 3, 3, 30, 9}, {2, 2, 17, 48, 130}};
  std::mt19937 rng(20261129);
  auto byte = [&] { return static_cast<int32_t>(rng() % 256); };
  long elements = 0, mismatches = 0;
  for (const Shape &s : shapes) {
    int64_t batches = s.b0 * s.b1;
    ref::QuantizedTensor lhs, rhs;
    lhs.intFormat = ref::IntFormat::uint(8);
    lhs.layout = ref::Layout::perChannel({s.b0, s.b1, s.m, s.k}, 2);
    rhs.layout = ref::Layout::perChannel({s.b0, s.b1, s.k, s.n}, 3);
    for (int64_t i = 0; i < batches * s.m * s.k; ++i)
      lhs.values.push_back(byte());
    for (int64_t i = 0; i < batches * s.k * s.n; ++i)
      rhs.values.push_back(byte() - 128);
    for (int64_t i = 0; i < s.m; ++i) {
      lhs.zeroPoint.push_back(byte());
      lhs.scale.push_back(std::ldexp(1.0f + byte() / 256.0f, -7));
    }
    for (int64_t i = 0; i < s.n; ++i) {
      rhs.zeroPoint.push_back(byte() - 128);
      rhs.scale.push_back(std::ldexp(1.0f + byte() / 256.0f, -9));
    }
    auto bytes = [](const std::vector<int32_t> &values) {
      return std::vector<int8_t>(values.begin(), values.end());
    };
    std::vector<int8_t> a = bytes(lhs.values), w = bytes(rhs.values),
                        za = bytes(lhs.zeroPoint), zw = bytes(rhs.zeroPoint);
    std::vector<float> got(batches * s.m * s.n);
    batched_int8(a.data(), s.b0, s.b1, s.m, s.k, w.data(), s.b0, s.b1, s.k, s.n,
                 lhs.scale.data(), s.m, rhs.scale.data(), s.n, za.data(), s.m,
                 zw.data(), s.n, got.data());
    ref::MatmulResult want = ref::matmul(lhs, rhs);
    if (!want.ok()) {
      std::printf("reference: %s\n", want.error.c_str());
      return 1;
    }
    for (size_t i = 0; i < got.size(); ++i, ++elements)
      if (std::memcmp(&got[i], &want.values[i], sizeof(float))) {
        if (++mismatches <= 10)
          std::printf("got %a, want %a at %zu of %ldx%ldx%ldx%ldx%ld\n", got[i],
                      want.values[i], i, static_cast<long>(s.b0),
                      static_cast<long>(s.b1), static_cast<long>(s.m),
                      static_cast<long>(s.k), static_cast<long>(s.n));
      }
  }
  std::printf("batched int8: %ld elements, %ld mismatches\n", elements,
              mismatches);
  return mismatches != 0;
}
