//===- MatmulKernelSupport.cpp - Shared pieces of the matmul kernels ------===//
//
// This file implements the helpers of MatmulKernels.h: loops, the dot
// instruction call, half-row pairs, and the element-wise epilogues that the
// kernels compute on their accumulators.
//
//===----------------------------------------------------------------------===//

#include "MatmulKernels.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlir::quanta::matmul_kernels {

DotKind getVNNIKind(MLIRContext *ctx) {
  Type i8 = IntegerType::get(ctx, 8);
  return {i8, i8, IntegerType::get(ctx, 32),
          4,  16, "llvm.x86.avx512.vpdpbusd.512"};
}

Value getAMXPermitted(ImplicitLocOpBuilder &b, ModuleOp module) {
  StringRef flagName = "quanta_amx_permitted";
  MLIRContext *ctx = module.getContext();
  Type i8 = b.getI8Type(), i64 = b.getI64Type();
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  if (!module.lookupSymbol(flagName)) {
    OpBuilder top = OpBuilder::atBlockEnd(module.getBody());
    Location loc = module.getLoc();
    LLVM::GlobalOp::create(top, loc, i8, /*isConstant=*/false,
                           LLVM::Linkage::Internal, flagName,
                           top.getI8IntegerAttr(0));
    auto syscallType =
        LLVM::LLVMFunctionType::get(i64, {i64}, /*isVarArg=*/true);
    auto syscall = module.lookupSymbol<LLVM::LLVMFuncOp>("syscall");
    if (!syscall)
      syscall = LLVM::LLVMFuncOp::create(top, loc, "syscall", syscallType);
    auto request = LLVM::LLVMFuncOp::create(
        top, loc, "quanta_request_amx",
        LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx), {}),
        LLVM::Linkage::Internal);
    OpBuilder body = OpBuilder::atBlockEnd(request.addEntryBlock(top));
    auto constant = [&](int64_t v) {
      return LLVM::ConstantOp::create(body, loc, i64, v).getResult();
    };
    // SYS_arch_prctl, ARCH_REQ_XCOMP_PERM, XFEATURE_XTILEDATA.
    Value result =
        LLVM::CallOp::create(
            body, loc, syscall,
            ValueRange{constant(158), constant(0x1023), constant(18)})
            .getResult();
    Value granted = LLVM::ICmpOp::create(body, loc, LLVM::ICmpPredicate::eq,
                                         result, constant(0));
    Value flag = LLVM::AddressOfOp::create(body, loc, ptr, flagName);
    LLVM::StoreOp::create(body, loc,
                          LLVM::ZExtOp::create(body, loc, i8, granted), flag);
    LLVM::ReturnOp::create(body, loc, ValueRange{});
    LLVM::GlobalCtorsOp::create(
        top, loc, top.getArrayAttr(FlatSymbolRefAttr::get(request)),
        top.getI32ArrayAttr(65535), top.getArrayAttr(LLVM::ZeroAttr::get(ctx)));
  }
  Value flag = LLVM::AddressOfOp::create(b, ptr, flagName);
  Value value = LLVM::LoadOp::create(b, i8, flag);
  return arith::CmpIOp::create(
      b, arith::CmpIPredicate::ne, value,
      arith::ConstantOp::create(b, b.getI8IntegerAttr(0)));
}

void forLoop(ImplicitLocOpBuilder &b, Value lb, Value ub, int64_t step,
             function_ref<void(Value)> body) {
  auto loop =
      scf::ForOp::create(b, lb, ub, arith::ConstantIndexOp::create(b, step));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  body(loop.getInductionVar());
}

void columnLoop(ImplicitLocOpBuilder &b, bool parallel, Value lb, Value ub,
                int64_t step, function_ref<void(Value)> body) {
  if (!parallel)
    return forLoop(b, lb, ub, step, body);
  auto loop = scf::ParallelOp::create(
      b, ValueRange{lb}, ValueRange{ub},
      ValueRange{arith::ConstantIndexOp::create(b, step)});
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  body(loop.getInductionVars()[0]);
}

void perThreadBlocks(ImplicitLocOpBuilder &b, bool parallel, Value total,
                     function_ref<void(Value, Value)> body) {
  if (!parallel) {
    Value zero = arith::ConstantIndexOp::create(b, 0);
    return body(zero, total);
  }
  auto module = b.getBlock()->getParentOp()->getParentOfType<ModuleOp>();
  StringRef name = "omp_get_max_threads";
  FunctionType type = b.getFunctionType({}, {b.getI32Type()});
  if (!module.lookupSymbol<func::FuncOp>(name)) {
    OpBuilder top(module.getBodyRegion());
    auto decl = func::FuncOp::create(top, b.getLoc(), name, type);
    decl.setPrivate();
  }
  Value count = func::CallOp::create(b, name, type.getResults(), ValueRange{})
                    .getResult(0);
  Value threads = arith::IndexCastOp::create(b, b.getIndexType(), count);
  Value one = arith::ConstantIndexOp::create(b, 1);
  threads = arith::MaxUIOp::create(b, threads, one);
  Value perThread = arith::CeilDivUIOp::create(b, total, threads);
  Value zero = arith::ConstantIndexOp::create(b, 0);
  auto loop = scf::ParallelOp::create(b, ValueRange{zero}, ValueRange{total},
                                      ValueRange{perThread});
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value first = loop.getInductionVars()[0];
  Value end = arith::AddIOp::create(b, first, perThread);
  body(first, arith::MinUIOp::create(b, end, total));
}

RowPrefetcher::RowPrefetcher(ImplicitLocOpBuilder &b, Value matrix,
                             int64_t aheadBytes)
    : matrix(matrix) {
  auto type = cast<MemRefType>(matrix.getType());
  // Rows of unknown width are taken as 4 KiB.
  int64_t rowBytes =
      type.isDynamicDim(1)
          ? 4096
          : type.getDimSize(1) * type.getElementTypeBitWidth() / 8;
  distance = std::max<int64_t>(1, aheadBytes / rowBytes);
  Value rows = memref::DimOp::create(b, matrix, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  lastRow = arith::SubIOp::create(b, rows, one);
}

void RowPrefetcher::prefetch(ImplicitLocOpBuilder &b, Value row, Value col) {
  Value ahead = arith::ConstantIndexOp::create(b, distance);
  ahead = arith::AddIOp::create(b, row, ahead);
  ahead = arith::MinUIOp::create(b, ahead, lastRow);
  memref::PrefetchOp::create(b, matrix, ValueRange{ahead, col},
                             /*isWrite=*/false, /*localityHint=*/2,
                             /*isDataCache=*/true);
}

Value broadcastQuad(ImplicitLocOpBuilder &b, const DotKind &kind, Value a,
                    Value row, Value k) {
  Value quad = vector::LoadOp::create(
      b, VectorType::get({kind.perLane}, kind.element), a, ValueRange{row, k});
  if (kind.operand != kind.element)
    quad = arith::ExtUIOp::create(
        b, VectorType::get({kind.perLane}, kind.operand), quad);
  Type i32 = b.getI32Type();
  Value words = vector::BitCastOp::create(b, VectorType::get({1}, i32), quad);
  Value word = vector::ExtractOp::create(b, words, 0);
  if (kind.flipLhs) {
    Value signs = arith::ConstantOp::create(
        b, b.getI32IntegerAttr(static_cast<int32_t>(0x80808080)));
    word = arith::XOrIOp::create(b, word, signs);
  }
  Value lanes =
      vector::BroadcastOp::create(b, VectorType::get({kind.lanes}, i32), word);
  return vector::BitCastOp::create(
      b, VectorType::get({kind.perLane * kind.lanes}, kind.operand), lanes);
}

Value dot(ImplicitLocOpBuilder &lb, const DotKind &kind, Value sum, Value lhs,
          Value rhs) {
  Type acc = sum.getType();
  if (kind.intrinsic.empty()) {
    // One product per lane, then the add: each lane's sum in k order.
    Value product = arith::MulFOp::create(lb, lhs, rhs);
    return arith::AddFOp::create(lb, sum, product);
  }
  if (kind.separateAdd) {
    Value products =
        LLVM::CallIntrinsicOp::create(lb, acc, lb.getStringAttr(kind.intrinsic),
                                      ValueRange{lhs, rhs})
            .getResult(0);
    return arith::AddIOp::create(lb, sum, products);
  }
  return LLVM::CallIntrinsicOp::create(lb, acc,
                                       lb.getStringAttr(kind.intrinsic),
                                       ValueRange{sum, lhs, rhs})
      .getResult(0);
}

Value loadOrZero(ImplicitLocOpBuilder &b, VectorType type, Value inBounds,
                 Value memref, ValueRange indices) {
  auto ifOp = scf::IfOp::create(b, type, inBounds, /*withElseRegion=*/true);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(ifOp.thenBlock());
  scf::YieldOp::create(
      b, vector::LoadOp::create(b, type, memref, indices).getResult());
  b.setInsertionPointToStart(ifOp.elseBlock());
  scf::YieldOp::create(
      b, arith::ConstantOp::create(b, b.getZeroAttr(type)).getResult());
  return ifOp.getResult(0);
}

bool isConstant(Value v, int64_t value) {
  std::optional<int64_t> constant = getConstantIntValue(v);
  return constant && *constant == value;
}

Value isMultiple(ImplicitLocOpBuilder &b, Value v, int64_t of) {
  Value divisor = arith::ConstantIndexOp::create(b, of);
  Value rem = arith::RemUIOp::create(b, v, divisor);
  Value zero = arith::ConstantIndexOp::create(b, 0);
  return arith::CmpIOp::create(b, arith::CmpIPredicate::eq, rem, zero);
}

Value collapseColumnPairs(ImplicitLocOpBuilder &b, Value memref) {
  int64_t rank = cast<MemRefType>(memref.getType()).getRank();
  SmallVector<ReassociationIndices> groups;
  for (int64_t d = 0; d + 2 < rank; ++d)
    groups.push_back({d});
  groups.push_back({rank - 2, rank - 1});
  return memref::CollapseShapeOp::create(b, memref, groups);
}

HalfRowPairs pairHalfRows(ImplicitLocOpBuilder &b, ArrayRef<Value> rows) {
  HalfRowPairs halves;
  for (int64_t h = 0; h < 2; ++h)
    for (int64_t p = 0; p < 2; ++p) {
      SmallVector<int64_t> mask;
      for (int64_t i = 0; i < 64; ++i)
        mask.push_back(i < 32 ? 32 * h + i : 64 + 32 * h + i - 32);
      halves[h][p] =
          vector::ShuffleOp::create(b, rows[2 * p], rows[2 * p + 1], mask);
    }
  return halves;
}

Value gatherRowBytes(ImplicitLocOpBuilder &b, const HalfRowPairs &halves,
                     ArrayRef<int64_t> positions) {
  int64_t half = positions.front() / 32;
  SmallVector<int64_t> mask;
  for (int64_t position : positions) {
    assert(position / 32 == half && "positions in two halves");
    for (int64_t t = 0; t < 4; ++t)
      mask.push_back(64 * (t / 2) + 32 * (t % 2) + position % 32);
  }
  return vector::ShuffleOp::create(b, halves[half][0], halves[half][1], mask);
}

bool onlyHarmlessOpsBetween(Operation *first, linalg::GenericOp second) {
  if (first->getBlock() != second->getBlock() ||
      !first->isBeforeInBlock(second))
    return false;
  // The buffers that `first` accesses, and those it writes.
  SmallVector<Value> accessed, written;
  for (Value v : first->getOperands())
    if (isa<MemRefType>(v.getType()))
      accessed.push_back(getViewBase(v));
  if (auto dps = dyn_cast<DestinationStyleOpInterface>(first))
    for (Value v : dps.getDpsInits())
      written.push_back(getViewBase(v));
  for (Operation *op = first->getNextNode(); op != second;
       op = op->getNextNode()) {
    if (isa<memref::AllocOp, memref::ExpandShapeOp, memref::CollapseShapeOp,
            memref::SubViewOp, memref::DimOp, arith::ConstantOp>(op))
      continue;
    auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
    if (!linalgOp || !linalgOp.hasPureBufferSemantics())
      return false;
    // (Distinct arguments are distinct buffers: the ABI forbids overlap.)
    for (Value v : linalgOp.getDpsInits())
      if (llvm::is_contained(accessed, getViewBase(v)))
        return false;
    for (Value v : linalgOp.getDpsInputs())
      if (llvm::is_contained(written, getViewBase(v)))
        return false;
  }
  return true;
}

Value getViewBase(Value v) {
  while (auto view = v.getDefiningOp<ViewLikeOpInterface>())
    v = view.getViewSource();
  return v;
}

Operation *soleOtherUser(Operation *alloc, Operation *reader,
                         SmallVectorImpl<Operation *> &deallocs) {
  Operation *other = nullptr;
  for (Operation *user : alloc->getUsers()) {
    if (user == reader)
      continue;
    if (isa<memref::DeallocOp>(user)) {
      deallocs.push_back(user);
      continue;
    }
    if (other)
      return nullptr;
    other = user;
  }
  return other;
}

void BufferBuild::clone(OpBuilder &b, IRMapping &mapping) const {
  for (Operation *op : ops)
    b.clone(*op, mapping);
}

void BufferBuild::deallocClones(ImplicitLocOpBuilder &b,
                                IRMapping &mapping) const {
  for (Operation *op : ops)
    if (isa<memref::AllocOp>(op))
      memref::DeallocOp::create(b, mapping.lookup(op->getResult(0)));
}

void BufferBuild::erase() {
  for (Operation *dealloc : deallocs)
    dealloc->erase();
  for (Operation *op : llvm::reverse(ops))
    op->erase();
}

bool unwrittenUntil(Value source, Operation *from, Operation *kernelAt) {
  if (!kernelAt || kernelAt->getBlock() != from->getBlock() ||
      kernelAt->isBeforeInBlock(from))
    return false;
  auto isBuffer = [](Value v) {
    auto arg = dyn_cast<BlockArgument>(v);
    return v.getDefiningOp<memref::AllocOp>() ||
           (arg && isa<func::FuncOp>(arg.getOwner()->getParentOp()));
  };
  Value base = getViewBase(source);
  auto writesElsewhere = [&](Value out) {
    Value outBase = getViewBase(out);
    return outBase != base && isBuffer(outBase) && isBuffer(base);
  };
  for (Operation *op = from->getNextNode(); op != kernelAt;
       op = op->getNextNode()) {
    if (isMemoryEffectFree(op) || isa<memref::AllocOp>(op))
      continue;
    auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
    if (linalgOp && linalgOp.hasPureBufferSemantics() &&
        llvm::all_of(linalgOp.getDpsInits(), writesElsewhere))
      continue;
    return false;
  }
  return true;
}

bool isElementwiseEpilogue(linalg::GenericOp op) {
  if (!op.hasPureBufferSemantics() || op.getNumDpsInits() != 1)
    return false;
  // A vector of i4 is bit-packed in memory, a buffer of i4 holds a byte per
  // element: vector loads and stores would read and write other elements.
  for (Value v : op->getOperands()) {
    Type element = getElementTypeOrSelf(v.getType());
    if (element.isIntOrFloat() && element.getIntOrFloatBitWidth() % 8)
      return false;
  }
  for (AffineMap map : op.getIndexingMapsArray())
    if (!map.isProjectedPermutation() ||
        !llvm::is_sorted(map.getResults(), [](AffineExpr x, AffineExpr y) {
          return cast<AffineDimExpr>(x).getPosition() <
                 cast<AffineDimExpr>(y).getPosition();
        }))
      return false;
  for (Operation &inner : op.getRegion().front().without_terminator())
    if (!inner.hasTrait<OpTrait::Elementwise>() || inner.getNumRegions() ||
        inner.getNumResults() != 1 || !isPure(&inner))
      return false;
  return true;
}

Value loadLanes(ImplicitLocOpBuilder &b, Value v, AffineMap map,
                VectorType type, unsigned vectorDim,
                function_ref<Value(unsigned)> at) {
  SmallVector<Value> indices;
  bool vector = false;
  for (AffineExpr e : map.getResults()) {
    unsigned dim = cast<AffineDimExpr>(e).getPosition();
    vector |= dim == vectorDim;
    if (Value index = at(dim))
      indices.push_back(index);
  }
  if (vector)
    return vector::LoadOp::create(b, type, v, indices);
  Value scalar = memref::LoadOp::create(b, v, indices);
  return vector::BroadcastOp::create(b, type, scalar);
}

Value getPartValue(linalg::GenericOp op, ArrayRef<unsigned> from, unsigned of,
                   bool withIndex) {
  Block &body = op.getRegion().front();
  // The values computed from `from` alone, and those of them that depend on
  // `of` or linalg.index.
  DenseSet<Value> part, dependent;
  for (unsigned arg : from)
    part.insert(body.getArgument(arg));
  dependent.insert(body.getArgument(of));
  SmallVector<Value> values(llvm::map_range(
      from, [&](unsigned arg) { return Value(body.getArgument(arg)); }));
  for (Operation &scalarOp : body.without_terminator()) {
    bool isIndex = isa<linalg::IndexOp>(scalarOp);
    if (isIndex && !withIndex)
      continue;
    bool inPart = true, depends = isIndex;
    for (Value operand : scalarOp.getOperands()) {
      if (operand.getParentBlock() != &body)
        continue;
      inPart &= part.contains(operand);
      depends |= dependent.contains(operand);
    }
    if (!inPart || scalarOp.getNumResults() != 1)
      continue;
    part.insert(scalarOp.getResult(0));
    values.push_back(scalarOp.getResult(0));
    if (depends)
      dependent.insert(scalarOp.getResult(0));
  }
  Value boundary;
  for (Value v : values) {
    if (!dependent.contains(v))
      continue;
    for (Operation *user : v.getUsers()) {
      if (user->getNumResults() == 1 && part.contains(user->getResult(0)))
        continue;
      if (boundary && boundary != v)
        return Value();
      boundary = v;
    }
  }
  return boundary;
}

Operation *getZeroFill(Operation *op, Value c) {
  for (Operation *before = op->getPrevNode(); before;
       before = before->getPrevNode()) {
    auto fill = dyn_cast<linalg::FillOp>(before);
    if (fill && fill.getOutputs()[0] == c)
      return matchPattern(fill.value(), m_Zero()) ||
                     matchPattern(fill.value(), m_PosZeroFloat())
                 ? fill
                 : nullptr;
    if (llvm::is_contained(before->getOperands(), c) ||
        !isMemoryEffectFree(before))
      return nullptr;
  }
  return nullptr;
}

Value cloneBodyOnVectors(ImplicitLocOpBuilder &b, linalg::GenericOp op,
                         ArrayRef<Value> args,
                         function_ref<Value(unsigned)> index,
                         ArrayRef<std::pair<Value, Value>> given, Value of,
                         int64_t lanes) {
  auto vectorOf = [&](Type t) { return VectorType::get({lanes}, t); };
  Block &body = op.getRegion().front();
  if (!of)
    of = body.getTerminator()->getOperand(0);
  IRMapping mapping;
  for (auto [arg, vector] : llvm::zip_equal(body.getArguments(), args))
    if (vector)
      mapping.map(arg, vector);
  for (auto [scalar, vector] : given)
    mapping.map(scalar, vector);
  // The ops the value needs, given values aside.
  DenseSet<Operation *> needed;
  SmallVector<Value> worklist{of};
  while (!worklist.empty()) {
    Operation *def = worklist.pop_back_val().getDefiningOp();
    if (!def || def->getBlock() != &body ||
        mapping.contains(def->getResult(0)) || !needed.insert(def).second)
      continue;
    llvm::append_range(worklist, def->getOperands());
  }
  for (Operation &scalarOp : body.without_terminator()) {
    if (!needed.contains(&scalarOp))
      continue;
    if (auto indexOp = dyn_cast<linalg::IndexOp>(scalarOp)) {
      Value wide = vector::BroadcastOp::create(b, vectorOf(indexOp.getType()),
                                               index(indexOp.getDim()));
      mapping.map(indexOp.getResult(), wide);
      continue;
    }
    for (Value operand : scalarOp.getOperands())
      if (!mapping.contains(operand)) {
        Value wide = vector::BroadcastOp::create(b, vectorOf(operand.getType()),
                                                 operand);
        mapping.map(operand, wide);
      }
    Operation *vectorOp = b.clone(scalarOp, mapping);
    vectorOp->getResult(0).setType(vectorOf(scalarOp.getResult(0).getType()));
  }
  return mapping.lookup(of);
}

Value TransposedRhs::clone(ImplicitLocOpBuilder &b, IRMapping &mapping) const {
  build.clone(b, mapping);
  return mapping.lookup(matrix);
}

std::optional<TransposedRhs> matchTransposedRhs(Operation *reader, Value bMat,
                                                Operation *kernelAt) {
  TransposedRhs rhs;
  rhs.matrix = bMat;
  // The op that writes `buffer` before `reader`, a fresh 2-D allocation in
  // the core's block that only these two ops and a dealloc use, added to
  // rhs.build with its allocation; or null.
  auto writerOf = [&](Value buffer, Operation *reader) -> Operation * {
    auto alloc = buffer.getDefiningOp<memref::AllocOp>();
    if (!alloc || alloc.getType().getRank() != 2 ||
        !alloc.getType().getLayout().isIdentity() ||
        alloc->getBlock() != reader->getBlock())
      return nullptr;
    Operation *writer = soleOtherUser(alloc, reader, rhs.build.deallocs);
    auto dps = dyn_cast_or_null<DestinationStyleOpInterface>(writer);
    if (!dps || dps.getNumDpsInits() != 1 || dps.getDpsInits()[0] != buffer ||
        writer->getBlock() != reader->getBlock() ||
        !writer->isBeforeInBlock(reader))
      return nullptr;
    rhs.build.ops.insert(rhs.build.ops.begin(), {alloc, writer});
    return writer;
  };
  Operation *writer = writerOf(bMat, reader);
  // B = T xor 0x80, element-wise.
  if (auto map = dyn_cast_or_null<linalg::MapOp>(writer);
      map && map.getInputs().size() == 1) {
    Block &body = map.getMapper().front();
    auto xorOp = dyn_cast<arith::XOrIOp>(body.front());
    APInt bits;
    if (!xorOp || body.getOperations().size() != 2 ||
        body.getTerminator()->getOperand(0) != xorOp.getResult() ||
        xorOp.getLhs() != body.getArgument(0) ||
        !matchPattern(xorOp.getRhs(), m_ConstantInt(&bits)) ||
        bits.getBitWidth() != 8 || bits.getZExtValue() != 0x80)
      return std::nullopt;
    rhs.flip = true;
    writer = writerOf(map.getInputs()[0], map);
  }
  auto transpose = dyn_cast_or_null<linalg::TransposeOp>(writer);
  if (!transpose || transpose.getPermutation() != ArrayRef<int64_t>{1, 0})
    return std::nullopt;
  rhs.source = transpose.getInput();
  auto sourceType = cast<MemRefType>(rhs.source.getType());
  if (sourceType.getElementType() !=
          cast<MemRefType>(bMat.getType()).getElementType() ||
      !sourceType.isLastDimUnitStride() ||
      !unwrittenUntil(rhs.source, transpose, kernelAt))
    return std::nullopt;
  return rhs;
}

void transposeSquare(ImplicitLocOpBuilder &b, MutableArrayRef<Value> rows) {
  int64_t n = rows.size();
  for (int64_t bit = n / 2; bit >= 1; bit /= 2)
    for (int64_t i = 0; i < n; ++i) {
      if (i & bit)
        continue;
      SmallVector<int64_t> low, high;
      for (int64_t lane = 0; lane < n; ++lane) {
        low.push_back(lane & bit ? n + lane - bit : lane);
        high.push_back(lane & bit ? n + lane : lane + bit);
      }
      Value x = rows[i], y = rows[i + bit];
      rows[i] = vector::ShuffleOp::create(b, x, y, low);
      rows[i + bit] = vector::ShuffleOp::create(b, x, y, high);
    }
}

/// Whether `op` is the unpacking of int4 weights packed along the last
/// dimension into `unpacked` [N, K / 2, 2] (see TransposedWeights).
static bool isUnpacking(linalg::GenericOp op, Value unpacked) {
  MLIRContext *ctx = op.getContext();
  auto type = cast<MemRefType>(unpacked.getType());
  if (op.getNumDpsInputs() != 1 || op.getNumDpsInits() != 1 ||
      op.getDpsInits()[0] != unpacked || type.getRank() != 3 ||
      type.getDimSize(2) != 2 || !op.hasPureBufferSemantics() ||
      op.getNumParallelLoops() != 3 || op.getNumLoops() != 3)
    return false;
  AffineExpr d0, d1, d2;
  bindDims(ctx, d0, d1, d2);
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  if (maps[0] != AffineMap::get(3, 0, {d0, d1}, ctx) || !maps[1].isIdentity())
    return false;
  Block &body = op.getRegion().front();
  return isNibbleBits(body.getTerminator()->getOperand(0), body.getArgument(0),
                      2);
}

std::optional<TransposedWeights> matchTransposedWeights(Value b, bool pairs,
                                                        Operation *coreOp,
                                                        Operation *kernelAt) {
  TransposedWeights chain;
  Block *block = coreOp->getBlock();
  using Groups = SmallVector<ReassociationIndices>;
  // B, or a view of it that the transpose and the core read.
  auto bView = b.getDefiningOp<memref::ExpandShapeOp>();
  if (bView && llvm::range_size(bView->getUsers()) != 2)
    return std::nullopt;
  Value bBuffer = bView ? bView.getSrc() : b;
  auto bAlloc = bBuffer.getDefiningOp<memref::AllocOp>();
  if (!bAlloc || bAlloc->getBlock() != block)
    return std::nullopt;
  Operation *writer =
      soleOtherUser(bAlloc, bView ? bView : coreOp, chain.build.deallocs);
  if (bView) {
    // B's users: the view and deallocations.
    if (writer || llvm::any_of(bAlloc->getUsers(), [&](Operation *user) {
          return user != bView && !isa<memref::DeallocOp>(user);
        }))
      return std::nullopt;
    for (Operation *user : bView->getUsers())
      if (user != coreOp)
        writer = user;
  }
  auto transpose = dyn_cast_or_null<linalg::TransposeOp>(writer);
  SmallVector<int64_t> permutation =
      pairs ? SmallVector<int64_t>{2, 3, 0, 1} : SmallVector<int64_t>{1, 2, 0};
  if (!transpose || transpose.getInit() != b ||
      transpose->getBlock() != block || !transpose->isBeforeInBlock(coreOp) ||
      transpose.getPermutation() != ArrayRef(permutation))
    return std::nullopt;
  // The first op that reads the source.
  Operation *reader = transpose;
  // The unpacking of int4 weights into `unpacked` (U), read by `user` (its
  // collapse, or the transpose itself) and the unpacking only: then P is
  // the source.
  auto matchUnpacking = [&](Value unpacked, Operation *user) {
    auto uAlloc = unpacked.getDefiningOp<memref::AllocOp>();
    if (!uAlloc || uAlloc->getBlock() != block)
      return false;
    SmallVector<Operation *> deallocs(chain.build.deallocs);
    auto unpack = dyn_cast_or_null<linalg::GenericOp>(
        soleOtherUser(uAlloc, user, deallocs));
    if (!unpack || unpack->getBlock() != block ||
        !unpack->isBeforeInBlock(transpose) ||
        !isUnpacking(unpack, uAlloc.getResult()))
      return false;
    chain.source = unpack.getDpsInputs()[0];
    chain.packed = true;
    chain.build.deallocs = deallocs;
    reader = unpack;
    chain.build.ops = {uAlloc, unpack};
    return true;
  };
  auto expand = transpose.getInput().getDefiningOp<memref::ExpandShapeOp>();
  if (expand) {
    if (!expand->hasOneUse() ||
        expand.getReassociationIndices() !=
            (pairs ? Groups{{0, 1}, {2, 3}} : Groups{{0}, {1, 2}}))
      return std::nullopt;
    chain.source = expand.getSrc();
    // int4 weights unpacked into S.
    auto collapse = expand.getSrc().getDefiningOp<memref::CollapseShapeOp>();
    if (collapse && collapse->hasOneUse() &&
        collapse.getReassociationIndices() == Groups{{0}, {1, 2}} &&
        matchUnpacking(collapse.getSrc(), collapse))
      chain.build.ops.push_back(collapse);
    chain.build.ops.push_back(expand);
  } else if (pairs ||
             !matchUnpacking(transpose.getInput(), transpose.getOperation())) {
    // Or U itself as [N, G, KK], G = K / 2 and KK = 2.
    return std::nullopt;
  }
  auto sourceType = cast<MemRefType>(chain.source.getType());
  if (sourceType.getRank() != 2 || !sourceType.isLastDimUnitStride() ||
      !unwrittenUntil(chain.source, reader, kernelAt))
    return std::nullopt;
  chain.build.ops.push_back(bAlloc);
  if (bView)
    chain.build.ops.push_back(bView);
  chain.build.ops.push_back(transpose);
  return chain;
}

} // namespace mlir::quanta::matmul_kernels
