//===- GPUOnHost.h - The GPU-on-host runtime's interface ---------*- C++
//-*-===//
//
// This file declares what the kernels of --quanta-gpu-launches-to-host-fibers
// call in the GPU-on-host runtime (runtime/gpu-on-host) and the codes of
// their arguments, shared by the pass, the runtime and its tests.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_RUNTIME_GPUONHOST_H
#define QUANTA_RUNTIME_GPUONHOST_H

#include <cstdint>

namespace quanta::gpu_on_host {

/// A launch's shared memory lies in one window of this size and alignment:
/// wgmma descriptors keep 18 bits of its addresses, cp.async 32.
constexpr int64_t kSharedWindow = int64_t(256) << 10;

/// `quanta_gpu_host_id`'s argument: the first of each group's x, y, z.
enum IdGroup : int32_t { ThreadId = 0, BlockId = 3, BlockDim = 6, GridDim = 9 };

/// `quanta_gpu_host_mma`'s kind: the operand formats, plus kMmaFlagA /
/// kMmaFlagB for a signed (int8) or E5M2 (FP8) operand A / B; the flags
/// alone are `quanta_gpu_host_dp4a`'s kind (signed bytes of a / b).
enum MmaKind : int32_t { MmaInt8 = 1, MmaF16 = 2, MmaBF16 = 3, MmaFP8 = 4 };
constexpr int32_t kMmaFlagA = 1 << 8, kMmaFlagB = 1 << 9;

/// `quanta_gpu_host_shuffle`'s mode.
enum ShuffleMode : int32_t { ShuffleXor = 0, ShuffleDown = 1, ShuffleIdx = 2 };

} // namespace quanta::gpu_on_host

extern "C" {
void quanta_gpu_host_launch(int64_t gridX, int64_t gridY, int64_t gridZ,
                            int64_t blockX, int64_t blockY, int64_t blockZ,
                            int64_t shared, int64_t sharedBytes,
                            void (*entry)(void *), void *env);
int64_t quanta_gpu_host_id(int32_t which);
void quanta_gpu_host_barrier();
int64_t quanta_gpu_host_shuffle(int32_t value, int32_t offset, int32_t width,
                                int32_t mode);
void quanta_gpu_host_ldmatrix(int64_t address, int32_t count, int64_t out);
void quanta_gpu_host_mma(int32_t kind, int64_t buffer);
int32_t quanta_gpu_host_dp4a(int32_t kind, int32_t a, int32_t b, int32_t c);
int32_t quanta_gpu_host_cvt_f16x2(int32_t e5m2, int32_t pair);
void quanta_gpu_host_cp_async(int32_t shared, int64_t global, int32_t bytes);
void quanta_gpu_host_cp_async_commit();
void quanta_gpu_host_cp_async_wait(int32_t newest);
void quanta_gpu_host_wgmma(int32_t n, int32_t kind, int64_t descA,
                           int64_t descB, int64_t acc);
void quanta_gpu_host_wgmma_commit();
void quanta_gpu_host_wgmma_wait(int32_t pending);
}

#endif // QUANTA_RUNTIME_GPUONHOST_H
