//===- OutlineMatmul.cpp - Set quanta.matmul aside for GPU kernels --------===//
//
// This file implements `--quanta-outline-gpu-matmul`: the matmuls that have a
// tensor-core kernel become calls to marker functions, which survive the
// linalg lowering and bufferization and are lowered to kernels by
// `--convert-quanta-matmul-to-nvvm` (MatmulToNVVM.cpp).
//
//===----------------------------------------------------------------------===//

#include "GPUMatmul.h"

#include "../QuantaToLinalg/ScalarNumerics.h"
#include "quanta/Conversion/Passes.h"
#include "quanta/Dialect/Quanta/QuantaOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
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
  // (Only the architecture-specific suffix may follow: sm_90a.)
  if (!chip.consume_front("sm_") || chip.consumeInteger(10, version) ||
      (!chip.empty() && chip != "a"))
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

bool mlir::quanta::gpu_matmul::isWeightOnly(MatmulOp op) {
  SchemeAttr rhs = op.getRhsScheme();
  return !op.getLhsScheme() && rhs.isIntegerStorage() &&
         (rhs.getStorageWidth() == 4 || rhs.getStorageWidth() == 8) &&
         op.getAccumulation() == Accumulation::f32;
}

bool mlir::quanta::gpu_matmul::hasWeightOnlyKernel(MatmulOp op) {
  // The verifier makes the weights' expressed type the activations' type,
  // per-channel parameters per column and per-group ones along K. Packed
  // int4 weights are not batched (a batch of odd K x N starts mid-byte).
  return (op.getType().getRank() == 2 ||
          op.getRhsScheme().getStorageWidth() == 8) &&
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

/// Whether an i32-accumulation matmul has the int8 kernel: 8-bit integer
/// lhs per tensor, row or group along K, 8- or 4-bit integer rhs per
/// tensor, column or group along K (W8A8, Q8_0, W4A8), groups of a
/// multiple of 32 elements (an mma's K step, after which each group's sums
/// are scaled into f32), and 2-D when 4-bit (packed weights are not
/// batched; per-group parameters are, with their operands).
static bool hasInt8Kernel(MatmulOp op) {
  int64_t rank = op.getType().getRank();
  SchemeAttr lhs = *op.getLhsScheme(), rhs = op.getRhsScheme();
  if (!lhs.isIntegerStorage() || !rhs.isIntegerStorage() ||
      lhs.getStorageWidth() != 8 ||
      (rhs.getStorageWidth() != 8 && rhs.getStorageWidth() != 4))
    return false;
  auto groupAlong = [](SchemeAttr scheme, int64_t kAxis) -> int64_t {
    if (scheme.getGranularity() != Granularity::per_group)
      return 0;
    return scheme.getAxis() == kAxis ? scheme.getGroupSize() : -1;
  };
  int64_t lhsGroup = groupAlong(lhs, rank - 1);
  int64_t rhsGroup = groupAlong(rhs, rank - 2);
  if ((!lhsGroup && !hasMatmulParams(lhs, rank - 2)) ||
      (!rhsGroup && !hasMatmulParams(rhs, rank - 1)) || lhsGroup < 0 ||
      rhsGroup < 0 || (lhsGroup && rhsGroup && lhsGroup != rhsGroup))
    return false;
  int64_t group = std::max(lhsGroup, rhsGroup);
  if (group % 32)
    return false;
  return rank == 2 || rhs.getStorageWidth() == 8;
}

std::optional<gpu_matmul::Kind>
mlir::quanta::gpu_matmul::classify(MatmulOp op) {
  if (isWeightOnly(op)) {
    if (hasWeightOnlyKernel(op))
      return Kind::WeightOnly;
    return std::nullopt;
  }
  int64_t rank = op.getType().getRank();
  std::optional<SchemeAttr> lhs = op.getLhsScheme();
  SchemeAttr rhs = op.getRhsScheme();
  if (!lhs || !hasKernelResult(op))
    return std::nullopt;
  if (op.getAccumulation() == Accumulation::i32) {
    if (hasInt8Kernel(op))
      return Kind::Int8;
    return std::nullopt;
  }
  if (!hasMatmulParams(*lhs, rank - 2) || !hasMatmulParams(rhs, rank - 1))
    return std::nullopt;
  Type a = lhs->getStorage(), b = rhs.getStorage();
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
  if (getSMVersion(chip) == 0)
    return at->emitError() << "'" << chip
                           << "' is not a GPU architecture of the form sm_NN "
                              "or sm_NNa";
  if (getSMVersion(chip) < 80)
    return at->emitError() << "the tensor-core matmul kernels need sm_80 or "
                              "newer (mma.sync m16n8k16/k32); "
                           << chip << " has none";
  if (kind == Kind::FP8 && getSMVersion(chip) < 89)
    return at->emitError() << "FP8 matmul needs the FP8 tensor cores of sm_89 "
                              "or newer (mma.sync e4m3/e5m2); "
                           << chip << " has none";
  return success();
}

namespace {

/// The weights as N x K (K contiguous) when `rhs` is their 2-D
/// `linalg.transpose` (what frontends emit for a Linear layer's [out, in]
/// weights, and ONNX MatMulNBits' int4 layout, packed along K); else null.
Value getKMajorRhs(Value rhs) {
  auto transpose = rhs.getDefiningOp<linalg::TransposeOp>();
  if (!transpose || transpose.getPermutation() != ArrayRef<int64_t>{1, 0})
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

/// Whether the int4 operands of a matmul with int4 weights `rhs` (the
/// weights, K x N or N x K, and their zero points) are arguments of a
/// public function, which the C ABI passes packed and the kernel reads as
/// they are; other int4 tensors (constants, a private function's arguments)
/// are one element per byte.
bool int4OperandsArePacked(MatmulOp op, Value rhs) {
  for (Value v : {rhs, Value(op.getRhsZp())}) {
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
/// per_channel or per_group axis counted from the matrix dimensions (the
/// kernels see one batch's matrices).
SchemeAttr dropBatchAxes(SchemeAttr scheme, int64_t batchRank) {
  if (!batchRank || scheme.getGranularity() == Granularity::per_tensor)
    return scheme;
  return SchemeAttr::get(
      scheme.getContext(), scheme.getStorage(), scheme.getExpressed(),
      scheme.getGranularity(), scheme.getAxis() - batchRank,
      scheme.getGroupSize(), scheme.getSymmetric(), scheme.getNarrowRange(),
      scheme.getRounding(), scheme.getSaturate(), scheme.getReciprocal());
}

/// How a tensor of rank `rank` > 2 is passed to a marker: its batch
/// dimensions collapsed into one (`[B..., R, C]` as `[B, R, C]`), or with
/// `rows` all but the last (`[B..., R, C]` as `[B x R, C]`).
SmallVector<ReassociationIndices> collapsedDims(int64_t rank, bool rows) {
  SmallVector<ReassociationIndices> groups = {
      llvm::to_vector(llvm::seq<int64_t>(0, rank - (rows ? 1 : 2)))};
  if (!rows)
    groups.push_back({rank - 2});
  groups.push_back({rank - 1});
  return groups;
}

/// A matmul to set aside: its operands with their roles and the marker's
/// attribute entries.
struct Outlined {
  Operation *op;
  gpu_matmul::Kind kind;
  /// lhs first, then rhs (N x K with `rhs_k_major`), then the parameters.
  SmallVector<std::pair<Value, StringRef>> roles;
  NamedAttrList attrs;
  /// The rows of a batched lhs with weights shared by the batches and
  /// parameters per tensor: one 2-D matmul of all rows.
  bool flattenRows = false;
  /// The group size along K of an i32-accumulation matmul's per-group
  /// parameters (0 if none), which K must be a multiple of.
  int64_t kGroup = 0;
};

/// The marker attribute's schemes of `op` (batch axes dropped) and its
/// roles, or none when `op` has no kernel.
std::optional<Outlined> describe(MatmulOp op) {
  if (MatmulOp rewritten = gpu_matmul::dequantizeFloatOperands(op))
    op = rewritten;
  std::optional<gpu_matmul::Kind> kind = gpu_matmul::classify(op);
  // A transposed rhs is passed untransposed (the kernel stages it by rows),
  // so that no temporary holds the transpose.
  Value kMajorRhs = getKMajorRhs(op.getRhs());
  Value rhs = kMajorRhs ? kMajorRhs : op.getRhs();
  if (!kind || !int4OperandsArePacked(op, rhs))
    return std::nullopt;
  Outlined out{op, *kind, {}, {}};
  out.roles = getRoles(op, rhs);
  int64_t batchRank = op.getType().getRank() - 2;
  MLIRContext *ctx = op.getContext();
  out.attrs.set("accumulation", op.getAccumulationAttr());
  if (op.getLhsSchemeAttr())
    out.attrs.set("lhs_scheme",
                  dropBatchAxes(op.getLhsSchemeAttr(), batchRank));
  out.attrs.set("rhs_scheme", dropBatchAxes(op.getRhsSchemeAttr(), batchRank));
  if (op.getResultSchemeAttr())
    out.attrs.set("result_scheme",
                  dropBatchAxes(op.getResultSchemeAttr(), batchRank));
  if (kMajorRhs)
    out.attrs.set(gpu_matmul::kRhsKMajorAttr, UnitAttr::get(ctx));
  if (*kind == gpu_matmul::Kind::Int8)
    for (SchemeAttr scheme : {*op.getLhsScheme(), op.getRhsScheme()})
      if (scheme.getGranularity() == Granularity::per_group)
        out.kGroup = scheme.getGroupSize();
  return out;
}

/// quanta.matmul_integer (ONNX MatMulInteger) as the int8 kernel with an
/// i32 result: schemes that carry the operands' signedness, no scales.
std::optional<Outlined> describe(MatmulIntegerOp op) {
  MLIRContext *ctx = op.getContext();
  auto scheme = [&](bool isUnsigned, bool hasZp) {
    Type storage = IntegerType::get(
        ctx, 8, isUnsigned ? IntegerType::Unsigned : IntegerType::Signless);
    return SchemeAttr::get(ctx, storage, Float32Type::get(ctx),
                           Granularity::per_tensor, /*axis=*/-1,
                           /*group_size=*/0, /*symmetric=*/!hasZp,
                           /*narrow_range=*/false, RoundingMode::half_even,
                           /*saturate=*/true, /*reciprocal=*/false);
  };
  Outlined out{op, gpu_matmul::Kind::Int8, {}, {}};
  Value kMajorRhs = getKMajorRhs(op.getRhs());
  out.roles.push_back({op.getLhs(), "lhs"});
  out.roles.push_back({kMajorRhs ? kMajorRhs : op.getRhs(), "rhs"});
  // Zero points of shape [1] (per tensor) as scalars.
  OpBuilder b(op);
  auto zeroPoint = [&](Value zp, StringRef role) {
    if (!zp)
      return;
    if (cast<RankedTensorType>(zp.getType()).getShape() == ArrayRef<int64_t>{1})
      zp = tensor::CollapseShapeOp::create(b, op.getLoc(), zp,
                                           ArrayRef<ReassociationIndices>{});
    out.roles.push_back({zp, role});
  };
  zeroPoint(op.getLhsZp(), "lhs_zp");
  zeroPoint(op.getRhsZp(), "rhs_zp");
  out.attrs.set("accumulation", AccumulationAttr::get(ctx, Accumulation::i32));
  out.attrs.set("lhs_scheme",
                scheme(op.getLhsUnsigned(), static_cast<bool>(op.getLhsZp())));
  out.attrs.set("rhs_scheme",
                scheme(op.getRhsUnsigned(), static_cast<bool>(op.getRhsZp())));
  if (kMajorRhs)
    out.attrs.set(gpu_matmul::kRhsKMajorAttr, UnitAttr::get(ctx));
  // Weights shared by the batches: with no per-row zero point, the batches'
  // rows are one lhs.
  auto lhsZp = op.getLhsZp() ? cast<RankedTensorType>(op.getLhsZp().getType())
                             : RankedTensorType();
  out.flattenRows = op.getLhs().getType().getRank() > 2 &&
                    op.getRhs().getType().getRank() == 2 &&
                    (!lhsZp || lhsZp.getNumElements() == 1);
  return out;
}

struct OutlineGPUMatmulPass
    : public quanta::impl::OutlineGPUMatmulBase<OutlineGPUMatmulPass> {
  using OutlineGPUMatmulBase::OutlineGPUMatmulBase;

  /// Replaces `form.op` by a call to a new marker function.
  void outline(Outlined &form, SymbolTable &symbols, int64_t &counter) {
    Operation *op = form.op;
    MLIRContext *ctx = op->getContext();
    OpBuilder b(op);
    Location loc = op->getLoc();
    auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
    int64_t rank = resultType.getRank();
    Value lhs = form.roles[0].first, rhs = form.roles[1].first;
    bool kMajor = static_cast<bool>(form.attrs.get(gpu_matmul::kRhsKMajorAttr));
    // Sizes from the operands before a dequantization
    // (dequantizeFloatOperands), which the C ABI's result sizes follow.
    auto source = [](Value v) {
      auto dequantize = v.getDefiningOp<DequantizeOp>();
      return dequantize ? dequantize.getInput() : v;
    };
    int64_t rhsRank = cast<RankedTensorType>(rhs.getType()).getRank();
    SmallVector<OpFoldResult> resultSizes;
    SmallVector<Value> dynamicSizes;
    for (int64_t d = 0; d < rank; ++d) {
      if (!resultType.isDynamicDim(d)) {
        resultSizes.push_back(b.getIndexAttr(resultType.getDimSize(d)));
        continue;
      }
      Value size =
          d + 1 < rank ? tensor::DimOp::create(b, loc, source(lhs), d)
          : kMajor     ? tensor::DimOp::create(b, loc, rhs, rhsRank - 2)
                   : tensor::DimOp::create(b, loc, source(rhs), rhsRank - 1);
      resultSizes.push_back(size);
      dynamicSizes.push_back(size);
    }
    Value init = tensor::EmptyOp::create(b, loc, resultType, dynamicSizes);
    form.roles.push_back({init, gpu_matmul::kInitRole});
    // A dynamic K is checked as the CPU lowering checks it.
    auto lhsType = cast<RankedTensorType>(lhs.getType());
    if (form.kGroup && lhsType.isDynamicDim(rank - 1))
      buildKBlockCheck(b, loc, tensor::DimOp::create(b, loc, lhs, rank - 1),
                       form.kGroup);

    // A batched matmul passes lhs, rhs (unless shared) and the destination
    // with their batch dimensions collapsed into one, or, with
    // `flattenRows`, lhs and the destination as matrices of all rows; the
    // call's result is expanded back.
    bool batched = rank > 2 && !form.flattenRows;
    // Per-group parameters are batched with their operands ([B..., M,
    // K / G], [B..., K / G, N]); per-channel ones are shared.
    for (auto &[value, role] : form.roles) {
      int64_t r = cast<RankedTensorType>(value.getType()).getRank();
      bool matrix = role != "bias" && !role.starts_with("result");
      if (matrix && r > (form.flattenRows ? 2 : 3))
        value = tensor::CollapseShapeOp::create(
            b, loc, value, collapsedDims(r, form.flattenRows));
    }
    SmallVector<Value> args;
    SmallVector<Type> argTypes;
    for (auto &[value, role] : form.roles) {
      args.push_back(value);
      argTypes.push_back(value.getType());
    }

    // The marker function, with the op's attributes and each argument's
    // role; its body returns the destination.
    OpBuilder mb(getOperation().getBodyRegion());
    mb.setInsertionPointToEnd(getOperation().getBody());
    std::string name;
    do
      name = (gpu_matmul::kFunctionPrefix + Twine(counter++)).str();
    while (symbols.lookup(name));
    auto func = func::FuncOp::create(
        mb, loc, name, FunctionType::get(ctx, argTypes, {argTypes.back()}));
    func.setPrivate();
    symbols.insert(func);
    form.attrs.set("kind", b.getStringAttr(gpu_matmul::stringify(form.kind)));
    if (batched)
      form.attrs.set(gpu_matmul::kBatchedAttr, b.getUnitAttr());
    func->setAttr(gpu_matmul::kFunctionAttr, form.attrs.getDictionary(ctx));
    for (auto [i, role] : llvm::enumerate(form.roles))
      func.setArgAttr(i, gpu_matmul::kRoleAttr, b.getStringAttr(role.second));
    Block *body = func.addEntryBlock();
    OpBuilder fb = OpBuilder::atBlockEnd(body);
    func::ReturnOp::create(fb, loc, body->getArguments().back());

    auto call = func::CallOp::create(b, loc, func, args);
    Value result = call.getResult(0);
    auto collapsed = cast<RankedTensorType>(result.getType());
    if (collapsed.getRank() != rank)
      result = tensor::ExpandShapeOp::create(
          b, loc, resultType, result, collapsedDims(rank, form.flattenRows),
          resultSizes);
    op->replaceAllUsesWith(ValueRange{result});
    op->erase();
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    SmallVector<Operation *> matmuls;
    module.walk([&](Operation *op) {
      if (isa<MatmulOp, MatmulIntegerOp>(op))
        matmuls.push_back(op);
    });
    bool anyError = false;
    int64_t counter = 0;
    for (Operation *op : matmuls) {
      // An operand or result with no elements leaves a kernel nothing to
      // do: the linalg lowering gives the empty result (or with K = 0 the
      // epilogue alone).
      auto isEmpty = [](Value v) {
        return llvm::is_contained(
            cast<RankedTensorType>(v.getType()).getShape(), 0);
      };
      if (isEmpty(op->getOperand(0)) || isEmpty(op->getOperand(1)) ||
          isEmpty(op->getResult(0)))
        continue;
      // The other forms go through the linalg lowering.
      std::optional<Outlined> form = isa<MatmulOp>(op)
                                         ? describe(cast<MatmulOp>(op))
                                         : describe(cast<MatmulIntegerOp>(op));
      if (!form)
        continue;
      if (failed(gpu_matmul::checkArch(form->op, form->kind, chip))) {
        anyError = true;
        continue;
      }
      outline(*form, symbols, counter);
    }
    if (anyError)
      signalPassFailure();
  }
};

} // namespace
