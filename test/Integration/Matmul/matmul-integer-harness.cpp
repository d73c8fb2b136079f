//===- matmul-integer-harness.cpp - Integer matmuls vs ref::matmulInteger -===//
//
// Calls the functions of matmul-integer.mlir on eight shapes each (odd ones,
// VNNI-sized ones, a GEMV, and K = 40000 with values at the storage extremes
// opposite their zero points, whose i32 sums wrap around) and compares every
// i32 result with ref::matmulInteger (ONNX MatMulInteger).
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"

#include <cstdio>

using namespace quanta::ref;

static harness::Random32 rng(42);
static harness::Groups groups;

static void check(const char *name, const std::vector<int32_t> &got,
                  const std::vector<int32_t> &want) {
  harness::checkIntegers(groups, name, got, want);
}

/// Zero-point kinds: none, per tensor, one per row (lhs) / column (rhs).
enum ZpKind { None, PerTensor, PerLine };

/// A random operand of `shape`; in `extreme` mode the zero points sit at one
/// end of the range and (nine in ten) values at the other, so that every
/// product is near +-255^2. `fixedZp` forces a per-tensor zero point.
static IntegerMatmulOperand generate(std::vector<int64_t> shape, bool isSigned,
                                     ZpKind zpKind, int64_t lines, bool extreme,
                                     bool zpAtExtremes,
                                     const int32_t *fixedZp = nullptr) {
  IntegerMatmulOperand t;
  t.shape = shape;
  t.format = isSigned ? IntFormat::sint(8) : IntFormat::uint(8);
  const int32_t lo = t.format.min(), hi = t.format.max();
  int64_t count = zpKind == PerLine ? lines : zpKind == PerTensor ? 1 : 0;
  for (int64_t i = 0; i < count; ++i) {
    int32_t z = rng.uniformInt(lo, hi);
    if (extreme || zpAtExtremes)
      z = (i % 2 == 0) == isSigned ? hi : lo;
    t.zeroPoint.push_back(fixedZp ? *fixedZp : z);
  }
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  // The extreme value farthest from the (first) zero point.
  int32_t z0 = t.zeroPoint.empty() ? 0 : t.zeroPoint[0];
  int32_t far = z0 - lo > hi - z0 ? lo : hi, near = far == lo ? hi : lo;
  for (int64_t i = 0; i < n; ++i)
    t.values.push_back(extreme ? (rng.uniformInt(0, 9) ? far : near)
                               : rng.uniformInt(lo, hi));
  return t;
}

static std::vector<int8_t> bytes(const std::vector<int32_t> &v) {
  return std::vector<int8_t>(v.begin(), v.end());
}

static std::vector<int32_t> want(const IntegerMatmulOperand &a,
                                 const IntegerMatmulOperand &b) {
  MatmulIntegerResult r = matmulInteger(a, b);
  if (!r.ok())
    std::printf("reference: %s\n", r.error.c_str());
  return r.values;
}

int main() {
  // (M, K, N): scalar, odd, VNNI-sized (K % 4 == 0, N % 16 == 0), odd, K =
  // 40000 at the extremes, larger odd, GEMV, few rows with K / 4 odd (the
  // streaming kernel's K segments of 1025 rows and a last single K step),
  // AMX blocks (32 rows x 32 columns, K % 64 == 0) with 6 leftover rows and
  // a leftover panel, AMX blocks only with K = 4096 at the extremes, and
  // 544 rows of AMX blocks (computed once all of B is packed) and 6 more.
  const int64_t shapes[11][3] = {{1, 1, 1},      {7, 13, 5},    {6, 64, 48},
                                 {13, 100, 17},  {2, 40000, 3}, {33, 260, 70},
                                 {1, 128, 64},   {3, 4100, 80}, {70, 192, 80},
                                 {64, 4096, 64}, {550, 64, 80}};
  const int64_t B = 3;
  for (int s = 0; s < 11; ++s) {
    const int64_t M = shapes[s][0], K = shapes[s][1], N = shapes[s][2];
    const bool ext = s == 4 || s == 9, zpExt = s % 2 == 1;
    std::vector<int32_t> out(size_t(2 * B * M * N));
    auto result = [&](int64_t batches) {
      return std::vector<int32_t>(out.begin(), out.begin() + batches * M * N);
    };
    { // quanta.matmul_integer s8 x s8, per tensor.
      auto a = generate({M, K}, true, PerTensor, M, ext, zpExt);
      auto b = generate({K, N}, true, PerTensor, N, ext, zpExt);
      auto a8 = bytes(a.values), b8 = bytes(b.values);
      int8_t za = int8_t(a.zeroPoint[0]), zb = int8_t(b.zeroPoint[0]);
      mi_s8s8(a8.data(), M, K, b8.data(), K, N, &za, &zb, out.data());
      check("matmul_integer_s8s8", result(1), want(a, b));
    }
    { // u8 x s8, per row x per column.
      auto a = generate({M, K}, false, PerLine, M, ext, zpExt);
      auto b = generate({K, N}, true, PerLine, N, ext, zpExt);
      auto a8 = bytes(a.values), b8 = bytes(b.values);
      auto za = bytes(a.zeroPoint), zb = bytes(b.zeroPoint);
      mi_u8s8(a8.data(), M, K, b8.data(), K, N, za.data(), M, zb.data(), N,
              out.data());
      check("matmul_integer_u8s8", result(1), want(a, b));
    }
    { // u8 x u8, per tensor.
      auto a = generate({M, K}, false, PerTensor, M, ext, zpExt);
      auto b = generate({K, N}, false, PerTensor, N, ext, zpExt);
      auto a8 = bytes(a.values), b8 = bytes(b.values);
      int8_t za = int8_t(a.zeroPoint[0]), zb = int8_t(b.zeroPoint[0]);
      mi_u8u8(a8.data(), M, K, b8.data(), K, N, &za, &zb, out.data());
      check("matmul_integer_u8u8", result(1), want(a, b));
    }
    { // s8 x u8, per row x per tensor.
      auto a = generate({M, K}, true, PerLine, M, ext, zpExt);
      auto b = generate({K, N}, false, PerTensor, N, ext, zpExt);
      auto a8 = bytes(a.values), b8 = bytes(b.values);
      auto za = bytes(a.zeroPoint);
      int8_t zb = int8_t(b.zeroPoint[0]);
      mi_s8u8(a8.data(), M, K, b8.data(), K, N, za.data(), M, &zb,
              out.data());
      check("matmul_integer_s8u8", result(1), want(a, b));
    }
    { // Batched rhs, u8 x s8, per row x per column.
      auto a = generate({B, M, K}, false, PerLine, M, ext, zpExt);
      auto b = generate({B, K, N}, true, PerLine, N, ext, zpExt);
      auto a8 = bytes(a.values), b8 = bytes(b.values);
      auto za = bytes(a.zeroPoint), zb = bytes(b.zeroPoint);
      mi_batch(a8.data(), M, K, b8.data(), K, N, za.data(), M, zb.data(), N,
               out.data());
      check("matmul_integer_batch", result(B), want(a, b));
    }
    { // Batches [2, B], u8 x s8, per row x per tensor.
      auto a = generate({2, B, M, K}, false, PerLine, M, ext, zpExt);
      auto b = generate({2, B, K, N}, true, PerTensor, N, ext, zpExt);
      auto a8 = bytes(a.values), b8 = bytes(b.values);
      auto za = bytes(a.zeroPoint);
      int8_t zb = int8_t(b.zeroPoint[0]);
      mi_batch4d(a8.data(), 2, B, M, K, b8.data(), 2, B, K, N, za.data(), M,
                 &zb, out.data());
      check("matmul_integer_batch4d", result(2 * B), want(a, b));
    }
    { // Batched lhs x shared rhs, s8 x u8, per tensor x per column.
      auto a = generate({B, M, K}, true, PerTensor, M, ext, zpExt);
      auto b = generate({K, N}, false, PerLine, N, ext, zpExt);
      auto a8 = bytes(a.values), b8 = bytes(b.values);
      int8_t za = int8_t(a.zeroPoint[0]);
      auto zb = bytes(b.zeroPoint);
      mi_batch_shared(a8.data(), M, K, b8.data(), K, N, &za, zb.data(), N,
                      out.data());
      check("matmul_integer_batch_shared", result(B), want(a, b));
      mi_batch_shared_dyn(a8.data(), B, M, K, b8.data(), K, N, &za, zb.data(),
                          N, out.data());
      check("matmul_integer_batch_shared_dyn", result(B), want(a, b));
    }
    { // linalg.quantized_matmul, zero points -128 and 127.
      const int32_t za = -128, zb = 127;
      auto a = generate({M, K}, true, PerTensor, M, ext, false, &za);
      auto b = generate({K, N}, true, PerTensor, N, ext, false, &zb);
      auto a8 = bytes(a.values), b8 = bytes(b.values);
      lq(a8.data(), M, K, b8.data(), K, N, out.data());
      check("linalg_quantized_matmul", result(1), want(a, b));
    }
    { // linalg.quantized_matmul, zero points 200 and -3 (left to linalg):
      // the definition evaluated directly, with wrap-around.
      auto a = generate({M, K}, true, None, M, ext, false);
      auto b = generate({K, N}, true, None, N, ext, false);
      auto a8 = bytes(a.values), b8 = bytes(b.values);
      lq_zp200(a8.data(), M, K, b8.data(), K, N, out.data());
      std::vector<int32_t> expected;
      for (int64_t m = 0; m < M; ++m)
        for (int64_t n = 0; n < N; ++n) {
          uint32_t acc = 0;
          for (int64_t k = 0; k < K; ++k)
            acc += uint32_t(a.values[m * K + k] - 200) *
                   uint32_t(b.values[k * N + n] + 3);
          expected.push_back(int32_t(acc));
        }
      check("linalg_quantized_matmul_zp200", result(1), expected);
    }
    { // linalg.matmul, signed, accumulating into a random i32 init.
      auto a = generate({M, K}, true, None, M, ext, false);
      auto b = generate({K, N}, true, None, N, ext, false);
      auto a8 = bytes(a.values), b8 = bytes(b.values);
      std::vector<int32_t> c;
      for (int64_t i = 0; i < M * N; ++i)
        c.push_back(int32_t(rng.bits32()));
      lm_s8_init(a8.data(), M, K, b8.data(), K, N, c.data(), M, N, out.data());
      std::vector<int32_t> expected = want(a, b);
      for (size_t i = 0; i < expected.size(); ++i)
        expected[i] = int32_t(uint32_t(expected[i]) + uint32_t(c[i]));
      check("linalg_matmul_s8_init", result(1), expected);
    }
    { // linalg.matmul, cast_unsigned.
      auto a = generate({M, K}, false, None, M, ext, false);
      auto b = generate({K, N}, false, None, N, ext, false);
      auto a8 = bytes(a.values), b8 = bytes(b.values);
      lm_u8(a8.data(), M, K, b8.data(), K, N, out.data());
      check("linalg_matmul_u8", result(1), want(a, b));
    }
    { // linalg.batch_matmul, signed.
      auto a = generate({B, M, K}, true, None, M, ext, false);
      auto b = generate({B, K, N}, true, None, N, ext, false);
      auto a8 = bytes(a.values), b8 = bytes(b.values);
      lbm(a8.data(), M, K, b8.data(), K, N, out.data());
      check("linalg_batch_matmul", result(B), want(a, b));
    }
    { // tosa.matmul, zero points 127 and -128.
      const int32_t za = 127, zb = -128;
      auto a = generate({B, M, K}, true, PerTensor, M, ext, false, &za);
      auto b = generate({B, K, N}, true, PerTensor, N, ext, false, &zb);
      auto a8 = bytes(a.values), b8 = bytes(b.values);
      tm(a8.data(), M, K, b8.data(), K, N, out.data());
      check("tosa_matmul", result(B), want(a, b));
    }
    { // tosa.matmul, run-time zero points, b of batch 1.
      auto a = generate({B, M, K}, true, PerTensor, M, ext, zpExt);
      auto b = generate({1, K, N}, true, PerTensor, N, ext, zpExt);
      auto a8 = bytes(a.values), b8 = bytes(b.values);
      int8_t za = int8_t(a.zeroPoint[0]), zb = int8_t(b.zeroPoint[0]);
      tm_shared(a8.data(), M, K, b8.data(), K, N, &za, &zb, out.data());
      IntegerMatmulOperand shared = b;
      shared.shape = {K, N};
      check("tosa_matmul_shared", result(B), want(a, shared));
    }
  }
  return harness::printVerdict(harness::printGroups(groups));
}
