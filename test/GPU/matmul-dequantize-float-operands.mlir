// RUN: quanta-opt %s --quanta-outline-gpu-matmul=chip=sm_90 | FileCheck %s
// Float operands (FP8, f16, bf16) with f16/bf16 expressed types: the
// definition rounds every dequantized element to the expressed type, which
// tensor cores multiplying the raw codes cannot reproduce. The operands are
// dequantized first (that rounding), then multiplied as 16-bit storage with
// unit f32 scales (exact products, f32 sums) on the f16/bf16 kernel; the
// result scale is widened to f32 and a float result rounded once.

// CHECK-LABEL: func.func @fp8_bf16(
// CHECK-SAME: %[[A:.*]]: tensor<?x64xf8E4M3FN>, %[[W:.*]]: tensor<64x32xf8E5M2>, %[[SA:.*]]: tensor<?xbf16>, %[[SW:.*]]: tensor<32xbf16>, %[[B:.*]]: tensor<32xf32>)
// CHECK-DAG: %[[A16:.*]] = quanta.dequantize %[[A]], %[[SA]] {{.*}} -> tensor<?x64xbf16>
// CHECK-DAG: %[[W16:.*]] = quanta.dequantize %[[W]], %[[SW]] {{.*}} -> tensor<64x32xbf16>
// CHECK-DAG: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<f32>
// CHECK: %[[M:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<?x64xf8E4M3FN>
// CHECK: %[[INIT:.*]] = tensor.empty(%[[M]]) : tensor<?x32xf32>
// CHECK: %[[Y:.*]] = call @__quanta_gpu_matmul_0(%[[A16]], %[[W16]], %[[ONE]], %[[ONE]], %[[B]], %[[INIT]])
// CHECK: linalg.generic {{.*}} ins(%[[Y]] : tensor<?x32xf32>)
// CHECK: arith.truncf %{{.*}} : f32 to bf16
func.func @fp8_bf16(%a: tensor<?x64xf8E4M3FN>, %w: tensor<64x32xf8E5M2>, %sa: tensor<?xbf16>, %sw: tensor<32xbf16>, %b: tensor<32xf32>) -> tensor<?x32xbf16> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) bias(%b)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = bf16, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E5M2, expressed = bf16, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xf8E4M3FN>, tensor<64x32xf8E5M2>, tensor<?xbf16>, tensor<32xbf16>, tensor<32xf32>) -> tensor<?x32xbf16>
  return %y : tensor<?x32xbf16>
}

// A quantized result keeps its storage; its scheme is expressed in f32.
// CHECK-LABEL: func.func @fp8_f16_i8(
// CHECK: quanta.dequantize
// CHECK: quanta.dequantize
// CHECK: %[[Y:.*]] = call @__quanta_gpu_matmul_1(
// CHECK-NOT: linalg.generic
// CHECK: return %[[Y]] : tensor<16x32xi8>
func.func @fp8_f16_i8(%a: tensor<16x64xf8E4M3FN>, %w: tensor<64x32xf8E4M3FN>, %sa: tensor<f16>, %sw: tensor<f16>, %so: tensor<f16>) -> tensor<16x32xi8> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) result_scale(%so)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f16, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f16, symmetric = true>,
       result_scheme = #quanta.scheme<storage = i8, expressed = f16, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<16x64xf8E4M3FN>, tensor<64x32xf8E4M3FN>, tensor<f16>, tensor<f16>, tensor<f16>) -> tensor<16x32xi8>
  return %y : tensor<16x32xi8>
}

// f32 expressed types keep the FP8 kernel.
// CHECK-LABEL: func.func @fp8_f32(
// CHECK-NOT: quanta.dequantize
// CHECK: call @__quanta_gpu_matmul_2(
func.func @fp8_f32(%a: tensor<16x64xf8E4M3FN>, %w: tensor<64x32xf8E4M3FN>, %sa: tensor<f32>, %sw: tensor<f32>) -> tensor<16x32xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<16x64xf8E4M3FN>, tensor<64x32xf8E4M3FN>, tensor<f32>, tensor<f32>) -> tensor<16x32xf32>
  return %y : tensor<16x32xf32>
}

// Per-group weights have no tensor-core kernel: nothing is rewritten.
// CHECK-LABEL: func.func @fp8_group(
// CHECK-NOT: quanta.dequantize
// CHECK: quanta.matmul
func.func @fp8_group(%a: tensor<16x64xf8E4M3FN>, %w: tensor<64x32xf8E4M3FN>, %sa: tensor<bf16>, %sw: tensor<2x32xbf16>) -> tensor<16x32xbf16> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = bf16, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = f8E4M3FN, expressed = bf16, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<16x64xf8E4M3FN>, tensor<64x32xf8E4M3FN>, tensor<bf16>, tensor<2x32xbf16>) -> tensor<16x32xbf16>
  return %y : tensor<16x32xbf16>
}

// The markers: the f16/bf16 kernel for the rewritten matmuls.
// CHECK: func.func private @__quanta_gpu_matmul_0({{.*}}) -> tensor<?x32xf32> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation f32>, kind = "f16", lhs_scheme = #quanta.scheme<storage = bf16, expressed = f32, symmetric = true>, rhs_scheme = #quanta.scheme<storage = bf16, expressed = f32, symmetric = true>}}
// CHECK: func.func private @__quanta_gpu_matmul_1({{.*}}) -> tensor<16x32xi8> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation f32>, kind = "f16", lhs_scheme = #quanta.scheme<storage = f16, expressed = f32, symmetric = true>, result_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>, rhs_scheme = #quanta.scheme<storage = f16, expressed = f32, symmetric = true>}}
// CHECK: func.func private @__quanta_gpu_matmul_2({{.*}}) -> tensor<16x32xf32> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation f32>, kind = "fp8"
