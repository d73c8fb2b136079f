//===- LowerMatmulKernels.cpp - int8 and bf16 matmul microkernels ---------===//
//
// This file rewrites the u8 x s8 -> i32 matmul cores that
// --convert-quanta-to-linalg marks, and bf16 x bf16 -> f32 linalg.matmul ops,
// into register-blocked dot-product microkernels (AVX-512 VNNI vpdpbusd,
// AVX512-BF16 vdpbf16ps, AArch64 NEON usdot): B is packed into panels of one
// vector's lanes of columns (16 on AVX-512, 4 on NEON) x 4 (int8) or 2 (bf16)
// rows, the operand layout of the instruction, and each 6-row x 4-panel block
// of C lives in 24 vector accumulators while K is traversed four bytes at a
// time.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Markers.h"
#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/SymbolTable.h"

#include <array>
#include <cstring>

namespace mlir::quanta {
#define GEN_PASS_DEF_LOWERMATMULKERNELS
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

namespace {

// Panels per parallel iteration of the few-rows path.
constexpr int64_t kStreamPanels = 16;

/// A dot-product instruction: each of the `lanes` 32-bit lanes of the
/// accumulator adds the products of `perLane` consecutive elements along K.
/// The operands are `element` in memory and `operand` in the instruction
/// (i8 widened to i16: A zero-extended, B sign-extended).
struct DotKind {
  Type element, operand, accumulator;
  int64_t perLane, lanes;
  StringRef intrinsic;
  // The intrinsic returns the dot products without adding the accumulator.
  bool separateAdd = false;
  // Register block: rows of C x panels (vector registers permitting).
  int64_t rowBlock = 6, colBlocks = 4;
};

DotKind getVNNIKind(MLIRContext *ctx) {
  Type i8 = IntegerType::get(ctx, 8);
  return {i8, i8, IntegerType::get(ctx, 32),
          4,  16, "llvm.x86.avx512.vpdpbusd.512"};
}

DotKind getBF16Kind(MLIRContext *ctx) {
  Type bf16 = BFloat16Type::get(ctx);
  return {bf16, bf16, Float32Type::get(ctx),
          2,    16,   "llvm.x86.avx512bf16.dpbf16ps.512"};
}

/// AArch64 NEON `usdot` (FEAT_I8MM): u8 x s8 like vpdpbusd, on 128 bits.
DotKind getNEONI8MMKind(MLIRContext *ctx) {
  Type i8 = IntegerType::get(ctx, 8);
  return {i8, i8, IntegerType::get(ctx, 32),
          4,  4,  "llvm.aarch64.neon.usdot.v4i32.v16i8"};
}

/// AVX2 `vpmaddwd` on operands widened to i16 (exact: `vpmaddubsw` would
/// saturate pairs of u8 x s8 products to i16); 16 ymm registers hold a 4 x 2
/// block.
DotKind getAVX2Kind(MLIRContext *ctx) {
  return {IntegerType::get(ctx, 8),
          IntegerType::get(ctx, 16),
          IntegerType::get(ctx, 32),
          2,
          8,
          "llvm.x86.avx2.pmadd.wd",
          /*separateAdd=*/true,
          /*rowBlock=*/4,
          /*colBlocks=*/2};
}

/// `for (i = lb; i < ub; i += step) body(i)`, built at `b`'s insertion point.
void forLoop(ImplicitLocOpBuilder &b, Value lb, Value ub, int64_t step,
             function_ref<void(Value)> body) {
  auto loop =
      scf::ForOp::create(b, lb, ub, arith::ConstantIndexOp::create(b, step));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  body(loop.getInductionVar());
}

/// forLoop, as an scf.parallel loop when `parallel`: a loop over blocks of
/// columns whose iterations write disjoint columns.
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

/// `sum` + the perLane-element dot products of `lhs` and `rhs` in each lane
/// (vpdpbusd: u8 lhs, s8 rhs).
Value dot(ImplicitLocOpBuilder &lb, const DotKind &kind, Value sum, Value lhs,
          Value rhs) {
  Type acc = sum.getType();
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

/// Whether `v` is the integer constant `value`.
bool isConstant(Value v, int64_t value) {
  std::optional<int64_t> constant = getConstantIntValue(v);
  return constant && *constant == value;
}

bool onlyHarmlessOpsBetween(Operation *first, linalg::GenericOp second);
bool isElementwiseEpilogue(linalg::GenericOp op);
Value loadLanes(ImplicitLocOpBuilder &b, Value v, AffineMap map,
                VectorType type, unsigned vectorDim,
                function_ref<Value(unsigned)> at);
Value cloneBodyOnVectors(ImplicitLocOpBuilder &b, linalg::GenericOp op,
                         ArrayRef<Value> args);

/// The op that turns a matmul core's C[M', N] into the result, when the
/// kernel can compute it block by block of C: an element-wise linalg.generic
/// on loops (m, n), both parallel, writing out[m, n] (m < M <= M') after the
/// core (see onlyHarmlessOpsBetween), whose reads of C are C[m, n] (C or a
/// view of it at row 0) or C's last row at n (a 1-D view; the u8 x s8
/// core's column sums). Register blocks of C are then computed bottom-up in
/// each block of columns, so that the last row is done first.
struct RowEpilogue {
  linalg::GenericOp op;
  // The operands that read C[m, n].
  SmallVector<unsigned> products;
};

/// Whether `v` is C or a unit-stride view of it at (0, 0), or (with
/// `lastRow`) a 1-D view of C's last row from column 0.
bool isViewOfC(Value v, Value c, bool lastRow) {
  if (v == c)
    return !lastRow;
  auto view = v.getDefiningOp<memref::SubViewOp>();
  if (!view || view.getSource() != c ||
      !llvm::all_of(view.getStaticStrides(),
                    [](int64_t s) { return s == 1; }) ||
      view.getStaticOffsets().back() != 0)
    return false;
  OpFoldResult row = view.getMixedOffsets().front();
  if (!lastRow)
    return view.getType().getRank() == 2 && isConstantIntValue(row, 0);
  if (view.getType().getRank() != 1)
    return false;
  // row = rows(C) - 1, statically or as C's allocation size row + 1.
  auto type = cast<MemRefType>(c.getType());
  if (!type.isDynamicDim(0))
    return isConstantIntValue(row, type.getDimSize(0) - 1);
  auto alloc = c.getDefiningOp<memref::AllocOp>();
  auto size =
      alloc ? alloc.getDynamicSizes().front().getDefiningOp<arith::AddIOp>()
            : arith::AddIOp();
  return size && isa<Value>(row) &&
         ((size.getLhs() == cast<Value>(row) && isConstant(size.getRhs(), 1)) ||
          (size.getRhs() == cast<Value>(row) && isConstant(size.getLhs(), 1)));
}

std::optional<RowEpilogue> matchRowEpilogue(Operation *core, Value c) {
  linalg::GenericOp consumer;
  auto setConsumer = [&](Operation *user) {
    auto generic = dyn_cast<linalg::GenericOp>(user);
    if (!generic || (consumer && consumer != generic))
      return false;
    consumer = generic;
    return true;
  };
  for (Operation *user : c.getUsers()) {
    if (user == core || isa<linalg::FillOp, memref::DeallocOp>(user))
      continue;
    if (auto view = dyn_cast<memref::SubViewOp>(user)) {
      for (Operation *viewUser : view->getUsers())
        if (!setConsumer(viewUser))
          return std::nullopt;
      continue;
    }
    if (!setConsumer(user))
      return std::nullopt;
  }
  if (!consumer || consumer.getNumLoops() != 2 ||
      consumer.getNumParallelLoops() != 2 || !isElementwiseEpilogue(consumer) ||
      !onlyHarmlessOpsBetween(core, consumer))
    return std::nullopt;
  MLIRContext *ctx = core->getContext();
  AffineExpr m = getAffineDimExpr(0, ctx), n = getAffineDimExpr(1, ctx);
  RowEpilogue epilogue{consumer, {}};
  for (OpOperand *input : consumer.getDpsInputOperands()) {
    Value v = input->get();
    AffineMap map = consumer.getMatchingIndexingMap(input);
    bool isC = isViewOfC(v, c, /*lastRow=*/false),
         isLastRow = isViewOfC(v, c, /*lastRow=*/true);
    if ((isC && map != AffineMap::get(2, 0, {m, n}, ctx)) ||
        (isLastRow && map != AffineMap::get(2, 0, {n}, ctx)))
      return std::nullopt;
    if (!isC && !isLastRow &&
        (llvm::is_contained(v.getUsers(), core) || v == c))
      return std::nullopt;
    if (isC)
      epilogue.products.push_back(input->getOperandNumber());
  }
  OpOperand *out = consumer.getDpsInitOperand(0);
  if (consumer.getMatchingIndexingMap(out) != AffineMap::get(2, 0, {m, n}, ctx))
    return std::nullopt;
  // Vector loads and stores need unit inner strides.
  for (Value v : consumer->getOperands()) {
    auto type = cast<MemRefType>(v.getType());
    if (type.getRank() && !type.isLastDimUnitStride())
      return std::nullopt;
  }
  return epilogue;
}

/// Four 64-byte rows paired up by halves: [h][p] holds bytes [32h, 32h +
/// 32) of rows 2p and 2p + 1, the two operands from which one byte shuffle
/// gathers the four rows' bytes of any position in [32h, 32h + 32).
using HalfRowPairs = std::array<std::array<Value, 2>, 2>;
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

/// Emits the kernel for C[M, N] += A[M, K] x B[K, N], with K % perLane == 0
/// and N % lanes == 0. With `parallel`, the loops over column blocks are
/// scf.parallel loops, whose iterations pack their own panels of B and
/// write disjoint columns of C.
class KernelBuilder {
public:
  /// `prepacked`: B already in the packed layout (see allocatePacked()), or
  /// null.
  /// `zeroFill`: the op that fills C with zeros before the matmul, which
  /// the caller removes (the register blocks then start from zero and write
  /// all of C; the few-rows path, which accumulates into C, fills it), or
  /// null.
  /// With `epilogue` (16 lanes), the kernel also computes that op's result
  /// (see RowEpilogue).
  KernelBuilder(ImplicitLocOpBuilder &b, const DotKind &kind, Value a,
                Value bMat, Value c, bool parallel, Value prepacked,
                Operation *zeroFill, std::optional<RowEpilogue> epilogue)
      : b(b), kind(kind), lanes(kind.lanes), parallel(parallel), a(a),
        bMat(bMat), c(c), packed(prepacked), zeroFill(zeroFill),
        epilogue(epilogue) {
    i32 = b.getI32Type();
    acc = VectorType::get({lanes}, kind.accumulator);
    bytes = VectorType::get({kind.perLane * lanes}, kind.operand);
  }

  void build() {
    Value m = memref::DimOp::create(b, a, 0);
    Value k = memref::DimOp::create(b, a, 1);
    Value n = memref::DimOp::create(b, bMat, 1);
    k4 = arith::DivUIOp::create(b, k, idx(kind.perLane));
    Value panels = arith::DivUIOp::create(b, n, idx(lanes));
    if (epilogue)
      outRows = memref::DimOp::create(b, epilogue->op.getDpsInits()[0], 0);
    if (packed)
      return blocks(m, panels);
    // Few rows (GEMV): B is read once, so interleave it in registers as it
    // streams in; more rows: pack it once and reuse the panels.
    Value fewRows =
        arith::CmpIOp::create(b, arith::CmpIPredicate::ult, m, idx(8));
    auto ifOp = scf::IfOp::create(b, fewRows, /*withElseRegion=*/true);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    if (zeroFill)
      b.clone(*zeroFill);
    streamRows(m, panels);
    if (epilogue)
      forLoop(b, idx(0), outRows, 1, [&](Value row) {
        forLoop(b, idx(0), n, lanes,
                [&](Value col) { applyEpilogue(row, col); });
      });
    b.setInsertionPointToStart(ifOp.elseBlock());
    allocatePacked(panels);
    blocks(m, panels);
    memref::DeallocOp::create(b, packed);
  }

private:
  ImplicitLocOpBuilder &b;
  const DotKind &kind;
  // Columns per panel: the accumulator's lanes.
  int64_t lanes;
  bool parallel;
  // k4: the number of K steps of perLane elements.
  Value a, bMat, c, k4, packed;
  Operation *zeroFill;
  std::optional<RowEpilogue> epilogue;
  // Whether the blocks of columns pack their panels of B (not prepacked).
  bool packAtRunTime = false;
  // The epilogue's rows.
  Value outRows;
  Type i32;
  VectorType acc, bytes;

  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, v); }

  /// Few rows: B streams through once, row-major (sequential memory access):
  /// each perLane x lanes slice is interleaved in registers and multiplied
  /// into every row of C, which stays in the L1 cache.
  void streamRows(Value m, Value panels) {
    // Streams all rows of B through panels [first, last), colBlocks panels
    // at a time where they fit, and two K steps per visit of a group of
    // panels where K permits (C is loaded and stored once for both).
    Value lastRow =
        arith::SubIOp::create(b, memref::DimOp::create(b, bMat, 0), idx(1));
    int64_t rowBytes = cast<MemRefType>(bMat.getType()).getDimSize(1);
    if (!ShapedType::isDynamic(rowBytes))
      rowBytes *= kind.element.getIntOrFloatBitWidth() / 8;
    // Rows of B are prefetched into L2 about 128 KiB ahead: the hardware
    // prefetcher alone leaves the loads waiting on DRAM.
    int64_t prefetchRows = ShapedType::isDynamic(rowBytes)
                               ? 32
                               : std::max<int64_t>(1, (128 << 10) / rowBytes);
    auto visit = [&](Value firstStep, int64_t steps, Value first, Value last) {
      SmallVector<Value> ks;
      for (int64_t i = 0; i < steps; ++i) {
        Value step = arith::AddIOp::create(b, firstStep, idx(i));
        ks.push_back(arith::MulIOp::create(b, step, idx(kind.perLane)));
      }
      auto group = [&](Value panel, int64_t count) {
        Value col = arith::MulIOp::create(b, panel, idx(lanes));
        SmallVector<SmallVector<Value>> slices;
        for (Value k : ks) {
          for (int64_t t = 0; t < kind.perLane; ++t) {
            Value row = arith::AddIOp::create(b, k, idx(t + prefetchRows));
            row = arith::MinUIOp::create(b, row, lastRow);
            memref::PrefetchOp::create(b, bMat, ValueRange{row, col},
                                       /*isWrite=*/false, /*localityHint=*/2,
                                       /*isDataCache=*/true);
          }
          slices.push_back(interleavePanels(b, b.getLoc(), k, col, count));
        }
        forLoop(b, idx(0), m, 1, [&](Value row) {
          SmallVector<Value> broadcasts;
          for (Value k : ks)
            broadcasts.push_back(broadcastA(b, row, k));
          for (int64_t p = 0; p < count; ++p) {
            Value at = arith::AddIOp::create(b, col, idx(p * lanes));
            Value sum = vector::LoadOp::create(b, acc, c, ValueRange{row, at});
            for (int64_t i = 0; i < steps; ++i)
              sum = dot(b, kind, sum, broadcasts[i], slices[i][p]);
            vector::StoreOp::create(b, sum, c, ValueRange{row, at});
          }
        });
      };
      Value span = arith::SubIOp::create(b, last, first);
      Value blocks = arith::DivUIOp::create(b, span, idx(kind.colBlocks));
      Value blocked = arith::MulIOp::create(b, blocks, idx(kind.colBlocks));
      Value groups = arith::AddIOp::create(b, first, blocked);
      forLoop(b, first, groups, kind.colBlocks,
              [&](Value panel) { group(panel, kind.colBlocks); });
      forLoop(b, groups, last, 1, [&](Value panel) { group(panel, 1); });
    };
    auto stream = [&](Value first, Value last) {
      Value pairs = arith::DivUIOp::create(b, k4, idx(2));
      Value paired = arith::MulIOp::create(b, pairs, idx(2));
      forLoop(b, idx(0), paired, 2,
              [&](Value kk) { visit(kk, 2, first, last); });
      forLoop(b, paired, k4, 1, [&](Value kk) { visit(kk, 1, first, last); });
    };
    if (!parallel)
      return stream(idx(0), panels);
    // Parallel: each iteration streams B through its own kStreamPanels
    // panels.
    columnLoop(b, parallel, idx(0), panels, kStreamPanels, [&](Value first) {
      stream(first, arith::MinUIOp::create(
                        b, arith::AddIOp::create(b, first, idx(kStreamPanels)),
                        panels));
    });
  }

  /// The four bytes A[row, k..k+perLane-1] broadcast to every lane.
  Value broadcastA(ImplicitLocOpBuilder &lb, Value row, Value k) {
    Value quad = vector::LoadOp::create(
        lb, VectorType::get({kind.perLane}, kind.element), a,
        ValueRange{row, k});
    if (kind.operand != kind.element)
      quad = arith::ExtUIOp::create(
          lb, VectorType::get({kind.perLane}, kind.operand), quad);
    Value word = vector::ExtractOp::create(
        lb, vector::BitCastOp::create(lb, VectorType::get({1}, i32), quad), 0);
    return vector::BitCastOp::create(
        lb, bytes,
        vector::BroadcastOp::create(lb, VectorType::get({lanes}, i32), word));
  }

  /// All register blocks of C (rowBlock x colBlocks panels) where they fit,
  /// then leftover rows and panels.
  void blocks(Value m, Value panels) {
    Value fullRows = arith::MulIOp::create(
        b, arith::DivUIOp::create(b, m, idx(kind.rowBlock)),
        idx(kind.rowBlock));
    Value fullPanels = arith::MulIOp::create(
        b, arith::DivUIOp::create(b, panels, idx(kind.colBlocks)),
        idx(kind.colBlocks));
    Value leftover = arith::SubIOp::create(b, m, fullRows);
    SmallVector<int64_t> leftoverCases =
        llvm::to_vector(llvm::seq<int64_t>(1, kind.rowBlock));
    auto rowsLoop = [&](Value panel, int64_t cols) {
      if (packAtRunTime) {
        Value end = arith::AddIOp::create(b, panel, idx(cols));
        forLoop(b, panel, end, 1, [&](Value p) { pack(p); });
      }
      auto fullBlocks = [&] {
        forLoop(b, idx(0), fullRows, kind.rowBlock, [&](Value i) {
          // Bottom-up with an epilogue (see RowEpilogue).
          Value row = i;
          if (epilogue) {
            Value end = arith::SubIOp::create(b, fullRows, i);
            row = arith::SubIOp::create(b, end, idx(kind.rowBlock));
          }
          tile(row, panel, kind.rowBlock, cols);
        });
      };
      if (!epilogue)
        fullBlocks();
      // The leftover rows as one block, so that B is read once more at most
      // (once in all for fewer rows than a block: the GEMV case).
      auto cases = scf::IndexSwitchOp::create(
          b, TypeRange{}, leftover, leftoverCases, leftoverCases.size());
      {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(&cases.getDefaultRegion().emplaceBlock());
        scf::YieldOp::create(b);
        for (auto [region, rows] :
             llvm::zip(cases.getCaseRegions(), leftoverCases)) {
          b.setInsertionPointToStart(&region.emplaceBlock());
          tile(fullRows, panel, rows, cols);
          scf::YieldOp::create(b);
        }
      }
      if (epilogue)
        fullBlocks();
    };
    columnLoop(b, parallel, idx(0), fullPanels, kind.colBlocks,
               [&](Value panel) { rowsLoop(panel, kind.colBlocks); });
    forLoop(b, fullPanels, panels, 1, [&](Value panel) { rowsLoop(panel, 1); });
  }

  /// The vectors the instruction multiplies for `count` consecutive panels
  /// of `lanes` columns from `col` and perLane rows from `row`: B[row + t,
  /// col + j] at element perLane * j + t of its panel, interleaved with
  /// shuffles from one load of count x lanes elements per row of B (each
  /// row's cache lines are used at once: rows 4 KiB apart share L1 sets).
  SmallVector<Value> interleavePanels(OpBuilder &ob, Location loc, Value row,
                                      Value col, int64_t count) {
    ImplicitLocOpBuilder lb(loc, ob);
    int64_t width = count * lanes;
    SmallVector<Value> rows;
    for (int64_t t = 0; t < kind.perLane; ++t) {
      Value slice = vector::LoadOp::create(
          lb, VectorType::get({width}, kind.element), bMat,
          ValueRange{arith::AddIOp::create(
                         lb, row, arith::ConstantIndexOp::create(lb, t)),
                     col});
      if (kind.operand != kind.element)
        slice = arith::ExtSIOp::create(
            lb, VectorType::get({width}, kind.operand), slice);
      rows.push_back(slice);
    }
    SmallVector<Value> panels;
    if (kind.perLane == 4 && width == 64 && kind.operand == kind.element &&
        kind.element.getIntOrFloatBitWidth() == 8) {
      // 64 bytes per row (4 panels of 16): one byte shuffle per panel from
      // two vectors of half rows (rows 2h and 2h + 1, bytes [32i, 32i +
      // 32) for i = 0, 1): 8 shuffles instead of 12.
      HalfRowPairs halves = pairHalfRows(lb, rows);
      for (int64_t p = 0; p < count; ++p) {
        // Byte t of lane j: row t, byte 16p + j.
        SmallVector<int64_t> mask;
        for (int64_t j = 0; j < 16; ++j)
          for (int64_t t = 0; t < 4; ++t)
            mask.push_back(64 * (t / 2) + 32 * (t % 2) + 16 * (p % 2) + j);
        panels.push_back(vector::ShuffleOp::create(lb, halves[p / 2][0],
                                                   halves[p / 2][1], mask));
      }
      return panels;
    }
    for (int64_t p = 0; p < count; ++p) {
      SmallVector<int64_t> pairs, quads;
      for (int64_t j = p * lanes; j < (p + 1) * lanes; ++j)
        pairs.append({j, width + j});
      Value low = vector::ShuffleOp::create(lb, rows[0], rows[1], pairs);
      if (kind.perLane == 2) {
        panels.push_back(low);
        continue;
      }
      for (int64_t j = 0; j < lanes; ++j)
        quads.append(
            {2 * j, 2 * j + 1, 2 * lanes + 2 * j, 2 * lanes + 2 * j + 1});
      Value high = vector::ShuffleOp::create(lb, rows[2], rows[3], pairs);
      panels.push_back(vector::ShuffleOp::create(lb, low, high, quads));
    }
    return panels;
  }

  /// Where K-step `kk` of `panel` starts in the packed B (see pack()).
  Value panelOffset(OpBuilder &ob, Location loc, Value panel, Value kk) {
    Value panelStart = arith::MulIOp::create(ob, loc, panel, k4);
    Value step = arith::AddIOp::create(ob, loc, panelStart, kk);
    Value size = arith::ConstantIndexOp::create(ob, loc, kind.perLane * lanes);
    return arith::MulIOp::create(ob, loc, step, size);
  }

  /// The buffer of B packed, packed[((panel * K4 + k4) * L + j) * P + t] =
  /// B[P * k4 + t, L * panel + j] (P = perLane, L = lanes): the vector the
  /// instruction multiplies for L columns and P rows. Each block of columns
  /// packs its own panels before its register blocks use them (in the same
  /// parallel iteration, while they are in its caches).
  void allocatePacked(Value panels) {
    Value steps = arith::MulIOp::create(b, panels, k4);
    Value size = arith::MulIOp::create(b, steps, idx(kind.perLane * lanes));
    packed = memref::AllocOp::create(
        b, MemRefType::get({ShapedType::kDynamic}, kind.operand),
        ValueRange{size}, b.getI64IntegerAttr(64));
    packAtRunTime = true;
  }

  /// Packs panel `panel` of B (see allocatePacked()).
  void pack(Value panel) {
    forLoop(b, idx(0), k4, 1, [&](Value kk) {
      Value base = panelOffset(b, b.getLoc(), panel, kk);
      Value row = arith::MulIOp::create(b, kk, idx(kind.perLane));
      Value col = arith::MulIOp::create(b, panel, idx(lanes));
      vector::StoreOp::create(
          b, interleavePanels(b, b.getLoc(), row, col, 1).front(), packed,
          ValueRange{base});
    });
  }

  /// One register block of `rows` x (`cols` x lanes) at (row, lanes *
  /// panel).
  void tile(Value row, Value panel, int64_t rows, int64_t cols) {
    SmallVector<Value> rowIdx, colIdx, panelIdx;
    for (int64_t r = 0; r < rows; ++r)
      rowIdx.push_back(arith::AddIOp::create(b, row, idx(r)));
    for (int64_t j = 0; j < cols; ++j) {
      panelIdx.push_back(arith::AddIOp::create(b, panel, idx(j)));
      colIdx.push_back(arith::MulIOp::create(b, panelIdx.back(), idx(lanes)));
    }
    SmallVector<Value> init;
    Value zero;
    if (zeroFill)
      zero = arith::ConstantOp::create(b, b.getZeroAttr(acc));
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t j = 0; j < cols; ++j)
        init.push_back(zeroFill
                           ? zero
                           : vector::LoadOp::create(
                                 b, acc, c, ValueRange{rowIdx[r], colIdx[j]})
                                 .getResult());
    auto loop = scf::ForOp::create(
        b, idx(0), k4, idx(1), init,
        [&](OpBuilder &nb, Location loc, Value kk, ValueRange accs) {
          ImplicitLocOpBuilder lb(loc, nb);
          Value k = arith::MulIOp::create(
              lb, kk, arith::ConstantIndexOp::create(lb, kind.perLane));
          SmallVector<Value> panelsAtK;
          for (int64_t j = 0; j < cols; ++j) {
            Value offset = panelOffset(lb, loc, panelIdx[j], kk);
            panelsAtK.push_back(
                vector::LoadOp::create(lb, bytes, packed, ValueRange{offset}));
          }
          SmallVector<Value> next;
          for (int64_t r = 0; r < rows; ++r) {
            Value broadcast = broadcastA(lb, rowIdx[r], k);
            for (int64_t j = 0; j < cols; ++j)
              next.push_back(
                  dot(lb, kind, accs[r * cols + j], broadcast, panelsAtK[j]));
          }
          scf::YieldOp::create(lb, next);
        });
    auto store = [&](int64_t r) {
      for (int64_t j = 0; j < cols; ++j)
        vector::StoreOp::create(b, loop.getResult(r * cols + j), c,
                                ValueRange{rowIdx[r], colIdx[j]});
    };
    if (!epilogue) {
      for (int64_t r = 0; r < rows; ++r)
        store(r);
      return;
    }
    // C's rows past the result's (column sums) are stored first, as the
    // result's rows of this block may read them; the result's rows are the
    // epilogue on the accumulators (C's rows are not read again).
    SmallVector<Value> inside;
    for (int64_t r = 0; r < rows; ++r) {
      inside.push_back(arith::CmpIOp::create(b, arith::CmpIPredicate::ult,
                                             rowIdx[r], outRows));
      auto ifOp = scf::IfOp::create(b, inside.back(), /*withElseRegion=*/true);
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(ifOp.elseBlock());
      store(r);
    }
    for (int64_t r = 0; r < rows; ++r) {
      auto ifOp = scf::IfOp::create(b, inside[r]);
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(ifOp.thenBlock());
      for (int64_t j = 0; j < cols; ++j)
        applyEpilogue(rowIdx[r], colIdx[j], loop.getResult(r * cols + j));
    }
  }

  /// The epilogue's result at (row, col .. col + 15), from C's values
  /// there (`products`, or stored in C: see RowEpilogue for why they are
  /// final).
  void applyEpilogue(Value row, Value col, Value products = {}) {
    linalg::GenericOp op = epilogue->op;
    auto at = [&](unsigned dim) { return dim == 0 ? row : col; };
    SmallVector<Value> args;
    for (OpOperand &operand : op->getOpOperands()) {
      if (products &&
          llvm::is_contained(epilogue->products, operand.getOperandNumber())) {
        args.push_back(products);
        continue;
      }
      auto type =
          VectorType::get({16}, getElementTypeOrSelf(operand.get().getType()));
      args.push_back(loadLanes(
          b, operand.get(), op.getMatchingIndexingMap(&operand), type, 1, at));
    }
    Value result = cloneBodyOnVectors(b, op, args);
    vector::StoreOp::create(b, result, op.getDpsInits()[0],
                            ValueRange{row, col});
  }
};

//===----------------------------------------------------------------------===//
// Packed int4 weights
//===----------------------------------------------------------------------===//

/// A K-blocked integer matmul core with int4 weights read packed from bytes,
/// as `--convert-quanta-to-linalg` and the fusion of an int4 argument's
/// unpacking (PrepareEntryPoints) leave it, on loops (m, g, kk, j, h):
///
///   C[m, g, j, h] += ext(A[m, g, kk]) * ext(trunci(B[g, kk, j] >> 4h & 15))
///
/// where B's byte j holds columns n = 2j (low nibble) and 2j + 1, and each
/// ext is signed or unsigned.
struct PackedInt4Core {
  Value a, b, c;
  bool lhsSigned = false, rhsSigned = false;
};

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
  if (!trunc || !trunc.getType().isInteger(4))
    return false;
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
  Value in = trunc.getIn();
  return isShifted(in) ||
         matchCommutative<arith::AndIOp>(in, [&](Value x, Value mask) {
           return isShifted(x) && isConstant(mask, 15);
         });
}

/// The core of `op` if it is a PackedInt4Core on buffers with identity
/// layouts.
std::optional<PackedInt4Core> matchPackedInt4Core(linalg::GenericOp op) {
  MLIRContext *ctx = op.getContext();
  if (!op.hasPureBufferSemantics() || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1 || op.getNumLoops() != 5)
    return std::nullopt;
  using utils::IteratorType;
  if (op.getIteratorTypesArray() !=
      SmallVector<IteratorType>{IteratorType::parallel, IteratorType::parallel,
                                IteratorType::reduction, IteratorType::parallel,
                                IteratorType::parallel})
    return std::nullopt;
  AffineExpr d[5];
  bindDimsList(ctx, MutableArrayRef<AffineExpr>(d));
  if (op.getIndexingMapsArray() !=
      SmallVector<AffineMap>{
          AffineMap::get(5, 0, {d[0], d[1], d[2]}, ctx),
          AffineMap::get(5, 0, {d[1], d[2], d[3]}, ctx),
          AffineMap::get(5, 0, {d[0], d[1], d[3], d[4]}, ctx)})
    return std::nullopt;
  PackedInt4Core core{op.getDpsInputs()[0], op.getDpsInputs()[1],
                      op.getDpsInits()[0]};
  auto is = [](Value v, unsigned width) {
    auto type = cast<MemRefType>(v.getType());
    return type.getLayout().isIdentity() &&
           type.getElementType().isInteger(width);
  };
  if (!is(core.a, 8) || !is(core.b, 8) || !is(core.c, 32) ||
      cast<MemRefType>(core.c.getType()).getDimSize(3) != 2)
    return std::nullopt;
  Block &body = op.getRegion().front();
  Value a = body.getArgument(0), byte = body.getArgument(1),
        out = body.getArgument(2);
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  bool matched = matchCommutative<arith::AddIOp>(
      yield.getValues()[0], [&](Value acc, Value product) {
        return acc == out &&
               matchCommutative<arith::MulIOp>(product, [&](Value x, Value w) {
                 return matchExt(
                            x, [&](Value v) { return v == a; },
                            core.lhsSigned) &&
                        matchExt(
                            w, [&](Value v) { return matchNibble(v, byte, 4); },
                            core.rhsSigned);
               });
      });
  if (!matched)
    return std::nullopt;
  return core;
}

//===----------------------------------------------------------------------===//
// Epilogues: element-wise ops on a core's result, fused into the kernel
//===----------------------------------------------------------------------===//

/// Whether only ops that allocate, view, read sizes, make constants or fill
/// buffers that neither op reads lie between `first` and `second` (in one
/// block, `first` before `second`): the second op may then run where the
/// first one is.
bool onlyHarmlessOpsBetween(Operation *first, linalg::GenericOp second) {
  if (first->getBlock() != second->getBlock() ||
      !first->isBeforeInBlock(second))
    return false;
  auto readByEither = [&](Value v) {
    return llvm::is_contained(first->getOperands(), v) ||
           llvm::is_contained(second.getDpsInputs(), v);
  };
  for (Operation *op = first->getNextNode(); op != second;
       op = op->getNextNode()) {
    if (isa<memref::AllocOp, memref::ExpandShapeOp, memref::CollapseShapeOp,
            memref::SubViewOp, memref::DimOp, arith::ConstantOp>(op))
      continue;
    auto fill = dyn_cast<linalg::FillOp>(op);
    if (!fill || readByEither(fill.getOutputs()[0]))
      return false;
  }
  return true;
}

/// Whether `op` writes one buffer with element-wise scalar ops, reading its
/// inputs through projected permutations in dimension order.
bool isElementwiseEpilogue(linalg::GenericOp op) {
  if (!op.hasPureBufferSemantics() || op.getNumDpsInits() != 1)
    return false;
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

/// Operand `v` of an element-wise op, read for 16 lanes: `at(d)` is the
/// index of loop d (null: loop d is folded into the one before it, as the
/// nibble of packed int4 columns); a vector load when `map` has loop
/// `vectorDim`, else a scalar load broadcast.
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

/// The scalar body of `op` cloned on vectors of 16 lanes, its block
/// arguments replaced by `args` and values from above broadcast: the
/// yielded vector.
Value cloneBodyOnVectors(ImplicitLocOpBuilder &b, linalg::GenericOp op,
                         ArrayRef<Value> args) {
  auto vectorOf = [](Type t) { return VectorType::get({16}, t); };
  Block &body = op.getRegion().front();
  IRMapping mapping;
  mapping.map(body.getArguments(), args);
  for (Operation &scalarOp : body.without_terminator()) {
    for (Value operand : scalarOp.getOperands())
      if (!mapping.contains(operand)) {
        Value wide = vector::BroadcastOp::create(b, vectorOf(operand.getType()),
                                                 operand);
        mapping.map(operand, wide);
      }
    Operation *vectorOp = b.clone(scalarOp, mapping);
    vectorOp->getResult(0).setType(vectorOf(scalarOp.getResult(0).getType()));
  }
  return mapping.lookup(body.getTerminator()->getOperand(0));
}

/// The op that reduces a PackedInt4Core's group sums, when the kernel can
/// compute it group by group as the sums come out: a linalg.generic on
/// loops (m, g, j, h) (g a reduction) that reads C[m, g, j, h] and writes
/// out[m, j, h] with an element-wise body, whose other inputs are indexed
/// by some of m, g and (j, h); placed after the core with nothing in
/// between that could write what either reads.
struct GroupEpilogue {
  linalg::GenericOp op;
  unsigned cInput;
};

std::optional<GroupEpilogue> matchGroupEpilogue(linalg::GenericOp core,
                                                Value c) {
  MLIRContext *ctx = core.getContext();
  linalg::GenericOp consumer;
  for (Operation *user : c.getUsers()) {
    if (user == core || isa<linalg::FillOp, memref::DeallocOp>(user))
      continue;
    auto generic = dyn_cast<linalg::GenericOp>(user);
    if (consumer || !generic || generic->getBlock() != core->getBlock())
      return std::nullopt;
    consumer = generic;
  }
  if (!consumer || consumer.getNumLoops() != 4 ||
      !isElementwiseEpilogue(consumer) ||
      !onlyHarmlessOpsBetween(core, consumer))
    return std::nullopt;
  using utils::IteratorType;
  if (consumer.getIteratorTypesArray() !=
      SmallVector<IteratorType>{IteratorType::parallel, IteratorType::reduction,
                                IteratorType::parallel, IteratorType::parallel})
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
         hasH = llvm::is_contained(results, d[3]);
    if (!type || !type.getLayout().isIdentity() || hasJ != hasH)
      return std::nullopt;
  }
  OpOperand *out = consumer.getDpsInitOperand(0);
  auto outType = cast<MemRefType>(out->get().getType());
  if (!readsC || !outType.getLayout().isIdentity() ||
      consumer.getMatchingIndexingMap(out) !=
          AffineMap::get(4, 0, {d[0], d[2], d[3]}, ctx))
    return std::nullopt;
  return epilogue;
}

/// Bytes of B per row and chunk of the int4 kernel: 128 columns.
constexpr int64_t kInt4ChunkBytes = 64;
/// Chunks per parallel iteration of the int4 kernel.
constexpr int64_t kInt4StreamChunks = 8;

/// A PackedInt4Core for few rows of A on AVX-512 VNNI: B streams through
/// once, row-major, four rows of 64 bytes (128 columns) at a time, and its
/// nibbles go straight from the loaded bytes to the vpdpbusd operands:
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
/// Every row of the sums (one group, all columns) stays in the L1 cache
/// while B streams.
class PackedInt4Builder {
public:
  /// With `epilogue`, the kernel also computes that op's result, one group
  /// at a time, and the group sums live in a [M, N] buffer instead of C.
  PackedInt4Builder(ImplicitLocOpBuilder &b, const PackedInt4Core &core,
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

  /// Requires fewer than 8 rows, a group size that is a multiple of 4 and
  /// 128 | N.
  void build() {
    a = memref::CollapseShapeOp::create(
        b, core.a, ArrayRef<ReassociationIndices>{{0}, {1, 2}});
    bRows = memref::CollapseShapeOp::create(
        b, core.b, ArrayRef<ReassociationIndices>{{0, 1}, {2}});
    c = memref::CollapseShapeOp::create(
        b, core.c, ArrayRef<ReassociationIndices>{{0}, {1}, {2, 3}});
    rows = memref::DimOp::create(b, core.a, 0);
    groups = memref::DimOp::create(b, core.a, 1);
    groupSize = memref::DimOp::create(b, core.a, 2);
    Value chunks = arith::DivUIOp::create(
        b, memref::DimOp::create(b, core.b, 2), idx(kInt4ChunkBytes));
    stride = rowStride();
    if (stride > 1)
      permuteA();
    // Rows of B are prefetched into L2 about 128 KiB ahead.
    int64_t rowBytes = cast<MemRefType>(core.b.getType()).getDimSize(2);
    prefetchRows = ShapedType::isDynamic(rowBytes)
                       ? 64
                       : std::max<int64_t>(1, (128 << 10) / rowBytes);
    lastRow =
        arith::SubIOp::create(b, memref::DimOp::create(b, bRows, 0), idx(1));
    if (epilogue)
      prepareEpilogue();
    if (!parallel) {
      sweep(idx(0), chunks);
    } else {
      columnLoop(
          b, parallel, idx(0), chunks, kInt4StreamChunks, [&](Value first) {
            Value end = arith::AddIOp::create(b, first, idx(kInt4StreamChunks));
            sweep(first, arith::MinUIOp::create(b, end, chunks));
          });
    }
    if (stride > 1)
      memref::DeallocOp::create(b, aSteps);
    if (epilogue)
      memref::DeallocOp::create(b, sums);
  }

private:
  ImplicitLocOpBuilder &b;
  const PackedInt4Core &core;
  std::optional<GroupEpilogue> epilogue;
  DotKind kind;
  bool parallel;
  VectorType bytes, acc;
  // With an epilogue: the group sums [M, N], and the epilogue's operands
  // with (j, h) collapsed into columns.
  Value sums;
  SmallVector<Value> epilogueOperands;
  // A [M, K], B [K, N / 2] (bytes), C [M, G, N].
  Value a, bRows, c, rows, groups, groupSize;
  // The rows of B that a K step multiplies: k + stride * t (t < 4), and A's
  // bytes in that order (see rowStride()).
  int64_t stride = 1;
  Value aSteps;
  // The prefetch distance in rows of B, and the last row.
  int64_t prefetchRows;
  Value lastRow;
  // Whether even / odd lanes flip the nibble's top bit, and the resulting
  // offset of v from w.
  bool flipEven, flipOdd;
  int32_t offsetEven, offsetOdd;

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

  /// The group sums [M, N] and the epilogue's operands, columns collapsed.
  void prepareEpilogue() {
    Value n = memref::DimOp::create(b, c, 2);
    sums = memref::AllocOp::create(
        b,
        MemRefType::get({ShapedType::kDynamic, ShapedType::kDynamic},
                        b.getI32Type()),
        ValueRange{rows, n}, b.getI64IntegerAttr(64));
    linalg::GenericOp op = epilogue->op;
    for (OpOperand &operand : op->getOpOperands()) {
      AffineMap map = op.getMatchingIndexingMap(&operand);
      Value v = operand.get();
      int64_t rank = map.getNumResults();
      if (operand.getOperandNumber() != epilogue->cInput &&
          map.getNumResults() >= 2 &&
          map.getResult(rank - 1) == b.getAffineDimExpr(3)) {
        SmallVector<ReassociationIndices> pairs;
        for (int64_t d = 0; d + 2 < rank; ++d)
          pairs.push_back({d});
        pairs.push_back({rank - 2, rank - 1});
        v = memref::CollapseShapeOp::create(b, v, pairs);
      }
      epilogueOperands.push_back(v);
    }
  }

  /// The buffer and indices of the group sums of (row, g, col).
  Value sumBuffer() { return epilogue ? sums : c; }
  SmallVector<Value> sumIndex(Value row, Value g, Value col) {
    if (epilogue)
      return {row, col};
    return {row, g, col};
  }

  /// All groups and rows of B through the columns of chunks [first, last).
  /// K steps take rows in blocks of 4 * stride (see rowStride()): step
  /// (blk, s) multiplies B rows blk * 4 * stride + s + stride * t (t < 4)
  /// by A's bytes at aSteps[blk * 4 * stride + 4 * s]. A visit of a chunk
  /// makes `perVisit` steps, of consecutive blocks with the same s (rows in
  /// distinct pages), so that the sums are loaded and stored once for them.
  void sweep(Value first, Value last) {
    int64_t block = 4 * stride;
    int64_t groupRows = cast<MemRefType>(core.b.getType()).getDimSize(1);
    int64_t perVisit = 2;
    while (perVisit > 1 &&
           (ShapedType::isDynamic(groupRows) || groupRows % (perVisit * block)))
      perVisit /= 2;
    forLoop(b, idx(0), groups, 1, [&](Value g) {
      Value k0 = arith::MulIOp::create(b, g, groupSize);
      startGroup(g, k0, first, last);
      forLoop(b, idx(0), groupSize, perVisit * block, [&](Value blocks) {
        Value start = arith::AddIOp::create(b, k0, blocks);
        forLoop(b, idx(0), idx(stride), 1, [&](Value s) {
          SmallVector<Value> firstRows, aAt;
          for (int64_t i = 0; i < perVisit; ++i) {
            Value blk = arith::AddIOp::create(b, start, idx(i * block));
            firstRows.push_back(arith::AddIOp::create(b, blk, s));
            Value quadAt = arith::MulIOp::create(b, s, idx(4));
            aAt.push_back(arith::AddIOp::create(b, blk, quadAt));
          }
          forLoop(b, first, last, 1, [&](Value chunk) {
            SmallVector<SmallVector<Value>> nibbles;
            for (Value firstRow : firstRows)
              nibbles.push_back(unpack(firstRow, chunk));
            forLoop(b, idx(0), rows, 1, [&](Value row) {
              SmallVector<Value> quads;
              for (Value k : aAt)
                quads.push_back(broadcastA(row, k));
              for (int64_t q = 0; q < 8; ++q) {
                SmallVector<Value> at = sumIndex(row, g, column(chunk, q));
                Value sum = vector::LoadOp::create(b, acc, sumBuffer(), at);
                for (int64_t i = 0; i < perVisit; ++i) {
                  Value w = nibbles[i][q];
                  sum = core.lhsSigned ? dot(b, kind, sum, w, quads[i])
                                       : dot(b, kind, sum, quads[i], w);
                }
                vector::StoreOp::create(b, sum, sumBuffer(), at);
              }
            });
          });
        });
      });
      if (epilogue)
        applyEpilogue(g, first, last);
      else
        finishGroup(g, first, last);
    });
  }

  /// C[m, g, columns of the chunks] without the odd lanes' factor 16.
  void finishGroup(Value g, Value first, Value last) {
    forLoop(b, idx(0), rows, 1, [&](Value row) {
      forLoop(b, first, last, 1, [&](Value chunk) {
        for (int64_t q = 0; q < 8; ++q) {
          SmallVector<Value> at = sumIndex(row, g, column(chunk, q));
          Value sum = vector::LoadOp::create(b, acc, c, at);
          vector::StoreOp::create(b, unscale(sum), c, at);
        }
      });
    });
  }

  /// Starts the sums of group g in the columns of the chunks at the
  /// nibbles' offsets (see the class comment), or 0.
  void startGroup(Value g, Value k0, Value first, Value last) {
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
    Value zero = arith::ConstantOp::create(b, b.getI32IntegerAttr(0));
    auto sumLoop = scf::ForOp::create(
        b, idx(0), groupSize, idx(1), ValueRange{zero},
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
    Value sum = vector::BroadcastOp::create(b, acc, sumLoop.getResult(0));
    return arith::MulIOp::create(b, sum,
                                 laneConstant(-offsetEven, -16 * offsetOdd));
  }

  /// Prefetches `v` at `at` with g (at the position of map's d1) moved to
  /// the next group (the last group: itself).
  void prefetchNextGroup(Value v, AffineMap map, ArrayRef<Value> at, Value g) {
    SmallVector<Value> next(at);
    unsigned position = *map.getResultPosition(b.getAffineDimExpr(1));
    Value following = arith::AddIOp::create(b, g, idx(1));
    Value last = arith::SubIOp::create(b, groups, idx(1));
    next[position] = arith::MinUIOp::create(b, following, last);
    memref::PrefetchOp::create(b, v, next, /*isWrite=*/false,
                               /*localityHint=*/2, /*isDataCache=*/true);
  }

  /// The epilogue's body on the sums of group g, 16 columns at a time:
  /// out[m, n] = body(sums[m, n], its other operands at (m, g, n), out[m,
  /// n]), in group order like the op's loops.
  void applyEpilogue(Value g, Value first, Value last) {
    linalg::GenericOp op = epilogue->op;
    forLoop(b, idx(0), rows, 1, [&](Value row) {
      forLoop(b, first, last, 1, [&](Value chunk) {
        for (int64_t q = 0; q < 8; ++q) {
          Value col = column(chunk, q);
          auto at = [&](unsigned dim) {
            return dim == 0 ? row : dim == 1 ? g : dim == 2 ? col : Value();
          };
          SmallVector<Value> args;
          for (OpOperand &operand : op->getOpOperands()) {
            unsigned i = operand.getOperandNumber();
            if (i == epilogue->cInput) {
              Value sum =
                  vector::LoadOp::create(b, acc, sums, ValueRange{row, col});
              args.push_back(unscale(sum));
              continue;
            }
            AffineMap map = op.getMatchingIndexingMap(&operand);
            auto type = VectorType::get(
                {16}, getElementTypeOrSelf(operand.get().getType()));
            args.push_back(loadLanes(b, epilogueOperands[i], map, type, 2, at));
            // The next group's values of an operand indexed by g and the
            // columns (per group scales) are prefetched: their stream would
            // otherwise start from DRAM at the end of each group.
            if (map.isFunctionOfDim(1) && map.isFunctionOfDim(2)) {
              SmallVector<Value> indices;
              for (AffineExpr e : map.getResults())
                if (Value index = at(cast<AffineDimExpr>(e).getPosition()))
                  indices.push_back(index);
              prefetchNextGroup(epilogueOperands[i], map, indices, g);
            }
          }
          Value result = cloneBodyOnVectors(b, op, args);
          vector::StoreOp::create(b, result, epilogueOperands.back(),
                                  ValueRange{row, col});
        }
      });
    });
  }

  /// The four bytes of A for K step k (A[row, k..k+3], or aSteps') in
  /// every 32-bit lane.
  Value broadcastA(Value row, Value k) {
    Value quad =
        vector::LoadOp::create(b, VectorType::get({4}, b.getI8Type()),
                               stride > 1 ? aSteps : a, ValueRange{row, k});
    Value word = vector::ExtractOp::create(
        b,
        vector::BitCastOp::create(b, VectorType::get({1}, b.getI32Type()),
                                  quad),
        0);
    Value words = vector::BroadcastOp::create(b, acc, word);
    return vector::BitCastOp::create(b, bytes, words);
  }

  /// The 8 vpdpbusd operands of rows k + stride * t (t < 4) and the 128
  /// columns of `chunk` (see the class comment).
  SmallVector<Value> unpack(Value k, Value chunk) {
    Value byteCol = arith::MulIOp::create(b, chunk, idx(kInt4ChunkBytes));
    SmallVector<Value> loaded;
    for (int64_t t = 0; t < 4; ++t) {
      Value row = arith::AddIOp::create(b, k, idx(stride * t));
      Value v =
          vector::LoadOp::create(b, bytes, bRows, ValueRange{row, byteCol});
      // The hardware prefetcher alone leaves the loads waiting on DRAM.
      Value ahead = arith::AddIOp::create(b, row, idx(prefetchRows));
      ahead = arith::MinUIOp::create(b, ahead, lastRow);
      memref::PrefetchOp::create(b, bRows, ValueRange{ahead, byteCol},
                                 /*isWrite=*/false, /*localityHint=*/2,
                                 /*isDataCache=*/true);
      loaded.push_back(v);
    }
    HalfRowPairs halves = pairHalfRows(b, loaded);
    Value flips =
        laneConstant(flipEven ? 0x88888888 : 0, flipOdd ? 0x88888888 : 0);
    Value masks = laneConstant(0x0F0F0F0F, int32_t(0xF0F0F0F0));
    SmallVector<Value> nibbles;
    for (int64_t q = 0; q < 8; ++q) {
      // Byte t of lane j: row t, byte 8q + j/2 (local byte 8(q % 4) + j/2
      // of half q / 4; rows 2 and 3 are the second shuffle operand).
      SmallVector<int64_t> mask;
      for (int64_t j = 0; j < 16; ++j)
        for (int64_t t = 0; t < 4; ++t)
          mask.push_back(64 * (t / 2) + 32 * (t % 2) + 8 * (q % 4) + j / 2);
      Value gathered = vector::ShuffleOp::create(b, halves[q / 4][0],
                                                 halves[q / 4][1], mask);
      Value lanes = vector::BitCastOp::create(b, acc, gathered);
      if (flipEven || flipOdd)
        lanes = arith::XOrIOp::create(b, lanes, flips);
      lanes = arith::AndIOp::create(b, lanes, masks);
      nibbles.push_back(vector::BitCastOp::create(b, bytes, lanes));
    }
    return nibbles;
  }
};

/// Whether `op` is a plain bf16 x bf16 -> f32 linalg.matmul on buffers with
/// identity layouts.
bool isBF16Matmul(linalg::MatmulOp op) {
  if (!op.hasPureBufferSemantics() ||
      op.getIndexingMapsArray() !=
          linalg::MatmulOp::getDefaultIndexingMaps(op.getContext()))
    return false;
  auto is = [](Value v, function_ref<bool(Type)> element) {
    auto type = cast<MemRefType>(v.getType());
    return type.getLayout().isIdentity() && element(type.getElementType());
  };
  auto isBF16 = [](Type t) { return t.isBF16(); };
  return is(op.getDpsInputs()[0], isBF16) && is(op.getDpsInputs()[1], isBF16) &&
         is(op.getDpsInits()[0], [](Type t) { return t.isF32(); });
}

/// When `bMat` is a constant global [K, N] that the kernel can use, the
/// global with its values in the packed layout of KernelBuilder::pack
/// (created once per global and kind); otherwise null.
memref::GlobalOp getPackedGlobal(SymbolTable &symbols, Value bMat,
                                 const DotKind &kind) {
  auto getGlobal = bMat.getDefiningOp<memref::GetGlobalOp>();
  if (!getGlobal || kind.operand != kind.element)
    return {};
  auto global = symbols.lookup<memref::GlobalOp>(getGlobal.getName());
  auto value =
      global ? dyn_cast_or_null<DenseElementsAttr>(global.getInitialValueAttr())
             : DenseElementsAttr();
  auto type = cast<MemRefType>(bMat.getType());
  if (!value || !global.getConstant() || !type.hasStaticShape() ||
      !type.getLayout().isIdentity() || type.getRank() != 2)
    return {};
  int64_t rows = type.getDimSize(0), cols = type.getDimSize(1);
  if (rows % kind.perLane || cols % kind.lanes)
    return {};
  std::string name = (global.getSymName() + "_packed").str();
  if (auto existing = symbols.lookup<memref::GlobalOp>(name))
    return existing;
  // packed[((panel * K4 + kk) * L + j) * P + t] = B[P * kk + t, L * panel
  // + j], element by element as raw bytes.
  int64_t width = type.getElementTypeBitWidth() / 8;
  ArrayRef<char> raw = value.getRawData();
  auto source = [&](int64_t i) {
    return value.isSplat() ? raw.data() : raw.data() + i * width;
  };
  int64_t steps = rows / kind.perLane, panels = cols / kind.lanes;
  std::vector<char> data(rows * cols * width);
  for (int64_t panel = 0; panel < panels; ++panel)
    for (int64_t kk = 0; kk < steps; ++kk)
      for (int64_t j = 0; j < kind.lanes; ++j)
        for (int64_t t = 0; t < kind.perLane; ++t) {
          int64_t to =
              ((panel * steps + kk) * kind.lanes + j) * kind.perLane + t;
          int64_t from =
              (kind.perLane * kk + t) * cols + kind.lanes * panel + j;
          std::memcpy(&data[to * width], source(from), width);
        }
  OpBuilder builder(global);
  auto packedType = MemRefType::get({rows * cols}, type.getElementType());
  auto packed = memref::GlobalOp::create(
      builder, global.getLoc(), name, builder.getStringAttr("private"),
      packedType,
      DenseElementsAttr::getFromRawBuffer(
          RankedTensorType::get({rows * cols}, type.getElementType()), data),
      /*constant=*/true, builder.getI64IntegerAttr(64));
  symbols.insert(packed);
  return packed;
}

/// The linalg.fill of zeros into `c` right before `op` (only ops that do
/// not touch `c` in between), if any.
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

/// Whether `of` divides `v` (an index).
Value isMultiple(ImplicitLocOpBuilder &b, Value v, int64_t of) {
  Value divisor = arith::ConstantIndexOp::create(b, of);
  Value rem = arith::RemUIOp::create(b, v, divisor);
  Value zero = arith::ConstantIndexOp::create(b, 0);
  return arith::CmpIOp::create(b, arith::CmpIPredicate::eq, rem, zero);
}

struct LowerMatmulKernelsPass
    : public quanta::impl::LowerMatmulKernelsBase<LowerMatmulKernelsPass> {
  using LowerMatmulKernelsBase::LowerMatmulKernelsBase;

  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    std::optional<DotKind> int8Kind;
    if (int8 == "avx512vnni")
      int8Kind = getVNNIKind(ctx);
    else if (int8 == "neon-i8mm")
      int8Kind = getNEONI8MMKind(ctx);
    else if (int8 == "avx2")
      int8Kind = getAVX2Kind(ctx);
    else if (int8 != "none") {
      emitError(getOperation().getLoc())
          << "unknown int8 kernel '" << int8
          << "' (expected avx512vnni, avx2, neon-i8mm or none)";
      return signalPassFailure();
    }
    SymbolTable symbols(getOperation());
    SmallVector<std::pair<Operation *, DotKind>> cores;
    SmallVector<std::pair<Operation *, PackedInt4Core>> int4Cores;
    getOperation()->walk([&](linalg::LinalgOp op) {
      auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
      if (int8 == "avx512vnni" && generic)
        if (std::optional<PackedInt4Core> core = matchPackedInt4Core(generic))
          int4Cores.push_back({op, *core});
      if (int8Kind && isa<linalg::GenericOp>(op) &&
          op->hasAttr(quanta::kU8S8MatmulAttr) && op.hasPureBufferSemantics())
        cores.push_back({op, *int8Kind});
      auto matmul = dyn_cast<linalg::MatmulOp>(op.getOperation());
      if (bf16 && matmul && isBF16Matmul(matmul))
        cores.push_back({op, getBF16Kind(ctx)});
    });
    for (auto &[op, kind] : cores) {
      auto linalgOp = cast<linalg::LinalgOp>(op);
      ImplicitLocOpBuilder b(op->getLoc(), op);
      Value a = linalgOp.getDpsInputs()[0], bMat = linalgOp.getDpsInputs()[1],
            c = linalgOp.getDpsInits()[0];
      Operation *zeroFill = getZeroFill(op, c);
      // With an epilogue, the kernel replaces both ops at the epilogue.
      std::optional<RowEpilogue> epilogue;
      if (kind.lanes == 16)
        epilogue = matchRowEpilogue(op, c);
      if (epilogue)
        b.setInsertionPoint(epilogue->op);
      // The kernel needs K % perLane == 0 and N % lanes == 0; otherwise
      // the loops.
      Value k = memref::DimOp::create(b, a, 1);
      Value n = memref::DimOp::create(b, bMat, 1);
      Value kFits = isMultiple(b, k, kind.perLane);
      Value nFits = isMultiple(b, n, kind.lanes);
      Value fits = arith::AndIOp::create(b, kFits, nFits);
      auto ifOp = scf::IfOp::create(b, fits, /*withElseRegion=*/true);
      {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(ifOp.thenBlock());
        Value prepacked;
        if (memref::GlobalOp global = getPackedGlobal(symbols, bMat, kind))
          prepacked = memref::GetGlobalOp::create(b, global.getType(),
                                                  global.getSymName());
        KernelBuilder(b, kind, a, bMat, c, parallel, prepacked, zeroFill,
                      epilogue)
            .build();
        b.setInsertionPointToStart(ifOp.elseBlock());
        if (zeroFill)
          b.clone(*zeroFill);
        Operation *fallback = b.clone(*op);
        fallback->removeAttr(quanta::kU8S8MatmulAttr);
        if (epilogue)
          b.clone(*epilogue->op);
      }
      op->erase();
      if (zeroFill)
        zeroFill->erase();
      if (epilogue)
        epilogue->op->erase();
    }
    for (auto &[op, core] : int4Cores) {
      // With an epilogue, the kernel replaces both ops at the epilogue, and
      // C's zero fill moves to the loops' side.
      std::optional<GroupEpilogue> epilogue =
          matchGroupEpilogue(cast<linalg::GenericOp>(op), core.c);
      SmallVector<Operation *> replaced{op};
      if (epilogue) {
        SmallVector<Operation *> fills;
        for (Operation *user : core.c.getUsers())
          if (isa<linalg::FillOp>(user))
            fills.push_back(user);
        replaced.insert(replaced.begin(), fills.begin(), fills.end());
        replaced.push_back(epilogue->op);
      }
      // The kernel needs fewer than 8 rows, 4 | group size and 128 | N at
      // run time; otherwise the loops.
      ImplicitLocOpBuilder b(replaced.back()->getLoc(), replaced.back());
      Value rows = memref::DimOp::create(b, core.a, 0);
      Value groupSize = memref::DimOp::create(b, core.a, 2);
      Value byteCols = memref::DimOp::create(b, core.b, 2);
      Value fewRows =
          arith::CmpIOp::create(b, arith::CmpIPredicate::ult, rows,
                                arith::ConstantIndexOp::create(b, 8));
      Value groupFits = isMultiple(b, groupSize, 4);
      Value smallGroups =
          arith::CmpIOp::create(b, arith::CmpIPredicate::ule, groupSize,
                                arith::ConstantIndexOp::create(b, 1 << 15));
      groupFits = arith::AndIOp::create(b, groupFits, smallGroups);
      Value colsFit = isMultiple(b, byteCols, kInt4ChunkBytes);
      Value fits = arith::AndIOp::create(b, fewRows, groupFits);
      fits = arith::AndIOp::create(b, fits, colsFit);
      auto ifOp = scf::IfOp::create(b, fits, /*withElseRegion=*/true);
      {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(ifOp.thenBlock());
        PackedInt4Builder(b, core, epilogue, parallel).build();
        b.setInsertionPointToStart(ifOp.elseBlock());
        for (Operation *original : replaced)
          b.clone(*original);
      }
      for (Operation *original : replaced)
        original->erase();
    }
  }
};

} // namespace
