//===- TransposedInt4Kernel.cpp - W4A8 kernel on int4 weights given N x K -===//
//
// The VNNI kernel of a K-blocked integer matmul whose int4 weights arrive
// N x K, packed along K (ONNX MatMulNBits' and llama.cpp's layout, a Linear
// layer's [out, in]). The lowering unpacks them to a byte each, transposes
// the bytes into [G, KK, N] and truncates each byte to i4 in the core
// (GroupedCore::nibbleBytes); this kernel reads the packed weights in
// place instead, each column a dot product along K, and reduces the group
// sums of 16 columns into the lanes of one vector per group for the fused
// group epilogue, which then runs on them in group order as the loops do.
//
//===----------------------------------------------------------------------===//

#include "MatmulKernels.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"

using namespace mlir;
using namespace mlir::quanta::matmul_kernels;

namespace {

/// The ops that compute a nibble-bytes core's B [G, KK, N] from int4
/// weights P [N, K / 2] packed along K (byte j of row n holds k = 2j in its
/// low nibble, 2j + 1 in its high one):
///
///   U = memref.alloc : [N, K / 2, 2]
///   U[n, j, h] = (P[n, j] >> 4h) & 15            (linalg.generic)
///   B = memref.alloc : [G, KK, N]
///   linalg.transpose ins(expand(collapse(U) : [N, K]) : [N, G, KK])
///                    outs(B) permutation = [1, 2, 0]
///
/// or, for a core on loops (m, g, kk, j, h), the same transpose as [N / 2,
/// 2, G, KK] into expand(B) : [G, KK, N / 2, 2] (permutation [2, 3, 0, 1]),
/// which the core reads; with U and B read by these ops and the core only.
struct TransposedInt4 {
  Value packed;
  // U's and B's allocations and the ops above, in an order that respects
  // their dependences; their deallocations.
  SmallVector<Operation *> build, deallocs;
};

/// The op among `alloc`'s users other than `reader` and deallocations
/// (added to `deallocs`) when there is exactly one; else null.
Operation *soleOtherUser(memref::AllocOp alloc, Operation *reader,
                         SmallVector<Operation *> &deallocs) {
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

/// Whether `op` is the unpacking of int4 weights packed along the last
/// dimension into `unpacked` [N, K / 2, 2] (see TransposedInt4).
bool isUnpacking(linalg::GenericOp op, Value unpacked) {
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

std::optional<TransposedInt4> matchTransposedInt4(const GroupedCore &core,
                                                  Operation *coreOp,
                                                  Operation *kernelAt) {
  TransposedInt4 chain;
  Block *block = coreOp->getBlock();
  using Groups = SmallVector<ReassociationIndices>;
  bool pairs = cast<MemRefType>(core.b.getType()).getRank() == 4;
  // With column pairs, B's view [G, KK, N / 2, 2], read by the transpose
  // and the core.
  memref::ExpandShapeOp pairView;
  Value bBuffer = core.b;
  Operation *bReader = coreOp;
  if (pairs) {
    pairView = core.b.getDefiningOp<memref::ExpandShapeOp>();
    if (!pairView ||
        pairView.getReassociationIndices() != Groups{{0}, {1}, {2, 3}} ||
        llvm::range_size(pairView->getUsers()) != 2)
      return std::nullopt;
    bBuffer = pairView.getSrc();
    bReader = pairView;
  }
  auto bAlloc = bBuffer.getDefiningOp<memref::AllocOp>();
  if (!bAlloc || bAlloc->getBlock() != block)
    return std::nullopt;
  Operation *writer = soleOtherUser(bAlloc, bReader, chain.deallocs);
  if (pairs) {
    // B's users: the view and deallocations; the view's: the core and the
    // transpose.
    if (writer || llvm::any_of(bAlloc->getUsers(), [&](Operation *user) {
          return user != pairView && !isa<memref::DeallocOp>(user);
        }))
      return std::nullopt;
    for (Operation *user : pairView->getUsers())
      if (user != coreOp)
        writer = user;
  }
  auto transpose = dyn_cast_or_null<linalg::TransposeOp>(writer);
  ArrayRef<int64_t> permutation =
      pairs ? ArrayRef<int64_t>{2, 3, 0, 1} : ArrayRef<int64_t>{1, 2, 0};
  if (!transpose || transpose.getInit() != core.b ||
      transpose->getBlock() != block || !transpose->isBeforeInBlock(coreOp) ||
      transpose.getPermutation() != permutation)
    return std::nullopt;
  auto expand = transpose.getInput().getDefiningOp<memref::ExpandShapeOp>();
  if (!expand || !expand->hasOneUse() ||
      expand.getReassociationIndices() !=
          (pairs ? Groups{{0, 1}, {2, 3}} : Groups{{0}, {1, 2}}))
    return std::nullopt;
  auto collapse = expand.getSrc().getDefiningOp<memref::CollapseShapeOp>();
  if (!collapse || !collapse->hasOneUse() ||
      collapse.getReassociationIndices() != Groups{{0}, {1, 2}})
    return std::nullopt;
  auto uAlloc = collapse.getSrc().getDefiningOp<memref::AllocOp>();
  if (!uAlloc || uAlloc->getBlock() != block)
    return std::nullopt;
  auto unpack = dyn_cast_or_null<linalg::GenericOp>(
      soleOtherUser(uAlloc, collapse, chain.deallocs));
  if (!unpack || unpack->getBlock() != block ||
      !unpack->isBeforeInBlock(transpose) ||
      !isUnpacking(unpack, uAlloc.getResult()))
    return std::nullopt;
  chain.packed = unpack.getDpsInputs()[0];
  auto packedType = cast<MemRefType>(chain.packed.getType());
  if (packedType.getRank() != 2 || !packedType.isLastDimUnitStride() ||
      !unwrittenUntil(chain.packed, unpack, kernelAt))
    return std::nullopt;
  chain.build = {uAlloc, unpack, collapse, expand, bAlloc};
  if (pairs)
    chain.build.push_back(pairView);
  chain.build.push_back(transpose);
  return chain;
}

/// A vector of 16 i32 lanes, each lane the partial sum of one column and
/// one group slot (its label: column * slots + slot).
struct Labeled {
  Value v;
  SmallVector<int64_t> labels;
};

/// The kernel. Per block of up to 4 rows of A and block of 16 columns, K
/// is read in chunks of 128 (64 bytes of each column's row of P): a chunk
/// of a column is split into its low nibbles (k = 2i) and high ones (k =
/// 2i + 1), each a vpdpbusd operand against A's bytes permuted to match
/// once per call (aPerm), so that 32-bit lane l of the column's sums holds
/// k in [128c + 8l, 128c + 8l + 8): group slot l / (KK / 8) of the chunk's
/// 128 / KK groups (KK >= 128: one group, over KK / 128 chunks). The 16
/// columns' sums are then added up pairwise with shuffles into one vector
/// per group, lane j for column j, for the group epilogue.
class TransposedInt4Builder {
public:
  TransposedInt4Builder(ImplicitLocOpBuilder &b, const GroupedCore &core,
                        const GroupEpilogue &epilogue, Value packed,
                        bool parallel)
      : b(b), core(core), epilogue(epilogue), packed(packed),
        parallel(parallel), kind(getVNNIKind(b.getContext())) {
    bytes = VectorType::get({kChunkBytes}, b.getI8Type());
    acc = VectorType::get({16}, b.getI32Type());
    groupSize = cast<MemRefType>(core.a.getType()).getDimSize(2);
    slots = std::max<int64_t>(1, 2 * kChunkBytes / groupSize);
  }

  /// Whether the kernel takes groups of `size`: 16, 32, 64 or a multiple of
  /// 128.
  static bool takesGroupSize(int64_t size) {
    return !ShapedType::isDynamic(size) &&
           (size % (2 * kChunkBytes) == 0 ||
            (size >= 16 && (2 * kChunkBytes) % size == 0));
  }

  /// The run-time conditions: 128 | K and 16 | N.
  Value fits() {
    Value k = arith::MulIOp::create(b, memref::DimOp::create(b, core.a, 1),
                                    idx(groupSize));
    Value n = memref::DimOp::create(b, packed, 0);
    return arith::AndIOp::create(b, isMultiple(b, k, 2 * kChunkBytes),
                                 isMultiple(b, n, 16));
  }

  void build() {
    a = memref::CollapseShapeOp::create(
        b, core.a, ArrayRef<ReassociationIndices>{{0}, {1, 2}});
    rows = memref::DimOp::create(b, core.a, 0);
    groups = memref::DimOp::create(b, core.a, 1);
    Value k = memref::DimOp::create(b, a, 1);
    chunks = arith::DivUIOp::create(b, k, idx(2 * kChunkBytes));
    prepareA(k);
    epilogueLanes.emplace(b, epilogue, groups, 16);
    prefetcher.emplace(b, packed);
    Value columnBlocks =
        arith::DivUIOp::create(b, memref::DimOp::create(b, packed, 0), idx(16));
    forLoop(b, idx(0), rows, kMaxRows, [&](Value firstRow) {
      Value left = arith::MinUIOp::create(
          b, arith::SubIOp::create(b, rows, firstRow), idx(kMaxRows));
      SmallVector<int64_t> counts =
          llvm::to_vector(llvm::seq<int64_t>(1, kMaxRows + 1));
      auto cases = scf::IndexSwitchOp::create(b, TypeRange{}, left, counts,
                                              counts.size());
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(&cases.getDefaultRegion().emplaceBlock());
      scf::YieldOp::create(b);
      for (auto [region, count] : llvm::zip(cases.getCaseRegions(), counts)) {
        b.setInsertionPointToStart(&region.emplaceBlock());
        SmallVector<Value> rowIdx;
        for (int64_t r = 0; r < count; ++r)
          rowIdx.push_back(arith::AddIOp::create(b, firstRow, idx(r)));
        perThreadBlocks(
            b, parallel, columnBlocks, [&](Value first, Value last) {
              forLoop(b, first, last, 1, [&](Value block) {
                columnBlock(rowIdx, arith::MulIOp::create(b, block, idx(16)));
              });
            });
        scf::YieldOp::create(b);
      }
    });
    memref::DeallocOp::create(b, aPerm);
    if (groupSumsA)
      memref::DeallocOp::create(b, groupSumsA);
  }

private:
  static constexpr int64_t kChunkBytes = 64, kMaxRows = 4;

  ImplicitLocOpBuilder &b;
  const GroupedCore &core;
  const GroupEpilogue &epilogue;
  Value packed;
  bool parallel;
  DotKind kind;
  VectorType bytes, acc;
  int64_t groupSize, slots;
  // A [M, K]; aPerm [M, K]: each chunk of 128 bytes of A as its even bytes,
  // then its odd ones; with signed weights, A's sums per group [M, G].
  Value a, aPerm, groupSumsA, rows, groups, chunks;
  std::optional<GroupEpilogueLanes> epilogueLanes;
  std::optional<RowPrefetcher> prefetcher;

  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, v); }

  Value splat(VectorType type, int64_t value) {
    return arith::ConstantOp::create(
        b, DenseElementsAttr::get(
               type, b.getIntegerAttr(type.getElementType(), value)));
  }

  /// aPerm, and with signed weights groupSumsA.
  void prepareA(Value k) {
    auto type = MemRefType::get({ShapedType::kDynamic, ShapedType::kDynamic},
                                b.getI8Type());
    aPerm = memref::AllocOp::create(b, type, ValueRange{rows, k},
                                    b.getI64IntegerAttr(64));
    SmallVector<int64_t> even, odd;
    for (int64_t i = 0; i < kChunkBytes; ++i) {
      even.push_back(2 * i);
      odd.push_back(2 * i + 1);
    }
    forLoop(b, idx(0), rows, 1, [&](Value row) {
      forLoop(b, idx(0), k, 2 * kChunkBytes, [&](Value at) {
        Value second = arith::AddIOp::create(b, at, idx(kChunkBytes));
        Value x = vector::LoadOp::create(b, bytes, a, ValueRange{row, at});
        Value y = vector::LoadOp::create(b, bytes, a, ValueRange{row, second});
        vector::StoreOp::create(b, vector::ShuffleOp::create(b, x, y, even),
                                aPerm, ValueRange{row, at});
        vector::StoreOp::create(b, vector::ShuffleOp::create(b, x, y, odd),
                                aPerm, ValueRange{row, second});
      });
    });
    if (!core.rhsSigned && !core.rhsZp)
      return;
    Type i32 = b.getI32Type();
    groupSumsA = memref::AllocOp::create(
        b, MemRefType::get({ShapedType::kDynamic, ShapedType::kDynamic}, i32),
        ValueRange{rows, groups});
    forLoop(b, idx(0), rows, 1, [&](Value row) {
      forLoop(b, idx(0), groups, 1, [&](Value g) {
        Value first = arith::MulIOp::create(b, g, idx(groupSize));
        Value zero = arith::ConstantOp::create(b, b.getI32IntegerAttr(0));
        auto loop = scf::ForOp::create(
            b, idx(0), idx(groupSize), idx(1), ValueRange{zero},
            [&](OpBuilder &nested, Location loc, Value kk, ValueRange sum) {
              ImplicitLocOpBuilder lb(loc, nested);
              Value at = arith::AddIOp::create(lb, first, kk);
              Value x = memref::LoadOp::create(lb, a, ValueRange{row, at});
              Value wide = core.lhsSigned
                               ? Value(arith::ExtSIOp::create(lb, i32, x))
                               : Value(arith::ExtUIOp::create(lb, i32, x));
              scf::YieldOp::create(
                  lb, ValueRange{arith::AddIOp::create(lb, sum[0], wide)});
            });
        memref::StoreOp::create(b, loop.getResult(0), groupSumsA,
                                ValueRange{row, g});
      });
    });
  }

  /// The group sums of the rows `rowIdx` and columns col .. col + 16, one
  /// group after the other, each given to finishGroup().
  void columnBlock(ArrayRef<Value> rowIdx, Value col) {
    if (slots > 1 || groupSize == 2 * kChunkBytes) {
      forLoop(b, idx(0), chunks, 1, [&](Value chunk) {
        SmallVector<SmallVector<Value>> sums = chunkSums(rowIdx, col, chunk);
        for (auto [r, row] : llvm::enumerate(rowIdx))
          for (int64_t s = 0; s < slots; ++s)
            finishGroup(
                row,
                arith::AddIOp::create(
                    b, arith::MulIOp::create(b, chunk, idx(slots)), idx(s)),
                col, sums[r][s]);
      });
      return;
    }
    // Groups of several chunks: their sums added up.
    int64_t perGroup = groupSize / (2 * kChunkBytes);
    forLoop(b, idx(0), groups, 1, [&](Value g) {
      SmallVector<Value> init(rowIdx.size(), splat(acc, 0));
      auto loop = scf::ForOp::create(b, idx(0), idx(perGroup), idx(1), init);
      {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(loop.getBody());
        Value chunk =
            arith::AddIOp::create(b, arith::MulIOp::create(b, g, idx(perGroup)),
                                  loop.getInductionVar());
        SmallVector<SmallVector<Value>> sums = chunkSums(rowIdx, col, chunk);
        SmallVector<Value> next;
        for (auto [r, sum] : llvm::enumerate(loop.getRegionIterArgs()))
          next.push_back(arith::AddIOp::create(b, sum, sums[r][0]));
        scf::YieldOp::create(b, next);
      }
      for (auto [r, row] : llvm::enumerate(rowIdx))
        finishGroup(row, g, col, loop.getResult(r));
    });
  }

  /// The sums of `chunk` for each row of `rowIdx`: per group slot, a vector
  /// whose lane j is column col + j's.
  SmallVector<SmallVector<Value>> chunkSums(ArrayRef<Value> rowIdx, Value col,
                                            Value chunk) {
    Value byteCol = arith::MulIOp::create(b, chunk, idx(kChunkBytes));
    Value kFirst = arith::MulIOp::create(b, chunk, idx(2 * kChunkBytes));
    Value kSecond = arith::AddIOp::create(b, kFirst, idx(kChunkBytes));
    SmallVector<Value> evens, odds;
    for (Value row : rowIdx) {
      evens.push_back(
          vector::LoadOp::create(b, bytes, aPerm, ValueRange{row, kFirst}));
      odds.push_back(
          vector::LoadOp::create(b, bytes, aPerm, ValueRange{row, kSecond}));
    }
    // Signed weights as w + 8 (w = v - 8): nibbles xor 8.
    Value flip = core.rhsSigned ? splat(bytes, 0x88) : Value();
    Value lowBits = splat(bytes, 0x0F);
    auto words = VectorType::get({kChunkBytes / 2}, b.getI16Type());
    Value four = splat(words, 4);
    int64_t lanesPerSlot = 16 / slots;
    // Per row, the partial sums not yet added up, as a stack of (level,
    // vector): two of one level make one of the next.
    SmallVector<SmallVector<std::pair<int64_t, Labeled>>> pending(
        rowIdx.size());
    for (int64_t j = 0; j < 16; ++j) {
      Value row = arith::AddIOp::create(b, col, idx(j));
      prefetcher->prefetch(b, row, byteCol);
      Value v =
          vector::LoadOp::create(b, bytes, packed, ValueRange{row, byteCol});
      if (flip)
        v = arith::XOrIOp::create(b, v, flip);
      Value low = arith::AndIOp::create(b, v, lowBits);
      Value shifted = vector::BitCastOp::create(
          b, bytes,
          arith::ShRUIOp::create(b, vector::BitCastOp::create(b, words, v),
                                 four));
      Value high = arith::AndIOp::create(b, shifted, lowBits);
      Labeled column;
      for (int64_t l = 0; l < 16; ++l)
        column.labels.push_back(j * slots + l / lanesPerSlot);
      for (auto [r, stack] : llvm::enumerate(pending)) {
        // vpdpbusd: u8 x s8; the nibbles (0 .. 15) fit either side.
        auto product = [&](Value sum, Value w, Value x) {
          return core.lhsSigned ? dot(b, kind, sum, w, x)
                                : dot(b, kind, sum, x, w);
        };
        Labeled next = column;
        next.v = product(product(splat(acc, 0), low, evens[r]), high, odds[r]);
        int64_t level = 0;
        while (!stack.empty() && stack.back().first == level &&
               multiplicity(next) > 1) {
          next = merge(stack.back().second, next);
          stack.pop_back();
          ++level;
        }
        stack.push_back({level, next});
      }
    }
    SmallVector<SmallVector<Value>> result;
    for (auto &stack : pending) {
      SmallVector<Labeled> parts;
      for (auto &[level, part] : stack)
        parts.push_back(part);
      SmallVector<Value> perSlot;
      for (int64_t s = 0; s < slots; ++s)
        perSlot.push_back(gather(parts, s));
      result.push_back(perSlot);
    }
    return result;
  }

  /// How many lanes of `x` share each label.
  static int64_t multiplicity(const Labeled &x) {
    return llvm::count(x.labels, x.labels.front());
  }

  /// x + y lane-wise after shuffles that put the first half of each
  /// label's lanes (of x, then of y) in one operand and the second half in
  /// the other, so that each label keeps half as many lanes.
  Labeled merge(const Labeled &x, const Labeled &y) {
    SmallVector<int64_t> firstHalf, secondHalf;
    Labeled result;
    for (auto [from, offset] : {std::pair(&x, 0), std::pair(&y, 16)}) {
      SmallVector<int64_t> seen;
      for (int64_t label : from->labels) {
        if (llvm::is_contained(seen, label))
          continue;
        seen.push_back(label);
        SmallVector<int64_t> lanes;
        for (auto [lane, l] : llvm::enumerate(from->labels))
          if (l == label)
            lanes.push_back(offset + lane);
        int64_t half = lanes.size() / 2;
        firstHalf.append(lanes.begin(), lanes.begin() + half);
        secondHalf.append(lanes.begin() + half, lanes.end());
        result.labels.append(half, label);
      }
    }
    result.v = arith::AddIOp::create(
        b, vector::ShuffleOp::create(b, x.v, y.v, firstHalf),
        vector::ShuffleOp::create(b, x.v, y.v, secondHalf));
    return result;
  }

  /// The vector whose lane j is the lane of `parts` labeled (column j,
  /// slot), each label once in all: shuffles of pairs, keeping column j in
  /// lane j.
  Value gather(ArrayRef<Labeled> parts, int64_t slot) {
    auto laneOf = [&](const Labeled &part, int64_t j) -> int64_t {
      auto *it = llvm::find(part.labels, j * slots + slot);
      return it == part.labels.end() ? -1 : it - part.labels.begin();
    };
    // Each part's lanes in column positions: (vector, columns present).
    SmallVector<std::pair<Value, SmallVector<bool>>> placed;
    for (size_t i = 0; i < parts.size(); i += 2) {
      const Labeled &x = parts[i];
      const Labeled *y = i + 1 < parts.size() ? &parts[i + 1] : nullptr;
      SmallVector<int64_t> mask;
      SmallVector<bool> present;
      for (int64_t j = 0; j < 16; ++j) {
        int64_t inX = laneOf(x, j), inY = y ? laneOf(*y, j) : -1;
        mask.push_back(inX >= 0 ? inX : inY >= 0 ? 16 + inY : 0);
        present.push_back(inX >= 0 || inY >= 0);
      }
      Value other = y ? y->v : x.v;
      placed.push_back(
          {mask == llvm::to_vector(llvm::seq<int64_t>(0, 16))
               ? x.v
               : vector::ShuffleOp::create(b, x.v, other, mask).getResult(),
           present});
    }
    while (placed.size() > 1) {
      SmallVector<std::pair<Value, SmallVector<bool>>> next;
      for (size_t i = 0; i + 1 < placed.size(); i += 2) {
        auto &[x, inX] = placed[i];
        auto &[y, inY] = placed[i + 1];
        SmallVector<int64_t> mask;
        SmallVector<bool> present;
        for (int64_t j = 0; j < 16; ++j) {
          mask.push_back(inX[j] ? j : 16 + j);
          present.push_back(inX[j] || inY[j]);
        }
        next.push_back({vector::ShuffleOp::create(b, x, y, mask), present});
      }
      if (placed.size() % 2)
        next.push_back(placed.back());
      placed = next;
    }
    return placed.front().first;
  }

  /// The epilogue on the group sums of row `row`, group g, columns col ..
  /// col + 16: sum a (w - zb) = sum a v - (offset + zb) sum a, with v = w +
  /// offset (8 for signed weights) the operand.
  void finishGroup(Value row, Value g, Value col, Value sum) {
    if (groupSumsA) {
      Value sumA = vector::BroadcastOp::create(
          b, acc, memref::LoadOp::create(b, groupSumsA, ValueRange{row, g}));
      Value offset = splat(acc, core.rhsSigned ? 8 : 0);
      if (core.rhsZp)
        offset = arith::AddIOp::create(b, offset,
                                       int4WeightZeroPoints(b, core, g, col));
      sum =
          arith::SubIOp::create(b, sum, arith::MulIOp::create(b, offset, sumA));
    }
    epilogueLanes->apply(row, g, col, sum);
  }
};

} // namespace

void mlir::quanta::matmul_kernels::lowerTransposedInt4Core(
    Operation *op, const GroupedCore &core, const GroupEpilogue &epilogue,
    ArrayRef<Operation *> fills, bool parallel) {
  // (Zero points of the weights: packed, with column pairs.)
  bool pairs = cast<MemRefType>(core.b.getType()).getRank() == 4;
  if (core.lhsZp || (core.rhsZp && !pairs) ||
      !TransposedInt4Builder::takesGroupSize(
          cast<MemRefType>(core.a.getType()).getDimSize(2)))
    return;
  std::optional<TransposedInt4> chain =
      matchTransposedInt4(core, op, epilogue.op);
  if (!chain)
    return;
  SmallVector<Operation *> replaced(fills);
  replaced.push_back(op);
  replaced.push_back(epilogue.op);
  ImplicitLocOpBuilder b(epilogue.op->getLoc(), epilogue.op);
  TransposedInt4Builder kernel(b, core, epilogue, chain->packed, parallel);
  auto ifOp = scf::IfOp::create(b, kernel.fits(), /*withElseRegion=*/true);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    kernel.build();
    // Otherwise B unpacked and transposed, and the loops.
    b.setInsertionPointToStart(ifOp.elseBlock());
    IRMapping mapping;
    for (Operation *buildOp : chain->build)
      b.clone(*buildOp, mapping);
    for (Operation *original : replaced)
      b.clone(*original, mapping);
    for (Operation *buildOp : chain->build)
      if (isa<memref::AllocOp>(buildOp))
        memref::DeallocOp::create(b, mapping.lookup(buildOp->getResult(0)));
  }
  for (Operation *original : replaced)
    original->erase();
  for (Operation *dealloc : chain->deallocs)
    dealloc->erase();
  for (Operation *buildOp : llvm::reverse(chain->build))
    buildOp->erase();
}
