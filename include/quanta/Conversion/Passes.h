//===- Passes.h - Quanta conversion passes ----------------------*- C++ -*-===//
//
// This file declares the conversion passes into and out of Quanta.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_CONVERSION_PASSES_H
#define QUANTA_CONVERSION_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class RewritePatternSet;

namespace quanta {

#define GEN_PASS_DECL
#include "quanta/Conversion/Passes.h.inc"

/// Adds the patterns that lower Quanta ops to linalg.generic on tensors.
void populateQuantaToLinalgConversionPatterns(RewritePatternSet &patterns);

/// Adds the patterns that rewrite i8 x i8 -> i32 linalg matmuls
/// (quantized_matmul, matmul, batch variants) into quanta.matmul_integer.
void populateLinalgToQuantaConversionPatterns(RewritePatternSet &patterns);

/// Adds the pattern that rewrites i8 tosa.matmul into quanta.matmul_integer.
void populateTosaToQuantaConversionPatterns(RewritePatternSet &patterns);

#define GEN_PASS_REGISTRATION
#include "quanta/Conversion/Passes.h.inc"

} // namespace quanta
} // namespace mlir

#endif // QUANTA_CONVERSION_PASSES_H
