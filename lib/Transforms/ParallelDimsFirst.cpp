//===- ParallelDimsFirst.cpp - Parallel dimensions of linalg ops first ----===//
//
// This file implements `--quanta-parallel-dims-first`: linalg ops are
// interchanged so that their parallel dimensions come before their
// reduction dimensions, which makes a reduction one GPU kernel rather than a
// host loop of kernels; ops without loops (0-d operands) get one, so that
// they become kernels too rather than host code.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_PARALLELDIMSFIRST
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

/// Replaces `op` (on buffers, without loops: every operand 0-d, or read at
/// constant indices) by the same op with one parallel dimension of size 1,
/// its first init viewed as a 1-element buffer.
static void addUnitLoop(RewriterBase &rewriter, linalg::GenericOp op) {
  if (op.getNumDpsInits() == 0)
    return;
  OpOperand *init = op.getDpsInitOperand(0);
  auto type = cast<MemRefType>(init->get().getType());
  FailureOr<MemRefType> unitType =
      memref::ExpandShapeOp::computeExpandedType(type, {1}, {});
  if (failed(unitType))
    return;
  Location loc = op.getLoc();
  Value unit = memref::ExpandShapeOp::create(
      rewriter, loc, *unitType, init->get(), ArrayRef<ReassociationIndices>{},
      ArrayRef<OpFoldResult>{rewriter.getIndexAttr(1)});
  MLIRContext *ctx = op.getContext();
  SmallVector<AffineMap> maps;
  for (AffineMap map : op.getIndexingMapsArray())
    maps.push_back(AffineMap::get(1, 0, map.getResults(), ctx));
  maps[init->getOperandNumber()] = AffineMap::getMultiDimIdentityMap(1, ctx);
  SmallVector<Value> inits(op.getDpsInits());
  inits[0] = unit;
  auto generic =
      linalg::GenericOp::create(rewriter, loc, TypeRange{}, op.getDpsInputs(),
                                inits, maps, {utils::IteratorType::parallel});
  rewriter.inlineRegionBefore(op.getRegion(), generic.getRegion(),
                              generic.getRegion().begin());
  rewriter.eraseOp(op);
}

namespace {
struct ParallelDimsFirstPass
    : public quanta::impl::ParallelDimsFirstBase<ParallelDimsFirstPass> {
  void runOnOperation() override {
    SmallVector<linalg::LinalgOp> ops;
    getOperation()->walk([&](linalg::LinalgOp op) { ops.push_back(op); });
    IRRewriter rewriter(&getContext());
    for (linalg::LinalgOp op : ops) {
      bool noLoops = op.getNumLoops() == 0 && op.hasPureBufferSemantics();
      // The parallel dimensions, then the others, each in their order.
      SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
      SmallVector<unsigned> order;
      for (bool parallel : {true, false})
        for (unsigned d = 0; d < iterators.size(); ++d)
          if ((iterators[d] == utils::IteratorType::parallel) == parallel)
            order.push_back(d);
      if (!noLoops && llvm::is_sorted(order))
        continue;
      rewriter.setInsertionPoint(op);
      auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
      if (!generic) {
        FailureOr<linalg::GenericOp> generalized =
            linalg::generalizeNamedOp(rewriter, op);
        if (failed(generalized))
          continue;
        generic = *generalized;
      }
      if (noLoops)
        addUnitLoop(rewriter, generic);
      else if (failed(linalg::interchangeGenericOp(rewriter, generic, order)))
        return signalPassFailure();
    }
  }
};
} // namespace
