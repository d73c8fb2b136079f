// Random and edge-input execution tests of quantize, dequantize and
// fake_quant: every storage type x granularity x rounding x static/dynamic
// parameters, f32/f16/bf16 expressed types, compiled by quanta-compile,
// linked into harness.cpp and compared bit for bit with the reference.
// RUN: %python %S/gen-cases.py %t.cases.mlir %t.inc
// RUN: quanta-compile %t.cases.mlir -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h -DCASES_INC='"%t.inc"' %S/harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s

// CHECK-DAG: dequantize float storage: 60 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: dequantize int storage: 84 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: fake_quant float storage: 60 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: fake_quant int storage: 84 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: quantize float storage: 60 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: quantize int storage: 84 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: ALL BIT-EXACT
