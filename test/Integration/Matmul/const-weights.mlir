// Matmuls whose weights are constants in the IR: --quanta-lower-matmul-kernels
// packs them at compile time into <name>_packed globals (no packing at run
// time, and the GEMV reads them through register accumulators), bit-exact
// against the reference, serial and with OpenMP threads.
// REQUIRES: host-avx512bf16
// RUN: %python %S/gen-const-weights.py %t.mlir
// RUN: quanta-compile %t.mlir --mcpu=znver4 --emit=llvm -o - | FileCheck %s
// RUN: quanta-compile %t.mlir --mcpu=znver4 -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/const-weights-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s --check-prefix=EXEC
// RUN: %if openmp %{ quanta-compile %t.mlir --mcpu=znver4 --openmp -o %t.mt.o %}
// RUN: %if openmp %{ %cxx_harness -include %t.h %S/const-weights-harness.cpp %t.mt.o %quanta_ref_lib %openmp_link -o %t.mt.exe %}
// RUN: %if openmp %{ env OMP_NUM_THREADS=2 %t.mt.exe | FileCheck %s --check-prefix=EXEC %}

// The packed weights, [panel][k / 4][16 columns][4 rows]: B[0..3, 0] =
// -128, -97, -66, -35 then B[0..3, 1] = -111, -79, -47, -15; the original
// constants are gone.
// CHECK-DAG: @__constant_64x48xi8_packed = private unnamed_addr constant [3072 x i8] c"\80\9F\BE\DD\91\B1\D1\F1
// CHECK-DAG: @__constant_64x48xbf16_packed = private unnamed_addr constant [3072 x bfloat]
// CHECK-NOT: @__constant_64x48xi8 =
// EXEC-DAG: w8a8 constant weights: 0 mismatches
// EXEC-DAG: bf16 constant weights: 0 mismatches
