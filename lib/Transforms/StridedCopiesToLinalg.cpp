//===- StridedCopiesToLinalg.cpp - Strided memref.copy as linalg.copy -----===//
//
// This file implements `--quanta-strided-copies-to-linalg`: the memref.copy
// ops that the LLVM lowering would turn into calls to the `memrefCopy`
// runtime function become linalg.copy ops (loops).
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Utils/MemRefUtils.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_STRIDEDCOPIESTOLINALG
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

/// Whether the LLVM lowering copies `type` with a memcpy (its test): an
/// identity layout, or a static shape with row-major strides.
static bool isContiguousByType(MemRefType type) {
  return type.getLayout().isIdentity() ||
         (type.hasStaticShape() && type.getNumElements() > 0 &&
          memref::isStaticShapeAndContiguousRowMajor(type));
}

namespace {
struct StridedCopiesToLinalgPass
    : public quanta::impl::StridedCopiesToLinalgBase<
          StridedCopiesToLinalgPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<memref::CopyOp> copies;
    getOperation()->walk([&](memref::CopyOp op) {
      auto source = cast<MemRefType>(op.getSource().getType());
      auto target = cast<MemRefType>(op.getTarget().getType());
      if (all || !isContiguousByType(source) || !isContiguousByType(target))
        copies.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (memref::CopyOp op : copies) {
      rewriter.setInsertionPoint(op);
      rewriter.replaceOpWithNewOp<linalg::CopyOp>(op, op.getSource(),
                                                  op.getTarget());
    }
  }
};
} // namespace
