//===- LinalgToQuanta.cpp - Integer linalg matmuls to Quanta --------------===//
//
// This file rewrites the i8 x i8 -> i32 matmuls frontends emit as named
// linalg ops (quantized_matmul, quantized_batch_matmul, matmul,
// batch_matmul) into quanta.matmul_integer, whose lowering uses the u8 x s8
// VNNI kernel. Forms it cannot express exactly are left to linalg.
//
//===----------------------------------------------------------------------===//

#include "quanta/Conversion/Passes.h"
#include "quanta/Dialect/Quanta/QuantaOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_CONVERTLINALGTOQUANTA
#include "quanta/Conversion/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;
using namespace mlir::quanta;

namespace {

bool isI8Tensor(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getElementType().isSignlessInteger(8);
}

/// Whether `op` is on tensors with i8 x i8 inputs (the first two) and an i32
/// tensor output.
bool hasI8MatmulTypes(linalg::LinalgOp op) {
  if (!op.hasPureTensorSemantics() || op.getNumDpsInits() != 1)
    return false;
  auto out = dyn_cast<RankedTensorType>(op.getDpsInits()[0].getType());
  return isI8Tensor(op.getDpsInputs()[0].getType()) &&
         isI8Tensor(op.getDpsInputs()[1].getType()) && out &&
         out.getElementType().isSignlessInteger(32);
}

/// Whether `init` is all zeros (a zero splat constant or a zero fill).
bool isZeroInit(Value init) {
  if (matchPattern(init, m_Zero()))
    return true;
  auto fill = init.getDefiningOp<linalg::FillOp>();
  return fill && fill.hasPureTensorSemantics() &&
         matchPattern(fill.getInputs()[0], m_Zero());
}

/// Creates the matmul_integer and adds the linalg op's `init` to it unless
/// `init` is zero; replaces `op`.
void replaceWithMatmulInteger(PatternRewriter &rewriter, linalg::LinalgOp op,
                              Value lhs, Value rhs, Value lhsZp, Value rhsZp,
                              bool isUnsigned) {
  Location loc = op.getLoc();
  Value init = op.getDpsInits()[0];
  auto resultType = cast<RankedTensorType>(init.getType());
  auto matmul = MatmulIntegerOp::create(rewriter, loc, resultType, lhs, rhs,
                                        lhsZp, rhsZp, isUnsigned, isUnsigned);
  Value result = matmul.getResult();
  if (!isZeroInit(init)) {
    // result = init + sum: the same i32 value, modulo 2^32, as accumulating
    // into init.
    unsigned rank = resultType.getRank();
    AffineMap id = rewriter.getMultiDimIdentityMap(rank);
    Value empty = tensor::EmptyOp::create(
        rewriter, loc, tensor::getMixedSizes(rewriter, loc, init),
        resultType.getElementType());
    result = linalg::GenericOp::create(
                 rewriter, loc, TypeRange{resultType}, ValueRange{init, result},
                 ValueRange{empty}, ArrayRef<AffineMap>{id, id, id},
                 SmallVector<utils::IteratorType>(
                     rank, utils::IteratorType::parallel),
                 [&](OpBuilder &b, Location l, ValueRange e) {
                   linalg::YieldOp::create(
                       b, l, ValueRange{arith::AddIOp::create(b, l, e[0], e[1])});
                 })
                 .getResult(0);
  }
  rewriter.replaceOp(op, result);
}

/// quantized_matmul's scalar zero point as an int8 value: a constant (after
/// the op's signed cast to i32) in [-128, 127], or the i8 operand of an
/// arith.extsi.
struct Int8ZeroPoint {
  int64_t constant = 0;
  Value i8Value;

  /// Fails when `zp` is neither form.
  static FailureOr<Int8ZeroPoint> match(Value zp) {
    Int8ZeroPoint result;
    APInt value;
    if (matchPattern(zp, m_ConstantInt(&value))) {
      result.constant = value.sextOrTrunc(32).getSExtValue();
      if (result.constant < -128 || result.constant > 127)
        return failure();
      return result;
    }
    if (auto ext = zp.getDefiningOp<arith::ExtSIOp>())
      if (ext.getIn().getType().isSignlessInteger(8)) {
        result.i8Value = ext.getIn();
        return result;
      }
    return failure();
  }

  /// The `tensor<i8>` zero point, or a null Value for a constant 0.
  Value materialize(PatternRewriter &rewriter, Location loc) const {
    auto type = RankedTensorType::get({}, rewriter.getI8Type());
    if (i8Value)
      return tensor::FromElementsOp::create(rewriter, loc, type,
                                            ValueRange{i8Value});
    if (constant == 0)
      return Value();
    return arith::ConstantOp::create(
        rewriter, loc,
        DenseElementsAttr::get(
            type, rewriter.getIntegerAttr(rewriter.getI8Type(), constant)));
  }
};

/// Lower linalg.quantized_matmul and linalg.quantized_batch_matmul (signed
/// operands, scalar zero points) to quanta.matmul_integer.
template <typename OpTy>
struct QuantizedMatmulToQuanta : public OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    auto linalgOp = cast<linalg::LinalgOp>(op.getOperation());
    if (!hasI8MatmulTypes(linalgOp))
      return rewriter.notifyMatchFailure(op, "not i8 x i8 -> i32 on tensors");
    SmallVector<Value> inputs = linalgOp.getDpsInputs();
    FailureOr<Int8ZeroPoint> za = Int8ZeroPoint::match(inputs[2]);
    FailureOr<Int8ZeroPoint> zb = Int8ZeroPoint::match(inputs[3]);
    if (failed(za) || failed(zb))
      return rewriter.notifyMatchFailure(op, "zero point not an int8");
    Value lhsZp = za->materialize(rewriter, op.getLoc());
    Value rhsZp = zb->materialize(rewriter, op.getLoc());
    replaceWithMatmulInteger(rewriter, linalgOp, inputs[0], inputs[1], lhsZp,
                             rhsZp, /*isUnsigned=*/false);
    return success();
  }
};

/// Lower linalg.matmul and linalg.batch_matmul on i8 -> i32 with the default
/// indexing maps to quanta.matmul_integer (signed, or unsigned with
/// `cast_unsigned`).
template <typename OpTy>
struct IntegerMatmulToQuanta : public OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    auto linalgOp = cast<linalg::LinalgOp>(op.getOperation());
    if (!hasI8MatmulTypes(linalgOp))
      return rewriter.notifyMatchFailure(op, "not i8 x i8 -> i32 on tensors");
    if (op.hasUserDefinedMaps())
      return rewriter.notifyMatchFailure(op, "transposed or broadcast");
    SmallVector<Value> inputs = linalgOp.getDpsInputs();
    replaceWithMatmulInteger(rewriter, linalgOp, inputs[0], inputs[1],
                             Value(), Value(),
                             op.getCast() == linalg::TypeFn::cast_unsigned);
    return success();
  }
};

struct ConvertLinalgToQuantaPass
    : public quanta::impl::ConvertLinalgToQuantaBase<
          ConvertLinalgToQuantaPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateLinalgToQuantaConversionPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void mlir::quanta::populateLinalgToQuantaConversionPatterns(
    RewritePatternSet &patterns) {
  patterns.add<QuantizedMatmulToQuanta<linalg::QuantizedMatmulOp>,
               QuantizedMatmulToQuanta<linalg::QuantizedBatchMatmulOp>,
               IntegerMatmulToQuanta<linalg::MatmulOp>,
               IntegerMatmulToQuanta<linalg::BatchMatmulOp>>(
      patterns.getContext());
}
