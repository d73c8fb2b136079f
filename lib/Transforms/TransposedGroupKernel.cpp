//===- TransposedGroupKernel.cpp - Group kernel on weights given N x K ----===//
//
// The VNNI kernel of a K-blocked integer matmul whose weights per group
// arrive N x K (a Linear layer's [out, in]; llama.cpp's Q8_0 and Q4_0, ONNX
// MatMulNBits' int4 packed along K). The lowering transposes them into
// [G, KK, N] (int4 ones unpacked to a byte each first, the core truncating
// each byte to i4: GroupedCore::nibbleBytes); this kernel reads them in
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

/// A vector of 16 i32 lanes, each lane the partial sum of one column and
/// one group slot (its label: column * slots + slot).
struct Labeled {
  Value v;
  SmallVector<int64_t> labels;
};

/// The kernel. Per block of up to 4 rows of A and block of 16 columns, K
/// is read in chunks of 64 bytes of each column's row of S (64 k), or of
/// P (128 k): a chunk of packed int4 weights is split into its low
/// nibbles (k = 2i) and high ones (k = 2i + 1), each a vpdpbusd operand
/// against A's bytes permuted to match once per call (aPerm). 32-bit lane
/// l of a column's sums then holds the products of t consecutive k from
/// the chunk's first k + t * l (t = 4 for bytes, 8 for int4): group slot
/// l * t / KK of the chunk's groups (for KK of a chunk or more, one group
/// over KK / chunk chunks). The 16 columns' sums are then added up
/// pairwise with shuffles into one vector per group, lane j for column j,
/// for the group epilogue.
class TransposedGroupBuilder {
public:
  TransposedGroupBuilder(ImplicitLocOpBuilder &b, const GroupedCore &core,
                         const GroupEpilogue &epilogue, Value source,
                         bool parallel)
      : b(b), core(core), epilogue(epilogue), source(source),
        parallel(parallel), kind(getVNNIKind(b.getContext())) {
    bytes = VectorType::get({kChunkBytes}, b.getI8Type());
    acc = VectorType::get({16}, b.getI32Type());
    groupSize = cast<MemRefType>(core.a.getType()).getDimSize(2);
    chunkK = chunkElements(core);
    slots = std::max<int64_t>(1, chunkK / groupSize);
  }

  /// The k of a chunk: 64 bytes of 8-bit or of packed int4 weights.
  static int64_t chunkElements(const GroupedCore &core) {
    return core.nibbleBytes ? 2 * kChunkBytes : kChunkBytes;
  }

  /// Whether the kernel takes groups of `size`: a multiple of a chunk's k,
  /// or a divisor of it from 16 on.
  static bool takesGroupSize(const GroupedCore &core, int64_t size) {
    int64_t chunk = chunkElements(core);
    return !ShapedType::isDynamic(size) &&
           (size % chunk == 0 || (size >= 16 && chunk % size == 0));
  }

  /// The run-time conditions: a whole number of chunks in K, 16 | N.
  Value fits() {
    Value k = arith::MulIOp::create(b, memref::DimOp::create(b, core.a, 1),
                                    idx(groupSize));
    Value n = memref::DimOp::create(b, source, 0);
    return arith::AndIOp::create(b, isMultiple(b, k, chunkK),
                                 isMultiple(b, n, 16));
  }

  void build() {
    a = memref::CollapseShapeOp::create(
        b, core.a, ArrayRef<ReassociationIndices>{{0}, {1, 2}});
    rows = memref::DimOp::create(b, core.a, 0);
    groups = memref::DimOp::create(b, core.a, 1);
    Value k = memref::DimOp::create(b, a, 1);
    chunks = arith::DivUIOp::create(b, k, idx(chunkK));
    prepareA(k);
    epilogueLanes.emplace(b, epilogue, groups, 16);
    prefetcher.emplace(b, source);
    Value columnBlocks =
        arith::DivUIOp::create(b, memref::DimOp::create(b, source, 0), idx(16));
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
    if (aPerm)
      memref::DeallocOp::create(b, aPerm);
    if (groupSumsA)
      memref::DeallocOp::create(b, groupSumsA);
  }

private:
  static constexpr int64_t kChunkBytes = 64, kMaxRows = 4;

  ImplicitLocOpBuilder &b;
  const GroupedCore &core;
  const GroupEpilogue &epilogue;
  Value source;
  bool parallel;
  DotKind kind;
  VectorType bytes, acc;
  int64_t groupSize, chunkK, slots;
  // A [M, K]; with int4 weights aPerm [M, K]: each chunk of 128 bytes of A
  // as its even bytes, then its odd ones; where the operands are offset
  // from the values or with weight zero points, A's sums per group [M,
  // G].
  Value a, aPerm, groupSumsA, rows, groups, chunks;
  std::optional<GroupEpilogueLanes> epilogueLanes;
  std::optional<RowPrefetcher> prefetcher;

  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, v); }

  Value splat(VectorType type, int64_t value) {
    return arith::ConstantOp::create(
        b, DenseElementsAttr::get(
               type, b.getIntegerAttr(type.getElementType(), value)));
  }

  /// The offset of the vpdpbusd operands from the core's weights, which
  /// A's group sums times it corrects (vpdpbusd multiplies u8 by s8):
  /// signed int4 weights are used as w + 8; 8-bit ones of A's signedness
  /// with their top bit flipped, s8 as w + 128 (u8), u8 as w - 128 (s8).
  int64_t offset() const {
    if (core.nibbleBytes)
      return core.rhsSigned ? 8 : 0;
    if (core.lhsSigned != core.rhsSigned)
      return 0;
    return core.rhsSigned ? 128 : -128;
  }

  /// aPerm, and groupSumsA where needed.
  void prepareA(Value k) {
    if (core.nibbleBytes)
      permuteA(k);
    if (!offset() && !core.rhsZp)
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

  /// aPerm: each chunk of 128 bytes of A as its even bytes, then its odd
  /// ones, the order of the low and high nibbles of 64 bytes of P.
  void permuteA(Value k) {
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
  }

  /// The group sums of the rows `rowIdx` and columns col .. col + 16, one
  /// group after the other, each given to finishGroup().
  void columnBlock(ArrayRef<Value> rowIdx, Value col) {
    if (slots > 1 || groupSize == chunkK) {
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
    int64_t perGroup = groupSize / chunkK;
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
    bool nibbles = core.nibbleBytes;
    // A's bytes of the chunk: with int4 weights, aPerm's evens then odds.
    SmallVector<Value> evens, odds;
    Value kFirst = arith::MulIOp::create(b, chunk, idx(chunkK));
    Value kSecond = arith::AddIOp::create(b, kFirst, idx(kChunkBytes));
    for (Value row : rowIdx) {
      evens.push_back(vector::LoadOp::create(b, bytes, nibbles ? aPerm : a,
                                             ValueRange{row, kFirst}));
      if (nibbles)
        odds.push_back(
            vector::LoadOp::create(b, bytes, aPerm, ValueRange{row, kSecond}));
    }
    // The operands' offsets: signed nibbles xor 8; 8-bit weights xor 128.
    Value flip;
    if (offset())
      flip = splat(bytes, nibbles ? 0x88 : 0x80);
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
          vector::LoadOp::create(b, bytes, source, ValueRange{row, byteCol});
      if (flip)
        v = arith::XOrIOp::create(b, v, flip);
      Value low = v, high;
      if (nibbles) {
        low = arith::AndIOp::create(b, v, lowBits);
        Value shifted = vector::BitCastOp::create(
            b, bytes,
            arith::ShRUIOp::create(b, vector::BitCastOp::create(b, words, v),
                                   four));
        high = arith::AndIOp::create(b, shifted, lowBits);
      }
      Labeled column;
      for (int64_t l = 0; l < 16; ++l)
        column.labels.push_back(j * slots + l / lanesPerSlot);
      for (auto [r, stack] : llvm::enumerate(pending)) {
        // vpdpbusd: u8 x s8; signed activations with the weights as u8,
        // unsigned ones with them as s8.
        auto product = [&](Value sum, Value w, Value x) {
          return core.lhsSigned ? dot(b, kind, sum, w, x)
                                : dot(b, kind, sum, x, w);
        };
        Labeled next = column;
        next.v = product(splat(acc, 0), low, evens[r]);
        if (nibbles)
          next.v = product(next.v, high, odds[r]);
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

  /// The weight zero points of group g, columns col .. col + 16, widened as
  /// the core's body does.
  Value weightZeroPoints(Value g, Value col) {
    if (core.nibbleBytes)
      return int4WeightZeroPoints(b, core, g, col);
    Value zb = vector::LoadOp::create(b, VectorType::get({16}, b.getI8Type()),
                                      core.rhsZp, ValueRange{g, col});
    return core.rhsZpSigned ? Value(arith::ExtSIOp::create(b, acc, zb))
                            : Value(arith::ExtUIOp::create(b, acc, zb));
  }

  /// The epilogue on the group sums of row `row`, group g, columns col ..
  /// col + 16: sum a (w - zb) = sum a v - (offset() + zb) sum a, with v
  /// the operand.
  void finishGroup(Value row, Value g, Value col, Value sum) {
    if (groupSumsA) {
      Value sumA = vector::BroadcastOp::create(
          b, acc, memref::LoadOp::create(b, groupSumsA, ValueRange{row, g}));
      Value offset = splat(acc, this->offset());
      if (core.rhsZp)
        offset = arith::AddIOp::create(b, offset, weightZeroPoints(g, col));
      sum =
          arith::SubIOp::create(b, sum, arith::MulIOp::create(b, offset, sumA));
    }
    epilogueLanes->apply(row, g, col, sum);
  }
};

} // namespace

bool mlir::quanta::matmul_kernels::lowerTransposedGroupCore(
    Operation *op, const GroupedCore &core, const GroupEpilogue &epilogue,
    ArrayRef<Operation *> fills, bool parallel, bool fewRows) {
  // Zero points of int4 weights: packed, with column pairs.
  bool pairs = cast<MemRefType>(core.b.getType()).getRank() == 4;
  if (core.lhsZp || (core.rhsZp && core.nibbleBytes && !pairs) ||
      (!core.nibbleBytes && core.weightBits != 8) ||
      !TransposedGroupBuilder::takesGroupSize(
          core, cast<MemRefType>(core.a.getType()).getDimSize(2)))
    return false;
  std::optional<TransposedWeights> chain = matchTransposedWeights(
      core.b, cast<MemRefType>(core.b.getType()).getRank() == 4, op,
      epilogue.op);
  if (!chain || chain->packed != core.nibbleBytes)
    return false;
  SmallVector<Operation *> replaced(fills);
  replaced.push_back(op);
  replaced.push_back(epilogue.op);
  ImplicitLocOpBuilder b(epilogue.op->getLoc(), epilogue.op);
  TransposedGroupBuilder kernel(b, core, epilogue, chain->source, parallel);
  Value fits = kernel.fits();
  if (fewRows)
    fits = arith::AndIOp::create(
        b, fits,
        arith::CmpIOp::create(
            b, arith::CmpIPredicate::ult, memref::DimOp::create(b, core.a, 0),
            arith::ConstantIndexOp::create(b, kAMXGroupMinRows)));
  auto ifOp = scf::IfOp::create(b, fits, /*withElseRegion=*/true);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    kernel.build();
    // Otherwise B (unpacked and) transposed, and the loops.
    b.setInsertionPointToStart(ifOp.elseBlock());
    IRMapping mapping;
    chain->build.clone(b, mapping);
    for (Operation *original : replaced)
      b.clone(*original, mapping);
    chain->build.deallocClones(b, mapping);
  }
  for (Operation *original : replaced)
    original->erase();
  chain->build.erase();
  return true;
}
