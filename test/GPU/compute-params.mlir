// compute_params' percentile on the GPU. Its two radix selections (32
// bisection steps each, counting the values below a candidate key) lower to
// loops of the host code that read and write 0-d buffers;
// --quanta-allocate-device-buffers moves them to the device: per tensor,
// the whole bisection (a loop without results once the key is updated in
// place) becomes one kernel of one thread; per channel, the steps stay host
// loops that launch the kernels of each step, their host stores becoming
// kernels of one thread and their host loads sunk into the kernels that use
// them. The PTX assembles with ptxas. (Checked against the reference on a
// GPU by scripts/gpu-check.sh's random compute_params forms.)
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_89 --emit=ptx -o %t.ptx
// RUN: %if ptxas %{ %ptxas -arch=sm_89 %t.ptx -o %t.cubin %}
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_89 --emit=llvm -o - | FileCheck %s

// CHECK-LABEL: define internal fastcc void @_quanta_impl_percentile_tensor(
// CHECK-NOT: br i1
// CHECK: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 1, i64 1, i64 1, i64 1, i64 1, i64 1,
// CHECK-NOT: br i1
// CHECK: ret void
func.func @percentile_tensor(%x: tensor<?x16xf32>) -> tensor<f32> {
  %s = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method percentile>, percentile = 99.0 : f64} : (tensor<?x16xf32>) -> tensor<f32>
  return %s : tensor<f32>
}

// Per channel the host's only loops are the 4 bisections (2 per bound) of
// 32 steps; the counts along the rows run inside the kernels
// (--quanta-parallel-dims-first), one thread per channel.
// CHECK-LABEL: define internal fastcc void @_quanta_impl_percentile_channel(
// CHECK-NOT: br i1
// CHECK: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 1, i64 1, i64 1, i64 256, i64 1, i64 1,
// CHECK-NOT: br i1
// CHECK: icmp eq i64 %{{.*}}, 32
// CHECK-NEXT: br i1
// CHECK-NOT: br i1
// CHECK: icmp eq i64 %{{.*}}, 32
// CHECK-NEXT: br i1
// CHECK-NOT: br i1
// CHECK: icmp eq i64 %{{.*}}, 32
// CHECK-NEXT: br i1
// CHECK-NOT: br i1
// CHECK: icmp eq i64 %{{.*}}, 32
// CHECK-NEXT: br i1
// CHECK-NOT: br i1
// CHECK: ret void
func.func @percentile_channel(%x: tensor<?x16xf32>) -> (tensor<16xf32>, tensor<16xi8>) {
  %s, %z = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1>, method = #quanta<params_method percentile>, percentile = 99.9 : f64} : (tensor<?x16xf32>) -> (tensor<16xf32>, tensor<16xi8>)
  return %s, %z : tensor<16xf32>, tensor<16xi8>
}
