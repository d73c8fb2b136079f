//===- Pipelines.h - Quanta's named pass pipelines --------------*- C++ -*-===//
//
// This file declares the pass pipelines shared by quanta-opt, the compiler
// driver and the C API. The CPU compilation is two named phases, so that a
// driver can read the entry points' ABI between them.
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

/// Phase 1 (`quanta-lower-to-linalg`): import, lower Quanta ops to
/// linalg.generic on tensors, fuse them and record the entry points' C ABI.
void buildLowerToLinalgPipeline(OpPassManager &pm);

/// What the target machine offers the lowering.
struct LoweringOptions {
  /// Lower u8 x s8 matmul cores to the AVX-512 VNNI kernel.
  bool avx512vnni = false;
};

/// Phase 2 (`quanta-lower-linalg-to-llvm`): bufferize with results as
/// out-parameters, use the target's matmul kernels, lower to loops (LLVM
/// vectorizes them for the target), expand FP8 casts and lower to the LLVM
/// dialect with the C wrappers.
void buildLowerLinalgToLLVMPipeline(OpPassManager &pm,
                                    const LoweringOptions &options = {});

/// Both phases (`quanta-lower-to-llvm`).
void buildLowerToLLVMPipeline(OpPassManager &pm);

/// Registers the pipelines above with the pass registry.
void registerPipelines();

} // namespace quanta
} // namespace mlir

#endif // QUANTA_PIPELINES_PIPELINES_H
