// The matmul execution tests compiled for AVX2 without AVX-512 (Haswell):
// the u8 x s8 cores use the vpmaddwd kernel of --quanta-lower-matmul-kernels
// (operands widened to i16, exact), bit-exact against the reference.
// REQUIRES: host-avx2
// RUN: quanta-compile %S/matmul.mlir --mcpu=haswell -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/matmul-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %S/matmul.mlir
// RUN: quanta-compile %S/matmul-integer.mlir --mcpu=haswell -o %t.int.o --header=%t.int.h
// RUN: %cxx_harness -include %t.int.h %S/matmul-integer-harness.cpp %t.int.o %quanta_ref_lib -o %t.int.exe
// RUN: %t.int.exe | FileCheck %S/matmul-integer.mlir
