//===- Requantize.h - int32 accumulator -> narrow int rescale ---*- C++ -*-===//
//
// Part of the Quanta numerics reference library. See docs/Numerics.md.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_REFERENCE_REQUANTIZE_H
#define QUANTA_REFERENCE_REQUANTIZE_H

#include "quanta/Reference/Formats.h"

#include <cstdint>

namespace quanta::ref {

enum class RequantMode {
  /// f32 multiplier (ONNX QLinearMatMul, ORT MlasRequantizeOutput):
  /// y = sat(round((float)(acc - inZp) * multiplier) + outZp).
  Float,
  /// TOSA rescale SINGLE_ROUND == TFLITE_SINGLE_ROUNDING:
  /// y = sat(((acc - inZp) * m + 2^(shift-1)) >> shift + outZp).
  SingleRound,
  /// TOSA 1.0 apply_scale_32 with double_round = true.
  DoubleRound,
  /// TFLite MultiplyByQuantizedMultiplier (gemmlowp
  /// SaturatingRoundingDoublingHighMul + RoundingDivideByPOT).
  Gemmlowp,
};

/// A fixed-point multiplier representing the real value m / 2^shift.
/// (TFLite's (quantized_multiplier, shift) pair means m / 2^31 * 2^tflShift,
/// i.e. shift = 31 - tflShift.)
struct FixedPointMultiplier {
  int32_t multiplier = 0;
  int32_t shift = 0;
  double toDouble() const;
};

/// Like TFLite QuantizeMultiplier: frexp, m = round-half-away(q * 2^31) in
/// [2^30, 2^31) (a 2^31 result is halved and the exponent bumped), shift =
/// 31 - exponent. real == 0 gives {0, 31}; reals below 2^-31 / 2 give {0, 31}
/// (TFLite flushes them). Requires real >= 0. The shift may fall outside TOSA's
/// [2, 62] for reals >= 2^29 (shift < 2) - callers check.
FixedPointMultiplier quantizeMultiplier(double real);

/// Float mode: value = acc - inZp computed in int64 and converted to f32 with
/// round-to-nearest-even, times `multiplier` (one f32 multiply), rounded with
/// `rounding`, plus outZp, saturated to `out`.
int32_t requantizeFloat(int32_t acc, int32_t inZp, float multiplier,
                        int32_t outZp, IntFormat out,
                        Rounding rounding = Rounding::HalfEven);

/// Fixed-point modes (SingleRound, DoubleRound, Gemmlowp). Requires
/// multiplier >= 0; SingleRound/DoubleRound require shift in [2, 62], Gemmlowp
/// shift in [0, 62]. The final value plus outZp is saturated to `out`.
int32_t requantizeFixedPoint(int32_t acc, int32_t inZp,
                             FixedPointMultiplier mult, int32_t outZp,
                             IntFormat out, RequantMode mode);

/// TOSA 1.0 apply_scale_32 without the final int32 REQUIRE: (value * m + round)
/// >> shift with round = 2^(shift-1), and with doubleRound and shift > 31,
/// round += (value >= 0 ? 1 : -1) * 2^30. Arithmetic shift (floor). Computed
/// in 128-bit arithmetic so it never overflows.
int64_t applyScale32(int64_t value, int32_t multiplier, int shift,
                     bool doubleRound);

/// gemmlowp SaturatingRoundingDoublingHighMul (exactly as in
/// gemmlowp/fixedpoint/fixedpoint.h): nudge = ab >= 0 ? 2^30 : 1 - 2^30,
/// (ab + nudge) / 2^31 with truncating division; INT32_MIN * INT32_MIN
/// saturates to INT32_MAX. Equivalent to floor((a*b + 2^30) / 2^31).
int32_t saturatingRoundingDoublingHighMul(int32_t a, int32_t b);

/// gemmlowp RoundingDivideByPOT: x / 2^exponent rounded to nearest, ties away
/// from zero (mask / remainder / threshold). exponent in [0, 31].
int32_t roundingDivideByPOT(int32_t x, int exponent);

/// TFLite MultiplyByQuantizedMultiplier for real = m / 2^shift: e = 31 - shift,
/// x = saturate_int32(value << max(e, 0)), then
/// RoundingDivideByPOT(SRDHM(x, m), max(-e, 0)).
int32_t multiplyByQuantizedMultiplier(int64_t value, FixedPointMultiplier mult);

} // namespace quanta::ref

#endif // QUANTA_REFERENCE_REQUANTIZE_H
