// Upstream quant QDQ matmuls through `quanta-import`: dequantized operands,
// a bias and the result's quantization end up as one quanta.matmul.
// RUN: quanta-opt %s -split-input-file --quanta-import | FileCheck %s

// u8 activations and i8 per-column weights (quant.dcast of !quant.uniform
// tensors), a bias add, and a quant.qcast of the result.
// CHECK-LABEL: func @qdq_linear
// CHECK-SAME: (%[[A:.*]]: tensor<?x32xi8>, %[[W:.*]]: tensor<32x4xi8>, %[[B:.*]]: tensor<4xf32>) -> tensor<?x4xi8>
// CHECK-DAG: %[[SA:.*]] = arith.constant dense<2.500000e-02> : tensor<f32>
// CHECK-DAG: %[[ZA:.*]] = arith.constant dense<10> : tensor<i8>
// CHECK-DAG: %[[SW:.*]] = arith.constant dense<[{{.*}}, 2.000000e-02, 3.000000e-02, 4.000000e-02]> : tensor<4xf32>
// CHECK-DAG: %[[SO:.*]] = arith.constant dense<1.250000e-01> : tensor<f32>
// CHECK-DAG: %[[ZO:.*]] = arith.constant dense<-3> : tensor<i8>
// CHECK: %[[Y:.*]] = quanta.matmul %[[A]], %[[W]] lhs_scale(%[[SA]]) rhs_scale(%[[SW]]) lhs_zp(%[[ZA]]) bias(%[[B]]) result_scale(%[[SO]]) result_zp(%[[ZO]])
// CHECK-SAME: accumulation = #quanta<accumulation f32>
// CHECK-SAME: lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>
// CHECK-SAME: result_scheme = #quanta.scheme<storage = i8, expressed = f32>
// CHECK-SAME: rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>
// CHECK-SAME: -> tensor<?x4xi8>
// CHECK-NEXT: return %[[Y]]
// CHECK-NOT: quant.
// CHECK-NOT: linalg.
func.func @qdq_linear(%a: tensor<?x32x!quant.uniform<u8:f32, 0.025:10>>, %w: tensor<32x4x!quant.uniform<i8:f32:1, {0.01, 0.02, 0.03, 0.04}>>, %b: tensor<4xf32>) -> tensor<?x4x!quant.uniform<i8:f32, 0.125:-3>> {
  %c0 = arith.constant 0 : index
  %af = quant.dcast %a : tensor<?x32x!quant.uniform<u8:f32, 0.025:10>> to tensor<?x32xf32>
  %wf = quant.dcast %w : tensor<32x4x!quant.uniform<i8:f32:1, {0.01, 0.02, 0.03, 0.04}>> to tensor<32x4xf32>
  %zero = arith.constant 0.0 : f32
  %m = tensor.dim %af, %c0 : tensor<?x32xf32>
  %e = tensor.empty(%m) : tensor<?x4xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<?x4xf32>) -> tensor<?x4xf32>
  %y = linalg.matmul ins(%af, %wf : tensor<?x32xf32>, tensor<32x4xf32>) outs(%init : tensor<?x4xf32>) -> tensor<?x4xf32>
  %yb = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%y, %b : tensor<?x4xf32>, tensor<4xf32>) outs(%e : tensor<?x4xf32>) {
  ^bb0(%x: f32, %bias: f32, %o: f32):
    %s = arith.addf %x, %bias : f32
    linalg.yield %s : f32
  } -> tensor<?x4xf32>
  %q = quant.qcast %yb : tensor<?x4xf32> to tensor<?x4x!quant.uniform<i8:f32, 0.125:-3>>
  return %q : tensor<?x4x!quant.uniform<i8:f32, 0.125:-3>>
}

// -----

// Batched, float activations quantized in the graph (qcast then dcast, which
// canonicalization makes a fake_quant), sub-channel int4 weights: the
// activations' quantization stays before the fused matmul.
// CHECK-LABEL: func @qdq_batched_int4
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x64xf32>, %[[W:.*]]: tensor<2x64x8xi4>) -> tensor<2x3x8xf32>
// CHECK: %[[XQ:.*]] = quanta.quantize %[[X]]
// CHECK-SAME: -> tensor<2x3x64xi8>
// CHECK: %[[Y:.*]] = quanta.matmul %[[XQ]], %[[W]]
// CHECK-SAME: rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 1, group_size = 32, symmetric = true>
// CHECK-SAME: -> tensor<2x3x8xf32>
// CHECK-NEXT: return %[[Y]]
// CHECK-NOT: quant.
// CHECK-NOT: linalg.
func.func @qdq_batched_int4(%x: tensor<2x3x64xf32>, %w: tensor<2x64x8x!quant.uniform<i4:f32:{0:1, 1:32, 2:1}, {{{0.5, 0.25, 0.125, 0.5, 0.25, 0.125, 0.5, 0.25}, {1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0}}, {{0.5, 0.25, 0.125, 0.5, 0.25, 0.125, 0.5, 0.25}, {1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0}}}>>) -> tensor<2x3x8xf32> {
  %xq = quant.qcast %x : tensor<2x3x64xf32> to tensor<2x3x64x!quant.uniform<i8:f32, 0.05>>
  %xf = quant.dcast %xq : tensor<2x3x64x!quant.uniform<i8:f32, 0.05>> to tensor<2x3x64xf32>
  %wf = quant.dcast %w : tensor<2x64x8x!quant.uniform<i4:f32:{0:1, 1:32, 2:1}, {{{0.5, 0.25, 0.125, 0.5, 0.25, 0.125, 0.5, 0.25}, {1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0}}, {{0.5, 0.25, 0.125, 0.5, 0.25, 0.125, 0.5, 0.25}, {1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0}}}>> to tensor<2x64x8xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3x8xf32>) -> tensor<2x3x8xf32>
  %y = linalg.batch_matmul ins(%xf, %wf : tensor<2x3x64xf32>, tensor<2x64x8xf32>) outs(%init : tensor<2x3x8xf32>) -> tensor<2x3x8xf32>
  return %y : tensor<2x3x8xf32>
}
