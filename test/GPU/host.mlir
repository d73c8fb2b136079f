// The host object of an nvptx64 compilation: the C entry points, with the
// ABI of docs/ABI.md over device pointers, embed the kernels (the PTX, and
// with the CUDA toolkit at hand a fatbin holding the PTX and a cubin), load
// them once (global constructor) and launch the kernels through the mgpu*
// functions of runtime/cuda: `f` on a stream of its own, waiting for it;
// `f_async` on the caller's stream (its last parameter), without waiting.
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_89 -o %t.o --header=%t.h
// RUN: llvm-nm %t.o | FileCheck %s
// RUN: FileCheck %s --check-prefix=HEADER --input-file=%t.h
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_89 --emit=llvm -o - | FileCheck %s --check-prefix=IR
// With the CUDA toolkit's ptxas and fatbinary found: a fatbin (magic
// 0xBA55ED50) of the PTX and a cubin, loaded by mgpuModuleLoad; without
// them, the PTX alone, JIT-compiled by the driver at load.
// RUN: %if cuda-fatbin %{ quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_89 --emit=llvm -o - | FileCheck %s --check-prefix=CUBIN %}
// RUN: %if !cuda-fatbin %{ quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_89 --emit=llvm -o - | FileCheck %s --check-prefix=PTXONLY %}
// CUBIN: _binary = internal constant [{{[0-9]+}} x i8] c"P\EDU\BA
// CUBIN: call ptr @mgpuModuleLoad(
// PTXONLY: .target sm_89
// PTXONLY: call ptr @mgpuModuleLoadJIT(

// CHECK-DAG: T quantize_int8
// CHECK-DAG: U mgpuModuleLoad{{(JIT)?}}
// CHECK-DAG: U mgpuLaunchKernel
// CHECK-DAG: U mgpuStreamSynchronize
// CHECK-DAG: T quantize_int8_async
// HEADER: void quantize_int8(const float *arg0, int64_t arg0_dim0, const float *arg1, int8_t *result0);
// HEADER-NEXT: void quantize_int8_async(const float *arg0, int64_t arg0_dim0, const float *arg1, int8_t *result0, void *stream);
// IR: @llvm.global_ctors
// IR-LABEL: define void @quantize_int8(ptr noalias
// IR: %[[S:.*]] = {{.*}}call ptr @mgpuStreamCreate()
// IR: call void @mgpuLaunchKernel({{.*}}, ptr %[[S]],
// IR: call void @mgpuStreamSynchronize(ptr %[[S]])
// IR-NEXT: call void @mgpuStreamDestroy(ptr %[[S]])
// IR-LABEL: define void @quantize_int8_async(
// IR-SAME: ptr %[[STREAM:[0-9]+]])
// IR-NOT: mgpuStream
// IR: call void @mgpuLaunchKernel({{.*}}, ptr %[[STREAM]],
// IR-NOT: mgpuStream
// IR: ret void
func.func @quantize_int8(%x: tensor<?xf32>, %s: tensor<f32>) -> tensor<?xi8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>}
      : (tensor<?xf32>, tensor<f32>) -> tensor<?xi8>
  return %q : tensor<?xi8>
}

// A returned argument is copied by a kernel into its out-parameter: a host
// memcpy cannot read or write device buffers. Both kernels go to the one
// stream of the call.
// IR-LABEL: define void @quantize_and_pass(
// IR: call ptr @mgpuStreamCreate()
// IR-NOT: mgpuStream
// IR: call {{.*}} @_quanta_impl_quantize_and_pass(
// IR-NEXT: call void @mgpuStreamSynchronize(
// IR-NEXT: call void @mgpuStreamDestroy(
// IR-LABEL: define void @quantize_and_pass_async(
// IR-NOT: mgpuStream
// IR: define internal {{.*}} @_quanta_impl_quantize_and_pass({{.*}}, ptr %[[STREAM:[0-9]+]])
// IR-NOT: llvm.memcpy
// IR-NOT: mgpuStream
// IR-COUNT-2: call void @mgpuLaunchKernel({{.*}}, ptr %[[STREAM]],
// IR-NOT: mgpuStream
// IR: ret void
func.func @quantize_and_pass(%x: tensor<1024xf32>, %s: tensor<f32>) -> (tensor<1024xi8>, tensor<1024xf32>) {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<1024xf32>, tensor<f32>) -> tensor<1024xi8>
  return %q, %x : tensor<1024xi8>, tensor<1024xf32>
}
