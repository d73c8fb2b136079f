//===- fp8-harness.cpp - FP8 conversions compiled by Quanta, bit for bit --===//
//
// Calls the functions of fp8.mlir (compiled by quanta-compile, declared by the
// header passed with -include) and compares every result code with the
// reference library (quanta::ref::encodeFloat / decodeFloat / castFloat) and,
// for the probes of test/data/oracles/fp8, with LLVM APFloat's tables
// directly. Prints one summary line per group and the first mismatches of
// each (index, input bits, got, expected); exits non-zero on any mismatch.
//
//===----------------------------------------------------------------------===//

#include "HarnessSupport.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ref = quanta::ref;
using ref::FloatFormat;

namespace {

int totalMismatches = 0;

/// Runs `fn` on `inputs` (codes of `srcBits` bits) and compares each result
/// code with `expected(input)`.
template <typename Src, typename Dst, typename Fn, typename Expected>
void check(const char *group, FloatFormat srcFmt, FloatFormat dstFmt,
           const std::vector<uint32_t> &inputs, Fn fn, Expected expected) {
  std::vector<Src> in(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i)
    harness::storeBits(in.data(), i, inputs[i], sizeof(Src));
  std::vector<Dst> out(inputs.size());
  std::memset(out.data(), 0xA5, out.size() * sizeof(Dst));
  fn(in.data(), (int64_t)in.size(), out.data());
  int mismatches = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    uint32_t got = harness::loadBits(out.data(), i, sizeof(Dst));
    uint32_t want = expected(inputs[i]);
    if (got == want)
      continue;
    if (mismatches++ < 8)
      std::printf("  mismatch %s[%zu]: input 0x%0*X (%g), got 0x%0*X (%g), "
                  "expected 0x%0*X (%g)\n",
                  group, i, (int)sizeof(Src) * 2, inputs[i],
                  ref::decodeFloat(inputs[i], srcFmt), (int)sizeof(Dst) * 2,
                  got, ref::decodeFloat(got, dstFmt), (int)sizeof(Dst) * 2,
                  want, ref::decodeFloat(want, dstFmt));
  }
  std::printf("fp8 %s: %zu cases, %d mismatches\n", group, inputs.size(),
              mismatches);
  totalMismatches += mismatches;
}

//===----------------------------------------------------------------------===//
// Oracle tables
//===----------------------------------------------------------------------===//

std::vector<std::vector<std::string>> readTsv(const std::string &name) {
  std::string path = std::string(QUANTA_TEST_DATA_DIR) + "/oracles/fp8/" + name;
  std::ifstream in(path);
  if (!in) {
    std::printf("cannot open %s\n", path.c_str());
    std::exit(2);
  }
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line); // header
  while (std::getline(in, line)) {
    if (line.empty())
      continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t'))
      cols.push_back(col);
    rows.push_back(cols);
  }
  return rows;
}

struct EncodeRow {
  uint32_t input; ///< f32 bits.
  uint32_t code;  ///< APFloat round-half-even, no saturation.
};

std::vector<EncodeRow> readEncodeTable(const char *fmt) {
  std::vector<EncodeRow> rows;
  for (auto &cols : readTsv(std::string("encode_") + fmt + ".tsv"))
    rows.push_back({(uint32_t)std::stoul(cols.at(0), nullptr, 16),
                    (uint32_t)std::stoul(cols.at(2))});
  return rows;
}

/// f32 bits of each code's value (index = code); NaN as 0x7FC00000 | sign,
/// as quanta::ref::decodeFloat defines it (the table only says "nan").
std::vector<uint32_t> readDecodeTable(const char *fmt) {
  std::vector<uint32_t> bits(256, 0);
  for (auto &cols : readTsv(std::string("decode_") + fmt + ".tsv")) {
    unsigned code = std::stoul(cols.at(0));
    const std::string &hex = cols.at(2);
    float v = std::strtof(hex.c_str(), nullptr);
    bits.at(code) = std::isnan(v) ? (hex[0] == '-' ? 0xFFC00000u : 0x7FC00000u)
                                  : ref::floatBits(v);
  }
  return bits;
}

//===----------------------------------------------------------------------===//
// Inputs
//===----------------------------------------------------------------------===//

/// splitmix64: deterministic, so the case counts below are fixed.
struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint32_t next32() { return (uint32_t)(next() >> 32); }
};

void addWithNeighbours(std::vector<uint32_t> &v, float x) {
  uint32_t b = ref::floatBits(x) & 0x7FFFFFFFu;
  for (uint32_t sign : {0u, 0x80000000u}) {
    v.push_back(b | sign);
    v.push_back((b + 1) | sign);
    if (b)
      v.push_back((b - 1) | sign);
  }
}

/// Every structured f32 input: the oracle probes of both tables, every FP8
/// value and every midpoint between consecutive FP8 values (and the overflow
/// midpoint above max finite) with their f32 neighbours, both signs; zeros,
/// f32 subnormals, infinities, NaN payloads.
std::vector<uint32_t> structuredF32Inputs() {
  std::vector<uint32_t> v;
  for (const char *fmt : {"f8E4M3FN", "f8E5M2"})
    for (const EncodeRow &r : readEncodeTable(fmt))
      v.push_back(r.input);
  for (FloatFormat fmt : {FloatFormat::f8E4M3FN(), FloatFormat::f8E5M2()}) {
    uint32_t maxMag = fmt.maxFiniteMagnitude();
    for (uint32_t c = 0; c <= maxMag; ++c) {
      float a = ref::decodeFloat(c, fmt);
      addWithNeighbours(v, a);
      float b = c < maxMag ? ref::decodeFloat(c + 1, fmt)
                           : 2 * a - ref::decodeFloat(c - 1, fmt); // next step
      addWithNeighbours(v, a + (b - a) / 2); // exact in f32
      addWithNeighbours(v, b);
      addWithNeighbours(v, 2 * b);
    }
  }
  // Zeros, f32 subnormals and normal boundary, max, infinities.
  for (uint32_t b : {0x00000000u, 0x00000001u, 0x00000002u, 0x003FFFFFu,
                     0x00400000u, 0x007FFFFFu, 0x00800000u, 0x00800001u,
                     0x7F7FFFFFu, 0x7F7FFFFEu, 0x7F800000u})
    for (uint32_t sign : {0u, 0x80000000u})
      v.push_back(b | sign);
  Rng rng{0x5EED0001};
  for (int i = 0; i < 20000; ++i) // random f32 subnormals
    v.push_back((rng.next32() & 0x807FFFFFu));
  // NaNs: quiet, signalling, every sign, random payloads.
  for (uint32_t b : {0x7FC00000u, 0x7F800001u, 0x7FFFFFFFu, 0x7FA00000u,
                     0x7FC00001u, 0x7F800100u})
    for (uint32_t sign : {0u, 0x80000000u})
      v.push_back(b | sign);
  for (int i = 0; i < 20000; ++i) {
    uint32_t payload = rng.next32() & 0x007FFFFFu;
    v.push_back(0x7F800000u | (payload ? payload : 1) |
                (rng.next32() & 0x80000000u));
  }
  return v;
}

/// Random f32 bit patterns: uniformly random bits, and random values whose
/// exponent lies around the FP8 ranges (where rounding happens).
std::vector<uint32_t> randomF32Inputs() {
  std::vector<uint32_t> v;
  Rng rng{0x5EED0002};
  for (int i = 0; i < 3000000; ++i)
    v.push_back(rng.next32());
  for (int i = 0; i < 1500000; ++i) {
    uint32_t r = rng.next32();
    uint32_t exp = 127 - 30 + (r % 50); // 2^-30 .. 2^19
    v.push_back((r & 0x80000000u) | (exp << 23) |
                (rng.next32() & 0x007FFFFFu));
  }
  // Ties with only the rounding bit set below the FP8 mantissa, at every
  // exponent in range: mantissa m, then 1 at bit (23 - M - 1), zeros below.
  for (unsigned man : {2u, 3u})
    for (uint32_t exp = 127 - 30; exp < 127 + 20; ++exp)
      for (uint32_t m = 0; m < (1u << man); ++m)
        for (uint32_t sign : {0u, 0x80000000u}) {
          uint32_t b = sign | (exp << 23) | (m << (23 - man)) |
                       (1u << (22 - man));
          v.push_back(b);
          v.push_back(b + 1);
          v.push_back(b - 1);
        }
  return v;
}

std::vector<uint32_t> allCodes(unsigned n) {
  std::vector<uint32_t> v(n);
  for (unsigned i = 0; i < n; ++i)
    v[i] = i;
  return v;
}

} // namespace

int main() {
  const FloatFormat E4 = FloatFormat::f8E4M3FN(), E5 = FloatFormat::f8E5M2();
  const FloatFormat F32 = FloatFormat::f32(), F16 = FloatFormat::f16(),
                    BF16 = FloatFormat::bf16();

  // (a) Oracle tables directly (APFloat, no saturation).
  for (const char *fmtName : {"f8E4M3FN", "f8E5M2"}) {
    std::vector<EncodeRow> rows = readEncodeTable(fmtName);
    std::vector<uint32_t> in;
    std::vector<uint32_t> want;
    for (const EncodeRow &r : rows) {
      in.push_back(r.input);
      want.push_back(r.code);
    }
    auto lookup = [&](uint32_t x) {
      for (size_t i = 0; i < in.size(); ++i)
        if (in[i] == x)
          return want[i];
      return 0xFFFFFFFFu;
    };
    bool e4 = std::string(fmtName) == "f8E4M3FN";
    std::string g1 = std::string("oracle encode_") + fmtName +
                     ".tsv quanta.cast f32->" + fmtName;
    std::string g2 = std::string("oracle encode_") + fmtName +
                     ".tsv arith.truncf f32->" + fmtName;
    FloatFormat fmt = e4 ? E4 : E5;
    check<float, uint8_t>(g1.c_str(), F32, fmt, in,
                          e4 ? cast_f32_e4m3fn : cast_f32_e5m2, lookup);
    check<float, uint8_t>(g2.c_str(), F32, fmt, in,
                          e4 ? truncf_f32_e4m3fn : truncf_f32_e5m2, lookup);
  }
  for (const char *fmtName : {"f8E4M3FN", "f8E5M2"}) {
    std::vector<uint32_t> table = readDecodeTable(fmtName);
    bool e4 = std::string(fmtName) == "f8E4M3FN";
    std::string g1 = std::string("oracle decode_") + fmtName +
                     ".tsv quanta.cast " + fmtName + "->f32";
    std::string g2 = std::string("oracle decode_") + fmtName +
                     ".tsv arith.extf " + fmtName + "->f32";
    auto lookup = [&](uint32_t c) { return table[c]; };
    FloatFormat fmt = e4 ? E4 : E5;
    check<uint8_t, float>(g1.c_str(), fmt, F32, allCodes(256),
                          e4 ? cast_e4m3fn_f32 : cast_e5m2_f32, lookup);
    check<uint8_t, float>(g2.c_str(), fmt, F32, allCodes(256),
                          e4 ? extf_e4m3fn_f32 : extf_e5m2_f32, lookup);
  }

  // (a) f32 -> f8 against the reference.
  std::vector<uint32_t> structured = structuredF32Inputs();
  std::vector<uint32_t> random = randomF32Inputs();
  auto enc = [](FloatFormat fmt, bool sat) {
    return [fmt, sat](uint32_t x) {
      return ref::encodeFloat(ref::bitsToFloat(x), fmt, sat);
    };
  };
  struct F32Case {
    const char *name;
    void (*fn)(const float *, int64_t, uint8_t *);
    FloatFormat fmt;
    bool sat;
  };
  for (const F32Case &c :
       {F32Case{"quanta.cast f32->f8E4M3FN saturate", cast_f32_e4m3fn_sat, E4,
                true},
        F32Case{"quanta.cast f32->f8E4M3FN", cast_f32_e4m3fn, E4, false},
        F32Case{"quanta.cast f32->f8E5M2 saturate", cast_f32_e5m2_sat, E5,
                true},
        F32Case{"quanta.cast f32->f8E5M2", cast_f32_e5m2, E5, false},
        F32Case{"arith.truncf f32->f8E4M3FN", truncf_f32_e4m3fn, E4, false},
        F32Case{"arith.truncf f32->f8E5M2", truncf_f32_e5m2, E5, false}}) {
    std::string g = std::string(c.name) + " (structured)";
    check<float, uint8_t>(g.c_str(), F32, c.fmt, structured, c.fn,
                          enc(c.fmt, c.sat));
    g = std::string(c.name) + " (random)";
    check<float, uint8_t>(g.c_str(), F32, c.fmt, random, c.fn,
                          enc(c.fmt, c.sat));
  }

  // quanta.cast with a scale: convert(x * scale), one f32 multiply.
  struct ScaledCase {
    const char *name;
    void (*fn)(const float *, int64_t, const float *, uint8_t *);
    FloatFormat fmt;
    bool sat;
  };
  std::vector<uint32_t> scaledInputs(structured);
  scaledInputs.insert(scaledInputs.end(), random.begin(),
                      random.begin() + 500000);
  for (const ScaledCase &c :
       {ScaledCase{"quanta.cast scale f32->f8E4M3FN saturate",
                   cast_f32_e4m3fn_sat_scaled, E4, true},
        ScaledCase{"quanta.cast scale f32->f8E4M3FN",
                   cast_f32_e4m3fn_scaled, E4, false},
        ScaledCase{"quanta.cast scale f32->f8E5M2 saturate",
                   cast_f32_e5m2_sat_scaled, E5, true},
        ScaledCase{"quanta.cast scale f32->f8E5M2", cast_f32_e5m2_scaled, E5,
                   false}}) {
    for (float scale : {0.5f, 3.0f, 0.0137f, 448.0f / 1.7f}) {
      char g[128];
      std::snprintf(g, sizeof g, "%s (scale %a)", c.name, scale);
      check<float, uint8_t>(
          g, F32, c.fmt, scaledInputs,
          [&](const float *in, int64_t n, uint8_t *out) {
            c.fn(in, n, &scale, out);
          },
          [&](uint32_t x) {
            return ref::castFloat(x, F32, c.fmt, c.sat, scale);
          });
    }
  }

  // (b), (c) Every FP8 code decoded.
  auto dec = [](FloatFormat from, FloatFormat to) {
    return [from, to](uint32_t c) {
      return ref::castFloat(c, from, to, /*saturate=*/false);
    };
  };
  struct ToF32Case {
    const char *name;
    void (*fn)(const uint8_t *, int64_t, float *);
    FloatFormat from;
  };
  struct ToHalfCase {
    const char *name;
    void (*fn)(const uint8_t *, int64_t, uint16_t *);
    FloatFormat from, to;
  };
  for (const ToF32Case &c :
       {ToF32Case{"quanta.cast f8E4M3FN->f32", cast_e4m3fn_f32, E4},
        ToF32Case{"quanta.cast f8E5M2->f32", cast_e5m2_f32, E5},
        ToF32Case{"arith.extf f8E4M3FN->f32", extf_e4m3fn_f32, E4},
        ToF32Case{"arith.extf f8E5M2->f32", extf_e5m2_f32, E5}})
    check<uint8_t, float>(c.name, c.from, F32, allCodes(256), c.fn,
                          dec(c.from, F32));
  for (const ToHalfCase &c :
       {ToHalfCase{"quanta.cast f8E4M3FN->f16", cast_e4m3fn_f16, E4, F16},
        ToHalfCase{"quanta.cast f8E4M3FN->bf16", cast_e4m3fn_bf16, E4, BF16},
        ToHalfCase{"quanta.cast f8E5M2->f16", cast_e5m2_f16, E5, F16},
        ToHalfCase{"quanta.cast f8E5M2->bf16", cast_e5m2_bf16, E5, BF16},
        ToHalfCase{"arith.extf f8E4M3FN->f16", extf_e4m3fn_f16, E4, F16},
        ToHalfCase{"arith.extf f8E4M3FN->bf16", extf_e4m3fn_bf16, E4, BF16},
        ToHalfCase{"arith.extf f8E5M2->f16", extf_e5m2_f16, E5, F16},
        ToHalfCase{"arith.extf f8E5M2->bf16", extf_e5m2_bf16, E5, BF16}})
    check<uint8_t, uint16_t>(c.name, c.from, c.to, allCodes(256), c.fn,
                             dec(c.from, c.to));

  // (d) Every f16 / bf16 code to FP8.
  struct HalfCase {
    const char *name;
    void (*fn)(const uint16_t *, int64_t, uint8_t *);
    FloatFormat from, to;
    bool sat;
  };
  for (const HalfCase &c : {
           HalfCase{"quanta.cast f16->f8E4M3FN saturate", cast_f16_e4m3fn_sat,
                    F16, E4, true},
           HalfCase{"quanta.cast f16->f8E4M3FN", cast_f16_e4m3fn, F16, E4,
                    false},
           HalfCase{"quanta.cast f16->f8E5M2 saturate", cast_f16_e5m2_sat, F16,
                    E5, true},
           HalfCase{"quanta.cast f16->f8E5M2", cast_f16_e5m2, F16, E5, false},
           HalfCase{"quanta.cast bf16->f8E4M3FN saturate",
                    cast_bf16_e4m3fn_sat, BF16, E4, true},
           HalfCase{"quanta.cast bf16->f8E4M3FN", cast_bf16_e4m3fn, BF16, E4,
                    false},
           HalfCase{"quanta.cast bf16->f8E5M2 saturate", cast_bf16_e5m2_sat,
                    BF16, E5, true},
           HalfCase{"quanta.cast bf16->f8E5M2", cast_bf16_e5m2, BF16, E5,
                    false},
           HalfCase{"arith.truncf f16->f8E4M3FN", truncf_f16_e4m3fn, F16, E4,
                    false},
           HalfCase{"arith.truncf f16->f8E5M2", truncf_f16_e5m2, F16, E5,
                    false},
           HalfCase{"arith.truncf bf16->f8E4M3FN", truncf_bf16_e4m3fn, BF16,
                    E4, false},
           HalfCase{"arith.truncf bf16->f8E5M2", truncf_bf16_e5m2, BF16, E5,
                    false},
       }) {
    check<uint16_t, uint8_t>(c.name, c.from, c.to, allCodes(65536), c.fn,
                             [&](uint32_t code) {
                               return ref::castFloat(code, c.from, c.to,
                                                     c.sat);
                             });
  }

  if (totalMismatches) {
    std::printf("fp8 FAILED: %d mismatches\n", totalMismatches);
    return 1;
  }
  std::printf("fp8 ALL PASSED\n");
  return 0;
}
