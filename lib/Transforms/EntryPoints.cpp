//===- EntryPoints.cpp - C ABI of compiled functions ----------------------===//
//
// This file implements the two halves of Quanta's C ABI: on tensor IR,
// recording each public function's signature and how its dynamic result
// dimensions follow from its arguments; on the LLVM dialect, emitting the flat
// C wrapper that builds memref descriptors and calls the implementation.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/EntryPoints.h"
#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_PREPAREENTRYPOINTS
#define GEN_PASS_DEF_EMITENTRYPOINTS
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;
using namespace mlir::quanta;

static constexpr StringLiteral kEntryAttr = "quanta.entry";
static constexpr StringLiteral kEntryTypeAttr = "quanta.entry_type";
static constexpr StringLiteral kResultDimsAttr = "quanta.result_dims";
static constexpr StringLiteral kImplPrefix = "_quanta_impl_";

/// Finds the function argument dimension that dimension `dim` of `value`
/// equals, following destination-passing-style inits, tensor.empty sizes and
/// tensor.dim.
static std::optional<std::pair<int64_t, int64_t>> traceDim(Value value,
                                                           int64_t dim) {
  for (int depth = 0; depth < 64; ++depth) {
    if (auto arg = dyn_cast<BlockArgument>(value)) {
      if (!isa<FunctionOpInterface>(arg.getOwner()->getParentOp()))
        return std::nullopt;
      return std::make_pair(static_cast<int64_t>(arg.getArgNumber()), dim);
    }
    Operation *op = value.getDefiningOp();
    if (auto dps = dyn_cast<DestinationStyleOpInterface>(op)) {
      value = dps.getTiedOpOperand(cast<OpResult>(value))->get();
      continue;
    }
    if (auto cast = dyn_cast<tensor::CastOp>(op)) {
      value = cast.getSource();
      continue;
    }
    auto empty = dyn_cast<tensor::EmptyOp>(op);
    if (!empty)
      return std::nullopt;
    auto dimOp = empty.getDynamicSize(dim).getDefiningOp<tensor::DimOp>();
    std::optional<int64_t> index =
        dimOp ? dimOp.getConstantIndex() : std::nullopt;
    if (!index)
      return std::nullopt;
    value = dimOp.getSource();
    dim = *index;
  }
  return std::nullopt;
}

static bool isScalar(Type type) {
  return isa<IntegerType, FloatType, IndexType>(type);
}

static LogicalResult prepareEntryPoint(func::FuncOp func,
                                       SymbolTable &symbols) {
  FunctionType type = func.getFunctionType();
  for (auto [i, argType] : llvm::enumerate(type.getInputs()))
    if (!isa<RankedTensorType>(argType) && !isScalar(argType))
      return func.emitError() << "argument " << i << " of type " << argType
                              << " cannot cross the C ABI (expected a "
                                 "ranked tensor or a scalar)";
  SmallVector<Attribute> resultDims;
  Builder b(func.getContext());
  Operation *terminator = func.getBody().back().getTerminator();
  for (auto [i, resultType] : llvm::enumerate(type.getResults())) {
    auto tensorType = dyn_cast<RankedTensorType>(resultType);
    if (!tensorType)
      return func.emitError() << "result " << i << " of type " << resultType
                              << " cannot cross the C ABI (expected a "
                                 "ranked tensor, returned through an "
                                 "out-pointer)";
    for (int64_t d = 0; d < tensorType.getRank(); ++d) {
      if (!tensorType.isDynamicDim(d))
        continue;
      auto source = traceDim(terminator->getOperand(i), d);
      if (!source)
        return func.emitError()
               << "dimension " << d << " of result " << i
               << " does not follow from the argument shapes; the caller "
                  "could not allocate it";
      resultDims.push_back(b.getDenseI64ArrayAttr({source->first,
                                                   source->second}));
    }
  }
  std::string name = func.getSymName().str();
  func->setAttr(kEntryAttr, b.getStringAttr(name));
  func->setAttr(kEntryTypeAttr, TypeAttr::get(type));
  func->setAttr(kResultDimsAttr, b.getArrayAttr(resultDims));
  if (failed(symbols.rename(func, (kImplPrefix + name).str())))
    return func.emitError() << "cannot rename the implementation of " << name;
  func.setPrivate();
  return success();
}

FailureOr<SmallVector<EntryPoint>>
mlir::quanta::getEntryPoints(ModuleOp module) {
  SmallVector<EntryPoint> entries;
  for (Operation &op : module.getBody()->getOperations()) {
    auto name = op.getAttrOfType<StringAttr>(kEntryAttr);
    if (!name)
      continue;
    auto type = op.getAttrOfType<TypeAttr>(kEntryTypeAttr);
    auto dims = op.getAttrOfType<ArrayAttr>(kResultDimsAttr);
    if (!type || !isa<FunctionType>(type.getValue()) || !dims)
      return op.emitError() << "malformed Quanta entry point attributes";
    EntryPoint entry;
    entry.name = name.getValue().str();
    entry.type = cast<FunctionType>(type.getValue());
    for (Attribute attr : dims) {
      auto pair = dyn_cast<DenseI64ArrayAttr>(attr);
      if (!pair || pair.size() != 2)
        return op.emitError() << "malformed quanta.result_dims";
      entry.resultDims.push_back({pair[0], pair[1]});
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

namespace {

struct PrepareEntryPointsPass
    : public quanta::impl::PrepareEntryPointsBase<PrepareEntryPointsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    SmallVector<func::FuncOp> publicFuncs;
    for (auto func : module.getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal())
        publicFuncs.push_back(func);
    for (func::FuncOp func : publicFuncs)
      if (failed(prepareEntryPoint(func, symbols)))
        return signalPassFailure();
  }
};

/// Builds the wrapper of one entry point around `impl`.
LogicalResult emitWrapper(LLVM::LLVMFuncOp impl, const EntryPoint &entry) {
  MLIRContext *ctx = impl.getContext();
  Location loc = impl.getLoc();
  OpBuilder b(impl);
  Type ptr = LLVM::LLVMPointerType::get(ctx);
  Type i64 = IntegerType::get(ctx, 64);

  // The flat C signature.
  SmallVector<Type> cTypes;
  auto toC = [&](Type type) -> Type {
    if (isa<IndexType>(type))
      return i64;
    return type;
  };
  for (Type input : entry.type.getInputs()) {
    auto tensor = dyn_cast<RankedTensorType>(input);
    if (!tensor) {
      cTypes.push_back(toC(input));
      continue;
    }
    cTypes.push_back(ptr);
    cTypes.append(tensor.getNumDynamicDims(), i64);
  }
  cTypes.append(entry.type.getNumResults(), ptr);
  auto wrapper = LLVM::LLVMFuncOp::create(
      b, loc, entry.name,
      LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx), cTypes));
  Block *block = wrapper.addEntryBlock(b);
  b.setInsertionPointToStart(block);

  auto constant = [&](int64_t v) -> Value {
    return LLVM::ConstantOp::create(b, loc, i64, v);
  };
  // Appends one memref descriptor (allocated, aligned, offset, sizes,
  // row-major strides) for a contiguous buffer at `base`.
  SmallVector<Value> implArgs;
  auto appendDescriptor = [&](Value base, ArrayRef<Value> sizes) {
    implArgs.append({base, base, constant(0)});
    implArgs.append(sizes.begin(), sizes.end());
    SmallVector<Value> strides(sizes.size());
    Value stride = constant(1);
    for (int64_t d = static_cast<int64_t>(sizes.size()) - 1; d >= 0; --d) {
      strides[d] = stride;
      stride = LLVM::MulOp::create(b, loc, stride, sizes[d]);
    }
    implArgs.append(strides.begin(), strides.end());
  };

  unsigned next = 0;
  SmallVector<SmallVector<Value>> inputSizes;
  for (Type input : entry.type.getInputs()) {
    auto tensor = dyn_cast<RankedTensorType>(input);
    if (!tensor) {
      implArgs.push_back(block->getArgument(next++));
      inputSizes.emplace_back();
      continue;
    }
    Value base = block->getArgument(next++);
    SmallVector<Value> sizes;
    for (int64_t d = 0; d < tensor.getRank(); ++d)
      sizes.push_back(tensor.isDynamicDim(d) ? block->getArgument(next++)
                                             : constant(tensor.getDimSize(d)));
    appendDescriptor(base, sizes);
    inputSizes.push_back(sizes);
  }
  auto resultDim = entry.resultDims.begin();
  for (Type result : entry.type.getResults()) {
    auto tensor = cast<RankedTensorType>(result);
    SmallVector<Value> sizes;
    for (int64_t d = 0; d < tensor.getRank(); ++d) {
      if (!tensor.isDynamicDim(d)) {
        sizes.push_back(constant(tensor.getDimSize(d)));
        continue;
      }
      auto [arg, dim] = *resultDim++;
      sizes.push_back(inputSizes[arg][dim]);
    }
    appendDescriptor(block->getArgument(next++), sizes);
  }

  LLVM::LLVMFunctionType implType = impl.getFunctionType();
  if (implType.getNumParams() != implArgs.size() ||
      !isa<LLVM::LLVMVoidType>(implType.getReturnType()))
    return impl.emitError() << "implementation of " << entry.name
                            << " does not have the expected lowered "
                               "signature (got "
                            << implType << ")";
  for (auto [value, type] : llvm::zip(implArgs, implType.getParams()))
    if (value.getType() != type)
      return impl.emitError() << "implementation of " << entry.name
                              << " takes " << type << " where the ABI passes "
                              << value.getType();
  LLVM::CallOp::create(b, loc, impl, implArgs);
  LLVM::ReturnOp::create(b, loc, ValueRange{});
  impl.setLinkage(LLVM::Linkage::Internal);
  for (StringLiteral attr : {kEntryAttr, kEntryTypeAttr, kResultDimsAttr})
    impl->removeAttr(attr);
  return success();
}

struct EmitEntryPointsPass
    : public quanta::impl::EmitEntryPointsBase<EmitEntryPointsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<SmallVector<EntryPoint>> entries = getEntryPoints(module);
    if (failed(entries))
      return signalPassFailure();
    for (const EntryPoint &entry : *entries) {
      auto impl = module.lookupSymbol<LLVM::LLVMFuncOp>(
          (kImplPrefix + entry.name).str());
      if (!impl) {
        module.emitError() << "entry point " << entry.name
                           << " was not lowered to the LLVM dialect";
        return signalPassFailure();
      }
      if (failed(emitWrapper(impl, entry)))
        return signalPassFailure();
    }
  }
};

} // namespace
