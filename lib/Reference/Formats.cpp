//===- Formats.cpp - Integer and floating-point storage formats -----------===//
//
// Part of the Quanta numerics reference library.
//
//===----------------------------------------------------------------------===//

#include "quanta/Reference/Formats.h"

#include <cassert>
#include <cmath>
#include <cstring>

namespace quanta::ref {

uint32_t floatBits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, sizeof(u));
  return u;
}

float bitsToFloat(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof(f));
  return f;
}

//===----------------------------------------------------------------------===//
// Rounding
//===----------------------------------------------------------------------===//

float roundToIntegral(float v, Rounding mode) {
  switch (mode) {
  case Rounding::HalfEven:
    return __builtin_roundevenf(v);
  case Rounding::HalfAway:
    return std::round(v);
  case Rounding::TowardZero:
    return std::trunc(v);
  }
  return v;
}

const char *toString(Rounding mode) {
  switch (mode) {
  case Rounding::HalfEven:
    return "HalfEven";
  case Rounding::HalfAway:
    return "HalfAway";
  case Rounding::TowardZero:
    return "TowardZero";
  }
  return "?";
}

//===----------------------------------------------------------------------===//
// IntFormat
//===----------------------------------------------------------------------===//

bool IntFormat::isValid() const {
  return (bits >= 2 && bits <= 16) || (bits == 32 && isSigned);
}

int32_t IntFormat::min() const {
  assert(isValid());
  if (isSigned) {
    int64_t m = -(int64_t(1) << (bits - 1));
    return int32_t(narrow ? m + 1 : m);
  }
  return narrow ? 1 : 0;
}

int32_t IntFormat::max() const {
  assert(isValid());
  if (isSigned)
    return int32_t((int64_t(1) << (bits - 1)) - 1);
  return int32_t((int64_t(1) << bits) - 1);
}

int32_t IntFormat::saturate(int64_t v) const {
  int64_t lo = min(), hi = max();
  return int32_t(v < lo ? lo : (v > hi ? hi : v));
}

//===----------------------------------------------------------------------===//
// FloatFormat
//===----------------------------------------------------------------------===//

uint32_t FloatFormat::maxFiniteMagnitude() const {
  uint32_t expAll = (1u << expBits) - 1;
  uint32_t manAll = (1u << manBits) - 1;
  switch (nonFinite) {
  case NonFiniteStyle::IEEE:
    return ((expAll - 1) << manBits) | manAll;
  case NonFiniteStyle::FN:
    // All ones minus one: S.1111.110 (f8E4M3FN), 0xFE (f8E8M0FNU).
    return ((expAll << manBits) | manAll) - 1;
  case NonFiniteStyle::FNUZ:
  case NonFiniteStyle::None:
    return (expAll << manBits) | manAll;
  }
  return 0;
}

uint32_t FloatFormat::nanCode(bool negative) const {
  uint32_t sign = negative ? signBit() : 0;
  uint32_t expAll = (1u << expBits) - 1;
  switch (nonFinite) {
  case NonFiniteStyle::IEEE:
    // Canonical quiet NaN: all-ones exponent, mantissa MSB set.
    return sign | (expAll << manBits) | (1u << (manBits - 1));
  case NonFiniteStyle::FN:
    return sign | (expAll << manBits) | ((1u << manBits) - 1);
  case NonFiniteStyle::FNUZ:
    return signBit();
  case NonFiniteStyle::None:
    // No NaN: ONNX (ml_dtypes) maps NaN to the negative-zero code.
    return signBit();
  }
  return 0;
}

uint32_t FloatFormat::overflowCode(bool negative) const {
  uint32_t sign = negative ? signBit() : 0;
  switch (nonFinite) {
  case NonFiniteStyle::IEEE:
    return sign | (((1u << expBits) - 1) << manBits);
  case NonFiniteStyle::FN:
  case NonFiniteStyle::FNUZ:
    return nanCode(negative);
  case NonFiniteStyle::None:
    return sign | maxFiniteMagnitude();
  }
  return 0;
}

bool FloatFormat::operator==(const FloatFormat &o) const {
  return expBits == o.expBits && manBits == o.manBits && bias == o.bias &&
         nonFinite == o.nonFinite && hasSign == o.hasSign &&
         hasZero == o.hasZero;
}

std::optional<FloatFormat> FloatFormat::byName(std::string_view name) {
  for (const FloatFormat &f :
       {f32(), f16(), bf16(), f8E4M3FN(), f8E5M2(), f8E4M3(), f8E4M3FNUZ(),
        f8E5M2FNUZ(), f4E2M1FN(), f8E8M0FNU()})
    if (name == f.name)
      return f;
  return std::nullopt;
}

float maxFinite(const FloatFormat &fmt) {
  return decodeFloat(fmt.maxFiniteMagnitude(), fmt);
}

static bool isF32Layout(const FloatFormat &fmt) {
  return fmt.expBits == 8 && fmt.manBits == 23 && fmt.bias == 127 &&
         fmt.nonFinite == NonFiniteStyle::IEEE && fmt.hasSign && fmt.hasZero;
}

/// The only unsigned / zero-less layout supported: f8E8M0FNU-like (no
/// mantissa, no sign, no zero, all-ones NaN).
[[maybe_unused]] static bool isSupportedLayout(const FloatFormat &fmt) {
  if (fmt.hasSign && fmt.hasZero)
    return true;
  return !fmt.hasSign && !fmt.hasZero && fmt.manBits == 0 &&
         fmt.nonFinite == NonFiniteStyle::FN;
}

//===----------------------------------------------------------------------===//
// Encode / decode
//===----------------------------------------------------------------------===//

uint32_t encodeFloat(float x, const FloatFormat &fmt, bool saturate) {
  const uint32_t u = floatBits(x);
  const bool neg = (u >> 31) != 0;
  const uint32_t a = u & 0x7FFFFFFFu;
  const unsigned M = fmt.manBits;
  assert(isSupportedLayout(fmt) && "unsupported float format layout");
  // Formats without a sign (f8E8M0FNU): APFloat keeps the sign of a negative
  // value and bitcastToAPInt ORs it into the top bit of the code (bit 7, the
  // exponent's MSB); see the header. Reproduce that.
  const uint32_t signPos =
      fmt.hasSign ? fmt.signBit() : 1u << (fmt.totalBits() - 1);
  const uint32_t sign = neg ? signPos : 0;
  const uint32_t maxMag = fmt.maxFiniteMagnitude();
  const bool fnuz = fmt.nonFinite == NonFiniteStyle::FNUZ;
  // A value that is (or rounds to) zero: the signless zero of FNUZ formats,
  // the smallest value 2^-bias (code 0, sign dropped) of formats without zero
  // (APFloat makes the smallest positive value), else a zero of x's sign.
  const uint32_t zeroCode = (fnuz || !fmt.hasZero) ? 0 : sign;

  auto overflow = [&]() -> uint32_t {
    if (saturate)
      return sign | maxMag;
    return fmt.overflowCode(neg);
  };

  if (a > 0x7F800000u) // NaN
    return fmt.nanCode(neg);
  if (a == 0x7F800000u) // +-inf
    return overflow();
  if (a == 0)
    return zeroCode;

  // |x| = mant * 2^exp2 exactly, mant < 2^24.
  const uint32_t expField = a >> 23;
  const uint32_t frac = a & 0x7FFFFFu;
  uint64_t mant;
  int exp2;
  if (expField == 0) {
    mant = frac;
    exp2 = -149;
  } else {
    mant = frac | 0x800000u;
    exp2 = int(expField) - 150;
  }
  const int msb = 63 - __builtin_clzll(mant);
  const int ex = msb + exp2; // floor(log2 |x|)
  const int emin = fmt.minExponent();
  int et = ex > emin ? ex : emin; // exponent of the target binade
  // Quantum of the target at that binade is 2^(et - M); n = RNE(|x| / q).
  const int s = (et - int(M)) - exp2;
  uint64_t n;
  if (s <= 0) {
    assert(-s < 40 && "target has far more precision than f32");
    n = mant << (-s);
  } else if (s >= 40) {
    n = 0; // |x| < 2^24 * q / 2^40: far below half a quantum.
  } else {
    n = mant >> s;
    const uint64_t rem = mant & ((uint64_t(1) << s) - 1);
    const uint64_t half = uint64_t(1) << (s - 1);
    if (rem > half || (rem == half && (n & 1)))
      ++n;
  }
  // Rounding up may carry into the next binade: n == 2^(M+1).
  if (n >> (M + 1)) {
    n >>= 1;
    ++et;
  }
  // Without zero, the tie |x| = 2^(emin-1) rounds to 0 (n even) as in APFloat.
  if (n == 0)
    return zeroCode;
  uint64_t mag;
  if (n < (uint64_t(1) << M))
    mag = n; // subnormal (only possible when et == emin; never without zero)
  else
    mag = (uint64_t(et + fmt.bias) << M) | (n & ((uint64_t(1) << M) - 1));
  if (mag > maxMag)
    return overflow();
  return sign | uint32_t(mag);
}

float decodeFloat(uint32_t code, const FloatFormat &fmt) {
  if (isF32Layout(fmt))
    return bitsToFloat(code);
  assert(isSupportedLayout(fmt) && "unsupported float format layout");
  const unsigned E = fmt.expBits, M = fmt.manBits;
  const uint32_t signBit = fmt.signBit(); // 0 without a sign
  code &= uint32_t((uint64_t(1) << fmt.totalBits()) - 1);
  const bool neg = (code & signBit) != 0;
  const uint32_t mag = code & ((1u << (E + M)) - 1);
  const uint32_t expField = mag >> M;
  const uint32_t man = mag & ((1u << M) - 1);
  const uint32_t expAll = (1u << E) - 1;
  const float qnan = bitsToFloat((neg ? 0x80000000u : 0u) | 0x7FC00000u);

  switch (fmt.nonFinite) {
  case NonFiniteStyle::IEEE:
    if (expField == expAll)
      return man == 0 ? (neg ? -INFINITY : INFINITY) : qnan;
    break;
  case NonFiniteStyle::FN:
    if (expField == expAll && man == (1u << M) - 1)
      return qnan;
    break;
  case NonFiniteStyle::FNUZ:
    if (code == signBit)
      return qnan;
    break;
  case NonFiniteStyle::None:
    break;
  }
  float v;
  if (expField == 0 && fmt.hasZero)
    v = std::ldexp(float(man), fmt.minExponent() - int(M));
  else
    v = std::ldexp(float(man | (1u << M)), int(expField) - fmt.bias - int(M));
  return neg ? -v : v;
}

float roundToFormat(float x, const FloatFormat &fmt) {
  if (isF32Layout(fmt))
    return x;
  return decodeFloat(encodeFloat(x, fmt, /*saturate=*/false), fmt);
}

uint32_t castFloat(uint32_t code, const FloatFormat &from,
                   const FloatFormat &to, bool saturate,
                   std::optional<float> scale) {
  float v = decodeFloat(code, from);
  if (scale)
    v = v * *scale;
  return encodeFloat(v, to, saturate);
}

} // namespace quanta::ref
