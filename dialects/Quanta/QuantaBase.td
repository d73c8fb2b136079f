//===- QuantaBase.td - Quanta dialect definition -----------*- tablegen -*-===//
//
// This file defines the Quanta dialect: quantized tensors described by a
// quantization scheme attribute plus scales and zero points carried as SSA
// tensors, so that parameters may be large (per-channel, per-group) or
// computed at run time (dynamic quantization).
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_BASE_TD
#define QUANTA_BASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def Quanta_Dialect : Dialect {
  let name = "quanta";
  let cppNamespace = "::mlir::quanta";
  let summary = "Quantized tensors, their parameters and bit-exact conversions";
  let description = [{
    The `quanta` dialect describes quantized computation with numerics stated
    to the bit. Quantized values live in builtin tensors whose element type is
    the *storage* type (signless `i8`/`i4` for integer storage, `f8E4M3FN`,
    `f8E5M2`, `f16`, `bf16` for float storage). How the stored values relate
    to real numbers is described by a `#quanta.scheme` attribute (storage and
    expressed type, signedness, granularity, symmetry, narrow range, rounding,
    saturation). Scales and zero points are SSA tensors whose shapes follow the
    granularity, so static parameters are `arith.constant`s and dynamic ones
    come from `quanta.compute_params`.

    Rounding defaults to round-half-to-even (ONNX, PyTorch, TensorRT,
    StableHLO); every op states its saturation and NaN/Inf handling. The
    numerics are implemented once, in the reference library
    (`quanta/Reference/Numerics.h`), which folders and tests share.
  }];
  let useDefaultAttributePrinterParser = 1;
  let hasCanonicalizer = 0;
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::tensor::TensorDialect"];
}

class Quanta_Op<string mnemonic, list<Trait> traits = []>
    : Op<Quanta_Dialect, mnemonic, traits>;

class Quanta_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Quanta_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

#endif // QUANTA_BASE_TD
