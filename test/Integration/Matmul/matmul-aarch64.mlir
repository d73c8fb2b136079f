// The matmul execution tests on AArch64, run under qemu-user: with i8mm the
// u8 x s8 cores use the NEON usdot kernel of --quanta-lower-matmul-kernels,
// with dotprod only the sdot kernel (both checked in the assembly), without
// either the vectorized loops; bit-exact against the reference each way.
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

// ASM-LABEL: w8a8:
// ASM: usdot v{{[0-9]+}}.4s, v{{[0-9]+}}.16b, v{{[0-9]+}}.16b
// ASM: .Lfunc_end
// SDOT-LABEL: w8a8:
// SDOT-NOT: usdot
// SDOT: sdot v{{[0-9]+}}.4s, v{{[0-9]+}}.16b, v{{[0-9]+}}.16b
// SDOT: .Lfunc_end
