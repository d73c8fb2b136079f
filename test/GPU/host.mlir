// The host object of an nvptx64 compilation: the C entry point, with the
// ABI of docs/ABI.md over device pointers, embeds the PTX, loads it once
// (global constructor) and launches the kernel through the mgpu* functions
// of runtime/cuda, synchronously.
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_89 -o %t.o --header=%t.h
// RUN: llvm-nm %t.o | FileCheck %s
// RUN: FileCheck %s --check-prefix=HEADER --input-file=%t.h
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_89 --emit=llvm -o - | FileCheck %s --check-prefix=IR

// CHECK-DAG: T quantize_int8
// CHECK-DAG: U mgpuModuleLoadJIT
// CHECK-DAG: U mgpuLaunchKernel
// CHECK-DAG: U mgpuStreamSynchronize
// HEADER: void quantize_int8(const float *arg0, int64_t arg0_dim0, const float *arg1, int8_t *result0);
// IR: .target sm_89
// IR: @llvm.global_ctors
// IR: define void @quantize_int8(ptr noalias
// IR: call void @mgpuLaunchKernel(
func.func @quantize_int8(%x: tensor<?xf32>, %s: tensor<f32>) -> tensor<?xi8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>}
      : (tensor<?xf32>, tensor<f32>) -> tensor<?xi8>
  return %q : tensor<?xi8>
}

// A returned argument is copied by a kernel into its out-parameter: a host
// memcpy cannot read or write device buffers.
// IR-LABEL: define void @quantize_and_pass(
// IR-NOT: llvm.memcpy
// IR-COUNT-2: call void @mgpuLaunchKernel(
// IR: ret void
func.func @quantize_and_pass(%x: tensor<1024xf32>, %s: tensor<f32>) -> (tensor<1024xi8>, tensor<1024xf32>) {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<1024xf32>, tensor<f32>) -> tensor<1024xi8>
  return %q, %x : tensor<1024xi8>, tensor<1024xf32>
}
