// What the GPU target does not do yet is reported, with no output left.
// RUN: rm -rf %t && split-file %s %t
// RUN: not quanta-compile %t/params.mlir --target=nvptx64-nvidia-cuda -o %t/params.o 2>&1 | FileCheck %s --check-prefix=TEMP
// RUN: not test -e %t/params.o
// TEMP: params.mlir:{{[0-9]+}}:{{[0-9]+}}: error: this computation needs a temporary buffer
// RUN: not quanta-compile %t/params.mlir --target=nvptx64-nvidia-cuda --gpu-arch=sm_12 -o %t/arch.o 2>&1 | FileCheck %s --check-prefix=ARCH
// ARCH: quanta-compile: unknown GPU architecture 'sm_12'
// RUN: not quanta-compile %t/params.mlir --emit=ptx -o %t/cpu.ptx 2>&1 | FileCheck %s --check-prefix=PTX
// PTX: quanta-compile: --emit=ptx needs an nvptx64 target

//--- params.mlir
func.func @params(%x: tensor<?xf32>) -> tensor<f32> {
  %s = quanta.compute_params %x {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, method = #quanta<params_method max_abs>} : (tensor<?xf32>) -> tensor<f32>
  return %s : tensor<f32>
}
