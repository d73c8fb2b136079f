//===- Passes.h - Quanta transformation passes ------------------*- C++ -*-===//
//
// This file declares Quanta's transformations of non-Quanta IR.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_TRANSFORMS_PASSES_H
#define QUANTA_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class RewritePatternSet;

namespace quanta {

#define GEN_PASS_DECL
#include "quanta/Transforms/Passes.h.inc"

/// Adds the patterns that expand arith.truncf/extf to and from FP8 into
/// integer arithmetic (see the `quanta-expand-f8-casts` pass).
void populateExpandFloat8CastsPatterns(RewritePatternSet &patterns);

#define GEN_PASS_REGISTRATION
#include "quanta/Transforms/Passes.h.inc"

} // namespace quanta
} // namespace mlir

#endif // QUANTA_TRANSFORMS_PASSES_H
