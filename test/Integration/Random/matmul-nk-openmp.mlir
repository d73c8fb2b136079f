// The kernels that read weights given N x K in place (see matmul-nk.mlir)
// compiled with --openmp: each thread's block of columns a segment of the
// weights' rows, on 1 and 2 OpenMP threads; W8A8 (w8a8_nk), W8A8 per
// group (w8a8_group_nk), W4A8 in the int4 kernel's forms
// (w4a8_nk_vnni) and weight-only (weight_only_nk), bit for bit against the
// reference.
// REQUIRES: openmp
// RUN: %python %S/matmul-cases.py %t.w8.mlir %t.w8.inc 10 w8a8_nk 40
// RUN: quanta-compile %t.w8.mlir --mcpu=znver4 --openmp -o %t.w8.o --header=%t.w8.h
// RUN: %cxx_harness -include %t.w8.h -DCASES_INC='"%t.w8.inc"' %S/matmul-harness.cpp %t.w8.o %quanta_ref_lib %openmp_link -o %t.w8.exe
// RUN: env OMP_NUM_THREADS=1 %t.w8.exe | FileCheck %s --check-prefix=W8
// RUN: env OMP_NUM_THREADS=2 %t.w8.exe | FileCheck %s --check-prefix=W8
// RUN: %python %S/matmul-cases.py %t.q8.mlir %t.q8.inc 2 w8a8_group_nk 24
// RUN: quanta-compile %t.q8.mlir --mcpu=znver4 --openmp -o %t.q8.o --header=%t.q8.h
// RUN: %cxx_harness -include %t.q8.h -DCASES_INC='"%t.q8.inc"' %S/matmul-harness.cpp %t.q8.o %quanta_ref_lib %openmp_link -o %t.q8.exe
// RUN: env OMP_NUM_THREADS=1 %t.q8.exe | FileCheck %s --check-prefix=Q8
// RUN: env OMP_NUM_THREADS=2 %t.q8.exe | FileCheck %s --check-prefix=Q8
// RUN: %python %S/matmul-cases.py %t.w4.mlir %t.w4.inc 3 w4a8_nk_vnni 24
// RUN: quanta-compile %t.w4.mlir --mcpu=znver4 --openmp -o %t.w4.o --header=%t.w4.h
// RUN: %cxx_harness -include %t.w4.h -DCASES_INC='"%t.w4.inc"' %S/matmul-harness.cpp %t.w4.o %quanta_ref_lib %openmp_link -o %t.w4.exe
// RUN: env OMP_NUM_THREADS=1 %t.w4.exe | FileCheck %s --check-prefix=W4
// RUN: env OMP_NUM_THREADS=2 %t.w4.exe | FileCheck %s --check-prefix=W4
// RUN: %python %S/matmul-cases.py %t.wo.mlir %t.wo.inc 13 weight_only_nk 24
// RUN: quanta-compile %t.wo.mlir --mcpu=znver4 --openmp -o %t.wo.o --header=%t.wo.h
// RUN: %cxx_harness -include %t.wo.h -DCASES_INC='"%t.wo.inc"' %S/matmul-harness.cpp %t.wo.o %quanta_ref_lib %openmp_link -o %t.wo.exe
// RUN: env OMP_NUM_THREADS=2 %t.wo.exe | FileCheck %s --check-prefix=WO

// W8-DAG: w8a8_nk: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// W8-DAG: w8a8_nk f16: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// W8: ALL BIT-EXACT
// W4-DAG: w4a8_nk_vnni: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// W4-DAG: w4a8_nk_vnni f16: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// W4: ALL BIT-EXACT
// Q8-DAG: w8a8_group_nk: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// Q8: ALL BIT-EXACT
// WO: weight_only_nk: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// WO: ALL BIT-EXACT
