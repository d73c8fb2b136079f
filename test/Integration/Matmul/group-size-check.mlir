// A per-group matmul whose K is dynamic checks at run time that K is a
// multiple of the group size (the verifier checks a static K): with K = 64
// it runs, with K = 40 it prints the reason and aborts instead of silently
// dropping the last, partial K-block.
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/group-size-check-harness.cpp %t.o -o %t.exe
// RUN: %t.exe 64 | FileCheck %s --check-prefix=OK
// RUN: not --crash %t.exe 40 2>&1 | FileCheck %s --check-prefix=BAD
// The same check before the GPU kernel (W4A8 on the int8 tensor-core
// kernel, run on the GPU-on-host runtime).
// RUN: quanta-compile %s --gpu-on-host --gpu-arch=sm_90 -o %t.gpu.o --header=%t.gpu.h
// RUN: %cxx_harness -include %t.gpu.h %S/group-size-check-harness.cpp %t.gpu.o %quanta_gpu_on_host_lib -o %t.gpu.exe
// RUN: %t.gpu.exe 64 | FileCheck %s --check-prefix=OK
// RUN: not --crash %t.gpu.exe 40 2>&1 | FileCheck %s --check-prefix=BAD
// OK: K = 64: ran
// BAD: quanta.matmul: K is not a multiple of the group size 32
// BAD-NOT: ran
func.func @w4(%a: tensor<2x?xi8>, %w: tensor<?x16xi4>, %sa: tensor<2xf32>, %sw: tensor<?x16xf32>) -> tensor<2x16xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<2x?xi8>, tensor<?x16xi4>, tensor<2xf32>, tensor<?x16xf32>) -> tensor<2x16xf32>
  return %y : tensor<2x16xf32>
}
