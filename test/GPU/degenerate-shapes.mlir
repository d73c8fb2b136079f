// Degenerate shapes on the GPU (found by fuzzing the drivers).
// RUN: quanta-opt %s --quanta-outline-gpu-matmul=chip=sm_90 | FileCheck %s --check-prefix=OUTLINE
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_90 --emit=llvm -o - | FileCheck %s
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_90 --emit=ptx -o %t.ptx
// RUN: %if ptxas %{ %ptxas -arch=sm_90 %t.ptx -o %t.cubin %}

// A batched matmul with no rows leaves a kernel nothing to do: it is not
// outlined, and its result is an empty tensor (no slice of an empty
// operand is taken, which tensor.extract_slice rejects).
// OUTLINE-LABEL: func.func @no_rows
// OUTLINE:         quanta.matmul
// OUTLINE-NOT:     call @__quanta_gpu_matmul
// CHECK-LABEL: define void @no_rows(
// CHECK-NOT:     call void @mgpuLaunchKernel
// CHECK:         ret void
func.func @no_rows(%a: tensor<2x0x64xf16>, %w: tensor<2x64x16xi8>, %sw: tensor<f16>) -> tensor<2x0x16xf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i8, expressed = f16, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<2x0x64xf16>, tensor<2x64x16xi8>, tensor<f16>) -> tensor<2x0x16xf16>
  return %y : tensor<2x0x16xf16>
}

// 0-d data with a per-tensor scale of shape [1]: the op without loops gets
// one of size 1 (--quanta-parallel-dims-first) and stays a valid kernel.
// CHECK-LABEL: define void @scalar_quantize(
// CHECK:         call void @mgpuLaunchKernel
func.func @scalar_quantize(%x: tensor<f32>, %s: tensor<1xf32>) -> tensor<i8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<f32>, tensor<1xf32>) -> tensor<i8>
  return %q : tensor<i8>
}

// quanta.matmul_integer with no rows, batched (the weights shared or not).
// OUTLINE-LABEL: func.func @integer_no_rows
// OUTLINE-NOT:     call @__quanta_gpu_matmul
// CHECK-LABEL: define void @integer_no_rows(
// CHECK:         ret void
func.func @integer_no_rows(%a: tensor<?x0x64xi8>, %w: tensor<64x16xi8>, %v: tensor<?x64x16xi8>) -> (tensor<?x0x16xi32>, tensor<?x0x16xi32>) {
  %y = quanta.matmul_integer %a, %w : (tensor<?x0x64xi8>, tensor<64x16xi8>) -> tensor<?x0x16xi32>
  %z = quanta.matmul_integer %a, %v : (tensor<?x0x64xi8>, tensor<?x64x16xi8>) -> tensor<?x0x16xi32>
  return %y, %z : tensor<?x0x16xi32>, tensor<?x0x16xi32>
}
