//===- Numerics.h - Quanta IR to reference numerics -------------*- C++ -*-===//
//
// This file declares the bridge between Quanta IR (schemes, constant
// parameters) and the reference numerics library, so that folders decide
// exactness with the same code the tests trust.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_DIALECT_QUANTA_NUMERICS_H
#define QUANTA_DIALECT_QUANTA_NUMERICS_H

#include "quanta/Dialect/Quanta/QuantaOps.h"
#include "quanta/Reference/Formats.h"

#include "llvm/ADT/SmallVector.h"

namespace mlir::quanta {
namespace ref = ::quanta::ref;

/// Constant scales and zero points, flattened row-major. `zeroPoints` is
/// empty for symmetric schemes.
struct QuantParams {
  SmallVector<float> scales;
  SmallVector<int32_t> zeroPoints;
};

/// Reads constant parameters of `scheme`, or fails if either is not constant
/// or a scale is not positive and finite (the op's verifier reports that).
FailureOr<QuantParams> getConstantParams(Value scale, Value zeroPoint,
                                         SchemeAttr scheme);

/// The reference description of a float type (f32, f16, bf16, f8E4M3FN,
/// f8E5M2).
ref::FloatFormat getFloatFormat(Type type);

/// The reference description of a scheme's integer storage.
ref::IntFormat getIntFormat(SchemeAttr scheme);

/// The reference rounding mode of `mode`.
ref::Rounding getRounding(RoundingMode mode);

/// Whether quantizing (with `quantScheme`) what dequantizing (with
/// `dequantScheme`) produced gives back every storage value, for every
/// parameter in `params`. NaN codes compare equal to each other. Returns false
/// when the check would be too costly.
bool isQuantizeDequantizeIdentity(SchemeAttr dequantScheme,
                                  SchemeAttr quantScheme,
                                  const QuantParams &params);

/// Whether `op`, whose input and result types are equal, maps every input
/// value to itself under its constant parameters.
bool isRequantizeIdentity(RequantizeOp op);

} // namespace mlir::quanta

#endif // QUANTA_DIALECT_QUANTA_NUMERICS_H
