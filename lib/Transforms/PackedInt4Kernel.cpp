//===- PackedInt4Kernel.cpp - W4A8 kernel on packed int4 weights ----------===//
//
// This file implements the packed-int4 kernel of --quanta-lower-matmul-
// kernels: recognizing the K-blocked integer matmul core whose int4 weights
// are read packed, and rewriting it (with the op that reduces its group
// sums) into a streaming AVX-512 VNNI kernel (GEMV and prefill).
//
//===----------------------------------------------------------------------===//

#include "MatmulKernels.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"

using namespace mlir;
using namespace mlir::quanta::matmul_kernels;

namespace {

/// Whether `v` is `OpTy(x, y)` with `match(x, y)` in either order.
template <typename OpTy>
bool matchCommutative(Value v, function_ref<bool(Value, Value)> match) {
  auto op = v.getDefiningOp<OpTy>();
  return op &&
         (match(op.getLhs(), op.getRhs()) || match(op.getRhs(), op.getLhs()));
}

/// Whether `v` is `ext{s,u}i(x)` with `inner(x)`; sets `isSigned`.
bool matchExt(Value v, function_ref<bool(Value)> inner, bool &isSigned) {
  if (auto ext = v.getDefiningOp<arith::ExtSIOp>()) {
    isSigned = true;
    return inner(ext.getIn());
  }
  if (auto ext = v.getDefiningOp<arith::ExtUIOp>()) {
    isSigned = false;
    return inner(ext.getIn());
  }
  return false;
}

/// Whether `v` is the nibble of byte `byte` that loop `dim` picks:
/// `trunci((byte >> (index_cast(linalg.index dim) * 4)) & 15)` to i4.
bool matchNibble(Value v, Value byte, unsigned dim) {
  auto trunc = v.getDefiningOp<arith::TruncIOp>();
  return trunc && trunc.getType().isInteger(4) &&
         isNibbleBits(trunc.getIn(), byte, dim);
}

/// Clones `op` (a linalg op on buffers) onto views of its operands that
/// keep its loop `dim` from `from` on: the op on those iterations only.
void cloneFrom(ImplicitLocOpBuilder &b, linalg::LinalgOp op, unsigned dim,
               Value from) {
  IRMapping mapping;
  for (OpOperand &operand : op->getOpOperands()) {
    Value v = operand.get();
    if (!isa<MemRefType>(v.getType()))
      continue;
    std::optional<unsigned> position =
        op.getMatchingIndexingMap(&operand).getResultPosition(
            b.getAffineDimExpr(dim));
    if (!position)
      continue;
    SmallVector<OpFoldResult> sizes = memref::getMixedSizes(b, b.getLoc(), v);
    SmallVector<OpFoldResult> offsets(sizes.size(), b.getIndexAttr(0)),
        strides(sizes.size(), b.getIndexAttr(1));
    offsets[*position] = from;
    sizes[*position] =
        arith::SubIOp::create(b, memref::DimOp::create(b, v, *position), from)
            .getResult();
    mapping.map(
        v,
        memref::SubViewOp::create(b, v, offsets, sizes, strides).getResult());
  }
  b.clone(*op, mapping);
}

} // namespace

Value mlir::quanta::matmul_kernels::buildNibble(OpBuilder &b, Location loc,
                                                Value byte, Value odd) {
  // Ops are created one statement at a time: the IR must not depend on the
  // order in which a compiler evaluates function arguments.
  Value odd8 = arith::IndexCastOp::create(b, loc, b.getI8Type(), odd);
  Value four = arith::ConstantOp::create(b, loc, b.getI8IntegerAttr(4));
  Value shift = arith::MulIOp::create(b, loc, odd8, four);
  Value shifted = arith::ShRUIOp::create(b, loc, byte, shift);
  Value mask = arith::ConstantOp::create(b, loc, b.getI8IntegerAttr(15));
  return arith::AndIOp::create(b, loc, shifted, mask);
}

bool mlir::quanta::matmul_kernels::isNibbleBits(Value v, Value byte,
                                                unsigned dim) {
  auto isShift = [&](Value shift) {
    return matchCommutative<arith::MulIOp>(shift, [&](Value x, Value four) {
      auto cast = x.getDefiningOp<arith::IndexCastOp>();
      auto index = cast ? cast.getIn().getDefiningOp<linalg::IndexOp>()
                        : linalg::IndexOp();
      return index && index.getDim() == dim && isConstant(four, 4);
    });
  };
  auto isShifted = [&](Value x) {
    auto shift = x.getDefiningOp<arith::ShRUIOp>();
    return shift && shift.getLhs() == byte && isShift(shift.getRhs());
  };
  return isShifted(v) ||
         matchCommutative<arith::AndIOp>(v, [&](Value x, Value mask) {
           return isShifted(x) && isConstant(mask, 15);
         });
}

std::optional<GroupEpilogue>
mlir::quanta::matmul_kernels::matchGroupEpilogue(linalg::GenericOp core,
                                                 Value c) {
  MLIRContext *ctx = core.getContext();
  linalg::GenericOp consumer;
  for (Operation *user : c.getUsers()) {
    if (user == core ||
        isa<linalg::FillOp, memref::DeallocOp, memref::DimOp>(user))
      continue;
    auto generic = dyn_cast<linalg::GenericOp>(user);
    if (consumer || !generic || generic->getBlock() != core->getBlock())
      return std::nullopt;
    consumer = generic;
  }
  // Loops (m, g, j, h) after a packed int4 core, (m, g, n) after an 8-bit
  // one.
  unsigned loops = core.getNumLoops() - 1;
  if (!consumer || consumer.getNumLoops() != loops ||
      !isElementwiseEpilogue(consumer) ||
      !onlyHarmlessOpsBetween(core, consumer))
    return std::nullopt;
  using utils::IteratorType;
  SmallVector<IteratorType> iterators(loops, IteratorType::parallel);
  iterators[1] = IteratorType::reduction;
  if (consumer.getIteratorTypesArray() != iterators)
    return std::nullopt;
  AffineExpr d[4];
  bindDimsList(ctx, MutableArrayRef<AffineExpr>(d));
  GroupEpilogue epilogue{consumer, 0};
  bool readsC = false;
  for (OpOperand *input : consumer.getDpsInputOperands()) {
    AffineMap map = consumer.getMatchingIndexingMap(input);
    if (input->get() == c) {
      if (!map.isIdentity())
        return std::nullopt;
      epilogue.cInput = input->getOperandNumber();
      readsC = true;
      continue;
    }
    // The column pair (j, h) last and whole.
    auto type = dyn_cast<MemRefType>(input->get().getType());
    ArrayRef<AffineExpr> results = map.getResults();
    bool hasJ = llvm::is_contained(results, d[2]),
         hasH = loops == 4 ? llvm::is_contained(results, d[3]) : hasJ;
    if (!type || !type.getLayout().isIdentity() || hasJ != hasH)
      return std::nullopt;
  }
  OpOperand *out = consumer.getDpsInitOperand(0);
  auto outType = cast<MemRefType>(out->get().getType());
  SmallVector<AffineExpr> outDims{d[0], d[2]};
  if (loops == 4)
    outDims.push_back(d[3]);
  if (!readsC || !outType.getLayout().isIdentity() ||
      consumer.getMatchingIndexingMap(out) !=
          AffineMap::get(loops, 0, outDims, ctx))
    return std::nullopt;
  return epilogue;
}

mlir::quanta::matmul_kernels::GroupEpilogueLanes::GroupEpilogueLanes(
    ImplicitLocOpBuilder &b, const GroupEpilogue &epilogue, Value groups,
    int64_t lanes)
    : b(b), epilogue(epilogue), groups(groups), lanes(lanes) {
  linalg::GenericOp op = epilogue.op;
  for (OpOperand &operand : op->getOpOperands()) {
    AffineMap map = op.getMatchingIndexingMap(&operand);
    Value v = operand.get();
    int64_t rank = map.getNumResults();
    if (operand.getOperandNumber() != epilogue.cInput &&
        map.getNumResults() >= 2 &&
        map.getResult(rank - 1) == b.getAffineDimExpr(3))
      v = collapseColumnPairs(b, v);
    operands.push_back(v);
  }
}

void mlir::quanta::matmul_kernels::GroupEpilogueLanes::apply(
    Value row, Value g, Value col, Value sum, Value local, ValueRange localAt) {
  linalg::GenericOp op = epilogue.op;
  SmallVector<Value> args;
  for (OpOperand &operand : op->getOpOperands()) {
    unsigned i = operand.getOperandNumber();
    if (i == epilogue.cInput) {
      args.push_back(sum);
      continue;
    }
    AffineMap map = op.getMatchingIndexingMap(&operand);
    auto type =
        VectorType::get({lanes}, getElementTypeOrSelf(operand.get().getType()));
    if (local && op.isDpsInit(&operand)) {
      args.push_back(vector::LoadOp::create(b, type, local, localAt));
      continue;
    }
    args.push_back(loadLanes(b, operands[i], map, type, 2, [&](unsigned dim) {
      return indexOf(dim, row, g, col);
    }));
    if (!local)
      prefetchNext(operand, row, g, col);
  }
  Value result = cloneBodyOnVectors(b, op, args, nullptr, {}, nullptr, lanes);
  if (local)
    vector::StoreOp::create(b, result, local, localAt);
  else
    vector::StoreOp::create(b, result, operands.back(), ValueRange{row, col});
}

void mlir::quanta::matmul_kernels::GroupEpilogueLanes::prefetchNextGroup(
    Value row, Value g, Value col) {
  for (OpOperand &operand : epilogue.op->getOpOperands())
    if (operand.getOperandNumber() != epilogue.cInput)
      prefetchNext(operand, row, g, col);
}

Value mlir::quanta::matmul_kernels::GroupEpilogueLanes::indexOf(unsigned dim,
                                                                Value row,
                                                                Value g,
                                                                Value col) {
  return dim == 0 ? row : dim == 1 ? g : dim == 2 ? col : Value();
}

void mlir::quanta::matmul_kernels::GroupEpilogueLanes::prefetchNext(
    OpOperand &operand, Value row, Value g, Value col) {
  // The next group's values of an operand indexed by g and the columns
  // (per group scales) are prefetched: their stream would otherwise start
  // from DRAM at the end of each group.
  linalg::GenericOp op = epilogue.op;
  AffineMap map = op.getMatchingIndexingMap(&operand);
  if (!map.isFunctionOfDim(1) || !map.isFunctionOfDim(2))
    return;
  SmallVector<Value> next;
  for (AffineExpr e : map.getResults())
    if (Value index =
            indexOf(cast<AffineDimExpr>(e).getPosition(), row, g, col))
      next.push_back(index);
  // g's position moved to the next group (the last group: itself).
  unsigned position = *map.getResultPosition(b.getAffineDimExpr(1));
  Value one = arith::ConstantIndexOp::create(b, 1);
  Value following = arith::AddIOp::create(b, g, one);
  Value last = arith::SubIOp::create(b, groups, one);
  next[position] = arith::MinUIOp::create(b, following, last);
  memref::PrefetchOp::create(b, operands[operand.getOperandNumber()], next,
                             /*isWrite=*/false, /*localityHint=*/2,
                             /*isDataCache=*/true);
}

namespace {

/// Bytes of B per row and chunk of the int4 kernel: 128 columns.
constexpr int64_t kInt4ChunkBytes = 64;

/// A GroupedCore on AVX-512 VNNI: B streams through once, row-major, four
/// rows of 64 bytes (128 columns) at a time, and its nibbles go straight from
/// the loaded bytes to the vpdpbusd operands, once for all rows of A:
///
/// - the four rows are gathered, with byte shuffles, into 8 vectors whose
///   32-bit lane j holds byte 8q + j/2 of each row (q = 0..7), in column
///   order (lane j of vector q: the four k of column 16q + j);
/// - even lanes keep the low nibble of each byte (w), odd lanes the high
///   nibble in place (16 w): no shifts, the odd lanes' sums are 16 times
///   too large and are shifted right by 4 (exactly) when the group ends;
/// - a nibble v must be in vpdpbusd's range for its side: [0, 255] for the
///   u8 side (the nibbles when A is signed), [-128, 127] for the s8 side (A
///   unsigned). Where v = w is not, v = w xor 8 (flipping the nibble's top
///   bit: w + 8 for signed w, w - 8 for unsigned) is, and the group's sums
///   start at -offset * sum_kk A[m, g, kk] (times 16 in odd lanes):
///     A signed, w signed: v = w + 8 (both lanes);
///     A unsigned, w signed: v = w + 8 (even), 16 w read as s8 (odd);
///     A unsigned, w unsigned: v = w (even), 16 (w - 8) (odd).
///   The sums stay below 2^31 in magnitude for groups of at most 2^15
///   (16 * 2^15 * 255 * 16 < 2^31), so the shift is exact and the result is
///   the loops' (which cannot wrap around either).
///
/// The sums of a chunk (128 columns of every row) stay in the L1 cache while
/// the chunk's K steps go by; for many rows this costs a load and a store of
/// the sums per 2 dot products (64 rows x 4096 x 4096: 117 GOP/s here,
/// against 12 through the loops; the int8 GEMM kernel holds its sums in
/// registers). Up to four rows with a fused epilogue (the GEMV and small
/// batches) hold them in registers for a group at a time
/// (sweepInRegisters()).
class PackedInt4Builder {
public:
  /// With `epilogue`, the kernel also computes that op's result, one group
  /// at a time, and the group sums live in a [M, N] buffer instead of C.
  PackedInt4Builder(ImplicitLocOpBuilder &b, const GroupedCore &core,
                    std::optional<GroupEpilogue> epilogue, bool parallel)
      : b(b), core(core), epilogue(epilogue), kind(getVNNIKind(b.getContext())),
        parallel(parallel) {
    bytes = VectorType::get({kInt4ChunkBytes}, b.getI8Type());
    acc = VectorType::get({16}, b.getI32Type());
    // See the class comment.
    flipEven = core.rhsSigned;
    flipOdd = core.lhsSigned ? core.rhsSigned : !core.rhsSigned;
    offsetEven = flipEven ? 8 : 0;
    offsetOdd = !flipOdd ? 0 : core.rhsSigned ? 8 : -8;
  }

  /// Requires a group size that is a multiple of 4 and 128 | N. Any number
  /// of rows: each chunk's nibbles are unpacked once for all of them (the
  /// sums live in memory, so more rows cost loads and stores of sums, not
  /// registers).
  void build() {
    setUpOperands();
    c = collapseColumnPairs(b, core.c);
    Value byteCols = memref::DimOp::create(b, core.b, 2);
    Value chunks = arith::DivUIOp::create(b, byteCols, idx(kInt4ChunkBytes));
    stride = rowStride();
    if (stride > 1)
      permuteA();
    prefetcher.emplace(b, bRows);
    if (epilogue)
      prepareEpilogue();
    if (core.lhsZp) {
      Value n = memref::DimOp::create(b, c, 2);
      colSums = memref::AllocOp::create(
          b, MemRefType::get({ShapedType::kDynamic}, b.getI32Type()),
          ValueRange{n}, b.getI64IntegerAttr(64));
    }
    // In parallel, one block of columns per thread: each sweeps B once,
    // with the longest segments of its rows.
    // With many rows, the sums' loads and stores outweigh the unpacking:
    // four K steps per visit, the chunk's two halves one after the other.
    Value many = arith::CmpIOp::create(b, arith::CmpIPredicate::uge, rows,
                                       idx(kManyRows));
    auto ifMany = scf::IfOp::create(b, many, /*withElseRegion=*/true);
    {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(ifMany.thenBlock());
      perThreadBlocks(b, parallel, chunks, [&](Value first, Value last) {
        sweep(first, last, /*manyRows=*/true);
      });
      b.setInsertionPointToStart(ifMany.elseBlock());
      for (int64_t count = 1;
           epilogue && groupsFitL2() && count <= maxRowsInRegisters();
           ++count) {
        Value isCount = arith::CmpIOp::create(b, arith::CmpIPredicate::eq, rows,
                                              idx(count));
        auto ifCount = scf::IfOp::create(b, isCount, /*withElseRegion=*/true);
        b.setInsertionPointToStart(ifCount.thenBlock());
        perThreadBlocks(b, parallel, chunks, [&](Value first, Value last) {
          sweepInRegisters(first, last, count);
        });
        b.setInsertionPointToStart(ifCount.elseBlock());
      }
      perThreadBlocks(b, parallel, chunks, [&](Value first, Value last) {
        sweep(first, last, /*manyRows=*/false);
      });
    }
    if (stride > 1)
      memref::DeallocOp::create(b, aSteps);
    if (epilogue)
      memref::DeallocOp::create(b, sums);
    if (core.lhsZp)
      memref::DeallocOp::create(b, colSums);
  }

  /// 8-bit weights (weightBits = 8), with an epilogue: blocks of up to
  /// kMaxByteRows rows, each in
  /// registers (sweepBytesInRegisters()), B swept once per block, on the
  /// columns of whole blocks of 128. Requires 4 | group size.
  void buildBytes() {
    setUpOperands();
    // The chunks of 64 bytes in whole blocks of 128 (those of the AMX
    // kernel; the loops compute the rest).
    Value byteCols = memref::DimOp::create(b, core.b, 2);
    Value chunks = arith::MulIOp::create(
        b, arith::DivUIOp::create(b, byteCols, idx(2 * kInt4ChunkBytes)),
        idx(2));
    epilogueLanes.emplace(b, *epilogue, groups, 16);
    forLoop(b, idx(0), rows, kMaxByteRows, [&](Value firstRow) {
      Value left = arith::MinUIOp::create(
          b, arith::SubIOp::create(b, rows, firstRow), idx(kMaxByteRows));
      OpBuilder::InsertionGuard guard(b);
      for (int64_t count = kMaxByteRows; count >= 1; --count) {
        auto sweepRows = [&] {
          perThreadBlocks(b, parallel, chunks, [&](Value first, Value last) {
            sweepBytesInRegisters(first, last, firstRow, count);
          });
        };
        if (count == 1) {
          sweepRows();
          break;
        }
        Value isCount = arith::CmpIOp::create(b, arith::CmpIPredicate::eq, left,
                                              idx(count));
        auto ifCount = scf::IfOp::create(b, isCount, /*withElseRegion=*/true);
        b.setInsertionPointToStart(ifCount.thenBlock());
        sweepRows();
        b.setInsertionPointToStart(ifCount.elseBlock());
      }
    });
  }

  /// The rows per sweep of B in buildBytes().
  static constexpr int64_t kMaxByteRows = 4;

private:
  ImplicitLocOpBuilder &b;
  const GroupedCore &core;
  std::optional<GroupEpilogue> epilogue;
  DotKind kind;
  bool parallel;
  VectorType bytes, acc;
  // With an epilogue: the group sums [M, N], and the epilogue on vectors.
  Value sums;
  std::optional<GroupEpilogueLanes> epilogueLanes;
  // A [M, K], B [K, N / 2] (bytes), C [M, G, N].
  Value a, bRows, c, rows, groups, groupSize;
  // The rows of B that a K step multiplies: k + stride * t (t < 4), and A's
  // bytes in that order (see rowStride()).
  int64_t stride = 1;
  Value aSteps;
  // Prefetches rows of B ahead of the K steps.
  std::optional<RowPrefetcher> prefetcher;
  // Whether even / odd lanes flip the nibble's top bit, and the resulting
  // offset of v from w.
  bool flipEven, flipOdd;
  int32_t offsetEven, offsetOdd;
  // With an activation zero point: the group's column sums of the vpdpbusd
  // operands [N] (sum of v, times 16 in odd lanes), then of w - zb.
  Value colSums;

  /// The sums of the vpdpbusd operand `v` (16 columns, four K steps a lane)
  /// added to `sum`: a dot product with ones on the other side.
  Value sumOperand(Value sum, Value v) {
    Value ones = arith::ConstantOp::create(
        b, DenseElementsAttr::get(bytes, b.getI8IntegerAttr(1)));
    return core.lhsSigned ? dot(b, kind, sum, v, ones)
                          : dot(b, kind, sum, ones, v);
  }

  /// A and B as rows ([M, K] and [K, bytes per row]) and their sizes.
  void setUpOperands() {
    a = memref::CollapseShapeOp::create(
        b, core.a, ArrayRef<ReassociationIndices>{{0}, {1, 2}});
    bRows = memref::CollapseShapeOp::create(
        b, core.b, ArrayRef<ReassociationIndices>{{0, 1}, {2}});
    rows = memref::DimOp::create(b, core.a, 0);
    groups = memref::DimOp::create(b, core.a, 1);
    groupSize = memref::DimOp::create(b, core.a, 2);
  }

  Value rowZeroPoint(Value row) { return groupRowZeroPoint(b, core, row); }

  /// The 8-bit weight zero points of group g, columns col .. col + 16,
  /// widened as the core's body does.
  Value byteZeroPoints(Value g, Value col) {
    Value bytes16 =
        vector::LoadOp::create(b, VectorType::get({16}, b.getI8Type()),
                               core.rhsZp, ValueRange{g, col});
    return core.rhsZpSigned ? Value(arith::ExtSIOp::create(b, acc, bytes16))
                            : Value(arith::ExtUIOp::create(b, acc, bytes16));
  }

  /// The in-register sums after a K step at row k of B, whose vpdpbusd
  /// operands are `weights`: per row of A in `rows`, its sums (one vector
  /// per operand) plus the products with its 4 bytes at k; then, with an
  /// activation zero point, the operands' column sums plus the operands'.
  SmallVector<Value> stepSums(ValueRange sums, ArrayRef<Value> rows, Value k,
                              ArrayRef<Value> weights) {
    int64_t n = weights.size();
    SmallVector<Value> next;
    for (auto [r, row] : llvm::enumerate(rows)) {
      Value quad = broadcastQuad(b, kind, a, row, k);
      for (auto [sum, w] : llvm::zip(sums.slice(n * r, n), weights))
        next.push_back(core.lhsSigned ? dot(b, kind, sum, w, quad)
                                      : dot(b, kind, sum, quad, w));
    }
    for (auto [sum, w] : llvm::zip(sums.drop_front(n * rows.size()), weights))
      next.push_back(sumOperand(sum, w));
    return next;
  }

  Value weightZeroPoints(Value g, Value col) {
    return int4WeightZeroPoints(b, core, g, col);
  }

  /// colSums of group g in the chunks' columns from the operands' sums to
  /// sum_kk (w - zb): the factor 16 and the offsets removed.
  void adjustColumnSums(Value g, Value first, Value last) {
    forLoop(b, first, last, 1, [&](Value chunk) {
      for (int64_t q = 0; q < 8; ++q) {
        Value col = column(chunk, q);
        Value sum = vector::LoadOp::create(b, acc, colSums, ValueRange{col});
        vector::StoreOp::create(b, adjustedColumnSums(sum, g, col), colSums,
                                ValueRange{col});
      }
    });
  }

  /// The column sums of w - zb of group g in columns col .. col + 16 from
  /// the vpdpbusd operands' sums `sum` (see adjustColumnSums()).
  Value adjustedColumnSums(Value sum, Value g, Value col) {
    Value size = arith::IndexCastOp::create(b, b.getI32Type(), groupSize);
    Value sizes = vector::BroadcastOp::create(b, acc, size);
    Value offsets =
        arith::MulIOp::create(b, sizes, laneConstant(offsetEven, offsetOdd));
    sum = arith::SubIOp::create(b, unscale(sum), offsets);
    if (core.rhsZp)
      sum = arith::SubIOp::create(
          b, sum, arith::MulIOp::create(b, sizes, weightZeroPoints(g, col)));
    return sum;
  }

  /// The per-row values of the zero points' corrections: with an
  /// activation zero point za[row], with a weight zero point the sum of
  /// A[row, k0 .. k0 + group size) (each null without).
  SmallVector<Value> rowCorrections(Value row, Value k0) {
    SmallVector<Value> values(2);
    if (core.lhsZp)
      values[0] = rowZeroPoint(row);
    if (core.rhsZp)
      values[1] = vector::BroadcastOp::create(b, acc, sumA(row, k0));
    return values;
  }

  /// The sums of group g (row, col .. col + 16) from the kernel's: the odd
  /// lanes' factor 16 removed, and with zero points
  ///   sum (a - za)(w - zb) = sum a w - za sum (w - zb) - zb sum a
  /// (i32, wrapping like the loops; the result is the loops' exactly).
  /// `cs`: the group's column sums (adjustedColumnSums()), by default read
  /// from colSums.
  Value groupSums(Value sum, Value g, Value col, ArrayRef<Value> rowValues,
                  Value cs = {}) {
    sum = unscale(sum);
    if (core.lhsZp) {
      if (!cs)
        cs = vector::LoadOp::create(b, acc, colSums, ValueRange{col});
      sum = arith::SubIOp::create(b, sum,
                                  arith::MulIOp::create(b, rowValues[0], cs));
    }
    if (core.rhsZp)
      sum = arith::SubIOp::create(
          b, sum,
          arith::MulIOp::create(b, rowValues[1], weightZeroPoints(g, col)));
    return sum;
  }

  /// A vector<16xi32> constant of `even` and `odd` in alternate lanes.
  Value laneConstant(int32_t even, int32_t odd) {
    SmallVector<int32_t> values;
    for (int64_t j = 0; j < 16; ++j)
      values.push_back(j % 2 ? odd : even);
    return arith::ConstantOp::create(
        b, DenseElementsAttr::get(acc, ArrayRef<int32_t>(values)));
  }

  /// The sums of a group with the odd lanes' factor 16 removed.
  Value unscale(Value sums) {
    return arith::ShRSIOp::create(b, sums, laneConstant(0, 4));
  }

  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, v); }

  /// Column of vector q of chunk `chunk`.
  Value column(Value chunk, int64_t q) {
    Value start = arith::MulIOp::create(b, chunk, idx(2 * kInt4ChunkBytes));
    return arith::AddIOp::create(b, start, idx(16 * q));
  }

  /// The stride between the four rows of B of a K step. The hardware
  /// prefetcher follows one sequential stream per 4 KiB page; four rows
  /// read side by side that share pages (rows shorter than 4 KiB) halve the
  /// bandwidth from DRAM. With B's static rows of R < 4096 bytes, a K step
  /// takes rows k + s + stride * t (t < 4, s < stride, stride = 4096 / R
  /// rounded up to a power of two, which must divide the group size / 4),
  /// each in its own page.
  int64_t rowStride() {
    auto bType = cast<MemRefType>(core.b.getType());
    int64_t rowBytes = bType.getDimSize(2), size = bType.getDimSize(1);
    if (ShapedType::isDynamic(rowBytes) || ShapedType::isDynamic(size) ||
        rowBytes >= 4096)
      return 1;
    int64_t s = llvm::PowerOf2Ceil(llvm::divideCeil(4096, rowBytes));
    while (s > 1 && size % (4 * s))
      s /= 2;
    return s;
  }

  /// aSteps[m, kb + 4s + t] = A[m, kb + s + stride * t] for every block kb
  /// of 4 * stride: the bytes of A in the order the K steps read B.
  void permuteA() {
    Value k = memref::DimOp::create(b, a, 1);
    aSteps = memref::AllocOp::create(
        b,
        MemRefType::get({ShapedType::kDynamic, ShapedType::kDynamic},
                        b.getI8Type()),
        ValueRange{rows, k});
    forLoop(b, idx(0), rows, 1, [&](Value row) {
      forLoop(b, idx(0), k, 4 * stride, [&](Value kb) {
        for (int64_t s = 0; s < stride; ++s)
          for (int64_t t = 0; t < 4; ++t) {
            Value from = arith::AddIOp::create(b, kb, idx(s + stride * t));
            Value to = arith::AddIOp::create(b, kb, idx(4 * s + t));
            Value x = memref::LoadOp::create(b, a, ValueRange{row, from});
            memref::StoreOp::create(b, x, aSteps, ValueRange{row, to});
          }
      });
    });
  }

  /// The group sums [M, N] and the epilogue on vectors.
  void prepareEpilogue() {
    // Rows padded by 64 bytes: with N a multiple of 1024 the rows of a
    // chunk's sums would otherwise share their L1 sets.
    Value n = memref::DimOp::create(b, c, 2);
    Value padded = arith::AddIOp::create(b, n, idx(16));
    sums = memref::AllocOp::create(
        b,
        MemRefType::get({ShapedType::kDynamic, ShapedType::kDynamic},
                        b.getI32Type()),
        ValueRange{rows, padded}, b.getI64IntegerAttr(64));
    epilogueLanes.emplace(b, *epilogue, groups, 16);
  }

  /// The buffer and indices of the group sums of (row, g, col).
  Value sumBuffer() { return epilogue ? sums : c; }
  SmallVector<Value> sumIndex(Value row, Value g, Value col) {
    if (epilogue)
      return {row, col};
    return {row, g, col};
  }

  /// The row count up to which, with an epilogue, the sums stay in
  /// registers (sweepInRegisters()): 8 vectors per row, beside the nibbles
  /// and the column sums of an activation zero point. Measured (4096 x
  /// 4096, groups of 32, weights in L3) against the sums buffer: 3 rows
  /// 0.70 -> 0.42 ms (with a zero point 1.0 -> 0.63 ms), 4 rows 0.95 ->
  /// 0.60 ms (with a zero point 1.18 -> 1.16 ms: the spills eat the gain).
  int64_t maxRowsInRegisters() const { return core.lhsZp ? 3 : 4; }

  /// Whether a group of B's rows stays in L2 while sweepInRegisters() reads
  /// it chunk by chunk (a static group of at most kInRegistersGroupBytes;
  /// dynamic: assumed). Larger groups (per-channel weights: one group of K
  /// rows) take sweep(), which reads B row by row. 1 x 4096 x 4096 per
  /// channel on Sapphire Rapids: 0.96 -> 0.29 ms.
  bool groupsFitL2() const {
    auto type = cast<MemRefType>(core.b.getType());
    int64_t size = type.getDimSize(1), rowBytes = type.getDimSize(2);
    return ShapedType::isDynamic(size) || ShapedType::isDynamic(rowBytes) ||
           size * rowBytes <= kInRegistersGroupBytes;
  }
  static constexpr int64_t kInRegistersGroupBytes = 1 << 20;

  /// The row count from which a visit takes four K steps and unpacks the
  /// chunk's halves one after the other (see sweep()).
  static constexpr int64_t kManyRows = 8;

  /// All groups and rows of B through the columns of chunks [first, last).
  /// K steps take rows in blocks of 4 * stride (see rowStride()): step
  /// (blk, s) multiplies B rows blk * 4 * stride + s + stride * t (t < 4)
  /// by A's bytes at aSteps[blk * 4 * stride + 4 * s]. A visit of a chunk
  /// makes `perVisit` steps, of consecutive blocks with the same s (rows in
  /// distinct pages), so that the sums are loaded and stored once for them:
  /// two steps, or with `manyRows` four, each half of the chunk (4 of its 8
  /// vectors of sums) unpacked and multiplied by every row in turn, so that
  /// the nibbles of four steps fit in registers.
  void sweep(Value first, Value last, bool manyRows) {
    int64_t block = 4 * stride;
    int64_t groupRows = cast<MemRefType>(core.b.getType()).getDimSize(1);
    int64_t perVisit = manyRows ? 4 : 2;
    while (perVisit > 1 &&
           (ShapedType::isDynamic(groupRows) || groupRows % (perVisit * block)))
      perVisit /= 2;
    forLoop(b, idx(0), groups, 1, [&](Value g) {
      Value k0 = arith::MulIOp::create(b, g, groupSize);
      startGroup(g, k0, first, last);
      forLoop(b, idx(0), groupSize, perVisit * block, [&](Value blocks) {
        Value start = arith::AddIOp::create(b, k0, blocks);
        Value zero = idx(0);
        Value strideEnd = idx(stride);
        forLoop(b, zero, strideEnd, 1, [&](Value s) {
          SmallVector<Value> firstRows, aAt;
          for (int64_t i = 0; i < perVisit; ++i) {
            Value blk = arith::AddIOp::create(b, start, idx(i * block));
            firstRows.push_back(arith::AddIOp::create(b, blk, s));
            Value quadAt = arith::MulIOp::create(b, s, idx(4));
            aAt.push_back(arith::AddIOp::create(b, blk, quadAt));
          }
          forLoop(b, first, last, 1, [&](Value chunk) {
            int64_t qCount = manyRows ? 4 : 8;
            for (int64_t part = 0; part < 8 / qCount; ++part) {
              SmallVector<SmallVector<Value>> nibbles;
              for (Value firstRow : firstRows)
                nibbles.push_back(
                    unpack(firstRow, chunk, part * qCount, qCount));
              // The weights' column sums for the activation zero point:
              // once per K step, for all rows.
              if (core.lhsZp)
                for (int64_t qq = 0; qq < qCount; ++qq) {
                  Value col = column(chunk, part * qCount + qq);
                  Value sum =
                      vector::LoadOp::create(b, acc, colSums, ValueRange{col});
                  for (int64_t i = 0; i < perVisit; ++i)
                    sum = sumOperand(sum, nibbles[i][qq]);
                  vector::StoreOp::create(b, sum, colSums, ValueRange{col});
                }
              forLoop(b, idx(0), rows, 1, [&](Value row) {
                SmallVector<Value> quads;
                for (Value k : aAt)
                  quads.push_back(
                      broadcastQuad(b, kind, stride > 1 ? aSteps : a, row, k));
                for (int64_t qq = 0; qq < qCount; ++qq) {
                  Value col = column(chunk, part * qCount + qq);
                  SmallVector<Value> at = sumIndex(row, g, col);
                  Value sum = vector::LoadOp::create(b, acc, sumBuffer(), at);
                  for (int64_t i = 0; i < perVisit; ++i) {
                    Value w = nibbles[i][qq];
                    sum = core.lhsSigned ? dot(b, kind, sum, w, quads[i])
                                         : dot(b, kind, sum, quads[i], w);
                  }
                  vector::StoreOp::create(b, sum, sumBuffer(), at);
                }
              });
            }
          });
        });
      });
      if (core.lhsZp)
        adjustColumnSums(g, first, last);
      if (epilogue)
        applyEpilogue(g, k0, first, last);
      else
        finishGroup(g, k0, first, last);
    });
  }

  /// C[m, g, columns of the chunks] without the odd lanes' factor 16 (and
  /// with the zero points' corrections; see groupSums()).
  void finishGroup(Value g, Value k0, Value first, Value last) {
    forLoop(b, idx(0), rows, 1, [&](Value row) {
      SmallVector<Value> rowValues = rowCorrections(row, k0);
      forLoop(b, first, last, 1, [&](Value chunk) {
        for (int64_t q = 0; q < 8; ++q) {
          Value col = column(chunk, q);
          SmallVector<Value> at = sumIndex(row, g, col);
          Value sum = vector::LoadOp::create(b, acc, c, at);
          vector::StoreOp::create(b, groupSums(sum, g, col, rowValues), c, at);
        }
      });
    });
  }

  /// Starts the sums of group g in the columns of the chunks at the
  /// nibbles' offsets (see the class comment), or 0 (and the column sums
  /// at 0).
  void startGroup(Value g, Value k0, Value first, Value last) {
    if (core.lhsZp)
      forLoop(b, first, last, 1, [&](Value chunk) {
        for (int64_t q = 0; q < 8; ++q)
          vector::StoreOp::create(b, laneConstant(0, 0), colSums,
                                  ValueRange{column(chunk, q)});
      });
    forLoop(b, idx(0), rows, 1, [&](Value row) {
      Value offsets = laneConstant(0, 0);
      if (offsetEven || offsetOdd)
        offsets = groupOffsets(row, k0);
      forLoop(b, first, last, 1, [&](Value chunk) {
        for (int64_t q = 0; q < 8; ++q) {
          SmallVector<Value> at = sumIndex(row, g, column(chunk, q));
          vector::StoreOp::create(b, offsets, sumBuffer(), at);
        }
      });
    });
  }

  /// -offset * the sum of A[row, k0 .. k0 + group size) (times 16 in odd
  /// lanes).
  Value groupOffsets(Value row, Value k0) {
    Value sum = vector::BroadcastOp::create(b, acc, sumA(row, k0));
    return arith::MulIOp::create(b, sum,
                                 laneConstant(-offsetEven, -16 * offsetOdd));
  }

  /// The sum of A[row, k0 .. k0 + group size) (i32).
  Value sumA(Value row, Value k0) {
    Value zero = arith::ConstantOp::create(b, b.getI32IntegerAttr(0));
    Value kkBegin = idx(0);
    Value kkStep = idx(1);
    auto sumLoop = scf::ForOp::create(
        b, kkBegin, groupSize, kkStep, ValueRange{zero},
        [&](OpBuilder &nb, Location loc, Value kk, ValueRange sum) {
          ImplicitLocOpBuilder lb(loc, nb);
          Value k = arith::AddIOp::create(lb, k0, kk);
          Value x = memref::LoadOp::create(lb, a, ValueRange{row, k});
          Value wide =
              core.lhsSigned
                  ? Value(arith::ExtSIOp::create(lb, lb.getI32Type(), x))
                  : Value(arith::ExtUIOp::create(lb, lb.getI32Type(), x));
          Value next = arith::AddIOp::create(lb, sum[0], wide);
          scf::YieldOp::create(lb, next);
        });
    return sumLoop.getResult(0);
  }

  /// The epilogue's body on the sums of group g, 16 columns at a time:
  /// out[m, n] = body(sums[m, n], its other operands at (m, g, n), out[m,
  /// n]), in group order like the op's loops.
  void applyEpilogue(Value g, Value k0, Value first, Value last) {
    forLoop(b, idx(0), rows, 1, [&](Value row) {
      SmallVector<Value> rowValues = rowCorrections(row, k0);
      forLoop(b, first, last, 1, [&](Value chunk) {
        for (int64_t q = 0; q < 8; ++q) {
          Value col = column(chunk, q);
          Value sum =
              vector::LoadOp::create(b, acc, sums, ValueRange{row, col});
          epilogueLanes->apply(row, g, col, groupSums(sum, g, col, rowValues));
        }
      });
    });
  }

  /// Bytes of B that sweepInRegisters() prefetches ahead of its reads: a group
  /// of 32 rows of 2 KiB. (32 to 192 KiB measured within 5 % of each other
  /// cold; prefetching every other 64 bytes only: 40 % slower.)
  static constexpr int64_t kInRegistersAheadBytes = 64 << 10;

  /// sweepInRegisters()'s prefetches in the K step of rows kk .. kk + 4 of
  /// group g and chunk `chunk`: four 64-byte pieces (row, chunk) of B, in
  /// row-major order over the visits, so that DRAM sees sequential reads
  /// although a group is read chunk by chunk. With w = last - first chunks
  /// per row, the visit's K steps read pieces P = (chunk - first) * group
  /// size + kk + t (t < 4) of group g's rows x chunks, and prefetch pieces
  /// P + kInRegistersAheadBytes / 64 on from the group's first row: row g *
  /// group size + P / w and chunk first + P % w (clamped to the last).
  void prefetchAhead(Value g, Value chunk, Value kk, Value first, Value last) {
    Value width = arith::SubIOp::create(b, last, first);
    Value visit = arith::SubIOp::create(b, chunk, first);
    Value piece = arith::AddIOp::create(
        b, arith::MulIOp::create(b, visit, groupSize), kk);
    piece = arith::AddIOp::create(b, piece, idx(kInRegistersAheadBytes / 64));
    Value row = arith::AddIOp::create(b, arith::MulIOp::create(b, g, groupSize),
                                      arith::DivUIOp::create(b, piece, width));
    Value lastRow =
        arith::SubIOp::create(b, memref::DimOp::create(b, bRows, 0), idx(1));
    row = arith::MinUIOp::create(b, row, lastRow);
    Value at = arith::RemUIOp::create(b, piece, width);
    Value lastChunk = arith::SubIOp::create(b, width, idx(1));
    for (int64_t t = 0; t < 4; ++t) {
      Value c = arith::MinUIOp::create(b, arith::AddIOp::create(b, at, idx(t)),
                                       lastChunk);
      c = arith::AddIOp::create(b, first, c);
      Value byteCol = arith::MulIOp::create(b, c, idx(kInt4ChunkBytes));
      memref::PrefetchOp::create(b, bRows, ValueRange{row, byteCol},
                                 /*isWrite=*/false, /*localityHint=*/2,
                                 /*isDataCache=*/true);
    }
  }

  /// The GEMV and its forms of a few rows (`count`, an epilogue): group by
  /// group, each chunk's 8 vectors of sums per row (with an activation zero
  /// point, the nibbles' column sums too: 8 more) stay in registers through
  /// the group's K steps (four consecutive rows of B each) and go straight
  /// into the epilogue, instead of a load and a store of the sums per two
  /// K steps and the group's pass over a sums buffer. A group's rows are
  /// read chunk by chunk (64 bytes of each row in turn), from L2: the
  /// prefetches run 64 KiB ahead (prefetchAhead()). The K steps gather the
  /// rows with in-lane interleaves (unpackInLanes()), put back in column
  /// order once per group. 1 x 4096 x 4096, groups of 32, weights in L3:
  /// 0.31 -> 0.21 ms (with an activation zero point 0.47 -> 0.26 ms); cold
  /// 0.55 -> 0.52 ms (0.70 -> 0.43 ms), about the one-stream DRAM read rate
  /// for the 10 MiB of weights and scales.
  void sweepInRegisters(Value first, Value last, int64_t count) {
    SmallVector<Value> rowIdx;
    for (int64_t r = 0; r < count; ++r)
      rowIdx.push_back(idx(r));
    forLoop(b, idx(0), groups, 1, [&](Value g) {
      Value k0 = arith::MulIOp::create(b, g, groupSize);
      // Per row, the even columns' sums (vectors 0-3) and the odd ones'
      // (4-7).
      SmallVector<Value> init;
      SmallVector<SmallVector<Value>> rowValues;
      for (Value row : rowIdx) {
        Value even = laneConstant(0, 0), odd = even;
        if (offsetEven || offsetOdd) {
          Value sum = vector::BroadcastOp::create(b, acc, sumA(row, k0));
          even = arith::MulIOp::create(b, sum,
                                       laneConstant(-offsetEven, -offsetEven));
          odd = arith::MulIOp::create(
              b, sum, laneConstant(-16 * offsetOdd, -16 * offsetOdd));
        }
        init.append(4, even);
        init.append(4, odd);
        rowValues.push_back(rowCorrections(row, k0));
      }
      // With an activation zero point, the operands' column sums too.
      if (core.lhsZp)
        init.append(8, laneConstant(0, 0));
      forLoop(b, first, last, 1, [&](Value chunk) {
        auto steps = scf::ForOp::create(b, idx(0), groupSize, idx(4), init);
        {
          OpBuilder::InsertionGuard guard(b);
          b.setInsertionPointToStart(steps.getBody());
          Value k = arith::AddIOp::create(b, k0, steps.getInductionVar());
          SmallVector<Value> nibbles = unpackInLanes(k, chunk);
          prefetchAhead(g, chunk, steps.getInductionVar(), first, last);
          scf::YieldOp::create(
              b, stepSums(steps.getRegionIterArgs(), rowIdx, k, nibbles));
        }
        ValueRange results = steps.getResults();
        SmallVector<Value> columnSums;
        if (core.lhsZp) {
          columnSums = inColumnOrder(results.drop_front(8 * count));
          for (int64_t q = 0; q < 8; ++q)
            columnSums[q] =
                adjustedColumnSums(columnSums[q], g, column(chunk, q));
        }
        for (auto [r, row] : llvm::enumerate(rowIdx)) {
          SmallVector<Value> rowSums = inColumnOrder(results.slice(8 * r, 8));
          for (int64_t q = 0; q < 8; ++q)
            epilogueLanes->apply(
                row, g, column(chunk, q),
                groupSums(rowSums[q], g, column(chunk, q), rowValues[r],
                          core.lhsZp ? columnSums[q] : Value()));
        }
      });
    });
  }

  /// sweepInRegisters() for 8-bit weights and `count` rows from
  /// `firstRow`: per group and chunk of 64 columns, each row's 4 vectors of
  /// sums stay in registers through the group's K steps (the 4 rows' bytes
  /// gathered into 32-bit lanes, one vector per 16 columns) and go straight
  /// into the epilogue. vpdpbusd
  /// multiplies u8 by s8: with both operands of the same signedness the
  /// weights are used as w xor 128 (w + 128 for signed ones, w - 128 for
  /// unsigned ones), and the group's sums start at -/+ 128 * sum_kk A (the
  /// loops' value exactly: i32 wrapping).
  void sweepBytesInRegisters(Value first, Value last, Value firstRow,
                             int64_t count) {
    SmallVector<Value> rowIdx;
    for (int64_t r = 0; r < count; ++r)
      rowIdx.push_back(arith::AddIOp::create(b, firstRow, idx(r)));
    bool flip = core.lhsSigned == core.rhsSigned;
    int32_t offset = !flip ? 0 : core.rhsSigned ? 128 : -128;
    forLoop(b, idx(0), groups, 1, [&](Value g) {
      Value k0 = arith::MulIOp::create(b, g, groupSize);
      // The rows' sums of A in the group, for the offset and zb.
      SmallVector<Value> init, rowSums;
      for (int64_t r = 0; r < count; ++r) {
        Value start = laneConstant(0, 0);
        if (offset || core.rhsZp)
          rowSums.push_back(
              vector::BroadcastOp::create(b, acc, sumA(rowIdx[r], k0)));
        if (offset)
          start = arith::MulIOp::create(b, rowSums[r],
                                        laneConstant(-offset, -offset));
        init.append(4, start);
      }
      // With an activation zero point, the weight operands' column sums.
      if (core.lhsZp)
        init.append(4, laneConstant(0, 0));
      forLoop(b, first, last, 1, [&](Value chunk) {
        Value byteCol = arith::MulIOp::create(b, chunk, idx(kInt4ChunkBytes));
        auto steps = scf::ForOp::create(b, idx(0), groupSize, idx(4), init);
        {
          OpBuilder::InsertionGuard guard(b);
          b.setInsertionPointToStart(steps.getBody());
          Value k = arith::AddIOp::create(b, k0, steps.getInductionVar());
          SmallVector<Value> loaded;
          for (int64_t t = 0; t < 4; ++t) {
            Value row = arith::AddIOp::create(b, k, idx(t));
            loaded.push_back(vector::LoadOp::create(b, bytes, bRows,
                                                    ValueRange{row, byteCol}));
          }
          prefetchAhead(g, chunk, steps.getInductionVar(), first, last);
          HalfRowPairs halves = pairHalfRows(b, loaded);
          Value topBits = arith::ConstantOp::create(
              b,
              DenseElementsAttr::get(bytes, b.getI8IntegerAttr(int8_t(0x80))));
          SmallVector<Value> weights;
          for (int64_t q = 0; q < 4; ++q) {
            // Byte t of lane j: row k + t, column 16q + j of the chunk.
            Value lanes = gatherRowBytes(
                b, halves,
                llvm::to_vector(llvm::seq<int64_t>(16 * q, 16 * q + 16)));
            weights.push_back(flip ? arith::XOrIOp::create(b, lanes, topBits)
                                   : lanes);
          }
          scf::YieldOp::create(
              b, stepSums(steps.getRegionIterArgs(), rowIdx, k, weights));
        }
        // sum (a - za)(w - zb) = sum a w - za sum (w - zb) - zb sum a, with
        // sum w = the operands' column sums - offset * group size.
        Value size = vector::BroadcastOp::create(
            b, acc, arith::IndexCastOp::create(b, b.getI32Type(), groupSize));
        Value offsets =
            arith::MulIOp::create(b, size, laneConstant(offset, offset));
        SmallVector<Value> cols, zeroPoints, columnSums;
        for (int64_t q = 0; q < 4; ++q) {
          cols.push_back(arith::AddIOp::create(b, byteCol, idx(16 * q)));
          if (core.rhsZp)
            zeroPoints.push_back(byteZeroPoints(g, cols[q]));
          if (!core.lhsZp)
            continue;
          Value sum =
              arith::SubIOp::create(b, steps.getResult(4 * count + q), offsets);
          if (core.rhsZp)
            sum = arith::SubIOp::create(
                b, sum, arith::MulIOp::create(b, size, zeroPoints[q]));
          columnSums.push_back(sum);
        }
        for (int64_t r = 0; r < count; ++r) {
          Value za = core.lhsZp ? rowZeroPoint(rowIdx[r]) : Value();
          for (int64_t q = 0; q < 4; ++q) {
            Value sum = steps.getResult(4 * r + q);
            if (za)
              sum = arith::SubIOp::create(
                  b, sum, arith::MulIOp::create(b, za, columnSums[q]));
            if (core.rhsZp)
              sum = arith::SubIOp::create(
                  b, sum, arith::MulIOp::create(b, zeroPoints[q], rowSums[r]));
            epilogueLanes->apply(rowIdx[r], g, cols[q], sum);
          }
        }
      });
    });
  }

  /// The vpdpbusd operands of rows k .. k + 4 and the 128 columns of
  /// `chunk`, gathered with in-lane byte and word interleaves (half the
  /// shuffle work of unpack()'s cross-lane byte permutes) and so out of
  /// column order: 32-bit lane 4L + i of vector j < 4 holds byte b = 16L +
  /// 4j + i of the four rows, the even column 2b in vector j (low nibble),
  /// the odd column 2b + 1 in vector 4 + j (high nibble in place). The
  /// nibbles are flipped as unpack()'s; inColumnOrder() puts sums of these
  /// back in column order.
  SmallVector<Value> unpackInLanes(Value k, Value chunk) {
    Value byteCol = arith::MulIOp::create(b, chunk, idx(kInt4ChunkBytes));
    SmallVector<Value> rows;
    for (int64_t t = 0; t < 4; ++t) {
      Value row = arith::AddIOp::create(b, k, idx(t));
      rows.push_back(
          vector::LoadOp::create(b, bytes, bRows, ValueRange{row, byteCol}));
    }
    // Interleaves of `x` and `y` in each 16-byte lane: elements of `size`
    // bytes from the lane's low (`high` = false) or high half.
    auto interleave = [&](Value x, Value y, int64_t size, bool high) {
      SmallVector<int64_t> mask;
      for (int64_t lane = 0; lane < 4; ++lane)
        for (int64_t e = 0; e < 8 / size; ++e)
          for (int64_t from : {0, 64})
            for (int64_t byte = 0; byte < size; ++byte)
              mask.push_back(from + 16 * lane + (high ? 8 : 0) + size * e +
                             byte);
      return vector::ShuffleOp::create(b, x, y, mask);
    };
    SmallVector<Value> quads;
    for (bool high : {false, true}) {
      Value pairs01 = interleave(rows[0], rows[1], 1, high);
      Value pairs23 = interleave(rows[2], rows[3], 1, high);
      quads.push_back(interleave(pairs01, pairs23, 2, false));
      quads.push_back(interleave(pairs01, pairs23, 2, true));
    }
    SmallVector<Value> nibbles;
    for (bool odd : {false, true}) {
      int32_t flip = (odd ? flipOdd : flipEven) ? 0x88888888 : 0;
      int32_t mask = odd ? int32_t(0xF0F0F0F0) : 0x0F0F0F0F;
      for (Value quad : quads) {
        Value lanes = vector::BitCastOp::create(b, acc, quad);
        if (flip)
          lanes = arith::XOrIOp::create(b, lanes, laneConstant(flip, flip));
        lanes = arith::AndIOp::create(b, lanes, laneConstant(mask, mask));
        nibbles.push_back(vector::BitCastOp::create(b, bytes, lanes));
      }
    }
    return nibbles;
  }

  /// The sums of unpackInLanes()'s 8 vectors as 8 vectors of 16 columns in
  /// order: the even and odd columns' lanes interleaved (columns 32L + 8j
  /// + 0..3 and 4..7 of vector j's lanes 4L .. 4L + 4), then the 128-bit
  /// blocks gathered.
  SmallVector<Value> inColumnOrder(ValueRange sums) {
    // lowHigh[j][h]: 128-bit block L holds columns 32L + 8j + 4h + 0..3.
    SmallVector<std::array<Value, 2>> lowHigh;
    for (int64_t j = 0; j < 4; ++j) {
      std::array<Value, 2> pair;
      for (int64_t h = 0; h < 2; ++h) {
        SmallVector<int64_t> mask;
        for (int64_t lane = 0; lane < 4; ++lane)
          for (int64_t e = 0; e < 2; ++e)
            for (int64_t from : {0, 16})
              mask.push_back(from + 4 * lane + 2 * h + e);
        pair[h] = vector::ShuffleOp::create(b, sums[j], sums[4 + j], mask);
      }
      lowHigh.push_back(pair);
    }
    // Vector o = 2L + p: the blocks L of lowHigh[2p][0], [2p][1], [2p +
    // 1][0], [2p + 1][1].
    SmallVector<Value> ordered(8);
    for (int64_t p = 0; p < 2; ++p)
      for (int64_t l = 0; l < 4; l += 2) {
        // [x[l], y[l], x[l + 1], y[l + 1]] of the pair (x, y) = lowHigh[j].
        auto blocks = [&](int64_t j) {
          SmallVector<int64_t> mask;
          for (int64_t block : {l, l + 1})
            for (int64_t from : {0, 16})
              for (int64_t e = 0; e < 4; ++e)
                mask.push_back(from + 4 * block + e);
          return vector::ShuffleOp::create(b, lowHigh[j][0], lowHigh[j][1],
                                           mask);
        };
        Value x = blocks(2 * p), y = blocks(2 * p + 1);
        for (int64_t half = 0; half < 2; ++half) {
          SmallVector<int64_t> mask;
          for (int64_t from : {0, 16})
            for (int64_t e = 0; e < 8; ++e)
              mask.push_back(from + 8 * half + e);
          ordered[2 * (l + half) + p] =
              vector::ShuffleOp::create(b, x, y, mask);
        }
      }
    return ordered;
  }

  /// The vpdpbusd operands q = firstQ ... firstQ + count - 1 (of 8) of rows
  /// k + stride * t (t < 4) and the 128 columns of `chunk` (see the class
  /// comment).
  SmallVector<Value> unpack(Value k, Value chunk, int64_t firstQ,
                            int64_t count) {
    Value byteCol = arith::MulIOp::create(b, chunk, idx(kInt4ChunkBytes));
    SmallVector<Value> loaded;
    for (int64_t t = 0; t < 4; ++t) {
      Value row = arith::AddIOp::create(b, k, idx(stride * t));
      Value v =
          vector::LoadOp::create(b, bytes, bRows, ValueRange{row, byteCol});
      if (firstQ == 0)
        prefetcher->prefetch(b, row, byteCol);
      loaded.push_back(v);
    }
    HalfRowPairs halves = pairHalfRows(b, loaded);
    Value flips =
        laneConstant(flipEven ? 0x88888888 : 0, flipOdd ? 0x88888888 : 0);
    Value masks = laneConstant(0x0F0F0F0F, int32_t(0xF0F0F0F0));
    SmallVector<Value> nibbles;
    for (int64_t q = firstQ; q < firstQ + count; ++q) {
      // Byte t of lane j: row t, byte 8q + j/2.
      SmallVector<int64_t> positions;
      for (int64_t j = 0; j < 16; ++j)
        positions.push_back(8 * q + j / 2);
      Value gathered = gatherRowBytes(b, halves, positions);
      Value lanes = vector::BitCastOp::create(b, acc, gathered);
      if (flipEven || flipOdd)
        lanes = arith::XOrIOp::create(b, lanes, flips);
      lanes = arith::AndIOp::create(b, lanes, masks);
      nibbles.push_back(vector::BitCastOp::create(b, bytes, lanes));
    }
    return nibbles;
  }
};

} // namespace

std::optional<GroupedCore>
mlir::quanta::matmul_kernels::matchGroupedCore(linalg::GenericOp op) {
  MLIRContext *ctx = op.getContext();
  int64_t numInputs = op.getNumDpsInputs();
  // Loops (m, g, kk, j, h) for packed int4 weights, (m, g, kk, n) for bytes.
  unsigned loops = op.getNumLoops();
  if (!op.hasPureBufferSemantics() || numInputs < 2 || numInputs > 4 ||
      op.getNumDpsInits() != 1 || (loops != 5 && loops != 4))
    return std::nullopt;
  using utils::IteratorType;
  SmallVector<IteratorType> iterators(loops, IteratorType::parallel);
  iterators[2] = IteratorType::reduction;
  if (op.getIteratorTypesArray() != iterators)
    return std::nullopt;
  AffineExpr d[5];
  bindDimsList(ctx, MutableArrayRef<AffineExpr>(d));
  SmallVector<AffineExpr> cDims{d[0], d[1], d[3]};
  if (loops == 5)
    cDims.push_back(d[4]);
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  // With 5 loops, B[g, kk, j] (packed) or B[g, kk, j, h] (a byte each).
  bool bytePairs =
      loops == 5 &&
      maps[1] == AffineMap::get(loops, 0, {d[1], d[2], d[3], d[4]}, ctx);
  if (maps[0] != AffineMap::get(loops, 0, {d[0], d[1], d[2]}, ctx) ||
      (maps[1] != AffineMap::get(loops, 0, {d[1], d[2], d[3]}, ctx) &&
       !bytePairs) ||
      maps.back() != AffineMap::get(loops, 0, cDims, ctx))
    return std::nullopt;
  GroupedCore core;
  core.weightBits = loops == 5 ? 4 : 8;
  core.a = op.getDpsInputs()[0];
  core.b = op.getDpsInputs()[1];
  core.c = op.getDpsInits()[0];
  // The zero points, each optional: ZA (per tensor or per row), then ZB
  // (per group and byte column; 8-bit weights: per group and column).
  for (int64_t i = 2; i < numInputs; ++i) {
    AffineMap map = maps[i];
    Value input = op.getDpsInputs()[i];
    if (!core.lhsZp && !core.rhsZp &&
        (map == AffineMap::get(loops, 0, {}, ctx) ||
         map == AffineMap::get(loops, 0, {d[0]}, ctx)))
      core.lhsZp = input;
    else if (!core.rhsZp && map == AffineMap::get(loops, 0, {d[1], d[3]}, ctx))
      core.rhsZp = input;
    else
      return std::nullopt;
  }
  auto is = [](Value v, unsigned width) {
    auto type = cast<MemRefType>(v.getType());
    return type.getLayout().isIdentity() &&
           type.getElementType().isInteger(width);
  };
  if (!is(core.a, 8) || !is(core.b, 8) || !is(core.c, 32) ||
      (loops == 5 && cast<MemRefType>(core.c.getType()).getDimSize(3) != 2) ||
      (core.lhsZp && !is(core.lhsZp, 8)) || (core.rhsZp && !is(core.rhsZp, 8)))
    return std::nullopt;
  Block &body = op.getRegion().front();
  Value a = body.getArgument(0), byte = body.getArgument(1),
        za = core.lhsZp ? body.getArgument(2) : Value(),
        zb = core.rhsZp ? body.getArgument(numInputs - 1) : Value(),
        out = body.getArguments().back();
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  // ext(a), or ext(a) - ext(za) with a zero point.
  auto matchLhs = [&](Value x) {
    auto isA = [&](Value v) {
      return matchExt(
          v, [&](Value in) { return in == a; }, core.lhsSigned);
    };
    auto sub = x.getDefiningOp<arith::SubIOp>();
    if (!za) {
      // A constant za folded into the body (no zero point inputs).
      if (sub && isA(sub.getLhs()) &&
          sub.getRhs().getParentRegion() != &op.getRegion() &&
          matchPattern(sub.getRhs(), m_Constant())) {
        core.lhsZp = sub.getRhs();
        return true;
      }
      return isA(x);
    }
    return sub && isA(sub.getLhs()) &&
           matchExt(
               sub.getRhs(), [&](Value in) { return in == za; },
               core.lhsZpSigned);
  };
  auto matchRhs = [&](Value w) {
    auto isW = [&](Value v) {
      return matchExt(
          v,
          [&](Value in) {
            // int4 weights a byte each (with 5 loops, zero points packed).
            auto trunc = in.getDefiningOp<arith::TruncIOp>();
            if (trunc && trunc.getType().isInteger(4) &&
                trunc.getIn() == byte && (bytePairs || (loops == 4 && !zb))) {
              core.nibbleBytes = true;
              return true;
            }
            if (bytePairs)
              return false;
            return loops == 5 ? matchNibble(in, byte, 4) : in == byte;
          },
          core.rhsSigned);
    };
    if (!zb)
      return isW(w);
    auto sub = w.getDefiningOp<arith::SubIOp>();
    return sub && isW(sub.getLhs()) &&
           matchExt(
               sub.getRhs(),
               [&](Value in) {
                 return loops == 5 ? matchNibble(in, zb, 4) : in == zb;
               },
               core.rhsZpSigned);
  };
  bool matched = matchCommutative<arith::AddIOp>(
      yield.getValues()[0], [&](Value acc, Value product) {
        return acc == out &&
               matchCommutative<arith::MulIOp>(product, [&](Value x, Value w) {
                 return matchLhs(x) && matchRhs(w);
               });
      });
  if (!matched)
    return std::nullopt;
  return core;
}

Value mlir::quanta::matmul_kernels::groupRowZeroPoint(ImplicitLocOpBuilder &b,
                                                      const GroupedCore &core,
                                                      Value row) {
  auto lanes = VectorType::get({16}, b.getI32Type());
  auto type = dyn_cast<MemRefType>(core.lhsZp.getType());
  if (!type)
    return vector::BroadcastOp::create(b, lanes, core.lhsZp);
  Value za = memref::LoadOp::create(
      b, core.lhsZp, type.getRank() ? ValueRange{row} : ValueRange{});
  Value wide = core.lhsZpSigned
                   ? Value(arith::ExtSIOp::create(b, b.getI32Type(), za))
                   : Value(arith::ExtUIOp::create(b, b.getI32Type(), za));
  return vector::BroadcastOp::create(b, lanes, wide);
}

Value mlir::quanta::matmul_kernels::int4WeightZeroPoints(
    ImplicitLocOpBuilder &b, const GroupedCore &core, Value g, Value col) {
  auto lanes = VectorType::get({16}, b.getI32Type());
  auto constant = [&](int32_t even, int32_t odd) -> Value {
    SmallVector<int32_t> values;
    for (int64_t i = 0; i < 16; ++i)
      values.push_back(i % 2 ? odd : even);
    return arith::ConstantOp::create(
        b, DenseElementsAttr::get(lanes, ArrayRef<int32_t>(values)));
  };
  Value byteCol =
      arith::DivUIOp::create(b, col, arith::ConstantIndexOp::create(b, 2));
  Value loaded = vector::LoadOp::create(b, VectorType::get({8}, b.getI8Type()),
                                        core.rhsZp, ValueRange{g, byteCol});
  SmallVector<int64_t> mask;
  for (int64_t j = 0; j < 16; ++j)
    mask.push_back(j / 2);
  Value pairs = vector::ShuffleOp::create(b, loaded, loaded, mask);
  Value wide = arith::ExtUIOp::create(b, lanes, pairs);
  Value nibbles = arith::AndIOp::create(
      b, arith::ShRUIOp::create(b, wide, constant(0, 4)), constant(15, 15));
  if (!core.rhsZpSigned)
    return nibbles;
  Value eight = constant(8, 8);
  return arith::SubIOp::create(b, arith::XOrIOp::create(b, nibbles, eight),
                               eight);
}

void mlir::quanta::matmul_kernels::lowerGroupedCore(
    Operation *op, const GroupedCore &core, bool parallel, bool vnni, bool amx,
    VectorUnit vectors, ArrayRef<DotKind> dots) {
  // With an epilogue, the kernel replaces both ops at the epilogue, and
  // C's zero fill moves to the loops' side: the kernels' group sums start
  // at zero, so C must be zero-filled right before the core.
  Operation *zeroFill = getZeroFill(op, core.c);
  std::optional<GroupEpilogue> epilogue;
  if (zeroFill)
    epilogue = matchGroupEpilogue(cast<linalg::GenericOp>(op), core.c);
  SmallVector<Operation *> fills;
  for (Operation *user : core.c.getUsers())
    if (isa<linalg::FillOp>(user))
      fills.push_back(user);
  if (fills.size() != 1)
    epilogue.reset();
  // Weights given N x K, read in place; int4 ones a byte each only so.
  if (vnni && zeroFill && epilogue &&
      lowerTransposedGroupCore(op, core, *epilogue, fills, parallel,
                               amx && !core.nibbleBytes &&
                                   getAMXGroupChunk(core)))
    return;
  if (core.nibbleBytes)
    return;
  // 8-bit weights take the VNNI kernel (blocks of up to 4 rows) with an
  // epilogue, and the AMX one; not the kernel on vectors.
  if (core.weightBits == 8) {
    vectors.lanes = 0;
    vnni &= epilogue.has_value();
  }
  // The VNNI kernel without an epilogue also writes C's sums from zero;
  // with other contents in C, the kernel on vectors adds to them.
  vnni &= zeroFill != nullptr;
  if (!vnni && !vectors.lanes)
    return;
  // The AMX kernel, beside the VNNI one: with an epilogue, a form it takes,
  // and enough rows or a dynamic row count.
  int64_t amxChunk = amx && vnni && epilogue ? getAMXGroupChunk(core) : 0;
  int64_t rows = cast<MemRefType>(core.a.getType()).getDimSize(0);
  if (!ShapedType::isDynamic(rows) && rows < kAMXGroupMinRows)
    amxChunk = 0;
  // The kernel on vectors uses the first int8 instruction whose operands
  // hold the activations (ext(a) - za) and the weights (ext(w) - zb, in
  // [-15, 15]) exactly: i16 ones always, 8-bit ones the activation's byte
  // itself (no zero point) on the side of its signedness.
  std::optional<DotKind> dotKind;
  for (const DotKind &kind : dots) {
    bool wide = kind.operand.isInteger(16);
    bool bytes = !core.lhsZp && core.lhsSigned == kind.flipLhs;
    if (kind.lanes == vectors.lanes && (wide || bytes)) {
      dotKind = kind;
      break;
    }
  }
  SmallVector<Operation *> replaced{op};
  if (epilogue) {
    replaced.insert(replaced.begin(), fills.begin(), fills.end());
    replaced.push_back(epilogue->op);
  }
  // The VNNI kernel needs 4 | group size <= 2^15 at run time, the kernels
  // of 8-bit weights 4 | group size; they compute the columns of whole
  // blocks of 128 (at least one), the loops the rest. The kernel on vectors
  // needs 8 x lanes | N. Otherwise the loops.
  ImplicitLocOpBuilder b(replaced.back()->getLoc(), replaced.back());
  Value byteCols = memref::DimOp::create(b, core.b, 2);
  int64_t blockBytes = core.weightBits == 8 ? 128 : kInt4ChunkBytes;
  Value fits;
  if (core.weightBits == 4 && !vnni) {
    fits = isMultiple(b, byteCols, 4 * vectors.lanes);
  } else {
    Value groupSize = memref::DimOp::create(b, core.a, 2);
    fits = isMultiple(b, groupSize, 4);
    if (core.weightBits == 4)
      fits = arith::AndIOp::create(
          b, fits,
          arith::CmpIOp::create(b, arith::CmpIPredicate::ule, groupSize,
                                arith::ConstantIndexOp::create(b, 1 << 15)));
    Value oneBlock =
        arith::CmpIOp::create(b, arith::CmpIPredicate::uge, byteCols,
                              arith::ConstantIndexOp::create(b, blockBytes));
    fits = arith::AndIOp::create(b, fits, oneBlock);
  }
  auto ifOp = scf::IfOp::create(b, fits, /*withElseRegion=*/true);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    auto originals = [&] {
      for (Operation *original : replaced)
        b.clone(*original);
    };
    // The columns past the kernels' last whole block (byte column `from`
    // on): the original ops on those columns (loop 3 of the core, 2 of C's
    // fill and of the epilogue).
    auto tail = [&] {
      int64_t staticBytes = cast<MemRefType>(core.b.getType()).getDimSize(2);
      if (!ShapedType::isDynamic(staticBytes) && staticBytes % blockBytes == 0)
        return;
      Value from = arith::MulIOp::create(
          b,
          arith::DivUIOp::create(b, byteCols,
                                 arith::ConstantIndexOp::create(b, blockBytes)),
          arith::ConstantIndexOp::create(b, blockBytes));
      Value some =
          arith::CmpIOp::create(b, arith::CmpIPredicate::ult, from, byteCols);
      auto ifSome = scf::IfOp::create(b, some, /*withElseRegion=*/false);
      OpBuilder::InsertionGuard tailGuard(b);
      b.setInsertionPointToStart(ifSome.thenBlock());
      for (Operation *original : replaced)
        cloneFrom(b, cast<linalg::LinalgOp>(original), original == op ? 3 : 2,
                  from);
    };
    // The kernels other than AMX's.
    auto others = [&] {
      if (core.weightBits == 8)
        PackedInt4Builder(b, core, epilogue, parallel).buildBytes();
      else if (vnni)
        PackedInt4Builder(b, core, epilogue, parallel).build();
      else
        buildGroupedCoreOnVectors(b, cast<linalg::GenericOp>(op), epilogue,
                                  parallel, vectors, dotKind);
    };
    if (amxChunk) {
      auto ifAMX = scf::IfOp::create(b, amxGroupFits(b, core),
                                     /*withElseRegion=*/true);
      OpBuilder::InsertionGuard amxGuard(b);
      b.setInsertionPointToStart(ifAMX.thenBlock());
      buildAMXGroupCore(b, core, *epilogue, parallel, amxChunk);
      b.setInsertionPointToStart(ifAMX.elseBlock());
      others();
    } else {
      others();
    }
    // The VNNI and AMX kernels stop at the last whole block of columns
    // (the kernel on vectors takes all columns).
    if (vnni)
      tail();
    b.setInsertionPointToStart(ifOp.elseBlock());
    originals();
  }
  for (Operation *original : replaced)
    original->erase();
}
