//===- harness.cpp - Quanta GPU kernels vs the reference and cuBLASLt -----===//
//
// The run half of scripts/gpu-check.sh: calls the entry points compiled from
// kernels.mlir (and kernels-fp8.mlir unless QUANTA_NO_FP8) on device
// buffers, compares every result with quanta::ref (bit for bit for the
// integer and quantization paths; within a stated bound for f32
// accumulation of f16/FP8 products and for weight-only int4, see
// docs/GPU.md), then times int8 and FP8 GEMM (4096^3) and GEMV
// (1x4096x4096) against cuBLASLt in the same format, and weight-only int4
// (f16 x ui4 per group of 128) against cuBLASLt's f16 GEMM, and prints the
// ratios and one summary line.
//
// Plain C++17 with the CUDA runtime (allocation, streams), cuBLASLt and the
// reference library; the entry points launch through the driver shim
// (runtime/cuda/QuantaCudaRuntime.cpp) on the primary context, which the
// runtime API shares. Some checks and every benchmark call the entry points'
// `_async` variants on the harness's stream, the others the synchronous
// ones, so that both are tested.
//
//===----------------------------------------------------------------------===//

#include "kernels.h"
#ifndef QUANTA_NO_FP8
#include "kernels-fp8.h"
#endif

#include "quanta/Reference/Formats.h"
#include "quanta/Reference/Matmul.h"
#include "quanta/Reference/Quantize.h"

#include <cublasLt.h>
#include <cuda_runtime.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace quanta::ref;

namespace {

/// Calls entry point `f` on `stream`: its `_async` variant (the kernels are
/// enqueued; synchronize `stream` before reading results). The CPU
/// stand-in's entry points are host code, which has no such variant and
/// runs at once.
#ifdef QUANTA_CPU_STAND_IN
#define ON_STREAM(f, stream, ...) f(__VA_ARGS__)
#else
#define ON_STREAM(f, stream, ...) f##_async(__VA_ARGS__, stream)
#endif

/// The stream of the `_async` calls and of cuBLASLt.
cudaStream_t stream;

#define CUDA_OK(expr)                                                          \
  do {                                                                         \
    cudaError_t err_ = (expr);                                                 \
    if (err_ != cudaSuccess) {                                                 \
      std::fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #expr,       \
                   cudaGetErrorString(err_));                                  \
      std::exit(2);                                                            \
    }                                                                          \
  } while (0)
#define CUBLAS_OK(expr)                                                        \
  do {                                                                         \
    cublasStatus_t st_ = (expr);                                               \
    if (st_ != CUBLAS_STATUS_SUCCESS) {                                        \
      std::fprintf(stderr, "%s:%d: %s: cuBLAS status %d\n", __FILE__,          \
                   __LINE__, #expr, int(st_));                                 \
      std::exit(2);                                                            \
    }                                                                          \
  } while (0)

std::mt19937 rng(20261127);
int irand(int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}
float frand(float lo, float hi) {
  return std::uniform_real_distribution<float>(lo, hi)(rng);
}

/// A device copy of a host vector, freed at scope exit.
template <typename T> struct Device {
  T *ptr = nullptr;
  size_t count = 0;
  explicit Device(size_t n) : count(n) {
    CUDA_OK(cudaMalloc(&ptr, std::max<size_t>(n, 1) * sizeof(T)));
  }
  explicit Device(const std::vector<T> &host) : Device(host.size()) {
    if (count)
      CUDA_OK(cudaMemcpy(ptr, host.data(), count * sizeof(T),
                         cudaMemcpyHostToDevice));
  }
  std::vector<T> get() const {
    std::vector<T> host(count);
    if (count)
      CUDA_OK(cudaMemcpy(host.data(), ptr, count * sizeof(T),
                         cudaMemcpyDeviceToHost));
    return host;
  }
  ~Device() { cudaFree(ptr); }
  Device(const Device &) = delete;
  Device &operator=(const Device &) = delete;
};

struct Check {
  long cases = 0, elements = 0, mismatches = 0;
  double worst = 0; // Largest error / bound for toleranced checks.
};
std::vector<std::pair<std::string, Check>> checks;
Check &check(const std::string &name) {
  for (auto &c : checks)
    if (c.first == name)
      return c.second;
  checks.push_back({name, Check()});
  return checks.back().second;
}

uint32_t bitsOf(float f) {
  uint32_t b;
  std::memcpy(&b, &f, 4);
  return b;
}
/// Bit equality, except that NaNs match when their signs do (payloads are
/// unspecified, docs/Numerics.md).
bool sameF32(float got, float want) {
  if (std::isnan(got) || std::isnan(want))
    return std::isnan(got) && std::isnan(want) &&
           std::signbit(got) == std::signbit(want);
  return bitsOf(got) == bitsOf(want);
}

void report(Check &c, const char *name, size_t i, const std::string &got,
            const std::string &want) {
  if (c.mismatches++ < 5)
    std::printf("  %s: element %zu: got %s, want %s\n", name, i, got.c_str(),
                want.c_str());
}
std::string hex(float f) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%a", double(f));
  return buf;
}

//===----------------------------------------------------------------------===//
// Element-wise kernels
//===----------------------------------------------------------------------===//

/// Random floats plus the edge cases of quantization: ties and the floats
/// next to them (0.49999997 rounds to 0: trunc(x + 0.5) gives 1), zero
/// signs, infinities, NaN, huge and tiny values.
std::vector<float> floatInputs(size_t n) {
  const float inf = std::numeric_limits<float>::infinity();
  const float edges[] = {
      0.0f,        -0.0f,     0.5f,    1.5f,         2.5f,        -0.5f,
      -2.5f,       127.5f,    128.5f,  255.5f,       -128.5f,     inf,
      -inf,        NAN,       -NAN,    1e30f,        -1e30f,      1e-30f,
      448.0f,      464.0f,    -480.0f, 0.001953125f, 0.49999997f, -0.49999997f,
      0.50000006f, 2.4999998f};
  std::vector<float> v(n);
  for (size_t i = 0; i < n; ++i)
    v[i] = i < std::size(edges) ? edges[i] : frand(-300.0f, 300.0f);
  return v;
}

void checkElementwise() {
  for (int64_t rows : {1, 3, 257}) {
    // quantize_u8: per-channel (axis 1, 64 channels) u8.
    std::vector<float> x = floatInputs(size_t(rows) * 64), s(64);
    std::vector<int8_t> z(64);
    for (int c = 0; c < 64; ++c) {
      s[c] = c == 0 ? 1.0f : frand(0.01f, 4.0f);
      z[c] = int8_t(irand(0, 255));
    }
    Device<float> dx(x), ds(s);
    Device<int8_t> dz(z), dq(x.size());
    quantize_u8(dx.ptr, rows, ds.ptr, dz.ptr, dq.ptr);
    CUDA_OK(cudaDeviceSynchronize());
    std::vector<int8_t> q = dq.get();
    Check &c = check("quantize_u8");
    ++c.cases;
    for (size_t i = 0; i < x.size(); ++i) {
      int ch = int(i % 64);
      int32_t want =
          quantizeInt(x[i], s[ch], uint8_t(z[ch]), IntFormat::uint(8));
      ++c.elements;
      if (uint8_t(q[i]) != want)
        report(c, "quantize_u8", i, std::to_string(uint8_t(q[i])),
               std::to_string(want));
    }
  }
  for (int64_t n : {1, 1000, 65537}) {
    // dequantize_i8 per tensor.
    std::vector<int8_t> q(n);
    for (auto &v : q)
      v = int8_t(irand(-128, 127));
    float s = frand(0.001f, 1.0f);
    int8_t z = int8_t(irand(-128, 127));
    Device<int8_t> dq(q), dz(std::vector<int8_t>{z});
    Device<float> ds(std::vector<float>{s}), dx{size_t(n)};
    dequantize_i8(dq.ptr, n, ds.ptr, dz.ptr, dx.ptr);
    CUDA_OK(cudaDeviceSynchronize());
    std::vector<float> x = dx.get();
    Check &c = check("dequantize_i8");
    ++c.cases;
    for (int64_t i = 0; i < n; ++i) {
      float want = dequantizeInt(q[i], s, z);
      ++c.elements;
      if (!sameF32(x[i], want))
        report(c, "dequantize_i8", size_t(i), hex(x[i]), hex(want));
    }
    // cast_e4m3 (saturating).
    std::vector<float> f = floatInputs(size_t(n));
    Device<float> df(f);
    Device<uint8_t> d8{size_t(n)};
    cast_e4m3(df.ptr, n, d8.ptr);
    CUDA_OK(cudaDeviceSynchronize());
    std::vector<uint8_t> e = d8.get();
    Check &ce = check("cast_e4m3");
    ++ce.cases;
    for (int64_t i = 0; i < n; ++i) {
      uint32_t want = castFloat(bitsOf(f[i]), FloatFormat::f32(),
                                FloatFormat::f8E4M3FN(), /*saturate=*/true);
      ++ce.elements;
      // NaN codes: any NaN of the same sign.
      bool nan = (want & 0x7f) == 0x7f && (e[i] & 0x7f) == 0x7f &&
                 (want & 0x80) == (e[i] & 0x80);
      if (e[i] != want && !nan)
        report(ce, "cast_e4m3", size_t(i), std::to_string(e[i]),
               std::to_string(want));
    }
  }
}

//===----------------------------------------------------------------------===//
// Matmuls
//===----------------------------------------------------------------------===//

/// Shapes (M, K, N) with partial tiles on every side, one of K > 33000 so
/// that u8 x u8-range sums wrap around in i32, and the decode shape; with
/// the weights N x K, M = 1 and 3 take the dot kernel's 16-byte chunks,
/// {1, 1, 1} and {4, 77, 19} its element steps.
// K = 80 and 1008: multiples of 16 bytes but not of the 64-byte K stage
// (the last stage partly copied, partly zero-filled).
const int64_t kShapes[][3] = {{1, 1, 1},      {1, 4096, 64},    {7, 31, 9},
                              {64, 64, 64},   {65, 100, 130},   {130, 1000, 77},
                              {200, 33, 250}, {3, 40000, 8},    {256, 512, 192},
                              {200, 80, 250}, {130, 1008, 300}, {4, 77, 19}};

std::vector<int32_t> randomInts(size_t n, int lo, int hi, bool extremes) {
  std::vector<int32_t> v(n);
  for (auto &x : v)
    x = extremes ? (irand(0, 1) ? lo : hi) : irand(lo, hi);
  return v;
}
template <typename T> std::vector<T> narrow(const std::vector<int32_t> &v) {
  return std::vector<T>(v.begin(), v.end());
}

/// The rows x cols row-major matrix `v` transposed (cols x rows).
std::vector<int32_t> transposed(const std::vector<int32_t> &v, int64_t rows,
                                int64_t cols) {
  std::vector<int32_t> t(v.size());
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c)
      t[size_t(c * rows + r)] = v[size_t(r * cols + c)];
  return t;
}

void checkW8A8(int64_t M, int64_t K, int64_t N, bool extremes) {
  QuantizedTensor A, W;
  A.intFormat = IntFormat::uint(8);
  A.layout = Layout::perTensor({M, K});
  A.values = randomInts(size_t(M * K), 0, 255, extremes);
  A.scale = {frand(0.001f, 0.05f)};
  A.zeroPoint = {extremes ? 255 : irand(0, 255)};
  W.intFormat = IntFormat::sint(8);
  W.layout = Layout::perChannel({K, N}, 1);
  W.values = randomInts(size_t(K * N), -128, 127, extremes);
  for (int64_t n = 0; n < N; ++n)
    W.scale.push_back(frand(0.0005f, 0.01f));
  MatmulOptions o;
  for (int64_t n = 0; n < N; ++n)
    o.bias.push_back(frand(-2.0f, 2.0f));
  o.requantize = true;
  o.outScale = frand(0.02f, 0.2f);
  o.outZeroPoint = irand(-20, 20);
  MatmulResult r = matmul(A, W, o);
  if (!r.ok()) {
    std::printf("  reference error: %s\n", r.error.c_str());
    std::exit(2);
  }
  Device<int8_t> da(narrow<int8_t>(A.values)), dw(narrow<int8_t>(W.values));
  Device<float> dsa(A.scale), dsw(W.scale), db(o.bias),
      dso(std::vector<float>{o.outScale});
  Device<int8_t> dza(std::vector<int8_t>{int8_t(A.zeroPoint[0])}),
      dzo(std::vector<int8_t>{int8_t(o.outZeroPoint)}), dy{size_t(M * N)};
  // The weights K x N (w8a8, on the harness's stream) and N x K (w8a8t).
  Device<int8_t> dwT(narrow<int8_t>(transposed(W.values, K, N))),
      dyT{size_t(M * N)};
  ON_STREAM(w8a8, stream, da.ptr, M, K, dw.ptr, K, N, dsa.ptr, dza.ptr, dsw.ptr,
            N, db.ptr, N, dso.ptr, dzo.ptr, dy.ptr);
  CUDA_OK(cudaStreamSynchronize(stream));
  w8a8t(da.ptr, M, K, dwT.ptr, N, K, dsa.ptr, dza.ptr, dsw.ptr, N, db.ptr, N,
        dso.ptr, dzo.ptr, dyT.ptr);
  for (auto [name, out] : {std::pair("w8a8", &dy), std::pair("w8a8t", &dyT)}) {
    std::vector<int8_t> y = out->get();
    Check &c = check(name);
    ++c.cases;
    for (size_t i = 0; i < y.size(); ++i) {
      ++c.elements;
      if (y[i] != r.quantized[i])
        report(c, name, i, std::to_string(y[i]),
               std::to_string(r.quantized[i]));
    }
  }
}

/// One case of check `name`: `got` bit for bit against `want`.
void compareF32(const char *name, const std::vector<float> &got,
                const std::vector<float> &want) {
  Check &c = check(name);
  ++c.cases;
  for (size_t i = 0; i < got.size(); ++i) {
    ++c.elements;
    if (!sameF32(got[i], want[i]))
      report(c, name, i, hex(got[i]), hex(want[i]));
  }
}

/// The operands of the s8u8 form: s8 activations per row and u8 weights per
/// tensor, both with zero points, `B` batches of them (none when 0).
std::pair<QuantizedTensor, QuantizedTensor>
s8u8Operands(int64_t B, int64_t M, int64_t K, int64_t N, bool extremes) {
  int64_t count = std::max<int64_t>(B, 1);
  auto shape = [&](int64_t rows, int64_t cols) {
    std::vector<int64_t> dims = {rows, cols};
    if (B)
      dims.insert(dims.begin(), B);
    return dims;
  };
  QuantizedTensor A, W;
  A.intFormat = IntFormat::sint(8);
  A.layout = Layout::perChannel(shape(M, K), B ? 1 : 0);
  A.values = randomInts(size_t(count * M * K), -128, 127, extremes);
  for (int64_t m = 0; m < M; ++m) {
    A.scale.push_back(frand(0.001f, 0.1f));
    A.zeroPoint.push_back(extremes ? 127 : irand(-128, 127));
  }
  W.intFormat = IntFormat::uint(8);
  W.layout = Layout::perTensor(shape(K, N));
  W.values = randomInts(size_t(count * K * N), 0, 255, extremes);
  W.scale = {frand(0.001f, 0.1f)};
  W.zeroPoint = {extremes ? 0 : irand(0, 255)};
  return {A, W};
}

void checkS8U8(int64_t M, int64_t K, int64_t N, bool extremes) {
  auto [A, W] = s8u8Operands(0, M, K, N, extremes);
  MatmulResult r = matmul(A, W);
  Device<int8_t> da(narrow<int8_t>(A.values)), dw(narrow<int8_t>(W.values)),
      dwT(narrow<int8_t>(transposed(W.values, K, N))),
      dza(narrow<int8_t>(A.zeroPoint)),
      dzw(std::vector<int8_t>{int8_t(W.zeroPoint[0])});
  Device<float> dsa(A.scale), dsw(W.scale), dy{size_t(M * N)},
      dyT{size_t(M * N)};
  s8u8(da.ptr, M, K, dw.ptr, K, N, dsa.ptr, M, dza.ptr, M, dsw.ptr, dzw.ptr,
       dy.ptr);
  s8u8t(da.ptr, M, K, dwT.ptr, N, K, dsa.ptr, M, dza.ptr, M, dsw.ptr, dzw.ptr,
        dyT.ptr);
  CUDA_OK(cudaDeviceSynchronize());
  compareF32("s8u8", dy.get(), r.values);
  compareF32("s8u8t", dyT.get(), r.values);
}

/// The s8u8 form batched (two batches, weights per batch): the kernels on
/// each batch's views of the operands, bit-exact.
void checkS8U8Batched(int64_t M, int64_t K, int64_t N) {
  const int64_t B = 2;
  auto [A, W] = s8u8Operands(B, M, K, N, /*extremes=*/false);
  MatmulResult r = matmul(A, W);
  Device<int8_t> da(narrow<int8_t>(A.values)), dw(narrow<int8_t>(W.values)),
      dza(narrow<int8_t>(A.zeroPoint)),
      dzw(std::vector<int8_t>{int8_t(W.zeroPoint[0])});
  Device<float> dsa(A.scale), dsw(W.scale), dy{size_t(B * M * N)};
  s8u8b(da.ptr, B, M, K, dw.ptr, B, K, N, dsa.ptr, M, dza.ptr, M, dsw.ptr,
        dzw.ptr, dy.ptr);
  CUDA_OK(cudaDeviceSynchronize());
  compareF32("s8u8b", dy.get(), r.values);
}

/// s8 x s8 per tensor to f32 (no zero points: on sm_90a the large tiles
/// take the wgmma kernel), with the weights K x N (s8s8) and N x K
/// (s8s8t), bit-exact.
void checkS8S8(int64_t M, int64_t K, int64_t N, bool extremes) {
  QuantizedTensor A, W;
  A.layout = Layout::perTensor({M, K});
  A.values = randomInts(size_t(M * K), -128, 127, extremes);
  A.scale = {frand(0.001f, 0.1f)};
  W.layout = Layout::perTensor({K, N});
  W.values = randomInts(size_t(K * N), -128, 127, extremes);
  W.scale = {frand(0.001f, 0.1f)};
  MatmulResult r = matmul(A, W, MatmulOptions());
  if (!r.ok()) {
    std::printf("  reference error: %s\n", r.error.c_str());
    std::exit(2);
  }
  Device<int8_t> da(narrow<int8_t>(A.values)), dw(narrow<int8_t>(W.values)),
      dwT(narrow<int8_t>(transposed(W.values, K, N)));
  Device<float> dsa(A.scale), dsw(W.scale), dy{size_t(M * N)},
      dyT{size_t(M * N)};
  s8s8(da.ptr, M, K, dw.ptr, K, N, dsa.ptr, dsw.ptr, dy.ptr);
  s8s8t(da.ptr, M, K, dwT.ptr, N, K, dsa.ptr, dsw.ptr, dyT.ptr);
  compareF32("s8s8", dy.get(), r.values);
  compareF32("s8s8t", dyT.get(), r.values);
}

/// A per-group int8 problem (the int8 kernel's group sums): i8 activations
/// per row x i8 (q80) or ui4 with zero points (w4a8) weights per group of 32
/// along K, f32 result.
struct GroupedProblem {
  bool int4;
  int64_t M, K, N, groups;
  QuantizedTensor A, W;
  GroupedProblem(bool int4, int64_t M, int64_t K, int64_t N, bool extremes)
      : int4(int4), M(M), K(K), N(N), groups((K + 31) / 32) {
    A.layout = Layout::perChannel({M, K}, 0);
    A.values = randomInts(size_t(M * K), -128, 127, extremes);
    for (int64_t m = 0; m < M; ++m)
      A.scale.push_back(frand(0.001f, 0.1f));
    W.layout = Layout::perGroup({K, N}, 0, 32);
    if (int4) {
      W.intFormat = IntFormat::uint(4);
      W.values = randomInts(size_t(K * N), 0, 15, extremes);
      W.zeroPoint = randomInts(size_t(groups * N), 0, 15, extremes);
    } else {
      W.values = randomInts(size_t(K * N), -128, 127, extremes);
    }
    for (int64_t i = 0; i < groups * N; ++i)
      W.scale.push_back(frand(0.001f, 0.1f));
  }
  const char *name() const { return int4 ? "w4a8" : "q80"; }
};

/// Device copies of a GroupedProblem's operands (int4 packed; 8-bit also
/// transposed, N x K) and a launcher of its kernel on `stream`.
struct GroupedDevice {
  const GroupedProblem &p;
  Device<int8_t> a, w8, w8T;
  Device<uint8_t> w4, zw;
  Device<float> sa, sw, y;
  explicit GroupedDevice(const GroupedProblem &p)
      : p(p), a(narrow<int8_t>(p.A.values)),
        w8(p.int4 ? std::vector<int8_t>() : narrow<int8_t>(p.W.values)),
        w8T(p.int4 ? std::vector<int8_t>()
                   : narrow<int8_t>(transposed(p.W.values, p.K, p.N))),
        w4(p.int4 ? packInt4(p.W.values) : std::vector<uint8_t>()),
        zw(p.int4 ? packInt4(p.W.zeroPoint) : std::vector<uint8_t>()),
        sa(p.A.scale), sw(p.W.scale), y(size_t(p.M * p.N)) {}
  /// `kMajor`: q80t on the weights N x K.
  void run(bool kMajor = false) {
    int64_t M = p.M, K = p.K, N = p.N, G = p.groups;
    if (p.int4)
      return ON_STREAM(w4a8, stream, a.ptr, M, K, w4.ptr, K, N, sa.ptr, M,
                       sw.ptr, G, N, zw.ptr, G, N, y.ptr);
    if (kMajor)
      return ON_STREAM(q80t, stream, a.ptr, M, K, w8T.ptr, N, K, sa.ptr, M,
                       sw.ptr, G, N, y.ptr);
    ON_STREAM(q80, stream, a.ptr, M, K, w8.ptr, K, N, sa.ptr, M, sw.ptr, G, N,
              y.ptr);
  }
};

void checkGrouped(bool int4, int64_t M, int64_t K, int64_t N, bool extremes) {
  GroupedProblem p(int4, M, K, N, extremes);
  MatmulResult r = matmul(p.A, p.W, MatmulOptions());
  if (!r.ok()) {
    std::printf("  reference error: %s\n", r.error.c_str());
    std::exit(2);
  }
  GroupedDevice d(p);
  d.run();
  CUDA_OK(cudaStreamSynchronize(stream));
  compareF32(p.name(), d.y.get(), r.values);
  if (int4)
    return;
  d.run(/*kMajor=*/true);
  CUDA_OK(cudaStreamSynchronize(stream));
  compareF32("q80t", d.y.get(), r.values);
}

/// f32 accumulation of exact products in another order than the reference:
/// both sums are within (K - 1) * 2^-24 * sum|a_k b_k| of the exact sum (the
/// GPU's with 2^-23 for truncating adders), so they differ by at most
/// K * 2^-22 * sum|a b| * |s| (+ the final scale and bias roundings). FP8
/// tensor cores are allowed 2^-13 relative to sum|a b| on top, for their
/// reduced-precision internal alignment (docs/GPU.md).
void compareFloat(const char *name, const std::vector<float> &got,
                  const std::vector<float> &want,
                  const std::vector<double> &absSum, int64_t K, bool fp8) {
  Check &c = check(name);
  ++c.cases;
  double rel =
      double(K + 4) * std::ldexp(1.0, -22) + (fp8 ? std::ldexp(1.0, -13) : 0.0);
  for (size_t i = 0; i < got.size(); ++i) {
    ++c.elements;
    double bound =
        rel * absSum[i] + 4 * std::ldexp(std::fabs(want[i]), -24) + 1e-30;
    double err = std::fabs(double(got[i]) - double(want[i]));
    if (!(err <= bound) && !sameF32(got[i], want[i]))
      report(c, name, i, hex(got[i]),
             hex(want[i]) + " (bound " + std::to_string(bound) + ")");
    else if (bound > 0)
      c.worst = std::max(c.worst, err / bound);
  }
}

/// sum_k |a_mk * sa * b_kn * sb| + |bias_n|, per result element.
std::vector<double> absProducts(const QuantizedTensor &A,
                                const QuantizedTensor &W, int64_t M, int64_t K,
                                int64_t N, const std::vector<float> &bias) {
  std::vector<double> a(size_t(M * K)), w(size_t(K * N)),
      sum(size_t(M * N), 0.0);
  for (int64_t i = 0; i < M * K; ++i)
    a[i] = std::fabs(decodeFloat(uint32_t(A.values[i]), A.floatFormat) *
                     double(A.scale[A.layout.paramIndex(i)]));
  for (int64_t i = 0; i < K * N; ++i)
    w[i] = std::fabs(decodeFloat(uint32_t(W.values[i]), W.floatFormat) *
                     double(W.scale[W.layout.paramIndex(i)]));
  for (int64_t m = 0; m < M; ++m)
    for (int64_t k = 0; k < K; ++k)
      for (int64_t n = 0; n < N; ++n)
        sum[m * N + n] += a[m * K + k] * w[k * N + n];
  if (!bias.empty())
    for (int64_t m = 0; m < M; ++m)
      for (int64_t n = 0; n < N; ++n)
        sum[m * N + n] += std::fabs(bias[n]);
  return sum;
}

/// Random finite codes of `fmt` (8 or 16 bits) of moderate magnitude.
std::vector<int32_t> floatCodes(size_t n, const FloatFormat &fmt, float range) {
  std::vector<int32_t> v(n);
  for (auto &x : v)
    x = int32_t(encodeFloat(frand(-range, range), fmt, /*saturate=*/true));
  return v;
}

void checkF16(int64_t M, int64_t K, int64_t N) {
  QuantizedTensor A, W;
  A.isFloat = W.isFloat = true;
  A.floatFormat = W.floatFormat = FloatFormat::f16();
  A.layout = Layout::perTensor({M, K});
  W.layout = Layout::perChannel({K, N}, 1);
  A.values = floatCodes(size_t(M * K), A.floatFormat, 4.0f);
  W.values = floatCodes(size_t(K * N), W.floatFormat, 4.0f);
  A.scale = {frand(0.5f, 2.0f)};
  for (int64_t n = 0; n < N; ++n)
    W.scale.push_back(frand(0.01f, 0.1f));
  MatmulOptions o;
  o.accumulation = MatmulAccumulation::Float32;
  for (int64_t n = 0; n < N; ++n)
    o.bias.push_back(frand(-1.0f, 1.0f));
  MatmulResult r = matmul(A, W, o);
  Device<uint16_t> da(narrow<uint16_t>(A.values)),
      dw(narrow<uint16_t>(W.values));
  Device<float> dsa(A.scale), dsw(W.scale), db(o.bias), dy{size_t(M * N)};
  f16mm(da.ptr, M, K, dw.ptr, K, N, dsa.ptr, dsw.ptr, N, db.ptr, N, dy.ptr);
  std::vector<double> absSum = absProducts(A, W, M, K, N, o.bias);
  compareFloat("f16mm", dy.get(), r.values, absSum, K, /*fp8=*/false);
  // The weights N x K.
  Device<uint16_t> dwT(narrow<uint16_t>(transposed(W.values, K, N)));
  f16mmt(da.ptr, M, K, dwT.ptr, N, K, dsa.ptr, dsw.ptr, N, db.ptr, N, dy.ptr);
  compareFloat("f16mmt", dy.get(), r.values, absSum, K, /*fp8=*/false);
}

/// A narrow float result (f16/bf16 codes) against the reference's f32
/// value: the bound of compareFloat plus one unit in the last place of the
/// result format (both sides round their f32 sum once, and two f32 sums
/// within the bound can round to neighbouring codes).
void compareNarrow(const char *name, const std::vector<uint16_t> &got,
                   const FloatFormat &fmt, const std::vector<float> &want,
                   const std::vector<double> &absSum, int64_t K) {
  Check &c = check(name);
  ++c.cases;
  int mantissa = int(fmt.manBits), minExp = fmt.minExponent();
  double rel = double(K + 4) * std::ldexp(1.0, -22);
  for (size_t i = 0; i < got.size(); ++i) {
    ++c.elements;
    float g = decodeFloat(got[i], fmt);
    int e = 0;
    std::frexp(double(want[i]), &e); // |want| in [2^(e-1), 2^e)
    double ulp = std::ldexp(1.0, std::max(e - 1, minExp) - mantissa);
    double bound =
        rel * absSum[i] + 4 * std::ldexp(std::fabs(want[i]), -24) + ulp;
    double err = std::fabs(double(g) - double(want[i]));
    if (!(err <= bound))
      report(c, name, i, hex(g),
             hex(want[i]) + " (bound " + std::to_string(bound) + ")");
    else
      c.worst = std::max(c.worst, err / bound);
  }
}

/// The weight-only int4 kernels of kernels.mlir.
/// (ZP128T: ZP128 with the weights N x K.)
enum class W4Form { G32, ZP128, ZP128T, G64BF16, Col };

/// Random operands of one weight-only int4 form, the reference result and
/// sum_k |a w| + |bias| per element. The reference is quanta.matmul's
/// definition composed from quanta::ref: each weight dequantized as
/// quanta.dequantize (`dequantizeInt` rounded to the expressed type), then
/// `matmul` with f32 accumulation of the exact products in k order, bias.
struct W4Problem {
  W4Form form;
  int64_t M, K, N, group, params;
  FloatFormat act = FloatFormat::f16();
  std::vector<int32_t> a, q, zp, scale; // codes; q, zp in the storage range
  std::vector<float> bias, want;
  std::vector<double> absSum;

  W4Problem(W4Form form, int64_t M, int64_t K, int64_t N)
      : form(form), M(M), K(K), N(N) {
    bool isSigned = form == W4Form::G32 || form == W4Form::G64BF16;
    bool hasZp = form != W4Form::G32;
    bool zp128 = form == W4Form::ZP128 || form == W4Form::ZP128T;
    group = form == W4Form::G32       ? 32
            : zp128                   ? 128
            : form == W4Form::G64BF16 ? 64
                                      : 0;
    if (form == W4Form::G64BF16)
      act = FloatFormat::bf16();
    params = group ? (K + group - 1) / group * N : N;
    a = floatCodes(size_t(M * K), act, 2.0f);
    q = randomInts(size_t(K * N), isSigned ? -8 : 0, isSigned ? 7 : 15, false);
    zp.assign(size_t(params), 0);
    if (hasZp)
      zp = randomInts(size_t(params), isSigned ? -8 : 0, isSigned ? 7 : 15,
                      false);
    for (int64_t i = 0; i < params; ++i)
      scale.push_back(int32_t(encodeFloat(frand(0.005f, 0.05f), act, true)));
    if (zp128)
      for (int64_t n = 0; n < N; ++n)
        bias.push_back(frand(-1.0f, 1.0f));
  }

  /// Fills `want` and `absSum`.
  void solve() {
    int64_t rows = M;
    QuantizedTensor A, W;
    A.isFloat = W.isFloat = true;
    A.floatFormat = W.floatFormat = act;
    A.layout = Layout::perTensor({rows, K});
    W.layout = Layout::perTensor({K, N});
    A.values.assign(a.begin(), a.begin() + rows * K);
    A.scale = W.scale = {1.0f};
    std::vector<double> w(size_t(K * N));
    for (int64_t k = 0; k < K; ++k)
      for (int64_t n = 0; n < N; ++n) {
        int64_t i = k * N + n, p = group ? k / group * N + n : n;
        float v = dequantizeInt(q[i], decodeFloat(uint32_t(scale[p]), act),
                                zp[p], act);
        W.values.push_back(int32_t(encodeFloat(v, act, false)));
        w[i] = std::fabs(double(v));
      }
    MatmulOptions o;
    o.accumulation = MatmulAccumulation::Float32;
    o.bias = bias;
    MatmulResult r = matmul(A, W, o);
    if (!r.ok()) {
      std::printf("  reference error: %s\n", r.error.c_str());
      std::exit(2);
    }
    want = r.values;
    absSum.assign(size_t(rows * N), 0.0);
    for (int64_t m = 0; m < rows; ++m)
      for (int64_t k = 0; k < K; ++k) {
        double x = std::fabs(double(decodeFloat(uint32_t(a[m * K + k]), act)));
        for (int64_t n = 0; n < N; ++n)
          absSum[m * N + n] += x * w[k * N + n];
      }
    for (int64_t m = 0; m < rows && !bias.empty(); ++m)
      for (int64_t n = 0; n < N; ++n)
        absSum[m * N + n] += std::fabs(bias[n]);
  }
};

/// Device copies of a W4Problem's operands and a launcher of its kernel on
/// `stream`.
struct W4Device {
  const W4Problem &p;
  Device<uint16_t> a, scale;
  Device<uint8_t> q, zp;
  Device<float> bias;
  Device<uint16_t> y;
  explicit W4Device(const W4Problem &p)
      : p(p), a(narrow<uint16_t>(p.a)), scale(narrow<uint16_t>(p.scale)),
        q(packInt4(p.form == W4Form::ZP128T ? transposed(p.q, p.K, p.N) : p.q)),
        zp(packInt4(p.zp)), bias(p.bias), y(size_t(p.M * p.N)) {}
  void run() {
    int64_t M = p.M, K = p.K, N = p.N, G = p.group ? p.params / N : 0;
    switch (p.form) {
    case W4Form::G32:
      return ON_STREAM(w4g32, stream, a.ptr, M, K, q.ptr, K, N, scale.ptr, G, N,
                       y.ptr);
    case W4Form::ZP128:
      return ON_STREAM(w4zp128, stream, a.ptr, M, K, q.ptr, K, N, scale.ptr, G,
                       N, zp.ptr, G, N, bias.ptr, N, y.ptr);
    case W4Form::ZP128T:
      return ON_STREAM(w4zp128t, stream, a.ptr, M, K, q.ptr, N, K, scale.ptr, G,
                       N, zp.ptr, G, N, bias.ptr, N, y.ptr);
    case W4Form::G64BF16:
      return ON_STREAM(w4g64bf16, stream, a.ptr, M, K, q.ptr, K, N, scale.ptr,
                       G, N, zp.ptr, G, N, y.ptr);
    case W4Form::Col:
      return ON_STREAM(w4col, stream, a.ptr, M, K, q.ptr, K, N, scale.ptr, N,
                       zp.ptr, N, y.ptr);
    }
  }
};

const char *w4Name(W4Form form) {
  switch (form) {
  case W4Form::G32:
    return "w4g32";
  case W4Form::ZP128:
    return "w4zp128";
  case W4Form::ZP128T:
    return "w4zp128t";
  case W4Form::G64BF16:
    return "w4g64bf16";
  case W4Form::Col:
    return "w4col";
  }
  return "";
}

void checkW4(W4Form form, int64_t M, int64_t K, int64_t N) {
  W4Problem p(form, M, K, N);
  p.solve();
  W4Device d(p);
  d.run();
  CUDA_OK(cudaStreamSynchronize(stream));
  compareNarrow(w4Name(form), d.y.get(), p.act, p.want, p.absSum, K);
}

#ifndef QUANTA_NO_FP8
void checkFP8(int64_t M, int64_t K, int64_t N, bool e5m2) {
  QuantizedTensor A, W;
  A.isFloat = W.isFloat = true;
  A.floatFormat = FloatFormat::f8E4M3FN();
  W.floatFormat = e5m2 ? FloatFormat::f8E5M2() : FloatFormat::f8E4M3FN();
  A.layout = Layout::perTensor({M, K});
  W.layout = Layout::perTensor({K, N});
  A.values = floatCodes(size_t(M * K), A.floatFormat, 448.0f);
  W.values = floatCodes(size_t(K * N), W.floatFormat, e5m2 ? 1000.0f : 448.0f);
  A.scale = {frand(0.001f, 0.01f)};
  W.scale = {frand(0.001f, 0.01f)};
  MatmulOptions o;
  o.accumulation = MatmulAccumulation::Float32;
  MatmulResult r = matmul(A, W, o);
  Device<uint8_t> da(narrow<uint8_t>(A.values)), dw(narrow<uint8_t>(W.values));
  Device<float> dsa(A.scale), dsw(W.scale), dy{size_t(M * N)};
  (e5m2 ? e4m3e5m2mm : e4m3mm)(da.ptr, M, K, dw.ptr, K, N, dsa.ptr, dsw.ptr,
                               dy.ptr);
  CUDA_OK(cudaDeviceSynchronize());
  std::vector<double> absSum = absProducts(A, W, M, K, N, {});
  compareFloat(e5m2 ? "e4m3e5m2mm" : "e4m3mm", dy.get(), r.values, absSum, K,
               /*fp8=*/true);
  if (e5m2)
    return;
  // The weights N x K.
  Device<uint8_t> dwT(narrow<uint8_t>(transposed(W.values, K, N)));
  e4m3mmt(da.ptr, M, K, dwT.ptr, N, K, dsa.ptr, dsw.ptr, dy.ptr);
  compareFloat("e4m3mmt", dy.get(), r.values, absSum, K, /*fp8=*/true);
}
#endif

//===----------------------------------------------------------------------===//
// Benchmarks
//===----------------------------------------------------------------------===//

/// Mean milliseconds of `fn`, which enqueues work on `stream`, over enough
/// runs for ~0.3 s (after a warm-up), enqueued 10 at a time so that the
/// host's waits do not count.
double timeMs(const std::function<void()> &fn) {
  fn();
  CUDA_OK(cudaStreamSynchronize(stream));
  auto now = [] { return std::chrono::steady_clock::now(); };
  auto start = now();
  int runs = 0;
  double elapsed = 0;
  do {
    for (int i = 0; i < 10; ++i)
      fn();
    CUDA_OK(cudaStreamSynchronize(stream));
    runs += 10;
    elapsed = std::chrono::duration<double, std::milli>(now() - start).count();
  } while (elapsed < 300.0 && runs < 2000);
  return elapsed / runs;
}

/// The cuBLASLt comparison points: int8 -> i32, E4M3 -> f32, f16 -> f16
/// (f32 accumulation).
enum class LtType { Int8, FP8, F16 };

/// cuBLASLt D[M x N] (row-major) = A[M x K] * B[K x N], as the column-major
/// D^T = B^T A^T in the TN form the int8 and FP8 kernels need: B stored as
/// N x K row-major (its transpose), A as M x K row-major.
struct LtGemm {
  cublasLtHandle_t handle;
  cublasLtMatmulDesc_t desc;
  cublasLtMatrixLayout_t la, lb, ld;
  cublasLtMatmulAlgo_t algo;
  void *workspace;
  size_t workspaceSize = 64 << 20;
  bool floatScale;

  LtGemm(cublasLtHandle_t h, int64_t M, int64_t K, int64_t N, LtType type)
      : handle(h), floatScale(type != LtType::Int8) {
    cudaDataType_t in = type == LtType::FP8   ? CUDA_R_8F_E4M3
                        : type == LtType::F16 ? CUDA_R_16F
                                              : CUDA_R_8I;
    cudaDataType_t out = type == LtType::FP8   ? CUDA_R_32F
                         : type == LtType::F16 ? CUDA_R_16F
                                               : CUDA_R_32I;
    cublasComputeType_t compute =
        floatScale ? CUBLAS_COMPUTE_32F : CUBLAS_COMPUTE_32I;
    cudaDataType_t scale = floatScale ? CUDA_R_32F : CUDA_R_32I;
    CUBLAS_OK(cublasLtMatmulDescCreate(&desc, compute, scale));
    cublasOperation_t t = CUBLAS_OP_T, n = CUBLAS_OP_N;
    CUBLAS_OK(cublasLtMatmulDescSetAttribute(desc, CUBLASLT_MATMUL_DESC_TRANSA,
                                             &t, sizeof t));
    CUBLAS_OK(cublasLtMatmulDescSetAttribute(desc, CUBLASLT_MATMUL_DESC_TRANSB,
                                             &n, sizeof n));
    // op(first) = (N x K row-major weights)^T viewed column-major: K x N
    // stored, transposed to N x K; second = A^T: K x M column-major.
    CUBLAS_OK(cublasLtMatrixLayoutCreate(&la, in, K, N, K));
    CUBLAS_OK(cublasLtMatrixLayoutCreate(&lb, in, K, M, K));
    CUBLAS_OK(cublasLtMatrixLayoutCreate(&ld, out, N, M, N));
    CUDA_OK(cudaMalloc(&workspace, workspaceSize));
    cublasLtMatmulPreference_t pref;
    CUBLAS_OK(cublasLtMatmulPreferenceCreate(&pref));
    CUBLAS_OK(cublasLtMatmulPreferenceSetAttribute(
        pref, CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES, &workspaceSize,
        sizeof workspaceSize));
    cublasLtMatmulHeuristicResult_t result;
    int found = 0;
    CUBLAS_OK(cublasLtMatmulAlgoGetHeuristic(handle, desc, la, lb, ld, ld, pref,
                                             1, &result, &found));
    if (!found) {
      std::fprintf(stderr, "cuBLASLt: no algorithm\n");
      std::exit(2);
    }
    algo = result.algo;
    cublasLtMatmulPreferenceDestroy(pref);
  }
  void run(const void *weightsT, const void *a, void *d) {
    float alphaF = 1.0f, betaF = 0.0f;
    int32_t alphaI = 1, betaI = 0;
    const void *alpha =
        floatScale ? static_cast<const void *>(&alphaF) : &alphaI;
    const void *beta = floatScale ? static_cast<const void *>(&betaF) : &betaI;
    CUBLAS_OK(cublasLtMatmul(handle, desc, alpha, weightsT, la, a, lb, beta, d,
                             ld, d, ld, &algo, workspace, workspaceSize,
                             stream));
  }
  ~LtGemm() {
    cudaFree(workspace);
    cublasLtMatrixLayoutDestroy(la);
    cublasLtMatrixLayoutDestroy(lb);
    cublasLtMatrixLayoutDestroy(ld);
    cublasLtMatmulDescDestroy(desc);
  }
};

struct BenchResult {
  std::string name;
  double quantaMs, cublasMs, ops;
};
std::vector<BenchResult> benches;

/// Times `quanta` (which enqueues Quanta's kernel on `stream`) and
/// cuBLASLt's GEMM of `type` on the same shape, reading `weightsT` (N x K)
/// and `a` into `d`, as the benchmark "<kind> GEMV|GEMM MxKxN<suffix>".
void timeBoth(cublasLtHandle_t lt, int64_t M, int64_t K, int64_t N, LtType type,
              const char *kind, const char *suffix,
              const std::function<void()> &quanta, const void *weightsT,
              const void *a, void *d) {
  LtGemm gemm(lt, M, K, N, type);
  double q = timeMs(quanta);
  double c = timeMs([&] { gemm.run(weightsT, a, d); });
  std::string name = std::string(kind) + (M == 1 ? " GEMV " : " GEMM ") +
                     std::to_string(M) + "x" + std::to_string(K) + "x" +
                     std::to_string(N) + suffix;
  benches.push_back({name, q, c, 2.0 * M * K * N});
}

/// Times quanta's kernel and cuBLASLt on one shape and checks a few rows of
/// quanta's result against the reference (bit-exact for int8, toleranced for
/// FP8). cuBLASLt reads the weights N x K (its TN form); Quanta K x N, or
/// with `kMajor` N x K too (s8s8t, e4m3mmt).
void bench(cublasLtHandle_t lt, int64_t M, int64_t K, int64_t N, bool fp8,
           bool kMajor) {
  std::vector<int32_t> a(size_t(M * K)), w(size_t(K * N));
  FloatFormat e4m3 = FloatFormat::f8E4M3FN();
  for (auto &x : a)
    x = fp8 ? int32_t(encodeFloat(frand(-8, 8), e4m3, true)) : irand(-128, 127);
  for (auto &x : w)
    x = fp8 ? int32_t(encodeFloat(frand(-8, 8), e4m3, true)) : irand(-128, 127);
  Device<int8_t> da(narrow<int8_t>(a)), dw(narrow<int8_t>(w)),
      dwT(narrow<int8_t>(transposed(w, K, N)));
  float sa = 0.01f, sw = 0.02f;
  Device<float> dsa(std::vector<float>{sa}), dsw(std::vector<float>{sw}),
      dy{size_t(M * N)}, dref{size_t(M * N)};
  auto quanta = [&] {
    auto *a8 = reinterpret_cast<uint8_t *>(da.ptr);
    auto *w8 = reinterpret_cast<uint8_t *>(kMajor ? dwT.ptr : dw.ptr);
#ifndef QUANTA_NO_FP8
    if (fp8 && kMajor)
      return ON_STREAM(e4m3mmt, stream, a8, M, K, w8, N, K, dsa.ptr, dsw.ptr,
                       dy.ptr);
    if (fp8)
      return ON_STREAM(e4m3mm, stream, a8, M, K, w8, K, N, dsa.ptr, dsw.ptr,
                       dy.ptr);
#endif
    if (kMajor)
      return ON_STREAM(s8s8t, stream, da.ptr, M, K, dwT.ptr, N, K, dsa.ptr,
                       dsw.ptr, dy.ptr);
    ON_STREAM(s8s8, stream, da.ptr, M, K, dw.ptr, K, N, dsa.ptr, dsw.ptr,
              dy.ptr);
  };
  timeBoth(lt, M, K, N, fp8 ? LtType::FP8 : LtType::Int8, fp8 ? "fp8" : "int8",
           kMajor ? " NxK" : "", quanta, dwT.ptr, da.ptr, dref.ptr);

  // A few rows against the reference.
  std::vector<float> y = dy.get();
  for (int64_t m : {int64_t(0), M / 2, M - 1}) {
    QuantizedTensor A, W;
    A.layout = Layout::perTensor({1, K});
    W.layout = Layout::perTensor({K, N});
    A.values.assign(a.begin() + m * K, a.begin() + (m + 1) * K);
    W.values = w;
    A.scale = {sa};
    W.scale = {sw};
    MatmulOptions o;
    if (fp8) {
      A.isFloat = W.isFloat = true;
      A.floatFormat = W.floatFormat = e4m3;
      o.accumulation = MatmulAccumulation::Float32;
    }
    MatmulResult r = matmul(A, W, o);
    std::vector<float> got(y.begin() + m * N, y.begin() + (m + 1) * N);
    if (fp8)
      compareFloat("e4m3mm (bench rows)", got, r.values,
                   absProducts(A, W, 1, K, N, {}), K, true);
    else
      compareF32("s8s8 (bench rows)", got, r.values);
    if (M == 1)
      break;
  }
}

/// Times a per-group int8 kernel (W4A8: i8 x ui4 per group of 32 with zero
/// points; or Q8_0 with the weights N x K, q80t) against cuBLASLt's int8
/// GEMM of the same shape (int8 weights, no groups; twice W4A8's weight
/// bytes), and checks a few rows.
void benchGrouped(cublasLtHandle_t lt, bool int4, int64_t M, int64_t K,
                  int64_t N) {
  GroupedProblem p(int4, M, K, N, false);
  GroupedDevice d(p);
  Device<int8_t> dwT(
      narrow<int8_t>(randomInts(size_t(K * N), -128, 127, false)));
  Device<int32_t> dref{size_t(M * N)};
  timeBoth(
      lt, M, K, N, LtType::Int8, int4 ? "w4a8" : "q80", int4 ? "" : " NxK",
      [&] { d.run(/*kMajor=*/!int4); }, dwT.ptr, d.a.ptr, dref.ptr);

  std::vector<float> y = d.y.get();
  for (int64_t m : {int64_t(0), M / 2, M - 1}) {
    QuantizedTensor A = p.A;
    A.layout = Layout::perChannel({1, K}, 0);
    A.values.assign(p.A.values.begin() + m * K,
                    p.A.values.begin() + (m + 1) * K);
    A.scale = {p.A.scale[size_t(m)]};
    MatmulResult r = matmul(A, p.W, MatmulOptions());
    compareF32(int4 ? "w4a8 (bench rows)" : "q80t (bench rows)",
               std::vector<float>(y.begin() + m * N, y.begin() + (m + 1) * N),
               r.values);
    if (M == 1)
      break;
  }
}

/// Times the weight-only int4 kernel (f16 x ui4 per group of 128, the
/// MatMulNBits form, weights K x N or, `kMajor`, N x K; bias zero) against
/// cuBLASLt's f16 GEMM of the same shape (f16 weights, 4x the bytes), and
/// checks a few rows.
void benchW4(cublasLtHandle_t lt, int64_t M, int64_t K, int64_t N,
             bool kMajor) {
  W4Form form = kMajor ? W4Form::ZP128T : W4Form::ZP128;
  W4Problem p(form, M, K, N);
  std::fill(p.bias.begin(), p.bias.end(), 0.0f);
  W4Device d(p);
  // cuBLASLt's operands: the same activations, f16 weights stored N x K.
  std::vector<uint16_t> wT(size_t(K * N));
  for (int64_t k = 0; k < K; ++k)
    for (int64_t n = 0; n < N; ++n)
      wT[n * K + k] = uint16_t(encodeFloat(frand(-1.0f, 1.0f), p.act, true));
  Device<uint16_t> dwT(wT), dref{size_t(M * N)};
  timeBoth(
      lt, M, K, N, LtType::F16, "w4", kMajor ? " NxK (vs f16)" : " (vs f16)",
      [&] { d.run(); }, dwT.ptr, d.a.ptr, dref.ptr);

  std::vector<uint16_t> y = d.y.get();
  for (int64_t m : {int64_t(0), M / 2, M - 1}) {
    // The reference of row m alone.
    W4Problem row = p;
    row.M = 1;
    row.a.assign(p.a.begin() + m * K, p.a.begin() + (m + 1) * K);
    row.solve();
    std::vector<uint16_t> got(y.begin() + m * N, y.begin() + (m + 1) * N);
    compareNarrow(kMajor ? "w4zp128t (bench rows)" : "w4zp128 (bench rows)",
                  got, p.act, row.want, row.absSum, K);
    if (M == 1)
      break;
  }
}

} // namespace

/// The parts a run can be limited to (`gpu-check [--no-bench] [PART...]`), so
/// that a part that crashes the context can be run, and the others rerun, in
/// processes of their own.
const char *const kParts[] = {"elementwise", "int8", "f16",
                              "w4",          "fp8",  "bench"};

int main(int argc, char **argv) {
  std::vector<std::string> parts;
  bool doBench = true;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--no-bench") {
      doBench = false;
      continue;
    }
    if (std::find(std::begin(kParts), std::end(kParts), arg) ==
        std::end(kParts)) {
      std::fprintf(stderr,
                   "gpu-check: unknown part '%s' (elementwise, int8, f16, w4, "
                   "fp8, bench)\n",
                   argv[i]);
      return 2;
    }
    parts.push_back(arg);
  }
  auto runs = [&](const std::string &part) {
    if (part == "bench" && !doBench)
      return false;
    return parts.empty() ||
           std::find(parts.begin(), parts.end(), part) != parts.end();
  };
  // Progress goes out line by line, so a crash shows where it happened.
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  cudaDeviceProp prop;
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  std::printf("device: %s (sm_%d%d)\n", prop.name, prop.major, prop.minor);
  CUDA_OK(cudaStreamCreate(&stream));
  auto start = std::chrono::steady_clock::now();

  if (runs("elementwise")) {
    std::printf("elementwise\n");
    checkElementwise();
  }
  bool anyMatmul = runs("int8") || runs("f16") || runs("w4") || runs("fp8");
  for (const auto &s : kShapes) {
    bool big = s[0] * s[1] * s[2] > (int64_t(1) << 26);
    if (anyMatmul)
      std::printf("matmul %ldx%ldx%ld\n", long(s[0]), long(s[1]), long(s[2]));
    if (runs("int8")) {
      checkW8A8(s[0], s[1], s[2], false);
      checkS8U8(s[0], s[1], s[2], false);
      checkS8U8Batched(s[0], s[1], s[2]);
      checkS8S8(s[0], s[1], s[2], false);
      // K rounded up to whole groups of 32.
      int64_t groupedK = (s[1] + 31) / 32 * 32;
      for (bool int4 : {false, true})
        checkGrouped(int4, s[0], groupedK, s[2], false);
      if (!big) {
        checkW8A8(s[0], s[1], s[2], true);
        checkS8U8(s[0], s[1], s[2], true);
        checkS8S8(s[0], s[1], s[2], true);
        for (bool int4 : {false, true})
          checkGrouped(int4, s[0], groupedK, s[2], true);
      }
    }
    if (s[1] > 4096)
      continue;
    if (runs("f16"))
      checkF16(s[0], s[1], s[2]);
    if (runs("w4"))
      for (W4Form form : {W4Form::G32, W4Form::ZP128, W4Form::ZP128T,
                          W4Form::G64BF16, W4Form::Col})
        checkW4(form, s[0], s[1], s[2]);
#ifndef QUANTA_NO_FP8
    if (runs("fp8")) {
      checkFP8(s[0], s[1], s[2], false);
      checkFP8(s[0], s[1], s[2], true);
    }
#endif
  }

  if (runs("bench")) {
    std::printf("bench\n");
    cublasLtHandle_t lt;
    CUBLAS_OK(cublasLtCreate(&lt));
    for (bool kMajor : {false, true}) {
      bench(lt, 4096, 4096, 4096, false, kMajor);
      bench(lt, 1, 4096, 4096, false, kMajor);
    }
    for (bool kMajor : {false, true}) {
      benchW4(lt, 4096, 4096, 4096, kMajor);
      benchW4(lt, 1, 4096, 4096, kMajor);
    }
    for (bool int4 : {true, false}) {
      benchGrouped(lt, int4, 4096, 4096, 4096);
      benchGrouped(lt, int4, 1, 4096, 4096);
    }
#ifndef QUANTA_NO_FP8
    for (bool kMajor : {false, true}) {
      bench(lt, 4096, 4096, 4096, true, kMajor);
      bench(lt, 1, 4096, 4096, true, kMajor);
    }
#endif
    cublasLtDestroy(lt);
  }

  long cases = 0, elements = 0, mismatches = 0;
  std::printf("\n%-22s %6s %10s %10s %s\n", "check", "cases", "elements",
              "mismatch", "worst err/bound");
  for (auto &[name, c] : checks) {
    std::printf("%-22s %6ld %10ld %10ld %.3g\n", name.c_str(), c.cases,
                c.elements, c.mismatches, c.worst);
    cases += c.cases;
    elements += c.elements;
    mismatches += c.mismatches;
  }
  std::string ratios;
  if (!benches.empty()) {
    std::printf("\n%-26s %10s %10s %10s %10s %8s\n", "benchmark", "quanta ms",
                "cuBLASLt ms", "quanta TOPS", "cuBLAS TOPS", "ratio");
    for (auto &b : benches) {
      double ratio = b.cublasMs / b.quantaMs;
      std::printf("%-26s %10.3f %10.3f %10.1f %10.1f %8.2f\n", b.name.c_str(),
                  b.quantaMs, b.cublasMs, b.ops / b.quantaMs / 1e9,
                  b.ops / b.cublasMs / 1e9, ratio);
      char buf[96];
      std::snprintf(buf, sizeof buf, "%s%s %.2fx", ratios.empty() ? "" : ", ",
                    b.name.c_str(), ratio);
      ratios += buf;
    }
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::printf("\nGPU CHECK %s: %s, %ld checks, %ld elements, %ld mismatches; "
              "vs cuBLASLt: %s (%.0f s)\n",
              mismatches ? "FAIL" : "PASS", prop.name, cases, elements,
              mismatches, ratios.empty() ? "not run" : ratios.c_str(), seconds);
  return mismatches ? 1 : 0;
}
