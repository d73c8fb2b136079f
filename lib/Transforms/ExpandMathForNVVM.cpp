//===- ExpandMathForNVVM.cpp - math ops without libdevice -----------------===//
//
// This file implements the expansion of math.copysign and math.absf into
// integer operations on the sign bit, of math.floor through math.trunc, and
// of math.sqrt into the NVVM intrinsic, so that the NVVM lowering needs no
// libdevice.
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

/// sqrt(x) of f32/f64 scalars as the NVVM intrinsic of PTX's correctly
/// rounded `sqrt.rn` (the NVVM lowering would call __nv_sqrt(f), and it
/// refuses llvm.intr.sqrt).
struct ExpandSqrt : OpRewritePattern<math::SqrtOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(math::SqrtOp op,
                                PatternRewriter &rewriter) const override {
    Type type = op.getType();
    StringRef name = type.isF32()   ? "llvm.nvvm.sqrt.rn.f"
                     : type.isF64() ? "llvm.nvvm.sqrt.rn.d"
                                    : "";
    if (name.empty())
      return failure();
    rewriter.replaceOpWithNewOp<LLVM::CallIntrinsicOp>(
        op, type, rewriter.getStringAttr(name), op.getOperand());
    return success();
  }
};

struct ExpandMathForNVVMPass
    : public quanta::impl::ExpandMathForNVVMBase<ExpandMathForNVVMPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<ExpandCopySign, ExpandAbsF, ExpandFloor, ExpandSqrt>(
        &getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
