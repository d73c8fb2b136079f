// Execution test of bf16 and f32 linalg.matmul with the weights given N x K
// (the matmul's rhs the linalg.transpose of an [out, in] matrix): the
// kernels of --quanta-lower-matmul-kernels read the N x K matrix in place,
// transposing words in registers, both when few rows stream B and when more
// rows pack its panels. Every result is compared bit for bit with the
// summation order of the same matmul with the weights K x N (vdpbf16ps
// pairs for bf16 on AVX512-BF16, k order otherwise): Zen 4 (16 lanes),
// Haswell (8 lanes: f32 only, bf16 in loops); matmul-openmp.mlir runs it on
// OpenMP threads, matmul-aarch64.mlir on NEON (4 lanes).
// REQUIRES: host-avx512bf16
// RUN: quanta-compile %s --mcpu=znver4 -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/float-nk-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe pairs | FileCheck %s
// RUN: quanta-compile %s --mcpu=haswell -o %t.hsw.o
// RUN: %cxx_harness -include %t.h %S/float-nk-harness.cpp %t.hsw.o %quanta_ref_lib -o %t.hsw.exe
// RUN: %t.hsw.exe sequential | FileCheck %s
// CHECK: bf16_nk: 16 shapes, 0 mismatches
// CHECK: f32_nk: 16 shapes, 0 mismatches
func.func @bf16_nk(%a: tensor<?x?xbf16>, %wt: tensor<?x?xbf16>) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %m = tensor.dim %a, %c0 : tensor<?x?xbf16>
  %n = tensor.dim %wt, %c0 : tensor<?x?xbf16>
  %k = tensor.dim %wt, %c1 : tensor<?x?xbf16>
  %et = tensor.empty(%k, %n) : tensor<?x?xbf16>
  %w = linalg.transpose ins(%wt : tensor<?x?xbf16>) outs(%et : tensor<?x?xbf16>) permutation = [1, 0]
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty(%m, %n) : tensor<?x?xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %c = linalg.matmul ins(%a, %w : tensor<?x?xbf16>, tensor<?x?xbf16>) outs(%init : tensor<?x?xf32>) -> tensor<?x?xf32>
  return %c : tensor<?x?xf32>
}

func.func @f32_nk(%a: tensor<?x?xf32>, %wt: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %m = tensor.dim %a, %c0 : tensor<?x?xf32>
  %n = tensor.dim %wt, %c0 : tensor<?x?xf32>
  %k = tensor.dim %wt, %c1 : tensor<?x?xf32>
  %et = tensor.empty(%k, %n) : tensor<?x?xf32>
  %w = linalg.transpose ins(%wt : tensor<?x?xf32>) outs(%et : tensor<?x?xf32>) permutation = [1, 0]
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty(%m, %n) : tensor<?x?xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %c = linalg.matmul ins(%a, %w : tensor<?x?xf32>, tensor<?x?xf32>) outs(%init : tensor<?x?xf32>) -> tensor<?x?xf32>
  return %c : tensor<?x?xf32>
}
