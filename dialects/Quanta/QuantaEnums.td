//===- QuantaEnums.td - Quanta enumerations ----------------*- tablegen -*-===//
//
// This file defines the enumerations of the Quanta dialect: rounding modes,
// parameter granularities, requantization modes, the methods that compute
// quantization parameters from data, and matmul accumulation kinds.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_ENUMS_TD
#define QUANTA_ENUMS_TD

include "QuantaBase.td"
include "mlir/IR/EnumAttr.td"

def Quanta_RoundingMode : I32EnumAttr<"RoundingMode",
    "rounding of a real value to an integer", [
      I32EnumAttrCase<"half_even", 0>,
      I32EnumAttrCase<"half_away", 1>,
      I32EnumAttrCase<"toward_zero", 2>]> {
  let cppNamespace = "::mlir::quanta";
  let genSpecializedAttr = 0;
}
def Quanta_RoundingModeAttr : EnumAttr<Quanta_Dialect, Quanta_RoundingMode,
                                       "rounding">;

def Quanta_Granularity : I32EnumAttr<"Granularity",
    "how many scale/zero-point pairs a tensor has", [
      I32EnumAttrCase<"per_tensor", 0>,
      I32EnumAttrCase<"per_channel", 1>,
      I32EnumAttrCase<"per_group", 2>]> {
  let cppNamespace = "::mlir::quanta";
  let genSpecializedAttr = 0;
}
def Quanta_GranularityAttr : EnumAttr<Quanta_Dialect, Quanta_Granularity,
                                      "granularity">;

def Quanta_RequantizeMode : I32EnumAttr<"RequantizeMode",
    "how an accumulator is rescaled to a narrow type", [
      I32EnumAttrCase<"float_multiplier", 0>,
      I32EnumAttrCase<"single_round", 1>,
      I32EnumAttrCase<"double_round", 2>,
      I32EnumAttrCase<"gemmlowp", 3>]> {
  let cppNamespace = "::mlir::quanta";
  let genSpecializedAttr = 0;
}
def Quanta_RequantizeModeAttr : EnumAttr<Quanta_Dialect, Quanta_RequantizeMode,
                                         "requantize_mode">;

def Quanta_ParamsMethod : I32EnumAttr<"ParamsMethod",
    "how quantization parameters are derived from data", [
      I32EnumAttrCase<"max_abs", 0>,
      I32EnumAttrCase<"min_max", 1>,
      I32EnumAttrCase<"mean_std", 2>,
      I32EnumAttrCase<"percentile", 3>]> {
  let cppNamespace = "::mlir::quanta";
  let genSpecializedAttr = 0;
}
def Quanta_ParamsMethodAttr : EnumAttr<Quanta_Dialect, Quanta_ParamsMethod,
                                       "params_method">;

def Quanta_Accumulation : I32EnumAttr<"Accumulation",
    "the arithmetic a quantized matmul accumulates in", [
      I32EnumAttrCase<"i32", 0>,
      I32EnumAttrCase<"f32", 1>]> {
  let cppNamespace = "::mlir::quanta";
  let genSpecializedAttr = 0;
}
def Quanta_AccumulationAttr : EnumAttr<Quanta_Dialect, Quanta_Accumulation,
                                       "accumulation">;

#endif // QUANTA_ENUMS_TD
