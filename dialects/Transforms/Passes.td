//===- Passes.td - Quanta transformation passes ------------*- tablegen -*-===//
//
// This file declares Quanta's transformations of non-Quanta IR, such as the
// expansion of FP8 conversions into integer arithmetic.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_TRANSFORMS_PASSES_TD
#define QUANTA_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def ExpandFloatCasts : Pass<"quanta-expand-float-casts"> {
  let summary = "Expand FP8 casts and f32-to-bf16 truncation into integer arithmetic";
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
    Saturating conversions are a clamp to +-max finite before the truncf
    (`copysign(minimumf(maximumf(x, -max), max), x)`, as quanta's lowerings
    build it); the truncf of that clamp is expanded as the saturating
    encoding of `x` (`encodeFloat(x, fmt, /*saturate=*/true)`: one unsigned
    min of the magnitude bits, NaN kept), and the clamp goes away.
    Subnormal results are computed in `f32`: `|x| / 2^(1-bias-m)` (exact)
    plus 2^23, which rounds to an integer half to even, the code then read
    from the sum's low bits.

    `arith.truncf` from f32 to bf16 is expanded the same way (one
    round-half-to-even step on the bits), because x86's `vcvtneps2bf16`
    flushes subnormal inputs to zero. `arith.extf` from bf16 to f32
    becomes a shift of the bits into the high half, and the `arith.extf` of
    a `vector.broadcast` of a scalar `bf16` or `f16` the broadcast of the
    scalar's `arith.extf`: without AVX512-BF16 (F16C), the x86 backend keeps
    bf16 vectors that cross basic blocks or that a splat builds in f32 lanes
    and truncates each lane back with a library call (`__truncsfbf2`).
    (`quanta-compile` also loads bf16 values as i16, so that no bf16 value
    is left in the LLVM IR.)

    Before:

    ```mlir
    %y = arith.truncf %x : vector<16xf32> to vector<16xf8E4M3FN>
    ```

    After: `arith.bitcast %x : vector<16xf32> to vector<16xi32>`, integer
    shifts, adds, compares and selects, then
    `arith.bitcast %bits : vector<16xi8> to vector<16xf8E4M3FN>`.

    With `via-f16`, `arith.extf` from FP8 to `f32` on vectors goes through
    `f16` instead, for targets that convert f16 vectors to f32 in one
    instruction (x86 F16C / AVX-512 `vcvtph2ps`): an E5M2 code `c` is the
    f16 `c << 8`; an E4M3FN code in the high byte of an i16, shifted right
    arithmetically by one with bit 14 cleared, is the f16 of its value times
    2^-8 (normal and subnormal codes alike), which the f32 multiply by 2^8
    after the `arith.extf` undoes exactly. NaN codes are selected to the f16
    quiet NaN with the code's sign, which becomes the same f32 quiet NaN as
    without the option (the multiply by 2^8 returns its NaN operand on x86,
    the targets with this option); every result is the same bit pattern.
  }];
  let options = [
    Option<"viaF16", "via-f16", "bool", /*default=*/"false",
           "Expand vector extf from FP8 to f32 through an extf from f16 "
           "(for targets with f16 vector conversions)">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::vector::VectorDialect"];
}

def PrepareEntryPoints : Pass<"quanta-prepare-entry-points", "::mlir::ModuleOp"> {
  let summary = "Record the C ABI of public functions and make them internal";
  let description = [{
    Runs on tensor IR (after `--convert-quanta-to-linalg`). Every public
    `func.func` with a body becomes a C entry point: its arguments must be
    ranked tensors or scalars and its results ranked tensors whose dynamic
    dimensions can be traced back to argument dimensions (through
    destination-passing-style inits, casts, reshapes, `tensor.empty` sizes,
    `tensor.dim` and divisions by constants).
    The function is renamed `_quanta_impl_<name>` and made private; the
    attributes `quanta.entry` (the C name), `quanta.entry_type` (the tensor
    signature) and `quanta.result_dims` (for each dynamic result dimension,
    the `[argument, dimension, divisor]` it equals) let
    `--quanta-emit-entry-points` build the C wrapper after lowering.

    ABI: tensors are pointers to contiguous row-major data, each followed by
    one `int64_t` per dynamic dimension; results are caller-allocated
    out-pointers appended after the arguments; scalars pass by value.
  }];
  let dependentDialects = ["::mlir::tensor::TensorDialect"];
}

def EmitEntryPoints : Pass<"quanta-emit-entry-points", "::mlir::ModuleOp"> {
  let summary = "Emit the C ABI wrappers of the entry points (LLVM dialect)";
  let description = [{
    Runs on the LLVM dialect after the lowering. For each function that
    `--quanta-prepare-entry-points` marked, it emits an external `llvm.func`
    with the C name and the flat C signature (pointers, `int64_t` dynamic
    dimensions, scalars) that builds the memref descriptors (row-major
    strides, zero offset) and calls the internal implementation.

    With `gpu-streams` (GPU host code, after `--gpu-to-llvm`), the kernel
    launches of an implementation go to one stream that it takes as a last
    argument instead of a stream per launch, and each entry point gets two
    wrappers: `<name>` creates a stream, calls the implementation and waits
    for it (synchronous), and `<name>_async`, whose last parameter is the
    caller's `CUstream`, only enqueues the launches on it:

    ```c
    void f(const float *x, int8_t *result0);
    void f_async(const float *x, int8_t *result0, void *stream);
    ```
  }];
  let options = [
    Option<"gpuStreams", "gpu-streams", "bool", /*default=*/"false",
           "GPU host code: launch on one stream per call, and add the "
           "`<name>_async` wrappers that take the caller's stream">
  ];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

def LowerMatmulKernels : Pass<"quanta-lower-matmul-kernels", "::mlir::ModuleOp"> {
  let summary = "Lower quantized, bf16 and f32 matmuls to CPU microkernels";
  let description = [{
    Runs on buffers, before `--convert-linalg-to-loops`. Rewrites

    - (`int8`) every `linalg.generic` that `--convert-quanta-to-linalg` marks
      as the core of an integer matmul (`quanta.u8s8_matmul`: `C[m, n] +=
      zext(A[m, k]) * sext(B[k, n])` in i32 with wrap-around) into an AVX-512
      VNNI kernel around `vpdpbusd` (`int8=avx512vnni`, called through
      `llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"`, which MLIR 22 has
      no op for), the same kernel on 256-bit registers (`int8=avxvnni`,
      AVX-VNNI's VEX-encoded `vpdpbusd`, `llvm.x86.avx512.vpdpbusd.256`:
      x86 cores with VNNI but without AVX-512, such as Alder Lake), a kernel
      around `vpmaddwd` on operands widened to i16 on zmm registers
      (`int8=avx512bw`: AVX-512 without VNNI, such as Skylake-SP or
      `x86-64-v4`) or on ymm registers (`int8=avx2`; both exact:
      `vpmaddubsw` would saturate), an AArch64 NEON
      kernel around `usdot` (`int8=neon-i8mm`, FEAT_I8MM,
      `llvm.aarch64.neon.usdot.v4i32.v16i8`: the same u8 x s8 product on
      128-bit vectors) or, without i8mm, around `sdot` (`int8=neon-dotprod`,
      FEAT_DotProd, s8 x s8: A's bytes are used as a - 128 and 128 times the
      column sums of B, which the packing or the stream computes with one
      more `sdot`, are added back; the same sums modulo 2^32);
    - (`bf16`) every bf16 x bf16 -> f32 `linalg.matmul` with identity layouts
      into the same kernel around AVX512-BF16 `vdpbf16ps`
      (`llvm.x86.avx512bf16.dpbf16ps.512`);
    - (`vector-bits`) every f32 x f32 -> f32
      `linalg.matmul` with identity layouts into the same kernel with one k
      per lane (16, 8 or 4 lanes; blocks of 6 x 2 on AVX2's 16 registers)
      and a separate multiply and add (no FMA): each result
      accumulates in k order, as the op's body says (FP8 x FP8 matmuls of 16
      rows or more reach it with their operands dequantized);
    - (`int8=avx512vnni`) every K-blocked integer matmul core whose int4
      weights are read packed (the `linalg.generic` that
      `--convert-quanta-to-linalg` and the fusion of an int4 argument's
      unpacking leave: `C[m, g, j, h] += ext(A[m, g, kk]) *
      ext(nibble h of B[g, kk, j])`, with `- za` (per tensor, per row or a
      constant) and / or `- zb` (packed, per group and column) on either
      factor, recognized by its body) into a
      streaming VNNI kernel (any number of rows): four rows of B (in distinct
      4 KiB pages: rows shorter than 4 KiB are taken `stride` apart) are
      gathered by byte shuffles straight into vpdpbusd operands, even lanes
      keeping the low nibble and odd lanes the high nibble in place (x16,
      shifted out exactly when the group ends); signed nibbles are used as
      w + 8 (or w - 8) with the offset taken out of the group's starting
      sums; with `amx`, the group epilogue fused and groups of 32 or a
      static multiple of 64, 16 rows or more (at run time, with
      the AMX flag below) instead run in AMX tiles: A packed per block of 32
      rows (zero rows past its end), B's nibbles unpacked per block of 128
      columns into the tiles' layout, each group's sums of a block of 32
      rows x 32 columns in four tiles (`tdpbssd`, `tdpbusd`; weight zero
      points subtracted from the unpacked bytes), stored to a buffer,
      corrected for an activation zero point (with B's sums of w - zb per
      group and column from its unpacking), from which the epilogue's body
      adds them to an L1 copy of the
      block's results (rows of out, 16 KiB apart at N = 4096, would share
      L1 sets), in group order; with another `int8` kernel and
      `vector-bits` (or when C is not zero-filled right before the core),
      into the weight-only int4 kernel below on i32 lanes, one sum per
      group (from C's group, or from zero
      with the epilogue fused, which then runs on each group's sums as the
      group ends), the core's own body cloned on vectors, or the products
      taken by the int8 kernel's instruction where its operands hold the
      body's values exactly (`vpmaddwd` on i16 always; `vpdpbusd`, `usdot`
      or `sdot` on the activation's bytes without a zero point; AVX-VNNI
      targets use `vpmaddwd` for signed activations), 2 or 4 K steps at a
      time;
    - (`int8=avx512vnni`) every K-blocked integer matmul core with 8-bit
      weights per group (`C[m, g, n] += ext(A[m, g, kk]) [- za] *
      (ext(B[g, kk, n]) [- zb])`) whose group epilogue fuses,
      when 4 | group size at run time: a VNNI kernel that sweeps B once
      per block of up to 4 rows, whose sums of a group and 64 columns stay
      in registers (B's 4-row steps gathered into vpdpbusd operands, used
      as w xor 128 where activations and weights have the same signedness,
      the group's sums starting at -/+ 128 * sum A; with za, also the
      weights' column sums, for za * sum w; with zb, zb * sum A); with
      `amx` and without zb, 16 rows or more and groups of 32 or a static
      multiple of 64 (with the AMX flag), the AMX kernel above with B's
      bytes gathered into the tiles' layout; otherwise the loops;
    - (`int8=avx512vnni`) the same core on weights given N x K (a Linear
      layer's `[out, in]`; int8 per group as llama.cpp's Q8_0, or int4
      packed along K as ONNX MatMulNBits' and llama.cpp's Q4_0), which the
      lowering transposes into `[G, KK, N]` (int4 ones unpacked to a byte
      each first, for a core that truncates each byte to i4), when its
      group epilogue fuses (8-bit: also fewer than 16 rows with `amx`), with
      or without uint4 weight zero points per group and column (packed,
      MatMulNBits'; no activation zero point), groups of 16, 32, 64 or a
      multiple of 128 (8-bit: 16, 32, or multiples of 64), and at run time
      128 | K (8-bit: 64 | K) and 16 | N: a VNNI kernel that reads the
      weights in place (no unpacking, no transpose), per block of up to 4
      rows and 16 columns: each column's 64 bytes of a chunk, one vpdpbusd
      operand (8-bit weights of A's signedness flipped: w +/- 128) or,
      split into low and high nibbles (signed ones flipped: w + 8), two
      against A's even and odd bytes; the offsets are taken out with A's
      group sums, as are the zero points; the 16 columns' sums are added
      pairwise by shuffles into one vector per group (lane j: column j)
      for the epilogue, in group order (1 x 4096 x 4096, groups of 32, on
      Zen 4: int4 21.5 ms with the unpacking, the transpose and the loops,
      0.51 ms in place, 0.49 ms for K x N weights; int8 5.2 ms with the
      transpose, 1.0-1.2 ms in place, 0.76-0.93 ms K x N); otherwise the
      unpacking, the transpose and the loops or the kernels above;
    - (`vector-bits`) every weight-only int4 matmul with f32
      accumulation on packed weights (`C[m, j, h] = body(A[m, g, kk],
      B[g, kk, j], params[g, j, h]..., C[m, j, h])` with f32 A and C, the
      nibble picked by `linalg.index 4`, parameters read by group and column
      only, or by group and byte column: packed int4 zero points) into a
      streaming kernel on vectors of L = `vector-bits` / 32
      lanes (16 on AVX-512, 8 on AVX2, 4 on NEON): B row-major, four K steps
      per visit of 8L columns, the sums and each group's parameters in
      buffers split into even and odd columns, and the op's own scalar body
      cloned on vectors, so that every column still accumulates in k order
      (bit-exact with the loops); on AVX-512 (`vector-bits=512`) the part of
      the body that depends on the nibble alone is a 16-entry table looked
      up with `vpermps`/`vpermd`, elsewhere the body's own ops compute it;
    - (`vector-bits`) every 8-bit-weight matmul with f32 accumulation
      (`C[m, n] = body(A[m, k], B[k, n], params..., C[m, n])` with f32 C, i8
      or FP8 (`f8E4M3FN`, `f8E5M2`) B, f32, f16, bf16 or FP8 A, parameters
      per tensor, per column or per row: weight-only W8A32 and W8A16, and
      the FP8 x FP8 GEMV) into
      the same streaming kernel, L columns per L bytes of B and the sums
      in C itself; the part of the body that B's code and the column alone
      give (the dequantized weight) is computed once per visit for all rows
      (FP8 codes: an `arith.extf` on 2L codes, which
      `--quanta-expand-float-casts="via-f16=true"` decodes through f16), and
      with A other than f32, the part that A's element and the row alone
      give once per element, into an [M, K] buffer. B given N x K (the
      transpose of a Linear layer's `[out, in]` weights; per group, that
      of their [N, G, KK] view, possibly of int4 weights packed along K
      and unpacked to a byte each, ONNX MatMulNBits' layout, or per
      column or tensor of the unpacked [N, K / 2, 2] itself) is read in
      place: each vector of L columns takes 4L bytes of L rows of B^T, a
      square of words transposed in registers into L words of 4 (int4:
      8) K steps, whose bytes (nibbles) are the visits' codes, the
      group's parameters loaded per word (8 | group size for int4, 4 |
      it for bytes, else the loops), the last K steps gathered code by
      code; each column still accumulates in k order; on AVX-512 the
      part of the body that an int4 code alone gives is a 16-entry table
      looked up with `vpermps`/`vpermd` by each word shifted down, with
      no mask, sign extension or conversion (1 x 4096 x 4096 on Zen 4:
      W8A32 5.3 ms with the transpose, 1.7 ms in place, 0.96 ms K x N;
      W4A32 per group 20 ms, 1.5 ms (1.8 without the table), 1.1 ms).
      With packed int4 zero
      points (MatMulNBits), the lowering leaves an op on loops (m, g, kk,
      j, h) whose B is the pairs view [G, KK, N / 2, 2] of those
      transposed weights and whose body takes nibble h of the zero points
      [G, N / 2]: it is rewritten into the grouped form on [.., N] views,
      the zero points unpacked first into a [G, N] buffer, and that form
      lowered so (48 ms as loops, 1.45 ms). The int4 kernel also takes
      f16/bf16 A (W4A16).

    Epilogues: when C is zero-filled right before the core, the register
    blocks start from zero instead of loading C. When C's only reader is an
    element-wise `linalg.generic` right after the core (zero-point
    corrections, scales, bias, requantization; for int4, the reduction of
    the group sums with their scales), the kernel computes it too: per
    register block from the accumulators (row blocks bottom-up, so that the
    u8 x s8 core's row of column sums is stored before the rows that read
    it), or per group of the int4 kernel as the group's sums come out
    (C is then never written). The results are those of the two ops: the
    same scalar body on the same values in the same order.

    B is packed into panels of one vector's lanes of columns (16 on AVX-512,
    8 on AVX-VNNI and AVX2, 4 on NEON) x 4 (int8; 2 for AVX2) or 2 (bf16)
    rows, the operand layout of the instruction, and a 6-row x 4-panel
    (AVX-VNNI and AVX2: 6 x 2) register block of accumulators is
    updated with one broadcast 4-byte slice of A per row (AVX2: A widened
    to i16 once, before the blocks); leftover rows and
    panels use smaller blocks, and fewer than 8 rows stream B once without
    packing it (two K steps per visit of a group of panels; rows of B
    prefetched into L2 128 KiB ahead). B given N x K (the
    `linalg.transpose` of a buffer into a fresh allocation that only the
    kernel reads, possibly through a `linalg.map` that flips the top bits
    of uint8 weights: a Linear layer's `[out, in]` weights) is read in
    place. Integer cores with fewer than 8 rows: each column of C is a dot
    product along K of a row of A and a row of B^T, blocks of up to 8
    columns stream as that many sequential rows into one accumulator per
    row of C (and one of the column sums where the activations' zero point
    or `sdot`'s flip needs them), the last bytes of K under a mask, the
    lanes added at the end (1 x 4096 x 4096 on Zen 4: 5.2 ms with the
    transpose, 0.69 ms in place, 0.70 ms for K x N weights). Where a
    panel's slice of a K step is one 32-bit word per column of the operands
    as stored (VNNI, AVX-VNNI, `usdot`, bf16, f32), lanes words of `lanes`
    rows of B^T, a lanes x lanes matrix of words transposed by log2(lanes)
    rounds of shuffles, are `lanes` K steps of a panel, the last ones from
    masked loads: more rows pack their panels so (int8 64 x 4096 x 4096:
    28 ms with the transpose, 6.6 ms, 8.4 ms K x N), and bf16 and f32 with
    fewer than 8 rows dot each slice with every row of C as it comes, in k
    order, so that their float sums are the K x N kernel's bit for bit
    (bf16 1 x 4096 x 4096: 25 ms with the transpose, 1.4 ms, 1.7 ms K x N).
    The other kernels (AVX2 and AVX-512BW int8, `sdot`, AMX), and the
    loops, transpose B. When K is not a multiple of 4 (int8)
    or 2 (bf16) or N not a multiple of the lanes (weight-only: 8L | N for
    int4, 4L | N for 8-bit; W4A8 on vectors: 8L | N) at run time, the
    original loops run instead. The group kernels (W4A8 VNNI and AMX,
    8-bit weights per group) need 4 | group size (<= 2^15 for int4) and
    compute the columns of whole blocks of 128; the original ops, cloned
    onto views of their operands, compute the other columns (with N < 128,
    all of them).

    Numerics: integer accumulation is exact (modulo 2^32), so the int8 kernel
    is bit-identical to the loops. `vdpbf16ps` is not: each f32 lane adds the
    products of k + 1 and then k (exact in f32, as bf16 significands have 8
    bits) to the accumulator, rounding to nearest even after each addition,
    while `linalg.matmul` adds them in k order; and it treats subnormal
    inputs and results as zero. Results therefore differ from the loops' by
    summation-order rounding (bounded by `(K + 1) * 2^-24 * sum_k |a_k b_k|`
    for either order) and on subnormals. `quanta-compile` picks
    `int8=avx512vnni` when the target has `avx512vnni`, else
    `int8=avxvnni` with `avxvnni`, else `int8=avx512bw` with `avx512bw`,
    else `int8=avx2` with `avx2`, `int8=neon-i8mm` on AArch64 with `i8mm`, else
    `int8=neon-dotprod` with `dotprod`, and `bf16` when
    it has `avx512bf16`
    (`--mattr=-avx512bf16` keeps `linalg.matmul`'s order); `vector-bits` is
    512 with `avx512f`, 256 with `avx2`, 128 on AArch64 (NEON), else 0.

    When B is a constant (`memref.get_global` of a constant global with a
    dense value, K and N static multiples of the panel shape), it is packed
    at compile time into a new constant global (`<name>_packed`) and the
    kernel reads the panels from it: no packing at run time, and even a
    single row (GEMV) reads B as a few sequential streams through register
    accumulators.

    With `amx` (x86 with AMX: Sapphire Rapids and newer), the int8
    (`int8=avx512vnni`) and bf16 kernels compute the blocks of 32 rows x 2
    panels (32 columns) of C in whole blocks of panels in AMX tiles: four
    16 x 16 accumulator tiles (`amx.tile_zero`, or loaded from C), per 64
    bytes of K two tiles of A's rows read in place and two of B's packed
    panels (the packed layout is the tiles' own: 16 K steps of a panel are
    16 rows of 64 bytes), multiplied with `tdpbusd` (u8 x s8) or
    `tdpbf16ps`, then stored to C; with an epilogue, to a 32 x 32 buffer
    (one per iteration of the column loop) from which the epilogue writes
    the block's results at once, C's rows of the result staying unwritten.
    They come after the block's rows in vector registers (with an
    epilogue, they cover the result's rows only, so that the row of column
    sums is done first): with fewer than 512 such rows, per block of 4
    panels right after its packing; else once all of B is packed, per range
    of panels of about 1 MiB packed (which stays in L2), per block of 32
    rows through the range's pairs of panels (A's rows stay in L1 while B
    streams from L2; in parallel, the blocks of rows). With an epilogue
    and C zero-filled, 16 to 31 rows of the result past the last whole
    block of 32 are one more AMX block, from a zero-filled copy of those
    rows of A (its epilogue writes those rows only). Fewer rows past the
    last block, leftover panels and K not a multiple of 64 bytes use the
    vector registers as above. B is packed a block of panels
    per K step from one load of its columns per row. Linux grants a
    process the tiles' state only on request: the module gets a constructor
    (in `.init_array`) that calls `arch_prctl(ARCH_REQ_XCOMP_PERM,
    XFEATURE_XTILEDATA)` through libc's `syscall` and records the answer in
    an internal flag, and the kernels use the tiles only when it was
    granted (else the vector registers throughout). Integer results are
    bit-identical; `tdpbf16ps` sums a tile's 32 products in an order Intel
    does not specify (treating subnormals as zero, like `vdpbf16ps`), within
    the bound above. `quanta-compile` enables it when the target has
    amx-int8 and amx-bf16 (`--mattr=-amx-int8,-amx-bf16` keeps the vector
    kernels).

    With `parallel`, the loops over blocks of columns are `scf.parallel`
    loops whose iterations pack their own panels of B and write disjoint
    columns of C (and the loop over AMX blocks of 32 rows after the
    packing, one whose iterations write disjoint rows), so the results do
    not depend on the number of threads; `quanta-compile --openmp` turns
    them into OpenMP.

    Example: `quanta-opt --quanta-lower-matmul-kernels="bf16=true"`.
  }];
  let options = [
    Option<"int8", "int8", "std::string", /*default=*/"\"avx512vnni\"",
           "Kernel for the marked u8 x s8 -> i32 matmul cores: avx512vnni, "
           "avxvnni, avx512bw, avx2, neon-i8mm, neon-dotprod or none">,
    Option<"bf16", "bf16", "bool", /*default=*/"false",
           "Lower bf16 x bf16 -> f32 linalg.matmul (needs avx512bf16)">,
    Option<"streamPrefetch", "stream-prefetch", "int64_t",
           /*default=*/"32768",
           "Bytes ahead of its reads that the int8 kernel's few-rows path "
           "prefetches each of its streams of B (measured best: 32 KiB on "
           "Sapphire Rapids, 256 KiB on Zen 4)">,
    Option<"amx", "amx", "bool", /*default=*/"false",
           "Compute blocks of 32 rows x 32 columns of the avx512vnni int8 "
           "and the bf16 kernels in AMX tiles (needs amx-int8, amx-bf16)">,
    Option<"vectorBits", "vector-bits", "int64_t", /*default=*/"512",
           "Bits of the vector registers the weight-only kernels use: 512 "
           "(AVX-512, with its 16-entry table lookups), 256 (AVX2), 128 "
           "(NEON) or 0 (none: the loops)">,
    Option<"parallel", "parallel", "bool", /*default=*/"false",
           "Make the loops over column blocks scf.parallel loops, for "
           "--convert-scf-to-openmp">,
  ];
  let dependentDialects = ["::mlir::amx::AMXDialect",
                           "::mlir::LLVM::LLVMDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::vector::VectorDialect"];
}

def ConstantGlobals : Pass<"quanta-constant-globals", "::mlir::ModuleOp"> {
  let summary = "Create the globals of tensor constants in program order";
  let description = [{
    Runs on tensor IR, right before One-Shot Bufferize. Bufferization turns
    each tensor `arith.constant` into a `memref.get_global` of a
    `memref.global` that it creates on first use, named after the type
    (`__constant_3xi8`, with a numeric suffix when that name is taken) and
    placed at the top of the module. With function boundaries bufferized,
    it takes the functions in an order computed from a pointer-keyed map,
    which changes from run to run: the globals, and the suffixes of
    same-typed ones, came out in a different order between runs.

    This pass creates those globals first, walking the module in program
    order: one per distinct value, in order of first use, with the name and
    alignment bufferization would give them. Bufferization reuses a global
    with the same value and alignment rather than creating one, so the
    output no longer depends on its function order.

    ```mlir
    func.func @f() -> tensor<3xi8> {
      %c = arith.constant dense<[1, 0, -2]> : tensor<3xi8>
      ...
    // gains, at the top of the module:
    memref.global "private" constant @__constant_3xi8 : memref<3xi8> =
        dense<[1, 0, -2]> {alignment = 64 : i64}
    ```
  }];
  let options = [
    Option<"alignment", "alignment", "uint64_t", /*default=*/"64",
           "Alignment of the globals: One-Shot Bufferize's buffer alignment">,
  ];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def CopyRepeatedResults : Pass<"quanta-copy-repeated-results",
                              "::mlir::ModuleOp"> {
  let summary = "Give a buffer returned more than once a copy per extra result";
  let description = [{
    Runs on bufferized IR, right before `--buffer-results-to-out-params`.
    Each result becomes its own out-parameter, so a function that returns one
    buffer in several results (say, two identical matmuls that CSE merged)
    must fill each of them. The upstream pass, which hoists returned
    allocations into the out-parameters, crashes on an allocation returned
    twice (it erases the allocation at the first result and reads it again at
    the second). This pass keeps the first occurrence and returns, in each
    later one, a fresh allocation that `linalg.copy` fills from it:

    ```mlir
    return %alloc, %alloc : memref<?x8xf32>, memref<?x8xf32>
    // becomes
    %d = memref.dim %alloc, %c0 : memref<?x8xf32>
    %copy = memref.alloc(%d) : memref<?x8xf32>
    linalg.copy ins(%alloc : memref<?x8xf32>) outs(%copy : memref<?x8xf32>)
    return %alloc, %copy : memref<?x8xf32>, memref<?x8xf32>
    ```

    A `linalg.copy` rather than `memref.copy`, so that the GPU pipeline maps
    it to a kernel like the other linalg ops.

    With `non-allocations` (the GPU pipeline), every returned buffer that is
    not an allocation of the function (an argument, a view, a global) is
    copied the same way: the upstream pass would fill its out-parameter with
    a `memref.copy`, a host `memcpy`, which cannot read or write the device
    buffers of a GPU function.
  }];
  let options = [
    Option<"nonAllocations", "non-allocations", "bool", /*default=*/"false",
           "Also copy returned buffers that are not allocations of the "
           "function">,
  ];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::memref::MemRefDialect"];
}

def AllocateDeviceBuffers : Pass<"quanta-allocate-device-buffers",
                                "::mlir::ModuleOp"> {
  let summary = "Allocate the temporary buffers of GPU functions in device memory";
  let description = [{
    Runs on bufferized IR bound for the GPU, after the loops have become
    `gpu.launch` ops. The functions' buffers are device memory: the
    caller's (docs/ABI.md), and the temporaries that the linalg lowering
    needs (an unpacked int4 argument, a matmul's flipped operand, row sums
    or group sums, a batch's slices). Each `memref.alloc` in a function's
    body becomes a `gpu.alloc` and is freed by a `gpu.dealloc` before the
    function returns, both ordered on one stream that the function's first
    `gpu.wait async` stands for: `--quanta-emit-entry-points` makes it the
    entry point's stream, on which the kernels run too, so the runtime
    (runtime/cuda) allocates and frees with `cuMemAllocAsync` and
    `cuMemFreeAsync` in stream order and the caller never waits for them.

    ```mlir
    %t = memref.alloc(%n) {alignment = 64 : i64} : memref<?x64xi8>
    ... gpu.launch ops reading and writing %t ...
    return
    // becomes
    %s = gpu.wait async
    %t, %0 = gpu.alloc async [%s] (%n) : memref<?x64xi8>
    ... gpu.launch ops reading and writing %t ...
    %1 = gpu.dealloc async [%s] %t : memref<?x64xi8>
    return
    ```

    Host stores of scalars into buffers (bufferization writes scalar
    arguments into 0-d buffers, e.g. the zero points of
    `linalg.quantized_matmul`) and host loops without results that read or
    write buffers (a reduction of a whole tensor to one value) become
    kernels of one thread; host loads whose values only kernels use are
    cloned into those kernels. Host loops that launch kernels (a batch
    loop, `compute_params`' percentile bisection per channel) get the same
    treatment inside.

    An allocation in a branch (`scf.if`) or a sequential loop (`scf.for`,
    `scf.while`, e.g. over a batch) of the host code is made once before
    it when its sizes are known there and the buffer is not yielded: the
    iterations' kernels are ordered on the one stream, so they can share it.

    Reported with an error at the op, as the host cannot do them on device
    memory: an allocation of a size computed in a loop or branch, one that
    a loop or branch yields, one in a parallel host loop, a returned
    allocation, and any other host op that reads or writes a buffer (a
    host loop computing a value that host code uses).
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::gpu::GPUDialect"];
}

def StripGPUObjectTimes : Pass<"quanta-strip-gpu-object-times",
                              "::mlir::ModuleOp"> {
  let summary = "Drop the compile times recorded in gpu.binary objects";
  let description = [{
    Upstream `--gpu-module-to-binary` records in each `#gpu.object`'s
    properties how long the compilation took (`LLVMIRToISATimeInMs`, and
    `ISAToBinaryTimeInMs` when it assembles), so the module printed after it
    (`quanta-compile --emit=mlir` for GPU targets) differed from run to run.
    This pass removes every property whose name ends in `TimeInMs`; the
    objects and the other properties stay as they are.
  }];
}

def ReinterpretExpandShapes : Pass<"quanta-reinterpret-expand-shapes"> {
  let summary = "Rewrite dynamic memref.expand_shape ops as memref.reinterpret_cast";
  let description = [{
    MLIR 22's `--expand-strided-metadata` crashes on a `memref.expand_shape`
    that splits a dimension into more than one dynamic size (the result's
    strides are then products of values, which its folding takes for
    constants). Such shapes come from batched matmuls with dynamic batch
    and row counts. This pass rewrites each `memref.expand_shape` with at
    least two dynamic sizes in one group as a `memref.reinterpret_cast` of
    its source's base buffer (`memref.extract_strided_metadata`) with the
    source's offset, the sizes of the expansion and their strides (in each
    group, the source dimension's stride for the innermost size, times the
    sizes inside for the others): the same view. Others are left as they
    are. Run it before `--expand-strided-metadata`.

    ```mlir
    %e = memref.expand_shape %m [[0, 1], [2]] output_shape [%a, %b, %c]
        : memref<?x?xi32> into memref<?x?x?xi32>
    // becomes
    %base, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %m
        : memref<?x?xi32> -> memref<i32>, index, index, index, index, index
    %s0 = affine.apply affine_map<()[s0, s1] -> (s0 * s1)>()[%strides#0, %b]
    %e = memref.reinterpret_cast %base to offset: [0], sizes: [%a, %b, %c],
        strides: [%s0, %strides#0, 1] : memref<i32> to memref<?x?x?xi32>
    ```
  }];
  let dependentDialects = ["::mlir::affine::AffineDialect",
                           "::mlir::memref::MemRefDialect"];
}

def CheckDimIndices : Pass<"quanta-check-dim-indices"> {
  let summary = "Reject tensor.dim and memref.dim ops whose constant index is out of range";
  let description = [{
    The verifiers of `tensor.dim` and `memref.dim` accept a constant index
    outside the operand's rank (the op is undefined behaviour), and upstream
    MLIR 22's folders and canonicalization patterns then read past the
    shape and crash. Quanta's pipelines run this check first, so that such
    input gets a diagnostic at the op instead.

    ```mlir
    %c2 = arith.constant 2 : index
    %d = tensor.dim %t, %c2 : tensor<?x4xf32>
    // error: dimension index 2 is out of range for a value of rank 2
    ```
  }];
}

def InlineCalls : Pass<"quanta-inline-calls", "ModuleOp"> {
  let summary = "Inline the calls between functions";
  let description = [{
    Every `func.call` to a function with a body is inlined, the calls that
    an inlined body brings in too, except recursive calls. Private
    functions whose calls were all inlined are erased. Other private
    functions stay, unlike upstream `--inline`, which erases every unused
    private function: an entry point's implementation from an earlier
    `--quanta-prepare-entry-points` (a module lowered by `quanta-opt` and
    compiled by `quanta-compile`) is one.

    The public functions that remain are whole entry points: their result
    sizes trace through their own bodies, and on the GPU their kernels
    launch from them.

    ```mlir
    func.func private @dq(%q: tensor<4xi8>, %s: tensor<f32>) -> tensor<4xf32> {
      %d = quanta.dequantize %q, %s {scheme = ...} : (tensor<4xi8>, tensor<f32>) -> tensor<4xf32>
      return %d : tensor<4xf32>
    }
    func.func @f(%q: tensor<4xi8>, %s: tensor<f32>) -> tensor<4xf32> {
      %d = call @dq(%q, %s) : (tensor<4xi8>, tensor<f32>) -> tensor<4xf32>
      return %d : tensor<4xf32>
    }
    // becomes
    func.func @f(%q: tensor<4xi8>, %s: tensor<f32>) -> tensor<4xf32> {
      %d = quanta.dequantize %q, %s {scheme = ...} : (tensor<4xi8>, tensor<f32>) -> tensor<4xf32>
      return %d : tensor<4xf32>
    }
    ```
  }];
}

def InlineAllocaScopes : Pass<"quanta-inline-alloca-scopes"> {
  let summary = "Inline the memref.alloca_scope ops that allocate nothing on the stack";
  let description = [{
    `--convert-scf-to-openmp` wraps each parallel loop's body in a
    `memref.alloca_scope`, and `--convert-scf-to-cf` cannot lower one once
    its body has several blocks. Upstream canonicalization inlines a scope
    only where it can prove that nothing in it allocates on the stack, or
    where the scope ends its parent's region: it counts every op without
    declared memory effects (`llvm.call_intrinsic`, which the CPU matmul
    kernels call for `vpdpbusd`) as a possible allocation, and an OpenMP
    loop's body is not an allocation scope of its own. This pass inlines
    each scope that holds no op declaring an allocation in the automatic
    allocation scope resource (`memref.alloca`, `llvm.alloca`), outside
    the nested allocation scopes, which keep their own. Ops without
    declared effects are not stack allocations: an intrinsic call or a
    function call allocates in its own frame. A scope that allocates
    stays.

    ```mlir
    memref.alloca_scope {
      %d = llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"(%c, %a, %b)
          : (vector<16xi32>, vector<16xi32>, vector<16xi32>) -> vector<16xi32>
      vector.store %d, %out[%i] : memref<?xi32>, vector<16xi32>
    }
    // becomes
    %d = llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"(%c, %a, %b)
        : (vector<16xi32>, vector<16xi32>, vector<16xi32>) -> vector<16xi32>
    vector.store %d, %out[%i] : memref<?xi32>, vector<16xi32>
    ```
  }];
}

def ParallelDimsFirst : Pass<"quanta-parallel-dims-first"> {
  let summary = "Interchange linalg ops so that their parallel dimensions come first";
  let description = [{
    `--convert-linalg-to-parallel-loops` nests an op's loops in the order of
    its dimensions, and `--convert-parallel-loops-to-gpu` makes a kernel of
    each outermost `scf.parallel`: a reduction along rows into one value per
    column (`compute_params` per channel, the column sums of a matmul's
    zero-point correction) becomes a host loop over the rows that launches
    one kernel per row. This pass moves every linalg op's parallel
    dimensions before its reduction dimensions (named ops are generalized
    first), keeping the order within each kind, so that the reduction runs
    inside one kernel, one thread per output element. Each output element's
    reduction keeps its order, so float results do not change. The GPU
    pipeline runs it before the parallel loops.

    An op on buffers without loops (every operand 0-d, e.g. `compute_params`
    of a scalar) would become host code reading device buffers; it gets one
    parallel dimension of size 1 instead (its first init viewed as a
    1-element buffer by `memref.expand_shape`), so that it becomes a kernel.

    ```mlir
    linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>,
                                     affine_map<(d0, d1) -> (d1)>],
                    iterator_types = ["reduction", "parallel"]}
        ins(%x : memref<?x16xf32>) outs(%m : memref<16xf32>) {...}
    // becomes
    linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1, d0)>,
                                     affine_map<(d0, d1) -> (d0)>],
                    iterator_types = ["parallel", "reduction"]}
        ins(%x : memref<?x16xf32>) outs(%m : memref<16xf32>) {...}
    ```
  }];
  let dependentDialects = ["::mlir::affine::AffineDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::memref::MemRefDialect"];
}

def BlockTransposes : Pass<"quanta-block-transposes"> {
  let summary = "Rewrite transposes of buffers as loops over blocks transposed in vector registers";
  let description = [{
    `--convert-linalg-to-loops` turns a `linalg.transpose` into loops in
    the order of its output: the innermost loop reads its input one element
    at a time, a row apart. For a large matrix each of those reads misses
    the cache and the TLB (a 4096 x 4096 byte transpose took 130 ms on
    Zen 4; the same bytes copied in order, 1 ms). Frontends emit such
    transposes for weights given N x K, a Linear layer's `[out, in]`.

    This pass rewrites each `linalg.transpose` on buffers whose permutation
    swaps two groups of dimensions (`[1, 0]`; `[1, 2, 0]` of `[N, G, KK]`
    into `[G, KK, N]`, ...), each group contiguous in its buffer, as a 2-D
    transpose of an R x C matrix: loops over blocks of B x B elements (B
    = 16 bytes / element size), each read as B vectors of a row, transposed
    in registers by log2(B) rounds of interleaving shuffles
    (`vector.shuffle`: `punpck*` on x86-64, `zip1/zip2` on AArch64), and
    stored as B vectors of an output row; blocks in strips of 256 rows, so
    that every output row gets runs of 256 contiguous elements. The elements outside
    whole blocks (fewer than B rows or columns at the edges) are copied one
    at a time. Elements narrower than a byte (i4, one per byte in memory)
    are copied one at a time in the same block order. Exact: elements are
    moved, never converted.

    ```mlir
    linalg.transpose ins(%w : memref<4096x4096xi8>)
        outs(%t : memref<4096x4096xi8>) permutation = [1, 0]
    // becomes scf.for loops over 16 x 16 blocks: 16 vector.load
    // (vector<16xi8>), 64 vector.shuffle, 16 vector.store
    ```

    Run it after bufferization, before `--convert-linalg-to-loops`.
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::vector::VectorDialect"];
}

def TransposeBeforeNarrowing : Pass<"quanta-transpose-before-narrowing"> {
  let summary = "Transpose the bytes an element-wise narrowing to a sub-byte integer reads, not its result";
  let description = [{
    An int4 argument is unpacked into one i8 per element, then truncated to
    i4 by an element-wise `linalg.generic` (`--quanta-prepare-entry-points`).
    When a `linalg.transpose` (through `tensor.expand_shape` ops) reads that
    truncation, as for weights given N x K, this pass transposes the i8
    elements instead and truncates after it: i4 elements, one per byte in
    memory, are transposed one at a time, bytes by vector registers
    (`--quanta-block-transposes`); and the truncation then fuses into the
    transpose's consumer, whose int4 kernels match a truncation of bytes.
    The same for any element-wise narrowing from byte-sized integers to
    integers narrower than a byte (identity maps, no `linalg.index`).
    Exact: both orders compute the same elements.

    ```mlir
    %w = linalg.generic ... ins(%bytes : tensor<?x?xi8>) outs(%e : tensor<?x?xi4>)
        { arith.trunci ... }
    %t = linalg.transpose ins(%w : tensor<?x?xi4>) outs(%f : tensor<?x?xi4>)
        permutation = [1, 0]
    // becomes
    %tb = linalg.transpose ins(%bytes : tensor<?x?xi8>) outs(%g : tensor<?x?xi8>)
        permutation = [1, 0]
    %t = linalg.generic ... ins(%tb : tensor<?x?xi8>) outs(%f : tensor<?x?xi4>)
        { arith.trunci ... }
    ```
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

def StridedCopiesToLinalg : Pass<"quanta-strided-copies-to-linalg"> {
  let summary = "Rewrite memref.copy ops between strided buffers of dynamic shape as linalg.copy";
  let description = [{
    The LLVM lowering of `memref.copy` emits a `memcpy` when both buffers
    are contiguous by their types (identity layouts, or static shapes with
    row-major strides), and otherwise a call to `memrefCopy`, a function of
    MLIR's C runner utilities library that Quanta's objects do not link.
    Bufferization writes such copies where a result computed in a buffer of
    its own lands in a view of another (a batch's rows of a batched
    matmul's result, for example). This pass rewrites each `memref.copy`
    that is not contiguous by its types as a `linalg.copy`, which becomes
    loops. Run it after bufferization, before `--convert-linalg-to-loops`.

    ```mlir
    memref.copy %a, %b : memref<?x16xf32> to memref<?x16xf32, strided<[16, 1], offset: ?>>
    // becomes
    linalg.copy ins(%a : memref<?x16xf32>) outs(%b : memref<?x16xf32, strided<[16, 1], offset: ?>>)
    ```

    With `all`, every `memref.copy` is rewritten: the GPU pipeline's buffers
    are device memory, which a host `memcpy` cannot copy, while the
    `linalg.copy` becomes a kernel.
  }];
  let options = [
    Option<"all", "all", "bool", /*default=*/"false",
           "Also rewrite the copies between contiguous buffers">,
  ];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def UniqueKernelNames : Pass<"quanta-unique-kernel-names",
                            "::mlir::ModuleOp"> {
  let summary = "Give every outlined GPU kernel a name of its own";
  let description = [{
    `--gpu-kernel-outlining` puts each `gpu.launch` of a function `@f` in a
    `gpu.module` of its own (`@f_kernel`, `@f_kernel_0`, ...) whose kernel
    is always `@f_kernel`. Objects load each module by itself, but
    `quanta-compile --emit=ptx` writes all of them as one PTX module, where
    two entries of the same name are an error. This pass names each kernel
    after its module (`@f_kernel_0::@f_kernel` becomes
    `@f_kernel_0::@f_kernel_0`; a module with several kernels gets
    `<module>_<kernel>`) and updates the `gpu.launch_func` ops that launch
    it.

    Example: `quanta-opt --gpu-kernel-outlining --quanta-unique-kernel-names`.
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect"];
}

def AlignWorkgroupMemory : Pass<"quanta-align-workgroup-memory",
                                 "::mlir::gpu::GPUModuleOp"> {
  let summary = "Align the workgroup (shared) buffers of GPU kernels to 16 bytes";
  let description = [{
    Sets `llvm.align = 16` on every workgroup attribution of the kernels of
    a `gpu.module` that asks for less: the NVVM lowering otherwise aligns a
    shared buffer to its element (`.shared .align 4` for i32 tiles), while
    the matmul kernels access shared memory 16 bytes at a time
    (`ldmatrix`, `st.shared.v4`, 16-byte `cp.async`) and address it by
    wgmma matrix descriptors, which drop an address's 4 low bits. Run after
    kernel outlining (workgroup attributions of `gpu.launch` take no
    attributes).

    ```mlir
    gpu.func @k() workgroup(%tile : memref<2x64x20xi32, #gpu.address_space<workgroup>>) kernel
    // becomes
    gpu.func @k() workgroup(%tile : memref<2x64x20xi32, #gpu.address_space<workgroup>> {llvm.align = 16 : i64}) kernel
    ```
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect",
                           "::mlir::LLVM::LLVMDialect"];
}

def ExpandMathForNVVM : Pass<"quanta-expand-math-for-nvvm"> {
  let summary = "Expand math ops that the NVVM lowering would take from libdevice";
  let description = [{
    Rewrites `math.copysign` and `math.absf` on float scalars and vectors
    into `arith.bitcast`, `arith.andi` and `arith.ori` on the sign bit, and
    `math.floor(x)` into `t = math.trunc(x)`, `x < t ? t - 1 : t` (exact;
    `math.trunc` becomes PTX's `cvt.rzi`), and `math.sqrt`,
    `math.roundeven` and `math.round` of f32/f64 into `llvm.call_intrinsic
    "llvm.sqrt"`, `"llvm.roundeven"` and `"llvm.round"`, which the NVPTX
    backend lowers to the correctly rounded `sqrt.rn`, to `cvt.rni` and to
    an exact expansion (upstream's `--math-expand-ops` rounds 0.49999997,
    the float below 0.5, to 1 in both round and roundeven). Every rewrite
    is valid on any target, so the GPU pipeline run on the host
    (`--quanta-gpu-launches-to-host-loops`) runs it too. The GPU pipeline
    uses it so that the NVVM lowering does not turn them into calls to
    libdevice (`__nv_copysignf`, `__nv_floor`, `__nv_sqrt`, `__nv_rintf`,
    `__nv_roundf`), which the PTX would need linked in (and which is found
    only where the CUDA toolkit is).

    ```mlir
    %f = math.floor %x : f64
    // becomes
    %t = math.trunc %x : f64
    %one = arith.constant 1.0 : f64
    %below = arith.cmpf olt, %x, %t : f64
    %m = arith.subf %t, %one : f64
    %f = arith.select %below, %m, %t : f64
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::LLVM::LLVMDialect"];
}

def SplitReductions : Pass<"quanta-split-reductions"> {
  let summary = "Split exact linalg reductions into partial reductions over strided slices";
  let description = [{
    On the GPU a linalg reduction is one thread per output element, walking
    its elements in order: a reduction into one value (`compute_params` per
    tensor, the percentile's counts per tensor) runs on one thread, into 16
    values (per channel of a 16-column tensor) on 16. This pass rewrites a
    `linalg.generic` on tensors whose parallel dimensions are static and
    whose every output is combined by an integer operation exact in any
    order (`arith.addi`, wrapping; `maxsi`, `minsi`, `maxui`, `minui`,
    `andi`, `ori`, `xori`), the combiner's other operand not depending on
    any output, into

    - a partial reduction with a parallel dimension of `P` parts: part `p`
      of each output combines the elements `p, p + P, p + 2P, ...` of its
      reduction (the reduction dimensions taken row-major, from the
      combiner's identity); the inputs are read with `tensor.extract` in a
      loop in the body. The parts come first (neighbouring threads read
      neighbouring elements) unless the outputs fill a block of 256
      threads and an input's innermost dimension is a parallel one (the
      columns of a GEMV's weights: neighbouring threads read neighbouring
      columns);
    - the reduction of the `P` partials into the original outputs, which
      the pattern splits again while it is large enough.

    `P` is the largest power of two with `P * outputs <= threads` and, when
    the reduction's size `R` is static, `P * min-per-thread <= R`; an op
    with `P < 2` is left alone. Float reductions (`mean_std`'s f64 sums, a
    float matmul's accumulation) are left alone: their result depends on the
    order, which the CPU lowering and the reference define. The GPU
    pipeline runs it before bufferization.

    ```mlir
    %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>,
                                          affine_map<(d0) -> ()>],
                         iterator_types = ["reduction"]}
        ins(%x : tensor<?xi32>) outs(%init : tensor<i32>) {
    ^bb0(%a: i32, %acc: i32):
      %m = arith.maxsi %acc, %a : i32
      linalg.yield %m : i32
    } -> tensor<i32>
    // becomes, with threads = 4096
    %partials = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>],
                                iterator_types = ["parallel"]}
        outs(%empty : tensor<4096xi32>) {
    ^bb0(%out: i32):
      %p = linalg.index 0 : index
      %m = scf.for %j = %p to %n step %c4096 iter_args(%acc = %min) -> (i32) {
        %a = tensor.extract %x[%j] : tensor<?xi32>
        %next = arith.maxsi %acc, %a : i32
        scf.yield %next : i32
      }
      linalg.yield %m : i32
    } -> tensor<4096xi32>
    %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>,
                                          affine_map<(d0) -> ()>],
                         iterator_types = ["reduction"]}
        ins(%partials : tensor<4096xi32>) outs(%init : tensor<i32>) {...}
    ```
  }];
  let options = [
    Option<"threads", "threads", "int64_t", /*default=*/"65536",
           "Threads to aim for: parts times output elements">,
    Option<"minPerThread", "min-per-thread", "int64_t", /*default=*/"64",
           "Fewest elements of a static reduction per part (at least 2)">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
}

def GPULaunchesToHostLoops : Pass<"quanta-gpu-launches-to-host-loops"> {
  let summary = "Run gpu.launch bodies as loops on the host, for testing the GPU lowering without a GPU";
  let description = [{
    The GPU pipeline's plain kernels (linalg ops as parallel loops, the
    one-thread kernels of `--quanta-allocate-device-buffers`) have threads
    that do not communicate: no barriers, shuffles or shared memory. Run one
    thread after another, they compute what they compute on a GPU. This
    pass replaces each synchronous `gpu.launch` by loops over its grid and
    block (`gpu.block_id`, `gpu.thread_id`, `gpu.grid_dim` and
    `gpu.block_dim` becoming the loops' indices and bounds), each
    `gpu.alloc` by a `memref.alloc`, each `gpu.dealloc` by a
    `memref.dealloc`, and drops the `gpu.wait` ops whose tokens only those
    used. The rest of the CPU lowering then makes the function a host
    function of the CPU ABI (`quanta-compile --gpu-on-host`).

    Since host and device memory are one here, it first checks what a GPU
    would not forgive: a host op that reads or writes a buffer (all buffers
    of a GPU function are device memory) is an error, and so are kernels it
    cannot run (asynchronous launches, attributions, clusters, GPU or NVVM
    ops inside, LLVM ops other than calls of target-independent intrinsics:
    the tensor-core matmul kernels, which
    `--quanta-gpu-launches-to-host-fibers` runs, outlined into functions
    marked `quanta.kernel_on_host` that this pass leaves alone).

    ```mlir
    gpu.launch blocks(%bx, %by, %bz) in (%gx = %n, %gy = %c1, %gz = %c1)
               threads(%tx, %ty, %tz) in (%sx = %c256, %sy = %c1, %sz = %c1) {
      ...
      gpu.terminator
    }
    // becomes
    scf.for %bx = %c0 to %n step %c1 {
      scf.for %by = %c0 to %c1 step %c1 {
        ... // bz, tx (to %c256), ty, tz
      }
    }
    ```
  }];
  let options = [
    Option<"reverse", "reverse", "bool", /*default=*/"false",
           "Run each launch's blocks and threads from the last to the first: "
           "a kernel whose threads read what others write gives other "
           "results in the two orders">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def GPULaunchesToHostFibers : Pass<"quanta-gpu-launches-to-host-fibers", "::mlir::ModuleOp"> {
  let summary = "Run gpu.launch bodies whose threads cooperate as fibers on the host, for testing the tensor-core kernels without a GPU";
  let description = [{
    Kernels whose threads cooperate (shared memory, barriers, shuffles,
    `nvgpu.ldmatrix`, `nvvm.mma.sync`, the inline PTX of the tensor-core
    matmul kernels: `mma.sync` on FP8, `cp.async`, `dp4a`, `cvt.rn.f16x2`
    from FP8, `wgmma`) cannot
    run one thread after another (`--quanta-gpu-launches-to-host-loops`).
    This pass outlines each such launch's body into a host function of one
    thread, `@<function>_kernel<i>` (marked `quanta.kernel_on_host`), whose GPU operations become calls of
    the GPU-on-host runtime (`runtime/gpu-on-host`, `quanta_gpu_host_*`),
    which runs every block's threads as fibers switched at barriers and warp
    collectives and computes the warp operations from the PTX ISA's
    definitions. The launch becomes an allocation of the block's shared
    memory (one 256 KiB-aligned buffer holding the workgroup attributions
    and, after them, the dynamic shared memory of a constant-size launch,
    which `gpu.dynamic_shared_memory` gives) and a call of `@<function>_kernel<i>_launch`, a declaration that
    `--quanta-host-kernel-launchers` defines after the lowering to LLVM.

    ```mlir
    gpu.launch blocks(...) in (%gx = %n, ...) threads(...) in (%sx = %c256, ...)
        workgroup(%tile : memref<2x128x20xi32, #gpu.address_space<workgroup>>) {
      ... gpu.barrier ... nvvm.mma.sync ...
    }
    // becomes
    %shared = memref.alloc() {alignment = 262144 : i64} : memref<20480xi8>
    %tile = memref.view %shared[%c0][] : memref<20480xi8> to memref<2x128x20xi32>
    func.call @f_kernel0_launch(%n, %c1, %c1, %c256, %c1, %c1, %address,
        %bytes, ..., %tile) : (...) -> ()
    memref.dealloc %shared : memref<20480xi8>
    ```

    Asynchronous copies land when their thread waits for their group, as
    late as the PTX ISA allows; a warpgroup MMA is computed when issued, and
    the runtime aborts if the shared memory it read changes before its
    thread waits for its group.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::LLVM::LLVMDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::vector::VectorDialect"];
}

def HostKernelLaunchers : Pass<"quanta-host-kernel-launchers", "::mlir::ModuleOp"> {
  let summary = "Define the launchers of the kernels that --quanta-gpu-launches-to-host-fibers outlined, in the LLVM dialect";
  let description = [{
    After the lowering to LLVM, each kernel `@k` of
    `--quanta-gpu-launches-to-host-fibers` has lowered arguments, and
    `@k_launch` (a declaration carrying `quanta.host_kernel = @k`) takes the
    launch's grid and block sizes, its shared memory's address and size,
    then the same arguments. This pass defines `@k_launch`: it stores the
    arguments in a structure on its stack and calls
    `quanta_gpu_host_launch` with `@k_entry`, a function that it also
    defines, which calls `@k` with the structure's fields on every fiber.

    ```mlir
    llvm.func @k_launch(%gx: i64, ..., %shared: i64, %bytes: i64, %a: !llvm.ptr, ...)
    // becomes
    llvm.func internal @k_launch(...) {
      %env = llvm.alloca ... x !llvm.struct<(ptr, ...)>
      ... llvm.store %a, ...
      llvm.call @quanta_gpu_host_launch(%gx, ..., %entry, %env)
    }
    ```
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

#endif // QUANTA_TRANSFORMS_PASSES_TD
