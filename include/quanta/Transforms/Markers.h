//===- Markers.h - attributes one pass leaves for a later one ---*- C++ -*-===//
//
// Discardable attributes by which --convert-quanta-to-linalg marks ops for
// --quanta-lower-matmul-kernels.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_TRANSFORMS_MARKERS_H
#define QUANTA_TRANSFORMS_MARKERS_H

#include "llvm/ADT/StringRef.h"

namespace mlir::quanta {

/// Marks a linalg.generic computing C[m, n] += zext(A[m, k]) * sext(B[k, n])
/// in i32 (the u8 x s8 core of an integer matmul).
constexpr llvm::StringLiteral kU8S8MatmulAttr = "quanta.u8s8_matmul";

} // namespace mlir::quanta

#endif // QUANTA_TRANSFORMS_MARKERS_H
