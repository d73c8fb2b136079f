//===- InitAll.h - Register every Quanta dialect and pass -------*- C++ -*-===//
//
// This file declares the registration entry points shared by quanta-opt, the
// compiler driver and the C API.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_INITALL_H
#define QUANTA_INITALL_H

namespace mlir {
class DialectRegistry;
namespace quanta {

/// Adds the Quanta dialect and every dialect Quanta's input and pipelines use.
void registerAllDialects(DialectRegistry &registry);

/// Registers Quanta's passes and the upstream passes its pipelines use.
void registerAllPasses();

} // namespace quanta
} // namespace mlir

#endif // QUANTA_INITALL_H
