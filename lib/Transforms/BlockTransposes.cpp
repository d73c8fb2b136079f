//===- BlockTransposes.cpp - Transposes in blocks of vector registers -----===//
//
// This file implements `--quanta-block-transposes`: a linalg.transpose of
// buffers that swaps two groups of dimensions becomes loops over B x B
// blocks of its matrix, each transposed in vector registers by shuffles,
// rather than `--convert-linalg-to-loops`' loops in output order, whose
// reads are a row apart.
//
//===----------------------------------------------------------------------===//

#include "MatmulKernels.h"
#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_BLOCKTRANSPOSES
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;
using mlir::quanta::matmul_kernels::columnLoop;
using mlir::quanta::matmul_kernels::forLoop;

namespace {

/// Rows of the input per strip of blocks: each output row then gets 256
/// contiguous elements per strip (a 4096^2 byte transpose on Zen 4: 4.0 ms
/// with 256, 5.9 with 64, 8.3 with 16; 128-512 within 3 %).
constexpr int64_t kStripRows = 256;

/// The number of leading input dimensions that become the output's trailing
/// ones when `perm` swaps two groups of dimensions ([a, ..., r - 1, 0, ...,
/// a - 1]), else 0.
int64_t getSwapSplit(ArrayRef<int64_t> perm) {
  int64_t rank = perm.size();
  for (int64_t a = 1; a < rank; ++a) {
    bool swaps = true;
    for (int64_t i = 0; i < rank && swaps; ++i)
      swaps = perm[i] == (i < rank - a ? a + i : i - (rank - a));
    if (swaps)
      return a;
  }
  return 0;
}

/// Whether `memref` collapses to 2-D by `groups` (rank 2 already, or
/// layout-compatible).
bool collapsesTo2D(Value memref, ArrayRef<ReassociationIndices> groups) {
  auto type = cast<MemRefType>(memref.getType());
  return type.getRank() == 2 ||
         memref::CollapseShapeOp::isGuaranteedCollapsible(type, groups);
}

/// `memref` collapsed to 2-D by `groups` (see collapsesTo2D).
Value collapseTo2D(ImplicitLocOpBuilder &b, Value memref,
                   ArrayRef<ReassociationIndices> groups) {
  if (cast<MemRefType>(memref.getType()).getRank() == 2)
    return memref;
  return memref::CollapseShapeOp::create(b, memref, groups);
}

/// Emits `out[c, r] = in[r, c]` for 2-D buffers `in` (R x C) and `out`.
class TransposeBuilder {
public:
  TransposeBuilder(ImplicitLocOpBuilder &b, Value in, Value out)
      : b(b), in(in), out(out) {
    element = cast<MemRefType>(in.getType()).getElementType();
    int64_t bits = element.isIntOrFloat() ? element.getIntOrFloatBitWidth() : 0;
    vectorized = (bits == 8 || bits == 16 || bits == 32 || bits == 64) &&
                 cast<MemRefType>(in.getType()).isLastDimUnitStride() &&
                 cast<MemRefType>(out.getType()).isLastDimUnitStride();
    // 16 bytes per vector; 16 x 16 elements one at a time otherwise.
    block = vectorized ? 128 / bits : 16;
  }

  void build() {
    Value rows = memref::DimOp::create(b, in, 0);
    Value cols = memref::DimOp::create(b, in, 1);
    Value fullRows = roundDown(rows), fullCols = roundDown(cols);
    Value zero = idx(0);
    // Strips of kStripRows rows, blocks along the row, then down the strip.
    // The strips write disjoint columns of the output: an scf.parallel
    // loop, on OpenMP threads with --openmp, else sequential.
    columnLoop(
        b, /*parallel=*/true, zero, fullRows, kStripRows, [&](Value strip) {
          Value stripEnd = arith::MinUIOp::create(
              b, arith::AddIOp::create(b, strip, idx(kStripRows)), fullRows);
          forLoop(b, zero, fullCols, block, [&](Value c0) {
            forLoop(b, strip, stripEnd, block,
                    [&](Value r0) { transposeBlock(r0, c0); });
          });
        });
    // The edges: the last rows (all columns), the last columns.
    copyElements(fullRows, rows, zero, cols);
    copyElements(zero, fullRows, fullCols, cols);
  }

private:
  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, v); }

  /// x rounded down to a multiple of the block size.
  Value roundDown(Value x) {
    return arith::SubIOp::create(b, x,
                                 arith::RemUIOp::create(b, x, idx(block)));
  }

  /// out[c, r] = in[r, c] for r in [r0, r1), c in [c0, c1), one element at
  /// a time.
  void copyElements(Value r0, Value r1, Value c0, Value c1) {
    forLoop(b, r0, r1, 1, [&](Value r) {
      forLoop(b, c0, c1, 1, [&](Value c) {
        Value v = memref::LoadOp::create(b, in, ValueRange{r, c});
        memref::StoreOp::create(b, v, out, ValueRange{c, r});
      });
    });
  }

  /// The block of `block` rows from r0 and columns from c0.
  void transposeBlock(Value r0, Value c0) {
    if (!vectorized) {
      Value r1 = arith::AddIOp::create(b, r0, idx(block));
      Value c1 = arith::AddIOp::create(b, c0, idx(block));
      copyElements(r0, r1, c0, c1);
      return;
    }
    auto rowType = VectorType::get({block}, element);
    SmallVector<Value> v;
    for (int64_t i = 0; i < block; ++i) {
      Value r = arith::AddIOp::create(b, r0, idx(i));
      v.push_back(vector::LoadOp::create(b, rowType, in, ValueRange{r, c0}));
    }
    // log2(block) rounds: rows i and i + block / 2 interleaved, their low
    // halves into row 2i, their high halves into row 2i + 1; then row j
    // holds column j.
    int64_t half = block / 2;
    SmallVector<int64_t> lo, hi;
    for (int64_t p = 0; p < half; ++p) {
      lo.append({p, block + p});
      hi.append({half + p, block + half + p});
    }
    for (int64_t span = 1; span < block; span *= 2) {
      SmallVector<Value> next;
      for (int64_t i = 0; i < half; ++i) {
        next.push_back(vector::ShuffleOp::create(b, v[i], v[i + half], lo));
        next.push_back(vector::ShuffleOp::create(b, v[i], v[i + half], hi));
      }
      v = std::move(next);
    }
    for (int64_t j = 0; j < block; ++j) {
      Value c = arith::AddIOp::create(b, c0, idx(j));
      vector::StoreOp::create(b, v[j], out, ValueRange{c, r0});
    }
  }

  ImplicitLocOpBuilder &b;
  Value in, out;
  Type element;
  bool vectorized;
  int64_t block;
};

struct BlockTransposesPass
    : public quanta::impl::BlockTransposesBase<BlockTransposesPass> {
  void runOnOperation() override {
    // Each transpose with its split (see getSwapSplit).
    SmallVector<std::pair<linalg::TransposeOp, int64_t>> transposes;
    getOperation()->walk([&](linalg::TransposeOp op) {
      int64_t split = getSwapSplit(op.getPermutation());
      if (op.hasPureBufferSemantics() && split)
        transposes.push_back({op, split});
    });
    for (auto [op, split] : transposes) {
      int64_t rank = op.getPermutation().size();
      auto groups = [&](int64_t first) {
        return SmallVector<ReassociationIndices>{
            llvm::to_vector(llvm::seq<int64_t>(0, first)),
            llvm::to_vector(llvm::seq<int64_t>(first, rank))};
      };
      if (!collapsesTo2D(op.getInput(), groups(split)) ||
          !collapsesTo2D(op.getInit(), groups(rank - split)))
        continue;
      ImplicitLocOpBuilder b(op.getLoc(), op);
      Value in = collapseTo2D(b, op.getInput(), groups(split));
      Value out = collapseTo2D(b, op.getInit(), groups(rank - split));
      TransposeBuilder(b, in, out).build();
      op.erase();
    }
  }
};

} // namespace
