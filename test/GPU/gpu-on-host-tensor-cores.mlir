// The tensor-core matmul kernels run on the host: quanta-compile
// --gpu-on-host with a --gpu-arch sets matmuls aside for that GPU's kernels
// (mma.sync with ldmatrix, shuffles, dp4a, cp.async; wgmma on sm_90a), whose
// threads the GPU-on-host runtime runs as fibers, computing each warp
// operation from the PTX ISA's definition (runtime/gpu-on-host). The
// results are checked as on a GPU: integer accumulation bit for bit, f32
// accumulation within the bound of docs/GPU.md.

// The random matmul forms (the generator's default seed, which
// scripts/gpu-check.sh runs on a GPU) for sm_90: every mma.sync family.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %S/../Integration/Random/matmul-cases.py %t/cases.mlir %t/cases.inc
// RUN: quanta-compile %t/cases.mlir --gpu-on-host --gpu-arch=sm_90 -o %t/sm_90.o --header=%t/sm_90.h
// RUN: llvm-nm %t/sm_90.o | FileCheck %s --check-prefix=MMA
// RUN: %cxx_harness -DQUANTA_GPU_ACCUMULATION -include %t/sm_90.h -DCASES_INC='"%t/cases.inc"' %S/../Integration/Random/matmul-harness.cpp %t/sm_90.o %quanta_ref_lib %quanta_gpu_on_host_lib -o %t/sm_90.exe
// RUN: %t/sm_90.exe | FileCheck %s --check-prefix=RANDOM
// Again with the threads and blocks scheduled from the last to the first:
// threads that read what others write with no barrier between would differ.
// RUN: env QUANTA_GPU_HOST_ORDER=reverse %t/sm_90.exe | FileCheck %s --check-prefix=RANDOM

// The checks of scripts/gpu-check.sh (without the benchmark) with the
// kernels for sm_90a: int8 with N x K weights and no zero points on wgmma.
// RUN: quanta-compile %S/../../scripts/gpu-check/kernels.mlir --gpu-on-host --gpu-arch=sm_90a -o %t/kernels.o --header=%t/kernels.h
// RUN: quanta-compile %S/../../scripts/gpu-check/kernels-fp8.mlir --gpu-on-host --gpu-arch=sm_90a -o %t/kernels-fp8.o --header=%t/kernels-fp8.h
// RUN: llvm-nm %t/kernels.o | FileCheck %s --check-prefix=WGMMA
// RUN: %cxx_harness -I%t -I%S/../../scripts/gpu-check/cpu-stand-in %S/../../scripts/gpu-check/harness.cpp %t/kernels.o %t/kernels-fp8.o %quanta_ref_lib %quanta_gpu_on_host_lib -o %t/gpu-check
// RUN: %t/gpu-check --no-bench | FileCheck %S/gpu-check-harness.mlir

// MMA-DAG: U quanta_gpu_host_launch
// MMA-DAG: U quanta_gpu_host_mma
// MMA-DAG: U quanta_gpu_host_ldmatrix
// MMA-DAG: U quanta_gpu_host_shuffle
// MMA-DAG: U quanta_gpu_host_dp4a
// MMA-DAG: U quanta_gpu_host_barrier

// RANDOM-NOT: got
// RANDOM-DAG: fp8: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// RANDOM-DAG: integer: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// RANDOM-DAG: linalg: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// RANDOM-DAG: mixed: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// RANDOM-DAG: qdq: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// RANDOM-DAG: w4a8: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// RANDOM-DAG: w8a8: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// RANDOM-DAG: weight_only f16: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// RANDOM-NOT: {{[1-9][0-9]*}} mismatches
// RANDOM: ALL MATCH (integer accumulation bit-exact, f32 within the bound)

// WGMMA-DAG: U quanta_gpu_host_wgmma
// WGMMA-DAG: U quanta_gpu_host_wgmma_wait
// WGMMA-DAG: U quanta_gpu_host_cp_async
// WGMMA-DAG: U quanta_gpu_host_cp_async_wait
