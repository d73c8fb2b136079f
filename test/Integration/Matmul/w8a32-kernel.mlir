// Weight-only 8-bit matmuls with f32 activations and f32 accumulation
// (W8A32), on the shapes of --quanta-lower-matmul-kernels' weight-only 8-bit
// kernel (64 | N, any row count, parameters per tensor, per column or per
// group of rows and column): i8 and ui8 weights, with and without zero
// points; groups of 32 and of 6 rows (four K steps and two single ones per
// group); N = 72 takes the loops.
// Compared bit for bit with ref::matmul (f32 accumulation in k order), on
// activations with ±0, ±inf and NaN among random values.
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/w8a32-kernel-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s
// RUN: quanta-compile %s --mcpu=znver4 --emit=mlir -o - | FileCheck %s --check-prefix=IR
// IR-LABEL: llvm.func internal @_quanta_impl_s8_col_n128(
// IR: llvm.sitofp {{.*}} : vector<16xi32> to vector<16xf32>
// IR: llvm.fmul {{.*}} : vector<16xf32>
// IR: llvm.fadd {{.*}} : vector<16xf32>
// CHECK: s8_col_n128: 6 row counts, 0 mismatches
// CHECK: u8zp_tensor_n64: 6 row counts, 0 mismatches
// CHECK: s8zp_col_n192: 6 row counts, 0 mismatches
// CHECK: s8_col_n72: 6 row counts, 0 mismatches
// CHECK: s8_g32_n128: 6 row counts, 0 mismatches
// CHECK: u8zp_g6_n64: 6 row counts, 0 mismatches
// The grouped form (loops m, g, kk, n) takes the kernel too: A and B read as
// [M, K] and [K, N], the parameters' row of each group.
// IR-LABEL: llvm.func internal @_quanta_impl_u8zp_g6_n64(
// IR: llvm.sitofp {{.*}} : vector<16xi32> to vector<16xf32>
// IR: llvm.fmul {{.*}} : vector<16xf32>
// IR: llvm.fadd {{.*}} : vector<16xf32>

func.func @s8_col_n128(%a: tensor<?x96xf32>, %w: tensor<96x128xi8>, %sw: tensor<128xf32>) -> tensor<?x128xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x96xf32>, tensor<96x128xi8>, tensor<128xf32>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

func.func @u8zp_tensor_n64(%a: tensor<?x33xf32>, %w: tensor<33x64xi8>, %sw: tensor<f32>, %zw: tensor<i8>) -> tensor<?x64xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw)
      {rhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x33xf32>, tensor<33x64xi8>, tensor<f32>, tensor<i8>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}

func.func @s8zp_col_n192(%a: tensor<?x64xf32>, %w: tensor<64x192xi8>, %sw: tensor<192xf32>, %zw: tensor<192xi8>) -> tensor<?x192xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw)
      {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xf32>, tensor<64x192xi8>, tensor<192xf32>, tensor<192xi8>) -> tensor<?x192xf32>
  return %y : tensor<?x192xf32>
}

func.func @s8_col_n72(%a: tensor<?x40xf32>, %w: tensor<40x72xi8>, %sw: tensor<72xf32>) -> tensor<?x72xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x40xf32>, tensor<40x72xi8>, tensor<72xf32>) -> tensor<?x72xf32>
  return %y : tensor<?x72xf32>
}

func.func @s8_g32_n128(%a: tensor<?x96xf32>, %w: tensor<96x128xi8>, %sw: tensor<3x128xf32>) -> tensor<?x128xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x96xf32>, tensor<96x128xi8>, tensor<3x128xf32>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

func.func @u8zp_g6_n64(%a: tensor<?x36xf32>, %w: tensor<36x64xi8>, %sw: tensor<6x64xf32>, %zw: tensor<6x64xi8>) -> tensor<?x64xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw)
      {rhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_group, axis = 0, group_size = 6>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x36xf32>, tensor<36x64xi8>, tensor<6x64xf32>, tensor<6x64xi8>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}
