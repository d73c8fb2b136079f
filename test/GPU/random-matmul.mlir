// The random matmul forms of test/Integration/Random/matmul-cases.py (one
// seed) compiled one function at a time for sm_80, sm_89 and sm_90a: each
// gets a kernel (the PTX assembles with ptxas when the CUDA toolkit is
// installed) or a diagnostic that rejects it (the forms the GPU target does
// not have yet, listed with their counts); none crashes.
// Since --quanta-allocate-device-buffers, forms without a tensor-core kernel
// run the linalg lowering's loops as kernels with device temporaries: every
// form compiles on sm_89/sm_90a, and on sm_80 all but the FP8 ones.
// RUN: %python %S/../Integration/Random/matmul-cases.py %t.cases.mlir %t.inc 5
// RUN: %python %S/compile-each.py quanta-compile %t.cases.mlir %t.dir sm_80 sm_89 sm_90a %if ptxas %{--ptxas=%ptxas%} | FileCheck %s

// CHECK: sm_80: [[N:[0-9]+]] functions, {{[0-9]+}} compiled, {{[0-9]+}} rejected with a diagnostic, 0 crashes
// CHECK: sm_89: [[N]] functions, [[N]] compiled, 0 rejected with a diagnostic, 0 crashes
// CHECK: sm_90a: [[N]] functions, [[N]] compiled, 0 rejected with a diagnostic, 0 crashes
// CHECK: ptxas: {{not run|[0-9]+ assembled, 0 failures}}
// CHECK-NOT: rejected
// CHECK: rejected {{[0-9]+}}: error: FP8 matmul needs the FP8 tensor cores of sm_89 or newer
// CHECK-NOT: rejected
