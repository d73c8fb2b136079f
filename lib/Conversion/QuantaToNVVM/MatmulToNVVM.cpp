//===- MatmulToNVVM.cpp - quanta.matmul as tensor-core GPU kernels --------===//
//
// This file implements `--convert-quanta-matmul-to-nvvm`: the calls that
// `--quanta-outline-gpu-matmul` left in place of quanta.matmul ops become
// gpu.launch ops whose bodies run `mma.sync` on fragments staged in shared
// memory (or, on sm_90a, warpgroup MMAs reading shared memory through
// matrix descriptors, see wgmmaDescriptor), followed by the op's epilogue
// (zero points, scales, bias, quantization) in registers.
//
// Fragment layouts (PTX ISA, "Matrix fragments for mma.m16n8k16" and
// "mma.m16n8k32"), with g = lane / 4 and t = lane % 4, every register one
// 32-bit word:
//   A (16 x k, row): a0 = row g, word t; a1 = row g + 8, word t;
//                    a2 = row g, word t + 4; a3 = row g + 8, word t + 4;
//   B (k x 8, col):  b0 = column g, word t; b1 = column g, word t + 4;
//   C/D (16 x 8):    c0, c1 = row g, columns 2t, 2t + 1;
//                    c2, c3 = row g + 8, columns 2t, 2t + 1;
// where a word holds 4 consecutive k of 8-bit elements (k32) or 2 of f16
// (k16). Shared memory keeps A row-major and B transposed (n-major), both in
// 32-bit words along k, so `ldmatrix.x4` loads four fragment registers.
//
//===----------------------------------------------------------------------===//

#include "GPUMatmul.h"

#include "../QuantaToLinalg/ScalarNumerics.h"
#include "quanta/Conversion/Passes.h"
#include "quanta/Dialect/Quanta/QuantaOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/NVGPU/IR/NVGPUDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"

#include <cmath>

namespace mlir::quanta {
#define GEN_PASS_DEF_CONVERTQUANTAMATMULTONVVM
#include "quanta/Conversion/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;
using namespace mlir::quanta;
using gpu_matmul::Kind;

namespace {

/// A block tiling: blockM x blockN result tiles computed by warpsM x warpsN
/// warps, each a tile of tilesM() x tilesN() mma tiles of 16 x 8.
struct Tiling {
  int64_t blockM, blockN, warpsM, warpsN;
  int64_t threads() const { return 32 * warpsM * warpsN; }
  int64_t tilesM() const { return blockM / warpsM / 16; }
  int64_t tilesN() const { return blockN / warpsN / 8; }
};
/// More than 64 rows: 128 x 128 tiles, 8 warps of 64 x 32 (4 x 4 mma tiles),
/// 32 mma per warp and K stage.
constexpr Tiling kLargeTiling = {128, 128, 2, 4};
/// sm_90a int8 with N x K weights: 128 x 256 tiles, each warpgroup a
/// 64 x 256 half (m64n256k32, 128 accumulators per thread): a quarter fewer
/// operand bytes per product from L2 than 128 x 128 tiles, which L2
/// throughput bounds.
constexpr Tiling kWideTiling = {128, 256, 2, 4};
/// Up to 64 rows (decode, small batches): 64 x 64 tiles, 4 warps of 32 x 32,
/// so that a GEMV still has N / 64 blocks; for 8-bit operands 64 x 32 tiles
/// (warps of 32 x 16), N / 32 blocks (16-bit rhs staging takes 8 columns
/// per thread and stage, which 32 columns do not fill).
constexpr Tiling kSmallTiling = {64, 64, 2, 2};
constexpr Tiling kSmall8BitTiling = {64, 32, 2, 2};
/// The row count above which the large tiling is used.
constexpr int64_t kSmallTilingMaxM = 64;
/// Up to this many rows (decode), matmuls take the dot kernels, blocks of
/// kDotWarps warps without tensor cores: with the weights N x K
/// buildDotKernel (a warp per result column, each lane streaming 16-byte
/// chunks of the column's weight row along K), with the weights K x N
/// buildColumnDotKernel (8 columns per lane, the warps along K).
constexpr int64_t kDotMaxM = 4;
constexpr int64_t kDotWarps = 8;
/// 32-bit words per tile row and K stage: 64 8-bit or 32 16-bit elements,
/// two mma K steps.
constexpr int64_t kWordsK = 16;
/// Rows of the shared tiles are padded by 4 words, so that the 8 x 4 words of
/// one fragment load fall in distinct banks (and rows stay 16-byte aligned).
constexpr int64_t kPadWords = 4;
/// wgmma (sm_90a) tiles: groups of 8 rows, each the K stage's 4 "core
/// matrices" of 8 rows x 16 bytes (128 contiguous bytes, rows 16 bytes
/// apart) one after the other along K; copied by cp.async in 16-byte chunks,
/// 8 lanes per core matrix, free of bank conflicts without padding.
constexpr int64_t kCoreWords = kWordsK / 4 * 32;
/// The most buffers of a cp.async pipeline's ring (dynamic shared memory),
/// as many as the block's shared memory holds (sharedBytesPerBlock): on
/// sm_90 192 KiB for the wgmma kernel's 128 x 256 tiles, 160 KiB for
/// mma.sync's 128 x 128 tiles, 60-80 KiB for the small tiles.
constexpr int64_t kMaxRingBuffers = 8;

/// The shared memory a block of `chip` may opt into (CUDA C++ Programming
/// Guide, "Technical Specifications per Compute Capability"), less 1 KiB
/// for the kernels' static shared memory: 227 KiB on sm_90, 163 KiB on
/// sm_80 and sm_87, 99 KiB on sm_86 and sm_89, else the 48 KiB every GPU
/// gives.
static int64_t sharedBytesPerBlock(StringRef chip) {
  int sm = gpu_matmul::getSMVersion(chip);
  int64_t kib = 48;
  if (sm >= 90)
    kib = 227;
  else if (sm == 80 || sm == 87)
    kib = 163;
  else if (sm == 86 || sm == 89)
    kib = 99;
  return (kib - 1) * 1024;
}
/// The wgmma M: each warpgroup (4 warps) computes a 64-row half of the
/// block's tile, one m64nNk32 per 32 bytes of K with N the tile's width.
constexpr int64_t kWgmmaM = 64;

/// One matmul to build a kernel for: its operands (memrefs, by role) and
/// attributes. `lhsScheme` is null for weight-only matmuls (plain
/// activations).
struct MatmulCall {
  Kind kind;
  SchemeAttr lhsScheme, rhsScheme;
  std::optional<SchemeAttr> resultScheme;
  /// The rhs operand is the weights transposed, N x K (`rhs_k_major`).
  bool rhsKMajor = false;
  llvm::StringMap<Value> operands;
  Value get(StringRef role) const { return operands.lookup(role); }
};

/// Builds the kernel of one matmul with `b` at the call it replaces.
class KernelBuilder {
public:
  KernelBuilder(ImplicitLocOpBuilder &b, const MatmulCall &mm, StringRef chip)
      : b(b), mm(mm), i32(b.getI32Type()), f32(b.getF32Type()),
        sharedBytes(sharedBytesPerBlock(chip)) {
    elementBits = mm.kind == Kind::F16 || mm.kind == Kind::WeightOnly ? 16 : 8;
    elemsPerWord = 32 / elementBits;
    blockK = kWordsK * elemsPerWord;
    needRowSums = mm.kind == Kind::Int8 && mm.get("rhs_zp");
    needColSums = mm.kind == Kind::Int8 && mm.get("lhs_zp");
    lhsElement = cast<MemRefType>(mm.get("lhs").getType()).getElementType();
    rhsInt4 = mm.kind == Kind::Int8 && mm.rhsScheme.getStorageWidth() == 4;
    packedWeights =
        mm.kind == Kind::WeightOnly && mm.rhsScheme.getStorageWidth() == 4;
    for (SchemeAttr scheme : {mm.lhsScheme, mm.rhsScheme})
      if (scheme && scheme.getGranularity() == Granularity::per_group) {
        perGroup = true;
        groupSize = scheme.getGroupSize();
      }
    groupSums = perGroup && mm.kind == Kind::Int8;
    // wgmma reads both operands from shared memory: no fragments in
    // registers for the zero points' dp4a sums. It is fed by cp.async,
    // which needs the weights N x K (K x N ones are transposed in
    // registers; with that staging, wgmma measured slower than mma.sync on
    // an H200: 0.57 against 0.50 ms at 4096^3). FP8 stays on mma.sync: FP8
    // wgmma sums missed docs/GPU.md's bound (by up to 9 %), even with each
    // 64-element K stage summed apart and added in f32, while FP8 mma.sync
    // stays within 1 % of it.
    wgmmaForLargeTiles = chip == "sm_90a" && mm.kind == Kind::Int8 &&
                         !needRowSums && !needColSums && !groupSums &&
                         mm.rhsKMajor && !rhsInt4;
  }

  void build();
  /// A batched matmul (`batched`): lhs, rhs (unless 2-D, shared) and the
  /// destination have the batches first. One launch of the kernels per
  /// call, blocks of grid z computing batch z on views of that batch's
  /// matrices (their alignment checked in the kernel, per batch).
  void buildBatched();

private:
  /// Batch `batch` of the 3-D buffer `v`: a [rows, columns] view.
  Value batchView(Value v, Value batch);
  /// Within `launch`'s body (for a batched matmul), mm's lhs, rhs and
  /// destination are the views of the block's batch (grid z) until the
  /// binding ends, then again those of batch 0 (the host's, for sizes).
  struct BatchBinding {
    BatchBinding(KernelBuilder &builder, gpu::LaunchOp launch);
    ~BatchBinding();
    KernelBuilder &builder;
    llvm::StringMap<Value> hostViews;
  };
  /// Grid z of the kernels' launches: the batches, or 1.
  Value gridZ() { return batches ? batches : idx(1); }

  ImplicitLocOpBuilder &b;
  MatmulCall mm;
  // A batched matmul: the number of batches and the 3-D buffers.
  Value batches;
  llvm::StringMap<Value> batchedOperands;
  Type i32, f32, lhsElement;
  int64_t elementBits, elemsPerWord, blockK;
  bool needRowSums, needColSums;
  // Parameters per group of groupSize along K (else per tensor or channel).
  bool perGroup = false;
  int64_t groupSize = 0;
  // int8 kernel: the rhs is packed int4 (W4A8), staged as 8-bit words; the
  // i32 sums of each group are scaled into f32 sums (groupSums) after the
  // group's last mma K step, which follow the row and column sums among the
  // loop-carried values (from floatBase).
  bool rhsInt4 = false, groupSums = false;
  int64_t floatBase = 0;
  // The tiling of the kernel being built, and whether it multiplies by
  // warpgroup MMAs fed by cp.async (see wgmmaForLargeTiles) rather than
  // `mma.sync`; if so, the ring's buffer count.
  Tiling tiling = kLargeTiling;
  bool wgmmaForLargeTiles = false, wgmma = false;
  // Whether both operands are copied by cp.async into a ring of
  // ringBuffers shared buffers (wgmma, and mma.sync with the weights N x K:
  // both operands staged by rows, nothing transposed, widened or
  // dequantized) rather than staged through registers into two; the shared
  // memory a block may have.
  bool asyncCopies = false;
  int64_t ringBuffers = 0, sharedBytes;
  // The mma tiles of a warp (of 16 x 8), the fragment addresses of its
  // lanes (see buildKernel), and where the row and column sums follow the
  // accumulators among the loop-carried values.
  int64_t tilesM = 0, tilesN = 0, rowBase = 0, colBase = 0;
  Value aRowOffset, aWordOffset, bRowOffset, bWordOffset;
  // Values of the kernel body: the sizes and their last indices (read once),
  // the block's origin, the lane's fragment coordinates, the shared tiles
  // (a ring of buffers each), and whether each operand may be read by vector
  // loads.
  Value M, N, K, lastM, lastN, lastK, tid, m0, n0, g, t, wm, wn, tileA, tileB;
  Value vectorA, vectorB;
  // The shared words this thread stages in every K stage: word i of an
  // operand goes to [row, col] of its tile (the same slots on the vector and
  // the scalar path), from global row (lhs) or column (rhs) `global`. The
  // vector path uses them unrolled, computed once per kernel (slotsA,
  // slotsB); the scalar path in a loop over i.
  struct Slot {
    Value row, col, global;
  };
  SmallVector<Slot> slotsA, slotsB;
  // The words of one K stage that the vector path loaded (rhs 8-bit and f16
  // as loaded, see transposeB), to be stored after the mma of the current
  // stage; the scalar path stores its words itself.
  struct StageWords {
    Value fullA, fullB;
    SmallVector<Value> a, b;
  };
  // Weight-only: whether the weights are int4 (read packed) rather than
  // 8-bit; their parameters hoisted out of the K loop (per tensor or per
  // column: they depend only on the thread's 8 columns).
  bool packedWeights = false;
  SmallVector<Value> weightScales, weightZps;

  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, v); }
  Value c32(int64_t v) {
    return arith::ConstantOp::create(b, b.getI32IntegerAttr(v));
  }
  Value add(Value x, Value y) { return arith::AddIOp::create(b, x, y); }
  Value mul(Value x, Value y) { return arith::MulIOp::create(b, x, y); }
  Value sub(Value x, Value y) { return arith::SubIOp::create(b, x, y); }
  Value ult(Value x, Value y) {
    return arith::CmpIOp::create(b, arith::CmpIPredicate::ult, x, y);
  }
  Value ule(Value x, Value y) {
    return arith::CmpIOp::create(b, arith::CmpIPredicate::ule, x, y);
  }
  Value andI(Value x, Value y) { return arith::AndIOp::create(b, x, y); }
  Value orI(Value x, Value y) { return arith::OrIOp::create(b, x, y); }
  Value shl(Value x, int64_t n) {
    return n ? arith::ShLIOp::create(b, x, c32(n)).getResult() : x;
  }
  Value shr(Value x, int64_t n) {
    return n ? arith::ShRUIOp::create(b, x, c32(n)).getResult() : x;
  }
  Value minIdx(Value x, Value y) { return arith::MinUIOp::create(b, x, y); }
  Value xorIdx(Value x, Value y) { return arith::XOrIOp::create(b, x, y); }
  // x + c, x * c, x & c with constant c: one op-creating argument per call
  // (the order in which a compiler evaluates arguments must not matter).
  Value addC(Value x, int64_t c) {
    Value k = idx(c);
    return add(x, k);
  }
  Value mulC(Value x, int64_t c) {
    Value k = idx(c);
    return mul(x, k);
  }
  Value andC(Value x, int64_t c) {
    Value k = c32(c);
    return andI(x, k);
  }
  Value ceilDivIdx(Value x, int64_t d) { return divIdx(addC(x, d - 1), d); }
  Value divIdx(Value x, int64_t d) {
    return arith::DivUIOp::create(b, x, idx(d));
  }
  Value remIdx(Value x, int64_t d) {
    return arith::RemUIOp::create(b, x, idx(d));
  }

  Value firstElementAddress(Value memref);
  Value isAligned(Value memref, int64_t bytes);
  Value loadVectorWords(Value inside, Value memref, ValueRange indices,
                        int64_t bytes);
  Value loadBits(Value memref, Value row, Value col, Value inBounds,
                 Value lastRow, Value lastCol);
  Value loadWord(Value outer, Value word, bool isRhs);
  Value widenNibbles(Value word);
  SmallVector<Value, 2> spreadNibbles(Value packed);
  SmallVector<Value> nibblesOf(Value word);
  Value packedIndex(Value k, Value n);
  /// Whether an operand is staged by rows of K (lhs, and N x K weights
  /// other than weight-only ones, which are dequantized column by column).
  bool stagesRows(bool isRhs) const {
    return !isRhs || (mm.rhsKMajor && mm.kind != Kind::WeightOnly);
  }
  SmallVector<Value> loadRowChunks(bool isRhs, Value k0);
  void storeRowChunks(Value tile, Value buffer, ArrayRef<Slot> slots,
                      ArrayRef<Value> words, bool isRhs);
  void buildKernel(const Tiling &tiling, Value hostM, Value hostN);
  void buildDotKernel(Value hostN, int64_t rowCount);
  void buildColumnDotKernel(Value hostN, int64_t rowCount);
  void buildGroupDotKernel(Value hostN, int64_t rowCount);
  void buildGroupRowDotKernel(Value hostN, int64_t rowCount);
  Value widen(Value element, SchemeAttr scheme);
  int64_t colsPerItem() const { return elementBits == 8 ? 4 : 8; }
  int64_t slotCount(bool isRhs) const;
  Value tileBWord(Value row, Value word);
  SmallVector<Value, 2> tileIndices(Value row, Value word, bool isRhs);
  Value wgmmaDescriptor(Value tile, Value buffer, Value rowGroup,
                        int64_t kStep);
  void ptxStatement(StringRef text);
  SmallVector<Value> wgmmaMultiply(Value descA, Value descB,
                                   ArrayRef<Value> acc);
  SmallVector<Value> wgmmaWait(ArrayRef<Value> acc, int64_t pending);
  SmallVector<Value> wgmmaStage(Value buffer, Value warp, ArrayRef<Value> acc);
  Value sharedAddress(Value tile, Value buffer, const Slot &slot, bool isRhs);
  void copyStage(Value k0, Value buffer, bool isRhs);
  SmallVector<Value> buildAsyncCopyLoop(ValueRange inits, Value warp);
  int64_t accIndex(int64_t mi, int64_t ni, int64_t j) const {
    return (mi * tilesN + ni) * 4 + j;
  }
  void mmaStage(Value buffer, Value k0, SmallVectorImpl<Value> &carried);
  void reduceSums(ArrayRef<Value> carried, SmallVectorImpl<Value> &rowSums,
                  SmallVectorImpl<Value> &colSums);
  void flushGroup(Value kEnd, SmallVectorImpl<Value> &carried);
  SmallVector<Value, 4> loadMatrices(Value tile, Value buffer, Value row,
                                     Value word);
  void storeTileB(Value word, Value buffer, const Slot &slot);
  Slot slot(Value i, bool isRhs);
  void computeSlots();
  StageWords loadStage(Value k0, Value buffer);
  void storeStage(Value buffer, const StageWords &words);
  SmallVector<Value> loadVectorB(Value k0);
  SmallVector<Value> transposeB(ArrayRef<Value> raw);
  void stageScalar(Value wordK0, Value buffer, bool isRhs);
  Value loadNibble(Value packed, Value index);
  Value loadPackedK(Value n, Value k, int64_t count);
  SmallVector<Value> loadNibbleWord(Value k, Value nBase);
  SmallVector<Value> loadRowNibbles(Value k, Value nBase, Value vectorPath);
  SmallVector<Value> loadRowElements(Value k, Value nBase, Value vectorPath);
  SmallVector<Value> loadRowWeights(Value k, Value nBase, Value vectorPath);
  Value rowVectorPath();
  SmallVector<Value> columnSumInits(int64_t rowCount, Value zero,
                                    int64_t &colSumBase, int64_t &rowSumBase);
  Value widenNibble(Value nibble);
  void accumulateRow(MutableArrayRef<Value> sums, ArrayRef<Value> activations,
                     ArrayRef<Value> weights, int64_t colSumBase,
                     int64_t rowSumBase);
  Value rhsParamIndex(Value k, Value n);
  Value loadRhsScale(Value k, Value n);
  Value loadRhsZp(Value k, Value n);
  void loadWeightParams(Value k, Value nBase, SmallVectorImpl<Value> &scales,
                        SmallVectorImpl<Value> &zps);
  Value dequantWeight(Value code, Value zpCode, Value scale, Value inBounds);
  Value dequantWeightF32(Value code, Value zpCode, Value scale);
  SmallVector<Value> loadWeightOnlyB(Value k0, bool vectorized);
  Value mma(ArrayRef<Value> a, ArrayRef<Value> bFrag, ArrayRef<Value> c);
  Value dp4a(Value word, Value acc, bool isSigned);
  Value dp4a(Value x, Value y, Value acc, bool signedX, bool signedY);
  Value plus(Value x, Value y);
  Value times(Value x, Value y);
  Value laneSum(Value v, ArrayRef<int32_t> offsets);
  void readSizes();
  /// A lane of a dot kernel whose warps compute a column each (see
  /// columnWarp).
  struct ColumnWarp {
    Value lane, col, colC;
    SmallVector<Value> rows;
  };
  gpu::LaunchOp launchColumnWarps(Value hostN);
  ColumnWarp columnWarp(gpu::LaunchOp launch, int64_t rowCount);
  void storeColumn(const ColumnWarp &cw, int64_t rowCount,
                   function_ref<void(int64_t)> store);
  SmallVector<Value> dotSums(const ColumnWarp &cw, Value vectorPath,
                             Value first, Value end, int64_t lanes);
  Value loadParam(StringRef role, Value row, Value col, Value k = Value());
  Value zeroPoint(StringRef role, Value row, Value col, Value k = Value());
  Value correctSum(Value acc, Value za, Value zb, Value rowSum, Value colSum,
                   Value count);
  Value groupBlock(Value sum, Value rowSum, Value colSum, Value sa, Value za,
                   Value sb, Value zb);
  Value scaleFloatSum(Value acc, Value row, Value col);
  void storeResult(Value acc, Value row, Value col, Value rowSum, Value colSum);
};

/// Reads the sizes in a kernel (kernel arguments after outlining), once: M
/// and K from lhs, N from the destination (rhs may be packed int4, 1-D
/// bytes), and their last indices.
void KernelBuilder::readSizes() {
  Value lhs = mm.get("lhs"), out = mm.get(gpu_matmul::kInitRole);
  M = memref::DimOp::create(b, lhs, 0);
  K = memref::DimOp::create(b, lhs, 1);
  N = memref::DimOp::create(b, out, 1);
  lastM = sub(M, idx(1));
  lastK = sub(K, idx(1));
  lastN = sub(N, idx(1));
}

/// The address of `memref`'s first element: its data pointer plus its
/// offset (a view's) times the element size.
Value KernelBuilder::firstElementAddress(Value memref) {
  auto metadata = memref::ExtractStridedMetadataOp::create(b, memref);
  Value base = memref::ExtractAlignedPointerAsIndexOp::create(
      b, metadata.getBaseBuffer());
  int64_t elementBytes =
      cast<MemRefType>(memref.getType()).getElementTypeBitWidth() / 8;
  return add(base, mulC(metadata.getOffset(), elementBytes));
}

/// Whether the address of `memref`'s first element is a multiple of `bytes`.
Value KernelBuilder::isAligned(Value memref, int64_t bytes) {
  Value rem = remIdx(firstElementAddress(memref), bytes);
  return arith::CmpIOp::create(b, arith::CmpIPredicate::eq, rem, idx(0));
}

/// `bytes` (1, 2, 4, 8 or 16) bytes of `memref` from `indices`, aligned to
/// `bytes`, as 32-bit words (one ld.global.b8, ld.global.b16,
/// ld.global.b32, ld.global.v2.b32 or ld.global.v4.b32; 1 or 2 bytes
/// zero-extended to a word) when `inside`, else
/// zeros and no load: rows of lhs past M and columns of rhs past N, which
/// only reach results that are not stored.
Value KernelBuilder::loadVectorWords(Value inside, Value memref,
                                     ValueRange indices, int64_t bytes) {
  Type element = cast<MemRefType>(memref.getType()).getElementType();
  int64_t count = bytes * 8 / element.getIntOrFloatBitWidth();
  auto vectorType = VectorType::get({count}, element);
  auto wordsType = VectorType::get({std::max<int64_t>(bytes / 4, 1)}, i32);
  auto ifOp = scf::IfOp::create(b, TypeRange{wordsType}, inside,
                                /*withElseRegion=*/true);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&ifOp.getThenRegion().front());
  auto load = vector::LoadOp::create(b, vectorType, memref, indices);
  load.setAlignment(static_cast<uint64_t>(bytes));
  Value words;
  if (bytes == 1)
    words = arith::ExtUIOp::create(b, wordsType, load);
  else if (bytes < 4)
    words = arith::ExtUIOp::create(
        b, wordsType,
        vector::BitCastOp::create(
            b, VectorType::get({1}, b.getIntegerType(bytes * 8)), load));
  else
    words = vector::BitCastOp::create(b, wordsType, load);
  scf::YieldOp::create(b, words);
  b.setInsertionPointToStart(&ifOp.getElseRegion().front());
  Value zeros = arith::ConstantOp::create(
      b, wordsType, DenseElementsAttr::get(wordsType, b.getI32IntegerAttr(0)));
  scf::YieldOp::create(b, zeros);
  return ifOp.getResult(0);
}

/// The bits of element [row, col] of an operand as an i32 (zero-extended),
/// or 0 outside it. The address is clamped to the last row and column
/// (computed once per kernel), so that every load is valid.
Value KernelBuilder::loadBits(Value memref, Value row, Value col,
                              Value inBounds, Value lastRow, Value lastCol) {
  Value r = minIdx(row, lastRow);
  Value c = minIdx(col, lastCol);
  Value v = memref::LoadOp::create(b, memref, ValueRange{r, c});
  Type element = cast<MemRefType>(memref.getType()).getElementType();
  if (!element.isInteger())
    v = arith::BitcastOp::create(
        b, b.getIntegerType(element.getIntOrFloatBitWidth()), v);
  v = arith::ExtUIOp::create(b, i32, v);
  return arith::SelectOp::create(b, inBounds, v, c32(0));
}

/// Word `word` (elements [word * E, word * E + E) along K) of row `outer` of
/// lhs (M x K), or of column `outer` of rhs (K x N, or N x K when K-major).
Value KernelBuilder::loadWord(Value outer, Value word, bool isRhs) {
  Value memref = mm.get(isRhs ? "rhs" : "lhs");
  Value outerOk = ult(outer, isRhs ? N : M);
  Value lastOuter = isRhs ? lastN : lastM;
  Value result = c32(0);
  for (int64_t e = 0; e < elemsPerWord; ++e) {
    Value k = addC(mulC(word, elemsPerWord), e);
    Value ok = andI(outerOk, ult(k, K));
    Value bits;
    if (isRhs && rhsInt4) {
      Value index = packedIndex(minIdx(k, lastK), minIdx(outer, lastN));
      bits = arith::SelectOp::create(b, ok, loadNibble(memref, index), c32(0));
    } else {
      bits = stagesRows(isRhs)
                 ? loadBits(memref, outer, k, ok, lastOuter, lastK)
                 : loadBits(memref, k, outer, ok, lastK, lastN);
    }
    result = orI(result, shl(bits, e * elementBits));
  }
  return isRhs && rhsInt4 ? widenNibbles(result) : result;
}

/// The 4 bytes of `word`, each an int4 element in [0, 15], as 8-bit
/// integers: unchanged for ui4, sign-extended for i4 (bit 3 set: or 0xF0).
Value KernelBuilder::widenNibbles(Value word) {
  if (!mm.rhsScheme.isSignedStorage())
    return word;
  return orI(word, mul(andC(word, 0x08080808), c32(0x1E)));
}

/// The 8 nibbles of `packed` (elements 8i ... 8i + 7 along K of packed int4
/// rhs, the first in the low nibble) as two words of 4 bytes each, widened
/// (widenNibbles): the even elements (low nibbles) and the odd ones
/// interleaved by byte shuffles.
SmallVector<Value, 2> KernelBuilder::spreadNibbles(Value packed) {
  auto bytes = VectorType::get({4}, b.getI8Type());
  auto oneWord = VectorType::get({1}, i32);
  auto asBytes = [&](Value word) {
    Value v = vector::FromElementsOp::create(b, oneWord, word);
    return vector::BitCastOp::create(b, bytes, v).getResult();
  };
  Value even = asBytes(andC(packed, 0x0F0F0F0F));
  Value odd = asBytes(andC(shr(packed, 4), 0x0F0F0F0F));
  SmallVector<Value, 2> words;
  for (const std::array<int64_t, 4> &mask :
       {std::array<int64_t, 4>{0, 4, 1, 5},
        std::array<int64_t, 4>{2, 6, 3, 7}}) {
    Value v = vector::ShuffleOp::create(b, even, odd, mask);
    Value word = vector::BitCastOp::create(b, oneWord, v);
    words.push_back(
        widenNibbles(vector::ExtractOp::create(b, word, ArrayRef<int64_t>{0})));
  }
  return words;
}

/// The 8 nibbles of `word` (packed int4, the first in the low nibble) as
/// i32s in [0, 15].
SmallVector<Value> KernelBuilder::nibblesOf(Value word) {
  SmallVector<Value> nibbles;
  for (int64_t j = 0; j < 8; ++j)
    nibbles.push_back(andC(shr(word, 4 * j), 15));
  return nibbles;
}

/// The row-major element index of rhs element [k, n] in its packed int4
/// buffer: K x N, or N x K with `rhs_k_major`.
Value KernelBuilder::packedIndex(Value k, Value n) {
  return mm.rhsKMajor ? add(mul(n, K), k) : add(mul(k, N), n);
}

/// The four 8 x 4-word matrices of `tile`'s buffer `buffer` that one
/// `ldmatrix.x4` loads, this lane addressing row `row` at word `word`: lane
/// g * 4 + t gets word t of row g of each matrix, as one register of an mma
/// fragment.
SmallVector<Value, 4> KernelBuilder::loadMatrices(Value tile, Value buffer,
                                                  Value row, Value word) {
  auto type = VectorType::get({4, 1}, i32);
  Value matrices = nvgpu::LdMatrixOp::create(
      b, type, tile, ValueRange{buffer, row, word}, /*transpose=*/false,
      /*numTiles=*/4);
  SmallVector<Value, 4> words;
  for (int64_t j = 0; j < 4; ++j)
    words.push_back(
        vector::ExtractOp::create(b, matrices, ArrayRef<int64_t>{j, 0}));
  return words;
}

/// The number of words this thread stages per K stage of lhs or rhs.
int64_t KernelBuilder::slotCount(bool isRhs) const {
  if (!isRhs)
    return tiling.blockM * kWordsK / tiling.threads();
  return tiling.blockN * kWordsK / tiling.threads();
}

/// The position in its row of the rhs tile of word `word` of row (column n)
/// `row`: the words XOR 4 * ((row / 8) % 4). The 8-bit staging stores word
/// k of columns 4g + j (g = 0 ... 7) from one warp, rows 16 words apart in
/// banks: the XOR spreads them over all 32 banks. A fragment load reads 8
/// consecutive rows of one block of 8, whose words all get the same XOR.
Value KernelBuilder::tileBWord(Value row, Value word) {
  Value block = remIdx(divIdx(row, 8), 4);
  Value mask = mulC(block, 4);
  return xorIdx(word, mask);
}

/// The indices (after the buffer's) in a shared tile of word `word` of row
/// `row` (of column n for the rhs): with wgmma, in core-matrix groups (see
/// kCoreWords); else rows of kWordsK + kPadWords words, the rhs words
/// swizzled (tileBWord).
SmallVector<Value, 2> KernelBuilder::tileIndices(Value row, Value word,
                                                 bool isRhs) {
  if (wgmma) {
    Value chunk = mulC(divIdx(word, 4), 32);
    Value inChunk = add(mulC(remIdx(row, 8), 4), remIdx(word, 4));
    return {divIdx(row, 8), add(chunk, inChunk)};
  }
  return {row, isRhs ? tileBWord(row, word) : word};
}

/// Stores `word` to the rhs tile's buffer `buffer` at `slot`.
void KernelBuilder::storeTileB(Value word, Value buffer, const Slot &slot) {
  SmallVector<Value, 2> at = tileIndices(slot.row, slot.col, /*isRhs=*/true);
  memref::StoreOp::create(b, word, tileB, ValueRange{buffer, at[0], at[1]});
}

/// Slot `i` of this thread (see Slot). lhs: chunks of 4 words (16 bytes) of
/// a row, consecutive threads along the row. rhs: items of one word (k) of 4
/// (8-bit) or 8 (16-bit, int4) consecutive columns; 16-bit and int4 items
/// with consecutive threads along k (one item per thread, the same columns
/// in every stage), 8-bit ones 8 along n by 4 along k.
KernelBuilder::Slot KernelBuilder::slot(Value i, bool isRhs) {
  int64_t threads = tiling.threads();
  if (stagesRows(isRhs)) {
    Value origin = isRhs ? n0 : m0;
    int64_t chunksPerRow = kWordsK / 4;
    Value chunkStart = mulC(divIdx(i, 4), threads);
    Value chunk = add(tid, chunkStart);
    if (wgmma) {
      // Each warp stages 8 rows: lanes 8c ... 8c + 7 chunk c of rows 0-7,
      // so that each 8-lane store phase writes one core matrix (128
      // contiguous bytes).
      Value lane = remIdx(chunk, 32);
      Value r = add(mulC(divIdx(chunk, 32), 8), remIdx(lane, 8));
      Value word0 = mulC(divIdx(lane, 8), 4);
      return {r, add(word0, remIdx(i, 4)), add(origin, r)};
    }
    // Rows of 20 words: a 16-byte store phase (8 lanes, 2 rows) is free of
    // bank conflicts when its rows are 4 apart, so the chunks' rows q (in
    // lane order) go to tile rows (q - q % 8) + (q % 8) / 2 + 4 * (q % 2).
    Value q = divIdx(chunk, chunksPerRow);
    Value qLow = remIdx(q, 8);
    Value block = sub(q, qLow);
    Value half = divIdx(qLow, 2);
    Value odd = mulC(remIdx(qLow, 2), 4);
    Value r = add(block, add(half, odd));
    Value word0 = mulC(remIdx(chunk, chunksPerRow), 4);
    Value col = add(word0, remIdx(i, 4));
    Value row = add(origin, r);
    return {r, col, row};
  }
  int64_t cols = colsPerItem();
  Value itemStart = mulC(divIdx(i, cols), threads);
  Value item = add(tid, itemStart);
  Value word, group;
  if (elementBits == 8) {
    // A warp's 32 items: 8 consecutive groups of 4 columns (32 bytes of a
    // row) x 4 words, so that each 4-byte load of the warp reads 4 rows x 32
    // bytes (16 rows x 8 bytes with words along the lanes).
    Value lane = remIdx(item, 32), warpItem = divIdx(item, 32);
    Value wordHigh = mulC(remIdx(warpItem, 4), 4);
    word = add(divIdx(lane, 8), wordHigh);
    Value groupHigh = mulC(divIdx(warpItem, 4), 8);
    group = add(remIdx(lane, 8), groupHigh);
  } else {
    word = remIdx(item, kWordsK);
    group = divIdx(item, kWordsK);
  }
  Value n0Item = mulC(group, cols);
  Value n = add(n0Item, remIdx(i, cols));
  Value col = add(n0, n);
  return {n, word, col};
}

/// The unrolled slots of the vector path.
void KernelBuilder::computeSlots() {
  slotsA.clear();
  slotsB.clear();
  for (int64_t i = 0; i < slotCount(/*isRhs=*/false); ++i)
    slotsA.push_back(slot(idx(i), /*isRhs=*/false));
  for (int64_t i = 0; i < slotCount(/*isRhs=*/true); ++i)
    slotsB.push_back(slot(idx(i), /*isRhs=*/true));
  // Weight-only kernels hoist per-column parameters: one item per thread.
  assert((mm.kind != Kind::WeightOnly || slotsB.size() == 8) &&
         "weight-only staging");
}

/// The clamped scalar staging (edge stages, unaligned data) of lhs (`isRhs`
/// false) or rhs at K word offset wordK0 into shared buffer `buffer`: a
/// loop over the slots, one word per iteration, so that this rarely taken
/// path keeps few values live.
void KernelBuilder::stageScalar(Value wordK0, Value buffer, bool isRhs) {
  Value count = idx(slotCount(isRhs));
  Value step = idx(1);
  auto loop = scf::ForOp::create(b, idx(0), count, step);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Slot s = slot(loop.getInductionVar(), isRhs);
  Value k = add(wordK0, s.col);
  Value word = loadWord(s.global, k, isRhs);
  SmallVector<Value, 2> at = tileIndices(s.row, s.col, isRhs);
  memref::StoreOp::create(b, word, isRhs ? tileB : tileA,
                          ValueRange{buffer, at[0], at[1]});
}

/// The words of a stage of an operand staged by rows (lhs, K-major rhs)
/// inside the matrices, by 16-byte loads: each chunk is 16 consecutive bytes
/// of a row (4 words).
SmallVector<Value> KernelBuilder::loadRowChunks(bool isRhs, Value k0) {
  SmallVector<Value> words;
  ArrayRef<Slot> slots = isRhs ? slotsB : slotsA;
  for (size_t c = 0; c < slots.size(); c += 4) {
    Value row = slots[c].global;
    Value offset = mulC(slots[c].col, elemsPerWord);
    Value col = add(k0, offset);
    Value inside = ult(row, isRhs ? N : M);
    if (isRhs && rhsInt4) {
      // Packed int4 weights N x K: the chunk's 16 elements are 8 bytes,
      // widened to 4 words.
      Value byteIndex =
          arith::ShRUIOp::create(b, packedIndex(col, row), idx(1));
      Value packed =
          loadVectorWords(inside, mm.get("rhs"), ValueRange{byteIndex}, 8);
      for (int64_t j = 0; j < 2; ++j)
        llvm::append_range(words, spreadNibbles(vector::ExtractOp::create(
                                      b, packed, ArrayRef<int64_t>{j})));
      continue;
    }
    Value chunk = loadVectorWords(inside, mm.get(isRhs ? "rhs" : "lhs"),
                                  ValueRange{row, col}, 16);
    for (int64_t j = 0; j < 4; ++j)
      words.push_back(
          vector::ExtractOp::create(b, chunk, ArrayRef<int64_t>{j}));
  }
  return words;
}

/// The (8-bit, packed int4 of the int8 kernel, or f16) rhs data of a stage
/// inside the matrices, by vector loads along n, as loaded (transposeB
/// makes them the tile's words, after the mma of the current stage, so that
/// no instruction waits for these loads before the mma): for 8-bit, 4 bytes
/// of 4 consecutive rows k per item of 4 columns (int4: 2 bytes); for f16,
/// 16 bytes of 2 rows per item of 8 columns.
SmallVector<Value> KernelBuilder::loadVectorB(Value k0) {
  Value rhs = mm.get("rhs");
  SmallVector<Value> raw;
  int64_t cols = colsPerItem();
  for (size_t c = 0; c < slotsB.size(); c += cols) {
    Value word = slotsB[c].col, col = slotsB[c].global;
    // N is a multiple of 4 (8-bit) or 8 (f16): the item's columns are all
    // inside or all outside.
    Value inside = ult(col, N);
    Value kBase = add(k0, mulC(word, elemsPerWord));
    for (int64_t i = 0; i < elemsPerWord; ++i) {
      Value k = addC(kBase, i);
      if (rhsInt4) {
        // The 4 columns' nibbles of row k: 2 bytes.
        Value byteIndex =
            arith::ShRUIOp::create(b, add(mul(k, N), col), idx(1));
        Value row = loadVectorWords(inside, rhs, ValueRange{byteIndex}, 2);
        raw.push_back(vector::ExtractOp::create(b, row, ArrayRef<int64_t>{0}));
        continue;
      }
      Value row = loadVectorWords(inside, rhs, ValueRange{k, col},
                                  elementBits == 8 ? 4 : 16);
      for (int64_t j = 0; j < (elementBits == 8 ? 1 : 4); ++j)
        raw.push_back(vector::ExtractOp::create(b, row, ArrayRef<int64_t>{j}));
    }
  }
  return raw;
}

/// The tile words of the rhs data that loadVectorB loaded, transposed in
/// registers: for 8-bit, a 4 x 4 byte transpose by byte shuffles (`prmt`),
/// word j holding byte j (column j) of row i in its byte i (int4: nibble j
/// of row i, widened to a byte); for f16, the halves of 2 rows interleaved.
SmallVector<Value> KernelBuilder::transposeB(ArrayRef<Value> raw) {
  SmallVector<Value> words;
  if (rhsInt4) {
    // Column j's nibbles (bits 4j of each row's 16 bits) to byte i (row i)
    // of its word.
    for (size_t c = 0; c < raw.size(); c += 4)
      for (int64_t j = 0; j < 4; ++j) {
        Value word = c32(0);
        for (int64_t i = 0; i < 4; ++i)
          word = orI(word, shl(andC(shr(raw[c + i], 4 * j), 15), 8 * i));
        words.push_back(widenNibbles(word));
      }
    return words;
  }
  if (elementBits == 8) {
    auto bytes = VectorType::get({4}, b.getI8Type());
    auto oneWord = VectorType::get({1}, i32);
    auto shuffle = [&](Value x, Value y, ArrayRef<int64_t> mask) {
      return vector::ShuffleOp::create(b, x, y, mask).getResult();
    };
    for (size_t c = 0; c < raw.size(); c += 4) {
      SmallVector<Value> rows;
      for (int64_t i = 0; i < 4; ++i) {
        Value row = vector::FromElementsOp::create(b, oneWord, raw[c + i]);
        rows.push_back(vector::BitCastOp::create(b, bytes, row));
      }
      // Rows 0, 1 (and 2, 3) interleaved by byte, then pairs of pairs.
      Value lo01 = shuffle(rows[0], rows[1], {0, 4, 1, 5});
      Value hi01 = shuffle(rows[0], rows[1], {2, 6, 3, 7});
      Value lo23 = shuffle(rows[2], rows[3], {0, 4, 1, 5});
      Value hi23 = shuffle(rows[2], rows[3], {2, 6, 3, 7});
      for (auto [x, y] : {std::pair(lo01, lo23), std::pair(hi01, hi23)})
        for (const std::array<int64_t, 4> &mask :
             {std::array<int64_t, 4>{0, 1, 4, 5},
              std::array<int64_t, 4>{2, 3, 6, 7}}) {
          Value column = shuffle(x, y, mask);
          Value word = vector::BitCastOp::create(b, oneWord, column);
          words.push_back(
              vector::ExtractOp::create(b, word, ArrayRef<int64_t>{0}));
        }
    }
    return words;
  }
  for (size_t c = 0; c < raw.size(); c += 8) {
    for (int64_t j = 0; j < 4; ++j) {
      Value l = raw[c + j], h = raw[c + 4 + j];
      // Columns 2j (low halves) and 2j + 1 (high halves): row k in the low
      // half of the word, row k + 1 in the high half.
      Value lLow = andC(l, 0xffff);
      words.push_back(orI(lLow, shl(h, 16)));
      Value lHigh = shr(l, 16);
      words.push_back(orI(lHigh, andC(h, int32_t(0xffff0000u))));
    }
  }
  return words;
}

/// Element `index` (row-major) of a packed int4 memref (two per byte, the
/// first in the low nibble, docs/ABI.md) as an i32 in [0, 15].
Value KernelBuilder::loadNibble(Value packed, Value index) {
  Value byteIndex = arith::ShRUIOp::create(b, index, idx(1));
  Value byte = memref::LoadOp::create(b, packed, ValueRange{byteIndex});
  Value v = arith::ExtUIOp::create(b, i32, byte);
  Value oddIndex = andI(index, idx(1));
  Value odd = arith::IndexCastOp::create(b, i32, oddIndex);
  Value shift = arith::ShLIOp::create(b, odd, c32(2));
  Value shifted = arith::ShRUIOp::create(b, v, shift);
  return andI(shifted, c32(15));
}

/// Elements k ... k + count - 1 of column n of the packed int4 rhs given
/// N x K (a dot kernel's chunk, from a multiple of `count` when count > 1)
/// as i8: weight-only codes (nibbles in [0, 15]) one at a time or 8 by one
/// 32-bit load; the int8 kernel's integers (sign-extended for i4) one at a
/// time or 16 by one 64-bit load.
Value KernelBuilder::loadPackedK(Value n, Value k, int64_t count) {
  Type i8 = b.getI8Type();
  Value rhs = mm.get("rhs");
  Value index = packedIndex(k, n);
  if (count == 1) {
    Value nibble = loadNibble(rhs, index);
    return arith::TruncIOp::create(b, i8,
                                   rhsInt4 ? widenNibble(nibble) : nibble);
  }
  Value byteIndex = arith::ShRUIOp::create(b, index, idx(1));
  int64_t bytes = count / 2;
  auto load = vector::LoadOp::create(b, VectorType::get({bytes}, i8), rhs,
                                     ValueRange{byteIndex});
  load.setAlignment(static_cast<uint64_t>(bytes));
  Value packed =
      vector::BitCastOp::create(b, VectorType::get({bytes / 4}, i32), load);
  SmallVector<Value> elements;
  for (int64_t w = 0; w < bytes / 4; ++w) {
    Value word = vector::ExtractOp::create(b, packed, ArrayRef<int64_t>{w});
    if (rhsInt4) {
      llvm::append_range(elements, spreadNibbles(word));
      continue;
    }
    for (Value nibble : nibblesOf(word))
      elements.push_back(arith::TruncIOp::create(b, i8, nibble));
  }
  if (!rhsInt4)
    return vector::FromElementsOp::create(b, VectorType::get({count}, i8),
                                          elements);
  Value words = vector::FromElementsOp::create(
      b, VectorType::get({count / 4}, i32), elements);
  return vector::BitCastOp::create(b, VectorType::get({count}, i8), words);
}

/// The nibbles (i32 in [0, 15]) of row k and columns nBase ... nBase + 7 of
/// the packed int4 rhs (K x N) by one 32-bit load, N being a multiple of 8
/// and the data aligned: the 8 columns are all inside or all outside
/// (outside, zeros and no load: they only reach results that are not
/// stored).
SmallVector<Value> KernelBuilder::loadNibbleWord(Value k, Value nBase) {
  Value byteIndex = arith::ShRUIOp::create(b, add(mul(k, N), nBase), idx(1));
  Value words =
      loadVectorWords(ult(nBase, N), mm.get("rhs"), ValueRange{byteIndex}, 4);
  return nibblesOf(vector::ExtractOp::create(b, words, ArrayRef<int64_t>{0}));
}

/// The nibbles (i32 in [0, 15]) of row k (in range) and columns nBase ...
/// nBase + 7 of the packed int4 rhs (K x N): loadNibbleWord on
/// `vectorPath`, else clamped nibble loads.
SmallVector<Value> KernelBuilder::loadRowNibbles(Value k, Value nBase,
                                                 Value vectorPath) {
  Value rhs = mm.get("rhs");
  auto load = scf::IfOp::create(b, SmallVector<Type>(8, i32), vectorPath,
                                /*withElseRegion=*/true);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&load.getThenRegion().front());
  scf::YieldOp::create(b, loadNibbleWord(k, nBase));
  b.setInsertionPointToStart(&load.getElseRegion().front());
  SmallVector<Value> nibbles;
  for (int64_t j = 0; j < 8; ++j)
    nibbles.push_back(
        loadNibble(rhs, add(mul(k, N), minIdx(addC(nBase, j), lastN))));
  scf::YieldOp::create(b, nibbles);
  return SmallVector<Value>(load.getResults());
}

/// The elements of row k (in range) and columns nBase ... nBase + 7 of the
/// 8- or 16-bit rhs (K x N), widened (see `widen`): one load of the 8 on
/// `vectorPath` (as loadRowNibbles), else clamped element loads.
SmallVector<Value> KernelBuilder::loadRowElements(Value k, Value nBase,
                                                  Value vectorPath) {
  Value rhs = mm.get("rhs");
  Type element = cast<MemRefType>(rhs.getType()).getElementType();
  auto rowType = VectorType::get({8}, element);
  auto load = scf::IfOp::create(b, TypeRange{rowType}, vectorPath,
                                /*withElseRegion=*/true);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(&load.getThenRegion().front());
    // 8 elements of 8 or 16 bits: 8 or 16 bytes.
    int64_t rowBytes = element.getIntOrFloatBitWidth();
    Value words =
        loadVectorWords(ult(nBase, N), rhs, ValueRange{k, nBase}, rowBytes);
    scf::YieldOp::create(
        b, ValueRange{vector::BitCastOp::create(b, rowType, words)});
    b.setInsertionPointToStart(&load.getElseRegion().front());
    SmallVector<Value> elements;
    for (int64_t j = 0; j < 8; ++j) {
      Value n = minIdx(addC(nBase, j), lastN);
      elements.push_back(memref::LoadOp::create(b, rhs, ValueRange{k, n}));
    }
    scf::YieldOp::create(
        b, ValueRange{vector::FromElementsOp::create(b, rowType, elements)});
  }
  Value widened = widen(load.getResult(0), mm.rhsScheme);
  SmallVector<Value> values;
  for (int64_t j = 0; j < 8; ++j)
    values.push_back(
        vector::ExtractOp::create(b, widened, ArrayRef<int64_t>{j}));
  return values;
}

/// Adds the products of one row k of 8 weights (columns) and the rows'
/// activations to `sums` ([row][column], i32 wrapping or f32), and the
/// weights and activations to the column sums (from colSumBase) and row
/// sums (from rowSumBase) that the zero points need.
void KernelBuilder::accumulateRow(MutableArrayRef<Value> sums,
                                  ArrayRef<Value> activations,
                                  ArrayRef<Value> weights, int64_t colSumBase,
                                  int64_t rowSumBase) {
  for (auto [j, w] : llvm::enumerate(weights)) {
    for (auto [m, a] : llvm::enumerate(activations))
      sums[m * 8 + j] = plus(sums[m * 8 + j], times(a, w));
    if (needColSums)
      sums[colSumBase + j] = add(sums[colSumBase + j], w);
  }
  if (needRowSums)
    for (auto [m, a] : llvm::enumerate(activations))
      sums[rowSumBase + m] = add(sums[rowSumBase + m], a);
}

/// The 8 weights of row k (in range) from column nBase of the K x N rhs
/// (8- or 16-bit, or packed int4), widened: int4 nibbles as integers of
/// their storage type, else as `widen`.
SmallVector<Value> KernelBuilder::loadRowWeights(Value k, Value nBase,
                                                 Value vectorPath) {
  if (!rhsInt4 && !packedWeights)
    return loadRowElements(k, nBase, vectorPath);
  SmallVector<Value> weights;
  for (Value nibble : loadRowNibbles(k, nBase, vectorPath))
    weights.push_back(widenNibble(nibble));
  return weights;
}

/// Whether the rows of 8 elements of the K x N rhs that the column dot
/// kernels load are read by one load each: N a multiple of 8 and the data
/// aligned to a row (4 bytes of int4, 8 of 8-bit, 16 of 16-bit elements).
Value KernelBuilder::rowVectorPath() {
  int64_t rowBytes = packedWeights || rhsInt4      ? 4
                     : mm.kind == Kind::WeightOnly ? 8
                                                   : elementBits;
  return andI(
      arith::CmpIOp::create(b, arith::CmpIPredicate::eq, remIdx(N, 8), idx(0)),
      isAligned(mm.get("rhs"), rowBytes));
}

/// The initial sums of the column dot kernels: the sums [row][column] (from
/// `zero`), then the column sums [column] (colSumBase) and the row sums
/// [row] (rowSumBase) that the zero points need.
SmallVector<Value> KernelBuilder::columnSumInits(int64_t rowCount, Value zero,
                                                 int64_t &colSumBase,
                                                 int64_t &rowSumBase) {
  SmallVector<Value> inits(rowCount * 8, zero);
  colSumBase = inits.size();
  if (needColSums)
    inits.append(8, c32(0));
  rowSumBase = inits.size();
  if (needRowSums)
    inits.append(rowCount, c32(0));
  return inits;
}

/// An int4 rhs element or zero point (`nibble`, an i32 in [0, 15]) as an
/// integer of its storage type: sign-extended for i4.
Value KernelBuilder::widenNibble(Value nibble) {
  if (!mm.rhsScheme.isSignedStorage())
    return nibble;
  return sub(arith::XOrIOp::create(b, nibble, c32(8)), c32(8));
}

/// The index of the rhs parameter of element [k, n] (both in range) in its
/// row-major parameter tensor: per tensor, per column, or per group along K.
Value KernelBuilder::rhsParamIndex(Value k, Value n) {
  switch (mm.rhsScheme.getGranularity()) {
  case Granularity::per_tensor:
    return idx(0);
  case Granularity::per_channel:
    return n;
  case Granularity::per_group:
    return add(mul(divIdx(k, groupSize), N), n);
  }
  return idx(0);
}

Value KernelBuilder::loadRhsScale(Value k, Value n) {
  Value scale = mm.get("rhs_scale");
  auto type = cast<MemRefType>(scale.getType());
  if (type.getRank() == 0)
    return memref::LoadOp::create(b, scale, ValueRange{});
  if (type.getRank() == 1)
    return memref::LoadOp::create(b, scale, ValueRange{n});
  return memref::LoadOp::create(b, scale, ValueRange{divIdx(k, groupSize), n});
}

/// The zero point of rhs element [k, n] as the bits of its storage type,
/// zero-extended to i32 (a nibble of packed int4), or null without a zero
/// point.
Value KernelBuilder::loadRhsZp(Value k, Value n) {
  Value zp = mm.get("rhs_zp");
  if (!zp)
    return Value();
  if (mm.rhsScheme.getStorageWidth() == 4)
    return loadNibble(zp, rhsParamIndex(k, n));
  return arith::ExtUIOp::create(b, i32, loadParam("rhs_zp", Value(), n, k));
}

/// The scales and zero points of row `k` (in range) and columns nBase ...
/// nBase + 7 (clamped).
void KernelBuilder::loadWeightParams(Value k, Value nBase,
                                     SmallVectorImpl<Value> &scales,
                                     SmallVectorImpl<Value> &zps) {
  for (int64_t j = 0; j < 8; ++j) {
    Value n = minIdx(addC(nBase, j), lastN);
    scales.push_back(loadRhsScale(k, n));
    zps.push_back(loadRhsZp(k, n));
  }
}

/// The 16 bits of one weight for the mma, zero-extended to i32, from its
/// code and zero point (i32s whose low bits are those of the storage type):
/// exactly quanta.dequantize to the weights' expressed type, which the
/// verifier makes the activations' type (`(q - zp) * s` in f32, rounded
/// once; the same scalar IR as the CPU lowering). 0 when `inBounds` is
/// false.
Value KernelBuilder::dequantWeight(Value code, Value zpCode, Value scale,
                                   Value inBounds) {
  Type storage = b.getIntegerType(mm.rhsScheme.getStorageWidth());
  Value q = arith::TruncIOp::create(b, storage, code);
  Value zp = zpCode ? arith::TruncIOp::create(b, storage, zpCode).getResult()
                    : Value();
  Value value = buildDequantize(b, b.getLoc(), mm.rhsScheme, q, scale, zp);
  Value bits = arith::BitcastOp::create(b, b.getI16Type(), value);
  bits = arith::ExtUIOp::create(b, i32, bits);
  if (inBounds)
    bits = arith::SelectOp::create(b, inBounds, bits, c32(0));
  return bits;
}

/// dequantWeight's weight in the activations' type, exactly widened to f32
/// (the dot kernels' products).
Value KernelBuilder::dequantWeightF32(Value code, Value zpCode, Value scale) {
  Value bits = dequantWeight(code, zpCode, scale, Value());
  Value half = arith::TruncIOp::create(b, b.getI16Type(), bits);
  Value typed = arith::BitcastOp::create(b, lhsElement, half);
  return arith::ExtFOp::create(b, f32, typed);
}

/// The words of a stage of weight-only rhs (packed int4 or 8-bit, K x N or
/// N x K) at K offset k0 as 16-bit weights in the transposed layout of the
/// f16 kernel: each thread reads its 8 columns of rows k, k + 1 (on full
/// tiles one 32- or 64-bit load per row, or with N x K weights one 2-byte
/// load, or one byte of two nibbles, per column; else clamped element
/// loads) and returns the 8 words (k in the low half, k + 1 in the high
/// half).
SmallVector<Value> KernelBuilder::loadWeightOnlyB(Value k0, bool vectorized) {
  Value rhs = mm.get("rhs");
  Value kp = slotsB[0].col, nBase = slotsB[0].global;
  Value k = add(k0, mulC(kp, 2));
  Value k1 = addC(k, 1);
  Value rows[2] = {k, k1};
  SmallVector<Value> codes[2], valid[2];
  if (mm.rhsKMajor && vectorized) {
    // Weights N x K: rows k, k + 1 of each column by one 2-byte load
    // (8-bit) or one byte (int4, the even k in the low nibble; K and k are
    // even), none past N.
    int64_t bits = packedWeights ? 4 : 8;
    for (int64_t j = 0; j < 8; ++j) {
      Value n = addC(nBase, j);
      Value pair = packedWeights
                       ? loadVectorWords(ult(n, N), rhs,
                                         ValueRange{arith::ShRUIOp::create(
                                             b, packedIndex(k, n), idx(1))},
                                         1)
                       : loadVectorWords(ult(n, N), rhs, ValueRange{n, k}, 2);
      Value word = vector::ExtractOp::create(b, pair, ArrayRef<int64_t>{0});
      codes[0].push_back(andC(word, (1 << bits) - 1));
      codes[1].push_back(shr(word, bits));
    }
  }
  for (int64_t r = 0; r < 2 && codes[r].empty(); ++r) {
    if (vectorized) {
      codes[r] = packedWeights ? loadNibbleWord(rows[r], nBase)
                               : loadRowElements(rows[r], nBase,
                                                 arith::ConstantOp::create(
                                                     b, b.getBoolAttr(true)));
      continue;
    }
    Value rowOk = ult(rows[r], K);
    Value kc = minIdx(rows[r], lastK);
    for (int64_t j = 0; j < 8; ++j) {
      Value n = addC(nBase, j);
      valid[r].push_back(andI(rowOk, ult(n, N)));
      Value column = minIdx(n, lastN);
      if (packedWeights) {
        codes[r].push_back(loadNibble(rhs, packedIndex(kc, column)));
      } else {
        Value byte = memref::LoadOp::create(
            b, rhs,
            mm.rhsKMajor ? ValueRange{column, kc} : ValueRange{kc, column});
        codes[r].push_back(arith::ExtUIOp::create(b, i32, byte));
      }
    }
  }
  // Parameters: hoisted when per tensor or per column; per group, one set
  // for both rows when the group size is even.
  SmallVector<Value> scales[2], zps[2];
  for (int64_t r = 0; r < 2; ++r) {
    if (!perGroup) {
      scales[r] = weightScales;
      zps[r] = weightZps;
    } else if (r == 1 && groupSize % 2 == 0) {
      scales[1] = scales[0];
      zps[1] = zps[0];
    } else {
      loadWeightParams(minIdx(rows[r], lastK), nBase, scales[r], zps[r]);
    }
  }
  SmallVector<Value> words;
  for (int64_t j = 0; j < 8; ++j) {
    Value lo = dequantWeight(codes[0][j], zps[0][j], scales[0][j],
                             vectorized ? Value() : valid[0][j]);
    Value hi = dequantWeight(codes[1][j], zps[1][j], scales[1][j],
                             vectorized ? Value() : valid[1][j]);
    words.push_back(orI(lo, shl(hi, 16)));
  }
  return words;
}

/// Loads this thread's words of the lhs and rhs tiles of the K stage at k0:
/// by vector loads into registers when the stage lies inside K and the data
/// is aligned (rows past M and columns past N are skipped), else by clamped
/// scalar loads, zero-filled outside the matrices, stored straight into
/// shared buffer `buffer`.
KernelBuilder::StageWords KernelBuilder::loadStage(Value k0, Value buffer) {
  Value wordK0 = divIdx(k0, elemsPerWord);
  Value fullK = ule(addC(k0, blockK), K);
  bool weightOnly = mm.kind == Kind::WeightOnly;
  auto choose = [&](Value vector, size_t count, bool isRhs,
                    function_ref<SmallVector<Value>()> vectorPath,
                    SmallVectorImpl<Value> &words) {
    Value full = andI(vector, fullK);
    auto ifOp = scf::IfOp::create(b, SmallVector<Type>(count, i32), full,
                                  /*withElseRegion=*/true);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    scf::YieldOp::create(b, vectorPath());
    b.setInsertionPointToStart(&ifOp.getElseRegion().front());
    if (isRhs && weightOnly) {
      // The weight-only staging is one item of 8 words per thread either
      // way.
      SmallVector<Value> weightWords =
          loadWeightOnlyB(k0, /*vectorized=*/false);
      for (auto [word, s] : llvm::zip_equal(weightWords, slotsB))
        storeTileB(word, buffer, s);
    } else {
      stageScalar(wordK0, buffer, isRhs);
    }
    scf::YieldOp::create(b, SmallVector<Value>(count, c32(0)));
    words.assign(ifOp.getResults().begin(), ifOp.getResults().end());
    return full;
  };
  StageWords stage;
  stage.fullA = choose(
      vectorA, slotsA.size(), /*isRhs=*/false,
      [&] { return loadRowChunks(/*isRhs=*/false, k0); }, stage.a);
  stage.fullB = choose(
      vectorB, slotsB.size(), /*isRhs=*/true,
      [&] {
        if (weightOnly)
          return loadWeightOnlyB(k0, true);
        return mm.rhsKMajor ? loadRowChunks(/*isRhs=*/true, k0)
                            : loadVectorB(k0);
      },
      stage.b);
  return stage;
}

/// Stores the words that the vector path of loadStage loaded (when it was
/// taken) into shared buffer `buffer` (0 or 1) of the tiles.
void KernelBuilder::storeStage(Value buffer, const StageWords &words) {
  OpBuilder::InsertionGuard guard(b);
  auto ifA = scf::IfOp::create(b, words.fullA, /*withElseRegion=*/false);
  b.setInsertionPointToStart(&ifA.getThenRegion().front());
  storeRowChunks(tileA, buffer, slotsA, words.a, /*isRhs=*/false);
  b.setInsertionPointAfter(ifA);
  auto ifB = scf::IfOp::create(b, words.fullB, /*withElseRegion=*/false);
  b.setInsertionPointToStart(&ifB.getThenRegion().front());
  if (stagesRows(/*isRhs=*/true)) {
    storeRowChunks(tileB, buffer, slotsB, words.b, /*isRhs=*/true);
    return;
  }
  SmallVector<Value> wordsB =
      mm.kind == Kind::WeightOnly ? words.b : transposeB(words.b);
  for (auto [word, s] : llvm::zip_equal(wordsB, slotsB))
    storeTileB(word, buffer, s);
}

/// Stores the row chunks (4 consecutive words of a row, see loadRowChunks)
/// of an operand staged by rows: one 16-byte store each (both tile layouts
/// keep a chunk contiguous and aligned).
void KernelBuilder::storeRowChunks(Value tile, Value buffer,
                                   ArrayRef<Slot> slots, ArrayRef<Value> words,
                                   bool isRhs) {
  auto chunkType = VectorType::get({4}, i32);
  for (size_t c = 0; c < slots.size(); c += 4) {
    Value chunk =
        vector::FromElementsOp::create(b, chunkType, words.slice(c, 4));
    SmallVector<Value, 2> at = tileIndices(slots[c].row, slots[c].col, isRhs);
    auto store = vector::StoreOp::create(b, chunk, tile,
                                         ValueRange{buffer, at[0], at[1]});
    store.setAlignment(static_cast<uint64_t>(16));
  }
}

static NVVM::MMATypes getMMAType(SchemeAttr scheme) {
  Type storage = scheme.getStorage();
  if (scheme.isIntegerStorage())
    return scheme.isSignedStorage() ? NVVM::MMATypes::s8 : NVVM::MMATypes::u8;
  if (isa<Float8E4M3FNType>(storage))
    return NVVM::MMATypes::e4m3;
  if (isa<Float8E5M2Type>(storage))
    return NVVM::MMATypes::e5m2;
  return storage.isBF16() ? NVVM::MMATypes::bf16 : NVVM::MMATypes::f16;
}

/// D = A * B + C for one 16x8 tile; returns the LLVM struct of D.
Value KernelBuilder::mma(ArrayRef<Value> a, ArrayRef<Value> bFrag,
                         ArrayRef<Value> c) {
  MLIRContext *ctx = b.getContext();
  Type accType = mm.kind == Kind::Int8 ? i32 : f32;
  auto structType =
      LLVM::LLVMStructType::getLiteral(ctx, SmallVector<Type>(4, accType));
  // Weight-only matmuls multiply in the activations' type.
  NVVM::MMATypes typeA =
      mm.kind == Kind::WeightOnly
          ? (lhsElement.isBF16() ? NVVM::MMATypes::bf16 : NVVM::MMATypes::f16)
          : getMMAType(mm.lhsScheme);
  NVVM::MMATypes typeB =
      mm.kind == Kind::WeightOnly ? typeA : getMMAType(mm.rhsScheme);
  std::array<NVVM::MMALayout, 2> layouts = {NVVM::MMALayout::row,
                                            NVVM::MMALayout::col};
  if (mm.kind == Kind::Int8)
    return NVVM::MmaOp::create(b, structType, a, bFrag, c, {16, 8, 32},
                               std::nullopt, NVVM::MMAIntOverflow::wrapped,
                               std::array{typeA, typeB}, layouts);
  if (typeA == NVVM::MMATypes::bf16)
    // bf16 fragments are the 32-bit words themselves.
    return NVVM::MmaOp::create(b, structType, a, bFrag, c, {16, 8, 16},
                               std::nullopt, std::nullopt,
                               std::array{typeA, typeB}, layouts);
  if (typeA == NVVM::MMATypes::f16) {
    auto half2 = VectorType::get({2}, b.getF16Type());
    SmallVector<Value> ha, hb;
    for (Value v : a)
      ha.push_back(LLVM::BitcastOp::create(b, half2, v));
    for (Value v : bFrag)
      hb.push_back(LLVM::BitcastOp::create(b, half2, v));
    return NVVM::MmaOp::create(b, structType, ha, hb, c, {16, 8, 16},
                               std::nullopt, std::nullopt,
                               std::array{typeA, typeB}, layouts);
  }
  // FP8: the NVVM dialect has no dense e4m3/e5m2 mma.sync; inline PTX.
  std::string asmString =
      ("mma.sync.aligned.m16n8k32.row.col.f32." +
       NVVM::stringifyMMATypes(typeA) + "." + NVVM::stringifyMMATypes(typeB) +
       ".f32 {$0, $1, $2, $3}, {$4, $5, $6, $7}, {$8, $9}, "
       "{$10, $11, $12, $13};")
          .str();
  SmallVector<Value> operands(a.begin(), a.end());
  operands.append(bFrag.begin(), bFrag.end());
  operands.append(c.begin(), c.end());
  return LLVM::InlineAsmOp::create(
             b, structType, operands, asmString,
             "=f,=f,=f,=f,r,r,r,r,r,r,f,f,f,f", /*has_side_effects=*/false,
             /*is_align_stack=*/false, LLVM::tailcallkind::TailCallKind::None,
             LLVM::AsmDialectAttr(), ArrayAttr())
      .getResult(0);
}

/// The wgmma matrix descriptor (PTX ISA, "Matrix Descriptor Format") of the
/// 8-row groups from `rowGroup` on of `tile`'s buffer `buffer`, K step
/// `kStep` (32 bytes, two core matrices): bits 0-13 the shared address >> 4,
/// 16-29 the distance of the two core matrices along K >> 4 (128 bytes),
/// 32-45 that of the 8-row groups >> 4 (kCoreWords words), no swizzle.
Value KernelBuilder::wgmmaDescriptor(Value tile, Value buffer, Value rowGroup,
                                     int64_t kStep) {
  int64_t groupBytes = kCoreWords * 4;
  int64_t bufferBytes =
      cast<MemRefType>(tile.getType()).getDimSize(1) * groupBytes;
  Type i64 = b.getI64Type();
  auto c64 = [&](int64_t v) {
    return arith::ConstantOp::create(b, b.getI64IntegerAttr(v)).getResult();
  };
  Value base = memref::ExtractAlignedPointerAsIndexOp::create(b, tile);
  Value bufferOffset = mulC(buffer, bufferBytes);
  Value groupOffset = mulC(rowGroup, groupBytes);
  Value offset = addC(add(bufferOffset, groupOffset), kStep * 256);
  Value address = arith::IndexCastOp::create(b, i64, add(base, offset));
  Value shifted = arith::ShRUIOp::create(b, address, c64(4));
  Value encoded = arith::AndIOp::create(b, shifted, c64(0x3fff));
  int64_t strides = (int64_t(128 >> 4) << 16) | (groupBytes >> 4) << 32;
  return arith::OrIOp::create(b, encoded, c64(strides));
}

/// Inline PTX `text` with no operands (fences, commits).
void KernelBuilder::ptxStatement(StringRef text) {
  LLVM::InlineAsmOp::create(b, TypeRange{}, ValueRange{}, text, "",
                            /*has_side_effects=*/true,
                            /*is_align_stack=*/false,
                            LLVM::tailcallkind::TailCallKind::None,
                            LLVM::AsmDialectAttr(), ArrayAttr());
}

/// An inline PTX statement `text` whose first `acc.size()` operands are the
/// accumulators, read and written in place (tied), followed by `inputs` with
/// `inputConstraints`; returns the accumulators after it.
static SmallVector<Value> accumulatorAsm(ImplicitLocOpBuilder &b,
                                         StringRef text, ArrayRef<Value> acc,
                                         ValueRange inputs,
                                         ArrayRef<StringRef> inputConstraints) {
  Type accType = acc.front().getType();
  std::string constraints;
  llvm::raw_string_ostream os(constraints);
  for (size_t i = 0; i < acc.size(); ++i)
    os << (i ? "," : "") << "=r";
  for (StringRef c : inputConstraints)
    os << "," << c;
  for (size_t i = 0; i < acc.size(); ++i)
    os << "," << i;
  SmallVector<Value> operands(inputs);
  operands.append(acc.begin(), acc.end());
  auto structType = LLVM::LLVMStructType::getLiteral(
      b.getContext(), SmallVector<Type>(acc.size(), accType));
  Value result = LLVM::InlineAsmOp::create(
                     b, structType, operands, text, constraints,
                     /*has_side_effects=*/true, /*is_align_stack=*/false,
                     LLVM::tailcallkind::TailCallKind::None,
                     LLVM::AsmDialectAttr(), ArrayAttr())
                     .getResult(0);
  SmallVector<Value> values;
  for (size_t i = 0; i < acc.size(); ++i)
    values.push_back(LLVM::ExtractValueOp::create(
        b, result, ArrayRef<int64_t>{static_cast<int64_t>(i)}));
  return values;
}

/// acc += A * B for this warpgroup's 64 x N tile (N the block's width) and
/// one K step of 32 bytes: `wgmma.mma_async` m64nNk32 with i32 accumulators
/// (wrapping: no .satfinite); asynchronous until wgmmaWait.
SmallVector<Value> KernelBuilder::wgmmaMultiply(Value descA, Value descB,
                                                ArrayRef<Value> acc) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "wgmma.mma_async.sync.aligned.m" << kWgmmaM << "n" << tiling.blockN
     << "k32.s32." << NVVM::stringifyMMATypes(getMMAType(mm.lhsScheme)) << "."
     << NVVM::stringifyMMATypes(getMMAType(mm.rhsScheme)) << " {";
  for (size_t i = 0; i < acc.size(); ++i)
    os << (i ? ", " : "") << "$" << i;
  // scale-d = 1: accumulate.
  os << "}, $" << acc.size() << ", $" << acc.size() + 1 << ", 1;";
  return accumulatorAsm(b, text, acc, ValueRange{descA, descB}, {"l", "l"});
}

/// Waits for this thread's wgmma groups but the newest `pending`; the
/// accumulators pass through it, so that nothing reads them before.
SmallVector<Value> KernelBuilder::wgmmaWait(ArrayRef<Value> acc,
                                            int64_t pending) {
  std::string text =
      ("wgmma.wait_group.sync.aligned " + Twine(pending) + ";").str();
  return accumulatorAsm(b, text, acc, ValueRange{}, {});
}

/// One K stage of the wgmma kernel on shared buffer `buffer`: this
/// warpgroup's two K steps, committed as one group; the group of the stage
/// before is waited for, this one stays in flight.
SmallVector<Value> KernelBuilder::wgmmaStage(Value buffer, Value warp,
                                             ArrayRef<Value> acc) {
  Value rowGroup = mulC(divIdx(warp, 4), kWgmmaM / 8);
  Value zero = idx(0);
  SmallVector<Value> sums(acc);
  ptxStatement("wgmma.fence.sync.aligned;");
  for (int64_t ks = 0; ks < kWordsK / 8; ++ks) {
    Value descA = wgmmaDescriptor(tileA, buffer, rowGroup, ks);
    Value descB = wgmmaDescriptor(tileB, buffer, zero, ks);
    sums = wgmmaMultiply(descA, descB, sums);
  }
  ptxStatement("wgmma.commit_group.sync.aligned;");
  return wgmmaWait(sums, 1);
}

/// The 32-bit shared address of `slot`'s chunk in buffer `buffer` of the
/// lhs or rhs tile.
Value KernelBuilder::sharedAddress(Value tile, Value buffer, const Slot &slot,
                                   bool isRhs) {
  ArrayRef<int64_t> shape = cast<MemRefType>(tile.getType()).getShape();
  SmallVector<Value, 2> at = tileIndices(slot.row, slot.col, isRhs);
  Value row = add(mulC(buffer, shape[1]), at[0]);
  Value word = add(mulC(row, shape[2]), at[1]);
  Value base = memref::ExtractAlignedPointerAsIndexOp::create(b, tile);
  Value address = add(base, mulC(word, 4));
  return arith::IndexCastOp::create(b, i32, address);
}

/// Copies this thread's chunks of the K stage at element k0 of lhs or rhs
/// (staged by rows) into shared buffer `buffer` by `cp.async` (16 bytes,
/// bypassing L1; chunks outside the matrix copy 0 bytes, which fills them
/// with zeros), or, when the operand is not aligned for it, by the clamped
/// scalar staging.
void KernelBuilder::copyStage(Value k0, Value buffer, bool isRhs) {
  auto ifOp = scf::IfOp::create(b, isRhs ? vectorB : vectorA,
                                /*withElseRegion=*/true);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&ifOp.getThenRegion().front());
  Value memref = mm.get(isRhs ? "rhs" : "lhs");
  Value tile = isRhs ? tileB : tileA;
  Value bound = isRhs ? N : M;
  Type i64 = b.getI64Type();
  // Byte addresses: element offsets times the element size.
  int64_t elementBytes = elementBits / 8;
  Value origin = firstElementAddress(memref);
  Value rowStride =
      memref::ExtractStridedMetadataOp::create(b, memref).getStrides()[0];
  ArrayRef<Slot> slots = isRhs ? slotsB : slotsA;
  for (size_t c = 0; c < slots.size(); c += 4) {
    const Slot &s = slots[c];
    Value k = add(k0, mulC(s.col, elemsPerWord));
    Value inside = andI(ult(s.global, bound), ult(k, K));
    Value offset = mulC(add(mul(s.global, rowStride), k), elementBytes);
    Value zero = idx(0);
    Value source =
        add(origin, arith::SelectOp::create(b, inside, offset, zero));
    Value source64 = arith::IndexCastOp::create(b, i64, source);
    Value bytes = arith::SelectOp::create(b, inside, c32(16), c32(0));
    Value target = sharedAddress(tile, buffer, s, isRhs);
    LLVM::InlineAsmOp::create(
        b, TypeRange{}, ValueRange{target, source64, bytes},
        "cp.async.cg.shared.global [$0], [$1], 16, $2;", "r,l,r",
        /*has_side_effects=*/true, /*is_align_stack=*/false,
        LLVM::tailcallkind::TailCallKind::None, LLVM::AsmDialectAttr(),
        ArrayAttr());
  }
  b.setInsertionPointToStart(&ifOp.getElseRegion().front());
  stageScalar(divIdx(k0, elemsPerWord), buffer, isRhs);
}

/// The K loop when both operands are copied by cp.async (asyncCopies),
/// returning the loop-carried values: a ring of B = ringBuffers shared
/// buffers. mma.sync: stage s + B - 1 is copied (copyStage) while stage s
/// is multiplied; per stage one cp.async wait and one barrier, after which
/// the buffer that stage s - 1 used is free (every thread has loaded its
/// fragments). wgmma: stage s + B - 2, since stage s - 1's wgmma group may
/// still run; a proxy fence before the barrier (the copies and scalar
/// stores reach wgmma's async proxy), after which the buffer that stage
/// s - 2 used is free (every warpgroup waited for that stage's group in
/// the stage before).
SmallVector<Value> KernelBuilder::buildAsyncCopyLoop(ValueRange inits,
                                                     Value warp) {
  Value stages = ceilDivIdx(K, blockK);
  auto issue = [&](Value stage) {
    Value k0 = mulC(stage, blockK);
    auto ifOp = scf::IfOp::create(b, ult(k0, K), /*withElseRegion=*/false);
    {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(&ifOp.getThenRegion().front());
      Value buffer = remIdx(stage, ringBuffers);
      copyStage(k0, buffer, /*isRhs=*/false);
      copyStage(k0, buffer, /*isRhs=*/true);
    }
    // One group per stage, empty past K, so that "all but the newest
    // ahead - 1 groups" is always the stage to multiply.
    ptxStatement("cp.async.commit_group;");
  };
  int64_t ahead = ringBuffers - (wgmma ? 2 : 1);
  for (int64_t i = 0; i < ahead; ++i)
    issue(idx(i));
  auto loop = scf::ForOp::create(b, idx(0), stages, idx(1), inits);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    Value stage = loop.getInductionVar();
    ptxStatement(("cp.async.wait_group " + Twine(ahead - 1) + ";").str());
    if (wgmma)
      ptxStatement("fence.proxy.async.shared::cta;");
    gpu::BarrierOp::create(b);
    issue(addC(stage, ahead));
    Value buffer = remIdx(stage, ringBuffers);
    SmallVector<Value> carried(loop.getRegionIterArgs());
    if (wgmma)
      carried = wgmmaStage(buffer, warp, carried);
    else
      mmaStage(buffer, mulC(stage, blockK), carried);
    scf::YieldOp::create(b, carried);
  }
  SmallVector<Value> results(loop.getResults());
  return wgmma ? wgmmaWait(results, 0) : results;
}

/// acc + the sum of the four bytes of `word` (signed or unsigned), by dp4a.
Value KernelBuilder::dp4a(Value word, Value acc, bool isSigned) {
  return dp4a(word, c32(0x01010101), acc, isSigned, /*signedB=*/false);
}

/// acc + the sum of the products of the bytes of `x` and `y` (each signed
/// or unsigned), wrapping: `dp4a`.
Value KernelBuilder::dp4a(Value x, Value y, Value acc, bool signedX,
                          bool signedY) {
  std::string asmString = std::string("dp4a.") + (signedX ? "s32" : "u32") +
                          "." + (signedY ? "s32" : "u32") + " $0, $1, $2, $3;";
  return LLVM::InlineAsmOp::create(b, i32, ValueRange{x, y, acc}, asmString,
                                   "=r,r,r,r", /*has_side_effects=*/false,
                                   /*is_align_stack=*/false,
                                   LLVM::tailcallkind::TailCallKind::None,
                                   LLVM::AsmDialectAttr(), ArrayAttr())
      .getResult(0);
}

/// x + y (i32, wrapping; or f32).
Value KernelBuilder::plus(Value x, Value y) {
  if (isa<FloatType>(getElementTypeOrSelf(x.getType())))
    return arith::AddFOp::create(b, x, y);
  return add(x, y);
}

/// x * y (i32, wrapping; or f32).
Value KernelBuilder::times(Value x, Value y) {
  if (isa<FloatType>(getElementTypeOrSelf(x.getType())))
    return arith::MulFOp::create(b, x, y);
  return mul(x, y);
}

/// The sum of `v` over the lanes that differ from this one in the bits of
/// `offsets` (xor shuffles, in that order): {1, 2} the 4 lanes of a quad,
/// {16, 8, 4, 2, 1} the whole warp.
Value KernelBuilder::laneSum(Value v, ArrayRef<int32_t> offsets) {
  for (int32_t offset : offsets)
    v = plus(v, gpu::ShuffleOp::create(b, v, offset, 32, gpu::ShuffleMode::XOR)
                    .getShuffleResult());
  return v;
}

/// Loads the parameter of `role` for result element [row, col] and the
/// products at K index `k` (only per-group parameters need it): per-channel
/// parameters of lhs follow the row, those of rhs and of the result the
/// column; per-group ones are [row, k / G] (lhs) or [k / G, col] (rhs).
/// Returns null when the operand is absent.
Value KernelBuilder::loadParam(StringRef role, Value row, Value col, Value k) {
  Value memref = mm.get(role);
  if (!memref)
    return Value();
  bool isLhs = role.starts_with("lhs");
  switch (cast<MemRefType>(memref.getType()).getRank()) {
  case 0:
    return memref::LoadOp::create(b, memref, ValueRange{});
  case 1:
    return memref::LoadOp::create(b, memref, ValueRange{isLhs ? row : col});
  default: {
    Value group = divIdx(k, groupSize);
    return memref::LoadOp::create(
        b, memref, isLhs ? ValueRange{row, group} : ValueRange{group, col});
  }
  }
}

/// The zero point `role` (lhs_zp or rhs_zp) as loadParam finds it, as an
/// i32 (by its operand's signedness; packed int4 ones from their nibble),
/// or null without one.
Value KernelBuilder::zeroPoint(StringRef role, Value row, Value col, Value k) {
  SchemeAttr scheme = role == "lhs_zp" ? mm.lhsScheme : mm.rhsScheme;
  if (role == "rhs_zp" && rhsInt4) {
    Value nibble = loadRhsZp(k ? k : idx(0), col);
    return nibble ? widenNibble(nibble) : Value();
  }
  Value zp = loadParam(role, row, col, k);
  if (!zp)
    return Value();
  if (scheme.isSignedStorage())
    return arith::ExtSIOp::create(b, i32, zp);
  return arith::ExtUIOp::create(b, i32, zp);
}

/// The sum of `count` products (a - za)(b - zb) from the sum `acc` of the
/// products ab and the sums of a (rowSum) and b (colSum): acc - zb rowSum -
/// za colSum + count za zb, in i32 with wrap-around, as the reference's
/// i32 accumulator. za, zb null without zero points.
Value KernelBuilder::correctSum(Value acc, Value za, Value zb, Value rowSum,
                                Value colSum, Value count) {
  if (zb)
    acc = sub(acc, mul(zb, rowSum));
  if (za)
    acc = sub(acc, mul(za, colSum));
  if (za && zb)
    acc = add(acc, mul(count, mul(za, zb)));
  return acc;
}

/// The block of a group (per-group int8, the reference's): `f32(sum (a -
/// za)(b - zb)) * (sa * sb)` from the group's i32 sums of ab, a (rowSum)
/// and b (colSum), with its parameters (scales in f32, zero points i32 or
/// null).
Value KernelBuilder::groupBlock(Value sum, Value rowSum, Value colSum, Value sa,
                                Value za, Value sb, Value zb) {
  Value corrected = correctSum(sum, za, zb, rowSum, colSum, c32(groupSize));
  return arith::MulFOp::create(b, arith::SIToFPOp::create(b, f32, corrected),
                               arith::MulFOp::create(b, sa, sb));
}

/// Whether |x| lies within [2^-32, 2^32] (false for NaN).
static Value isModerate(ImplicitLocOpBuilder &b, Value x) {
  Value magnitude = math::AbsFOp::create(b, x);
  auto bound = [&](int exponent) {
    return arith::ConstantOp::create(
        b, b.getF32FloatAttr(std::ldexp(1.0f, exponent)));
  };
  Value above = arith::CmpFOp::create(b, arith::CmpFPredicate::OGE, magnitude,
                                      bound(-32));
  Value below =
      arith::CmpFOp::create(b, arith::CmpFPredicate::OLE, magnitude, bound(32));
  return arith::AndIOp::create(b, above, below);
}

/// The f32-accumulation result [row, col] before the bias from `acc`, the
/// tensor cores' sum of the raw products: the products of the dequantized
/// elements share the factor sa * sb, so `acc * (sa * sb)` is the
/// definition's k-order sum within docs/GPU.md's bound as long as every
/// dequantized element and product is a normal f32, which scales within
/// [2^-32, 2^32] make sure of (f32-expressed operands: the storage formats'
/// nonzero magnitudes lie within [2^-24, 2^16]). Other scales (zero,
/// subnormal, huge, NaN) take the definition itself: the dequantized
/// products added in k order from +0, reading the operands again.
Value KernelBuilder::scaleFloatSum(Value acc, Value row, Value col) {
  Value sa = buildToF32(b, b.getLoc(), loadParam("lhs_scale", row, col));
  Value sb = buildToF32(b, b.getLoc(), loadParam("rhs_scale", row, col));
  Value zero = arith::ConstantOp::create(b, b.getF32FloatAttr(0.0f));
  auto ifOp =
      scf::IfOp::create(b, f32, andI(isModerate(b, sa), isModerate(b, sb)),
                        /*withElseRegion=*/true);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&ifOp.getThenRegion().front());
  // 0 + ...: the k-order sum from +0 is never -0, a zero acc times a
  // negative scale is.
  Value scaled =
      arith::MulFOp::create(b, acc, arith::MulFOp::create(b, sa, sb));
  scf::YieldOp::create(b, ValueRange{arith::AddFOp::create(b, zero, scaled)});
  b.setInsertionPointToStart(&ifOp.getElseRegion().front());
  Value lhs = mm.get("lhs"), rhs = mm.get("rhs");
  auto loop = scf::ForOp::create(b, idx(0), K, idx(1), ValueRange{zero});
  {
    OpBuilder::InsertionGuard body(b);
    b.setInsertionPointToStart(loop.getBody());
    Value k = loop.getInductionVar();
    auto dequantized = [&](Value memref, ValueRange indices, Value scale) {
      Value element = memref::LoadOp::create(b, memref, indices);
      return arith::MulFOp::create(b, arith::ExtFOp::create(b, f32, element),
                                   scale);
    };
    Value a = dequantized(lhs, {row, k}, sa);
    Value w = dequantized(
        rhs, mm.rhsKMajor ? ValueRange{col, k} : ValueRange{k, col}, sb);
    scf::YieldOp::create(
        b, ValueRange{arith::AddFOp::create(b, loop.getRegionIterArgs()[0],
                                            arith::MulFOp::create(b, a, w))});
  }
  scf::YieldOp::create(b, loop.getResults());
  return ifOp.getResult(0);
}

/// The epilogue of one accumulator element: zero-point corrections, scales,
/// bias, then quantization or conversion, stored at [row, col].
void KernelBuilder::storeResult(Value acc, Value row, Value col, Value rowSum,
                                Value colSum) {
  Value out = mm.get(gpu_matmul::kInitRole);
  Type outType = cast<MemRefType>(out.getType()).getElementType();
  Value value;
  if (mm.kind == Kind::WeightOnly || groupSums) {
    // Weight-only: no lhs scale, and the weights were dequantized
    // (scaled) when staged. Per-group int8: the groups' scaled sums, added
    // in f32 (flushGroup).
    value = acc;
  } else if (mm.kind == Kind::Int8) {
    acc = correctSum(acc, zeroPoint("lhs_zp", row, col),
                     zeroPoint("rhs_zp", row, col), rowSum, colSum,
                     arith::IndexCastOp::create(b, i32, K));
    // quanta.matmul_integer: the i32 sums are the result.
    if (outType == i32) {
      memref::StoreOp::create(b, acc, out, ValueRange{row, col});
      return;
    }
    Value sa = buildToF32(b, b.getLoc(), loadParam("lhs_scale", row, col));
    Value sb = buildToF32(b, b.getLoc(), loadParam("rhs_scale", row, col));
    Value scale = arith::MulFOp::create(b, sa, sb);
    // out = 0 + f32(acc) * (sa * sb): the reference's single K-block.
    Value block =
        arith::MulFOp::create(b, arith::SIToFPOp::create(b, f32, acc), scale);
    value = arith::AddFOp::create(
        b, arith::ConstantOp::create(b, b.getF32FloatAttr(0.0)), block);
  } else {
    value = scaleFloatSum(acc, row, col);
  }
  if (Value bias = mm.get("bias"))
    value = arith::AddFOp::create(
        b, value,
        buildToF32(b, b.getLoc(),
                   memref::LoadOp::create(b, bias, ValueRange{col})));
  if (mm.resultScheme) {
    Value scaleOut = loadParam("result_scale", row, col);
    Value zpOut = loadParam("result_zp", row, col);
    value =
        buildQuantize(b, b.getLoc(), *mm.resultScheme, value, scaleOut, zpOut);
  } else if (outType != f32) {
    value = arith::TruncFOp::create(b, outType, value);
  }
  memref::StoreOp::create(b, value, out, ValueRange{row, col});
}

Value KernelBuilder::batchView(Value v, Value batch) {
  auto type = cast<MemRefType>(v.getType());
  SmallVector<OpFoldResult> offsets = {batch, b.getIndexAttr(0),
                                       b.getIndexAttr(0)};
  SmallVector<OpFoldResult> sizes = {b.getIndexAttr(1),
                                     memref::getMixedSize(b, b.getLoc(), v, 1),
                                     memref::getMixedSize(b, b.getLoc(), v, 2)};
  SmallVector<OpFoldResult> strides(3, b.getIndexAttr(1));
  auto viewType = memref::SubViewOp::inferRankReducedResultType(
      type.getShape().drop_front(), type, offsets, sizes, strides);
  return memref::SubViewOp::create(b, cast<MemRefType>(viewType), v, offsets,
                                   sizes, strides);
}

KernelBuilder::BatchBinding::BatchBinding(KernelBuilder &builder,
                                          gpu::LaunchOp launch)
    : builder(builder) {
  for (auto &entry : builder.batchedOperands) {
    hostViews[entry.getKey()] = builder.mm.operands[entry.getKey()];
    builder.mm.operands[entry.getKey()] =
        builder.batchView(entry.getValue(), launch.getBlockIds().z);
  }
}

KernelBuilder::BatchBinding::~BatchBinding() {
  for (auto &entry : hostViews)
    builder.mm.operands[entry.getKey()] = entry.getValue();
}

void KernelBuilder::buildBatched() {
  for (StringRef role :
       {StringRef("lhs"), StringRef("rhs"), StringRef(gpu_matmul::kInitRole),
        StringRef("lhs_scale"), StringRef("lhs_zp"), StringRef("rhs_scale"),
        StringRef("rhs_zp")}) {
    Value v = mm.get(role);
    // Weights shared by the batches (quanta.matmul_integer), parameters
    // per tensor or channel.
    if (!v || cast<MemRefType>(v.getType()).getRank() < 3)
      continue;
    batchedOperands[role] = v;
    mm.operands[role] = batchView(v, idx(0));
  }
  batches = memref::DimOp::create(b, batchedOperands[gpu_matmul::kInitRole], 0);
  // No batch, no launch (a grid of 0 blocks is an error).
  auto any = scf::IfOp::create(b, ult(idx(0), batches),
                               /*withElseRegion=*/false);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&any.getThenRegion().front());
  build();
}

void KernelBuilder::build() {
  Value hostM = memref::DimOp::create(b, mm.get("lhs"), 0);
  Value hostN = memref::DimOp::create(b, mm.get(gpu_matmul::kInitRole), 1);
  // An empty result launches nothing (a grid of 0 blocks is an error).
  Value zero = idx(0);
  Value hasRows = ult(zero, hostM);
  Value nonEmpty = andI(hasRows, ult(zero, hostN));
  auto guard = scf::IfOp::create(b, nonEmpty, /*withElseRegion=*/false);
  b.setInsertionPointToStart(&guard.getThenRegion().front());
  OpBuilder::InsertionGuard outer(b);
  // One kernel per tiling, chosen by the row count; for a few rows the dot
  // kernels (per-group int8 forms: the group dot kernels).
  {
    auto dot = [&](int64_t rowCount) {
      if (groupSums && mm.rhsKMajor)
        buildGroupRowDotKernel(hostN, rowCount);
      else if (groupSums)
        buildGroupDotKernel(hostN, rowCount);
      else if (mm.rhsKMajor)
        buildDotKernel(hostN, rowCount);
      else
        buildColumnDotKernel(hostN, rowCount);
    };
    auto single = scf::IfOp::create(b, ule(hostM, idx(1)),
                                    /*withElseRegion=*/true);
    b.setInsertionPointToStart(&single.getThenRegion().front());
    dot(1);
    b.setInsertionPointToStart(&single.getElseRegion().front());
    auto few = scf::IfOp::create(b, ule(hostM, idx(kDotMaxM)),
                                 /*withElseRegion=*/true);
    b.setInsertionPointToStart(&few.getThenRegion().front());
    dot(kDotMaxM);
    b.setInsertionPointToStart(&few.getElseRegion().front());
  }
  Value maxSmallM = idx(kSmallTilingMaxM);
  Value large = ult(maxSmallM, hostM);
  auto choice = scf::IfOp::create(b, large, /*withElseRegion=*/true);
  b.setInsertionPointToStart(&choice.getThenRegion().front());
  buildKernel(wgmmaForLargeTiles ? kWideTiling : kLargeTiling, hostM, hostN);
  b.setInsertionPointToStart(&choice.getElseRegion().front());
  buildKernel(elementBits == 8 ? kSmall8BitTiling : kSmallTiling, hostM, hostN);
}

/// `element` (a scalar or vector of lhs or rhs elements) as i32 (8-bit
/// integers, by their scheme's signedness) or f32 (floats, exactly). Vectors
/// of FP8 (sm_89 and newer) convert pairwise to f16 by `cvt.rn.f16x2`, then
/// to f32 (both exact).
Value KernelBuilder::widen(Value element, SchemeAttr scheme) {
  Type type = element.getType();
  auto vector = dyn_cast<VectorType>(type);
  Type storage = getElementTypeOrSelf(type);
  if (vector && isa<Float8E4M3FNType, Float8E5M2Type>(storage)) {
    int64_t pairs = vector.getNumElements() / 2;
    Value codes = vector::BitCastOp::create(
        b, VectorType::get({pairs}, b.getI16Type()), element);
    std::string text =
        (Twine("cvt.rn.f16x2.") +
         (isa<Float8E4M3FNType>(storage) ? "e4m3x2" : "e5m2x2") + " $0, $1;")
            .str();
    SmallVector<Value> halves;
    for (int64_t i = 0; i < pairs; ++i) {
      Value code = vector::ExtractOp::create(b, codes, ArrayRef<int64_t>{i});
      halves.push_back(LLVM::InlineAsmOp::create(
                           b, i32, ValueRange{code}, text, "=r,h",
                           /*has_side_effects=*/false, /*is_align_stack=*/false,
                           LLVM::tailcallkind::TailCallKind::None,
                           LLVM::AsmDialectAttr(), ArrayAttr())
                           .getResult(0));
    }
    Value words = vector::FromElementsOp::create(
        b, VectorType::get({pairs}, i32), halves);
    Value f16s = vector::BitCastOp::create(
        b, VectorType::get({2 * pairs}, b.getF16Type()), words);
    return arith::ExtFOp::create(b, VectorType::get({2 * pairs}, f32), f16s);
  }
  auto to = [&](Type scalar) -> Type {
    if (auto vector = dyn_cast<VectorType>(type))
      return VectorType::get(vector.getShape(), scalar);
    return scalar;
  };
  if (!scheme.isIntegerStorage())
    return arith::ExtFOp::create(b, to(f32), element);
  if (scheme.isSignedStorage())
    return arith::ExtSIOp::create(b, to(i32), element);
  return arith::ExtUIOp::create(b, to(i32), element);
}

/// A launch of blocks of kDotWarps warps, a warp per result column of a
/// hostN-wide result, with the insertion point at the start of its body.
gpu::LaunchOp KernelBuilder::launchColumnWarps(Value hostN) {
  Value one = idx(1);
  auto launch = gpu::LaunchOp::create(b, ceilDivIdx(hostN, kDotWarps), one,
                                      gridZ(), idx(32 * kDotWarps), one, one);
  b.setInsertionPointToStart(&launch.getBody().front());
  return launch;
}

/// In `launch` (blocks of kDotWarps warps, warp w of block x computing
/// result column kDotWarps x + w), after reading the sizes: this thread's
/// lane, its column, that column clamped to the last one, and the first
/// `rowCount` rows clamped likewise (every lane of a warp runs the loops,
/// whose shuffles need the whole warp; loads past N and M read the last
/// column and row, whose results are not stored).
KernelBuilder::ColumnWarp KernelBuilder::columnWarp(gpu::LaunchOp launch,
                                                    int64_t rowCount) {
  readSizes();
  tid = launch.getThreadIds().x;
  ColumnWarp w;
  w.lane = remIdx(tid, 32);
  w.col = add(mulC(launch.getBlockIds().x, kDotWarps), divIdx(tid, 32));
  w.colC = minIdx(w.col, lastN);
  for (int64_t m = 0; m < rowCount; ++m)
    w.rows.push_back(minIdx(idx(m), lastM));
  return w;
}

/// Runs `store(m)` for each row m < rowCount inside the result on lane 0
/// of the warp of column `cw.col`, when that column is inside the result.
void KernelBuilder::storeColumn(const ColumnWarp &cw, int64_t rowCount,
                                function_ref<void(int64_t)> store) {
  OpBuilder::InsertionGuard guard(b);
  Value first =
      arith::CmpIOp::create(b, arith::CmpIPredicate::eq, cw.lane, idx(0));
  auto ifStore = scf::IfOp::create(b, andI(first, ult(cw.col, N)),
                                   /*withElseRegion=*/false);
  b.setInsertionPointToStart(&ifStore.getThenRegion().front());
  for (int64_t m = 0; m < rowCount; ++m) {
    auto ifRow = scf::IfOp::create(b, ult(idx(m), M), /*withElseRegion=*/false);
    OpBuilder::InsertionGuard inner(b);
    b.setInsertionPointToStart(&ifRow.getThenRegion().front());
    store(m);
  }
}

/// The sums of a dot kernel (see buildDotKernel) for the rows and the
/// column of `cw` over K indices [first, end), `lanes` lanes apart (a warp
/// splitting K, or one lane alone): 16-byte chunks (8-bit integers by
/// dp4a, i32 wrapping; floats as their exact f32 products, in f32) when
/// `vectorPath`, else one element per step. The sums of each row, then the
/// row sums (needRowSums), then the column sum (needColSums).
SmallVector<Value> KernelBuilder::dotSums(const ColumnWarp &cw,
                                          Value vectorPath, Value first,
                                          Value end, int64_t lanes) {
  Value lhs = mm.get("lhs"), rhs = mm.get("rhs");
  int64_t rowCount = cw.rows.size();
  bool isInt = mm.kind == Kind::Int8;
  Value zero =
      isInt ? c32(0)
            : arith::ConstantOp::create(b, b.getF32FloatAttr(0.0)).getResult();
  // Carried: the sums of each row, then the row sums (needRowSums), then
  // the column sum (needColSums).
  SmallVector<Value> inits(rowCount, zero);
  if (needRowSums)
    inits.append(rowCount, c32(0));
  if (needColSums)
    inits.push_back(c32(0));
  auto sum = [&](Value v) -> Value {
    return vector::ReductionOp::create(b, vector::CombiningKind::ADD, v);
  };
  // One step: the elements of lhs rows and the rhs row that `load` gives
  // from K index k (vectors of a chunk, or scalars) added to the carried
  // sums. Weight-only parameters per tensor or column are loaded once.
  bool weightOnly = mm.kind == Kind::WeightOnly;
  Value colScale, colZp;
  if (weightOnly && !perGroup) {
    colScale = loadRhsScale(idx(0), cw.colC);
    colZp = loadRhsZp(idx(0), cw.colC);
  }
  auto step = [&](ValueRange carried, function_ref<Value(Value, Value)> load,
                  Value k) {
    SmallVector<Value> next(carried);
    Value w = load(rhs, cw.colC);
    auto vector = dyn_cast<VectorType>(w.getType());
    if (weightOnly) {
      // Each weight dequantized as quanta.dequantize to the activations'
      // type (per group, with the parameters at its own k: once per chunk
      // when chunks do not cross groups), exactly widened to f32.
      int64_t count = vector ? vector.getNumElements() : 1;
      bool chunkParams = perGroup && groupSize % count == 0;
      Value scale = colScale, zp = colZp;
      if (chunkParams) {
        scale = loadRhsScale(k, cw.colC);
        zp = loadRhsZp(k, cw.colC);
      }
      SmallVector<Value> weights;
      for (int64_t i = 0; i < count; ++i) {
        Value code =
            vector ? vector::ExtractOp::create(b, w, ArrayRef<int64_t>{i}) : w;
        if (perGroup && !chunkParams) {
          Value at = addC(k, i);
          scale = loadRhsScale(at, cw.colC);
          zp = loadRhsZp(at, cw.colC);
        }
        weights.push_back(
            dequantWeightF32(arith::ExtUIOp::create(b, i32, code), zp, scale));
      }
      w = vector ? vector::FromElementsOp::create(
                       b, VectorType::get({count}, f32), weights)
                       .getResult()
                 : weights[0];
    } else if (isInt && vector) {
      // 8-bit integers: the chunk's 4 words by dp4a.
      auto words = VectorType::get({4}, i32);
      auto wordsOf = [&](Value v) {
        Value cast = vector::BitCastOp::create(b, words, v);
        SmallVector<Value, 4> list;
        for (int64_t j = 0; j < 4; ++j)
          list.push_back(
              vector::ExtractOp::create(b, cast, ArrayRef<int64_t>{j}));
        return list;
      };
      bool signedA = mm.lhsScheme.isSignedStorage();
      bool signedB = mm.rhsScheme.isSignedStorage();
      SmallVector<Value, 4> wWords = wordsOf(w);
      for (int64_t m = 0; m < rowCount; ++m) {
        SmallVector<Value, 4> aWords = wordsOf(load(lhs, cw.rows[m]));
        for (int64_t j = 0; j < 4; ++j) {
          next[m] = dp4a(aWords[j], wWords[j], next[m], signedA, signedB);
          if (needRowSums)
            next[rowCount + m] = dp4a(aWords[j], next[rowCount + m], signedA);
        }
      }
      if (needColSums)
        for (Value word : wWords)
          next.back() = dp4a(word, next.back(), signedB);
      return next;
    }
    if (!weightOnly)
      w = widen(w, mm.rhsScheme);
    for (int64_t m = 0; m < rowCount; ++m) {
      Value a = load(lhs, cw.rows[m]);
      a = weightOnly ? arith::ExtFOp::create(b, w.getType(), a).getResult()
                     : widen(a, mm.lhsScheme);
      Value product = times(a, w);
      next[m] = plus(next[m], vector ? sum(product) : product);
      if (needRowSums)
        next[rowCount + m] = add(next[rowCount + m], a);
    }
    if (needColSums)
      next.back() = add(next.back(), w);
    return next;
  };
  int64_t chunk = 128 / elementBits;
  SmallVector<Type> types;
  for (Value v : inits)
    types.push_back(v.getType());
  auto paths = scf::IfOp::create(b, types, vectorPath, /*withElseRegion=*/true);
  auto buildLoop = [&](Region &region, int64_t elements) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(&region.front());
    Value start = lanes > 1 ? add(first, mulC(cw.lane, elements)) : first;
    auto loop = scf::ForOp::create(b, start, end, idx(lanes * elements), inits);
    b.setInsertionPointToStart(loop.getBody());
    Value k = loop.getInductionVar();
    auto load = [&](Value memref, Value row) -> Value {
      if (memref == rhs && (packedWeights || rhsInt4))
        return loadPackedK(row, k, elements);
      if (elements == 1)
        return memref::LoadOp::create(b, memref, ValueRange{row, k});
      Type element = cast<MemRefType>(memref.getType()).getElementType();
      auto vload = vector::LoadOp::create(
          b, VectorType::get({elements}, element), memref, ValueRange{row, k});
      // A chunk of 16 bytes, or of 8 (weight-only int8 weights).
      vload.setAlignment(static_cast<uint64_t>(std::min<int64_t>(
          16, elements * element.getIntOrFloatBitWidth() / 8)));
      return vload;
    };
    scf::YieldOp::create(b, step(loop.getRegionIterArgs(), load, k));
    b.setInsertionPointAfter(loop);
    scf::YieldOp::create(b, loop.getResults());
  };
  buildLoop(paths.getThenRegion(), chunk);
  buildLoop(paths.getElseRegion(), 1);
  return SmallVector<Value>(paths.getResults());
}

/// The kernel for up to `rowCount` rows with the weights N x K (decode): no
/// tensor cores, no shared memory. Warp w of block x computes result column
/// n = kDotWarps x + w for every row: each lane takes 16-byte chunks of
/// weight row n (and of the activation rows) 32 chunks apart along K, adds
/// the products of each chunk to its sums (8-bit integers by dp4a, i32
/// wrapping; floats as their exact f32 products, in f32; weight-only int8
/// weights, 8-byte chunks, dequantized as quanta.dequantize) with the row and
/// column sums the zero points need, and the warp adds its lanes' sums by
/// shuffles; lane 0 applies the epilogue. Unaligned operands (K not a
/// multiple of a chunk, pointers not 16-byte aligned) take one element per
/// lane and step instead. The sums' order is not k order: exact for
/// integers, within docs/GPU.md's bound for floats.
void KernelBuilder::buildDotKernel(Value hostN, int64_t rowCount) {
  OpBuilder::InsertionGuard outer(b);
  gpu::LaunchOp launch = launchColumnWarps(hostN);
  BatchBinding binding(*this, launch);
  Value lhs = mm.get("lhs"), rhs = mm.get("rhs");
  ColumnWarp cw = columnWarp(launch, rowCount);
  int64_t chunk = 128 / elementBits;
  Value vectorPath = andI(arith::CmpIOp::create(b, arith::CmpIPredicate::eq,
                                                remIdx(K, chunk), idx(0)),
                          andI(isAligned(lhs, 16), isAligned(rhs, 16)));
  // The warp's sums, on every lane.
  SmallVector<Value> sums;
  for (Value v : dotSums(cw, vectorPath, idx(0), K, 32))
    sums.push_back(laneSum(v, {16, 8, 4, 2, 1}));
  storeColumn(cw, rowCount, [&](int64_t m) {
    storeResult(sums[m], idx(m), cw.col,
                needRowSums ? sums[rowCount + m] : Value(),
                needColSums ? sums.back() : Value());
  });
  b.setInsertionPointToEnd(&launch.getBody().front());
  gpu::TerminatorOp::create(b);
}

/// The kernel for up to `rowCount` rows with the weights K x N (decode;
/// 8-bit or 16-bit, or packed int4): no tensor cores. Blocks of 8
/// warps compute 64 result columns: lane l of warp w takes the 8 columns
/// from 8 (l % 8) (one load of a row's 8 elements, a 32-bit word of
/// nibbles, when N is a multiple of 8 and the data aligned, else clamped
/// element loads) and rows k = 4 w + l / 8 + 32 i, so that a warp reads 4
/// rows x 64 columns per step. Weight-only weights are dequantized as
/// quanta.dequantize (rounded once to the activations' f16/bf16), int8
/// matmuls' integers multiply in i32 (wrapping, with the zero points' row and
/// column sums), floats as their exact f32 products, added in f32. The 4 lanes
/// of a column add their sums by shuffles, the 8 warps theirs through shared
/// memory in warp order, and 64 x rowCount threads run the epilogue. The
/// sums' order is not k order: exact for integers, within docs/GPU.md's
/// bound for floats.
void KernelBuilder::buildColumnDotKernel(Value hostN, int64_t rowCount) {
  constexpr int64_t kColumns = 64, kSlots = 4 * kDotWarps;
  Value one = idx(1);
  bool isInt = mm.kind == Kind::Int8, weightOnly = mm.kind == Kind::WeightOnly;
  Type accType = isInt ? i32 : f32;
  auto shared =
      gpu::AddressSpaceAttr::get(b.getContext(), gpu::AddressSpace::Workgroup);
  auto sharedType = [&](ArrayRef<int64_t> shape, Type element) {
    return MemRefType::get(shape, element, MemRefLayoutAttrInterface(), shared);
  };
  // The warps' sums [warp][row][column], column sums [warp][column], row
  // sums [warp][row].
  SmallVector<Type> attributions = {
      sharedType({kDotWarps, rowCount, kColumns}, accType)};
  if (needColSums)
    attributions.push_back(sharedType({kDotWarps, kColumns}, i32));
  if (needRowSums)
    attributions.push_back(sharedType({kDotWarps, rowCount}, i32));
  auto launch = gpu::LaunchOp::create(b, ceilDivIdx(hostN, kColumns), one,
                                      gridZ(), idx(32 * kDotWarps), one, one,
                                      /*dynamicSharedMemorySize=*/nullptr,
                                      /*asyncTokenType=*/nullptr,
                                      /*asyncDependencies=*/{}, attributions);
  OpBuilder::InsertionGuard outer(b);
  b.setInsertionPointToStart(&launch.getBody().front());
  BatchBinding binding(*this, launch);
  Value lhs = mm.get("lhs");
  Value partials = launch.getWorkgroupAttributions()[0];
  Value colPartials, rowPartials;
  if (needColSums)
    colPartials = launch.getWorkgroupAttributions()[1];
  if (needRowSums)
    rowPartials = launch.getWorkgroupAttributions().back();
  readSizes();
  tid = launch.getThreadIds().x;
  Value warp = divIdx(tid, 32), lane = remIdx(tid, 32);
  Value first = mulC(launch.getBlockIds().x, kColumns);
  Value nBase = add(first, mulC(remIdx(lane, 8), 8));
  Value slot = add(mulC(warp, 4), divIdx(lane, 8));
  SmallVector<Value> rows;
  for (int64_t m = 0; m < rowCount; ++m)
    rows.push_back(minIdx(idx(m), lastM));
  // Weight-only parameters per tensor or per column: the same in every row.
  weightScales.clear();
  weightZps.clear();
  if (weightOnly && !perGroup)
    loadWeightParams(idx(0), nBase, weightScales, weightZps);
  Value vectorPath = rowVectorPath();
  Value zero =
      isInt ? c32(0)
            : arith::ConstantOp::create(b, b.getF32FloatAttr(0.0)).getResult();
  int64_t colSumBase, rowSumBase;
  SmallVector<Value> inits =
      columnSumInits(rowCount, zero, colSumBase, rowSumBase);
  auto loop = scf::ForOp::create(b, slot, K, idx(kSlots), inits);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    Value k = loop.getInductionVar();
    // The row's 8 weights, widened (i32 or f32).
    SmallVector<Value> weights;
    if (weightOnly) {
      SmallVector<Value> codes = loadRowWeights(k, nBase, vectorPath);
      SmallVector<Value> scales(weightScales), zps(weightZps);
      if (perGroup)
        loadWeightParams(k, nBase, scales, zps);
      for (int64_t j = 0; j < 8; ++j) {
        weights.push_back(dequantWeightF32(codes[j], zps[j], scales[j]));
      }
    } else {
      weights = loadRowWeights(k, nBase, vectorPath);
    }
    SmallVector<Value> activations;
    for (Value row : rows) {
      Value a = memref::LoadOp::create(b, lhs, ValueRange{row, k});
      activations.push_back(weightOnly
                                ? arith::ExtFOp::create(b, f32, a).getResult()
                                : widen(a, mm.lhsScheme));
    }
    // Every lane adds its rows' activations; only the lanes of columns
    // 0-7 keep their row sums.
    SmallVector<Value> next(loop.getRegionIterArgs());
    accumulateRow(next, activations, weights, colSumBase, rowSumBase);
    scf::YieldOp::create(b, next);
  }
  // The 4 lanes of each column, then the warps in order.
  SmallVector<Value> sums;
  for (Value v : loop.getResults())
    sums.push_back(laneSum(v, {8, 16}));
  {
    auto ifFirst =
        scf::IfOp::create(b, ult(lane, idx(8)), /*withElseRegion=*/false);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(&ifFirst.getThenRegion().front());
    Value column = mulC(lane, 8);
    for (int64_t j = 0; j < 8; ++j) {
      for (int64_t m = 0; m < rowCount; ++m)
        memref::StoreOp::create(b, sums[m * 8 + j], partials,
                                ValueRange{warp, idx(m), addC(column, j)});
      if (needColSums)
        memref::StoreOp::create(b, sums[colSumBase + j], colPartials,
                                ValueRange{warp, addC(column, j)});
    }
    if (needRowSums)
      for (int64_t m = 0; m < rowCount; ++m)
        memref::StoreOp::create(b, sums[rowSumBase + m], rowPartials,
                                ValueRange{warp, idx(m)});
  }
  gpu::BarrierOp::create(b);
  Value m = divIdx(tid, kColumns), column = remIdx(tid, kColumns);
  Value col = add(first, column);
  Value store = andI(ult(m, M), ult(col, N));
  auto ifStore =
      scf::IfOp::create(b, andI(ult(tid, idx(kColumns * rowCount)), store),
                        /*withElseRegion=*/false);
  b.setInsertionPointToStart(&ifStore.getThenRegion().front());
  auto total = [&](Value memref, ValueRange at, Value start) {
    Value sum = start;
    for (int64_t w = 0; w < kDotWarps; ++w) {
      SmallVector<Value> indices = {idx(w)};
      indices.append(at.begin(), at.end());
      sum = plus(sum, memref::LoadOp::create(b, memref, indices));
    }
    return sum;
  };
  Value value = total(partials, ValueRange{m, column}, zero);
  Value colSum =
      needColSums ? total(colPartials, ValueRange{column}, c32(0)) : Value();
  Value rowSum =
      needRowSums ? total(rowPartials, ValueRange{m}, c32(0)) : Value();
  storeResult(value, m, col, rowSum, colSum);
  b.setInsertionPointToEnd(&launch.getBody().front());
  gpu::TerminatorOp::create(b);
}

/// The kernel for up to `rowCount` rows of a per-group int8 matmul with the
/// weights K x N (8-bit, or packed int4): no tensor cores. Blocks of 8
/// warps compute 64 result columns: lane l of warp w takes the 8 columns
/// from 8 (l % 8) and, in round r, group g = 32 r + 4 w + l / 8, whose
/// rows it walks in order (one load of a row's 8 elements, 8 bytes or a
/// 32-bit word of nibbles, when N is a multiple of 8 and the data aligned,
/// else clamped element loads), so that a warp reads 4 rows x 64 columns
/// per step. The group's i32 sums (wrapping), zero points corrected with
/// its own row and column sums, become its block `f32(sum) * (sa * sb)`,
/// stored in shared memory; then one thread per result adds the round's 32
/// blocks in group order to its f32 sum (the reference's order, bit-exact).
void KernelBuilder::buildGroupDotKernel(Value hostN, int64_t rowCount) {
  constexpr int64_t kColumns = 64, kSlots = 4 * kDotWarps;
  Value one = idx(1);
  auto shared =
      gpu::AddressSpaceAttr::get(b.getContext(), gpu::AddressSpace::Workgroup);
  // The round's blocks [slot][row][column].
  auto blocksType = MemRefType::get({kSlots, rowCount, kColumns}, f32,
                                    MemRefLayoutAttrInterface(), shared);
  auto launch = gpu::LaunchOp::create(
      b, ceilDivIdx(hostN, kColumns), one, gridZ(), idx(32 * kDotWarps), one,
      one, /*dynamicSharedMemorySize=*/nullptr, /*asyncTokenType=*/nullptr,
      /*asyncDependencies=*/{}, TypeRange{blocksType});
  OpBuilder::InsertionGuard outer(b);
  b.setInsertionPointToStart(&launch.getBody().front());
  BatchBinding binding(*this, launch);
  Value lhs = mm.get("lhs");
  Value blocks = launch.getWorkgroupAttributions()[0];
  readSizes();
  tid = launch.getThreadIds().x;
  Value warp = divIdx(tid, 32), lane = remIdx(tid, 32);
  Value first = mulC(launch.getBlockIds().x, kColumns);
  Value column = mulC(remIdx(lane, 8), 8);
  Value nBase = add(first, column);
  Value slot = add(mulC(warp, 4), divIdx(lane, 8));
  SmallVector<Value> rows;
  for (int64_t m = 0; m < rowCount; ++m)
    rows.push_back(minIdx(idx(m), lastM));
  SmallVector<Value> cols;
  for (int64_t j = 0; j < 8; ++j)
    cols.push_back(minIdx(addC(nBase, j), lastN));
  Value vectorPath = rowVectorPath();
  Value groups = divIdx(K, groupSize);
  Value zero = arith::ConstantOp::create(b, b.getF32FloatAttr(0.0));
  // The thread's result (tid < 64 rowCount: row tid / 64, column tid % 64)
  // summed over the rounds.
  Value resultRow = divIdx(tid, kColumns), resultColumn = remIdx(tid, kColumns);
  auto rounds =
      scf::ForOp::create(b, idx(0), groups, idx(kSlots), ValueRange{zero});
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(rounds.getBody());
    Value g0 = rounds.getInductionVar();
    Value g = add(g0, slot);
    auto inGroups = scf::IfOp::create(b, ult(g, groups),
                                      /*withElseRegion=*/false);
    {
      OpBuilder::InsertionGuard inner(b);
      b.setInsertionPointToStart(&inGroups.getThenRegion().front());
      Value k0 = mulC(g, groupSize);
      int64_t colSumBase, rowSumBase;
      SmallVector<Value> inits =
          columnSumInits(rowCount, c32(0), colSumBase, rowSumBase);
      auto loop = scf::ForOp::create(b, k0, addC(k0, groupSize), one, inits);
      {
        OpBuilder::InsertionGuard body(b);
        b.setInsertionPointToStart(loop.getBody());
        Value k = loop.getInductionVar();
        SmallVector<Value> weights = loadRowWeights(k, nBase, vectorPath);
        SmallVector<Value> activations;
        for (Value row : rows)
          activations.push_back(
              widen(memref::LoadOp::create(b, lhs, ValueRange{row, k}),
                    mm.lhsScheme));
        SmallVector<Value> next(loop.getRegionIterArgs());
        accumulateRow(next, activations, weights, colSumBase, rowSumBase);
        scf::YieldOp::create(b, next);
      }
      // The group's blocks.
      ValueRange sums = loop.getResults();
      for (int64_t m = 0; m < rowCount; ++m) {
        Value sa = buildToF32(b, b.getLoc(),
                              loadParam("lhs_scale", rows[m], rows[m], k0));
        Value za = zeroPoint("lhs_zp", rows[m], rows[m], k0);
        for (int64_t j = 0; j < 8; ++j) {
          Value sb = buildToF32(b, b.getLoc(),
                                loadParam("rhs_scale", cols[j], cols[j], k0));
          Value zb = zeroPoint("rhs_zp", cols[j], cols[j], k0);
          Value block = groupBlock(
              sums[m * 8 + j], needRowSums ? sums[rowSumBase + m] : Value(),
              needColSums ? sums[colSumBase + j] : Value(), sa, za, sb, zb);
          memref::StoreOp::create(b, block, blocks,
                                  ValueRange{slot, idx(m), addC(column, j)});
        }
      }
    }
    gpu::BarrierOp::create(b);
    // The round's blocks in group order, one thread per result.
    Value acc = rounds.getRegionIterArgs()[0];
    auto adds =
        scf::IfOp::create(b, TypeRange{f32}, ult(tid, idx(kColumns * rowCount)),
                          /*withElseRegion=*/true);
    {
      OpBuilder::InsertionGuard inner(b);
      b.setInsertionPointToStart(&adds.getThenRegion().front());
      Value slots = minIdx(idx(kSlots), sub(groups, g0));
      auto ordered = scf::ForOp::create(b, idx(0), slots, one, ValueRange{acc});
      b.setInsertionPointToStart(ordered.getBody());
      Value block = memref::LoadOp::create(
          b, blocks,
          ValueRange{ordered.getInductionVar(), resultRow, resultColumn});
      scf::YieldOp::create(b, ValueRange{arith::AddFOp::create(
                                  b, ordered.getRegionIterArgs()[0], block)});
      b.setInsertionPointAfter(ordered);
      scf::YieldOp::create(b, ordered.getResults());
      b.setInsertionPointToStart(&adds.getElseRegion().front());
      scf::YieldOp::create(b, ValueRange{acc});
    }
    // The blocks are read before the next round stores its own.
    gpu::BarrierOp::create(b);
    scf::YieldOp::create(b, adds.getResults());
  }
  Value col = add(first, resultColumn);
  Value store = andI(ult(tid, idx(kColumns * rowCount)),
                     andI(ult(resultRow, M), ult(col, N)));
  auto ifStore = scf::IfOp::create(b, store, /*withElseRegion=*/false);
  b.setInsertionPointToStart(&ifStore.getThenRegion().front());
  storeResult(rounds.getResult(0), resultRow, col, Value(), Value());
  b.setInsertionPointToEnd(&launch.getBody().front());
  gpu::TerminatorOp::create(b);
}

/// The kernel for up to `rowCount` rows of a per-group int8 matmul with the
/// weights N x K (decode; llama.cpp's Q8_0 layout): no tensor cores, no
/// shared memory. Warp w of block x computes column n = 8 x + w: in round
/// r, lane l takes group g = 32 r + l, the group's G contiguous bytes of
/// weight row n and of the activation rows (16-byte loads and dp4a when
/// both are 16-byte aligned, else one element at a time), with i32 sums
/// (wrapping) and the group's own zero-point sums, and its block `f32(sum)
/// * (sa * sb)`; the warp then adds the round's 32 blocks in group order
/// (read from each lane by shuffles; bit-exact, the reference's order).
void KernelBuilder::buildGroupRowDotKernel(Value hostN, int64_t rowCount) {
  OpBuilder::InsertionGuard outer(b);
  gpu::LaunchOp launch = launchColumnWarps(hostN);
  BatchBinding binding(*this, launch);
  Value lhs = mm.get("lhs"), rhs = mm.get("rhs");
  ColumnWarp cw = columnWarp(launch, rowCount);
  Value lane = cw.lane, col = cw.col, colC = cw.colC;
  ArrayRef<Value> rows = cw.rows;
  // K is a multiple of the group size, itself of 32: groups are whole
  // 16-byte chunks.
  Value vectorPath = andI(isAligned(lhs, 16), isAligned(rhs, 16));
  Value groups = divIdx(K, groupSize);
  Value zero = arith::ConstantOp::create(b, b.getF32FloatAttr(0.0));
  auto rounds = scf::ForOp::create(b, idx(0), groups, idx(32),
                                   SmallVector<Value>(rowCount, zero));
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(rounds.getBody());
    Value g0 = rounds.getInductionVar();
    Value g = add(g0, lane);
    SmallVector<Type> blockTypes(rowCount, f32);
    auto inGroups = scf::IfOp::create(b, blockTypes, ult(g, groups),
                                      /*withElseRegion=*/true);
    {
      OpBuilder::InsertionGuard inner(b);
      b.setInsertionPointToStart(&inGroups.getThenRegion().front());
      Value k0 = mulC(g, groupSize);
      // The group's sums [row], then the row sums [row], then the column
      // sum.
      SmallVector<Value> sums =
          dotSums(cw, vectorPath, k0, addC(k0, groupSize), 1);
      Value sb =
          buildToF32(b, b.getLoc(), loadParam("rhs_scale", colC, colC, k0));
      Value zb = zeroPoint("rhs_zp", colC, colC, k0);
      SmallVector<Value> blocks;
      for (int64_t m = 0; m < rowCount; ++m) {
        Value sa = buildToF32(b, b.getLoc(),
                              loadParam("lhs_scale", rows[m], rows[m], k0));
        Value za = zeroPoint("lhs_zp", rows[m], rows[m], k0);
        blocks.push_back(
            groupBlock(sums[m], needRowSums ? sums[rowCount + m] : Value(),
                       needColSums ? sums.back() : Value(), sa, za, sb, zb));
      }
      scf::YieldOp::create(b, blocks);
      b.setInsertionPointToStart(&inGroups.getElseRegion().front());
      scf::YieldOp::create(b, SmallVector<Value>(rowCount, zero));
    }
    // The round's blocks in group order: lane s's block is group g0 + s's.
    SmallVector<Value> acc(rounds.getRegionIterArgs());
    Value count = minIdx(idx(32), sub(groups, g0));
    for (int64_t l = 0; l < 32; ++l) {
      Value valid = ult(idx(l), count);
      for (int64_t m = 0; m < rowCount; ++m) {
        Value block = gpu::ShuffleOp::create(b, inGroups.getResult(m), l, 32,
                                             gpu::ShuffleMode::IDX)
                          .getShuffleResult();
        acc[m] = arith::SelectOp::create(
            b, valid, arith::AddFOp::create(b, acc[m], block), acc[m]);
      }
    }
    scf::YieldOp::create(b, acc);
  }
  storeColumn(cw, rowCount, [&](int64_t m) {
    storeResult(rounds.getResult(m), idx(m), col, Value(), Value());
  });
  b.setInsertionPointToEnd(&launch.getBody().front());
  gpu::TerminatorOp::create(b);
}

/// The mma.sync of the K stage at k0 on shared buffer `buffer`: each warp's
/// fragments by ldmatrix, its mma tiles, and the dp4a row and column sums
/// the zero points need, updating the loop-carried values `carried`; with
/// per-group sums, each K step that ends a group scales them into the f32
/// sums (flushGroup).
void KernelBuilder::mmaStage(Value buffer, Value k0,
                             SmallVectorImpl<Value> &carried) {
  // Signedness of the dp4a sums (8-bit integer operands only).
  bool lhsSigned = needRowSums && mm.lhsScheme.isSignedStorage();
  bool rhsSigned = needColSums && mm.rhsScheme.isSignedStorage();
  // One mma consumes 8 words of each row: k32 of 8-bit, k16 of f16.
  for (int64_t ks = 0; ks < kWordsK / 8; ++ks) {
    SmallVector<SmallVector<Value, 4>> aFrags, bFrags;
    for (int64_t mi = 0; mi < tilesM; ++mi) {
      Value row = add(addC(wm, mi * 16), aRowOffset);
      aFrags.push_back(
          loadMatrices(tileA, buffer, row, addC(aWordOffset, ks * 8)));
    }
    for (int64_t ni = 0; ni < tilesN; ni += 2) {
      Value n = add(addC(wn, ni * 8), bRowOffset);
      Value word = tileBWord(n, addC(bWordOffset, ks * 8));
      SmallVector<Value, 4> words = loadMatrices(tileB, buffer, n, word);
      bFrags.push_back({words[0], words[1]});
      bFrags.push_back({words[2], words[3]});
    }
    for (int64_t mi = 0; mi < tilesM; ++mi)
      for (int64_t ni = 0; ni < tilesN; ++ni) {
        SmallVector<Value> c;
        for (int64_t j = 0; j < 4; ++j)
          c.push_back(carried[accIndex(mi, ni, j)]);
        Value d = mma(aFrags[mi], bFrags[ni], c);
        for (int64_t j = 0; j < 4; ++j)
          carried[accIndex(mi, ni, j)] =
              LLVM::ExtractValueOp::create(b, d, ArrayRef<int64_t>{j});
      }
    if (needRowSums)
      for (int64_t mi = 0; mi < tilesM; ++mi)
        for (int64_t h = 0; h < 2; ++h) {
          Value &s = carried[rowBase + mi * 2 + h];
          s = dp4a(aFrags[mi][h], s, lhsSigned);
          s = dp4a(aFrags[mi][h + 2], s, lhsSigned);
        }
    if (needColSums)
      for (int64_t ni = 0; ni < tilesN; ++ni) {
        Value &s = carried[colBase + ni];
        s = dp4a(bFrags[ni][0], s, rhsSigned);
        s = dp4a(bFrags[ni][1], s, rhsSigned);
      }
    if (groupSums)
      flushGroup(addC(k0, (ks + 1) * 8 * elemsPerWord), carried);
  }
}

/// The sums over the K steps so far of rows g, g + 8 of each mma tile row
/// (rowSums, [mi][2]) and of columns 2t, 2t + 1 of each tile column
/// (colSums, [ni][2]), on every lane, from the loop-carried partials.
void KernelBuilder::reduceSums(ArrayRef<Value> carried,
                               SmallVectorImpl<Value> &rowSums,
                               SmallVectorImpl<Value> &colSums) {
  if (needRowSums)
    for (int64_t i = 0; i < tilesM * 2; ++i)
      rowSums.push_back(laneSum(carried[rowBase + i], {1, 2}));
  if (!needColSums)
    return;
  Value laneT = arith::IndexCastOp::create(b, i32, t);
  Value src0 = mul(laneT, c32(8)), src1 = add(src0, c32(4));
  Value width = c32(32);
  for (int64_t ni = 0; ni < tilesN; ++ni) {
    // Column g's sum is on every lane of quad g; lane 4 * (2t + h) has
    // that of column 2t + h.
    Value s = laneSum(carried[colBase + ni], {1, 2});
    for (Value src : {src0, src1})
      colSums.push_back(
          gpu::ShuffleOp::create(
              b, s, src, width,
              gpu::ShuffleModeAttr::get(b.getContext(), gpu::ShuffleMode::IDX))
              .getShuffleResult());
  }
}

/// Per-group int8 sums: when the mma K step that ends at kEnd holds the last
/// k of a group (kEnd a multiple of the group size), the i32 sums of
/// that group become (the reference's block) `f32(sum (a - za)(b - zb)) *
/// (sa * sb)` with the group's parameters, added to each element's f32 sum
/// in group order, and the i32 sums start again from 0. Every thread of
/// the block takes the same branch (the row and column sums are reduced by
/// shuffles).
void KernelBuilder::flushGroup(Value kEnd, SmallVectorImpl<Value> &carried) {
  Value kStart = addC(kEnd, -32);
  Value endsGroup = arith::CmpIOp::create(b, arith::CmpIPredicate::eq,
                                          remIdx(kEnd, groupSize), idx(0));
  SmallVector<Type> types;
  for (Value v : carried)
    types.push_back(v.getType());
  auto ifOp = scf::IfOp::create(b, types, andI(endsGroup, ult(kStart, K)),
                                /*withElseRegion=*/true);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&ifOp.getElseRegion().front());
  scf::YieldOp::create(b, carried);
  b.setInsertionPointToStart(&ifOp.getThenRegion().front());
  // The group's first k (K is a multiple of the group size: the verifier
  // checks a static K, the caller a dynamic one, see buildKBlockCheck).
  Value first = mulC(divIdx(kStart, groupSize), groupSize);
  SmallVector<Value> rowSums, colSums;
  reduceSums(carried, rowSums, colSums);
  // The parameters of this thread's rows and columns (clamped: elements
  // outside the result are not stored).
  SmallVector<Value> sa, za, sb, zb;
  for (int64_t mi = 0; mi < tilesM; ++mi)
    for (int64_t h = 0; h < 2; ++h) {
      Value row = minIdx(add(add(m0, addC(wm, mi * 16 + h * 8)), g), lastM);
      sa.push_back(
          buildToF32(b, b.getLoc(), loadParam("lhs_scale", row, row, first)));
      za.push_back(zeroPoint("lhs_zp", row, row, first));
    }
  for (int64_t ni = 0; ni < tilesN; ++ni)
    for (int64_t e = 0; e < 2; ++e) {
      Value col = minIdx(add(add(n0, addC(wn, ni * 8 + e)), mulC(t, 2)), lastN);
      sb.push_back(
          buildToF32(b, b.getLoc(), loadParam("rhs_scale", col, col, first)));
      zb.push_back(zeroPoint("rhs_zp", col, col, first));
    }
  SmallVector<Value> next(carried.begin(), carried.end());
  for (int64_t mi = 0; mi < tilesM; ++mi)
    for (int64_t ni = 0; ni < tilesN; ++ni)
      for (int64_t j = 0; j < 4; ++j) {
        int64_t r = mi * 2 + j / 2, c = ni * 2 + j % 2, i = accIndex(mi, ni, j);
        Value block = groupBlock(carried[i], needRowSums ? rowSums[r] : Value(),
                                 needColSums ? colSums[c] : Value(), sa[r],
                                 za[r], sb[c], zb[c]);
        next[floatBase + i] =
            arith::AddFOp::create(b, carried[floatBase + i], block);
        next[i] = c32(0);
      }
  for (int64_t i = rowBase; i < floatBase; ++i)
    next[i] = c32(0);
  scf::YieldOp::create(b, next);
  carried.assign(ifOp.getResults().begin(), ifOp.getResults().end());
}

/// Builds the launch of the kernel with tiling `kernelTiling` for a
/// hostM x hostN result.
void KernelBuilder::buildKernel(const Tiling &kernelTiling, Value hostM,
                                Value hostN) {
  tiling = kernelTiling;
  wgmma = wgmmaForLargeTiles && tiling.blockM == kLargeTiling.blockM;
  asyncCopies =
      wgmma || (mm.rhsKMajor && mm.kind != Kind::WeightOnly && !rhsInt4);
  // A stage of both tiles: wgmma's rows of 4 core matrices (kCoreWords
  // words per 8 rows), else padded rows.
  int64_t rowWords = wgmma ? kCoreWords / 8 : kWordsK + kPadWords;
  int64_t stageBytes = (tiling.blockM + tiling.blockN) * rowWords * 4;
  ringBuffers = std::min(kMaxRingBuffers, sharedBytes / stageBytes);
  auto shared =
      gpu::AddressSpaceAttr::get(b.getContext(), gpu::AddressSpace::Workgroup);
  // Register staging: two buffers of each tile, the next stage is loaded
  // while this one is multiplied (static shared memory). cp.async: the ring
  // of buffers (dynamic shared memory, beyond the 48 KiB of static shared
  // memory a kernel may have), lhs tiles first; wgmma's in core-matrix
  // groups of 8 rows.
  auto tileType = [&](int64_t rows) {
    SmallVector<int64_t> shape = {asyncCopies ? ringBuffers : 2, rows,
                                  kWordsK + kPadWords};
    if (wgmma)
      shape = {ringBuffers, rows / 8, kCoreWords};
    return MemRefType::get(shape, i32, MemRefLayoutAttrInterface(), shared);
  };
  MemRefType typeA = tileType(tiling.blockM), typeB = tileType(tiling.blockN);
  Value one = idx(1);
  Value gridX = ceilDivIdx(hostN, tiling.blockN);
  Value gridY = ceilDivIdx(hostM, tiling.blockM);
  Value threads = idx(tiling.threads());
  Value dynamicBytes;
  int64_t bytesA = typeA.getNumElements() * 4;
  if (asyncCopies)
    dynamicBytes = c32(bytesA + typeB.getNumElements() * 4);
  auto launch = gpu::LaunchOp::create(
      b, gridX, gridY, gridZ(), threads, one, one, dynamicBytes,
      /*asyncTokenType=*/nullptr, /*asyncDependencies=*/{},
      asyncCopies ? TypeRange{} : TypeRange{typeA, typeB});
  OpBuilder::InsertionGuard outer(b);
  b.setInsertionPointToStart(&launch.getBody().front());
  BatchBinding binding(*this, launch);
  Value lhs = mm.get("lhs"), rhs = mm.get("rhs");
  if (asyncCopies) {
    Value ring = gpu::DynamicSharedMemoryOp::create(
        b, MemRefType::get({ShapedType::kDynamic}, b.getI8Type(),
                           MemRefLayoutAttrInterface(), shared));
    tileA = memref::ViewOp::create(b, typeA, ring, idx(0), ValueRange{});
    tileB = memref::ViewOp::create(b, typeB, ring, idx(bytesA), ValueRange{});
  } else {
    tileA = launch.getWorkgroupAttributions()[0];
    tileB = launch.getWorkgroupAttributions()[1];
  }
  readSizes();
  tid = launch.getThreadIds().x;
  // Vector loads need rows that start on their alignment: lhs rows of a
  // multiple of 16 bytes, rhs rows of a multiple of 4 (8-bit, int4 8
  // nibbles) or 16 bytes (f16), and aligned data pointers.
  auto multipleOf = [&](Value x, int64_t d) {
    return arith::CmpIOp::create(b, arith::CmpIPredicate::eq, remIdx(x, d),
                                 idx(0));
  };
  vectorA = andI(multipleOf(K, 128 / elementBits), isAligned(lhs, 16));
  if (mm.kind == Kind::WeightOnly && mm.rhsKMajor) {
    // Weights N x K: the 2 bytes (8-bit) or the byte (int4) of rows k,
    // k + 1 of a column.
    vectorB = multipleOf(K, 2);
    if (!packedWeights)
      vectorB = andI(vectorB, isAligned(rhs, 2));
  } else if (mm.rhsKMajor) {
    // Rows of 16-byte chunks along K (int4: 8 bytes of 16 nibbles).
    vectorB = andI(multipleOf(K, 128 / elementBits),
                   isAligned(rhs, rhsInt4 ? 8 : 16));
  } else {
    // Items of 4 columns of 8-bit (4 bytes) or int4 (2 bytes) elements, of
    // 8 of f16 (16 bytes) or weight-only int4 (4 bytes) or 8-bit (8 bytes).
    int64_t rhsBytes = mm.kind == Kind::F16                            ? 16
                       : rhsInt4                                       ? 2
                       : mm.kind == Kind::WeightOnly && !packedWeights ? 8
                                                                       : 4;
    int64_t rhsElems = colsPerItem();
    vectorB = andI(multipleOf(N, rhsElems), isAligned(rhs, rhsBytes));
  }
  m0 = mul(launch.getBlockIds().y, idx(tiling.blockM));
  n0 = mul(launch.getBlockIds().x, idx(tiling.blockN));
  Value warp = arith::DivUIOp::create(b, tid, idx(32));
  Value lane = arith::RemUIOp::create(b, tid, idx(32));
  g = arith::DivUIOp::create(b, lane, idx(4));
  t = arith::RemUIOp::create(b, lane, idx(4));
  tilesM = tiling.tilesM();
  tilesN = tiling.tilesN();
  // The rows and words whose addresses this lane gives `ldmatrix.x4`: lanes
  // 8j ... 8j + 7 address the 8 rows of matrix j, which becomes fragment
  // register j. lhs (16 rows of an mma tile): a0 ... a3 = rows 0-7 / 8-15,
  // words 0-3 / 4-7 (rows first). rhs (two mma tiles of 8 columns): b0, b1
  // of the first, then of the second (words first).
  if (wgmma) {
    // The wgmma accumulators of warp w: rows 16 w ... 16 w + 15 of the
    // block (warpgroup w / 4 has rows 64 (w / 4) ...), all columns, as the
    // fragments of blockN / 8 m16n8 tiles.
    tilesM = 1;
    tilesN = tiling.blockN / 8;
    wm = mulC(warp, 16);
    wn = idx(0);
  } else {
    wm = mulC(divIdx(warp, tiling.warpsN), tilesM * 16);
    wn = mulC(remIdx(warp, tiling.warpsN), tilesN * 8);
    Value quarter = divIdx(lane, 8), rowInMatrix = remIdx(lane, 8);
    aRowOffset = add(rowInMatrix, mulC(remIdx(quarter, 2), 8));
    aWordOffset = mulC(divIdx(quarter, 2), 4);
    bRowOffset = add(rowInMatrix, mulC(divIdx(quarter, 2), 8));
    bWordOffset = mulC(remIdx(quarter, 2), 4);
  }
  computeSlots();

  // Loop-carried: accumulators [mi][ni][4], then row-sum partials [mi][2]
  // (rows g and g + 8), then column-sum partials [ni] (column g), then
  // per-group int8's f32 sums [mi][ni][4].
  bool isInt = mm.kind == Kind::Int8;
  Value zeroAcc =
      isInt ? c32(0)
            : arith::ConstantOp::create(b, b.getF32FloatAttr(0.0)).getResult();
  SmallVector<Value> inits(tilesM * tilesN * 4, zeroAcc);
  rowBase = inits.size();
  if (needRowSums)
    inits.append(tilesM * 2, c32(0));
  colBase = inits.size();
  if (needColSums)
    inits.append(tilesN, c32(0));
  floatBase = inits.size();
  if (groupSums)
    inits.append(
        tilesM * tilesN * 4,
        arith::ConstantOp::create(b, b.getF32FloatAttr(0.0)).getResult());

  // Weight-only parameters per tensor or per column: the thread's 8
  // staging columns are the same in every K stage.
  weightScales.clear();
  weightZps.clear();
  if (mm.kind == Kind::WeightOnly && !perGroup)
    loadWeightParams(idx(0), slotsB[0].global, weightScales, weightZps);

  SmallVector<Value> sums;
  if (asyncCopies) {
    sums = buildAsyncCopyLoop(inits, warp);
  } else {
    // Stage 0 into buffer 0; then stage s + 1 is loaded into registers before
    // the mma of stage s and stored into the other buffer after them, with one
    // barrier per stage. (An empty K stages nothing: its clamped loads would
    // read [r, 0] of an empty matrix.)
    {
      Value zero = idx(0);
      auto nonEmpty = scf::IfOp::create(b, ult(zero, K),
                                        /*withElseRegion=*/false);
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(&nonEmpty.getThenRegion().front());
      storeStage(zero, loadStage(zero, zero));
    }
    gpu::BarrierOp::create(b);
    Value stages = ceilDivIdx(K, blockK);
    Value step = idx(1);
    auto loop = scf::ForOp::create(b, idx(0), stages, step, inits);
    {
      OpBuilder::InsertionGuard inner(b);
      b.setInsertionPointToStart(loop.getBody());
      SmallVector<Value> carried(loop.getRegionIterArgs());
      Value stage = loop.getInductionVar();
      Value buffer = remIdx(stage, 2);
      Value nextStage = addC(stage, 1);
      Value nextK = mulC(nextStage, blockK);
      Value hasNext = ult(nextK, K);
      Value other = sub(step, buffer);
      // The next stage's vector loads, in registers until the mma of this
      // stage are issued (its scalar path stores into the other buffer, which
      // was last read in the previous stage, before the barrier that ended it).
      size_t countA = slotsA.size(), countB = slotsB.size();
      SmallVector<Type> loadTypes(2, b.getI1Type());
      loadTypes.append(countA + countB, i32);
      auto load = scf::IfOp::create(b, loadTypes, hasNext,
                                    /*withElseRegion=*/true);
      {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(&load.getThenRegion().front());
        StageWords next = loadStage(nextK, other);
        SmallVector<Value> results = {next.fullA, next.fullB};
        results.append(next.a);
        results.append(next.b);
        scf::YieldOp::create(b, results);
        b.setInsertionPointToStart(&load.getElseRegion().front());
        Value no = arith::ConstantOp::create(b, b.getBoolAttr(false));
        SmallVector<Value> none(2, no);
        none.append(countA + countB, c32(0));
        scf::YieldOp::create(b, none);
      }
      StageWords next;
      next.fullA = load.getResult(0);
      next.fullB = load.getResult(1);
      for (size_t i = 0; i < countA; ++i)
        next.a.push_back(load.getResult(2 + i));
      for (size_t i = 0; i < countB; ++i)
        next.b.push_back(load.getResult(2 + countA + i));
      mmaStage(buffer, mulC(stage, blockK), carried);
      storeStage(other, next);
      gpu::BarrierOp::create(b);
      scf::YieldOp::create(b, carried);
    }
    sums.append(loop.getResults().begin(), loop.getResults().end());
  }

  // Sums over K of rows g, g + 8 and of columns 2t, 2t + 1 of each tile
  // (per-group int8 added them to its f32 sums group by group).
  SmallVector<Value> rowSums, colSums;
  if (!groupSums)
    reduceSums(sums, rowSums, colSums);

  for (int64_t mi = 0; mi < tilesM; ++mi)
    for (int64_t ni = 0; ni < tilesN; ++ni)
      for (int64_t j = 0; j < 4; ++j) {
        Value row = add(add(m0, add(wm, idx(mi * 16 + (j / 2) * 8))), g);
        Value colBase = add(n0, addC(wn, ni * 8 + j % 2));
        Value col = add(colBase, mulC(t, 2));
        Value rowInside = ult(row, M);
        Value inside = andI(rowInside, ult(col, N));
        auto ifOp = scf::IfOp::create(b, inside, /*withElseRegion=*/false);
        OpBuilder::InsertionGuard inner(b);
        b.setInsertionPointToStart(&ifOp.getThenRegion().front());
        storeResult(sums[(groupSums ? floatBase : 0) + accIndex(mi, ni, j)],
                    row, col,
                    rowSums.empty() ? Value() : rowSums[mi * 2 + j / 2],
                    colSums.empty() ? Value() : colSums[ni * 2 + j % 2]);
      }
  gpu::TerminatorOp::create(b);
}

struct ConvertQuantaMatmulToNVVMPass
    : public quanta::impl::ConvertQuantaMatmulToNVVMBase<
          ConvertQuantaMatmulToNVVMPass> {
  using ConvertQuantaMatmulToNVVMBase::ConvertQuantaMatmulToNVVMBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<func::FuncOp> markers;
    for (auto func : module.getOps<func::FuncOp>())
      if (func->hasAttr(gpu_matmul::kFunctionAttr))
        markers.push_back(func);
    if (markers.empty())
      return;
    for (auto [call, callee] : gpu_matmul::getMarkerCalls(module)) {
      auto attrs =
          callee->getAttrOfType<DictionaryAttr>(gpu_matmul::kFunctionAttr);
      MatmulCall mm;
      auto kindAttr = attrs ? attrs.getAs<StringAttr>("kind") : StringAttr();
      std::optional<Kind> kind =
          kindAttr ? gpu_matmul::parseKind(kindAttr.getValue()) : std::nullopt;
      auto rhsScheme =
          attrs ? attrs.getAs<SchemeAttr>("rhs_scheme") : SchemeAttr();
      auto lhsScheme =
          attrs ? attrs.getAs<SchemeAttr>("lhs_scheme") : SchemeAttr();
      if (!kind || (!lhsScheme && *kind != Kind::WeightOnly) || !rhsScheme) {
        call.emitError() << "malformed GPU matmul marker '" << call.getCallee()
                         << "'";
        return signalPassFailure();
      }
      if (failed(gpu_matmul::checkArch(call, *kind, chip)))
        return signalPassFailure();
      mm.kind = *kind;
      mm.lhsScheme = lhsScheme;
      mm.rhsScheme = rhsScheme;
      if (auto result = attrs.getAs<SchemeAttr>("result_scheme"))
        mm.resultScheme = result;
      mm.rhsKMajor = static_cast<bool>(attrs.get(gpu_matmul::kRhsKMajorAttr));
      bool bufferized = true;
      for (auto [i, operand] : llvm::enumerate(call.getOperands())) {
        auto role =
            callee.getArgAttrOfType<StringAttr>(i, gpu_matmul::kRoleAttr);
        if (!role)
          continue;
        bufferized &= isa<MemRefType>(operand.getType());
        mm.operands[role.getValue()] = operand;
      }
      if (!bufferized || !mm.get("lhs") || !mm.get("rhs") ||
          !mm.get(gpu_matmul::kInitRole)) {
        call.emitError() << "GPU matmul marker call is not bufferized";
        return signalPassFailure();
      }
      // int4 weights and their zero points are read packed, as the C ABI
      // passes them (--quanta-gpu-matmul-packed-int4).
      if (rhsScheme.getStorageWidth() == 4)
        for (StringRef role : {"rhs", "rhs_zp"}) {
          Value v = mm.get(role);
          auto type = v ? cast<MemRefType>(v.getType()) : MemRefType();
          if (type &&
              (type.getRank() != 1 || !type.getElementType().isInteger(8))) {
            call.emitError() << "the int4 " << role
                             << " operand of a GPU matmul is not packed "
                                "(expected memref<?xi8>, got "
                             << type << ")";
            return signalPassFailure();
          }
        }
      ImplicitLocOpBuilder b(call.getLoc(), call);
      Value init = mm.get(gpu_matmul::kInitRole);
      if (attrs.get(gpu_matmul::kBatchedAttr))
        KernelBuilder(b, mm, chip).buildBatched();
      else
        KernelBuilder(b, mm, chip).build();
      call.replaceAllUsesWith(ValueRange{init});
      // The op's result is the destination with its batch dimensions
      // collapsed and expanded again: the destination itself, so that it
      // can be the caller's result buffer rather than a copy. (Upstream's
      // expand_shape folder leaves dynamic shapes.)
      if (auto collapse = init.getDefiningOp<memref::CollapseShapeOp>())
        for (Operation *user : llvm::make_early_inc_range(init.getUsers()))
          if (auto expand = dyn_cast<memref::ExpandShapeOp>(user);
              expand && expand.getType() == collapse.getSrcType()) {
            expand.replaceAllUsesWith(collapse.getSrc());
            expand.erase();
          }
      call.erase();
    }
    for (func::FuncOp marker : markers)
      if (SymbolTable::symbolKnownUseEmpty(marker, module))
        marker.erase();
  }
};

} // namespace
