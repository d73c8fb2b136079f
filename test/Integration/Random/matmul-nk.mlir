// Random matmul forms with the weights given N x K (the matmul's rhs is
// their linalg.transpose: a Linear layer's [out, in], ONNX MatMulNBits'
// int4 layout) on the CPU: weight-only 8-bit with f16/bf16 activations
// (matmul-cases.py's w8a16 family, N x K half of the time) and W4A8 with
// the weights N x K (w4a8_nk), compiled for znver4 (the transposes in
// 16 x 16 blocks by --quanta-block-transposes, then the VNNI kernels) and
// compared bit for bit with the reference on up to 11 row counts.
// RUN: %python %S/matmul-cases.py %t.w8.mlir %t.w8.inc 20261129 w8a16 12
// RUN: quanta-compile %t.w8.mlir --mcpu=znver4 -o %t.w8.o --header=%t.w8.h
// RUN: %cxx_harness -include %t.w8.h -DCASES_INC='"%t.w8.inc"' %S/matmul-harness.cpp %t.w8.o %quanta_ref_lib -o %t.w8.exe
// RUN: %t.w8.exe | FileCheck %s --check-prefix=W8
// RUN: %python %S/matmul-cases.py %t.w4.mlir %t.w4.inc 1 w4a8_nk 12
// RUN: quanta-compile %t.w4.mlir --mcpu=znver4 -o %t.w4.o --header=%t.w4.h
// RUN: %cxx_harness -include %t.w4.h -DCASES_INC='"%t.w4.inc"' %S/matmul-harness.cpp %t.w4.o %quanta_ref_lib -o %t.w4.exe
// RUN: %t.w4.exe | FileCheck %s --check-prefix=W4

// W8-DAG: w8a16 bf16: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// W8-DAG: w8a16 f16: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// W8: ALL BIT-EXACT
// W4: w4a8_nk: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// W4: ALL BIT-EXACT
