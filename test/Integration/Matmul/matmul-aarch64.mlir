// The matmul execution tests on AArch64, run under qemu-user: with i8mm the
// u8 x s8 cores use the NEON usdot kernel of --quanta-lower-matmul-kernels,
// with dotprod only the sdot kernel (both checked in the assembly), without
// either the vectorized loops; bit-exact against the reference each way.
// The weight-only kernels (W4A32, W4A16, W8A32, FP8 GEMV) and the W4A8 cores
// (MatMulNBits, on the weight-only int4 kernel) run on 4 lanes of NEON
// registers on any AArch64 target (checked in the IR and assembly); W4A8
// takes its products by sdot (dotprod, signed activations) or usdot (i8mm,
// unsigned ones without a zero point) where the target has them; FP8 GEMMs
// run the f32 GEMM kernel on 4 lanes.
// REQUIRES: aarch64-qemu
// RUN: quanta-compile %S/matmul.mlir --target=aarch64-linux-gnu --mattr=+i8mm --emit=asm -o - | FileCheck %s --check-prefix=ASM
// RUN: quanta-compile %S/matmul.mlir --target=aarch64-linux-gnu --mattr=+i8mm -o %t.o --header=%t.h
// RUN: %aarch64_cxx_harness -include %t.h %S/matmul-harness.cpp %t.o -o %t.exe
// RUN: qemu-aarch64 -cpu max %t.exe | FileCheck %S/matmul.mlir
// RUN: quanta-compile %S/matmul-integer.mlir --target=aarch64-linux-gnu --mattr=+i8mm -o %t.int.o --header=%t.int.h
// RUN: %aarch64_cxx_harness -include %t.int.h %S/matmul-integer-harness.cpp %t.int.o -o %t.int.exe
// RUN: qemu-aarch64 -cpu max %t.int.exe | FileCheck %S/matmul-integer.mlir
// With dotprod but no i8mm, the sdot kernel (A flipped to s8, 128 x the
// column sums of B added back):
// RUN: quanta-compile %S/matmul.mlir --target=aarch64-linux-gnu --mattr=+dotprod --emit=asm -o - | FileCheck %s --check-prefix=SDOT
// RUN: quanta-compile %S/matmul.mlir --target=aarch64-linux-gnu --mattr=+dotprod -o %t.sdot.o
// RUN: %aarch64_cxx_harness -include %t.h %S/matmul-harness.cpp %t.sdot.o -o %t.sdot.exe
// RUN: qemu-aarch64 -cpu max %t.sdot.exe | FileCheck %S/matmul.mlir
// RUN: quanta-compile %S/matmul-integer.mlir --target=aarch64-linux-gnu --mattr=+dotprod -o %t.int.sdot.o
// RUN: %aarch64_cxx_harness -include %t.int.h %S/matmul-integer-harness.cpp %t.int.sdot.o -o %t.int.sdot.exe
// RUN: qemu-aarch64 -cpu max %t.int.sdot.exe | FileCheck %S/matmul-integer.mlir
// RUN: quanta-compile %S/matmul-integer.mlir --target=aarch64-linux-gnu -o %t.noi8mm.o
// RUN: %aarch64_cxx_harness -include %t.int.h %S/matmul-integer-harness.cpp %t.noi8mm.o -o %t.noi8mm.exe
// RUN: qemu-aarch64 %t.noi8mm.exe | FileCheck %S/matmul-integer.mlir
// RUN: quanta-compile %S/w4a32-kernel.mlir --target=aarch64-linux-gnu --emit=mlir -o - | FileCheck %s --check-prefix=W4
// RUN: quanta-compile %S/w8a32-kernel.mlir --target=aarch64-linux-gnu --emit=asm -o - | FileCheck %s --check-prefix=W8
// RUN: quanta-compile %S/w4a32-kernel.mlir --target=aarch64-linux-gnu -o %t.w4a32.o --header=%t.w4a32.h
// RUN: %aarch64_cxx_harness -include %t.w4a32.h %S/w4a32-kernel-harness.cpp %t.w4a32.o -o %t.w4a32.exe
// RUN: qemu-aarch64 %t.w4a32.exe | FileCheck %S/w4a32-kernel.mlir
// RUN: quanta-compile %S/w4a16-kernel.mlir --target=aarch64-linux-gnu -o %t.w4a16.o --header=%t.w4a16.h
// RUN: %aarch64_cxx_harness -include %t.w4a16.h %S/w4a16-kernel-harness.cpp %t.w4a16.o -o %t.w4a16.exe
// RUN: qemu-aarch64 %t.w4a16.exe | FileCheck %S/w4a16-kernel.mlir
// RUN: quanta-compile %S/w8a32-kernel.mlir --target=aarch64-linux-gnu -o %t.w8a32.o --header=%t.w8a32.h
// RUN: %aarch64_cxx_harness -include %t.w8a32.h %S/w8a32-kernel-harness.cpp %t.w8a32.o -o %t.w8a32.exe
// RUN: qemu-aarch64 %t.w8a32.exe | FileCheck %S/w8a32-kernel.mlir
// RUN: quanta-compile %S/fp8-gemv.mlir --target=aarch64-linux-gnu -o %t.fp8.o --header=%t.fp8.h
// RUN: %aarch64_cxx_harness -include %t.fp8.h %S/fp8-gemv-harness.cpp %t.fp8.o -o %t.fp8.exe
// RUN: qemu-aarch64 %t.fp8.exe | FileCheck %S/fp8-gemv.mlir
// RUN: quanta-compile %S/int4-kernel.mlir --target=aarch64-linux-gnu -o %t.int4.o --header=%t.int4.h
// RUN: %aarch64_cxx_harness -include %t.int4.h %S/int4-kernel-harness.cpp %t.int4.o -o %t.int4.exe
// RUN: qemu-aarch64 %t.int4.exe | FileCheck %S/int4-kernel.mlir
// RUN: quanta-compile %S/int4-zp-kernel.mlir --target=aarch64-linux-gnu -o %t.int4zp.o --header=%t.int4zp.h
// RUN: %aarch64_cxx_harness -include %t.int4zp.h %S/int4-zp-kernel-harness.cpp %t.int4zp.o -o %t.int4zp.exe
// RUN: qemu-aarch64 %t.int4zp.exe | FileCheck %S/int4-zp-kernel.mlir
// RUN: quanta-compile %S/matmulnbits.mlir --target=aarch64-linux-gnu -o %t.matmulnbits.o --header=%t.matmulnbits.h
// RUN: %aarch64_cxx_harness -include %t.matmulnbits.h %S/matmulnbits-harness.cpp %t.matmulnbits.o -o %t.matmulnbits.exe
// RUN: qemu-aarch64 %t.matmulnbits.exe | FileCheck %S/matmulnbits.mlir
// RUN: quanta-compile %S/fp8-gemm.mlir --target=aarch64-linux-gnu -o %t.fp8gemm.o --header=%t.fp8gemm.h
// RUN: %aarch64_cxx_harness -include %t.fp8gemm.h %S/fp8-gemm-harness.cpp %t.fp8gemm.o -o %t.fp8gemm.exe
// RUN: qemu-aarch64 %t.fp8gemm.exe | FileCheck %S/fp8-gemm.mlir
// RUN: quanta-compile %S/int4-kernel.mlir --target=aarch64-linux-gnu --mattr=+dotprod -o %t.int4sdot.o
// RUN: %aarch64_cxx_harness -include %t.int4.h %S/int4-kernel-harness.cpp %t.int4sdot.o -o %t.int4sdot.exe
// RUN: qemu-aarch64 -cpu max %t.int4sdot.exe | FileCheck %S/int4-kernel.mlir
// RUN: quanta-compile %S/int4-zp-kernel.mlir --target=aarch64-linux-gnu --mattr=+dotprod -o %t.int4zpsdot.o
// RUN: %aarch64_cxx_harness -include %t.int4zp.h %S/int4-zp-kernel-harness.cpp %t.int4zpsdot.o -o %t.int4zpsdot.exe
// RUN: qemu-aarch64 -cpu max %t.int4zpsdot.exe | FileCheck %S/int4-zp-kernel.mlir
// RUN: quanta-compile %S/int4-kernel.mlir --target=aarch64-linux-gnu --mattr=+i8mm -o %t.int4usdot.o
// RUN: %aarch64_cxx_harness -include %t.int4.h %S/int4-kernel-harness.cpp %t.int4usdot.o -o %t.int4usdot.exe
// RUN: qemu-aarch64 -cpu max %t.int4usdot.exe | FileCheck %S/int4-kernel.mlir
// RUN: quanta-compile %S/int4-zp-kernel.mlir --target=aarch64-linux-gnu --mattr=+i8mm -o %t.int4zpusdot.o
// RUN: %aarch64_cxx_harness -include %t.int4zp.h %S/int4-zp-kernel-harness.cpp %t.int4zpusdot.o -o %t.int4zpusdot.exe
// RUN: qemu-aarch64 -cpu max %t.int4zpusdot.exe | FileCheck %S/int4-zp-kernel.mlir
// RUN: quanta-compile %S/int4-kernel.mlir --target=aarch64-linux-gnu --mattr=+dotprod --emit=asm -o - | FileCheck %s --check-prefix=W4A8SDOT
// f32 (and bf16, in loops) with the weights given N x K, on 4 lanes:
// RUN: quanta-compile %S/float-nk.mlir --target=aarch64-linux-gnu -o %t.fnk.o --header=%t.fnk.h
// RUN: %aarch64_cxx_harness -include %t.fnk.h %S/float-nk-harness.cpp %t.fnk.o -o %t.fnk.exe
// RUN: qemu-aarch64 -cpu max %t.fnk.exe sequential | FileCheck %S/float-nk.mlir

// W4-LABEL: llvm.func internal @_quanta_impl_s4_g32_n256(
// W4-NOT:   llvm.call_intrinsic
// W4:       llvm.sitofp {{.*}} : vector<4xi32> to vector<4xf32>
// W4:       llvm.fmul {{.*}} : vector<4xf32>
// W4:       llvm.fadd {{.*}} : vector<4xf32>
// W4-LABEL: llvm.func @s4_g128_n512(
// W4A8SDOT-LABEL: {{^}}s8_s4_g32_n256:
// W4A8SDOT:       sdot v{{[0-9]+}}.4s, v{{[0-9]+}}.16b, v{{[0-9]+}}.16b
// W4A8SDOT:       .Lfunc_end
// W8-LABEL: {{^}}s8_col_n128:
// W8:       scvtf v{{[0-9]+}}.4s, v{{[0-9]+}}.4s
// W8:       fmul v{{[0-9]+}}.4s, v{{[0-9]+}}.4s, v{{[0-9]+}}.4s
// W8:       fadd v{{[0-9]+}}.4s, v{{[0-9]+}}.4s, v{{[0-9]+}}.4s
// W8:       .Lfunc_end

// ASM-LABEL: w8a8:
// ASM: usdot v{{[0-9]+}}.4s, v{{[0-9]+}}.16b, v{{[0-9]+}}.16b
// ASM: .Lfunc_end
// SDOT-LABEL: w8a8:
// SDOT-NOT: usdot
// SDOT: sdot v{{[0-9]+}}.4s, v{{[0-9]+}}.16b, v{{[0-9]+}}.16b
// SDOT: .Lfunc_end
