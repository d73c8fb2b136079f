//===- EntryPoints.cpp - C ABI of compiled functions ----------------------===//
//
// This file implements the two halves of Quanta's C ABI: on tensor IR,
// recording each public function's signature and how its dynamic result
// dimensions follow from its arguments; on the LLVM dialect, emitting the flat
// C wrapper that builds memref descriptors and calls the implementation.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/EntryPoints.h"
#include "MatmulKernels.h"
#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/FunctionCallUtils.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

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

/// Follows a dynamic size (an index value): a tensor.dim with a constant
/// index, divided by constants. On success `value` and `dim` are that
/// dimension and `divisor` is multiplied by the constants.
static bool followSize(Value size, Value &value, int64_t &dim,
                       int64_t &divisor) {
  while (auto div = size.getDefiningOp<arith::DivUIOp>()) {
    std::optional<int64_t> by = getConstantIntValue(div.getRhs());
    if (!by || *by <= 0)
      return false;
    if (llvm::MulOverflow(divisor, *by, divisor))
      return false;
    size = div.getLhs();
  }
  auto dimOp = size.getDefiningOp<tensor::DimOp>();
  std::optional<int64_t> index =
      dimOp ? dimOp.getConstantIndex() : std::nullopt;
  auto sourceType =
      dimOp ? dyn_cast<RankedTensorType>(dimOp.getSource().getType())
            : RankedTensorType();
  if (!index || !sourceType || *index < 0 || *index >= sourceType.getRank())
    return false;
  value = dimOp.getSource();
  dim = *index;
  return true;
}

/// Finds the function argument dimension that dimension `dim` of `value`
/// equals (divided by a constant), following destination-passing-style inits,
/// casts, reshapes (and the sizes given to tensor.expand_shape), tensor.empty
/// sizes, tensor.dim, divisions by constants
/// and scf.if results whose two yielded values agree; or the static size
/// it reaches (a cast of a tensor whose size the program fixes).
static std::optional<ResultDim> traceDim(Value value, int64_t dim) {
  int64_t divisor = 1;
  for (int depth = 0; depth < 64; ++depth) {
    auto type = cast<RankedTensorType>(value.getType());
    if (!type.isDynamicDim(dim))
      return ResultDim{-1, type.getDimSize(dim) / divisor, 1};
    if (auto arg = dyn_cast<BlockArgument>(value)) {
      if (!isa<FunctionOpInterface>(arg.getOwner()->getParentOp()))
        return std::nullopt;
      return ResultDim{static_cast<int64_t>(arg.getArgNumber()), dim, divisor};
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
    if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
      if (!ifOp.elseBlock())
        return std::nullopt;
      unsigned index = cast<OpResult>(value).getResultNumber();
      std::optional<ResultDim> thenDim =
          traceDim(ifOp.thenYield().getOperand(index), dim);
      std::optional<ResultDim> elseDim =
          traceDim(ifOp.elseYield().getOperand(index), dim);
      if (!thenDim || !elseDim || thenDim->arg != elseDim->arg ||
          thenDim->dim != elseDim->dim || thenDim->divisor != elseDim->divisor)
        return std::nullopt;
      if (thenDim->isConstant())
        return ResultDim{-1, thenDim->dim / divisor, 1};
      return ResultDim{thenDim->arg, thenDim->dim, thenDim->divisor * divisor};
    }
    // An expanded dimension is the size given for it, or its source
    // dimension divided by the static sizes it was split with.
    if (auto expand = dyn_cast<tensor::ExpandShapeOp>(op)) {
      if (auto size = dyn_cast<Value>(expand.getMixedOutputShape()[dim])) {
        if (!followSize(size, value, dim, divisor))
          return std::nullopt;
        continue;
      }
      auto type = expand.getResultType();
      for (auto [source, group] :
           llvm::enumerate(expand.getReassociationIndices())) {
        if (!llvm::is_contained(group, dim))
          continue;
        for (int64_t d : group) {
          if (d == dim)
            continue;
          if (type.isDynamicDim(d))
            return std::nullopt;
          if (llvm::MulOverflow(divisor, type.getDimSize(d), divisor))
            return std::nullopt;
        }
        value = expand.getSrc();
        dim = source;
        break;
      }
      continue;
    }
    if (auto collapse = dyn_cast<tensor::CollapseShapeOp>(op)) {
      ReassociationIndices group = collapse.getReassociationIndices()[dim];
      if (group.size() != 1)
        return std::nullopt;
      value = collapse.getSrc();
      dim = group.front();
      continue;
    }
    // A call to a function that returns one of its arguments (the GPU
    // matmul markers return their destination).
    if (auto call = dyn_cast<func::CallOp>(op)) {
      auto callee = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
          call, call.getCalleeAttr());
      if (!callee || callee.isExternal())
        return std::nullopt;
      auto ret =
          dyn_cast<func::ReturnOp>(callee.getBody().back().getTerminator());
      auto arg = ret ? dyn_cast<BlockArgument>(ret.getOperand(
                           cast<OpResult>(value).getResultNumber()))
                     : BlockArgument();
      if (!arg)
        return std::nullopt;
      value = call.getOperand(arg.getArgNumber());
      continue;
    }
    auto empty = dyn_cast<tensor::EmptyOp>(op);
    if (!empty || !followSize(empty.getDynamicSize(dim), value, dim, divisor))
      return std::nullopt;
  }
  return std::nullopt;
}

static bool isScalar(Type type) {
  return isa<IntegerType, FloatType, IndexType>(type);
}

/// Whether the C ABI (and the header, docs/ABI.md) has a type for `type`: as
/// a tensor element, or with `scalar` as an argument of its own.
static bool crossesABI(Type type, bool scalar) {
  if (auto integer = dyn_cast<IntegerType>(type)) {
    unsigned width = integer.getWidth();
    return integer.isSignless() &&
           (llvm::is_contained({1u, 8u, 16u, 32u, 64u}, width) ||
            (!scalar && width == 4));
  }
  if (scalar)
    return isa<IndexType, Float32Type, Float64Type, Float16Type, BFloat16Type>(
        type);
  return isa<IndexType, Float32Type, Float64Type, Float16Type, BFloat16Type,
             Float8E4M3FNType, Float8E5M2Type>(type);
}

static constexpr StringLiteral kABITypes =
    "tensors of i1, i4, i8, i16, i32, i64, index, f16, bf16, f32, f64, "
    "f8E4M3FN or f8E5M2, or scalars of i1, i8, i16, i32, i64, index, f16, "
    "bf16, f32 or f64";

static bool isInt4Tensor(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getElementType().isInteger(4);
}

/// The sizes of `tensor`'s dimensions as index values, from `value`.
static SmallVector<Value> getSizes(OpBuilder &b, Location loc, Value value) {
  SmallVector<Value> sizes;
  auto type = cast<RankedTensorType>(value.getType());
  for (int64_t d = 0; d < type.getRank(); ++d)
    sizes.push_back(
        type.isDynamicDim(d)
            ? tensor::DimOp::create(b, loc, value, d).getResult()
            : arith::ConstantIndexOp::create(b, loc, type.getDimSize(d))
                  .getResult());
  return sizes;
}

/// Row-major linear index of the current iteration of a linalg.generic over
/// `sizes`.
static Value linearIndex(OpBuilder &b, Location loc, ArrayRef<Value> sizes) {
  Value index = arith::ConstantIndexOp::create(b, loc, 0);
  for (auto [d, size] : llvm::enumerate(sizes)) {
    index = arith::MulIOp::create(b, loc, index, size);
    index = arith::AddIOp::create(b, loc, index,
                                  linalg::IndexOp::create(b, loc, d));
  }
  return index;
}

/// The number of bytes that hold `sizes`' elements packed two per byte.
static Value packedBytes(OpBuilder &b, Location loc, ArrayRef<Value> sizes) {
  Value count = arith::ConstantIndexOp::create(b, loc, 1);
  for (Value size : sizes)
    count = arith::MulIOp::create(b, loc, count, size);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  return arith::ShRUIOp::create(b, loc,
                                arith::AddIOp::create(b, loc, count, one), one);
}

/// The packed tensor type of an int4 tensor type.
static RankedTensorType getPackedType(RankedTensorType type) {
  int64_t bytes = type.hasStaticShape() ? (type.getNumElements() + 1) / 2
                                        : ShapedType::kDynamic;
  return RankedTensorType::get({bytes}, IntegerType::get(type.getContext(), 8));
}

/// Unpacks int4 values, two per byte with the first in the low nibble, into
/// a tensor of `type` with dimension sizes `sizes`. The nibbles are unpacked
/// to bytes and then truncated: LLVM keeps i4 in memory as one element per
/// byte but cannot vectorize loads and stores of it, so the i4 values live in
/// the i8 tensor and the truncation fuses into the consumers. When the
/// innermost dimension is even, each row's bytes are split into their two
/// nibbles as a [..., D/2, 2] tensor (a vectorizable loop).
static Value unpackInt4(OpBuilder &b, Location loc, Value packed,
                        RankedTensorType type, ArrayRef<Value> sizes) {
  MLIRContext *ctx = b.getContext();
  Type i8 = b.getI8Type();
  unsigned rank = type.getRank();
  SmallVector<Value> dynamicSizes;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (type.isDynamicDim(d))
      dynamicSizes.push_back(sizes[d]);
  Value bytes;
  int64_t inner = rank ? type.getDimSize(rank - 1) : 1;
  if (!ShapedType::isDynamic(inner) && inner % 2 == 0) {
    // packed[..., j] holds elements [..., 2j] and [..., 2j + 1].
    SmallVector<int64_t> rowsShape(type.getShape());
    rowsShape.back() = inner / 2;
    SmallVector<OpFoldResult> rowsSizes = getAsOpFoldResult(sizes);
    rowsSizes.back() = b.getIndexAttr(inner / 2);
    ReassociationIndices all = llvm::to_vector(llvm::seq<int64_t>(0, rank));
    Value rows = tensor::ExpandShapeOp::create(
        b, loc, RankedTensorType::get(rowsShape, i8), packed,
        ArrayRef<ReassociationIndices>{all}, rowsSizes);
    SmallVector<int64_t> pairShape(rowsShape);
    pairShape.push_back(2);
    SmallVector<Value> pairDynamic(dynamicSizes);
    Value init = tensor::EmptyOp::create(
        b, loc, RankedTensorType::get(pairShape, i8), pairDynamic);
    AffineMap id = b.getMultiDimIdentityMap(rank + 1);
    Value pairs =
        linalg::GenericOp::create(
            b, loc, TypeRange{init.getType()}, ValueRange{rows},
            ValueRange{init}, ArrayRef<AffineMap>{id.getMajorSubMap(rank), id},
            SmallVector<utils::IteratorType>(rank + 1,
                                             utils::IteratorType::parallel),
            [&](OpBuilder &nb, Location nl, ValueRange e) {
              linalg::YieldOp::create(
                  nb, nl,
                  ValueRange{matmul_kernels::buildNibble(
                      nb, nl, e[0], linalg::IndexOp::create(nb, nl, rank))});
            })
            .getResult(0);
    SmallVector<ReassociationIndices> reassociation;
    for (unsigned d = 0; d + 1 < rank; ++d)
      reassociation.push_back({d});
    reassociation.push_back({rank - 1, rank});
    bytes = tensor::CollapseShapeOp::create(
        b, loc, RankedTensorType::get(type.getShape(), i8), pairs,
        reassociation);
  } else {
    Value init = tensor::EmptyOp::create(
        b, loc, RankedTensorType::get(type.getShape(), i8), dynamicSizes);
    bytes =
        linalg::GenericOp::create(
            b, loc, TypeRange{init.getType()}, ValueRange{}, ValueRange{init},
            ArrayRef<AffineMap>{b.getMultiDimIdentityMap(rank)},
            SmallVector<utils::IteratorType>(rank,
                                             utils::IteratorType::parallel),
            [&](OpBuilder &nb, Location nl, ValueRange) {
              Value index = linearIndex(nb, nl, sizes);
              Value one = arith::ConstantIndexOp::create(nb, nl, 1);
              Value byte = tensor::ExtractOp::create(
                  nb, nl, packed,
                  ValueRange{arith::ShRUIOp::create(nb, nl, index, one)});
              linalg::YieldOp::create(
                  nb, nl,
                  ValueRange{matmul_kernels::buildNibble(
                      nb, nl, byte,
                      arith::AndIOp::create(nb, nl, index, one))});
            })
            .getResult(0);
  }
  Value init = tensor::EmptyOp::create(b, loc, type, dynamicSizes);
  AffineMap id = AffineMap::getMultiDimIdentityMap(rank, ctx);
  return linalg::GenericOp::create(
             b, loc, TypeRange{type}, ValueRange{bytes}, ValueRange{init},
             ArrayRef<AffineMap>{id, id},
             SmallVector<utils::IteratorType>(rank,
                                              utils::IteratorType::parallel),
             [&](OpBuilder &nb, Location nl, ValueRange e) {
               linalg::YieldOp::create(
                   nb, nl,
                   ValueRange{arith::TruncIOp::create(
                       nb, nl, type.getElementType(), e[0])});
             })
      .getResult(0);
}

/// Packs an int4 tensor two per byte, first element in the low nibble, the
/// high nibble of an odd tail zero.
static Value packInt4(OpBuilder &b, Location loc, Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<Value> sizes = getSizes(b, loc, value);
  RankedTensorType packedType = getPackedType(type);
  Value bytes = packedBytes(b, loc, sizes);
  Value init =
      packedType.hasStaticShape()
          ? tensor::EmptyOp::create(b, loc, packedType, ValueRange{})
          : tensor::EmptyOp::create(b, loc, packedType, ValueRange{bytes});
  Value count = arith::ConstantIndexOp::create(b, loc, 1);
  for (Value size : sizes)
    count = arith::MulIOp::create(b, loc, count, size);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{packedType}, ValueRange{}, ValueRange{init},
      ArrayRef<AffineMap>{b.getMultiDimIdentityMap(1)},
      ArrayRef<utils::IteratorType>{utils::IteratorType::parallel},
      [&](OpBuilder &nb, Location nl, ValueRange) {
        Value one = arith::ConstantIndexOp::create(nb, nl, 1);
        Value index = linalg::IndexOp::create(nb, nl, 0);
        Value low = arith::ShLIOp::create(nb, nl, index, one);
        Value high = arith::AddIOp::create(nb, nl, low, one);
        Value last = arith::SubIOp::create(nb, nl, count, one);
        Value inRange = arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::ult,
                                              high, count);
        high = arith::MinUIOp::create(nb, nl, high, last);
        // Reads element `index` (row-major) of `value` as an i8 nibble.
        auto nibbleAt = [&](Value index) -> Value {
          SmallVector<Value> coords(sizes.size());
          for (int64_t d = static_cast<int64_t>(sizes.size()) - 1; d >= 0;
               --d) {
            coords[d] = arith::RemUIOp::create(nb, nl, index, sizes[d]);
            index = arith::DivUIOp::create(nb, nl, index, sizes[d]);
          }
          Value element = tensor::ExtractOp::create(nb, nl, value, coords);
          return arith::ExtUIOp::create(nb, nl, nb.getI8Type(), element);
        };
        Value highIn = nibbleAt(high);
        Value zero = arith::ConstantOp::create(nb, nl, nb.getI8IntegerAttr(0));
        Value highNibble =
            arith::SelectOp::create(nb, nl, inRange, highIn, zero);
        Value lowNibble = nibbleAt(low);
        Value four = arith::ConstantOp::create(nb, nl, nb.getI8IntegerAttr(4));
        Value byte = arith::OrIOp::create(
            nb, nl, lowNibble, arith::ShLIOp::create(nb, nl, highNibble, four));
        linalg::YieldOp::create(nb, nl, ValueRange{byte});
      });
  return generic.getResult(0);
}

/// Makes int4 tensors cross the boundary packed: an int4 argument becomes the
/// packed bytes followed by its dynamic dimensions as `index` arguments; an
/// int4 result is returned packed.
static void packInt4Boundary(func::FuncOp func) {
  FunctionType type = func.getFunctionType();
  Block &entry = func.getBody().front();
  OpBuilder b = OpBuilder::atBlockBegin(&entry);
  Location loc = func.getLoc();
  // Each packed argument takes the old argument's place, followed by its
  // dynamic dimensions.
  unsigned inserted = 0;
  for (unsigned i = 0, e = type.getNumInputs(); i < e; ++i) {
    Type argType = type.getInput(i);
    if (!isInt4Tensor(argType))
      continue;
    auto tensor = cast<RankedTensorType>(argType);
    unsigned position = i + inserted;
    BlockArgument oldArg = entry.getArgument(position);
    BlockArgument packed =
        entry.insertArgument(position, getPackedType(tensor), loc);
    SmallVector<Value> sizes;
    unsigned dynamic = 0;
    for (int64_t d = 0; d < tensor.getRank(); ++d) {
      if (!tensor.isDynamicDim(d)) {
        sizes.push_back(
            arith::ConstantIndexOp::create(b, loc, tensor.getDimSize(d)));
        continue;
      }
      sizes.push_back(entry.insertArgument(position + 2 + dynamic++,
                                           b.getIndexType(), loc));
    }
    Value unpacked = unpackInt4(b, loc, packed, tensor, sizes);
    oldArg.replaceAllUsesWith(unpacked);
    entry.eraseArgument(position + 1);
    inserted += dynamic;
  }
  Operation *terminator = entry.getTerminator();
  b.setInsertionPoint(terminator);
  for (OpOperand &operand : terminator->getOpOperands())
    if (isInt4Tensor(operand.get().getType()))
      operand.set(packInt4(b, loc, operand.get()));
  func.setFunctionType(FunctionType::get(func.getContext(),
                                         entry.getArgumentTypes(),
                                         terminator->getOperandTypes()));
}

static bool isCIdentifier(StringRef name) {
  return !name.empty() && !llvm::isDigit(name.front()) &&
         llvm::all_of(name,
                      [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

/// Whether the C header could not declare a function named `name`: a C
/// (C23) or C++ keyword (the header is for both), a name that the header
/// itself uses (<stdint.h>'s and <stdbool.h>'s), or one that C reserves
/// (an underscore and a capital letter).
static bool isReservedInHeader(StringRef name) {
  static constexpr StringLiteral keywords[] = {
      // C23.
      "alignas", "alignof", "auto", "bool", "break", "case", "char", "const",
      "constexpr", "continue", "default", "do", "double", "else", "enum",
      "extern", "false", "float", "for", "goto", "if", "inline", "int", "long",
      "nullptr", "register", "restrict", "return", "short", "signed", "sizeof",
      "static", "static_assert", "struct", "switch", "thread_local", "true",
      "typedef", "typeof", "typeof_unqual", "union", "unsigned", "void",
      "volatile", "while",
      // C++ beyond C.
      "and", "and_eq", "asm", "bitand", "bitor", "catch", "char8_t", "char16_t",
      "char32_t", "class", "compl", "concept", "consteval", "constinit",
      "const_cast", "co_await", "co_return", "co_yield", "decltype", "delete",
      "dynamic_cast", "explicit", "export", "friend", "mutable", "namespace",
      "new", "noexcept", "not", "not_eq", "operator", "or", "or_eq", "private",
      "protected", "public", "reinterpret_cast", "requires", "static_cast",
      "template", "this", "throw", "try", "typeid", "typename", "using",
      "virtual", "wchar_t", "xor", "xor_eq",
      // The header's types.
      "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t",
      "uint32_t", "uint64_t"};
  return llvm::is_contained(keywords, name) ||
         (name.size() > 1 && name[0] == '_' && llvm::isUpper(name[1]));
}

/// Fails, reporting it, if `func` has a name that the object's code may
/// call: the C library, libm and the compiler's runtime (roundevenf for
/// llvm.roundeven without SSE4.1, memset, malloc, ...), whose function
/// would be replaced, or Quanta's implementations; and for a public one,
/// a name of the implementation's namespace (`__` first, which Quanta's
/// own private functions use).
static LogicalResult checkUnreservedName(func::FuncOp func) {
  llvm::LibFunc libFunc;
  if ((func.isPublic() && func.getSymName().starts_with("__")) ||
      func.getSymName().starts_with(kImplPrefix) ||
      llvm::TargetLibraryInfoImpl(
          llvm::Triple(llvm::sys::getDefaultTargetTriple()))
          .getLibFunc(func.getSymName(), libFunc))
    return func.emitError() << "'" << func.getSymName()
                            << "' is reserved (the name of a C library or "
                               "compiler runtime function, which the object "
                               "may call, or of Quanta's implementations); "
                               "rename the function";
  return success();
}

static LogicalResult prepareEntryPoint(func::FuncOp func,
                                       SymbolTable &symbols) {
  FunctionType type = func.getFunctionType();
  if (!isCIdentifier(func.getSymName()))
    return func.emitError() << "'" << func.getSymName()
                            << "' is not a C identifier; public functions "
                               "become C symbols of the same name";
  if (isReservedInHeader(func.getSymName()))
    return func.emitError() << "'" << func.getSymName()
                            << "' is a C or C++ keyword or a name reserved "
                               "in C, which the C header cannot declare; "
                               "rename the function";
  if (failed(checkUnreservedName(func)))
    return failure();
  // TOSA ops that the import left (it takes int8 tosa.matmul): nothing
  // later lowers them.
  WalkResult tosa = func.walk([](Operation *op) {
    if (op->getDialect() && op->getDialect()->getNamespace() == "tosa") {
      op->emitError() << "'" << op->getName()
                      << "' is not supported: Quanta imports tosa.matmul on "
                         "int8 operands; lower other TOSA ops to linalg "
                         "first (upstream's --tosa-to-linalg pipelines)";
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  if (tosa.wasInterrupted())
    return failure();
  for (auto [i, argType] : llvm::enumerate(type.getInputs())) {
    if (!isa<RankedTensorType>(argType) && !isScalar(argType))
      return func.emitError() << "argument " << i << " of type " << argType
                              << " cannot cross the C ABI (expected a "
                                 "ranked tensor or a scalar)";
    if (!crossesABI(getElementTypeOrSelf(argType),
                    !isa<RankedTensorType>(argType)))
      return func.emitError()
             << "argument " << i << " of type " << argType
             << " cannot cross the C ABI (expected " << kABITypes << ")";
  }
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
    if (!crossesABI(tensorType.getElementType(), /*scalar=*/false))
      return func.emitError()
             << "result " << i << " of type " << resultType
             << " cannot cross the C ABI (expected " << kABITypes << ")";
    for (int64_t d = 0; d < tensorType.getRank(); ++d) {
      if (!tensorType.isDynamicDim(d))
        continue;
      auto source = traceDim(terminator->getOperand(i), d);
      if (!source)
        return func.emitError()
               << "dimension " << d << " of result " << i
               << " does not follow from the argument shapes; the caller "
                  "could not allocate it";
      resultDims.push_back(
          b.getDenseI64ArrayAttr({source->arg, source->dim, source->divisor}));
    }
  }
  if (llvm::any_of(type.getInputs(), isInt4Tensor) ||
      llvm::any_of(type.getResults(), isInt4Tensor)) {
    if (!SymbolTable::symbolKnownUseEmpty(func, func->getParentOp()))
      return func.emitError()
             << "a function with int4 arguments or results crosses the C "
                "ABI packed and cannot also be called from other functions";
    packInt4Boundary(func);
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
      if (!pair || pair.size() != 3 || pair[2] <= 0)
        return op.emitError() << "malformed quanta.result_dims";
      entry.resultDims.push_back({pair[0], pair[1], pair[2]});
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
    bool failedAny = false;
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isPublic() && !func.isExternal())
        publicFuncs.push_back(func);
      // (An entry point's implementation from an earlier run keeps its
      // name.)
      else if (!func->hasAttr(kEntryAttr))
        failedAny |= failed(checkUnreservedName(func));
    }
    for (func::FuncOp func : publicFuncs)
      failedAny |= failed(prepareEntryPoint(func, symbols));
    if (failedAny)
      signalPassFailure();
  }
};

/// The CUDA runtime functions (runtime/cuda) that the GPU wrappers call.
constexpr StringLiteral kStreamCreate = "mgpuStreamCreate";
constexpr StringLiteral kStreamSynchronize = "mgpuStreamSynchronize";
constexpr StringLiteral kStreamDestroy = "mgpuStreamDestroy";

/// How a wrapper runs its implementation: host code; GPU launches on a stream
/// the wrapper creates and waits for; or on the caller's stream, the
/// wrapper's last parameter, without waiting.
enum class Launch { Host, GPUSync, GPUAsync };

/// Makes the kernel launches and allocations of `impl` go to one stream, a
/// new last argument: each `gpu.launch_func` gets it as its async object
/// (without one, the launch's translation creates a stream per launch and
/// waits for it), and it replaces the stream that the lowering of
/// `--quanta-allocate-device-buffers`' `gpu.wait async` creates for the
/// device allocations.
void takeStreamArgument(LLVM::LLVMFuncOp impl) {
  // (FunctionOpInterface::insertArgument refuses void LLVM functions.)
  Type ptr = LLVM::LLVMPointerType::get(impl.getContext());
  LLVM::LLVMFunctionType type = impl.getFunctionType();
  SmallVector<Type> params(type.getParams());
  params.push_back(ptr);
  impl.setFunctionType(LLVM::LLVMFunctionType::get(type.getReturnType(), params,
                                                   type.isVarArg()));
  if (ArrayAttr argAttrs = impl.getArgAttrsAttr()) {
    SmallVector<Attribute> attrs(argAttrs.getValue());
    attrs.push_back(DictionaryAttr::get(impl.getContext()));
    impl.setArgAttrsAttr(ArrayAttr::get(impl.getContext(), attrs));
  }
  Value stream = impl.front().addArgument(ptr, impl.getLoc());
  SmallVector<LLVM::CallOp> created;
  impl.walk([&](Operation *op) {
    if (auto launch = dyn_cast<gpu::LaunchFuncOp>(op))
      launch.getAsyncObjectMutable().assign(stream);
    if (auto call = dyn_cast<LLVM::CallOp>(op);
        call && call.getCallee() == kStreamCreate)
      created.push_back(call);
  });
  for (LLVM::CallOp call : created) {
    call.getResult().replaceAllUsesWith(stream);
    call.erase();
  }
}

/// Builds the wrapper `name` of one entry point around `impl`.
LogicalResult emitWrapper(LLVM::LLVMFuncOp impl, const EntryPoint &entry,
                          StringRef name, Launch launch) {
  MLIRContext *ctx = impl.getContext();
  Location loc = impl.getLoc();
  OpBuilder b(impl);
  Type ptr = LLVM::LLVMPointerType::get(ctx);
  Type i64 = IntegerType::get(ctx, 64);

  // The flat C signature.
  SmallVector<Type> cTypes;
  // Scalars: index is int64_t; f16/bf16 travel as their uint16_t bits.
  auto toC = [&](Type type) -> Type {
    if (isa<IndexType>(type))
      return i64;
    if (type.isF16() || type.isBF16())
      return IntegerType::get(ctx, 16);
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
  // The stream is the one pointer that may alias (e.g. be null).
  unsigned pointerCount = cTypes.size();
  if (launch == Launch::GPUAsync)
    cTypes.push_back(ptr);
  auto wrapper = LLVM::LLVMFuncOp::create(
      b, loc, name,
      LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx), cTypes));
  // Buffers do not overlap (docs/ABI.md): tell LLVM, so that it vectorizes
  // without run-time alias checks and keeps parameters in registers.
  for (auto [i, type] : llvm::enumerate(cTypes))
    if (type == ptr && i < pointerCount)
      wrapper.setArgAttr(i, LLVM::LLVMDialect::getNoAliasAttrName(),
                         b.getUnitAttr());
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

  // ceil(elements / 2), the bytes of a packed int4 tensor.
  auto packedByteCount = [&](ArrayRef<Value> sizes) -> Value {
    Value count = constant(1);
    for (Value size : sizes)
      count = LLVM::MulOp::create(b, loc, count, size);
    Value roundedUp = LLVM::AddOp::create(b, loc, count, constant(1));
    Value one = constant(1);
    return LLVM::LShrOp::create(b, loc, roundedUp, one);
  };

  unsigned next = 0;
  SmallVector<SmallVector<Value>> inputSizes;
  for (Type input : entry.type.getInputs()) {
    auto tensor = dyn_cast<RankedTensorType>(input);
    if (!tensor) {
      Value arg = block->getArgument(next++);
      if (input.isF16() || input.isBF16())
        arg = LLVM::BitcastOp::create(b, loc, input, arg);
      implArgs.push_back(arg);
      inputSizes.emplace_back();
      continue;
    }
    Value base = block->getArgument(next++);
    SmallVector<Value> sizes, dynamicSizes;
    for (int64_t d = 0; d < tensor.getRank(); ++d) {
      if (!tensor.isDynamicDim(d)) {
        sizes.push_back(constant(tensor.getDimSize(d)));
        continue;
      }
      sizes.push_back(block->getArgument(next++));
      dynamicSizes.push_back(sizes.back());
    }
    if (isInt4Tensor(tensor)) {
      // Packed bytes, then the logical dynamic dimensions.
      appendDescriptor(base, {packedByteCount(sizes)});
      implArgs.append(dynamicSizes);
    } else {
      appendDescriptor(base, sizes);
    }
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
      const ResultDim &source = *resultDim++;
      if (source.isConstant()) {
        sizes.push_back(constant(source.dim));
        continue;
      }
      Value size = inputSizes[source.arg][source.dim];
      if (source.divisor != 1)
        size = LLVM::UDivOp::create(b, loc, size, constant(source.divisor));
      sizes.push_back(size);
    }
    if (isInt4Tensor(tensor))
      sizes = {packedByteCount(sizes)};
    appendDescriptor(block->getArgument(next++), sizes);
  }

  Value stream;
  auto module = impl->getParentOfType<ModuleOp>();
  // Calls stream function `function` of the runtime (`ptr ()` to create,
  // else `void (ptr)`), declared in the module if missing.
  auto callStream = [&](StringRef function,
                        ValueRange args) -> FailureOr<LLVM::CallOp> {
    bool create = function == kStreamCreate;
    FailureOr<LLVM::LLVMFuncOp> callee = LLVM::lookupOrCreateFn(
        b, module, function, create ? ArrayRef<Type>() : ArrayRef<Type>(ptr),
        create ? ptr : LLVM::LLVMVoidType::get(ctx));
    if (failed(callee))
      return failure();
    return LLVM::CallOp::create(b, loc, *callee, args);
  };
  if (launch == Launch::GPUAsync)
    stream = block->getArgument(next++);
  if (launch == Launch::GPUSync) {
    FailureOr<LLVM::CallOp> created = callStream(kStreamCreate, {});
    if (failed(created))
      return failure();
    stream = created->getResult();
  }
  if (stream)
    implArgs.push_back(stream);

  LLVM::LLVMFunctionType implType = impl.getFunctionType();
  if (implType.getNumParams() != implArgs.size() ||
      !isa<LLVM::LLVMVoidType>(implType.getReturnType()))
    return impl.emitError() << "implementation of " << name
                            << " does not have the expected lowered "
                               "signature (got "
                            << implType << ")";
  for (auto [value, type] : llvm::zip(implArgs, implType.getParams()))
    if (value.getType() != type)
      return impl.emitError()
             << "implementation of " << name << " takes " << type
             << " where the ABI passes " << value.getType();
  LLVM::CallOp::create(b, loc, impl, implArgs);
  if (launch == Launch::GPUSync &&
      (failed(callStream(kStreamSynchronize, stream)) ||
       failed(callStream(kStreamDestroy, stream))))
    return failure();
  LLVM::ReturnOp::create(b, loc, ValueRange{});
  return success();
}

/// Refuses the GPU host code that one stream per entry-point call cannot
/// order: kernels launched outside an implementation (the stream argument
/// reaches implementations only) and calls of an implementation (which gets
/// a parameter its callers would not pass): a public function calling
/// another is reported here.
LogicalResult checkGPUCalls(ModuleOp module) {
  bool failedAny = false;
  for (auto func : module.getOps<LLVM::LLVMFuncOp>()) {
    bool isImpl =
        func.getName().starts_with(kImplPrefix) && func->hasAttr(kEntryAttr);
    func.walk(
        [&](Operation *op) {
          if (isa<gpu::LaunchFuncOp>(op) && !isImpl) {
            op->emitError()
                << "GPU kernels are launched outside an entry point, "
                   "where the stream of a call does not reach";
            failedAny = true;
          }
          auto call = dyn_cast<LLVM::CallOp>(op);
          auto callee = call ? module.lookupSymbol<LLVM::LLVMFuncOp>(
                                   call.getCallee().value_or(""))
                             : LLVM::LLVMFuncOp();
          if (callee && callee->hasAttr(kEntryAttr)) {
            call.emitError()
                << "calls GPU entry point "
                << callee->getAttrOfType<StringAttr>(kEntryAttr).getValue()
                << ": calls between GPU entry points are not "
                   "supported";
            failedAny = true;
          }
        });
  }
  return failure(failedAny);
}

struct EmitEntryPointsPass
    : public quanta::impl::EmitEntryPointsBase<EmitEntryPointsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<SmallVector<EntryPoint>> entries = getEntryPoints(module);
    if (failed(entries))
      return signalPassFailure();
    if (gpuStreams && failed(checkGPUCalls(module)))
      return signalPassFailure();
    for (const EntryPoint &entry : *entries) {
      auto impl = module.lookupSymbol<LLVM::LLVMFuncOp>(
          (kImplPrefix + entry.name).str());
      if (!impl) {
        module.emitError() << "entry point " << entry.name
                           << " was not lowered to the LLVM dialect";
        return signalPassFailure();
      }
      if (!gpuStreams) {
        if (failed(emitWrapper(impl, entry, entry.name, Launch::Host)))
          return signalPassFailure();
      } else {
        std::string async = entry.name + kAsyncSuffix.str();
        if (module.lookupSymbol(async) ||
            llvm::any_of(*entries, [&](const EntryPoint &other) {
              return other.name == async;
            })) {
          impl.emitError() << "the asynchronous variant of GPU entry point "
                           << entry.name << " would be named " << async
                           << ", which another function is";
          return signalPassFailure();
        }
        takeStreamArgument(impl);
        if (failed(emitWrapper(impl, entry, entry.name, Launch::GPUSync)) ||
            failed(emitWrapper(impl, entry, async, Launch::GPUAsync)))
          return signalPassFailure();
      }
      impl.setLinkage(LLVM::Linkage::Internal);
      for (StringLiteral attr : {kEntryAttr, kEntryTypeAttr, kResultDimsAttr})
        impl->removeAttr(attr);
    }
  }
};

} // namespace
