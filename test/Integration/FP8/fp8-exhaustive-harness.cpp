//===- fp8-exhaustive-harness.cpp - every f32 through the FP8 casts -------===//
//
// Runs the four casts of fp8-exhaustive.mlir (the quanta-compile header is
// passed with -include) on all 2^32 f32 bit patterns, 2^24 at a time, and
// compares every code with quanta::ref::encodeFloat (two threads).
//
//===----------------------------------------------------------------------===//

#include "quanta/Reference/Formats.h"

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <thread>
#include <vector>

using namespace quanta;

int main() {
  constexpr int64_t kChunk = int64_t(1) << 24;
  struct Cast {
    const char *name;
    void (*fn)(const float *, int64_t, uint8_t *);
    ref::FloatFormat fmt;
    bool saturate;
  };
  const Cast casts[] = {
      {"f32->f8E4M3FN saturate", cast_f32_e4m3fn_sat,
       ref::FloatFormat::f8E4M3FN(), true},
      {"f32->f8E4M3FN", cast_f32_e4m3fn, ref::FloatFormat::f8E4M3FN(), false},
      {"f32->f8E5M2 saturate", cast_f32_e5m2_sat, ref::FloatFormat::f8E5M2(),
       true},
      {"f32->f8E5M2", cast_f32_e5m2, ref::FloatFormat::f8E5M2(), false},
  };
  std::vector<float> in(kChunk);
  std::vector<uint8_t> out[4];
  std::atomic<int64_t> mismatches[4] = {};
  for (auto &o : out)
    o.resize(kChunk);
  for (uint64_t base = 0; base < (uint64_t(1) << 32); base += kChunk) {
    for (int64_t i = 0; i < kChunk; ++i) {
      uint32_t bits = uint32_t(base + i);
      std::memcpy(&in[i], &bits, 4);
    }
    for (int c = 0; c < 4; ++c)
      casts[c].fn(in.data(), kChunk, out[c].data());
    auto compare = [&](int64_t first) {
      for (int64_t i = first; i < kChunk; i += 2)
        for (int c = 0; c < 4; ++c) {
          uint32_t want =
              ref::encodeFloat(in[i], casts[c].fmt, casts[c].saturate);
          if (out[c][i] != want && mismatches[c]++ < 4)
            std::printf("  mismatch %s: input 0x%08X, got 0x%02X, expected "
                        "0x%02X\n",
                        casts[c].name, uint32_t(base + i), out[c][i], want);
        }
    };
    std::thread other(compare, 1);
    compare(0);
    other.join();
  }
  for (int c = 0; c < 4; ++c)
    std::printf("%s: 4294967296 inputs, %lld mismatches\n", casts[c].name,
                (long long)mismatches[c].load());
  return 0;
}
