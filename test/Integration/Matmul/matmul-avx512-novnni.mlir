// The matmul execution tests compiled for AVX-512 without VNNI (Skylake-
// AVX512): the u8 x s8 cores use the vpmaddwd kernel on zmm registers, W4A8
// takes its products from the same instruction, the weight-only
// kernels and the W4A8 cores (on the weight-only int4 kernel) run on 16
// lanes of zmm registers, the nibble's conversion looked up in a 16-entry
// table with vpermps / vpermd (checked in the IR); bit-exact against the
// reference.
// REQUIRES: host-avx512
// RUN: quanta-compile %S/int4-kernel.mlir --mcpu=skylake-avx512 --emit=mlir -o - | FileCheck %s --check-prefix=W4A8
// RUN: quanta-compile %S/int4-kernel.mlir --mcpu=skylake-avx512 -o %t.int4.o --header=%t.int4.h
// RUN: %cxx_harness -include %t.int4.h %S/int4-kernel-harness.cpp %t.int4.o %quanta_ref_lib -o %t.int4.exe
// RUN: %t.int4.exe | FileCheck %S/int4-kernel.mlir
// RUN: quanta-compile %S/int4-zp-kernel.mlir --mcpu=skylake-avx512 -o %t.int4zp.o --header=%t.int4zp.h
// RUN: %cxx_harness -include %t.int4zp.h %S/int4-zp-kernel-harness.cpp %t.int4zp.o %quanta_ref_lib -o %t.int4zp.exe
// RUN: %t.int4zp.exe | FileCheck %S/int4-zp-kernel.mlir
// RUN: quanta-compile %S/w4a32-kernel.mlir --mcpu=skylake-avx512 -o %t.w4a32.o --header=%t.w4a32.h
// RUN: %cxx_harness -include %t.w4a32.h %S/w4a32-kernel-harness.cpp %t.w4a32.o %quanta_ref_lib -o %t.w4a32.exe
// RUN: %t.w4a32.exe | FileCheck %S/w4a32-kernel.mlir
// RUN: quanta-compile %S/matmul.mlir --mcpu=skylake-avx512 -o %t.mm.o --header=%t.mm.h
// RUN: %cxx_harness -include %t.mm.h %S/matmul-harness.cpp %t.mm.o %quanta_ref_lib -o %t.mm.exe
// RUN: %t.mm.exe | FileCheck %S/matmul.mlir
// RUN: quanta-compile %S/matmul-integer.mlir --mcpu=skylake-avx512 -o %t.int.o --header=%t.int.h
// RUN: %cxx_harness -include %t.int.h %S/matmul-integer-harness.cpp %t.int.o %quanta_ref_lib -o %t.int.exe
// RUN: %t.int.exe | FileCheck %S/matmul-integer.mlir

// W4A8-LABEL: llvm.func internal @_quanta_impl_s8_s4_g32_n256(
// W4A8:       llvm.call_intrinsic "llvm.x86.avx512.permvar.si.512"
// W4A8:       llvm.call_intrinsic "llvm.x86.avx512.pmaddw.d.512"
// W4A8:       llvm.add {{.*}} : vector<16xi32>
// W4A8-NOT:   vpdpbusd
// W4A8-LABEL: llvm.func @s8_s4_g128_n4096(
