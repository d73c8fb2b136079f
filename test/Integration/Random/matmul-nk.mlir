// Random matmul forms with the weights given N x K (the matmul's rhs is
// their linalg.transpose: a Linear layer's [out, in], ONNX MatMulNBits'
// int4 layout) on the CPU, compiled for znver4 and compared bit for bit
// with the reference on up to 11 row counts: weight-only 8-bit with
// f16/bf16 activations (matmul-cases.py's w8a16 family, N x K half of the
// time; the weights transposed in 16 x 16 blocks by
// --quanta-block-transposes), W4A8 (w4a8_nk: the forms the VNNI kernels
// take in place and the others), W8A8 (w8a8_nk: up to 7 rows read the
// weights in place, more rows transpose them; also for Haswell's AVX2
// kernel), W8A8 per group (w8a8_group_nk), and W4A8 in the forms of the
// VNNI kernel that reads int4 weights N x K in place (w4a8_nk_vnni:
// groups of 16 to 256, zero points half of the time), and weight-only and
// FP8 x FP8 (weight_only_nk, fp8_nk: mostly the forms of the weight-only
// 8-bit kernel, which reads 8-bit weights per tensor or column and int4
// weights packed along K, per group, column or tensor, N x K in place; also
// for Haswell's 8 lanes).
// RUN: %python %S/matmul-cases.py %t.w8.mlir %t.w8.inc 20261129 w8a16 12
// RUN: quanta-compile %t.w8.mlir --mcpu=znver4 -o %t.w8.o --header=%t.w8.h
// RUN: %cxx_harness -include %t.w8.h -DCASES_INC='"%t.w8.inc"' %S/matmul-harness.cpp %t.w8.o %quanta_ref_lib -o %t.w8.exe
// RUN: %t.w8.exe | FileCheck %s --check-prefix=W8
// RUN: %python %S/matmul-cases.py %t.w4.mlir %t.w4.inc 1 w4a8_nk 12
// RUN: quanta-compile %t.w4.mlir --mcpu=znver4 -o %t.w4.o --header=%t.w4.h
// RUN: %cxx_harness -include %t.w4.h -DCASES_INC='"%t.w4.inc"' %S/matmul-harness.cpp %t.w4.o %quanta_ref_lib -o %t.w4.exe
// RUN: %t.w4.exe | FileCheck %s --check-prefix=W4

// RUN: %python %S/matmul-cases.py %t.w8a8.mlir %t.w8a8.inc 10 w8a8_nk 40
// RUN: quanta-compile %t.w8a8.mlir --mcpu=znver4 -o %t.w8a8.o --header=%t.w8a8.h
// RUN: %cxx_harness -include %t.w8a8.h -DCASES_INC='"%t.w8a8.inc"' %S/matmul-harness.cpp %t.w8a8.o %quanta_ref_lib -o %t.w8a8.exe
// RUN: %t.w8a8.exe | FileCheck %s --check-prefix=W8A8
// RUN: quanta-compile %t.w8a8.mlir --mcpu=haswell -o %t.avx2.o
// RUN: %cxx_harness -include %t.w8a8.h -DCASES_INC='"%t.w8a8.inc"' %S/matmul-harness.cpp %t.avx2.o %quanta_ref_lib -o %t.avx2.exe
// RUN: %t.avx2.exe | FileCheck %s --check-prefix=W8A8
// RUN: %python %S/matmul-cases.py %t.q8.mlir %t.q8.inc 4 w8a8_group_nk 24
// RUN: quanta-compile %t.q8.mlir --mcpu=znver4 -o %t.q8.o --header=%t.q8.h
// RUN: %cxx_harness -include %t.q8.h -DCASES_INC='"%t.q8.inc"' %S/matmul-harness.cpp %t.q8.o %quanta_ref_lib -o %t.q8.exe
// RUN: %t.q8.exe | FileCheck %s --check-prefix=Q8
// RUN: %python %S/matmul-cases.py %t.sym.mlir %t.sym.inc 2 w4a8_nk_vnni 24
// RUN: quanta-compile %t.sym.mlir --mcpu=znver4 -o %t.sym.o --header=%t.sym.h
// RUN: %cxx_harness -include %t.sym.h -DCASES_INC='"%t.sym.inc"' %S/matmul-harness.cpp %t.sym.o %quanta_ref_lib -o %t.sym.exe
// RUN: %t.sym.exe | FileCheck %s --check-prefix=SYM
// RUN: %python %S/matmul-cases.py %t.wo.mlir %t.wo.inc 15 weight_only_nk 30
// RUN: quanta-compile %t.wo.mlir --mcpu=znver4 -o %t.wo.o --header=%t.wo.h
// RUN: %cxx_harness -include %t.wo.h -DCASES_INC='"%t.wo.inc"' %S/matmul-harness.cpp %t.wo.o %quanta_ref_lib -o %t.wo.exe
// RUN: %t.wo.exe | FileCheck %s --check-prefix=WO
// RUN: quanta-compile %t.wo.mlir --mcpu=haswell -o %t.wo.avx2.o
// RUN: %cxx_harness -include %t.wo.h -DCASES_INC='"%t.wo.inc"' %S/matmul-harness.cpp %t.wo.avx2.o %quanta_ref_lib -o %t.wo.avx2.exe
// RUN: %t.wo.avx2.exe | FileCheck %s --check-prefix=WO
// RUN: %python %S/matmul-cases.py %t.fp8.mlir %t.fp8.inc 12 fp8_nk 20
// RUN: quanta-compile %t.fp8.mlir --mcpu=znver4 -o %t.fp8.o --header=%t.fp8.h
// RUN: %cxx_harness -include %t.fp8.h -DCASES_INC='"%t.fp8.inc"' %S/matmul-harness.cpp %t.fp8.o %quanta_ref_lib -o %t.fp8.exe
// RUN: %t.fp8.exe | FileCheck %s --check-prefix=FP8

// W8-DAG: w8a16 bf16: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// W8-DAG: w8a16 f16: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// W8: ALL BIT-EXACT
// W4: w4a8_nk: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// W4: ALL BIT-EXACT
// W8A8-DAG: w8a8_nk: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// W8A8-DAG: w8a8_nk bf16: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// W8A8-DAG: w8a8_nk f16: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// W8A8: ALL BIT-EXACT
// SYM-DAG: w4a8_nk_vnni: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// SYM-DAG: w4a8_nk_vnni f16: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// SYM: ALL BIT-EXACT
// Q8-DAG: w8a8_group_nk: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// Q8: ALL BIT-EXACT
// WO: weight_only_nk: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// WO: ALL BIT-EXACT
// FP8: fp8_nk: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// FP8: ALL BIT-EXACT
