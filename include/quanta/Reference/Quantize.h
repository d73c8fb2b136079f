//===- Quantize.h - Affine quantization, layouts, int4 packing --*- C++ -*-===//
//
// Part of the Quanta numerics reference library. See docs/Numerics.md.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_REFERENCE_QUANTIZE_H
#define QUANTA_REFERENCE_QUANTIZE_H

#include "quanta/Reference/Formats.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace quanta::ref {

//===----------------------------------------------------------------------===//
// Scalar quantization
//===----------------------------------------------------------------------===//

/// Quantizes `x` to integer storage (ONNX QuantizeLinear by default):
///   v = reciprocal ? x * (1.0f / scale)   (PyTorch: reciprocal once, in f32)
///                  : x / scale            (ONNX: one f32 division)
///   NaN v        -> zp (clamped to the storage range)
///   otherwise    -> saturate(roundToIntegral(v, rounding) + zp)
/// The addition is done without overflow (double) and +-inf saturates.
/// Inputs of f16/bf16 expressed types are passed as exactly converted floats.
int32_t quantizeInt(float x, float scale, int32_t zp, IntFormat storage,
                    Rounding rounding = Rounding::HalfEven,
                    bool reciprocal = false);

/// Dequantizes integer storage: (float)(q - zp) * scale as one f32 multiply,
/// then roundToFormat(expressed) (identity for f32; a single rounding for
/// f16/bf16 because the product is exact in f32 for <= 8-bit storage and
/// f16/bf16 scales).
float dequantizeInt(int32_t q, float scale, int32_t zp,
                    const FloatFormat &expressed = FloatFormat::f32());

/// Quantizes to float storage (ONNX QuantizeLinear with a float8/float4
/// output; saturate defaults to true like ONNX):
/// encodeFloat(x / scale + 0.0f, storage, saturate). The zero point of float
/// storage is always 0, and, as in ONNX, adding it maps an exact -0 quotient
/// to +0 (values that only round to zero keep their sign).
uint32_t quantizeFloat(float x, float scale, const FloatFormat &storage,
                       bool saturate = true);

/// Dequantizes float storage: decodeFloat(code) * scale in f32, then
/// roundToFormat(expressed).
float dequantizeFloat(uint32_t code, float scale, const FloatFormat &storage,
                      const FloatFormat &expressed = FloatFormat::f32());

/// Plain float -> integer conversion (ONNX Cast to an integer type):
/// r = roundToIntegral(x, rounding); saturate ? clamp(r) : r wrapped modulo
/// 2^bits into the storage range (two's complement truncation, what ONNX Cast
/// float -> INT4/UINT4 does at opset 25). NaN -> 0; +-inf -> saturated, or 0
/// when wrapping.
int32_t castFloatToInt(float x, IntFormat storage, Rounding rounding,
                       bool saturate);

//===----------------------------------------------------------------------===//
// int4 packing (ONNX / ONNX Runtime layout)
//===----------------------------------------------------------------------===//

/// Packs 4-bit values two per byte: element 2i goes to the LOW nibble of byte
/// i and element 2i+1 to the high nibble; the result has ceil(n/2) bytes and
/// an odd tail's high nibble is 0. Values are truncated to their low 4 bits
/// (so signed values in [-8, 7] and unsigned values in [0, 15] both work).
std::vector<uint8_t> packInt4(const int32_t *values, size_t n);
std::vector<uint8_t> packInt4(const std::vector<int32_t> &values);
std::vector<uint8_t> packInt4(const std::vector<int8_t> &values);

/// Inverse of packInt4: reads n values, sign-extending nibbles if `isSigned`.
std::vector<int32_t> unpackInt4(const uint8_t *bytes, size_t n, bool isSigned);
std::vector<int32_t> unpackInt4(const std::vector<uint8_t> &bytes, size_t n,
                                bool isSigned);

//===----------------------------------------------------------------------===//
// Granularity and tensor layout
//===----------------------------------------------------------------------===//

enum class Granularity {
  PerTensor,  ///< One scale / zero point for the whole tensor.
  PerChannel, ///< One per index along `axis` (ONNX "axis", MLIR per-axis).
  PerGroup,   ///< Blocks of `groupSize` along `axis` (ONNX blocked
              ///< quantization, MLIR sub-channel).
};

/// How quantization parameters map onto the elements of a row-major tensor.
///  - PerTensor:  parameter shape [] (one element).
///  - PerChannel: parameter shape [shape[axis]].
///  - PerGroup:   same rank as the tensor with shape[axis] replaced by
///                ceil(shape[axis] / groupSize); element i uses the parameter
///                whose coordinates equal i's, except coord[axis] / groupSize.
struct Layout {
  std::vector<int64_t> shape;
  Granularity granularity = Granularity::PerTensor;
  int64_t axis = 0;
  int64_t groupSize = 0;

  static Layout perTensor(std::vector<int64_t> shape);
  /// `axis` may be negative (counted from the end).
  static Layout perChannel(std::vector<int64_t> shape, int64_t axis);
  static Layout perGroup(std::vector<int64_t> shape, int64_t axis,
                         int64_t groupSize);

  /// Returns "" if the layout is well formed, else a description of the
  /// problem. Partial trailing groups (groupSize not dividing shape[axis]) are
  /// rejected unless `allowPartialGroups` (ONNX blocked quantization allows
  /// them).
  std::string verify(bool allowPartialGroups = false) const;

  int64_t numElements() const;
  std::vector<int64_t> paramShape() const;
  int64_t numParams() const;
  /// Index into the (row-major) parameter tensor for the element with
  /// row-major flat index `flatIndex`.
  int64_t paramIndex(int64_t flatIndex) const;
};

//===----------------------------------------------------------------------===//
// Tensor-level helpers
//===----------------------------------------------------------------------===//

/// Element-wise quantizeInt with per-element parameters chosen by `layout`.
/// `zeroPoint` may be empty (all zeros). Returns an empty vector if the sizes
/// do not match the layout.
std::vector<int32_t>
quantizeTensor(const std::vector<float> &x, const Layout &layout,
               const std::vector<float> &scale,
               const std::vector<int32_t> &zeroPoint, IntFormat storage,
               Rounding rounding = Rounding::HalfEven, bool reciprocal = false);

std::vector<float>
dequantizeTensor(const std::vector<int32_t> &q, const Layout &layout,
                 const std::vector<float> &scale,
                 const std::vector<int32_t> &zeroPoint,
                 const FloatFormat &expressed = FloatFormat::f32());

/// Element-wise quantizeFloat (float storage codes).
std::vector<uint32_t> quantizeTensorFloat(const std::vector<float> &x,
                                          const Layout &layout,
                                          const std::vector<float> &scale,
                                          const FloatFormat &storage,
                                          bool saturate = true);

std::vector<float>
dequantizeTensorFloat(const std::vector<uint32_t> &codes, const Layout &layout,
                      const std::vector<float> &scale,
                      const FloatFormat &storage,
                      const FloatFormat &expressed = FloatFormat::f32());

} // namespace quanta::ref

#endif // QUANTA_REFERENCE_QUANTIZE_H
