//===- ExpandMathForNVVM.cpp - math ops without libdevice -----------------===//
//
// This file implements the expansion of math.copysign and math.absf into
// integer operations on the sign bit, of math.floor through math.trunc, and
// of math.sqrt, math.roundeven and math.round into LLVM's intrinsics, so
// that the NVVM lowering needs no libdevice.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_EXPANDMATHFORNVVM
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

/// floor(x) = t - 1 where x < t, else t, for t = trunc(x) (exact: t is an
/// integer, and t - 1 one too when x < t; NaN, infinities and -0 stay).
struct ExpandFloor : OpRewritePattern<math::FloorOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(math::FloorOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = op.getOperand();
    Value t = math::TruncOp::create(rewriter, loc, x);
    auto element = cast<FloatType>(getElementTypeOrSelf(x));
    Value one = createScalarOrSplatConstant(
        rewriter, loc, x.getType(), APFloat(element.getFloatSemantics(), 1));
    Value below =
        arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OLT, x, t);
    rewriter.replaceOpWithNewOp<arith::SelectOp>(
        op, below, arith::SubFOp::create(rewriter, loc, t, one), t);
    return success();
  }
};

/// sqrt(x), roundeven(x) and round(x) of f32/f64 scalars as calls of LLVM's
/// intrinsics, which the NVPTX backend lowers to PTX's correctly rounded
/// `sqrt.rn`, to `cvt.rni` (to nearest, ties to even) and to an exact
/// half-away expansion. (The NVVM lowering would call __nv_sqrt(f),
/// __nv_rint(f) and __nv_round(f), it refuses llvm.intr.sqrt,
/// llvm.intr.roundeven and llvm.intr.round, and upstream's
/// --math-expand-ops gets round and roundeven wrong for the float just
/// below 0.5, 0.49999997, which it rounds to 1.)
template <typename Op> struct AsIntrinsic : OpRewritePattern<Op> {
  AsIntrinsic(MLIRContext *ctx, StringRef name)
      : OpRewritePattern<Op>(ctx), name(name) {}
  LogicalResult matchAndRewrite(Op op,
                                PatternRewriter &rewriter) const override {
    Type type = op.getType();
    if (!type.isF32() && !type.isF64())
      return failure();
    rewriter.replaceOpWithNewOp<LLVM::CallIntrinsicOp>(
        op, type, rewriter.getStringAttr(name), op.getOperand());
    return success();
  }
  StringRef name;
};

struct ExpandMathForNVVMPass
    : public quanta::impl::ExpandMathForNVVMBase<ExpandMathForNVVMPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<ExpandCopySign, ExpandAbsF, ExpandFloor>(&getContext());
    patterns.add<AsIntrinsic<math::SqrtOp>>(&getContext(), "llvm.sqrt");
    patterns.add<AsIntrinsic<math::RoundEvenOp>>(&getContext(),
                                                 "llvm.roundeven");
    patterns.add<AsIntrinsic<math::RoundOp>>(&getContext(), "llvm.round");
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
