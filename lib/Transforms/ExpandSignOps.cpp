//===- ExpandSignOps.cpp - copysign and absf as bit operations ------------===//
//
// This file implements the expansion of math.copysign and math.absf into
// integer operations on the sign bit.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_EXPANDSIGNOPS
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

namespace {

/// The integer type of `type`'s bits and a constant of it.
struct SignBits {
  Type intType;
  Value signMask;
  SignBits(PatternRewriter &rewriter, Location loc, Type type) {
    unsigned width = getElementTypeOrSelf(type).getIntOrFloatBitWidth();
    Type element = rewriter.getIntegerType(width);
    intType = element;
    if (auto shaped = dyn_cast<ShapedType>(type))
      intType = shaped.clone(element);
    APInt mask = APInt::getSignMask(width);
    TypedAttr attr = rewriter.getIntegerAttr(element, mask);
    if (auto shaped = dyn_cast<ShapedType>(intType))
      attr = DenseElementsAttr::get(shaped, mask);
    signMask = arith::ConstantOp::create(rewriter, loc, attr);
  }
};

/// copysign(x, y) = (bits(x) & ~sign) | (bits(y) & sign).
struct ExpandCopySign : OpRewritePattern<math::CopySignOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(math::CopySignOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    SignBits bits(rewriter, loc, op.getType());
    Value x = arith::BitcastOp::create(rewriter, loc, bits.intType, op.getLhs());
    Value y = arith::BitcastOp::create(rewriter, loc, bits.intType, op.getRhs());
    Value magnitude = arith::XOrIOp::create(
        rewriter, loc, x, arith::AndIOp::create(rewriter, loc, x, bits.signMask));
    Value sign = arith::AndIOp::create(rewriter, loc, y, bits.signMask);
    rewriter.replaceOpWithNewOp<arith::BitcastOp>(
        op, op.getType(), arith::OrIOp::create(rewriter, loc, magnitude, sign));
    return success();
  }
};

/// absf(x) = bits(x) without the sign bit.
struct ExpandAbsF : OpRewritePattern<math::AbsFOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(math::AbsFOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    SignBits bits(rewriter, loc, op.getType());
    Value x =
        arith::BitcastOp::create(rewriter, loc, bits.intType, op.getOperand());
    Value magnitude = arith::XOrIOp::create(
        rewriter, loc, x, arith::AndIOp::create(rewriter, loc, x, bits.signMask));
    rewriter.replaceOpWithNewOp<arith::BitcastOp>(op, op.getType(), magnitude);
    return success();
  }
};

struct ExpandSignOpsPass
    : public quanta::impl::ExpandSignOpsBase<ExpandSignOpsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<ExpandCopySign, ExpandAbsF>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
