// Execution test of bf16 x bf16 -> f32 linalg.matmul on the CPU. With
// avx512bf16 (Zen 4) it runs the vdpbf16ps kernel of
// --quanta-lower-matmul-kernels, which adds the products of k + 1 and then k to
// each accumulator (each product exact in f32, each addition rounded to
// nearest even): compared bit for bit with that order, on inputs whose
// products and sums stay normal (the instruction flushes subnormals). Shapes
// cover the streaming (M < 8) and packed paths, leftover rows and columns,
// and the loops the kernel falls back to when K is odd or N is not a
// multiple of 16 (k order); linalg.batch_matmul runs the kernel batch by
// batch. Without the feature (--mattr=-avx512bf16) the loops keep the k
// order everywhere.
// REQUIRES: host-avx512bf16
// RUN: quanta-compile %s --mcpu=znver4 -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/bf16-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe pairs | FileCheck %s
// RUN: quanta-compile %s --mcpu=znver4 --mattr=-avx512bf16 -o %t.seq.o
// RUN: %cxx_harness -include %t.h %S/bf16-harness.cpp %t.seq.o %quanta_ref_lib -o %t.seq.exe
// RUN: %t.seq.exe sequential | FileCheck %s
// CHECK: bf16_gemm: 12 shapes, 0 mismatches
// AMX-RANGES: bf16_gemm panel ranges: 0 mismatches
// CHECK: bf16_bmm: 5 shapes, 0 mismatches
func.func @bf16_gemm(%a: tensor<?x?xbf16>, %b: tensor<?x?xbf16>) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %m = tensor.dim %a, %c0 : tensor<?x?xbf16>
  %n = tensor.dim %b, %c1 : tensor<?x?xbf16>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty(%m, %n) : tensor<?x?xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %c = linalg.matmul ins(%a, %b : tensor<?x?xbf16>, tensor<?x?xbf16>) outs(%init : tensor<?x?xf32>) -> tensor<?x?xf32>
  return %c : tensor<?x?xf32>
}

func.func @bf16_bmm(%a: tensor<?x?x?xbf16>, %b: tensor<?x?x?xbf16>) -> tensor<?x?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %batches = tensor.dim %a, %c0 : tensor<?x?x?xbf16>
  %m = tensor.dim %a, %c1 : tensor<?x?x?xbf16>
  %n = tensor.dim %b, %c2 : tensor<?x?x?xbf16>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty(%batches, %m, %n) : tensor<?x?x?xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %c = linalg.batch_matmul ins(%a, %b : tensor<?x?x?xbf16>, tensor<?x?x?xbf16>) outs(%init : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  return %c : tensor<?x?x?xf32>
}
