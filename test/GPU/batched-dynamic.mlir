// A matmul with two dynamic batch dimensions on the GPU: the host code views
// the batches through memref.collapse_shape/expand_shape into several
// dynamic sizes, on which upstream's --expand-strided-metadata (in the NVVM
// lowering) crashed until the GPU pipeline also ran
// --quanta-reinterpret-expand-shapes (found by mutation fuzzing).
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_90a --emit=ptx -o %t.ptx
// RUN: %if ptxas %{ %ptxas -arch=sm_90a %t.ptx -o %t.cubin %}
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_90a --emit=llvm -o - | FileCheck %s

// CHECK-LABEL: define void @batch4d(
// CHECK-LABEL: define internal fastcc void @_quanta_impl_batch4d(
// CHECK: call void @mgpuLaunchKernel
func.func @batch4d(%a: tensor<?x?x?x?xi8>, %b: tensor<?x?x?x?xi8>, %za: tensor<?xi8>, %zb: tensor<i8>) -> tensor<?x?x?x?xi32> {
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) rhs_zp(%zb) {lhs_unsigned} : (tensor<?x?x?x?xi8>, tensor<?x?x?x?xi8>, tensor<?xi8>, tensor<i8>) -> tensor<?x?x?x?xi32>
  return %y : tensor<?x?x?x?xi32>
}
