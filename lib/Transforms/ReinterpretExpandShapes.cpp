//===- ReinterpretExpandShapes.cpp - Dynamic expand_shape as a cast -------===//
//
// This file implements `--quanta-reinterpret-expand-shapes`: the
// memref.expand_shape ops that MLIR 22's --expand-strided-metadata cannot
// expand (several dynamic sizes in one group) become the equivalent
// memref.reinterpret_cast of their contiguous source.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_REINTERPRETEXPANDSHAPES
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

/// Whether a group of `op`'s expansion has more than one dynamic size.
static bool splitsIntoDynamicSizes(memref::ExpandShapeOp op) {
  ArrayRef<int64_t> shape = op.getResultType().getShape();
  return llvm::any_of(op.getReassociationIndices(),
                      [&](const ReassociationIndices &group) {
                        return llvm::count_if(group, [&](int64_t d) {
                                 return ShapedType::isDynamic(shape[d]);
                               }) > 1;
                      });
}

namespace {
struct ReinterpretExpandShapesPass
    : public quanta::impl::ReinterpretExpandShapesBase<
          ReinterpretExpandShapesPass> {
  void runOnOperation() override {
    SmallVector<memref::ExpandShapeOp> ops;
    getOperation()->walk([&](memref::ExpandShapeOp op) {
      if (splitsIntoDynamicSizes(op))
        ops.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (memref::ExpandShapeOp op : ops) {
      rewriter.setInsertionPoint(op);
      Location loc = op.getLoc();
      auto source =
          memref::ExtractStridedMetadataOp::create(rewriter, loc, op.getSrc());
      SmallVector<OpFoldResult> sourceStrides =
          source.getConstifiedMixedStrides();
      SmallVector<OpFoldResult> sizes = op.getMixedOutputShape();
      // In each group, the innermost dimension has the source dimension's
      // stride, and each one out the next one's times its size (constant
      // where both are).
      AffineExpr product = rewriter.getAffineSymbolExpr(0) *
                           rewriter.getAffineSymbolExpr(1);
      SmallVector<OpFoldResult> strides(sizes.size());
      for (auto [i, group] : llvm::enumerate(op.getReassociationIndices())) {
        OpFoldResult stride = sourceStrides[i];
        for (int64_t d : llvm::reverse(group)) {
          strides[d] = stride;
          if (d != group.front())
            stride = affine::makeComposedFoldedAffineApply(
                rewriter, loc, product, {stride, sizes[d]});
        }
      }
      rewriter.replaceOpWithNewOp<memref::ReinterpretCastOp>(
          op, op.getResultType(), source.getBaseBuffer(),
          source.getConstifiedMixedOffset(), sizes, strides);
    }
  }
};
} // namespace
