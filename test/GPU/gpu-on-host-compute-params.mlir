// The random and edge-input compute-params forms of test/Integration/Random (the
// generator's default seed, as scripts/gpu-check.sh runs them on a GPU)
// compiled through the GPU pipeline with its kernels run as host loops
// (quanta-compile --gpu-on-host: bufferization for the device, parallel
// loops mapped to blocks and threads, split reductions, device temporaries,
// host code moved into kernels), and compared with the reference by the CPU
// test's harness and checks.
// RUN: %python %S/../Integration/Random/compute-params-cases.py %t.cases.mlir %t.inc
// RUN: quanta-compile %t.cases.mlir --gpu-on-host -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h -DCASES_INC='"%t.inc"' %S/../Integration/Random/compute-params-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %S/../Integration/Random/compute-params.mlir
// Again with each launch's threads from the last to the first: a kernel
// whose threads read what others of the launch write would differ.
// RUN: quanta-compile %t.cases.mlir --gpu-on-host=reverse -o %t.reverse.o --header=%t.reverse.h
// RUN: %cxx_harness -include %t.reverse.h -DCASES_INC='"%t.inc"' %S/../Integration/Random/compute-params-harness.cpp %t.reverse.o %quanta_ref_lib -o %t.reverse.exe
// RUN: %t.reverse.exe | FileCheck %S/../Integration/Random/compute-params.mlir
