// Execution test of --quanta-fuse-matmul (run by quanta-compile's import
// pipeline): each QDQ graph (`*_qdq`: dequantize -> f32 linalg matmul ->
// bias add -> quantize) is compiled next to the quanta.matmul written
// directly (`*_direct`) and next to the same graph kept unfused
// (`*_unfused`: the dequantized weights are also returned, so the float
// linalg matmul stays); the harness checks that all three give bit-identical
// results and match ref::matmul with f32 accumulation. Cases: W8A8 (ui8
// activations, i8 per-column weights, bias, requantized to ui8, dynamic M);
// weight-only asymmetric ui4 per group; batched activations quantized in the
// graph (Q/DQ -> fake_quant) x FP8 E4M3FN per-column weights.
// RUN: quanta-opt %s --quanta-import | FileCheck %s --check-prefix=FUSED
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/qdq-fusion-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s
// CHECK: w8a8: 5 trials, 0 qdq/direct/unfused mismatches, 0 reference mismatches
// CHECK: w4: 5 trials, 0 qdq/direct/unfused mismatches, 0 reference mismatches
// CHECK: batched_fp8: 5 trials, 0 qdq/direct/unfused mismatches, 0 reference mismatches

// FUSED-LABEL: func @w8a8_qdq
// FUSED-NEXT: %[[Y:.*]] = quanta.matmul {{.*}} bias({{.*}}) result_scale({{.*}}) result_zp({{.*}}) {accumulation = #quanta<accumulation f32>
// FUSED-NEXT: return %[[Y]]
func.func @w8a8_qdq(%qa: tensor<?x64xi8>, %sa: tensor<f32>, %za: tensor<i8>, %qw: tensor<64x32xi8>, %sw: tensor<32xf32>, %b: tensor<32xf32>, %so: tensor<f32>, %zo: tensor<i8>) -> tensor<?x32xi8> {
  %c0 = arith.constant 0 : index
  %a = quanta.dequantize %qa, %sa, %za {scheme = #quanta.scheme<storage = ui8, expressed = f32>} : (tensor<?x64xi8>, tensor<f32>, tensor<i8>) -> tensor<?x64xf32>
  %w = quanta.dequantize %qw, %sw {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>} : (tensor<64x32xi8>, tensor<32xf32>) -> tensor<64x32xf32>
  %zero = arith.constant 0.0 : f32
  %m = tensor.dim %a, %c0 : tensor<?x64xf32>
  %e = tensor.empty(%m) : tensor<?x32xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<?x32xf32>) -> tensor<?x32xf32>
  %y = linalg.matmul ins(%a, %w : tensor<?x64xf32>, tensor<64x32xf32>) outs(%init : tensor<?x32xf32>) -> tensor<?x32xf32>
  %yb = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%y, %b : tensor<?x32xf32>, tensor<32xf32>) outs(%e : tensor<?x32xf32>) {
  ^bb0(%x: f32, %bias: f32, %o: f32):
    %s = arith.addf %x, %bias : f32
    linalg.yield %s : f32
  } -> tensor<?x32xf32>
  %r = quanta.quantize %yb, %so, %zo {scheme = #quanta.scheme<storage = ui8, expressed = f32>} : (tensor<?x32xf32>, tensor<f32>, tensor<i8>) -> tensor<?x32xi8>
  return %r : tensor<?x32xi8>
}
func.func @w8a8_direct(%qa: tensor<?x64xi8>, %sa: tensor<f32>, %za: tensor<i8>, %qw: tensor<64x32xi8>, %sw: tensor<32xf32>, %b: tensor<32xf32>, %so: tensor<f32>, %zo: tensor<i8>) -> tensor<?x32xi8> {
  %r = quanta.matmul %qa, %qw lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) bias(%b) result_scale(%so) result_zp(%zo)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       result_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xi8>, tensor<64x32xi8>, tensor<f32>, tensor<32xf32>, tensor<i8>, tensor<32xf32>, tensor<f32>, tensor<i8>) -> tensor<?x32xi8>
  return %r : tensor<?x32xi8>
}
// FUSED-LABEL: func @w8a8_unfused
// FUSED: linalg.matmul
// FUSED-NOT: quanta.matmul
// FUSED: return
func.func @w8a8_unfused(%qa: tensor<?x64xi8>, %sa: tensor<f32>, %za: tensor<i8>, %qw: tensor<64x32xi8>, %sw: tensor<32xf32>, %b: tensor<32xf32>, %so: tensor<f32>, %zo: tensor<i8>) -> (tensor<?x32xi8>, tensor<64x32xf32>) {
  %c0 = arith.constant 0 : index
  %a = quanta.dequantize %qa, %sa, %za {scheme = #quanta.scheme<storage = ui8, expressed = f32>} : (tensor<?x64xi8>, tensor<f32>, tensor<i8>) -> tensor<?x64xf32>
  %w = quanta.dequantize %qw, %sw {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>} : (tensor<64x32xi8>, tensor<32xf32>) -> tensor<64x32xf32>
  %zero = arith.constant 0.0 : f32
  %m = tensor.dim %a, %c0 : tensor<?x64xf32>
  %e = tensor.empty(%m) : tensor<?x32xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<?x32xf32>) -> tensor<?x32xf32>
  %y = linalg.matmul ins(%a, %w : tensor<?x64xf32>, tensor<64x32xf32>) outs(%init : tensor<?x32xf32>) -> tensor<?x32xf32>
  %yb = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%y, %b : tensor<?x32xf32>, tensor<32xf32>) outs(%e : tensor<?x32xf32>) {
  ^bb0(%x: f32, %bias: f32, %o: f32):
    %s = arith.addf %x, %bias : f32
    linalg.yield %s : f32
  } -> tensor<?x32xf32>
  %r = quanta.quantize %yb, %so, %zo {scheme = #quanta.scheme<storage = ui8, expressed = f32>} : (tensor<?x32xf32>, tensor<f32>, tensor<i8>) -> tensor<?x32xi8>
  return %r, %w : tensor<?x32xi8>, tensor<64x32xf32>
}

// FUSED-LABEL: func @w4_qdq
// FUSED-NEXT: %[[Y:.*]] = quanta.matmul {{.*}} rhs_zp({{.*}}) {accumulation = #quanta<accumulation f32>, rhs_scheme
// FUSED-NEXT: return %[[Y]]
func.func @w4_qdq(%x: tensor<?x64xf32>, %qw: tensor<64x8xi4>, %sw: tensor<4x8xf32>, %zw: tensor<4x8xi4>) -> tensor<?x8xf32> {
  %c0 = arith.constant 0 : index
  %w = quanta.dequantize %qw, %sw, %zw {scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 16>} : (tensor<64x8xi4>, tensor<4x8xf32>, tensor<4x8xi4>) -> tensor<64x8xf32>
  %zero = arith.constant 0.0 : f32
  %m = tensor.dim %x, %c0 : tensor<?x64xf32>
  %e = tensor.empty(%m) : tensor<?x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<?x8xf32>) -> tensor<?x8xf32>
  %y = linalg.matmul ins(%x, %w : tensor<?x64xf32>, tensor<64x8xf32>) outs(%init : tensor<?x8xf32>) -> tensor<?x8xf32>
  return %y : tensor<?x8xf32>
}
func.func @w4_direct(%x: tensor<?x64xf32>, %qw: tensor<64x8xi4>, %sw: tensor<4x8xf32>, %zw: tensor<4x8xi4>) -> tensor<?x8xf32> {
  %y = quanta.matmul %x, %qw rhs_scale(%sw) rhs_zp(%zw)
      {rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 16>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xf32>, tensor<64x8xi4>, tensor<4x8xf32>, tensor<4x8xi4>) -> tensor<?x8xf32>
  return %y : tensor<?x8xf32>
}
// FUSED-LABEL: func @w4_unfused
// FUSED: linalg.matmul
// FUSED-NOT: quanta.matmul
// FUSED: return
func.func @w4_unfused(%x: tensor<?x64xf32>, %qw: tensor<64x8xi4>, %sw: tensor<4x8xf32>, %zw: tensor<4x8xi4>) -> (tensor<?x8xf32>, tensor<64x8xf32>) {
  %c0 = arith.constant 0 : index
  %w = quanta.dequantize %qw, %sw, %zw {scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 16>} : (tensor<64x8xi4>, tensor<4x8xf32>, tensor<4x8xi4>) -> tensor<64x8xf32>
  %zero = arith.constant 0.0 : f32
  %m = tensor.dim %x, %c0 : tensor<?x64xf32>
  %e = tensor.empty(%m) : tensor<?x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<?x8xf32>) -> tensor<?x8xf32>
  %y = linalg.matmul ins(%x, %w : tensor<?x64xf32>, tensor<64x8xf32>) outs(%init : tensor<?x8xf32>) -> tensor<?x8xf32>
  return %y, %w : tensor<?x8xf32>, tensor<64x8xf32>
}

// FUSED-LABEL: func @batched_fp8_qdq
// FUSED-NEXT: %[[Q:.*]] = quanta.quantize
// FUSED-NEXT: %[[Y:.*]] = quanta.matmul %[[Q]], {{.*}} {accumulation = #quanta<accumulation f32>
// FUSED-NEXT: return %[[Y]]
func.func @batched_fp8_qdq(%x: tensor<2x?x32xf32>, %sx: tensor<f32>, %qw: tensor<2x32x16xf8E4M3FN>, %sw: tensor<16xf32>) -> tensor<2x?x16xf32> {
  %c1 = arith.constant 1 : index
  %a = quanta.fake_quant %x, %sx {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<2x?x32xf32>, tensor<f32>) -> tensor<2x?x32xf32>
  %w = quanta.dequantize %qw, %sw {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, granularity = per_channel, axis = 2, symmetric = true>} : (tensor<2x32x16xf8E4M3FN>, tensor<16xf32>) -> tensor<2x32x16xf32>
  %zero = arith.constant 0.0 : f32
  %m = tensor.dim %x, %c1 : tensor<2x?x32xf32>
  %e = tensor.empty(%m) : tensor<2x?x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x?x16xf32>) -> tensor<2x?x16xf32>
  %y = linalg.batch_matmul ins(%a, %w : tensor<2x?x32xf32>, tensor<2x32x16xf32>) outs(%init : tensor<2x?x16xf32>) -> tensor<2x?x16xf32>
  return %y : tensor<2x?x16xf32>
}
func.func @batched_fp8_direct(%x: tensor<2x?x32xf32>, %sx: tensor<f32>, %qw: tensor<2x32x16xf8E4M3FN>, %sw: tensor<16xf32>) -> tensor<2x?x16xf32> {
  %q = quanta.quantize %x, %sx {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<2x?x32xf32>, tensor<f32>) -> tensor<2x?x32xi8>
  %y = quanta.matmul %q, %qw lhs_scale(%sx) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, granularity = per_channel, axis = 2, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<2x?x32xi8>, tensor<2x32x16xf8E4M3FN>, tensor<f32>, tensor<16xf32>) -> tensor<2x?x16xf32>
  return %y : tensor<2x?x16xf32>
}
// FUSED-LABEL: func @batched_fp8_unfused
// FUSED: linalg.batch_matmul
// FUSED-NOT: quanta.matmul
// FUSED: return
func.func @batched_fp8_unfused(%x: tensor<2x?x32xf32>, %sx: tensor<f32>, %qw: tensor<2x32x16xf8E4M3FN>, %sw: tensor<16xf32>) -> (tensor<2x?x16xf32>, tensor<2x32x16xf32>) {
  %c1 = arith.constant 1 : index
  %a = quanta.fake_quant %x, %sx {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<2x?x32xf32>, tensor<f32>) -> tensor<2x?x32xf32>
  %w = quanta.dequantize %qw, %sw {scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, granularity = per_channel, axis = 2, symmetric = true>} : (tensor<2x32x16xf8E4M3FN>, tensor<16xf32>) -> tensor<2x32x16xf32>
  %zero = arith.constant 0.0 : f32
  %m = tensor.dim %x, %c1 : tensor<2x?x32xf32>
  %e = tensor.empty(%m) : tensor<2x?x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x?x16xf32>) -> tensor<2x?x16xf32>
  %y = linalg.batch_matmul ins(%a, %w : tensor<2x?x32xf32>, tensor<2x32x16xf32>) outs(%init : tensor<2x?x16xf32>) -> tensor<2x?x16xf32>
  return %y, %w : tensor<2x?x16xf32>, tensor<2x32x16xf32>
}
