//===- quanta-bench.cpp - Quanta vs hand-written AVX-512 vs upstream MLIR -===//
//
// Benchmarks five element-wise kernels over 64 Mi elements, side by side for
// three implementations:
//
//   quanta    benchmarks/kernels.mlir compiled by quanta-compile (host CPU);
//   hand      hand-written AVX-512 loops in this file;
//   upstream  upstream MLIR's own path (benchmarks/upstream_*.mlir through
//             mlir-opt --lower-quant-ops / --convert-arith-to-apfloat).
//
// Before timing, every hand-written loop is checked bit for bit against
// Quanta on edge values, ties and random bit patterns, and upstream's results
// on the benchmark data are compared with Quanta's (upstream's quantize
// truncates and wraps, its FP8 cast does not saturate: the differences are
// counted and printed). After the run, a table gives Quanta's throughput
// relative to the other two (medians when repetitions are used). By default
// the benchmark runs 5 repetitions in random interleaved order (so that a
// background load drifting during the run does not favour one
// implementation) and reports aggregates only; any --benchmark_* flag on the
// command line overrides these. --skip-verify skips the checks;
// --in-cache adds Quanta and hand-written runs over 16 Ki elements (L2-
// resident), which compare the loops' instruction throughput rather than
// DRAM bandwidth. See docs/Benchmarks.md.
//
//===----------------------------------------------------------------------===//

#include "quanta_kernels.h"

#include <benchmark/benchmark.h>
#include <immintrin.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <unistd.h>

// (c) upstream MLIR, bare-pointer ABI, static 64 Mi elements.
extern "C" {
void upstream_quantize_per_tensor(const float *x, int8_t *q);
void upstream_quantize_per_channel(const float *x, int8_t *q);
void upstream_dequantize_per_tensor(const int8_t *q, float *x);
void upstream_dynamic_quantize(const float *x, int8_t *q, float *scale);
#if QUANTA_BENCH_UPSTREAM_FP8
void upstream_cast_fp8(const float *x, uint8_t *y);
#endif
}

#if QUANTA_BENCH_UPSTREAM_FP8
constexpr bool kHaveUpstreamFp8 = true;
#else
constexpr bool kHaveUpstreamFp8 = false; // libmlir_apfloat_wrappers missing
#endif

namespace {

constexpr int64_t kN = int64_t(64) << 20; // elements
constexpr int64_t kCols = 1024;           // per-channel: [kN / 1024, 1024]
// --in-cache: 16 Ki elements (64 KiB of f32, L2-resident), to compare the
// loops' instruction throughput without the DRAM bottleneck.
constexpr int64_t kSmallN = int64_t(16) << 10;

// Per-tensor parameters (also baked into benchmarks/upstream_quant.mlir).
constexpr float kScale = 0.01171875f; // 3/256
constexpr int8_t kZeroPoint = -3;
// Per-channel parameters, as in upstream_quant.mlir.
float channelScale(int64_t c) { return float(37 + (c * 7) % 61) / 4096.0f; }
int8_t channelZeroPoint(int64_t c) { return int8_t((c * 5) % 21 - 10); }

//===----------------------------------------------------------------------===//
// Buffers and data
//===----------------------------------------------------------------------===//

template <typename T> T *allocAligned(int64_t n) {
  size_t bytes = (size_t(n) * sizeof(T) + 63) / 64 * 64;
  void *p = std::aligned_alloc(64, bytes);
  if (!p) {
    std::fprintf(stderr, "quanta-bench: cannot allocate %zu bytes\n", bytes);
    std::exit(1);
  }
  std::memset(p, 0, bytes); // touch every page before timing
  return static_cast<T *>(p);
}

struct Rng {
  uint64_t s;
  uint64_t next() { // splitmix64
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  float uniform(float lo, float hi) {
    return lo + (hi - lo) * float(next() >> 40) * 0x1p-24f;
  }
  int64_t range(int64_t lo, int64_t hi) { // [lo, hi]
    return lo + int64_t(next() % uint64_t(hi - lo + 1));
  }
};

float fromBits(uint32_t b) {
  float f;
  std::memcpy(&f, &b, 4);
  return f;
}

/// A value spread over FP8 E4M3FN's range: subnormals, normals and overflow.
float fp8RangeValue(Rng &rng) {
  float m = rng.uniform(1.0f, 2.0f);
  float v = std::ldexp(m, int(rng.range(-12, 9)));
  return (rng.next() & 1) ? -v : v;
}

struct Data {
  float *x;        // quantize / dynamic / per-channel input: U(-2, 2)
  float *xFp8;     // FP8 cast input: +-[2^-12, 2^10)
  int8_t *q;       // dequantize input: uniform int8
  int8_t *outI8;   // int8 results
  int8_t *outI8b;  // a second int8 result (comparisons)
  float *outF32;   // f32 results
  float *outF32b;  // a second f32 result (comparisons)
  float *scales;      // per-channel parameters, on the heap as a model's
  int8_t *zeroPoints; // would be
  float scale = kScale;
  int8_t zeroPoint = kZeroPoint;
  float dynScale = 0;
};

Data *gData;

void initData(Data &d) {
  d.x = allocAligned<float>(kN);
  d.xFp8 = allocAligned<float>(kN);
  d.q = allocAligned<int8_t>(kN);
  d.outI8 = allocAligned<int8_t>(kN);
  d.outI8b = allocAligned<int8_t>(kN);
  d.outF32 = allocAligned<float>(kN);
  d.outF32b = allocAligned<float>(kN);
  d.scales = allocAligned<float>(kCols);
  d.zeroPoints = allocAligned<int8_t>(kCols);
  Rng rng{20260101};
  for (int64_t i = 0; i < kN; ++i) {
    d.x[i] = rng.uniform(-2.0f, 2.0f);
    d.xFp8[i] = fp8RangeValue(rng);
    d.q[i] = int8_t(rng.next());
  }
  for (int64_t c = 0; c < kCols; ++c) {
    d.scales[c] = channelScale(c);
    d.zeroPoints[c] = channelZeroPoint(c);
  }
}

//===----------------------------------------------------------------------===//
// (b) Hand-written AVX-512 loops
//===----------------------------------------------------------------------===//

/// round_half_even(x / s) + zp, saturated to int8; NaN gives zp.
inline __m128i quantize16(__m512 x, __m512 s, __m512i zp) {
  __m512 v = _mm512_div_ps(x, s);
  __mmask16 ordered = _mm512_cmp_ps_mask(v, v, _CMP_ORD_Q);
  // Clamp to +-2^30 so that the int32 conversion and the zero-point addition
  // cannot overflow (int8 saturation happens long before).
  v = _mm512_min_ps(_mm512_max_ps(v, _mm512_set1_ps(-0x1p30f)),
                    _mm512_set1_ps(0x1p30f));
  __m512i r = _mm512_cvt_roundps_epi32(v, _MM_FROUND_TO_NEAREST_INT |
                                              _MM_FROUND_NO_EXC);
  r = _mm512_mask_add_epi32(zp, ordered, r, zp); // NaN lanes: zp
  return _mm512_cvtsepi32_epi8(r);
}

void handQuantizePerTensor(const float *x, int64_t n, float scale, int8_t zp,
                           int8_t *out) {
  const __m512 s = _mm512_set1_ps(scale);
  const __m512i z = _mm512_set1_epi32(zp);
  int64_t i = 0;
  for (; i + 64 <= n; i += 64) {
    __m128i q0 = quantize16(_mm512_loadu_ps(x + i), s, z);
    __m128i q1 = quantize16(_mm512_loadu_ps(x + i + 16), s, z);
    __m128i q2 = quantize16(_mm512_loadu_ps(x + i + 32), s, z);
    __m128i q3 = quantize16(_mm512_loadu_ps(x + i + 48), s, z);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i), q0);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i + 16), q1);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i + 32), q2);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i + 48), q3);
  }
  for (; i < n; i += 16) {
    __mmask16 m = n - i >= 16 ? __mmask16(0xFFFF)
                              : __mmask16((1u << (n - i)) - 1);
    __m128i q = quantize16(_mm512_maskz_loadu_ps(m, x + i), s, z);
    _mm_mask_storeu_epi8(out + i, m, q);
  }
}

/// Per channel along the last axis of [rows, 1024].
void handQuantizePerChannel(const float *x, int64_t rows, const float *scales,
                            const int8_t *zps, int8_t *out) {
  alignas(64) int32_t zp32[kCols];
  for (int64_t c = 0; c < kCols; ++c)
    zp32[c] = zps[c];
  for (int64_t r = 0; r < rows; ++r) {
    const float *xr = x + r * kCols;
    int8_t *or_ = out + r * kCols;
    for (int64_t c = 0; c < kCols; c += 32) {
      __m128i q0 = quantize16(_mm512_loadu_ps(xr + c), _mm512_loadu_ps(scales + c),
                              _mm512_load_si512(zp32 + c));
      __m128i q1 = quantize16(_mm512_loadu_ps(xr + c + 16),
                              _mm512_loadu_ps(scales + c + 16),
                              _mm512_load_si512(zp32 + c + 16));
      _mm_storeu_si128(reinterpret_cast<__m128i *>(or_ + c), q0);
      _mm_storeu_si128(reinterpret_cast<__m128i *>(or_ + c + 16), q1);
    }
  }
}

/// (q - zp) * scale.
inline __m512 dequantize16(__m128i q, __m512 s, __m512i zp) {
  __m512i v = _mm512_sub_epi32(_mm512_cvtepi8_epi32(q), zp);
  return _mm512_mul_ps(_mm512_cvtepi32_ps(v), s);
}

void handDequantizePerTensor(const int8_t *q, int64_t n, float scale,
                             int8_t zp, float *out) {
  const __m512 s = _mm512_set1_ps(scale);
  const __m512i z = _mm512_set1_epi32(zp);
  int64_t i = 0;
  for (; i + 64 <= n; i += 64) {
    __m512i b = _mm512_loadu_si512(q + i);
    _mm512_storeu_ps(out + i,
                     dequantize16(_mm512_extracti32x4_epi32(b, 0), s, z));
    _mm512_storeu_ps(out + i + 16,
                     dequantize16(_mm512_extracti32x4_epi32(b, 1), s, z));
    _mm512_storeu_ps(out + i + 32,
                     dequantize16(_mm512_extracti32x4_epi32(b, 2), s, z));
    _mm512_storeu_ps(out + i + 48,
                     dequantize16(_mm512_extracti32x4_epi32(b, 3), s, z));
  }
  for (; i < n; i += 16) {
    __mmask16 m = n - i >= 16 ? __mmask16(0xFFFF)
                              : __mmask16((1u << (n - i)) - 1);
    _mm512_mask_storeu_ps(out + i, m,
                          dequantize16(_mm_maskz_loadu_epi8(m, q + i), s, z));
  }
}

/// Max-abs scale (NaNs ignored, 0 -> 1), then symmetric quantization.
void handDynamicQuantize(const float *x, int64_t n, int8_t *out,
                         float *scaleOut) {
  // vmaxps returns its second operand when either is NaN: max(|x|, acc)
  // keeps acc for a NaN x.
  __m512 a0 = _mm512_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
  int64_t i = 0;
  for (; i + 64 <= n; i += 64) {
    a0 = _mm512_max_ps(_mm512_abs_ps(_mm512_loadu_ps(x + i)), a0);
    a1 = _mm512_max_ps(_mm512_abs_ps(_mm512_loadu_ps(x + i + 16)), a1);
    a2 = _mm512_max_ps(_mm512_abs_ps(_mm512_loadu_ps(x + i + 32)), a2);
    a3 = _mm512_max_ps(_mm512_abs_ps(_mm512_loadu_ps(x + i + 48)), a3);
  }
  for (; i < n; i += 16) {
    __mmask16 m = n - i >= 16 ? __mmask16(0xFFFF)
                              : __mmask16((1u << (n - i)) - 1);
    a0 = _mm512_max_ps(_mm512_abs_ps(_mm512_maskz_loadu_ps(m, x + i)), a0);
  }
  float amax = _mm512_reduce_max_ps(
      _mm512_max_ps(_mm512_max_ps(a0, a1), _mm512_max_ps(a2, a3)));
  float scale = amax / 127.0f;
  if (scale == 0.0f)
    scale = 1.0f;
  *scaleOut = scale;
  handQuantizePerTensor(x, n, scale, 0, out);
}

/// f32 -> FP8 E4M3FN, round half to even, saturating (+-448), NaN -> 0x7F
/// with the sign kept, -0 -> 0x80.
inline __m128i encodeE4M3FN16(__m512 x) {
  const __m512i bits = _mm512_castps_si512(x);
  const __m512i sign =
      _mm512_and_si512(_mm512_srli_epi32(bits, 24), _mm512_set1_epi32(0x80));
  __m512i a = _mm512_and_si512(bits, _mm512_set1_epi32(0x7FFFFFFF));
  __mmask16 nan = _mm512_cmpgt_epu32_mask(a, _mm512_set1_epi32(0x7F800000));
  // Saturate: everything above 448 (0x43E00000), +inf included, becomes 448.
  a = _mm512_min_epu32(a, _mm512_set1_epi32(0x43E00000));
  // Normal results (|x| >= 2^-6): drop 20 mantissa bits with round half to
  // even, then rebias the exponent from 127 to 7.
  __m512i lsb =
      _mm512_and_si512(_mm512_srli_epi32(a, 20), _mm512_set1_epi32(1));
  __m512i rounded = _mm512_add_epi32(
      _mm512_add_epi32(a, _mm512_set1_epi32(0x7FFFF)), lsb);
  __m512i normal = _mm512_sub_epi32(_mm512_srli_epi32(rounded, 20),
                                    _mm512_set1_epi32(120 << 3));
  // Subnormal results (|x| < 2^-6): the code is |x| / 2^-9 rounded half to
  // even (the multiplication by 2^9 is exact); 8 is the smallest normal.
  __mmask16 small = _mm512_cmplt_epu32_mask(a, _mm512_set1_epi32(0x3C800000));
  __m512i sub = _mm512_cvt_roundps_epi32(
      _mm512_mul_ps(_mm512_castsi512_ps(a), _mm512_set1_ps(512.0f)),
      _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m512i code = _mm512_mask_blend_epi32(small, normal, sub);
  code = _mm512_mask_mov_epi32(code, nan, _mm512_set1_epi32(0x7F));
  return _mm512_cvtepi32_epi8(_mm512_or_si512(code, sign));
}

void handCastFp8(const float *x, int64_t n, uint8_t *out) {
  int64_t i = 0;
  for (; i + 64 <= n; i += 64) {
    __m128i c0 = encodeE4M3FN16(_mm512_loadu_ps(x + i));
    __m128i c1 = encodeE4M3FN16(_mm512_loadu_ps(x + i + 16));
    __m128i c2 = encodeE4M3FN16(_mm512_loadu_ps(x + i + 32));
    __m128i c3 = encodeE4M3FN16(_mm512_loadu_ps(x + i + 48));
    _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i), c0);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i + 16), c1);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i + 32), c2);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i + 48), c3);
  }
  for (; i < n; i += 16) {
    __mmask16 m = n - i >= 16 ? __mmask16(0xFFFF)
                              : __mmask16((1u << (n - i)) - 1);
    _mm_mask_storeu_epi8(out + i, m,
                         encodeE4M3FN16(_mm512_maskz_loadu_ps(m, x + i)));
  }
}

//===----------------------------------------------------------------------===//
// The kernels, per implementation
//===----------------------------------------------------------------------===//

enum Impl { Quanta, Hand, Upstream, kNumImpls };
const char *const kImplNames[] = {"quanta", "hand_avx512", "upstream"};

struct Kernel {
  const char *name;
  int64_t bytesPerElement; // input + output
  // Runs implementation `impl` over the first `n` elements of the benchmark
  // data (upstream's kernels have the static size kN).
  std::function<void(Impl, int64_t)> run;
  bool hasUpstream;
};

void runQuantizePerTensor(Impl impl, int64_t n = kN) {
  Data &d = *gData;
  switch (impl) {
  case Quanta:
    return quanta_quantize_per_tensor(d.x, n, &d.scale, &d.zeroPoint,
                                      d.outI8);
  case Hand:
    return handQuantizePerTensor(d.x, n, d.scale, d.zeroPoint, d.outI8);
  default:
    return upstream_quantize_per_tensor(d.x, d.outI8);
  }
}

void runQuantizePerChannel(Impl impl, int64_t n = kN) {
  Data &d = *gData;
  switch (impl) {
  case Quanta:
    return quanta_quantize_per_channel(d.x, n / kCols, d.scales, d.zeroPoints,
                                       d.outI8);
  case Hand:
    return handQuantizePerChannel(d.x, n / kCols, d.scales, d.zeroPoints, d.outI8);
  default:
    return upstream_quantize_per_channel(d.x, d.outI8);
  }
}

void runDequantizePerTensor(Impl impl, int64_t n = kN) {
  Data &d = *gData;
  switch (impl) {
  case Quanta:
    return quanta_dequantize_per_tensor(d.q, n, &d.scale, &d.zeroPoint,
                                        d.outF32);
  case Hand:
    return handDequantizePerTensor(d.q, n, d.scale, d.zeroPoint, d.outF32);
  default:
    return upstream_dequantize_per_tensor(d.q, d.outF32);
  }
}

void runDynamicQuantize(Impl impl, int64_t n = kN) {
  Data &d = *gData;
  switch (impl) {
  case Quanta:
    return quanta_dynamic_quantize(d.x, n, d.outI8, &d.dynScale);
  case Hand:
    return handDynamicQuantize(d.x, n, d.outI8, &d.dynScale);
  default:
    return upstream_dynamic_quantize(d.x, d.outI8, &d.dynScale);
  }
}

void runCastFp8(Impl impl, int64_t n = kN) {
  Data &d = *gData;
  uint8_t *out = reinterpret_cast<uint8_t *>(d.outI8);
  switch (impl) {
  case Quanta:
    return quanta_cast_fp8(d.xFp8, n, out);
  case Hand:
    return handCastFp8(d.xFp8, n, out);
  default:
#if QUANTA_BENCH_UPSTREAM_FP8
    return upstream_cast_fp8(d.xFp8, out);
#else
    std::abort();
#endif
  }
}

const std::vector<Kernel> &kernels() {
  static const std::vector<Kernel> k = {
      {"quantize_i8_per_tensor", 5, runQuantizePerTensor, true},
      {"quantize_i8_per_channel", 5, runQuantizePerChannel, true},
      {"dequantize_i8_per_tensor", 5, runDequantizePerTensor, true},
      {"dynamic_quantize_i8", 5, runDynamicQuantize, true},
      {"cast_f32_to_fp8_e4m3fn", 5, runCastFp8, kHaveUpstreamFp8},
  };
  return k;
}

//===----------------------------------------------------------------------===//
// Verification
//===----------------------------------------------------------------------===//

/// Inputs that exercise the edges: signed zeros, NaN, infinities, extremes,
/// denormals, FP8 boundaries (448, the 464 tie, 2^-6, 2^-9 ties), exact
/// quantization ties for the per-tensor and per-channel scales, random bit
/// patterns and random values in the benchmark's ranges. A multiple of 1024.
std::vector<float> verificationInputs(bool finiteOnly) {
  std::vector<float> v;
  const float inf = std::numeric_limits<float>::infinity();
  const float nan = std::numeric_limits<float>::quiet_NaN();
  float specials[] = {0.0f, -0.0f, nan, -nan, inf, -inf, 3.4e38f, -3.4e38f,
                      1e-45f, -1e-45f, 1.2e-38f, 448.0f, -448.0f, 464.0f,
                      -464.0f, std::nextafter(464.0f, 1e9f), 480.0f, 1e6f,
                      0x1p-6f, 0x1p-7f, 0x1p-9f, 0x1p-10f, 0x1.8p-10f,
                      0x1.8p-9f, 0x1.4p-9f, 1.0625f, 1.0625f + 0x1p-20f,
                      0x1.0fffffp0f, 1.5f, 2.5f, -2.5f, 127.5f, -128.5f};
  for (float f : specials)
    if (!finiteOnly || std::isfinite(f))
      v.push_back(f);
  for (int k = -300; k <= 300; ++k) // per-tensor ties (k + 0.5) * scale
    v.push_back((float(k) + 0.5f) * kScale);
  // FP8 ties and neighbours: midpoints between consecutive E4M3FN values.
  for (int e = -9; e <= 8; ++e)
    for (int m = 0; m < 16; ++m) {
      float mid = std::ldexp(1.0f + (float(m) + 0.5f) / 8.0f, e);
      v.push_back(mid);
      v.push_back(-std::nextafter(mid, 0.0f));
      v.push_back(std::nextafter(mid, 1e9f));
    }
  while (v.size() % kCols)
    v.push_back(0.5f);
  // Per-channel ties: a row block with x[r][c] = (k + 0.5) * scale[c].
  for (int k = -150; k < 150; k += 1)
    for (int64_t c = 0; c < kCols; ++c)
      v.push_back((float(k) + 0.5f) * channelScale(c));
  Rng rng{42};
  const int64_t total = int64_t(1) << 20;
  while (int64_t(v.size()) < total) {
    switch (rng.next() % 3) {
    case 0: {
      float f = fromBits(uint32_t(rng.next()));
      v.push_back(finiteOnly && !std::isfinite(f) ? 1.0f : f);
      break;
    }
    case 1:
      v.push_back(rng.uniform(-2.0f, 2.0f));
      break;
    default:
      v.push_back(fp8RangeValue(rng));
    }
  }
  return v;
}

template <typename T>
int64_t countMismatches(const T *a, const T *b, int64_t n,
                        int64_t *firstBad = nullptr) {
  int64_t bad = 0;
  for (int64_t i = 0; i < n; ++i)
    if (std::memcmp(a + i, b + i, sizeof(T)) != 0) {
      if (bad == 0 && firstBad)
        *firstBad = i;
      ++bad;
    }
  return bad;
}

void report(const char *what, int64_t bad, int64_t n, int64_t firstBad,
            const float *x, bool &ok) {
  std::printf("  %-44s %s (%lld elements", what, bad ? "MISMATCH" : "bit-exact",
              (long long)n);
  if (bad) {
    std::printf(", %lld differ; first at %lld, x = %a", (long long)bad,
                (long long)firstBad, double(x[firstBad]));
    ok = false;
  }
  std::printf(")\n");
}

/// Hand-written loops against Quanta, bit for bit.
bool verifyHandWritten() {
  bool ok = true;
  std::printf("Hand-written AVX-512 loops vs Quanta, bit for bit:\n");
  for (bool finiteOnly : {false, true}) {
    std::vector<float> x = verificationInputs(finiteOnly);
    int64_t n = int64_t(x.size());
    std::vector<int8_t> a(n), b(n);
    std::vector<float> fa(n), fb(n);
    int64_t first = 0, bad;
    const char *suffix = finiteOnly ? " [finite]" : " [edge+random]";
    std::string name;
    auto label = [&](const char *k) { return (name = k + std::string(suffix)).c_str(); };

    float s = kScale;
    int8_t zp = kZeroPoint;
    quanta_quantize_per_tensor(x.data(), n, &s, &zp, a.data());
    handQuantizePerTensor(x.data(), n, s, zp, b.data());
    bad = countMismatches(a.data(), b.data(), n, &first);
    report(label("quantize_i8_per_tensor"), bad, n, first, x.data(), ok);

    float scales[kCols];
    int8_t zps[kCols];
    for (int64_t c = 0; c < kCols; ++c) {
      scales[c] = channelScale(c);
      zps[c] = channelZeroPoint(c);
    }
    quanta_quantize_per_channel(x.data(), n / kCols, scales, zps, a.data());
    handQuantizePerChannel(x.data(), n / kCols, scales, zps, b.data());
    bad = countMismatches(a.data(), b.data(), n, &first);
    report(label("quantize_i8_per_channel"), bad, n, first, x.data(), ok);

    float sa = 0, sb = 0;
    quanta_dynamic_quantize(x.data(), n, a.data(), &sa);
    handDynamicQuantize(x.data(), n, b.data(), &sb);
    bad = countMismatches(a.data(), b.data(), n, &first) +
          (std::memcmp(&sa, &sb, 4) != 0);
    report(label("dynamic_quantize_i8"), bad, n, first, x.data(), ok);

    std::vector<uint8_t> ca(n), cb(n);
    quanta_cast_fp8(x.data(), n, ca.data());
    handCastFp8(x.data(), n, cb.data());
    bad = countMismatches(ca.data(), cb.data(), n, &first);
    report(label("cast_f32_to_fp8_e4m3fn"), bad, n, first, x.data(), ok);

    // Dequantize: every int8 code under several zero points.
    std::vector<int8_t> q(n);
    for (int64_t i = 0; i < n; ++i)
      q[i] = int8_t(i * 37 + (i >> 8));
    for (int8_t z : {int8_t(-128), int8_t(-3), int8_t(0), int8_t(127)}) {
      quanta_dequantize_per_tensor(q.data(), n, &s, &z, fa.data());
      handDequantizePerTensor(q.data(), n, s, z, fb.data());
      bad += countMismatches(fa.data(), fb.data(), n, &first);
    }
    report(label("dequantize_i8_per_tensor"), bad, 4 * n, first, x.data(), ok);
  }
  // Also the tails: odd lengths.
  {
    std::vector<float> x = verificationInputs(false);
    int64_t bad = 0;
    for (int64_t n : {1, 15, 17, 63, 65, 1000}) {
      std::vector<int8_t> a(n), b(n);
      std::vector<uint8_t> ca(n), cb(n);
      float s = kScale;
      int8_t zp = kZeroPoint;
      quanta_quantize_per_tensor(x.data() + 7, n, &s, &zp, a.data());
      handQuantizePerTensor(x.data() + 7, n, s, zp, b.data());
      bad += countMismatches(a.data(), b.data(), n);
      quanta_cast_fp8(x.data() + 7, n, ca.data());
      handCastFp8(x.data() + 7, n, cb.data());
      bad += countMismatches(ca.data(), cb.data(), n);
    }
    std::printf("  %-44s %s\n", "odd lengths (tails)",
                bad ? "MISMATCH" : "bit-exact");
    ok &= bad == 0;
  }
  return ok;
}

/// Upstream's results on the benchmark data, compared with Quanta's.
void compareUpstream() {
  Data &d = *gData;
  std::printf("Upstream MLIR vs Quanta on the benchmark data (%lld "
              "elements):\n",
              (long long)kN);
  auto pct = [](int64_t bad) { return 100.0 * double(bad) / double(kN); };

  runQuantizePerTensor(Quanta);
  std::swap(d.outI8, d.outI8b);
  runQuantizePerTensor(Upstream);
  int64_t bad = countMismatches(d.outI8, d.outI8b, kN);
  std::printf("  %-26s %lld differ (%.1f%%): --lower-quant-ops truncates "
              "and wraps\n",
              "quantize_i8_per_tensor", (long long)bad, pct(bad));

  runQuantizePerChannel(Quanta);
  std::swap(d.outI8, d.outI8b);
  runQuantizePerChannel(Upstream);
  bad = countMismatches(d.outI8, d.outI8b, kN);
  std::printf("  %-26s %lld differ (%.1f%%): --lower-quant-ops truncates "
              "and wraps\n",
              "quantize_i8_per_channel", (long long)bad, pct(bad));

  runDequantizePerTensor(Quanta);
  std::swap(d.outF32, d.outF32b);
  runDequantizePerTensor(Upstream);
  bad = countMismatches(d.outF32, d.outF32b, kN);
  std::printf("  %-26s %lld differ (%.1f%%)\n", "dequantize_i8_per_tensor",
              (long long)bad, pct(bad));

  float sq = 0;
  runDynamicQuantize(Quanta);
  sq = d.dynScale;
  std::swap(d.outI8, d.outI8b);
  runDynamicQuantize(Upstream);
  bad = countMismatches(d.outI8, d.outI8b, kN) + (sq != d.dynScale);
  std::printf("  %-26s %lld differ (%.1f%%) (hand-written linalg, scale %a "
              "vs %a)\n",
              "dynamic_quantize_i8", (long long)bad, pct(bad), double(sq),
              double(d.dynScale));

#if QUANTA_BENCH_UPSTREAM_FP8
  runCastFp8(Quanta);
  std::swap(d.outI8, d.outI8b);
  runCastFp8(Upstream);
  int64_t overflow = 0;
  bad = 0;
  for (int64_t i = 0; i < kN; ++i) {
    uint8_t qa = uint8_t(d.outI8b[i]), up = uint8_t(d.outI8[i]);
    if (qa == up)
      continue;
    ++bad;
    overflow += (qa & 0x7F) == 0x7E && (up & 0x7F) == 0x7F;
  }
  std::printf("  %-26s %lld differ (%.1f%%), %lld of them overflow "
              "(upstream NaN, Quanta +-448)\n",
              "cast_f32_to_fp8_e4m3fn", (long long)bad, pct(bad),
              (long long)overflow);
#endif
  std::swap(d.outI8, d.outI8b);
  std::swap(d.outF32, d.outF32b);
}

//===----------------------------------------------------------------------===//
// Benchmarks and the ratio table
//===----------------------------------------------------------------------===//

void benchKernel(benchmark::State &state, const Kernel *k, Impl impl,
                 int64_t n) {
  for (auto _ : state) {
    k->run(impl, n);
    benchmark::ClobberMemory();
  }
  // Shown as rates: GB/s of input + output bytes (each counted once, also
  // for the two-pass dynamic quantization) and Gelem/s.
  state.counters["GB"] = benchmark::Counter(
      double(n * k->bytesPerElement) / 1e9,
      benchmark::Counter::kIsIterationInvariantRate);
  state.counters["Gelem"] = benchmark::Counter(
      double(n) / 1e9, benchmark::Counter::kIsIterationInvariantRate);
}

/// The console reporter, keeping each benchmark's throughput: the median
/// aggregate when there is one, else the mean of the plain runs.
class Reporter : public benchmark::ConsoleReporter {
public:
  struct Entry {
    double median = 0, sum = 0;
    int runs = 0;
    bool hasMedian = false;
    double value() const {
      return hasMedian ? median : runs ? sum / runs : 0.0;
    }
  };
  std::map<std::string, Entry> results;

  using ConsoleReporter::ConsoleReporter;

  void ReportRuns(const std::vector<Run> &runs) override {
    for (const Run &run : runs) {
      auto it = run.counters.find("GB");
      if (it == run.counters.end() || run.error_occurred)
        continue;
      Entry &e = results[run.run_name.function_name];
      if (run.run_type == Run::RT_Aggregate) {
        if (run.aggregate_name == "median") {
          e.median = it->second.value;
          e.hasMedian = true;
        }
      } else {
        e.sum += it->second.value;
        ++e.runs;
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }

  /// One table per set: "" (64 Mi elements) and "/in_cache".
  void printRatios(const char *set, const char *title) const {
    bool any = false;
    for (const Kernel &k : kernels())
      any |= results.count(std::string(k.name) + "/quanta" + set) != 0;
    if (!any)
      return;
    std::printf("\n%s: throughput (GB/s of input + output; median) and "
                "Quanta's ratios\n",
                title);
    std::printf("%-26s %9s %9s %9s %14s %14s\n", "kernel", "quanta", "hand",
                "upstream", "quanta/hand", "quanta/upstr");
    for (const Kernel &k : kernels()) {
      double v[kNumImpls] = {};
      bool have[kNumImpls] = {};
      for (int i = 0; i < kNumImpls; ++i) {
        auto it =
            results.find(std::string(k.name) + "/" + kImplNames[i] + set);
        if (it != results.end() && it->second.value() > 0) {
          v[i] = it->second.value();
          have[i] = true;
        }
      }
      if (!have[Quanta])
        continue;
      std::printf("%-26s %9.2f", k.name, v[Quanta]);
      for (int i : {Hand, Upstream}) {
        if (have[i])
          std::printf(" %9.2f", v[i]);
        else
          std::printf(" %9s", "-");
      }
      for (int i : {Hand, Upstream}) {
        if (have[i])
          std::printf(" %13.2fx", v[Quanta] / v[i]);
        else
          std::printf(" %14s", "-");
      }
      std::printf("\n");
    }
  }
};

bool cpuHasAvx512() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f") &&
         __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512dq") &&
         __builtin_cpu_supports("avx512vl");
}

} // namespace

int main(int argc, char **argv) {
  if (!cpuHasAvx512()) {
    std::fprintf(stderr, "quanta-bench: this CPU lacks AVX-512 "
                         "(F/BW/DQ/VL), which the hand-written baseline "
                         "needs\n");
    return 1;
  }
  // Defaults first, so that the command line overrides them.
  std::vector<char *> args = {argv[0]};
  std::string reps = "--benchmark_repetitions=5";
  std::string aggr = "--benchmark_report_aggregates_only=true";
  std::string interleave = "--benchmark_enable_random_interleaving=true";
  args.push_back(reps.data());
  args.push_back(aggr.data());
  args.push_back(interleave.data());
  bool skipVerify = false, inCache = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--skip-verify") == 0)
      skipVerify = true;
    else if (std::strcmp(argv[i], "--in-cache") == 0)
      inCache = true;
    else
      args.push_back(argv[i]);
  }
  int n = int(args.size());
  benchmark::Initialize(&n, args.data());
  if (benchmark::ReportUnrecognizedArguments(n, args.data()))
    return 1;

  Data data;
  gData = &data;
  initData(data);

  bool ok = true;
  if (!skipVerify) {
    ok = verifyHandWritten();
    compareUpstream();
    std::printf("\n");
  }

  for (const Kernel &k : kernels())
    for (Impl impl : {Quanta, Hand, Upstream}) {
      if (impl == Upstream && !k.hasUpstream)
        continue;
      benchmark::RegisterBenchmark(
          (std::string(k.name) + "/" + kImplNames[impl]).c_str(), benchKernel,
          &k, impl, kN)
          // CPU time: on a shared machine the thread may be descheduled,
          // which wall time would count (the kernels are single-threaded).
          ->Unit(benchmark::kMillisecond);
      if (inCache && impl != Upstream)
        benchmark::RegisterBenchmark(
            (std::string(k.name) + "/" + kImplNames[impl] + "/in_cache")
                .c_str(),
            benchKernel, &k, impl, kSmallN)
            ->Unit(benchmark::kMicrosecond);
    }
  Reporter reporter(isatty(fileno(stdout)) ? Reporter::OO_ColorTabular
                                            : Reporter::OO_Tabular);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.printRatios("", "64 Mi elements");
  reporter.printRatios("/in_cache", "16 Ki elements, in cache");
  std::printf("Goals: quantize/dequantize >= 0.90x hand-written; FP8 cast "
              ">= 20x upstream.\n");
  benchmark::Shutdown();
  if (!ok)
    std::printf("WARNING: a hand-written loop disagrees with Quanta (see "
                "above)\n");
  return ok ? 0 : 2;
}
