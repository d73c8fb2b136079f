//===- GPUMatmul.h - Shared names of the GPU matmul lowering ----*- C++ -*-===//
//
// This file declares what `--quanta-outline-gpu-matmul` and
// `--convert-quanta-matmul-to-nvvm` agree on: the marker functions' names and
// attributes, and which quanta.matmul forms have a tensor-core kernel.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_LIB_CONVERSION_QUANTATONVVM_GPUMATMUL_H
#define QUANTA_LIB_CONVERSION_QUANTATONVVM_GPUMATMUL_H

#include "quanta/Dialect/Quanta/QuantaOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"

#include <optional>

namespace mlir::quanta::gpu_matmul {

/// The marker functions are `@__quanta_gpu_matmul_<n>`.
constexpr llvm::StringLiteral kFunctionPrefix = "__quanta_gpu_matmul_";
/// The marker function's attribute: a dictionary with `kind`,
/// `accumulation`, `lhs_scheme`, `rhs_scheme` and `result_scheme`.
constexpr llvm::StringLiteral kFunctionAttr = "quanta.gpu_matmul";
/// A unit entry of the marker's attribute: the `rhs` argument is the
/// weights transposed (N x K, K contiguous), the input of a
/// `linalg.transpose` that produced the matmul's K x N rhs.
constexpr llvm::StringLiteral kRhsKMajorAttr = "rhs_k_major";
/// A unit entry of the marker's attribute: the matmul is batched, `lhs`,
/// `rhs` (unless a 2-D rhs shared by the batches), the destination and
/// per-group parameters have one batch dimension first (the op's batch
/// dimensions collapsed), and the schemes' per_channel and per_group axes
/// count from the matrix dimensions; the other operands are shared by the
/// batches.
constexpr llvm::StringLiteral kBatchedAttr = "batched";
/// Each marker argument's role: `lhs`, `rhs`, `lhs_scale`, ..., `init`.
constexpr llvm::StringLiteral kRoleAttr = "quanta.role";
constexpr llvm::StringLiteral kInitRole = "init";

/// The tensor-core kernel families. `WeightOnly` is weight-only int4 or
/// int8: f16/bf16 activations times i4/ui4 (read packed) or i8/ui8 weights
/// dequantized in registers, f16/bf16 mma.
enum class Kind { Int8, F16, FP8, WeightOnly };

inline llvm::StringRef stringify(Kind kind) {
  switch (kind) {
  case Kind::Int8:
    return "int8";
  case Kind::F16:
    return "f16";
  case Kind::FP8:
    return "fp8";
  case Kind::WeightOnly:
    return "weight_only";
  }
  return "";
}

inline std::optional<Kind> parseKind(llvm::StringRef s) {
  if (s == "int8")
    return Kind::Int8;
  if (s == "f16")
    return Kind::F16;
  if (s == "fp8")
    return Kind::FP8;
  if (s == "weight_only")
    return Kind::WeightOnly;
  return std::nullopt;
}

/// The kernel family of `op`, or none when `op` has no tensor-core kernel:
/// 8-bit integer lhs times 8- or 4-bit integer rhs accumulating in i32
/// (parameters per tensor, per channel (lhs rows, rhs columns) or per
/// group of a multiple of 32 along K), or f16 x f16 / bf16 x bf16 /
/// FP8 x FP8 expressed in f32 accumulating in f32 (per tensor or channel),
/// with a float result or an 8-bit quantized one; or weight-only int4 or
/// int8 (see `hasWeightOnlyKernel`).
std::optional<Kind> classify(MatmulOp op);

/// Rewrites a float-storage matmul (FP8, f16, bf16 operands) with f16/bf16
/// expressed types, which a tensor-core kernel cannot compute as it is (the
/// definition rounds every dequantized element to the expressed type), into
/// the quanta.dequantize of both operands (that rounding) and a matmul of
/// the 16-bit results as storage with unit f32 scales (exact products, f32
/// sums, as the definition), its result scale widened to f32 and a float
/// result truncated to the expressed type. Returns the new matmul, or
/// null (and leaves `op`) when `op` is not of that form.
MatmulOp dequantizeFloatOperands(MatmulOp op);

/// Whether `op` is a weight-only int4 or int8 matmul: no lhs scheme (plain
/// float activations), i4/ui4/i8/ui8 weights, f32 accumulation.
bool isWeightOnly(MatmulOp op);

/// Whether a weight-only matmul (`isWeightOnly`) has a GPU kernel: 2-D (or
/// batched, with 8-bit weights), f16 or bf16 activations (the weights'
/// expressed type, which they are dequantized to in registers), weights per
/// tensor, per column or per group (any size) along K, a float or 8-bit
/// quantized result.
bool hasWeightOnlyKernel(MatmulOp op);

/// The number in `sm_NN` or `sm_NNa` (0 when `chip` is not of that form).
int getSMVersion(llvm::StringRef chip);

/// Reports at `at` and fails when `chip` lacks the tensor cores that kernel
/// family `kind` needs (sm_80 or newer; FP8 needs sm_89 or newer). The one
/// place both GPU matmul passes check the architecture.
llvm::LogicalResult checkArch(Operation *at, Kind kind, llvm::StringRef chip);

/// The calls in `module` to its marker functions, each with its marker.
llvm::SmallVector<std::pair<func::CallOp, func::FuncOp>>
getMarkerCalls(ModuleOp module);

} // namespace mlir::quanta::gpu_matmul

#endif // QUANTA_LIB_CONVERSION_QUANTATONVVM_GPUMATMUL_H
