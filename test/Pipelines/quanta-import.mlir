// The demo's example through the `quanta-import` pipeline: every quant op is
// gone, Q/DQ pairs are fake_quant, and the matmul with its dequantized
// weights and Q/DQ activations becomes one quanta.matmul
// (--quanta-fuse-matmul); the output's Q/DQ pair stays a fake_quant.
// RUN: quanta-opt %S/../../examples/qdq-linear.mlir --quanta-import | FileCheck %s

// CHECK-LABEL: func @linear
// CHECK-SAME: (%[[X:.*]]: tensor<4x8xf32>) -> tensor<4x3xf32>
// CHECK-DAG: %[[WS:.*]] = arith.constant dense<[2.000000e-02, 3.000000e-02, 1.500000e-02]> : tensor<3xf32>
// CHECK-DAG: %[[XS:.*]] = arith.constant dense<7.812500e-03> : tensor<f32>
// CHECK-DAG: %[[XZ:.*]] = arith.constant dense<-128> : tensor<i8>
// CHECK-DAG: %[[W:.*]] = arith.constant dense<{{.*}}> : tensor<8x3xi8>
// CHECK: %[[XQ:.*]] = quanta.quantize %[[X]], %[[XS]], %[[XZ]] {scheme = #quanta.scheme<storage = ui8, expressed = f32>}
// CHECK: %[[Y:.*]] = quanta.matmul %[[XQ]], %[[W]] lhs_scale(%[[XS]]) rhs_scale(%[[WS]]) lhs_zp(%[[XZ]]) {accumulation = #quanta<accumulation f32>, lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>, rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>}
// CHECK: %[[R:.*]] = quanta.fake_quant %[[Y]]
// CHECK: return %[[R]]
// CHECK-NOT: linalg.matmul
// CHECK-NOT: quant.

// CHECK-LABEL: func @dynamic_per_token
// CHECK: %[[S:.*]] = quanta.compute_params
// CHECK: quanta.quantize %{{.*}}, %[[S]]
