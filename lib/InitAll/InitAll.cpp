//===- InitAll.cpp - Register every Quanta dialect and pass ---------------===//
//
// This file registers the dialects and passes that quanta-opt, the compiler
// driver and the C API share.
//
//===----------------------------------------------------------------------===//

#include "quanta/InitAll.h"
#include "quanta/Conversion/Passes.h"
#include "quanta/Dialect/Quanta/QuantaDialect.h"
#include "quanta/Pipelines/Pipelines.h"
#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Quant/Transforms/Passes.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Transforms/Passes.h"

void mlir::quanta::registerAllDialects(DialectRegistry &registry) {
  registry.insert<QuantaDialect, arith::ArithDialect, func::FuncDialect,
                  linalg::LinalgDialect, quant::QuantDialect,
                  tensor::TensorDialect, tosa::TosaDialect>();
}

void mlir::quanta::registerAllPasses() {
  registerQuantaConversionPasses();
  registerQuantaTransformsPasses();
  registerPipelines();
  // Upstream passes Quanta's interop pipelines use. `--lower-quant-ops` is
  // deliberately absent: it truncates instead of rounding.
  quant::registerNormalizeQuantTypes();
  quant::registerStripFuncQuantTypes();
  registerCanonicalizerPass();
  registerCSEPass();
}
