//===- QuantaOps.td - Quanta operations --------------------*- tablegen -*-===//
//
// This file defines the operations of the Quanta dialect: quantize,
// dequantize, requantize, fake_quant, compute_params, cast, matmul and
// matmul_integer. Each
// description states the op's rounding, saturation and NaN/Inf handling; the
// reference library implements exactly these semantics.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_OPS_TD
#define QUANTA_OPS_TD

include "QuantaAttrs.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/OpBase.td"
include "mlir/IR/CommonTypeConstraints.td"

def I4 : I<4>;

def Quanta_FloatTensor : RankedTensorOf<[F32, F16, BF16]>;
def Quanta_StorageTensor
    : RankedTensorOf<[I8, I4, F8E4M3FN, F8E5M2, F16, BF16]>;
def Quanta_ScaleTensor : RankedTensorOf<[F32, F16, BF16]>;
def Quanta_ZeroPointTensor : RankedTensorOf<[I8, I4]>;
def Quanta_CastTensor : RankedTensorOf<[F32, F16, BF16, F8E4M3FN, F8E5M2]>;

//===----------------------------------------------------------------------===//
// QuantizeOp
//===----------------------------------------------------------------------===//

def Quanta_QuantizeOp : Quanta_Op<"quantize", [Pure]> {
  let summary = "Quantize real values to a storage type";
  let description = [{
    Implements ONNX `QuantizeLinear`
    (https://onnx.ai/onnx/operators/onnx__QuantizeLinear.html) for every
    granularity of the `scheme`:

    - integer storage: `q = saturate(round(x / scale) + zero_point)`, computed
      in f32 (`x * (1 / scale)` with `reciprocal = true`, as PyTorch); `round`
      is the scheme's rounding mode (half to even by default). NaN maps to the
      zero point, +-Inf and every overflow saturate to the storage range
      (narrow range included).
    - float storage: `q = convert(x / scale)` rounded half to even once (no
      intermediate format); with `saturate` (default) overflow and +-Inf clamp
      to +-max finite (E4M3FN 448, E5M2 57344), without it they become NaN
      (E4M3FN) or +-Inf (E5M2, f16, bf16), as OCP FP8 and IEEE define. NaN
      stays NaN.

    `scale` has the expressed element type; `zero_point` is present exactly
    when the scheme is asymmetric and holds storage values. Their shapes follow
    the granularity (see `#quanta.scheme`).

    Example:

    ```mlir
    %q = quanta.quantize %x, %scale, %zp
           {scheme = #quanta.scheme<storage = ui8, expressed = f32,
                                    granularity = per_channel, axis = 1>}
           : (tensor<4x3xf32>, tensor<3xf32>, tensor<3xi8>) -> tensor<4x3xi8>
    ```
  }];
  let arguments = (ins Quanta_FloatTensor:$input, Quanta_ScaleTensor:$scale,
                       Optional<Quanta_ZeroPointTensor>:$zero_point,
                       Quanta_SchemeAttr:$scheme);
  let results = (outs Quanta_StorageTensor:$result);
  let assemblyFormat = [{
    $input `,` $scale (`,` $zero_point^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// DequantizeOp
//===----------------------------------------------------------------------===//

def Quanta_DequantizeOp : Quanta_Op<"dequantize", [Pure]> {
  let summary = "Dequantize stored values to real values";
  let description = [{
    Implements ONNX `DequantizeLinear`
    (https://onnx.ai/onnx/operators/onnx__DequantizeLinear.html):
    `y = (q - zero_point) * scale` for integer storage and
    `y = decode(q) * scale` for float storage. The product is one f32
    multiplication (exact for storage of 8 bits or less) rounded once, half to
    even, to the expressed type. NaN and +-Inf codes of float storage
    propagate.

    Example:

    ```mlir
    %x = quanta.dequantize %q, %scale
           {scheme = #quanta.scheme<storage = i4, expressed = f32,
                                    granularity = per_group, axis = 1,
                                    group_size = 32, symmetric = true>}
           : (tensor<8x64xi4>, tensor<8x2xf32>) -> tensor<8x64xf32>
    ```
  }];
  let arguments = (ins Quanta_StorageTensor:$input, Quanta_ScaleTensor:$scale,
                       Optional<Quanta_ZeroPointTensor>:$zero_point,
                       Quanta_SchemeAttr:$scheme);
  let results = (outs Quanta_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $scale (`,` $zero_point^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

//===----------------------------------------------------------------------===//
// FakeQuantOp
//===----------------------------------------------------------------------===//

def Quanta_FakeQuantOp : Quanta_Op<"fake_quant", [Pure,
    AllTypesMatch<["input", "result"]>]> {
  let summary = "Quantize then dequantize, staying in the expressed type";
  let description = [{
    Quantization-aware training's forward pass (PyTorch
    `fake_quantize_per_tensor_affine` / `per_channel_affine`, TF
    `FakeQuantWithMinMaxVars`): exactly `dequantize(quantize(x))` with the same
    scheme, scale and zero point, so it rounds and saturates as
    `quanta.quantize` does and NaN becomes `(zero_point - zero_point) * scale
    = 0` for integer storage.

    Example:

    ```mlir
    %y = quanta.fake_quant %x, %scale
           {scheme = #quanta.scheme<storage = i8, expressed = f32,
                                    symmetric = true, narrow_range = true>}
           : (tensor<16xf32>, tensor<f32>) -> tensor<16xf32>
    ```
  }];
  let arguments = (ins Quanta_FloatTensor:$input, Quanta_ScaleTensor:$scale,
                       Optional<Quanta_ZeroPointTensor>:$zero_point,
                       Quanta_SchemeAttr:$scheme);
  let results = (outs Quanta_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $scale (`,` $zero_point^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// RequantizeOp
//===----------------------------------------------------------------------===//

def Quanta_RequantizeOp : Quanta_Op<"requantize", [Pure,
    AttrSizedOperandSegments]> {
  let summary = "Rescale integer values (accumulators) to a narrow integer type";
  let description = [{
    Computes `v = input - input_zp` exactly (in 64 bits) and rescales it to the
    result's storage type, then adds `output_zp` and saturates to the storage
    range (`narrow_range` drops the lowest code; the result is unsigned when
    `unsigned_output` is set). The `mode` chooses the arithmetic:

    - `float_multiplier`: `round(f32(v) * multiplier)` with an f32
      multiplier and the `rounding` mode (ONNX `QLinearMatMul`, ORT).
    - `single_round`: `(v * m + 2^(shift-1)) >> shift` with an i32
      multiplier `m >= 0` and an i8 `shift` in [2, 62] (TOSA `RESCALE`
      with `SINGLE_ROUND`, TFLite `TFLITE_SINGLE_ROUNDING`).
    - `double_round`: TOSA `apply_scale_32` with `DOUBLE_ROUND`: for
      `shift > 31` the rounding term is moved by `+-2^30`.
    - `gemmlowp`: TFLite's default `MultiplyByQuantizedMultiplier`:
      `SaturatingRoundingDoublingHighMul` then `RoundingDivideByPOT`
      (two roundings, ties away from zero); `m / 2^shift` is the real
      multiplier.

    `multiplier` and `shift` are rank 0 (per tensor) or rank 1 along `axis`
    (per channel); zero points are rank 0 or rank 1 along `axis` too.

    Example:

    ```mlir
    %y = quanta.requantize %acc, %m shift %s output_zp %zp
           {mode = #quanta<requantize_mode single_round>, axis = 1 : i64}
           : (tensor<4x8xi32>, tensor<8xi32>, tensor<8xi8>, tensor<i8>)
           -> tensor<4x8xi8>
    ```
  }];
  let arguments = (ins RankedTensorOf<[I8, I16, I32]>:$input,
                       RankedTensorOf<[F32, I32]>:$multiplier,
                       Optional<RankedTensorOf<[I8]>>:$shift,
                       Optional<RankedTensorOf<[I8, I16, I32]>>:$input_zp,
                       Optional<RankedTensorOf<[I4, I8, I16]>>:$output_zp,
                       Quanta_RequantizeModeAttr:$mode,
                       OptionalAttr<I64Attr>:$axis,
                       DefaultValuedAttr<Quanta_RoundingModeAttr,
                           "::mlir::quanta::RoundingMode::half_even">:$rounding,
                       UnitAttr:$narrow_range,
                       UnitAttr:$unsigned_output);
  let results = (outs RankedTensorOf<[I4, I8, I16]>:$result);
  let assemblyFormat = [{
    $input `,` $multiplier (`shift` $shift^)? (`input_zp` $input_zp^)?
    (`output_zp` $output_zp^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let extraClassDeclaration = [{
    /// Smallest and largest result value, narrow range and signedness included.
    int64_t getResultMin();
    int64_t getResultMax();
  }];
}

//===----------------------------------------------------------------------===//
// ComputeParamsOp
//===----------------------------------------------------------------------===//

def Quanta_ComputeParamsOp : Quanta_Op<"compute_params", [Pure]> {
  let summary = "Compute scales and zero points from data (dynamic quantization)";
  let description = [{
    Reduces `input` over each parameter's set (the whole tensor, each channel,
    or each group, per the scheme's granularity), ignoring NaN, to a range
    `rmin <= 0 <= rmax` in f32:

    - `max_abs`: `rmax = max|x|`, `rmin = -rmax`.
    - `min_max`: `rmin = min(0, min x)`, `rmax = max(0, max x)` (ONNX
      `DynamicQuantizeLinear`).
    - `mean_std`: `mean -+ k * std` (population std, accumulated in f64),
      widened to include 0; needs `k > 0`.
    - `percentile`: linear-interpolated percentile `p` (numpy's default) of
      `|x|` when symmetric, of `x` at `100 - p` and `p` otherwise; needs
      `p` in (50, 100].

    Symmetric schemes get `scale = max(-rmin, rmax) / qmax` (qmax is
    `2^(b-1) - 1` for signed integers, max finite for float storage) and no
    zero point. Asymmetric schemes get `scale = (rmax - rmin) / (qmax - qmin)`
    and `zero_point = saturate(round_half_even(qmin - rmin / scale))`, all f32.
    A zero scale (all-zero data) becomes 1; +-Inf data gives an infinite
    scale.

    Example:

    ```mlir
    %s, %zp = quanta.compute_params %x
        {scheme = #quanta.scheme<storage = ui8, expressed = f32>,
         method = #quanta<params_method min_max>}
        : (tensor<6xf32>) -> (tensor<f32>, tensor<i8>)
    ```
  }];
  let arguments = (ins Quanta_FloatTensor:$input, Quanta_SchemeAttr:$scheme,
                       Quanta_ParamsMethodAttr:$method,
                       OptionalAttr<F64Attr>:$k,
                       OptionalAttr<F64Attr>:$percentile);
  let results = (outs Quanta_ScaleTensor:$scale,
                      Optional<Quanta_ZeroPointTensor>:$zero_point);
  let assemblyFormat = [{
    $input attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// CastOp
//===----------------------------------------------------------------------===//

def Quanta_CastOp : Quanta_Op<"cast", [Pure]> {
  let summary = "Convert between float formats with optional scaling and saturation";
  let description = [{
    Converts each element between `f32`, `f16`, `bf16`, `f8E4M3FN` and
    `f8E5M2`: the input is decoded exactly, multiplied by `scale` (an f32
    multiplication, TransformerEngine's `cast(x * scale)` convention) when a
    scale is given, and rounded once, half to even, to the result format —
    never through an intermediate format. With `saturate` overflow and +-Inf
    clamp to +-max finite (ONNX `Cast` with `saturate=1`, TensorRT);
    without it overflow gives NaN for E4M3FN and +-Inf for formats that have
    infinities (`arith.truncf` semantics). NaN stays NaN.

    Example:

    ```mlir
    %y = quanta.cast %x scale %s {saturate}
           : tensor<1024xf32>, tensor<f32> -> tensor<1024xf8E4M3FN>
    ```
  }];
  let arguments = (ins Quanta_CastTensor:$input,
                       Optional<0DTensorOf<[F32]>>:$scale,
                       UnitAttr:$saturate);
  let results = (outs Quanta_CastTensor:$result);
  let assemblyFormat = [{
    $input (`scale` $scale^)? attr-dict `:` type($input) (`,` type($scale)^)?
    `->` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// MatmulOp
//===----------------------------------------------------------------------===//

def Quanta_MatmulOp : Quanta_Op<"matmul", [Pure, AttrSizedOperandSegments]> {
  let summary = "Matrix multiplication of quantized operands";
  let description = [{
    Multiplies `lhs` (`[B..., M, K]`) by `rhs` (`[B..., K, N]`), each
    described by its scheme, scale and zero point. `lhs` may also be an
    unquantized float tensor (weight-only quantization: no `lhs_scheme`,
    no lhs parameters).

    - `accumulation = i32` (integer storage on both sides): for each K-block
      (a group of the per-group `rhs`, else all of K) `acc = sum (a - za) *
      (b - zb)` in i32 with two's-complement wrap-around; the float result is
      `sum_blocks f32(acc) * (sa * sb)` accumulated in f32 in block order.
    - `accumulation = f32`: every element is dequantized (as
      `quanta.dequantize`) and `sum_k a * b` accumulates in f32 in k order.

    `bias` (`[N]`, f32) is added to the float result. With a `result_scheme`
    the result is then quantized as `quanta.quantize` with `result_scale` and
    `result_zp`; otherwise the result has the expressed type.

    `lhs` parameters are per tensor, per row (`per_channel` on the M axis, the
    per-token scales of dynamic quantization) or per group along K; `rhs`
    parameters are per tensor, per column (`per_channel` on the N axis) or per
    group along K (`[K / group_size, N]`), as ONNX `MatMulNBits` and
    llama.cpp use.

    Example:

    ```mlir
    %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
           {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
            rhs_scheme = #quanta.scheme<storage = i4, expressed = f32,
                granularity = per_group, axis = 0, group_size = 32,
                symmetric = true>,
            accumulation = #quanta<accumulation i32>}
           : (tensor<4x64xi8>, tensor<64x16xi4>, tensor<f32>, tensor<2x16xf32>,
              tensor<i8>) -> tensor<4x16xf32>
    ```
  }];
  let arguments = (ins
    RankedTensorOf<[I8, I4, F8E4M3FN, F8E5M2, F16, BF16, F32]>:$lhs,
    Quanta_StorageTensor:$rhs,
    Optional<Quanta_ScaleTensor>:$lhs_scale,
    Quanta_ScaleTensor:$rhs_scale,
    Optional<Quanta_ZeroPointTensor>:$lhs_zp,
    Optional<Quanta_ZeroPointTensor>:$rhs_zp,
    Optional<RankedTensorOf<[F32]>>:$bias,
    Optional<Quanta_ScaleTensor>:$result_scale,
    Optional<Quanta_ZeroPointTensor>:$result_zp,
    OptionalAttr<Quanta_SchemeAttr>:$lhs_scheme,
    Quanta_SchemeAttr:$rhs_scheme,
    OptionalAttr<Quanta_SchemeAttr>:$result_scheme,
    Quanta_AccumulationAttr:$accumulation);
  let results = (outs RankedTensorOf<[I8, I4, F8E4M3FN, F8E5M2, F32, F16, BF16]>:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs (`lhs_scale` `(` $lhs_scale^ `)`)?
    `rhs_scale` `(` $rhs_scale `)` (`lhs_zp` `(` $lhs_zp^ `)`)? (`rhs_zp` `(` $rhs_zp^ `)`)?
    (`bias` `(` $bias^ `)`)? (`result_scale` `(` $result_scale^ `)`)?
    (`result_zp` `(` $result_zp^ `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

//===----------------------------------------------------------------------===//
// MatmulIntegerOp
//===----------------------------------------------------------------------===//

def Quanta_MatmulIntegerOp : Quanta_Op<"matmul_integer",
    [Pure, AttrSizedOperandSegments]> {
  let summary = "Integer matrix multiplication of 8-bit operands into i32";
  let description = [{
    Implements ONNX `MatMulInteger`
    (https://onnx.ai/onnx/operators/onnx__MatMulInteger.html), the form
    frontends emit for `linalg.quantized_matmul`, i8 `linalg.matmul` /
    `linalg.batch_matmul` accumulating in i32 and TOSA `tosa.matmul`:

    ```
    result[..., m, n] = sum_k (a[..., m, k] - za) * (b[..., k, n] - zb)
    ```

    computed in i32 with two's-complement wrap-around (each product of two
    9-bit differences is exact; only the sum can wrap, as ONNX allows and as
    the hardware does). `lhs` is `[B..., M, K]`; `rhs` is `[B..., K, N]` with
    the same batch dimensions, or `[K, N]` shared by every batch; the result
    is `[B..., M, N]`.

    Tensors hold signless `i8` bits. The unit attributes `lhs_unsigned` and
    `rhs_unsigned` say that an operand (and its zero point) is `uint8` (bits
    read as 0..255); without them it is `int8` (-128..127). Any pairing is
    allowed (ONNX: `T1`, `T2` in {int8, uint8}).

    Zero points are optional (0 when absent) and have the element type and
    signedness of their operand: `lhs_zp` is `[]` or `[1]` (per tensor) or
    `[M]` (one per row, shared by the batches); `rhs_zp` is `[]`, `[1]` or
    `[N]` (one per column). ONNX's `[D..., M, 1]` / `[D..., 1, N]` batched
    zero points are not supported.

    Example:

    ```mlir
    %y = quanta.matmul_integer %a, %b lhs_zp(%za) rhs_zp(%zb) {lhs_unsigned}
           : (tensor<4x3xi8>, tensor<3x2xi8>, tensor<i8>, tensor<2xi8>)
           -> tensor<4x2xi32>
    ```
  }];
  let arguments = (ins
    RankedTensorOf<[I8]>:$lhs,
    RankedTensorOf<[I8]>:$rhs,
    Optional<RankedTensorOf<[I8]>>:$lhs_zp,
    Optional<RankedTensorOf<[I8]>>:$rhs_zp,
    UnitAttr:$lhs_unsigned,
    UnitAttr:$rhs_unsigned);
  let results = (outs RankedTensorOf<[I32]>:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs (`lhs_zp` `(` $lhs_zp^ `)`)? (`rhs_zp` `(` $rhs_zp^ `)`)?
    attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

#endif // QUANTA_OPS_TD
