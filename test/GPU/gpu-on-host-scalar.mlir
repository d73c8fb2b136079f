// Ops on 0-d tensors on the GPU: linalg ops without loops become kernels
// (--quanta-parallel-dims-first gives them a unit loop), rather
// than host code that would read the device buffers (refused before). The
// execution check runs them on the GPU-on-host runtime against the
// reference on edge inputs (gpu-on-host-scalar-harness.cpp).
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_90 --emit=ptx -o %t.ptx
// RUN: %if ptxas %{ %ptxas -arch=sm_90 %t.ptx -o %t.cubin %}
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_90 --emit=llvm -o - | FileCheck %s
// RUN: quanta-compile %s --gpu-on-host -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/gpu-on-host-scalar-harness.cpp %t.o %quanta_ref_lib %quanta_gpu_on_host_lib -o %t.exe
// RUN: %t.exe | FileCheck %s --check-prefix=EXEC

// Every step a kernel of one block (its first thread computes), none on the
// host.
// CHECK-LABEL: define internal fastcc void @_quanta_impl_min_max(
// CHECK-NOT:     load float
// CHECK:         call void @mgpuLaunchKernel(ptr %{{.*}}, i64 1, i64 1, i64 1,
// CHECK-NOT:     load float
// CHECK:         ret void

// EXEC: scalar ops: {{[0-9]+}} values, 0 mismatches

func.func @max_abs(%x: tensor<f32>) -> tensor<f32> {
  %s = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method max_abs>} : (tensor<f32>) -> tensor<f32>
  return %s : tensor<f32>
}

func.func @min_max(%x: tensor<f32>) -> (tensor<f32>, tensor<i8>) {
  %s, %z = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32>, method = #quanta<params_method min_max>} : (tensor<f32>) -> (tensor<f32>, tensor<i8>)
  return %s, %z : tensor<f32>, tensor<i8>
}

// Dynamic quantization of a scalar: its max-abs scale, then the quantize.
func.func @dynamic_quantize(%x: tensor<f32>) -> tensor<i8> {
  %s = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method max_abs>} : (tensor<f32>) -> tensor<f32>
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<f32>, tensor<f32>) -> tensor<i8>
  return %q : tensor<i8>
}
