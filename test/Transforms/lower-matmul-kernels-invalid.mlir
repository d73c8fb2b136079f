// Bad options of --quanta-lower-matmul-kernels: an error naming the values
// it takes, and a failing pass.
// RUN: not quanta-opt %s -quanta-lower-matmul-kernels="int8=sse" 2>&1 | FileCheck %s --check-prefix=INT8
// RUN: not quanta-opt %s -quanta-lower-matmul-kernels="vector-bits=64" 2>&1 | FileCheck %s --check-prefix=BITS

// INT8: error: unknown int8 kernel 'sse' (expected avx512vnni, avxvnni, avx512bw, avx2, neon-i8mm, neon-dotprod or none)
// BITS: error: unsupported vector-bits 64 (expected 512, 256, 128 or 0)
// RUN: not quanta-opt %s -quanta-lower-matmul-kernels="stream-prefetch=-1" 2>&1 | FileCheck %s --check-prefix=PREFETCH
// PREFETCH: error: stream-prefetch -1 is negative (bytes ahead of the reads)

func.func @f() {
  return
}

// -----

// With AMX kernels to build, a function named `syscall` (the C library
// function they call to request the tiles) is rejected at its location.
// RUN: not quanta-opt %s -split-input-file -quanta-lower-matmul-kernels="amx=true bf16=true" 2>&1 | FileCheck %s --check-prefix=SYSCALL
// SYSCALL: lower-matmul-kernels-invalid.mlir:[[@LINE+1]]:1: error: a function named 'syscall' clashes with the C library's, which the AMX matmul kernels call; rename it or compile without AMX (--mattr=-amx-int8,-amx-bf16)
func.func @syscall(%x: i64) -> i64 {
  return %x : i64
}

func.func @bf16_matmul(%a: memref<64x64xbf16>, %b: memref<64x64xbf16>, %c: memref<64x64xf32>) {
  linalg.matmul ins(%a, %b : memref<64x64xbf16>, memref<64x64xbf16>) outs(%c : memref<64x64xf32>)
  return
}
