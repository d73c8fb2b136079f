//===- Target.h - Code emission for a target machine ------------*- C++ -*-===//
//
// This file declares how Quanta turns an LLVM-dialect module into LLVM IR,
// assembly or an object file for a target triple and CPU, and how it
// describes the entry points in a C header.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_TARGET_TARGET_H
#define QUANTA_TARGET_TARGET_H

#include "quanta/Transforms/EntryPoints.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/SmallString.h"

#include <string>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace mlir::quanta {

/// What to produce.
enum class EmitKind { Object, Assembly, LLVMIR, MLIR, PTX };

/// The machine to generate code for. Empty fields mean the host.
struct TargetOptions {
  std::string triple;
  std::string cpu;
  std::string features;
  unsigned optLevel = 3;
};

/// Resolves empty fields to the host's triple, CPU and CPU features.
TargetOptions resolveHost(TargetOptions options);

/// Returns why the target is unknown to this LLVM, or an empty string.
std::string checkTarget(const TargetOptions &options);

/// Whether `cpu` names a processor of the target `triple` (e.g. sm_90 for
/// nvptx64-nvidia-cuda).
bool isKnownCPU(StringRef triple, StringRef cpu);

/// The NVIDIA GPU architectures the GPU pipeline compiles for: sm_80 and
/// newer (the tensor-core kernels' mma.sync), up to sm_90a (the PTX ISA
/// version the pipeline picks, 8.4, ends there).
bool isSupportedGPUArch(StringRef chip);

/// Appends the PTX of the GPU kernel modules of `module` (after the NVVM
/// lowering), merged into one PTX module, to `output`; fails when there is
/// none.
LogicalResult extractPTX(ModuleOp module, SmallVectorImpl<char> &output);

/// The directory of the CUDA toolkit whose `bin/` has `ptxas` and
/// `fatbinary` (the tools that compile GPU kernels to cubins): the first of
/// $CUDA_ROOT, $CUDA_HOME, $CUDA_PATH, the toolkit of the `ptxas` on PATH
/// and /usr/local/cuda that has both; empty when none has.
std::string findCUDAToolkit();

/// Whether the target machine (triple, CPU and features) has `feature`, an
/// LLVM subtarget feature name such as "avx512vnni".
bool hasTargetFeature(const TargetOptions &options, StringRef feature);

/// Translates an LLVM-dialect module to LLVM IR, optimizes it for the target
/// (loop vectorization at -O2/-O3) and emits `kind` into `output`.
/// Position-independent code, so objects link into PIE executables.
LogicalResult emitModule(ModuleOp module, const TargetOptions &options,
                         EmitKind kind, SmallVectorImpl<char> &output);

/// Writes a C header declaring every entry point, with shapes and element
/// encodings in comments; for `gpu` host code also each `<name>_async`
/// variant, which takes the caller's stream.
void writeHeader(ArrayRef<EntryPoint> entries, StringRef guard, bool gpu,
                 llvm::raw_ostream &os);

} // namespace mlir::quanta

#endif // QUANTA_TARGET_TARGET_H
