//===- matmul-grouped-harness.cpp - Per-group and W4A8 GPU matmuls --------===//
//
// Runs @q8_0 (i8 per row x i8 per group of 32 along K, llama.cpp's Q8_0;
// and @q8_0_nk, the weights given N x K), @w4a8 (ui8 per row with zero
// points x packed ui4 per group of 64 with zero points, plus a bias; ONNX
// MatMulNBits with accuracy_level 4) and @w4a8_lhs_groups (i8 per group of
// 32 with zero points x i4 per group with zero points, quantized to i8 per
// column), @w4a8_col (i8 x i4 per column, both with zero points), and
// @q8_0_batched (3 batches, weights and per-group parameters per batch) of
// matmul-grouped.mlir on shapes that take each path of the int8
// kernel: up to 4 rows (the group dot kernel with the weights K x N, 1 to
// 3 rounds of 32 groups), up to 64 rows (small tiles), more (large tiles),
// K of one to 66 groups, N not a multiple of 4 or 8 (the scalar staging of the
// rhs) and an lhs that is not 16-byte aligned (the scalar staging of the lhs),
// with storage extremes among the values and zero points. Compares every
// element bit for bit with ref::matmul.
//
//===----------------------------------------------------------------------===//

#include "quanta/Reference/Matmul.h"
#include "quanta/Reference/Quantize.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

using namespace quanta;

namespace {

std::mt19937 rng(20261129);

/// A random value of [lo, hi], the extremes one time in eight.
int32_t draw(int32_t lo, int32_t hi) {
  uint32_t r = rng();
  if (r % 8 == 0)
    return (r / 8) % 2 ? hi : lo;
  return lo + static_cast<int32_t>((r / 8) % uint32_t(hi - lo + 1));
}

float drawScale(int exponent) {
  return std::ldexp(1.0f + static_cast<float>(rng() % 256) / 256.0f, exponent);
}

long elements = 0, mismatches = 0;

void compare(const char *name, const std::vector<float> &got,
             const ref::MatmulResult &want, int64_t m, int64_t k, int64_t n) {
  if (!want.ok()) {
    std::printf("reference: %s\n", want.error.c_str());
    ++mismatches;
    return;
  }
  for (size_t i = 0; i < got.size(); ++i, ++elements)
    if (std::memcmp(&got[i], &want.values[i], sizeof(float)) &&
        ++mismatches <= 10)
      std::printf("%s: got %a, want %a at %zu of %ldx%ldx%ld\n", name, got[i],
                  want.values[i], i, static_cast<long>(m), static_cast<long>(k),
                  static_cast<long>(n));
}

/// `values` as int8_t, from an lhs buffer starting `skew` bytes in (an lhs
/// not 16-byte aligned when skew is odd).
struct Bytes {
  std::vector<int8_t> storage;
  int8_t *data;
  Bytes(const std::vector<int32_t> &values, int64_t skew = 0)
      : storage(values.size() + 16) {
    data = storage.data() + skew;
    for (size_t i = 0; i < values.size(); ++i)
      data[i] = static_cast<int8_t>(values[i]);
  }
};

/// Nibbles packed two per byte, the first in the low nibble (docs/ABI.md).
std::vector<uint8_t> pack(const std::vector<int32_t> &nibbles) {
  std::vector<uint8_t> bytes((nibbles.size() + 1) / 2);
  for (size_t i = 0; i < nibbles.size(); ++i)
    bytes[i / 2] |= static_cast<uint8_t>((nibbles[i] & 15) << (4 * (i % 2)));
  return bytes;
}

} // namespace

int main() {
  struct Shape {
    int64_t m, k, n, skew;
  };
  // K a multiple of 64 (both group sizes; a dynamic K that is not is
  // refused at run time, test/Integration/Matmul/group-size-check.mlir).
  const Shape shapes[] = {{1, 64, 40, 0},   {5, 128, 130, 0}, {3, 64, 9, 1},
                          {64, 192, 36, 0}, {70, 192, 36, 1}, {130, 256, 64, 0},
                          {1, 1024, 72, 0}, {4, 2112, 24, 1}};
  for (const Shape &s : shapes) {
    // Q8_0: i8 per row x i8 per group of 32.
    {
      int64_t groups = (s.k + 31) / 32;
      ref::QuantizedTensor lhs, rhs;
      lhs.layout = ref::Layout::perChannel({s.m, s.k}, 0);
      rhs.layout = ref::Layout::perGroup({s.k, s.n}, 0, 32);
      for (int64_t i = 0; i < s.m * s.k; ++i)
        lhs.values.push_back(draw(-128, 127));
      for (int64_t i = 0; i < s.k * s.n; ++i)
        rhs.values.push_back(draw(-128, 127));
      for (int64_t i = 0; i < s.m; ++i)
        lhs.scale.push_back(drawScale(-7));
      for (int64_t i = 0; i < groups * s.n; ++i)
        rhs.scale.push_back(drawScale(-9));
      Bytes a(lhs.values, s.skew), w(rhs.values);
      std::vector<float> got(s.m * s.n);
      q8_0(a.data, s.m, s.k, w.data, s.k, s.n, lhs.scale.data(), s.m,
           rhs.scale.data(), groups, s.n, got.data());
      ref::MatmulResult want = ref::matmul(lhs, rhs);
      compare("q8_0", got, want, s.m, s.k, s.n);
      // The same weights given N x K.
      std::vector<int32_t> transposed;
      for (int64_t n = 0; n < s.n; ++n)
        for (int64_t k = 0; k < s.k; ++k)
          transposed.push_back(rhs.values[k * s.n + n]);
      Bytes wt(transposed);
      q8_0_nk(a.data, s.m, s.k, wt.data, s.n, s.k, lhs.scale.data(), s.m,
              rhs.scale.data(), groups, s.n, got.data());
      compare("q8_0_nk", got, want, s.m, s.k, s.n);
    }
    // i8 per group of 32 with zero points x i4 per group of 32 with zero
    // points, quantized to i8 per column.
    {
      int64_t groups = (s.k + 31) / 32;
      ref::QuantizedTensor lhs, rhs;
      rhs.intFormat = ref::IntFormat::sint(4);
      lhs.layout = ref::Layout::perGroup({s.m, s.k}, 1, 32);
      rhs.layout = ref::Layout::perGroup({s.k, s.n}, 0, 32);
      for (int64_t i = 0; i < s.m * s.k; ++i)
        lhs.values.push_back(draw(-128, 127));
      for (int64_t i = 0; i < s.k * s.n; ++i)
        rhs.values.push_back(draw(-8, 7));
      for (int64_t i = 0; i < s.m * groups; ++i) {
        lhs.scale.push_back(drawScale(-7));
        lhs.zeroPoint.push_back(draw(-128, 127));
      }
      for (int64_t i = 0; i < groups * s.n; ++i) {
        rhs.scale.push_back(drawScale(-5));
        rhs.zeroPoint.push_back(draw(-8, 7));
      }
      std::vector<float> outScale;
      std::vector<int32_t> outZp;
      for (int64_t i = 0; i < s.n; ++i) {
        outScale.push_back(drawScale(2));
        outZp.push_back(draw(-128, 127));
      }
      Bytes a(lhs.values, s.skew), za(lhs.zeroPoint), zo(outZp);
      std::vector<uint8_t> w = pack(rhs.values), zw = pack(rhs.zeroPoint);
      std::vector<int8_t> got(s.m * s.n);
      w4a8_lhs_groups(a.data, s.m, s.k, w.data(), s.k, s.n, lhs.scale.data(),
                      s.m, groups, za.data, s.m, groups, rhs.scale.data(),
                      groups, s.n, zw.data(), groups, s.n, outScale.data(), s.n,
                      zo.data, s.n, got.data());
      ref::MatmulResult want = ref::matmul(lhs, rhs);
      if (!want.ok()) {
        std::printf("reference: %s\n", want.error.c_str());
        return 1;
      }
      for (int64_t i = 0; i < s.m * s.n; ++i, ++elements) {
        int64_t n = i % s.n;
        int32_t q = ref::quantizeInt(want.values[i], outScale[n], outZp[n],
                                     ref::IntFormat::sint(8));
        if (got[i] != q && ++mismatches <= 10)
          std::printf(
              "w4a8_lhs_groups: got %d, want %d at %ld of %ldx%ldx%ld\n",
              got[i], q, static_cast<long>(i), static_cast<long>(s.m),
              static_cast<long>(s.k), static_cast<long>(s.n));
      }
    }
    // W4A8: ui8 per row with zero points x ui4 per group of 64 with zero
    // points, and a bias.
    {
      int64_t groups = (s.k + 63) / 64;
      ref::QuantizedTensor lhs, rhs;
      lhs.intFormat = ref::IntFormat::uint(8);
      rhs.intFormat = ref::IntFormat::uint(4);
      lhs.layout = ref::Layout::perChannel({s.m, s.k}, 0);
      rhs.layout = ref::Layout::perGroup({s.k, s.n}, 0, 64);
      for (int64_t i = 0; i < s.m * s.k; ++i)
        lhs.values.push_back(draw(0, 255));
      for (int64_t i = 0; i < s.k * s.n; ++i)
        rhs.values.push_back(draw(0, 15));
      for (int64_t i = 0; i < s.m; ++i) {
        lhs.scale.push_back(drawScale(-7));
        lhs.zeroPoint.push_back(draw(0, 255));
      }
      for (int64_t i = 0; i < groups * s.n; ++i) {
        rhs.scale.push_back(drawScale(-5));
        rhs.zeroPoint.push_back(draw(0, 15));
      }
      ref::MatmulOptions options;
      for (int64_t i = 0; i < s.n; ++i)
        options.bias.push_back(drawScale(-3) - 2.0f);
      Bytes a(lhs.values, s.skew), za(lhs.zeroPoint);
      std::vector<uint8_t> w = pack(rhs.values), zw = pack(rhs.zeroPoint);
      std::vector<float> got(s.m * s.n);
      w4a8(a.data, s.m, s.k, w.data(), s.k, s.n, lhs.scale.data(), s.m, za.data,
           s.m, rhs.scale.data(), groups, s.n, zw.data(), groups, s.n,
           options.bias.data(), s.n, got.data());
      compare("w4a8", got, ref::matmul(lhs, rhs, options), s.m, s.k, s.n);
    }
  }
  // W4A8 per column: i8 per tensor with a zero point x i4 per column with
  // zero points.
  for (const Shape &s : shapes) {
    ref::QuantizedTensor lhs, rhs;
    rhs.intFormat = ref::IntFormat::sint(4);
    lhs.layout = ref::Layout::perTensor({s.m, s.k});
    rhs.layout = ref::Layout::perChannel({s.k, s.n}, 1);
    for (int64_t i = 0; i < s.m * s.k; ++i)
      lhs.values.push_back(draw(-128, 127));
    for (int64_t i = 0; i < s.k * s.n; ++i)
      rhs.values.push_back(draw(-8, 7));
    lhs.scale.push_back(drawScale(-7));
    lhs.zeroPoint.push_back(draw(-128, 127));
    for (int64_t i = 0; i < s.n; ++i) {
      rhs.scale.push_back(drawScale(-5));
      rhs.zeroPoint.push_back(draw(-8, 7));
    }
    Bytes a(lhs.values, s.skew), za(lhs.zeroPoint);
    std::vector<uint8_t> w = pack(rhs.values), zw = pack(rhs.zeroPoint);
    std::vector<float> got(s.m * s.n);
    w4a8_col(a.data, s.m, s.k, w.data(), s.k, s.n, lhs.scale.data(), za.data,
             rhs.scale.data(), s.n, zw.data(), s.n, got.data());
    compare("w4a8_col", got, ref::matmul(lhs, rhs), s.m, s.k, s.n);
  }
  // Batched, weights per batch: ui8 per group of 32 with zero points x i8
  // per group of 32 with zero points, parameters per batch.
  for (const Shape &s : shapes) {
    const int64_t batches = 3, groups = s.k / 32;
    ref::QuantizedTensor lhs, rhs;
    lhs.intFormat = ref::IntFormat::uint(8);
    lhs.layout = ref::Layout::perGroup({batches, s.m, s.k}, 2, 32);
    rhs.layout = ref::Layout::perGroup({batches, s.k, s.n}, 1, 32);
    for (int64_t i = 0; i < batches * s.m * s.k; ++i)
      lhs.values.push_back(draw(0, 255));
    for (int64_t i = 0; i < batches * s.k * s.n; ++i)
      rhs.values.push_back(draw(-128, 127));
    for (int64_t i = 0; i < batches * s.m * groups; ++i) {
      lhs.scale.push_back(drawScale(-7));
      lhs.zeroPoint.push_back(draw(0, 255));
    }
    for (int64_t i = 0; i < batches * groups * s.n; ++i) {
      rhs.scale.push_back(drawScale(-9));
      rhs.zeroPoint.push_back(draw(-128, 127));
    }
    Bytes a(lhs.values, s.skew), w(rhs.values), za(lhs.zeroPoint),
        zw(rhs.zeroPoint);
    std::vector<float> got(batches * s.m * s.n);
    q8_0_batched(a.data, batches, s.m, s.k, w.data, batches, s.k, s.n,
                 lhs.scale.data(), batches, s.m, groups, za.data, batches, s.m,
                 groups, rhs.scale.data(), batches, groups, s.n, zw.data,
                 batches, groups, s.n, got.data());
    compare("q8_0_batched", got, ref::matmul(lhs, rhs), s.m, s.k, s.n);
  }
  std::printf("grouped int8: %ld elements, %ld mismatches\n", elements,
              mismatches);
  return mismatches != 0;
}
