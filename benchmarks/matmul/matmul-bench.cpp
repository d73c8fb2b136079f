//===- matmul-bench.cpp - quanta.matmul against oneDNN's matmul -----------===//
//
// quanta-matmul-bench: the quanta.matmul kernels of matmul_kernels.mlir
// (compiled for the host by quanta-compile) side by side with oneDNN's matmul
// primitive in the same process:
//
//   1. W8A8 GEMM (u8 activations with a zero point x s8 per-channel weights,
//      f32 result) at 256^3 and 1024^3, in GOP/s (2*M*N*K / time);
//   2. GEMV 1 x 4096 x 4096 with int8 per-channel and int4 per-group(32)
//      weights, weights cold (rotated copies, ~96 MiB in all), in GB/s of
//      weight bytes;
//   3. bf16 GEMM 1024^3 (linalg.matmul on bf16 with an f32 result).
//
// Every kernel's result is checked against a plain C++ reference before any
// timing (integer accumulators exactly, with unit scales; f32 results within
// 4 ulp, with real scales); the program exits with status 1 on a mismatch.
// oneDNN runs with 1 and with 2 OpenMP threads; Quanta's code is
// single-threaded. Results and analysis: docs/Benchmarks.md.
//
//===----------------------------------------------------------------------===//

#include "const_gemv.h"
#include "matmul_kernels.h"

// The same kernels compiled with --openmp (symbols renamed at build time).
extern "C" {
decltype(w8a8_256) w8a8_256_mt;
decltype(w8a8_1024) w8a8_1024_mt;
decltype(w8a8_gemv) w8a8_gemv_mt;
decltype(w8a8_gemv_nk) w8a8_gemv_nk_mt;
decltype(w4a8_gemv_nk) w4a8_gemv_nk_mt;
decltype(w4a8_gemv) w4a8_gemv_mt;
decltype(w4a8_prefill) w4a8_prefill_mt;
decltype(w4a8_zp_gemv) w4a8_zp_gemv_mt;
decltype(w4a8_zp_gemv_nk) w4a8_zp_gemv_nk_mt;
decltype(w4a8_zp_prefill) w4a8_zp_prefill_mt;
decltype(w8a8_group_gemv) w8a8_group_gemv_mt;
decltype(w8a8_group_prefill) w8a8_group_prefill_mt;
decltype(w4a32_gemv) w4a32_gemv_mt;
decltype(w8a32_gemv) w8a32_gemv_mt;
decltype(w4a32_gemv_nk) w4a32_gemv_nk_mt;
decltype(w8a32_gemv_nk) w8a32_gemv_nk_mt;
decltype(fp8_gemv) fp8_gemv_mt;
decltype(bf16_1024) bf16_1024_mt;
decltype(bf16_1024_nk) bf16_1024_nk_mt;
}

#include <benchmark/benchmark.h>
#include <oneapi/dnnl/dnnl.hpp>

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

//===----------------------------------------------------------------------===//
// Utilities
//===----------------------------------------------------------------------===//

/// 64-byte aligned, zero-initialized array.
template <typename T> class Buffer {
public:
  Buffer() = default;
  explicit Buffer(size_t n) : n(n) {
    size_t bytes = (n * sizeof(T) + 63) / 64 * 64;
    p.reset(static_cast<T *>(std::aligned_alloc(64, bytes ? bytes : 64)));
    std::memset(p.get(), 0, bytes);
  }
  T *data() const { return p.get(); }
  size_t size() const { return n; }
  T &operator[](size_t i) const { return p.get()[i]; }

private:
  struct Free {
    void operator()(T *q) const { std::free(q); }
  };
  std::unique_ptr<T, Free> p;
  size_t n = 0;
};

std::mt19937 rng(20240607);
int irand(int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}
float frand(float lo, float hi) {
  return std::uniform_real_distribution<float>(lo, hi)(rng);
}

/// `copies` buffers of the same n values, drawn by `draw`: a workload cycles
/// through them so that its weights are cold in the caches.
template <typename T, typename Draw>
std::vector<Buffer<T>> weightCopies(int copies, size_t n, Draw draw) {
  std::vector<Buffer<T>> w;
  w.emplace_back(n);
  for (size_t i = 0; i < n; ++i)
    w[0][i] = draw();
  for (int c = 1; c < copies; ++c) {
    w.emplace_back(n);
    std::memcpy(w[c].data(), w[0].data(), n * sizeof(T));
  }
  return w;
}

/// omp_set_num_threads of the OpenMP runtime `library` (already loaded).
void setRuntimeThreads(const char *library, int n) {
  void *handle = dlopen(library, RTLD_LAZY | RTLD_NOLOAD);
  auto fn = handle ? reinterpret_cast<void (*)(int)>(
                         dlsym(handle, "omp_set_num_threads"))
                   : nullptr;
  if (!fn) {
    std::fprintf(stderr, "omp_set_num_threads of %s not found\n", library);
    std::exit(2);
  }
  fn(n);
}

/// Sets the thread count of oneDNN and of Quanta's --openmp kernels. Debian's
/// oneDNN is built against GNU libgomp and the kernels call LLVM's libomp;
/// libomp, linked directly, comes first in the symbol search order and also
/// provides the GOMP_* entry points oneDNN calls, so both run on libomp; the
/// count is set in both runtimes all the same.
void setThreads(int n) {
  setRuntimeThreads("libgomp.so.1", n);
  setRuntimeThreads("libomp.so.5", n);
}

/// Distance in units in the last place between two finite floats.
int64_t ulpDistance(float x, float y) {
  auto ordered = [](float f) {
    int32_t i;
    std::memcpy(&i, &f, 4);
    return i < 0 ? int64_t(INT32_MIN) - i : int64_t(i);
  };
  return std::llabs(ordered(x) - ordered(y));
}

uint16_t toBf16(float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  u += 0x7fff + ((u >> 16) & 1); // round to nearest even (no NaNs here)
  return uint16_t(u >> 16);
}
float fromBf16(uint16_t h) {
  uint32_t u = uint32_t(h) << 16;
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}

/// Packs int4 values (one per int8) two per byte, the first in the low
/// nibble (docs/ABI.md).
void packInt4(const int8_t *values, size_t n, uint8_t *out) {
  for (size_t i = 0; i < n; i += 2)
    out[i / 2] = uint8_t(values[i] & 0xf) |
                 uint8_t((i + 1 < n ? values[i + 1] & 0xf : 0) << 4);
}

/// Streams `n` bytes (n % 32 == 0): the read bandwidth a GEMV's weights
/// could reach on one core.
uint64_t sumWords(const void *p, size_t n) {
  const uint64_t *q = static_cast<const uint64_t *>(p);
  uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (size_t i = 0; i < n / 8; i += 4) {
    s0 += q[i];
    s1 += q[i + 1];
    s2 += q[i + 2];
    s3 += q[i + 3];
  }
  return s0 + s1 + s2 + s3;
}

/// The same bytes read as four sequential streams side by side (the four
/// quarters, 32 bytes of each in turn): one core keeps more reads in flight
/// over a few long streams than over one (the int8 GEMV reads its weights
/// that way).
uint64_t sumWordsFourStreams(const void *p, size_t n) {
  const uint64_t *q = static_cast<const uint64_t *>(p);
  size_t quarter = n / 8 / 4;
  uint64_t s[4] = {0, 0, 0, 0};
  for (size_t i = 0; i < quarter; i += 4)
    for (size_t j = 0; j < 4; ++j)
      for (size_t w = 0; w < 4; ++w)
        s[w] += q[j * quarter + i + w];
  return s[0] + s[1] + s[2] + s[3];
}

/// One sequential stream again, 64 bytes at a time with a software
/// prefetch 16 KiB ahead: on Intel (session 8's Xeon) the scalar loops
/// above read 14–17 and 22–23 GB/s, and this one about 28, the rate the
/// GEMV kernels (which prefetch) can approach; on Zen 4 the three are
/// close.
uint64_t sumWordsPrefetched(const void *p, size_t n) {
  const uint64_t *q = static_cast<const uint64_t *>(p);
  uint64_t s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  for (size_t i = 0; i < n / 8; i += 8) {
    __builtin_prefetch(q + i + 2048, /*rw=*/0, /*locality=*/2);
    for (size_t w = 0; w < 8; ++w)
      s[w] += q[i + w];
  }
  return s[0] + s[1] + s[2] + s[3] + s[4] + s[5] + s[6] + s[7];
}

bool allChecksPassed = true;

/// Compares `got` with `want` at `idx`: bit-exact when maxUlp is 0.
struct Checker {
  const char *what;
  int64_t maxUlp;
  int64_t worst = 0, bad = 0, checked = 0;
  void operator()(size_t idx, float got, float want) {
    ++checked;
    int64_t d = (std::isfinite(got) && std::isfinite(want))
                    ? ulpDistance(got, want)
                    : (std::memcmp(&got, &want, 4) ? INT64_MAX : 0);
    worst = std::max(worst, d);
    if (d > maxUlp && bad++ < 5)
      std::printf("  MISMATCH %s [%zu]: got %.9g want %.9g (%lld ulp)\n", what,
                  idx, got, want, (long long)d);
  }
  void done() {
    std::printf("check %-48s %8lld values, max %lld ulp%s\n", what,
                (long long)checked, (long long)worst,
                bad ? "  FAILED" : "  ok");
    if (bad)
      allChecksPassed = false;
  }
};

//===----------------------------------------------------------------------===//
// Problems and references
//===----------------------------------------------------------------------===//

using W8A8Kernel = void (*)(const int8_t *, const int8_t *, const float *,
                            const int8_t *, const float *, float *);

/// y[m, n] = f32(sum_k (a[m, k] - za) * w[k, n]) * (sa * sw[n]): u8
/// activations, s8 per-channel weights. `copies` rotated weight copies.
struct W8A8 {
  int64_t M, N, K;
  Buffer<uint8_t> a;
  std::vector<Buffer<int8_t>> w;
  Buffer<float> sw, y;
  float sa = 0.0125f;
  uint8_t za = 0;

  W8A8(int64_t M, int64_t N, int64_t K, int copies) : M(M), N(N), K(K) {
    a = Buffer<uint8_t>(M * K);
    for (int64_t i = 0; i < M * K; ++i)
      a[i] = uint8_t(irand(0, 255));
    w = weightCopies<int8_t>(copies, K * N,
                             [] { return int8_t(irand(-128, 127)); });
    sw = Buffer<float>(N);
    for (int64_t n = 0; n < N; ++n)
      sw[n] = frand(0.001f, 0.01f);
    za = uint8_t(irand(100, 156));
    y = Buffer<float>(M * N);
  }

  /// The i32 accumulator of (m, n).
  int32_t acc(int64_t m, int64_t n) const {
    int32_t s = 0;
    for (int64_t k = 0; k < K; ++k)
      s += (int32_t(a[m * K + k]) - int32_t(za)) * int32_t(w[0][k * N + n]);
    return s;
  }
  /// Rows to check: all for small M, else the first 8, one in the middle and
  /// the last 8 (the 6-row register blocks and the row tail).
  std::vector<int64_t> checkRows() const {
    std::vector<int64_t> rows;
    for (int64_t m = 0; m < M; ++m)
      if (M <= 256 || m < 8 || m == M / 2 || m >= M - 8)
        rows.push_back(m);
    return rows;
  }
  /// Runs `run` (which writes y) with unit scales (exact accumulators), then
  /// with the real scales (<= 4 ulp).
  template <typename Run> void check(const std::string &what, Run run) {
    Buffer<float> realSw = std::move(sw);
    float realSa = sa;
    sw = Buffer<float>(N);
    for (int64_t n = 0; n < N; ++n)
      sw[n] = 1.0f;
    sa = 1.0f;
    run();
    std::string exact = what + " (unit scales, exact)";
    Checker c1{exact.c_str(), 0};
    std::vector<int64_t> rows = checkRows();
    std::vector<int32_t> accs(rows.size() * N);
    for (size_t r = 0; r < rows.size(); ++r)
      for (int64_t n = 0; n < N; ++n) {
        accs[r * N + n] = acc(rows[r], n);
        c1(rows[r] * N + n, y[rows[r] * N + n], float(accs[r * N + n]));
      }
    c1.done();
    sw = std::move(realSw);
    sa = realSa;
    run();
    std::string scaled = what + " (f32 scales)";
    Checker c2{scaled.c_str(), 4};
    for (size_t r = 0; r < rows.size(); ++r)
      for (int64_t n = 0; n < N; ++n)
        c2(rows[r] * N + n, y[rows[r] * N + n],
           0.0f + float(accs[r * N + n]) * (sa * sw[n]));
    c2.done();
  }
};

/// Random int4 weights [K, N] per group of 32 along K: one value per byte
/// for the references, `copies` packed copies with their f32 scales for the
/// kernels (rotated for cold GEMVs; the values and scales are the same).
struct Int4Weights {
  static constexpr int64_t G = 32;
  Buffer<int8_t> values;
  std::vector<Buffer<uint8_t>> packed;
  std::vector<Buffer<float>> scales;

  Int4Weights(int64_t N, int64_t K, int copies) {
    values = Buffer<int8_t>(K * N);
    for (int64_t i = 0; i < K * N; ++i)
      values[i] = int8_t(irand(-8, 7));
    for (int c = 0; c < copies; ++c) {
      packed.emplace_back(K * N / 2);
      packInt4(values.data(), K * N, packed[c].data());
      scales.emplace_back(K / G * N);
      for (int64_t i = 0; i < K / G * N; ++i)
        scales[c][i] = c ? scales[0][i] : frand(0.001f, 0.1f);
    }
  }
};

/// W4A8 (GEMV and prefill): y[m, n] = sum_g f32(sum_{k in g} a[m, k] *
/// w[k, n]) * (sa[m] * sw[g, n]), int4 weights per group of 32, packed;
/// or, with zero points (ONNX MatMulNBits' form), the same nibbles read as
/// uint4 u[k, n] and w[k, n] = u[k, n] - zw[g, n], the uint4 zero points
/// packed like the weights (one copy per copy of the weights); or int8
/// weights per group (W8A8, llama.cpp's Q8_0).
struct W4A8 {
  using Kernel = decltype(&w4a8_gemv);
  using ZpKernel = decltype(&w4a8_zp_gemv);
  using Int8Kernel = decltype(&w8a8_group_prefill);
  static constexpr int64_t G = Int4Weights::G;
  std::string name;
  int64_t M, N, K;
  // The latter of each pair compiled with --openmp.
  Kernel serial = nullptr, parallel = nullptr;
  ZpKernel zpSerial = nullptr, zpParallel = nullptr;
  Int8Kernel int8Serial = nullptr, int8Parallel = nullptr;
  Int4Weights weights;
  Buffer<int8_t> int8Values;
  std::vector<Buffer<int8_t>> int8Copies;
  Buffer<int8_t> &wValues = weights.values;
  std::vector<Buffer<uint8_t>> &w = weights.packed;
  std::vector<Buffer<float>> &sw = weights.scales;
  Buffer<int8_t> zwValues;
  std::vector<Buffer<uint8_t>> zw;
  Buffer<int8_t> a;
  Buffer<float> sa, y;

  W4A8(std::string name, int64_t M, int64_t N, int64_t K, int copies,
       Kernel serial, Kernel parallel)
      : W4A8(std::move(name), M, N, K, copies) {
    this->serial = serial;
    this->parallel = parallel;
  }
  W4A8(std::string name, int64_t M, int64_t N, int64_t K, int copies,
       ZpKernel serial, ZpKernel parallel)
      : W4A8(std::move(name), M, N, K, copies) {
    zpSerial = serial;
    zpParallel = parallel;
    zwValues = Buffer<int8_t>(K / G * N);
    for (int64_t i = 0; i < K / G * N; ++i)
      zwValues[i] = int8_t(irand(0, 15));
    for (int c = 0; c < copies; ++c) {
      zw.emplace_back(K / G * N / 2);
      packInt4(zwValues.data(), K / G * N, zw[c].data());
    }
  }
  W4A8(std::string name, int64_t M, int64_t N, int64_t K, int copies,
       Int8Kernel serial, Int8Kernel parallel)
      : W4A8(std::move(name), M, N, K, copies) {
    int8Serial = serial;
    int8Parallel = parallel;
    int8Values = Buffer<int8_t>(K * N);
    for (int64_t i = 0; i < K * N; ++i)
      int8Values[i] = int8_t(irand(-128, 127));
    for (int c = 0; c < copies; ++c) {
      int8Copies.emplace_back(K * N);
      std::memcpy(int8Copies[c].data(), int8Values.data(), K * N);
    }
  }
  W4A8(std::string name, int64_t M, int64_t N, int64_t K, int copies)
      : name(std::move(name)), M(M), N(N), K(K), weights(N, K, copies) {
    a = Buffer<int8_t>(M * K);
    for (int64_t i = 0; i < M * K; ++i)
      a[i] = int8_t(irand(-128, 127));
    sa = Buffer<float>(M);
    for (int64_t m = 0; m < M; ++m)
      sa[m] = frand(0.01f, 0.03f);
    y = Buffer<float>(M * N);
  }
  int64_t weightBytes() const { return K * N / 2; }

  /// The weight the kernel multiplies at (k, n).
  int32_t weight(int64_t k, int64_t n) const {
    if (int8Serial)
      return int8Values[k * N + n];
    int8_t v = wValues[k * N + n];
    if (!zpSerial)
      return v;
    return (v & 15) - zwValues[k / G * N + n];
  }

  void call(int c, bool mt, const float *lhsScales, const float *weightScales,
            float *out) {
    if (int8Serial)
      (mt ? int8Parallel : int8Serial)(a.data(), int8Copies[c].data(),
                                       lhsScales, weightScales, out);
    else if (zpSerial)
      (mt ? zpParallel : zpSerial)(a.data(), w[c].data(), lhsScales,
                                   weightScales, zw[c].data(), out);
    else
      (mt ? parallel : serial)(a.data(), w[c].data(), lhsScales, weightScales,
                               out);
  }

  void run(int c, bool mt = false) {
    call(c, mt, sa.data(), sw[c].data(), y.data());
  }

  void check(bool mt) {
    std::string how = mt ? " (--openmp, 2 threads)" : "";
    // Unit scales: y[m, n] = sum of the group accumulators, exact integers.
    Buffer<float> unit(K / G * N), ones(M), exactY(M * N);
    for (int64_t i = 0; i < K / G * N; ++i)
      unit[i] = 1.0f;
    for (int64_t m = 0; m < M; ++m)
      ones[m] = 1.0f;
    call(0, mt, ones.data(), unit.data(), exactY.data());
    run(0, mt);
    std::string form = int8Serial ? "Quanta W8A8 " : "Quanta W4A8 ";
    std::string exact = form + name + how + " (unit scales, exact)",
                scaled = form + name + how + " (f32 scales)";
    Checker c1{exact.c_str(), 0}, c2{scaled.c_str(), 4};
    std::vector<int32_t> accs(K / G * N);
    for (int64_t m = 0; m < M; ++m) {
      for (int64_t g = 0; g < K / G; ++g)
        for (int64_t n = 0; n < N; ++n) {
          int32_t s = 0;
          for (int64_t kk = 0; kk < G; ++kk)
            s += int32_t(a[m * K + g * G + kk]) * weight(g * G + kk, n);
          accs[g * N + n] = s;
        }
      for (int64_t n = 0; n < N; ++n) {
        int64_t s = 0;
        float r = 0.0f;
        for (int64_t g = 0; g < K / G; ++g) {
          s += accs[g * N + n];
          r = r + float(accs[g * N + n]) * (sa[m] * sw[0][g * N + n]);
        }
        c1(m * N + n, exactY[m * N + n], float(s));
        c2(m * N + n, y[m * N + n], r);
      }
    }
    c1.done();
    c2.done();
  }
};

/// Checks a weight-only GEMV's y against y[n] = sum_k a[k] * weight(k, n)
/// in f32, k order, separate multiply and add (the definition's order and
/// roundings: the same bits).
void checkKOrderGemv(const std::string &name, int64_t K, int64_t N,
                     const float *a, const float *y,
                     const std::function<float(int64_t, int64_t)> &weight) {
  Checker checker{name.c_str(), 0};
  for (int64_t n = 0; n < N; ++n) {
    float r = 0.0f;
    for (int64_t k = 0; k < K; ++k) {
      float product = a[k] * weight(k, n);
      r = r + product;
    }
    checker(n, y[n], r);
  }
  checker.done();
}

/// Weight-only W4A32 GEMV: y[n] = sum_k a[k] * (w[k, n] * sw[k / 32, n]),
/// f32 in k order (separate multiply and add), int4 weights packed; `nk`:
/// the same weights given N x K, packed along K (MatMulNBits).
struct W4A32 {
  static constexpr int64_t G = Int4Weights::G;
  int64_t N, K;
  bool nk;
  Int4Weights weights;
  Buffer<int8_t> &wValues = weights.values;
  std::vector<Buffer<uint8_t>> &w = weights.packed;
  std::vector<Buffer<float>> &sw = weights.scales;
  Buffer<float> a, y;

  W4A32(int64_t N, int64_t K, int copies, bool nk = false)
      : N(N), K(K), nk(nk), weights(N, K, copies) {
    a = Buffer<float>(K);
    for (int64_t k = 0; k < K; ++k)
      a[k] = frand(-2.0f, 2.0f);
    y = Buffer<float>(N);
    if (nk) {
      std::vector<int8_t> transposed(K * N);
      for (int64_t k = 0; k < K; ++k)
        for (int64_t n = 0; n < N; ++n)
          transposed[n * K + k] = wValues[k * N + n];
      for (auto &copy : w)
        packInt4(transposed.data(), K * N, copy.data());
    }
  }

  void run(int c, bool mt = false) {
    if (nk)
      (mt ? w4a32_gemv_nk_mt : w4a32_gemv_nk)(a.data(), w[c].data(),
                                              sw[c].data(), y.data());
    else
      (mt ? w4a32_gemv_mt : w4a32_gemv)(a.data(), w[c].data(), sw[c].data(),
                                        y.data());
  }

  void check(bool mt) {
    run(0, mt);
    checkKOrderGemv(std::string("Quanta W4A32 GEMV 1x4096x4096") +
                        (nk ? ", weights N x K" : "") +
                        (mt ? " (--openmp, 2 threads)" : ""),
                    K, N, a.data(), y.data(), [&](int64_t k, int64_t n) {
                      return float(wValues[k * N + n]) * sw[0][k / G * N + n];
                    });
  }
};

/// Weight-only W8A32 GEMV: y[n] = sum_k a[k] * (w[k, n] * sw[n]), f32 in k
/// order (separate multiply and add), int8 weights per column; `nk`: the
/// weights w[n, k] given N x K (a Linear layer's [out, in]).
struct W8A32 {
  int64_t N, K;
  bool nk;
  Buffer<float> a, sw, y;
  std::vector<Buffer<int8_t>> w; // rotated copies of the same values

  W8A32(int64_t N, int64_t K, int copies, bool nk = false)
      : N(N), K(K), nk(nk) {
    a = Buffer<float>(K);
    for (int64_t k = 0; k < K; ++k)
      a[k] = frand(-2.0f, 2.0f);
    sw = Buffer<float>(N);
    for (int64_t n = 0; n < N; ++n)
      sw[n] = frand(0.001f, 0.1f);
    w = weightCopies<int8_t>(copies, K * N,
                             [] { return int8_t(irand(-128, 127)); });
    y = Buffer<float>(N);
  }

  void run(int c, bool mt = false) {
    if (nk)
      (mt ? w8a32_gemv_nk_mt : w8a32_gemv_nk)(a.data(), w[c].data(), sw.data(),
                                              y.data());
    else
      (mt ? w8a32_gemv_mt : w8a32_gemv)(a.data(), w[c].data(), sw.data(),
                                        y.data());
  }

  void check(bool mt) {
    run(0, mt);
    checkKOrderGemv(std::string("Quanta W8A32 GEMV 1x4096x4096") +
                        (nk ? ", weights N x K" : "") +
                        (mt ? " (--openmp, 2 threads)" : ""),
                    K, N, a.data(), y.data(), [&](int64_t k, int64_t n) {
                      return float(nk ? w[0][n * K + k] : w[0][k * N + n]) *
                             sw[n];
                    });
  }
};

/// The value of the f8E4M3FN code `c` (not NaN).
float decodeE4M3(uint8_t c) {
  int e = (c >> 3) & 15, m = c & 7;
  float v = e ? std::ldexp(1.0f + float(m) / 8, e - 7)
              : std::ldexp(float(m) / 8, -6);
  return (c & 0x80) ? -v : v;
}

/// FP8 GEMV: y[n] = sum_k (a[k] * sa) * (w[k, n] * sw[n]), f32 in k order
/// (separate multiply and add), E4M3FN activations and weights (no NaN
/// codes), weights per column.
struct FP8Gemv {
  int64_t N, K;
  Buffer<uint8_t> a;
  Buffer<float> sw, y;
  float sa;
  std::vector<Buffer<uint8_t>> w; // rotated copies of the same values

  FP8Gemv(int64_t N, int64_t K, int copies) : N(N), K(K) {
    auto code = [] {
      for (;;) {
        uint8_t c = uint8_t(irand(0, 255));
        if ((c & 0x7F) != 0x7F)
          return c;
      }
    };
    a = Buffer<uint8_t>(K);
    for (int64_t k = 0; k < K; ++k)
      a[k] = code();
    sa = frand(0.5f, 2.0f);
    sw = Buffer<float>(N);
    for (int64_t n = 0; n < N; ++n)
      sw[n] = frand(0.001f, 0.1f);
    w = weightCopies<uint8_t>(copies, K * N, code);
    y = Buffer<float>(N);
  }

  void run(int c, bool mt = false) {
    (mt ? fp8_gemv_mt : fp8_gemv)(a.data(), w[c].data(), &sa, sw.data(),
                                  y.data());
  }

  void check(bool mt) {
    run(0, mt);
    std::vector<float> scaled(K);
    for (int64_t k = 0; k < K; ++k)
      scaled[k] = decodeE4M3(a[k]) * sa;
    checkKOrderGemv(std::string("Quanta FP8 GEMV 1x4096x4096") +
                        (mt ? " (--openmp, 2 threads)" : ""),
                    K, N, scaled.data(), y.data(), [&](int64_t k, int64_t n) {
                      return decodeE4M3(w[0][k * N + n]) * sw[n];
                    });
  }
};

//===----------------------------------------------------------------------===//
// oneDNN
//===----------------------------------------------------------------------===//

dnnl::engine &engine() {
  static dnnl::engine eng(dnnl::engine::kind::cpu, 0);
  return eng;
}

using dt = dnnl::memory::data_type;
using tag = dnnl::memory::format_tag;

/// A oneDNN matmul with one weights memory per rotated copy.
struct DnnlMatmul {
  dnnl::matmul prim;
  dnnl::memory src, dst;
  std::vector<dnnl::memory> weights;
  std::string impl;
  dnnl::stream stream{engine()};

  void run(int copy) {
    prim.execute(stream, {{DNNL_ARG_SRC, src},
                          {DNNL_ARG_WEIGHTS, weights[copy]},
                          {DNNL_ARG_DST, dst}});
    stream.wait();
  }
};

/// u8 (zero point za) x s8 -> f32 with per-column output scales sa * sw[n],
/// the same computation as the W8A8 kernels. With `prepacked`, the weights
/// are in oneDNN's preferred blocked layout (reordered once, outside the
/// timing); otherwise plain row-major, as Quanta takes them.
std::unique_ptr<DnnlMatmul> makeInt8Matmul(W8A8 &p, bool prepacked) {
  dnnl::memory::desc srcMd({p.M, p.K}, dt::u8, tag::ab);
  dnnl::memory::desc plainWeiMd({p.K, p.N}, dt::s8, tag::ab);
  dnnl::memory::desc weiMd({p.K, p.N}, dt::s8, prepacked ? tag::any : tag::ab);
  dnnl::memory::desc dstMd({p.M, p.N}, dt::f32, tag::ab);
  std::vector<float> scales(p.N);
  for (int64_t n = 0; n < p.N; ++n)
    scales[n] = p.sa * p.sw[n];
  dnnl::primitive_attr attr;
  attr.set_output_scales(1 << 1, scales);
  attr.set_zero_points(DNNL_ARG_SRC, 0, {int32_t(p.za)});
  dnnl::matmul::primitive_desc pd(dnnl::matmul::desc(srcMd, weiMd, dstMd), attr,
                                  engine());
  auto mm = std::make_unique<DnnlMatmul>();
  mm->prim = dnnl::matmul(pd);
  mm->impl = pd.impl_info_str();
  mm->src = dnnl::memory(srcMd, engine(), p.a.data());
  mm->dst = dnnl::memory(dstMd, engine(), p.y.data());
  for (auto &w : p.w) {
    dnnl::memory plain(plainWeiMd, engine(), w.data());
    if (pd.weights_desc() == plainWeiMd) {
      mm->weights.push_back(plain);
      continue;
    }
    dnnl::memory packed(pd.weights_desc(), engine());
    dnnl::reorder(plain, packed).execute(mm->stream, plain, packed);
    mm->stream.wait();
    mm->weights.push_back(packed);
  }
  return mm;
}

/// bf16 x bf16 -> f32 GEMM; the weights K x N (`w`) and N x K (`wt`).
struct Bf16Gemm {
  int64_t M, N, K;
  Buffer<uint16_t> a, w, wt;
  Buffer<float> y;
  Bf16Gemm(int64_t M, int64_t N, int64_t K)
      : M(M), N(N), K(K), a(M * K), w(K * N), wt(N * K), y(M * N) {
    for (int64_t i = 0; i < M * K; ++i)
      a[i] = toBf16(frand(-1, 1));
    for (int64_t i = 0; i < K * N; ++i)
      w[i] = toBf16(frand(-1, 1));
    for (int64_t k = 0; k < K; ++k)
      for (int64_t n = 0; n < N; ++n)
        wt[n * K + k] = w[k * N + n];
  }
};

/// oneDNN's GEMM on the weights K x N, or with `nk` on the N x K copy (the
/// weights' format `ba`).
std::unique_ptr<DnnlMatmul> makeBf16Matmul(Bf16Gemm &p, bool nk = false) {
  dnnl::memory::desc srcMd({p.M, p.K}, dt::bf16, tag::ab);
  dnnl::memory::desc weiMd({p.K, p.N}, dt::bf16, nk ? tag::ba : tag::ab);
  dnnl::memory::desc dstMd({p.M, p.N}, dt::f32, tag::ab);
  dnnl::matmul::primitive_desc pd(dnnl::matmul::desc(srcMd, weiMd, dstMd),
                                  engine());
  auto mm = std::make_unique<DnnlMatmul>();
  mm->prim = dnnl::matmul(pd);
  mm->impl = pd.impl_info_str();
  mm->src = dnnl::memory(srcMd, engine(), p.a.data());
  mm->dst = dnnl::memory(dstMd, engine(), p.y.data());
  mm->weights.push_back(
      dnnl::memory(weiMd, engine(), nk ? p.wt.data() : p.w.data()));
  return mm;
}

/// Checks oneDNN's int8 result against the reference (so that both sides
/// compute the same thing): <= 4 ulp.
void checkDnnlInt8(const std::string &what, W8A8 &p) {
  p.check(what, [&] {
    // The scales are baked into the primitive: one per set of scales.
    makeInt8Matmul(p, false)->run(0);
  });
}

/// Checks a bf16 GEMM's result (in p.y, computed by `run`) against an f64
/// reference: |err| <= 1e-5 sum |a * b| (K = 1024 f32 roundings).
void checkBf16(const char *what, Bf16Gemm &p, const std::function<void()> &run) {
  std::fill(p.y.data(), p.y.data() + p.M * p.N, 0.0f);
  run();
  int64_t bad = 0, checked = 0;
  for (int64_t m : {int64_t(0), p.M / 2, p.M - 1})
    for (int64_t n = 0; n < p.N; ++n) {
      double s = 0, abs = 0;
      for (int64_t k = 0; k < p.K; ++k) {
        double t = double(fromBf16(p.a[m * p.K + k])) *
                   double(fromBf16(p.w[k * p.N + n]));
        s += t;
        abs += std::fabs(t);
      }
      ++checked;
      if (std::fabs(p.y[m * p.N + n] - s) > 1e-5 * abs + 1e-6 && bad++ < 5)
        std::printf("  MISMATCH bf16 [%lld, %lld]: got %.9g want %.9g\n",
                    (long long)m, (long long)n, p.y[m * p.N + n], s);
    }
  std::printf("check %-48s %8lld values, |err| <= 1e-5 sum|a*b|%s\n",
              what, (long long)checked,
              bad ? "  FAILED" : "  ok");
  if (bad)
    allChecksPassed = false;
}

//===----------------------------------------------------------------------===//
// Benchmarks and the summary table
//===----------------------------------------------------------------------===//

enum Column { Quanta, Quanta2, Dnnl1, Dnnl2, Dnnl1Packed, NumColumns };

struct Row {
  std::string kernel, shape, unit;
  double work; // GOP or GB per call, for the table's unit
  double values[NumColumns] = {};
  std::string dnnlImpl;
  std::string note;      // "int4": compared by time with the int8 GEMV
  bool infoOnly = false; // printed under the table, not in it
};
std::vector<Row> rows;

void addRow(std::string kernel, std::string shape, std::string unit,
            double work) {
  Row row;
  row.kernel = std::move(kernel);
  row.shape = std::move(shape);
  row.unit = std::move(unit);
  row.work = work;
  rows.push_back(std::move(row));
}
std::map<std::string, std::pair<size_t, Column>> benchmarkCells;
std::map<std::string, bool> fromMedian;

/// Registers `fn` (one call per iteration) as the cell (row, column); the
/// counter is the row's unit per second.
template <typename Fn>
void add(size_t row, Column col, const std::string &name, Fn fn) {
  benchmarkCells[name] = {row, col};
  double work = rows[row].work;
  std::string unit = rows[row].unit;
  benchmark::RegisterBenchmark(
      name.c_str(),
      [fn, work, unit](benchmark::State &state) mutable {
        for (auto _ : state) {
          fn();
          benchmark::ClobberMemory();
        }
        state.counters[unit] = benchmark::Counter(
            work, benchmark::Counter::kIsIterationInvariantRate);
      })
      ->UseRealTime()
      ->Unit(benchmark::kMicrosecond);
}

/// Keeps the median of the repetitions (or the single run) of every cell.
class TableReporter : public benchmark::ConsoleReporter {
public:
  TableReporter()
      : ConsoleReporter(isatty(STDOUT_FILENO) ? OO_Defaults : OO_Tabular) {}
  void ReportRuns(const std::vector<Run> &runs) override {
    for (const Run &run : runs) {
      auto cell = benchmarkCells.find(run.run_name.function_name);
      if (cell == benchmarkCells.end() || run.error_occurred)
        continue;
      bool median =
          run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      bool single = run.run_type == Run::RT_Iteration;
      if (!median && !(single && !fromMedian[cell->first]))
        continue;
      Row &row = rows[cell->second.first];
      auto counter = run.counters.find(row.unit);
      if (counter == run.counters.end())
        continue;
      row.values[cell->second.second] = counter->second.value;
      if (median)
        fromMedian[cell->first] = true;
    }
    ConsoleReporter::ReportRuns(runs);
  }
};

void printTable() {
  std::printf("\nquanta-matmul-bench summary (median of the repetitions)\n");
  std::printf("%-34s %-16s %12s %12s %12s %12s %8s %8s  %s\n", "kernel",
              "shape", "Quanta 1T", "Quanta 2T", "oneDNN 1T", "oneDNN 2T",
              "1T ratio", "2T ratio", "unit");
  auto cell = [](double v) {
    char buf[32];
    if (v <= 0)
      std::snprintf(buf, sizeof buf, "n/a");
    else
      std::snprintf(buf, sizeof buf, v < 10 ? "%.2f" : "%.1f", v);
    return std::string(buf);
  };
  for (const Row &row : rows) {
    if (row.infoOnly)
      continue;
    double q = row.values[Quanta], d = row.values[Dnnl1];
    // Same work on both sides, except the int4 GEMV against oneDNN's int8
    // GEMV: compare the times of the two GEMVs (int8 reads twice the bytes).
    double ratio = (q > 0 && d > 0) ? q / d : 0;
    double q2 = row.values[Quanta2], d2 = row.values[Dnnl2];
    double ratio2 = (q2 > 0 && d2 > 0) ? q2 / d2 : 0;
    if (row.note == "int4") {
      ratio *= 2;
      ratio2 *= 2;
    }
    char r[16], r2[16];
    std::snprintf(r, sizeof r, ratio > 0 ? "%.2f" : "n/a", ratio);
    std::snprintf(r2, sizeof r2, ratio2 > 0 ? "%.2f" : "n/a", ratio2);
    std::printf("%-34s %-16s %12s %12s %12s %12s %8s %8s  %s\n",
                row.kernel.c_str(), row.shape.c_str(), cell(q).c_str(),
                cell(q2).c_str(), cell(d).c_str(), cell(d2).c_str(), r, r2,
                row.unit.c_str());
  }
  std::printf("\noneDNN 1T with weights prepacked once (format_tag::any), "
              "for reference:\n");
  for (const Row &row : rows)
    if (row.values[Dnnl1Packed] > 0 && row.note != "int4")
      std::printf("  %-34s %-16s %10.1f %s\n", row.kernel.c_str(),
                  row.shape.c_str(), row.values[Dnnl1Packed], row.unit.c_str());
  for (const Row &row : rows)
    if (row.note == "int4")
      std::printf("%s counting its f32 scales (8 MiB + 2 MiB): %.1f GB/s "
                  "(1T)\n",
                  row.kernel.c_str(), row.values[Quanta] * 1.25);
  for (const Row &row : rows)
    if (row.infoOnly)
      std::printf("%s (%s): %.1f %s\n", row.kernel.c_str(), row.shape.c_str(),
                  row.values[Quanta], row.unit.c_str());
  std::printf("\n1T/2T ratio: Quanta / oneDNN throughput of the same "
              "operation with 1 / 2 threads (Quanta 2T: compiled with --openmp; "
              "for the int4 GEMV: oneDNN int8 GEMV time / Quanta "
              "int4 GEMV time).\noneDNN implementations (1 thread):\n");
  for (const Row &row : rows)
    if (!row.dnnlImpl.empty() && row.note != "int4")
      std::printf("  %-34s %-16s %s\n", row.kernel.c_str(), row.shape.c_str(),
                  row.dnnlImpl.c_str());
  const dnnl_version_t *v = dnnl::version();
  std::printf("oneDNN %d.%d.%d (%s)\n", v->major, v->minor, v->patch, v->hash);
}

} // namespace

int main(int argc, char **argv) {
  // Defaults: 3 repetitions, medians only; any flag given overrides them.
  std::vector<char *> args(argv, argv + argc);
  bool hasReps = false, hasAggOnly = false;
  for (int i = 1; i < argc; ++i) {
    hasReps |= !std::strncmp(argv[i], "--benchmark_repetitions", 23);
    hasAggOnly |=
        !std::strncmp(argv[i], "--benchmark_report_aggregates_only", 34);
  }
  static char reps[] = "--benchmark_repetitions=3";
  static char aggOnly[] = "--benchmark_report_aggregates_only=true";
  if (!hasReps)
    args.push_back(reps);
  if (!hasAggOnly)
    args.push_back(aggOnly);
  int nargs = int(args.size());
  args.push_back(nullptr);
  benchmark::Initialize(&nargs, args.data());
  if (benchmark::ReportUnrecognizedArguments(nargs, args.data()))
    return 2;

  if (FILE *f = std::fopen("/proc/cpuinfo", "r")) {
    char line[256];
    while (std::fgets(line, sizeof line, f))
      if (!std::strncmp(line, "model name", 10)) {
        std::printf("CPU: %s", std::strchr(line, ':') + 2);
        break;
      }
    std::fclose(f);
  }

  // Cold weights for the GEMVs: rotate copies totalling ~96 MiB (3x L3).
  constexpr int64_t coldBytes = 96ll << 20;
  W8A8 g256(256, 256, 256, 1), g1024(1024, 1024, 1024, 1);
  W8A8 gemv8(1, 4096, 4096, int(coldBytes / (4096 * 4096)));
  W4A8 gemv4("GEMV 1x4096x4096", 1, 4096, 4096,
             int(coldBytes / (4096 * 4096 / 2 + 128 * 4096 * 4)), w4a8_gemv,
             w4a8_gemv_mt);
  W4A8 prefill4("prefill 64x4096x4096", 64, 4096, 4096, 1, w4a8_prefill,
                w4a8_prefill_mt);
  W4A8 gemv4zp("GEMV 1x4096x4096 with zero points", 1, 4096, 4096,
               int(coldBytes / (4096 * 4096 / 2 + 128 * 4096 * 9 / 2)),
               w4a8_zp_gemv, w4a8_zp_gemv_mt);
  W4A8 prefill4zp("prefill 64x4096x4096 with zero points", 64, 4096, 4096, 1,
                  w4a8_zp_prefill, w4a8_zp_prefill_mt);
  W4A8 gemv8g("per-group GEMV 1x4096x4096", 1, 4096, 4096,
              int(coldBytes / (4096 * 4096 + 128 * 4096 * 4)), w8a8_group_gemv,
              w8a8_group_gemv_mt);
  W4A8 prefill8g("per-group prefill 64x4096x4096", 64, 4096, 4096, 1,
                 w8a8_group_prefill, w8a8_group_prefill_mt);
  W4A32 gemv4f(4096, 4096,
               int(coldBytes / (4096 * 4096 / 2 + 128 * 4096 * 4)));
  W8A32 gemv8f(4096, 4096, int(coldBytes / (4096 * 4096)));
  W4A32 gemv4fNK(4096, 4096,
                 int(coldBytes / (4096 * 4096 / 2 + 128 * 4096 * 4)),
                 /*nk=*/true);
  W8A32 gemv8fNK(4096, 4096, int(coldBytes / (4096 * 4096)), /*nk=*/true);
  FP8Gemv gemvFp8(4096, 4096, int(coldBytes / (4096 * 4096)));
  Bf16Gemm bf(1024, 1024, 1024);

  // Correctness first: no timing for wrong code.
  setThreads(1);
  // Quanta's W8A8 kernels, serial and with OpenMP (2 threads).
  auto w8a8Call = [](W8A8Kernel fn, W8A8 &p, int copy) {
    fn(reinterpret_cast<int8_t *>(p.a.data()), p.w[copy].data(), &p.sa,
       reinterpret_cast<int8_t *>(&p.za), p.sw.data(), p.y.data());
  };
  setThreads(2);
  for (bool mt : {false, true}) {
    std::string how = mt ? " (--openmp, 2 threads)" : "";
    g256.check("Quanta W8A8 256^3" + how,
               [&] { w8a8Call(mt ? w8a8_256_mt : w8a8_256, g256, 0); });
    g1024.check("Quanta W8A8 1024^3" + how,
                [&] { w8a8Call(mt ? w8a8_1024_mt : w8a8_1024, g1024, 0); });
    gemv8.check("Quanta W8A8 GEMV 1x4096x4096" + how,
                [&] { w8a8Call(mt ? w8a8_gemv_mt : w8a8_gemv, gemv8, 0); });
  }
  // The N x K GEMV on the transpose of the first copy's weights: bit for
  // bit the K x N GEMV's result.
  {
    Buffer<int8_t> wT(4096 * 4096);
    for (int64_t k = 0; k < 4096; ++k)
      for (int64_t n = 0; n < 4096; ++n)
        wT[n * 4096 + k] = gemv8.w[0][k * 4096 + n];
    w8a8Call(w8a8_gemv, gemv8, 0);
    std::vector<float> want(gemv8.y.data(), gemv8.y.data() + 4096);
    for (bool mt : {false, true}) {
      (mt ? w8a8_gemv_nk_mt
          : w8a8_gemv_nk)(reinterpret_cast<int8_t *>(gemv8.a.data()), wT.data(),
                          &gemv8.sa, reinterpret_cast<int8_t *>(&gemv8.za),
                          gemv8.sw.data(), gemv8.y.data());
      if (std::memcmp(want.data(), gemv8.y.data(), 4096 * sizeof(float))) {
        std::printf("  MISMATCH Quanta W8A8 GEMV with the weights N x K%s\n",
                    mt ? " (--openmp, 2 threads)" : "");
        std::exit(1);
      }
    }
  }
  // The same for the W4A8 GEMV: its weights' values transposed and packed
  // along K.
  {
    std::vector<int8_t> values(4096 * 4096);
    for (int64_t k = 0; k < 4096; ++k)
      for (int64_t n = 0; n < 4096; ++n)
        values[n * 4096 + k] = gemv4.wValues[k * 4096 + n];
    Buffer<uint8_t> wT(4096 * 4096 / 2);
    packInt4(values.data(), values.size(), wT.data());
    gemv4.run(0);
    std::vector<float> want(gemv4.y.data(), gemv4.y.data() + 4096);
    for (bool mt : {false, true}) {
      (mt ? w4a8_gemv_nk_mt : w4a8_gemv_nk)(gemv4.a.data(), wT.data(),
                                            gemv4.sa.data(), gemv4.sw[0].data(),
                                            gemv4.y.data());
      if (std::memcmp(want.data(), gemv4.y.data(), 4096 * sizeof(float))) {
        std::printf("  MISMATCH Quanta W4A8 GEMV with the weights N x K%s\n",
                    mt ? " (--openmp, 2 threads)" : "");
        std::exit(1);
      }
    }
    // With zero points (MatMulNBits): the same nibbles read as uint4.
    gemv4zp.run(0);
    want.assign(gemv4zp.y.data(), gemv4zp.y.data() + 4096);
    for (int64_t k = 0; k < 4096; ++k)
      for (int64_t n = 0; n < 4096; ++n)
        values[n * 4096 + k] = gemv4zp.wValues[k * 4096 + n];
    packInt4(values.data(), values.size(), wT.data());
    for (bool mt : {false, true}) {
      (mt ? w4a8_zp_gemv_nk_mt : w4a8_zp_gemv_nk)(
          gemv4zp.a.data(), wT.data(), gemv4zp.sa.data(), gemv4zp.sw[0].data(),
          gemv4zp.zw[0].data(), gemv4zp.y.data());
      if (std::memcmp(want.data(), gemv4zp.y.data(), 4096 * sizeof(float))) {
        std::printf("  MISMATCH Quanta W4A8 GEMV with zero points and the "
                    "weights N x K%s\n",
                    mt ? " (--openmp, 2 threads)" : "");
        std::exit(1);
      }
    }
  }
  // The GEMV whose weights are compiled in (packed at compile time).
  W8A8 constGemv(1, 4096, 4096, 1);
  {
    std::ifstream weights(QUANTA_CONST_GEMV_WEIGHTS, std::ios::binary);
    weights.read(reinterpret_cast<char *>(constGemv.w[0].data()),
                 4096 * 4096);
    if (!weights) {
      std::printf("cannot read %s\n", QUANTA_CONST_GEMV_WEIGHTS);
      return 1;
    }
  }
  auto constGemvCall = [&] {
    w8a8_gemv_const(reinterpret_cast<int8_t *>(constGemv.a.data()),
                    &constGemv.sa, reinterpret_cast<int8_t *>(&constGemv.za),
                    constGemv.sw.data(), constGemv.y.data());
  };
  constGemv.check("Quanta W8A8 GEMV 1x4096x4096, constant weights",
                  constGemvCall);
  for (bool mt : {false, true}) {
    for (W4A8 *p :
         {&gemv4, &prefill4, &gemv4zp, &prefill4zp, &gemv8g, &prefill8g})
      p->check(mt);
    gemv4f.check(mt);
    gemv8f.check(mt);
    gemv4fNK.check(mt);
    gemv8fNK.check(mt);
    gemvFp8.check(mt);
  }
  checkDnnlInt8("oneDNN u8s8 256^3", g256);
  checkDnnlInt8("oneDNN u8s8 1024^3", g1024);
  checkDnnlInt8("oneDNN u8s8 GEMV 1x4096x4096", gemv8);
  std::unique_ptr<DnnlMatmul> bfCheck = makeBf16Matmul(bf);
  checkBf16("oneDNN bf16 GEMM 1024^3 (vs f64)", bf, [&] { bfCheck->run(0); });
  checkBf16("Quanta bf16 GEMM 1024^3 (vs f64)", bf,
            [&] { bf16_1024(bf.a.data(), bf.w.data(), bf.y.data()); });
  checkBf16("Quanta bf16 GEMM 1024^3, 2 threads (vs f64)", bf,
            [&] { bf16_1024_mt(bf.a.data(), bf.w.data(), bf.y.data()); });
  checkBf16("oneDNN bf16 GEMM 1024^3, weights N x K (vs f64)", bf,
            [&] { makeBf16Matmul(bf, /*nk=*/true)->run(0); });
  // The weights N x K give the K x N kernel's sums bit for bit.
  {
    bf16_1024(bf.a.data(), bf.w.data(), bf.y.data());
    std::vector<float> want(bf.y.data(), bf.y.data() + bf.M * bf.N);
    for (bool mt : {false, true}) {
      (mt ? bf16_1024_nk_mt : bf16_1024_nk)(bf.a.data(), bf.wt.data(),
                                            bf.y.data());
      if (std::memcmp(want.data(), bf.y.data(), want.size() * sizeof(float))) {
        std::printf("  MISMATCH Quanta bf16 GEMM with the weights N x K%s\n",
                    mt ? " (--openmp, 2 threads)" : "");
        allChecksPassed = false;
      }
    }
  }
  if (!allChecksPassed) {
    std::printf("result checks FAILED: not timing\n");
    return 1;
  }

  // The table's rows; oneDNN primitives are created under the thread count
  // they run with (oneDNN picks its blocking from it).
  addRow("int8 GEMM W8A8 (u8 x s8 -> f32)", "256x256x256", "GOP/s",
                  2.0 * 256 * 256 * 256 * 1e-9);
  addRow("int8 GEMM W8A8 (u8 x s8 -> f32)", "1024x1024x1024", "GOP/s",
                  2.0 * 1024 * 1024 * 1024 * 1e-9);
  addRow("GEMV int8 per-channel, cold", "1x4096x4096", "GB/s",
                  4096.0 * 4096 * 1e-9);
  addRow("GEMV int4 per-group(32), cold", "1x4096x4096", "GB/s",
                  4096.0 * 4096 / 2 * 1e-9);
  rows.back().note = "int4";
  addRow("bf16 GEMM (bf16 x bf16 -> f32)", "1024x1024x1024", "GOP/s",
                  2.0 * 1024 * 1024 * 1024 * 1e-9);
  addRow("GEMV int8, constant weights, cold", "1x4096x4096", "GB/s",
         4096.0 * 4096 * 1e-9);
  // oneDNN 2.6 has no int4 matmul: no comparison for these two.
  addRow("W4A8 prefill, int4 per-group(32)", "64x4096x4096", "GOP/s",
         2.0 * 64 * 4096 * 4096 * 1e-9);
  addRow("GEMV W4A32 (f32 x int4 g32), cold", "1x4096x4096", "GB/s",
         4096.0 * 4096 / 2 * 1e-9);
  addRow("GEMV W8A32 (f32 x int8 per col), cold", "1x4096x4096", "GB/s",
         4096.0 * 4096 * 1e-9);
  addRow("Memory read ceiling, 1 thread: sum of the cold int8 "
                  "GEMV weights",
                  "16 MiB rotated", "GB/s", 4096.0 * 4096 * 1e-9);
  rows.back().infoOnly = true;
  addRow("GEMV FP8 (E4M3 x E4M3 per col), cold", "1x4096x4096", "GB/s",
         4096.0 * 4096 * 1e-9);
  addRow("GEMV FP8 (E4M3 x E4M3 per col), hot", "1x4096x4096", "GB/s",
         4096.0 * 4096 * 1e-9);
  addRow("Memory read ceiling, 1 thread: the same as 4 streams of 4 MiB",
         "16 MiB rotated", "GB/s", 4096.0 * 4096 * 1e-9);
  rows.back().infoOnly = true;
  addRow("Memory read ceiling, 1 thread: one stream, software prefetch "
         "16 KiB ahead",
         "16 MiB rotated", "GB/s", 4096.0 * 4096 * 1e-9);
  rows.back().infoOnly = true;
  addRow("GEMV int8 per-channel, timed as the constant-weight row (128 MiB "
         "sweep, then one call)",
         "1x4096x4096", "GB/s", 4096.0 * 4096 * 1e-9);
  rows.back().infoOnly = true;
  // ONNX MatMulNBits' asymmetric form: uint4 weights with zero points.
  addRow("GEMV W4A8 ui4 + zero points(32), cold", "1x4096x4096", "GB/s",
         4096.0 * 4096 / 2 * 1e-9);
  addRow("W4A8 prefill, ui4 + zero points(32)", "64x4096x4096", "GOP/s",
         2.0 * 64 * 4096 * 4096 * 1e-9);
  addRow("W8A8 prefill, int8 per-group(32)", "64x4096x4096", "GOP/s",
         2.0 * 64 * 4096 * 4096 * 1e-9);
  addRow("GEMV W8A8 int8 per-group(32), cold", "1x4096x4096", "GB/s",
         4096.0 * 4096 * 1e-9);
  // The weights N x K: transposed (--quanta-block-transposes) on every call.
  addRow("GEMV int8 per-channel, weights N x K, cold", "1x4096x4096", "GB/s",
         4096.0 * 4096 * 1e-9);
  rows.back().infoOnly = true;
  size_t nkRow = rows.size() - 1;
  addRow("GEMV int4 per-group(32), weights N x K, cold", "1x4096x4096", "GB/s",
         4096.0 * 4096 / 2 * 1e-9);
  rows.back().infoOnly = true;
  size_t nk4Row = rows.size() - 1;
  addRow("GEMV W4A8 ui4 + zero points(32), weights N x K, cold", "1x4096x4096",
         "GB/s", 4096.0 * 4096 / 2 * 1e-9);
  rows.back().infoOnly = true;
  size_t nk4ZpRow = rows.size() - 1;
  addRow("bf16 GEMM, weights N x K", "1024x1024x1024", "GOP/s",
         2.0 * 1024 * 1024 * 1024 * 1e-9);
  size_t bfNKRow = rows.size() - 1;
  addRow("GEMV weight-only W4A32 int4 per-group(32), weights N x K "
         "(MatMulNBits), cold",
         "1x4096x4096", "GB/s", 4096.0 * 4096 / 2 * 1e-9);
  rows.back().infoOnly = true;
  size_t w4fNKRow = rows.size() - 1;
  addRow("GEMV weight-only W8A32 int8 per-column, weights N x K, cold",
         "1x4096x4096", "GB/s", 4096.0 * 4096 * 1e-9);
  rows.back().infoOnly = true;
  size_t w8fNKRow = rows.size() - 1;

  // oneDNN primitives for 1 and 2 threads (and prepacked, 1 thread).
  struct Dnnl {
    std::unique_ptr<DnnlMatmul> t1, t2, packed;
  };
  auto makeAll = [](W8A8 &p) {
    Dnnl d;
    setThreads(1);
    d.t1 = makeInt8Matmul(p, false);
    d.packed = makeInt8Matmul(p, true);
    setThreads(2);
    d.t2 = makeInt8Matmul(p, false);
    setThreads(1);
    return d;
  };
  Dnnl d256 = makeAll(g256), d1024 = makeAll(g1024), dGemv = makeAll(gemv8);
  setThreads(1);
  std::unique_ptr<DnnlMatmul> bf1 = makeBf16Matmul(bf);
  setThreads(2);
  std::unique_ptr<DnnlMatmul> bf2 = makeBf16Matmul(bf);
  std::unique_ptr<DnnlMatmul> bfNK2 = makeBf16Matmul(bf, /*nk=*/true);
  setThreads(1);
  std::unique_ptr<DnnlMatmul> bfNK1 = makeBf16Matmul(bf, /*nk=*/true);
  rows[bfNKRow].dnnlImpl = bfNK1->impl;
  rows[0].dnnlImpl = d256.t1->impl;
  rows[1].dnnlImpl = d1024.t1->impl;
  rows[2].dnnlImpl = rows[3].dnnlImpl = dGemv.t1->impl;
  rows[4].dnnlImpl = bf1->impl;

  auto dnnlCells = [](size_t row, const std::string &name, Dnnl &d) {
    int copies = int(d.t1->weights.size());
    auto rotate = [copies](DnnlMatmul *mm, int threads) {
      return [mm, threads, copies, c = 0]() mutable {
        // Each benchmark sets its thread count (cheap when unchanged).
        setThreads(threads);
        mm->run(c);
        c = (c + 1) % copies;
      };
    };
    add(row, Dnnl1, name + "/onednn/threads:1", rotate(d.t1.get(), 1));
    add(row, Dnnl2, name + "/onednn/threads:2", rotate(d.t2.get(), 2));
    add(row, Dnnl1Packed, name + "/onednn-prepacked/threads:1",
        rotate(d.packed.get(), 1));
  };

  // Quanta's cells of a workload with copies of its weights, cycled through
  // (cold): one thread and two.
  auto coldCells = [](size_t row, const std::string &name, auto &workload) {
    add(row, Quanta, name + "/quanta", [&workload, c = 0]() mutable {
      workload.run(c);
      c = (c + 1) % int(workload.w.size());
    });
    add(row, Quanta2, name + "/quanta/threads:2",
        [&workload, c = 0]() mutable {
          setThreads(2);
          workload.run(c, /*mt=*/true);
          c = (c + 1) % int(workload.w.size());
        });
  };

  add(0, Quanta, "w8a8_gemm_256/quanta",
      [&] { w8a8Call(w8a8_256, g256, 0); });
  add(0, Quanta2, "w8a8_gemm_256/quanta/threads:2", [&] {
    setThreads(2);
    w8a8Call(w8a8_256_mt, g256, 0);
  });
  dnnlCells(0, "w8a8_gemm_256", d256);
  add(1, Quanta, "w8a8_gemm_1024/quanta",
      [&] { w8a8Call(w8a8_1024, g1024, 0); });
  add(1, Quanta2, "w8a8_gemm_1024/quanta/threads:2", [&] {
    setThreads(2);
    w8a8Call(w8a8_1024_mt, g1024, 0);
  });
  dnnlCells(1, "w8a8_gemm_1024", d1024);
  add(2, Quanta, "gemv_int8_4096_cold/quanta", [&, c = 0]() mutable {
    w8a8Call(w8a8_gemv, gemv8, c);
    c = (c + 1) % int(gemv8.w.size());
  });
  add(2, Quanta2, "gemv_int8_4096_cold/quanta/threads:2",
      [&, c = 0]() mutable {
        setThreads(2);
        w8a8Call(w8a8_gemv_mt, gemv8, c);
        c = (c + 1) % int(gemv8.w.size());
      });
  dnnlCells(2, "gemv_int8_4096_cold", dGemv);
  coldCells(3, "gemv_int4_g32_4096_cold", gemv4);
  add(nkRow, Quanta, "gemv_int8_nk_4096_cold/quanta", [&, c = 0]() mutable {
    w8a8Call(w8a8_gemv_nk, gemv8, c);
    c = (c + 1) % int(gemv8.w.size());
  });
  auto w4a8NK = [&](W4A8::Kernel fn, int c) {
    fn(gemv4.a.data(), gemv4.w[c].data(), gemv4.sa.data(), gemv4.sw[c].data(),
       gemv4.y.data());
  };
  add(nk4Row, Quanta, "gemv_int4_nk_4096_cold/quanta", [&, c = 0]() mutable {
    w4a8NK(w4a8_gemv_nk, c);
    c = (c + 1) % int(gemv4.w.size());
  });
  add(nk4Row, Quanta2, "gemv_int4_nk_4096_cold/quanta/threads:2",
      [&, c = 0]() mutable {
        setThreads(2);
        w4a8NK(w4a8_gemv_nk_mt, c);
        c = (c + 1) % int(gemv4.w.size());
      });
  auto w4a8ZpNK = [&](W4A8::ZpKernel fn, int c) {
    fn(gemv4zp.a.data(), gemv4zp.w[c].data(), gemv4zp.sa.data(),
       gemv4zp.sw[c].data(), gemv4zp.zw[c].data(), gemv4zp.y.data());
  };
  add(nk4ZpRow, Quanta, "gemv_int4_zp_nk_4096_cold/quanta",
      [&, c = 0]() mutable {
        w4a8ZpNK(w4a8_zp_gemv_nk, c);
        c = (c + 1) % int(gemv4zp.w.size());
      });
  add(nk4ZpRow, Quanta2, "gemv_int4_zp_nk_4096_cold/quanta/threads:2",
      [&, c = 0]() mutable {
        setThreads(2);
        w4a8ZpNK(w4a8_zp_gemv_nk_mt, c);
        c = (c + 1) % int(gemv4zp.w.size());
      });
  add(nkRow, Quanta2, "gemv_int8_nk_4096_cold/quanta/threads:2",
      [&, c = 0]() mutable {
        setThreads(2);
        w8a8Call(w8a8_gemv_nk_mt, gemv8, c);
        c = (c + 1) % int(gemv8.w.size());
      });
  // oneDNN 2.6 has no int4 matmul: the int4 row compares with the int8 GEMV
  // (filled in from row 2 after the run).
  add(4, Quanta, "bf16_gemm_1024/quanta", [&] {
    bf16_1024(bf.a.data(), bf.w.data(), bf.y.data());
  });
  add(4, Quanta2, "bf16_gemm_1024/quanta/threads:2", [&] {
    setThreads(2);
    bf16_1024_mt(bf.a.data(), bf.w.data(), bf.y.data());
  });
  add(4, Dnnl1, "bf16_gemm_1024/onednn/threads:1", [&] {
    setThreads(1);
    bf1->run(0);
  });
  add(4, Dnnl2, "bf16_gemm_1024/onednn/threads:2", [&] {
    setThreads(2);
    bf2->run(0);
  });
  add(bfNKRow, Quanta, "bf16_gemm_1024_nk/quanta",
      [&] { bf16_1024_nk(bf.a.data(), bf.wt.data(), bf.y.data()); });
  add(bfNKRow, Quanta2, "bf16_gemm_1024_nk/quanta/threads:2", [&] {
    setThreads(2);
    bf16_1024_nk_mt(bf.a.data(), bf.wt.data(), bf.y.data());
  });
  add(bfNKRow, Dnnl1, "bf16_gemm_1024_nk/onednn/threads:1", [&] {
    setThreads(1);
    bfNK1->run(0);
  });
  add(bfNKRow, Dnnl2, "bf16_gemm_1024_nk/onednn/threads:2", [&] {
    setThreads(2);
    bfNK2->run(0);
  });

  // Constant weights cannot rotate: the caches are flushed (a 128 MiB
  // sweep) before each call, outside the timed region. The int8 GEMV with
  // weights at run time is also timed that way (row 14): a single call
  // after the sweep reads more slowly than back-to-back calls over rotated
  // copies.
  static Buffer<uint64_t> sweep((128 << 20) / 8);
  auto addSwept = [&](size_t row, const std::string &name,
                      std::function<void()> call) {
    benchmarkCells[name] = {row, Quanta};
    double work = rows[row].work;
    benchmark::RegisterBenchmark(
        name.c_str(),
        [&, work, call](benchmark::State &state) {
          for (auto _ : state) {
            benchmark::DoNotOptimize(sumWords(sweep.data(), 128 << 20));
            auto start = std::chrono::steady_clock::now();
            call();
            benchmark::ClobberMemory();
            state.SetIterationTime(std::chrono::duration<double>(
                                       std::chrono::steady_clock::now() - start)
                                       .count());
          }
          state.counters["GB/s"] = benchmark::Counter(
              work, benchmark::Counter::kIsIterationInvariantRate);
        })
        ->UseManualTime()
        ->Unit(benchmark::kMicrosecond);
  };
  addSwept(5, "gemv_int8_4096_const_cold/quanta", constGemvCall);
  addSwept(14, "gemv_int8_4096_swept/quanta",
           [&] { w8a8Call(w8a8_gemv, gemv8, 0); });

  add(6, Quanta, "w4a8_prefill_64x4096/quanta", [&] { prefill4.run(0); });
  add(6, Quanta2, "w4a8_prefill_64x4096/quanta/threads:2", [&] {
    setThreads(2);
    prefill4.run(0, /*mt=*/true);
  });
  coldCells(7, "gemv_w4a32_g32_4096_cold", gemv4f);
  coldCells(8, "gemv_w8a32_4096_cold", gemv8f);
  coldCells(w4fNKRow, "gemv_w4a32_g32_nk_4096_cold", gemv4fNK);
  coldCells(w8fNKRow, "gemv_w8a32_nk_4096_cold", gemv8fNK);
  add(9, Quanta, "memory_read_16MiB_cold", [&, c = 0]() mutable {
    benchmark::DoNotOptimize(sumWords(gemv8.w[c].data(), 4096 * 4096));
    c = (c + 1) % int(gemv8.w.size());
  });

  coldCells(10, "gemv_fp8_4096_cold", gemvFp8);
  coldCells(15, "gemv_int4_zp_g32_4096_cold", gemv4zp);
  add(16, Quanta, "w4a8_zp_prefill_64x4096/quanta", [&] { prefill4zp.run(0); });
  add(16, Quanta2, "w4a8_zp_prefill_64x4096/quanta/threads:2", [&] {
    setThreads(2);
    prefill4zp.run(0, /*mt=*/true);
  });
  add(17, Quanta, "w8a8_group_prefill_64x4096/quanta",
      [&] { prefill8g.run(0); });
  add(17, Quanta2, "w8a8_group_prefill_64x4096/quanta/threads:2", [&] {
    setThreads(2);
    prefill8g.run(0, /*mt=*/true);
  });
  coldCells(18, "gemv_int8_g32_4096_cold", gemv8g);
  // The same copy of the weights every call (16 MiB: in L3 where it fits).
  add(11, Quanta, "gemv_fp8_4096_hot/quanta", [&] { gemvFp8.run(0); });
  add(11, Quanta2, "gemv_fp8_4096_hot/quanta/threads:2", [&] {
    setThreads(2);
    gemvFp8.run(0, /*mt=*/true);
  });

  add(12, Quanta, "memory_read_4_streams_16MiB_cold", [&, c = 0]() mutable {
    benchmark::DoNotOptimize(
        sumWordsFourStreams(gemv8.w[c].data(), 4096 * 4096));
    c = (c + 1) % int(gemv8.w.size());
  });
  add(13, Quanta, "memory_read_prefetched_16MiB_cold", [&, c = 0]() mutable {
    benchmark::DoNotOptimize(
        sumWordsPrefetched(gemv8.w[c].data(), 4096 * 4096));
    c = (c + 1) % int(gemv8.w.size());
  });

  std::printf("\nweights copies rotated: int8 GEMV %zu x 16 MiB, int4 GEMV "
              "%zu x (8 MiB + 2 MiB scales)\n\n",
              gemv8.w.size(), gemv4.w.size());
  TableReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  // The int4 GEMV's oneDNN columns: the int8 GEMV, in GB/s of its own
  // (int8) weight bytes.
  for (Column c : {Dnnl1, Dnnl2, Dnnl1Packed})
    rows[3].values[c] = rows[2].values[c];
  printTable();
  return 0;
}
