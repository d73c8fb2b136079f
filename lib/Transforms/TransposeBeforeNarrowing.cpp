//===- TransposeBeforeNarrowing.cpp - Transpose bytes, not nibbles
//---------===//
//
// This file implements `--quanta-transpose-before-narrowing`: a transpose of
// the result of an element-wise narrowing to a sub-byte integer (the
// truncation to i4 that unpacks an int4 argument) transposes the narrowing's
// byte-sized input instead, and the narrowing follows it.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_TRANSPOSEBEFORENARROWING
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

namespace {

/// Whether `op` maps one tensor element-wise (identity maps, parallel
/// loops, no linalg.index) from byte-sized integers to integers narrower
/// than a byte.
bool isNarrowingToSubByte(linalg::GenericOp op) {
  if (op.getNumDpsInputs() != 1 || op.getNumDpsInits() != 1 ||
      !op.hasPureTensorSemantics() || op.hasIndexSemantics() ||
      op.getNumParallelLoops() != op.getNumLoops() ||
      !llvm::all_of(op.getIndexingMapsArray(),
                    [](AffineMap map) { return map.isIdentity(); }))
    return false;
  Type from = getElementTypeOrSelf(op.getDpsInputs()[0].getType());
  Type to = getElementTypeOrSelf(op.getResult(0).getType());
  return from.isInteger() && to.isInteger() &&
         from.getIntOrFloatBitWidth() % 8 == 0 &&
         to.getIntOrFloatBitWidth() < 8;
}

/// transpose(expand_shape*(narrow(x))) -> narrow(transpose(expand_shape*(x))).
struct TransposeBeforeNarrowingPattern : OpRewritePattern<linalg::TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(linalg::TransposeOp op,
                                PatternRewriter &rewriter) const override {
    if (!op.hasPureTensorSemantics())
      return failure();
    SmallVector<tensor::ExpandShapeOp> expands;
    Value in = op.getInput();
    while (auto expand = in.getDefiningOp<tensor::ExpandShapeOp>()) {
      expands.push_back(expand);
      in = expand.getSrc();
    }
    auto narrow = in.getDefiningOp<linalg::GenericOp>();
    if (!narrow || !isNarrowingToSubByte(narrow))
      return failure();
    Location loc = op.getLoc();
    Value source = narrow.getDpsInputs()[0];
    Type wide = getElementTypeOrSelf(source.getType());
    // The same reshapes of the wide elements, innermost first.
    for (tensor::ExpandShapeOp expand : llvm::reverse(expands))
      source = tensor::ExpandShapeOp::create(
          rewriter, loc, expand.getResultType().clone(wide), source,
          expand.getReassociationIndices(), expand.getMixedOutputShape());
    auto resultType = cast<RankedTensorType>(op.getResult()[0].getType());
    Value init = tensor::EmptyOp::create(
        rewriter, loc, tensor::getMixedSizes(rewriter, loc, op.getInit()),
        wide);
    Value transposed = linalg::TransposeOp::create(rewriter, loc, source, init,
                                                   op.getPermutation())
                           .getResult()[0];
    int64_t rank = resultType.getRank();
    AffineMap identity = rewriter.getMultiDimIdentityMap(rank);
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    Block &body = narrow.getRegion().front();
    auto narrowed = linalg::GenericOp::create(
        rewriter, loc, TypeRange{resultType}, ValueRange{transposed},
        ValueRange{op.getInit()}, ArrayRef<AffineMap>{identity, identity},
        iterators, [&](OpBuilder &b, Location, ValueRange args) {
          IRMapping mapping;
          mapping.map(body.getArguments(), args);
          for (Operation &inner : body.without_terminator())
            b.clone(inner, mapping);
          auto yield = cast<linalg::YieldOp>(body.getTerminator());
          linalg::YieldOp::create(
              b, yield.getLoc(), mapping.lookupOrDefault(yield.getValues()[0]));
        });
    rewriter.replaceOp(op, narrowed.getResults());
    return success();
  }
};

struct TransposeBeforeNarrowingPass
    : public quanta::impl::TransposeBeforeNarrowingBase<
          TransposeBeforeNarrowingPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<TransposeBeforeNarrowingPattern>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
