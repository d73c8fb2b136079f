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
                           "the GPU target does not allocate yet (supported: "
                           "element-wise ops without int4 arguments or "
                           "results, and quanta.matmul forms with a "
                           "tensor-core kernel, weight-only int4 per tensor, "
                           "column or group with its packed int4 weights "
                           "included; not yet: compute_params, "
                           "quanta.matmul_integer, other int4 arguments and "
                           "results, and the other matmul forms, such as "
                           "batched, W4A8 or 8-bit per-group ones)";
      return WalkResult::interrupt();
    });
    if (result.wasInterrupted())
      signalPassFailure();
  }
};
} // namespace
