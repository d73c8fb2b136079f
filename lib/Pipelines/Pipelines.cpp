//===- Pipelines.cpp - Quanta's named pass pipelines ----------------------===//
//
// This file implements the pass pipelines shared by Quanta's tools.
//
//===----------------------------------------------------------------------===//

#include "quanta/Pipelines/Pipelines.h"
#include "quanta/Conversion/Passes.h"

#include "mlir/Dialect/Quant/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

void mlir::quanta::buildImportPipeline(OpPassManager &pm) {
  pm.addPass(createConvertQuantToQuanta());
  pm.addPass(quant::createStripFuncQuantTypes());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void mlir::quanta::registerPipelines() {
  PassPipelineRegistration<>(
      "quanta-import",
      "Import frontend quant IR into Quanta ops with ONNX numerics",
      buildImportPipeline);
}
