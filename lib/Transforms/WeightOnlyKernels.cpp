//===- WeightOnlyKernels.cpp - f32 x packed int4 / 8-bit matmul kernels ---===//
//
// This file implements the weight-only kernels of --quanta-lower-matmul-
// kernels (W4A32 and W8A32: f32 activations, int4 or 8-bit weights
// dequantized in registers, f32 accumulation; the int4 one also takes f16
// and bf16 activations (W4A16) and, without the VNNI kernel, the W4A8
// cores, the 8-bit one also runs FP8 x FP8 GEMVs).
// The loops that
// --convert-quanta-to-linalg leaves keep each row of C in memory and load,
// update and store it for every k (for int4 with the even/odd column
// shuffles of the packed nibbles each time); the kernels stream B row-major,
// update the sums of a chunk of columns in registers for four rows of B at
// a time and clone the op's own scalar body on vectors, so that each column
// still accumulates in k order: the results are the loops' bit for bit. For
// int4 the sums and the per-group parameters are kept split into even and
// odd columns, so that the nibbles of a vector of bytes need no shuffle, and
// on AVX-512 the nibble's conversion is a table lookup. The vectors have the
// 32-bit lanes of the target's registers: 16 on AVX-512, 8 on AVX2, 4 on
// NEON.
//
//===----------------------------------------------------------------------===//

#include "MatmulKernels.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"

using namespace mlir;
using namespace mlir::quanta::matmul_kernels;

namespace {

/// Vectors of B's bytes per row and chunk: a chunk of the int4 kernel is
/// 4 x 2 x lanes columns, one of the 8-bit kernel 4 x lanes.
constexpr int64_t kChunkVectors = 4;

/// Whether `v` is a buffer with an identity layout and element type `type`.
bool isPlainBuffer(Value v, Type type) {
  auto memref = dyn_cast<MemRefType>(v.getType());
  return memref && memref.getLayout().isIdentity() &&
         memref.getElementType() == type;
}

/// getPartValue's value when the body computes it, i.e. other than the block
/// argument itself; else null (nothing to compute apart).
Value getComputedPart(linalg::GenericOp op, ArrayRef<unsigned> from,
                      unsigned of) {
  Value value = getPartValue(op, from, of);
  return isa_and_nonnull<BlockArgument>(value) ? Value() : value;
}

/// The value of `op`'s body that depends on B's byte (block argument 1) and
/// the nibble index alone and that the rest of the body reads (the nibble
/// converted to f32, or to i32 before a zero point is subtracted), when there
/// is exactly one such value and it has 32 bits; else null. Such a value
/// takes one of 16 values per nibble index: the kernel looks it up.
Value getNibbleValue(linalg::GenericOp op) {
  Value value = getPartValue(op, {1}, 1, /*withIndex=*/true);
  if (!value || !value.getType().isIntOrFloat() ||
      value.getType().getIntOrFloatBitWidth() != 32)
    return Value();
  return value;
}

/// Body value `value` of `op` (depending on B's byte, block argument 1, and
/// `linalg.index` through `index` alone) for the 16 bytes `codes`: the ops
/// it depends on cloned on them, a 16-lane table for lookUp16().
Value buildCodeTable(ImplicitLocOpBuilder &b, linalg::GenericOp op, Value value,
                     ArrayRef<int8_t> codes,
                     function_ref<Value(unsigned)> index) {
  SmallVector<Value> args(op.getRegion().getNumArguments(), Value());
  args[1] = arith::ConstantOp::create(
      b, DenseElementsAttr::get(VectorType::get({16}, b.getI8Type()), codes));
  return cloneBodyOnVectors(b, op, args, index, {}, value, 16);
}

/// The entries of `table` (16 lanes of 32 bits) at the low 4 bits of each
/// lane of `indices` (vector<16xi32>): one AVX-512 `vpermps`/`vpermd`.
Value lookUp16(ImplicitLocOpBuilder &b, Value table, Value indices) {
  Type type = table.getType();
  bool isFloat = isa<FloatType>(getElementTypeOrSelf(type));
  StringRef name = isFloat ? "llvm.x86.avx512.permvar.sf.512"
                           : "llvm.x86.avx512.permvar.si.512";
  return LLVM::CallIntrinsicOp::create(b, type, b.getStringAttr(name),
                                       ValueRange{table, indices})
      .getResult(0);
}

/// Whether `op`'s body is scalar arith and math ops of one result, and
/// linalg.index of loop `indexDim` only (none when negative).
bool isScalarBody(linalg::GenericOp op, int64_t indexDim) {
  for (Operation &scalarOp : op.getRegion().front().without_terminator()) {
    if (auto index = dyn_cast<linalg::IndexOp>(scalarOp)) {
      if (static_cast<int64_t>(index.getDim()) != indexDim)
        return false;
      continue;
    }
    if (!isa<arith::ArithDialect, math::MathDialect>(scalarOp.getDialect()) ||
        scalarOp.getNumResults() != 1 || scalarOp.getNumRegions() != 0)
      return false;
  }
  return true;
}

/// Weights given N x K that the weight-only 8-bit kernel reads in place:
/// `source`, [N, K] codes, or with `packed` [N, K / 2] int4 pairs packed
/// along K whose unpacked bytes are the codes; `build` computes B from them.
struct RowMajorWeights {
  Value source;
  bool packed = false;
  BufferBuild *build = nullptr;

  /// The K steps in 32 bits of the source, which the grouped form's group
  /// size must be a multiple of when it has parameters per group.
  int64_t stepsPerWord() const { return packed ? 8 : 4; }
};

/// The parameters of an isWeightOnly8BitMatmul op (inputs from 2 on) and
/// which loops each is indexed by: none (per tensor), the column, the row, or
/// (grouped form) the group and the column.
enum class ParamDim { none, column, row, groupColumn };
ParamDim getParamDim(linalg::GenericOp op, OpOperand *param) {
  AffineMap map = op.getMatchingIndexingMap(param);
  if (map.isFunctionOfDim(op.getNumLoops() - 1))
    return map.getNumResults() == 2 ? ParamDim::groupColumn : ParamDim::column;
  return map.isFunctionOfDim(0) ? ParamDim::row : ParamDim::none;
}

/// Whether an isWeightOnly8BitMatmul op has parameters per group.
bool hasGroupParams(linalg::GenericOp op) {
  return llvm::any_of(op.getDpsInputOperands(), [&](OpOperand *input) {
    return input->getOperandNumber() >= 2 &&
           getParamDim(op, input) == ParamDim::groupColumn;
  });
}

/// Replaces `op` by `build` (its kernel) when dimension `dim` of B (its
/// bytes per row; with `nk`, the rows of B's N x K source) is a multiple of
/// `chunkBytes` at run time, else by a copy of `op` (the loops, which read
/// B: with `nk`, B's build moves there).
void lowerBehindChunkCheck(linalg::GenericOp op, unsigned dim,
                           int64_t chunkBytes,
                           function_ref<void(ImplicitLocOpBuilder &)> build,
                           const RowMajorWeights *nk = nullptr) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  Value byteCols = nk ? memref::DimOp::create(b, nk->source, 0)
                      : memref::DimOp::create(b, op.getDpsInputs()[1], dim);
  Value fits = isMultiple(b, byteCols, chunkBytes);
  if (nk && op.getNumLoops() == 4 && hasGroupParams(op))
    fits = arith::AndIOp::create(
        b, fits,
        isMultiple(b, memref::DimOp::create(b, op.getDpsInputs()[0], 2),
                   nk->stepsPerWord()));
  auto ifOp = scf::IfOp::create(b, fits, /*withElseRegion=*/true);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    build(b);
    b.setInsertionPointToStart(ifOp.elseBlock());
    IRMapping mapping;
    if (nk)
      nk->build->clone(b, mapping);
    b.clone(*op, mapping);
    if (nk)
      nk->build->deallocClones(b, mapping);
  }
  op->erase();
  if (nk)
    nk->build->erase();
}

/// Builds the kernel for one isWeightOnlyInt4Matmul op on vectors of L =
/// `unit.lanes` lanes. B streams through once, row-major: a visit of a chunk
/// (8L columns, 4L bytes) takes `perVisit` consecutive rows of K for every
/// row of A, with that row's 8L sums in registers, loaded and stored once
/// per visit. The sums live in an [M, N] buffer whose blocks of 2L columns
/// hold the L even columns, then the L odd ones: the nibbles of L bytes of B
/// give one vector of each without a shuffle. The per-group parameters with
/// columns are split the same way into a buffer of one row as each group
/// starts. On AVX-512 the part of the body that depends on the nibble alone
/// (see getNibbleValue) is looked up in a 16-entry table per nibble index
/// with `vpermps`/`vpermd`, which reads the low 4 bits of each lane: the
/// nibble's conversion costs one permute. Elsewhere the body computes it.
///
/// With `groupSums`, the op is a GroupedCore (W4A8 on targets without
/// the VNNI kernel): C [M, G, J, 2] holds a sum per group, so the sums start
/// from C's group as the group starts and go back to it as it ends; its
/// activation zero point (per tensor or row) joins the activation's part of
/// the body, and its packed weight zero points [G, J] are read as B's bytes
/// are, the body picking their nibbles.
class WeightOnlyInt4Builder {
public:
  WeightOnlyInt4Builder(ImplicitLocOpBuilder &b, linalg::GenericOp op,
                        bool parallel, VectorUnit unit, bool groupSums,
                        std::optional<GroupEpilogue> epilogue,
                        std::optional<DotKind> dotKind)
      : b(b), op(op), parallel(parallel), lanes(unit.lanes),
        permute16(unit.permute16), groupSums(groupSums), epilogue(epilogue),
        dotKind(dotKind) {}

  void build() {
    a = op.getDpsInputs()[0];
    bBytes = op.getDpsInputs()[1];
    c = collapseColumnPairs(b, op.getDpsInits()[0]);
    rows = memref::DimOp::create(b, a, 0);
    groups = memref::DimOp::create(b, a, 1);
    groupSize = memref::DimOp::create(b, a, 2);
    Value byteCols = memref::DimOp::create(b, bBytes, 2);
    Value n = arith::MulIOp::create(b, byteCols, idx(2));
    Type element = cast<MemRefType>(c.getType()).getElementType();
    sumVector = VectorType::get({lanes}, element);
    sums = allocRow(element, rows, n);
    if (epilogue)
      epilogueLanes.emplace(b, *epilogue, groups, lanes);
    for (OpOperand *param : params()) {
      bool split = getKind(param) == ParamKind::columns;
      Value buffer =
          split ? collapseColumnPairs(b, param->get()) : param->get();
      paramBuffers.push_back(buffer);
      Type element = cast<MemRefType>(buffer.getType()).getElementType();
      splitParams.push_back(split ? allocRow(element, idx(1), n) : Value());
    }
    Value bRows = memref::CollapseShapeOp::create(
        b, bBytes, ArrayRef<ReassociationIndices>{{0, 1}, {2}});
    prefetcher.emplace(b, bRows);
    if (permute16)
      nibbleValue = getNibbleValue(op);
    if (nibbleValue)
      for (int64_t h = 0; h < 2; ++h)
        tables.push_back(buildTable(h));
    // The activation's part of the body (its widening for f16/bf16 A; with
    // an activation zero point, ext(a) - ext(za)) and each other
    // parameter's (a 16-bit scale's widening, a zero point's): computed
    // once per element or visit rather than for every weight.
    activationArgs = {0};
    for (OpOperand *param : params())
      if (getKind(param) == ParamKind::row ||
          (groupSums && op.getMatchingIndexingMap(param).getNumResults() == 0))
        activationArgs.push_back(param->getOperandNumber());
    activationValue = getComputedPart(op, activationArgs, 0);
    SmallVector<unsigned> weightArgs = {1};
    for (OpOperand *param : params()) {
      unsigned arg = param->getOperandNumber();
      paramValues.push_back(getKind(param) == ParamKind::row
                                ? Value()
                                : getComputedPart(op, {arg}, arg));
      if (!llvm::is_contained(activationArgs, arg))
        weightArgs.push_back(arg);
    }
    // The weight's part (the nibble dequantized with the group's and the
    // columns' parameters): once per visit for all rows.
    weightValue = getPartValue(op, weightArgs, 1, /*withIndex=*/true);
    if (isa_and_nonnull<BlockArgument>(weightValue))
      weightValue = Value();
    Value chunks = arith::DivUIOp::create(b, byteCols, idx(chunkBytes()));
    perThreadBlocks(b, parallel, chunks,
                    [&](Value first, Value last) { sweep(first, last); });
    memref::DeallocOp::create(b, sums);
    for (Value split : splitParams)
      if (split)
        memref::DeallocOp::create(b, split);
  }

private:
  ImplicitLocOpBuilder &b;
  linalg::GenericOp op;
  bool parallel;
  int64_t lanes;
  bool permute16, groupSums;
  // With groupSums: the op that reduces the group sums, applied to each
  // group's sums (which then start at zero) as the group ends.
  std::optional<GroupEpilogue> epilogue;
  std::optional<GroupEpilogueLanes> epilogueLanes;
  // With groupSums: a dot-product instruction on `lanes` lanes whose
  // operands hold the activation's and the weight's parts of the body
  // exactly, for perLane K steps at a time (the core's i32 sum wraps, so
  // the order of its terms does not matter).
  std::optional<DotKind> dotKind;
  VectorType sumVector;
  Value a, bBytes, rows, groups, groupSize;
  // C and the parameters with their (j, h) dimensions collapsed to columns.
  Value c;
  SmallVector<Value> paramBuffers;
  // The sums [M, N] and each parameter's group row [1, N] (null for a
  // parameter without columns), in the split layout.
  Value sums;
  SmallVector<Value> splitParams;
  std::optional<RowPrefetcher> prefetcher;
  // The body value that depends on the nibble alone and its 16 values per
  // nibble index (null: no table; always without permute16).
  Value nibbleValue;
  SmallVector<Value> tables;
  // The body values that depend on the activation alone (with the
  // parameters of activationArgs) and on each parameter alone (null: none,
  // or the argument itself).
  SmallVector<unsigned> activationArgs;
  Value activationValue;
  // The body value that B's byte, the nibble index and the parameters other
  // than activationArgs give (null: none, or B's byte itself).
  Value weightValue;
  SmallVector<Value> paramValues;

  /// nibbleValue for the 16 nibbles of index h: the ops it depends on
  /// cloned on the bytes whose nibble h is 0 ... 15.
  Value buildTable(int64_t h) {
    SmallVector<int8_t> codes;
    for (int64_t v = 0; v < 16; ++v)
      codes.push_back(int8_t(h ? v << 4 : v));
    Value nibble = idx(h);
    return buildCodeTable(b, op, nibbleValue, codes,
                          [&](unsigned) { return nibble; });
  }

  /// Bytes of B per row and chunk.
  int64_t chunkBytes() const { return kChunkVectors * lanes; }

  /// The table's entries for the nibbles h of `bytes`: a permute whose
  /// indices are the bytes (h = 0: the low 4 bits of each lane) or the bytes
  /// shifted right by 4.
  Value lookUp(Value bytes, int64_t h) {
    auto i32Vector = VectorType::get({16}, b.getI32Type());
    Value indices = arith::ExtUIOp::create(b, i32Vector, bytes);
    if (h) {
      Value four = arith::ConstantOp::create(
          b, DenseElementsAttr::get(i32Vector, b.getI32IntegerAttr(4)));
      indices = arith::ShRUIOp::create(b, indices, four);
    }
    return lookUp16(b, tables[h], indices);
  }

  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, v); }

  /// The vector of `lanes` elements of `scalar`'s type.
  VectorType vectorOf(Value scalar) {
    return VectorType::get({lanes}, scalar.getType());
  }

  Value allocRow(Type element, Value rows, Value cols) {
    return memref::AllocOp::create(
        b,
        MemRefType::get({ShapedType::kDynamic, ShapedType::kDynamic}, element),
        ValueRange{rows, cols}, b.getI64IntegerAttr(64));
  }

  /// The inputs other than A and B.
  SmallVector<OpOperand *> params() {
    SmallVector<OpOperand *> result;
    for (OpOperand *input : op.getDpsInputOperands())
      if (input->getOperandNumber() > 1)
        result.push_back(input);
    return result;
  }

  /// How a parameter is indexed: by the group or nothing, by the columns
  /// (j, h) (and maybe g), by the byte columns j and g (a packed int4 zero
  /// point), or by the row (W4A8's activation zero point).
  enum class ParamKind { group, columns, byteColumns, row };
  ParamKind getKind(OpOperand *param) {
    AffineMap map = op.getMatchingIndexingMap(param);
    if (map.isFunctionOfDim(0))
      return ParamKind::row;
    if (map.isFunctionOfDim(4))
      return ParamKind::columns;
    return map.isFunctionOfDim(3) ? ParamKind::byteColumns : ParamKind::group;
  }

  /// The 2L values of `v` at `prefix`, from column `col` on: the even
  /// columns and the odd ones.
  std::pair<Value, Value> loadSplit(Value v, ValueRange prefix, Value col) {
    Type element = cast<MemRefType>(v.getType()).getElementType();
    auto type = VectorType::get({lanes}, element);
    SmallVector<Value> at(prefix);
    at.push_back(col);
    Value lo = vector::LoadOp::create(b, type, v, at);
    at.back() = arith::AddIOp::create(b, col, idx(lanes));
    Value hi = vector::LoadOp::create(b, type, v, at);
    SmallVector<int64_t> even, odd;
    for (int64_t i = 0; i < lanes; ++i) {
      even.push_back(2 * i);
      odd.push_back(2 * i + 1);
    }
    Value e = vector::ShuffleOp::create(b, lo, hi, even);
    Value o = vector::ShuffleOp::create(b, lo, hi, odd);
    return {e, o};
  }

  /// The sums of `row` in the block of 2L columns at `col`, in column
  /// order: columns col .. col + L and col + L .. col + 2L.
  std::pair<Value, Value> loadInterleaved(Value row, Value col) {
    Value e = vector::LoadOp::create(b, sumVector, sums, ValueRange{row, col});
    Value oddCol = arith::AddIOp::create(b, col, idx(lanes));
    Value o =
        vector::LoadOp::create(b, sumVector, sums, ValueRange{row, oddCol});
    SmallVector<int64_t> lo, hi;
    int64_t half = lanes / 2;
    for (int64_t i = 0; i < half; ++i) {
      lo.append({i, lanes + i});
      hi.append({half + i, lanes + half + i});
    }
    return {vector::ShuffleOp::create(b, e, o, lo),
            vector::ShuffleOp::create(b, e, o, hi)};
  }

  /// The L-column vector of a split-layout buffer at [row, col + Lh]: the
  /// even (h = 0) or odd columns of the block at col.
  Value loadHalf(Value v, Value row, Value col, int64_t h) {
    Value at = arith::AddIOp::create(b, col, idx(lanes * h));
    Type element = cast<MemRefType>(v.getType()).getElementType();
    return vector::LoadOp::create(b, VectorType::get({lanes}, element), v,
                                  ValueRange{row, at});
  }

  /// Calls body(col) for the first column of each block of 2L columns of
  /// the chunks [first, last).
  void forBlocks(Value first, Value last, function_ref<void(Value)> body) {
    forLoop(b, first, last, 1, [&](Value chunk) {
      Value col0 = arith::MulIOp::create(b, chunk, idx(2 * chunkBytes()));
      for (int64_t q = 0; q < kChunkVectors; ++q)
        body(arith::AddIOp::create(b, col0, idx(2 * lanes * q)));
    });
  }

  /// The group's parameters: column ones split into their row buffers (the
  /// columns of chunks [first, last)), the group's loaded and broadcast;
  /// null for those read per visit or row.
  SmallVector<Value> startGroup(Value g, Value first, Value last) {
    SmallVector<Value> scalars;
    for (auto [param, buffer, split] :
         llvm::zip_equal(params(), paramBuffers, splitParams)) {
      SmallVector<Value> prefix;
      if (op.getMatchingIndexingMap(param).isFunctionOfDim(1))
        prefix.push_back(g);
      ParamKind kind = getKind(param);
      if (kind == ParamKind::row || kind == ParamKind::byteColumns) {
        scalars.push_back(Value());
        continue;
      }
      if (!split) {
        Type element = cast<MemRefType>(buffer.getType()).getElementType();
        Value scalar = memref::LoadOp::create(b, buffer, prefix);
        scalars.push_back(vector::BroadcastOp::create(
            b, VectorType::get({lanes}, element), scalar));
        continue;
      }
      scalars.push_back(Value());
      Value from = buffer, to = split;
      forBlocks(first, last, [&](Value col) {
        auto [e, o] = loadSplit(from, prefix, col);
        storeSplit(e, o, to, idx(0), col);
      });
    }
    return scalars;
  }

  /// The K steps [k0, k0 + perVisit) of group g on the columns of chunks
  /// [first, last), for every row of A.
  void visit(Value g, Value kk0, int64_t perVisit, Value first, Value last,
             ArrayRef<Value> scalars) {
    Value k0 = arith::MulIOp::create(b, g, groupSize);
    Value rowK = arith::AddIOp::create(b, k0, kk0);
    auto bytesType = VectorType::get({lanes}, b.getI8Type());
    forLoop(b, first, last, 1, [&](Value chunk) {
      Value byteCol0 = arith::MulIOp::create(b, chunk, idx(chunkBytes()));
      Value col0 = arith::MulIOp::create(b, chunk, idx(2 * chunkBytes()));
      for (int64_t s = 0; s < perVisit; ++s) {
        Value k = arith::AddIOp::create(b, rowK, idx(s));
        prefetcher->prefetch(b, k, byteCol0);
      }
      // The parameters of these columns (even, odd per block; packed
      // ones: the same bytes for both); those of a row: null.
      SmallVector<SmallVector<Value>> paramVectors(2 * kChunkVectors);
      Value zero = idx(0);
      for (int64_t q = 0; q < kChunkVectors; ++q) {
        Value col = arith::AddIOp::create(b, col0, idx(2 * lanes * q));
        Value byteCol = arith::AddIOp::create(b, byteCol0, idx(lanes * q));
        for (auto [param, buffer, split, scalar] :
             llvm::zip_equal(params(), paramBuffers, splitParams, scalars)) {
          Value packed;
          if (getKind(param) == ParamKind::byteColumns)
            packed = vector::LoadOp::create(b, bytesType, buffer,
                                            ValueRange{g, byteCol});
          for (int64_t h = 0; h < 2; ++h)
            paramVectors[2 * q + h].push_back(
                split    ? loadHalf(split, zero, col, h)
                : packed ? packed
                         : scalar);
        }
      }
      // Their parts of the body, once per visit of these columns.
      SmallVector<SmallVector<std::pair<Value, Value>>> paramParts(
          2 * kChunkVectors);
      for (auto [vectors, parts] : llvm::zip_equal(paramVectors, paramParts))
        for (auto [i, value] : llvm::enumerate(paramValues)) {
          if (!value)
            continue;
          SmallVector<Value> args(op.getNumDpsInputs() + 1, Value());
          args[2 + i] = vectors[i];
          parts.push_back({value, cloneBodyOnVectors(b, op, args, nullptr, {},
                                                     value, lanes)});
        }
      // B's bytes of the visit and their weightValue (or, without one,
      // their nibbleValue), once for all rows.
      SmallVector<SmallVector<Value>> bytes(perVisit);
      SmallVector<SmallVector<std::pair<Value, Value>>> weights(perVisit * 2 *
                                                                kChunkVectors);
      for (int64_t s = 0; s < perVisit; ++s) {
        Value kk = arith::AddIOp::create(b, kk0, idx(s));
        for (int64_t q = 0; q < kChunkVectors; ++q) {
          Value byteCol = arith::AddIOp::create(b, byteCol0, idx(lanes * q));
          bytes[s].push_back(vector::LoadOp::create(
              b, bytesType, bBytes, ValueRange{g, kk, byteCol}));
          for (int64_t h = 0; h < 2; ++h) {
            auto &given = weights[2 * kChunkVectors * s + 2 * q + h];
            if (nibbleValue)
              given.push_back({nibbleValue, lookUp(bytes[s][q], h)});
            if (!weightValue)
              continue;
            llvm::append_range(given, paramParts[2 * q + h]);
            SmallVector<Value> args = {Value(), bytes[s][q]};
            args.append(paramVectors[2 * q + h]);
            args.push_back(Value());
            Value nibble = idx(h);
            Value weight = cloneBodyOnVectors(
                b, op, args, [&](unsigned) { return nibble; }, given,
                weightValue, lanes);
            given = {{weightValue, weight}};
          }
        }
      }
      // With dotKind: the weights of each perLane steps interleaved into
      // the instruction's operand, [steps / perLane][2q + h].
      bool useDot = dotKind && weightValue && activationValue &&
                    perVisit % dotKind->perLane == 0;
      SmallVector<SmallVector<Value>> packedWeights;
      for (int64_t s = 0; useDot && s < perVisit; s += dotKind->perLane) {
        packedWeights.emplace_back();
        for (int64_t qh = 0; qh < 2 * kChunkVectors; ++qh) {
          SmallVector<Value> steps;
          for (int64_t t = s; t < s + dotKind->perLane; ++t)
            steps.push_back(weights[2 * kChunkVectors * t + qh][0].second);
          packedWeights.back().push_back(interleaveSteps(steps));
        }
      }
      forLoop(b, idx(0), rows, 1, [&](Value row) {
        SmallVector<Value> accs, cols;
        for (int64_t q = 0; q < kChunkVectors; ++q) {
          cols.push_back(arith::AddIOp::create(b, col0, idx(2 * lanes * q)));
          for (int64_t h = 0; h < 2; ++h)
            accs.push_back(loadHalf(sums, row, cols[q], h));
        }
        // The row's parameters, in every lane.
        SmallVector<Value> argValues(op.getNumDpsInputs() + 1, Value());
        for (auto [i, param] : llvm::enumerate(params())) {
          unsigned arg = param->getOperandNumber();
          argValues[arg] = scalars[i];
          if (getKind(param) != ParamKind::row)
            continue;
          Value scalar = memref::LoadOp::create(b, param->get(), row);
          argValues[arg] =
              vector::BroadcastOp::create(b, vectorOf(scalar), scalar);
          for (SmallVector<Value> &vectors : paramVectors)
            vectors[i] = argValues[arg];
        }
        // K order: each step updates every sum before the next step.
        SmallVector<Value> activations;
        for (int64_t s = 0; s < perVisit; ++s) {
          Value kk = arith::AddIOp::create(b, kk0, idx(s));
          Value x = memref::LoadOp::create(b, a, ValueRange{row, g, kk});
          Value xs = vector::BroadcastOp::create(b, vectorOf(x), x);
          SmallVector<std::pair<Value, Value>> activation;
          if (activationValue) {
            SmallVector<Value> xArgs(op.getNumDpsInputs() + 1, Value());
            for (unsigned arg : activationArgs)
              xArgs[arg] = argValues[arg];
            xArgs[0] = xs;
            activation.push_back(
                {activationValue, cloneBodyOnVectors(b, op, xArgs, nullptr, {},
                                                     activationValue, lanes)});
            activations.push_back(activation.back().second);
          }
          if (useDot) {
            if (s % dotKind->perLane != dotKind->perLane - 1)
              continue;
            Value packed = interleaveSteps(
                ArrayRef(activations).take_back(dotKind->perLane));
            ArrayRef<Value> packedW = packedWeights[s / dotKind->perLane];
            for (size_t i = 0; i < accs.size(); ++i)
              accs[i] = dot(b, *dotKind, accs[i], packed, packedW[i]);
            continue;
          }
          for (int64_t q = 0; q < kChunkVectors; ++q) {
            for (int64_t h = 0; h < 2; ++h) {
              SmallVector<Value> args = {xs, bytes[s][q]};
              args.append(paramVectors[2 * q + h]);
              args.push_back(accs[2 * q + h]);
              Value nibble = idx(h);
              SmallVector<std::pair<Value, Value>> given(activation);
              llvm::append_range(given, paramParts[2 * q + h]);
              llvm::append_range(given,
                                 weights[2 * kChunkVectors * s + 2 * q + h]);
              accs[2 * q + h] = cloneBodyOnVectors(
                  b, op, args, [&](unsigned) { return nibble; }, given, nullptr,
                  lanes);
            }
          }
        }
        for (int64_t q = 0; q < kChunkVectors; ++q)
          for (int64_t h = 0; h < 2; ++h) {
            Value at = arith::AddIOp::create(b, cols[q], idx(lanes * h));
            vector::StoreOp::create(b, accs[2 * q + h], sums,
                                    ValueRange{row, at});
          }
      });
    });
  }

  /// The vectors of i32 `steps` (consecutive K steps) narrowed to
  /// dotKind's operand type and interleaved: lane j holds their elements j
  /// in step order, the operand of one dot-product instruction.
  Value interleaveSteps(ArrayRef<Value> steps) {
    auto type = VectorType::get({lanes}, dotKind->operand);
    SmallVector<Value> parts;
    for (Value step : steps)
      parts.push_back(arith::TruncIOp::create(b, type, step));
    for (int64_t width = 1; parts.size() > 1; width *= 2) {
      SmallVector<Value> next;
      for (size_t i = 0; i < parts.size(); i += 2) {
        SmallVector<int64_t> mask;
        for (int64_t j = 0; j < lanes; ++j)
          for (int64_t from : {int64_t(0), lanes * width})
            for (int64_t e = 0; e < width; ++e)
              mask.push_back(from + j * width + e);
        next.push_back(
            vector::ShuffleOp::create(b, parts[i], parts[i + 1], mask));
      }
      parts = std::move(next);
    }
    return parts.front();
  }

  /// Calls body(row, col) for every row and the first column of each block
  /// of 2L columns of the chunks [first, last).
  void forRowBlocks(Value first, Value last,
                    function_ref<void(Value, Value)> body) {
    forLoop(b, idx(0), rows, 1, [&](Value row) {
      forBlocks(first, last, [&](Value col) { body(row, col); });
    });
  }

  /// Stores even and odd columns into row `row` of the split-layout buffer
  /// `v`, in the block at `col`.
  void storeSplit(Value e, Value o, Value v, Value row, Value col) {
    vector::StoreOp::create(b, e, v, ValueRange{row, col});
    Value oddCol = arith::AddIOp::create(b, col, idx(lanes));
    vector::StoreOp::create(b, o, v, ValueRange{row, oddCol});
  }

  /// C's indices of `row` before the column (with groupSums, at group g).
  SmallVector<Value> cPrefix(Value row, Value g) {
    if (g)
      return {row, g};
    return {row};
  }

  /// The sums of the columns of chunks [first, last) from C (at group g
  /// with groupSums), split.
  void loadSums(Value first, Value last, Value g) {
    forRowBlocks(first, last, [&](Value row, Value col) {
      auto [e, o] = loadSplit(c, cPrefix(row, g), col);
      storeSplit(e, o, sums, row, col);
    });
  }

  /// The sums of the columns of chunks [first, last) back to C (at group
  /// g with groupSums), interleaved.
  void storeSums(Value first, Value last, Value g) {
    forRowBlocks(first, last, [&](Value row, Value col) {
      auto [lo, hi] = loadInterleaved(row, col);
      SmallVector<Value> at = cPrefix(row, g);
      at.push_back(col);
      vector::StoreOp::create(b, lo, c, at);
      at.back() = arith::AddIOp::create(b, col, idx(lanes));
      vector::StoreOp::create(b, hi, c, at);
    });
  }

  /// Zero sums in the columns of chunks [first, last).
  void zeroSums(Value first, Value last) {
    Value zero =
        arith::ConstantOp::create(b, sumVector, b.getZeroAttr(sumVector));
    forRowBlocks(first, last, [&](Value row, Value col) {
      storeSplit(zero, zero, sums, row, col);
    });
  }

  /// The epilogue on group g's sums in the columns of chunks [first, last),
  /// put back in column order, L columns at a time.
  void applyEpilogue(Value first, Value last, Value g) {
    forRowBlocks(first, last, [&](Value row, Value col) {
      auto [lo, hi] = loadInterleaved(row, col);
      epilogueLanes->apply(row, g, col, lo);
      Value next = arith::AddIOp::create(b, col, idx(lanes));
      epilogueLanes->apply(row, g, next, hi);
    });
  }

  /// All of K on the columns of chunks [first, last).
  void sweep(Value first, Value last) {
    // The sums start from C (from C's group).
    if (!groupSums)
      loadSums(first, last, Value());
    forLoop(b, idx(0), groups, 1, [&](Value g) {
      if (epilogue)
        zeroSums(first, last);
      else if (groupSums)
        loadSums(first, last, g);
      SmallVector<Value> scalars = startGroup(g, first, last);
      // Four K steps per visit where the group size allows, then single
      // steps for the rest of the group.
      Value rest = arith::RemUIOp::create(b, groupSize, idx(4));
      Value whole = arith::SubIOp::create(b, groupSize, rest);
      forLoop(b, idx(0), whole, 4,
              [&](Value kk0) { visit(g, kk0, 4, first, last, scalars); });
      forLoop(b, whole, groupSize, 1,
              [&](Value kk0) { visit(g, kk0, 1, first, last, scalars); });
      if (epilogue)
        applyEpilogue(first, last, g);
      else if (groupSums)
        storeSums(first, last, g);
    });
    if (!groupSums)
      storeSums(first, last, Value());
  }
};

/// The block arguments of the part of `op`'s body that a row side (`row`:
/// A's element, parameters per tensor or row) or a column side (B's code,
/// parameters per tensor or column) computes alone.
SmallVector<unsigned> getSideArgs(linalg::GenericOp op, bool row) {
  SmallVector<unsigned> args = {row ? 0u : 1u};
  for (OpOperand *input : op.getDpsInputOperands()) {
    if (input->getOperandNumber() < 2)
      continue;
    ParamDim dim = getParamDim(op, input);
    if (dim == ParamDim::none || (dim == ParamDim::row) == row)
      args.push_back(input->getOperandNumber());
  }
  return args;
}

/// The value of `op`'s body that A's element and the row alone give (the
/// activation dequantized, with its scale), when it is one value other than
/// A's element itself; else null.
Value getRowValue(linalg::GenericOp op) {
  return getComputedPart(op, getSideArgs(op, /*row=*/true), 0);
}

/// Builds the kernel for one isWeightOnly8BitMatmul op: as the int4 one
/// (B streamed row-major, four K steps per visit of a chunk, the sums of a
/// row in registers for the visit, the op's body cloned on vectors), with
/// 4L columns per chunk of 4L bytes, one vector of L columns per L bytes:
/// the sums are C itself and the parameters are read in place. The grouped
/// form's A and B are read as [M, K] and [K, N], group after group, the
/// visits of a group taking its row of the per-group parameters. The part of
/// the body that B's code and the column alone give (the weight dequantized:
/// for FP8 an extf on vectors, which --quanta-expand-float-casts expands,
/// through f16 with `via-f16`) is computed once per visit for all rows; the
/// part that A's element and the row alone give, when A is not f32 (FP8,
/// f16, bf16), once per element of A before the stream, into an [M, K]
/// buffer.
class WeightOnly8BitBuilder {
public:
  /// With `nk`, B is read from its N x K source.
  WeightOnly8BitBuilder(ImplicitLocOpBuilder &b, linalg::GenericOp op,
                        bool parallel, VectorUnit unit,
                        const RowMajorWeights *nk)
      : b(b), op(op), parallel(parallel), lanes(unit.lanes),
        permute16(unit.permute16), nk(nk) {}

  void build() {
    a = op.getDpsInputs()[0];
    bBytes = op.getDpsInputs()[1];
    c = op.getDpsInits()[0];
    Value groups, groupSize;
    if (op.getNumLoops() == 4) {
      // (From A: with `nk`, B's build is erased.)
      groups = memref::DimOp::create(b, a, 1);
      groupSize = memref::DimOp::create(b, a, 2);
      a = memref::CollapseShapeOp::create(
          b, a, ArrayRef<ReassociationIndices>{{0}, {1, 2}});
      if (!nk)
        bBytes = memref::CollapseShapeOp::create(
            b, bBytes, ArrayRef<ReassociationIndices>{{0, 1}, {2}});
    }
    rows = memref::DimOp::create(b, a, 0);
    k = memref::DimOp::create(b, a, 1);
    rowValue = getRowValue(op);
    if (rowValue)
      precomputeRowValues();
    columnValue = getComputedPart(op, getSideArgs(op, /*row=*/false), 1);
    // FP8 weights: the body's conversion of B's code alone, when it is the
    // extf of the code to f32, is done on 2L codes at a time (on AVX-512 the
    // integer part of the expansion through f16 on full vectors of 32 x
    // i16).
    Value converted = getPartValue(op, {1}, 1);
    auto extf = converted ? converted.getDefiningOp<arith::ExtFOp>() : nullptr;
    if (extf && extf.getIn() == op.getRegion().front().getArgument(1) &&
        extf.getType().isF32() && !nk)
      codeValue = converted;
    // int4 weights given N x K on AVX-512: the part of the body that B's
    // code alone gives (the nibble converted; 32 bits) takes one of 16
    // values, looked up with a permute that reads the low 4 bits of each
    // lane, so that a nibble of a word shifted down needs neither a mask nor
    // a sign extension, nor a conversion.
    Value nibblePart = getComputedPart(op, {1}, 1);
    if (nk && nk->packed && permute16 && nibblePart &&
        nibblePart.getType().isIntOrFloat() &&
        nibblePart.getType().getIntOrFloatBitWidth() == 32) {
      nibbleValue = nibblePart;
      nibbleTable =
          buildCodeTable(b, op, nibbleValue,
                         llvm::to_vector(llvm::seq<int8_t>(0, 16)), nullptr);
    }
    prefetcher.emplace(b, nk ? nk->source : bBytes);
    Value cols = nk ? memref::DimOp::create(b, nk->source, 0)
                    : memref::DimOp::create(b, bBytes, 1);
    Value chunks = arith::DivUIOp::create(b, cols, idx(kChunkVectors * lanes));
    perThreadBlocks(b, parallel, chunks, [&](Value first, Value last) {
      if (nk)
        return streamTransposed(first, last,
                                hasGroupParams(op) ? groupSize : Value());
      // Four K steps per visit, then single steps for the rest of K (of the
      // group).
      auto stream = [&](Value from, Value to, Value group) {
        Value span = arith::SubIOp::create(b, to, from);
        Value rest = arith::RemUIOp::create(b, span, idx(4));
        Value whole = arith::SubIOp::create(b, to, rest);
        forLoop(b, from, whole, 4,
                [&](Value k0) { visit(k0, 4, group, first, last); });
        forLoop(b, whole, to, 1,
                [&](Value k0) { visit(k0, 1, group, first, last); });
      };
      if (!groups)
        return stream(idx(0), k, Value());
      forLoop(b, idx(0), groups, 1, [&](Value g) {
        Value from = arith::MulIOp::create(b, g, groupSize);
        stream(from, arith::AddIOp::create(b, from, groupSize), g);
      });
    });
    if (rowValues)
      memref::DeallocOp::create(b, rowValues);
  }

private:
  ImplicitLocOpBuilder &b;
  linalg::GenericOp op;
  bool parallel;
  int64_t lanes;
  bool permute16;
  const RowMajorWeights *nk;
  Value a, bBytes, c, rows, k;
  std::optional<RowPrefetcher> prefetcher;
  // The body's row value (null: A's element is read as it is) and its
  // values for all of A, and the body's column value (null: computed with
  // the rest of the body).
  Value rowValue, rowValues, columnValue;
  // The body's FP8 code converted to f32, computed apart (null: with the
  // rest of the body).
  Value codeValue;
  // With int4 weights given N x K: the body's value of the nibble alone and
  // its 16 values (null: computed from the nibble).
  Value nibbleValue, nibbleTable;

  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, v); }

  /// rowValues[m, k]: the ops rowValue needs, on A[m, k] and the row's
  /// parameters (scalar loops, which LLVM vectorizes).
  void precomputeRowValues() {
    auto type = MemRefType::get({ShapedType::kDynamic, ShapedType::kDynamic},
                                rowValue.getType());
    rowValues = memref::AllocOp::create(b, type, ValueRange{rows, k},
                                        b.getI64IntegerAttr(64));
    Block &body = op.getRegion().front();
    forLoop(b, idx(0), rows, 1, [&](Value row) {
      forLoop(b, idx(0), k, 1, [&](Value kk) {
        IRMapping mapping;
        mapping.map(body.getArgument(0),
                    memref::LoadOp::create(b, a, ValueRange{row, kk}));
        for (OpOperand *input : op.getDpsInputOperands()) {
          unsigned i = input->getOperandNumber();
          ParamDim dim = getParamDim(op, input);
          if (i < 2 || (dim != ParamDim::none && dim != ParamDim::row))
            continue;
          SmallVector<Value> at;
          if (dim == ParamDim::row)
            at.push_back(row);
          mapping.map(body.getArgument(i),
                      memref::LoadOp::create(b, input->get(), at));
        }
        // The part's ops, in body order (those of the body that the part
        // alone computes and rowValue reads).
        SetVector<Operation *> needed;
        SmallVector<Value> worklist{rowValue};
        while (!worklist.empty()) {
          Operation *def = worklist.pop_back_val().getDefiningOp();
          if (def && def->getBlock() == &body && needed.insert(def))
            llvm::append_range(worklist, def->getOperands());
        }
        for (Operation &scalarOp : body.without_terminator())
          if (needed.contains(&scalarOp))
            b.clone(scalarOp, mapping);
        memref::StoreOp::create(b, mapping.lookup(rowValue), rowValues,
                                ValueRange{row, kk});
      });
    });
  }

  /// The parameters' vectors: with `col`, those of the L columns from
  /// `col` (loaded; per group: in row `group`) and the per-tensor ones
  /// (broadcast); with `row`, the row's (broadcast); null for the others.
  SmallVector<Value> loadParams(Value col, Value row, Value group = Value()) {
    SmallVector<Value> result;
    for (OpOperand *input : op.getDpsInputOperands()) {
      if (input->getOperandNumber() < 2)
        continue;
      Value v = input->get();
      Type element = cast<MemRefType>(v.getType()).getElementType();
      auto type = VectorType::get({lanes}, element);
      ParamDim dim = getParamDim(op, input);
      if (dim == ParamDim::column && col) {
        result.push_back(vector::LoadOp::create(b, type, v, ValueRange{col}));
      } else if (dim == ParamDim::groupColumn && col) {
        result.push_back(
            vector::LoadOp::create(b, type, v, ValueRange{group, col}));
      } else if ((dim == ParamDim::none && col) ||
                 (dim == ParamDim::row && row)) {
        Value scalar = memref::LoadOp::create(
            b, v, dim == ParamDim::row ? ValueRange{row} : ValueRange{});
        result.push_back(vector::BroadcastOp::create(b, type, scalar));
      } else {
        result.push_back(Value());
      }
    }
    return result;
  }

  /// K steps [k0, k0 + steps) (in group `group` of the grouped form) on the
  /// columns of chunks [first, last), for every row of A, in k order.
  void visit(Value k0, int64_t steps, Value group, Value first, Value last) {
    auto codesType = VectorType::get(
        {lanes}, cast<MemRefType>(bBytes.getType()).getElementType());
    forLoop(b, first, last, 1, [&](Value chunk) {
      Value col0 = arith::MulIOp::create(b, chunk, idx(kChunkVectors * lanes));
      for (int64_t s = 0; s < steps; ++s) {
        Value row = arith::AddIOp::create(b, k0, idx(s));
        prefetcher->prefetch(b, row, col0);
      }
      SmallVector<Value> cols;
      SmallVector<SmallVector<Value>> params;
      for (int64_t q = 0; q < kChunkVectors; ++q) {
        cols.push_back(arith::AddIOp::create(b, col0, idx(lanes * q)));
        params.push_back(loadParams(cols[q], Value(), group));
      }
      // B's codes of the visit (or their codeValue) and, when the body has
      // a column value, that value for them: computed once for all rows.
      SmallVector<SmallVector<Value>> codes(steps);
      SmallVector<SmallVector<std::pair<Value, Value>>> given(steps *
                                                              kChunkVectors);
      for (int64_t s = 0; s < steps; ++s) {
        Value kk = arith::AddIOp::create(b, k0, idx(s));
        for (int64_t q = 0; q < kChunkVectors; ++q) {
          if (!codeValue) {
            codes[s].push_back(vector::LoadOp::create(b, codesType, bBytes,
                                                      ValueRange{kk, cols[q]}));
            continue;
          }
          codes[s].push_back(Value());
          if (q % 2)
            continue;
          auto wideCodes =
              VectorType::get({2 * lanes}, codesType.getElementType());
          Value wide = vector::LoadOp::create(b, wideCodes, bBytes,
                                              ValueRange{kk, cols[q]});
          wide = arith::ExtFOp::create(
              b, VectorType::get({2 * lanes}, b.getF32Type()), wide);
          for (int64_t h = 0; h < 2; ++h) {
            SmallVector<int64_t> half;
            for (int64_t i = 0; i < lanes; ++i)
              half.push_back(lanes * h + i);
            given[kChunkVectors * s + q + h].push_back(
                {codeValue, vector::ShuffleOp::create(b, wide, wide, half)});
          }
        }
      }
      accumulate(k0, cols, params, codes, given);
    });
  }

  /// K steps [k0, k0 + codes.size()) on the vectors of L columns from each
  /// of `cols`, with their parameters `params`, for every row of A, in k
  /// order: codes[s][q] are B's codes of step s in vector q, or (null)
  /// their codeValue is given in `given[s * cols.size() + q]`.
  void accumulate(Value k0, ArrayRef<Value> cols,
                  ArrayRef<SmallVector<Value>> params,
                  ArrayRef<SmallVector<Value>> codes,
                  SmallVector<SmallVector<std::pair<Value, Value>>> given) {
    auto f32Vector = VectorType::get({lanes}, b.getF32Type());
    int64_t count = cols.size(), steps = codes.size();
    // The column value: once for all rows.
    for (int64_t s = 0; s < steps && columnValue; ++s)
      for (int64_t q = 0; q < count; ++q) {
        SmallVector<Value> args(op.getRegion().getNumArguments(), Value());
        args[1] = codes[s][q];
        llvm::copy(params[q], args.begin() + 2);
        auto &values = given[count * s + q];
        Value value = cloneBodyOnVectors(b, op, args, nullptr, values,
                                         columnValue, lanes);
        values = {{columnValue, value}};
      }
    forLoop(b, idx(0), rows, 1, [&](Value row) {
      SmallVector<Value> rowParams = loadParams(Value(), row);
      SmallVector<Value> accs;
      for (Value col : cols)
        accs.push_back(
            vector::LoadOp::create(b, f32Vector, c, ValueRange{row, col}));
      for (int64_t s = 0; s < steps; ++s) {
        Value kk = arith::AddIOp::create(b, k0, idx(s));
        Value x = memref::LoadOp::create(b, rowValues ? rowValues : a,
                                         ValueRange{row, kk});
        Value xs = vector::BroadcastOp::create(
            b, VectorType::get({lanes}, x.getType()), x);
        for (int64_t q = 0; q < count; ++q) {
          SmallVector<std::pair<Value, Value>> values(given[count * s + q]);
          SmallVector<Value> args = {rowValue ? Value() : xs, codes[s][q]};
          if (rowValue)
            values.push_back({rowValue, xs});
          for (auto [i, param] : llvm::enumerate(params[q]))
            args.push_back(param ? param : rowParams[i]);
          args.push_back(accs[q]);
          accs[q] =
              cloneBodyOnVectors(b, op, args, nullptr, values, nullptr, lanes);
        }
      }
      for (int64_t q = 0; q < count; ++q)
        vector::StoreOp::create(b, accs[q], c, ValueRange{row, cols[q]});
    });
  }

  /// The stream of chunks [first, last) with B given N x K (a Linear layer's
  /// [out, in] weights; ONNX MatMulNBits' int4 weights packed along K): each
  /// vector of L columns in turn reads 4L bytes of L rows of the source (L
  /// words of 4 codes or 8 packed int4 codes each), a square of words
  /// transposed in registers into L words of 4 (8) K steps of the L
  /// columns, whose bytes (nibbles) are the codes of accumulate(), one K
  /// step after another; the last K steps (K % 4L or 8L) gather their L
  /// codes one by one. Per-group parameters (`groupSize`) are loaded per
  /// word (the group size a multiple of its K steps). Each column still
  /// accumulates in k order: the K x N kernel's sums bit for bit.
  void streamTransposed(Value first, Value last, Value groupSize) {
    Value bT = nk->source;
    Type stored = cast<MemRefType>(bT.getType()).getElementType();
    Type code = cast<MemRefType>(bBytes.getType()).getElementType();
    Type i8 = b.getI8Type(), i32 = b.getI32Type();
    int64_t perWord = nk->stepsPerWord(), bits = 32 / perWord;
    int64_t block = perWord * lanes;
    auto words = VectorType::get({lanes}, i32);
    auto loaded = VectorType::get({4 * lanes}, stored);
    auto codes = VectorType::get({lanes}, code);
    auto splat = [&](int64_t v) {
      return arith::ConstantOp::create(
          b, DenseElementsAttr::get(words, b.getI32IntegerAttr(v)));
    };
    // The codes of K step kk in the source: its byte, or its nibble.
    auto byteAt = [&](Value kk) {
      return nk->packed ? arith::DivUIOp::create(b, kk, idx(2)).getResult()
                        : kk;
    };
    Value whole = arith::MulIOp::create(
        b, arith::DivUIOp::create(b, k, idx(block)), idx(block));
    forLoop(b, first, last, 1, [&](Value chunk) {
      Value col0 = arith::MulIOp::create(b, chunk, idx(kChunkVectors * lanes));
      for (int64_t q = 0; q < kChunkVectors; ++q) {
        Value col = arith::AddIOp::create(b, col0, idx(lanes * q));
        // The parameters of the columns (of K step kk's group).
        SmallVector<SmallVector<Value>> params;
        auto paramsAt = [&](Value kk) {
          if (groupSize || params.empty())
            params = {loadParams(
                col, Value(),
                groupSize ? arith::DivUIOp::create(b, kk, groupSize).getResult()
                          : Value())};
        };
        if (!groupSize)
          paramsAt(Value());
        forLoop(b, idx(0), whole, block, [&](Value k0) {
          SmallVector<Value> square;
          Value byte = byteAt(k0);
          for (int64_t j = 0; j < lanes; ++j) {
            Value row = arith::AddIOp::create(b, col, idx(j));
            prefetcher->prefetch(b, row, byte);
            square.push_back(vector::BitCastOp::create(
                b, words,
                vector::LoadOp::create(b, loaded, bT, ValueRange{row, byte})));
          }
          transposeSquare(b, square);
          for (int64_t t = 0; t < lanes; ++t) {
            Value kt = arith::AddIOp::create(b, k0, idx(perWord * t));
            paramsAt(kt);
            SmallVector<SmallVector<Value>> stepCodes;
            SmallVector<SmallVector<std::pair<Value, Value>>> given(perWord);
            for (int64_t s = 0; s < perWord; ++s) {
              Value v = square[t];
              if (s)
                v = arith::ShRUIOp::create(b, v, splat(bits * s));
              if (nibbleTable) {
                given[s].push_back({nibbleValue, lookUp16(b, nibbleTable, v)});
                stepCodes.push_back({Value()});
                continue;
              }
              if (nk->packed)
                v = arith::AndIOp::create(b, v, splat(15));
              v = arith::TruncIOp::create(b, VectorType::get({lanes}, i8), v);
              if (code != i8)
                v = arith::BitcastOp::create(b, codes, v);
              stepCodes.push_back({v});
            }
            accumulate(kt, {col}, params, stepCodes, given);
          }
        });
        forLoop(b, whole, k, 1, [&](Value kk) {
          paramsAt(kk);
          SmallVector<Value> elements;
          for (int64_t j = 0; j < lanes; ++j) {
            Value v = memref::LoadOp::create(
                b, bT,
                ValueRange{arith::AddIOp::create(b, col, idx(j)), byteAt(kk)});
            if (nk->packed)
              v = buildNibble(b, b.getLoc(), v,
                              arith::RemUIOp::create(b, kk, idx(2)));
            elements.push_back(v);
          }
          Value v = vector::FromElementsOp::create(b, codes, elements);
          accumulate(kk, {col}, params, {{v}}, {1, {}});
        });
      }
    });
  }
};

} // namespace

bool mlir::quanta::matmul_kernels::isWeightOnly8BitMatmul(
    linalg::GenericOp op) {
  MLIRContext *ctx = op.getContext();
  using utils::IteratorType;
  // (m, k, n), or grouped (m, g, kk, n).
  unsigned loops = op.getNumLoops();
  SmallVector<IteratorType> iterators(loops, IteratorType::reduction);
  iterators.front() = iterators.back() = IteratorType::parallel;
  if (!op.hasPureBufferSemantics() || op.getNumDpsInits() != 1 ||
      op.getNumDpsInputs() < 2 || (loops != 3 && loops != 4) ||
      op.getIteratorTypesArray() != iterators)
    return false;
  SmallVector<AffineExpr> d(loops);
  bindDimsList(ctx, MutableArrayRef<AffineExpr>(d));
  ArrayRef<AffineExpr> ks = ArrayRef(d).slice(1, loops - 2);
  AffineExpr n = d.back();
  Type f32 = Float32Type::get(ctx), i8 = IntegerType::get(ctx, 8);
  Type e4m3 = Float8E4M3FNType::get(ctx), e5m2 = Float8E5M2Type::get(ctx);
  Value a = op.getDpsInputs()[0], bCodes = op.getDpsInputs()[1];
  // A other than f32 (FP8, or f16/bf16 for W8A16) is read through the
  // body's row value.
  bool narrowA = isPlainBuffer(a, e4m3) || isPlainBuffer(a, e5m2) ||
                 isPlainBuffer(a, Float16Type::get(ctx)) ||
                 isPlainBuffer(a, BFloat16Type::get(ctx));
  SmallVector<AffineExpr> aMap = {d[0]}, bMap(ks);
  llvm::append_range(aMap, ks);
  bMap.push_back(n);
  if (op.getIndexingMapsArray()[0] != AffineMap::get(loops, 0, aMap, ctx) ||
      op.getIndexingMapsArray()[1] != AffineMap::get(loops, 0, bMap, ctx) ||
      op.getMatchingIndexingMap(op.getDpsInitOperand(0)) !=
          AffineMap::get(loops, 0, {d[0], n}, ctx) ||
      !(isPlainBuffer(a, f32) || narrowA) ||
      !(isPlainBuffer(bCodes, i8) || isPlainBuffer(bCodes, e4m3) ||
        isPlainBuffer(bCodes, e5m2)) ||
      !isPlainBuffer(op.getDpsInits()[0], f32))
    return false;
  // Parameters: per tensor, per column, per row, or (grouped) per group and
  // column.
  for (OpOperand *input : op.getDpsInputOperands()) {
    if (input->getOperandNumber() < 2)
      continue;
    AffineMap map = op.getMatchingIndexingMap(input);
    auto type = dyn_cast<MemRefType>(input->get().getType());
    if (!type || !type.getLayout().isIdentity() ||
        (map != AffineMap::get(loops, 0, ctx) &&
         map != AffineMap::get(loops, 0, {n}, ctx) &&
         map != AffineMap::get(loops, 0, {d[0]}, ctx) &&
         (loops != 4 || map != AffineMap::get(loops, 0, {d[1], n}, ctx))))
      return false;
  }
  return isScalarBody(op, /*indexDim=*/-1) && (!narrowA || getRowValue(op));
}

/// The grouped form (m, g, kk, n) of `op`, a weight-only matmul on loops
/// (m, g, kk, j, h) whose B [G, KK, J, 2] is the pairs view of int4 weights
/// given N x K and unpacked (ONNX MatMulNBits with f32 activations and
/// zero points; see TransposedWeights), built before `op` on the buffers'
/// [.., N] views: B the pairs view's base, the parameters per group and
/// column [G, J, 2] collapsed, and packed int4 zero points [G, J], whose
/// nibble h the body takes, unpacked into a new [G, N] buffer (`zp`, which
/// the caller deallocates); or null, building nothing.
linalg::GenericOp groupPairs(linalg::GenericOp op, Value &zp) {
  MLIRContext *ctx = op.getContext();
  using utils::IteratorType;
  SmallVector<IteratorType> iterators = {
      IteratorType::parallel, IteratorType::reduction, IteratorType::reduction,
      IteratorType::parallel, IteratorType::parallel};
  if (!op.hasPureBufferSemantics() || op.getNumLoops() != 5 ||
      op.getNumDpsInits() != 1 || op.getNumDpsInputs() < 2 ||
      op.getIteratorTypesArray() != iterators)
    return nullptr;
  AffineExpr m, g, kk, j, h;
  bindDims(ctx, m, g, kk, j, h);
  auto map = [&](ArrayRef<AffineExpr> exprs) {
    return AffineMap::get(5, 0, exprs, ctx);
  };
  auto bView = op.getDpsInputs()[1].getDefiningOp<memref::ExpandShapeOp>();
  Value c = op.getDpsInits()[0];
  auto i8 = IntegerType::get(ctx, 8);
  if (op.getIndexingMapsArray()[0] != map({m, g, kk}) ||
      op.getIndexingMapsArray()[1] != map({g, kk, j, h}) ||
      op.getMatchingIndexingMap(op.getDpsInitOperand(0)) != map({m, j, h}) ||
      !bView || bView.getReassociationIndices().size() != 3 ||
      !isPlainBuffer(bView.getSrc(), i8) ||
      !isPlainBuffer(c, Float32Type::get(ctx)) ||
      !cast<MemRefType>(op.getDpsInputs()[0].getType())
           .getLayout()
           .isIdentity())
    return nullptr;
  // Parameters per group and column, or (one operand) packed zero points
  // whose nibble h, (byte >> 4h) & 15, is the byte's only use.
  Block &body = op.getRegion().front();
  Value nibble;
  unsigned zpOperand = 0;
  for (OpOperand *input : op.getDpsInputOperands()) {
    unsigned i = input->getOperandNumber();
    auto type = dyn_cast<MemRefType>(input->get().getType());
    if (i < 2)
      continue;
    if (!type || !type.getLayout().isIdentity())
      return nullptr;
    AffineMap inputMap = op.getMatchingIndexingMap(input);
    if (inputMap == map({g, j, h}))
      continue;
    BlockArgument arg = body.getArgument(i);
    if (inputMap != map({g, j}) || zpOperand || !arg.hasOneUse() ||
        !isPlainBuffer(input->get(), i8))
      return nullptr;
    Operation *shift = *arg.getUsers().begin();
    for (Operation *user : shift->getUsers())
      if (user->getNumResults() == 1 &&
          isNibbleBits(user->getResult(0), arg, 4))
        nibble = user->getResult(0);
    if (!nibble)
      return nullptr;
    zpOperand = i;
  }
  // The nibble's ops, which the grouped body replaces by the unpacked byte:
  // only the nibble may have users outside them, and linalg.index (of h)
  // may appear only among them.
  SetVector<Operation *> dropped;
  SmallVector<Value> worklist;
  if (nibble)
    worklist.push_back(nibble);
  while (!worklist.empty()) {
    Operation *def = worklist.pop_back_val().getDefiningOp();
    if (def && def->getBlock() == &body && dropped.insert(def))
      llvm::append_range(worklist, def->getOperands());
  }
  for (Operation &scalarOp : body.without_terminator()) {
    if (isa<linalg::IndexOp>(scalarOp) && !dropped.contains(&scalarOp))
      return nullptr;
    if (!dropped.contains(&scalarOp) ||
        (nibble && scalarOp.getNumResults() && scalarOp.getResult(0) == nibble))
      continue;
    for (Operation *user : scalarOp.getUsers())
      if (!dropped.contains(user))
        return nullptr;
  }
  ImplicitLocOpBuilder b(op.getLoc(), op);
  using Groups = SmallVector<ReassociationIndices>;
  auto collapseLast = [&](Value v) -> Value {
    int64_t rank = cast<MemRefType>(v.getType()).getRank();
    Groups groups;
    for (int64_t d = 0; d < rank - 2; ++d)
      groups.push_back({d});
    groups.push_back({rank - 2, rank - 1});
    return memref::CollapseShapeOp::create(b, v, groups);
  };
  SmallVector<AffineExpr> d(4);
  bindDimsList(ctx, MutableArrayRef<AffineExpr>(d));
  SmallVector<Value> inputs = {op.getDpsInputs()[0], bView.getSrc()};
  SmallVector<AffineMap> maps = {AffineMap::get(4, 0, {d[0], d[1], d[2]}, ctx),
                                 AffineMap::get(4, 0, {d[1], d[2], d[3]}, ctx)};
  for (OpOperand *input : op.getDpsInputOperands()) {
    unsigned i = input->getOperandNumber();
    if (i < 2)
      continue;
    maps.push_back(AffineMap::get(4, 0, {d[1], d[3]}, ctx));
    if (i != zpOperand) {
      inputs.push_back(collapseLast(input->get()));
      continue;
    }
    // zp[g, n] = nibble n % 2 of packed[g, n / 2].
    Value packed = input->get();
    Value groups = memref::DimOp::create(b, packed, 0);
    Value pairs = memref::DimOp::create(b, packed, 1);
    Value cols =
        arith::MulIOp::create(b, pairs, arith::ConstantIndexOp::create(b, 2));
    zp = memref::AllocOp::create(
        b, MemRefType::get({ShapedType::kDynamic, ShapedType::kDynamic}, i8),
        ValueRange{groups, cols});
    Value zp3 = memref::ExpandShapeOp::create(
        b, MemRefType::get({ShapedType::kDynamic, ShapedType::kDynamic, 2}, i8),
        zp, Groups{{0}, {1, 2}},
        ArrayRef<OpFoldResult>{groups, pairs, b.getIndexAttr(2)});
    AffineExpr x, y, z;
    bindDims(ctx, x, y, z);
    linalg::GenericOp::create(
        b, TypeRange{}, ValueRange{packed}, ValueRange{zp3},
        ArrayRef<AffineMap>{AffineMap::get(3, 0, {x, y}, ctx),
                            AffineMap::get(3, 0, {x, y, z}, ctx)},
        SmallVector<IteratorType>(3, IteratorType::parallel),
        [&](OpBuilder &nb, Location loc, ValueRange args) {
          Value half = linalg::IndexOp::create(nb, loc, 2);
          linalg::YieldOp::create(nb, loc, buildNibble(nb, loc, args[0], half));
        });
    inputs.push_back(zp);
  }
  maps.push_back(AffineMap::get(4, 0, {d[0], d[3]}, ctx));
  auto grouped = linalg::GenericOp::create(b, TypeRange{}, inputs,
                                           ValueRange{collapseLast(c)}, maps,
                                           ArrayRef(iterators).take_front(4));
  // The body, the zero point's nibble being the unpacked byte.
  IRMapping mapping;
  Block *block = b.createBlock(&grouped.getRegion());
  for (BlockArgument arg : body.getArguments())
    mapping.map(arg, block->addArgument(arg.getType(), arg.getLoc()));
  if (nibble)
    mapping.map(nibble, block->getArgument(zpOperand));
  b.setInsertionPointToStart(block);
  for (Operation &scalarOp : body)
    if (!dropped.contains(&scalarOp))
      b.clone(scalarOp, mapping);
  return grouped;
}

bool mlir::quanta::matmul_kernels::lowerWeightOnlyPairsMatmul(
    linalg::GenericOp op, bool parallel, VectorUnit unit) {
  // (B is input 1: other 5-loop ops, such as an unpacking, have one input.)
  if (!transposesLanes(unit.lanes) || op.getNumDpsInputs() < 2)
    return false;
  std::optional<TransposedWeights> chain =
      matchTransposedWeights(op.getDpsInputs()[1], /*pairs=*/true, op, op);
  if (!chain || !chain->packed)
    return false;
  Value zp;
  Operation *before = op->getPrevNode();
  linalg::GenericOp grouped = groupPairs(op, zp);
  if (!grouped)
    return false;
  if (!isWeightOnly8BitMatmul(grouped)) {
    // Not a form of the kernel (an activation without a row value): the
    // ops built go again.
    while (op->getPrevNode() != before)
      op->getPrevNode()->erase();
    return false;
  }
  op->erase();
  if (zp) {
    OpBuilder b(grouped);
    b.setInsertionPointAfter(grouped);
    memref::DeallocOp::create(b, grouped.getLoc(), zp);
  }
  RowMajorWeights nk{chain->source, true, &chain->build};
  lowerBehindChunkCheck(
      grouped, 2, kChunkVectors * unit.lanes,
      [&](ImplicitLocOpBuilder &b) {
        WeightOnly8BitBuilder(b, grouped, parallel, unit, &nk).build();
      },
      &nk);
  return true;
}

void mlir::quanta::matmul_kernels::lowerWeightOnly8BitMatmul(
    linalg::GenericOp op, bool parallel, VectorUnit unit) {
  // B given N x K: the transpose of [N, K] codes, or per group that of
  // their [N, G, KK] view, possibly of int4 weights unpacked first.
  std::optional<TransposedRhs> transposed;
  std::optional<TransposedWeights> grouped;
  RowMajorWeights nk;
  Value bMat = op.getDpsInputs()[1];
  if (transposesLanes(unit.lanes) && op.getNumLoops() == 3) {
    transposed = matchTransposedRhs(op, bMat, op);
    if (transposed && !transposed->flip)
      nk = {transposed->source, false, &transposed->build};
  } else if (transposesLanes(unit.lanes) &&
             (grouped =
                  matchTransposedWeights(bMat, /*pairs=*/false, op, op))) {
    nk = {grouped->source, grouped->packed, &grouped->build};
  }
  const RowMajorWeights *rowMajor = nk.build ? &nk : nullptr;
  // Whole chunks of 4L columns (B's last dimension).
  lowerBehindChunkCheck(
      op, op.getNumLoops() - 2, kChunkVectors * unit.lanes,
      [&](ImplicitLocOpBuilder &b) {
        WeightOnly8BitBuilder(b, op, parallel, unit, rowMajor).build();
      },
      rowMajor);
}

bool mlir::quanta::matmul_kernels::isWeightOnlyInt4Matmul(
    linalg::GenericOp op) {
  MLIRContext *ctx = op.getContext();
  using utils::IteratorType;
  if (!op.hasPureBufferSemantics() || op.getNumDpsInits() != 1 ||
      op.getNumDpsInputs() < 2 ||
      op.getIteratorTypesArray() !=
          SmallVector<IteratorType>{
              IteratorType::parallel, IteratorType::reduction,
              IteratorType::reduction, IteratorType::parallel,
              IteratorType::parallel})
    return false;
  AffineExpr d[5];
  bindDimsList(ctx, MutableArrayRef<AffineExpr>(d));
  Type f32 = Float32Type::get(ctx), i8 = IntegerType::get(ctx, 8);
  Value a = op.getDpsInputs()[0], bBytes = op.getDpsInputs()[1],
        c = op.getDpsInits()[0];
  if (op.getIndexingMapsArray()[0] !=
          AffineMap::get(5, 0, {d[0], d[1], d[2]}, ctx) ||
      op.getIndexingMapsArray()[1] !=
          AffineMap::get(5, 0, {d[1], d[2], d[3]}, ctx) ||
      op.getMatchingIndexingMap(op.getDpsInitOperand(0)) !=
          AffineMap::get(5, 0, {d[0], d[3], d[4]}, ctx) ||
      !(isPlainBuffer(a, f32) || isPlainBuffer(a, Float16Type::get(ctx)) ||
        isPlainBuffer(a, BFloat16Type::get(ctx))) ||
      !isPlainBuffer(bBytes, i8) || !isPlainBuffer(c, f32) ||
      cast<MemRefType>(c.getType()).getDimSize(2) != 2)
    return false;
  // Parameters: read by g and the columns only, in that order, the columns
  // as (j, h) together, or by the byte columns j alone (a packed int4 zero
  // point, whose nibble the body picks by linalg.index 4).
  for (OpOperand *input : op.getDpsInputOperands()) {
    if (input->getOperandNumber() < 2)
      continue;
    AffineMap map = op.getMatchingIndexingMap(input);
    auto type = dyn_cast<MemRefType>(input->get().getType());
    if (!type || !type.getLayout().isIdentity() ||
        !map.isProjectedPermutation())
      return false;
    SmallVector<unsigned> dims;
    for (AffineExpr e : map.getResults())
      dims.push_back(cast<AffineDimExpr>(e).getPosition());
    if (!llvm::is_sorted(dims) || llvm::is_contained(dims, 0u) ||
        llvm::is_contained(dims, 2u))
      return false;
    bool j = llvm::is_contained(dims, 3u), h = llvm::is_contained(dims, 4u);
    bool packed = j && !h && type.getElementType().isInteger(8);
    if ((j != h && !packed) || (h && type.getDimSize(type.getRank() - 1) != 2))
      return false;
  }
  // linalg.index 4 picks the nibble.
  return isScalarBody(op, /*indexDim=*/4);
}

void mlir::quanta::matmul_kernels::lowerWeightOnlyInt4Matmul(
    linalg::GenericOp op, bool parallel, VectorUnit unit) {
  // Whole chunks of 8L columns (4L bytes).
  lowerBehindChunkCheck(
      op, 2, kChunkVectors * unit.lanes, [&](ImplicitLocOpBuilder &b) {
        WeightOnlyInt4Builder(b, op, parallel, unit, /*groupSums=*/false,
                              std::nullopt, std::nullopt)
            .build();
      });
}

void mlir::quanta::matmul_kernels::buildGroupedCoreOnVectors(
    ImplicitLocOpBuilder &b, linalg::GenericOp op,
    std::optional<GroupEpilogue> epilogue, bool parallel, VectorUnit unit,
    std::optional<DotKind> dotKind) {
  WeightOnlyInt4Builder(b, op, parallel, unit, /*groupSums=*/true, epilogue,
                        dotKind)
      .build();
}
