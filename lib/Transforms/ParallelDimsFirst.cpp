//===- ParallelDimsFirst.cpp - Parallel dimensions of linalg ops first ----===//
//
// This file implements `--quanta-parallel-dims-first`: linalg ops are
// interchanged so that their parallel dimensions come before their
// reduction dimensions, which makes a reduction one GPU kernel rather than a
// host loop of kernels.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_PARALLELDIMSFIRST
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

namespace {
struct ParallelDimsFirstPass
    : public quanta::impl::ParallelDimsFirstBase<ParallelDimsFirstPass> {
  void runOnOperation() override {
    SmallVector<linalg::LinalgOp> ops;
    getOperation()->walk([&](linalg::LinalgOp op) { ops.push_back(op); });
    IRRewriter rewriter(&getContext());
    for (linalg::LinalgOp op : ops) {
      // The parallel dimensions, then the others, each in their order.
      SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
      SmallVector<unsigned> order;
      for (bool parallel : {true, false})
        for (unsigned d = 0; d < iterators.size(); ++d)
          if ((iterators[d] == utils::IteratorType::parallel) == parallel)
            order.push_back(d);
      if (llvm::is_sorted(order))
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
      if (failed(linalg::interchangeGenericOp(rewriter, generic, order)))
        return signalPassFailure();
    }
  }
};
} // namespace
