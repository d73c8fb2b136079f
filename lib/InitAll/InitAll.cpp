//===- InitAll.cpp - Register every Quanta dialect and pass ---------------===//
//
// This file registers the dialects and passes that quanta-opt, the compiler
// driver and the C API share.
//
//===----------------------------------------------------------------------===//

#include "quanta/InitAll.h"
#include "quanta/Conversion/Passes.h"
#include "quanta/Dialect/Quanta/Passes.h"
#include "quanta/Dialect/Quanta/QuantaDialect.h"
#include "quanta/Pipelines/Pipelines.h"
#include "quanta/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Affine/Transforms/Passes.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/Transforms/Passes.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/Quant/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Dialect/Tensor/Transforms/Passes.h"
#include "mlir/Dialect/Vector/Transforms/Passes.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Transforms/Passes.h"

void mlir::quanta::registerAllDialects(DialectRegistry &registry) {
  registry.insert<QuantaDialect>();
  // Upstream dialects with their interface models (bufferization, lowering
  // to LLVM, translation), as mlir-opt has them.
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  registerAllToLLVMIRTranslations(registry);
}

void mlir::quanta::registerAllPasses() {
  registerQuantaConversionPasses();
  registerQuantaDialectPasses();
  registerQuantaTransformsPasses();
  registerPipelines();
  // Upstream passes Quanta's pipelines are made of. `--lower-quant-ops` is
  // deliberately absent: it truncates instead of rounding.
  quant::registerNormalizeQuantTypes();
  quant::registerStripFuncQuantTypes();
  registerTransformsPasses();
  registerConversionPasses();
  affine::registerAffinePasses();
  arith::registerArithPasses();
  bufferization::registerBufferizationPasses();
  bufferization::registerBufferizationPipelines();
  func::registerFuncPasses();
  registerLinalgPasses();
  registerGPUPasses();
  math::registerMathPasses();
  memref::registerMemRefPasses();
  registerSCFPasses();
  tensor::registerTensorPasses();
  vector::registerVectorPasses();
}
