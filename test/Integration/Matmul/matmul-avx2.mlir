// The matmul execution tests compiled for AVX2 without AVX-512 (Haswell):
// the u8 x s8 cores use the vpmaddwd kernel of --quanta-lower-matmul-kernels
// (operands widened to i16, exact), the weight-only kernels (W4A32, W4A16,
// W8A32, FP8 GEMV, MatMulNBits) and the W4A8 cores (on the weight-only int4
// kernel, i32 lanes, the products by vpmaddwd two K steps at a time) and
// the f32 GEMM kernel (FP8 GEMMs) run on 8 lanes of ymm registers (checked
// in the IR); bit-exact against the reference.
// REQUIRES: host-avx2
// RUN: quanta-compile %S/matmul.mlir --mcpu=haswell -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/matmul-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %S/matmul.mlir
// RUN: quanta-compile %S/matmul-integer.mlir --mcpu=haswell -o %t.int.o --header=%t.int.h
// RUN: %cxx_harness -include %t.int.h %S/matmul-integer-harness.cpp %t.int.o %quanta_ref_lib -o %t.int.exe
// RUN: %t.int.exe | FileCheck %S/matmul-integer.mlir
// RUN: quanta-compile %S/w4a32-kernel.mlir --mcpu=haswell --emit=mlir -o - | FileCheck %s --check-prefix=W4
// RUN: quanta-compile %S/w8a32-kernel.mlir --mcpu=haswell --emit=mlir -o - | FileCheck %s --check-prefix=W8
// RUN: quanta-compile %S/w4a32-kernel.mlir --mcpu=haswell -o %t.w4a32.o --header=%t.w4a32.h
// RUN: %cxx_harness -include %t.w4a32.h %S/w4a32-kernel-harness.cpp %t.w4a32.o %quanta_ref_lib -o %t.w4a32.exe
// RUN: %t.w4a32.exe | FileCheck %S/w4a32-kernel.mlir
// RUN: quanta-compile %S/w4a16-kernel.mlir --mcpu=haswell -o %t.w4a16.o --header=%t.w4a16.h
// RUN: %cxx_harness -include %t.w4a16.h %S/w4a16-kernel-harness.cpp %t.w4a16.o %quanta_ref_lib -o %t.w4a16.exe
// RUN: %t.w4a16.exe | FileCheck %S/w4a16-kernel.mlir
// RUN: quanta-compile %S/w8a32-kernel.mlir --mcpu=haswell -o %t.w8a32.o --header=%t.w8a32.h
// RUN: %cxx_harness -include %t.w8a32.h %S/w8a32-kernel-harness.cpp %t.w8a32.o %quanta_ref_lib -o %t.w8a32.exe
// RUN: %t.w8a32.exe | FileCheck %S/w8a32-kernel.mlir
// RUN: quanta-compile %S/fp8-gemv.mlir --mcpu=haswell -o %t.fp8.o --header=%t.fp8.h
// RUN: %cxx_harness -include %t.fp8.h %S/fp8-gemv-harness.cpp %t.fp8.o %quanta_ref_lib -o %t.fp8.exe
// RUN: %t.fp8.exe | FileCheck %S/fp8-gemv.mlir
// RUN: quanta-compile %S/matmulnbits.mlir --mcpu=haswell -o %t.matmulnbits.o --header=%t.matmulnbits.h
// RUN: %cxx_harness -include %t.matmulnbits.h %S/matmulnbits-harness.cpp %t.matmulnbits.o %quanta_ref_lib -o %t.matmulnbits.exe
// RUN: %t.matmulnbits.exe | FileCheck %S/matmulnbits.mlir
// RUN: quanta-compile %S/fp8-gemm.mlir --mcpu=haswell -o %t.fp8gemm.o --header=%t.fp8gemm.h
// RUN: %cxx_harness -include %t.fp8gemm.h %S/fp8-gemm-harness.cpp %t.fp8gemm.o %quanta_ref_lib -o %t.fp8gemm.exe
// RUN: %t.fp8gemm.exe | FileCheck %S/fp8-gemm.mlir
// RUN: quanta-compile %S/int4-kernel.mlir --mcpu=haswell --emit=mlir -o - | FileCheck %s --check-prefix=W4A8
// RUN: quanta-compile %S/int4-kernel.mlir --mcpu=haswell -o %t.int4.o --header=%t.int4.h
// RUN: %cxx_harness -include %t.int4.h %S/int4-kernel-harness.cpp %t.int4.o %quanta_ref_lib -o %t.int4.exe
// RUN: %t.int4.exe | FileCheck %S/int4-kernel.mlir
// RUN: quanta-compile %S/int4-zp-kernel.mlir --mcpu=haswell -o %t.int4zp.o --header=%t.int4zp.h
// RUN: %cxx_harness -include %t.int4zp.h %S/int4-zp-kernel-harness.cpp %t.int4zp.o %quanta_ref_lib -o %t.int4zp.exe
// RUN: %t.int4zp.exe | FileCheck %S/int4-zp-kernel.mlir

// W4-LABEL: llvm.func internal @_quanta_impl_s4_g32_n256(
// W4-NOT:   llvm.call_intrinsic
// W4:       llvm.sitofp {{.*}} : vector<8xi32> to vector<8xf32>
// W4:       llvm.fmul {{.*}} : vector<8xf32>
// W4:       llvm.fadd {{.*}} : vector<8xf32>
// W4-LABEL: llvm.func @s4_g128_n512(
// W4A8-LABEL: llvm.func internal @_quanta_impl_s8_s4_g32_n256(
// W4A8:       llvm.call_intrinsic "llvm.x86.avx2.pmadd.wd"
// W4A8:       llvm.add {{.*}} : vector<8xi32>
// W4A8-LABEL: llvm.func @s8_s4_g128_n4096(
// W8-LABEL: llvm.func internal @_quanta_impl_s8_col_n128(
// W8:       llvm.sitofp {{.*}} : vector<8xi32> to vector<8xf32>
// W8:       llvm.fmul {{.*}} : vector<8xf32>
// W8:       llvm.fadd {{.*}} : vector<8xf32>
