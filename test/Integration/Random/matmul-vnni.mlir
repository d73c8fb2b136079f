// The random matmul execution tests (see matmul.mlir) with another seed,
// compiled for Ice Lake (AVX-512 VNNI without AMX): the VNNI kernels only.
// REQUIRES: host-avx512vnni
// RUN: %python %S/matmul-cases.py %t.cases.mlir %t.inc 17
// RUN: quanta-compile %t.cases.mlir --mcpu=icelake-server -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h -DCASES_INC='"%t.inc"' %S/matmul-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s

// CHECK-DAG: a4: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: fp8: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: mixed: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: w4a8: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: w8a8: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: w8a8_group: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: weight_only: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: ALL BIT-EXACT
