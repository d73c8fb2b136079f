// The random matmul execution tests (see matmul.mlir) compiled for AArch64
// and run under qemu-user: with i8mm (the usdot kernel) and another seed
// with dotprod only (the sdot kernel, activations flipped to s8).
// REQUIRES: aarch64-qemu
// RUN: %python %S/matmul-cases.py %t.cases.mlir %t.inc 25
// RUN: quanta-compile %t.cases.mlir --target=aarch64-linux-gnu --mattr=+i8mm -o %t.o --header=%t.h
// RUN: %aarch64_cxx_harness -include %t.h -DCASES_INC='"%t.inc"' %S/matmul-harness.cpp %t.o -o %t.exe
// RUN: qemu-aarch64 %t.exe | FileCheck %s
// RUN: %python %S/matmul-cases.py %t.dot.mlir %t.dot.inc 27
// RUN: quanta-compile %t.dot.mlir --target=aarch64-linux-gnu --mattr=+dotprod -o %t.dot.o --header=%t.dot.h
// RUN: %aarch64_cxx_harness -include %t.dot.h -DCASES_INC='"%t.dot.inc"' %S/matmul-harness.cpp %t.dot.o -o %t.dot.exe
// RUN: qemu-aarch64 %t.dot.exe | FileCheck %s
// W8A8 with the weights N x K, read in place by up to 7 rows (sdot, flipped
// activations, uint8 weights flipped too; more rows transpose them):
// RUN: %python %S/matmul-cases.py %t.nk.mlir %t.nk.inc 6 w8a8_nk 16
// RUN: quanta-compile %t.nk.mlir --target=aarch64-linux-gnu --mattr=+dotprod -o %t.nk.o --header=%t.nk.h
// RUN: %aarch64_cxx_harness -include %t.nk.h -DCASES_INC='"%t.nk.inc"' %S/matmul-harness.cpp %t.nk.o -o %t.nk.exe
// RUN: qemu-aarch64 %t.nk.exe | FileCheck %s --check-prefix=NK
// With i8mm (usdot, whose slices are words of 4 bytes), 8 rows or more
// pack their panels from the N x K weights (4 x 4 word transposes):
// RUN: %python %S/matmul-cases.py %t.nkmm.mlir %t.nkmm.inc 7 w8a8_nk 16
// RUN: quanta-compile %t.nkmm.mlir --target=aarch64-linux-gnu --mattr=+i8mm -o %t.nkmm.o --header=%t.nkmm.h
// RUN: %aarch64_cxx_harness -include %t.nkmm.h -DCASES_INC='"%t.nkmm.inc"' %S/matmul-harness.cpp %t.nkmm.o -o %t.nkmm.exe
// RUN: qemu-aarch64 %t.nkmm.exe | FileCheck %s --check-prefix=NK
// Weight-only with the weights N x K, read in place on 4 lanes:
// RUN: %python %S/matmul-cases.py %t.wo.mlir %t.wo.inc 14 weight_only_nk 16
// RUN: quanta-compile %t.wo.mlir --target=aarch64-linux-gnu -o %t.wo.o --header=%t.wo.h
// RUN: %aarch64_cxx_harness -include %t.wo.h -DCASES_INC='"%t.wo.inc"' %S/matmul-harness.cpp %t.wo.o -o %t.wo.exe
// RUN: qemu-aarch64 %t.wo.exe | FileCheck %s --check-prefix=WO

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
// NK: w8a8_nk: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// NK: ALL BIT-EXACT
// WO: weight_only_nk: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// WO: ALL BIT-EXACT
