//===- Passes.h - Quanta dialect passes -------------------------*- C++ -*-===//
//
// This file declares the transformations of Quanta IR (see
// dialects/Quanta/Passes.td).
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_DIALECT_QUANTA_PASSES_H
#define QUANTA_DIALECT_QUANTA_PASSES_H

#include "quanta/Dialect/Quanta/QuantaDialect.h"

#include "mlir/Pass/Pass.h"

namespace mlir {
namespace quanta {

#define GEN_PASS_DECL
#include "quanta/Dialect/Quanta/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "quanta/Dialect/Quanta/Passes.h.inc"

} // namespace quanta
} // namespace mlir

#endif // QUANTA_DIALECT_QUANTA_PASSES_H
