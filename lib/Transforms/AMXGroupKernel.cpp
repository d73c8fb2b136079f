//===- AMXGroupKernel.cpp - Grouped integer matmuls in AMX tiles ----------===//
//
// This file implements the AMX kernel of a GroupedCore whose group sums
// a fused GroupEpilogue reduces (W4A8 with many rows: the prefill of an
// int4 LLM on Sapphire Rapids; also 8-bit weights per group).
//
//===----------------------------------------------------------------------===//

#include "MatmulKernels.h"

#include "mlir/Dialect/AMX/AMXDialect.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace mlir;
using namespace mlir::quanta::matmul_kernels;

namespace {

/// Blocks of 32 rows per pass over B's groups (each group of B is unpacked
/// once per pass; the pass's results stay in L1 meanwhile). On Sapphire
/// Rapids, 64 x 4096 x 4096 against all of a block's B unpacked once into
/// L2: 1 block per pass 0.98-1.02x, 2 blocks 1.09-1.10x (2 threads:
/// 1.08x, 1.11-1.37x).
constexpr int64_t kPassRowBlocks = 2;

/// Columns of B per iteration of the kernel's column loop: 64 bytes of
/// each row of packed B.
constexpr int64_t kBlockColumns = 128;

/// Bytes of B that the unpacking prefetches ahead of its reads (64 x 4096 x
/// 4096 on Sapphire Rapids: 6.9 -> 6.5 ms; 256 KiB and 1 MiB no better).
constexpr int64_t kUnpackAheadBytes = 64 << 10;

/// The kernel, per block of 128 columns (in parallel, the blocks):
/// - A is packed once (before the column loop) per block of 32 rows and
///   `chunk` bytes of K, the rows past A's zeros;
/// - per pass of 2 blocks of 32 rows, their results in the block's columns
///   are copied from `out` to a buffer in L1; then for each group, B's
///   nibbles of the group are unpacked into bytes in the tiles' layout (per
///   panel of 16 columns, rows of 64 bytes holding 4 K steps of each
///   column, sign- or zero-extended as the core extends them; 8-bit weights
///   are only gathered into that layout), and for each
///   block of rows and pair of panels four 16 x 16 tiles sum the group's
///   products (`tdpbssd`, `tdpbusd`, ...), the tiles are stored to a 32 x
///   32 buffer, the zero points' corrections are applied, and the
///   epilogue's body adds the group to the results' buffer, in group order
///   like the op's loops; the results then go back to `out`.
/// A weight zero point is subtracted as B is unpacked: the tiles' bytes are
/// w - zb (in [-15, 15], s8). With an activation zero point, sum (a - za)(w
/// - zb) = sum a (w - zb) - za sum (w - zb): the sums of w - zb per group
/// and column come from the unpacking (a dot product of the unpacked bytes
/// with ones). The group sums are the core's exactly (i32, wrapping like
/// the loops), so the results are the loops' bit for bit.
/// (Rows of `out` are 16 KiB apart at N = 4096: applied to `out` itself,
/// the 32 rows of a block would share one L1 set per group, and the
/// epilogue took three quarters of the time.)
class AMXGroupBuilder {
public:
  AMXGroupBuilder(ImplicitLocOpBuilder &b, const GroupedCore &core,
                  const GroupEpilogue &epilogue, bool parallel, int64_t chunk)
      : b(b), core(core), epilogue(epilogue), parallel(parallel), chunk(chunk) {
  }

  void build() {
    a = memref::CollapseShapeOp::create(
        b, core.a, ArrayRef<ReassociationIndices>{{0}, {1, 2}});
    bRows = memref::CollapseShapeOp::create(
        b, core.b, ArrayRef<ReassociationIndices>{{0, 1}, {2}});
    out = linalg::GenericOp(epilogue.op).getDpsInits()[0];
    if (core.weightBits == 4)
      out = collapseColumnPairs(b, out);
    rows = memref::DimOp::create(b, core.a, 0);
    groups = memref::DimOp::create(b, core.a, 1);
    groupSize = memref::DimOp::create(b, core.a, 2);
    k = memref::DimOp::create(b, a, 1);
    epilogueLanes.emplace(b, epilogue, groups, 16);
    Value byteCols = memref::DimOp::create(b, core.b, 2);
    Value blocks = arith::DivUIOp::create(b, byteCols, idx(blockBytes()));
    Value rowBlocks = arith::CeilDivUIOp::create(b, rows, idx(32));
    packLhs(rowBlocks);
    columnLoop(b, parallel, idx(0), blocks, 1, [&](Value block) {
      Type i8 = b.getI8Type();
      unpacked = memref::AllocOp::create(
          b, MemRefType::get({ShapedType::kDynamic}, i8),
          ValueRange{arith::MulIOp::create(b, groupSize, idx(kBlockColumns))},
          b.getI64IntegerAttr(64));
      tiles =
          memref::AllocOp::create(b, MemRefType::get({32, 32}, b.getI32Type()),
                                  ValueRange{}, b.getI64IntegerAttr(64));
      local = memref::AllocOp::create(
          b,
          MemRefType::get({32 * kPassRowBlocks, kBlockColumns},
                          getElementTypeOrSelf(out.getType())),
          ValueRange{}, b.getI64IntegerAttr(64));
      if (core.lhsZp)
        weightSums = memref::AllocOp::create(
            b, MemRefType::get({kBlockColumns}, b.getI32Type()), ValueRange{},
            b.getI64IntegerAttr(64));
      Value col = arith::MulIOp::create(b, block, idx(kBlockColumns));
      forLoop(b, idx(0), rowBlocks, kPassRowBlocks,
              [&](Value rowBlock) { rowsOfBlock(block, rowBlock, col); });
      for (Value buffer : {unpacked, tiles, local, weightSums})
        if (buffer)
          memref::DeallocOp::create(b, buffer);
    });
    memref::DeallocOp::create(b, lhsPacked);
  }

private:
  ImplicitLocOpBuilder &b;
  const GroupedCore &core;
  const GroupEpilogue &epilogue;
  bool parallel;
  // Bytes of K per tile product: 32 (groups of 32) or 64.
  int64_t chunk;
  std::optional<GroupEpilogueLanes> epilogueLanes;
  // A [M, K], B [K, N / 2] (bytes; 8-bit weights [K, N]), out [M, N].
  Value a, bRows, out, rows, groups, groupSize, k;
  // A packed for the tiles (see packLhs()).
  Value lhsPacked;
  // Per iteration of the column loop: a group of the block's B unpacked, a
  // block's tiles, a pass's results; with an activation zero point the
  // group's sums of w per column [128].
  Value unpacked, tiles, local, weightSums;

  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, v); }

  /// Bytes of each row of B in a block of columns.
  int64_t blockBytes() const { return kBlockColumns * core.weightBits / 8; }

  /// A packed per block of 32 rows and `chunk` bytes of K, so that a tile
  /// reads 16 consecutive rows of `chunk` bytes (A's own rows, K bytes
  /// apart, share L1 sets when 4 KiB divides K); the rows past A's are
  /// zeros.
  void packLhs(Value rowBlocks) {
    Value size = arith::MulIOp::create(
        b, arith::MulIOp::create(b, rowBlocks, idx(32)), k);
    lhsPacked = memref::AllocOp::create(
        b, MemRefType::get({ShapedType::kDynamic}, b.getI8Type()),
        ValueRange{size}, b.getI64IntegerAttr(64));
    auto bytes = VectorType::get({chunk}, b.getI8Type());
    Value paddedRows = arith::MulIOp::create(b, rowBlocks, idx(32));
    forLoop(b, idx(0), paddedRows, 1, [&](Value row) {
      Value inA =
          arith::CmpIOp::create(b, arith::CmpIPredicate::ult, row, rows);
      forLoop(b, idx(0), k, chunk, [&](Value col) {
        Value v = loadOrZero(b, bytes, inA, a, ValueRange{row, col});
        vector::StoreOp::create(b, v, lhsPacked,
                                ValueRange{lhsOffset(row, col)});
      });
    });
  }

  /// Where A[row, col .. col + chunk) is in `lhsPacked`:
  /// [row / 32][col / chunk][row % 32][chunk].
  Value lhsOffset(Value row, Value col) {
    Value block = arith::DivUIOp::create(b, row, idx(32));
    Value inBlock = arith::RemUIOp::create(b, row, idx(32));
    Value chunks = arith::DivUIOp::create(b, k, idx(chunk));
    Value at =
        arith::AddIOp::create(b, arith::MulIOp::create(b, block, chunks),
                              arith::DivUIOp::create(b, col, idx(chunk)));
    at = arith::AddIOp::create(b, arith::MulIOp::create(b, at, idx(32)),
                               inBlock);
    return arith::MulIOp::create(b, at, idx(chunk));
  }

  /// Where K step `step` (4 rows of K) of the group, in the block's panel
  /// `panel`, starts in `unpacked`: 64 bytes per step, the panels one after
  /// the other.
  Value unpackedOffset(Value panel, Value step) {
    Value steps = arith::DivUIOp::create(b, groupSize, idx(4));
    Value at =
        arith::AddIOp::create(b, arith::MulIOp::create(b, panel, steps), step);
    return arith::MulIOp::create(b, at, idx(64));
  }

  /// Group g of B's 128 columns of `block` as bytes in the tiles' layout:
  /// byte 4n + t of panel p's row s is the weight of row g * size + 4s + t,
  /// column 16p + n. Per K step and 64 bytes of the 4 rows, the rows' bytes
  /// of 16 byte columns j are gathered into 32-bit lanes (byte t of lane j:
  /// row t): 8-bit weights are then a panel; int4 weights' low nibbles are
  /// the lanes of columns 2j and their high nibbles those of columns 2j +
  /// 1: byte shuffles of whole lanes then interleave them into two panels,
  /// from which the weight zero points are subtracted.
  void unpack(Value block, Value g) {
    Value byteCol = arith::MulIOp::create(b, block, idx(blockBytes()));
    auto bytes = VectorType::get({64}, b.getI8Type());
    Value four = arith::ConstantOp::create(
        b, DenseElementsAttr::get(bytes, b.getI8IntegerAttr(4)));
    Value fifteen = arith::ConstantOp::create(
        b, DenseElementsAttr::get(bytes, b.getI8IntegerAttr(15)));
    RowPrefetcher prefetcher(b, bRows, kUnpackAheadBytes);
    if (core.lhsZp)
      for (int64_t p = 0; p < kBlockColumns / 16; ++p)
        vector::StoreOp::create(
            b,
            arith::ConstantOp::create(
                b, b.getZeroAttr(VectorType::get({16}, b.getI32Type()))),
            weightSums, ValueRange{idx(16 * p)});
    SmallVector<Value> zeroPoints;
    if (core.rhsZp)
      for (int64_t p = 0; p < kBlockColumns / 16; ++p)
        zeroPoints.push_back(panelZeroPoints(block, g, p));
    // Panel p of K step `step`, less the weight zero points.
    auto store = [&](Value panel, int64_t p, Value step) {
      if (core.rhsZp)
        panel = arith::SubIOp::create(b, panel, zeroPoints[p]);
      vector::StoreOp::create(b, panel, unpacked, unpackedOffset(idx(p), step));
      if (core.lhsZp)
        addWeightSums(panel, 16 * p);
    };
    Value k0 = arith::MulIOp::create(b, g, groupSize);
    Value steps = arith::DivUIOp::create(b, groupSize, idx(4));
    forLoop(b, idx(0), steps, 1, [&](Value step) {
      Value k =
          arith::AddIOp::create(b, k0, arith::MulIOp::create(b, step, idx(4)));
      for (int64_t part = 0; part < blockBytes() / 64; ++part) {
        Value at = arith::AddIOp::create(b, byteCol, idx(64 * part));
        SmallVector<Value> rows;
        for (int64_t t = 0; t < 4; ++t) {
          Value row = arith::AddIOp::create(b, k, idx(t));
          prefetcher.prefetch(b, row, at);
          rows.push_back(
              vector::LoadOp::create(b, bytes, bRows, ValueRange{row, at}));
        }
        HalfRowPairs halves = pairHalfRows(b, rows);
        for (int64_t q = 0; q < 4; ++q) {
          // Byte t of lane j: row t, byte column 64 part + 16q + j.
          Value lanes = gatherRowBytes(
              b, halves,
              llvm::to_vector(llvm::seq<int64_t>(16 * q, 16 * q + 16)));
          if (core.weightBits == 8) {
            store(lanes, 4 * part + q, step);
            continue;
          }
          Value low, high;
          if (core.rhsSigned) {
            low = arith::ShRSIOp::create(
                b, arith::ShLIOp::create(b, lanes, four), four);
            high = arith::ShRSIOp::create(b, lanes, four);
          } else {
            low = arith::AndIOp::create(b, lanes, fifteen);
            high = arith::ShRUIOp::create(b, lanes, four);
          }
          // Panel 2q + h: column n from lane 8h + n / 2, low (even n) or
          // high (odd n).
          for (int64_t h = 0; h < 2; ++h) {
            SmallVector<int64_t> interleave;
            for (int64_t n = 0; n < 16; ++n)
              for (int64_t t = 0; t < 4; ++t)
                interleave.push_back(64 * (n % 2) + 4 * (8 * h + n / 2) + t);
            store(vector::ShuffleOp::create(b, low, high, interleave),
                  2 * q + h, step);
          }
        }
      }
    });
  }

  /// Adds the sums of the 4 K steps of each column of `panel` (unpacked
  /// bytes, columns from `col` in the block) to weightSums: the group's
  /// sums of w per column (zeroed when its unpacking starts).
  void addWeightSums(Value panel, int64_t col) {
    auto lanes = VectorType::get({16}, b.getI32Type());
    Value sums = vector::LoadOp::create(b, lanes, weightSums, idx(col));
    Value ones = arith::ConstantOp::create(
        b, DenseElementsAttr::get(VectorType::get({64}, b.getI8Type()),
                                  b.getI8IntegerAttr(1)));
    DotKind kind = getVNNIKind(b.getContext());
    // vpdpbusd's u8 side: the ones, or unsigned 8-bit weights.
    Value sum = core.weightBits == 8 && !core.rhsSigned
                    ? dot(b, kind, sums, panel, ones)
                    : dot(b, kind, sums, ones, panel);
    vector::StoreOp::create(b, sum, weightSums, idx(col));
  }

  /// The weight zero points of group g in panel p of `block`, in the
  /// panels' layout: byte 4n + t is column 16p + n's (64 bytes).
  Value panelZeroPoints(Value block, Value g, int64_t p) {
    Value col = arith::AddIOp::create(
        b, arith::MulIOp::create(b, block, idx(kBlockColumns)), idx(16 * p));
    Value zb = int4WeightZeroPoints(b, core, g, col);
    auto lanes = VectorType::get({16}, b.getI32Type());
    auto splat = [&](int32_t v) {
      return arith::ConstantOp::create(
          b, DenseElementsAttr::get(lanes, b.getI32IntegerAttr(v)));
    };
    Value repeated = arith::MulIOp::create(
        b, arith::AndIOp::create(b, zb, splat(0xFF)), splat(0x01010101));
    return vector::BitCastOp::create(b, VectorType::get({64}, b.getI8Type()),
                                     repeated);
  }

  /// Group g's sums of the tiles (row r, the 16 columns from `col`), less
  /// za * the group's sums of w - zb (`weightSums16`, with an activation
  /// zero point).
  Value correctedSums(Value sum, Value row, Value weightSums16) {
    if (!core.lhsZp)
      return sum;
    Value za = groupRowZeroPoint(b, core, row);
    return arith::SubIOp::create(b, sum,
                                 arith::MulIOp::create(b, za, weightSums16));
  }

  /// The results of the rows of kPassRowBlocks blocks of 32 rows from
  /// block `firstRowBlock` (those in A) in the 128 columns of `block` (from
  /// `col`): copied from `out` to `local`, then per group B's group
  /// unpacked (into L1) and each block of rows' and pair of panels' tiles
  /// added by the epilogue's body, then copied back.
  void rowsOfBlock(Value block, Value firstRowBlock, Value col) {
    Value firstRow = arith::MulIOp::create(b, firstRowBlock, idx(32));
    Value passRows = arith::MinUIOp::create(
        b, arith::SubIOp::create(b, rows, firstRow), idx(32 * kPassRowBlocks));
    auto lanes = VectorType::get({16}, getElementTypeOrSelf(local.getType()));
    auto eachVector = [&](function_ref<void(Value, Value)> body) {
      forLoop(b, idx(0), passRows, 1, [&](Value r) {
        for (int64_t j = 0; j < kBlockColumns / 16; ++j)
          body(r, idx(16 * j));
      });
    };
    eachVector([&](Value r, Value j) {
      Value at[2] = {arith::AddIOp::create(b, firstRow, r),
                     arith::AddIOp::create(b, col, j)};
      vector::StoreOp::create(b, vector::LoadOp::create(b, lanes, out, at),
                              local, ValueRange{r, j});
    });
    forLoop(b, idx(0), groups, 1, [&](Value g) {
      unpack(block, g);
      forLoop(b, idx(0), passRows, 32, [&](Value passRow) {
        Value outRow = arith::AddIOp::create(b, firstRow, passRow);
        Value count = arith::MinUIOp::create(
            b, arith::SubIOp::create(b, passRows, passRow), idx(32));
        forLoop(b, idx(0), idx(kBlockColumns / 32), 1, [&](Value pair) {
          Value pairCol = arith::MulIOp::create(b, pair, idx(32));
          Value cols[2], blockCols[2];
          for (int64_t j = 0; j < 2; ++j) {
            blockCols[j] = arith::AddIOp::create(b, pairCol, idx(16 * j));
            cols[j] = arith::AddIOp::create(b, col, blockCols[j]);
            epilogueLanes->prefetchNextGroup(outRow, g, cols[j]);
          }
          groupTiles(outRow, pair, g);
          Value columnSums[2];
          if (core.lhsZp)
            for (int64_t j = 0; j < 2; ++j)
              columnSums[j] = vector::LoadOp::create(
                  b, VectorType::get({16}, b.getI32Type()), weightSums,
                  blockCols[j]);
          forLoop(b, idx(0), count, 1, [&](Value r) {
            Value row = arith::AddIOp::create(b, outRow, r);
            Value localRow = arith::AddIOp::create(b, passRow, r);
            for (int64_t j = 0; j < 2; ++j) {
              Value sum = vector::LoadOp::create(
                  b, VectorType::get({16}, b.getI32Type()), tiles,
                  ValueRange{r, idx(16 * j)});
              sum = correctedSums(sum, row, columnSums[j]);
              epilogueLanes->apply(row, g, cols[j], sum, local,
                                   ValueRange{localRow, blockCols[j]});
            }
          });
        });
      });
    });
    eachVector([&](Value r, Value j) {
      Value at[2] = {arith::AddIOp::create(b, firstRow, r),
                     arith::AddIOp::create(b, col, j)};
      vector::StoreOp::create(
          b, vector::LoadOp::create(b, lanes, local, ValueRange{r, j}), out,
          at);
    });
  }

  /// Group g's sums of the 32 rows from `row` (a multiple of 32) and the
  /// panels of `pair`, in four tiles, stored to `tiles`.
  void groupTiles(Value row, Value pair, Value g) {
    Type i8 = b.getI8Type();
    auto lhsTile = amx::TileType::get({16, chunk}, i8);
    auto rhsTile = amx::TileType::get({chunk / 4, 64}, i8);
    auto accTile = amx::TileType::get({16, 16}, b.getI32Type());
    Value aRows[2] = {row, arith::AddIOp::create(b, row, idx(16))};
    Value panels[2] = {arith::MulIOp::create(b, pair, idx(2)), Value()};
    panels[1] = arith::AddIOp::create(b, panels[0], idx(1));
    SmallVector<Value> init;
    for (int64_t i = 0; i < 4; ++i)
      init.push_back(amx::TileZeroOp::create(b, accTile));
    Value k0 = arith::MulIOp::create(b, g, groupSize);
    Value stride = idx(64);
    auto loop = scf::ForOp::create(
        b, idx(0), groupSize, idx(chunk), init,
        [&](OpBuilder &nb, Location loc, Value kc, ValueRange accs) {
          ImplicitLocOpBuilder lb(loc, nb);
          Value kAt = arith::AddIOp::create(lb, k0, kc);
          Value step = arith::DivUIOp::create(
              lb, kc, arith::ConstantIndexOp::create(lb, 4));
          SmallVector<Value> lhsTiles, rhsTiles, next;
          for (Value r : aRows)
            lhsTiles.push_back(amx::TileLoadOp::create(
                lb, lhsTile, lhsPacked, ValueRange{lhsOffset(r, kAt)},
                idx(chunk)));
          for (Value p : panels)
            rhsTiles.push_back(amx::TileLoadOp::create(
                lb, rhsTile, unpacked, ValueRange{unpackedOffset(p, step)},
                stride));
          for (int64_t i = 0; i < 2; ++i)
            for (int64_t j = 0; j < 2; ++j)
              next.push_back(amx::TileMulIOp::create(
                  lb, accTile, lhsTiles[i], rhsTiles[j], accs[2 * i + j],
                  /*isZextLhs=*/!core.lhsSigned,
                  /*isZextRhs=*/core.weightBits == 8 && !core.rhsSigned));
          scf::YieldOp::create(lb, next);
        });
    for (int64_t i = 0; i < 2; ++i)
      for (int64_t j = 0; j < 2; ++j)
        amx::TileStoreOp::create(b, tiles, ValueRange{idx(16 * i), idx(16 * j)},
                                 loop.getResult(2 * i + j));
  }
};

} // namespace

int64_t
mlir::quanta::matmul_kernels::getAMXGroupChunk(const GroupedCore &core) {
  // 8-bit weights less their zero points would not fit the s8 tiles.
  if (core.weightBits == 8 && core.rhsZp)
    return 0;
  int64_t groupSize = cast<MemRefType>(core.a.getType()).getDimSize(2);
  if (groupSize == 32)
    return 32;
  if (!ShapedType::isDynamic(groupSize) && groupSize % 64 == 0)
    return 64;
  return 0;
}

Value mlir::quanta::matmul_kernels::amxGroupFits(ImplicitLocOpBuilder &b,
                                                 const GroupedCore &core) {
  auto module = b.getBlock()->getParentOp()->getParentOfType<ModuleOp>();
  Value rows = memref::DimOp::create(b, core.a, 0);
  Value manyRows = arith::CmpIOp::create(
      b, arith::CmpIPredicate::uge, rows,
      arith::ConstantIndexOp::create(b, kAMXGroupMinRows));
  return arith::AndIOp::create(b, getAMXPermitted(b, module), manyRows);
}

void mlir::quanta::matmul_kernels::buildAMXGroupCore(
    ImplicitLocOpBuilder &b, const GroupedCore &core,
    const GroupEpilogue &epilogue, bool parallel, int64_t chunk) {
  AMXGroupBuilder(b, core, epilogue, parallel, chunk).build();
}
