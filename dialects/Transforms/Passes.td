//===- Passes.td - Quanta transformation passes ------------*- tablegen -*-===//
//
// This file declares Quanta's transformations of non-Quanta IR, such as the
// expansion of FP8 conversions into integer arithmetic.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_TRANSFORMS_PASSES_TD
#define QUANTA_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def ExpandFloat8Casts : Pass<"quanta-expand-f8-casts"> {
  let summary = "Expand arith.truncf/extf to and from FP8 into integer arithmetic";
  let description = [{
    Rewrites `arith.truncf` from `f32`, `f16` or `bf16` to `f8E4M3FN` or
    `f8E5M2`, and `arith.extf` from those FP8 types to `f16`, `bf16` or
    `f32`, on scalars and vectors, into integer and select operations on the
    bits (`arith.bitcast` in and out), so that FP8 code compiles and
    vectorizes on targets without FP8 hardware; upstream MLIR 22 can only
    lower these casts to one library call per element
    (`--convert-arith-to-apfloat`).

    Semantics are `arith`'s: a single rounding, half to even, straight from
    the source format (never through an intermediate format); no saturation:
    values that round above the largest finite value become NaN for E4M3FN
    and +-Inf for E5M2; +-Inf becomes NaN (E4M3FN) or +-Inf (E5M2); NaN stays
    NaN. `arith.extf` is exact. The results match the reference library's
    `encodeFloat(x, fmt, /*saturate=*/false)` and `decodeFloat` bit for bit.
    Saturating conversions are a clamp to +-max finite before the truncf.

    Before:

    ```mlir
    %y = arith.truncf %x : vector<16xf32> to vector<16xf8E4M3FN>
    ```

    After: `arith.bitcast %x : vector<16xf32> to vector<16xi32>`, integer
    shifts, adds, compares and selects, then
    `arith.bitcast %bits : vector<16xi8> to vector<16xf8E4M3FN>`.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

#endif // QUANTA_TRANSFORMS_PASSES_TD
