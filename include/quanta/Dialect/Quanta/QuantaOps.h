//===- QuantaOps.h - Quanta operations --------------------------*- C++ -*-===//
//
// This file declares the operations of the Quanta dialect.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_DIALECT_QUANTA_QUANTAOPS_H
#define QUANTA_DIALECT_QUANTA_QUANTAOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "quanta/Dialect/Quanta/QuantaDialect.h"

#define GET_OP_CLASSES
#include "quanta/Dialect/Quanta/QuantaOps.h.inc"

#endif // QUANTA_DIALECT_QUANTA_QUANTAOPS_H
