//===- Quantize.cpp - Affine quantization and int4 packing ----------------===//
//
// Part of the Quanta numerics reference library.
//
//===----------------------------------------------------------------------===//

#include "quanta/Reference/Quantize.h"

#include <cassert>
#include <cmath>

namespace quanta::ref {

static int32_t saturateDouble(double y, IntFormat storage) {
  const double lo = storage.min(), hi = storage.max();
  if (!(y > lo)) // also catches -inf
    return storage.min();
  if (y >= hi)
    return storage.max();
  return int32_t(y);
}

int32_t quantizeInt(float x, float scale, int32_t zp, IntFormat storage,
                    Rounding rounding, bool reciprocal) {
  assert(storage.isValid());
  float v;
  if (reciprocal) {
    const float inv = 1.0f / scale;
    v = x * inv;
  } else {
    v = x / scale;
  }
  if (std::isnan(v))
    return storage.saturate(zp);
  const float r = roundToIntegral(v, rounding);
  const double y = double(r) + double(zp);
  return saturateDouble(y, storage);
}

float dequantizeInt(int32_t q, float scale, int32_t zp,
                    const FloatFormat &expressed) {
  const float d = float(int64_t(q) - int64_t(zp));
  const float y = d * scale;
  return roundToFormat(y, expressed);
}

uint32_t quantizeFloat(float x, float scale, const FloatFormat &storage,
                       bool saturate) {
  // ONNX computes x / scale + zero_point with a float zero point of 0: the
  // addition turns -0 into +0 (and changes nothing else).
  const float v = x / scale + 0.0f;
  return encodeFloat(v, storage, saturate);
}

float dequantizeFloat(uint32_t code, float scale, const FloatFormat &storage,
                      const FloatFormat &expressed) {
  const float y = decodeFloat(code, storage) * scale;
  return roundToFormat(y, expressed);
}

int32_t castFloatToInt(float x, IntFormat storage, Rounding rounding,
                       bool saturate) {
  assert(storage.isValid());
  if (std::isnan(x))
    return 0;
  const float r = roundToIntegral(x, rounding);
  if (saturate)
    return saturateDouble(double(r), storage);
  if (std::isinf(r))
    return 0;
  // Wrap modulo 2^bits (fmod is exact).
  const double mod = std::ldexp(1.0, int(storage.bits));
  double w = std::fmod(double(r), mod); // in (-mod, mod)
  if (w < 0)
    w += mod; // in [0, mod)
  int64_t v = int64_t(w);
  if (storage.isSigned && v >= (int64_t(1) << (storage.bits - 1)))
    v -= int64_t(1) << storage.bits;
  return int32_t(v);
}

//===----------------------------------------------------------------------===//
// int4 packing
//===----------------------------------------------------------------------===//

std::vector<uint8_t> packInt4(const int32_t *values, size_t n) {
  std::vector<uint8_t> out((n + 1) / 2, 0);
  for (size_t i = 0; i < n; ++i) {
    const uint8_t nib = uint8_t(uint32_t(values[i]) & 0xFu);
    out[i / 2] |= (i % 2 == 0) ? nib : uint8_t(nib << 4);
  }
  return out;
}

std::vector<uint8_t> packInt4(const std::vector<int32_t> &values) {
  return packInt4(values.data(), values.size());
}

std::vector<uint8_t> packInt4(const std::vector<int8_t> &values) {
  std::vector<int32_t> wide(values.begin(), values.end());
  return packInt4(wide);
}

std::vector<int32_t> unpackInt4(const uint8_t *bytes, size_t n, bool isSigned) {
  std::vector<int32_t> out(n);
  for (size_t i = 0; i < n; ++i) {
    int32_t nib = (i % 2 == 0) ? (bytes[i / 2] & 0xF) : (bytes[i / 2] >> 4);
    if (isSigned && nib >= 8)
      nib -= 16;
    out[i] = nib;
  }
  return out;
}

std::vector<int32_t> unpackInt4(const std::vector<uint8_t> &bytes, size_t n,
                                bool isSigned) {
  assert(bytes.size() >= (n + 1) / 2);
  return unpackInt4(bytes.data(), n, isSigned);
}

//===----------------------------------------------------------------------===//
// Tensor helpers
//===----------------------------------------------------------------------===//

static bool paramsMatch(const Layout &layout, size_t n, size_t numScale,
                        size_t numZp) {
  if (!layout.verify(/*allowPartialGroups=*/true).empty())
    return false;
  if (int64_t(n) != layout.numElements())
    return false;
  const int64_t np = layout.numParams();
  return int64_t(numScale) == np && (numZp == 0 || int64_t(numZp) == np);
}

std::vector<int32_t> quantizeTensor(const std::vector<float> &x,
                                    const Layout &layout,
                                    const std::vector<float> &scale,
                                    const std::vector<int32_t> &zeroPoint,
                                    IntFormat storage, Rounding rounding,
                                    bool reciprocal) {
  if (!paramsMatch(layout, x.size(), scale.size(), zeroPoint.size()))
    return {};
  std::vector<int32_t> out(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    const int64_t p = layout.paramIndex(int64_t(i));
    out[i] = quantizeInt(x[i], scale[p], zeroPoint.empty() ? 0 : zeroPoint[p],
                         storage, rounding, reciprocal);
  }
  return out;
}

std::vector<float> dequantizeTensor(const std::vector<int32_t> &q,
                                    const Layout &layout,
                                    const std::vector<float> &scale,
                                    const std::vector<int32_t> &zeroPoint,
                                    const FloatFormat &expressed) {
  if (!paramsMatch(layout, q.size(), scale.size(), zeroPoint.size()))
    return {};
  std::vector<float> out(q.size());
  for (size_t i = 0; i < q.size(); ++i) {
    const int64_t p = layout.paramIndex(int64_t(i));
    out[i] = dequantizeInt(q[i], scale[p], zeroPoint.empty() ? 0 : zeroPoint[p],
                           expressed);
  }
  return out;
}

std::vector<uint32_t> quantizeTensorFloat(const std::vector<float> &x,
                                          const Layout &layout,
                                          const std::vector<float> &scale,
                                          const FloatFormat &storage,
                                          bool saturate) {
  if (!paramsMatch(layout, x.size(), scale.size(), 0))
    return {};
  std::vector<uint32_t> out(x.size());
  for (size_t i = 0; i < x.size(); ++i)
    out[i] = quantizeFloat(x[i], scale[layout.paramIndex(int64_t(i))], storage,
                           saturate);
  return out;
}

std::vector<float> dequantizeTensorFloat(const std::vector<uint32_t> &codes,
                                         const Layout &layout,
                                         const std::vector<float> &scale,
                                         const FloatFormat &storage,
                                         const FloatFormat &expressed) {
  if (!paramsMatch(layout, codes.size(), scale.size(), 0))
    return {};
  std::vector<float> out(codes.size());
  for (size_t i = 0; i < codes.size(); ++i)
    out[i] = dequantizeFloat(codes[i], scale[layout.paramIndex(int64_t(i))],
                             storage, expressed);
  return out;
}

} // namespace quanta::ref
