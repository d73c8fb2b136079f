//===- fp8-gemv-harness.cpp - FP8 x FP8 -> f32 GEMVs vs ref ---------------===//
//
// Calls fp8-gemv.mlir's functions on FP8 codes (random ones with ±0,
// subnormals, the largest finite values, NaN and, for E5M2, ±inf among
// them; f32 activations for the weight-only forms) for 1 to 16 rows and
// compares each f32 result bit for bit with ref::matmul (NaNs match NaNs);
// decode_* check every code of a format.
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"
#include <cmath>
#include <cstdio>
#include <cstring>
using namespace quanta::ref;

static harness::Random32 rng(41);

using DecodeFn = void (*)(const uint8_t *, const uint8_t *, const float *,
                          const float *, float *);

using Case = harness::FP8MatmulCase;

static bool isE4M3(const FloatFormat &format) { return format.expBits == 4; }

/// The code of `format` at flat position i of an operand: a few edge codes
/// at fixed places (NaN and, for E5M2, ±inf only at the positions `special`
/// says), else a random finite code.
static uint8_t code(const FloatFormat &format, int64_t i, bool special) {
  bool e4m3 = isE4M3(format);
  if (special) {
    const uint8_t e4m3Specials[] = {0x7F, 0xFF};
    const uint8_t e5m2Specials[] = {0x7C, 0xFC, 0x7D, 0x7E, 0xFF};
    return e4m3 ? e4m3Specials[i % 2] : e5m2Specials[i % 5];
  }
  // ±0, ±smallest and ±largest subnormal, ±largest finite.
  const uint8_t edges[] = {0x00,
                           0x80,
                           0x01,
                           0x81,
                           uint8_t(e4m3 ? 0x07 : 0x03),
                           uint8_t(e4m3 ? 0x87 : 0x83),
                           uint8_t(e4m3 ? 0x7E : 0x7B),
                           uint8_t(e4m3 ? 0xFE : 0xFB)};
  if (i % 19 < 8)
    return edges[i % 19];
  for (;;) {
    uint8_t c = uint8_t(rng.uniformInt(0, 255));
    if (std::isfinite(decodeFloat(c, format)))
      return c;
  }
}

static long check(const Case &c) {
  long bad = 0;
  for (int64_t M : {1, 2, 3, 7, 15, 16}) {
    QuantizedTensor A, W;
    c.setLayouts(A, W, M);
    for (int64_t i = 0; i < M * c.K; ++i)
      // A NaN (or inf) in row 1.
      A.values.push_back(code(c.lhs, i, M > 1 && i == c.K + 3));
    for (int64_t i = 0; i < c.K * c.N; ++i) {
      int64_t k = i / c.N, n = i % c.N;
      // Specials in a few columns only, in and after the kernel's first
      // chunk, and in the last row of K (a single step).
      bool special = (n == 3 && k == 5) || (n == 10 && (k == 7 || k == 9)) ||
                     (n == 70 && k == 2) || (n == c.N - 1 && k == c.K - 1);
      W.values.push_back(code(c.rhs, i + 5, special));
    }
    bad += c.run(A, W, M, rng);
  }
  return bad;
}

/// Weight-only FP8: f32 activations (a, M, w, sw, y).
using F32Fn = void (*)(const float *, int64_t, const uint8_t *, const float *,
                       float *);

static long checkF32(const char *name, F32Fn fn, const FloatFormat &rhs,
                     int64_t K, int64_t N, bool perColumn) {
  long bad = 0;
  for (int64_t M : {1, 2, 3, 7, 15, 16}) {
    QuantizedTensor A, W;
    std::vector<float> a = harness::fillF32Activations(A, rng, M, K);
    W.isFloat = true;
    W.floatFormat = rhs;
    W.layout =
        perColumn ? Layout::perChannel({K, N}, 1) : Layout::perTensor({K, N});
    std::vector<uint8_t> w;
    for (int64_t i = 0; i < K * N; ++i) {
      int64_t k = i / N, n = i % N;
      uint8_t v = code(rhs, i, (n == 3 && k == 5) || (n == 40 && k == K - 1));
      w.push_back(v);
      W.values.push_back(v);
    }
    for (int64_t n = 0; n < (perColumn ? N : 1); ++n)
      W.scale.push_back(rng.uniform(0.01f, 2.0f));
    MatmulResult want =
        matmul(A, W, MatmulOptions{MatmulAccumulation::Float32});
    std::vector<float> got(M * N);
    fn(a.data(), M, w.data(), W.scale.data(), got.data());
    bad += harness::countF32Mismatches(name, M, got, want.values);
  }
  return bad;
}

/// y[0, n] = 0 + (1.0 * 1) * (code n * 1): every code of `format` through
/// the kernel's decode.
static long checkDecode(const char *name, DecodeFn fn,
                        const FloatFormat &format) {
  QuantizedTensor A, W;
  A.isFloat = W.isFloat = true;
  A.floatFormat = W.floatFormat = format;
  A.layout = Layout::perTensor({1, 1});
  W.layout = Layout::perTensor({1, 256});
  uint8_t one = isE4M3(format) ? 0x38 : 0x3C;
  A.values.push_back(one);
  std::vector<uint8_t> w;
  for (int code = 0; code < 256; ++code) {
    w.push_back(uint8_t(code));
    W.values.push_back(code);
  }
  A.scale = W.scale = {1.0f};
  MatmulResult want = matmul(A, W, MatmulOptions{MatmulAccumulation::Float32});
  std::vector<float> got(256);
  fn(&one, w.data(), A.scale.data(), W.scale.data(), got.data());
  long bad = harness::countF32Mismatches(name, 1, got, want.values);
  // The results are the decoded values themselves (zeros aside, which the
  // sum from +0 makes +0).
  for (int code = 0; code < 256; ++code) {
    float value = decodeFloat(uint8_t(code), format);
    bool same = std::isnan(value) ? std::isnan(got[code]) : got[code] == value;
    if (!same && bad++ < 3)
      std::printf("%s code 0x%02x: got %a want %a\n", name, code, got[code],
                  value);
  }
  return bad;
}

int main() {
  long total = 0;
  FloatFormat e4m3 = FloatFormat::f8E4M3FN(), e5m2 = FloatFormat::f8E5M2();
  for (const Case &c :
       {Case{"e4m3_col_n192", e4m3_col_n192, e4m3, e4m3, 67, 192, true},
        Case{"e5m2_tensor_n128", e5m2_tensor_n128, e5m2, e5m2, 130, 128, false},
        Case{"e4m3_e5m2_row_n64", nullptr, e4m3, e5m2, 33, 64, true,
             e4m3_e5m2_row_n64},
        Case{"e5m2_e4m3_col_n256", e5m2_e4m3_col_n256, e5m2, e4m3, 41, 256,
             true},
        Case{"e4m3_col_n100", e4m3_col_n100, e4m3, e4m3, 36, 100, true},
        Case{"e4m3_g32_n128", e4m3_g32_n128, e4m3, e4m3, 96, 128, true,
             nullptr, 32},
        Case{"e5m2_g6_n64", e5m2_g6_n64, e5m2, e5m2, 30, 64, true, nullptr,
             6}}) {
    long bad = check(c);
    std::printf("%s: 6 row counts, %ld mismatches\n", c.name, bad);
    total += bad;
  }
  long bad =
      checkF32("f32_e4m3_col_n128", f32_e4m3_col_n128, e4m3, 45, 128, true);
  std::printf("f32_e4m3_col_n128: 6 row counts, %ld mismatches\n", bad);
  total += bad;
  bad =
      checkF32("f32_e5m2_tensor_n64", f32_e5m2_tensor_n64, e5m2, 38, 64, false);
  std::printf("f32_e5m2_tensor_n64: 6 row counts, %ld mismatches\n", bad);
  total += bad;
  struct Decode {
    const char *name;
    DecodeFn fn;
    FloatFormat format;
  };
  for (const Decode &d : {Decode{"decode_e4m3", decode_e4m3, e4m3},
                          Decode{"decode_e5m2", decode_e5m2, e5m2}}) {
    long bad = checkDecode(d.name, d.fn, d.format);
    std::printf("%s: 256 codes, %ld mismatches\n", d.name, bad);
    total += bad;
  }
  return total != 0;
}
