// What the GPU target does not do yet is reported, with no output left.
// RUN: rm -rf %t && split-file %s %t
// A public function calling another that remains (a recursive one: other
// calls are inlined): the callee would need the caller's stream.
// RUN: not quanta-compile %t/calls.mlir --target=nvptx64-nvidia-cuda -o %t/calls.o 2>&1 | FileCheck %s --check-prefix=CALLS
// RUN: not test -e %t/calls.o
// CALLS: calls.mlir:4:8: error: calls GPU entry point r: calls between GPU entry points are not supported
// A module whose every result is empty has no kernel for --emit=ptx.
// RUN: not quanta-compile %t/empty.mlir --target=nvptx64-nvidia-cuda --emit=ptx -o %t/empty.ptx 2>&1 | FileCheck %s --check-prefix=EMPTY
// RUN: not test -e %t/empty.ptx
// RUN: quanta-compile %t/empty.mlir --target=nvptx64-nvidia-cuda -o %t/empty.o
// EMPTY: empty.mlir:0:0: error: nothing in the module runs on the GPU, so --emit=ptx has no kernels to write (the object, --emit=obj, has the host code)
// Other calls, to public or private functions, are inlined.
// RUN: quanta-compile %t/inlined.mlir --target=nvptx64-nvidia-cuda -o %t/inlined.o
// RUN: test -s %t/inlined.o
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
  %s = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method percentile>, percentile = 99.0 : f64} : (tensor<?xf32>) -> tensor<f32>
  return %s : tensor<f32>
}

//--- calls.mlir
func.func @r(%x: tensor<16xf32>, %s: tensor<f32>) -> tensor<16xf32> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<16xf32>, tensor<f32>) -> tensor<16xi8>
  %d = quanta.dequantize %q, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<16xi8>, tensor<f32>) -> tensor<16xf32>
  %y = func.call @r(%d, %s) : (tensor<16xf32>, tensor<f32>) -> tensor<16xf32>
  return %y : tensor<16xf32>
}

//--- empty.mlir
func.func @f(%x: tensor<0x4xf32>, %s: tensor<f32>) -> tensor<0x4xi8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<0x4xf32>, tensor<f32>) -> tensor<0x4xi8>
  return %q : tensor<0x4xi8>
}

//--- inlined.mlir
func.func @q(%x: tensor<16xf32>, %s: tensor<f32>) -> tensor<16xi8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<16xf32>, tensor<f32>) -> tensor<16xi8>
  return %q : tensor<16xi8>
}
func.func private @helper(%q: tensor<16xi8>, %s: tensor<f32>) -> tensor<16xf32> {
  %d = quanta.dequantize %q, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<16xi8>, tensor<f32>) -> tensor<16xf32>
  return %d : tensor<16xf32>
}
func.func @r(%x: tensor<16xf32>, %s: tensor<f32>) -> tensor<16xf32> {
  %q = func.call @q(%x, %s) : (tensor<16xf32>, tensor<f32>) -> tensor<16xi8>
  %d = func.call @helper(%q, %s) : (tensor<16xi8>, tensor<f32>) -> tensor<16xf32>
  return %d : tensor<16xf32>
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
