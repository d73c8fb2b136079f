// The per-group int8 forms of int8-group-kernel.mlir compiled for an
// AVX-512 VNNI target without AMX (Ice Lake server; Zen 4 takes the same
// code): every row count without an activation zero point takes the VNNI
// kernel, in blocks of up to 4 rows (5, 15, 16, 17, 33, 64 and 100 rows
// here), the column chunks on 1 and 2 OpenMP threads; bit for bit with
// ref::matmul.
// REQUIRES: host-avx512vnni, openmp
// RUN: quanta-compile %S/int8-group-kernel.mlir --mcpu=icelake-server --emit=asm -o - | FileCheck %s
// RUN: quanta-compile %S/int8-group-kernel.mlir --mcpu=icelake-server --openmp -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/int8-group-kernel-harness.cpp %t.o %quanta_ref_lib %openmp_link -o %t.exe
// RUN: env OMP_NUM_THREADS=1 %t.exe | FileCheck %S/int8-group-kernel.mlir
// RUN: env OMP_NUM_THREADS=2 %t.exe | FileCheck %S/int8-group-kernel.mlir
// CHECK-LABEL: {{^}}s8_s8_g32_n256:
// CHECK-NOT: tdpb
// CHECK: vpdpbusd
// CHECK-LABEL: {{^}}u8_u8_g32_n128:
// CHECK-NOT: tdpb
// CHECK: vpdpbusd
