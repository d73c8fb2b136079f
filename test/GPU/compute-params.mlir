// compute_params on the GPU. Its exact reductions (integer max/min of order
// keys, the percentile's counts) are split into partial reductions over
// many threads (--quanta-split-reductions: 65536 threads per reduction, then
// the partials reduced the same way); mean_std's f64 sums, whose result
// depends on their order, stay one thread per parameter. The percentile's
// two radix selections (32 bisection steps each, counting the values below
// a candidate key) are host loops that launch the kernels of each step,
// their host stores of 0-d buffers becoming kernels of one thread and their
// host loads sunk into the kernels that use them. The PTX assembles with
// ptxas. (Checked against the reference on a GPU by scripts/gpu-check.sh's
// random compute_params forms, and on the CPU, split the same way, by
// test/Transforms/split-reductions-exec.mlir.)
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_89 --emit=ptx -o %t.ptx
// RUN: %if ptxas %{ %ptxas -arch=sm_89 %t.ptx -o %t.cubin %}
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_89 --emit=llvm -o - | FileCheck %s

// Per tensor: max |x| on 256 blocks of 256 threads, then 1024 partials on
// 4 blocks, 16 on one (of 256 threads), and the last 16 on one thread.
// CHECK-LABEL: define internal fastcc void @_quanta_impl_max_abs_tensor(
// CHECK-NOT: br i1
// CHECK: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 256, i64 1, i64 1, i64 256, i64 1, i64 1,
// CHECK: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 4, i64 1, i64 1, i64 256, i64 1, i64 1,
// CHECK: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 1, i64 1, i64 1, i64 256, i64 1, i64 1,
// CHECK: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 1, i64 1, i64 1, i64 1, i64 1, i64 1,
// CHECK: ret void
func.func @max_abs_tensor(%x: tensor<?x16xf32>) -> tensor<f32> {
  %s = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method max_abs>} : (tensor<?x16xf32>) -> tensor<f32>
  return %s : tensor<f32>
}

// Per channel of 16: 4096 partials per channel (16 x 16 blocks), then 64
// (one block row per channel).
// CHECK-LABEL: define internal fastcc void @_quanta_impl_min_max_channel(
// CHECK: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 16, i64 16, i64 1, i64 256, i64 1, i64 1,
// CHECK: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 1, i64 16, i64 1, i64 256, i64 1, i64 1,
// CHECK: ret void
func.func @min_max_channel(%x: tensor<?x16xf32>) -> (tensor<16xf32>, tensor<16xi8>) {
  %s, %z = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1>, method = #quanta<params_method min_max>} : (tensor<?x16xf32>) -> (tensor<16xf32>, tensor<16xi8>)
  return %s, %z : tensor<16xf32>, tensor<16xi8>
}

// mean_std per tensor: its sums on one thread, each.
// CHECK-LABEL: define internal fastcc void @_quanta_impl_mean_std_tensor(
// CHECK-NOT: i64 256, i64 1, i64 1, i64 256
// CHECK: ret void
func.func @mean_std_tensor(%x: tensor<?x16xf32>) -> tensor<f32> {
  %s = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method mean_std>, k = 3.0 : f64} : (tensor<?x16xf32>) -> tensor<f32>
  return %s : tensor<f32>
}

// The percentile per tensor: the count of non-NaN values, then the two
// bisections of 32 steps, each step's count over 65536 threads.
// CHECK-LABEL: define internal fastcc void @_quanta_impl_percentile_tensor(
// CHECK: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 256, i64 1, i64 1, i64 256, i64 1, i64 1,
// CHECK: icmp eq i64 %{{.*}}, 32
// CHECK-NEXT: br i1
// CHECK: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 256, i64 1, i64 1, i64 256, i64 1, i64 1,
// CHECK: icmp eq i64 %{{.*}}, 32
// CHECK-NEXT: br i1
// CHECK: ret void
func.func @percentile_tensor(%x: tensor<?x16xf32>) -> tensor<f32> {
  %s = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method percentile>, percentile = 99.0 : f64} : (tensor<?x16xf32>) -> tensor<f32>
  return %s : tensor<f32>
}

// Per channel the host's only loops are the 4 bisections (2 per bound) of
// 32 steps; each step's counts run on 16 x 16 blocks, then 1 x 16.
// CHECK-LABEL: define internal fastcc void @_quanta_impl_percentile_channel(
// CHECK: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 16, i64 16, i64 1, i64 256, i64 1, i64 1,
// CHECK: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 16, i64 16, i64 1, i64 256, i64 1, i64 1,
// CHECK: icmp eq i64 %{{.*}}, 32
// CHECK-NEXT: br i1
// CHECK: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 16, i64 16, i64 1, i64 256, i64 1, i64 1,
// CHECK: icmp eq i64 %{{.*}}, 32
// CHECK-NEXT: br i1
// CHECK: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 16, i64 16, i64 1, i64 256, i64 1, i64 1,
// CHECK: icmp eq i64 %{{.*}}, 32
// CHECK-NEXT: br i1
// CHECK: call void @mgpuLaunchKernel(ptr %{{.*}}, i64 16, i64 16, i64 1, i64 256, i64 1, i64 1,
// CHECK: icmp eq i64 %{{.*}}, 32
// CHECK-NEXT: br i1
// CHECK-NOT: br i1
// CHECK: ret void
func.func @percentile_channel(%x: tensor<?x16xf32>) -> (tensor<16xf32>, tensor<16xi8>) {
  %s, %z = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1>, method = #quanta<params_method percentile>, percentile = 99.9 : f64} : (tensor<?x16xf32>) -> (tensor<16xf32>, tensor<16xi8>)
  return %s, %z : tensor<16xf32>, tensor<16xi8>
}
