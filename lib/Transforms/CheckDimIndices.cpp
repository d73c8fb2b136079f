//===- CheckDimIndices.cpp - Out-of-range constant dim indices ------------===//
//
// This file implements `--quanta-check-dim-indices`: a diagnostic for each
// tensor.dim or memref.dim whose constant index is outside its operand's
// rank, which upstream folders would otherwise read past the shape for.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Interfaces/ShapedOpInterfaces.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_CHECKDIMINDICES
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

namespace {
struct CheckDimIndicesPass
    : public quanta::impl::CheckDimIndicesBase<CheckDimIndicesPass> {
  void runOnOperation() override {
    bool failed = false;
    getOperation()->walk([&](ShapedDimOpInterface op) {
      auto type = dyn_cast<ShapedType>(op.getShapedValue().getType());
      std::optional<int64_t> index = getConstantIntValue(op.getDimension());
      if (!type || !type.hasRank() || !index ||
          (*index >= 0 && *index < type.getRank()))
        return;
      op->emitError() << "dimension index " << *index
                      << " is out of range for a value of rank "
                      << type.getRank();
      failed = true;
    });
    if (failed)
      signalPassFailure();
  }
};
} // namespace
