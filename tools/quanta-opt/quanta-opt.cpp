//===- quanta-opt.cpp - Quanta optimizer driver ---------------------------===//
//
// This file implements quanta-opt, the mlir-opt style driver for Quanta's
// dialects and passes.
//
//===----------------------------------------------------------------------===//

#include "quanta/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::quanta::registerAllDialects(registry);
  mlir::quanta::registerAllPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Quanta optimizer driver\n", registry));
}
