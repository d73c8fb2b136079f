//===- TosaToQuanta.cpp - int8 tosa.matmul to Quanta ----------------------===//
//
// This file rewrites TOSA 1.0 tosa.matmul on int8 operands (i32 result, zero
// points as tensor<1xi8> operands) into quanta.matmul_integer, and
// tosa.const of integers or floats (such a matmul's weights) into
// arith.constant.
//
//===----------------------------------------------------------------------===//

#include "quanta/Conversion/Passes.h"
#include "quanta/Dialect/Quanta/QuantaOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_CONVERTTOSATOQUANTA
#include "quanta/Conversion/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;
using namespace mlir::quanta;

namespace {

/// Lower tosa.matmul (int8 x int8 -> i32, ranked) to quanta.matmul_integer.
struct MatMulToQuanta : public OpRewritePattern<tosa::MatMulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tosa::MatMulOp op,
                                PatternRewriter &rewriter) const override {
    auto aType = dyn_cast<RankedTensorType>(op.getA().getType());
    auto bType = dyn_cast<RankedTensorType>(op.getB().getType());
    auto outType = dyn_cast<RankedTensorType>(op.getType());
    if (!aType || !bType || !outType ||
        !aType.getElementType().isSignlessInteger(8) ||
        !bType.getElementType().isSignlessInteger(8) ||
        !outType.getElementType().isSignlessInteger(32))
      return rewriter.notifyMatchFailure(op, "not int8 x int8 -> i32");
    Location loc = op.getLoc();
    auto zeroPoint = [&](Value zp, FailureOr<int64_t> constant) -> Value {
      if (failed(constant))
        return zp; // a run-time tensor<1xi8>: one value, per tensor
      if (*constant == 0)
        return Value();
      auto type = RankedTensorType::get({}, rewriter.getI8Type());
      return arith::ConstantOp::create(
          rewriter, loc,
          DenseElementsAttr::get(
              type, rewriter.getIntegerAttr(rewriter.getI8Type(), *constant)));
    };
    Value za = zeroPoint(op.getAZp(), op.getAZeroPoint());
    Value zb = zeroPoint(op.getBZp(), op.getBZeroPoint());
    Value b = op.getB();
    // A b of batch 1 serves every batch of a.
    if (bType.getDimSize(0) == 1 && aType.getDimSize(0) != 1)
      b = tensor::CollapseShapeOp::create(
          rewriter, loc, b, ArrayRef<ReassociationIndices>{{0, 1}, {2}});
    rewriter.replaceOpWithNewOp<MatmulIntegerOp>(
        op, outType, op.getA(), b, za, zb, /*lhs_unsigned=*/false,
        /*rhs_unsigned=*/false);
    return success();
  }
};

/// tosa.const of integer or float elements as arith.constant.
struct ConstToArith : public OpRewritePattern<tosa::ConstOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tosa::ConstOp op,
                                PatternRewriter &rewriter) const override {
    auto value = dyn_cast<TypedAttr>(op.getValuesAttr());
    Type element = getElementTypeOrSelf(op.getType());
    if (!value || value.getType() != op.getType() ||
        !isa<IntegerType, FloatType>(element))
      return rewriter.notifyMatchFailure(op, "not integers or floats");
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, value);
    return success();
  }
};

struct ConvertTosaToQuantaPass
    : public quanta::impl::ConvertTosaToQuantaBase<ConvertTosaToQuantaPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateTosaToQuantaConversionPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void mlir::quanta::populateTosaToQuantaConversionPatterns(
    RewritePatternSet &patterns) {
  patterns.add<ConstToArith, MatMulToQuanta>(patterns.getContext());
}
