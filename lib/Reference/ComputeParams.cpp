//===- ComputeParams.cpp - Quantization parameters from data --------------===//
//
// Part of the Quanta numerics reference library.
//
//===----------------------------------------------------------------------===//

#include "quanta/Reference/ComputeParams.h"

#include <algorithm>
#include <cmath>

namespace quanta::ref {

const char *toString(ParamMethod method) {
  switch (method) {
  case ParamMethod::MaxAbs:
    return "MaxAbs";
  case ParamMethod::MinMax:
    return "MinMax";
  case ParamMethod::MeanStd:
    return "MeanStd";
  case ParamMethod::Percentile:
    return "Percentile";
  }
  return "?";
}

/// numpy.percentile(v, p, method='linear') on sorted, non-empty `v`, using
/// numpy's _lerp (a + (b-a)*t, or b - (b-a)*(1-t) when t >= 0.5) in double.
static double percentileSorted(const std::vector<double> &v, double p) {
  const double pos = p / 100.0 * double(v.size() - 1);
  double lo = std::floor(pos);
  if (lo < 0)
    lo = 0;
  size_t i = size_t(lo);
  if (i >= v.size() - 1)
    return v.back();
  const double t = pos - lo;
  const double a = v[i], b = v[i + 1];
  const double diff = b - a;
  return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

void measureRange(const std::vector<float> &values, ParamMethod method,
                  bool symmetric, double k, double percentile, float &rmin,
                  float &rmax) {
  std::vector<float> v;
  v.reserve(values.size());
  for (float f : values)
    if (!std::isnan(f))
      v.push_back(f);
  rmin = 0.0f;
  rmax = 0.0f;
  if (v.empty())
    return;
  switch (method) {
  case ParamMethod::MaxAbs: {
    float amax = 0.0f;
    for (float f : v)
      amax = std::max(amax, std::fabs(f));
    rmin = -amax;
    rmax = amax;
    return;
  }
  case ParamMethod::MinMax: {
    for (float f : v) {
      rmin = std::min(rmin, f);
      rmax = std::max(rmax, f);
    }
    return;
  }
  case ParamMethod::MeanStd: {
    double sum = 0;
    for (float f : v)
      sum += double(f);
    const double mean = sum / double(v.size());
    double sq = 0;
    for (float f : v) {
      const double d = double(f) - mean;
      sq += d * d;
    }
    const double sd = std::sqrt(sq / double(v.size()));
    const double lo = mean - k * sd, hi = mean + k * sd;
    rmin = float(lo < 0.0 ? lo : 0.0);
    rmax = float(hi > 0.0 ? hi : 0.0);
    if (std::isnan(lo))
      rmin = NAN;
    if (std::isnan(hi))
      rmax = NAN;
    return;
  }
  case ParamMethod::Percentile: {
    std::vector<double> d;
    d.reserve(v.size());
    if (symmetric) {
      for (float f : v)
        d.push_back(std::fabs(double(f)));
      std::sort(d.begin(), d.end());
      const float amax = float(percentileSorted(d, percentile));
      rmin = -amax;
      rmax = amax;
      return;
    }
    for (float f : v)
      d.push_back(double(f));
    std::sort(d.begin(), d.end());
    const double lo = percentileSorted(d, 100.0 - percentile);
    const double hi = percentileSorted(d, percentile);
    rmin = float(std::min(0.0, lo));
    rmax = float(std::max(0.0, hi));
    return;
  }
  }
}

bool paramsFromRange(float rmin, float rmax, IntFormat storage, bool symmetric,
                     float &scale, int32_t &zeroPoint) {
  if (symmetric) {
    if (!storage.isSigned)
      return false;
    const float amax = std::max(-rmin, rmax);
    const float qmax = float((int64_t(1) << (storage.bits - 1)) - 1);
    float s = amax / qmax;
    if (s == 0.0f)
      s = 1.0f;
    scale = s;
    zeroPoint = 0;
    return true;
  }
  const int32_t qmin = storage.min(), qmax = storage.max();
  float s = (rmax - rmin) / float(int64_t(qmax) - int64_t(qmin));
  if (s == 0.0f)
    s = 1.0f;
  const float zpf = float(qmin) - rmin / s;
  int32_t zp;
  if (std::isnan(zpf)) {
    zp = qmin;
  } else {
    const double r = double(__builtin_roundevenf(zpf));
    zp = r <= double(qmin) ? qmin : (r >= double(qmax) ? qmax : int32_t(r));
  }
  scale = s;
  zeroPoint = zp;
  return true;
}

float floatScaleFromRange(float rmin, float rmax, const FloatFormat &storage) {
  const float amax = std::max(-rmin, rmax);
  float s = amax / maxFinite(storage);
  return s == 0.0f ? 1.0f : s;
}

/// Splits x into the reduction sets of `layout`.
static bool gatherSets(const std::vector<float> &x, const Layout &layout,
                       std::vector<std::vector<float>> &sets,
                       std::string &error) {
  error = layout.verify(/*allowPartialGroups=*/true);
  if (!error.empty())
    return false;
  if (int64_t(x.size()) != layout.numElements()) {
    error = "data size does not match the layout shape";
    return false;
  }
  sets.assign(size_t(layout.numParams()), {});
  for (size_t i = 0; i < x.size(); ++i)
    sets[size_t(layout.paramIndex(int64_t(i)))].push_back(x[i]);
  return true;
}

static bool checkOptions(ParamMethod method, double percentile,
                         std::string &error) {
  if (method == ParamMethod::Percentile &&
      !(percentile > 0.0 && percentile <= 100.0)) {
    error = "percentile must be in (0, 100]";
    return false;
  }
  return true;
}

Params computeParams(const std::vector<float> &x, const Layout &layout,
                     IntFormat storage, bool symmetric, ParamMethod method,
                     double k, double percentile) {
  Params p;
  if (!storage.isValid()) {
    p.error = "invalid integer storage format";
    return p;
  }
  if (symmetric && !storage.isSigned) {
    p.error = "symmetric quantization requires signed or float storage";
    return p;
  }
  if (!checkOptions(method, percentile, p.error))
    return p;
  std::vector<std::vector<float>> sets;
  if (!gatherSets(x, layout, sets, p.error))
    return p;
  for (const auto &set : sets) {
    float rmin, rmax, scale;
    int32_t zp;
    measureRange(set, method, symmetric, k, percentile, rmin, rmax);
    paramsFromRange(rmin, rmax, storage, symmetric, scale, zp);
    p.rmin.push_back(rmin);
    p.rmax.push_back(rmax);
    p.scale.push_back(scale);
    p.zeroPoint.push_back(zp);
  }
  return p;
}

Params computeParams(const std::vector<float> &x, const Layout &layout,
                     const FloatFormat &storage, ParamMethod method, double k,
                     double percentile) {
  Params p;
  if (!checkOptions(method, percentile, p.error))
    return p;
  std::vector<std::vector<float>> sets;
  if (!gatherSets(x, layout, sets, p.error))
    return p;
  for (const auto &set : sets) {
    float rmin, rmax;
    measureRange(set, method, /*symmetric=*/true, k, percentile, rmin, rmax);
    p.rmin.push_back(rmin);
    p.rmax.push_back(rmax);
    p.scale.push_back(floatScaleFromRange(rmin, rmax, storage));
    p.zeroPoint.push_back(0);
  }
  return p;
}

} // namespace quanta::ref
