//===- Numerics.h - Quanta numerics reference library -----------*- C++ -*-===//
//
// Umbrella header of quanta::ref, the numerics reference library: formats and
// bit-exact conversions (Formats.h), affine quantization, layouts and int4
// packing (Quantize.h), requantization (Requantize.h), parameter computation
// (ComputeParams.h) and the quantized matmul reference (Matmul.h).
// The conventions are documented in docs/Numerics.md.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_REFERENCE_NUMERICS_H
#define QUANTA_REFERENCE_NUMERICS_H

#include "quanta/Reference/ComputeParams.h"
#include "quanta/Reference/Formats.h"
#include "quanta/Reference/Matmul.h"
#include "quanta/Reference/Quantize.h"
#include "quanta/Reference/Requantize.h"

#endif // QUANTA_REFERENCE_NUMERICS_H
