// The demo's example through the `quanta-import` pipeline: every quant op is
// gone, Q/DQ pairs are fake_quant, the weights' dequantize stays.
// RUN: quanta-opt %S/../../examples/qdq-linear.mlir --quanta-import | FileCheck %s

// CHECK-LABEL: func @linear
// CHECK-SAME: (%[[X:.*]]: tensor<4x8xf32>) -> tensor<4x3xf32>
// CHECK-DAG: %[[WS:.*]] = arith.constant dense<[2.000000e-02, 3.000000e-02, 1.500000e-02]> : tensor<3xf32>
// CHECK-DAG: %[[XS:.*]] = arith.constant dense<7.812500e-03> : tensor<f32>
// CHECK-DAG: %[[XZ:.*]] = arith.constant dense<-128> : tensor<i8>
// CHECK-DAG: %[[W:.*]] = arith.constant dense<{{.*}}> : tensor<8x3xi8>
// CHECK: %[[WF:.*]] = quanta.dequantize %[[W]], %[[WS]] {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>}
// CHECK: %[[XF:.*]] = quanta.fake_quant %[[X]], %[[XS]], %[[XZ]] {scheme = #quanta.scheme<storage = ui8, expressed = f32>}
// CHECK: %[[Y:.*]] = linalg.matmul ins(%[[XF]], %[[WF]] :
// CHECK: %[[R:.*]] = quanta.fake_quant %[[Y]]
// CHECK: return %[[R]]
// CHECK-NOT: quant.

// CHECK-LABEL: func @dynamic_per_token
// CHECK: %[[S:.*]] = quanta.compute_params
// CHECK: quanta.quantize %{{.*}}, %[[S]]
