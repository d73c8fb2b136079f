// FP8 x FP8 -> f32 matmuls (2-D, parameters per tensor, per row of the
// activations or per column of the weights): from
// 256 rows on both operands are dequantized once and multiplied by an f32
// GEMM kernel (mulf then addf, k order); fewer rows keep the fused op (the
// streaming kernel where 64 divides N).
// Both paths are compared bit for bit with ref::matmul (f32 accumulation in
// k order), on codes that include ±0, subnormals, the largest finite values
// and NaN, for row counts on either side of 256 and N with and without whole
// vectors of 16 columns.
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/fp8-gemm-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s
// CHECK: e4m3_e5m2_n80: 10 row counts, 0 mismatches
// CHECK: e4m3_col_n48: 10 row counts, 0 mismatches
// CHECK: e5m2_n37: 10 row counts, 0 mismatches
// CHECK: e4m3_row_n64: 10 row counts, 0 mismatches

func.func @e4m3_e5m2_n80(%a: tensor<?x72xf8E4M3FN>, %w: tensor<72x80xf8E5M2>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<?x80xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x72xf8E4M3FN>, tensor<72x80xf8E5M2>, tensor<f32>, tensor<f32>) -> tensor<?x80xf32>
  return %y : tensor<?x80xf32>
}

func.func @e4m3_col_n48(%a: tensor<?x64xf8E4M3FN>, %w: tensor<64x48xf8E4M3FN>, %sa: tensor<f32>, %sw: tensor<48xf32>) -> tensor<?x48xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xf8E4M3FN>, tensor<64x48xf8E4M3FN>, tensor<f32>, tensor<48xf32>) -> tensor<?x48xf32>
  return %y : tensor<?x48xf32>
}

func.func @e5m2_n37(%a: tensor<?x33xf8E5M2>, %w: tensor<33x37xf8E5M2>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<?x37xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x33xf8E5M2>, tensor<33x37xf8E5M2>, tensor<f32>, tensor<f32>) -> tensor<?x37xf32>
  return %y : tensor<?x37xf32>
}

func.func @e4m3_row_n64(%a: tensor<?x40xf8E4M3FN>, %w: tensor<40x64xf8E4M3FN>, %sa: tensor<?xf32>, %sw: tensor<64xf32>) -> tensor<?x64xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x40xf8E4M3FN>, tensor<40x64xf8E4M3FN>, tensor<?xf32>, tensor<64xf32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}
