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
  /// "FN": no infinities; only S.1111.111 (all-ones exponent and mantissa) is
  /// NaN. f8E4M3FN.
  FN,
  /// "FNUZ": no infinities, no negative zero; the single NaN is the code with
  /// only the sign bit set (0x80). f8E4M3FNUZ, f8E5M2FNUZ.
  FNUZ,
  /// Finite only: no infinities, no NaN. f4E2M1FN.
  None,
};

/// A generic signed small-float descriptor: 1 sign bit, `expBits` exponent
/// bits, `manBits` explicit mantissa bits, exponent bias `bias`, with
/// subnormals. Codes are the low (1 + expBits + manBits) bits of a uint32_t.
struct FloatFormat {
  const char *name;
  unsigned expBits;
  unsigned manBits;
  int bias;
  NonFiniteStyle nonFinite;

  unsigned totalBits() const { return 1 + expBits + manBits; }
  uint32_t signBit() const { return 1u << (expBits + manBits); }
  bool hasInf() const { return nonFinite == NonFiniteStyle::IEEE; }
  bool hasNaN() const { return nonFinite != NonFiniteStyle::None; }
  bool hasNegativeZero() const { return nonFinite != NonFiniteStyle::FNUZ; }
  /// Smallest unbiased exponent of a normal number (1 - bias).
  int minExponent() const { return 1 - bias; }
  /// Magnitude bits (code without sign) of the largest finite value.
  uint32_t maxFiniteMagnitude() const;
  /// The canonical NaN code (IEEE: quiet NaN with the given sign; FN: all ones
  /// with the given sign; FNUZ: 0x80; None: the negative-zero code, which is
  /// what ONNX/ml_dtypes produce for NaN -> f4E2M1FN).
  uint32_t nanCode(bool negative) const;
  /// The code an overflowing value gets without saturation (IEEE: +-inf;
  /// FN: +-NaN; FNUZ: NaN; None: +-max finite).
  uint32_t overflowCode(bool negative) const;

  bool operator==(const FloatFormat &o) const;
  bool operator!=(const FloatFormat &o) const { return !(*this == o); }

  // Named instances. Names follow MLIR's builtin float type names.
  static constexpr FloatFormat f32() {
    return {"f32", 8, 23, 127, NonFiniteStyle::IEEE};
  }
  static constexpr FloatFormat f16() {
    return {"f16", 5, 10, 15, NonFiniteStyle::IEEE};
  }
  static constexpr FloatFormat bf16() {
    return {"bf16", 8, 7, 127, NonFiniteStyle::IEEE};
  }
  /// OCP FP8 E4M3: bias 7, max 448, no inf, NaN = S.1111.111.
  static constexpr FloatFormat f8E4M3FN() {
    return {"f8E4M3FN", 4, 3, 7, NonFiniteStyle::FN};
  }
  /// OCP FP8 E5M2: bias 15, max 57344, IEEE inf/NaN.
  static constexpr FloatFormat f8E5M2() {
    return {"f8E5M2", 5, 2, 15, NonFiniteStyle::IEEE};
  }
  /// IEEE-like E4M3 (bias 7, max 240, inf and NaN).
  static constexpr FloatFormat f8E4M3() {
    return {"f8E4M3", 4, 3, 7, NonFiniteStyle::IEEE};
  }
  /// E4M3FNUZ (Graphcore/AMD): bias 8, max 240, NaN = 0x80, no -0, no inf.
  static constexpr FloatFormat f8E4M3FNUZ() {
    return {"f8E4M3FNUZ", 4, 3, 8, NonFiniteStyle::FNUZ};
  }
  /// E5M2FNUZ: bias 16, max 57344, NaN = 0x80, no -0, no inf.
  static constexpr FloatFormat f8E5M2FNUZ() {
    return {"f8E5M2FNUZ", 5, 2, 16, NonFiniteStyle::FNUZ};
  }
  /// OCP MX FP4 E2M1: bias 1, max 6, no inf, no NaN.
  static constexpr FloatFormat f4E2M1FN() {
    return {"f4E2M1FN", 2, 1, 1, NonFiniteStyle::None};
  }

  /// Looks a format up by its MLIR type name ("f32", "f16", "bf16", "f8E4M3FN",
  /// "f8E5M2", "f8E4M3", "f8E4M3FNUZ", "f8E5M2FNUZ", "f4E2M1FN").
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
uint32_t encodeFloat(float x, const FloatFormat &fmt, bool saturate);

/// Decodes `code` (only the low fmt.totalBits() bits are used) exactly into
/// f32. NaN codes decode to a quiet f32 NaN carrying the code's sign bit
/// (payloads are not preserved, except for fmt == f32 where the bits are
/// returned unchanged). IEEE infinities decode to +-inf.
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
