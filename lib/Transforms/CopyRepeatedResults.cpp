//===- CopyRepeatedResults.cpp - One buffer per returned result -----------===//
//
// This file implements `--quanta-copy-repeated-results`: a buffer returned in
// several results is copied into a fresh allocation for each result after
// the first, so that `--buffer-results-to-out-params` sees each result's
// allocation once.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_COPYREPEATEDRESULTS
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

/// Returns, in place of each repeated memref operand of `ret` after its
/// first occurrence (and, with `nonAllocations`, of each one that is not a
/// memref.alloc), a copy of it in a fresh allocation.
static void copyRepeatedOperands(func::ReturnOp ret, bool nonAllocations) {
  llvm::SmallPtrSet<Value, 4> seen;
  OpBuilder b(ret);
  Location loc = ret.getLoc();
  for (OpOperand &operand : ret->getOpOperands()) {
    Value value = operand.get();
    auto type = dyn_cast<MemRefType>(value.getType());
    if (!type)
      continue;
    bool first = seen.insert(value).second;
    if (first && !(nonAllocations && !value.getDefiningOp<memref::AllocOp>()))
      continue;
    // Other layouts cannot be allocated as such; the out-parameter pass
    // rejects them anyway.
    if (!type.getLayout().isIdentity())
      continue;
    SmallVector<Value> dynamicSizes;
    for (int64_t d = 0; d < type.getRank(); ++d)
      if (type.isDynamicDim(d))
        dynamicSizes.push_back(memref::DimOp::create(b, loc, value, d));
    Value copy = memref::AllocOp::create(b, loc, type, dynamicSizes);
    linalg::CopyOp::create(b, loc, value, copy);
    operand.set(copy);
  }
}

namespace {
struct CopyRepeatedResultsPass
    : public quanta::impl::CopyRepeatedResultsBase<CopyRepeatedResultsPass> {
  using CopyRepeatedResultsBase::CopyRepeatedResultsBase;
  void runOnOperation() override {
    getOperation()->walk(
        [&](func::ReturnOp ret) { copyRepeatedOperands(ret, nonAllocations); });
  }
};
} // namespace
