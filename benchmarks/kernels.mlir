// Quanta's side of the performance benchmark (benchmarks/quanta-bench.cpp).
// benchmarks/CMakeLists.txt compiles this file with quanta-compile for the
// host CPU into an object and a C header (quanta_kernels.h); each function
// becomes a C entry point: tensors are pointers followed by one int64_t per
// dynamic dimension, results are caller-allocated out-pointers.
//
// Scales and zero points are run-time arguments (0-d / 1-d tensors), as a
// real model's parameters would be; the numerics are docs/Numerics.md's
// (ONNX QuantizeLinear / DequantizeLinear: divide, round half to even, add
// the zero point, saturate).

// 1. f32 -> int8, per tensor, asymmetric.
func.func @quanta_quantize_per_tensor(%x: tensor<?xf32>, %s: tensor<f32>,
                                      %zp: tensor<i8>) -> tensor<?xi8> {
  %q = quanta.quantize %x, %s, %zp
      {scheme = #quanta.scheme<storage = i8, expressed = f32>}
      : (tensor<?xf32>, tensor<f32>, tensor<i8>) -> tensor<?xi8>
  return %q : tensor<?xi8>
}

// 2. f32 -> int8, per channel along axis 1 of a [?, 1024] tensor.
func.func @quanta_quantize_per_channel(%x: tensor<?x1024xf32>,
                                       %s: tensor<1024xf32>,
                                       %zp: tensor<1024xi8>)
    -> tensor<?x1024xi8> {
  %q = quanta.quantize %x, %s, %zp
      {scheme = #quanta.scheme<storage = i8, expressed = f32,
                               granularity = per_channel, axis = 1>}
      : (tensor<?x1024xf32>, tensor<1024xf32>, tensor<1024xi8>)
        -> tensor<?x1024xi8>
  return %q : tensor<?x1024xi8>
}

// 3. int8 -> f32, per tensor, asymmetric.
func.func @quanta_dequantize_per_tensor(%q: tensor<?xi8>, %s: tensor<f32>,
                                        %zp: tensor<i8>) -> tensor<?xf32> {
  %x = quanta.dequantize %q, %s, %zp
      {scheme = #quanta.scheme<storage = i8, expressed = f32>}
      : (tensor<?xi8>, tensor<f32>, tensor<i8>) -> tensor<?xf32>
  return %x : tensor<?xf32>
}

// 4. Dynamic quantization: a max-abs pass computes the symmetric per-tensor
// scale (max|x| / 127), then the tensor is quantized with it.
func.func @quanta_dynamic_quantize(%x: tensor<?xf32>)
    -> (tensor<?xi8>, tensor<f32>) {
  %s = quanta.compute_params %x
      {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>,
       method = #quanta<params_method max_abs>} : (tensor<?xf32>) -> tensor<f32>
  %q = quanta.quantize %x, %s
      {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>}
      : (tensor<?xf32>, tensor<f32>) -> tensor<?xi8>
  return %q, %s : tensor<?xi8>, tensor<f32>
}

// 5. f32 -> FP8 E4M3FN, round half to even once, saturating to +-448.
func.func @quanta_cast_fp8(%x: tensor<?xf32>) -> tensor<?xf8E4M3FN> {
  %y = quanta.cast %x {saturate} : tensor<?xf32> -> tensor<?xf8E4M3FN>
  return %y : tensor<?xf8E4M3FN>
}
