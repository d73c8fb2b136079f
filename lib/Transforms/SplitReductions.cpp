//===- SplitReductions.cpp - Exact reductions over many GPU threads -------===//
//
// This file implements `--quanta-split-reductions`: a linalg reduction into
// few outputs, whose every output is combined by an operation exact in any
// order (integer add, min, max, and, or, xor), becomes partial reductions
// over strided slices of its elements, one thread each on the GPU, and a
// reduction of the partials.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Affine/Utils.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_SPLITREDUCTIONS
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

namespace {

/// The identity element of `combiner` if it is an integer operation whose
/// result does not depend on the order of its operands (associative and
/// commutative, wrapping for add), else null.
TypedAttr exactIdentity(Operation *combiner) {
  auto type = dyn_cast<IntegerType>(combiner->getResult(0).getType());
  if (!type)
    return {};
  unsigned w = type.getWidth();
  std::optional<APInt> identity =
      TypeSwitch<Operation *, std::optional<APInt>>(combiner)
          .Case<arith::AddIOp, arith::OrIOp, arith::XOrIOp, arith::MaxUIOp>(
              [&](auto) { return APInt::getZero(w); })
          .Case<arith::AndIOp, arith::MinUIOp>(
              [&](auto) { return APInt::getAllOnes(w); })
          .Case<arith::MaxSIOp>(
              [&](auto) { return APInt::getSignedMinValue(w); })
          .Case<arith::MinSIOp>(
              [&](auto) { return APInt::getSignedMaxValue(w); })
          .Default([](Operation *) { return std::nullopt; });
  if (!identity)
    return {};
  return IntegerAttr::get(type, *identity);
}

/// The combiner of output `i`: the one user of its block argument, two
/// operands, yielded as output i and used nowhere else. Null when there is
/// none (so the other operand does not depend on any output).
Operation *combinerOf(linalg::GenericOp op, unsigned i) {
  BlockArgument acc = op.getRegionOutputArgs()[i];
  if (!acc.hasOneUse())
    return nullptr;
  Operation *combiner = *acc.getUsers().begin();
  if (combiner->getNumOperands() != 2 || combiner->getNumResults() != 1 ||
      !combiner->getResult(0).hasOneUse())
    return nullptr;
  auto yield = cast<linalg::YieldOp>(op.getBody()->getTerminator());
  if (yield.getOperand(i) != combiner->getResult(0))
    return nullptr;
  return combiner;
}

/// `map` with its dimensions renumbered by `position` into `count` dims.
AffineMap renumber(AffineMap map, ArrayRef<int64_t> position, unsigned count,
                   ArrayRef<AffineExpr> extra = {}) {
  MLIRContext *ctx = map.getContext();
  SmallVector<AffineExpr> results;
  for (AffineExpr e : map.getResults())
    results.push_back(
        getAffineDimExpr(position[cast<AffineDimExpr>(e).getPosition()], ctx));
  llvm::append_range(results, extra);
  return AffineMap::get(count, 0, results, ctx);
}

struct SplitReduction : public OpRewritePattern<linalg::GenericOp> {
  SplitReduction(MLIRContext *ctx, int64_t threads, int64_t minPerThread)
      : OpRewritePattern(ctx), threads(threads), minPerThread(minPerThread) {}

  LogicalResult matchAndRewrite(linalg::GenericOp op,
                                PatternRewriter &rewriter) const override {
    if (!op.hasPureTensorSemantics() || op.getNumReductionLoops() == 0)
      return failure();
    SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
    SmallVector<unsigned> parallel, reduction;
    for (auto [d, kind] : llvm::enumerate(iterators))
      (kind == utils::IteratorType::parallel ? parallel : reduction)
          .push_back(d);
    // Every output indexed by exactly the parallel dimensions, each combined
    // exactly.
    SmallVector<Operation *> combiners;
    SmallVector<TypedAttr> identities;
    for (OpOperand &init : op.getDpsInitsMutable()) {
      AffineMap map = op.getMatchingIndexingMap(&init);
      if (!map.isProjectedPermutation() ||
          map.getNumResults() != parallel.size())
        return failure();
      for (AffineExpr e : map.getResults())
        if (iterators[cast<AffineDimExpr>(e).getPosition()] !=
            utils::IteratorType::parallel)
          return failure();
      Operation *combiner =
          combinerOf(op, init.getOperandNumber() - op.getNumDpsInputs());
      TypedAttr identity = combiner ? exactIdentity(combiner) : TypedAttr();
      if (!identity)
        return rewriter.notifyMatchFailure(op, "an output's combiner is not "
                                               "exact in any order");
      combiners.push_back(combiner);
      identities.push_back(identity);
    }
    // Enough threads already, or too few elements to share?
    SmallVector<int64_t> staticSizes = op.getStaticLoopRanges();
    int64_t outputs = 1;
    for (unsigned d : parallel) {
      int64_t size = staticSizes[d];
      if (ShapedType::isDynamic(size) || size == 0 || size > threads / outputs)
        return failure();
      outputs *= size;
    }
    int64_t parts = int64_t(llvm::bit_floor(uint64_t(threads / outputs)));
    if (llvm::none_of(reduction, [&](unsigned d) {
          return ShapedType::isDynamic(staticSizes[d]);
        })) {
      uint64_t elements = 1;
      for (unsigned d : reduction)
        elements = llvm::SaturatingMultiply(elements, uint64_t(staticSizes[d]));
      parts = std::min<int64_t>(
          parts, int64_t(llvm::bit_floor(elements / minPerThread)));
    }
    if (parts < 2)
      return failure();

    Location loc = op.getLoc();
    SmallVector<Range> ranges = cast<linalg::LinalgOp>(op.getOperation())
                                    .createLoopRanges(rewriter, loc);
    Value count = arith::ConstantIndexOp::create(rewriter, loc, 1);
    SmallVector<Value> reductionSizes;
    for (unsigned d : reduction) {
      reductionSizes.push_back(
          getValueOrCreateConstantIndexOp(rewriter, loc, ranges[d].size));
      count =
          arith::MulIOp::create(rewriter, loc, count, reductionSizes.back());
    }

    // The partial reductions: dimensions (parallel..., part) when the
    // outputs fill a block of threads (256) on their own and an input's
    // innermost dimension is a parallel one (a column of a matrix, whose
    // neighbouring threads then read neighbouring columns), else (part,
    // parallel...), whose neighbouring threads read neighbouring elements
    // of the reduction.
    bool partFirst =
        outputs < 256 ||
        llvm::none_of(op.getDpsInputOperands(), [&](OpOperand *input) {
          AffineMap map = op.getMatchingIndexingMap(input);
          auto innermost =
              map.getNumResults()
                  ? dyn_cast<AffineDimExpr>(map.getResults().back())
                  : AffineDimExpr(nullptr);
          return innermost && iterators[innermost.getPosition()] ==
                                  utils::IteratorType::parallel;
        });
    unsigned partialDims = parallel.size() + 1;
    unsigned partPos = partFirst ? 0 : parallel.size();
    SmallVector<int64_t> position(iterators.size(), -1);
    for (auto [k, d] : llvm::enumerate(parallel))
      position[d] = partFirst ? k + 1 : k;
    AffineExpr part = rewriter.getAffineDimExpr(partPos);
    SmallVector<Value> partialInits;
    SmallVector<AffineMap> partialMaps;
    for (OpOperand &init : op.getDpsInitsMutable()) {
      SmallVector<OpFoldResult> sizes =
          tensor::getMixedSizes(rewriter, loc, init.get());
      sizes.push_back(rewriter.getIndexAttr(parts));
      partialInits.push_back(tensor::EmptyOp::create(
          rewriter, loc, sizes, getElementTypeOrSelf(init.get().getType())));
      partialMaps.push_back(renumber(op.getMatchingIndexingMap(&init), position,
                                     partialDims, part));
    }
    Value step = arith::ConstantIndexOp::create(rewriter, loc, parts);
    SmallVector<utils::IteratorType> allParallel(partialDims,
                                                 utils::IteratorType::parallel);
    auto partials = linalg::GenericOp::create(
        rewriter, loc, TypeRange(ValueRange(partialInits)), ValueRange(),
        partialInits, partialMaps, allParallel,
        [&](OpBuilder &b, Location l, ValueRange) {
          SmallVector<Value> ivs(iterators.size());
          for (unsigned d : parallel)
            ivs[d] = linalg::IndexOp::create(b, l, position[d]);
          Value first = linalg::IndexOp::create(b, l, partPos);
          SmallVector<Value> inits;
          for (TypedAttr identity : identities)
            inits.push_back(arith::ConstantOp::create(b, l, identity));
          auto loop = scf::ForOp::create(
              b, l, first, count, step, inits,
              [&](OpBuilder &lb, Location ll, Value j, ValueRange accs) {
                // Element j of the reduction, row-major over its dims.
                for (int64_t k = reduction.size() - 1; k > 0; --k) {
                  ivs[reduction[k]] =
                      arith::RemUIOp::create(lb, ll, j, reductionSizes[k]);
                  j = arith::DivUIOp::create(lb, ll, j, reductionSizes[k]);
                }
                ivs[reduction.front()] = j;
                IRMapping mapping;
                for (OpOperand *input : op.getDpsInputOperands()) {
                  Value value = input->get();
                  if (isa<RankedTensorType>(value.getType())) {
                    std::optional<SmallVector<Value, 8>> indices =
                        affine::expandAffineMap(
                            lb, ll, op.getMatchingIndexingMap(input), ivs);
                    value = tensor::ExtractOp::create(lb, ll, value, *indices);
                  }
                  mapping.map(op.getMatchingBlockArgument(input), value);
                }
                mapping.map(op.getRegionOutputArgs(), accs);
                for (Operation &bodyOp : op.getBody()->without_terminator()) {
                  if (auto index = dyn_cast<linalg::IndexOp>(bodyOp))
                    mapping.map(index.getResult(), ivs[index.getDim()]);
                  else
                    lb.clone(bodyOp, mapping);
                }
                SmallVector<Value> next;
                for (Value v : op.getBody()->getTerminator()->getOperands())
                  next.push_back(mapping.lookupOrDefault(v));
                scf::YieldOp::create(lb, ll, next);
              });
          linalg::YieldOp::create(b, l, loop.getResults());
        });

    // The partials reduced into the outputs: dimensions (parallel..., part).
    SmallVector<int64_t> inOrder(iterators.size(), -1);
    for (auto [k, d] : llvm::enumerate(parallel))
      inOrder[d] = k;
    AffineExpr lastPart = rewriter.getAffineDimExpr(parallel.size());
    SmallVector<AffineMap> maps;
    for (OpOperand &init : op.getDpsInitsMutable())
      maps.push_back(renumber(op.getMatchingIndexingMap(&init), inOrder,
                              partialDims, lastPart));
    for (OpOperand &init : op.getDpsInitsMutable())
      maps.push_back(
          renumber(op.getMatchingIndexingMap(&init), inOrder, partialDims));
    SmallVector<utils::IteratorType> finalIterators(
        parallel.size(), utils::IteratorType::parallel);
    finalIterators.push_back(utils::IteratorType::reduction);
    auto combined = linalg::GenericOp::create(
        rewriter, loc, op.getResultTypes(), partials.getResults(),
        op.getDpsInits(), maps, finalIterators,
        [&](OpBuilder &b, Location l, ValueRange args) {
          SmallVector<Value> results;
          for (auto [i, combiner] : llvm::enumerate(combiners)) {
            BlockArgument acc = op.getRegionOutputArgs()[i];
            IRMapping mapping;
            for (Value operand : combiner->getOperands())
              mapping.map(operand, operand == acc ? args[combiners.size() + i]
                                                  : args[i]);
            results.push_back(b.clone(*combiner, mapping)->getResult(0));
          }
          linalg::YieldOp::create(b, l, results);
        });
    rewriter.replaceOp(op, combined.getResults());
    return success();
  }

  int64_t threads, minPerThread;
};

struct SplitReductionsPass
    : public quanta::impl::SplitReductionsBase<SplitReductionsPass> {
  using Base::Base;
  void runOnOperation() override {
    // (Parts of one element would leave partials as many as the elements,
    // which the next round would split again without end.)
    if (threads < 1 || minPerThread < 2) {
      getOperation()->emitError()
          << "quanta-split-reductions: threads must be positive and "
             "min-per-thread at least 2";
      return signalPassFailure();
    }
    RewritePatternSet patterns(&getContext());
    patterns.add<SplitReduction>(&getContext(), threads, minPerThread);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
