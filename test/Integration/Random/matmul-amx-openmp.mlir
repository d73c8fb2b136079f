// The random matmul execution tests (see matmul.mlir) with another seed,
// compiled for Sapphire Rapids with --openmp: the AMX kernels (int8, the
// W4A8 and per-group int8 group kernels) beside the vector ones, their
// column blocks on 1 and 2 OpenMP threads.
// REQUIRES: host-amx, openmp
// RUN: %python %S/matmul-cases.py %t.cases.mlir %t.inc 13
// RUN: quanta-compile %t.cases.mlir --mcpu=sapphirerapids --openmp -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h -DCASES_INC='"%t.inc"' %S/matmul-harness.cpp %t.o %quanta_ref_lib %openmp_link -o %t.exe
// RUN: env OMP_NUM_THREADS=1 %t.exe | FileCheck %s
// RUN: env OMP_NUM_THREADS=2 %t.exe | FileCheck %s

// CHECK-DAG: a4: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: fp8: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: integer: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: linalg: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: mixed: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: qdq: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: w4a8: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: w8a8: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: w8a8_group: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: weight_only: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: ALL BIT-EXACT
