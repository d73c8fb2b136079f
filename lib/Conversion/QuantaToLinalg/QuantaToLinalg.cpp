//===- QuantaToLinalg.cpp - Quanta ops to linalg.generic ------------------===//
//
// This file lowers the element-wise Quanta ops (quantize, dequantize,
// fake_quant, requantize, cast) and compute_params to linalg.generic ops on
// tensors. Parameters are read through indexing maps that encode the
// granularity (per tensor: `()`, per channel: `(d_axis)`, per group:
// `(..., d_axis floordiv group_size, ...)`); the bodies come from
// ScalarNumerics, which mirrors the reference library.
//
//===----------------------------------------------------------------------===//

#include "ScalarNumerics.h"
#include "quanta/Conversion/Passes.h"
#include "quanta/Dialect/Quanta/QuantaOps.h"
#include "quanta/Transforms/Markers.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_CONVERTQUANTATOLINALG
#include "quanta/Conversion/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;
using namespace mlir::quanta;

namespace {

using BodyBuilder =
    function_ref<Value(OpBuilder &, Location, ValueRange /*elements*/)>;

/// The map from the data's loops to a parameter of type `paramType`.
AffineMap getParamMap(MLIRContext *ctx, SchemeAttr scheme, unsigned rank,
                      RankedTensorType paramType) {
  switch (scheme.getGranularity()) {
  case Granularity::per_tensor:
    if (paramType.getRank() == 0)
      return AffineMap::get(rank, 0, ctx);
    return AffineMap::get(rank, 0, getAffineConstantExpr(0, ctx));
  case Granularity::per_channel:
    return AffineMap::get(rank, 0, getAffineDimExpr(scheme.getAxis(), ctx));
  case Granularity::per_group: {
    SmallVector<AffineExpr> exprs;
    for (unsigned d = 0; d < rank; ++d)
      exprs.push_back(getAffineDimExpr(d, ctx));
    exprs[scheme.getAxis()] =
        exprs[scheme.getAxis()].floorDiv(scheme.getGroupSize());
    return AffineMap::get(rank, 0, exprs, ctx);
  }
  }
  llvm_unreachable("unknown granularity");
}

/// The map of a requantize parameter: rank 0, or rank 1 along `axis`.
AffineMap getRequantizeParamMap(MLIRContext *ctx, unsigned rank, Value param,
                                std::optional<int64_t> axis) {
  if (cast<RankedTensorType>(param.getType()).getRank() == 0)
    return AffineMap::get(rank, 0, ctx);
  return AffineMap::get(rank, 0, getAffineDimExpr(*axis, ctx));
}

/// Creates a linalg.generic over `data` (plus `params` read through
/// `paramMaps`) producing a tensor of `resultType`, element by element: into
/// a new tensor, or in place of `update` (of `resultType`), whose element the
/// body then gets after the others.
Value buildElementwise(OpBuilder &b, Location loc, Value data,
                       ArrayRef<Value> params, ArrayRef<AffineMap> paramMaps,
                       RankedTensorType resultType, BodyBuilder body,
                       Value update = {}) {
  unsigned rank = resultType.getRank();
  Value init =
      update
          ? update
          : tensor::EmptyOp::create(b, loc, tensor::getMixedSizes(b, loc, data),
                                    resultType.getElementType());
  SmallVector<Value> inputs{data};
  llvm::append_range(inputs, params);
  SmallVector<AffineMap> maps{b.getMultiDimIdentityMap(rank)};
  llvm::append_range(maps, paramMaps);
  maps.push_back(b.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{resultType}, inputs, ValueRange{init}, maps, iterators,
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        linalg::YieldOp::create(
            nb, nloc, body(nb, nloc, update ? args : args.drop_back()));
      });
  return generic.getResult(0);
}

/// Collects (scale, zero point) and their maps for a quantization op.
struct Params {
  SmallVector<Value> values;
  SmallVector<AffineMap> maps;
};

Params getParams(SchemeAttr scheme, unsigned rank, Value scale,
                 Value zeroPoint) {
  MLIRContext *ctx = scale.getContext();
  Params params;
  for (Value v : {scale, zeroPoint}) {
    if (!v)
      continue;
    params.values.push_back(v);
    params.maps.push_back(
        getParamMap(ctx, scheme, rank, cast<RankedTensorType>(v.getType())));
  }
  return params;
}

/// Computes one element of a quantize/dequantize/fake_quant op from its
/// input element, scale and zero point (null when symmetric).
using QuantBody = Value (*)(OpBuilder &, Location, SchemeAttr, Value, Value,
                            Value);

/// Lower quanta.quantize, quanta.dequantize and quanta.fake_quant to a
/// linalg.generic whose body is `Body`, with the scale and zero point read
/// through the granularity's maps.
template <typename OpTy, QuantBody Body>
struct QuantizationOpLowering : public OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    SchemeAttr scheme = op.getScheme();
    Params params = getParams(scheme, op.getType().getRank(), op.getScale(),
                              op.getZeroPoint());
    bool hasZp = static_cast<bool>(op.getZeroPoint());
    rewriter.replaceOp(
        op, buildElementwise(rewriter, op.getLoc(), op.getInput(),
                             params.values, params.maps, op.getType(),
                             [&](OpBuilder &b, Location loc, ValueRange e) {
                               return Body(b, loc, scheme, e[0], e[1],
                                           hasZp ? e[2] : Value());
                             }));
    return success();
  }
};

/// fake_quant's element: dequantize(quantize(x)).
Value buildFakeQuant(OpBuilder &b, Location loc, SchemeAttr scheme, Value x,
                     Value scale, Value zeroPoint) {
  Value q = buildQuantize(b, loc, scheme, x, scale, zeroPoint);
  return buildDequantize(b, loc, scheme, q, scale, zeroPoint);
}

/// Lower quanta.requantize to a linalg.generic.
struct RequantizeOpLowering : public OpRewritePattern<RequantizeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(RequantizeOp op,
                                PatternRewriter &rewriter) const override {
    MLIRContext *ctx = op.getContext();
    unsigned rank = op.getType().getRank();
    SmallVector<Value> params;
    SmallVector<AffineMap> maps;
    std::array<Value, 4> optional = {op.getMultiplier(), op.getShift(),
                                     op.getInputZp(), op.getOutputZp()};
    for (Value v : optional) {
      if (!v)
        continue;
      params.push_back(v);
      maps.push_back(getRequantizeParamMap(ctx, rank, v, op.getAxis()));
    }
    rewriter.replaceOp(
        op, buildElementwise(
                rewriter, op.getLoc(), op.getInput(), params, maps,
                op.getType(), [&](OpBuilder &b, Location loc, ValueRange e) {
                  // Map the present parameters back to their roles.
                  std::array<Value, 4> values;
                  unsigned next = 1;
                  for (auto [i, v] : llvm::enumerate(optional))
                    if (v)
                      values[i] = e[next++];
                  return buildRequantize(b, loc, op, e[0], values[0],
                                         values[1], values[2], values[3]);
                }));
    return success();
  }
};

/// Lower quanta.cast to a linalg.generic.
struct CastOpLowering : public OpRewritePattern<CastOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(CastOp op,
                                PatternRewriter &rewriter) const override {
    unsigned rank = op.getType().getRank();
    SmallVector<Value> params;
    SmallVector<AffineMap> maps;
    if (Value scale = op.getScale()) {
      params.push_back(scale);
      maps.push_back(AffineMap::get(rank, 0, op.getContext()));
    }
    Type target = op.getType().getElementType();
    bool saturate = op.getSaturate();
    rewriter.replaceOp(
        op, buildElementwise(rewriter, op.getLoc(), op.getInput(), params,
                             maps, op.getType(),
                             [&](OpBuilder &b, Location loc, ValueRange e) {
                               return buildCastFloat(
                                   b, loc, e[0],
                                   e.size() > 1 ? e[1] : Value(), target,
                                   saturate);
                             }));
    return success();
  }
};

/// Splits dimension `dim` of `value` into [size / blockSize, blockSize], or
/// into [1, size] without a block size.
Value splitDim(OpBuilder &b, Location loc, Value value, int64_t dim,
               std::optional<int64_t> blockSize) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape;
  SmallVector<ReassociationIndices> reassociation;
  SmallVector<OpFoldResult> sizes;
  for (int64_t d = 0; d < type.getRank(); ++d) {
    OpFoldResult size = tensor::getMixedSize(b, loc, value, d);
    int64_t next = shape.size();
    if (d != dim) {
      reassociation.push_back({next});
      shape.push_back(type.getDimSize(d));
      sizes.push_back(size);
      continue;
    }
    reassociation.push_back({next, next + 1});
    if (!blockSize) {
      shape.append({1, type.getDimSize(d)});
      sizes.append({b.getIndexAttr(1), size});
      continue;
    }
    if (type.isDynamicDim(d)) {
      shape.push_back(ShapedType::kDynamic);
      sizes.push_back(
          arith::DivUIOp::create(b, loc, cast<Value>(size),
                                 arith::ConstantIndexOp::create(b, loc,
                                                                *blockSize))
              .getResult());
    } else {
      shape.push_back(type.getDimSize(d) / *blockSize);
      sizes.push_back(b.getIndexAttr(type.getDimSize(d) / *blockSize));
    }
    shape.push_back(*blockSize);
    sizes.push_back(b.getIndexAttr(*blockSize));
  }
  return tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), value,
      reassociation, sizes);
}

//===----------------------------------------------------------------------===//
// compute_params
//===----------------------------------------------------------------------===//

/// The data of a compute_params op arranged so that each parameter's set is
/// the reduction over the loops not in `paramDims`.
struct ReductionView {
  Value data;
  SmallVector<unsigned> paramDims;
};

ReductionView getReductionView(OpBuilder &b, Location loc, Value input,
                               SchemeAttr scheme) {
  auto type = cast<RankedTensorType>(input.getType());
  ReductionView view{input, {}};
  switch (scheme.getGranularity()) {
  case Granularity::per_tensor:
    return view;
  case Granularity::per_channel:
    view.paramDims.push_back(scheme.getAxis());
    return view;
  case Granularity::per_group:
    break;
  }
  // Split the grouped axis into [groups, group_size].
  int64_t axis = scheme.getAxis();
  view.data = splitDim(b, loc, input, axis, scheme.getGroupSize());
  for (int64_t d = 0; d < type.getRank() + 1; ++d)
    if (d != axis + 1)
      view.paramDims.push_back(d);
  return view;
}

/// Reduces `view` into tensors of the parameter shape, one per `inits`
/// element type/initial value, with `body(element, accumulators)` returning
/// the new accumulators. `extra` inputs are read per parameter.
SmallVector<Value> buildReduction(
    OpBuilder &b, Location loc, const ReductionView &view,
    ArrayRef<TypedAttr> inits, ArrayRef<Value> extra,
    function_ref<SmallVector<Value>(OpBuilder &, Location, ValueRange)> body) {
  auto type = cast<RankedTensorType>(view.data.getType());
  unsigned rank = type.getRank();
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> paramExprs;
  SmallVector<OpFoldResult> paramSizes;
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::reduction);
  for (unsigned d : view.paramDims) {
    paramExprs.push_back(getAffineDimExpr(d, ctx));
    paramSizes.push_back(tensor::getMixedSize(b, loc, view.data, d));
    iterators[d] = utils::IteratorType::parallel;
  }
  AffineMap paramMap = AffineMap::get(rank, 0, paramExprs, ctx);
  SmallVector<Value> outs;
  SmallVector<Type> resultTypes;
  for (TypedAttr init : inits) {
    Value empty = tensor::EmptyOp::create(b, loc, paramSizes, init.getType());
    Value value = arith::ConstantOp::create(b, loc, init);
    outs.push_back(
        linalg::FillOp::create(b, loc, value, empty).getResult(0));
    resultTypes.push_back(outs.back().getType());
  }
  SmallVector<Value> inputs{view.data};
  llvm::append_range(inputs, extra);
  SmallVector<AffineMap> maps{b.getMultiDimIdentityMap(rank)};
  maps.append(extra.size() + outs.size(), paramMap);
  auto generic = linalg::GenericOp::create(
      b, loc, resultTypes, inputs, outs, maps, iterators,
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        linalg::YieldOp::create(nb, nloc, body(nb, nloc, args));
      });
  return SmallVector<Value>(generic.getResults());
}

Value f32Const(OpBuilder &b, Location loc, double v) {
  return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(v));
}

Value f64Const(OpBuilder &b, Location loc, double v) {
  return arith::ConstantOp::create(b, loc, b.getF64FloatAttr(v));
}

/// `a < b ? b : a` (std::max) and `b < a ? b : a` (std::min) on floats.
Value stdMax(OpBuilder &b, Location loc, Value x, Value y) {
  Value less = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, y);
  return arith::SelectOp::create(b, loc, less, y, x);
}
Value stdMin(OpBuilder &b, Location loc, Value x, Value y) {
  Value less = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, y, x);
  return arith::SelectOp::create(b, loc, less, y, x);
}

Value i32Const(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantOp::create(b, loc,
                                   b.getI32IntegerAttr(static_cast<int32_t>(v)));
}

/// Flips the magnitude bits of negative i32 values: maps f32 bits to a
/// signed integer that orders like the floats (NaN aside, -0 < +0), and back.
Value flipNegative(OpBuilder &b, Location loc, Value bits) {
  Value negative = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt,
                                         bits, i32Const(b, loc, 0));
  return arith::SelectOp::create(
      b, loc, negative,
      arith::XOrIOp::create(b, loc, bits, i32Const(b, loc, 0x7FFFFFFF)), bits);
}

Value signedOrderKey(OpBuilder &b, Location loc, Value x) {
  return flipNegative(b, loc,
                      arith::BitcastOp::create(b, loc, b.getI32Type(), x));
}

Value fromSignedOrderKey(OpBuilder &b, Location loc, Value key) {
  return arith::BitcastOp::create(b, loc, b.getF32Type(),
                                  flipNegative(b, loc, key));
}

Value isNaN(OpBuilder &b, Location loc, Value v) {
  return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, v, v);
}

/// Elementwise op over parameter-shaped tensors (in place of `update`, as
/// buildElementwise).
Value buildParamwise(OpBuilder &b, Location loc, ArrayRef<Value> operands,
                     Type resultElement, BodyBuilder body, Value update = {}) {
  auto type = cast<RankedTensorType>(operands.front().getType());
  AffineMap id = b.getMultiDimIdentityMap(type.getRank());
  SmallVector<AffineMap> maps(operands.size() - 1, id);
  return buildElementwise(b, loc, operands.front(), operands.drop_front(), maps,
                          type.clone(resultElement), body, update);
}

/// The order-preserving unsigned key of f32 bits (|x| when `absolute`).
Value orderKey(OpBuilder &b, Location loc, Value x, bool absolute) {
  Type i32 = b.getI32Type();
  auto c = [&](uint32_t v) {
    return arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(int32_t(v)));
  };
  Value bits = arith::BitcastOp::create(b, loc, i32, x);
  if (absolute) {
    Value magnitude = arith::AndIOp::create(b, loc, bits, c(0x7FFFFFFF));
    Value sign = c(0x80000000);
    return arith::OrIOp::create(b, loc, magnitude, sign);
  }
  // Negative: flip every bit; positive: set the sign bit.
  Value negative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, bits, c(0));
  Value flipped = arith::XOrIOp::create(b, loc, bits, c(0xFFFFFFFF));
  Value signSet = arith::OrIOp::create(b, loc, bits, c(0x80000000));
  return arith::SelectOp::create(b, loc, negative, flipped, signSet);
}

/// The f32 whose order key is `key`.
Value fromOrderKey(OpBuilder &b, Location loc, Value key) {
  auto c = [&](uint32_t v) {
    return arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(int32_t(v)));
  };
  Value positive =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, key, c(0));
  Value signCleared = arith::AndIOp::create(b, loc, key, c(0x7FFFFFFF));
  Value flipped = arith::XOrIOp::create(b, loc, key, c(0xFFFFFFFF));
  Value bits =
      arith::SelectOp::create(b, loc, positive, signCleared, flipped);
  return arith::BitcastOp::create(b, loc, b.getF32Type(), bits);
}

/// The `k`-th smallest (0-based, per parameter; i64 tensor) non-NaN value of
/// each set, exactly: a bitwise binary search for the largest order key K
/// with #{key < K} <= k, one counting pass per bit.
Value selectKth(OpBuilder &b, Location loc, const ReductionView &view,
                Value k, bool absolute) {
  Type i32 = b.getI32Type(), i64 = b.getI64Type();
  Value init = tensor::EmptyOp::create(
      b, loc, tensor::getMixedSizes(b, loc, k), i32);
  Value zero = arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(0));
  init = linalg::FillOp::create(b, loc, zero, init).getResult(0);
  Value lb = arith::ConstantIndexOp::create(b, loc, 0);
  Value ub = arith::ConstantIndexOp::create(b, loc, 32);
  Value step = arith::ConstantIndexOp::create(b, loc, 1);
  auto loop = scf::ForOp::create(
      b, loc, lb, ub, step, ValueRange{init},
      [&](OpBuilder &lb2, Location l, Value iv, ValueRange iter) {
        Value shift = arith::IndexCastOp::create(
            lb2, l, i32,
            arith::SubIOp::create(lb2, l,
                                  arith::ConstantIndexOp::create(lb2, l, 31),
                                  iv));
        Value candidate = buildParamwise(
            lb2, l, {iter[0]}, i32,
            [&](OpBuilder &nb, Location nl, ValueRange e) -> Value {
              Value one =
                  arith::ConstantOp::create(nb, nl, nb.getI32IntegerAttr(1));
              return arith::OrIOp::create(
                  nb, nl, e[0], arith::ShLIOp::create(nb, nl, one, shift));
            });
        Value count = buildReduction(
            lb2, l, view, {lb2.getI64IntegerAttr(0)}, {candidate},
            [&](OpBuilder &nb, Location nl, ValueRange a) -> SmallVector<Value> {
              Value x = buildToF32(nb, nl, a[0]);
              Value ordered = arith::CmpFOp::create(
                  nb, nl, arith::CmpFPredicate::ORD, x, x);
              Value key = orderKey(nb, nl, x, absolute);
              Value less = arith::CmpIOp::create(
                  nb, nl, arith::CmpIPredicate::ult, key, a[1]);
              Value below = arith::AndIOp::create(nb, nl, ordered, less);
              return {arith::AddIOp::create(
                  nb, nl, a[2], arith::ExtUIOp::create(nb, nl, i64, below))};
            })[0];
        // The next key, computed in place of the previous one (the loop
        // then updates one buffer instead of allocating one per step,
        // which the GPU target could not do).
        Value next = buildParamwise(
            lb2, l, {count, k, candidate}, i32,
            [&](OpBuilder &nb, Location nl, ValueRange e) -> Value {
              Value fits = arith::CmpIOp::create(
                  nb, nl, arith::CmpIPredicate::sle, e[0], e[1]);
              return arith::SelectOp::create(nb, nl, fits, e[2], e[3]);
            },
            /*update=*/iter[0]);
        scf::YieldOp::create(lb2, l, next);
      });
  // `k` gives the shape (the loop's result shape is opaque to shape tracing).
  return buildParamwise(b, loc, {k, loop.getResult(0)}, b.getF32Type(),
                        [&](OpBuilder &nb, Location nl, ValueRange e) {
                          return fromOrderKey(nb, nl, e[1]);
                        });
}

/// numpy's linear-interpolated percentile `p` of each set (ref
/// percentileSorted), in f64; `count` is the number of non-NaN values.
Value buildPercentile(OpBuilder &b, Location loc, const ReductionView &view,
                      Value count, double p, bool absolute) {
  Type i64 = b.getI64Type(), f64 = b.getF64Type();
  // pos = p / 100 * (n - 1); i = floor(pos); the values at i and i + 1
  // (both clamped to n - 1).
  auto index = [&](int64_t offset) {
    return buildParamwise(
        b, loc, {count}, i64,
        [&](OpBuilder &nb, Location nl, ValueRange e) -> Value {
          Value one = arith::ConstantOp::create(nb, nl, nb.getI64IntegerAttr(1));
          Value lastIndex = arith::SubIOp::create(nb, nl, e[0], one);
          Value zero =
              arith::ConstantOp::create(nb, nl, nb.getI64IntegerAttr(0));
          Value last = arith::MaxSIOp::create(nb, nl, lastIndex, zero);
          Value fraction = f64Const(nb, nl, p / 100.0);
          Value lastF = arith::SIToFPOp::create(nb, nl, f64, last);
          Value pos = arith::MulFOp::create(nb, nl, fraction, lastF);
          Value i = arith::FPToSIOp::create(
              nb, nl, i64, math::FloorOp::create(nb, nl, pos));
          i = arith::AddIOp::create(
              nb, nl, i,
              arith::ConstantOp::create(nb, nl, nb.getI64IntegerAttr(offset)));
          return arith::MinSIOp::create(nb, nl, i, last);
        });
  };
  Value a = selectKth(b, loc, view, index(0), absolute);
  Value bValue = selectKth(b, loc, view, index(1), absolute);
  return buildParamwise(
      b, loc, {a, bValue, count}, f64,
      [&](OpBuilder &nb, Location nl, ValueRange e) -> Value {
        Value av = arith::ExtFOp::create(nb, nl, f64, e[0]);
        Value bv = arith::ExtFOp::create(nb, nl, f64, e[1]);
        if (absolute) {
          av = math::AbsFOp::create(nb, nl, av);
          bv = math::AbsFOp::create(nb, nl, bv);
        }
        Value last = arith::SubIOp::create(
            nb, nl, e[2],
            arith::ConstantOp::create(nb, nl, nb.getI64IntegerAttr(1)));
        Value fraction = f64Const(nb, nl, p / 100.0);
        Value lastF = arith::SIToFPOp::create(nb, nl, f64, last);
        Value pos = arith::MulFOp::create(nb, nl, fraction, lastF);
        Value lo = math::FloorOp::create(nb, nl, pos);
        lo = arith::MaximumFOp::create(nb, nl, lo, f64Const(nb, nl, 0.0));
        Value t = arith::SubFOp::create(nb, nl, pos, lo);
        Value diff = arith::SubFOp::create(nb, nl, bv, av);
        Value fromB = arith::SubFOp::create(
            nb, nl, bv,
            arith::MulFOp::create(
                nb, nl, diff,
                arith::SubFOp::create(nb, nl, f64Const(nb, nl, 1.0), t)));
        Value fromA = arith::AddFOp::create(
            nb, nl, av, arith::MulFOp::create(nb, nl, diff, t));
        Value upper = arith::CmpFOp::create(nb, nl, arith::CmpFPredicate::OGE,
                                            t, f64Const(nb, nl, 0.5));
        Value r = arith::SelectOp::create(nb, nl, upper, fromB, fromA);
        // The last index (i >= n - 1) takes the largest value as is.
        Value one = arith::ConstantOp::create(nb, nl, nb.getI64IntegerAttr(1));
        Value loIndex = arith::FPToSIOp::create(nb, nl, nb.getI64Type(), lo);
        Value lastIndex = arith::SubIOp::create(nb, nl, e[2], one);
        Value atEnd = arith::CmpIOp::create(
            nb, nl, arith::CmpIPredicate::sge, loIndex, lastIndex);
        return arith::SelectOp::create(nb, nl, atEnd, bv, r);
      });
}

/// (rmin, rmax) of the percentile method (ref::measureRange).
std::pair<Value, Value> buildPercentileRange(OpBuilder &b, Location loc,
                                             ComputeParamsOp op,
                                             const ReductionView &view) {
  Type f32 = b.getF32Type();
  double p = op.getPercentile()->convertToDouble();
  Value count = buildReduction(
      b, loc, view, {b.getI64IntegerAttr(0)}, {},
      [&](OpBuilder &nb, Location nl, ValueRange a) -> SmallVector<Value> {
        Value x = buildToF32(nb, nl, a[0]);
        Value valid =
            arith::CmpFOp::create(nb, nl, arith::CmpFPredicate::ORD, x, x);
        return {arith::AddIOp::create(
            nb, nl, a[1],
            arith::ExtUIOp::create(nb, nl, nb.getI64Type(), valid))};
      })[0];
  // An empty set has the range [0, 0].
  auto finish = [&](Value value) {
    return buildParamwise(
        b, loc, {value, count}, f32,
        [&](OpBuilder &nb, Location nl, ValueRange e) -> Value {
          Value r = arith::TruncFOp::create(nb, nl, f32, e[0]);
          Value empty = arith::CmpIOp::create(
              nb, nl, arith::CmpIPredicate::eq, e[1],
              arith::ConstantOp::create(nb, nl, nb.getI64IntegerAttr(0)));
          return arith::SelectOp::create(nb, nl, empty, f32Const(nb, nl, 0.0),
                                         r);
        });
  };
  auto paramwise = [&](Value value, Type type, auto fn) {
    return buildParamwise(b, loc, {value}, type,
                          [&](OpBuilder &nb, Location nl, ValueRange e) {
                            return fn(nb, nl, e[0]);
                          });
  };
  if (op.getScheme().getSymmetric()) {
    // rmax = float(pct(|x|, p)), rmin = -rmax.
    Value rmax = finish(buildPercentile(b, loc, view, count, p, true));
    Value rmin = paramwise(rmax, f32, [](OpBuilder &nb, Location nl, Value v) {
      return arith::NegFOp::create(nb, nl, v).getResult();
    });
    return std::make_pair(rmin, rmax);
  }
  // rmin = float(min(0, pct(x, 100 - p))), rmax = float(max(0, pct(x, p))).
  Type f64 = b.getF64Type();
  Value lo = paramwise(
      buildPercentile(b, loc, view, count, 100.0 - p, false), f64,
      [](OpBuilder &nb, Location nl, Value v) {
        return stdMin(nb, nl, f64Const(nb, nl, 0.0), v);
      });
  Value hi = paramwise(
      buildPercentile(b, loc, view, count, p, false), f64,
      [](OpBuilder &nb, Location nl, Value v) {
        return stdMax(nb, nl, f64Const(nb, nl, 0.0), v);
      });
  Value first = finish(lo);
  Value second = finish(hi);
  return std::make_pair(first, second);
}

/// Computes (rmin, rmax) per parameter (ref::measureRange), as f32 tensors.
std::pair<Value, Value> buildRange(OpBuilder &b, Location loc,
                                   ComputeParamsOp op,
                                   const ReductionView &view) {
  Type f32 = b.getF32Type(), f64 = b.getF64Type();
  switch (op.getMethod()) {
  case ParamsMethod::max_abs: {
    // max |x| over the non-NaN values (std::max from +0), as an integer max
    // of the magnitude bits, which orders like the floats and vectorizes.
    Value amax = buildReduction(
        b, loc, view, {b.getI32IntegerAttr(0)}, {},
        [&](OpBuilder &nb, Location nl, ValueRange a) -> SmallVector<Value> {
          Value raw = arith::BitcastOp::create(nb, nl, nb.getI32Type(),
                                               buildToF32(nb, nl, a[0]));
          Value mask = i32Const(nb, nl, 0x7FFFFFFF);
          Value bits = arith::AndIOp::create(nb, nl, raw, mask);
          Value nan = arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::sgt,
                                            bits, i32Const(nb, nl, 0x7F800000));
          bits = arith::SelectOp::create(nb, nl, nan, i32Const(nb, nl, 0),
                                         bits);
          return {arith::MaxSIOp::create(nb, nl, a[1], bits)};
        })[0];
    Value rmax = buildParamwise(
        b, loc, {amax}, f32,
        [&](OpBuilder &nb, Location nl, ValueRange e) -> Value {
          return arith::BitcastOp::create(nb, nl, f32, e[0]);
        });
    Value rmin = buildParamwise(
        b, loc, {rmax}, f32,
        [](OpBuilder &nb, Location nl, ValueRange e) -> Value {
          return arith::NegFOp::create(nb, nl, e[0]);
        });
    return std::make_pair(rmin, rmax);
  }
  case ParamsMethod::min_max: {
    // min(0, min x) and max(0, max x) over the non-NaN values (std::min and
    // std::max from +0), as integer min/max of order keys of x + 0 (which
    // maps -0 to +0); NaN maps to the key of 0, which the range contains.
    SmallVector<Value> range = buildReduction(
        b, loc, view, {b.getI32IntegerAttr(0), b.getI32IntegerAttr(0)}, {},
        [&](OpBuilder &nb, Location nl, ValueRange a) -> SmallVector<Value> {
          Value in = buildToF32(nb, nl, a[0]);
          Value zero = f32Const(nb, nl, 0.0);
          Value x = arith::AddFOp::create(nb, nl, in, zero);
          Value key = signedOrderKey(nb, nl, x);
          Value nan = isNaN(nb, nl, x);
          Value zeroKey = i32Const(nb, nl, 0);
          key = arith::SelectOp::create(nb, nl, nan, zeroKey, key);
          return {arith::MinSIOp::create(nb, nl, a[1], key),
                  arith::MaxSIOp::create(nb, nl, a[2], key)};
        });
    auto fromKey = [&](Value keys) {
      return buildParamwise(
          b, loc, {keys}, f32,
          [&](OpBuilder &nb, Location nl, ValueRange e) -> Value {
            return fromSignedOrderKey(nb, nl, e[0]);
          });
    };
    Value first = fromKey(range[0]);
    Value second = fromKey(range[1]);
    return std::make_pair(first, second);
  }
  case ParamsMethod::mean_std: {
    // Two passes in f64 over the non-NaN values, in element order.
    SmallVector<Value> sums = buildReduction(
        b, loc, view, {b.getF64FloatAttr(0.0), b.getF64FloatAttr(0.0)}, {},
        [&](OpBuilder &nb, Location nl, ValueRange a) -> SmallVector<Value> {
          Value x = arith::ExtFOp::create(nb, nl, f64, buildToF32(nb, nl, a[0]));
          Value nan = isNaN(nb, nl, x);
          Value sum = arith::SelectOp::create(
              nb, nl, nan, a[1], arith::AddFOp::create(nb, nl, a[1], x));
          Value count = arith::SelectOp::create(
              nb, nl, nan, a[2],
              arith::AddFOp::create(nb, nl, a[2], f64Const(nb, nl, 1.0)));
          return {sum, count};
        });
    Value mean = buildParamwise(
        b, loc, {sums[0], sums[1]}, f64,
        [](OpBuilder &nb, Location nl, ValueRange e) -> Value {
          return arith::DivFOp::create(nb, nl, e[0], e[1]);
        });
    Value squares = buildReduction(
        b, loc, view, {b.getF64FloatAttr(0.0)}, {mean},
        [&](OpBuilder &nb, Location nl, ValueRange a) -> SmallVector<Value> {
          Value x = arith::ExtFOp::create(nb, nl, f64, buildToF32(nb, nl, a[0]));
          Value d = arith::SubFOp::create(nb, nl, x, a[1]);
          Value sq = arith::AddFOp::create(
              nb, nl, a[2], arith::MulFOp::create(nb, nl, d, d));
          return {arith::SelectOp::create(nb, nl, isNaN(nb, nl, x), a[2], sq)};
        })[0];
    double k = op.getK()->convertToDouble();
    auto bound = [&](bool upper) {
      return buildParamwise(
          b, loc, {mean, squares, sums[1]}, f32,
          [&](OpBuilder &nb, Location nl, ValueRange e) -> Value {
            Value sd = math::SqrtOp::create(
                nb, nl, arith::DivFOp::create(nb, nl, e[1], e[2]));
            Value ksd = arith::MulFOp::create(nb, nl, f64Const(nb, nl, k), sd);
            Value v = upper ? arith::AddFOp::create(nb, nl, e[0], ksd)
                                  .getResult()
                            : arith::SubFOp::create(nb, nl, e[0], ksd)
                                  .getResult();
            // rmin = lo < 0 ? lo : 0 (rmax = hi > 0 ? hi : 0), NaN stays.
            Value zero64 = f64Const(nb, nl, 0.0);
            Value keep = arith::CmpFOp::create(
                nb, nl,
                upper ? arith::CmpFPredicate::UGT : arith::CmpFPredicate::ULT,
                v, zero64);
            Value r = arith::TruncFOp::create(
                nb, nl, f32, arith::SelectOp::create(nb, nl, keep, v, zero64));
            // No values at all: the range is [0, 0].
            Value empty = arith::CmpFOp::create(
                nb, nl, arith::CmpFPredicate::OEQ, e[2], zero64);
            return arith::SelectOp::create(nb, nl, empty, f32Const(nb, nl, 0.0),
                                           r);
          });
    };
    Value first = bound(false);
    Value second = bound(true);
    return std::make_pair(first, second);
  }
  case ParamsMethod::percentile:
    return buildPercentileRange(b, loc, op, view);
  }
  llvm_unreachable("unknown method");
}

/// Lower quanta.compute_params to reductions and a parameter epilogue.
struct ComputeParamsOpLowering : public OpRewritePattern<ComputeParamsOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ComputeParamsOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    SchemeAttr scheme = op.getScheme();
    ReductionView view = getReductionView(rewriter, loc, op.getInput(), scheme);
    std::pair<Value, Value> range = buildRange(rewriter, loc, op, view);
    Type expressed = scheme.getExpressed();

    // ref::paramsFromRange / ref::floatScaleFromRange.
    auto scaleBody = [&](OpBuilder &b, Location l, Value rmin,
                         Value rmax) -> Value {
      Value scale;
      if (scheme.getSymmetric()) {
        double qmax =
            scheme.isIntegerStorage()
                ? double((int64_t(1) << (scheme.getStorageWidth() - 1)) - 1)
                : llvm::APFloat::getLargest(
                      cast<FloatType>(scheme.getStorage()).getFloatSemantics())
                      .convertToDouble();
        Value amax = stdMax(b, l, arith::NegFOp::create(b, l, rmin), rmax);
        scale = arith::DivFOp::create(b, l, amax, f32Const(b, l, qmax));
      } else {
        double levels =
            double(scheme.getStorageMax() - scheme.getStorageMin());
        Value width = arith::SubFOp::create(b, l, rmax, rmin);
        scale = arith::DivFOp::create(b, l, width, f32Const(b, l, levels));
      }
      Value isZero = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ,
                                           scale, f32Const(b, l, 0.0));
      return arith::SelectOp::create(b, l, isZero, f32Const(b, l, 1.0), scale);
    };
    Value scale = buildParamwise(
        rewriter, loc, {range.first, range.second}, expressed,
        [&](OpBuilder &b, Location l, ValueRange e) -> Value {
          Value s = scaleBody(b, l, e[0], e[1]);
          return expressed.isF32() ? s
                                   : arith::TruncFOp::create(b, l, expressed, s)
                                         .getResult();
        });
    SmallVector<Value> results{scale};
    if (!scheme.getSymmetric()) {
      Type storage = scheme.getStorageTensorElementType();
      int64_t qmin = scheme.getStorageMin(), qmax = scheme.getStorageMax();
      results.push_back(buildParamwise(
          rewriter, loc, {range.first, range.second}, storage,
          [&](OpBuilder &b, Location l, ValueRange e) -> Value {
            Value s = scaleBody(b, l, e[0], e[1]);
            Value low = f32Const(b, l, double(qmin));
            Value zp = arith::SubFOp::create(
                b, l, low, arith::DivFOp::create(b, l, e[0], s));
            Value rounded = math::RoundEvenOp::create(b, l, zp);
            Value zpIsNaN = isNaN(b, l, zp);
            rounded = arith::SelectOp::create(b, l, zpIsNaN,
                                              f32Const(b, l, double(qmin)),
                                              rounded);
            rounded = arith::MaximumFOp::create(b, l, rounded,
                                                f32Const(b, l, double(qmin)));
            rounded = arith::MinimumFOp::create(b, l, rounded,
                                                f32Const(b, l, double(qmax)));
            Value i32 = arith::FPToSIOp::create(b, l, b.getI32Type(), rounded);
            return arith::TruncIOp::create(b, l, storage, i32);
          }));
    }
    // Per-tensor results may be declared with shape [1].
    for (auto [value, result] : llvm::zip(results, op.getResults())) {
      if (value.getType() != result.getType())
        value = tensor::ExpandShapeOp::create(
            rewriter, loc, result.getType(), value,
            ArrayRef<ReassociationIndices>{});
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// matmul
//===----------------------------------------------------------------------===//

/// The map from a matmul's loops to a parameter of an operand whose
/// dimensions are the loop expressions `dims`.
AffineMap getOperandParamMap(SchemeAttr scheme, ArrayRef<AffineExpr> dims,
                             unsigned numLoops, RankedTensorType paramType) {
  MLIRContext *ctx = paramType.getContext();
  AffineMap onOperand = getParamMap(ctx, scheme, dims.size(), paramType);
  return onOperand.compose(AffineMap::get(numLoops, 0, dims, ctx));
}

/// Adds `value`'s tensor and its map (through `dims`) to a generic's inputs.
struct Inputs {
  SmallVector<Value> values;
  SmallVector<AffineMap> maps;
  int64_t add(Value value, AffineMap map) {
    if (!value)
      return -1;
    values.push_back(value);
    maps.push_back(map);
    return values.size() - 1;
  }
};

/// `v - zp` in i32 (just `v` without a zero point), both extended as
/// signed or unsigned.
Value buildCentered(OpBuilder &b, Location loc, Value v, Value zp,
                    bool isSigned) {
  Value x = extendToI32(b, loc, v, isSigned);
  if (!zp)
    return x;
  return arith::SubIOp::create(b, loc, x, extendToI32(b, loc, zp, isSigned));
}

/// A tensor.empty of the matmul result's shape, with a K-block dimension of
/// size `blocks` before N when given, filled with `init`.
Value buildMatmulInit(OpBuilder &b, Location loc, MatmulOp op,
                      std::optional<OpFoldResult> blocks, TypedAttr init) {
  SmallVector<OpFoldResult> sizes =
      tensor::getMixedSizes(b, loc, op.getLhs());
  sizes.pop_back();
  if (blocks)
    sizes.push_back(*blocks);
  sizes.push_back(tensor::getMixedSize(b, loc, op.getRhs(),
                                       op.getType().getRank() - 1));
  Value empty = tensor::EmptyOp::create(b, loc, sizes, init.getType());
  Value value = arith::ConstantOp::create(b, loc, init);
  return linalg::FillOp::create(b, loc, value, empty).getResult(0);
}

/// Whether `op` is a 2-D i32-accumulating matmul of 8-bit operands without
/// K-blocks: lowered as a u8 x s8 -> i32 matmul (which
/// `--quanta-lower-matmul-kernels` turns into a VNNI kernel) plus zero-point
/// corrections by row and column sums.
bool isInt8MatmulCore(MatmulOp op) {
  std::optional<SchemeAttr> lhs = op.getLhsScheme();
  SchemeAttr rhs = op.getRhsScheme();
  return op.getAccumulation() == Accumulation::i32 &&
         op.getType().getRank() == 2 && lhs->getStorageWidth() == 8 &&
         rhs.getStorageWidth() == 8 &&
         lhs->getGranularity() != Granularity::per_group &&
         rhs.getGranularity() != Granularity::per_group;
}

/// One 8-bit operand of the u8 x s8 core: its 2-D tensor, whether its bits
/// (and its zero point's) are signed, and its zero point (null for 0) with
/// the map from the core's (m, n) loops to it.
struct Int8CoreOperand {
  Value value;
  bool isSigned;
  Value zp;
  AffineMap zpMap;
};

/// `acc[m, n] = sum_k (a - za)(b - zb)` (i32, wrap-around) of 2-D 8-bit
/// operands (the result has shape `resultShape`), computed as a u8 x s8
/// matmul `raw` of A' and B' and
/// `raw - zb' * rowsum(A') - za' * colsum(B') + K * za' * zb'`, where
/// A' = A as u8 (xor 0x80 and za' = za + 128 for signed A) and B' = B as s8
/// (xor 0x80 and zb' = zb - 128 for unsigned B): the same value modulo 2^32.
/// colsum(B') comes out of the matmul itself, as the product of an extra row
/// of ones appended to A': B is read once (a separate pass over B would
/// double the memory traffic of a GEMV), for 1/M more multiplications.
Value buildInt8MatmulCore(OpBuilder &b, Location loc,
                          const Int8CoreOperand &lhsOperand,
                          const Int8CoreOperand &rhsOperand,
                          ArrayRef<int64_t> resultShape) {
  MLIRContext *ctx = b.getContext();
  Type i8 = b.getI8Type(), i32 = b.getI32Type();
  auto i32c = [&](OpBuilder &nb, Location l, int64_t v) -> Value {
    return arith::ConstantOp::create(nb, l, nb.getI32IntegerAttr(v));
  };
  // `v` with the sign bit flipped (when `flip`) or copied, into `dest` (a
  // linalg.copy, which canonicalization keeps, unlike an identity generic).
  // The flip is a linalg.map, not a linalg.generic: elementwise fusion would
  // fold a generic into the core, and the fused core would lose its VNNI
  // marker.
  auto copyInto = [&](Value v, Value dest, bool flip) -> Value {
    if (!flip)
      return linalg::CopyOp::create(b, loc, v, dest).getResult(0);
    return linalg::MapOp::create(
               b, loc, ValueRange{v}, dest,
               [&](OpBuilder &nb, Location l, ValueRange e) {
                 Value x = arith::XOrIOp::create(
                     nb, l, e[0],
                     arith::ConstantOp::create(nb, l,
                                               nb.getIntegerAttr(i8, -128)));
                 linalg::YieldOp::create(nb, l, ValueRange{x});
               })
        ->getResult(0);
  };
  auto emptyLike = [&](ArrayRef<OpFoldResult> sizes) -> Value {
    return tensor::EmptyOp::create(b, loc, sizes, i8);
  };
  bool lhsSigned = lhsOperand.isSigned;
  bool rhsUnsigned = !rhsOperand.isSigned;
  Value lhs = lhsOperand.value, rhs = rhsOperand.value;
  Value w = rhsUnsigned
                ? copyInto(rhs, emptyLike(tensor::getMixedSizes(b, loc, rhs)),
                           /*flip=*/true)
                : rhs;
  Value lhsZp = lhsOperand.zp, rhsZp = rhsOperand.zp;
  bool needRowSums = rhsZp || rhsUnsigned;
  bool needColSums = lhsZp || lhsSigned;

  // A' and, when the column sums are needed, A'' = [A'; 1 ... 1], built in
  // place (no copy of a strided slice).
  OpFoldResult m0 = tensor::getMixedSize(b, loc, lhs, 0);
  OpFoldResult k0 = tensor::getMixedSize(b, loc, lhs, 1);
  OpFoldResult n0 = tensor::getMixedSize(b, loc, rhs, 1);
  Value kDim = tensor::DimOp::create(b, loc, lhs, 1);
  Value zeroIdx = arith::ConstantIndexOp::create(b, loc, 0);
  OpFoldResult unit = b.getIndexAttr(1);
  Value a = lhsSigned ? copyInto(lhs, emptyLike({m0, k0}), /*flip=*/true)
                      : lhs;
  Value aCore = a;
  if (needColSums) {
    OpFoldResult rows =
        isa<Attribute>(m0)
            ? OpFoldResult(b.getIndexAttr(*getConstantIntValue(m0) + 1))
            : OpFoldResult(arith::AddIOp::create(
                               b, loc, cast<Value>(m0),
                               arith::ConstantIndexOp::create(b, loc, 1))
                               .getResult());
    Value ext = emptyLike({rows, k0});
    SmallVector<OpFoldResult> origin{zeroIdx, zeroIdx}, lastRow{m0, zeroIdx};
    SmallVector<OpFoldResult> strides{unit, unit};
    Value top = tensor::ExtractSliceOp::create(b, loc, ext, origin,
                                               ArrayRef<OpFoldResult>{m0, k0},
                                               strides);
    top = copyInto(lhs, top, /*flip=*/lhsSigned);
    ext = tensor::InsertSliceOp::create(b, loc, top, ext, origin,
                                        ArrayRef<OpFoldResult>{m0, k0},
                                        strides);
    Value ones = tensor::ExtractSliceOp::create(
        b, loc, ext, lastRow, ArrayRef<OpFoldResult>{unit, k0}, strides);
    ones = linalg::FillOp::create(
               b, loc,
               arith::ConstantOp::create(b, loc, b.getIntegerAttr(i8, 1))
                   .getResult(),
               ones)
               .getResult(0);
    aCore = tensor::InsertSliceOp::create(b, loc, ones, ext, lastRow,
                                          ArrayRef<OpFoldResult>{unit, k0},
                                          strides);
  }

  AffineExpr d0 = getAffineDimExpr(0, ctx), d1 = getAffineDimExpr(1, ctx),
             d2 = getAffineDimExpr(2, ctx);
  auto map3 = [&](ArrayRef<AffineExpr> exprs) {
    return AffineMap::get(3, 0, exprs, ctx);
  };
  // raw[m, n] = sum_k zext(A''[m, k]) * sext(B'[k, n]); loops (m, k, n).
  Value rawInit = tensor::EmptyOp::create(
      b, loc,
      ArrayRef<OpFoldResult>{tensor::getMixedSize(b, loc, aCore, 0),
                             tensor::getMixedSize(b, loc, w, 1)},
      i32);
  rawInit = linalg::FillOp::create(b, loc, i32c(b, loc, 0), rawInit)
                .getResult(0);
  auto raw = linalg::GenericOp::create(
      b, loc, TypeRange{rawInit.getType()}, ValueRange{aCore, w},
      ValueRange{rawInit},
      ArrayRef<AffineMap>{map3({d0, d1}), map3({d1, d2}), map3({d0, d2})},
      ArrayRef<utils::IteratorType>{utils::IteratorType::parallel,
                                    utils::IteratorType::reduction,
                                    utils::IteratorType::parallel},
      [&](OpBuilder &nb, Location l, ValueRange e) {
        Value lhs = arith::ExtUIOp::create(nb, l, i32, e[0]);
        Value rhs = arith::ExtSIOp::create(nb, l, i32, e[1]);
        Value product = arith::MulIOp::create(nb, l, lhs, rhs);
        linalg::YieldOp::create(
            nb, l, ValueRange{arith::AddIOp::create(nb, l, e[2], product)});
      });
  raw->setAttr(kU8S8MatmulAttr, b.getUnitAttr());
  Value rawProducts = raw.getResult(0);
  Value colSums;
  if (needColSums) {
    // Rows [0, M) are the products, row M the column sums.
    rawProducts = tensor::ExtractSliceOp::create(
        b, loc,
        RankedTensorType::get({resultShape[0], resultShape[1]}, i32),
        rawProducts, ArrayRef<OpFoldResult>{zeroIdx, zeroIdx},
        ArrayRef<OpFoldResult>{m0, n0}, ArrayRef<OpFoldResult>{unit, unit});
    colSums = tensor::ExtractSliceOp::create(
        b, loc, RankedTensorType::get({resultShape[1]}, i32),
        raw.getResult(0), ArrayRef<OpFoldResult>{m0, zeroIdx},
        ArrayRef<OpFoldResult>{unit, n0}, ArrayRef<OpFoldResult>{unit, unit});
  }

  // Zero points as i32 in the u8/s8 domain, read per (m, n).
  AffineExpr m = getAffineDimExpr(0, ctx), n = getAffineDimExpr(1, ctx);
  Inputs params;
  int64_t zaIndex = params.add(lhsZp, lhsOperand.zpMap);
  int64_t zbIndex = params.add(rhsZp, rhsOperand.zpMap);
  if (!needRowSums && !needColSums)
    return rawProducts;

  // Row sums of A' (i32).
  auto rowSums = [&](Value v) {
    Value empty = tensor::EmptyOp::create(
        b, loc, ArrayRef<OpFoldResult>{tensor::getMixedSize(b, loc, v, 0)},
        i32);
    Value init =
        linalg::FillOp::create(b, loc, i32c(b, loc, 0), empty).getResult(0);
    return linalg::GenericOp::create(
               b, loc, TypeRange{init.getType()}, ValueRange{v},
               ValueRange{init},
               ArrayRef<AffineMap>{b.getMultiDimIdentityMap(2),
                                   AffineMap::get(2, 0, m)},
               ArrayRef<utils::IteratorType>{utils::IteratorType::parallel,
                                             utils::IteratorType::reduction},
               [&](OpBuilder &nb, Location l, ValueRange e) {
                 Value x = arith::ExtUIOp::create(nb, l, i32, e[0]);
                 linalg::YieldOp::create(
                     nb, l, ValueRange{arith::AddIOp::create(nb, l, e[1], x)});
               })
        .getResult(0);
  };
  Value rowSumsOfA = needRowSums ? rowSums(a) : Value();
  int64_t rowIndex = params.add(rowSumsOfA, AffineMap::get(2, 0, m));
  // Null unless the column sums are needed.
  int64_t colIndex = params.add(colSums, AffineMap::get(2, 0, n));
  Value kSize = arith::IndexCastOp::create(b, loc, i32, kDim);
  return buildElementwise(
      b, loc, rawProducts, params.values, params.maps,
      cast<RankedTensorType>(rawProducts.getType()),
      [&](OpBuilder &nb, Location l, ValueRange e) -> Value {
        // za' and zb' in the u8 x s8 domain.
        Value za = zaIndex >= 0 ? extendToI32(nb, l, e[zaIndex + 1], lhsOperand.isSigned)
                                : i32c(nb, l, 0);
        if (lhsSigned)
          za = arith::AddIOp::create(nb, l, za, i32c(nb, l, 128));
        Value zb = zbIndex >= 0 ? extendToI32(nb, l, e[zbIndex + 1], rhsOperand.isSigned)
                                : i32c(nb, l, 0);
        if (rhsUnsigned)
          zb = arith::SubIOp::create(nb, l, zb, i32c(nb, l, 128));
        Value acc = e[0];
        if (rowIndex >= 0)
          acc = arith::SubIOp::create(
              nb, l, acc, arith::MulIOp::create(nb, l, zb, e[rowIndex + 1]));
        if (colIndex >= 0)
          acc = arith::SubIOp::create(
              nb, l, acc, arith::MulIOp::create(nb, l, za, e[colIndex + 1]));
        Value kzz = arith::MulIOp::create(
            nb, l, kSize, arith::MulIOp::create(nb, l, za, zb));
        return arith::AddIOp::create(nb, l, acc, kzz);
      });
}

/// A batched matmul's [B..., M, N] result computed one batch at a time: an
/// scf.for over the batches (the batch dimensions collapsed into one) whose
/// iterations call `matmul2d`, which returns the batch's [M, N] result
/// (`shape` its static sizes) from 2-D operands that `batchOf` gives
/// (batchOf(v): the batch's [x, y] of a [B..., x, y] tensor such as lhs and
/// a batched rhs), and insert it into the batch's rows.
using BatchOf = function_ref<Value(Value)>;
Value buildPerBatch(
    OpBuilder &b, Location loc, Value lhs, Value rhs,
    RankedTensorType resultType,
    function_ref<Value(OpBuilder &, Location, BatchOf, ArrayRef<int64_t>)>
        matmul2d) {
  int64_t rank = resultType.getRank(), batch = rank - 2;
  bool sharedRhs = cast<RankedTensorType>(rhs.getType()).getRank() == 2;
  SmallVector<ReassociationIndices> reassociation = {
      llvm::to_vector(llvm::seq<int64_t>(0, batch)), {batch}, {batch + 1}};
  auto collapseBatches = [&](OpBuilder &nb, Location l, Value v) -> Value {
    if (batch == 1)
      return v;
    return tensor::CollapseShapeOp::create(nb, l, v, reassociation);
  };
  // The result's sizes, from the operands'.
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, lhs);
  sizes.back() = tensor::getMixedSize(b, loc, rhs, sharedRhs ? 1 : rank - 1);
  OpFoldResult batches =
      tensor::getMixedSize(b, loc, collapseBatches(b, loc, lhs), 0);
  OpFoldResult mSize = sizes[batch], nSize = sizes.back();
  Type element = resultType.getElementType();
  Value init = tensor::EmptyOp::create(
      b, loc, ArrayRef<OpFoldResult>{batches, mSize, nSize}, element);
  auto initType = cast<RankedTensorType>(init.getType());
  ArrayRef<int64_t> shape = initType.getShape().drop_front();
  OpFoldResult unit = b.getIndexAttr(1), origin = b.getIndexAttr(0);
  // (An empty result does not come here: see buildEmptyResult.)
  auto loop = scf::ForOp::create(
      b, loc, arith::ConstantIndexOp::create(b, loc, 0),
      getValueOrCreateConstantIndexOp(b, loc, batches),
      arith::ConstantIndexOp::create(b, loc, 1), ValueRange{init},
      [&](OpBuilder &nb, Location l, Value index, ValueRange iterArgs) {
        SmallVector<OpFoldResult> offsets = {index, origin, origin};
        SmallVector<OpFoldResult> strides(3, unit);
        auto batchOf = [&](Value v) -> Value {
          Value v3 = collapseBatches(nb, l, v);
          auto type = cast<RankedTensorType>(v3.getType());
          auto sliceType = RankedTensorType::get(type.getShape().drop_front(),
                                                 type.getElementType());
          SmallVector<OpFoldResult> sliceSizes = {
              tensor::getMixedSize(nb, l, v3, 1),
              tensor::getMixedSize(nb, l, v3, 2)};
          // A batch of an operand with no elements (K = 0) is a fresh
          // empty tensor: tensor.extract_slice rejects an offset 0 into a
          // static size 0.
          if (llvm::is_contained(sliceType.getShape(), 0))
            return tensor::EmptyOp::create(nb, l, sliceSizes,
                                           type.getElementType());
          SmallVector<OpFoldResult> withBatch = {unit};
          llvm::append_range(withBatch, sliceSizes);
          return tensor::ExtractSliceOp::create(nb, l, sliceType, v3, offsets,
                                                withBatch, strides);
        };
        Value result = matmul2d(nb, l, batchOf, shape);
        auto sliceType = RankedTensorType::get(shape, element);
        if (result.getType() != sliceType)
          result = tensor::CastOp::create(nb, l, sliceType, result);
        Value updated = tensor::InsertSliceOp::create(
            nb, l, result, iterArgs[0], offsets,
            ArrayRef<OpFoldResult>{unit, mSize, nSize}, strides);
        scf::YieldOp::create(nb, l, updated);
      });
  Value result = loop.getResult(0);
  if (batch > 1)
    result = tensor::ExpandShapeOp::create(
        b, loc, initType.clone(resultType.getShape()), result, reassociation,
        sizes);
  // With dynamic sizes, copied into a destination sized from the operands,
  // so that the result's shape is traceable to the arguments' (the C entry
  // points need it).
  if (!resultType.hasStaticShape())
    result = linalg::CopyOp::create(
                 b, loc, result,
                 tensor::EmptyOp::create(b, loc, sizes, element).getResult())
                 .getResult(0);
  return result;
}

/// `scheme` for the 2-D operand of one batch: its axis (per channel) less
/// `batch`.
static SchemeAttr dropBatches(SchemeAttr scheme, int64_t batch) {
  if (scheme.getAxis() < 0)
    return scheme;
  return SchemeAttr::get(scheme.getContext(), scheme.getStorage(),
                         scheme.getExpressed(), scheme.getGranularity(),
                         scheme.getAxis() - batch, scheme.getGroupSize(),
                         scheme.getSymmetric(), scheme.getNarrowRange(),
                         scheme.getRounding(), scheme.getSaturate(),
                         scheme.getReciprocal());
}

/// The result of a matmul (operands [B..., M, K] and [B..., K, N] or
/// [K, N]) of type `resultType` when it has no elements (a static size 0):
/// an empty tensor sized from the operands. Nothing is computed (and no
/// slice or reshape of an empty operand is taken, which tensor ops reject).
static std::optional<Value> buildEmptyResult(OpBuilder &b, Location loc,
                                             Value lhs, Value rhs,
                                             RankedTensorType resultType) {
  if (!llvm::is_contained(resultType.getShape(), 0))
    return std::nullopt;
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, lhs);
  int64_t rhsRank = cast<RankedTensorType>(rhs.getType()).getRank();
  sizes.back() = tensor::getMixedSize(b, loc, rhs, rhsRank - 1);
  Value empty =
      tensor::EmptyOp::create(b, loc, sizes, resultType.getElementType());
  if (empty.getType() != resultType)
    empty = tensor::CastOp::create(b, loc, resultType, empty);
  return empty;
}

/// A batched quanta.matmul as one 2-D quanta.matmul per batch
/// (buildPerBatch): the operands' batch, and of each parameter the batch
/// (per group: a parameter of the operand's rank) or all of it (per tensor,
/// per channel).
static Value splitBatches(OpBuilder &b, MatmulOp op) {
  int64_t rank = op.getType().getRank(), batch = rank - 2;
  auto drop = [&](std::optional<SchemeAttr> scheme) {
    return scheme ? dropBatches(*scheme, batch) : SchemeAttr();
  };
  return buildPerBatch(
      b, op.getLoc(), op.getLhs(), op.getRhs(), op.getType(),
      [&](OpBuilder &nb, Location l, BatchOf batchOf,
          ArrayRef<int64_t> shape) -> Value {
        auto param = [&](Value v) -> Value {
          if (!v || cast<RankedTensorType>(v.getType()).getRank() != rank)
            return v;
          return batchOf(v);
        };
        return MatmulOp::create(
            nb, l, RankedTensorType::get(shape, op.getType().getElementType()),
            batchOf(op.getLhs()), batchOf(op.getRhs()),
            param(op.getLhsScale()), param(op.getRhsScale()),
            param(op.getLhsZp()), param(op.getRhsZp()), op.getBias(),
            param(op.getResultScale()), param(op.getResultZp()),
            drop(op.getLhsScheme()), dropBatches(op.getRhsScheme(), batch),
            drop(op.getResultScheme()), op.getAccumulationAttr());
      });
}

/// Where a parameter of `scheme` is read along K (operand axis `kAxis`): at
/// the start of the block when the scheme is per group of `blockSize` along
/// K ((g * size) floordiv size is the plain loop g, so that fusion can
/// reshape the operands), else at `k`.
static AffineExpr paramK(std::optional<SchemeAttr> scheme, unsigned kAxis,
                         int64_t blockSize, AffineExpr g, AffineExpr k) {
  bool perBlock = scheme &&
                  scheme->getGranularity() == Granularity::per_group &&
                  scheme->getAxis() == kAxis &&
                  scheme->getGroupSize() == blockSize;
  return perBlock ? g * blockSize : k;
}

/// Lower quanta.matmul to linalg.generic ops that compute exactly the
/// reference's order of operations (ref::matmul): i32 accumulation per
/// K-block then f32 accumulation of the scaled blocks, or f32 accumulation of
/// dequantized products in k order; then bias and the optional quantization.
struct MatmulOpLowering : public OpRewritePattern<MatmulOp> {
  // A batched op becomes 2-D ones, which this pattern lowers in turn.
  MatmulOpLowering(MLIRContext *ctx) : OpRewritePattern(ctx) {
    setHasBoundedRewriteRecursion();
  }
  LogicalResult matchAndRewrite(MatmulOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = op.getContext();
    unsigned rank = op.getType().getRank();
    std::optional<SchemeAttr> lhsScheme = op.getLhsScheme();
    SchemeAttr rhsScheme = op.getRhsScheme();
    Type f32 = rewriter.getF32Type();

    if (std::optional<Value> empty = buildEmptyResult(
            rewriter, loc, op.getLhs(), op.getRhs(), op.getType())) {
      rewriter.replaceOp(op, *empty);
      return success();
    }
    // Batches: one 2-D quanta.matmul per batch, which takes the 2-D
    // kernels. Below, rank is 2.
    if (rank > 2) {
      rewriter.replaceOp(op, splitBatches(rewriter, op));
      return success();
    }

    auto dim = [&](unsigned d) { return getAffineDimExpr(d, ctx); };
    // Loops: m, the reduction/block loops, then n innermost, so that the
    // innermost loop runs along contiguous rows of rhs and of the result and
    // vectorizes; each result still accumulates in k order.
    auto iteratorsOf = [&](ArrayRef<utils::IteratorType> inner) {
      SmallVector<utils::IteratorType> iterators(1,
                                                 utils::IteratorType::parallel);
      iterators.append(inner.begin(), inner.end());
      return iterators;
    };
    using utils::IteratorType;
    AffineExpr m = dim(0);
    Value result;

    if (isInt8MatmulCore(op)) {
      // out[m, n] = 0 + f32(acc) * (sa * sb), as the reference's one block.
      AffineExpr n = dim(1), zero = getAffineConstantExpr(0, ctx);
      auto paramMap = [&](SchemeAttr scheme, ArrayRef<AffineExpr> dims,
                          Value param) {
        return param ? getOperandParamMap(
                           scheme, dims, 2,
                           cast<RankedTensorType>(param.getType()))
                     : AffineMap();
      };
      Value acc = buildInt8MatmulCore(
          rewriter, loc,
          {op.getLhs(), lhsScheme->isSignedStorage(), op.getLhsZp(),
           paramMap(*lhsScheme, {m, zero}, op.getLhsZp())},
          {op.getRhs(), rhsScheme.isSignedStorage(), op.getRhsZp(),
           paramMap(rhsScheme, {zero, n}, op.getRhsZp())},
          op.getType().getShape());
      result = buildElementwise(
          rewriter, loc, acc, {op.getLhsScale(), op.getRhsScale()},
          {paramMap(*lhsScheme, {m, zero}, op.getLhsScale()),
           paramMap(rhsScheme, {zero, n}, op.getRhsScale())},
          cast<RankedTensorType>(acc.getType()).clone(f32),
          [&](OpBuilder &b, Location l, ValueRange e) -> Value {
            Value lhsScale = buildToF32(b, l, e[1]);
            Value rhsScale = buildToF32(b, l, e[2]);
            Value s = arith::MulFOp::create(b, l, lhsScale, rhsScale);
            Value block = arith::MulFOp::create(
                b, l, arith::SIToFPOp::create(b, l, f32, e[0]), s);
            return arith::AddFOp::create(b, l, f32Const(b, l, 0.0), block);
          });
    } else if (op.getAccumulation() == Accumulation::f32) {
      // With parameters per group along a static K, K is split into
      // [groups, group size] (loops ..., m, g, kk, n; g then kk is k order)
      // so that every map is a projected permutation: an int4 rhs's
      // unpacking then fuses into this op instead of being materialized.
      std::optional<int64_t> groupSize;
      auto groupAlongK = [&](std::optional<SchemeAttr> scheme, unsigned kAxis) {
        if (scheme && scheme->getGranularity() == Granularity::per_group &&
            scheme->getAxis() == kAxis)
          groupSize = scheme->getGroupSize();
      };
      groupAlongK(lhsScheme, rank - 1);
      groupAlongK(rhsScheme, rank - 2);
      int64_t kSize = cast<RankedTensorType>(op.getLhs().getType())
                          .getDimSize(rank - 1);
      if (groupSize && (ShapedType::isDynamic(kSize) || kSize % *groupSize))
        groupSize.reset();
      unsigned numLoops = groupSize ? rank + 2 : rank + 1;
      AffineExpr n = dim(numLoops - 1), k = dim(1), g = dim(1);
      SmallVector<AffineExpr> lhsAt, rhsAt;
      if (groupSize) {
        AffineExpr kk = dim(2);
        k = g * *groupSize + kk;
        lhsAt.append({m, g, kk});
        rhsAt.append({g, kk, n});
      } else {
        lhsAt.append({m, k});
        rhsAt.append({k, n});
      }
      int64_t blockSize = groupSize.value_or(0);
      SmallVector<AffineExpr> lhsDims, rhsDims;
      lhsDims.append({m, paramK(lhsScheme, rank - 1, blockSize, g, k)});
      rhsDims.append({paramK(rhsScheme, rank - 2, blockSize, g, k), n});
      Value lhs = op.getLhs(), rhs = op.getRhs();
      if (groupSize) {
        lhs = splitDim(rewriter, loc, lhs, rank - 1, groupSize);
        rhs = splitDim(rewriter, loc, rhs, rank - 2, groupSize);
      }
      Inputs in;
      in.add(lhs, AffineMap::get(numLoops, 0, lhsAt, ctx));
      in.add(rhs, AffineMap::get(numLoops, 0, rhsAt, ctx));
      auto paramMap = [&](SchemeAttr scheme, ArrayRef<AffineExpr> dims,
                          Value v) {
        return v ? getOperandParamMap(scheme, dims, numLoops,
                                      cast<RankedTensorType>(v.getType()))
                 : AffineMap();
      };
      int64_t lhsScale = -1, lhsZp = -1;
      if (lhsScheme) {
        lhsScale = in.add(op.getLhsScale(),
                          paramMap(*lhsScheme, lhsDims, op.getLhsScale()));
        lhsZp = in.add(op.getLhsZp(),
                       paramMap(*lhsScheme, lhsDims, op.getLhsZp()));
      }
      int64_t rhsScale = in.add(op.getRhsScale(),
                                paramMap(rhsScheme, rhsDims, op.getRhsScale()));
      int64_t rhsZp =
          in.add(op.getRhsZp(), paramMap(rhsScheme, rhsDims, op.getRhsZp()));
      SmallVector<AffineExpr> outDims;
      outDims.append({m, n});
      SmallVector<AffineMap> maps = in.maps;
      maps.push_back(AffineMap::get(numLoops, 0, outDims, ctx));
      SmallVector<IteratorType> inner{IteratorType::reduction,
                                      IteratorType::parallel};
      if (groupSize)
        inner.insert(inner.begin(), IteratorType::reduction);
      SmallVector<utils::IteratorType> iterators = iteratorsOf(inner);
      Value init = buildMatmulInit(rewriter, loc, op, std::nullopt,
                                   rewriter.getF32FloatAttr(0.0));
      auto at = [](ValueRange e, int64_t i) {
        return i < 0 ? Value() : e[i];
      };
      // The fused op, with `rhs` for B.
      auto fused = [&](Value rhs) {
        SmallVector<Value> inputs(in.values);
        inputs[1] = rhs;
        return linalg::GenericOp::create(
                   rewriter, loc, TypeRange{init.getType()}, inputs,
                   ValueRange{init}, maps, iterators,
                   [&](OpBuilder &b, Location l, ValueRange e) {
                     Value a =
                         lhsScheme
                             ? buildToF32(b, l,
                                          buildDequantize(b, l, *lhsScheme,
                                                          e[0], at(e, lhsScale),
                                                          at(e, lhsZp)))
                             : buildToF32(b, l, e[0]);
                     Value w = buildToF32(b, l,
                                          buildDequantize(b, l, rhsScheme, e[1],
                                                          at(e, rhsScale),
                                                          at(e, rhsZp)));
                     Value product = arith::MulFOp::create(b, l, a, w);
                     linalg::YieldOp::create(b, l,
                                             ValueRange{arith::AddFOp::create(
                                                 b, l, e.back(), product)});
                   })
            .getResult(0);
      };
      // FP8 x FP8 (2-D, parameters per tensor or channel): from 256 rows
      // on, both operands are dequantized once into f32 tensors and
      // multiplied by a linalg.matmul (the same products and k-order sums:
      // its body is mulf then addf), which the CPU kernels run as an f32
      // GEMM; fewer rows keep the fused op, which the CPU kernels run as
      // the streaming kernel (the weights decoded once per visit for all
      // rows). The dequantized B is a fresh K x N f32 buffer per call, whose
      // pages fault in each time (at K = N = 1024 the streaming kernel takes
      // 0.65 / 2.6 / 11.7 ms for 16 / 64 / 256 rows against 4.2 / 5.6 / 10.4
      // ms).
      bool fp8 = lhsScheme && isa<Float8E4M3FNType, Float8E5M2Type>(
                                  lhsScheme->getStorage()) &&
                 isa<Float8E4M3FNType, Float8E5M2Type>(rhsScheme.getStorage());
      if (fp8 && !groupSize) {
        auto dequantized = [&](Value v, SchemeAttr scheme, Value scale,
                               Value zp) {
          // The operand's own parameter maps, as quanta.dequantize's.
          Params params = getParams(scheme, 2, scale, zp);
          auto type = cast<RankedTensorType>(v.getType()).clone(f32);
          return buildElementwise(
              rewriter, loc, v, params.values, params.maps, type,
              [&](OpBuilder &b, Location l, ValueRange e) -> Value {
                Value q = buildDequantize(b, l, scheme, e[0], e[1],
                                          zp ? e[2] : Value());
                return buildToF32(b, l, q);
              });
        };
        auto viaMatmul = [&](Value rhs) {
          Value a = dequantized(op.getLhs(), *lhsScheme, op.getLhsScale(),
                                op.getLhsZp());
          Value w =
              dequantized(rhs, rhsScheme, op.getRhsScale(), op.getRhsZp());
          return linalg::MatmulOp::create(rewriter, loc, ValueRange{a, w},
                                          ValueRange{init})
              .getResult(0);
        };
        int64_t rows =
            cast<RankedTensorType>(op.getLhs().getType()).getDimSize(0);
        constexpr int64_t kMinRows = 256;
        if (!ShapedType::isDynamic(rows)) {
          result = rows >= kMinRows ? viaMatmul(rhs) : fused(rhs);
        } else {
          Value m = tensor::DimOp::create(rewriter, loc, op.getLhs(), 0);
          Value min = arith::ConstantIndexOp::create(rewriter, loc, kMinRows);
          Value many = arith::CmpIOp::create(
              rewriter, loc, arith::CmpIPredicate::uge, m, min);
          auto ifOp = scf::IfOp::create(rewriter, loc, TypeRange{init.getType()},
                                        many, /*withElseRegion=*/true);
          OpBuilder::InsertionGuard guard(rewriter);
          rewriter.setInsertionPointToStart(ifOp.thenBlock());
          // Weights given N x K (B a transpose): each branch transposes
          // them itself, so that the GEMV's kernel, which reads them in
          // place, finds the transpose in its own block, and the one before
          // the branch goes away.
          auto branchRhs = [&]() -> Value {
            auto transpose = rhs.getDefiningOp<linalg::TransposeOp>();
            if (!transpose)
              return rhs;
            IRMapping mapping;
            if (auto empty =
                    transpose.getInit().getDefiningOp<tensor::EmptyOp>())
              rewriter.clone(*empty, mapping);
            return rewriter.clone(*transpose, mapping)->getResult(0);
          };
          scf::YieldOp::create(rewriter, loc, viaMatmul(branchRhs()));
          rewriter.setInsertionPointToStart(ifOp.elseBlock());
          scf::YieldOp::create(rewriter, loc, fused(branchRhs()));
          result = ifOp.getResult(0);
        }
      } else {
        result = fused(rhs);
      }
    } else {
      // K-blocks: the group size of a per-group operand, else all of K (one
      // block; then blockSize is 0 in the index expressions below).
      std::optional<int64_t> groupSize;
      for (std::optional<SchemeAttr> scheme : {lhsScheme,
                                               std::optional(rhsScheme)})
        if (scheme->getGranularity() == Granularity::per_group)
          groupSize = scheme->getGroupSize();
      int64_t blockSize = groupSize.value_or(0);
      OpFoldResult numBlocks = rewriter.getIndexAttr(1);
      if (groupSize) {
        OpFoldResult kSize =
            tensor::getMixedSize(rewriter, loc, op.getLhs(), rank - 1);
        if (auto staticK = getConstantIntValue(kSize)) {
          numBlocks = rewriter.getIndexAttr(*staticK / blockSize);
        } else {
          buildKBlockCheck(rewriter, loc, cast<Value>(kSize), blockSize);
          numBlocks = arith::DivUIOp::create(rewriter, loc, cast<Value>(kSize),
                                             arith::ConstantIndexOp::create(
                                                 rewriter, loc, blockSize))
                          .getResult();
        }
      }

      // acc[..., m, g, n] = sum_kk (a - za)(b - zb), i32 wrap-around (n
      // innermost: the loops over n vectorize with contiguous accesses).
      unsigned numLoops = rank + 2;
      AffineExpr g = dim(1), kk = dim(2), n = dim(3);
      AffineExpr k = g * blockSize + kk;
      SmallVector<AffineExpr> lhsDims, rhsDims;
      lhsDims.append({m, paramK(lhsScheme, rank - 1, blockSize, g, k)});
      rhsDims.append({paramK(rhsScheme, rank - 2, blockSize, g, k), n});
      // The operands with K split into [blocks, block size], so that every
      // loop is a plain dimension of some operand.
      SmallVector<AffineExpr> lhsSplit, rhsSplit;
      lhsSplit.append({m, g, kk});
      rhsSplit.append({g, kk, n});
      // The lhs is copied: elementwise fusion would otherwise move its
      // producer (typically the dynamic quantization of the activations)
      // into this op and recompute it for every column.
      Value lhsEmpty = tensor::EmptyOp::create(
          rewriter, loc, tensor::getMixedSizes(rewriter, loc, op.getLhs()),
          getElementTypeOrSelf(op.getLhs().getType()));
      Value lhsCopy =
          linalg::CopyOp::create(rewriter, loc, op.getLhs(), lhsEmpty)
              .getResult(0);
      Inputs in;
      in.add(splitDim(rewriter, loc, lhsCopy, rank - 1, groupSize),
             AffineMap::get(numLoops, 0, lhsSplit, ctx));
      in.add(splitDim(rewriter, loc, op.getRhs(), rank - 2, groupSize),
             AffineMap::get(numLoops, 0, rhsSplit, ctx));
      auto addZp = [&](Value zp, SchemeAttr scheme, ArrayRef<AffineExpr> dims) {
        return in.add(
            zp, zp ? getOperandParamMap(scheme, dims, numLoops,
                                        cast<RankedTensorType>(zp.getType()))
                   : AffineMap());
      };
      int64_t lhsZp = addZp(op.getLhsZp(), *lhsScheme, lhsDims);
      int64_t rhsZp = addZp(op.getRhsZp(), rhsScheme, rhsDims);
      SmallVector<AffineExpr> accDims;
      accDims.append({m, g, n});
      SmallVector<AffineMap> maps = in.maps;
      maps.push_back(AffineMap::get(numLoops, 0, accDims, ctx));
      SmallVector<utils::IteratorType> iterators = iteratorsOf(
          {IteratorType::parallel, IteratorType::reduction,
           IteratorType::parallel});
      Value accInit = buildMatmulInit(rewriter, loc, op, numBlocks,
                                      rewriter.getI32IntegerAttr(0));
      Value acc =
          linalg::GenericOp::create(
              rewriter, loc, TypeRange{accInit.getType()}, in.values,
              ValueRange{accInit}, maps, iterators,
              [&](OpBuilder &b, Location l, ValueRange e) {
                Value a = buildCentered(b, l, e[0],
                                        lhsZp < 0 ? Value() : e[lhsZp],
                                        lhsScheme->isSignedStorage());
                Value w = buildCentered(b, l, e[1],
                                        rhsZp < 0 ? Value() : e[rhsZp],
                                        rhsScheme.isSignedStorage());
                linalg::YieldOp::create(
                    b, l,
                    ValueRange{arith::AddIOp::create(
                        b, l, e.back(), arith::MulIOp::create(b, l, a, w))});
              })
              .getResult(0);

      // out[..., m, n] = sum_g f32(acc) * (sa * sb), in block order.
      numLoops = rank + 1;
      g = dim(1);
      n = dim(2);
      AffineExpr blockStart = g * blockSize;
      SmallVector<AffineExpr> lhsAt, rhsAt;
      lhsAt.append({m, blockStart});
      rhsAt.append({blockStart, n});
      SmallVector<AffineExpr> accAt;
      accAt.append({m, g, n});
      SmallVector<AffineExpr> outDims;
      outDims.append({m, n});
      Inputs scaled;
      scaled.add(acc, AffineMap::get(numLoops, 0, accAt, ctx));
      scaled.add(op.getLhsScale(),
                 getOperandParamMap(
                     *lhsScheme, lhsAt, numLoops,
                     cast<RankedTensorType>(op.getLhsScale().getType())));
      scaled.add(op.getRhsScale(),
                 getOperandParamMap(
                     rhsScheme, rhsAt, numLoops,
                     cast<RankedTensorType>(op.getRhsScale().getType())));
      maps = scaled.maps;
      maps.push_back(AffineMap::get(numLoops, 0, outDims, ctx));
      iterators =
          iteratorsOf({IteratorType::reduction, IteratorType::parallel});
      Value init = buildMatmulInit(rewriter, loc, op, std::nullopt,
                                   rewriter.getF32FloatAttr(0.0));
      result =
          linalg::GenericOp::create(
              rewriter, loc, TypeRange{init.getType()}, scaled.values,
              ValueRange{init}, maps, iterators,
              [&](OpBuilder &b, Location l, ValueRange e) {
                Value lhsScale = buildToF32(b, l, e[1]);
                Value rhsScale = buildToF32(b, l, e[2]);
                Value s = arith::MulFOp::create(b, l, lhsScale, rhsScale);
                Value block = arith::MulFOp::create(
                    b, l, arith::SIToFPOp::create(b, l, f32, e[0]), s);
                linalg::YieldOp::create(
                    b, l,
                    ValueRange{arith::AddFOp::create(b, l, e.back(), block)});
              })
              .getResult(0);
    }

    // Epilogue: + bias[n], then quantize or round to the expressed type.
    SmallVector<Value> params;
    SmallVector<AffineMap> maps;
    auto resultType = cast<RankedTensorType>(result.getType());
    if (Value bias = op.getBias()) {
      params.push_back(bias);
      maps.push_back(AffineMap::get(rank, 0, dim(rank - 1)));
    }
    std::optional<SchemeAttr> resultScheme = op.getResultScheme();
    int64_t scaleIndex = -1, zpIndex = -1;
    if (resultScheme) {
      for (Value v : {op.getResultScale(), op.getResultZp()}) {
        if (!v)
          continue;
        (v == op.getResultScale() ? scaleIndex : zpIndex) = params.size() + 1;
        params.push_back(v);
        maps.push_back(getParamMap(ctx, *resultScheme, rank,
                                   cast<RankedTensorType>(v.getType())));
      }
    }
    bool hasBias = static_cast<bool>(op.getBias());
    Value output = buildElementwise(
        rewriter, loc, result, params, maps,
        resultType.clone(op.getType().getElementType()),
        [&](OpBuilder &b, Location l, ValueRange e) -> Value {
          Value v = e[0];
          if (hasBias)
            v = arith::AddFOp::create(b, l, v, buildToF32(b, l, e[1]));
          if (resultScheme)
            return buildQuantize(b, l, *resultScheme, v, e[scaleIndex],
                                 zpIndex < 0 ? Value() : e[zpIndex]);
          Type type = op.getType().getElementType();
          return type.isF32() ? v
                              : arith::TruncFOp::create(b, l, type, v)
                                    .getResult();
        });
    rewriter.replaceOp(op, output);
    return success();
  }
};

/// The map from `numLoops` loops to a matmul_integer zero point: `()` for
/// shape [], `(0)` for shape [1], else `(along)` (the row or column loop).
AffineMap getZeroPointMap(Value zp, AffineExpr along, unsigned numLoops) {
  MLIRContext *ctx = along.getContext();
  auto type = cast<RankedTensorType>(zp.getType());
  if (type.getRank() == 0)
    return AffineMap::get(numLoops, 0, ctx);
  if (type.getDimSize(0) == 1)
    return AffineMap::get(numLoops, 0, getAffineConstantExpr(0, ctx));
  return AffineMap::get(numLoops, 0, along);
}

/// Lower quanta.matmul_integer through the u8 x s8 core of quanta.matmul,
/// which `--quanta-lower-matmul-kernels` turns into the VNNI kernel: 2-D
/// forms and batched lhs times a shared 2-D rhs with a per-tensor lhs zero
/// point as one [B * M, K] matmul, other batched forms as one core per batch
/// in an scf.for.
struct MatmulIntegerOpLowering : public OpRewritePattern<MatmulIntegerOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(MatmulIntegerOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = op.getContext();
    RankedTensorType lhsType = op.getLhs().getType();
    RankedTensorType resultType = op.getType();
    unsigned rank = resultType.getRank();
    bool lhsSigned = !op.getLhsUnsigned(), rhsSigned = !op.getRhsUnsigned();
    Value lhsZp = op.getLhsZp(), rhsZp = op.getRhsZp();
    auto isPerTensor = [](Value zp) {
      if (!zp)
        return true;
      auto type = cast<RankedTensorType>(zp.getType());
      return type.getRank() == 0 || type.getDimSize(0) == 1;
    };

    if (std::optional<Value> empty = buildEmptyResult(
            rewriter, loc, op.getLhs(), op.getRhs(), resultType)) {
      rewriter.replaceOp(op, *empty);
      return success();
    }
    bool sharedRhs = op.getRhs().getType().getRank() == 2;
    if (rank == 2 || (sharedRhs && isPerTensor(lhsZp))) {
      // Rows of every batch together: lhs [B..., M, K] -> [B * ... * M, K].
      Value lhs = op.getLhs();
      SmallVector<ReassociationIndices> reassociation;
      if (rank > 2) {
        ReassociationIndices rows;
        for (unsigned d = 0; d + 1 < rank; ++d)
          rows.push_back(d);
        reassociation = {rows, {rank - 1}};
        lhs = tensor::CollapseShapeOp::create(rewriter, loc, lhs,
                                              reassociation);
      }
      AffineExpr m = getAffineDimExpr(0, ctx), n = getAffineDimExpr(1, ctx);
      auto lhs2d = cast<RankedTensorType>(lhs.getType());
      SmallVector<int64_t> shape{lhs2d.getDimSize(0), resultType.getDimSize(rank - 1)};
      if (rank == 2)
        shape[0] = resultType.getDimSize(0);
      Value acc = buildInt8MatmulCore(
          rewriter, loc,
          {lhs, lhsSigned, lhsZp, lhsZp ? getZeroPointMap(lhsZp, m, 2) : AffineMap()},
          {op.getRhs(), rhsSigned, rhsZp,
           rhsZp ? getZeroPointMap(rhsZp, n, 2) : AffineMap()},
          shape);
      if (rank > 2) {
        SmallVector<OpFoldResult> sizes =
            tensor::getMixedSizes(rewriter, loc, op.getLhs());
        sizes.back() = tensor::getMixedSize(rewriter, loc, op.getRhs(), 1);
        SmallVector<int64_t> expanded(lhsType.getShape());
        expanded.back() = shape[1];
        acc = tensor::ExpandShapeOp::create(
            rewriter, loc, resultType.clone(expanded), acc, reassociation,
            sizes);
        // With dynamic batch or row sizes, copy into a destination sized
        // from lhs, so that the result's shape is traceable to the
        // arguments' (the C entry points need it).
        if (llvm::any_of(ArrayRef<int64_t>(expanded).drop_back(),
                         ShapedType::isDynamic))
          acc = linalg::CopyOp::create(
                    rewriter, loc, acc,
                    tensor::EmptyOp::create(rewriter, loc, sizes,
                                            rewriter.getI32Type())
                        .getResult())
                    .getResult(0);
      }
      if (acc.getType() != resultType)
        acc = tensor::CastOp::create(rewriter, loc, resultType, acc);
      rewriter.replaceOp(op, acc);
      return success();
    }

    // Otherwise one core per batch.
    AffineExpr m = getAffineDimExpr(0, ctx), n = getAffineDimExpr(1, ctx);
    Value result = buildPerBatch(
        rewriter, loc, op.getLhs(), op.getRhs(), resultType,
        [&](OpBuilder &b, Location l, BatchOf batchOf,
            ArrayRef<int64_t> shape) {
          return buildInt8MatmulCore(
              b, l,
              {batchOf(op.getLhs()), lhsSigned, lhsZp,
               lhsZp ? getZeroPointMap(lhsZp, m, 2) : AffineMap()},
              {sharedRhs ? op.getRhs() : batchOf(op.getRhs()), rhsSigned,
               rhsZp, rhsZp ? getZeroPointMap(rhsZp, n, 2) : AffineMap()},
              shape);
        });
    if (result.getType() != resultType)
      result = tensor::CastOp::create(rewriter, loc, resultType, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct ConvertQuantaToLinalgPass
    : public quanta::impl::ConvertQuantaToLinalgBase<
          ConvertQuantaToLinalgPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    populateQuantaToLinalgConversionPatterns(patterns);
    ConversionTarget target(*ctx);
    target.addIllegalDialect<QuantaDialect>();
    target.addLegalDialect<arith::ArithDialect, cf::ControlFlowDialect,
                           linalg::LinalgDialect,
                           math::MathDialect, scf::SCFDialect,
                           tensor::TensorDialect>();
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void mlir::quanta::populateQuantaToLinalgConversionPatterns(
    RewritePatternSet &patterns) {
  patterns.add<QuantizationOpLowering<QuantizeOp, buildQuantize>,
               QuantizationOpLowering<DequantizeOp, buildDequantize>,
               QuantizationOpLowering<FakeQuantOp, buildFakeQuant>,
               RequantizeOpLowering, CastOpLowering, ComputeParamsOpLowering,
               MatmulOpLowering, MatmulIntegerOpLowering>(
      patterns.getContext());
}
