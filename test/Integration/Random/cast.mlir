// Random and exhaustive execution tests of cast: every ordered pair of f32,
// f16, bf16, f8E4M3FN and f8E5M2 x saturate x an optional f32 scale, on all
// codes of 8- and 16-bit sources and on random and edge f32 values, with
// random and edge scales, compiled by quanta-compile, linked into
// cast-harness.cpp and compared bit for bit with ref::castFloat.
// (Unscaled saturating casts to the same type with infinities are left out:
// CastOp::fold drops them, so +-Inf is not clamped.)
// RUN: %python %S/cast-cases.py %t.cases.mlir %t.inc
// RUN: quanta-compile %t.cases.mlir -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h -DCASES_INC='"%t.inc"' %S/cast-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s

// CHECK-DAG: cast: 25 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: cast saturate: 25 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: cast saturate scaled: 25 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: cast scaled: 25 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: ALL BIT-EXACT
