//===- EntryPoints.h - C ABI of compiled functions --------------*- C++ -*-===//
//
// This file declares the description of the C entry points that
// `--quanta-prepare-entry-points` records, shared by the wrapper emission and
// the C header writer.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_TRANSFORMS_ENTRYPOINTS_H
#define QUANTA_TRANSFORMS_ENTRYPOINTS_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/BuiltinTypes.h"

#include <string>
#include <utility>

namespace mlir::quanta {

/// Where a dynamic result dimension comes from: dimension `dim` of argument
/// `arg`, divided by `divisor`; or, with `arg` negative, the constant `dim`
/// (a size that the program fixes, such as a static parameter's).
struct ResultDim {
  int64_t arg;
  int64_t dim;
  int64_t divisor;

  bool isConstant() const { return arg < 0; }
};

/// One public function as C sees it.
struct EntryPoint {
  /// The C symbol.
  std::string name;
  /// The tensor signature before lowering.
  FunctionType type;
  /// For each dynamic result dimension, in order, where it comes from.
  SmallVector<ResultDim> resultDims;
};

/// The suffix of the asynchronous variant of a GPU entry point, which takes
/// the caller's CUDA stream (docs/ABI.md).
constexpr llvm::StringLiteral kAsyncSuffix = "_async";

/// Reads the entry points recorded on the functions of `module` (at any
/// lowering stage after `--quanta-prepare-entry-points`).
FailureOr<SmallVector<EntryPoint>> getEntryPoints(ModuleOp module);

} // namespace mlir::quanta

#endif // QUANTA_TRANSFORMS_ENTRYPOINTS_H
