//===- FuseMatmul.cpp - Fuse QDQ matmul graphs into quanta.matmul ---------===//
//
// This file implements `--quanta-fuse-matmul`: dequantize -> f32 linalg
// matmul -> bias add -> quantize graphs become one quanta.matmul. Every
// rewrite keeps the bits of the result: quanta.matmul's f32 accumulation is
// the loop order of linalg.matmul (see the pass description); only the
// `integer-accumulation` option changes numerics, by float rounding.
//
//===----------------------------------------------------------------------===//

#include "quanta/Dialect/Quanta/Passes.h"
#include "quanta/Dialect/Quanta/QuantaOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlir {
namespace quanta {
#define GEN_PASS_DEF_QUANTAFUSEMATMUL
#include "quanta/Dialect/Quanta/Passes.h.inc"
} // namespace quanta
} // namespace mlir

using namespace mlir;
using namespace mlir::quanta;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Erases those of `ops` that are trivially dead, then the producers of their
/// operands that this leaves dead (the fill's constant and tensor.empty, ...).
/// `ops` may repeat and may contain null.
void eraseDeadOps(RewriterBase &rewriter, SmallVector<Operation *> ops) {
  DenseSet<Operation *> erased;
  while (!ops.empty()) {
    Operation *op = ops.pop_back_val();
    if (!op || erased.contains(op) || !isOpTriviallyDead(op))
      continue;
    for (Value operand : op->getOperands())
      if (Operation *producer = operand.getDefiningOp())
        ops.push_back(producer);
    erased.insert(op);
    rewriter.eraseOp(op);
  }
}

/// Whether `scheme` has a granularity quanta.matmul accepts for an operand
/// whose per_channel axis must be `channelAxis` and per_group axis `kAxis`.
bool isMatmulGranularity(SchemeAttr scheme, int64_t channelAxis,
                         int64_t kAxis) {
  switch (scheme.getGranularity()) {
  case Granularity::per_tensor:
    return true;
  case Granularity::per_channel:
    return scheme.getAxis() == channelAxis;
  case Granularity::per_group:
    return scheme.getAxis() == kAxis;
  }
  return false;
}

/// Whether `init` is a linalg.fill of +0.0 (f32), the start of the k-order
/// accumulation that quanta.matmul's f32 mode computes.
bool isPositiveZeroFill(Value init) {
  auto fill = init.getDefiningOp<linalg::FillOp>();
  if (!fill)
    return false;
  FloatAttr value;
  return matchPattern(fill.getInputs().front(), m_Constant(&value)) &&
         value.getType().isF32() && value.getValue().isPosZero();
}

/// Whether `value` has exactly one use besides tensor.dim ops (which read
/// only its shape).
bool hasOneValueUse(Value value) {
  return llvm::count_if(value.getUses(), [](OpOperand &use) {
           return !isa<tensor::DimOp>(use.getOwner());
         }) == 1;
}

/// A matmul operand as the fusion sees it.
struct MatmulOperand {
  enum class Kind {
    /// An ordinary f32 tensor (the activations of weight-only matmuls).
    Float,
    /// dequantize(stored) or fake_quant(real) with one use (besides
    /// tensor.dim) and a scheme quanta.matmul accepts: fused.
    Quantized,
    /// A dequantize that cannot be fused: the graph stays as it is.
    Unfusable,
  };
  Kind kind = Kind::Float;
  /// The dequantize or fake_quant op to absorb.
  Operation *source = nullptr;
  /// Stored values (dequantize) or real values to quantize (fake_quant).
  Value input, scale, zeroPoint;
  SchemeAttr scheme;
};

/// Classifies `value`, a matmul operand whose per_channel axis must be
/// `channelAxis` and per_group axis `kAxis`.
MatmulOperand classifyOperand(Value value, int64_t channelAxis, int64_t kAxis) {
  MatmulOperand operand;
  auto fusable = [&](SchemeAttr scheme) {
    return hasOneValueUse(value) && scheme.getExpressed().isF32() &&
           isMatmulGranularity(scheme, channelAxis, kAxis);
  };
  auto setFrom = [&](auto op) {
    operand.kind = MatmulOperand::Kind::Quantized;
    operand.source = op;
    operand.input = op.getInput();
    operand.scale = op.getScale();
    operand.zeroPoint = op.getZeroPoint();
    operand.scheme = op.getScheme();
  };
  if (auto dequantize = value.getDefiningOp<DequantizeOp>()) {
    if (fusable(dequantize.getScheme()))
      setFrom(dequantize);
    else
      operand.kind = MatmulOperand::Kind::Unfusable;
  } else if (auto fakeQuant = value.getDefiningOp<FakeQuantOp>()) {
    // fake_quant is dequantize(quantize(x)) by definition; when it cannot be
    // split it is an ordinary float tensor.
    if (fusable(fakeQuant.getScheme()))
      setFrom(fakeQuant);
  }
  return operand;
}

/// The stored values of a quantized operand: a fake_quant's real input is
/// quantized here (the dequantization half goes into the matmul). The
/// tensor.dim ops of the operand read the same shape from the input instead.
Value getStoredValues(RewriterBase &rewriter, const MatmulOperand &operand) {
  for (Operation *user :
       llvm::make_early_inc_range(operand.source->getResult(0).getUsers()))
    if (auto dim = dyn_cast<tensor::DimOp>(user))
      rewriter.modifyOpInPlace(
          dim, [&] { dim.getSourceMutable().assign(operand.input); });
  if (isa<DequantizeOp>(operand.source))
    return operand.input;
  auto realType = cast<RankedTensorType>(operand.input.getType());
  return QuantizeOp::create(
      rewriter, operand.source->getLoc(),
      realType.clone(operand.scheme.getStorageTensorElementType()),
      operand.input, operand.scale, operand.zeroPoint, operand.scheme);
}

/// Whether `scheme` stores 4- or 8-bit integers (i8, ui8, i4, ui4).
bool isSmallIntegerStorage(SchemeAttr scheme) {
  return scheme.isIntegerStorage() &&
         (scheme.getStorageWidth() == 8 || scheme.getStorageWidth() == 4);
}

/// `op` with `bias` and the result quantization added where given, and
/// result type `resultType`.
MatmulOp rebuildMatmul(RewriterBase &rewriter, Location loc, MatmulOp op,
                       Type resultType, Value bias, Value resultScale,
                       Value resultZp, SchemeAttr resultScheme) {
  return MatmulOp::create(
      rewriter, loc, resultType, op.getLhs(), op.getRhs(), op.getLhsScale(),
      op.getRhsScale(), op.getLhsZp(), op.getRhsZp(),
      bias ? bias : op.getBias(), resultScale, resultZp, op.getLhsSchemeAttr(),
      op.getRhsSchemeAttr(), resultScheme, op.getAccumulationAttr());
}

/// The quanta.matmul defining `value` when its f32 result has no other use
/// and can still take a bias or a result quantization.
MatmulOp getOpenMatmul(Value value) {
  auto op = value.getDefiningOp<MatmulOp>();
  if (!op || !op.getResult().hasOneUse() || op.getResultScheme() ||
      !op.getType().getElementType().isF32())
    return {};
  return op;
}

//===----------------------------------------------------------------------===//
// Fusions
//===----------------------------------------------------------------------===//

/// Fuse linalg.matmul / linalg.batch_matmul of dequantized f32 operands into
/// quanta.matmul.
LogicalResult fuseDequantizedMatmul(RewriterBase &rewriter,
                                    linalg::LinalgOp op,
                                    bool integerAccumulation) {
  auto hasUserDefinedMaps = [](linalg::LinalgOp op) {
    if (auto matmul = dyn_cast<linalg::MatmulOp>(op.getOperation()))
      return matmul.hasUserDefinedMaps();
    return cast<linalg::BatchMatmulOp>(op.getOperation()).hasUserDefinedMaps();
  };
  if (!op.hasPureTensorSemantics() || hasUserDefinedMaps(op) ||
      op->getNumResults() != 1)
    return rewriter.notifyMatchFailure(op, "not a plain matmul on tensors");
  Value lhs = op.getDpsInputs()[0], rhs = op.getDpsInputs()[1];
  Value init = op.getDpsInits()[0];
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  for (Value v : {lhs, rhs, init})
    if (!getElementTypeOrSelf(v.getType()).isF32())
      return rewriter.notifyMatchFailure(op, "not an f32 matmul");
  if (!isPositiveZeroFill(init))
    return rewriter.notifyMatchFailure(op, "init is not a fill of +0.0");

  int64_t rank = resultType.getRank();
  MatmulOperand a = classifyOperand(lhs, rank - 2, rank - 1);
  MatmulOperand w = classifyOperand(rhs, rank - 1, rank - 2);
  if (a.kind == MatmulOperand::Kind::Unfusable ||
      w.kind != MatmulOperand::Kind::Quantized)
    return rewriter.notifyMatchFailure(op, "operands are not fusable");
  bool lhsQuantized = a.kind == MatmulOperand::Kind::Quantized;

  Accumulation accumulation = Accumulation::f32;
  if (integerAccumulation && lhsQuantized && isSmallIntegerStorage(a.scheme) &&
      isSmallIntegerStorage(w.scheme) &&
      (a.scheme.getGranularity() != Granularity::per_group ||
       (w.scheme.getGranularity() == Granularity::per_group &&
        w.scheme.getGroupSize() == a.scheme.getGroupSize())))
    accumulation = Accumulation::i32;

  rewriter.setInsertionPoint(op);
  Value lhsValue = lhsQuantized ? getStoredValues(rewriter, a) : lhs;
  Value rhsValue = getStoredValues(rewriter, w);
  auto matmul = MatmulOp::create(
      rewriter, op.getLoc(), resultType, lhsValue, rhsValue,
      lhsQuantized ? a.scale : Value(), w.scale,
      lhsQuantized ? a.zeroPoint : Value(), w.zeroPoint, /*bias=*/Value(),
      /*result_scale=*/Value(), /*result_zp=*/Value(),
      lhsQuantized ? a.scheme : SchemeAttr(), w.scheme,
      /*result_scheme=*/SchemeAttr(),
      AccumulationAttr::get(op.getContext(), accumulation));
  rewriter.replaceOp(op, matmul.getResult());
  eraseDeadOps(rewriter, {a.source, w.source, init.getDefiningOp()});
  return success();
}

/// Fuse `out[..., m, n] + bias[n]` (a linalg.generic with one f32
/// arith.addf) into the bias of the quanta.matmul that computes `out`.
LogicalResult fuseBiasAdd(RewriterBase &rewriter, linalg::GenericOp op) {
  if (!op.hasPureTensorSemantics() || op.getNumDpsInits() != 1 ||
      op->getNumResults() != 1)
    return rewriter.notifyMatchFailure(op, "not one tensor result");
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  int64_t rank = resultType.getRank();
  if (rank < 2 || !resultType.getElementType().isF32() ||
      op.getNumLoops() != static_cast<unsigned>(rank) ||
      op.getNumParallelLoops() != op.getNumLoops())
    return rewriter.notifyMatchFailure(op, "not an f32 elementwise op");

  // The body: exactly `linalg.yield (arith.addf %x, %y)`, no fast-math.
  Block &body = op.getRegion().front();
  auto add = dyn_cast<arith::AddFOp>(body.front());
  if (!add || body.getOperations().size() != 2 ||
      body.getTerminator()->getOperands() != ValueRange{add.getResult()} ||
      add.getFastmath() != arith::FastMathFlags::none)
    return rewriter.notifyMatchFailure(op, "body is not one addf");
  auto x = dyn_cast<BlockArgument>(add.getLhs());
  auto y = dyn_cast<BlockArgument>(add.getRhs());
  if (!x || !y || x == y || x.getOwner() != &body || y.getOwner() != &body)
    return rewriter.notifyMatchFailure(op, "addf of non-arguments");

  // One argument is the matmul result (identity map, input or init), the
  // other the bias (an input read at [n]).
  MLIRContext *ctx = op.getContext();
  AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);
  AffineMap alongN = AffineMap::get(rank, 0, getAffineDimExpr(rank - 1, ctx));
  OpOperand *outOperand = op.getMatchingOpOperand(x);
  OpOperand *biasOperand = op.getMatchingOpOperand(y);
  if (!getOpenMatmul(outOperand->get()))
    std::swap(outOperand, biasOperand);
  MatmulOp matmul = getOpenMatmul(outOperand->get());
  if (!matmul || op.getMatchingIndexingMap(outOperand) != identity ||
      op.getMatchingIndexingMap(biasOperand) != alongN ||
      op.isDpsInit(biasOperand))
    return rewriter.notifyMatchFailure(op, "not matmul + bias[n]");
  // No other inputs: only the matmul result and the bias are read.
  if (op.getNumDpsInputs() != (op.isDpsInit(outOperand) ? 1u : 2u))
    return rewriter.notifyMatchFailure(op, "extra inputs");
  Value bias = biasOperand->get();
  auto biasType = cast<RankedTensorType>(bias.getType());
  if (matmul.getBias() || biasType.getRank() != 1 ||
      !biasType.getElementType().isF32())
    return rewriter.notifyMatchFailure(op, "bias is not f32 [N]");

  // The init may be the matmul itself: take it before anything is erased.
  Operation *init = op.getDpsInits()[0].getDefiningOp();
  rewriter.setInsertionPoint(op);
  MatmulOp fused = rebuildMatmul(
      rewriter, rewriter.getFusedLoc({matmul.getLoc(), op.getLoc()}), matmul,
      resultType, bias, Value(), Value(), SchemeAttr());
  rewriter.replaceOp(op, fused.getResult());
  eraseDeadOps(rewriter, {matmul, init});
  return success();
}

/// Fuse a quanta.quantize of a quanta.matmul's f32 result into its
/// result_scheme, result_scale and result_zp.
LogicalResult fuseResultQuantize(RewriterBase &rewriter, QuantizeOp op) {
  MatmulOp matmul = getOpenMatmul(op.getInput());
  if (!matmul)
    return rewriter.notifyMatchFailure(op, "not of a quanta.matmul");
  SchemeAttr scheme = op.getScheme();
  int64_t rank = op.getType().getRank();
  bool granularityOk = scheme.getGranularity() == Granularity::per_tensor ||
                       (scheme.getGranularity() == Granularity::per_channel &&
                        scheme.getAxis() == rank - 1);
  if (!scheme.getExpressed().isF32() || !granularityOk)
    return rewriter.notifyMatchFailure(
        op, "not a per-tensor or per-column f32 quantization");
  rewriter.setInsertionPoint(op);
  MatmulOp fused = rebuildMatmul(
      rewriter, rewriter.getFusedLoc({matmul.getLoc(), op.getLoc()}), matmul,
      op.getType(), Value(), op.getScale(), op.getZeroPoint(), scheme);
  rewriter.replaceOp(op, fused.getResult());
  eraseDeadOps(rewriter, {matmul});
  return success();
}

//===----------------------------------------------------------------------===//
// Pass
//===----------------------------------------------------------------------===//

/// Records erased ops, so that a sweep skips the roots a fusion removed.
struct ErasedOps : public RewriterBase::Listener {
  void notifyOperationErased(Operation *op) override { ops.insert(op); }
  DenseSet<Operation *> ops;
};

struct QuantaFuseMatmulPass
    : public quanta::impl::QuantaFuseMatmulBase<QuantaFuseMatmulPass> {
  using Base::Base;

  /// Sweeps over the ops that can root a fusion (linalg matmuls, bias adds,
  /// quantizes) until nothing changes, so that chains fuse in any order. No
  /// folding and no dead-code removal outside the fused graphs.
  void runOnOperation() override {
    ErasedOps erased;
    IRRewriter rewriter(&getContext(), &erased);
    bool changed = true;
    while (changed) {
      changed = false;
      erased.ops.clear();
      SmallVector<Operation *> roots;
      getOperation()->walk([&](Operation *op) {
        if (isa<linalg::MatmulOp, linalg::BatchMatmulOp, linalg::GenericOp,
                QuantizeOp>(op))
          roots.push_back(op);
      });
      for (Operation *op : roots) {
        if (erased.ops.contains(op))
          continue;
        LogicalResult fused = failure();
        if (auto generic = dyn_cast<linalg::GenericOp>(op))
          fused = fuseBiasAdd(rewriter, generic);
        else if (auto quantize = dyn_cast<QuantizeOp>(op))
          fused = fuseResultQuantize(rewriter, quantize);
        else
          fused = fuseDequantizedMatmul(rewriter, cast<linalg::LinalgOp>(op),
                                        integerAccumulation);
        changed |= succeeded(fused);
      }
    }
  }
};

} // namespace
