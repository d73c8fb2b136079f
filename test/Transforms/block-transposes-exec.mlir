// Execution test of --quanta-block-transposes: transposes of every element
// width it vectorizes (8, 16, 32, 64 bits: 16 x 16 down to 2 x 2 blocks),
// of int4 (packed at the C ABI, one element per byte inside: blocks copied
// element by element), of two groups of dimensions ([R, G, KK] into
// [G, KK, R]) and of a view with strided rows, compiled for the host CPU,
// for znver4 and with --openmp (2 threads), compared element for element
// with the definition on 20 shapes from 0 x 0 to 300 x 257 and 513 x 40
// (whole blocks and strips, partial ones, single rows and columns).
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/block-transposes-harness.cpp %t.o -o %t.exe
// RUN: %t.exe | FileCheck %s
// RUN: quanta-compile %s --mcpu=znver4 -o %t.znver4.o --header=%t.znver4.h
// RUN: %cxx_harness -include %t.znver4.h %S/block-transposes-harness.cpp %t.znver4.o -o %t.znver4.exe
// RUN: %t.znver4.exe | FileCheck %s
// With --openmp the strips run on the threads (scf.parallel).
// RUN: quanta-compile %s --openmp -o %t.omp.o --header=%t.omp.h
// RUN: %cxx_harness -include %t.omp.h %S/block-transposes-harness.cpp %t.omp.o %openmp_link -o %t.omp.exe
// RUN: env OMP_NUM_THREADS=2 %t.omp.exe | FileCheck %s
// RUN: quanta-compile %s --emit=mlir -o - | FileCheck %s --check-prefix=IR

// IR-NOT: linalg.transpose
// IR: llvm.shufflevector

// CHECK: t8: {{[0-9]+}} shapes, {{[0-9]+}} elements, 0 mismatches
// CHECK: t16: {{[0-9]+}} shapes, {{[0-9]+}} elements, 0 mismatches
// CHECK: t32: {{[0-9]+}} shapes, {{[0-9]+}} elements, 0 mismatches
// CHECK: t64: {{[0-9]+}} shapes, {{[0-9]+}} elements, 0 mismatches
// CHECK: t4: {{[0-9]+}} shapes, {{[0-9]+}} elements, 0 mismatches
// CHECK: groups: {{[0-9]+}} shapes, {{[0-9]+}} elements, 0 mismatches
// CHECK: strided: {{[0-9]+}} shapes, {{[0-9]+}} elements, 0 mismatches
// CHECK: ALL EXACT

func.func @t8(%x: tensor<?x?xi8>) -> tensor<?x?xi8> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = tensor.dim %x, %c0 : tensor<?x?xi8>
  %c = tensor.dim %x, %c1 : tensor<?x?xi8>
  %e = tensor.empty(%c, %r) : tensor<?x?xi8>
  %t = linalg.transpose ins(%x : tensor<?x?xi8>) outs(%e : tensor<?x?xi8>) permutation = [1, 0]
  return %t : tensor<?x?xi8>
}
func.func @t16(%x: tensor<?x?xi16>) -> tensor<?x?xi16> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = tensor.dim %x, %c0 : tensor<?x?xi16>
  %c = tensor.dim %x, %c1 : tensor<?x?xi16>
  %e = tensor.empty(%c, %r) : tensor<?x?xi16>
  %t = linalg.transpose ins(%x : tensor<?x?xi16>) outs(%e : tensor<?x?xi16>) permutation = [1, 0]
  return %t : tensor<?x?xi16>
}
func.func @t32(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = tensor.dim %x, %c0 : tensor<?x?xf32>
  %c = tensor.dim %x, %c1 : tensor<?x?xf32>
  %e = tensor.empty(%c, %r) : tensor<?x?xf32>
  %t = linalg.transpose ins(%x : tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) permutation = [1, 0]
  return %t : tensor<?x?xf32>
}
func.func @t64(%x: tensor<?x?xi64>) -> tensor<?x?xi64> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = tensor.dim %x, %c0 : tensor<?x?xi64>
  %c = tensor.dim %x, %c1 : tensor<?x?xi64>
  %e = tensor.empty(%c, %r) : tensor<?x?xi64>
  %t = linalg.transpose ins(%x : tensor<?x?xi64>) outs(%e : tensor<?x?xi64>) permutation = [1, 0]
  return %t : tensor<?x?xi64>
}
func.func @t4(%x: tensor<?x?xi4>) -> tensor<?x?xi4> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = tensor.dim %x, %c0 : tensor<?x?xi4>
  %c = tensor.dim %x, %c1 : tensor<?x?xi4>
  %e = tensor.empty(%c, %r) : tensor<?x?xi4>
  %t = linalg.transpose ins(%x : tensor<?x?xi4>) outs(%e : tensor<?x?xi4>) permutation = [1, 0]
  return %t : tensor<?x?xi4>
}
// [R, G, 8] into [G, 8, R].
func.func @groups(%x: tensor<?x?x8xi8>) -> tensor<?x8x?xi8> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = tensor.dim %x, %c0 : tensor<?x?x8xi8>
  %g = tensor.dim %x, %c1 : tensor<?x?x8xi8>
  %e = tensor.empty(%g, %r) : tensor<?x8x?xi8>
  %t = linalg.transpose ins(%x : tensor<?x?x8xi8>) outs(%e : tensor<?x8x?xi8>) permutation = [1, 2, 0]
  return %t : tensor<?x8x?xi8>
}
// The even columns of x (a view with a column stride of 2), transposed.
func.func @strided(%x: tensor<?x?xi8>) -> tensor<?x?xi8> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %r = tensor.dim %x, %c0 : tensor<?x?xi8>
  %c = tensor.dim %x, %c1 : tensor<?x?xi8>
  %h = arith.divui %c, %c2 : index
  %s = tensor.extract_slice %x[0, 0] [%r, %h] [1, 2] : tensor<?x?xi8> to tensor<?x?xi8>
  %e = tensor.empty(%h, %r) : tensor<?x?xi8>
  %t = linalg.transpose ins(%s : tensor<?x?xi8>) outs(%e : tensor<?x?xi8>) permutation = [1, 0]
  return %t : tensor<?x?xi8>
}
