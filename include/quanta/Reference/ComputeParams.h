//===- ComputeParams.h - Quantization parameters from data ------*- C++ -*-===//
//
// Part of the Quanta numerics reference library. See docs/Numerics.md.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_REFERENCE_COMPUTEPARAMS_H
#define QUANTA_REFERENCE_COMPUTEPARAMS_H

#include "quanta/Reference/Formats.h"
#include "quanta/Reference/Quantize.h"

#include <cstdint>
#include <string>
#include <vector>

namespace quanta::ref {

/// How the real range (rmin, rmax) of a reduction set is measured. NaNs are
/// ignored; an empty set gives (0, 0). Always rmin <= 0 <= rmax.
enum class ParamMethod {
  /// amax = max|x|; (rmin, rmax) = (-amax, amax).
  MaxAbs,
  /// (min(0, min x), max(0, max x)) (ONNX DynamicQuantizeLinear).
  MinMax,
  /// mean and population std accumulated in double;
  /// (min(0, mean - k*std), max(0, mean + k*std)) converted to f32.
  MeanStd,
  /// numpy.percentile(..., method='linear') on the sorted values
  /// (pos = p/100 * (n-1), numpy's _lerp). Symmetric: amax = pct(|x|, p);
  /// asymmetric: (min(0, pct(x, 100-p)), max(0, pct(x, p))).
  Percentile,
};

const char *toString(ParamMethod method);

/// Per-reduction-set parameters, indexed like Layout::paramIndex.
struct Params {
  std::vector<float> scale;
  std::vector<int32_t> zeroPoint;
  std::vector<float> rmin; ///< The measured ranges (for reports and tests).
  std::vector<float> rmax;
  std::string error; ///< Empty on success.
  bool ok() const { return error.empty(); }
};

/// Measures (rmin, rmax) of one reduction set.
void measureRange(const std::vector<float> &values, ParamMethod method,
                  bool symmetric, double k, double percentile, float &rmin,
                  float &rmax);

/// Scale and zero point for integer storage from a range:
///  - symmetric (signed storage only): amax = max(-rmin, rmax),
///    scale = amax / (2^(b-1) - 1) as one f32 division (regardless of narrow),
///    zp = 0;
///  - asymmetric: scale = (rmax - rmin) / (float)(qmax - qmin) in f32 with the
///    narrow-aware range, zp = saturate(roundHalfEven(qmin - rmin / scale))
///    in f32 (a NaN intermediate gives qmin);
///  - a zero scale (all-zero or empty set) becomes 1.0f.
/// Returns false (and leaves the outputs alone) if symmetric && !isSigned.
bool paramsFromRange(float rmin, float rmax, IntFormat storage, bool symmetric,
                     float &scale, int32_t &zeroPoint);

/// Scale for float storage (always symmetric, zp 0): amax / maxFinite(fmt),
/// 1.0f when that is 0.
float floatScaleFromRange(float rmin, float rmax, const FloatFormat &storage);

/// Computes parameters per reduction set (whole tensor, each channel, or each
/// group, as chosen by `layout`). `k` is used by MeanStd, `percentile` (in
/// (0, 100]) by Percentile. +-inf inputs propagate to an infinite scale for
/// MaxAbs/MinMax/Percentile (MeanStd then gives a NaN scale).
Params computeParams(const std::vector<float> &x, const Layout &layout,
                     IntFormat storage, bool symmetric, ParamMethod method,
                     double k = 3.0, double percentile = 99.99);

/// Float storage variant (symmetric by definition; zero points are all 0).
Params computeParams(const std::vector<float> &x, const Layout &layout,
                     const FloatFormat &storage, ParamMethod method,
                     double k = 3.0, double percentile = 99.99);

} // namespace quanta::ref

#endif // QUANTA_REFERENCE_COMPUTEPARAMS_H
