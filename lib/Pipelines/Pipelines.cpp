//===- Pipelines.cpp - Quanta's named pass pipelines ----------------------===//
//
// This file implements the pass pipelines shared by Quanta's tools.
//
//===----------------------------------------------------------------------===//

#include "quanta/Pipelines/Pipelines.h"
#include "quanta/Conversion/Passes.h"
#include "quanta/Dialect/Quanta/Passes.h"
#include "quanta/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/Pipelines/Passes.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/Quant/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void mlir::quanta::buildImportPipeline(OpPassManager &pm) {
  pm.addPass(createCheckDimIndices());
  pm.addPass(createConvertQuantToQuanta());
  pm.addPass(quant::createStripFuncQuantTypes());
  // Calls inlined: the public functions are the C entry points, whose
  // result sizes are traced through their bodies, and whose bodies the GPU
  // kernels launch from. Element-wise arith and math ops on tensors become
  // linalg.generic ops, as the Quanta ops do.
  pm.addPass(createInlineCalls());
  pm.addPass(createConvertElementwiseToLinalgPass());
  pm.addPass(createCanonicalizerPass());
  // Integer matmuls as frontends emit them (linalg.quantized_matmul, i8
  // linalg.matmul, tosa.matmul), after canonicalization has folded their
  // zero points into constants.
  pm.addPass(createConvertLinalgToQuanta());
  pm.addPass(createConvertTosaToQuanta());
  // Before CSE, which could merge two dequantizations of one tensor into one
  // value with several uses.
  pm.addPass(createQuantaFuseMatmul());
  pm.addPass(createCSEPass());
}

void mlir::quanta::buildLowerToLinalgPipeline(OpPassManager &pm,
                                              const GPUOptions *gpu) {
  buildImportPipeline(pm);
  if (gpu) {
    OutlineGPUMatmulOptions outline;
    outline.chip = gpu->chip;
    pm.addPass(createOutlineGPUMatmul(outline));
  }
  pm.addPass(createConvertQuantaToLinalg());
  pm.addPass(createLinalgElementwiseOpFusionPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createPrepareEntryPoints());
  // GPU matmul kernels read int4 arguments packed; on the CPU, int4
  // arguments transposed (weights given N x K) are transposed as bytes.
  if (gpu)
    pm.addPass(createGPUMatmulPackedInt4());
  else
    pm.addPass(createTransposeBeforeNarrowing());
  // The int4 arguments' truncations to i4 fuse into their consumers.
  pm.addPass(createLinalgElementwiseOpFusionPass());
  pm.addPass(createCanonicalizerPass());
}

/// One-shot bufferization with identity layouts at function boundaries. The
/// tensor constants' globals are created first, in program order: One-Shot
/// Bufferize would create them in its function order, which changes from run
/// to run.
static void addBufferize(OpPassManager &pm) {
  bufferization::OneShotBufferizePassOptions bufferize;
  quanta::ConstantGlobalsOptions globals;
  globals.alignment = bufferize.bufferAlignment;
  pm.addPass(quanta::createConstantGlobals(globals));
  bufferize.bufferizeFunctionBoundaries = true;
  // compute_params' percentile loop yields fresh tensors.
  bufferize.allowReturnAllocsFromLoops = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
}

/// Results become out-parameters, written in place. A buffer returned in
/// several results is copied first: each result is its own out-parameter,
/// and the upstream pass crashes on an allocation returned twice. For the
/// GPU (`device`), so is every returned buffer that is not an allocation:
/// the upstream pass would copy it with a host memcpy.
static void addResultsToOutParams(OpPassManager &pm, bool device) {
  quanta::CopyRepeatedResultsOptions copies;
  copies.nonAllocations = device;
  pm.addPass(quanta::createCopyRepeatedResults(copies));
  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.hoistStaticAllocs = true;
  outParams.hoistDynamicAllocs = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
}

/// Loops on buffers to the LLVM dialect with the C wrappers (`openmp`:
/// scf.parallel loops on OpenMP threads).
static void addLoopsToLLVM(OpPassManager &pm, bool openmp) {
  // Strided metadata expansion creates affine.apply ops: lower them after.
  pm.addPass(quanta::createReinterpretExpandShapes());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  if (openmp) {
    pm.addPass(createConvertSCFToOpenMPPass());
    // The conversion wraps loop bodies in memref.alloca_scope ops, which
    // control flow lowering cannot handle.
    pm.addPass(quanta::createInlineAllocaScopes());
  }
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(createConvertToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(quanta::createEmitEntryPoints());
}

void mlir::quanta::buildLowerLinalgToLLVMPipeline(
    OpPassManager &pm, const LoweringOptions &options) {
  // A tensor.empty inserted into a slice becomes that slice, so that the op
  // writing it works in place.
  pm.addPass(bufferization::createEmptyTensorEliminationPass());
  addBufferize(pm);
  // Inserting a slice computed in place leaves a copy between two identical
  // subviews: CSE merges them, canonicalization then drops the self-copy.
  // Canonicalization also makes a loop that writes a result in place (a
  // batched matmul's loop over the batches) return the allocation itself,
  // which then becomes the out-parameter instead of being copied to it.
  pm.addPass(createCSEPass());
  pm.addPass(createCanonicalizerPass());
  addResultsToOutParams(pm, /*device=*/false);
  // The deallocation pipeline ends with CSE and canonicalization.
  bufferization::BufferDeallocationPipelineOptions dealloc;
  bufferization::buildBufferDeallocationPipeline(pm, dealloc);
  pm.addPass(createStridedCopiesToLinalg());
  if (options.avx512vnni || options.avxvnni || options.avx512bw ||
      options.avx2 || options.avx512bf16 || options.neonI8mm ||
      options.neonDotProd || options.vectorBits) {
    LowerMatmulKernelsOptions kernels;
    kernels.int8 = options.avx512vnni    ? "avx512vnni"
                   : options.avxvnni     ? "avxvnni"
                   : options.avx512bw    ? "avx512bw"
                   : options.avx2        ? "avx2"
                   : options.neonI8mm    ? "neon-i8mm"
                   : options.neonDotProd ? "neon-dotprod"
                                         : "none";
    kernels.bf16 = options.avx512bf16;
    kernels.amx = options.amx;
    kernels.vectorBits = options.vectorBits;
    kernels.streamPrefetch = options.streamPrefetch;
    kernels.parallel = options.threads;
    pm.addPass(createLowerMatmulKernels(kernels));
  }
  // After the kernels, which read some transposed operands in place.
  pm.addPass(createBlockTransposes());
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  ExpandFloatCastsOptions casts;
  casts.viaF16 = options.f16c;
  pm.addPass(createExpandFloatCasts(casts));
  addLoopsToLLVM(pm, options.threads);
}

/// The GPU pipeline up to its kernels: bufferization, tensor-core matmuls,
/// the rest as plain kernels (gpu.launch) with device temporaries, the
/// FP8/bf16 casts expanded, and the math ops that would need libdevice.
static void addGPULaunches(OpPassManager &pm,
                           const quanta::GPUOptions &options) {
  // Bufferize with identity layouts at function boundaries, lower the
  // set-aside matmuls (--quanta-outline-gpu-matmul) to tensor-core kernels
  // writing their destination buffers, then make results out-parameters
  // written in place. Reductions into few values first become partial
  // reductions over many threads, where that is exact.
  pm.addPass(quanta::createSplitReductions());
  addBufferize(pm);
  quanta::ConvertQuantaMatmulToNVVMOptions matmul;
  matmul.chip = options.chip;
  pm.addPass(quanta::createConvertQuantaMatmulToNVVM(matmul));
  addResultsToOutParams(pm, /*device=*/true);
  // As on the CPU: CSE merges the identical subviews of a copy that
  // canonicalization then drops. The copies left are kernels too, since the
  // buffers are device memory.
  pm.addPass(createCSEPass());
  pm.addPass(createCanonicalizerPass());
  quanta::StridedCopiesToLinalgOptions copies;
  copies.all = true;
  pm.addPass(quanta::createStridedCopiesToLinalg(copies));
  // Parallel loops, 256 threads per block along the outermost dimension,
  // mapped to gpu.launch; reductions inside the kernels.
  pm.addNestedPass<func::FuncOp>(quanta::createParallelDimsFirst());
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToParallelLoopsPass());
  pm.addNestedPass<func::FuncOp>(
      createParallelLoopTilingPass({256}, /*noMinMaxBounds=*/true));
  pm.addNestedPass<func::FuncOp>(createGpuMapParallelLoopsPass());
  pm.addNestedPass<func::FuncOp>(createConvertParallelLoopToGpuPass());
  // A batched matmul's loop over the batches allocates its temporaries in
  // each iteration; out of the loop (with their sizes), the device allocates
  // them once.
  pm.addPass(createLoopInvariantCodeMotionPass());
  pm.addNestedPass<func::FuncOp>(bufferization::createBufferHoistingPass());
  pm.addNestedPass<func::FuncOp>(bufferization::createBufferLoopHoistingPass());
  pm.addPass(quanta::createAllocateDeviceBuffers());
  pm.addPass(quanta::createExpandFloatCasts());
  // Rounding, floor, sqrt, copysign and absf without the NVVM lowering's
  // calls into libdevice, which the PTX would then need linked in.
  // (math.trunc lowers to cvt.rzi.)
  pm.addPass(quanta::createExpandMathForNVVM());
}

void mlir::quanta::buildLowerLinalgToNVVMPipeline(OpPassManager &pm,
                                                  const GPUOptions &options) {
  addGPULaunches(pm, options);
  // As on the CPU: the NVVM pipeline's --expand-strided-metadata crashes on
  // expansions into several dynamic sizes (batched matmuls with dynamic
  // batches).
  pm.addPass(createReinterpretExpandShapes());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createCanonicalizerPass());
  gpu::GPUToNVVMPipelineOptions nvvm;
  nvvm.cubinChip = options.chip;
  nvvm.cubinFeatures = options.features;
  // FP8 mma.sync (sm_89 and newer) needs PTX ISA 8.4.
  unsigned sm = 0;
  if (StringRef chip = options.chip; options.features == "+ptx80" &&
                                     chip.consume_front("sm_") &&
                                     !chip.consumeInteger(10, sm) && sm >= 89)
    nvvm.cubinFeatures = "+ptx84";
  // A fatbin: the driver loads its cubin on `chip`, and JIT-compiles its
  // PTX for other GPUs.
  nvvm.cubinFormat = options.embedCubin ? "fatbin" : "isa";
  // Constants that canonicalization hoisted out of the launches go back in,
  // so that kernels see immediates rather than parameters. Outlined here
  // (the NVVM pipeline's own outlining then finds nothing left) so that the
  // kernels get names of their own before serialization.
  pm.addNestedPass<func::FuncOp>(createGpuLaunchSinkIndexComputationsPass());
  pm.addPass(createGpuKernelOutliningPass());
  pm.addPass(createUniqueKernelNames());
  pm.addNestedPass<gpu::GPUModuleOp>(createAlignWorkgroupMemory());
  gpu::buildLowerToNVVMPassPipeline(pm, nvvm);
  // The serialization records its compile times in the objects.
  pm.addPass(createStripGPUObjectTimes());
  EmitEntryPointsOptions entryPoints;
  entryPoints.gpuStreams = true;
  pm.addPass(createEmitEntryPoints(entryPoints));
}

void mlir::quanta::buildLowerLinalgToGPUOnHostPipeline(
    OpPassManager &pm, const GPUOptions &options, bool reverse) {
  addGPULaunches(pm, options);
  // The tensor-core kernels' threads cooperate: fibers; the others' do not.
  pm.addPass(createGPULaunchesToHostFibers());
  GPULaunchesToHostLoopsOptions loops;
  loops.reverse = reverse;
  pm.addPass(createGPULaunchesToHostLoops(loops));
  addLoopsToLLVM(pm, /*openmp=*/false);
  pm.addPass(createHostKernelLaunchers());
}

void mlir::quanta::buildLowerToLLVMPipeline(OpPassManager &pm) {
  buildLowerToLinalgPipeline(pm);
  buildLowerLinalgToLLVMPipeline(pm);
}

void mlir::quanta::registerPipelines() {
  PassPipelineRegistration<>(
      "quanta-import",
      "Import frontend quant IR into Quanta ops with ONNX numerics (calls "
      "inlined, element-wise ops on tensors as linalg)",
      buildImportPipeline);
  PassPipelineRegistration<>(
      "quanta-lower-to-linalg",
      "Lower Quanta ops to linalg on tensors and record the C ABI",
      [](OpPassManager &pm) { buildLowerToLinalgPipeline(pm); });
  PassPipelineRegistration<>(
      "quanta-lower-linalg-to-llvm",
      "Bufferize, lower to loops and to the LLVM dialect with C wrappers",
      [](OpPassManager &pm) { buildLowerLinalgToLLVMPipeline(pm); });
  PassPipelineRegistration<>(
      "quanta-lower-linalg-to-nvvm",
      "Bufferize and lower to NVVM kernels (PTX) and an LLVM-dialect host",
      [](OpPassManager &pm) {
        // Run on their own (quanta-opt), the GPU pipelines first reject
        // out-of-range dimension indices, which upstream patterns crash on
        // (quanta-compile's import pipeline does it first).
        pm.addPass(createCheckDimIndices());
        buildLowerLinalgToNVVMPipeline(pm);
      });
  PassPipelineRegistration<>(
      "quanta-lower-linalg-to-gpu-on-host",
      "The GPU phase 2 with its kernels run as host loops (for testing)",
      [](OpPassManager &pm) {
        pm.addPass(createCheckDimIndices());
        buildLowerLinalgToGPUOnHostPipeline(pm);
      });
  PassPipelineRegistration<>("quanta-lower-to-llvm",
                             "Lower Quanta IR to the LLVM dialect",
                             buildLowerToLLVMPipeline);
}
