// The integer matmul execution tests compiled for AVX-VNNI without AVX-512
// (Alder Lake): the u8 x s8 cores use the 256-bit vpdpbusd kernel (the
// VNNI kernel on 8 lanes, 6 x 2 register blocks); bit-exact against the
// reference.
// REQUIRES: host-avxvnni
// RUN: quanta-compile %S/matmul.mlir --mcpu=alderlake -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/matmul-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %S/matmul.mlir
// RUN: quanta-compile %S/matmul-integer.mlir --mcpu=alderlake -o %t.int.o --header=%t.int.h
// RUN: %cxx_harness -include %t.int.h %S/matmul-integer-harness.cpp %t.int.o %quanta_ref_lib -o %t.int.exe
// RUN: %t.int.exe | FileCheck %S/matmul-integer.mlir
// RUN: quanta-compile %S/matmul-requantize.mlir --mcpu=alderlake -o %t.rq.o --header=%t.rq.h
// RUN: %cxx_harness -include %t.rq.h %S/matmul-requantize-harness.cpp %t.rq.o %quanta_ref_lib -o %t.rq.exe
// RUN: %t.rq.exe | FileCheck %S/matmul-requantize.mlir
