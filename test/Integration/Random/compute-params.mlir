// Random and edge-input execution tests of compute_params: max_abs, min_max,
// mean_std (k = 1, 3) and percentile (99, 99.9, 100) x i8/i4 symmetric and
// asymmetric, ui8/ui4 asymmetric, f8E4M3FN/f8E5M2 symmetric x per tensor /
// per channel (axis 1) / per group (axis 1, group 4) on tensor<?x16xf32>,
// compiled by quanta-compile, linked into compute-params-harness.cpp and
// compared bit for bit with ref::computeParams.
// RUN: %python %S/compute-params-cases.py %t.cases.mlir %t.inc
// RUN: quanta-compile %t.cases.mlir -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h -DCASES_INC='"%t.inc"' %S/compute-params-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s

// CHECK-DAG: compute_params max_abs: 24 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: compute_params mean_std: 48 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: compute_params min_max: 24 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: compute_params percentile: 72 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: ALL BIT-EXACT
