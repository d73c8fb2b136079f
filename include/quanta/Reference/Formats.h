//===- Formats.h - Integer and floating-point storage formats ---*- C++ -*-===//
//
// Part of the Quanta numerics reference library (quanta::ref). This library is
// the single source of numeric truth of the project: dialect verifiers and
// folders, and the execution tests, call it. It has no LLVM/MLIR dependency.
//
// All arithmetic is IEEE-754 binary32 with round-to-nearest-even unless a
// function says otherwise; the library is compiled with -ffp-contract=off so no
// multiply-add is ever fused. See docs/Numerics.md for the conventions.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_REFERENCE_FORMATS_H
#define QUANTA_REFERENCE_FORMATS_H

#include <cstdint>
#include <optional>
#include <string_view>

namespace quanta::ref {

//===----------------------------------------------------------------------===//
// Rounding to an integral value
//===----------------------------------------------------------------------===//

enum class Rounding {
  HalfEven,   ///< IEEE roundTiesToEven (ONNX, PyTorch, numpy.rint).
  HalfAway,   ///< Ties away from zero (std::round, C round()).
  TowardZero, ///< Truncation (std::trunc, C cast to integer).
};

/// Rounds `v` to an integral float with the given mode. NaN and +-inf are
/// returned unchanged.
float roundToIntegral(float v, Rounding mode);

/// Returns "HalfEven", "HalfAway" or "TowardZero".
const char *toString(Rounding mode);

//===----------------------------------------------------------------------===//
// Integer storage formats
//===----------------------------------------------------------------------===//

/// An integer storage type of `bits` bits (2..16; signed 32 is also accepted
/// for accumulators).
///   full range:   signed [-2^(b-1), 2^(b-1)-1], unsigned [0, 2^b-1]
///   narrow range: drops the lowest code (TF fake_quant narrow_range):
///                 signed [-(2^(b-1)-1), 2^(b-1)-1], unsigned [1, 2^b-1]
struct IntFormat {
  unsigned bits = 8;
  bool isSigned = true;
  bool narrow = false;

  int32_t min() const;
  int32_t max() const;
  /// True if 2 <= bits <= 16, or bits == 32 and signed.
  bool isValid() const;
  /// Clamps `v` to [min(), max()].
  int32_t saturate(int64_t v) const;

  static constexpr IntFormat sint(unsigned bits, bool narrow = false) {
    return IntFormat{bits, true, narrow};
  }
  static constexpr IntFormat uint(unsigned bits, bool narrow = false) {
    return IntFormat{bits, false, narrow};
  }
};

//===----------------------------------------------------------------------===//
// Small floating-point formats
//===----------------------------------------------------------------------===//

/// How a float format encodes non-finite values.
enum class NonFiniteStyle {
  /// IEEE-754 style: all-ones exponent is inf (mantissa 0) or NaN. f32, f16,
  /// bf16, f8E5M2, f8E4M3.
  IEEE,
  /// "FN": no infinities; only the all-ones magnitude (all-ones exponent and
  /// mantissa: S.1111.111) is NaN. f8E4M3FN, f8E8M0FNU (code 0xFF).
  FN,
  /// "FNUZ": no infinities, no negative zero; the single NaN is the code with
  /// only the sign bit set (0x80). f8E4M3FNUZ, f8E5M2FNUZ.
  FNUZ,
  /// Finite only: no infinities, no NaN. f4E2M1FN.
  None,
};

/// A generic small-float descriptor: a sign bit (unless !hasSign), `expBits`
/// exponent bits, `manBits` explicit mantissa bits, exponent bias `bias`, and
/// (when hasZero) zero and subnormals in the all-zeros exponent field. Codes
/// are the low totalBits() bits of a uint32_t.
///
/// hasSign = false / hasZero = false describe the OCP MX scale format
/// f8E8M0FNU (APFloat's hasSignedRepr = false, hasZero = false) and are only
/// supported together with manBits == 0: every code is the power of two
/// 2^(code - bias), the all-zeros exponent field being a normal binade.
struct FloatFormat {
  const char *name;
  unsigned expBits;
  unsigned manBits;
  int bias;
  NonFiniteStyle nonFinite;
  /// False: no sign bit (f8E8M0FNU). See encodeFloat for negative inputs.
  bool hasSign = true;
  /// False: no zero and no subnormals (f8E8M0FNU).
  bool hasZero = true;

  unsigned totalBits() const { return (hasSign ? 1 : 0) + expBits + manBits; }
  /// The sign bit of a code; 0 for formats without a sign.
  uint32_t signBit() const {
    return hasSign ? 1u << (expBits + manBits) : 0u;
  }
  bool hasInf() const { return nonFinite == NonFiniteStyle::IEEE; }
  bool hasNaN() const { return nonFinite != NonFiniteStyle::None; }
  bool hasNegativeZero() const {
    return hasSign && hasZero && nonFinite != NonFiniteStyle::FNUZ;
  }
  /// Smallest unbiased exponent of a normal number (1 - bias; -bias for
  /// formats without zero, whose all-zeros exponent field is normal).
  int minExponent() const { return hasZero ? 1 - bias : -bias; }
  /// Magnitude bits (code without sign) of the largest finite value.
  uint32_t maxFiniteMagnitude() const;
  /// The canonical NaN code (IEEE: quiet NaN with the given sign; FN: all ones
  /// with the given sign (0xFF for f8E8M0FNU whatever the sign); FNUZ: 0x80;
  /// None: the negative-zero code, which is what ONNX/ml_dtypes produce for
  /// NaN -> f4E2M1FN).
  uint32_t nanCode(bool negative) const;
  /// The code an overflowing value gets without saturation (IEEE: +-inf;
  /// FN: +-NaN; FNUZ: NaN; None: +-max finite).
  uint32_t overflowCode(bool negative) const;

  bool operator==(const FloatFormat &o) const;
  bool operator!=(const FloatFormat &o) const { return !(*this == o); }

  // Named instances. Names follow MLIR's builtin float type names.
  static constexpr FloatFormat f32() {
    return {"f32", 8, 23, 127, NonFiniteStyle::IEEE, true, true};
  }
  static constexpr FloatFormat f16() {
    return {"f16", 5, 10, 15, NonFiniteStyle::IEEE, true, true};
  }
  static constexpr FloatFormat bf16() {
    return {"bf16", 8, 7, 127, NonFiniteStyle::IEEE, true, true};
  }
  /// OCP FP8 E4M3: bias 7, max 448, no inf, NaN = S.1111.111.
  static constexpr FloatFormat f8E4M3FN() {
    return {"f8E4M3FN", 4, 3, 7, NonFiniteStyle::FN, true, true};
  }
  /// OCP FP8 E5M2: bias 15, max 57344, IEEE inf/NaN.
  static constexpr FloatFormat f8E5M2() {
    return {"f8E5M2", 5, 2, 15, NonFiniteStyle::IEEE, true, true};
  }
  /// IEEE-like E4M3 (bias 7, max 240, inf and NaN).
  static constexpr FloatFormat f8E4M3() {
    return {"f8E4M3", 4, 3, 7, NonFiniteStyle::IEEE, true, true};
  }
  /// E4M3FNUZ (Graphcore/AMD): bias 8, max 240, NaN = 0x80, no -0, no inf.
  static constexpr FloatFormat f8E4M3FNUZ() {
    return {"f8E4M3FNUZ", 4, 3, 8, NonFiniteStyle::FNUZ, true, true};
  }
  /// E5M2FNUZ: bias 16, max 57344, NaN = 0x80, no -0, no inf.
  static constexpr FloatFormat f8E5M2FNUZ() {
    return {"f8E5M2FNUZ", 5, 2, 16, NonFiniteStyle::FNUZ, true, true};
  }
  /// OCP MX FP4 E2M1: bias 1, max 6, no inf, no NaN.
  static constexpr FloatFormat f4E2M1FN() {
    return {"f4E2M1FN", 2, 1, 1, NonFiniteStyle::None, true, true};
  }
  /// OCP MX scale E8M0: 8 exponent bits, no sign, no mantissa, bias 127;
  /// code c is 2^(c - 127) (2^-127 .. 2^127), 0xFF is NaN; no zero, no inf.
  static constexpr FloatFormat f8E8M0FNU() {
    return {"f8E8M0FNU", 8, 0, 127, NonFiniteStyle::FN, false, false};
  }

  /// Looks a format up by its MLIR type name ("f32", "f16", "bf16", "f8E4M3FN",
  /// "f8E5M2", "f8E4M3", "f8E4M3FNUZ", "f8E5M2FNUZ", "f4E2M1FN", "f8E8M0FNU").
  static std::optional<FloatFormat> byName(std::string_view name);
};

/// Largest finite value of the format (448 for f8E4M3FN, 57344 for f8E5M2...).
float maxFinite(const FloatFormat &fmt);

/// Encodes the f32 value `x` into `fmt` with one round-half-to-even step
/// (subnormals included; integer arithmetic on the f32 bits, no intermediate
/// format).
///  - NaN -> fmt.nanCode(sign of x).
///  - saturate = true: finite values that round beyond max finite and +-inf
///    give +-maxFinite (ONNX Cast/QuantizeLinear saturate=1, TensorRT).
///  - saturate = false: overflow and +-inf give fmt.overflowCode(sign)
///    (inf for IEEE formats, NaN for FN/FNUZ; finite-only formats saturate).
///  - zero keeps its sign, except FNUZ formats which have no -0 (and a value
///    that rounds to -0 also becomes +0).
/// Overflow is decided on the rounded value (IEEE): for f8E4M3FN, 464 rounds to
/// 448 while anything above 464 overflows.
///
/// f8E8M0FNU (hasSign = false, hasZero = false, manBits = 0) follows LLVM
/// APFloat's convert + bitcastToAPInt exactly:
///  - |x| rounds to nearest in {0} u {2^e : e >= -127}. Ties between 2^e and
///    2^(e+1) (|x| = 1.5 * 2^e) round UP: the 1-bit significand of every value
///    is odd, so round-half-to-even goes to 2^(e+1) (0x1.8p0 -> 2^1, code 128;
///    0x1.8p-127 -> code 1). The tie 2^-128 between 0 and 2^-127 goes to 0.
///  - A result of 0 (+-0 inputs, |x| <= 2^-128) becomes the smallest value
///    2^-127, code 0x00, with the sign dropped (APFloat has no zero here and
///    makes the smallest positive value).
///  - Overflow: |x| >= 1.5 * 2^127 and +-inf give 0xFF (NaN), or 0xFE (2^127)
///    when saturating. NaN of either sign gives 0xFF.
///  - Any other negative x: the format has no sign, yet APFloat keeps the sign
///    and bitcastToAPInt ORs it into bit 7 (the top exponent bit), so the code
///    is code(|x|) | 0x80 (-1e-30 -> 27 | 0x80 = 155, -2^127 -> 254,
///    -1 -> 0xFF = NaN). Negative inputs are outside the format's domain;
///    callers computing MX scales pass magnitudes.
uint32_t encodeFloat(float x, const FloatFormat &fmt, bool saturate);

/// Decodes `code` (only the low fmt.totalBits() bits are used) exactly into
/// f32. NaN codes decode to a quiet f32 NaN carrying the code's sign bit
/// (payloads are not preserved, except for fmt == f32 where the bits are
/// returned unchanged). IEEE infinities decode to +-inf. f8E8M0FNU: code c
/// decodes to 2^(c - 127) (code 0 is the f32 subnormal 2^-127), 0xFF to +NaN.
float decodeFloat(uint32_t code, const FloatFormat &fmt);

/// decodeFloat(encodeFloat(x, fmt, /*saturate=*/false), fmt): rounds an f32
/// value to the nearest value of `fmt` (e.g. for f16/bf16 expressed types).
float roundToFormat(float x, const FloatFormat &fmt);

/// Converts a code of format `from` into a code of format `to`: decode exactly
/// to f32, multiply by `scale` in f32 if given (TransformerEngine convention
/// y = convert(x * scale)), then encode once with round-half-to-even. There is
/// never an intermediate f16 (no double rounding).
uint32_t castFloat(uint32_t code, const FloatFormat &from,
                   const FloatFormat &to, bool saturate,
                   std::optional<float> scale = std::nullopt);

/// Bit pattern helpers.
uint32_t floatBits(float f);
float bitsToFloat(uint32_t bits);

} // namespace quanta::ref

#endif // QUANTA_REFERENCE_FORMATS_H
