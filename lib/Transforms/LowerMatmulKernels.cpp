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
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/IR/SymbolTable.h"

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

/// Emits the kernel for C[M, N] += A[M, K] x B[K, N], with K % perLane == 0
/// and N % lanes == 0. With `parallel`, the loops over column blocks (and
/// over the panels being packed) are scf.parallel loops, whose iterations
/// write disjoint columns of C.
class KernelBuilder {
public:
  /// `prepacked`: B already in the packed layout (see pack()), or null.
  KernelBuilder(ImplicitLocOpBuilder &b, const DotKind &kind, Value a,
                Value bMat, Value c, bool parallel, Value prepacked)
      : b(b), kind(kind), lanes(kind.lanes), parallel(parallel), a(a),
        bMat(bMat), c(c), packed(prepacked) {
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
    if (packed)
      return blocks(m, panels);
    // Few rows (GEMV): B is read once, so interleave it in registers as it
    // streams in; more rows: pack it once and reuse the panels.
    Value fewRows =
        arith::CmpIOp::create(b, arith::CmpIPredicate::ult, m, idx(8));
    auto ifOp = scf::IfOp::create(b, fewRows, /*withElseRegion=*/true);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    streamRows(m, panels);
    b.setInsertionPointToStart(ifOp.elseBlock());
    pack(panels);
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
  Type i32;
  VectorType acc, bytes;

  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, v); }

  void forLoop(Value lb, Value ub, int64_t step,
               function_ref<void(Value)> body) {
    auto loop = scf::ForOp::create(b, lb, ub, idx(step));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    body(loop.getInductionVar());
  }

  /// forLoop, as an scf.parallel loop when the kernel is parallel.
  void columnLoop(Value lb, Value ub, int64_t step,
                  function_ref<void(Value)> body) {
    if (!parallel)
      return forLoop(lb, ub, step, body);
    auto loop = scf::ParallelOp::create(b, ValueRange{lb}, ValueRange{ub},
                                        ValueRange{idx(step)});
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    body(loop.getInductionVars()[0]);
  }

  /// Few rows: B streams through once, row-major (sequential memory access):
  /// each perLane x lanes slice is interleaved in registers and multiplied
  /// into every row of C, which stays in the L1 cache.
  void streamRows(Value m, Value panels) {
    // Streams all rows of B through panels [first, last), colBlocks panels
    // at a time where they fit.
    auto stream = [&](Value first, Value last) {
      forLoop(idx(0), k4, 1, [&](Value kk) {
        Value k = arith::MulIOp::create(b, kk, idx(kind.perLane));
        auto group = [&](Value panel, int64_t count) {
          Value col = arith::MulIOp::create(b, panel, idx(lanes));
          SmallVector<Value> slices =
              interleavePanels(b, b.getLoc(), k, col, count);
          forLoop(idx(0), m, 1, [&](Value row) {
            Value broadcast = broadcastA(b, row, k);
            for (int64_t p = 0; p < count; ++p) {
              Value at = arith::AddIOp::create(b, col, idx(p * lanes));
              Value sum =
                  vector::LoadOp::create(b, acc, c, ValueRange{row, at});
              sum = dot(b, sum, broadcast, slices[p]);
              vector::StoreOp::create(b, sum, c, ValueRange{row, at});
            }
          });
        };
        Value groups = arith::AddIOp::create(
            b, first,
            arith::MulIOp::create(
                b,
                arith::DivUIOp::create(b, arith::SubIOp::create(b, last, first),
                                       idx(kind.colBlocks)),
                idx(kind.colBlocks)));
        forLoop(first, groups, kind.colBlocks,
                [&](Value panel) { group(panel, kind.colBlocks); });
        forLoop(groups, last, 1, [&](Value panel) { group(panel, 1); });
      });
    };
    if (!parallel)
      return stream(idx(0), panels);
    // Parallel: each iteration streams B through its own kStreamPanels
    // panels.
    columnLoop(idx(0), panels, kStreamPanels, [&](Value first) {
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

  /// acc + the perLane-element dot products of `lhs` and `rhs` in each lane
  /// (vpdpbusd: u8 lhs, s8 rhs).
  Value dot(ImplicitLocOpBuilder &lb, Value sum, Value lhs, Value rhs) {
    if (kind.separateAdd)
      return arith::AddIOp::create(
          lb, sum,
          LLVM::CallIntrinsicOp::create(
              lb, acc, lb.getStringAttr(kind.intrinsic), ValueRange{lhs, rhs})
              .getResult(0));
    return LLVM::CallIntrinsicOp::create(lb, acc,
                                         lb.getStringAttr(kind.intrinsic),
                                         ValueRange{sum, lhs, rhs})
        .getResult(0);
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
      forLoop(idx(0), fullRows, kind.rowBlock,
              [&](Value row) { tile(row, panel, kind.rowBlock, cols); });
      // The leftover rows as one block, so that B is read once more at most
      // (once in all for fewer rows than a block: the GEMV case).
      auto cases = scf::IndexSwitchOp::create(
          b, TypeRange{}, leftover, leftoverCases, leftoverCases.size());
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(&cases.getDefaultRegion().emplaceBlock());
      scf::YieldOp::create(b);
      for (auto [region, rows] :
           llvm::zip(cases.getCaseRegions(), leftoverCases)) {
        b.setInsertionPointToStart(&region.emplaceBlock());
        tile(fullRows, panel, rows, cols);
        scf::YieldOp::create(b);
      }
    };
    columnLoop(idx(0), fullPanels, kind.colBlocks,
               [&](Value panel) { rowsLoop(panel, kind.colBlocks); });
    forLoop(fullPanels, panels, 1, [&](Value panel) { rowsLoop(panel, 1); });
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

  /// packed[((panel * K4 + k4) * L + j) * P + t] = B[P * k4 + t, L * panel
  /// + j] (P = perLane, L = lanes): the vector the instruction multiplies for
  /// L columns and P rows.
  void pack(Value panels) {
    Value steps = arith::MulIOp::create(b, panels, k4);
    Value size = arith::MulIOp::create(b, steps, idx(kind.perLane * lanes));
    packed = memref::AllocOp::create(
        b, MemRefType::get({ShapedType::kDynamic}, kind.operand),
        ValueRange{size}, b.getI64IntegerAttr(64));
    columnLoop(idx(0), panels, 1, [&](Value panel) {
      forLoop(idx(0), k4, 1, [&](Value kk) {
        Value base = panelOffset(b, b.getLoc(), panel, kk);
        Value row = arith::MulIOp::create(b, kk, idx(kind.perLane));
        Value col = arith::MulIOp::create(b, panel, idx(lanes));
        vector::StoreOp::create(
            b, interleavePanels(b, b.getLoc(), row, col, 1).front(), packed,
            ValueRange{base});
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
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t j = 0; j < cols; ++j)
        init.push_back(vector::LoadOp::create(
            b, acc, c, ValueRange{rowIdx[r], colIdx[j]}));
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
                  dot(lb, accs[r * cols + j], broadcast, panelsAtK[j]));
          }
          scf::YieldOp::create(lb, next);
        });
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t j = 0; j < cols; ++j)
        vector::StoreOp::create(b, loop.getResult(r * cols + j), c,
                                ValueRange{rowIdx[r], colIdx[j]});
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
    getOperation()->walk([&](linalg::LinalgOp op) {
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
      // The kernel needs K % perLane == 0 and N % lanes == 0; otherwise
      // the loops.
      Value k = memref::DimOp::create(b, a, 1);
      Value n = memref::DimOp::create(b, bMat, 1);
      auto isMultiple = [&](Value v, int64_t of) {
        return arith::CmpIOp::create(
            b, arith::CmpIPredicate::eq,
            arith::RemUIOp::create(b, v, arith::ConstantIndexOp::create(b, of)),
            arith::ConstantIndexOp::create(b, 0));
      };
      Value fits = arith::AndIOp::create(b, isMultiple(k, kind.perLane),
                                         isMultiple(n, kind.lanes));
      auto ifOp = scf::IfOp::create(b, fits, /*withElseRegion=*/true);
      {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(ifOp.thenBlock());
        Value prepacked;
        if (memref::GlobalOp global = getPackedGlobal(symbols, bMat, kind))
          prepacked = memref::GetGlobalOp::create(b, global.getType(),
                                                  global.getSymName());
        KernelBuilder(b, kind, a, bMat, c, parallel, prepacked).build();
        b.setInsertionPointToStart(ifOp.elseBlock());
        Operation *fallback = b.clone(*op);
        fallback->removeAttr(quanta::kU8S8MatmulAttr);
      }
      op->erase();
    }
  }
};

} // namespace
