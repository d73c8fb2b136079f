//===- FloatFormatsTest.cpp - Float format encode/decode tests ------------===//
//
// Oracles: test/data/oracles/fp8/{decode,encode}_<fmt>.tsv (LLVM 22.1.8
// APFloat), the compiler's _Float16 conversion, and a bit-trick bf16 RNE.
//
//===----------------------------------------------------------------------===//

#include "quanta/Reference/Numerics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace quanta::ref;

namespace {

std::vector<std::vector<std::string>> readTsv(const std::string &name) {
  std::string path = std::string(QUANTA_TEST_DATA_DIR) + "/oracles/fp8/" + name;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) {
      header = false;
      continue;
    }
    if (line.empty())
      continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string c;
    while (std::getline(ss, c, '\t'))
      cols.push_back(c);
    rows.push_back(cols);
  }
  return rows;
}

float parseValue(const std::string &s) {
  if (s == "nan" || s == "-nan")
    return NAN;
  if (s == "inf")
    return INFINITY;
  if (s == "-inf")
    return -INFINITY;
  return std::strtof(s.c_str(), nullptr); // handles hex floats like 0x1p-9
}

void expectSameFloat(float expected, float actual, const std::string &what) {
  if (std::isnan(expected)) {
    EXPECT_TRUE(std::isnan(actual)) << what;
    return;
  }
  EXPECT_EQ(floatBits(expected), floatBits(actual))
      << what << ": expected " << expected << " got " << actual;
}

struct TableFormat {
  const char *file;
  FloatFormat fmt;
};

const TableFormat kTableFormats[] = {
    {"f8E4M3FN", FloatFormat::f8E4M3FN()},
    {"f8E5M2", FloatFormat::f8E5M2()},
    {"f8E4M3", FloatFormat::f8E4M3()},
    {"f8E4M3FNUZ", FloatFormat::f8E4M3FNUZ()},
    {"f8E5M2FNUZ", FloatFormat::f8E5M2FNUZ()},
    {"f4E2M1FN", FloatFormat::f4E2M1FN()},
    {"f8E8M0FNU", FloatFormat::f8E8M0FNU()},
};

// Halves of _Float16 used as an independent f16 oracle (clang, x86-64).
uint16_t f16BitsOf(float f) {
  _Float16 h = static_cast<_Float16>(f);
  uint16_t b;
  std::memcpy(&b, &h, 2);
  return b;
}
float f16ToFloat(uint16_t b) {
  _Float16 h;
  std::memcpy(&h, &b, 2);
  return static_cast<float>(h);
}

// Straightforward bf16 round-to-nearest-even of the f32 bits.
uint16_t bf16Reference(float f) {
  uint32_t u = floatBits(f);
  if ((u & 0x7FFFFFFFu) > 0x7F800000u)
    return uint16_t(((u >> 16) & 0x8000u) | 0x7FC0u);
  u += 0x7FFFu + ((u >> 16) & 1u);
  return uint16_t(u >> 16);
}

} // namespace

TEST(FloatFormats, MaxFiniteOfEachFormat) {
  EXPECT_EQ(maxFinite(FloatFormat::f8E4M3FN()), 448.0f);
  EXPECT_EQ(maxFinite(FloatFormat::f8E5M2()), 57344.0f);
  EXPECT_EQ(maxFinite(FloatFormat::f8E4M3()), 240.0f);
  EXPECT_EQ(maxFinite(FloatFormat::f8E4M3FNUZ()), 240.0f);
  EXPECT_EQ(maxFinite(FloatFormat::f8E5M2FNUZ()), 57344.0f);
  EXPECT_EQ(maxFinite(FloatFormat::f4E2M1FN()), 6.0f);
  EXPECT_EQ(maxFinite(FloatFormat::f8E8M0FNU()), 0x1p127f);
  EXPECT_EQ(maxFinite(FloatFormat::f16()), 65504.0f);
  EXPECT_EQ(maxFinite(FloatFormat::bf16()), 0x1.FEp127f);
  EXPECT_EQ(maxFinite(FloatFormat::f32()), 0x1.FFFFFEp127f);
}

TEST(FloatFormats, ByNameFindsEveryNamedFormat) {
  for (const char *n :
       {"f32", "f16", "bf16", "f8E4M3FN", "f8E5M2", "f8E4M3", "f8E4M3FNUZ",
        "f8E5M2FNUZ", "f4E2M1FN", "f8E8M0FNU"}) {
    auto f = FloatFormat::byName(n);
    ASSERT_TRUE(f.has_value()) << n;
    EXPECT_STREQ(f->name, n);
  }
  EXPECT_TRUE(*FloatFormat::byName("f8E8M0FNU") == FloatFormat::f8E8M0FNU());
  EXPECT_FALSE(FloatFormat::byName("f8E8M0").has_value());
}

// Every code of every APFloat decode table.
TEST(FloatFormats, DecodeMatchesApFloatTables) {
  for (const TableFormat &t : kTableFormats) {
    auto rows = readTsv(std::string("decode_") + t.file + ".tsv");
    ASSERT_EQ(rows.size(), size_t(1) << t.fmt.totalBits()) << t.file;
    for (const auto &r : rows) {
      ASSERT_EQ(r.size(), 5u);
      uint32_t code = uint32_t(std::stoul(r[0]));
      float expected = parseValue(r[2]);
      float got = decodeFloat(code, t.fmt);
      if (r[4] == "nan") {
        EXPECT_TRUE(std::isnan(got)) << t.file << " code " << code;
      } else {
        EXPECT_FALSE(std::isnan(got)) << t.file << " code " << code;
        expectSameFloat(expected, got, std::string(t.file) + " code " + r[0]);
      }
    }
  }
}

// Every row of every APFloat encode table (round-half-even, no saturation).
// f4E2M1FN: APFloat's rows for +-inf and NaN inputs are not trustworthy (it
// returns 0 / -0 for them); they are skipped here and ONNX's Cast test
// (OnnxOracleTest) fixes that behaviour instead. f8E8M0FNU: every row is
// checked, negative inputs and -0 included (see F8E8M0NegativeZeroAndTies).
TEST(FloatFormats, EncodeMatchesApFloatTables) {
  for (const TableFormat &t : kTableFormats) {
    auto rows = readTsv(std::string("encode_") + t.file + ".tsv");
    ASSERT_GT(rows.size(), 70u) << t.file;
    size_t checked = 0, skipped = 0;
    for (const auto &r : rows) {
      ASSERT_EQ(r.size(), 5u);
      uint32_t inBits = uint32_t(std::stoul(r[0], nullptr, 16));
      float x = bitsToFloat(inBits);
      if (t.fmt.nonFinite == NonFiniteStyle::None && !std::isfinite(x)) {
        ++skipped;
        continue;
      }
      uint32_t expected = uint32_t(std::stoul(r[2]));
      EXPECT_EQ(encodeFloat(x, t.fmt, /*saturate=*/false), expected)
          << t.file << " input " << r[0] << " (" << r[1] << ")";
      ++checked;
      // out_value is APFloat's converted value. It is decodeFloat(out_code)
      // except where APFloat's value carries a sign the code cannot (negative
      // inputs to the signless f8E8M0FNU) or is a NaN (f8E8M0FNU's NaN reads
      // back from APFloat as "inf"; the code is checked above).
      const float apValue = parseValue(r[3]);
      const float got = decodeFloat(expected, t.fmt);
      if (!std::isnan(got) && !(!t.fmt.hasSign && std::signbit(apValue)))
        expectSameFloat(apValue, got,
                        std::string(t.file) + " out_value of " + r[0]);
    }
    if (t.fmt.nonFinite == NonFiniteStyle::None)
      EXPECT_EQ(skipped, 3u) << t.file; // +inf, -inf and NaN rows
    else
      EXPECT_EQ(skipped, 0u);
    EXPECT_EQ(checked + skipped, rows.size());
    if (t.fmt == FloatFormat::f8E8M0FNU())
      EXPECT_EQ(checked, 1035u); // the whole table
  }
}

// Every code decodes to the power of two 2^(code - 127); 0xFF is NaN.
TEST(FloatFormats, F8E8M0DecodesPowersOfTwo) {
  const FloatFormat f = FloatFormat::f8E8M0FNU();
  EXPECT_EQ(f.totalBits(), 8u);
  EXPECT_EQ(f.signBit(), 0u);
  EXPECT_FALSE(f.hasInf());
  EXPECT_TRUE(f.hasNaN());
  EXPECT_FALSE(f.hasNegativeZero());
  EXPECT_EQ(f.minExponent(), -127);
  EXPECT_EQ(f.maxFiniteMagnitude(), 0xFEu);
  EXPECT_EQ(f.nanCode(false), 0xFFu);
  EXPECT_EQ(f.nanCode(true), 0xFFu);
  EXPECT_EQ(f.overflowCode(true), 0xFFu);
  for (uint32_t c = 0; c < 255; ++c)
    EXPECT_EQ(decodeFloat(c, f), std::ldexp(1.0f, int(c) - 127)) << c;
  EXPECT_EQ(decodeFloat(0x00, f), 0x1p-127f); // an f32 subnormal
  EXPECT_EQ(decodeFloat(0x7F, f), 1.0f);
  EXPECT_TRUE(std::isnan(decodeFloat(0xFF, f)));
  EXPECT_EQ(decodeFloat(0x17F, f), 1.0f); // only the low 8 bits are used
}

// APFloat's rules for what f8E8M0FNU cannot represent (see encodeFloat).
TEST(FloatFormats, F8E8M0NegativeZeroAndTies) {
  const FloatFormat f = FloatFormat::f8E8M0FNU();
  for (bool sat : {false, true}) {
    // Ties between 2^e and 2^(e+1) round up (the 1-bit significand is odd).
    EXPECT_EQ(encodeFloat(1.5f, f, sat), 128u);
    EXPECT_EQ(encodeFloat(3.0f, f, sat), 129u);
    EXPECT_EQ(encodeFloat(0x1.8p-127f, f, sat), 1u);
    EXPECT_EQ(encodeFloat(std::nextafter(1.5f, 0.0f), f, sat), 127u);
    // Zero and everything up to the tie 2^-128 (to even: 0) give code 0
    // (2^-127, no zero in the format) with the sign dropped.
    for (float z : {0.0f, -0.0f, 0x1p-149f, -0x1p-149f, 0x1p-128f, -0x1p-128f})
      EXPECT_EQ(encodeFloat(z, f, sat), 0u) << z;
    // Just above the tie: rounds to 2^-127, sign kept (ORed into bit 7).
    EXPECT_EQ(encodeFloat(std::nextafter(0x1p-128f, 1.0f), f, sat), 0u);
    EXPECT_EQ(encodeFloat(-std::nextafter(0x1p-128f, 1.0f), f, sat), 0x80u);
    // Other negatives: code(|x|) | 0x80.
    EXPECT_EQ(encodeFloat(-1e-30f, f, sat), 27u | 0x80u);
    EXPECT_EQ(encodeFloat(-0.5f, f, sat), 126u | 0x80u);
    EXPECT_EQ(encodeFloat(-1.0f, f, sat), 0xFFu); // 127 | 0x80: the NaN code
    EXPECT_EQ(encodeFloat(-0x1p127f, f, sat), 0xFEu);
    // NaN of either sign.
    EXPECT_EQ(encodeFloat(NAN, f, sat), 0xFFu);
    EXPECT_EQ(encodeFloat(-NAN, f, sat), 0xFFu);
    // Largest values below the overflow tie 1.5 * 2^127.
    EXPECT_EQ(encodeFloat(std::nextafter(0x1.8p127f, 0.0f), f, sat), 0xFEu);
  }
  // Overflow (tie 1.5 * 2^127 rounds up) and +-inf: NaN, or 2^127 saturated.
  for (float x : {0x1.8p127f, -0x1.8p127f, 0x1.FFFFFEp127f, INFINITY,
                  -INFINITY}) {
    EXPECT_EQ(encodeFloat(x, f, false), 0xFFu) << x;
    EXPECT_EQ(encodeFloat(x, f, true), 0xFEu) << x;
  }
  EXPECT_EQ(roundToFormat(0.75f, f), 1.0f);
  EXPECT_EQ(roundToFormat(0.7f, f), 0.5f);
  EXPECT_EQ(roundToFormat(1e30f, f), 0x1p100f);
  // f8E4M3FN 448 = 1.75 * 2^8 -> 2^9.
  EXPECT_EQ(castFloat(0x7E, FloatFormat::f8E4M3FN(), f, true), 136u);
}

// All codes decode -> encode back to themselves (non-NaN), both modes.
TEST(FloatFormats, AllSmallFloatCodesRoundTrip) {
  for (const TableFormat &t : kTableFormats) {
    const FloatFormat &f = t.fmt;
    for (uint32_t c = 0; c < (1u << f.totalBits()); ++c) {
      float v = decodeFloat(c, f);
      if (std::isnan(v)) {
        // NaN codes re-encode to the canonical NaN of their sign (IEEE
        // formats have several NaN codes; FN/FNUZ have one per sign / one).
        const uint32_t canon = f.nanCode((c & f.signBit()) != 0);
        EXPECT_EQ(encodeFloat(v, f, false), canon) << t.file << " NaN " << c;
        EXPECT_EQ(encodeFloat(v, f, true), canon) << t.file << " NaN " << c;
        if (f.nonFinite != NonFiniteStyle::IEEE)
          EXPECT_EQ(canon, c) << t.file;
        continue;
      }
      EXPECT_EQ(encodeFloat(v, f, false), c) << t.file << " code " << c;
      if (std::isinf(v))
        EXPECT_EQ(encodeFloat(v, f, true),
                  (c & f.signBit()) | f.maxFiniteMagnitude())
            << t.file << " inf code " << c;
      else
        EXPECT_EQ(encodeFloat(v, f, true), c) << t.file << " code " << c;
    }
  }
}

TEST(FloatFormats, E4M3FNOverflowSaturationAndNaN) {
  const FloatFormat f = FloatFormat::f8E4M3FN();
  // 464 is the tie between 448 (even mantissa) and the missing 480.
  EXPECT_EQ(encodeFloat(464.0f, f, false), 0x7Eu);
  EXPECT_EQ(encodeFloat(std::nextafter(464.0f, 1000.0f), f, false), 0x7Fu);
  EXPECT_EQ(encodeFloat(std::nextafter(464.0f, 1000.0f), f, true), 0x7Eu);
  EXPECT_EQ(encodeFloat(-1e6f, f, false), 0xFFu);
  EXPECT_EQ(encodeFloat(-1e6f, f, true), 0xFEu);
  EXPECT_EQ(encodeFloat(INFINITY, f, false), 0x7Fu);
  EXPECT_EQ(encodeFloat(INFINITY, f, true), 0x7Eu);
  EXPECT_EQ(encodeFloat(-INFINITY, f, false), 0xFFu);
  EXPECT_EQ(encodeFloat(-INFINITY, f, true), 0xFEu);
  EXPECT_EQ(encodeFloat(NAN, f, true), 0x7Fu);
  EXPECT_EQ(encodeFloat(-NAN, f, true), 0xFFu);
  EXPECT_EQ(encodeFloat(-0.0f, f, true), 0x80u);
  // Smallest subnormal 2^-9, ties at 2^-10 go to zero (even).
  EXPECT_EQ(encodeFloat(0x1p-10f, f, true), 0x00u);
  EXPECT_EQ(encodeFloat(std::nextafter(0x1p-10f, 1.0f), f, true), 0x01u);
  EXPECT_EQ(encodeFloat(-0x1p-10f, f, true), 0x80u);
  EXPECT_EQ(encodeFloat(0x1.8p-9f, f, true), 0x02u); // 1.5 ulp tie -> 2
}

TEST(FloatFormats, E5M2OverflowGoesToInfWithoutSaturation) {
  const FloatFormat f = FloatFormat::f8E5M2();
  EXPECT_EQ(encodeFloat(57344.0f, f, false), 0x7Bu);
  EXPECT_EQ(encodeFloat(61440.0f, f, false), 0x7Cu); // tie rounds to 2^16
  EXPECT_EQ(encodeFloat(61440.0f, f, true), 0x7Bu);
  EXPECT_EQ(encodeFloat(std::nextafter(61440.0f, 0.0f), f, false), 0x7Bu);
  EXPECT_EQ(encodeFloat(-INFINITY, f, false), 0xFCu);
  EXPECT_EQ(encodeFloat(NAN, f, false), 0x7Eu);
  EXPECT_EQ(decodeFloat(0x7C, f), INFINITY);
}

TEST(FloatFormats, FnuzHasNoNegativeZeroAndOneNaN) {
  for (const FloatFormat &f :
       {FloatFormat::f8E4M3FNUZ(), FloatFormat::f8E5M2FNUZ()}) {
    EXPECT_EQ(encodeFloat(-0.0f, f, false), 0x00u) << f.name;
    EXPECT_EQ(encodeFloat(-1e-30f, f, true), 0x00u) << f.name;
    EXPECT_EQ(encodeFloat(NAN, f, true), 0x80u) << f.name;
    EXPECT_EQ(encodeFloat(-NAN, f, true), 0x80u) << f.name;
    EXPECT_EQ(encodeFloat(INFINITY, f, false), 0x80u) << f.name;
    EXPECT_EQ(encodeFloat(-INFINITY, f, false), 0x80u) << f.name;
    EXPECT_EQ(encodeFloat(INFINITY, f, true), 0x7Fu) << f.name;
    EXPECT_EQ(encodeFloat(-INFINITY, f, true), 0xFFu) << f.name;
    EXPECT_TRUE(std::isnan(decodeFloat(0x80, f)));
    EXPECT_TRUE(std::signbit(decodeFloat(0x80, f)));
  }
}

TEST(FloatFormats, F4E2M1SaturatesAlwaysAndMapsNaNToNegativeZero) {
  const FloatFormat f = FloatFormat::f4E2M1FN();
  for (bool sat : {false, true}) {
    EXPECT_EQ(encodeFloat(INFINITY, f, sat), 0x7u);
    EXPECT_EQ(encodeFloat(-INFINITY, f, sat), 0xFu);
    EXPECT_EQ(encodeFloat(1e6f, f, sat), 0x7u);
    EXPECT_EQ(encodeFloat(NAN, f, sat), 0x8u); // ONNX / ml_dtypes convention
  }
  EXPECT_EQ(encodeFloat(0.25f, f, false), 0x0u); // tie to even (0)
  EXPECT_EQ(encodeFloat(0.75f, f, false), 0x2u); // tie 0.5|1 -> 1
  EXPECT_EQ(encodeFloat(5.0f, f, false), 0x6u);  // tie 4|6 -> 4
}

// f16: all 65536 codes, and f32 -> f16 against the compiler's _Float16.
TEST(FloatFormats, F16AllCodesMatchCompilerFloat16) {
  const FloatFormat f = FloatFormat::f16();
  for (uint32_t c = 0; c < 65536; ++c) {
    float ours = decodeFloat(c, f);
    float ref = f16ToFloat(uint16_t(c));
    if (std::isnan(ref)) {
      ASSERT_TRUE(std::isnan(ours)) << c;
      ASSERT_EQ(std::signbit(ours), std::signbit(ref)) << c;
      // NaN re-encodes to the canonical quiet NaN of the same sign.
      ASSERT_EQ(encodeFloat(ours, f, false), (c & 0x8000u) | 0x7E00u) << c;
      continue;
    }
    ASSERT_EQ(floatBits(ours), floatBits(ref)) << c;
    ASSERT_EQ(encodeFloat(ours, f, false), c) << c;
  }
}

TEST(FloatFormats, F16EncodeMatchesCompilerFloat16) {
  const FloatFormat f = FloatFormat::f16();
  std::vector<float> probes = {
      0.0f,       -0.0f,     INFINITY,   -INFINITY, NAN,
      -NAN,       65504.0f,  65519.996f, 65520.0f,  -65520.0f,
      1e-8f,      -1e-8f,    0x1p-24f,   0x1p-25f,  0x1.000002p-25f,
      0x1.8p-24f, 0x1p-149f, 0x1p-126f,  1e30f,     0x1.FFFFFEp127f};
  // Every halfway point between adjacent finite f16 values (exact in f32),
  // and its f32 neighbours.
  for (uint32_t c = 0; c < 0x7C00; ++c) {
    float a = decodeFloat(c, f), b = decodeFloat(c + 1, f);
    if (std::isinf(b))
      b = 65536.0f;
    float mid = a + (b - a) / 2;
    for (float s : {1.0f, -1.0f}) {
      probes.push_back(s * mid);
      probes.push_back(s * std::nextafter(mid, 0.0f));
      probes.push_back(s * std::nextafter(mid, INFINITY));
    }
  }
  std::mt19937 rng(12345);
  for (int i = 0; i < 2000000; ++i)
    probes.push_back(bitsToFloat(rng()));
  for (float x : probes) {
    uint32_t ours = encodeFloat(x, f, false);
    uint16_t ref = f16BitsOf(x);
    if (std::isnan(x)) {
      ASSERT_TRUE(std::isnan(decodeFloat(ours, f)));
      ASSERT_EQ(ours >> 15, uint32_t(ref >> 15));
      continue;
    }
    ASSERT_EQ(ours, uint32_t(ref))
        << "x = " << x << " bits 0x" << std::hex << floatBits(x);
  }
}

TEST(FloatFormats, BF16MatchesBitTrickReference) {
  const FloatFormat f = FloatFormat::bf16();
  for (uint32_t c = 0; c < 65536; ++c) {
    float v = decodeFloat(c, f);
    ASSERT_EQ(floatBits(v) & 0xFFFFu, 0u);
    if (std::isnan(v)) {
      ASSERT_EQ(encodeFloat(v, f, false), uint32_t(bf16Reference(v))) << c;
      continue;
    }
    ASSERT_EQ(floatBits(v) >> 16, c);
    ASSERT_EQ(encodeFloat(v, f, false), c) << c;
    // Halfway to the next code and its neighbours.
    uint32_t mid = (c << 16) | 0x8000u;
    for (uint32_t u : {mid - 1, mid, mid + 1}) {
      float x = bitsToFloat(u);
      if (std::isnan(x))
        continue;
      ASSERT_EQ(encodeFloat(x, f, false), uint32_t(bf16Reference(x)))
          << std::hex << u;
    }
  }
  std::mt19937 rng(777);
  for (int i = 0; i < 2000000; ++i) {
    float x = bitsToFloat(rng());
    uint32_t ours = encodeFloat(x, f, false);
    if (std::isnan(x)) {
      ASSERT_TRUE(std::isnan(decodeFloat(ours, f)));
      continue;
    }
    ASSERT_EQ(ours, uint32_t(bf16Reference(x))) << std::hex << floatBits(x);
  }
}

TEST(FloatFormats, RoundToFormatF16AndBF16) {
  EXPECT_EQ(roundToFormat(65519.0f, FloatFormat::f16()), 65504.0f);
  EXPECT_EQ(roundToFormat(65520.0f, FloatFormat::f16()), INFINITY);
  EXPECT_EQ(roundToFormat(1.0f + 0x1p-11f, FloatFormat::f16()), 1.0f);
  EXPECT_EQ(roundToFormat(1.0f + 0x1.8p-11f, FloatFormat::f16()),
            1.0f + 0x1p-10f);
  EXPECT_EQ(roundToFormat(1.0f + 0x1p-8f, FloatFormat::bf16()), 1.0f);
  EXPECT_EQ(roundToFormat(0.1f, FloatFormat::f32()), 0.1f);
}

// A single rounding step: going through f16 first would round twice.
TEST(FloatFormats, CastFloatRoundsOnceNeverViaF16) {
  const FloatFormat f8 = FloatFormat::f8E4M3FN();
  const float x = 1.0625f + 0x1p-20f; // just above the 1.0|1.125 tie
  uint32_t direct = castFloat(floatBits(x), FloatFormat::f32(), f8, true);
  EXPECT_EQ(decodeFloat(direct, f8), 1.125f);
  uint32_t viaF16 = castFloat(
      castFloat(floatBits(x), FloatFormat::f32(), FloatFormat::f16(), true),
      FloatFormat::f16(), f8, true);
  EXPECT_EQ(decodeFloat(viaF16, f8), 1.0f); // the double-rounding bug
}

TEST(FloatFormats, CastFloatWithScale) {
  const FloatFormat e4 = FloatFormat::f8E4M3FN(), e5 = FloatFormat::f8E5M2();
  // y = convert(x * scale) (TransformerEngine).
  uint32_t c = castFloat(floatBits(100.0f), FloatFormat::f32(), e4, true, 8.0f);
  EXPECT_EQ(decodeFloat(c, e4), 448.0f); // 800 saturates
  c = castFloat(floatBits(100.0f), FloatFormat::f32(), e4, false, 8.0f);
  EXPECT_TRUE(std::isnan(decodeFloat(c, e4)));
  c = castFloat(floatBits(3.0f), FloatFormat::f32(), e4, true, 0.5f);
  EXPECT_EQ(decodeFloat(c, e4), 1.5f);
  // E5M2 -> E4M3FN: 0.875 (E5M2 0x3B) fits exactly.
  EXPECT_EQ(castFloat(0x3B, e5, e4, true), encodeFloat(0.875f, e4, true));
  // E4M3FN NaN -> f16 canonical NaN, E4M3FN 448 -> f16 exact.
  EXPECT_EQ(castFloat(0x7F, e4, FloatFormat::f16(), true), 0x7E00u);
  EXPECT_EQ(castFloat(0x7E, e4, FloatFormat::f16(), true), 0x5F00u);
  EXPECT_EQ(castFloat(0xFE, e4, FloatFormat::bf16(), true),
            uint32_t(floatBits(-448.0f) >> 16));
}
