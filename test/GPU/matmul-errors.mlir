// FP8 matmul on a GPU without FP8 tensor cores is reported at the op, with
// no output left behind.
// RUN: not quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_80 -o %t.o 2>&1 | FileCheck %s
// RUN: not test -e %t.o
// RUN: not quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_80 --emit=ptx -o %t.ptx 2>&1 | FileCheck %s
// RUN: not test -e %t.ptx
// A chip that is not sm_NN or sm_NNa (the outlining pass's option), also
// with trailing characters.
// RUN: not quanta-opt %s --quanta-outline-gpu-matmul=chip=sm_89x 2>&1 | FileCheck %s --check-prefix=CHIP
// CHIP: matmul-errors.mlir:[[@LINE+4]]:8: error: 'sm_89x' is not a GPU architecture of the form sm_NN or sm_NNa
// CHECK: matmul-errors.mlir:[[@LINE+3]]:8: error: FP8 matmul needs the FP8 tensor cores of sm_89 or newer (mma.sync e4m3/e5m2); sm_80 has none
// CHECK-NOT: error
func.func @fp8(%a: tensor<?x32xf8E4M3FN>, %w: tensor<32x16xf8E4M3FN>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<?x16xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x32xf8E4M3FN>, tensor<32x16xf8E4M3FN>, tensor<f32>, tensor<f32>) -> tensor<?x16xf32>
  return %y : tensor<?x16xf32>
}
