// The matmul execution tests compiled with --openmp: the kernels' column
// blocks (and the packing of B) run on OpenMP threads, writing disjoint
// columns, so the results are bit-exact against the reference for any
// number of threads; run with 1, 2 and 3 threads.
// REQUIRES: openmp
// RUN: quanta-compile %S/matmul.mlir --openmp --emit=llvm -o - | FileCheck %s --check-prefix=IR
// RUN: quanta-compile %S/matmul.mlir --openmp -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/matmul-harness.cpp %t.o %quanta_ref_lib %openmp_link -o %t.exe
// RUN: env OMP_NUM_THREADS=1 %t.exe | FileCheck %S/matmul.mlir
// RUN: env OMP_NUM_THREADS=2 %t.exe | FileCheck %S/matmul.mlir
// RUN: quanta-compile %S/matmul-integer.mlir --openmp -o %t.int.o --header=%t.int.h
// RUN: %cxx_harness -include %t.int.h %S/matmul-integer-harness.cpp %t.int.o %quanta_ref_lib %openmp_link -o %t.int.exe
// RUN: env OMP_NUM_THREADS=2 %t.int.exe | FileCheck %S/matmul-integer.mlir
// RUN: env OMP_NUM_THREADS=3 %t.int.exe | FileCheck %S/matmul-integer.mlir
// The packed-int4 kernel's blocks of columns, on 2 and 3 threads:
// RUN: quanta-compile %S/int4-kernel.mlir --openmp -o %t.int4.o --header=%t.int4.h
// RUN: %cxx_harness -include %t.int4.h %S/int4-kernel-harness.cpp %t.int4.o %quanta_ref_lib %openmp_link -o %t.int4.exe
// RUN: env OMP_NUM_THREADS=2 %t.int4.exe | FileCheck %S/int4-kernel.mlir
// RUN: env OMP_NUM_THREADS=3 %t.int4.exe | FileCheck %S/int4-kernel.mlir
// The weight-only int4 and 8-bit kernels, one block of column chunks per
// thread.
// RUN: quanta-compile %S/w4a32-kernel.mlir --openmp -o %t.w4a32.o --header=%t.w4a32.h
// RUN: %cxx_harness -include %t.w4a32.h %S/w4a32-kernel-harness.cpp %t.w4a32.o %quanta_ref_lib %openmp_link -o %t.w4a32.exe
// RUN: env OMP_NUM_THREADS=2 %t.w4a32.exe | FileCheck %S/w4a32-kernel.mlir
// RUN: env OMP_NUM_THREADS=3 %t.w4a32.exe | FileCheck %S/w4a32-kernel.mlir
// RUN: quanta-compile %S/w8a32-kernel.mlir --openmp -o %t.w8a32.o --header=%t.w8a32.h
// RUN: %cxx_harness -include %t.w8a32.h %S/w8a32-kernel-harness.cpp %t.w8a32.o %quanta_ref_lib %openmp_link -o %t.w8a32.exe
// RUN: env OMP_NUM_THREADS=2 %t.w8a32.exe | FileCheck %S/w8a32-kernel.mlir
// RUN: env OMP_NUM_THREADS=3 %t.w8a32.exe | FileCheck %S/w8a32-kernel.mlir
// W4A8 with activation zero points (the weights' column sums shared by the
// rows, each thread its own columns), the FP8 GEMV (its [M, K] buffer of
// dequantized activations filled before the threads start) and W4A16/W8A16.
// RUN: quanta-compile %S/int4-zp-kernel.mlir --openmp -o %t.zp.o --header=%t.zp.h
// RUN: %cxx_harness -include %t.zp.h %S/int4-zp-kernel-harness.cpp %t.zp.o %quanta_ref_lib %openmp_link -o %t.zp.exe
// RUN: env OMP_NUM_THREADS=2 %t.zp.exe | FileCheck %S/int4-zp-kernel.mlir
// RUN: env OMP_NUM_THREADS=3 %t.zp.exe | FileCheck %S/int4-zp-kernel.mlir
// RUN: quanta-compile %S/fp8-gemv.mlir --openmp -o %t.fp8.o --header=%t.fp8.h
// RUN: %cxx_harness -include %t.fp8.h %S/fp8-gemv-harness.cpp %t.fp8.o %quanta_ref_lib %openmp_link -o %t.fp8.exe
// RUN: env OMP_NUM_THREADS=2 %t.fp8.exe | FileCheck %S/fp8-gemv.mlir
// RUN: quanta-compile %S/w4a16-kernel.mlir --openmp -o %t.w16.o --header=%t.w16.h
// RUN: %cxx_harness -include %t.w16.h %S/w4a16-kernel-harness.cpp %t.w16.o %quanta_ref_lib %openmp_link -o %t.w16.exe
// RUN: env OMP_NUM_THREADS=2 %t.w16.exe | FileCheck %S/w4a16-kernel.mlir

// IR: call void {{.*}}@__kmpc_fork_call(
