//===- MatmulToNVVM.cpp - quanta.matmul as tensor-core GPU kernels --------===//
//
// This file implements `--convert-quanta-matmul-to-nvvm`: the calls that
// `--quanta-outline-gpu-matmul` left in place of quanta.matmul ops become
// gpu.launch ops whose bodies run `mma.sync` on fragments staged in shared
// memory, followed by the op's epilogue (zero points, scales, bias,
// quantization) in registers.
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
// 32-bit words along k, so every fragment register is one shared load.
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
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_CONVERTQUANTAMATMULTONVVM
#include "quanta/Conversion/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;
using namespace mlir::quanta;
using gpu_matmul::Kind;

namespace {

// Tiling: 64x64 block tiles, 4 warps of 32x32 (2 x 4 mma tiles of 16x8),
// K staged 32 elements at a time.
constexpr int64_t kBlockM = 64, kBlockN = 64, kBlockK = 32;
constexpr int64_t kThreads = 128;
constexpr int64_t kWarpTilesM = 2, kWarpTilesN = 4;
/// Rows of the shared tiles are padded by 4 words, so that the 8 x 4 words of
/// one fragment load fall in distinct banks.
constexpr int64_t kPadWords = 4;

/// One matmul to build a kernel for: its operands (memrefs, by role) and
/// attributes.
struct MatmulCall {
  Kind kind;
  SchemeAttr lhsScheme, rhsScheme;
  std::optional<SchemeAttr> resultScheme;
  llvm::StringMap<Value> operands;
  Value get(StringRef role) const { return operands.lookup(role); }
};

/// Builds the kernel of one matmul with `b` at the call it replaces.
class KernelBuilder {
public:
  KernelBuilder(ImplicitLocOpBuilder &b, const MatmulCall &mm)
      : b(b), mm(mm), i32(b.getI32Type()), f32(b.getF32Type()) {
    elementBits = mm.kind == Kind::F16 ? 16 : 8;
    elemsPerWord = 32 / elementBits;
    wordsPerRow = kBlockK / elemsPerWord;
    // One mma consumes 8 words of each row: k32 of 8-bit, k16 of f16.
    kSteps = wordsPerRow / 8;
    needRowSums = mm.kind == Kind::Int8 && mm.get("rhs_zp");
    needColSums = mm.kind == Kind::Int8 && mm.get("lhs_zp");
  }

  void build();

private:
  ImplicitLocOpBuilder &b;
  const MatmulCall &mm;
  Type i32, f32;
  int64_t elementBits, elemsPerWord, wordsPerRow, kSteps;
  bool needRowSums, needColSums;
  // Values of the kernel body.
  Value M, N, K, tid, m0, n0, g, t, wm, wn, tileA, tileB;

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
  Value minIdx(Value x, Value y) { return arith::MinUIOp::create(b, x, y); }

  Value loadBits(Value memref, Value row, Value col, Value inBounds);
  Value loadWordA(Value row, Value word);
  Value loadWordB(Value col, Value word);
  void stageTiles(Value k0);
  Value mma(ArrayRef<Value> a, ArrayRef<Value> bFrag, ArrayRef<Value> c);
  Value dp4a(Value word, Value acc, bool isSigned);
  Value quadSum(Value v);
  Value loadParam(StringRef role, Value row, Value col);
  void storeResult(Value acc, Value row, Value col, Value rowSum,
                   Value colSum);
};

/// The bits of element [row, col] of a 2-D memref as an i32 (zero-extended),
/// or 0 outside it. The address is clamped, so that every load is valid.
Value KernelBuilder::loadBits(Value memref, Value row, Value col,
                              Value inBounds) {
  auto type = cast<MemRefType>(memref.getType());
  Value rows = memref::DimOp::create(b, memref, 0);
  Value cols = memref::DimOp::create(b, memref, 1);
  Value r = minIdx(row, arith::SubIOp::create(b, rows, idx(1)));
  Value c = minIdx(col, arith::SubIOp::create(b, cols, idx(1)));
  Value v = memref::LoadOp::create(b, memref, ValueRange{r, c});
  Type element = type.getElementType();
  if (!element.isInteger())
    v = arith::BitcastOp::create(
        b, b.getIntegerType(element.getIntOrFloatBitWidth()), v);
  v = arith::ExtUIOp::create(b, i32, v);
  return arith::SelectOp::create(b, inBounds, v, c32(0));
}

/// Word `word` (elements [word * E, word * E + E) along K) of row `row` of
/// lhs.
Value KernelBuilder::loadWordA(Value row, Value word) {
  Value lhs = mm.get("lhs");
  Value rowOk = ult(row, M);
  Value result = c32(0);
  for (int64_t e = 0; e < elemsPerWord; ++e) {
    Value k = add(mul(word, idx(elemsPerWord)), idx(e));
    Value ok = arith::AndIOp::create(b, rowOk, ult(k, K));
    Value bits = loadBits(lhs, row, k, ok);
    if (e)
      bits = arith::ShLIOp::create(b, bits, c32(e * elementBits));
    result = arith::OrIOp::create(b, result, bits);
  }
  return result;
}

/// Word `word` along K of column `col` of rhs.
Value KernelBuilder::loadWordB(Value col, Value word) {
  Value rhs = mm.get("rhs");
  Value colOk = ult(col, N);
  Value result = c32(0);
  for (int64_t e = 0; e < elemsPerWord; ++e) {
    Value k = add(mul(word, idx(elemsPerWord)), idx(e));
    Value ok = arith::AndIOp::create(b, colOk, ult(k, K));
    Value bits = loadBits(rhs, k, col, ok);
    if (e)
      bits = arith::ShLIOp::create(b, bits, c32(e * elementBits));
    result = arith::OrIOp::create(b, result, bits);
  }
  return result;
}

/// Copies the 64 x kBlockK tiles of lhs (rows m0...) and of rhs (columns
/// n0..., transposed) at K offset k0 to shared memory, zero-filled outside
/// the matrices. Consecutive threads read consecutive k of A and
/// consecutive n of B (coalesced).
void KernelBuilder::stageTiles(Value k0) {
  Value wordK0 = arith::DivUIOp::create(b, k0, idx(elemsPerWord));
  int64_t words = kBlockM * wordsPerRow;
  for (int64_t i = 0; i < words / kThreads; ++i) {
    Value w = add(idx(i * kThreads), tid);
    Value r = arith::DivUIOp::create(b, w, idx(wordsPerRow));
    Value c = arith::RemUIOp::create(b, w, idx(wordsPerRow));
    Value word = loadWordA(add(m0, r), add(wordK0, c));
    memref::StoreOp::create(b, word, tileA, ValueRange{r, c});
  }
  for (int64_t i = 0; i < words / kThreads; ++i) {
    Value w = add(idx(i * kThreads), tid);
    Value n = arith::RemUIOp::create(b, w, idx(kBlockN));
    Value c = arith::DivUIOp::create(b, w, idx(kBlockN));
    Value word = loadWordB(add(n0, n), add(wordK0, c));
    memref::StoreOp::create(b, word, tileB, ValueRange{n, c});
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
  return NVVM::MMATypes::f16;
}

/// D = A * B + C for one 16x8 tile; returns the LLVM struct of D.
Value KernelBuilder::mma(ArrayRef<Value> a, ArrayRef<Value> bFrag,
                         ArrayRef<Value> c) {
  MLIRContext *ctx = b.getContext();
  Type accType = mm.kind == Kind::Int8 ? i32 : f32;
  auto structType = LLVM::LLVMStructType::getLiteral(
      ctx, SmallVector<Type>(4, accType));
  NVVM::MMATypes typeA = getMMAType(mm.lhsScheme);
  NVVM::MMATypes typeB = getMMAType(mm.rhsScheme);
  std::array<NVVM::MMALayout, 2> layouts = {NVVM::MMALayout::row,
                                            NVVM::MMALayout::col};
  if (mm.kind == Kind::Int8)
    return NVVM::MmaOp::create(b, structType, a, bFrag, c, {16, 8, 32},
                               std::nullopt, NVVM::MMAIntOverflow::wrapped,
                               std::array{typeA, typeB}, layouts);
  if (mm.kind == Kind::F16) {
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

/// acc + the sum of the four bytes of `word` (signed or unsigned), by dp4a.
Value KernelBuilder::dp4a(Value word, Value acc, bool isSigned) {
  std::string asmString =
      std::string("dp4a.") + (isSigned ? "s32" : "u32") + ".u32 $0, $1, $2, $3;";
  return LLVM::InlineAsmOp::create(
             b, i32, ValueRange{word, c32(0x01010101), acc}, asmString,
             "=r,r,r,r", /*has_side_effects=*/false, /*is_align_stack=*/false,
             LLVM::tailcallkind::TailCallKind::None, LLVM::AsmDialectAttr(),
             ArrayAttr())
      .getResult(0);
}

/// The sum of `v` over the 4 lanes of a quad (lanes 4g ... 4g + 3).
Value KernelBuilder::quadSum(Value v) {
  for (int32_t offset : {1, 2}) {
    Value other =
        gpu::ShuffleOp::create(b, v, offset, 32, gpu::ShuffleMode::XOR)
            .getShuffleResult();
    v = add(v, other);
  }
  return v;
}

/// Loads a per-tensor or per-channel parameter for result element [row,
/// col]: per-channel parameters of lhs follow the row, those of rhs and of
/// the result the column. Returns null when the operand is absent.
Value KernelBuilder::loadParam(StringRef role, Value row, Value col) {
  Value memref = mm.get(role);
  if (!memref)
    return Value();
  if (cast<MemRefType>(memref.getType()).getRank() == 0)
    return memref::LoadOp::create(b, memref, ValueRange{});
  return memref::LoadOp::create(b, memref,
                                ValueRange{role.starts_with("lhs") ? row : col});
}

/// The epilogue of one accumulator element: zero-point corrections, scales,
/// bias, then quantization or conversion, stored at [row, col].
void KernelBuilder::storeResult(Value acc, Value row, Value col, Value rowSum,
                                Value colSum) {
  auto zeroPoint = [&](StringRef role, SchemeAttr scheme) -> Value {
    Value zp = loadParam(role, row, col);
    if (!zp)
      return Value();
    if (scheme.isSignedStorage())
      return arith::ExtSIOp::create(b, i32, zp);
    return arith::ExtUIOp::create(b, i32, zp);
  };
  Value value;
  Value sa = buildToF32(b, b.getLoc(),
                        loadParam("lhs_scale", row, col));
  Value sb = buildToF32(b, b.getLoc(),
                        loadParam("rhs_scale", row, col));
  Value scale = arith::MulFOp::create(b, sa, sb);
  if (mm.kind == Kind::Int8) {
    // sum (a - za)(b - zb) = sum ab - zb sum a - za sum b + K za zb, in i32
    // with wrap-around, as the reference's i32 accumulator.
    Value za = zeroPoint("lhs_zp", mm.lhsScheme);
    Value zb = zeroPoint("rhs_zp", mm.rhsScheme);
    if (zb)
      acc = sub(acc, mul(zb, rowSum));
    if (za)
      acc = sub(acc, mul(za, colSum));
    if (za && zb)
      acc = add(acc, mul(arith::IndexCastOp::create(b, i32, K), mul(za, zb)));
    // out = 0 + f32(acc) * (sa * sb): the reference's single K-block.
    Value block =
        arith::MulFOp::create(b, arith::SIToFPOp::create(b, f32, acc), scale);
    value = arith::AddFOp::create(
        b, arith::ConstantOp::create(b, b.getF32FloatAttr(0.0)), block);
  } else {
    // The products of the dequantized elements share the factor sa * sb.
    value = arith::MulFOp::create(b, acc, scale);
  }
  if (Value bias = mm.get("bias"))
    value = arith::AddFOp::create(
        b, value,
        buildToF32(b, b.getLoc(),
                   memref::LoadOp::create(b, bias, ValueRange{col})));
  Value out = mm.get(gpu_matmul::kInitRole);
  Type outType = cast<MemRefType>(out.getType()).getElementType();
  if (mm.resultScheme) {
    Value scaleOut = loadParam("result_scale", row, col);
    Value zpOut = loadParam("result_zp", row, col);
    value = buildQuantize(b, b.getLoc(), *mm.resultScheme, value, scaleOut,
                          zpOut);
  } else if (outType != f32) {
    value = arith::TruncFOp::create(b, outType, value);
  }
  memref::StoreOp::create(b, value, out, ValueRange{row, col});
}

void KernelBuilder::build() {
  Value lhs = mm.get("lhs"), rhs = mm.get("rhs");
  Value hostM = memref::DimOp::create(b, lhs, 0);
  Value hostN = memref::DimOp::create(b, rhs, 1);
  // An empty result launches nothing (a grid of 0 blocks is an error).
  Value nonEmpty = arith::AndIOp::create(b, ult(idx(0), hostM),
                                         ult(idx(0), hostN));
  auto guard = scf::IfOp::create(b, nonEmpty, /*withElseRegion=*/false);
  b.setInsertionPointToStart(&guard.getThenRegion().front());
  auto ceilDiv = [&](Value x, int64_t d) {
    return arith::DivUIOp::create(b, add(x, idx(d - 1)), idx(d));
  };
  auto shared = gpu::AddressSpaceAttr::get(b.getContext(),
                                           gpu::AddressSpace::Workgroup);
  auto tileType = MemRefType::get({kBlockM, wordsPerRow + kPadWords}, i32,
                                  MemRefLayoutAttrInterface(), shared);
  Value one = idx(1);
  auto launch = gpu::LaunchOp::create(
      b, ceilDiv(hostN, kBlockN), ceilDiv(hostM, kBlockM), one,
      idx(kThreads), one, one, /*dynamicSharedMemorySize=*/nullptr,
      /*asyncTokenType=*/nullptr, /*asyncDependencies=*/{},
      TypeRange{tileType, tileType});
  OpBuilder::InsertionGuard outer(b);
  b.setInsertionPointToStart(&launch.getBody().front());
  tileA = launch.getWorkgroupAttributions()[0];
  tileB = launch.getWorkgroupAttributions()[1];
  // Sizes re-read in the kernel (kernel arguments after outlining).
  M = memref::DimOp::create(b, lhs, 0);
  K = memref::DimOp::create(b, lhs, 1);
  N = memref::DimOp::create(b, rhs, 1);
  tid = launch.getThreadIds().x;
  m0 = mul(launch.getBlockIds().y, idx(kBlockM));
  n0 = mul(launch.getBlockIds().x, idx(kBlockN));
  Value warp = arith::DivUIOp::create(b, tid, idx(32));
  Value lane = arith::RemUIOp::create(b, tid, idx(32));
  g = arith::DivUIOp::create(b, lane, idx(4));
  t = arith::RemUIOp::create(b, lane, idx(4));
  wm = mul(arith::DivUIOp::create(b, warp, idx(2)), idx(32));
  wn = mul(arith::RemUIOp::create(b, warp, idx(2)), idx(32));

  // Loop-carried: accumulators [mi][ni][4], then row-sum partials [mi][2]
  // (rows g and g + 8), then column-sum partials [ni] (column g).
  bool isInt = mm.kind == Kind::Int8;
  Value zeroAcc = isInt ? c32(0)
                        : arith::ConstantOp::create(b, b.getF32FloatAttr(0.0))
                              .getResult();
  SmallVector<Value> inits(kWarpTilesM * kWarpTilesN * 4, zeroAcc);
  int64_t rowBase = inits.size();
  if (needRowSums)
    inits.append(kWarpTilesM * 2, c32(0));
  int64_t colBase = inits.size();
  if (needColSums)
    inits.append(kWarpTilesN, c32(0));
  auto accIndex = [](int64_t mi, int64_t ni, int64_t j) {
    return (mi * kWarpTilesN + ni) * 4 + j;
  };

  auto loop = scf::ForOp::create(b, idx(0), K, idx(kBlockK), inits);
  {
    OpBuilder::InsertionGuard inner(b);
    b.setInsertionPointToStart(loop.getBody());
    SmallVector<Value> carried(loop.getRegionIterArgs());
    stageTiles(loop.getInductionVar());
    gpu::BarrierOp::create(b);
    bool lhsSigned = mm.lhsScheme.isSignedStorage();
    bool rhsSigned = mm.rhsScheme.isSignedStorage();
    for (int64_t ks = 0; ks < kSteps; ++ks) {
      Value w0 = add(t, idx(ks * 8)), w1 = add(t, idx(ks * 8 + 4));
      SmallVector<SmallVector<Value, 4>> aFrags, bFrags;
      for (int64_t mi = 0; mi < kWarpTilesM; ++mi) {
        Value r = add(add(wm, idx(mi * 16)), g);
        Value r8 = add(r, idx(8));
        aFrags.push_back({memref::LoadOp::create(b, tileA, ValueRange{r, w0}),
                          memref::LoadOp::create(b, tileA, ValueRange{r8, w0}),
                          memref::LoadOp::create(b, tileA, ValueRange{r, w1}),
                          memref::LoadOp::create(b, tileA,
                                                 ValueRange{r8, w1})});
      }
      for (int64_t ni = 0; ni < kWarpTilesN; ++ni) {
        Value n = add(add(wn, idx(ni * 8)), g);
        bFrags.push_back({memref::LoadOp::create(b, tileB, ValueRange{n, w0}),
                          memref::LoadOp::create(b, tileB, ValueRange{n, w1})});
      }
      for (int64_t mi = 0; mi < kWarpTilesM; ++mi)
        for (int64_t ni = 0; ni < kWarpTilesN; ++ni) {
          SmallVector<Value> c;
          for (int64_t j = 0; j < 4; ++j)
            c.push_back(carried[accIndex(mi, ni, j)]);
          Value d = mma(aFrags[mi], bFrags[ni], c);
          for (int64_t j = 0; j < 4; ++j)
            carried[accIndex(mi, ni, j)] =
                LLVM::ExtractValueOp::create(b, d, ArrayRef<int64_t>{j});
        }
      if (needRowSums)
        for (int64_t mi = 0; mi < kWarpTilesM; ++mi)
          for (int64_t h = 0; h < 2; ++h) {
            Value &s = carried[rowBase + mi * 2 + h];
            s = dp4a(aFrags[mi][h], s, lhsSigned);
            s = dp4a(aFrags[mi][h + 2], s, lhsSigned);
          }
      if (needColSums)
        for (int64_t ni = 0; ni < kWarpTilesN; ++ni) {
          Value &s = carried[colBase + ni];
          s = dp4a(bFrags[ni][0], s, rhsSigned);
          s = dp4a(bFrags[ni][1], s, rhsSigned);
        }
    }
    // The next iteration overwrites the tiles.
    gpu::BarrierOp::create(b);
    scf::YieldOp::create(b, carried);
  }

  // Sums over K of rows g, g + 8 and of columns 2t, 2t + 1 of each tile.
  SmallVector<Value> rowSums, colSums;
  if (needRowSums)
    for (int64_t i = 0; i < kWarpTilesM * 2; ++i)
      rowSums.push_back(quadSum(loop.getResult(rowBase + i)));
  if (needColSums) {
    Value laneT = arith::IndexCastOp::create(b, i32, t);
    Value src0 = mul(laneT, c32(8)), src1 = add(src0, c32(4));
    Value width = c32(32);
    for (int64_t ni = 0; ni < kWarpTilesN; ++ni) {
      // Column g's sum is on every lane of quad g; lane 4 * (2t + h) has
      // that of column 2t + h.
      Value s = quadSum(loop.getResult(colBase + ni));
      for (Value src : {src0, src1})
        colSums.push_back(
            gpu::ShuffleOp::create(
                b, s, src, width,
                gpu::ShuffleModeAttr::get(b.getContext(),
                                          gpu::ShuffleMode::IDX))
                .getShuffleResult());
    }
  }

  for (int64_t mi = 0; mi < kWarpTilesM; ++mi)
    for (int64_t ni = 0; ni < kWarpTilesN; ++ni)
      for (int64_t j = 0; j < 4; ++j) {
        Value row = add(add(m0, add(wm, idx(mi * 16 + (j / 2) * 8))), g);
        Value col =
            add(add(n0, add(wn, idx(ni * 8 + j % 2))), mul(t, idx(2)));
        Value inside = arith::AndIOp::create(b, ult(row, M), ult(col, N));
        auto ifOp = scf::IfOp::create(b, inside, /*withElseRegion=*/false);
        OpBuilder::InsertionGuard inner(b);
        b.setInsertionPointToStart(&ifOp.getThenRegion().front());
        storeResult(loop.getResult(accIndex(mi, ni, j)), row, col,
                    needRowSums ? rowSums[mi * 2 + j / 2] : Value(),
                    needColSums ? colSums[ni * 2 + j % 2] : Value());
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
    int sm = gpu_matmul::getSMVersion(chip);
    SmallVector<func::CallOp> calls;
    module.walk([&](func::CallOp call) {
      if (call.getCallee().starts_with(gpu_matmul::kFunctionPrefix))
        calls.push_back(call);
    });
    for (func::CallOp call : calls) {
      auto callee = module.lookupSymbol<func::FuncOp>(call.getCallee());
      if (!callee || !callee->hasAttr(gpu_matmul::kFunctionAttr))
        continue;
      auto attrs =
          callee->getAttrOfType<DictionaryAttr>(gpu_matmul::kFunctionAttr);
      MatmulCall mm;
      auto kindAttr = attrs ? attrs.getAs<StringAttr>("kind") : StringAttr();
      std::optional<Kind> kind =
          kindAttr ? gpu_matmul::parseKind(kindAttr.getValue()) : std::nullopt;
      auto rhsScheme = attrs ? attrs.getAs<SchemeAttr>("rhs_scheme")
                             : SchemeAttr();
      auto lhsScheme = attrs ? attrs.getAs<SchemeAttr>("lhs_scheme")
                             : SchemeAttr();
      if (!kind || !lhsScheme || !rhsScheme) {
        call.emitError() << "malformed GPU matmul marker '"
                         << call.getCallee() << "'";
        return signalPassFailure();
      }
      if (*kind == Kind::FP8 && sm < 89) {
        call.emitError() << "FP8 matmul needs the FP8 tensor cores of sm_89 "
                            "or newer (mma.sync e4m3/e5m2); "
                         << chip << " has none";
        return signalPassFailure();
      }
      mm.kind = *kind;
      mm.lhsScheme = lhsScheme;
      mm.rhsScheme = rhsScheme;
      if (auto result = attrs.getAs<SchemeAttr>("result_scheme"))
        mm.resultScheme = result;
      bool bufferized = true;
      for (auto [i, operand] : llvm::enumerate(call.getOperands())) {
        auto role = callee.getArgAttrOfType<StringAttr>(i,
                                                        gpu_matmul::kRoleAttr);
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
      ImplicitLocOpBuilder b(call.getLoc(), call);
      KernelBuilder(b, mm).build();
      call.replaceAllUsesWith(ValueRange{mm.get(gpu_matmul::kInitRole)});
      call.erase();
    }
    for (func::FuncOp marker : markers)
      if (SymbolTable::symbolKnownUseEmpty(marker, module))
        marker.erase();
  }
};

} // namespace
