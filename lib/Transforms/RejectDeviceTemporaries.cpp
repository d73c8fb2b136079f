//===- RejectDeviceTemporaries.cpp - GPU functions without temporaries ----===//
//
// This file implements the check that GPU-bound functions allocate no
// temporary buffers, which would be host memory.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_REJECTDEVICETEMPORARIES
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

namespace {
struct RejectDeviceTemporariesPass
    : public quanta::impl::RejectDeviceTemporariesBase<
          RejectDeviceTemporariesPass> {
  void runOnOperation() override {
    WalkResult result = getOperation()->walk([](memref::AllocOp alloc) {
      alloc.emitError() << "this computation needs a temporary buffer, which "
                           "the GPU target does not allocate yet (element-"
                           "wise ops and quanta.matmul with a tensor-core "
                           "kernel are supported; compute_params, "
                           "quanta.matmul_integer and batched or per-group "
                           "matmuls are not)";
      return WalkResult::interrupt();
    });
    if (result.wasInterrupted())
      signalPassFailure();
  }
};
} // namespace
