// RUN: quanta-opt %s -canonicalize -split-input-file -verify-diagnostics

// A Q/DQ pair does not fold away with a scale its ops reject (here a
// negative one, constant only once canonicalization has folded it): the
// verifier reports it.
func.func @negative_scale(%x: tensor<8xi8>) -> tensor<8xi8> {
  %v = arith.constant -0.5 : f32
  %s = tensor.from_elements %v : tensor<f32>
  // expected-error @+1 {{'quanta.dequantize' op scale must be positive and finite, got -5.000000e-01}}
  %a = quanta.dequantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<8xi8>, tensor<f32>) -> tensor<8xf32>
  %b = quanta.quantize %a, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<8xf32>, tensor<f32>) -> tensor<8xi8>
  return %b : tensor<8xi8>
}
