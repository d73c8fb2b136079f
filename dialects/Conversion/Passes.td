//===- Passes.td - Quanta conversion passes ----------------*- tablegen -*-===//
//
// This file declares the passes that convert other dialects into Quanta and
// Quanta into lower-level dialects.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_CONVERSION_PASSES_TD
#define QUANTA_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertQuantToQuanta : Pass<"convert-quant-to-quanta"> {
  let summary = "Convert upstream quant.qcast/quant.dcast to Quanta ops";
  let description = [{
    Rewrites `quant.qcast` and `quant.dcast` on tensors of `!quant.uniform`
    types (per tensor, per axis and sub-channel) into `quanta.quantize` and
    `quanta.dequantize` with the type's scales and zero points as
    `arith.constant`s, bridged to the quantized types by `quant.scast`.
    The result has ONNX semantics (round half to even, saturate), unlike
    upstream `--lower-quant-ops`, which truncates and wraps.
    Combine with `--strip-func-quant-types` and `--canonicalize` to remove the
    quantized types from function signatures.

    Before:

    ```mlir
    %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.5:3>>
    ```

    After:

    ```mlir
    %s = arith.constant dense<5.000000e-01> : tensor<f32>
    %z = arith.constant dense<3> : tensor<i8>
    %0 = quanta.quantize %x, %s, %z
           {scheme = #quanta.scheme<storage = i8, expressed = f32>}
           : (tensor<4xf32>, tensor<f32>, tensor<i8>) -> tensor<4xi8>
    %q = quant.scast %0 : tensor<4xi8> to tensor<4x!quant.uniform<i8:f32, 0.5:3>>
    ```

    Types the dialect cannot represent (storage ranges other than the full or
    narrow range, storage wider than 8 bits, scalars) are reported as errors.
  }];
  let dependentDialects = ["::mlir::quanta::QuantaDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::quant::QuantDialect"];
}

def ConvertQuantaToLinalg : Pass<"convert-quanta-to-linalg"> {
  let summary = "Lower Quanta element-wise ops and compute_params to linalg";
  let description = [{
    Rewrites `quanta.quantize`, `dequantize`, `fake_quant`, `requantize`,
    `cast` and `compute_params` into `linalg.generic` ops on tensors whose
    bodies compute the op's numerics with `arith`/`math` scalar ops exactly as
    the reference library does (round half to even via `math.roundeven`,
    NaN to the zero point, saturation by clamping before the conversion, FP8
    as `arith.truncf`/`extf` that `--quanta-expand-float-casts` expands).
    Parameters are read through indexing maps that encode the granularity:
    `()` per tensor, `(d_axis)` per channel, `(..., d_axis floordiv g, ...)`
    per group. `compute_params` becomes reductions over each parameter's set
    followed by an element-wise epilogue that derives scales and zero points.

    Before:

    ```mlir
    %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8,
           expressed = f32, symmetric = true>}
           : (tensor<8xf32>, tensor<f32>) -> tensor<8xi8>
    ```

    After:

    ```mlir
    %e = tensor.empty() : tensor<8xi8>
    %q = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>,
                                          affine_map<(d0) -> ()>,
                                          affine_map<(d0) -> (d0)>],
                         iterator_types = ["parallel"]}
           ins(%x, %s : tensor<8xf32>, tensor<f32>) outs(%e : tensor<8xi8>) {
    ^bb0(%xe: f32, %se: f32, %out: i8):
      %v = arith.divf %xe, %se : f32
      %r = math.roundeven %v : f32
      ...  // NaN -> 0, clamp to [-128, 127], fptosi, trunci
      linalg.yield %i : i8
    } -> tensor<8xi8>
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
}

#endif // QUANTA_CONVERSION_PASSES_TD
