// The random element-wise execution tests (see elementwise.mlir) compiled for
// AArch64 (NEON) and run under qemu-user, the reference library cross-built
// beside them.
// REQUIRES: aarch64-qemu
// RUN: %python %S/gen-cases.py %t.cases.mlir %t.inc
// RUN: quanta-compile %t.cases.mlir --target=aarch64-linux-gnu -o %t.o --header=%t.h
// RUN: %aarch64_cxx_harness -include %t.h -DCASES_INC='"%t.inc"' %S/harness.cpp %t.o -o %t.exe
// RUN: qemu-aarch64 %t.exe | FileCheck %s

// CHECK-DAG: dequantize float storage: 60 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: dequantize int storage: 84 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: fake_quant float storage: 60 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: fake_quant int storage: 84 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: quantize float storage: 60 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK-DAG: quantize int storage: 84 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: ALL BIT-EXACT
