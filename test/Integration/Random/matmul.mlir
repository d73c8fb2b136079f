// Random and edge-input execution tests of quanta.matmul: about 85 forms
// drawn by matmul-cases.py (W8A8 per tensor / channel / group, W4A8, int4
// activations, weight-only int4 and 8-bit, FP8, FP8 x int mixes; zero
// points, bias, results quantized to i8/ui8/i4/ui4/FP8 per tensor or
// column with every rounding; f32/f16/bf16 expressed types; batches;
// static and dynamic shapes; constant weights; QDQ graphs that
// --quanta-fuse-matmul fuses; quanta.matmul_integer and
// linalg.quantized_matmul into i32), each run for up to 11 row
// counts on fresh operands, compiled by quanta-compile for the host, linked
// into matmul-harness.cpp and compared bit for bit with the reference. The
// seed is chosen so that constant weights are packed at compile time (IR
// check) and that a W8A8 matmul with an int4 result takes a kernel.
// RUN: %python %S/matmul-cases.py %t.cases.mlir %t.inc 20
// RUN: quanta-compile %t.cases.mlir --mcpu=znver4 --emit=llvm -o - | FileCheck %s --check-prefix=IR
// RUN: quanta-compile %t.cases.mlir -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h -DCASES_INC='"%t.inc"' %S/matmul-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s

// IR: _packed = private unnamed_addr constant

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
