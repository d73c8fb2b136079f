//===- QuantaDialect.h - Quanta dialect -------------------------*- C++ -*-===//
//
// This file declares the Quanta dialect, its enums and attributes.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_DIALECT_QUANTA_QUANTADIALECT_H
#define QUANTA_DIALECT_QUANTA_QUANTADIALECT_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Attributes.h"
#include "mlir/IR/Dialect.h"

#include "quanta/Dialect/Quanta/QuantaDialect.h.inc"
#include "quanta/Dialect/Quanta/QuantaEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "quanta/Dialect/Quanta/QuantaAttrs.h.inc"

#endif // QUANTA_DIALECT_QUANTA_QUANTADIALECT_H
