//===- LowerMatmulKernels.cpp - int8 and bf16 matmul microkernels ---------===//
//
// This file rewrites the u8 x s8 -> i32 matmul cores that
// --convert-quanta-to-linalg marks, and bf16 x bf16 -> f32 linalg.matmul ops,
// into register-blocked dot-product microkernels (AVX-512 VNNI vpdpbusd,
// AVX512-BF16 vdpbf16ps, AArch64 NEON usdot): B is packed into panels of one
// vector's lanes of columns (16 on AVX-512, 4 on NEON) x 4 (int8) or 2 (bf16)
// rows, the operand layout of the instruction, and each 6-row x 4-panel block
// of C lives in 24 vector accumulators while K is traversed four bytes at a
// time. The element-wise op that turns C into the result joins the kernel
// when it can (see RowEpilogue), and the u8 x s8 core reads A in place
// rather than the copy with a row of ones appended that gives B's column
// sums (see OnesRowLhs). K-blocked cores with packed int4 weights go to
// PackedInt4Kernel.cpp.
//
//===----------------------------------------------------------------------===//

#include "MatmulKernels.h"
#include "quanta/Transforms/Markers.h"
#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/AMX/AMXDialect.h"
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
#include "mlir/Interfaces/ViewLikeInterface.h"

#include <array>
#include <cstring>

namespace mlir::quanta {
#define GEN_PASS_DEF_LOWERMATMULKERNELS
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;
using namespace mlir::quanta::matmul_kernels;

namespace {

/// f32 x f32 -> f32 with a separate multiply and add (no FMA), one k per
/// lane, on `lanes` lanes: every result accumulates in k order, as
/// linalg.matmul's body says. With 16 vector registers (AVX2), blocks of
/// 6 x 2 (256^3 for Haswell: 81 GOP/s with 4 x 2, 88 with 6 x 2).
DotKind getF32Kind(MLIRContext *ctx, int64_t lanes) {
  Type f32 = Float32Type::get(ctx);
  DotKind kind{f32, f32, f32, 1, lanes, ""};
  if (lanes == 8) {
    kind.rowBlock = 6;
    kind.colBlocks = 2;
  }
  return kind;
}

DotKind getBF16Kind(MLIRContext *ctx) {
  Type bf16 = BFloat16Type::get(ctx);
  return {bf16, bf16, Float32Type::get(ctx),
          2,    16,   "llvm.x86.avx512bf16.dpbf16ps.512"};
}

/// Whether a panel's slice of one K step is `kind.lanes` 32-bit words of
/// the operands as they are stored (perLane elements of one column), which
/// KernelBuilder::transposedSlices() can read from B given N x K by
/// transposing words: not for the kinds that widen the operands or flip A.
bool transposesWords(const DotKind &kind) {
  return kind.perLane * kind.element.getIntOrFloatBitWidth() == 32 &&
         kind.operand == kind.element && !kind.flipLhs &&
         transposesLanes(kind.lanes);
}

/// AArch64 NEON `usdot` (FEAT_I8MM): u8 x s8 like vpdpbusd, on 128 bits.
/// AArch64 NEON `sdot` (FEAT_DotProd, without i8mm): s8 x s8 on 128 bits,
/// A flipped to s8 (see DotKind::flipLhs).
DotKind getNEONDotProdKind(MLIRContext *ctx) {
  Type i8 = IntegerType::get(ctx, 8);
  DotKind kind{i8, i8, IntegerType::get(ctx, 32),
               4,  4,  "llvm.aarch64.neon.sdot.v4i32.v16i8"};
  kind.flipLhs = true;
  return kind;
}

DotKind getNEONI8MMKind(MLIRContext *ctx) {
  Type i8 = IntegerType::get(ctx, 8);
  return {i8, i8, IntegerType::get(ctx, 32),
          4,  4,  "llvm.aarch64.neon.usdot.v4i32.v16i8"};
}

/// AVX2 `vpmaddwd` on operands widened to i16 (exact: `vpmaddubsw` would
/// saturate pairs of u8 x s8 products to i16); 16 ymm registers hold a 6 x 2
/// block (12 accumulators, 2 panels, the broadcast).
DotKind getAVX2Kind(MLIRContext *ctx) {
  return {IntegerType::get(ctx, 8),
          IntegerType::get(ctx, 16),
          IntegerType::get(ctx, 32),
          2,
          8,
          "llvm.x86.avx2.pmadd.wd",
          /*separateAdd=*/true,
          /*rowBlock=*/6,
          /*colBlocks=*/2};
}

/// AVX-512BW `vpmaddwd` on zmm registers: the AVX2 kernel on 16 lanes, for
/// AVX-512 without VNNI (Skylake-SP, `x86-64-v4`); 32 registers hold a
/// 6 x 4 block.
DotKind getAVX512BWKind(MLIRContext *ctx) {
  return {IntegerType::get(ctx, 8),
          IntegerType::get(ctx, 16),
          IntegerType::get(ctx, 32),
          2,
          16,
          "llvm.x86.avx512.pmaddw.d.512",
          /*separateAdd=*/true};
}

/// AVX-VNNI `vpdpbusd` on ymm registers (Alder Lake and later client cores,
/// without AVX-512): the VNNI kernel's u8 x s8 product on 8 lanes; 16 ymm
/// registers hold a 6 x 2 block (4 x 3 measured the same).
DotKind getAVXVNNIKind(MLIRContext *ctx) {
  Type i8 = IntegerType::get(ctx, 8);
  return {i8,
          i8,
          IntegerType::get(ctx, 32),
          4,
          8,
          "llvm.x86.avx512.vpdpbusd.256",
          /*separateAdd=*/false,
          /*rowBlock=*/6,
          /*colBlocks=*/2};
}

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

/// Emits the kernel for C[M, N] += A[M, K] x B[K, N], with K % perLane == 0
/// and N % lanes == 0. With `parallel`, the loops over column blocks are
/// scf.parallel loops, whose iterations pack their own panels of B and
/// write disjoint columns of C.
class KernelBuilder {
public:
  /// `sumsRow`: C has one row more than A, row M, which receives (adds) the
  /// column sums of B, computed where B is packed or streamed (B read at run
  /// time only: see OnesRowLhs).
  /// `prepacked`: B already in the packed layout (see allocatePacked()), or
  /// null.
  /// `zeroFill`: the op that fills C with zeros before the matmul, which
  /// the caller removes (the register blocks then start from zero and write
  /// all of C; the few-rows path, which accumulates into C, fills it), or
  /// null.
  /// With `epilogue`, the kernel also computes that op's result
  /// (see RowEpilogue).
  /// With `transposed` (`bMat` is then its allocation, which the kernel
  /// does not use), few rows read B's N x K source in place.
  KernelBuilder(ImplicitLocOpBuilder &b, const DotKind &kind, Value a,
                Value bMat, Value c, bool parallel, Value prepacked,
                Operation *zeroFill, std::optional<RowEpilogue> epilogue,
                bool sumsRow, int64_t streamPrefetch,
                const std::optional<TransposedRhs> &transposed)
      : b(b), kind(kind), lanes(kind.lanes), parallel(parallel),
        sumsRow(sumsRow), streamPrefetch(streamPrefetch), a(a),
        bMat(transposed ? Value() : bMat), c(c), packed(prepacked),
        zeroFill(zeroFill), epilogue(epilogue), transposed(transposed) {
    assert(!(sumsRow && prepacked) && "column sums of a prepacked B");
    i32 = b.getI32Type();
    acc = VectorType::get({lanes}, kind.accumulator);
    bytes = VectorType::get({kind.perLane * lanes}, kind.operand);
  }

  void build() {
    Value m = memref::DimOp::create(b, a, 0);
    Value k = memref::DimOp::create(b, a, 1);
    Value n = transposed ? memref::DimOp::create(b, transposed->source, 0)
                         : memref::DimOp::create(b, bMat, 1);
    k4 = arith::DivUIOp::create(b, k, idx(kind.perLane));
    Value panels = arith::DivUIOp::create(b, n, idx(lanes));
    if (epilogue)
      outRows = memref::DimOp::create(b, epilogue->op.getDpsInits()[0], 0);
    if (kind.flipLhs) {
      // Zeroed: the stream accumulates into it, the packing of each panel
      // too. (No prepacked B: its column sums would need another pass.)
      colSums = memref::AllocOp::create(
          b, MemRefType::get({ShapedType::kDynamic}, i32), ValueRange{n});
      Value zero = arith::ConstantOp::create(b, b.getI32IntegerAttr(0));
      linalg::FillOp::create(b, zero, colSums);
    }
    if (packed)
      return registerBlocks(m, panels);
    // Few rows of C (GEMV): B is read once, so interleave it in registers
    // as it streams in; more rows: pack it once and reuse the panels.
    Value cRows = sumsRow ? arith::AddIOp::create(b, m, idx(1)) : m;
    Value fewRows =
        arith::CmpIOp::create(b, arith::CmpIPredicate::ult, cRows, idx(8));
    auto ifOp = scf::IfOp::create(b, fewRows, /*withElseRegion=*/true);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    if (zeroFill)
      b.clone(*zeroFill);
    if (transposed && isa<IntegerType>(kind.accumulator))
      rowDots(m);
    else if (transposed)
      streamTransposed(m, panels);
    else
      streamRows(m, panels);
    if (kind.flipLhs)
      forLoop(b, idx(0), m, 1, [&](Value row) {
        forLoop(b, idx(0), n, lanes, [&](Value col) {
          Value sum = vector::LoadOp::create(b, acc, c, ValueRange{row, col});
          Value correction = columnCorrection(b, col);
          sum = arith::AddIOp::create(b, sum, correction);
          vector::StoreOp::create(b, sum, c, ValueRange{row, col});
        });
      });
    if (epilogue)
      forLoop(b, idx(0), outRows, 1, [&](Value row) {
        forLoop(b, idx(0), n, lanes,
                [&](Value col) { applyEpilogue(row, col); });
      });
    b.setInsertionPointToStart(ifOp.elseBlock());
    // B K-major from its transpose, for the packing, unless the panels are
    // packed from the transpose's source (packTransposed()).
    IRMapping mapping;
    bool transposeB = transposed && !packsTransposed();
    if (transposeB)
      bMat = transposed->clone(b, mapping);
    allocatePacked(panels);
    registerBlocks(m, panels);
    memref::DeallocOp::create(b, packed);
    if (transposeB)
      transposed->build.deallocClones(b, mapping);
    b.setInsertionPointAfter(ifOp);
    if (kind.flipLhs)
      memref::DeallocOp::create(b, colSums);
  }

private:
  ImplicitLocOpBuilder &b;
  const DotKind &kind;
  // Columns per panel: the accumulator's lanes.
  int64_t lanes;
  bool parallel, sumsRow;
  // Bytes the few-rows path prefetches each stream of B ahead.
  int64_t streamPrefetch;
  // k4: the number of K steps of perLane elements.
  Value a, bMat, c, k4, packed;
  // The lhs the register blocks broadcast from: A, or A widened to the
  // operand type.
  Value blockLhs;
  // With an epilogue, the 32 x 32 buffer the AMX blocks store their tiles
  // to (see amxBlock()), one per iteration of a column loop.
  Value tiles;
  // With an epilogue, the result's rows past the whole blocks of 32 when
  // there are 16 or more (else 0), an AMX block of its own from `tailLhs`
  // (see amxTailBlock()).
  Value amxTail, tailLhs;
  Operation *zeroFill;
  std::optional<RowEpilogue> epilogue;
  std::optional<TransposedRhs> transposed;
  // Whether the blocks of columns pack their panels of B (not prepacked).
  bool packAtRunTime = false;
  // With flipLhs: the column sums of B [N] (i32).
  Value colSums;
  // The epilogue's rows.
  Value outRows;
  Type i32;
  VectorType acc, bytes;

  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, v); }

  /// Few rows: B streams through once, row-major (sequential memory access):
  /// each perLane x lanes slice is interleaved in registers and multiplied
  /// into every row of C, which stays in the L1 cache.
  ///
  /// With integer sums (exact in any order), B is read as perLane streams:
  /// K step j takes rows j + t * K / perLane (t < perLane) rather than the
  /// perLane consecutive rows perLane * j + t, and A's elements are
  /// permuted to match once (see permuteSegments). One core keeps more
  /// reads in flight over a few long sequential streams than over groups
  /// of short ones.
  void streamRows(Value m, Value panels) {
    // Streams all rows of B through panels [first, last), colBlocks panels
    // at a time where they fit, and two K steps per visit of a group of
    // panels where K permits (C is loaded and stored once for both).
    bool segmented = isa<IntegerType>(kind.accumulator) && kind.perLane > 1;
    Value lhs = segmented ? permuteSegments(m) : a;
    Value rowStride = segmented ? k4 : idx(1);
    // Each of the segmented streams prefetches `streamPrefetch` bytes ahead
    // (1 x 4096 x 4096, cold: on Zen 4, 256 KiB; 128 KiB gave 10 % more
    // time, 64 KiB or no prefetch 15 %. On Sapphire Rapids, 8 to 32 KiB;
    // 64 KiB gave 12 % more time, 128 KiB 15 %, 256 KiB 60 %).
    RowPrefetcher prefetcher(b, bMat, segmented ? streamPrefetch : 128 << 10);
    auto visit = [&](Value firstStep, int64_t steps, Value first, Value last) {
      // Each step's first row of B and its offset in the lhs.
      SmallVector<Value> rows, ks;
      for (int64_t i = 0; i < steps; ++i) {
        Value step = arith::AddIOp::create(b, firstStep, idx(i));
        ks.push_back(arith::MulIOp::create(b, step, idx(kind.perLane)));
        rows.push_back(segmented ? step : ks.back());
      }
      auto group = [&](Value panel, int64_t count) {
        Value col = arith::MulIOp::create(b, panel, idx(lanes));
        SmallVector<SmallVector<Value>> slices;
        for (Value first : rows) {
          SmallVector<Value> bRows = stepRows(b, first, rowStride);
          for (Value row : bRows)
            prefetcher.prefetch(b, row, col);
          slices.push_back(interleavePanels(b, bRows, col, count));
          if (kind.flipLhs)
            for (int64_t p = 0; p < count; ++p) {
              Value at = arith::AddIOp::create(b, col, idx(p * lanes));
              addColumnSums(b, slices.back()[p], at);
            }
        }
        forLoop(b, idx(0), m, 1, [&](Value row) {
          SmallVector<Value> broadcasts;
          for (Value k : ks)
            broadcasts.push_back(broadcastQuad(b, kind, lhs, row, k));
          for (int64_t p = 0; p < count; ++p) {
            Value at = arith::AddIOp::create(b, col, idx(p * lanes));
            Value sum = vector::LoadOp::create(b, acc, c, ValueRange{row, at});
            for (int64_t i = 0; i < steps; ++i)
              sum = dot(b, kind, sum, broadcasts[i], slices[i][p]);
            vector::StoreOp::create(b, sum, c, ValueRange{row, at});
          }
        });
        // With sumsRow, C's row M: the column sums.
        Value one = sumsRow ? ones(b) : Value();
        for (int64_t p = 0; sumsRow && p < count; ++p) {
          Value at = arith::AddIOp::create(b, col, idx(p * lanes));
          Value sum = vector::LoadOp::create(b, acc, c, ValueRange{m, at});
          for (int64_t i = 0; i < steps; ++i)
            sum = dot(b, kind, sum, one, slices[i][p]);
          vector::StoreOp::create(b, sum, c, ValueRange{m, at});
        }
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
    // In parallel, each thread streams B through its own block of panels.
    perThreadBlocks(b, parallel, panels,
                    [&](Value first, Value last) { stream(first, last); });
    if (segmented)
      memref::DeallocOp::create(b, lhs);
  }

  /// Few rows with B given N x K (see TransposedRhs): column n of B is row
  /// n of the source, contiguous, so C[row, n] is a dot product along K. A
  /// block of columns streams in as that many sequential rows of the
  /// source, perLane x lanes elements per load (the last load of a row
  /// masked), into one vector accumulator per row of C, and one of column
  /// sums where sumsRow or flipLhs needs them; the lanes of each are added
  /// when K ends (integer sums: the same in any order). Each row count is
  /// a variant of its own, so that the accumulators stay in registers: a
  /// block has as many columns (a power of two, at most 8 and a panel) as
  /// the register block's accumulators hold.
  void rowDots(Value m) {
    Value bT = transposed->source;
    Value n = memref::DimOp::create(b, bT, 0);
    Value k = memref::DimOp::create(b, a, 1);
    int64_t chunk = kind.perLane * lanes;
    VectorType loaded = VectorType::get({chunk}, kind.element);
    Value wholeK = arith::MulIOp::create(
        b, arith::DivUIOp::create(b, k, idx(chunk)), idx(chunk));
    bool needSums = sumsRow || kind.flipLhs;
    SmallVector<int64_t> counts = llvm::to_vector(llvm::seq<int64_t>(0, 8));
    auto cases =
        scf::IndexSwitchOp::create(b, TypeRange{}, m, counts, counts.size());
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(&cases.getDefaultRegion().emplaceBlock());
    scf::YieldOp::create(b);
    for (auto [region, rows] : llvm::zip(cases.getCaseRegions(), counts)) {
      b.setInsertionPointToStart(&region.emplaceBlock());
      int64_t perCol = rows + (needSums ? 1 : 0);
      int64_t cols = 1;
      while (perCol && cols * 2 <= std::min<int64_t>(lanes, 8) &&
             cols * 2 * perCol <= kind.rowBlock * kind.colBlocks)
        cols *= 2;
      if (perCol)
        rowDotBlocks(rows, cols, needSums, n, k, wholeK, loaded);
      scf::YieldOp::create(b);
    }
  }

  /// rowDots for `rows` rows of C, `cols` columns per block.
  void rowDotBlocks(int64_t rows, int64_t cols, bool needSums, Value n, Value k,
                    Value wholeK, VectorType loaded) {
    Value bT = transposed->source;
    int64_t perCol = rows + (needSums ? 1 : 0);
    int64_t chunk = loaded.getNumElements();
    RowPrefetcher prefetcher(b, bT, streamPrefetch);
    Value zero = arith::ConstantOp::create(b, b.getZeroAttr(acc));
    Value blocks = arith::DivUIOp::create(b, n, idx(cols));
    perThreadBlocks(b, parallel, blocks, [&](Value first, Value last) {
      forLoop(b, first, last, 1, [&](Value block) {
        Value col = arith::MulIOp::create(b, block, idx(cols));
        // Accumulator j * perCol + r: column col + j, row r of C (r ==
        // rows: the column sums).
        auto step = [&](ImplicitLocOpBuilder &lb, Value kk, Value mask,
                        ValueRange sums) {
          Value topBits;
          if (transposed->flip || kind.flipLhs)
            topBits = arith::ConstantOp::create(
                lb, DenseElementsAttr::get(
                        loaded, lb.getIntegerAttr(kind.element, 0x80)));
          // Past K, the masked loads give elements that become zeros.
          auto load = [&](Value from, Value row, bool flip) -> Value {
            if (!mask)
              return vector::LoadOp::create(lb, loaded, from,
                                            ValueRange{row, kk});
            Value none =
                flip ? topBits
                     : arith::ConstantOp::create(lb, lb.getZeroAttr(loaded));
            return vector::MaskedLoadOp::create(
                lb, loaded, from, ValueRange{row, kk}, mask, none);
          };
          SmallVector<Value> lhs;
          for (int64_t r = 0; r < rows; ++r) {
            Value v = load(a, arith::ConstantIndexOp::create(lb, r), false);
            if (kind.operand != kind.element)
              v = arith::ExtUIOp::create(lb, bytes, v);
            // (sdot's operands are bytes.)
            if (kind.flipLhs)
              v = arith::XOrIOp::create(lb, v, topBits);
            lhs.push_back(v);
          }
          if (needSums)
            lhs.push_back(ones(lb));
          SmallVector<Value> next;
          for (int64_t j = 0; j < cols; ++j) {
            Value row = arith::AddIOp::create(
                lb, col, arith::ConstantIndexOp::create(lb, j));
            if (!mask)
              prefetcher.prefetch(lb, row, kk);
            Value rhs = load(bT, row, transposed->flip);
            if (transposed->flip)
              rhs = arith::XOrIOp::create(lb, rhs, topBits);
            if (kind.operand != kind.element)
              rhs = arith::ExtSIOp::create(lb, bytes, rhs);
            for (int64_t r = 0; r < perCol; ++r)
              next.push_back(dot(lb, kind, sums[j * perCol + r], lhs[r], rhs));
          }
          return next;
        };
        SmallVector<Value> init(cols * perCol, zero);
        auto loop = scf::ForOp::create(
            b, idx(0), wholeK, idx(chunk), init,
            [&](OpBuilder &nested, Location loc, Value kk, ValueRange sums) {
              ImplicitLocOpBuilder lb(loc, nested);
              scf::YieldOp::create(lb, step(lb, kk, Value(), sums));
            });
        // K's last elements, under a mask (lane i < K - wholeK).
        SmallVector<Value> sums = loop.getResults();
        int64_t staticK = cast<MemRefType>(a.getType()).getDimSize(1);
        if (ShapedType::isDynamic(staticK) || staticK % chunk) {
          Value left = arith::IndexCastOp::create(
              b, i32, arith::SubIOp::create(b, k, wholeK));
          auto laneType = VectorType::get({chunk}, i32);
          Value lane = arith::ConstantOp::create(
              b, DenseElementsAttr::get(
                     laneType, llvm::to_vector(llvm::map_range(
                                   llvm::seq<int32_t>(0, chunk),
                                   [](int32_t i) { return APInt(32, i); }))));
          Value mask = arith::CmpIOp::create(
              b, arith::CmpIPredicate::ult, lane,
              vector::BroadcastOp::create(b, laneType, left));
          sums = step(b, wholeK, mask, sums);
        }
        auto add = [&](Value into, Value row, int64_t r) {
          SmallVector<Value> totals;
          for (int64_t j = 0; j < cols; ++j)
            totals.push_back(vector::ReductionOp::create(
                b, vector::CombiningKind::ADD, sums[j * perCol + r]));
          auto type = VectorType::get({cols}, kind.accumulator);
          Value v = vector::FromElementsOp::create(b, type, totals);
          SmallVector<Value> indices;
          if (row)
            indices.push_back(row);
          indices.push_back(col);
          Value old = vector::LoadOp::create(b, type, into, indices);
          vector::StoreOp::create(b, arith::AddIOp::create(b, old, v), into,
                                  indices);
        };
        for (int64_t r = 0; r < rows; ++r)
          add(c, idx(r), r);
        if (sumsRow)
          add(c, idx(rows), rows);
        if (kind.flipLhs)
          add(colSums, Value(), rows);
      });
    });
  }

  /// A copy of A[M, K] whose K step j holds the elements that multiply rows
  /// j + t * K / perLane of B: copy[m, perLane * j + t] = A[m, j + t * K /
  /// perLane].
  Value permuteSegments(Value m) {
    Value k = memref::DimOp::create(b, a, 1);
    auto type = MemRefType::get({ShapedType::kDynamic, ShapedType::kDynamic},
                                kind.element);
    Value copy = memref::AllocOp::create(b, type, ValueRange{m, k});
    forLoop(b, idx(0), m, 1, [&](Value row) {
      forLoop(b, idx(0), k4, 1, [&](Value j) {
        Value to = arith::MulIOp::create(b, j, idx(kind.perLane));
        for (int64_t t = 0; t < kind.perLane; ++t) {
          Value offset = arith::MulIOp::create(b, k4, idx(t));
          Value from = arith::AddIOp::create(b, j, offset);
          Value v = memref::LoadOp::create(b, a, ValueRange{row, from});
          Value at = arith::AddIOp::create(b, to, idx(t));
          memref::StoreOp::create(b, v, copy, ValueRange{row, at});
        }
      });
    });
    return copy;
  }

  /// With flipLhs: colSums[col .. col + lanes) += the column sums of
  /// `slice` (one K step of a panel), by one more dot with ones.
  void addColumnSums(ImplicitLocOpBuilder &lb, Value slice, Value col) {
    Value sums = vector::LoadOp::create(lb, acc, colSums, ValueRange{col});
    sums = dot(lb, kind, sums, ones(lb), slice);
    vector::StoreOp::create(lb, sums, colSums, ValueRange{col});
  }

  /// The instruction's operand of all ones (a dot with it sums a panel's
  /// columns).
  Value ones(ImplicitLocOpBuilder &lb) {
    return arith::ConstantOp::create(
        lb, DenseElementsAttr::get(bytes, lb.getIntegerAttr(kind.operand, 1)));
  }

  /// With flipLhs: 128 x colSums[col .. col + lanes).
  Value columnCorrection(ImplicitLocOpBuilder &lb, Value col) {
    Value sums = vector::LoadOp::create(lb, acc, colSums, ValueRange{col});
    Value seven = arith::ConstantOp::create(
        lb, DenseElementsAttr::get(acc, lb.getI32IntegerAttr(7)));
    return arith::ShLIOp::create(lb, sums, seven);
  }

  /// blocks(), with A widened once into a buffer of operands when they are
  /// wider than its elements (AVX2's i16): each broadcast in the register
  /// blocks is then one load of a 32-bit word instead of a load, a
  /// widening and a move (1024^3 compiled for Haswell, on a Sapphire
  /// Rapids core: 86 -> 118 GOP/s with 4 x 2 blocks, 128 with 6 x 2).
  void registerBlocks(Value m, Value panels) {
    blockLhs = a;
    if (kind.operand == kind.element) {
      blocks(m, panels);
      if (tailLhs)
        memref::DeallocOp::create(b, tailLhs);
      return;
    }
    Value k = memref::DimOp::create(b, a, 1);
    blockLhs = memref::AllocOp::create(
        b,
        MemRefType::get({ShapedType::kDynamic, ShapedType::kDynamic},
                        kind.operand),
        ValueRange{m, k}, b.getI64IntegerAttr(64));
    forLoop(b, idx(0), m, 1, [&](Value row) {
      forLoop(b, idx(0), k, 1, [&](Value col) {
        Value x = memref::LoadOp::create(b, a, ValueRange{row, col});
        memref::StoreOp::create(b, arith::ExtUIOp::create(b, kind.operand, x),
                                blockLhs, ValueRange{row, col});
      });
    });
    blocks(m, panels);
    memref::DeallocOp::create(b, blockLhs);
  }

  /// All register blocks of C (rowBlock x colBlocks panels) where they fit,
  /// then leftover rows and panels.
  void blocks(Value m, Value panels) {
    Value colBlocks = arith::DivUIOp::create(b, panels, idx(kind.colBlocks));
    Value fullPanels = arith::MulIOp::create(b, colBlocks, idx(kind.colBlocks));
    SmallVector<int64_t> leftoverCases =
        llvm::to_vector(llvm::seq<int64_t>(1, kind.rowBlock));
    // With AMX, rows [0, amxRows) of full blocks of panels are AMX blocks
    // (see amxRowBlock()), computed after the others: with an epilogue, only
    // rows of the result, so that C's rows past them (the column sums that
    // the epilogue reads) are done first.
    Value amxRows, amxPerColumnBlock;
    if (kind.amx) {
      Value resultRows = epilogue ? arith::MinUIOp::create(b, m, outRows) : m;
      Value usable = getAMXUsable();
      amxRows = getAMXRows(resultRows, usable);
      amxPerColumnBlock = arith::CmpIOp::create(b, arith::CmpIPredicate::ult,
                                                amxRows, idx(512));
      if (epilogue && zeroFill)
        prepareTail(arith::SubIOp::create(b, resultRows, amxRows), amxRows,
                    usable);
    }
    auto rowsLoop = [&](Value panel, int64_t cols) {
      if (packAtRunTime && transposed && packsTransposed())
        packTransposed(panel, cols, m);
      else if (packAtRunTime)
        pack(panel, cols, m);
      bool withAMX = amxRows && cols % 2 == 0;
      // The vector registers' rows: [firstRow, m).
      Value firstRow = withAMX ? amxRows : idx(0);
      if (withAMX && amxTail)
        firstRow = arith::AddIOp::create(b, firstRow, amxTail);
      Value rowBlocks = arith::DivUIOp::create(
          b, arith::SubIOp::create(b, m, firstRow), idx(kind.rowBlock));
      Value fullRows = b.createOrFold<arith::AddIOp>(
          firstRow, arith::MulIOp::create(b, rowBlocks, idx(kind.rowBlock)));
      Value leftover = arith::SubIOp::create(b, m, fullRows);
      // Bottom-up with an epilogue (see RowEpilogue).
      auto bottomUp = [&](Value first, Value end, int64_t step,
                          function_ref<void(Value)> body) {
        forLoop(b, first, end, step, [&](Value i) {
          if (!epilogue)
            return body(i);
          Value fromEnd = arith::SubIOp::create(
              b, b.createOrFold<arith::AddIOp>(first, end), i);
          body(arith::SubIOp::create(b, fromEnd, idx(step)));
        });
      };
      auto fullBlocks = [&] {
        bottomUp(firstRow, fullRows, kind.rowBlock,
                 [&](Value row) { tile(row, panel, kind.rowBlock, cols); });
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
      if (!withAMX)
        return;
      auto inBlock = scf::IfOp::create(b, amxPerColumnBlock);
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(inBlock.thenBlock());
      Value end = arith::AddIOp::create(b, panel, idx(cols));
      withTiles([&] {
        forLoop(b, idx(0), amxRows, 32,
                [&](Value row) { amxRowBlock(row, panel, end); });
        amxTailBlock(amxRows, panel, end);
      });
    };
    columnLoop(b, parallel, idx(0), fullPanels, kind.colBlocks,
               [&](Value panel) { rowsLoop(panel, kind.colBlocks); });
    forLoop(b, fullPanels, panels, 1, [&](Value panel) { rowsLoop(panel, 1); });
    if (!amxRows)
      return;
    auto afterPacking = scf::IfOp::create(
        b, arith::XOrIOp::create(b, amxPerColumnBlock,
                                 arith::ConstantIntOp::create(b, 1, 1)));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(afterPacking.thenBlock());
    // B's panels in ranges of about 1 MiB packed (an even number of panels,
    // at least 2), each range through all blocks of rows in turn, so that
    // the range stays in L2 (2 MiB on Sapphire Rapids) while A's rows go by:
    // bf16 1024^3 (2 MiB packed) 690-760 -> 960 GFLOP/s, 2 threads 1360-1500
    // -> 1740-1810; int8 1024^3 (1 MiB, one range) unchanged.
    Value panelBytes = arith::MulIOp::create(
        b, k4,
        idx(kind.perLane * lanes * kind.element.getIntOrFloatBitWidth() / 8));
    Value rangePairs = arith::MaxUIOp::create(
        b, arith::DivUIOp::create(b, idx(kRangeBytes), panelBytes), idx(2));
    Value range = arith::MulIOp::create(
        b, arith::DivUIOp::create(b, rangePairs, idx(2)), idx(2));
    auto ranges = scf::ForOp::create(b, idx(0), fullPanels, range);
    b.setInsertionPointToStart(ranges.getBody());
    Value first = ranges.getInductionVar();
    Value last = arith::MinUIOp::create(
        b, arith::AddIOp::create(b, first, range), fullPanels);
    columnLoop(b, parallel, idx(0), amxRows, 32, [&](Value row) {
      withTiles([&] { amxRowBlock(row, first, last); });
    });
    if (amxTail)
      withTiles([&] { amxTailBlock(amxRows, first, last); });
  }

  /// The bytes of packed B per range of panels that the AMX blocks of 512
  /// rows or more take through all rows at a time (see blocks()).
  static constexpr int64_t kRangeBytes = 1 << 20;

  /// The AMX blocks of the 32 rows from `row` and panels [first, last)
  /// (pairs).
  ///
  /// Fewer than 512 rows of AMX blocks are computed per block of panels,
  /// after its packing and its rows in vector registers, like those. From
  /// 512 rows on, they are computed once all of B is packed, per block of 32
  /// rows (in parallel, the blocks of rows) through the pairs of panels of a
  /// range of B that fits L2 (see blocks()), so that the block's rows of A
  /// stay in L1 while B's panels stream from L2 in order: on Sapphire
  /// Rapids, 1024^3 1300 -> 2000 GOP/s (2 threads: 2700 -> 3600), while at
  /// 256^3 each thread's reading B packed by the other made 2 threads 2
  /// times slower.
  void amxRowBlock(Value row, Value first, Value last) {
    forLoop(b, first, last, 2, [&](Value panel) { amxBlock(row, panel); });
  }

  /// With `tail` (the result's rows past the whole blocks of 32, from
  /// `first`) of 16 or more and AMX `usable` (getAMXUsable()), sets amxTail
  /// to it and copies those rows of A to tailLhs, a zero-filled [32, K]
  /// buffer, so that one AMX block computes them (amxTailBlock()); else
  /// amxTail is 0, and the vector registers compute them. (u8 x s8 -> f32,
  /// K = N = 1024, on Sapphire Rapids: 24 rows 1.20-1.23x faster, 1048 rows
  /// 1.04-1.07x.)
  void prepareTail(Value tail, Value first, Value usable) {
    Value many =
        arith::CmpIOp::create(b, arith::CmpIPredicate::uge, tail, idx(16));
    amxTail = arith::SelectOp::create(b, arith::AndIOp::create(b, usable, many),
                                      tail, idx(0));
    Value k = memref::DimOp::create(b, a, 1);
    tailLhs = memref::AllocOp::create(
        b, MemRefType::get({32, ShapedType::kDynamic}, kind.element),
        ValueRange{k}, b.getI64IntegerAttr(64));
    auto ifTail = scf::IfOp::create(
        b, arith::CmpIOp::create(b, arith::CmpIPredicate::ne, amxTail, idx(0)));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifTail.thenBlock());
    int64_t width = 64 / (kind.element.getIntOrFloatBitWidth() / 8);
    auto type = VectorType::get({width}, kind.element);
    forLoop(b, idx(0), idx(32), 1, [&](Value r) {
      Value inA =
          arith::CmpIOp::create(b, arith::CmpIPredicate::ult, r, amxTail);
      Value from = arith::AddIOp::create(b, first, r);
      forLoop(b, idx(0), k, width, [&](Value col) {
        vector::StoreOp::create(
            b, loadOrZero(b, type, inA, a, ValueRange{from, col}), tailLhs,
            ValueRange{r, col});
      });
    });
  }

  /// The AMX blocks of the amxTail rows from `row` and panels [first, last)
  /// (pairs), when amxTail is not 0: A's rows from tailLhs, the results of
  /// those rows only.
  void amxTailBlock(Value row, Value first, Value last) {
    if (!amxTail)
      return;
    auto ifTail = scf::IfOp::create(
        b, arith::CmpIOp::create(b, arith::CmpIPredicate::ne, amxTail, idx(0)));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifTail.thenBlock());
    forLoop(b, first, last, 2,
            [&](Value panel) { amxBlock(row, panel, tailLhs, amxTail); });
  }

  /// `body` (the AMX row blocks of one iteration of a column loop, which may
  /// run in parallel) with its own `tiles` buffer when there is an epilogue
  /// (see amxBlock()).
  void withTiles(function_ref<void()> body) {
    if (!epilogue)
      return body();
    tiles =
        memref::AllocOp::create(b, MemRefType::get({32, 32}, kind.accumulator),
                                ValueRange{}, b.getI64IntegerAttr(64));
    body();
    memref::DeallocOp::create(b, tiles);
    tiles = {};
  }

  /// The perLane rows of B of one K step: row + t * rowStride.
  SmallVector<Value> stepRows(ImplicitLocOpBuilder &lb, Value row,
                              Value rowStride) {
    SmallVector<Value> rows;
    for (int64_t t = 0; t < kind.perLane; ++t) {
      Value offset = arith::MulIOp::create(
          lb, rowStride, arith::ConstantIndexOp::create(lb, t));
      rows.push_back(arith::AddIOp::create(lb, row, offset));
    }
    return rows;
  }

  /// The vectors the instruction multiplies for `count` consecutive panels
  /// of `lanes` columns from `col` and the perLane rows `bRows` of a K step
  /// (stepRows): B[bRows[t], col + j] at element perLane * j + t of its
  /// panel, interleaved with
  /// shuffles from one load of count x lanes elements per row of B (each
  /// row's cache lines are used at once: rows 4 KiB apart share L1 sets).
  SmallVector<Value> interleavePanels(ImplicitLocOpBuilder &lb,
                                      ArrayRef<Value> bRows, Value col,
                                      int64_t count) {
    int64_t width = count * lanes;
    SmallVector<Value> rows;
    for (Value row : bRows) {
      Value slice =
          vector::LoadOp::create(lb, VectorType::get({width}, kind.element),
                                 bMat, ValueRange{row, col});
      if (kind.operand != kind.element)
        slice = arith::ExtSIOp::create(
            lb, VectorType::get({width}, kind.operand), slice);
      rows.push_back(slice);
    }
    SmallVector<Value> panels;
    if (kind.perLane == 1) {
      for (int64_t p = 0; p < count; ++p) {
        SmallVector<int64_t> lanesOfPanel;
        for (int64_t j = p * lanes; j < (p + 1) * lanes; ++j)
          lanesOfPanel.push_back(j);
        panels.push_back(
            vector::ShuffleOp::create(lb, rows[0], rows[0], lanesOfPanel));
      }
      return panels;
    }
    if (kind.perLane == 4 && width == 64 && kind.operand == kind.element &&
        kind.element.getIntOrFloatBitWidth() == 8) {
      // 64 bytes per row (4 panels of 16): one byte shuffle per panel from
      // two vectors of half rows (rows 2h and 2h + 1, bytes [32i, 32i +
      // 32) for i = 0, 1): 8 shuffles instead of 12.
      HalfRowPairs halves = pairHalfRows(lb, rows);
      for (int64_t p = 0; p < count; ++p)
        // Byte t of lane j: row t, byte 16p + j.
        panels.push_back(gatherRowBytes(
            lb, halves,
            llvm::to_vector(llvm::seq<int64_t>(16 * p, 16 * p + 16))));
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

  /// Where K-step `kk` of `panel` starts in the packed B (see
  /// allocatePacked()).
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

  /// Packs the `count` panels of B from `panel` (see allocatePacked()),
  /// from one load of count x lanes elements per row of B and K step; with
  /// sumsRow, also adds their column sums to C's row M (`m`), summed in
  /// registers. (A block of 4 int8 panels, from 64-byte rows: 256^3 u8 x s8
  /// 24.0 -> 18.5 us on Sapphire Rapids with AMX, against one panel at a
  /// time.)
  void pack(Value panel, int64_t count, Value m) {
    Value col = arith::MulIOp::create(b, panel, idx(lanes));
    SmallVector<Value> cols, sums;
    for (int64_t p = 0; p < count; ++p) {
      cols.push_back(arith::AddIOp::create(b, col, idx(p * lanes)));
      if (sumsRow)
        sums.push_back(
            zeroFill
                ? arith::ConstantOp::create(b, b.getZeroAttr(acc)).getResult()
                : vector::LoadOp::create(b, acc, c, ValueRange{m, cols[p]})
                      .getResult());
    }
    auto loop = scf::ForOp::create(
        b, idx(0), k4, idx(1), sums,
        [&](OpBuilder &nb, Location loc, Value kk, ValueRange iterSums) {
          ImplicitLocOpBuilder lb(loc, nb);
          Value row = arith::MulIOp::create(
              lb, kk, arith::ConstantIndexOp::create(lb, kind.perLane));
          Value one = arith::ConstantIndexOp::create(lb, 1);
          SmallVector<Value> slices =
              interleavePanels(lb, stepRows(lb, row, one), col, count);
          SmallVector<Value> next;
          for (int64_t p = 0; p < count; ++p) {
            Value at = arith::AddIOp::create(
                lb, panel, arith::ConstantIndexOp::create(lb, p));
            Value base = panelOffset(lb, loc, at, kk);
            vector::StoreOp::create(lb, slices[p], packed, ValueRange{base});
            if (kind.flipLhs)
              addColumnSums(lb, slices[p], cols[p]);
            if (sumsRow)
              next.push_back(dot(lb, kind, iterSums[p], ones(lb), slices[p]));
          }
          scf::YieldOp::create(lb, next);
        });
    for (int64_t p = 0; sumsRow && p < count; ++p)
      vector::StoreOp::create(b, loop.getResult(p), c, ValueRange{m, cols[p]});
  }

  /// Whether packTransposed() packs B's panels from a transposed B's
  /// source: words of 32 bits (perLane elements), no AMX.
  bool packsTransposed() const { return transposesWords(kind) && !kind.amx; }

  /// The panel slices of K steps [kk, kk + lanes) of the `lanes` columns
  /// from `col`, from the N x K source of a transposed B: the slice of step
  /// kk is one 32-bit word (perLane elements along K) of each column's row
  /// of the source, so lanes words of `lanes` rows, a lanes x lanes matrix
  /// of words transposed in registers (log2(lanes) rounds of shuffles),
  /// give `lanes` K steps. With `valid`, the steps from `valid` on lie past
  /// K: their words are read as zeros (flipped: 0x80) under a mask.
  SmallVector<Value> transposedSlices(RowPrefetcher &prefetcher, Value col,
                                      Value kk, Value valid) {
    Value bT = transposed->source;
    auto words = VectorType::get({lanes}, i32);
    int64_t elements = bytes.getNumElements();
    Value first = arith::MulIOp::create(b, kk, idx(kind.perLane));
    Value mask;
    if (valid) {
      Value left = arith::IndexCastOp::create(
          b, i32, arith::MulIOp::create(b, valid, idx(kind.perLane)));
      auto laneIds = llvm::to_vector(llvm::seq<int32_t>(0, elements));
      auto laneType = VectorType::get({elements}, i32);
      mask = arith::CmpIOp::create(
          b, arith::CmpIPredicate::ult,
          arith::ConstantOp::create(
              b, DenseElementsAttr::get(laneType, ArrayRef(laneIds))),
          vector::BroadcastOp::create(b, laneType, left));
    }
    SmallVector<Value> rows;
    for (int64_t j = 0; j < lanes; ++j) {
      Value row = arith::AddIOp::create(b, col, idx(j));
      Value v;
      if (mask) {
        TypedAttr none = transposed->flip
                             ? TypedAttr(b.getIntegerAttr(kind.element, 0x80))
                             : b.getZeroAttr(kind.element);
        v = vector::MaskedLoadOp::create(
            b, bytes, bT, ValueRange{row, first}, mask,
            vector::BroadcastOp::create(b, bytes,
                                        arith::ConstantOp::create(b, none)));
      } else {
        prefetcher.prefetch(b, row, first);
        v = vector::LoadOp::create(b, bytes, bT, ValueRange{row, first});
      }
      if (transposed->flip)
        v = arith::XOrIOp::create(
            b, v,
            arith::ConstantOp::create(
                b, DenseElementsAttr::get(
                       bytes, b.getIntegerAttr(kind.element, 0x80))));
      rows.push_back(vector::BitCastOp::create(b, words, v));
    }
    transposeSquare(b, rows);
    for (Value &row : rows)
      row = vector::BitCastOp::create(b, bytes, row);
    return rows;
  }

  /// body(kk, valid) for each block of `lanes` K steps of transposedSlices()
  /// (valid: null for whole blocks, the steps left for the last).
  void transposedBlocks(function_ref<void(Value, Value)> body) {
    Value whole = arith::MulIOp::create(
        b, arith::DivUIOp::create(b, k4, idx(lanes)), idx(lanes));
    forLoop(b, idx(0), whole, lanes, [&](Value kk) { body(kk, Value()); });
    Value left = arith::SubIOp::create(b, k4, whole);
    auto ifLeft = scf::IfOp::create(
        b, arith::CmpIOp::create(b, arith::CmpIPredicate::ne, left, idx(0)));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifLeft.thenBlock());
    body(whole, left);
  }

  /// pack() from the N x K source of a transposed B (transposedSlices()):
  /// the slices of the K steps past the last whole block are stored one by
  /// one.
  void packTransposed(Value panel, int64_t count, Value m) {
    RowPrefetcher prefetcher(b, transposed->source);
    for (int64_t p = 0; p < count; ++p) {
      Value at = arith::AddIOp::create(b, panel, idx(p));
      Value col = arith::MulIOp::create(b, at, idx(lanes));
      // The column sums (sumsRow) go through C's row M, as pack()'s do.
      if (sumsRow)
        vector::StoreOp::create(
            b,
            zeroFill
                ? arith::ConstantOp::create(b, b.getZeroAttr(acc)).getResult()
                : vector::LoadOp::create(b, acc, c, ValueRange{m, col})
                      .getResult(),
            c, ValueRange{m, col});
      transposedBlocks([&](Value kk, Value valid) {
        SmallVector<Value> slices =
            transposedSlices(prefetcher, col, kk, valid);
        Value sum = sumsRow
                        ? vector::LoadOp::create(b, acc, c, ValueRange{m, col})
                              .getResult()
                        : Value();
        for (int64_t t = 0; t < lanes; ++t) {
          Value slice = slices[t];
          Value step = arith::AddIOp::create(b, kk, idx(t));
          auto store = [&] {
            vector::StoreOp::create(
                b, slice, packed,
                ValueRange{panelOffset(b, b.getLoc(), at, step)});
          };
          if (!valid) {
            store();
          } else {
            auto ifValid = scf::IfOp::create(
                b, arith::CmpIOp::create(b, arith::CmpIPredicate::ult, idx(t),
                                         valid));
            OpBuilder::InsertionGuard guard(b);
            b.setInsertionPointToStart(ifValid.thenBlock());
            store();
          }
          // (Past K the slices are zeros: their sums add nothing.)
          if (sumsRow)
            sum = dot(b, kind, sum, ones(b), slice);
        }
        if (sumsRow)
          vector::StoreOp::create(b, sum, c, ValueRange{m, col});
      });
    }
  }

  /// Few rows with B given N x K for the float kinds (whose row dots would
  /// add in another order): each panel's slices come from the source by
  /// transposedSlices(), a block of `lanes` K steps at a time, and are
  /// dotted with every row of C in k order, as streamRows() does with B K x
  /// N: the sums are its own bit for bit.
  void streamTransposed(Value m, Value panels) {
    perThreadBlocks(b, parallel, panels, [&](Value first, Value last) {
      RowPrefetcher prefetcher(b, transposed->source);
      forLoop(b, first, last, 1, [&](Value panel) {
        Value col = arith::MulIOp::create(b, panel, idx(lanes));
        transposedBlocks([&](Value kk, Value valid) {
          SmallVector<Value> slices =
              transposedSlices(prefetcher, col, kk, valid);
          forLoop(b, idx(0), m, 1, [&](Value row) {
            Value sum = vector::LoadOp::create(b, acc, c, ValueRange{row, col});
            for (int64_t t = 0; t < lanes; ++t) {
              Value slice = slices[t];
              Value at = arith::MulIOp::create(
                  b, arith::AddIOp::create(b, kk, idx(t)), idx(kind.perLane));
              auto step = [&] {
                return dot(b, kind, sum, broadcastQuad(b, kind, a, row, at),
                           slice);
              };
              if (!valid) {
                sum = step();
                continue;
              }
              // A's elements past K are not read.
              auto ifValid = scf::IfOp::create(
                  b, TypeRange{acc},
                  arith::CmpIOp::create(b, arith::CmpIPredicate::ult, idx(t),
                                        valid),
                  /*withElseRegion=*/true);
              OpBuilder::InsertionGuard guard(b);
              b.setInsertionPointToStart(ifValid.thenBlock());
              scf::YieldOp::create(b, step());
              b.setInsertionPointToStart(ifValid.elseBlock());
              scf::YieldOp::create(b, sum);
              sum = ifValid.getResult(0);
            }
            vector::StoreOp::create(b, sum, c, ValueRange{row, col});
          });
        });
      });
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
    SmallVector<Value> corrections;
    if (kind.flipLhs)
      for (int64_t j = 0; j < cols; ++j)
        corrections.push_back(columnCorrection(b, colIdx[j]));
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t j = 0; j < cols; ++j) {
        Value start =
            zeroFill ? zero
                     : vector::LoadOp::create(b, acc, c,
                                              ValueRange{rowIdx[r], colIdx[j]})
                           .getResult();
        if (kind.flipLhs)
          start = arith::AddIOp::create(b, start, corrections[j]);
        init.push_back(start);
      }
    Value kBegin = idx(0);
    Value kStep = idx(1);
    auto loop = scf::ForOp::create(
        b, kBegin, k4, kStep, init,
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
          // blockLhs's elements, already the operand type when widened.
          DotKind lhsKind = kind;
          lhsKind.element = getElementTypeOrSelf(blockLhs.getType());
          SmallVector<Value> next;
          for (int64_t r = 0; r < rows; ++r) {
            Value broadcast =
                broadcastQuad(lb, lhsKind, blockLhs, rowIdx[r], k);
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
    SmallVector<SmallVector<Value>> columnValues;
    for (int64_t j = 0; j < cols; ++j)
      columnValues.push_back(loadColumnOperands(colIdx[j]));
    for (int64_t r = 0; r < rows; ++r) {
      auto ifOp = scf::IfOp::create(b, inside[r]);
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(ifOp.thenBlock());
      for (int64_t j = 0; j < cols; ++j)
        applyEpilogue(rowIdx[r], colIdx[j], loop.getResult(r * cols + j),
                      columnValues[j]);
    }
  }

  /// The epilogue's operands that depend on the column alone (scales, bias,
  /// the column sums in C's last row, zero points), loaded at `col` for
  /// several rows: what the body computes from them alone then leaves the
  /// loop over the rows (LLVM cannot hoist the loads themselves past the
  /// stores of the results). Null for the other operands.
  SmallVector<Value> loadColumnOperands(Value col) {
    linalg::GenericOp op = epilogue->op;
    SmallVector<Value> values;
    for (OpOperand &operand : op->getOpOperands()) {
      AffineMap map = op.getMatchingIndexingMap(&operand);
      if (map.isFunctionOfDim(0) ||
          llvm::is_contained(epilogue->products, operand.getOperandNumber())) {
        values.push_back({});
        continue;
      }
      auto type = VectorType::get(
          {lanes}, getElementTypeOrSelf(operand.get().getType()));
      values.push_back(loadLanes(b, operand.get(), map, type, 1,
                                 [&](unsigned dim) { return col; }));
    }
    return values;
  }

  /// The rows of C that AMX blocks compute: all blocks of 32 rows of `m`
  /// when `usable` (getAMXUsable()); otherwise none.
  Value getAMXRows(Value m, Value usable) {
    Value blocks = arith::MulIOp::create(
        b, arith::DivUIOp::create(b, m, idx(32)), idx(32));
    return arith::SelectOp::create(b, usable, blocks, idx(0));
  }

  /// Whether AMX blocks may run: the process may use AMX tiles (see
  /// getAMXPermitted()) and K is a multiple of 16 K steps (64 bytes).
  Value getAMXUsable() {
    auto module = b.getBlock()->getParentOp()->getParentOfType<ModuleOp>();
    Value permitted = getAMXPermitted(b, module);
    return arith::AndIOp::create(b, permitted, isMultiple(b, k4, 16));
  }

  /// The block of C of 32 rows from `row` x 2 panels from `panel` in four
  /// AMX tiles of 16 x 16 accumulators: per 64 bytes of K, two tiles of A's
  /// rows (16 x 64 bytes, read in place) and two of B's panels (16 K steps
  /// of the packed layout, which is the tiles' own) are multiplied into
  /// them (`tdpbusd` for u8 x s8, `tdpbf16ps` for bf16). Without an
  /// epilogue, the tiles are then stored to C. With one, they are stored to
  /// `tiles` and the epilogue writes the block's 32 x 32 results from there
  /// at once: C's rows here are rows of the result, which nothing else
  /// reads, and the buffer stays in L1, where C's rows went through L2 twice
  /// (stored, then read back after the block of rows). On Sapphire Rapids,
  /// u8 x s8 -> f32 256^3 1690 -> 2080 GOP/s (2 threads: 2350 -> 3060),
  /// 1024^3 1930 -> 2200 (3140 -> 3560).
  void amxBlock(Value row, Value panel, Value lhs = {}, Value count = {}) {
    int64_t width = 64 / (kind.element.getIntOrFloatBitWidth() / 8);
    auto operandTile = amx::TileType::get({16, width}, kind.element);
    auto accTile = amx::TileType::get({16, 16}, kind.accumulator);
    Value rows[2] = {row, arith::AddIOp::create(b, row, idx(16))};
    // A's rows of the tiles: from `lhs`'s first row with a tail block.
    Value lhsRows[2] = {rows[0], rows[1]};
    if (lhs)
      lhsRows[0] = idx(0), lhsRows[1] = idx(16);
    else
      lhs = a;
    Value panelIdx[2] = {panel, arith::AddIOp::create(b, panel, idx(1))};
    Value cols[2] = {arith::MulIOp::create(b, panelIdx[0], idx(lanes)),
                     arith::MulIOp::create(b, panelIdx[1], idx(lanes))};
    SmallVector<Value> init;
    for (Value r : rows)
      for (Value col : cols)
        init.push_back(
            zeroFill
                ? amx::TileZeroOp::create(b, accTile).getResult()
                : amx::TileLoadOp::create(b, accTile, c, ValueRange{r, col})
                      .getResult());
    Value stride = idx(width);
    auto loop = scf::ForOp::create(
        b, idx(0), k4, idx(16), init,
        [&](OpBuilder &nb, Location loc, Value kk, ValueRange accs) {
          ImplicitLocOpBuilder lb(loc, nb);
          Value k = arith::MulIOp::create(
              lb, kk, arith::ConstantIndexOp::create(lb, kind.perLane));
          SmallVector<Value> lhsTiles, rhs, next;
          for (Value r : lhsRows)
            lhsTiles.push_back(amx::TileLoadOp::create(lb, operandTile, lhs,
                                                       ValueRange{r, k}));
          for (Value p : panelIdx)
            rhs.push_back(amx::TileLoadOp::create(
                lb, operandTile, packed,
                ValueRange{panelOffset(lb, loc, p, kk)}, stride));
          for (int64_t i = 0; i < 2; ++i)
            for (int64_t j = 0; j < 2; ++j) {
              Value sum = accs[2 * i + j];
              next.push_back(isa<IntegerType>(kind.element)
                                 ? amx::TileMulIOp::create(
                                       lb, accTile, lhsTiles[i], rhs[j], sum,
                                       /*isZextLhs=*/true,
                                       /*isZextRhs=*/false)
                                       .getResult()
                                 : amx::TileMulFOp::create(
                                       lb, accTile, lhsTiles[i], rhs[j], sum)
                                       .getResult());
            }
          scf::YieldOp::create(lb, next);
        });
    for (int64_t i = 0; i < 2; ++i)
      for (int64_t j = 0; j < 2; ++j) {
        Value result = loop.getResult(2 * i + j);
        if (tiles)
          amx::TileStoreOp::create(
              b, tiles, ValueRange{idx(16 * i), idx(16 * j)}, result);
        else
          amx::TileStoreOp::create(b, c, ValueRange{rows[i], cols[j]}, result);
      }
    if (!tiles)
      return;
    for (int64_t j = 0; j < 2; ++j) {
      SmallVector<Value> columnValues = loadColumnOperands(cols[j]);
      forLoop(b, idx(0), count ? count : idx(32), 1, [&](Value r) {
        Value products =
            vector::LoadOp::create(b, acc, tiles, ValueRange{r, idx(16 * j)});
        applyEpilogue(arith::AddIOp::create(b, row, r), cols[j], products,
                      columnValues);
      });
    }
  }

  /// The epilogue's result at (row, col .. col + 15), from C's values
  /// there (`products`, or stored in C: see RowEpilogue for why they are
  /// final).
  /// With `columnValues` (see loadColumnOperands()), the operands that do
  /// not depend on the row are taken from there.
  void applyEpilogue(Value row, Value col, Value products = {},
                     ArrayRef<Value> columnValues = {}) {
    linalg::GenericOp op = epilogue->op;
    auto at = [&](unsigned dim) { return dim == 0 ? row : col; };
    SmallVector<Value> args;
    for (OpOperand &operand : op->getOpOperands()) {
      if (products &&
          llvm::is_contained(epilogue->products, operand.getOperandNumber())) {
        args.push_back(products);
        continue;
      }
      if (!columnValues.empty() && columnValues[operand.getOperandNumber()]) {
        args.push_back(columnValues[operand.getOperandNumber()]);
        continue;
      }
      auto type = VectorType::get(
          {lanes}, getElementTypeOrSelf(operand.get().getType()));
      args.push_back(loadLanes(
          b, operand.get(), op.getMatchingIndexingMap(&operand), type, 1, at));
    }
    Value result = cloneBodyOnVectors(b, op, args, nullptr, {}, nullptr, lanes);
    vector::StoreOp::create(b, result, op.getDpsInits()[0],
                            ValueRange{row, col});
  }
};

/// Whether `op` is a plain `element` x `element` -> f32 linalg.matmul or
/// linalg.batch_matmul on buffers whose rows have unit strides.
bool isMatmulOf(linalg::LinalgOp op, Type element) {
  auto matmul = dyn_cast<linalg::MatmulOp>(op.getOperation());
  auto batch = dyn_cast<linalg::BatchMatmulOp>(op.getOperation());
  MLIRContext *ctx = op.getContext();
  if (!op.hasPureBufferSemantics() ||
      !((matmul && op.getIndexingMapsArray() ==
                       linalg::MatmulOp::getDefaultIndexingMaps(ctx)) ||
        (batch && op.getIndexingMapsArray() ==
                      linalg::BatchMatmulOp::getDefaultIndexingMaps(ctx))))
    return false;
  // Rows of unit stride (the batches' subviews are strided).
  auto is = [](Value v, function_ref<bool(Type)> element) {
    auto type = cast<MemRefType>(v.getType());
    return type.isLastDimUnitStride() && element(type.getElementType());
  };
  auto isElement = [&](Type t) { return t == element; };
  return is(op.getDpsInputs()[0], isElement) &&
         is(op.getDpsInputs()[1], isElement) &&
         is(op.getDpsInits()[0], [](Type t) { return t.isF32(); });
}

/// Replaces `op` by one linalg.matmul per batch, on rank-reduced subviews of
/// its operands (the same sums, accumulated into C the same way), in an
/// scf.for; returns that matmul.
linalg::MatmulOp splitBatches(linalg::BatchMatmulOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  Value batches = memref::DimOp::create(b, op.getDpsInits()[0], zero);
  auto loop = scf::ForOp::create(b, zero, batches, one);
  b.setInsertionPointToStart(loop.getBody());
  // v[i] as a 2-D view.
  auto batchOf = [&](Value v) -> Value {
    auto type = cast<MemRefType>(v.getType());
    SmallVector<OpFoldResult> offsets = {loop.getInductionVar(),
                                         b.getIndexAttr(0), b.getIndexAttr(0)};
    SmallVector<OpFoldResult> sizes = memref::getMixedSizes(b, b.getLoc(), v);
    sizes.front() = b.getIndexAttr(1);
    SmallVector<OpFoldResult> strides(3, b.getIndexAttr(1));
    auto viewType = memref::SubViewOp::inferRankReducedResultType(
        type.getShape().drop_front(), type, offsets, sizes, strides);
    return memref::SubViewOp::create(b, viewType, v, offsets, sizes, strides);
  };
  auto matmul = linalg::MatmulOp::create(
      b,
      ValueRange{batchOf(op.getDpsInputs()[0]), batchOf(op.getDpsInputs()[1])},
      ValueRange{batchOf(op.getDpsInits()[0])});
  op.erase();
  return matmul;
}

/// When `bMat` is a constant global [K, N] that the kernel can use, the
/// global with its values in the packed layout of KernelBuilder::pack
/// (created once per global and kind); otherwise null.
memref::GlobalOp getPackedGlobal(SymbolTable &symbols, Value bMat,
                                 const DotKind &kind) {
  auto getGlobal = bMat.getDefiningOp<memref::GetGlobalOp>();
  if (!getGlobal || kind.operand != kind.element || kind.flipLhs)
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

/// The u8 x s8 core's A'' = [A'; 1 ... 1] as --convert-quanta-to-linalg
/// builds it (its row of ones gives B's column sums in C's last row, for the
/// activations' zero point): a fresh allocation of M + 1 rows whose rows
/// [0, M) are a linalg.copy of `source` and whose row M is a linalg.fill of
/// ones, read by the core alone. The kernel then reads `source` in place and
/// sums B's columns where it packs or streams B (KernelBuilder's sumsRow),
/// and the copy moves to the fallback loops. The copy ran serially before
/// the kernel, and on two threads it cost about six times its one-thread
/// time (7.5 against 1.2 us at 256^3, 15 % of the call): each call's copy
/// wrote the cache lines of A'' that both threads had read in the call
/// before.
struct OnesRowLhs {
  Value source;
  memref::AllocOp alloc;
  // The views of `alloc`, the copy and the fill, in program order.
  SmallVector<Operation *> build;
  Operation *dealloc = nullptr;
};

/// Whether `view` is the unit-stride [rows, cols] view of `alloc` at (row,
/// 0) with `cols` all of its columns.
bool isRowsView(memref::SubViewOp view, memref::AllocOp alloc, OpFoldResult row,
                OpFoldResult rows) {
  MemRefType type = alloc.getType();
  OpFoldResult cols =
      type.isDynamicDim(1)
          ? OpFoldResult(alloc.getDynamicSizes().back())
          : OpFoldResult(IntegerAttr::get(IndexType::get(alloc.getContext()),
                                          type.getDimSize(1)));
  SmallVector<OpFoldResult> offsets = view.getMixedOffsets(),
                            sizes = view.getMixedSizes();
  return view.getSource() == alloc.getResult() &&
         view.getType().getRank() == 2 &&
         llvm::all_of(view.getStaticStrides(),
                      [](int64_t s) { return s == 1; }) &&
         isEqualConstantIntOrValue(offsets[0], row) &&
         isConstantIntValue(offsets[1], 0) &&
         isEqualConstantIntOrValue(sizes[0], rows) &&
         isEqualConstantIntOrValue(sizes[1], cols);
}

/// A (`a`, read by `core`) as an OnesRowLhs, when `source` is not written
/// between the copy and `kernelAt` (where the kernel will read it).
std::optional<OnesRowLhs> matchOnesRowLhs(Operation *core, Value a,
                                          Operation *kernelAt) {
  auto alloc = a.getDefiningOp<memref::AllocOp>();
  if (!alloc || alloc.getType().getRank() != 2 ||
      !alloc.getType().getLayout().isIdentity() ||
      alloc->getBlock() != core->getBlock())
    return std::nullopt;
  OnesRowLhs lhs;
  lhs.alloc = alloc;
  linalg::CopyOp copy;
  linalg::FillOp fill;
  memref::SubViewOp top, last;
  for (Operation *user : alloc->getUsers()) {
    if (user == core)
      continue;
    if (isa<memref::DeallocOp>(user) && !lhs.dealloc) {
      lhs.dealloc = user;
      continue;
    }
    auto view = dyn_cast<memref::SubViewOp>(user);
    if (!view || !view->hasOneUse() || view->getBlock() != core->getBlock())
      return std::nullopt;
    Operation *writer = *view->getUsers().begin();
    if (auto c = dyn_cast<linalg::CopyOp>(writer);
        c && !copy && c.getDpsInits()[0] == view.getResult()) {
      copy = c;
      top = view;
      continue;
    }
    if (auto f = dyn_cast<linalg::FillOp>(writer);
        f && !fill && f.getOutputs()[0] == view.getResult() &&
        matchPattern(f.value(), m_One())) {
      fill = f;
      last = view;
      continue;
    }
    return std::nullopt;
  }
  if (!copy || !fill || copy->getBlock() != core->getBlock() ||
      fill->getBlock() != core->getBlock() || !copy->isBeforeInBlock(core) ||
      !fill->isBeforeInBlock(core))
    return std::nullopt;
  // Rows [0, M) and row M of M + 1.
  OpFoldResult m = top.getMixedSizes()[0];
  OpFoldResult zero = IntegerAttr::get(IndexType::get(core->getContext()), 0);
  OpFoldResult one = IntegerAttr::get(IndexType::get(core->getContext()), 1);
  if (!isRowsView(top, alloc, zero, m) || !isRowsView(last, alloc, m, one))
    return std::nullopt;
  MemRefType type = alloc.getType();
  if (type.isDynamicDim(0)) {
    auto rows = alloc.getDynamicSizes().front().getDefiningOp<arith::AddIOp>();
    auto isM = [&](Value v) { return isEqualConstantIntOrValue(v, m); };
    if (!rows || !((isM(rows.getLhs()) && isConstant(rows.getRhs(), 1)) ||
                   (isM(rows.getRhs()) && isConstant(rows.getLhs(), 1))))
      return std::nullopt;
  } else if (!isConstantIntValue(m, type.getDimSize(0) - 1)) {
    return std::nullopt;
  }
  lhs.source = copy.getDpsInputs()[0];
  auto sourceType = cast<MemRefType>(lhs.source.getType());
  if (sourceType.getElementType() != type.getElementType() ||
      !sourceType.isLastDimUnitStride())
    return std::nullopt;
  if (!unwrittenUntil(lhs.source, copy, kernelAt))
    return std::nullopt;
  lhs.build = {top, copy, last, fill};
  llvm::sort(lhs.build,
             [](Operation *x, Operation *y) { return x->isBeforeInBlock(y); });
  return lhs;
}

struct LowerMatmulKernelsPass
    : public quanta::impl::LowerMatmulKernelsBase<LowerMatmulKernelsPass> {
  using LowerMatmulKernelsBase::LowerMatmulKernelsBase;

  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    std::optional<DotKind> int8Kind;
    if (int8 == "avx512vnni") {
      int8Kind = getVNNIKind(ctx);
      int8Kind->amx = amx;
    } else if (int8 == "neon-i8mm")
      int8Kind = getNEONI8MMKind(ctx);
    else if (int8 == "neon-dotprod")
      int8Kind = getNEONDotProdKind(ctx);
    else if (int8 == "avxvnni")
      int8Kind = getAVXVNNIKind(ctx);
    else if (int8 == "avx512bw")
      int8Kind = getAVX512BWKind(ctx);
    else if (int8 == "avx2")
      int8Kind = getAVX2Kind(ctx);
    else if (int8 != "none") {
      emitError(getOperation().getLoc())
          << "unknown int8 kernel '" << int8
          << "' (expected avx512vnni, avxvnni, avx512bw, avx2, neon-i8mm, "
             "neon-dotprod or none)";
      return signalPassFailure();
    }
    if (vectorBits != 0 && vectorBits != 128 && vectorBits != 256 &&
        vectorBits != 512) {
      emitError(getOperation().getLoc())
          << "unsupported vector-bits " << vectorBits.getValue()
          << " (expected 512, 256, 128 or 0)";
      return signalPassFailure();
    }
    if (streamPrefetch < 0) {
      emitError(getOperation().getLoc())
          << "stream-prefetch " << streamPrefetch.getValue()
          << " is negative (bytes ahead of the reads)";
      return signalPassFailure();
    }
    SymbolTable symbols(getOperation());
    SmallVector<std::pair<Operation *, DotKind>> cores;
    SmallVector<std::pair<Operation *, GroupedCore>> groupedCores;
    SmallVector<linalg::GenericOp> weightOnlyInt4, weightOnly8Bit,
        weightOnlyPairs;
    SmallVector<std::pair<linalg::BatchMatmulOp, DotKind>> batchMatmuls;
    getOperation()->walk([&](linalg::LinalgOp op) {
      auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
      std::optional<GroupedCore> core;
      if (generic && (int8 == "avx512vnni" || vectorBits))
        if ((core = matchGroupedCore(generic)))
          groupedCores.push_back({op, *core});
      // (The forms are exclusive: int4 on 5 loops, 8-bit on 3 or 4.)
      if (vectorBits && generic) {
        if (isWeightOnlyInt4Matmul(generic))
          weightOnlyInt4.push_back(generic);
        else if (isWeightOnly8BitMatmul(generic))
          weightOnly8Bit.push_back(generic);
        else if (generic.getNumLoops() == 5 && !core)
          weightOnlyPairs.push_back(generic);
      }
      // (A marked op with one input is what folding left of a matmul with
      // no rows: the column sums alone, which the loops compute.)
      if (int8Kind && isa<linalg::GenericOp>(op) &&
          op->hasAttr(quanta::kU8S8MatmulAttr) && op.getNumDpsInputs() == 2 &&
          op.hasPureBufferSemantics())
        cores.push_back({op, *int8Kind});
      std::optional<DotKind> floatKind;
      if (bf16 && isMatmulOf(op, BFloat16Type::get(ctx))) {
        floatKind = getBF16Kind(ctx);
        floatKind->amx = amx;
      }
      if (vectorBits && isMatmulOf(op, Float32Type::get(ctx)))
        floatKind = getF32Kind(ctx, vectorBits / 32);
      if (!floatKind)
        return;
      // A batched matmul: the kernel for each batch.
      if (auto batch = dyn_cast<linalg::BatchMatmulOp>(op.getOperation()))
        batchMatmuls.push_back({batch, *floatKind});
      else
        cores.push_back({op, *floatKind});
    });
    // The AMX kernels declare and call the C library's `syscall` (see
    // getAMXPermitted()): a function of the module with that name would
    // clash with it.
    bool usesAMX =
        llvm::any_of(cores, [](auto &core) { return core.second.amx; }) ||
        llvm::any_of(batchMatmuls,
                     [](auto &batch) { return batch.second.amx; }) ||
        (amx && int8 == "avx512vnni" &&
         llvm::any_of(groupedCores, [](auto &core) {
           return getAMXGroupChunk(core.second);
         }));
    Operation *clash = symbols.lookup("syscall");
    if (usesAMX && clash && !isa<LLVM::LLVMFuncOp>(clash)) {
      clash->emitError("a function named 'syscall' clashes with the C "
                       "library's, which the AMX matmul kernels call; rename "
                       "it or compile without AMX (--mattr=-amx-int8,"
                       "-amx-bf16)");
      return signalPassFailure();
    }
    for (auto [batch, kind] : batchMatmuls)
      cores.push_back({splitBatches(batch), kind});
    for (auto &[op, kind] : cores) {
      auto linalgOp = cast<linalg::LinalgOp>(op);
      ImplicitLocOpBuilder b(op->getLoc(), op);
      Value a = linalgOp.getDpsInputs()[0], bMat = linalgOp.getDpsInputs()[1],
            c = linalgOp.getDpsInits()[0];
      Operation *zeroFill = getZeroFill(op, c);
      // With an epilogue, the kernel replaces both ops at the epilogue.
      std::optional<RowEpilogue> epilogue = matchRowEpilogue(op, c);
      if (epilogue)
        b.setInsertionPoint(epilogue->op);
      memref::GlobalOp packedGlobal = getPackedGlobal(symbols, bMat, kind);
      // A'' = [A'; 1 ... 1]: the kernel reads A' in place (B's column sums
      // need B at run time: not with a B packed at compile time).
      Operation *kernelAt = epilogue ? epilogue->op : op;
      std::optional<OnesRowLhs> onesRow;
      if (!packedGlobal && op->hasAttr(quanta::kU8S8MatmulAttr))
        onesRow = matchOnesRowLhs(op, a, kernelAt);
      // B given N x K: integer sums (the row dots add in another order),
      // or words that transposedSlices() can transpose.
      std::optional<TransposedRhs> transposed;
      if (isa<IntegerType>(kind.accumulator) || transposesWords(kind))
        transposed = matchTransposedRhs(op, bMat, kernelAt);
      // The kernel needs K % perLane == 0 and N % lanes == 0 (and an
      // epilogue over all of C's columns, which it computes for each);
      // otherwise the loops.
      Value k = memref::DimOp::create(b, onesRow ? onesRow->source : a, 1);
      Value n = transposed ? memref::DimOp::create(b, transposed->source, 0)
                           : memref::DimOp::create(b, bMat, 1);
      Value kFits = isMultiple(b, k, kind.perLane);
      Value nFits = isMultiple(b, n, kind.lanes);
      Value fits = arith::AndIOp::create(b, kFits, nFits);
      if (epilogue) {
        Value outCols =
            memref::DimOp::create(b, epilogue->op.getDpsInits()[0], 1);
        Value allCols =
            arith::CmpIOp::create(b, arith::CmpIPredicate::eq, outCols, n);
        fits = arith::AndIOp::create(b, fits, allCols);
      }
      auto ifOp = scf::IfOp::create(b, fits, /*withElseRegion=*/true);
      {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(ifOp.thenBlock());
        Value prepacked;
        if (packedGlobal)
          prepacked = memref::GetGlobalOp::create(b, packedGlobal.getType(),
                                                  packedGlobal.getSymName());
        KernelBuilder(b, kind, onesRow ? onesRow->source : a, bMat, c, parallel,
                      prepacked, zeroFill, epilogue,
                      /*sumsRow=*/onesRow.has_value(), streamPrefetch,
                      transposed)
            .build();
        b.setInsertionPointToStart(ifOp.elseBlock());
        // The loops read A'' and B: they are built here.
        IRMapping mapping;
        if (onesRow) {
          b.clone(*onesRow->alloc, mapping);
          for (Operation *buildOp : onesRow->build)
            b.clone(*buildOp, mapping);
        }
        if (transposed)
          transposed->clone(b, mapping);
        if (zeroFill)
          b.clone(*zeroFill);
        Operation *fallback = b.clone(*op, mapping);
        fallback->removeAttr(quanta::kU8S8MatmulAttr);
        if (epilogue)
          b.clone(*epilogue->op);
        if (onesRow && onesRow->dealloc)
          b.clone(*onesRow->dealloc, mapping);
        if (transposed)
          transposed->build.deallocClones(b, mapping);
      }
      op->erase();
      if (zeroFill)
        zeroFill->erase();
      if (epilogue)
        epilogue->op->erase();
      if (onesRow) {
        if (onesRow->dealloc)
          onesRow->dealloc->erase();
        for (Operation *buildOp : llvm::reverse(onesRow->build))
          buildOp->erase();
        onesRow->alloc->erase();
      }
      if (transposed)
        transposed->build.erase();
    }
    VectorUnit unit{vectorBits / 32, /*permute16=*/vectorBits == 512};
    // The int8 instructions the W4A8 kernel on vectors may use: the int8
    // kernel's, and on AVX-VNNI targets (u8 x s8 only) AVX2's for signed
    // activations.
    SmallVector<DotKind> int4Dots;
    if (int8Kind)
      int4Dots.push_back(*int8Kind);
    if (int8 == "avxvnni")
      int4Dots.push_back(getAVX2Kind(ctx));
    for (auto &[op, core] : groupedCores)
      lowerGroupedCore(op, core, parallel, int8 == "avx512vnni", amx, unit,
                       int4Dots);
    for (linalg::GenericOp op : weightOnlyInt4)
      lowerWeightOnlyInt4Matmul(op, parallel, unit);
    for (linalg::GenericOp op : weightOnly8Bit)
      lowerWeightOnly8BitMatmul(op, parallel, unit);
    for (linalg::GenericOp op : weightOnlyPairs)
      lowerWeightOnlyPairsMatmul(op, parallel, unit);
  }
};

} // namespace
