// RUN: quanta-opt %s --quanta-strip-gpu-object-times | FileCheck %s

// The compile times go, the other properties and the objects stay.
// CHECK: gpu.binary @kernels [#gpu.object<#nvvm.target<chip = "sm_90">, properties = {O = 2 : i32}, assembly = "ptx">, #gpu.object<#nvvm.target<chip = "sm_80">, "cubin">, #gpu.object<#nvvm.target<chip = "sm_89">, properties = {O = 3 : i32}, "other">]
gpu.binary @kernels [
  #gpu.object<#nvvm.target<chip = "sm_90">, properties = {LLVMIRToISATimeInMs = 40 : i64, O = 2 : i32}, assembly = "ptx">,
  #gpu.object<#nvvm.target<chip = "sm_80">, properties = {ISAToBinaryTimeInMs = 7 : i64, LLVMIRToISATimeInMs = 41 : i64}, "cubin">,
  #gpu.object<#nvvm.target<chip = "sm_89">, properties = {O = 3 : i32}, "other">
]
