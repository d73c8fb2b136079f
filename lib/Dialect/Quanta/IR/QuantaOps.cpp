//===- QuantaOps.cpp - Quanta operations ----------------------------------===//
//
// This file implements the verifiers, folders and canonicalization patterns
// of the Quanta operations. Folders decide exactness with the reference
// library, the project's single implementation of the numerics.
//
//===----------------------------------------------------------------------===//

#include "quanta/Dialect/Quanta/QuantaOps.h"
#include "quanta/Dialect/Quanta/Numerics.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::quanta;

//===----------------------------------------------------------------------===//
// Shared verification of scales and zero points
//===----------------------------------------------------------------------===//

/// Returns the shape a parameter tensor must have for `data` under `scheme`,
/// or emits an error on `op` when the granularity does not fit `data`.
static FailureOr<SmallVector<int64_t>>
getParamShape(Operation *op, SchemeAttr scheme, ShapedType data) {
  int64_t axis = scheme.getAxis();
  if (scheme.getGranularity() == Granularity::per_tensor)
    return SmallVector<int64_t>{};
  if (axis >= data.getRank())
    return op->emitOpError()
           << "axis " << axis << " is out of range for a tensor of rank "
           << data.getRank();
  int64_t dim = data.getDimSize(axis);
  if (scheme.getGranularity() == Granularity::per_channel)
    return SmallVector<int64_t>{dim};
  SmallVector<int64_t> shape(data.getShape());
  int64_t groupSize = scheme.getGroupSize();
  if (!ShapedType::isDynamic(dim)) {
    if (dim % groupSize != 0)
      return op->emitOpError()
             << "group_size " << groupSize << " does not divide dimension "
             << axis << " of size " << dim;
    shape[axis] = dim / groupSize;
  }
  return shape;
}

/// Checks that `param` (a scale or zero point named `name`) has element type
/// `elementType` and the shape the granularity requires for `data`.
static LogicalResult verifyParam(Operation *op, SchemeAttr scheme,
                                 ShapedType data, Value param, StringRef name,
                                 Type elementType) {
  auto paramType = cast<RankedTensorType>(param.getType());
  if (paramType.getElementType() != elementType)
    return op->emitOpError()
           << name << " element type " << paramType.getElementType()
           << " must be " << elementType;
  FailureOr<SmallVector<int64_t>> expected = getParamShape(op, scheme, data);
  if (failed(expected))
    return failure();
  bool perTensorVector = scheme.getGranularity() == Granularity::per_tensor &&
                         paramType.getShape() == ArrayRef<int64_t>{1};
  if (perTensorVector)
    return success();
  if (failed(verifyCompatibleShape(paramType.getShape(), *expected)) ||
      paramType.getRank() != static_cast<int64_t>(expected->size())) {
    InFlightDiagnostic diag = op->emitOpError()
                              << stringifyGranularity(scheme.getGranularity())
                              << " " << name << " must have shape [";
    llvm::interleaveComma(*expected, diag, [&](int64_t d) {
      if (ShapedType::isDynamic(d))
        diag << "?";
      else
        diag << d;
    });
    return diag << "], got " << paramType;
  }
  return success();
}

/// Checks constant scales: every one must be positive and finite.
static LogicalResult verifyConstantScale(Operation *op, Value scale,
                                         StringRef name) {
  DenseFPElementsAttr values;
  if (!matchPattern(scale, m_Constant(&values)))
    return success();
  for (APFloat value : values) {
    if (value.isNegative() || value.isZero() || !value.isFinite())
      return op->emitOpError() << name << " must be positive and finite, got "
                               << value.convertToDouble();
  }
  return success();
}

/// Checks constant integer parameters against [min, max], the `rangeName`
/// range; `isSigned` says how the signless bits read.
static LogicalResult verifyConstantRange(Operation *op, Value param,
                                         StringRef name, bool isSigned,
                                         int64_t min, int64_t max,
                                         StringRef rangeName = "storage") {
  DenseIntElementsAttr values;
  if (!param || !matchPattern(param, m_Constant(&values)))
    return success();
  for (APInt value : values) {
    int64_t v = isSigned ? value.getSExtValue()
                         : static_cast<int64_t>(value.getZExtValue());
    if (v < min || v > max)
      return op->emitOpError()
             << name << " " << v << " is out of the " << rangeName << " range ["
             << min << ", " << max << "]";
  }
  return success();
}

/// Verifies the operands shared by quantize, dequantize and fake_quant:
/// `real` is the expressed-type tensor, `stored` the storage-type one.
static LogicalResult verifyQuantizationOp(Operation *op, SchemeAttr scheme,
                                          ShapedType real, ShapedType stored,
                                          Value scale, Value zeroPoint) {
  if (real.getElementType() != scheme.getExpressed())
    return op->emitOpError() << "expressed type " << scheme.getExpressed()
                             << " of the scheme does not match element type "
                             << real.getElementType();
  Type storageElement = scheme.getStorageTensorElementType();
  if (stored.getElementType() != storageElement)
    return op->emitOpError()
           << "storage type " << scheme.getStorage()
           << " of the scheme must be held in " << storageElement
           << " elements, got " << stored.getElementType();
  if (failed(verifyCompatibleShape(real, stored)))
    return op->emitOpError() << "input and result shapes must match";
  if (failed(verifyParam(op, scheme, real, scale, "scale",
                         scheme.getExpressed())) ||
      failed(verifyConstantScale(op, scale, "scale")))
    return failure();
  if (scheme.getSymmetric()) {
    if (zeroPoint)
      return op->emitOpError() << "symmetric scheme takes no zero point";
    return success();
  }
  if (!zeroPoint)
    return op->emitOpError() << "asymmetric scheme requires a zero point";
  if (failed(verifyParam(op, scheme, real, zeroPoint, "zero point",
                         storageElement)))
    return failure();
  return verifyConstantRange(op, zeroPoint, "zero point",
                             scheme.isSignedStorage(), scheme.getStorageMin(),
                             scheme.getStorageMax());
}

//===----------------------------------------------------------------------===//
// QuantizeOp
//===----------------------------------------------------------------------===//

LogicalResult QuantizeOp::verify() {
  return verifyQuantizationOp(*this, getScheme(), getInput().getType(),
                              getResult().getType(), getScale(),
                              getZeroPoint());
}

/// Whether two schemes give the same meaning to stored values: the fields
/// that only affect quantization (rounding, saturation, reciprocal, narrow
/// range) may differ.
static bool sameStoredMeaning(SchemeAttr a, SchemeAttr b) {
  return a.getStorage() == b.getStorage() &&
         a.getExpressed() == b.getExpressed() &&
         a.getGranularity() == b.getGranularity() &&
         a.getAxis() == b.getAxis() && a.getGroupSize() == b.getGroupSize() &&
         a.getSymmetric() == b.getSymmetric();
}

/// quantize(dequantize(q, s, z), s, z) -> q, when the reference library shows
/// that every storage value survives the round trip under the constant
/// parameters (NaN codes compare as NaN).
OpFoldResult QuantizeOp::fold(FoldAdaptor) {
  auto dequantize = getInput().getDefiningOp<DequantizeOp>();
  if (!dequantize || dequantize.getInput().getType() != getType() ||
      dequantize.getScale() != getScale() ||
      dequantize.getZeroPoint() != getZeroPoint() ||
      !sameStoredMeaning(dequantize.getScheme(), getScheme()))
    return {};
  FailureOr<QuantParams> params =
      getConstantParams(getScale(), getZeroPoint(), getScheme());
  if (failed(params) || !isQuantizeDequantizeIdentity(dequantize.getScheme(),
                                                      getScheme(), *params))
    return {};
  return dequantize.getInput();
}

//===----------------------------------------------------------------------===//
// DequantizeOp
//===----------------------------------------------------------------------===//

LogicalResult DequantizeOp::verify() {
  return verifyQuantizationOp(*this, getScheme(), getResult().getType(),
                              getInput().getType(), getScale(), getZeroPoint());
}

namespace {
/// Rewrite dequantize(quantize(x, s, z), s, z) to fake_quant(x, s, z): the
/// fake_quant op is defined as exactly this composition.
struct DequantizeOfQuantize : public OpRewritePattern<DequantizeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(DequantizeOp op,
                                PatternRewriter &rewriter) const override {
    auto quantize = op.getInput().getDefiningOp<QuantizeOp>();
    if (!quantize || quantize.getInput().getType() != op.getType() ||
        quantize.getScale() != op.getScale() ||
        quantize.getZeroPoint() != op.getZeroPoint() ||
        !sameStoredMeaning(quantize.getScheme(), op.getScheme()))
      return rewriter.notifyMatchFailure(op, "not a matching quantize");
    rewriter.replaceOpWithNewOp<FakeQuantOp>(
        op, op.getType(), quantize.getInput(), quantize.getScale(),
        quantize.getZeroPoint(), quantize.getScheme());
    return success();
  }
};
} // namespace

void DequantizeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                               MLIRContext *context) {
  results.add<DequantizeOfQuantize>(context);
}

//===----------------------------------------------------------------------===//
// FakeQuantOp
//===----------------------------------------------------------------------===//

LogicalResult FakeQuantOp::verify() {
  SchemeAttr scheme = getScheme();
  auto storedType = RankedTensorType::get(getInput().getType().getShape(),
                                          scheme.getStorageTensorElementType());
  return verifyQuantizationOp(*this, scheme, getInput().getType(), storedType,
                              getScale(), getZeroPoint());
}

/// fake_quant(fake_quant(x, s, z), s, z) -> fake_quant(x, s, z), when the
/// reference library shows that re-quantizing a dequantized value is exact.
OpFoldResult FakeQuantOp::fold(FoldAdaptor) {
  auto inner = getInput().getDefiningOp<FakeQuantOp>();
  if (!inner || inner.getScale() != getScale() ||
      inner.getZeroPoint() != getZeroPoint() ||
      !sameStoredMeaning(inner.getScheme(), getScheme()))
    return {};
  FailureOr<QuantParams> params =
      getConstantParams(getScale(), getZeroPoint(), getScheme());
  if (failed(params) ||
      !isQuantizeDequantizeIdentity(inner.getScheme(), getScheme(), *params))
    return {};
  return inner.getResult();
}

//===----------------------------------------------------------------------===//
// RequantizeOp
//===----------------------------------------------------------------------===//

int64_t RequantizeOp::getResultMin() {
  unsigned width = getType().getElementTypeBitWidth();
  if (getUnsignedOutput())
    return getNarrowRange() ? 1 : 0;
  int64_t min = -(int64_t(1) << (width - 1));
  return getNarrowRange() ? min + 1 : min;
}

int64_t RequantizeOp::getResultMax() {
  unsigned width = getType().getElementTypeBitWidth();
  if (getUnsignedOutput())
    return (int64_t(1) << width) - 1;
  return (int64_t(1) << (width - 1)) - 1;
}

LogicalResult RequantizeOp::verify() {
  RankedTensorType inputType = getInput().getType();
  if (failed(verifyCompatibleShape(inputType, getType())))
    return emitOpError() << "input and result shapes must match";

  bool floatMode = getMode() == RequantizeMode::float_multiplier;
  Type multiplierElement = getMultiplier().getType().getElementType();
  if (floatMode != multiplierElement.isF32())
    return emitOpError() << "mode " << stringifyRequantizeMode(getMode())
                         << " requires an " << (floatMode ? "f32" : "i32")
                         << " multiplier";
  if (floatMode && getShift())
    return emitOpError() << "float_multiplier mode takes no shift";
  if (!floatMode && !getShift())
    return emitOpError() << "mode " << stringifyRequantizeMode(getMode())
                         << " requires a shift";
  if (!floatMode && getRounding() != RoundingMode::half_even)
    return emitOpError() << "rounding applies only to float_multiplier mode";
  if (getInputZp() &&
      getInputZp().getType().getElementType() != inputType.getElementType())
    return emitOpError() << "input_zp element type must be "
                         << inputType.getElementType();
  if (getOutputZp() &&
      getOutputZp().getType().getElementType() != getType().getElementType())
    return emitOpError() << "output_zp element type must be "
                         << getType().getElementType();

  // Every parameter is per tensor (rank 0) or per channel along `axis`.
  std::optional<int64_t> axis = getAxis();
  if (axis && (*axis < 0 || *axis >= inputType.getRank()))
    return emitOpError() << "axis " << *axis
                         << " is out of range for a tensor of rank "
                         << inputType.getRank();
  for (auto [value, name] :
       {std::pair<Value, StringRef>{getMultiplier(), "multiplier"},
        {getShift(), "shift"},
        {getInputZp(), "input_zp"},
        {getOutputZp(), "output_zp"}}) {
    if (!value)
      continue;
    auto type = cast<RankedTensorType>(value.getType());
    if (type.getRank() == 0)
      continue;
    if (!axis)
      return emitOpError() << name << " of rank " << type.getRank()
                           << " requires an axis";
    int64_t dim = inputType.getDimSize(*axis);
    if (type.getRank() != 1 ||
        failed(verifyCompatibleShape({type.getDimSize(0)}, {dim})))
      return emitOpError() << "per-channel " << name << " must have shape ["
                           << (ShapedType::isDynamic(dim) ? std::string("?")
                                                          : std::to_string(dim))
                           << "], got " << type;
  }

  if (floatMode) {
    if (failed(verifyConstantScale(*this, getMultiplier(), "multiplier")))
      return failure();
  } else if (failed(verifyConstantRange(*this, getMultiplier(), "multiplier",
                                        /*isSigned=*/true, 0, INT32_MAX,
                                        "fixed-point multiplier")) ||
             failed(verifyConstantRange(*this, getShift(), "shift",
                                        /*isSigned=*/true, 2, 62,
                                        "TOSA shift"))) {
    return failure();
  }
  return verifyConstantRange(*this, getOutputZp(), "output_zp",
                             !getUnsignedOutput(), getResultMin(),
                             getResultMax());
}

/// A requantize whose constant parameters map every input value to itself
/// (checked against the reference library) folds to its input.
OpFoldResult RequantizeOp::fold(FoldAdaptor) {
  if (getInput().getType() != getType())
    return {};
  if (isRequantizeIdentity(*this))
    return getInput();
  return {};
}

//===----------------------------------------------------------------------===//
// ComputeParamsOp
//===----------------------------------------------------------------------===//

LogicalResult ComputeParamsOp::verify() {
  SchemeAttr scheme = getScheme();
  RankedTensorType inputType = getInput().getType();
  if (inputType.getElementType() != scheme.getExpressed())
    return emitOpError() << "expressed type " << scheme.getExpressed()
                         << " of the scheme does not match element type "
                         << inputType.getElementType();
  if (failed(verifyParam(*this, scheme, inputType, getScale(), "scale",
                         scheme.getExpressed())))
    return failure();
  if (scheme.getSymmetric()) {
    if (getZeroPoint())
      return emitOpError() << "symmetric scheme takes no zero point result";
    if (scheme.isIntegerStorage() && !scheme.isSignedStorage())
      return emitOpError()
             << "symmetric parameters need signed or float storage";
  } else {
    if (!getZeroPoint())
      return emitOpError() << "asymmetric scheme requires a zero point result";
    if (failed(verifyParam(*this, scheme, inputType, getZeroPoint(),
                           "zero point", scheme.getStorageTensorElementType())))
      return failure();
  }

  bool meanStd = getMethod() == ParamsMethod::mean_std;
  bool percentile = getMethod() == ParamsMethod::percentile;
  if (meanStd != getK().has_value())
    return emitOpError() << (meanStd ? "mean_std requires k"
                                     : "k applies only to mean_std");
  if (meanStd && !(getK()->convertToDouble() > 0.0))
    return emitOpError() << "k must be positive, got "
                         << getK()->convertToDouble();
  if (percentile != getPercentile().has_value())
    return emitOpError() << (percentile
                                 ? "method percentile requires percentile"
                                 : "percentile applies only to method "
                                   "percentile");
  double p = percentile ? getPercentile()->convertToDouble() : 0.0;
  if (percentile && !(p > 50.0 && p <= 100.0))
    return emitOpError() << "percentile must be in (50, 100], got " << p;
  return success();
}

//===----------------------------------------------------------------------===//
// CastOp
//===----------------------------------------------------------------------===//

LogicalResult CastOp::verify() {
  if (failed(verifyCompatibleShape(getInput().getType(), getType())))
    return emitOpError() << "input and result shapes must match";
  if (getScale())
    return verifyConstantScale(*this, getScale(), "scale");
  return success();
}

/// A cast to its own type without a scale is the identity, unless it
/// saturates a format with infinities (+-Inf becomes +-max).
OpFoldResult CastOp::fold(FoldAdaptor) {
  if (getScale() || getInput().getType() != getType())
    return {};
  Type element = getType().getElementType();
  if (getSaturate() && !isa<Float8E4M3FNType>(element))
    return {};
  return getInput();
}

//===----------------------------------------------------------------------===//
// MatmulOp
//===----------------------------------------------------------------------===//

/// Verifies one quantized matmul operand: its scheme, its parameters, and
/// which axes their granularity may use (`allowedChannelAxis` for
/// per_channel, `kAxis` for per_group).
static LogicalResult
verifyMatmulOperand(MatmulOp op, StringRef name, RankedTensorType type,
                    SchemeAttr scheme, Value scale, Value zeroPoint,
                    int64_t allowedChannelAxis, int64_t kAxis) {
  if (failed(verifyQuantizationOp(op, scheme, type.clone(scheme.getExpressed()),
                                  type, scale, zeroPoint)))
    return failure();
  Granularity granularity = scheme.getGranularity();
  if (granularity == Granularity::per_channel &&
      scheme.getAxis() != allowedChannelAxis)
    return op.emitOpError()
           << name << " per_channel axis must be " << allowedChannelAxis;
  if (granularity == Granularity::per_group && scheme.getAxis() != kAxis)
    return op.emitOpError()
           << name << " per_group axis must be the K axis " << kAxis;
  return success();
}

LogicalResult MatmulOp::verify() {
  RankedTensorType lhsType = getLhs().getType();
  RankedTensorType rhsType = getRhs().getType();
  RankedTensorType resultType = getType();
  int64_t rank = lhsType.getRank();
  if (rank < 2 || rhsType.getRank() != rank || resultType.getRank() != rank)
    return emitOpError()
           << "operands and result must have the same rank, at least 2";
  ArrayRef<int64_t> lhsShape = lhsType.getShape(),
                    rhsShape = rhsType.getShape(),
                    resultShape = resultType.getShape();
  SmallVector<int64_t> expectedResult(lhsShape.drop_back());
  expectedResult.push_back(rhsShape.back());
  if (failed(verifyCompatibleShape(lhsShape.drop_back(2),
                                   rhsShape.drop_back(2))) ||
      failed(verifyCompatibleShape({lhsShape.back()}, {rhsShape[rank - 2]})) ||
      failed(verifyCompatibleShape(resultShape, expectedResult)))
    return emitOpError() << "shapes " << lhsType << " x " << rhsType << " -> "
                         << resultType << " do not form a matmul";

  // rhs: per tensor, per column (N axis) or per group along K.
  SchemeAttr rhsScheme = getRhsScheme();
  if (failed(verifyMatmulOperand(*this, "rhs", rhsType, rhsScheme,
                                 getRhsScale(), getRhsZp(), rank - 1,
                                 rank - 2)))
    return failure();

  // lhs: quantized (per tensor, per row, per group along K) or plain float.
  std::optional<SchemeAttr> lhsScheme = getLhsScheme();
  if (lhsScheme.has_value() != static_cast<bool>(getLhsScale()))
    return emitOpError() << "lhs_scheme and lhs_scale go together";
  if (lhsScheme) {
    if (failed(verifyMatmulOperand(*this, "lhs", lhsType, *lhsScheme,
                                   getLhsScale(), getLhsZp(), rank - 2,
                                   rank - 1)))
      return failure();
    if (lhsScheme->getExpressed() != rhsScheme.getExpressed())
      return emitOpError() << "lhs and rhs schemes must share the expressed "
                              "type";
  } else {
    if (getLhsZp())
      return emitOpError() << "an unquantized lhs takes no zero point";
    if (lhsType.getElementType() != rhsScheme.getExpressed())
      return emitOpError() << "an unquantized lhs must have the expressed type "
                           << rhsScheme.getExpressed();
  }

  if (getAccumulation() == Accumulation::i32 &&
      (!lhsScheme || !lhsScheme->isIntegerStorage() ||
       !rhsScheme.isIntegerStorage()))
    return emitOpError()
           << "i32 accumulation requires integer storage on both operands";
  if (getAccumulation() == Accumulation::i32 && lhsScheme &&
      lhsScheme->getGranularity() == Granularity::per_group &&
      (rhsScheme.getGranularity() != Granularity::per_group ||
       rhsScheme.getGroupSize() != lhsScheme->getGroupSize()))
    return emitOpError() << "i32 accumulation with per_group lhs requires "
                            "rhs groups of the same size";

  if (Value bias = getBias()) {
    auto biasType = cast<RankedTensorType>(bias.getType());
    if (biasType.getRank() != 1 ||
        failed(
            verifyCompatibleShape({biasType.getDimSize(0)}, {rhsShape.back()})))
      return emitOpError() << "bias must have shape [N], got " << biasType;
  }

  std::optional<SchemeAttr> resultScheme = getResultScheme();
  if (!resultScheme) {
    if (getResultScale() || getResultZp())
      return emitOpError()
             << "result_scale and result_zp require a result_scheme";
    if (resultType.getElementType() != rhsScheme.getExpressed())
      return emitOpError() << "result element type must be the expressed type "
                           << rhsScheme.getExpressed();
    return success();
  }
  if (resultScheme->getGranularity() == Granularity::per_group)
    return emitOpError() << "result_scheme cannot be per_group";
  if (!getResultScale())
    return emitOpError() << "result_scheme requires result_scale";
  if (resultScheme->getGranularity() == Granularity::per_channel &&
      resultScheme->getAxis() != rank - 1)
    return emitOpError() << "result per_channel axis must be " << rank - 1;
  return verifyQuantizationOp(*this, *resultScheme,
                              resultType.clone(resultScheme->getExpressed()),
                              resultType, getResultScale(), getResultZp());
}

namespace {
/// A rank-0 view of `v` if it is a parameter of shape [1] (as TFLite and
/// TOSA give per-tensor ones), else null. The lowering reads a rank-0
/// parameter through a `()` map where a [1] one needs `(0)`, which is not a
/// projected permutation: reshape propagation and the matmul kernels' fused
/// epilogues would not take the op.
Value getRankZeroView(PatternRewriter &rewriter, Location loc, Value v) {
  auto type = cast<RankedTensorType>(v.getType());
  if (type.getShape() != ArrayRef<int64_t>{1})
    return {};
  return tensor::CollapseShapeOp::create(
      rewriter, loc, RankedTensorType::get({}, type.getElementType()), v,
      ArrayRef<ReassociationIndices>{});
}

/// Replaces each of `params` (operand, and whether it is per tensor) of
/// shape [1] by its rank-0 view.
LogicalResult
makeParamsRankZero(PatternRewriter &rewriter, Operation *op,
                   ArrayRef<std::pair<OpOperand *, bool>> params) {
  bool changed = false;
  for (auto [operand, perTensor] : params) {
    Value view = operand && perTensor
                     ? getRankZeroView(rewriter, op->getLoc(), operand->get())
                     : Value();
    if (!view)
      continue;
    OpOperand *param = operand;
    rewriter.modifyOpInPlace(op, [&] { param->set(view); });
    changed = true;
  }
  return success(changed);
}

OpOperand *getOptionalOperand(MutableOperandRange range) {
  return range.empty() ? nullptr : &range[0];
}

/// Per-tensor scales and zero points of shape [1] become rank-0 tensors
/// (see getRankZeroView).
struct RankZeroPerTensorParams : OpRewritePattern<MatmulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(MatmulOp op,
                                PatternRewriter &rewriter) const override {
    auto perTensor = [](std::optional<SchemeAttr> scheme) {
      return scheme && scheme->getGranularity() == Granularity::per_tensor;
    };
    bool lhs = perTensor(op.getLhsScheme()), rhs = perTensor(op.getRhsScheme()),
         result = perTensor(op.getResultScheme());
    return makeParamsRankZero(
        rewriter, op,
        {{getOptionalOperand(op.getLhsScaleMutable()), lhs},
         {&op.getRhsScaleMutable(), rhs},
         {getOptionalOperand(op.getLhsZpMutable()), lhs},
         {getOptionalOperand(op.getRhsZpMutable()), rhs},
         {getOptionalOperand(op.getResultScaleMutable()), result},
         {getOptionalOperand(op.getResultZpMutable()), result}});
  }
};

/// Zero points of shape [1] (one for the whole operand) become rank-0
/// tensors (see getRankZeroView).
struct RankZeroMatmulIntegerZps : OpRewritePattern<MatmulIntegerOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(MatmulIntegerOp op,
                                PatternRewriter &rewriter) const override {
    return makeParamsRankZero(
        rewriter, op,
        {{getOptionalOperand(op.getLhsZpMutable()), true},
         {getOptionalOperand(op.getRhsZpMutable()), true}});
  }
};
} // namespace

void MatmulOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                           MLIRContext *context) {
  results.add<RankZeroPerTensorParams>(context);
}

//===----------------------------------------------------------------------===//
// MatmulIntegerOp
//===----------------------------------------------------------------------===//

/// Checks that zero point `zp` (may be null) of a matmul_integer operand is
/// per tensor (`[]` or `[1]`) or has one value per `dimName` (size `dim`).
static LogicalResult verifyMatmulIntegerZp(MatmulIntegerOp op, Value zp,
                                           StringRef name, StringRef dimName,
                                           int64_t dim) {
  if (!zp)
    return success();
  auto type = cast<RankedTensorType>(zp.getType());
  if (type.getRank() == 0 ||
      (type.getRank() == 1 &&
       (type.getDimSize(0) == 1 ||
        succeeded(verifyCompatibleShape({type.getDimSize(0)}, {dim})))))
    return success();
  return op.emitOpError() << name << " must have shape [], [1] or [" << dimName
                          << "], got " << type;
}

LogicalResult MatmulIntegerOp::verify() {
  RankedTensorType lhsType = getLhs().getType();
  RankedTensorType rhsType = getRhs().getType();
  RankedTensorType resultType = getType();
  int64_t rank = lhsType.getRank(), rhsRank = rhsType.getRank();
  if (rank < 2 || (rhsRank != rank && rhsRank != 2) ||
      resultType.getRank() != rank)
    return emitOpError() << "lhs must have rank at least 2, rhs the same rank "
                            "or rank 2, and the result the rank of lhs";
  ArrayRef<int64_t> lhsShape = lhsType.getShape(),
                    rhsShape = rhsType.getShape();
  SmallVector<int64_t> expectedResult(lhsShape.drop_back());
  expectedResult.push_back(rhsShape.back());
  if ((rhsRank == rank && failed(verifyCompatibleShape(
                              lhsShape.drop_back(2), rhsShape.drop_back(2)))) ||
      failed(
          verifyCompatibleShape({lhsShape.back()}, {rhsShape[rhsRank - 2]})) ||
      failed(verifyCompatibleShape(resultType.getShape(), expectedResult)))
    return emitOpError() << "shapes " << lhsType << " x " << rhsType << " -> "
                         << resultType << " do not form a matmul";
  if (failed(verifyMatmulIntegerZp(*this, getLhsZp(), "lhs_zp", "M",
                                   lhsShape[rank - 2])) ||
      failed(verifyMatmulIntegerZp(*this, getRhsZp(), "rhs_zp", "N",
                                   rhsShape.back())))
    return failure();
  return success();
}

void MatmulIntegerOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                  MLIRContext *context) {
  results.add<RankZeroMatmulIntegerZps>(context);
}

#define GET_OP_CLASSES
#include "quanta/Dialect/Quanta/QuantaOps.cpp.inc"
