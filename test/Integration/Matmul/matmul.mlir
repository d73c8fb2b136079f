// Execution test of quanta.matmul's lowering in every form: W8A8 (u8 x s8,
// per-channel weights, dynamic M and K, bias, requantized to i8), W4A8 (int8
// per-row activations x int4 per-group asymmetric weights), weight-only
// W4A32, batched FP8 E4M3FN x E5M2, batched W8A8 and W4A8 (one 2-D matmul
// per batch; parameters per row and per column shared by the batches, per
// group each batch's own). Bit-exact against ref::matmul, which
// fixes the order of every f32 operation.
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/matmul-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s
// CHECK: w8a8: 7 trials, 0 mismatches
// CHECK: w4a8: 7 trials, 0 mismatches
// CHECK: w4a32: 7 trials, 0 mismatches
// CHECK: fp8: 7 trials, 0 mismatches
// CHECK: s8u8: 10 trials, 0 mismatches
// CHECK: w8a8_batch: 7 trials, 0 mismatches
// CHECK: w4a8_batch: 7 trials, 0 mismatches
// CHECK: f32_bmm: 7 trials, 0 mismatches

// W8A8 u8 x s8 per-channel, bias, requantized to i8.
func.func @w8a8(%a: tensor<?x?xi8>, %w: tensor<?x48xi8>, %sa: tensor<f32>, %za: tensor<i8>, %sw: tensor<48xf32>, %b: tensor<48xf32>, %so: tensor<f32>, %zo: tensor<i8>) -> tensor<?x48xi8> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) bias(%b) result_scale(%so) result_zp(%zo)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       result_scheme = #quanta.scheme<storage = i8, expressed = f32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?xi8>, tensor<?x48xi8>, tensor<f32>, tensor<48xf32>, tensor<i8>, tensor<48xf32>, tensor<f32>, tensor<i8>) -> tensor<?x48xi8>
  return %y : tensor<?x48xi8>
}
// W4A8: int8 per-row activations, int4 per-group(32) asymmetric weights, f32 out.
func.func @w4a8(%a: tensor<?x128xi8>, %w: tensor<128x24xi4>, %sa: tensor<?xf32>, %sw: tensor<4x24xf32>, %zw: tensor<4x24xi4>) -> tensor<?x24xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x128xi8>, tensor<128x24xi4>, tensor<?xf32>, tensor<4x24xf32>, tensor<4x24xi4>) -> tensor<?x24xf32>
  return %y : tensor<?x24xf32>
}
// Weight-only W4A32, f32 accumulation.
func.func @w4a32(%a: tensor<?x64xf32>, %w: tensor<64x16xi4>, %sw: tensor<2x16xf32>) -> tensor<?x16xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xf32>, tensor<64x16xi4>, tensor<2x16xf32>) -> tensor<?x16xf32>
  return %y : tensor<?x16xf32>
}
// FP8 x FP8 -> f32, batched: each batch takes the 2-D paths (fewer than 256
// rows: the fused op, the streaming FP8 kernel when 64 | N, else the loops).
func.func @fp8(%a: tensor<2x?x32xf8E4M3FN>, %w: tensor<2x32x16xf8E5M2>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<2x?x16xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<2x?x32xf8E4M3FN>, tensor<2x32x16xf8E5M2>, tensor<f32>, tensor<f32>) -> tensor<2x?x16xf32>
  return %y : tensor<2x?x16xf32>
}
// W8A8 with signed per-row asymmetric activations and unsigned asymmetric
// weights (the u8 x s8 core flips both signs), all dimensions dynamic: the
// harness runs shapes that take the VNNI kernel (K % 4 == 0, N % 16 == 0)
// and shapes that take the fallback loops.
func.func @s8u8(%a: tensor<?x?xi8>, %w: tensor<?x?xi8>, %sa: tensor<?xf32>, %za: tensor<?xi8>, %sw: tensor<f32>, %zw: tensor<i8>) -> tensor<?x?xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0>,
       rhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<?xf32>, tensor<f32>, tensor<?xi8>, tensor<i8>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}

// Batched W8A8: ui8 activations with scales and zero points per row, i8
// weights per column, bias, requantized to i8.
func.func @w8a8_batch(%a: tensor<2x?x?xi8>, %w: tensor<2x?x48xi8>, %sa: tensor<?xf32>, %za: tensor<?xi8>, %sw: tensor<48xf32>, %b: tensor<48xf32>, %so: tensor<f32>, %zo: tensor<i8>) -> tensor<2x?x48xi8> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) bias(%b) result_scale(%so) result_zp(%zo)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 1>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 2, symmetric = true>,
       result_scheme = #quanta.scheme<storage = i8, expressed = f32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<2x?x?xi8>, tensor<2x?x48xi8>, tensor<?xf32>, tensor<48xf32>, tensor<?xi8>, tensor<48xf32>, tensor<f32>, tensor<i8>) -> tensor<2x?x48xi8>
  return %y : tensor<2x?x48xi8>
}

// Batched W4A8: int8 per-row activations, uint4 weights with scales and zero
// points per group of 32 of each batch's own.
func.func @w4a8_batch(%a: tensor<2x?x128xi8>, %w: tensor<2x128x24xi4>, %sa: tensor<?xf32>, %sw: tensor<2x4x24xf32>, %zw: tensor<2x4x24xi4>) -> tensor<2x?x24xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 1, group_size = 32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<2x?x128xi8>, tensor<2x128x24xi4>, tensor<?xf32>, tensor<2x4x24xf32>, tensor<2x4x24xi4>) -> tensor<2x?x24xf32>
  return %y : tensor<2x?x24xf32>
}

// f32 linalg.batch_matmul (the f32 kernel per batch where 16 divides N):
// mulf then addf in k order, compared with those loops.
func.func @f32_bmm(%a: tensor<3x?x40xf32>, %b: tensor<3x40x48xf32>) -> tensor<3x?x48xf32> {
  %c1 = arith.constant 1 : index
  %m = tensor.dim %a, %c1 : tensor<3x?x40xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty(%m) : tensor<3x?x48xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<3x?x48xf32>) -> tensor<3x?x48xf32>
  %c = linalg.batch_matmul ins(%a, %b : tensor<3x?x40xf32>, tensor<3x40x48xf32>) outs(%init : tensor<3x?x48xf32>) -> tensor<3x?x48xf32>
  return %c : tensor<3x?x48xf32>
}
