// Weight-only int4 matmuls without a tensor-core kernel (f32 activations,
// batches, int4 results) are left to the linalg lowering by
// --quanta-outline-gpu-matmul: they unpack the weights into a device
// temporary (--quanta-allocate-device-buffers) and compile to PTX that
// assembles.
// RUN: quanta-opt %s -split-input-file --quanta-outline-gpu-matmul | FileCheck %s
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_80 --emit=ptx -o %t.ptx
// RUN: %if ptxas %{ %ptxas -arch=sm_80 %t.ptx -o /dev/null %}
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_80 --emit=llvm -o - | FileCheck %s --check-prefix=HOST

// CHECK-NOT: __quanta_gpu_matmul
// CHECK-COUNT-3: quanta.matmul
// HOST-LABEL: define internal {{.*}}@_quanta_impl_f32_lhs(
// HOST: call ptr @mgpuMemAlloc(
// HOST: call void @mgpuLaunchKernel(
// HOST: call void @mgpuMemFree(

func.func @f32_lhs(%a: tensor<?x64xf32>, %w: tensor<64x16xi4>, %sw: tensor<2x16xf32>) -> tensor<?x16xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xf32>, tensor<64x16xi4>, tensor<2x16xf32>) -> tensor<?x16xf32>
  return %y : tensor<?x16xf32>
}

// -----

func.func @batched(%a: tensor<2x?x64xf16>, %w: tensor<2x64x16xi4>, %sw: tensor<f16>) -> tensor<2x?x16xf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f16, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<2x?x64xf16>, tensor<2x64x16xi4>, tensor<f16>) -> tensor<2x?x16xf16>
  return %y : tensor<2x?x16xf16>
}

// -----

func.func @int4_result(%a: tensor<?x64xf16>, %w: tensor<64x16xi4>, %sw: tensor<16xf16>, %so: tensor<f16>) -> tensor<?x16xi4> {
  %y = quanta.matmul %a, %w rhs_scale(%sw) result_scale(%so)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f16, granularity = per_channel, axis = 1, symmetric = true>,
       result_scheme = #quanta.scheme<storage = i4, expressed = f16, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xf16>, tensor<64x16xi4>, tensor<16xf16>, tensor<f16>) -> tensor<?x16xi4>
  return %y : tensor<?x16xi4>
}
