// Execution tests of the AMX blocks of the int8 and bf16 kernels, compiled
// for Sapphire Rapids (amx-int8, amx-bf16) and run on a host that has them:
// the integer matmuls of every frontend form (matmul-integer.mlir: its AMX
// shapes have whole 32-row blocks, leftover rows and a leftover panel, and
// K = 4096 at the storage extremes) and quanta.matmul's forms (matmul.mlir,
// with the zero-point, scale and requantize epilogues), bit for bit with the
// reference library on 1 and 2 OpenMP threads; bf16 matmuls within the
// summation-order bound in the AMX blocks and bit for bit with the
// vdpbf16ps order elsewhere (bf16-harness.cpp, "amx", with 520 rows x 2.1
// MiB of packed B: panel ranges of 1 MiB); the W4A8 forms of
// int4-kernel.mlir and int4-zp-kernel.mlir (17, 33 and 64 rows take the AMX
// int4 kernel: groups of 32, 64 and 128, every signedness, activation zero
// points per tensor, per row and folded, with and without weight zero
// points) and the per-group int8 forms of int8-group-kernel.mlir (16 rows
// or more take the AMX kernel), bit for bit on 1 and 2 OpenMP threads.
// REQUIRES: host-amx, openmp
// RUN: quanta-compile %S/matmul-integer.mlir --mcpu=sapphirerapids -o %t.int.o --header=%t.int.h
// RUN: %cxx_harness -include %t.int.h %S/matmul-integer-harness.cpp %t.int.o %quanta_ref_lib -o %t.int.exe
// RUN: %t.int.exe | FileCheck %S/matmul-integer.mlir
// RUN: quanta-compile %S/matmul.mlir --mcpu=sapphirerapids --openmp -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/matmul-harness.cpp %t.o %quanta_ref_lib %openmp_link -o %t.exe
// RUN: env OMP_NUM_THREADS=1 %t.exe | FileCheck %S/matmul.mlir
// RUN: env OMP_NUM_THREADS=2 %t.exe | FileCheck %S/matmul.mlir
// RUN: quanta-compile %S/bf16.mlir --mcpu=sapphirerapids -o %t.bf16.o --header=%t.bf16.h
// RUN: %cxx_harness -include %t.bf16.h %S/bf16-harness.cpp %t.bf16.o %quanta_ref_lib -o %t.bf16.exe
// RUN: %t.bf16.exe amx | FileCheck %S/bf16.mlir --check-prefixes=CHECK,AMX-RANGES
// RUN: quanta-compile %S/int4-kernel.mlir --mcpu=sapphirerapids --openmp -o %t.int4.o --header=%t.int4.h
// RUN: %cxx_harness -include %t.int4.h %S/int4-kernel-harness.cpp %t.int4.o %quanta_ref_lib %openmp_link -o %t.int4.exe
// RUN: env OMP_NUM_THREADS=1 %t.int4.exe | FileCheck %S/int4-kernel.mlir
// RUN: env OMP_NUM_THREADS=2 %t.int4.exe | FileCheck %S/int4-kernel.mlir
// RUN: quanta-compile %S/int4-zp-kernel.mlir --mcpu=sapphirerapids --openmp -o %t.int4zp.o --header=%t.int4zp.h
// RUN: %cxx_harness -include %t.int4zp.h %S/int4-zp-kernel-harness.cpp %t.int4zp.o %quanta_ref_lib %openmp_link -o %t.int4zp.exe
// RUN: env OMP_NUM_THREADS=1 %t.int4zp.exe | FileCheck %S/int4-zp-kernel.mlir
// RUN: env OMP_NUM_THREADS=2 %t.int4zp.exe | FileCheck %S/int4-zp-kernel.mlir
// RUN: quanta-compile %S/int8-group-kernel.mlir --mcpu=sapphirerapids --openmp -o %t.int8g.o --header=%t.int8g.h
// RUN: %cxx_harness -include %t.int8g.h %S/int8-group-kernel-harness.cpp %t.int8g.o %quanta_ref_lib %openmp_link -o %t.int8g.exe
// RUN: env OMP_NUM_THREADS=1 %t.int8g.exe | FileCheck %S/int8-group-kernel.mlir
// RUN: env OMP_NUM_THREADS=2 %t.int8g.exe | FileCheck %S/int8-group-kernel.mlir
