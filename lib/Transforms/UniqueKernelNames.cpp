//===- UniqueKernelNames.cpp - One name per outlined GPU kernel -----------===//
//
// This file implements `--quanta-unique-kernel-names`: each outlined kernel
// is renamed after its gpu.module, so that the kernels of one function can
// share one PTX module.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_UNIQUEKERNELNAMES
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

namespace {
struct UniqueKernelNamesPass
    : public quanta::impl::UniqueKernelNamesBase<UniqueKernelNamesPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    // (module, old kernel name) -> new kernel name.
    DenseMap<std::pair<StringAttr, StringAttr>, StringAttr> renamed;
    for (auto gpuModule : module.getOps<gpu::GPUModuleOp>()) {
      SmallVector<gpu::GPUFuncOp> kernels;
      for (auto func : gpuModule.getOps<gpu::GPUFuncOp>())
        if (func.isKernel())
          kernels.push_back(func);
      StringAttr moduleName = gpuModule.getSymNameAttr();
      for (gpu::GPUFuncOp kernel : kernels) {
        StringAttr old = kernel.getNameAttr();
        StringAttr name =
            kernels.size() == 1
                ? moduleName
                : StringAttr::get(&getContext(),
                                  moduleName.getValue() + "_" + old.getValue());
        if (name == old)
          continue;
        if (SymbolTable::lookupSymbolIn(gpuModule, name)) {
          kernel.emitError() << "cannot rename the kernel to '"
                             << name.getValue() << "': the name is taken";
          return signalPassFailure();
        }
        SymbolTable::setSymbolName(kernel, name);
        renamed[{moduleName, old}] = name;
      }
    }
    module.walk([&](gpu::LaunchFuncOp launch) {
      StringAttr moduleName = launch.getKernelModuleName();
      auto it = renamed.find({moduleName, launch.getKernelName()});
      if (it == renamed.end())
        return;
      launch.setKernelAttr(
          SymbolRefAttr::get(moduleName, {FlatSymbolRefAttr::get(it->second)}));
    });
  }
};
} // namespace
