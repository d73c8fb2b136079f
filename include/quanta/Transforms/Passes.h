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

/// Adds the patterns that expand FP8 casts and f32-to-bf16 truncation into
/// integer arithmetic and extend splats of 16-bit floats before splatting
/// them (see the `quanta-expand-float-casts` pass); with
/// `viaF16`, vector extf from FP8 to f32 goes through f16.
void populateExpandFloatCastsPatterns(RewritePatternSet &patterns,
                                      bool viaF16 = false);

/// The attribute of the host functions that
/// `--quanta-gpu-launches-to-host-fibers` outlines kernels into (their
/// buffer accesses are device code, which the other host passes leave).
inline constexpr llvm::StringLiteral kKernelOnHostAttrName =
    "quanta.kernel_on_host";

#define GEN_PASS_REGISTRATION
#include "quanta/Transforms/Passes.h.inc"

} // namespace quanta
} // namespace mlir

#endif // QUANTA_TRANSFORMS_PASSES_H
