//===- QuantaAttrs.td - Quanta attributes ------------------*- tablegen -*-===//
//
// This file defines `#quanta.scheme`, the description of how stored values of
// a quantized tensor map to real values.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_ATTRS_TD
#define QUANTA_ATTRS_TD

include "QuantaEnums.td"

def Quanta_SchemeAttr : Quanta_Attr<"Scheme", "scheme"> {
  let summary = "A quantization scheme: storage, granularity and numerics";
  let description = [{
    Describes how a tensor of `storage` values represents `expressed` values:
    `real = (stored - zero_point) * scale` for integer storage and
    `real = decode(stored) * scale` for float storage.

    - `storage`: `i8`, `ui8`, `i4`, `ui4` (signless tensors hold the bits;
      `ui` marks them unsigned, as `u8` does in `!quant.uniform`),
      `f8E4M3FN`, `f8E5M2`, `f16`, `bf16`.
    - `expressed`: `f32`, `f16` or `bf16`; scales have this element type.
    - `granularity`: `per_tensor` (scale shape `[]`), `per_channel` with
      `axis` (scale shape `[dim(axis)]`), or `per_group` with `axis` and
      `group_size` (ONNX blocked quantization: the scale has the tensor's rank
      and `dim(axis) / group_size` along `axis`; `group_size` must divide it).
    - `symmetric`: the zero point is 0 and no zero-point operand is passed.
      Float storage is always symmetric.
    - `narrow_range`: drop the lowest code (`[-127, 127]` for `i8`,
      `[1, 255]` for `ui8`), integer storage only.
    - `rounding`: `half_even` (default), `half_away` or `toward_zero`;
      float storage always rounds half to even.
    - `saturate`: out-of-range values clamp to the storage range (default).
      Integer storage always saturates; for float storage `saturate = false`
      gives the IEEE/OCP result (E4M3FN overflow -> NaN, E5M2 -> inf).
    - `reciprocal`: compute `x * (1 / scale)` (PyTorch) instead of
      `x / scale` (ONNX, default); integer storage only.

    Example:

    ```mlir
    #quanta.scheme<storage = i8, expressed = f32>
    #quanta.scheme<storage = ui4, expressed = f16, granularity = per_group,
                   axis = 1, group_size = 32>
    #quanta.scheme<storage = f8E4M3FN, expressed = f32, symmetric = true>
    ```
  }];
  let parameters = (ins
    "::mlir::Type":$storage,
    "::mlir::Type":$expressed,
    DefaultValuedParameter<"::mlir::quanta::Granularity",
                           "::mlir::quanta::Granularity::per_tensor">:$granularity,
    DefaultValuedParameter<"int64_t", "-1">:$axis,
    DefaultValuedParameter<"int64_t", "0">:$group_size,
    DefaultValuedParameter<"bool", "false">:$symmetric,
    DefaultValuedParameter<"bool", "false">:$narrow_range,
    DefaultValuedParameter<"::mlir::quanta::RoundingMode",
                           "::mlir::quanta::RoundingMode::half_even">:$rounding,
    DefaultValuedParameter<"bool", "true">:$saturate,
    DefaultValuedParameter<"bool", "false">:$reciprocal);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// Whether the storage type is an integer type.
    bool isIntegerStorage() const;
    /// Whether integer storage is signed (`iN`) rather than unsigned (`uiN`).
    bool isSignedStorage() const;
    /// Bit width of the storage type.
    unsigned getStorageWidth() const;
    /// Smallest and largest storage value, narrow range included.
    int64_t getStorageMin() const;
    int64_t getStorageMax() const;
    /// The signless type tensors use to hold the storage bits.
    ::mlir::Type getStorageTensorElementType() const;
  }];
}

#endif // QUANTA_ATTRS_TD
