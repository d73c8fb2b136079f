// A quantized linear layer as a frontend emits it in QDQ form (upstream
// `quant` dialect): uint8 activations, int8 per-output-channel weights, uint8
// output. `quanta-import` turns every quant.qcast/dcast into Quanta ops with
// ONNX numerics (round half to even, saturate), folds the Q/DQ pairs and
// fuses the matmul with its quantized operands into one quanta.matmul.
func.func @linear(%x: tensor<4x8xf32>) -> tensor<4x3xf32> {
  %w = arith.constant dense<[[1, -2, 3], [4, 5, -6], [7, -8, 9], [10, 11, -12],
                             [-13, 14, 15], [16, -17, 18], [19, 20, -21], [-22, 23, 24]]> : tensor<8x3xi8>
  %wq = quant.scast %w : tensor<8x3xi8> to tensor<8x3x!quant.uniform<i8:f32:1, {0.02, 0.03, 0.015}>>
  %wf = quant.dcast %wq : tensor<8x3x!quant.uniform<i8:f32:1, {0.02, 0.03, 0.015}>> to tensor<8x3xf32>

  %xq = quant.qcast %x : tensor<4x8xf32> to tensor<4x8x!quant.uniform<u8:f32, 0.0078125:128>>
  %xf = quant.dcast %xq : tensor<4x8x!quant.uniform<u8:f32, 0.0078125:128>> to tensor<4x8xf32>

  %zero = arith.constant 0.0 : f32
  %init = tensor.empty() : tensor<4x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%init : tensor<4x3xf32>) -> tensor<4x3xf32>
  %y = linalg.matmul ins(%xf, %wf : tensor<4x8xf32>, tensor<8x3xf32>) outs(%acc : tensor<4x3xf32>) -> tensor<4x3xf32>

  %yq = quant.qcast %y : tensor<4x3xf32> to tensor<4x3x!quant.uniform<u8:f32, 0.05:100>>
  %yf = quant.dcast %yq : tensor<4x3x!quant.uniform<u8:f32, 0.05:100>> to tensor<4x3xf32>
  return %yf : tensor<4x3xf32>
}

// Dynamic quantization of activations, written directly in Quanta: per-row
// (per-token) int8 max-abs scales computed at run time.
func.func @dynamic_per_token(%x: tensor<4x8xf32>) -> (tensor<4x8xi8>, tensor<4xf32>) {
  %s = quanta.compute_params %x
      {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       method = #quanta<params_method max_abs>} : (tensor<4x8xf32>) -> tensor<4xf32>
  %q = quanta.quantize %x, %s
      {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>}
      : (tensor<4x8xf32>, tensor<4xf32>) -> tensor<4x8xi8>
  return %q, %s : tensor<4x8xi8>, tensor<4xf32>
}
