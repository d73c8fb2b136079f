// What the GPU target does not do yet is reported, with no output left.
// RUN: rm -rf %t && split-file %s %t
// RUN: not quanta-compile %t/params.mlir --target=nvptx64-nvidia-cuda -o %t/params.o 2>&1 | FileCheck %s --check-prefix=TEMP
// RUN: not test -e %t/params.o
// TEMP: params.mlir:{{[0-9]+}}:{{[0-9]+}}: error: this computation needs a temporary buffer, which the GPU target does not allocate yet (supported: element-wise ops without int4 arguments or results, and quanta.matmul forms with a tensor-core kernel, weight-only int4 per tensor, column or group with its packed int4 weights included; not yet: compute_params, quanta.matmul_integer, other int4 arguments and results, and the other matmul forms, such as batched, W4A8 or 8-bit per-group ones)
// An int4 argument of an element-wise op is unpacked into a temporary; so is
// the int4 weight of a W4A8 matmul (per group, but not weight-only: no kernel).
// RUN: not quanta-compile %t/int4.mlir --target=nvptx64-nvidia-cuda -o %t/int4.o 2>&1 | FileCheck %s --check-prefix=INT4
// RUN: not test -e %t/int4.o
// INT4: int4.mlir:2:{{[0-9]+}}: error: this computation needs a temporary buffer
// RUN: not quanta-compile %t/w4a8.mlir --target=nvptx64-nvidia-cuda -o %t/w4a8.o 2>&1 | FileCheck %s --check-prefix=W4A8
// RUN: not test -e %t/w4a8.o
// W4A8: w4a8.mlir:2:{{[0-9]+}}: error: this computation needs a temporary buffer
// RUN: not quanta-compile %t/params.mlir --target=nvptx64-nvidia-cuda --gpu-arch=sm_12 -o %t/arch.o 2>&1 | FileCheck %s --check-prefix=ARCH
// ARCH: quanta-compile: unknown GPU architecture 'sm_12'
// RUN: not quanta-compile %t/params.mlir --emit=ptx -o %t/cpu.ptx 2>&1 | FileCheck %s --check-prefix=PTX
// PTX: quanta-compile: --emit=ptx needs an nvptx64 target
// Each GPU entry point f also gets f_async (docs/ABI.md): a function of that
// name is refused. The CPU target has no such variant and compiles it.
// RUN: not quanta-compile %t/async.mlir --target=nvptx64-nvidia-cuda -o %t/async.o --header=%t/async.h 2>&1 | FileCheck %s --check-prefix=ASYNC
// RUN: not test -e %t/async.o
// RUN: not test -e %t/async.h
// RUN: quanta-compile %t/async.mlir -o %t/async-cpu.o
// ASYNC: async.mlir:1:1: error: the asynchronous variant of GPU entry point q would be named q_async, which another function is

//--- params.mlir
func.func @params(%x: tensor<?xf32>) -> tensor<f32> {
  %s = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method max_abs>} : (tensor<?xf32>) -> tensor<f32>
  return %s : tensor<f32>
}

//--- int4.mlir
func.func @int4(%x: tensor<64xi4>, %s: tensor<f16>) -> tensor<64xf16> {
  %y = quanta.dequantize %x, %s {scheme = #quanta.scheme<storage = i4, expressed = f16, symmetric = true>} : (tensor<64xi4>, tensor<f16>) -> tensor<64xf16>
  return %y : tensor<64xf16>
}

//--- w4a8.mlir
func.func @w4a8(%a: tensor<4x64xi8>, %w: tensor<64x16xi4>, %sa: tensor<f32>, %sw: tensor<2x16xf32>) -> tensor<4x16xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>, accumulation = #quanta<accumulation i32>} : (tensor<4x64xi8>, tensor<64x16xi4>, tensor<f32>, tensor<2x16xf32>) -> tensor<4x16xf32>
  return %y : tensor<4x16xf32>
}

//--- async.mlir
func.func @q(%x: tensor<16xf32>, %s: tensor<f32>) -> tensor<16xi8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<16xf32>, tensor<f32>) -> tensor<16xi8>
  return %q : tensor<16xi8>
}
func.func @q_async(%x: tensor<16xf32>, %s: tensor<f32>) -> tensor<16xi8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<16xf32>, tensor<f32>) -> tensor<16xi8>
  return %q : tensor<16xi8>
}
