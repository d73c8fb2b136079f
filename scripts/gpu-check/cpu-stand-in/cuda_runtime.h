// CPU stand-ins for the CUDA runtime calls of scripts/gpu-check/harness.cpp:
// device buffers are host memory, so the harness runs against kernels.mlir
// compiled for the host CPU (test/GPU/gpu-check-harness.mlir). This checks
// the harness itself (its reference composition, the entry points' C
// signatures, int4 packing) without a GPU; the CPU kernels are the op's
// definition, so every check must pass with no error at all for the
// bit-exact forms.
#pragma once
#define QUANTA_CPU_STAND_IN 1
#include <cstdlib>
#include <cstring>
#include <cstddef>
typedef int cudaError_t;
enum { cudaSuccess = 0 };
enum cudaMemcpyKind { cudaMemcpyHostToDevice, cudaMemcpyDeviceToHost };
struct cudaDeviceProp { char name[256]; int major, minor; };
inline const char *cudaGetErrorString(cudaError_t) { return "error"; }
template <typename T> inline cudaError_t cudaMalloc(T **p, size_t n) { *p = (T *)std::malloc(n); return 0; }
inline cudaError_t cudaFree(void *p) { std::free(p); return 0; }
inline cudaError_t cudaMemcpy(void *d, const void *s, size_t n, cudaMemcpyKind) { std::memcpy(d, s, n); return 0; }
inline cudaError_t cudaDeviceSynchronize() { return 0; }
inline cudaError_t cudaGetDeviceProperties(cudaDeviceProp *p, int) { std::strcpy(p->name, "CPU stand-in"); p->major = 0; p->minor = 0; return 0; }
typedef void *cudaStream_t;
inline cudaError_t cudaStreamCreate(cudaStream_t *s) { *s = nullptr; return 0; }
inline cudaError_t cudaStreamSynchronize(cudaStream_t) { return 0; }
