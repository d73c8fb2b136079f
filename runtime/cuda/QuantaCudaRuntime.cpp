//===- QuantaCudaRuntime.cpp - CUDA driver shim for GPU entry points ------===//
//
// This file implements the `mgpu*` functions that the host code of
// quanta-compile's nvptx64 objects calls (the interface of MLIR's
// CudaRuntimeWrappers, which Debian does not ship) on top of the CUDA driver
// API: it loads the embedded PTX once per module and launches kernels on the
// stream an entry point gives (the caller's for `f_async`, one created per
// call for `f`, docs/ABI.md), on which it also allocates and frees the entry
// point's temporary buffers. CUDA errors are reported on stderr and abort
// the process, since the entry points have no error result.
//
//===----------------------------------------------------------------------===//

#include <cuda.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace {

void check(CUresult result, const char *what) {
  if (result == CUDA_SUCCESS)
    return;
  const char *name = "unknown error";
  cuGetErrorName(result, &name);
  std::fprintf(stderr, "quanta CUDA runtime: %s failed: %s\n", what, name);
  std::abort();
}

/// The primary context of the device QUANTA_CUDA_DEVICE (default 0), made
/// current on the calling thread.
void makeContextCurrent() {
  static CUcontext context = [] {
    check(cuInit(0), "cuInit");
    int ordinal = 0;
    if (const char *env = std::getenv("QUANTA_CUDA_DEVICE"))
      ordinal = std::atoi(env);
    CUdevice device;
    check(cuDeviceGet(&device, ordinal), "cuDeviceGet");
    CUcontext primary;
    check(cuDevicePrimaryCtxRetain(&primary, device),
          "cuDevicePrimaryCtxRetain");
    return primary;
  }();
  check(cuCtxSetCurrent(context), "cuCtxSetCurrent");
}

} // namespace

extern "C" {

/// Loads a PTX module (JIT-compiled by the driver for the current device).
void *mgpuModuleLoadJIT(void *data, int optLevel) {
  makeContextCurrent();
  CUjit_option options[] = {CU_JIT_OPTIMIZATION_LEVEL};
  void *values[] = {reinterpret_cast<void *>(static_cast<intptr_t>(optLevel))};
  CUmodule module;
  check(cuModuleLoadDataEx(&module, data, 1, options, values),
        "cuModuleLoadDataEx");
  return module;
}

/// Loads a cubin or PTX module.
void *mgpuModuleLoad(void *data, size_t /*size*/) {
  makeContextCurrent();
  CUmodule module;
  check(cuModuleLoadData(&module, data), "cuModuleLoadData");
  return module;
}

void mgpuModuleUnload(void *module) {
  // Modules are unloaded by global destructors, possibly after the driver
  // has shut down: ignore errors then.
  cuModuleUnload(static_cast<CUmodule>(module));
}

void *mgpuModuleGetFunction(void *module, const char *name) {
  CUfunction function;
  check(cuModuleGetFunction(&function, static_cast<CUmodule>(module), name),
        "cuModuleGetFunction");
  return function;
}

/// The stream of a synchronous entry point's call: a blocking one, so that
/// its kernels also wait for work the caller queued on the legacy default
/// stream (e.g. an asynchronous copy of the inputs).
void *mgpuStreamCreate() {
  makeContextCurrent();
  CUstream stream;
  check(cuStreamCreate(&stream, CU_STREAM_DEFAULT), "cuStreamCreate");
  return stream;
}

void mgpuStreamSynchronize(void *stream) {
  check(cuStreamSynchronize(static_cast<CUstream>(stream)),
        "cuStreamSynchronize");
}

void mgpuStreamDestroy(void *stream) {
  check(cuStreamDestroy(static_cast<CUstream>(stream)), "cuStreamDestroy");
}

void mgpuLaunchKernel(void *function, intptr_t gridX, intptr_t gridY,
                      intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t sharedMemBytes, void *stream,
                      void **params, void **extra, size_t /*paramsCount*/) {
  makeContextCurrent();
  // Dynamic shared memory beyond the default 48 KiB must be opted into per
  // kernel (the wgmma kernels' ring of buffers).
  if (sharedMemBytes > 48 * 1024)
    check(cuFuncSetAttribute(static_cast<CUfunction>(function),
                             CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES,
                             sharedMemBytes),
          "cuFuncSetAttribute");
  check(cuLaunchKernel(static_cast<CUfunction>(function), gridX, gridY, gridZ,
                       blockX, blockY, blockZ, sharedMemBytes,
                       static_cast<CUstream>(stream), params, extra),
        "cuLaunchKernel");
}

/// A temporary buffer of an entry point (--quanta-allocate-device-buffers),
/// allocated in stream order on the entry point's stream, so that the
/// caller never waits for it. Host-shared memory is never asked for.
void *mgpuMemAlloc(uint64_t sizeBytes, void *stream, bool /*isHostShared*/) {
  if (sizeBytes == 0)
    return nullptr;
  makeContextCurrent();
  CUdeviceptr pointer;
  check(cuMemAllocAsync(&pointer, sizeBytes, static_cast<CUstream>(stream)),
        "cuMemAllocAsync");
  return reinterpret_cast<void *>(pointer);
}

/// Frees a temporary buffer in stream order, after the kernels using it.
void mgpuMemFree(void *pointer, void *stream) {
  if (!pointer)
    return;
  check(cuMemFreeAsync(reinterpret_cast<CUdeviceptr>(pointer),
                       static_cast<CUstream>(stream)),
        "cuMemFreeAsync");
}

} // extern "C"
