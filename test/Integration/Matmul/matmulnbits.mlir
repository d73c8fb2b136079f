// ONNX MatMulNBits with accuracy_level=4 (llama.cpp's Q8 activations), as
// Quanta IR: f32 activations quantized at run time to int8 per row
// (compute_params max-abs, quantize), multiplied by int4 weights with
// per-group scales (groups of 32, 64, 128 along K) in i32 per group, f32
// result with bias. Compared bit for bit with the reference composition
// (ref::computeParams, ref::quantizeTensor, ref::matmul), dynamic M from 1
// (decode) to 9, with ties and zeros in the activations.
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/matmulnbits-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s
// CHECK: nbits_g32: 5 row counts, 0 mismatches
// CHECK: nbits_g64: 5 row counts, 0 mismatches
// CHECK: nbits_g128: 5 row counts, 0 mismatches

func.func @nbits_g32(%x: tensor<?x256xf32>, %w: tensor<256x48xi4>, %sw: tensor<8x48xf32>, %b: tensor<48xf32>) -> tensor<?x48xf32> {
  %sa = quanta.compute_params %x
      {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       method = #quanta<params_method max_abs>} : (tensor<?x256xf32>) -> tensor<?xf32>
  %a = quanta.quantize %x, %sa
      {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>}
      : (tensor<?x256xf32>, tensor<?xf32>) -> tensor<?x256xi8>
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) bias(%b)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x256xi8>, tensor<256x48xi4>, tensor<?xf32>, tensor<8x48xf32>, tensor<48xf32>) -> tensor<?x48xf32>
  return %y : tensor<?x48xf32>
}

func.func @nbits_g64(%x: tensor<?x256xf32>, %w: tensor<256x48xi4>, %sw: tensor<4x48xf32>, %b: tensor<48xf32>) -> tensor<?x48xf32> {
  %sa = quanta.compute_params %x
      {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       method = #quanta<params_method max_abs>} : (tensor<?x256xf32>) -> tensor<?xf32>
  %a = quanta.quantize %x, %sa
      {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>}
      : (tensor<?x256xf32>, tensor<?xf32>) -> tensor<?x256xi8>
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) bias(%b)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 64, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x256xi8>, tensor<256x48xi4>, tensor<?xf32>, tensor<4x48xf32>, tensor<48xf32>) -> tensor<?x48xf32>
  return %y : tensor<?x48xf32>
}

func.func @nbits_g128(%x: tensor<?x256xf32>, %w: tensor<256x48xi4>, %sw: tensor<2x48xf32>, %b: tensor<48xf32>) -> tensor<?x48xf32> {
  %sa = quanta.compute_params %x
      {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       method = #quanta<params_method max_abs>} : (tensor<?x256xf32>) -> tensor<?xf32>
  %a = quanta.quantize %x, %sa
      {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>}
      : (tensor<?x256xf32>, tensor<?xf32>) -> tensor<?x256xi8>
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) bias(%b)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 128, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x256xi8>, tensor<256x48xi4>, tensor<?xf32>, tensor<2x48xf32>, tensor<48xf32>) -> tensor<?x48xf32>
  return %y : tensor<?x48xf32>
}
