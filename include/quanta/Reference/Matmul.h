//===- Matmul.h - Quantized matmul reference --------------------*- C++ -*-===//
//
// Part of the Quanta numerics reference library. See docs/Numerics.md.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_REFERENCE_MATMUL_H
#define QUANTA_REFERENCE_MATMUL_H

#include "quanta/Reference/Formats.h"
#include "quanta/Reference/Quantize.h"

#include <cstdint>
#include <string>
#include <vector>

namespace quanta::ref {

/// A quantized row-major tensor: integer values (or float codes when
/// `isFloat`) plus parameters mapped by `layout` (layout.shape is the shape).
struct QuantizedTensor {
  std::vector<int32_t> values;
  bool isFloat = false;
  IntFormat intFormat = IntFormat::sint(8);
  FloatFormat floatFormat = FloatFormat::f8E4M3FN();
  Layout layout;
  std::vector<float> scale;
  std::vector<int32_t> zeroPoint; ///< Empty = all zero. Must be 0 for floats.
};

enum class MatmulAccumulation {
  /// Per K-block int32 accumulation of (a - za) * (b - zb) with two's
  /// complement wrap-around; out = sum over blocks, in block order, in f32, of
  /// (float)acc_blk * (sa * sb_blk). The K block is the group size of a
  /// per-group layout along K (lhs and/or rhs; they must agree), else all of K.
  /// Integer storage only.
  Int32,
  /// Dequantize each element (dequantizeInt / decodeFloat * scale) and
  /// accumulate sum_k a*b in f32 in k order (separate multiply and add).
  Float32,
};

struct MatmulOptions {
  MatmulAccumulation accumulation = MatmulAccumulation::Int32;
  std::vector<float> bias; ///< Empty, or N values added (f32) at the end.
  bool requantize = false; ///< Also quantizeInt the f32 result.
  float outScale = 1.0f;
  int32_t outZeroPoint = 0;
  IntFormat outFormat = IntFormat::sint(8);
};

struct MatmulResult {
  std::vector<int64_t> shape;     ///< [batch..., M, N]
  std::vector<float> values;      ///< f32 result (before requantization).
  std::vector<int32_t> quantized; ///< Filled when options.requantize.
  std::string error;              ///< Empty on success.
  bool ok() const { return error.empty(); }
};

/// lhs: [batch..., M, K]; rhs: [K, N] (shared by all batches) or
/// [batch..., K, N] with the same batch dims. Parameters: any layout whose
/// parameters are constant within each (row, K-block) of lhs and
/// (K-block, column) of rhs for Int32 accumulation; any layout for Float32.
MatmulResult matmul(const QuantizedTensor &lhs, const QuantizedTensor &rhs,
                    const MatmulOptions &options = MatmulOptions());

/// An operand of matmulInteger (ONNX MatMulInteger): 8-bit integers in
/// `format`'s range (sint(8) or uint(8)), row-major, shape
/// [batch..., rows, cols]. `zeroPoint` is empty (all zero), one value (per
/// tensor), or one value per row of lhs (M) / per column of rhs (N), shared
/// by the batches; zero points are in `format`'s range too.
struct IntegerMatmulOperand {
  std::vector<int64_t> shape;
  std::vector<int32_t> values;
  IntFormat format = IntFormat::sint(8);
  std::vector<int32_t> zeroPoint;
};

struct MatmulIntegerResult {
  std::vector<int64_t> shape;  ///< [batch..., M, N]
  std::vector<int32_t> values; ///< The i32 sums (wrapped).
  std::string error;           ///< Empty on success.
  bool ok() const { return error.empty(); }
};

/// ONNX MatMulInteger: result[..., m, n] = sum_k (a - za)(b - zb) in int32
/// with two's complement wrap-around (the same accumulation as `matmul`'s
/// Int32 mode). lhs: [batch..., M, K]; rhs: [K, N] (shared by all batches) or
/// [batch..., K, N] with the same batch dims.
MatmulIntegerResult matmulInteger(const IntegerMatmulOperand &lhs,
                                  const IntegerMatmulOperand &rhs);

} // namespace quanta::ref

#endif // QUANTA_REFERENCE_MATMUL_H
