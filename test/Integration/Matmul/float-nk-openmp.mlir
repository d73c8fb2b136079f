// float-nk.mlir compiled with --openmp: each thread's block of panels reads
// its own columns' rows of the N x K weights (few rows), or packs its own
// panels from them (more rows); bit-exact on 1 and 2 threads.
// REQUIRES: openmp, host-avx512bf16
// RUN: quanta-compile %S/float-nk.mlir --mcpu=znver4 --openmp -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/float-nk-harness.cpp %t.o %quanta_ref_lib %openmp_link -o %t.exe
// RUN: env OMP_NUM_THREADS=1 %t.exe pairs | FileCheck %S/float-nk.mlir
// RUN: env OMP_NUM_THREADS=2 %t.exe pairs | FileCheck %S/float-nk.mlir
