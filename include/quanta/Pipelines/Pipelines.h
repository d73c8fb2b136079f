//===- Pipelines.h - Quanta's named pass pipelines --------------*- C++ -*-===//
//
// This file declares the pass pipelines shared by quanta-opt, the compiler
// driver and the C API. The CPU compilation is two named phases, so that a
// driver can read the entry points' ABI between them.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_PIPELINES_PIPELINES_H
#define QUANTA_PIPELINES_PIPELINES_H

#include <string>

namespace mlir {
class OpPassManager;
namespace quanta {

/// Imports frontend IR: upstream `quant.qcast`/`quant.dcast` become Quanta ops
/// with ONNX numerics, quantized types leave function signatures, Q/DQ pairs
/// fold, integer matmuls (linalg.quantized_matmul, i8 linalg.matmul,
/// tosa.matmul) become quanta.matmul_integer, and QDQ matmuls become
/// quanta.matmul (`--quanta-fuse-matmul` with its default, bit-exact options)
/// (`quanta-import` in quanta-opt).
void buildImportPipeline(OpPassManager &pm);

struct GPUOptions;

/// Phase 1 (`quanta-lower-to-linalg`): import, lower Quanta ops to
/// linalg.generic on tensors, fuse them and record the entry points' C ABI.
/// For a GPU (`gpu` given), the matmuls that have tensor-core kernels are set
/// aside first (`--quanta-outline-gpu-matmul`).
void buildLowerToLinalgPipeline(OpPassManager &pm,
                                const GPUOptions *gpu = nullptr);

/// What the target machine offers the lowering.
struct LoweringOptions {
  /// Lower u8 x s8 matmul cores to the AVX-512 VNNI kernel.
  bool avx512vnni = false;
  /// Lower bf16 x bf16 -> f32 linalg.matmul to the AVX512-BF16 kernel.
  bool avx512bf16 = false;
  /// Bytes ahead that the int8 kernel's few-rows path prefetches each of
  /// its streams of B (`stream-prefetch` of --quanta-lower-matmul-kernels).
  int64_t streamPrefetch = 32 << 10;
  /// With avx512vnni / avx512bf16: compute the int8 and bf16 kernels' blocks
  /// of 32 x 32 in AMX tiles (x86 amx-int8 and amx-bf16).
  bool amx = false;
  /// Lower u8 x s8 matmul cores to the AVX-VNNI (256-bit vpdpbusd) kernel
  /// (when not avx512vnni).
  bool avxvnni = false;
  /// Lower u8 x s8 matmul cores to the AVX-512BW vpmaddwd kernel (when
  /// neither VNNI).
  bool avx512bw = false;
  /// Lower u8 x s8 matmul cores to the AVX2 vpmaddwd kernel (when neither
  /// VNNI nor AVX-512BW).
  bool avx2 = false;
  /// Lower u8 x s8 matmul cores to the AArch64 NEON usdot (i8mm) kernel.
  bool neonI8mm = false;
  /// Without i8mm: the AArch64 NEON sdot (dotprod) kernel.
  bool neonDotProd = false;
  /// Bits of the vector registers for the weight-only kernels (512 on
  /// AVX-512, 256 on AVX2, 128 on NEON; 0: none).
  int64_t vectorBits = 0;
  /// Expand vector FP8 -> f32 casts through f16 (x86 F16C `vcvtph2ps`):
  /// `--quanta-expand-float-casts="via-f16=true"`.
  bool f16c = false;
  /// Run the matmul kernels' column blocks on OpenMP threads (the object
  /// then needs an OpenMP runtime, libomp).
  bool threads = false;
};

/// Phase 2 (`quanta-lower-linalg-to-llvm`): bufferize with results as
/// out-parameters, use the target's matmul kernels, lower to loops (LLVM
/// vectorizes them for the target), expand FP8 casts and lower to the LLVM
/// dialect with the C wrappers.
void buildLowerLinalgToLLVMPipeline(OpPassManager &pm,
                                    const LoweringOptions &options = {});

/// The NVIDIA GPU to compile kernels for.
struct GPUOptions {
  /// `sm_80`, `sm_89`, `sm_90`, ...
  std::string chip = "sm_80";
  /// PTX ISA features of the NVPTX backend (`+ptx80`).
  std::string features = "+ptx80";
  /// Embed each kernel module as a fatbin holding its PTX and a cubin for
  /// `chip` (compiled by the CUDA toolkit's `ptxas` and `fatbinary`, which
  /// must be found through $CUDA_ROOT or PATH) instead of the PTX alone.
  bool embedCubin = false;
};

/// Phase 2 for NVIDIA GPUs (`quanta-lower-linalg-to-nvvm`): bufferize with
/// results as out-parameters, map the element-wise loops to GPU blocks and
/// threads, outline them as kernels compiled to PTX by LLVM's NVPTX backend,
/// and lower the host side to the LLVM dialect: entry points that load the
/// PTX module once and launch the kernels through the `mgpu*` runtime
/// functions (runtime/cuda), with the same C wrappers as on the CPU; their
/// pointers are device pointers.
void buildLowerLinalgToNVVMPipeline(OpPassManager &pm,
                                    const GPUOptions &options = {});

/// Phase 2 of the GPU pipeline run on the host, for testing it without a GPU
/// (`quanta-lower-linalg-to-gpu-on-host`, `quanta-compile --gpu-on-host`):
/// the NVVM pipeline up to its kernels for `options.chip`, which then run on
/// the host, lowered as on the CPU, with the CPU's C ABI: the tensor-core
/// matmul kernels (when phase 1 set matmuls aside for that chip) on the
/// GPU-on-host runtime's fibers (`--quanta-gpu-launches-to-host-fibers`;
/// link runtime/gpu-on-host), the others as loops
/// (`--quanta-gpu-launches-to-host-loops`, which also reports host code
/// touching buffers; with `reverse`, each launch's threads from the last to
/// the first).
void buildLowerLinalgToGPUOnHostPipeline(OpPassManager &pm,
                                         const GPUOptions &options = {},
                                         bool reverse = false);

/// Both phases (`quanta-lower-to-llvm`).
void buildLowerToLLVMPipeline(OpPassManager &pm);

/// Registers the pipelines above with the pass registry.
void registerPipelines();

} // namespace quanta
} // namespace mlir

#endif // QUANTA_PIPELINES_PIPELINES_H
