//===- MatmulKernels.h - Shared pieces of the matmul kernels ----*- C++ -*-===//
//
// This file declares what the matmul kernels of --quanta-lower-matmul-kernels
// share: the dot-product instruction description, loop and lane helpers, the
// element-wise epilogues they take over, and the packed-int4 kernel that
// LowerMatmulKernels.cpp dispatches to.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_LIB_TRANSFORMS_MATMULKERNELS_H
#define QUANTA_LIB_TRANSFORMS_MATMULKERNELS_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"

#include <array>
#include <optional>

namespace mlir {
class IRMapping;
} // namespace mlir

namespace mlir::quanta::matmul_kernels {

/// A dot-product instruction: each of the `lanes` 32-bit lanes of the
/// accumulator adds the products of `perLane` consecutive elements along K.
/// The operands are `element` in memory and `operand` in the instruction
/// (i8 widened to i16: A zero-extended, B sign-extended).
struct DotKind {
  Type element, operand, accumulator;
  int64_t perLane, lanes;
  // Empty: f32 multiply then add (perLane 1).
  StringRef intrinsic;
  // The intrinsic returns the dot products without adding the accumulator.
  bool separateAdd = false;
  // Register block: rows of C x panels (vector registers permitting).
  int64_t rowBlock = 6, colBlocks = 4;
  // The instruction multiplies s8 x s8 (AArch64 `sdot`): A's u8 bytes are
  // used as a - 128 (xor 0x80), and 128 x the column sums of B are added
  // back (the same sum modulo 2^32).
  bool flipLhs = false;
  // Blocks of 32 rows x 2 panels of C are AMX tiles (`tdpbusd`, `tdpbf16ps`;
  // x86 with amx-int8 / amx-bf16): see KernelBuilder::amxBlock().
  bool amx = false;
};

/// AVX-512 VNNI `vpdpbusd`: u8 x s8, 4 per 32-bit lane, 16 lanes.
DotKind getVNNIKind(MLIRContext *ctx);

/// The vector registers a weight-only kernel is built for: `lanes` 32-bit
/// lanes (16 on AVX-512, 8 on AVX2, 4 on NEON), and whether AVX-512's
/// `vpermps`/`vpermd` can look up a 16-entry table.
struct VectorUnit {
  int64_t lanes;
  bool permute16;
};

/// Whether this process may use AMX tiles, as an i1 read from a flag that a
/// constructor of the module sets at load time: Linux grants a process the
/// tiles' state only on request (`arch_prctl(ARCH_REQ_XCOMP_PERM,
/// XFEATURE_XTILEDATA)`, Linux 5.16 and newer), and a tile instruction
/// without it faults. Where the request fails (an older kernel, a CPU
/// without AMX), the kernels use vector registers only. The flag, the
/// constructor and the declaration of libc's `syscall` are created with
/// the first use.
Value getAMXPermitted(ImplicitLocOpBuilder &b, ModuleOp module);

/// `for (i = lb; i < ub; i += step) body(i)`, built at `b`'s insertion point.
void forLoop(ImplicitLocOpBuilder &b, Value lb, Value ub, int64_t step,
             function_ref<void(Value)> body);

/// forLoop, as an scf.parallel loop when `parallel`: a loop over blocks of
/// columns whose iterations write disjoint columns.
void columnLoop(ImplicitLocOpBuilder &b, bool parallel, Value lb, Value ub,
                int64_t step, function_ref<void(Value)> body);

/// body(0, total), or with `parallel` body(first, last) for one block of
/// [0, total) per OpenMP thread (`omp_get_max_threads()`, from libomp,
/// which --openmp code links) as an scf.parallel loop: a streaming kernel
/// then reads each row of B in one segment per thread (several sweeps of
/// shorter segments read DRAM more slowly).
void perThreadBlocks(ImplicitLocOpBuilder &b, bool parallel, Value total,
                     function_ref<void(Value, Value)> body);

/// Software prefetch of the rows of a row-major matrix being streamed, into
/// L2 about `aheadBytes` ahead of the row read (the hardware prefetcher
/// alone leaves the loads waiting on DRAM), clamped to the last row.
class RowPrefetcher {
public:
  RowPrefetcher(ImplicitLocOpBuilder &b, Value matrix,
                int64_t aheadBytes = 128 << 10);
  /// Prefetches matrix[row + distance, col].
  void prefetch(ImplicitLocOpBuilder &b, Value row, Value col);

private:
  Value matrix, lastRow;
  int64_t distance;
};

/// `sum` + the perLane-element dot products of `lhs` and `rhs` in each lane
/// (vpdpbusd: u8 lhs, s8 rhs).
Value dot(ImplicitLocOpBuilder &lb, const DotKind &kind, Value sum, Value lhs,
          Value rhs);

/// The perLane elements a[row, k .. k + perLane) as the instruction's
/// operand (widened when that is wider; flipped to s8 with flipLhs), in
/// every 32-bit lane: the broadcast side of the dot product.
Value broadcastQuad(ImplicitLocOpBuilder &b, const DotKind &kind, Value a,
                    Value row, Value k);

/// The linalg.fill of zeros into `c` right before `op` (only ops that do
/// not touch `c` in between), if any.
Operation *getZeroFill(Operation *op, Value c);

/// The vector `type` at memref[indices] when `inBounds`, else zeros (a
/// row past a matrix's end in a zero-padded copy).
Value loadOrZero(ImplicitLocOpBuilder &b, VectorType type, Value inBounds,
                 Value memref, ValueRange indices);

/// Whether `v` is the integer constant `value`.
bool isConstant(Value v, int64_t value);

/// Whether `of` divides `v` (an index).
Value isMultiple(ImplicitLocOpBuilder &b, Value v, int64_t of);

/// Four 64-byte rows paired up by halves: [h][p] holds bytes [32h, 32h +
/// 32) of rows 2p and 2p + 1, the two operands from which one byte shuffle
/// gathers the four rows' bytes of any position in [32h, 32h + 32).
using HalfRowPairs = std::array<std::array<Value, 2>, 2>;
HalfRowPairs pairHalfRows(ImplicitLocOpBuilder &b, ArrayRef<Value> rows);

/// One byte shuffle of `halves`: byte t of 32-bit lane i is row t's byte
/// `positions[i]`; the positions must lie in one half of the rows.
Value gatherRowBytes(ImplicitLocOpBuilder &b, const HalfRowPairs &halves,
                     ArrayRef<int64_t> positions);

//===----------------------------------------------------------------------===//
// Epilogues: element-wise ops on a core's result, fused into the kernel
//===----------------------------------------------------------------------===//

/// Whether only ops that allocate, view, read sizes or make constants, and
/// linalg ops on buffers that write no buffer `first` accesses and read none
/// that it writes, lie between `first` and `second` (in one block, `first`
/// before `second`): `first` may then run where `second` is, just before
/// it.
bool onlyHarmlessOpsBetween(Operation *first, linalg::GenericOp second);

/// The buffer that `v` views (through subviews, reshapes, casts and any
/// other view-like op), or `v`.
Value getViewBase(Value v);

/// Whether nothing after `from` and before `kernelAt` (in its block) may
/// write `source`: only ops without memory effects, allocations, and
/// linalg ops writing into other buffers (distinct allocations or function
/// arguments: the ABI forbids arguments that overlap).
bool unwrittenUntil(Value source, Operation *from, Operation *kernelAt);

/// The op among `alloc`'s users other than `reader` and deallocations
/// (added to `deallocs`) when there is exactly one; else null.
Operation *soleOtherUser(Operation *alloc, Operation *reader,
                         SmallVectorImpl<Operation *> &deallocs);

/// The ops that compute a buffer a kernel replaces the reading of (its
/// allocations, views and the ops writing them, in an order that respects
/// their dependences) and the deallocations of those allocations: the
/// kernel moves them to the paths that still read the buffer.
struct BufferBuild {
  SmallVector<Operation *> ops, deallocs;

  /// The ops cloned at `b`'s insertion point, into `mapping`.
  void clone(OpBuilder &b, IRMapping &mapping) const;
  /// Deallocations of the clones of the allocations.
  void deallocClones(ImplicitLocOpBuilder &b, IRMapping &mapping) const;
  /// Erases the deallocations and the ops (their readers gone).
  void erase();
};

/// A matmul's B as the transpose of an N x K buffer (a Linear layer's
/// [out, in] weights), written by a linalg.transpose into a fresh
/// allocation that only the matmul reads, or with `flip` into one that a
/// linalg.map then flips the top bit of (uint8 weights as w - 128) into the
/// matmul's. The kernels then read the N x K `source` in place; the
/// transpose moves to the paths that read B K-major (the loops, and the
/// packing of the kernels that cannot transpose in registers).
struct TransposedRhs {
  // B, and the N x K buffer it is computed from.
  Value matrix, source;
  bool flip = false;
  BufferBuild build;

  /// B's build cloned at `b`'s insertion point; returns B's clone.
  Value clone(ImplicitLocOpBuilder &b, IRMapping &mapping) const;
};

/// B (`bMat`, read by `reader`) as a TransposedRhs, when its source is not
/// written between the transpose and `kernelAt`.
std::optional<TransposedRhs> matchTransposedRhs(Operation *reader, Value bMat,
                                                Operation *kernelAt);

/// The ops that compute a K-blocked matmul's B [G, KK, N] from weights S
/// [N, K]:
///
///   B = memref.alloc (or a view of it, the core's operand)
///   linalg.transpose ins(expand(S) : [N, G, KK]) outs(B)
///                    permutation = [1, 2, 0]
///
/// or for int4 weights P [N, K / 2] packed along K (byte j of row n holds
/// k = 2j in its low nibble, 2j + 1 in its high one), S their bytes:
///
///   U = memref.alloc : [N, K / 2, 2]
///   U[n, j, h] = (P[n, j] >> 4h) & 15            (linalg.generic)
///   S = collapse(U) : [N, K]
///
/// or U itself in place of expand(S) (G = K / 2, KK = 2: the lowering's
/// K-blocks of int4 weights per column or tensor are their bytes),
/// and for a core on loops (m, g, kk, j, h) with B [G, KK, N / 2, 2], the
/// transpose of expand(S) : [N / 2, 2, G, KK] (permutation [2, 3, 0, 1]);
/// with U and B read by these ops and the core only.
struct TransposedWeights {
  // S, or with int4 weights (`packed`) P.
  Value source;
  bool packed = false;
  BufferBuild build;
};

/// B (read by `reader`: [G, KK, N], or with `pairs` [G, KK, N / 2, 2]) as
/// TransposedWeights, when its source is not written between the first op
/// that reads it and `kernelAt`.
std::optional<TransposedWeights> matchTransposedWeights(Value b, bool pairs,
                                                        Operation *reader,
                                                        Operation *kernelAt);

/// Transposes the square matrix whose rows are `rows` (n vectors of n
/// lanes, n a power of two) in place, by log2(n) rounds of two-source
/// shuffles (each exchanging one bit of the row and of the lane index).
void transposeSquare(ImplicitLocOpBuilder &b, MutableArrayRef<Value> rows);

/// Whether the kernels that transpose words in registers (transposeSquare)
/// run on vectors of `lanes` 32-bit lanes: NEON, AVX2 and AVX-512.
inline bool transposesLanes(int64_t lanes) {
  return lanes == 4 || lanes == 8 || lanes == 16;
}

/// Whether `v` is nibble `linalg.index dim` of `byte`: `(byte >>
/// (index_cast(linalg.index dim) * 4)) [& 15]`.
bool isNibbleBits(Value v, Value byte, unsigned dim);

/// Nibble `odd` (an index, 0 or 1) of the i8 `byte`, `(byte >>
/// (index_cast(odd) * 4)) & 15`: the form isNibbleBits() recognizes when
/// `odd` is a linalg.index.
Value buildNibble(OpBuilder &b, Location loc, Value byte, Value odd);

/// Whether `op` writes one buffer with element-wise scalar ops, reading its
/// inputs through projected permutations in dimension order, all of whole
/// bytes (no i4 operand, which vectors would read and write bit-packed).
bool isElementwiseEpilogue(linalg::GenericOp op);

/// Operand `v` of an element-wise op, read for `type`'s lanes: `at(d)` is the
/// index of loop d (null: loop d is folded into the one before it, as the
/// nibble of packed int4 columns); a vector load when `map` has loop
/// `vectorDim`, else a scalar load broadcast.
Value loadLanes(ImplicitLocOpBuilder &b, Value v, AffineMap map,
                VectorType type, unsigned vectorDim,
                function_ref<Value(unsigned)> at);

/// The scalar body of `op` cloned on vectors of `lanes` lanes, its block
/// arguments replaced by `args`, values from above broadcast and
/// `linalg.index d` by `index(d)` broadcast (a body with linalg.index needs
/// `index`); the body values of `given` are taken as the vectors paired with
/// them instead of being computed. Only the ops that body value `of` (by
/// default the yielded one) depends on are cloned, so `args` may be null
/// where it does not read them: the vector of `of`.
Value cloneBodyOnVectors(ImplicitLocOpBuilder &b, linalg::GenericOp op,
                         ArrayRef<Value> args,
                         function_ref<Value(unsigned)> index = nullptr,
                         ArrayRef<std::pair<Value, Value>> given = {},
                         Value of = nullptr, int64_t lanes = 16);

/// The value of `op`'s body that is computed from the block arguments
/// `from` alone (with values from above, and linalg.index when `withIndex`),
/// depends on block argument `of` (or on linalg.index) and is read by the
/// rest of the body, when there is exactly one such value (possibly `of`
/// itself); else null. The part of the body that a kernel can compute
/// apart: once per weight code for all rows, or once per activation.
Value getPartValue(linalg::GenericOp op, ArrayRef<unsigned> from, unsigned of,
                   bool withIndex = false);

//===----------------------------------------------------------------------===//
// Packed int4 weights
//===----------------------------------------------------------------------===//

/// `memref` with its last two dimensions collapsed into one: the (j, h)
/// dimensions of packed int4 columns (byte j, nibble h) as columns 2j + h.
Value collapseColumnPairs(ImplicitLocOpBuilder &b, Value memref);

/// A K-blocked integer matmul core with int4 weights read packed from bytes,
/// as `--convert-quanta-to-linalg` and the fusion of an int4 argument's
/// unpacking (PrepareEntryPoints) leave it, on loops (m, g, kk, j, h):
///
///   C[m, g, j, h] += ext(A[m, g, kk]) * ext(trunci(B[g, kk, j] >> 4h & 15))
///
/// where B's byte j holds columns n = 2j (low nibble) and 2j + 1, and each
/// ext is signed or unsigned; or, with an activation zero point (per tensor
/// or per row) and / or a packed int4 weight zero point ZB[g, j]:
///
///   C[m, g, j, h] += (ext(A[m, g, kk]) [- ext(ZA[m] or ZA[])])
///                    * (ext(B's nibble) [- ext(ZB[g, j]'s nibble h)])
///
/// The same core with 8-bit weights (weightBits = 8: a K-blocked int8
/// matmul, per-group int8 weights such as llama.cpp's Q8_0) is on loops
/// (m, g, kk, n), `C[m, g, n] += (ext(A[m, g, kk]) [- ext(ZA)]) *
/// (ext(B[g, kk, n]) [- ext(ZB[g, n])])`; only with its group epilogue
/// fused, into the VNNI kernel in row blocks or (without ZB) the AMX one.
struct GroupedCore {
  Value a, b, c;
  unsigned weightBits = 4;
  /// Bytes that hold int4 weights: the body reads `ext(trunci(B[g, kk, n])
  /// to i4)` on loops (m, g, kk, n), without a weight zero point, or
  /// `ext(trunci(B[g, kk, j, h]) to i4)` on loops (m, g, kk, j, h), with or
  /// without a packed int4 zero point ZB[g, j] (int4 weights unpacked to a
  /// byte each, as when they arrive N x K; see lowerTransposedGroupCore()).
  bool nibbleBytes = false;
  bool lhsSigned = false, rhsSigned = false;
  /// With an activation zero point, the body multiplies `ext(a) - ext(za)`:
  /// za per tensor (rank 0) or per row (indexed by m), or `ext(a) - c` with
  /// c an i32 constant from above (a constant za folded into the body):
  /// lhsZp is that constant. With a packed int4 weight zero point zw[g, j]
  /// (with or without za), it multiplies `ext(w) - ext(zw's nibble h)`.
  Value lhsZp, rhsZp;
  bool lhsZpSigned = false, rhsZpSigned = false;
};

/// The core of `op` if it is a GroupedCore on buffers with identity
/// layouts (recognized by its body).
std::optional<GroupedCore> matchGroupedCore(linalg::GenericOp op);

/// The op that reduces a GroupedCore's group sums, when the kernel can
/// compute it group by group as the sums come out: a linalg.generic on
/// loops (m, g, j, h) (g a reduction) that reads C[m, g, j, h] and writes
/// out[m, j, h] with an element-wise body, whose other inputs are indexed
/// by some of m, g and (j, h); placed after the core with nothing in
/// between that could write what either reads.
struct GroupEpilogue {
  linalg::GenericOp op;
  unsigned cInput;
};
std::optional<GroupEpilogue> matchGroupEpilogue(linalg::GenericOp core,
                                                Value c);

/// A GroupEpilogue's body on vectors of `lanes` columns, as the kernels
/// apply it to each group's sums: its operands with (j, h) collapsed into
/// columns, the next group's per-group values prefetched.
class GroupEpilogueLanes {
public:
  GroupEpilogueLanes(ImplicitLocOpBuilder &b, const GroupEpilogue &epilogue,
                     Value groups, int64_t lanes);
  /// out[row, col .. col + lanes) = body(sum, the other operands at (row,
  /// g, col ..), out[row, col ..]), prefetching the next group's per-group
  /// operands; with `local`, local[localAt ..] stands in for out[row, col
  /// ..] (a kernel's copy of a block of out), and the caller prefetches
  /// (prefetchNextGroup(), once for the rows of a block).
  void apply(Value row, Value g, Value col, Value sum, Value local = {},
             ValueRange localAt = {});
  /// Prefetches the per-group operands of group g + 1 at (row, col ..).
  void prefetchNextGroup(Value row, Value g, Value col);

private:
  /// The index of loop `dim` at (row, g, col): null for the nibble's loop
  /// (folded into the columns).
  static Value indexOf(unsigned dim, Value row, Value g, Value col);
  void prefetchNext(OpOperand &operand, Value row, Value g, Value col);

  ImplicitLocOpBuilder &b;
  GroupEpilogue epilogue;
  Value groups;
  int64_t lanes;
  SmallVector<Value> operands;
};

/// The activation zero point of a GroupedCore at `row`, widened as its
/// body does, in 16 i32 lanes.
Value groupRowZeroPoint(ImplicitLocOpBuilder &b, const GroupedCore &core,
                        Value row);

/// The packed int4 weight zero points of a GroupedCore's group g, columns
/// col .. col + 16, widened as its body does (16 i32 lanes).
Value int4WeightZeroPoints(ImplicitLocOpBuilder &b, const GroupedCore &core,
                           Value g, Value col);

/// The bytes of K per AMX tile product with which buildAMXGroupCore()
/// computes `core`: 32 for groups of 32, 64 for a static group size that
/// 64 divides; 0 (no AMX kernel) for other group sizes and for 8-bit
/// weights with zero points.
int64_t getAMXGroupChunk(const GroupedCore &core);

/// The rows from which buildAMXGroupCore() runs instead of the VNNI kernel:
/// with fewer, half its block of 32 rows or more is padding (4096 x 4096,
/// groups of 32, on Sapphire Rapids: 8 rows 0.69x the VNNI kernel's speed,
/// 12 0.96x, 16 1.18x, 24 1.50x, 32 1.83x).
constexpr int64_t kAMXGroupMinRows = 16;

/// Whether buildAMXGroupCore() runs, at run time: the process may use AMX
/// (getAMXPermitted()) and A has at least kAMXGroupMinRows rows.
Value amxGroupFits(ImplicitLocOpBuilder &b, const GroupedCore &core);

/// The AMX kernel of a GroupedCore and its fused GroupEpilogue (see
/// AMXGroupKernel.cpp), with `chunk` from getAMXGroupChunk(), on the
/// columns of whole blocks of 128.
void buildAMXGroupCore(ImplicitLocOpBuilder &b, const GroupedCore &core,
                       const GroupEpilogue &epilogue, bool parallel,
                       int64_t chunk);

/// Rewrites `op`, a GroupedCore with int4 weights, into the streaming VNNI
/// kernel (`vnni`, when C is zero-filled right before the core) or else the
/// weight-only int4 kernel on `vectors` (none: the loops stay; with the
/// first of the target's int8 instructions `dots` whose operands hold the
/// core's values: AVX2 `vpmaddwd` always, u8 x s8 ones for unsigned
/// activations without a zero point, `sdot` for signed ones), with the
/// element-wise op that reduces its group sums when there is one, behind a
/// run-time check of the kernel's conditions, the original loops as the
/// fallback. With 8-bit weights, only with that op fused: the VNNI kernel
/// in blocks of up to 4 rows. With `amx` and a fused epilogue, 16 rows or
/// more of the forms getAMXGroupChunk() takes run in AMX tiles instead
/// (buildAMXGroupCore()). The VNNI and AMX kernels compute the columns of
/// whole blocks of 128, the original ops (on views) the others.
void lowerGroupedCore(Operation *op, const GroupedCore &core, bool parallel,
                      bool vnni, bool amx, VectorUnit vectors,
                      ArrayRef<DotKind> dots);

/// Rewrites `op`, a GroupedCore with 8-bit weights or nibbleBytes and its
/// fused `epilogue` (C zero-filled right before the core by `fills`), when
/// its B is the transpose of weights given N x K (a Linear layer's [out,
/// in]; int4 ones packed along K, as ONNX MatMulNBits and llama.cpp store
/// them, unpacked to a byte each), into a VNNI kernel that reads the
/// weights in place (see TransposedGroupKernel.cpp), behind a run-time
/// check of its conditions, the unpacking, the transpose and the original
/// ops as the fallback; returns whether it did. With `fewRows`, only for
/// fewer than kAMXGroupMinRows rows (more take the AMX kernel on B).
bool lowerTransposedGroupCore(Operation *op, const GroupedCore &core,
                              const GroupEpilogue &epilogue,
                              ArrayRef<Operation *> fills, bool parallel,
                              bool fewRows);

/// A weight-only int4 matmul with f32 accumulation on packed weights (W4A32,
/// ONNX MatMulNBits at accuracy levels 0 and 1), as
/// `--convert-quanta-to-linalg` leaves it for a static K, on loops
/// (m, g, kk, j, h):
///
///   C[m, j, h] = body(A[m, g, kk], B[g, kk, j], params..., C[m, j, h])
///
/// where B's byte j holds columns 2j (low nibble, h = 0) and 2j + 1, the
/// body picks the nibble with `linalg.index 4`, dequantizes it with the
/// parameters (indexed by g and the column only) and adds its product with
/// A's element to C, on buffers with identity layouts: C f32, A f32 or (W4A16)
/// f16/bf16, whose body widens A's element and rounds each dequantized
/// weight to the expressed type. Recognized by its maps and operand types;
/// the body is cloned as it is.
bool isWeightOnlyInt4Matmul(linalg::GenericOp op);

/// Rewrites `op` (isWeightOnlyInt4Matmul) into a kernel on `unit`'s vectors
/// behind a run-time check of its conditions (8 x lanes | N), the loops as
/// the fallback.
void lowerWeightOnlyInt4Matmul(linalg::GenericOp op, bool parallel,
                               VectorUnit unit);

/// A matmul with 8-bit weights and f32 accumulation, on loops (m, k, n):
/// `C[m, n] = body(A[m, k], B[k, n], params..., C[m, n])` with f32 C, i8 or
/// FP8 (f8E4M3FN, f8E5M2) B, f32, f16, bf16 or FP8 A, parameters per
/// tensor, per column or per row, an arith/math body: weight-only W8A32 and
/// W8A16, and FP8 x FP8 with fewer rows than the FP8 GEMM path takes. Or
/// the grouped form that per-group weights give, on loops (m, g, kk, n): A
/// [M, G, KK], B [G, KK, N], parameters also per group and column [G, N]. With
/// A other than f32, the part of the body that depends on A's element and the
/// row alone (its widened or dequantized value, see getPartValue) must be
/// one value.
bool isWeightOnly8BitMatmul(linalg::GenericOp op);

/// Builds the weight-only int4 kernel on `unit`'s vectors for `op`, a
/// GroupedCore (for targets without the VNNI kernel): the op's own body
/// on vectors of i32 (with `dotKind`, whose operands must hold the body's
/// activation and weight values exactly, its products and sums taken by
/// that instruction, perLane K steps at a time), a sum per group and
/// column, each group's sums going to C or, with `epilogue`, through the
/// epilogue as the group ends. Needs 8 x lanes | N.
void buildGroupedCoreOnVectors(ImplicitLocOpBuilder &b, linalg::GenericOp op,
                               std::optional<GroupEpilogue> epilogue,
                               bool parallel, VectorUnit unit,
                               std::optional<DotKind> dotKind);

/// Rewrites `op` (isWeightOnly8BitMatmul) into the kernel of the int4 one
/// on `unit`'s vectors, one vector of columns per vector of B's bytes,
/// behind a run-time check of 4 x lanes | N, the loops as the fallback.
void lowerWeightOnly8BitMatmul(linalg::GenericOp op, bool parallel,
                               VectorUnit unit);

/// Rewrites `op`, a weight-only matmul on loops (m, g, kk, j, h) whose B
/// [G, KK, J, 2] is the pairs view of int4 weights given N x K, packed along
/// K and unpacked (ONNX MatMulNBits with f32 activations, with or without
/// packed zero points), into the grouped form and lowers that as
/// lowerWeightOnly8BitMatmul() does, reading the packed weights in place;
/// false (nothing changed) for other ops.
bool lowerWeightOnlyPairsMatmul(linalg::GenericOp op, bool parallel,
                                VectorUnit unit);

} // namespace mlir::quanta::matmul_kernels

#endif // QUANTA_LIB_TRANSFORMS_MATMULKERNELS_H
