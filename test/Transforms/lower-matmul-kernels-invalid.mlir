// Bad options of --quanta-lower-matmul-kernels: an error naming the values
// it takes, and a failing pass.
// RUN: not quanta-opt %s -quanta-lower-matmul-kernels="int8=sse" 2>&1 | FileCheck %s --check-prefix=INT8
// RUN: not quanta-opt %s -quanta-lower-matmul-kernels="vector-bits=64" 2>&1 | FileCheck %s --check-prefix=BITS

// INT8: error: unknown int8 kernel 'sse' (expected avx512vnni, avx2, neon-i8mm, neon-dotprod or none)
// BITS: error: unsupported vector-bits 64 (expected 512, 256, 128 or 0)

func.func @f() {
  return
}
