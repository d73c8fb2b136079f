//===- OutlineMatmul.cpp - Set quanta.matmul aside for GPU kernels --------===//
//
// This file implements `--quanta-outline-gpu-matmul`: the matmuls that have a
// tensor-core kernel become calls to marker functions, which survive the
// linalg lowering and bufferization and are lowered to kernels by
// `--convert-quanta-matmul-to-nvvm` (MatmulToNVVM.cpp).
//
//===----------------------------------------------------------------------===//

#include "GPUMatmul.h"

#include "quanta/Conversion/Passes.h"
#include "quanta/Dialect/Quanta/QuantaOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/SymbolTable.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_OUTLINEGPUMATMUL
#include "quanta/Conversion/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;
using namespace mlir::quanta;

int mlir::quanta::gpu_matmul::getSMVersion(StringRef chip) {
  int version = 0;
  if (!chip.consume_front("sm_") || chip.consumeInteger(10, version))
    return 0;
  return version;
}

/// Whether `scheme`'s parameters are per tensor, or per channel along
/// `channelAxis` (the M axis of lhs, the N axis of rhs: the last but one or
/// the last axis).
static bool hasMatmulParams(SchemeAttr scheme, int64_t channelAxis) {
  switch (scheme.getGranularity()) {
  case Granularity::per_tensor:
    return true;
  case Granularity::per_channel:
    return scheme.getAxis() == channelAxis;
  case Granularity::per_group:
    return false;
  }
  return false;
}

/// Whether the result is a float, or 8-bit storage quantized per tensor or
/// per column.
static bool hasKernelResult(MatmulOp op) {
  if (std::optional<SchemeAttr> result = op.getResultScheme())
    return result->getStorageWidth() == 8 &&
           hasMatmulParams(*result, op.getType().getRank() - 1);
  return isa<Float32Type, Float16Type, BFloat16Type>(
      op.getType().getElementType());
}

bool mlir::quanta::gpu_matmul::isWeightOnlyInt4(MatmulOp op) {
  SchemeAttr rhs = op.getRhsScheme();
  return !op.getLhsScheme() && rhs.isIntegerStorage() &&
         rhs.getStorageWidth() == 4 &&
         op.getAccumulation() == Accumulation::f32;
}

bool mlir::quanta::gpu_matmul::hasWeightOnlyInt4Kernel(MatmulOp op) {
  // The verifier makes the weights' expressed type the activations' type,
  // per-channel parameters per column and per-group ones along K.
  return op.getType().getRank() == 2 &&
         isa<Float16Type, BFloat16Type>(
             op.getLhs().getType().getElementType()) &&
         hasKernelResult(op);
}

/// `v` (a float tensor) converted element by element to `element` by a
/// linalg.generic (arith.extf or arith.truncf), which bufferizes.
static Value convertElements(OpBuilder &b, Location loc, Value v,
                             Type element) {
  auto type = cast<RankedTensorType>(v.getType());
  if (type.getElementType() == element)
    return v;
  SmallVector<Value> sizes;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (type.isDynamicDim(d))
      sizes.push_back(tensor::DimOp::create(b, loc, v, d));
  Value init = tensor::EmptyOp::create(b, loc, type.clone(element), sizes);
  AffineMap identity = b.getMultiDimIdentityMap(type.getRank());
  SmallVector<utils::IteratorType> iterators(type.getRank(),
                                             utils::IteratorType::parallel);
  bool widen = element.getIntOrFloatBitWidth() >
               type.getElementType().getIntOrFloatBitWidth();
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, ValueRange{v}, ValueRange{init},
      ArrayRef<AffineMap>{identity, identity}, iterators,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        Value x =
            widen
                ? arith::ExtFOp::create(nb, l, element, args[0]).getResult()
                : arith::TruncFOp::create(nb, l, element, args[0]).getResult();
        linalg::YieldOp::create(nb, l, x);
      });
  return generic.getResult(0);
}

MatmulOp mlir::quanta::gpu_matmul::dequantizeFloatOperands(MatmulOp op) {
  std::optional<SchemeAttr> lhs = op.getLhsScheme();
  SchemeAttr rhs = op.getRhsScheme();
  int64_t rank = op.getType().getRank();
  if (!lhs || lhs->isIntegerStorage() || rhs.isIntegerStorage() ||
      op.getAccumulation() != Accumulation::f32 || op.getLhsZp() ||
      op.getRhsZp() || !hasMatmulParams(*lhs, rank - 2) ||
      !hasMatmulParams(rhs, rank - 1) || !hasKernelResult(op))
    return MatmulOp();
  Type expressed = lhs->getExpressed();
  if (!isa<Float16Type, BFloat16Type>(expressed))
    return MatmulOp();
  MLIRContext *ctx = op.getContext();
  OpBuilder b(op);
  Location loc = op.getLoc();
  Type f32 = b.getF32Type();
  auto dequantize = [&](Value v, Value scale, SchemeAttr scheme) -> Value {
    auto type = cast<RankedTensorType>(v.getType()).clone(expressed);
    return DequantizeOp::create(b, loc, type, v, scale, Value(), scheme);
  };
  Value a = dequantize(op.getLhs(), op.getLhsScale(), *lhs);
  Value w = dequantize(op.getRhs(), op.getRhsScale(), rhs);
  // The dequantized operands as 16-bit storage with unit f32 scales.
  auto unit = SchemeAttr::get(ctx, expressed, f32, Granularity::per_tensor,
                              /*axis=*/-1, /*group_size=*/0,
                              /*symmetric=*/true, /*narrow_range=*/false,
                              RoundingMode::half_even, /*saturate=*/true,
                              /*reciprocal=*/false);
  Value one = arith::ConstantOp::create(
      b, loc, DenseElementsAttr::get(RankedTensorType::get({}, f32), 1.0f));
  // The bias is f32 already; the result scale widens exactly.
  Value resultScale = op.getResultScale();
  if (resultScale)
    resultScale = convertElements(b, loc, resultScale, f32);
  auto resultType = cast<RankedTensorType>(op.getType());
  SchemeAttr resultScheme;
  if (std::optional<SchemeAttr> r = op.getResultScheme())
    resultScheme = SchemeAttr::get(
        ctx, r->getStorage(), f32, r->getGranularity(), r->getAxis(),
        r->getGroupSize(), r->getSymmetric(), r->getNarrowRange(),
        r->getRounding(), r->getSaturate(), r->getReciprocal());
  auto matmul = MatmulOp::create(
      b, loc, resultScheme ? resultType : resultType.clone(f32), a, w, one, one,
      Value(), Value(), op.getBias(), resultScale, op.getResultZp(), unit, unit,
      resultScheme, op.getAccumulationAttr());
  Value result = matmul;
  if (!resultScheme)
    result = convertElements(b, loc, result, expressed);
  op->replaceAllUsesWith(ValueRange{result});
  op.erase();
  return matmul;
}

std::optional<gpu_matmul::Kind>
mlir::quanta::gpu_matmul::classify(MatmulOp op) {
  if (isWeightOnlyInt4(op)) {
    if (hasWeightOnlyInt4Kernel(op))
      return Kind::W4;
    return std::nullopt;
  }
  int64_t rank = op.getType().getRank();
  std::optional<SchemeAttr> lhs = op.getLhsScheme();
  SchemeAttr rhs = op.getRhsScheme();
  if (!lhs || !hasMatmulParams(*lhs, rank - 2) ||
      !hasMatmulParams(rhs, rank - 1) || !hasKernelResult(op))
    return std::nullopt;
  Type a = lhs->getStorage(), b = rhs.getStorage();
  if (op.getAccumulation() == Accumulation::i32) {
    if (lhs->isIntegerStorage() && rhs.isIntegerStorage() &&
        lhs->getStorageWidth() == 8 && rhs.getStorageWidth() == 8)
      return Kind::Int8;
    return std::nullopt;
  }
  // Float operands dequantized to f16/bf16 are rounded to it, which the
  // tensor cores' products of the raw elements (scaled after the sum)
  // cannot reproduce (see dequantizeFloatOperands).
  if (!lhs->getExpressed().isF32())
    return std::nullopt;
  if ((a.isF16() && b.isF16()) || (a.isBF16() && b.isBF16()))
    return Kind::F16;
  if (isa<Float8E4M3FNType, Float8E5M2Type>(a) &&
      isa<Float8E4M3FNType, Float8E5M2Type>(b))
    return Kind::FP8;
  return std::nullopt;
}

SmallVector<std::pair<func::CallOp, func::FuncOp>>
mlir::quanta::gpu_matmul::getMarkerCalls(ModuleOp module) {
  SmallVector<std::pair<func::CallOp, func::FuncOp>> calls;
  module.walk([&](func::CallOp call) {
    if (!call.getCallee().starts_with(kFunctionPrefix))
      return;
    auto callee = module.lookupSymbol<func::FuncOp>(call.getCallee());
    if (callee && callee->hasAttr(kFunctionAttr))
      calls.push_back({call, callee});
  });
  return calls;
}

LogicalResult mlir::quanta::gpu_matmul::checkArch(Operation *at, Kind kind,
                                                  StringRef chip) {
  if (kind == Kind::FP8 && getSMVersion(chip) < 89)
    return at->emitError() << "FP8 matmul needs the FP8 tensor cores of sm_89 "
                              "or newer (mma.sync e4m3/e5m2); "
                           << chip << " has none";
  return success();
}

namespace {

/// The weights of `op` as N x K (K contiguous) when its rhs is their
/// `linalg.transpose` (what frontends emit for a Linear layer's [out, in]
/// weights) and its kernel family reads 8- or 16-bit rhs words; else null.
Value getKMajorRhs(MatmulOp op, gpu_matmul::Kind kind) {
  auto transpose = op.getRhs().getDefiningOp<linalg::TransposeOp>();
  if (kind == gpu_matmul::Kind::W4 || !transpose ||
      transpose.getPermutation() != ArrayRef<int64_t>{1, 0})
    return Value();
  return transpose.getInput();
}

/// The operands of a quanta.matmul with the role each plays, the rhs being
/// `rhs`.
SmallVector<std::pair<Value, StringRef>> getRoles(MatmulOp op, Value rhs) {
  SmallVector<std::pair<Value, StringRef>> roles;
  auto add = [&](Value v, StringRef role) {
    if (v)
      roles.push_back({v, role});
  };
  add(op.getLhs(), "lhs");
  add(rhs, "rhs");
  add(op.getLhsScale(), "lhs_scale");
  add(op.getRhsScale(), "rhs_scale");
  add(op.getLhsZp(), "lhs_zp");
  add(op.getRhsZp(), "rhs_zp");
  add(op.getBias(), "bias");
  add(op.getResultScale(), "result_scale");
  add(op.getResultZp(), "result_zp");
  return roles;
}

/// Whether the int4 operands of a weight-only int4 matmul (the weights and
/// their zero points) are arguments of a public function, which the C ABI
/// passes packed and the kernel reads as they are; other int4 tensors
/// (constants, a private function's arguments) are one element per byte.
bool int4OperandsArePacked(MatmulOp op) {
  for (Value v : {op.getRhs(), op.getRhsZp()}) {
    if (!v || !cast<ShapedType>(v.getType()).getElementType().isInteger(4))
      continue;
    auto arg = dyn_cast<BlockArgument>(v);
    auto fn = arg ? dyn_cast<func::FuncOp>(arg.getOwner()->getParentOp())
                  : func::FuncOp();
    if (!fn || !fn.isPublic())
      return false;
  }
  return true;
}

/// `scheme` of an operand or result of a batched matmul with its
/// per_channel axis counted from the matrix dimensions (the kernels see one
/// batch's matrices).
SchemeAttr dropBatchAxes(SchemeAttr scheme, int64_t batchRank) {
  if (!batchRank || scheme.getGranularity() != Granularity::per_channel)
    return scheme;
  return SchemeAttr::get(
      scheme.getContext(), scheme.getStorage(), scheme.getExpressed(),
      scheme.getGranularity(), scheme.getAxis() - batchRank,
      scheme.getGroupSize(), scheme.getSymmetric(), scheme.getNarrowRange(),
      scheme.getRounding(), scheme.getSaturate(), scheme.getReciprocal());
}

/// The batch dimensions of `v` (a tensor of rank 3 or more) collapsed into
/// one: `[B..., R, C]` as `[B, R, C]`.
Value collapseBatch(OpBuilder &b, Location loc, Value v) {
  auto type = cast<RankedTensorType>(v.getType());
  int64_t rank = type.getRank();
  if (rank == 3)
    return v;
  return tensor::CollapseShapeOp::create(
      b, loc, v,
      ArrayRef<ReassociationIndices>{
          llvm::to_vector(llvm::seq<int64_t>(0, rank - 2)),
          {rank - 2},
          {rank - 1}});
}

struct OutlineGPUMatmulPass
    : public quanta::impl::OutlineGPUMatmulBase<OutlineGPUMatmulPass> {
  using OutlineGPUMatmulBase::OutlineGPUMatmulBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = module.getContext();
    SymbolTable symbols(module);
    SmallVector<MatmulOp> matmuls;
    module.walk([&](MatmulOp op) { matmuls.push_back(op); });
    bool anyError = false;
    int64_t counter = 0;
    for (MatmulOp op : matmuls) {
      if (MatmulOp rewritten = gpu_matmul::dequantizeFloatOperands(op))
        op = rewritten;
      std::optional<gpu_matmul::Kind> kind = gpu_matmul::classify(op);
      // The other forms go through the linalg lowering.
      if (!kind ||
          (*kind == gpu_matmul::Kind::W4 && !int4OperandsArePacked(op)))
        continue;
      if (failed(gpu_matmul::checkArch(op, *kind, chip))) {
        anyError = true;
        continue;
      }
      OpBuilder b(op);
      Location loc = op.getLoc();
      auto resultType = cast<RankedTensorType>(op.getType());
      // A batched matmul (weights per batch) calls the marker with its batch
      // dimensions collapsed into one; the kernels run batch by batch.
      int64_t batchRank = resultType.getRank() - 2;
      // A transposed rhs is passed untransposed (the kernel stages it by
      // rows), so that no temporary holds the transpose.
      Value kMajorRhs = getKMajorRhs(op, *kind);
      // Sizes from the operands before a dequantization
      // (dequantizeFloatOperands), which the C ABI's result sizes follow.
      auto source = [](Value v) {
        auto dequantize = v.getDefiningOp<DequantizeOp>();
        return dequantize ? dequantize.getInput() : v;
      };
      SmallVector<OpFoldResult> resultSizes;
      SmallVector<Value> dynamicSizes;
      for (int64_t d = 0; d <= batchRank + 1; ++d) {
        if (!resultType.isDynamicDim(d)) {
          resultSizes.push_back(b.getIndexAttr(resultType.getDimSize(d)));
          continue;
        }
        Value size =
            d <= batchRank
                ? tensor::DimOp::create(b, loc, source(op.getLhs()), d)
            : kMajorRhs ? tensor::DimOp::create(b, loc, kMajorRhs, 0)
                        : tensor::DimOp::create(b, loc, source(op.getRhs()), d);
        resultSizes.push_back(size);
        dynamicSizes.push_back(size);
      }
      Value init = tensor::EmptyOp::create(b, loc, resultType, dynamicSizes);

      SmallVector<std::pair<Value, StringRef>> roles =
          getRoles(op, kMajorRhs ? kMajorRhs : op.getRhs());
      roles.push_back({init, gpu_matmul::kInitRole});
      if (batchRank)
        for (auto &[value, role] : roles)
          if (role == "lhs" || role == "rhs" || role == gpu_matmul::kInitRole)
            value = collapseBatch(b, loc, value);
      SmallVector<Value> args;
      SmallVector<Type> argTypes;
      for (auto &[value, role] : roles) {
        args.push_back(value);
        argTypes.push_back(value.getType());
      }

      // The marker function, with the op's attributes and each argument's
      // role; its body returns the destination.
      OpBuilder mb(module.getBodyRegion());
      mb.setInsertionPointToEnd(module.getBody());
      std::string name;
      do
        name = (gpu_matmul::kFunctionPrefix + Twine(counter++)).str();
      while (symbols.lookup(name));
      auto func = func::FuncOp::create(
          mb, loc, name, FunctionType::get(ctx, argTypes, {argTypes.back()}));
      func.setPrivate();
      symbols.insert(func);
      NamedAttrList attrs;
      attrs.set("kind", b.getStringAttr(gpu_matmul::stringify(*kind)));
      attrs.set("accumulation", op.getAccumulationAttr());
      if (op.getLhsSchemeAttr())
        attrs.set("lhs_scheme",
                  dropBatchAxes(op.getLhsSchemeAttr(), batchRank));
      attrs.set("rhs_scheme", dropBatchAxes(op.getRhsSchemeAttr(), batchRank));
      if (op.getResultSchemeAttr())
        attrs.set("result_scheme",
                  dropBatchAxes(op.getResultSchemeAttr(), batchRank));
      if (kMajorRhs)
        attrs.set(gpu_matmul::kRhsKMajorAttr, b.getUnitAttr());
      if (batchRank)
        attrs.set(gpu_matmul::kBatchedAttr, b.getUnitAttr());
      func->setAttr(gpu_matmul::kFunctionAttr, attrs.getDictionary(ctx));
      for (auto [i, role] : llvm::enumerate(roles))
        func.setArgAttr(i, gpu_matmul::kRoleAttr, b.getStringAttr(role.second));
      Block *body = func.addEntryBlock();
      OpBuilder fb = OpBuilder::atBlockEnd(body);
      func::ReturnOp::create(fb, loc, body->getArguments().back());

      auto call = func::CallOp::create(b, loc, func, args);
      Value result = call.getResult(0);
      if (batchRank > 1)
        result = tensor::ExpandShapeOp::create(
            b, loc, resultType, result,
            ArrayRef<ReassociationIndices>{
                llvm::to_vector(llvm::seq<int64_t>(0, batchRank)),
                {batchRank},
                {batchRank + 1}},
            resultSizes);
      op->replaceAllUsesWith(ValueRange{result});
      op.erase();
    }
    if (anyError)
      signalPassFailure();
  }
};

} // namespace
