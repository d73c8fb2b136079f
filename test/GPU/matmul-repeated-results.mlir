// A function that returns one matmul result twice (written so, or two
// identical matmuls merged by CSE): each result is its own out-parameter,
// the kernel writes the first and a copy kernel fills the second from it.
// --buffer-results-to-out-params crashed on such a function
// (--quanta-copy-repeated-results).
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_90 --emit=mlir -o - | FileCheck %s
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_90 --emit=ptx -o %t.ptx
// RUN: FileCheck %s --check-prefix=PTX --input-file=%t.ptx
// RUN: %if ptxas %{ %ptxas -arch=sm_90 %t.ptx -o %t.cubin %}
// The CPU pipeline has the same out-parameter step.
// RUN: quanta-compile %s --emit=mlir -o - | FileCheck %s --check-prefix=CPU

// Two out-parameters: the matmul kernel (one for one row, up to four, more
// than 64, and the rest) writes the first, the copy kernel reads it and
// writes the second.
// CHECK-LABEL: llvm.func internal @_quanta_impl_f16twice(
// CHECK-SAME: %[[O0:arg[0-9]+]]: !llvm.ptr, %{{arg[0-9]+}}: !llvm.ptr, %{{arg[0-9]+}}: i64, %{{arg[0-9]+}}: i64, %{{arg[0-9]+}}: i64, %{{arg[0-9]+}}: i64, %{{arg[0-9]+}}: i64, %[[O1:arg[0-9]+]]: !llvm.ptr, %{{arg[0-9]+}}: !llvm.ptr, %{{arg[0-9]+}}: i64, %{{arg[0-9]+}}: i64, %{{arg[0-9]+}}: i64, %{{arg[0-9]+}}: i64, %{{arg[0-9]+}}: i64, %[[STREAM:arg[0-9]+]]: !llvm.ptr)
// CHECK-NOT: malloc
// CHECK: gpu.launch_func <%[[STREAM]] : !llvm.ptr> @_quanta_impl_f16twice_kernel::@_quanta_impl_f16twice_kernel {{.*}}%[[O0]] : !llvm.ptr
// CHECK: gpu.launch_func <%[[STREAM]] : !llvm.ptr> @_quanta_impl_f16twice_kernel_[[D:[0-9]+]]::@_quanta_impl_f16twice_kernel_[[D]] {{.*}}%[[O0]] : !llvm.ptr
// CHECK: gpu.launch_func <%[[STREAM]] : !llvm.ptr> @_quanta_impl_f16twice_kernel_[[L:[0-9]+]]::@_quanta_impl_f16twice_kernel_[[L]] {{.*}}%[[O0]] : !llvm.ptr
// CHECK: gpu.launch_func <%[[STREAM]] : !llvm.ptr> @_quanta_impl_f16twice_kernel_[[S:[0-9]+]]::@_quanta_impl_f16twice_kernel_[[S]] {{.*}}%[[O0]] : !llvm.ptr
// CHECK: gpu.launch_func <%[[STREAM]] : !llvm.ptr> @_quanta_impl_f16twice_kernel_[[N:[0-9]+]]::@_quanta_impl_f16twice_kernel_[[N]] {{.*}}%[[O0]] : !llvm.ptr, {{.*}}%[[O1]] : !llvm.ptr
// CHECK-NOT: gpu.launch_func
// CHECK: llvm.return

// Two identical matmuls of 8 rows: one kernel (the small tiling), one copy.
// CHECK-LABEL: llvm.func internal @_quanta_impl_f16merged(
// CHECK-NOT: malloc
// CHECK: gpu.launch_func <%{{arg[0-9]+}} : !llvm.ptr> @_quanta_impl_f16merged_kernel::@_quanta_impl_f16merged_kernel
// CHECK: gpu.launch_func <%{{arg[0-9]+}} : !llvm.ptr> @_quanta_impl_f16merged_kernel_[[M:[0-9]+]]::@_quanta_impl_f16merged_kernel_[[M]]
// CHECK-NOT: gpu.launch_func
// CHECK: llvm.return

// Weight-only int4, packed weights: the dot kernels (one row, up to four),
// the two tilings, the copy.
// CHECK-LABEL: llvm.func internal @_quanta_impl_w4twice(
// CHECK-NOT: malloc
// CHECK: gpu.launch_func <%{{arg[0-9]+}} : !llvm.ptr> @_quanta_impl_w4twice_kernel::@_quanta_impl_w4twice_kernel
// CHECK: gpu.launch_func <%{{arg[0-9]+}} : !llvm.ptr> @_quanta_impl_w4twice_kernel_[[WD:[0-9]+]]::@_quanta_impl_w4twice_kernel_[[WD]]
// CHECK: gpu.launch_func <%{{arg[0-9]+}} : !llvm.ptr> @_quanta_impl_w4twice_kernel_[[WL:[0-9]+]]::@_quanta_impl_w4twice_kernel_[[WL]]
// CHECK: gpu.launch_func <%{{arg[0-9]+}} : !llvm.ptr> @_quanta_impl_w4twice_kernel_[[WS:[0-9]+]]::@_quanta_impl_w4twice_kernel_[[WS]]
// CHECK: gpu.launch_func <%{{arg[0-9]+}} : !llvm.ptr> @_quanta_impl_w4twice_kernel_[[W:[0-9]+]]::@_quanta_impl_w4twice_kernel_[[W]]
// CHECK-NOT: gpu.launch_func
// CHECK: llvm.return

// PTX-LABEL: .visible .entry _quanta_impl_f16twice_kernel(
// PTX: mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// PTX-LABEL: .visible .entry _quanta_impl_w4twice_kernel(
// PTX-NOT: mma.sync
// PTX: shfl.sync.bfly.b32
// PTX: .visible .entry _quanta_impl_w4twice_kernel_{{[0-9]+}}(
// PTX-NOT: mma.sync
// PTX: .visible .entry _quanta_impl_w4twice_kernel_{{[0-9]+}}(
// PTX: mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32

// CPU-LABEL: llvm.func @f16twice(
// CPU-LABEL: llvm.func @f16merged(
// CPU-LABEL: llvm.func @w4twice(

func.func @f16twice(%a: tensor<?x?xf16>, %w: tensor<?x?xf16>, %sa: tensor<f32>, %sw: tensor<?xf32>) -> (tensor<?x?xf32>, tensor<?x?xf32>) {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f16, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f16, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xf16>, tensor<?x?xf16>, tensor<f32>, tensor<?xf32>) -> tensor<?x?xf32>
  return %y, %y : tensor<?x?xf32>, tensor<?x?xf32>
}
func.func @f16merged(%a: tensor<64x32xf16>, %w: tensor<32x48xf16>, %sa: tensor<f32>, %sw: tensor<f32>) -> (tensor<64x48xf32>, tensor<64x48xf32>) {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f16, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f16, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<64x32xf16>, tensor<32x48xf16>, tensor<f32>, tensor<f32>) -> tensor<64x48xf32>
  %z = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f16, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f16, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<64x32xf16>, tensor<32x48xf16>, tensor<f32>, tensor<f32>) -> tensor<64x48xf32>
  return %y, %z : tensor<64x48xf32>, tensor<64x48xf32>
}
func.func @w4twice(%a: tensor<?x?xf16>, %w: tensor<?x?xi4>, %sw: tensor<?x?xf16>) -> (tensor<?x?xf16>, tensor<?x?xf16>) {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f16, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x?xf16>, tensor<?x?xi4>, tensor<?x?xf16>) -> tensor<?x?xf16>
  return %y, %y : tensor<?x?xf16>, tensor<?x?xf16>
}
