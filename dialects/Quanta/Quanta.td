//===- Quanta.td - Quanta dialect top-level file -----------*- tablegen -*-===//
//
// This file includes every TableGen source of the Quanta dialect.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_TD
#define QUANTA_TD

include "QuantaBase.td"
include "QuantaEnums.td"
include "QuantaAttrs.td"
include "QuantaOps.td"

#endif // QUANTA_TD
