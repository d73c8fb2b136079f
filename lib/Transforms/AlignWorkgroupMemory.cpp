//===- AlignWorkgroupMemory.cpp - 16-byte aligned shared buffers ----------===//
//
// This file implements `--quanta-align-workgroup-memory`: every workgroup
// attribution of a kernel gets at least the 16-byte alignment of the widest
// shared-memory access the kernels make.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_ALIGNWORKGROUPMEMORY
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

/// ldmatrix, st.shared.v4 and 16-byte cp.async accesses; wgmma matrix
/// descriptors address shared memory in 16-byte units.
static constexpr int64_t kAlignment = 16;

namespace {
struct AlignWorkgroupMemoryPass
    : public quanta::impl::AlignWorkgroupMemoryBase<AlignWorkgroupMemoryPass> {
  void runOnOperation() override {
    StringRef name = LLVM::LLVMDialect::getAlignAttrName();
    Builder b(&getContext());
    for (auto func : getOperation().getOps<gpu::GPUFuncOp>())
      for (unsigned i = 0; i < func.getNumWorkgroupAttributions(); ++i) {
        auto align = dyn_cast_or_null<IntegerAttr>(
            func.getWorkgroupAttributionAttr(i, name));
        if (!align || align.getInt() < kAlignment)
          func.setWorkgroupAttributionAttr(i, name,
                                           b.getI64IntegerAttr(kAlignment));
      }
  }
};
} // namespace
