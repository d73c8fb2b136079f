// The random matmul execution tests (see matmul.mlir) with another seed,
// compiled for Ice Lake (AVX-512 VNNI without AMX): the VNNI kernels only.
// The object calls nothing but the C library functions docs/ABI.md lists:
// bf16 values are never promoted to f32 lanes, which the x86 backend
// truncates back with __truncsfbf2 calls on targets without AVX512-BF16.
// REQUIRES: host-avx512vnni
// RUN: %python %S/matmul-cases.py %t.cases.mlir %t.inc 19
// RUN: quanta-compile %t.cases.mlir --mcpu=icelake-server -o %t.o --header=%t.h
// RUN: llvm-nm --undefined-only --format=just-symbols %t.o | not grep -v -x -E "abort|free|malloc|memcpy|memset|puts"
// RUN: %cxx_harness -include %t.h -DCASES_INC='"%t.inc"' %S/matmul-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s

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
