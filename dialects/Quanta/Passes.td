//===- Passes.td - Quanta dialect passes -------------------*- tablegen -*-===//
//
// This file declares the transformations of Quanta IR, such as the fusion of
// dequantize / float matmul / quantize graphs into `quanta.matmul`.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_DIALECT_QUANTA_PASSES_TD
#define QUANTA_DIALECT_QUANTA_PASSES_TD

include "mlir/Pass/PassBase.td"

def QuantaFuseMatmul : Pass<"quanta-fuse-matmul"> {
  let summary = "Fuse QDQ matmul graphs into quanta.matmul";
  let description = [{
    Rewrites the quantized matmuls that frontends emit in QDQ form (ONNX
    `DequantizeLinear` -> `MatMul` -> `QuantizeLinear`,
    https://onnx.ai/onnx/operators/onnx__QLinearMatMul.html) into one
    `quanta.matmul`:

    - a `linalg.matmul` or `linalg.batch_matmul` on f32 tensors (default
      indexing maps) whose init is a `linalg.fill` of +0.0, whose `rhs` is a
      `quanta.dequantize` and whose `lhs` is a `quanta.dequantize` (W8A8,
      W4A8, FP8, ...) or any other f32 value (weight-only quantization;
      see below for `quanta.fake_quant` operands);
    - then, when it is the matmul's only use, a bias add: a `linalg.generic`
      computing exactly `out[..., m, n] + bias[n]` with one `arith.addf` on
      f32 (the result as an input or as the init), with `bias` a 1-D `[N]`
      f32 tensor; it becomes the `bias` operand;
    - then, when it is that value's only use, a `quanta.quantize` (per
      tensor or per column) of the result: it becomes `result_scheme`,
      `result_scale` and `result_zp`, and the result gets the storage type.

    Numerics are unchanged: `quanta.matmul` with `accumulation = f32`
    dequantizes each element as `quanta.dequantize` does and accumulates
    `sum_k a * b` in f32, in k order, from +0.0, with separate multiply and
    add; that is what the loop lowering of the f32 `linalg.matmul` computes
    (`out = out + a * b` for k = 0, 1, ...), so the fused op gives the same
    bits. This is why the init must be a fill of +0.0 (a -0.0 start differs
    on all-zero sums) and why only f32 expressed types fuse (an f16 matmul
    accumulates in f16).

    The parameters keep their schemes, scales and zero points; granularities
    must be ones `quanta.matmul` accepts (lhs: per tensor, per row, per group
    along K; rhs: per tensor, per column, per group along K), otherwise
    nothing is rewritten. A `quanta.fake_quant` operand with one use is, by
    its definition, `dequantize(quantize(x))`: it is split into a
    `quanta.quantize` and the fused dequantization (this is the form the
    canonicalizer gives to an activation's Q/DQ pair); with other uses it is
    a plain f32 lhs. A `quanta.fake_quant`
    of the result is not representable and stays after the fused op. A
    `quanta.matmul` without bias or result quantization absorbs a following
    bias add and `quanta.quantize` in the same way.

    Only values with no other uses are fused (`tensor.dim` uses of a
    dequantized operand, which read only its shape, are moved to the stored
    tensor): a `quanta.dequantize` used elsewhere, a non-zero or non-fill
    init, user-defined indexing maps or unsupported granularities leave the
    graph untouched; a matmul result used elsewhere keeps its bias add and
    quantization outside.

    With `integer-accumulation`, when both operands have integer storage of
    4 or 8 bits (`i8`, `ui8`, `i4`, `ui4`), the op gets `accumulation = i32`
    instead: `(a - za) * (b - zb)` summed exactly in i32 per K-block, then
    scaled by `sa * sb` in f32 (docs/Numerics.md, section 10); an lhs per
    group along K needs rhs groups of the same size, else the op stays
    f32. This CHANGES
    THE RESULTS: the float graph rounds after every product and addition, the
    integer sum is exact and rounds once per block, so the two differ by float
    rounding (the integer result is the more accurate one; with 8-bit values
    each term is at most 255 * 255, so the i32 sum cannot wrap for K up to
    33025). It is still the standard interpretation of QDQ: a DQ -> MatMul ->
    Q graph stands for ONNX `QLinearMatMul` / `MatMulInteger` (int32
    accumulation), into which ONNX Runtime rewrites it, and TensorRT and
    TFLite run QDQ models with integer kernels the same way; the float graph
    is the model's meaning only up to that rounding.

    Before:

    ```mlir
    %a = quanta.dequantize %qa, %sa, %za
           {scheme = #quanta.scheme<storage = ui8, expressed = f32>}
           : (tensor<4x64xi8>, tensor<f32>, tensor<i8>) -> tensor<4x64xf32>
    %w = quanta.dequantize %qw, %sw
           {scheme = #quanta.scheme<storage = i8, expressed = f32,
                                    granularity = per_channel, axis = 1,
                                    symmetric = true>}
           : (tensor<64x16xi8>, tensor<16xf32>) -> tensor<64x16xf32>
    %zero = arith.constant 0.0 : f32
    %e = tensor.empty() : tensor<4x16xf32>
    %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>)
              -> tensor<4x16xf32>
    %y = linalg.matmul ins(%a, %w : tensor<4x64xf32>, tensor<64x16xf32>)
           outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
    %r = quanta.quantize %y, %so, %zo
           {scheme = #quanta.scheme<storage = i8, expressed = f32>}
           : (tensor<4x16xf32>, tensor<f32>, tensor<i8>) -> tensor<4x16xi8>
    ```

    After:

    ```mlir
    %r = quanta.matmul %qa, %qw lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
           result_scale(%so) result_zp(%zo)
           {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
            rhs_scheme = #quanta.scheme<storage = i8, expressed = f32,
                granularity = per_channel, axis = 1, symmetric = true>,
            result_scheme = #quanta.scheme<storage = i8, expressed = f32>,
            accumulation = #quanta<accumulation f32>}
           : (tensor<4x64xi8>, tensor<64x16xi8>, tensor<f32>, tensor<16xf32>,
              tensor<i8>, tensor<f32>, tensor<i8>) -> tensor<4x16xi8>
    ```
  }];
  let options = [
    Option<"integerAccumulation", "integer-accumulation", "bool",
           /*default=*/"false",
           "Accumulate i8/ui8/i4/ui4 x i8/ui8/i4/ui4 products in i32 "
           "(what integer inference engines do; changes results by float "
           "rounding)">
  ];
  let dependentDialects = ["::mlir::quanta::QuantaDialect"];
}

#endif // QUANTA_DIALECT_QUANTA_PASSES_TD
