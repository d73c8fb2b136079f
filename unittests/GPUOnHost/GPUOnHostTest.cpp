//===- GPUOnHostTest.cpp - Tests of the GPU-on-host runtime ---------------===//
//
// Calls runtime/gpu-on-host directly, as the kernels of
// --quanta-gpu-launches-to-host-fibers do, and compares each warp operation
// with the matrix it stands for (fragments placed by the PTX ISA's tables),
// cp.async with the copies and zero fill it defines, and checks that
// misuse a GPU would hang on is reported.
//
//===----------------------------------------------------------------------===//

#include "quanta/Runtime/GPUOnHost.h"
#include "quanta/Reference/Formats.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace quanta::gpu_on_host;

namespace {

/// Shared memory for a launch: 256 KiB-aligned, as the runtime wants.
struct Shared {
  explicit Shared(size_t bytes)
      : bytes(bytes), data(static_cast<uint8_t *>(
                          std::aligned_alloc(kSharedWindow, kSharedWindow))) {}
  ~Shared() { std::free(data); }
  int64_t address() const { return reinterpret_cast<int64_t>(data); }
  size_t bytes;
  uint8_t *data;
};

template <typename Env>
void launch(int64_t grid, int64_t block, Shared *shared, void (*entry)(void *),
            Env *env) {
  quanta_gpu_host_launch(grid, 1, 1, block, 1, 1,
                         shared ? shared->address() : 0,
                         shared ? shared->bytes : 0, entry, env);
}

int64_t lane() { return quanta_gpu_host_id(ThreadId) % 32; }

/// Copies `bytes` of `data` into the block's shared memory (which starts
/// undefined: the runtime fills it with 0xA5) by thread 0, then waits for
/// the whole block.
void fillShared(uint8_t *shared, const uint8_t *data, size_t bytes) {
  if (quanta_gpu_host_id(ThreadId) == 0)
    std::memcpy(shared, data, bytes);
  quanta_gpu_host_barrier();
}

struct BarrierEnv {
  uint8_t *shared;
  std::vector<int32_t> out;
};

TEST(GPUOnHost, BarrierOrdersSharedMemory) {
  Shared shared(256);
  BarrierEnv env{shared.data, std::vector<int32_t>(2 * 64)};
  launch(
      2, 64, &shared,
      [](void *p) {
        auto &e = *static_cast<BarrierEnv *>(p);
        auto *words = reinterpret_cast<int32_t *>(e.shared);
        int64_t t = quanta_gpu_host_id(ThreadId),
                b = quanta_gpu_host_id(BlockId);
        EXPECT_EQ(quanta_gpu_host_id(BlockDim), 64);
        EXPECT_EQ(quanta_gpu_host_id(GridDim), 2);
        words[t] = int32_t(t + 1000 * b);
        quanta_gpu_host_barrier();
        e.out[b * 64 + t] = words[63 - t];
      },
      &env);
  for (int b = 0; b < 2; ++b)
    for (int t = 0; t < 64; ++t)
      EXPECT_EQ(env.out[b * 64 + t], 63 - t + 1000 * b);
}

TEST(GPUOnHost, Shuffles) {
  std::vector<int64_t> out(3 * 32);
  launch<std::vector<int64_t>>(
      1, 32, nullptr,
      [](void *p) {
        auto &o = *static_cast<std::vector<int64_t> *>(p);
        int32_t l = int32_t(lane());
        o[l] = quanta_gpu_host_shuffle(100 + l, 5, 32, ShuffleXor);
        o[32 + l] = quanta_gpu_host_shuffle(100 + l, 3, 16, ShuffleDown);
        o[64 + l] = quanta_gpu_host_shuffle(100 + l, 7, 32, ShuffleIdx);
      },
      &out);
  for (int64_t l = 0; l < 32; ++l) {
    EXPECT_EQ(out[l], (int64_t(1) << 32) | (100 + (l ^ 5)));
    // down within width 16: sources past lane 15 are invalid (own value).
    int64_t source = l + 3;
    EXPECT_EQ(out[32 + l],
              source <= 15 ? (int64_t(1) << 32) | (100 + source) : 100 + l);
    EXPECT_EQ(out[64 + l], (int64_t(1) << 32) | 107);
  }
}

struct LdMatrixEnv {
  uint8_t *shared;
  uint8_t matrices[512];
  uint32_t out[32][4];
};

TEST(GPUOnHost, LdMatrixX4) {
  Shared shared(512);
  LdMatrixEnv env{shared.data, {}, {}};
  // Four 8 x 8 matrices of 16-bit elements, rows 16 bytes, matrix j at
  // 128 j; word w of row r of matrix j holds (j, r, w).
  for (uint32_t j = 0; j < 4; ++j)
    for (uint32_t r = 0; r < 8; ++r)
      for (uint32_t w = 0; w < 4; ++w) {
        uint32_t v = j << 16 | r << 8 | w;
        std::memcpy(env.matrices + 128 * j + 16 * r + 4 * w, &v, 4);
      }
  launch(
      1, 32, &shared,
      [](void *p) {
        auto &e = *static_cast<LdMatrixEnv *>(p);
        fillShared(e.shared, e.matrices, sizeof(e.matrices));
        int64_t l = lane();
        // Lane l gives row l % 8 of matrix l / 8.
        int64_t row =
            reinterpret_cast<int64_t>(e.shared) + 128 * (l / 8) + 16 * (l % 8);
        quanta_gpu_host_ldmatrix(row, 4, reinterpret_cast<int64_t>(e.out[l]));
      },
      &env);
  for (uint32_t l = 0; l < 32; ++l)
    for (uint32_t j = 0; j < 4; ++j)
      EXPECT_EQ(env.out[l][j], j << 16 | (l / 4) << 8 | l % 4);
}

/// An m16n8k32 int8 product: A 16 x 32 (s8), B 32 x 8 (u8), C 16 x 8.
struct MmaEnv {
  int8_t a[16][32];
  uint8_t b[32][8];
  int32_t c[16][8], d[16][8];
};

uint32_t pack(const uint8_t bytes[4]) {
  uint32_t w;
  std::memcpy(&w, bytes, 4);
  return w;
}

TEST(GPUOnHost, MmaInt8MatchesTheMatrixProduct) {
  MmaEnv env;
  for (int m = 0; m < 16; ++m)
    for (int k = 0; k < 32; ++k)
      env.a[m][k] = int8_t(m % 2 ? -128 + 7 * k : 127 - 3 * m * k);
  for (int k = 0; k < 32; ++k)
    for (int n = 0; n < 8; ++n)
      env.b[k][n] = uint8_t(255 - 11 * k * n);
  for (int m = 0; m < 16; ++m)
    for (int n = 0; n < 8; ++n)
      env.c[m][n] = m == 0 ? 2147483000 : m * 100 - n;
  launch(
      1, 32, nullptr,
      [](void *p) {
        auto &e = *static_cast<MmaEnv *>(p);
        int g = int(lane()) / 4, t = int(lane()) % 4;
        uint32_t words[14];
        // PTX ISA, mma.m16n8k32 fragments: a_i (i < 16) at row g + 8 for
        // i % 8 >= 4, column 4t + i % 4 + 16 for i >= 8; b_i at row
        // 4t + i % 4 + 16 for i >= 4, column g; c_i at row g + 8 for i >= 2,
        // column 2t + i % 2.
        for (int r = 0; r < 4; ++r) {
          uint8_t bytes[4];
          for (int i = 0; i < 4; ++i)
            bytes[i] = uint8_t(e.a[g + 8 * (r % 2)][4 * t + i + 16 * (r / 2)]);
          words[r] = pack(bytes);
        }
        for (int r = 0; r < 2; ++r) {
          uint8_t bytes[4];
          for (int i = 0; i < 4; ++i)
            bytes[i] = e.b[4 * t + i + 16 * r][g];
          words[4 + r] = pack(bytes);
        }
        for (int i = 0; i < 4; ++i)
          words[6 + i] = uint32_t(e.c[g + 8 * (i / 2)][2 * t + i % 2]);
        quanta_gpu_host_mma(MmaInt8 | kMmaFlagA,
                            reinterpret_cast<int64_t>(words));
        for (int i = 0; i < 4; ++i)
          e.d[g + 8 * (i / 2)][2 * t + i % 2] = int32_t(words[10 + i]);
      },
      &env);
  for (int m = 0; m < 16; ++m)
    for (int n = 0; n < 8; ++n) {
      uint32_t want = uint32_t(env.c[m][n]);
      for (int k = 0; k < 32; ++k)
        want += uint32_t(int32_t(env.a[m][k]) * int32_t(env.b[k][n]));
      EXPECT_EQ(uint32_t(env.d[m][n]), want) << m << ", " << n;
    }
}

TEST(GPUOnHost, Dp4a) {
  // Bytes of a: -1, 2, -128, 127 (signed) or 255, 2, 128, 127.
  int32_t a = int32_t(0x7F8002FFu);
  EXPECT_EQ(quanta_gpu_host_dp4a(kMmaFlagA, a, 0x01010101, 10),
            10 - 1 + 2 - 128 + 127);
  EXPECT_EQ(quanta_gpu_host_dp4a(0, a, 0x01010101, 10),
            10 + 255 + 2 + 128 + 127);
  // Both signed, and products wrapping modulo 2^32.
  int32_t b = int32_t(0x80FF7F01u); // 1, 127, -1, -128 (signed)
  EXPECT_EQ(quanta_gpu_host_dp4a(kMmaFlagA | kMmaFlagB, a, b, 10),
            10 - 1 + 254 + 128 - 16256);
  EXPECT_EQ(quanta_gpu_host_dp4a(kMmaFlagB, a, b, 10),
            10 + 255 + 254 - 128 - 16256);
  EXPECT_EQ(quanta_gpu_host_dp4a(kMmaFlagA | kMmaFlagB, 0, b, INT32_MAX),
            INT32_MAX);
  EXPECT_EQ(uint32_t(quanta_gpu_host_dp4a(0, int32_t(0xFFFFFFFFu),
                                          int32_t(0xFFFFFFFFu), INT32_MAX)),
            uint32_t(INT32_MAX) + 4u * 255u * 255u);
}

/// Every FP8 code of both formats converts to the f16 code of the same
/// value (NaN to NaN), in the half of its byte (values from the reference
/// library).
TEST(GPUOnHost, CvtF16x2IsExact) {
  using quanta::ref::FloatFormat;
  auto same = [](float x, float y) {
    return (std::isnan(x) && std::isnan(y)) ||
           (x == y && std::signbit(x) == std::signbit(y));
  };
  for (int e5m2 = 0; e5m2 < 2; ++e5m2) {
    FloatFormat fp8 = e5m2 ? FloatFormat::f8E5M2() : FloatFormat::f8E4M3FN();
    for (uint32_t code = 0; code < 256; ++code) {
      uint32_t other = (code * 37 + 11) & 0xff;
      uint32_t pair =
          uint32_t(quanta_gpu_host_cvt_f16x2(e5m2, int32_t(code | other << 8)));
      float want = quanta::ref::decodeFloat(code, fp8);
      float got = quanta::ref::decodeFloat(pair & 0xffff, FloatFormat::f16());
      EXPECT_TRUE(same(got, want)) << e5m2 << " " << code;
      if (std::isnan(want))
        EXPECT_EQ(pair & 0xffff, 0x7fffu) << "canonical NaN";
      EXPECT_TRUE(same(quanta::ref::decodeFloat(pair >> 16, FloatFormat::f16()),
                       quanta::ref::decodeFloat(other, fp8)))
          << e5m2 << " " << other;
    }
  }
}

struct CopyEnv {
  uint8_t *shared;
  uint8_t source[32];
  uint8_t before[16], middle[32], after[32];
};

TEST(GPUOnHost, CpAsyncLandsWhenWaitedFor) {
  Shared shared(64);
  CopyEnv env{shared.data, {}, {}, {}, {}};
  for (int i = 0; i < 32; ++i)
    env.source[i] = uint8_t(i + 1);
  launch(
      1, 1, &shared,
      [](void *p) {
        auto &e = *static_cast<CopyEnv *>(p);
        auto at = [&](int offset) {
          return int32_t(reinterpret_cast<uintptr_t>(e.shared + offset));
        };
        auto source = reinterpret_cast<int64_t>(e.source);
        quanta_gpu_host_cp_async(at(0), source, 16);
        quanta_gpu_host_cp_async_commit();
        quanta_gpu_host_cp_async(at(16), source + 16, 5);
        quanta_gpu_host_cp_async_commit();
        std::memcpy(e.before, e.shared, 16);
        quanta_gpu_host_cp_async_wait(1);
        std::memcpy(e.middle, e.shared, 32);
        quanta_gpu_host_cp_async_wait(0);
        std::memcpy(e.after, e.shared, 32);
      },
      &env);
  for (int i = 0; i < 16; ++i) {
    EXPECT_EQ(env.before[i], 0xA5) << "copied before its wait";
    EXPECT_EQ(env.middle[i], i + 1);
    EXPECT_EQ(env.middle[16 + i], 0xA5) << "newest group copied by wait 1";
    EXPECT_EQ(env.after[16 + i], i < 5 ? 17 + i : 0) << "zero fill";
  }
}

/// wgmma m64n8k32 s8 x s8 with no-swizzle K-major descriptors, committed
/// and waited for. Races: `Overwrite` changes a byte of B in between,
/// `NoWait` does not wait.
enum class WgmmaRace { None, Overwrite, NoWait };
struct WgmmaEnv {
  uint8_t *shared;
  WgmmaRace race;
  uint8_t operands[4096];
  int8_t a[64][32], b[8][32];
  int32_t d[64][8];
};

WgmmaEnv makeWgmmaEnv(uint8_t *shared, WgmmaRace race) {
  WgmmaEnv env;
  env.shared = shared;
  env.race = race;
  for (int m = 0; m < 64; ++m)
    for (int k = 0; k < 32; ++k)
      env.a[m][k] = int8_t((m * 37 + k * 11) % 256 - 128);
  for (int n = 0; n < 8; ++n)
    for (int k = 0; k < 32; ++k)
      env.b[n][k] = int8_t((n * 53 + k * 29) % 256 - 128);
  // Core matrices of 8 rows x 16 bytes: the two along K 128 bytes apart
  // (leading offset), 8-row groups 256 bytes apart (stride offset); B from
  // byte 2048.
  auto place = [&](int base, int row, int k, int8_t v) {
    env.operands[base + row / 8 * 256 + k / 16 * 128 + row % 8 * 16 + k % 16] =
        uint8_t(v);
  };
  for (int m = 0; m < 64; ++m)
    for (int k = 0; k < 32; ++k)
      place(0, m, k, env.a[m][k]);
  for (int n = 0; n < 8; ++n)
    for (int k = 0; k < 32; ++k)
      place(2048, n, k, env.b[n][k]);
  return env;
}

void wgmmaKernel(void *p) {
  auto &e = *static_cast<WgmmaEnv *>(p);
  fillShared(e.shared, e.operands, sizeof(e.operands));
  auto descriptor = [](int64_t start) {
    return (start >> 4) | int64_t(128 >> 4) << 16 | int64_t(256 >> 4) << 32;
  };
  int32_t acc[4] = {1, 2, 3, 4};
  quanta_gpu_host_wgmma(8, kMmaFlagA | kMmaFlagB, descriptor(0),
                        descriptor(2048), reinterpret_cast<int64_t>(acc));
  quanta_gpu_host_wgmma_commit();
  int64_t t = quanta_gpu_host_id(ThreadId);
  if (e.race == WgmmaRace::Overwrite && t == 0)
    e.shared[2048 + 5] ^= 1;
  if (e.race == WgmmaRace::NoWait)
    return;
  quanta_gpu_host_wgmma_wait(0);
  // Accumulator i of thread t: row 16 (t / 32) + (t % 32) / 4 +
  // 8 ((i / 2) % 2), column 8 (i / 4) + 2 (t % 4) + i % 2.
  for (int i = 0; i < 4; ++i)
    e.d[16 * (t / 32) + (t % 32) / 4 + 8 * ((i / 2) % 2)]
       [8 * (i / 4) + 2 * (t % 4) + i % 2] = acc[i] - (i + 1);
}

TEST(GPUOnHost, WgmmaMatchesTheMatrixProduct) {
  Shared shared(4096);
  WgmmaEnv env = makeWgmmaEnv(shared.data, WgmmaRace::None);
  launch(1, 128, &shared, wgmmaKernel, &env);
  for (int m = 0; m < 64; ++m)
    for (int n = 0; n < 8; ++n) {
      int32_t want = 0;
      for (int k = 0; k < 32; ++k)
        want += int32_t(env.a[m][k]) * int32_t(env.b[n][k]);
      EXPECT_EQ(env.d[m][n], want) << m << ", " << n;
    }
}

struct RaceEnv {
  uint8_t *shared;
  int32_t out[2];
};

/// Two threads that read each other's shared word with no barrier between:
/// the result depends on the order the runtime runs them in.
RaceEnv runRace() {
  static Shared shared(8);
  RaceEnv env{shared.data, {0, 0}};
  launch(
      1, 2, &shared,
      [](void *p) {
        auto &e = *static_cast<RaceEnv *>(p);
        auto *words = reinterpret_cast<int32_t *>(e.shared);
        int64_t t = quanta_gpu_host_id(ThreadId);
        words[t] = int32_t(t + 1);
        e.out[t] = words[1 - t];
      },
      &env);
  return env;
}

TEST(GPUOnHostDeathTest, ThreadOrderExposesRaces) {
  constexpr int32_t kPoison = int32_t(0xA5A5A5A5);
  // In a fresh process (the order is read from the environment once, and
  // the threadsafe style re-runs this test up to here in a new one), first.
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        setenv("QUANTA_GPU_HOST_ORDER", "reverse", 1);
        RaceEnv reverse = runRace();
        std::exit(reverse.out[0] == 2 && reverse.out[1] == kPoison ? 0 : 1);
      },
      testing::ExitedWithCode(0), "");
  RaceEnv forward = runRace();
  EXPECT_EQ(forward.out[0], kPoison);
  EXPECT_EQ(forward.out[1], 1);
}

TEST(GPUOnHostDeathTest, DivergentCollectivesDeadlock) {
  // Lanes 0-15 shuffle while lanes 16-31 wait at a barrier: neither
  // completes on a GPU.
  EXPECT_DEATH(launch<void>(
                   1, 32, nullptr,
                   [](void *) {
                     if (lane() < 16)
                       quanta_gpu_host_shuffle(1, 1, 32, ShuffleXor);
                     else
                       quanta_gpu_host_barrier();
                   },
                   nullptr),
               "deadlock");
}

TEST(GPUOnHostDeathTest, LanesAtDifferentCollectives) {
  Shared shared(64);
  EXPECT_DEATH(launch(
                   1, 32, &shared,
                   [](void *p) {
                     uint32_t out[4];
                     if (lane() < 16)
                       quanta_gpu_host_shuffle(1, 1, 32, ShuffleXor);
                     else
                       quanta_gpu_host_ldmatrix(reinterpret_cast<int64_t>(p), 1,
                                                reinterpret_cast<int64_t>(out));
                   },
                   shared.data),
               "different warp collectives");
}

} // namespace

TEST(GPUOnHostDeathTest, WgmmaOperandChangedBeforeItsWait) {
  // The hardware may read a wgmma's operands any time until the thread
  // waits for its group: changing them before is a race.
  Shared shared(4096);
  WgmmaEnv env = makeWgmmaEnv(shared.data, WgmmaRace::Overwrite);
  EXPECT_DEATH(launch(1, 128, &shared, wgmmaKernel, &env),
               "changed before the thread waited for it");
}

TEST(GPUOnHostDeathTest, WgmmaNotWaitedFor) {
  Shared shared(4096);
  WgmmaEnv env = makeWgmmaEnv(shared.data, WgmmaRace::NoWait);
  EXPECT_DEATH(launch(1, 128, &shared, wgmmaKernel, &env),
               "exited with wgmma operations it did not wait for");
}
