// The integer matmuls real frontends emit (quanta.matmul_integer, the
// linalg and TOSA forms; batched with a batched or a shared rhs, K = 40000
// with wrapping sums) on the GPU's int8 tensor-core kernels with an i32
// result, run on the GPU-on-host runtime (each block's threads as fibers
// computing mma.sync, ldmatrix, dp4a and shuffles from the PTX ISA) and
// compared bit for bit with ref::matmulInteger by the CPU test's harness.
// RUN: quanta-compile %S/../Integration/Matmul/matmul-integer.mlir --gpu-on-host --gpu-arch=sm_90 -o %t.o --header=%t.h
// RUN: llvm-nm %t.o | FileCheck %s
// RUN: %cxx_harness -include %t.h %S/../Integration/Matmul/matmul-integer-harness.cpp %t.o %quanta_ref_lib %quanta_gpu_on_host_lib -o %t.exe
// RUN: %t.exe | FileCheck %S/../Integration/Matmul/matmul-integer.mlir
// Again with the threads and blocks scheduled from the last to the first.
// RUN: env QUANTA_GPU_HOST_ORDER=reverse %t.exe | FileCheck %S/../Integration/Matmul/matmul-integer.mlir

// CHECK-DAG: U quanta_gpu_host_mma
// CHECK-DAG: U quanta_gpu_host_dp4a
// CHECK-DAG: U quanta_gpu_host_ldmatrix
