//===- Pipelines.h - Quanta's named pass pipelines --------------*- C++ -*-===//
//
// This file declares the pass pipelines shared by quanta-opt, the compiler
// driver and the C API.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_PIPELINES_PIPELINES_H
#define QUANTA_PIPELINES_PIPELINES_H

namespace mlir {
class OpPassManager;
namespace quanta {

/// Imports frontend IR: upstream `quant.qcast`/`quant.dcast` become Quanta ops
/// with ONNX numerics, quantized types leave function signatures, and
/// Q/DQ pairs fold (`quanta-import` in quanta-opt).
void buildImportPipeline(OpPassManager &pm);

/// Registers the pipelines above with the pass registry.
void registerPipelines();

} // namespace quanta
} // namespace mlir

#endif // QUANTA_PIPELINES_PIPELINES_H
