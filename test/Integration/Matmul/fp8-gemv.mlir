// FP8 x FP8 -> f32 GEMVs (fewer than 256 rows: the fused op, which
// --quanta-lower-matmul-kernels runs as the weight-only 8-bit streaming
// kernel when 64 | N, its FP8 weights decoded 32 at a time through f16 with
// vcvtph2ps, the activations' dequantized values computed once per element).
// Compared bit for bit with ref::matmul (f32 accumulation in k order; NaNs
// match NaNs) for 1, 2, 3, 7, 15 and 16 rows, K not a multiple of the kernel's 4 K steps, both
// formats and both mixes, parameters per tensor, per column, per row and per
// group of 32 or 6 rows (the groups' last rows single K steps); the
// codes include ±0, subnormals, the largest finite values, NaN and (E5M2)
// ±inf. N = 100 takes the loops. f32_*: weight-only FP8 (f32 activations
// with ±0, ±inf, NaN and a subnormal in row 2), the same kernel. decode_*
// multiply 1.0 by each of the 256 codes of a format in the columns of one
// row of weights.
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/fp8-gemv-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s
// RUN: quanta-compile %s --mcpu=znver4 --emit=asm -o - | FileCheck %s --check-prefix=ASM
// RUN: quanta-compile %s --mcpu=znver4 --emit=mlir -o - | FileCheck %s --check-prefix=IR
// The kernel's decode: f16 -> f32 conversions of 16 codes each, the E4M3
// ones times 2^8.
// ASM-LABEL: {{^}}e4m3_col_n192:
// ASM: vcvtph2ps {{.*}}%zmm
// ASM: vmulps
// IR-LABEL: llvm.func internal @_quanta_impl_e5m2_tensor_n128(
// IR: llvm.fpext {{.*}} : vector<32xf16> to vector<32xf32>
// IR: llvm.fmul {{.*}} : vector<16xf32>
// IR: llvm.fadd {{.*}} : vector<16xf32>
// CHECK: e4m3_col_n192: 6 row counts, 0 mismatches
// CHECK: e5m2_tensor_n128: 6 row counts, 0 mismatches
// CHECK: e4m3_e5m2_row_n64: 6 row counts, 0 mismatches
// CHECK: e5m2_e4m3_col_n256: 6 row counts, 0 mismatches
// CHECK: e4m3_col_n100: 6 row counts, 0 mismatches
// CHECK: e4m3_g32_n128: 6 row counts, 0 mismatches
// CHECK: e5m2_g6_n64: 6 row counts, 0 mismatches
// CHECK: f32_e4m3_col_n128: 6 row counts, 0 mismatches
// CHECK: f32_e5m2_tensor_n64: 6 row counts, 0 mismatches
// CHECK: decode_e4m3: 256 codes, 0 mismatches
// CHECK: decode_e5m2: 256 codes, 0 mismatches

func.func @e4m3_col_n192(%a: tensor<?x67xf8E4M3FN>, %w: tensor<67x192xf8E4M3FN>, %sa: tensor<f32>, %sw: tensor<192xf32>) -> tensor<?x192xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x67xf8E4M3FN>, tensor<67x192xf8E4M3FN>, tensor<f32>, tensor<192xf32>) -> tensor<?x192xf32>
  return %y : tensor<?x192xf32>
}

func.func @e5m2_tensor_n128(%a: tensor<?x130xf8E5M2>, %w: tensor<130x128xf8E5M2>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<?x128xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x130xf8E5M2>, tensor<130x128xf8E5M2>, tensor<f32>, tensor<f32>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

func.func @e4m3_e5m2_row_n64(%a: tensor<?x33xf8E4M3FN>, %w: tensor<33x64xf8E5M2>, %sa: tensor<?xf32>, %sw: tensor<64xf32>) -> tensor<?x64xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x33xf8E4M3FN>, tensor<33x64xf8E5M2>, tensor<?xf32>, tensor<64xf32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}

func.func @e5m2_e4m3_col_n256(%a: tensor<?x41xf8E5M2>, %w: tensor<41x256xf8E4M3FN>, %sa: tensor<f32>, %sw: tensor<256xf32>) -> tensor<?x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x41xf8E5M2>, tensor<41x256xf8E4M3FN>, tensor<f32>, tensor<256xf32>) -> tensor<?x256xf32>
  return %y : tensor<?x256xf32>
}

func.func @e4m3_col_n100(%a: tensor<?x36xf8E4M3FN>, %w: tensor<36x100xf8E4M3FN>, %sa: tensor<f32>, %sw: tensor<100xf32>) -> tensor<?x100xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x36xf8E4M3FN>, tensor<36x100xf8E4M3FN>, tensor<f32>, tensor<100xf32>) -> tensor<?x100xf32>
  return %y : tensor<?x100xf32>
}

func.func @e4m3_g32_n128(%a: tensor<?x96xf8E4M3FN>, %w: tensor<96x128xf8E4M3FN>, %sa: tensor<f32>, %sw: tensor<3x128xf32>) -> tensor<?x128xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x96xf8E4M3FN>, tensor<96x128xf8E4M3FN>, tensor<f32>, tensor<3x128xf32>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

func.func @e5m2_g6_n64(%a: tensor<?x30xf8E5M2>, %w: tensor<30x64xf8E5M2>, %sa: tensor<f32>, %sw: tensor<5x64xf32>) -> tensor<?x64xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, granularity = per_group, axis = 0, group_size = 6, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x30xf8E5M2>, tensor<30x64xf8E5M2>, tensor<f32>, tensor<5x64xf32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}

func.func @f32_e4m3_col_n128(%a: tensor<?x45xf32>, %w: tensor<45x128xf8E4M3FN>, %sw: tensor<128xf32>) -> tensor<?x128xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x45xf32>, tensor<45x128xf8E4M3FN>, tensor<128xf32>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

func.func @f32_e5m2_tensor_n64(%a: tensor<?x38xf32>, %w: tensor<38x64xf8E5M2>, %sw: tensor<f32>) -> tensor<?x64xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x38xf32>, tensor<38x64xf8E5M2>, tensor<f32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}

func.func @decode_e4m3(%a: tensor<1x1xf8E4M3FN>, %w: tensor<1x256xf8E4M3FN>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<1x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<1x1xf8E4M3FN>, tensor<1x256xf8E4M3FN>, tensor<f32>, tensor<f32>) -> tensor<1x256xf32>
  return %y : tensor<1x256xf32>
}

func.func @decode_e5m2(%a: tensor<1x1xf8E5M2>, %w: tensor<1x256xf8E5M2>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<1x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<1x1xf8E5M2>, tensor<1x256xf8E5M2>, tensor<f32>, tensor<f32>) -> tensor<1x256xf32>
  return %y : tensor<1x256xf32>
}
