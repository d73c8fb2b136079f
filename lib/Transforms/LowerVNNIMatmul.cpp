//===- LowerVNNIMatmul.cpp - u8 x s8 matmul as an AVX-512 VNNI kernel -----===//
//
// This file rewrites the u8 x s8 -> i32 matmul cores that
// --convert-quanta-to-linalg marks into a register-blocked AVX-512 VNNI
// microkernel: B is packed into panels of 16 columns x 4 rows (the operand
// layout of vpdpbusd), and each 6 x 64 block of C lives in 24 zmm
// accumulators while K is traversed four bytes at a time.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_LOWERVNNIMATMUL
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

namespace {

constexpr StringLiteral kU8S8MatmulAttr = "quanta.u8s8_matmul";
constexpr int64_t kRowBlock = 6;    // rows of C per register block
constexpr int64_t kColBlocks = 4;   // 16-column panels per register block
constexpr int64_t kPanelWidth = 16; // i32 lanes of a zmm register

/// Emits the VNNI kernel for C[M, N] += A[M, K] (u8) x B[K, N] (s8), with
/// K % 4 == 0 and N % 16 == 0.
class KernelBuilder {
public:
  KernelBuilder(ImplicitLocOpBuilder &b, Value a, Value bMat, Value c)
      : b(b), a(a), bMat(bMat), c(c) {
    i8 = b.getI8Type();
    i32 = b.getI32Type();
    acc = VectorType::get({kPanelWidth}, i32);
    bytes = VectorType::get({4 * kPanelWidth}, i8);
  }

  void build() {
    Value m = memref::DimOp::create(b, a, 0);
    Value k = memref::DimOp::create(b, a, 1);
    Value n = memref::DimOp::create(b, bMat, 1);
    k4 = arith::DivUIOp::create(b, k, idx(4));
    Value panels = arith::DivUIOp::create(b, n, idx(kPanelWidth));
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
  Value a, bMat, c, k4, packed;
  Type i8, i32;
  VectorType acc, bytes;

  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, v); }

  void forLoop(Value lb, Value ub, int64_t step,
               function_ref<void(Value)> body) {
    auto loop = scf::ForOp::create(b, lb, ub, idx(step));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    body(loop.getInductionVar());
  }

  /// Few rows: B streams through once, row-major (sequential memory access):
  /// each 4 x 16 slice is interleaved in registers and multiplied into every
  /// row of C, which stays in the L1 cache.
  void streamRows(Value m, Value panels) {
    forLoop(idx(0), k4, 1, [&](Value kk) {
      Value k = arith::MulIOp::create(b, kk, idx(4));
      forLoop(idx(0), panels, 1, [&](Value panel) {
        Value col = arith::MulIOp::create(b, panel, idx(kPanelWidth));
        Value slice = interleavePanel(b, b.getLoc(), k, col);
        forLoop(idx(0), m, 1, [&](Value row) {
          Value sum = vector::LoadOp::create(b, acc, c, ValueRange{row, col});
          sum = vpdpbusd(b, sum, broadcastA(b, row, k), slice);
          vector::StoreOp::create(b, sum, c, ValueRange{row, col});
        });
      });
    });
  }

  /// The four bytes A[row, k..k+3] broadcast to every lane.
  Value broadcastA(ImplicitLocOpBuilder &lb, Value row, Value k) {
    Value quad = vector::LoadOp::create(lb, VectorType::get({4}, i8), a,
                                        ValueRange{row, k});
    Value word = vector::ExtractOp::create(
        lb, vector::BitCastOp::create(lb, VectorType::get({1}, i32), quad), 0);
    return vector::BitCastOp::create(lb, bytes,
                                     vector::BroadcastOp::create(lb, acc, word));
  }

  /// acc + the 4-byte dot products of u8 `unsignedBytes` and s8 `signedBytes`.
  Value vpdpbusd(ImplicitLocOpBuilder &lb, Value sum, Value unsignedBytes,
                 Value signedBytes) {
    return LLVM::CallIntrinsicOp::create(
               lb, acc, lb.getStringAttr("llvm.x86.avx512.vpdpbusd.512"),
               ValueRange{sum, unsignedBytes, signedBytes})
        .getResult(0);
  }

  /// All register blocks of C: 6 x 64 where they fit, then leftover rows
  /// and 16-column panels.
  void blocks(Value m, Value panels) {
    Value fullRows = arith::MulIOp::create(
        b, arith::DivUIOp::create(b, m, idx(kRowBlock)), idx(kRowBlock));
    Value fullPanels = arith::MulIOp::create(
        b, arith::DivUIOp::create(b, panels, idx(kColBlocks)),
        idx(kColBlocks));
    auto rowsLoop = [&](Value panel, int64_t cols) {
      forLoop(idx(0), fullRows, kRowBlock,
              [&](Value row) { tile(row, panel, kRowBlock, cols); });
      forLoop(fullRows, m, 1, [&](Value row) { tile(row, panel, 1, cols); });
    };
    forLoop(idx(0), fullPanels, kColBlocks,
            [&](Value panel) { rowsLoop(panel, kColBlocks); });
    forLoop(fullPanels, panels, 1, [&](Value panel) { rowsLoop(panel, 1); });
  }

  /// The 64 bytes vpdpbusd multiplies for 16 columns from `col` and 4 rows
  /// from `row`: B[row + t, col + j] at byte 4 * j + t, interleaved from four
  /// 16-byte row slices with two rounds of shuffles.
  Value interleavePanel(OpBuilder &ob, Location loc, Value row, Value col) {
    ImplicitLocOpBuilder lb(loc, ob);
    SmallVector<Value> rows;
    for (int64_t t = 0; t < 4; ++t)
      rows.push_back(vector::LoadOp::create(
          lb, VectorType::get({kPanelWidth}, i8), bMat,
          ValueRange{arith::AddIOp::create(
                         lb, row, arith::ConstantIndexOp::create(lb, t)),
                     col}));
    SmallVector<int64_t> pairs, quads;
    for (int64_t j = 0; j < kPanelWidth; ++j)
      pairs.append({j, kPanelWidth + j});
    for (int64_t j = 0; j < kPanelWidth; ++j)
      quads.append({2 * j, 2 * j + 1, 2 * kPanelWidth + 2 * j,
                    2 * kPanelWidth + 2 * j + 1});
    Value low = vector::ShuffleOp::create(lb, rows[0], rows[1], pairs);
    Value high = vector::ShuffleOp::create(lb, rows[2], rows[3], pairs);
    return vector::ShuffleOp::create(lb, low, high, quads);
  }

  /// packed[((panel * K4 + k4) * 16 + j) * 4 + t] = B[4 * k4 + t, 16 * panel
  /// + j]: the 64 bytes vpdpbusd multiplies for 16 columns and 4 rows.
  void pack(Value panels) {
    Value size = arith::MulIOp::create(
        b, arith::MulIOp::create(b, panels, k4), idx(4 * kPanelWidth));
    packed = memref::AllocOp::create(
        b, MemRefType::get({ShapedType::kDynamic}, i8), ValueRange{size},
        b.getI64IntegerAttr(64));
    forLoop(idx(0), panels, 1, [&](Value panel) {
      forLoop(idx(0), k4, 1, [&](Value kk) {
        Value base = arith::MulIOp::create(
            b,
            arith::AddIOp::create(b, arith::MulIOp::create(b, panel, k4), kk),
            idx(4 * kPanelWidth));
        Value row = arith::MulIOp::create(b, kk, idx(4));
        Value col = arith::MulIOp::create(b, panel, idx(kPanelWidth));
        vector::StoreOp::create(b, interleavePanel(b, b.getLoc(), row, col),
                                packed, ValueRange{base});
      });
    });
  }

  /// One register block of `rows` x (`cols` x 16) at (row, 16 * panel).
  void tile(Value row, Value panel, int64_t rows, int64_t cols) {
    SmallVector<Value> rowIdx, colIdx, panelIdx;
    for (int64_t r = 0; r < rows; ++r)
      rowIdx.push_back(arith::AddIOp::create(b, row, idx(r)));
    for (int64_t j = 0; j < cols; ++j) {
      panelIdx.push_back(arith::AddIOp::create(b, panel, idx(j)));
      colIdx.push_back(
          arith::MulIOp::create(b, panelIdx.back(), idx(kPanelWidth)));
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
          Value k = arith::MulIOp::create(lb, kk,
                                          arith::ConstantIndexOp::create(lb, 4));
          SmallVector<Value> panelsAtK;
          for (int64_t j = 0; j < cols; ++j) {
            Value offset = arith::MulIOp::create(
                lb,
                arith::AddIOp::create(
                    lb, arith::MulIOp::create(lb, panelIdx[j], k4), kk),
                arith::ConstantIndexOp::create(lb, 4 * kPanelWidth));
            panelsAtK.push_back(
                vector::LoadOp::create(lb, bytes, packed, ValueRange{offset}));
          }
          SmallVector<Value> next;
          for (int64_t r = 0; r < rows; ++r) {
            Value broadcast = broadcastA(lb, rowIdx[r], k);
            for (int64_t j = 0; j < cols; ++j)
              next.push_back(vpdpbusd(lb, accs[r * cols + j], broadcast,
                                      panelsAtK[j]));
          }
          scf::YieldOp::create(lb, next);
        });
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t j = 0; j < cols; ++j)
        vector::StoreOp::create(b, loop.getResult(r * cols + j), c,
                                ValueRange{rowIdx[r], colIdx[j]});
  }
};

struct LowerVNNIMatmulPass
    : public quanta::impl::LowerVNNIMatmulBase<LowerVNNIMatmulPass> {
  void runOnOperation() override {
    SmallVector<linalg::GenericOp> cores;
    getOperation()->walk([&](linalg::GenericOp op) {
      if (op->hasAttr(kU8S8MatmulAttr) && op.hasPureBufferSemantics())
        cores.push_back(op);
    });
    for (linalg::GenericOp op : cores) {
      ImplicitLocOpBuilder b(op.getLoc(), op);
      Value a = op.getDpsInputs()[0], bMat = op.getDpsInputs()[1],
            c = op.getDpsInits()[0];
      // The kernel needs K % 4 == 0 and N % 16 == 0; otherwise the loops.
      Value k = memref::DimOp::create(b, a, 1);
      Value n = memref::DimOp::create(b, bMat, 1);
      auto isMultiple = [&](Value v, int64_t of) {
        return arith::CmpIOp::create(
            b, arith::CmpIPredicate::eq,
            arith::RemUIOp::create(b, v, arith::ConstantIndexOp::create(b, of)),
            arith::ConstantIndexOp::create(b, 0));
      };
      Value fits =
          arith::AndIOp::create(b, isMultiple(k, 4), isMultiple(n, 16));
      auto ifOp = scf::IfOp::create(b, fits, /*withElseRegion=*/true);
      {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(ifOp.thenBlock());
        KernelBuilder(b, a, bMat, c).build();
        b.setInsertionPointToStart(ifOp.elseBlock());
        Operation *fallback = b.clone(*op);
        fallback->removeAttr(kU8S8MatmulAttr);
      }
      op.erase();
    }
  }
};

} // namespace
