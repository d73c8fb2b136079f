//===- HarnessSupport.h - Shared code of execution harnesses ----*- C++ -*-===//
//
// Header-only helpers shared by the C++ harnesses under test/Integration that
// run code compiled by quanta-compile and compare it bit for bit with the
// reference library:
//   - per-group counts and the summary lines the lit tests FileCheck
//     ("<group>: N cases, N elements, N mismatches", then "ALL BIT-EXACT" or
//     "MISMATCHES");
//   - the C ABI encoding of integers (int4 packed two per byte by
//     quanta::ref::packInt4, first element in the low nibble; 8-, 16- and
//     32-bit integers little endian) and of raw float bits (f32, and f16 /
//     bf16 / f8 codes as 2- or 1-byte integers);
//   - the NaN rule of the comparisons: NaN payloads are unspecified
//     (docs/Numerics.md), so NaNs match when their signs do;
//   - seeded random number helpers;
//   - the argument buffers of the generated calls (`Bytes`, `call`), which
//     with QUANTA_DEVICE_BUFFERS live on the GPU for the call.
//
// Plain C++17 on top of quanta/Reference: the AArch64 execution tests build
// it with the cross compiler too (%aarch64_cxx_harness); with
// QUANTA_DEVICE_BUFFERS it also needs the CUDA runtime API
// (scripts/gpu-check.sh, or its CPU stand-in in test/GPU). Like the compiled
// code, the byte helpers assume a little-endian host.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_TEST_INTEGRATION_HARNESSSUPPORT_H
#define QUANTA_TEST_INTEGRATION_HARNESSSUPPORT_H

#include "quanta/Reference/Numerics.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#ifdef QUANTA_DEVICE_BUFFERS
#include <cstdlib>
#include <cuda_runtime.h>
#endif

namespace harness {

namespace ref = quanta::ref;

//===----------------------------------------------------------------------===//
// Results
//===----------------------------------------------------------------------===//

/// Counts of one group of cases.
struct Stats {
  long cases = 0, elements = 0, mismatches = 0;
};

/// Groups by name; the summary prints them in name order.
using Groups = std::map<std::string, Stats>;

/// Counts one more case in group `name` and returns that group's counts.
inline Stats &countCase(Groups &groups, const std::string &name) {
  Stats &stats = groups[name];
  ++stats.cases;
  return stats;
}

/// Counts one more case of group `name` whose integer results `got` should
/// equal `want`, printing the first few that differ.
template <typename T>
void checkIntegers(Groups &groups, const char *name, const std::vector<T> &got,
                   const std::vector<int32_t> &want) {
  Stats &stats = countCase(groups, name);
  stats.elements += want.size();
  long before = stats.mismatches;
  for (size_t i = 0; i < want.size(); ++i)
    if ((got.size() != want.size() || int32_t(got[i]) != want[i]) &&
        stats.mismatches++ - before < 4)
      std::printf("%s %zu got %d want %d\n", name, i,
                  i < got.size() ? int32_t(got[i]) : 0, want[i]);
}

/// Prints "<group>: N cases, N elements, N mismatches" for each group;
/// returns the total number of mismatches.
inline long printGroups(const Groups &groups) {
  long mismatches = 0;
  for (const auto &[name, stats] : groups) {
    std::printf("%s: %ld cases, %ld elements, %ld mismatches\n", name.c_str(),
                stats.cases, stats.elements, stats.mismatches);
    mismatches += stats.mismatches;
  }
  return mismatches;
}

/// Prints the last line, `pass` (by default "ALL BIT-EXACT") or
/// "MISMATCHES"; returns the exit code of main.
inline int printVerdict(long mismatches, const char *pass = "ALL BIT-EXACT") {
  std::printf("%s\n", mismatches == 0 ? pass : "MISMATCHES");
  return mismatches == 0 ? 0 : 1;
}

//===----------------------------------------------------------------------===//
// Raw float bits
//===----------------------------------------------------------------------===//

/// Stores the low `bytes` bytes (1, 2 or 4) of `bits` as element `i` of a
/// buffer of `bytes`-byte elements.
inline void storeBits(void *buf, size_t i, uint32_t bits, size_t bytes) {
  std::memcpy(static_cast<uint8_t *>(buf) + i * bytes, &bits, bytes);
}
inline void storeBits(std::vector<uint8_t> &buf, size_t i, uint32_t bits,
                      size_t bytes) {
  storeBits(buf.data(), i, bits, bytes);
}

/// Element `i` of a buffer of `bytes`-byte elements (1, 2 or 4), zero
/// extended.
inline uint32_t loadBits(const void *buf, size_t i, size_t bytes) {
  uint32_t bits = 0;
  std::memcpy(&bits, static_cast<const uint8_t *>(buf) + i * bytes, bytes);
  return bits;
}
inline uint32_t loadBits(const std::vector<uint8_t> &buf, size_t i,
                         size_t bytes) {
  return loadBits(buf.data(), i, bytes);
}

/// The bytes of an f32 buffer.
inline std::vector<uint8_t> f32Bytes(const std::vector<float> &values) {
  std::vector<uint8_t> bytes(4 * values.size());
  std::memcpy(bytes.data(), values.data(), bytes.size());
  return bytes;
}

//===----------------------------------------------------------------------===//
// Integers at the ABI
//===----------------------------------------------------------------------===//

/// Bytes of `n` integers of `bits` bits (4, 8, 16 or 32) at the ABI.
inline size_t intBytes(size_t n, unsigned bits) {
  return bits == 4 ? (n + 1) / 2 : n * (bits / 8);
}

/// Encodes integers as `bits`-bit integers (4, 8, 16 or 32) at the ABI, each
/// truncated to its width.
template <typename T>
std::vector<uint8_t> encodeInts(const std::vector<T> &values, unsigned bits) {
  static_assert(std::is_integral_v<T>, "integers only");
  if (bits == 4)
    return ref::packInt4(std::vector<int32_t>(values.begin(), values.end()));
  size_t bytes = bits / 8;
  std::vector<uint8_t> out(values.size() * bytes);
  for (size_t i = 0; i < values.size(); ++i)
    storeBits(out, i, uint32_t(int32_t(values[i])), bytes);
  return out;
}

/// Decodes `n` integers of `bits` bits (4, 8, 16 or 32) from the ABI,
/// sign-extending them if `isSigned`.
inline std::vector<int32_t> decodeInts(const std::vector<uint8_t> &bytes,
                                       size_t n, unsigned bits,
                                       bool isSigned) {
  if (bits == 4)
    return ref::unpackInt4(bytes, n, isSigned);
  std::vector<int32_t> values(n);
  for (size_t i = 0; i < n; ++i) {
    uint32_t v = loadBits(bytes, i, bits / 8);
    if (bits == 8)
      values[i] = isSigned ? int32_t(int8_t(v)) : int32_t(v);
    else if (bits == 16)
      values[i] = isSigned ? int32_t(int16_t(v)) : int32_t(v);
    else
      values[i] = int32_t(v);
  }
  return values;
}
inline std::vector<int32_t> decodeInts(const std::vector<uint8_t> &bytes,
                                       size_t n, ref::IntFormat fmt) {
  return decodeInts(bytes, n, fmt.bits, fmt.isSigned);
}

//===----------------------------------------------------------------------===//
// Storage types and layouts of the generated cases
//===----------------------------------------------------------------------===//

/// True for the integer storage types: "i8", "ui8", "i4", "ui4".
inline bool isIntStorage(const std::string &storage) {
  return storage == "i8" || storage == "ui8" || storage == "i4" ||
         storage == "ui4";
}

/// The format of an integer storage type ("i8", "ui8", "i4", "ui4").
inline ref::IntFormat intStorageFormat(const std::string &storage,
                                       bool narrow) {
  unsigned bits = (storage == "i4" || storage == "ui4") ? 4 : 8;
  return ref::IntFormat{bits, storage[0] == 'i', narrow};
}

/// The float format called `name`, which must exist.
inline ref::FloatFormat floatFormat(const std::string &name) {
  return *ref::FloatFormat::byName(name);
}

/// The parameter layout of a tensor of `shape` quantized along axis 1 (per
/// channel, or per group of `groupSize`) or per tensor.
inline ref::Layout layoutOf(ref::Granularity granularity,
                            const std::vector<int64_t> &shape,
                            int64_t groupSize) {
  switch (granularity) {
  case ref::Granularity::PerTensor:
    return ref::Layout::perTensor(shape);
  case ref::Granularity::PerChannel:
    return ref::Layout::perChannel(shape, 1);
  default:
    return ref::Layout::perGroup(shape, 1, groupSize);
  }
}

//===----------------------------------------------------------------------===//
// Comparisons
//===----------------------------------------------------------------------===//

/// True when `code` is a NaN of `fmt`.
inline bool isNaN(uint32_t code, const ref::FloatFormat &fmt) {
  return std::isnan(ref::decodeFloat(code, fmt));
}

/// True when both codes are NaNs that match: NaN payloads are unspecified
/// (docs/Numerics.md), so NaNs match when their signs do (an FNUZ format has
/// only one NaN).
inline bool sameNaN(uint32_t got, uint32_t want, const ref::FloatFormat &fmt) {
  return isNaN(got, fmt) && isNaN(want, fmt) &&
         ((got & fmt.signBit()) == (want & fmt.signBit()) ||
          fmt.nonFinite == ref::NonFiniteStyle::FNUZ);
}

/// True when a float result matches: the same bits, or matching NaNs.
inline bool sameFloat(uint32_t got, uint32_t want,
                      const ref::FloatFormat &fmt) {
  return got == want || sameNaN(got, want, fmt);
}

//===----------------------------------------------------------------------===//
// Random numbers
//===----------------------------------------------------------------------===//

/// Seeded draws from `Engine`. Every draw constructs a fresh standard
/// distribution, so a seed gives the same sequence on every run.
template <typename Engine, typename Int, typename Real>
class Random {
public:
  explicit Random(typename Engine::result_type seed) : engine(seed) {}

  /// Uniform in [lo, hi].
  Int uniformInt(Int lo, Int hi) {
    return std::uniform_int_distribution<Int>(lo, hi)(engine);
  }
  /// Uniform in [lo, hi).
  Real uniform(Real lo, Real hi) {
    return std::uniform_real_distribution<Real>(lo, hi)(engine);
  }
  /// The engine's next output, truncated to 32 bits.
  uint32_t bits32() { return uint32_t(engine()); }

private:
  Engine engine;
};

/// std::mt19937 with int32_t and float draws.
using Random32 = Random<std::mt19937, int32_t, float>;
/// std::mt19937_64 with int64_t and double draws.
using Random64 = Random<std::mt19937_64, int64_t, double>;

/// [M, K] f32 activations for a weight-only matmul: `a` gets them per
/// tensor (scale 1, the values as f32 bits) for the reference, and they are
/// returned as floats: random in [-2, 2), with ±0, ±inf, NaN and a
/// subnormal at the start of row 2.
inline std::vector<float> fillF32Activations(ref::QuantizedTensor &a,
                                             Random32 &rng, int64_t M,
                                             int64_t K) {
  const float specials[] = {0.0f,  -0.0f, std::numeric_limits<float>::infinity(),
                            -std::numeric_limits<float>::infinity(), NAN,
                            1e-40f};
  a.isFloat = true;
  a.floatFormat = ref::FloatFormat::f32();
  a.layout = ref::Layout::perTensor({M, K});
  a.scale = {1.0f};
  std::vector<float> values;
  for (int64_t i = 0; i < M * K; ++i) {
    int64_t m = i / K, k = i % K;
    float v = m == 2 && k < 6 ? specials[k] : rng.uniform(-2.0f, 2.0f);
    uint32_t bits;
    std::memcpy(&bits, &v, 4);
    values.push_back(v);
    a.values.push_back(int32_t(bits));
  }
  return values;
}

/// The number of results of `got` that differ from `want` bit for bit (NaNs
/// match NaNs), the first three printed with `name` and the row count `M`.
inline long countF32Mismatches(const char *name, int64_t M,
                               const std::vector<float> &got,
                               const std::vector<float> &want) {
  long bad = 0;
  for (size_t i = 0; i < got.size(); ++i) {
    bool same = std::isnan(got[i]) ? std::isnan(want[i])
                                   : !std::memcmp(&got[i], &want[i], 4);
    if (!same && bad++ < 3)
      std::printf("%s M=%lld [%zu]: got %a want %a\n", name, (long long)M, i,
                  double(got[i]), double(want[i]));
  }
  return bad;
}

/// Fills `w` with [K, N] random int4 weights of `format` per group of
/// `groupSize` along K, every third row at the storage minimum and the next
/// at the maximum; scales in [0.001, 0.05) and, with `zeroPoints`, zero
/// points with the extremes every seventh value.
/// Activation values [M, K] of `format` in `a` (its format set, the layout
/// and parameters left to the caller): each row starts with the format's
/// minimum and maximum, the rest uniform at random.
inline void fillActivations(ref::QuantizedTensor &a, Random32 &rng,
                            ref::IntFormat format, int64_t M, int64_t K) {
  a.intFormat = format;
  for (int64_t i = 0; i < M * K; ++i) {
    int64_t k = i % K;
    a.values.push_back(k == 0   ? format.min()
                       : k == 1 ? format.max()
                                : rng.uniformInt(format.min(), format.max()));
  }
}

inline void fillInt4Weights(ref::QuantizedTensor &w, Random32 &rng,
                            ref::IntFormat format, int64_t groupSize,
                            int64_t K, int64_t N, bool zeroPoints) {
  auto pick = [&](int64_t i, int64_t period) {
    return i % period == 0   ? format.min()
           : i % period == 1 ? format.max()
                             : rng.uniformInt(format.min(), format.max());
  };
  w.intFormat = format;
  w.layout = ref::Layout::perGroup({K, N}, 0, groupSize);
  for (int64_t i = 0; i < K * N; ++i)
    w.values.push_back(pick(i / N, 3));
  for (int64_t i = 0; i < K / groupSize * N; ++i) {
    w.scale.push_back(rng.uniform(0.001f, 0.05f));
    if (zeroPoints)
      w.zeroPoint.push_back(pick(i, 7));
  }
}

/// An FP8 x FP8 -> f32 matmul entry point: `fn(a, M, w, sa, sw, y)` with a
/// per-tensor lhs scale, or `rowFn(a, M, w, sa, M, sw, y)` with one per
/// row; the rhs scale per tensor or (`perColumn`) per column.
struct FP8MatmulCase {
  using Fn = void (*)(const uint8_t *, int64_t, const uint8_t *, const float *,
                      const float *, float *);
  using RowFn = void (*)(const uint8_t *, int64_t, const uint8_t *,
                         const float *, int64_t, const float *, float *);
  const char *name;
  Fn fn;
  ref::FloatFormat lhs, rhs;
  int64_t K, N;
  bool perColumn;
  RowFn rowFn = nullptr;
  // Non-zero: W per group of this many rows (and per column).
  int64_t groupSize = 0;

  /// The formats and layouts of A [M, K] and W [K, N].
  void setLayouts(ref::QuantizedTensor &a, ref::QuantizedTensor &w,
                  int64_t M) const {
    a.isFloat = w.isFloat = true;
    a.floatFormat = lhs;
    w.floatFormat = rhs;
    a.layout = rowFn ? ref::Layout::perChannel({M, K}, 0)
                     : ref::Layout::perTensor({M, K});
    w.layout = groupSize   ? ref::Layout::perGroup({K, N}, 0, groupSize)
               : perColumn ? ref::Layout::perChannel({K, N}, 1)
                           : ref::Layout::perTensor({K, N});
  }

  /// Draws the scales into `a` and `w` (whose codes are set), runs the
  /// entry point and ref::matmul (f32 accumulation), and counts the results
  /// that differ (countF32Mismatches).
  long run(ref::QuantizedTensor &a, ref::QuantizedTensor &w, int64_t M,
           Random32 &rng) const {
    for (int64_t m = 0; m < (rowFn ? M : 1); ++m)
      a.scale.push_back(rng.uniform(0.01f, 2.0f));
    for (int64_t i = 0; i < w.layout.numParams(); ++i)
      w.scale.push_back(rng.uniform(0.01f, 2.0f));
    ref::MatmulResult want =
        ref::matmul(a, w, ref::MatmulOptions{ref::MatmulAccumulation::Float32});
    std::vector<uint8_t> aCodes(a.values.begin(), a.values.end()),
        wCodes(w.values.begin(), w.values.end());
    std::vector<float> got(M * N);
    if (rowFn)
      rowFn(aCodes.data(), M, wCodes.data(), a.scale.data(), M, w.scale.data(),
            got.data());
    else
      fn(aCodes.data(), M, wCodes.data(), a.scale.data(), w.scale.data(),
         got.data());
    return countF32Mismatches(name, M, got, want.values);
  }
};

//===----------------------------------------------------------------------===//
// Argument buffers
//===----------------------------------------------------------------------===//

#ifdef QUANTA_DEVICE_BUFFERS
/// The bytes of an argument buffer of a generated call. The harnesses fill
/// and read them on the host; `data()`, which only the generated calls use,
/// returns a device copy made for the current `call`, which copies it back
/// into these bytes once the entry point has returned. For the entry points
/// of quanta-compile's GPU target (device pointers in, docs/ABI.md).
class Bytes : public std::vector<uint8_t> {
public:
  using std::vector<uint8_t>::vector;
  Bytes(std::vector<uint8_t> bytes) : std::vector<uint8_t>(std::move(bytes)) {}
  void *data() const;
};

/// Exits with the CUDA error of `what` unless it succeeded.
inline void cudaCheck(cudaError_t err, const char *what) {
  if (err == cudaSuccess)
    return;
  std::fprintf(stderr, "CUDA error in %s: %s\n", what, cudaGetErrorString(err));
  std::exit(2);
}

/// The device copies of the current `call`.
struct DeviceCopy {
  Bytes *host;
  void *device;
};
inline std::vector<DeviceCopy> &deviceCopies() {
  static std::vector<DeviceCopy> copies;
  return copies;
}

inline void *Bytes::data() const {
  if (empty())
    return nullptr;
  for (const DeviceCopy &copy : deviceCopies())
    if (copy.host == this)
      return copy.device;
  void *device = nullptr;
  cudaCheck(cudaMalloc(&device, size()), "cudaMalloc");
  cudaCheck(cudaMemcpy(device, std::vector<uint8_t>::data(), size(),
                       cudaMemcpyHostToDevice),
            "cudaMemcpy to the device");
  deviceCopies().push_back({const_cast<Bytes *>(this), device});
  return device;
}

/// Runs `f`, a generated call (a synchronous entry point, which has waited
/// for its kernels), then copies every buffer it used back to the host and
/// frees the device copies.
template <typename F> void call(F &&f) {
  f();
  cudaCheck(cudaDeviceSynchronize(), "the kernels");
  for (const DeviceCopy &copy : deviceCopies()) {
    cudaCheck(cudaMemcpy(copy.host->std::vector<uint8_t>::data(), copy.device,
                         copy.host->size(), cudaMemcpyDeviceToHost),
              "cudaMemcpy from the device");
    cudaCheck(cudaFree(copy.device), "cudaFree");
  }
  deviceCopies().clear();
}
#else
/// The bytes of an argument buffer of a generated call (host memory).
using Bytes = std::vector<uint8_t>;

/// Runs `f`, a generated call.
template <typename F> void call(F &&f) { f(); }
#endif

} // namespace harness

#endif // QUANTA_TEST_INTEGRATION_HARNESSSUPPORT_H
