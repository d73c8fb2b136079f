// Random and edge-input execution tests of requantize: every mode (the float
// multiplier with each rounding, single_round, double_round, gemmlowp) x
// i32/i16/i8 input x i8/u8/i4/u4/i16/u16 output x narrow range x input and
// output zero points x per-tensor / per-channel / mixed parameters, all passed
// as arguments, compiled by quanta-compile, linked into requantize-harness.cpp
// and compared bit for bit with the reference.
// RUN: %python %S/requantize-cases.py %t.cases.mlir %t.inc
// RUN: quanta-compile %t.cases.mlir -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h -DCASES_INC='"%t.inc"' %S/requantize-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s

// CHECK-DAG: requantize double_round: 34 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: requantize float_multiplier: 102 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: requantize gemmlowp: 34 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: requantize single_round: 34 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: ALL BIT-EXACT
