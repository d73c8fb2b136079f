// Execution test of --quanta-split-reductions: the random and edge-input
// compute_params forms of test/Integration/Random (max_abs, min_max and
// percentile split; mean_std's float sums left alone), lowered to linalg,
// split with few threads so that every per-tensor reduction takes five
// levels of partials (64, 32, 16, 8, 4, 2 parts: min-per-thread = 2) and
// every per-channel one two (16 x 4, 16 x 2), then compiled for the host
// CPU and compared bit for bit with ref::computeParams, as the unsplit
// forms are by test/Integration/Random/compute-params.mlir. The GPU
// pipeline splits the same reductions with 65536 threads.
// RUN: %python %S/../Integration/Random/compute-params-cases.py %t.cases.mlir %t.inc
// RUN: quanta-opt %t.cases.mlir --quanta-import --quanta-lower-to-linalg \
// RUN:     --quanta-split-reductions="threads=64 min-per-thread=2" -o %t.split.mlir
// RUN: FileCheck %s --check-prefix=SPLIT --input-file=%t.split.mlir
// RUN: quanta-compile %t.split.mlir -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h -DCASES_INC='"%t.inc"' %S/../Integration/Random/compute-params-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s

// SPLIT-DAG: tensor.empty() : tensor<64xi32>
// SPLIT-DAG: tensor.empty() : tensor<2xi32>
// SPLIT-DAG: tensor.empty() : tensor<64xi64>
// SPLIT-DAG: tensor.empty() : tensor<2xi64>
// SPLIT-DAG: tensor.empty() : tensor<16x4xi32>
// SPLIT-DAG: tensor.empty() : tensor<16x2xi64>

// CHECK-DAG: compute_params max_abs: 24 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: compute_params mean_std: 48 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: compute_params min_max: 24 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: compute_params percentile: 72 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: ALL BIT-EXACT
