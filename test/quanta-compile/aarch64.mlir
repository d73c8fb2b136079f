// RUN: quanta-compile %s --target=aarch64-linux-gnu --mcpu=generic -o %t.o
// RUN: llvm-readelf -h %t.o | FileCheck %s --check-prefix=ELF
// RUN: llvm-objdump -d %t.o | FileCheck %s --check-prefix=NEON
// RUN: llvm-nm %t.o | FileCheck %s --check-prefix=SYMS

// Cross-compiling to AArch64 from any host gives a relocatable AArch64 ELF
// object whose quantize loop uses NEON on 4 x f32: fdiv, frintn (round half
// to even), fcmeq x, x (not NaN), fmax/fmin (the clamp), fcvtzs.

// ELF: Class: ELF64
// ELF: Type: REL (Relocatable file)
// ELF: Machine: AArch64

// NEON-LABEL: <quantize_i8>:
// NEON-NOT:     bl
// NEON:         fdiv v[[V:[0-9]+]].4s, v[[V]].4s, v{{[0-9]+}}.4s
// NEON:         frintn v{{[0-9]+}}.4s, v[[V]].4s
// NEON:         fcmeq v{{[0-9]+}}.4s, v[[V]].4s, v[[V]].4s
// NEON:         fmax v{{[0-9]+}}.4s
// NEON:         fmin v{{[0-9]+}}.4s
// NEON:         fcvtzs v{{[0-9]+}}.4s, v{{[0-9]+}}.4s
// NEON-NOT:     bl

// The entry point is the only global symbol; the implementation was inlined
// (it is internal) and nothing is left for the linker to resolve.

// SYMS-NOT:  {{ U }}
// SYMS-NOT:  _quanta_impl_
// SYMS:      T quantize_i8
// SYMS-NOT:  {{ U }}
// SYMS-NOT:  _quanta_impl_
func.func @quantize_i8(%x: tensor<?xf32>, %s: tensor<f32>, %z: tensor<i8>) -> tensor<?xi8> {
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>}
      : (tensor<?xf32>, tensor<f32>, tensor<i8>) -> tensor<?xi8>
  return %q : tensor<?xi8>
}
