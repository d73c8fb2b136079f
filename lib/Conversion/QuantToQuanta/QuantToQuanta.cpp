//===- QuantToQuanta.cpp - quant.qcast/dcast to Quanta ops ----------------===//
//
// This file implements the conversion of upstream `quant.qcast` and
// `quant.dcast` on `!quant.uniform` tensors into `quanta.quantize` and
// `quanta.dequantize`, so that they get ONNX numerics instead of upstream
// `--lower-quant-ops`' truncation.
//
//===----------------------------------------------------------------------===//

#include "quanta/Conversion/Passes.h"
#include "quanta/Dialect/Quanta/QuantaOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_CONVERTQUANTTOQUANTA
#include "quanta/Conversion/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;
using namespace mlir::quanta;

namespace {

/// What a `!quant.uniform` tensor type means in Quanta terms.
struct QuantaParams {
  SchemeAttr scheme;
  DenseElementsAttr scale;
  DenseElementsAttr zeroPoint; // Null for symmetric schemes.
};

/// Reads the scheme and constant parameters off `quantType`, the element type
/// of `tensorType`, or reports why Quanta cannot represent it.
FailureOr<QuantaParams> getParams(Operation *op, RankedTensorType tensorType,
                                  quant::UniformQuantizedType perTensor,
                                  quant::QuantizedType quantType) {
  MLIRContext *ctx = op->getContext();
  unsigned width = quantType.getStorageTypeIntegralWidth();
  bool isSigned = quantType.isSigned();
  if (width != 8 && width != 4)
    return op->emitOpError() << "storage of " << width
                             << " bits is not supported (Quanta stores 4 or 8 "
                                "bit integers)";
  Type expressed = quantType.getExpressedType();
  if (!isa<Float32Type, Float16Type, BFloat16Type>(expressed))
    return op->emitOpError() << "expressed type " << expressed
                             << " is not supported (expected f32, f16, bf16)";
  int64_t fullMin =
      quant::QuantizedType::getDefaultMinimumForInteger(isSigned, width);
  int64_t fullMax =
      quant::QuantizedType::getDefaultMaximumForInteger(isSigned, width);
  int64_t min = quantType.getStorageTypeMin();
  int64_t max = quantType.getStorageTypeMax();
  bool narrow = min == fullMin + 1 && max == fullMax;
  if (max != fullMax || (min != fullMin && !narrow))
    return op->emitOpError() << "storage range [" << min << ", " << max
                             << "] is neither the full nor the narrow range";

  Type storage = IntegerType::get(
      ctx, width, isSigned ? IntegerType::Signless : IntegerType::Unsigned);
  Type storageElement = IntegerType::get(ctx, width);
  Granularity granularity = Granularity::per_tensor;
  int64_t axis = -1, groupSize = 0;
  SmallVector<double> scales;
  SmallVector<int64_t> zeroPoints, paramShape;

  if (perTensor) {
    scales.push_back(perTensor.getScale());
    zeroPoints.push_back(perTensor.getZeroPoint());
  } else if (auto perAxis =
                 dyn_cast<quant::UniformQuantizedPerAxisType>(quantType)) {
    granularity = Granularity::per_channel;
    axis = perAxis.getQuantizedDimension();
    llvm::append_range(scales, perAxis.getScales());
    llvm::append_range(zeroPoints, perAxis.getZeroPoints());
    paramShape.push_back(scales.size());
  } else if (auto subChannel =
                 dyn_cast<quant::UniformQuantizedSubChannelType>(quantType)) {
    // Quanta's per_group blocks one axis; every other axis must have one
    // parameter per element.
    granularity = Granularity::per_group;
    auto scaleShape = subChannel.getScales().getType().getShape();
    if (!tensorType.hasStaticShape() ||
        scaleShape.size() != static_cast<size_t>(tensorType.getRank()))
      return op->emitOpError() << "sub-channel quantization needs a static "
                                  "shape of the scales' rank";
    for (auto [dim, size] : llvm::enumerate(tensorType.getShape())) {
      int64_t block = size / scaleShape[dim];
      if (block == 1)
        continue;
      if (axis != -1)
        return op->emitOpError()
               << "sub-channel quantization with blocks on more than one "
                  "axis is not supported";
      axis = dim;
      groupSize = block;
    }
    if (axis == -1) {
      axis = 0;
      groupSize = 1;
    }
    for (APFloat value : subChannel.getScales().getValues<APFloat>())
      scales.push_back(value.convertToDouble());
    for (APInt value : subChannel.getZeroPoints().getValues<APInt>())
      zeroPoints.push_back(value.getSExtValue());
    llvm::append_range(paramShape, scaleShape);
  } else {
    return op->emitOpError() << "unsupported quantized type " << quantType;
  }

  // A zero point is a storage value (upstream's types do not check it).
  for (int64_t zp : zeroPoints)
    if (zp < fullMin || zp > fullMax)
      return op->emitOpError()
             << "zero point " << zp << " is outside the range of the storage "
             << "type [" << fullMin << ", " << fullMax << "]";
  bool symmetric =
      isSigned && llvm::all_of(zeroPoints, [](int64_t z) { return z == 0; });
  QuantaParams params;
  params.scheme = SchemeAttr::get(ctx, storage, expressed, granularity, axis,
                                  groupSize, symmetric, narrow,
                                  RoundingMode::half_even, /*saturate=*/true,
                                  /*reciprocal=*/false);
  auto floatType = cast<FloatType>(expressed);
  SmallVector<APFloat> scaleValues;
  for (double scale : scales) {
    APFloat value(scale);
    bool losesInfo;
    value.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                  &losesInfo);
    scaleValues.push_back(value);
  }
  params.scale = DenseElementsAttr::get(
      RankedTensorType::get(paramShape, expressed), scaleValues);
  if (!symmetric) {
    SmallVector<APInt> zpValues;
    for (int64_t zp : zeroPoints)
      zpValues.push_back(APInt(width, zp, /*isSigned=*/true,
                               /*implicitTrunc=*/true));
    params.zeroPoint = DenseElementsAttr::get(
        RankedTensorType::get(paramShape, storageElement), zpValues);
  }
  return params;
}

/// Finds the quantized tensor type of `value` or reports that it has none.
FailureOr<QuantaParams> getParams(Operation *op, Type type) {
  auto tensorType = dyn_cast<RankedTensorType>(type);
  auto quantType =
      tensorType ? dyn_cast<quant::QuantizedType>(tensorType.getElementType())
                 : quant::QuantizedType();
  if (!quantType)
    return op->emitOpError()
           << "only ranked tensors of !quant.uniform types are supported, got "
           << type;
  return getParams(op, tensorType,
                   dyn_cast<quant::UniformQuantizedType>(quantType), quantType);
}

/// Materializes the parameters as constants before `op`.
std::pair<Value, Value> createParamConstants(RewriterBase &rewriter,
                                             Location loc,
                                             const QuantaParams &params) {
  Value scale = arith::ConstantOp::create(rewriter, loc, params.scale);
  Value zeroPoint;
  if (params.zeroPoint)
    zeroPoint = arith::ConstantOp::create(rewriter, loc, params.zeroPoint);
  return {scale, zeroPoint};
}

/// Lower quant.qcast to quanta.quantize + quant.scast.
LogicalResult convertQuantizeCast(RewriterBase &rewriter,
                                  quant::QuantizeCastOp op) {
  FailureOr<QuantaParams> params = getParams(op, op.getType());
  if (failed(params))
    return failure();
  rewriter.setInsertionPoint(op);
  auto [scale, zeroPoint] =
      createParamConstants(rewriter, op.getLoc(), *params);
  auto quantTensor = cast<RankedTensorType>(op.getType());
  auto storageTensor =
      quantTensor.clone(params->scheme.getStorageTensorElementType());
  Value stored =
      QuantizeOp::create(rewriter, op.getLoc(), storageTensor, op.getInput(),
                         scale, zeroPoint, params->scheme);
  rewriter.replaceOpWithNewOp<quant::StorageCastOp>(op, quantTensor, stored);
  return success();
}

/// Lower quant.dcast to quant.scast + quanta.dequantize.
LogicalResult convertDequantizeCast(RewriterBase &rewriter,
                                    quant::DequantizeCastOp op) {
  FailureOr<QuantaParams> params = getParams(op, op.getInput().getType());
  if (failed(params))
    return failure();
  rewriter.setInsertionPoint(op);
  auto [scale, zeroPoint] =
      createParamConstants(rewriter, op.getLoc(), *params);
  auto quantTensor = cast<RankedTensorType>(op.getInput().getType());
  Value stored = quant::StorageCastOp::create(
      rewriter, op.getLoc(),
      quantTensor.clone(params->scheme.getStorageTensorElementType()),
      op.getInput());
  rewriter.replaceOpWithNewOp<DequantizeOp>(op, op.getType(), stored, scale,
                                            zeroPoint, params->scheme);
  return success();
}

struct ConvertQuantToQuantaPass
    : public quanta::impl::ConvertQuantToQuantaBase<ConvertQuantToQuantaPass> {
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    bool failedAny = false;
    // A calibrated type has a range but neither scale nor storage type:
    // nothing can compile it (and upstream --strip-func-quant-types, which
    // runs next in --quanta-import, crashes on it).
    auto rejectCalibrated = [&](Operation *op, TypeRange types) {
      for (Type type : types) {
        auto shaped = dyn_cast<ShapedType>(type);
        Type element = shaped ? shaped.getElementType() : type;
        if (!isa<quant::CalibratedQuantizedType>(element))
          continue;
        op->emitError() << element
                        << " has a range but no scale or storage type; "
                           "calibrate it to !quant.uniform first";
        failedAny = true;
        return;
      }
    };
    getOperation()->walk([&](Operation *op) {
      SmallVector<Type> types(op->getResultTypes());
      if (auto func = dyn_cast<FunctionOpInterface>(op)) {
        llvm::append_range(types, func.getArgumentTypes());
        llvm::append_range(types, func.getResultTypes());
      }
      rejectCalibrated(op, types);
    });
    if (failedAny)
      return signalPassFailure();
    getOperation()->walk([&](Operation *op) {
      LogicalResult result = success();
      if (auto qcast = dyn_cast<quant::QuantizeCastOp>(op))
        result = convertQuantizeCast(rewriter, qcast);
      else if (auto dcast = dyn_cast<quant::DequantizeCastOp>(op))
        result = convertDequantizeCast(rewriter, dcast);
      failedAny |= failed(result);
    });
    if (failedAny)
      signalPassFailure();
  }
};

} // namespace
