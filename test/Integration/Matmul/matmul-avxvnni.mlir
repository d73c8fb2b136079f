// The integer matmul execution tests compiled for AVX-VNNI without AVX-512
// (Alder Lake): the u8 x s8 cores use the 256-bit vpdpbusd kernel (the
// VNNI kernel on 8 lanes, 6 x 2 register blocks), and the W4A8 cores the
// 8-lane weight-only int4 kernel with vpdpbusd (unsigned activations
// without a zero point) or vpmaddwd (the others); bit-exact against the
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
// RUN: quanta-compile %S/int4-kernel.mlir --mcpu=alderlake -o %t.int4.o --header=%t.int4.h
// RUN: %cxx_harness -include %t.int4.h %S/int4-kernel-harness.cpp %t.int4.o %quanta_ref_lib -o %t.int4.exe
// RUN: %t.int4.exe | FileCheck %S/int4-kernel.mlir
// RUN: quanta-compile %S/int4-zp-kernel.mlir --mcpu=alderlake -o %t.int4zp.o --header=%t.int4zp.h
// RUN: %cxx_harness -include %t.int4zp.h %S/int4-zp-kernel-harness.cpp %t.int4zp.o %quanta_ref_lib -o %t.int4zp.exe
// RUN: %t.int4zp.exe | FileCheck %S/int4-zp-kernel.mlir
// RUN: quanta-compile %S/matmulnbits.mlir --mcpu=alderlake -o %t.matmulnbits.o --header=%t.matmulnbits.h
// RUN: %cxx_harness -include %t.matmulnbits.h %S/matmulnbits-harness.cpp %t.matmulnbits.o %quanta_ref_lib -o %t.matmulnbits.exe
// RUN: %t.matmulnbits.exe | FileCheck %S/matmulnbits.mlir
// RUN: quanta-compile %S/int4-kernel.mlir --mcpu=alderlake --emit=mlir -o - | FileCheck %s --check-prefix=W4A8

// W4A8-LABEL: llvm.func internal @_quanta_impl_u8_s4_g64_n384(
// W4A8:       llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.256"
// W4A8-LABEL: llvm.func internal @_quanta_impl_s8_u4_g32_n256(
// W4A8:       llvm.call_intrinsic "llvm.x86.avx2.pmadd.wd"
