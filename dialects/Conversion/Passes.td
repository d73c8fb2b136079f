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

def ConvertLinalgToQuanta : Pass<"convert-linalg-to-quanta"> {
  let summary = "Convert i8 x i8 -> i32 linalg matmuls to quanta.matmul_integer";
  let description = [{
    Rewrites the integer matmuls frontends emit as named linalg ops on
    tensors into `quanta.matmul_integer`, which compiles to the u8 x s8
    (AVX-512 VNNI) kernel:

    - `linalg.quantized_matmul` / `linalg.quantized_batch_matmul`: operands
      are sign-extended (`cast_signed`), zero points are i32 (or other
      integer) scalars. A zero point converts when it is a constant in
      [-128, 127] (0 is dropped) or an `arith.extsi` of an i8 value; any other
      zero point (a constant like 200, a run-time i32) cannot be expressed as
      an int8 zero point and the op is left to linalg's own lowering.
    - `linalg.matmul` / `linalg.batch_matmul` with the default indexing maps
      (no transpose, no broadcast), i8 inputs and an i32 output: signed by
      default, both operands unsigned with
      `cast = #linalg.type_fn<cast_unsigned>`.

    Every form accumulates into its `outs` tensor: when that is not a
    zero fill or constant, the result is `outs + matmul_integer` (i32,
    wrap-around, the same value modulo 2^32 as linalg's order). Ops with
    other element types, user-defined indexing maps or buffer semantics are
    left alone.

    Before:

    ```mlir
    %c0 = arith.constant 0 : i32
    %za = arith.constant 3 : i32
    %e = tensor.empty() : tensor<4x8xi32>
    %z = linalg.fill ins(%c0 : i32) outs(%e : tensor<4x8xi32>) -> tensor<4x8xi32>
    %y = linalg.quantized_matmul ins(%a, %b, %za, %c0 : tensor<4x16xi8>,
           tensor<16x8xi8>, i32, i32) outs(%z : tensor<4x8xi32>) -> tensor<4x8xi32>
    ```

    After:

    ```mlir
    %za = arith.constant dense<3> : tensor<i8>
    %y = quanta.matmul_integer %a, %b lhs_zp(%za)
           : (tensor<4x16xi8>, tensor<16x8xi8>, tensor<i8>) -> tensor<4x8xi32>
    ```
  }];
  let dependentDialects = ["::mlir::quanta::QuantaDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

def ConvertTosaToQuanta : Pass<"convert-tosa-to-quanta"> {
  let summary = "Convert i8 tosa.matmul to quanta.matmul_integer";
  let description = [{
    Rewrites TOSA 1.0 `tosa.matmul` (https://www.mlplatform.org/tosa/tosa_spec.html#_matmul)
    with int8 operands `[N, H, C] x [N, C, W]` accumulating in i32 into
    `quanta.matmul_integer`: `sum_c (a - a_zp)(b - b_zp)` in i32, with
    two's-complement wrap-around. The `a_zp`/`b_zp` operands (`tensor<1xi8>`)
    become per-tensor zero points: constants are re-materialized as
    `arith.constant` (and dropped when 0), other values are passed as they
    are, so run-time zero points convert too. A `b` with batch size 1 is
    shared by every batch of `a` (collapsed to `[C, W]`). Other element
    types (i16, floats) and unranked tensors are left alone. `tosa.const`
    of integers or floats (such a matmul's constant weights) becomes
    `arith.constant`. The C entry points refuse a function that keeps
    other TOSA ops, which nothing in Quanta lowers.

    Before:

    ```mlir
    %za = "tosa.const"() <{values = dense<-5> : tensor<1xi8>}> : () -> tensor<1xi8>
    %zb = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
    %y = tosa.matmul %a, %b, %za, %zb : (tensor<2x4x16xi8>, tensor<2x16x8xi8>,
           tensor<1xi8>, tensor<1xi8>) -> tensor<2x4x8xi32>
    ```

    After:

    ```mlir
    %za = arith.constant dense<-5> : tensor<i8>
    %y = quanta.matmul_integer %a, %b lhs_zp(%za)
           : (tensor<2x4x16xi8>, tensor<2x16x8xi8>, tensor<i8>) -> tensor<2x4x8xi32>
    ```
  }];
  let dependentDialects = ["::mlir::quanta::QuantaDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::tensor::TensorDialect"];
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
                           "::mlir::cf::ControlFlowDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
}

def OutlineGPUMatmul : Pass<"quanta-outline-gpu-matmul", "::mlir::ModuleOp"> {
  let summary = "Set quanta.matmul ops aside for the GPU tensor-core kernels";
  let description = [{
    The first half of the GPU matmul lowering, run before
    `--convert-quanta-to-linalg` when compiling for NVIDIA GPUs. Each
    `quanta.matmul` that has a tensor-core kernel (8-bit integer lhs times
    8-bit or int4 rhs accumulating in i32, parameters per tensor, per
    channel or, 2-D only, per group of a multiple of 32 along K; f16 x f16
    or FP8 x FP8 accumulating in f32, per tensor or per channel; an
    f32/f16/bf16 result or a quantized 8-bit one; or weight-only int4 or
    int8: f16/bf16 activations without a scheme times i4/ui4/i8/ui8 weights
    per tensor, per column or per group along K) becomes a
    call to a private function
    `@__quanta_gpu_matmul_<n>` whose arguments are the op's operands (each
    with a `quanta.role` argument attribute) and a `tensor.empty`
    destination, and whose body returns the destination. The function's
    `quanta.gpu_matmul` attribute holds the op's schemes and accumulation;
    `--convert-quanta-matmul-to-nvvm` turns the bufferized calls into the
    kernels. `quanta.matmul_integer` becomes a call of the 8-bit integer
    kernel with an i32 result: its schemes carry the operands' signedness
    and no scales. Other matmul forms are left to the linalg lowering.

    A batched matmul (`[B..., M, K]` x `[B..., K, N]`) passes lhs, rhs, the
    destination and per-group parameters with their batch dimensions
    collapsed into one and its attribute gets `batched` (the schemes'
    per_channel and per_group axes then count from the matrices, as for a
    2-D matmul); the call's result is expanded back.
    A `quanta.matmul_integer` whose 2-D rhs is shared by the batches passes
    it as it is, or, without a per-row zero point, passes lhs and the
    destination as matrices of all the batches' rows (no `batched`).
    `--convert-quanta-matmul-to-nvvm` launches the kernels with grid z over
    the batches, on views of the buffers.

    A per-group i32-accumulation matmul with a dynamic K gets the CPU
    lowering's run-time check (`cf.assert`) that K is a multiple of the
    group size before the call.

    When the rhs of an 8-bit or f16 matmul (weight-only int8 included) is a
    `linalg.transpose` (weights given N x K, as a Linear layer's
    `[out, in]`), the call takes the
    transpose's input and the attribute gets `rhs_k_major`: the kernel reads
    the weights in place, so no temporary holds the transpose.

    FP8 mma needs sm_89 or newer: with an older `chip`, an FP8 matmul is
    reported at its location and the pass fails. A weight-only int4 matmul
    without a kernel (f32 activations, batched, a result quantized other
    than to 8 bits per tensor or column) is left to the linalg lowering,
    which unpacks the weights into a device temporary.

    Before:

    ```mlir
    %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
           {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32>,
            rhs_scheme = #quanta.scheme<storage = i8, expressed = f32>,
            accumulation = #quanta<accumulation i32>}
           : (tensor<?x64xi8>, tensor<64x32xi8>, tensor<f32>, tensor<f32>)
           -> tensor<?x32xf32>
    ```

    After:

    ```mlir
    %m = tensor.dim %a, %c0 : tensor<?x64xi8>
    %e = tensor.empty(%m) : tensor<?x32xf32>
    %y = call @__quanta_gpu_matmul_0(%a, %w, %sa, %sw, %e) : (...) -> tensor<?x32xf32>
    ...
    func.func private @__quanta_gpu_matmul_0(%a: tensor<?x64xi8> {quanta.role = "lhs"},
        ..., %init: tensor<?x32xf32> {quanta.role = "init"}) -> tensor<?x32xf32>
        attributes {quanta.gpu_matmul = {accumulation = ..., lhs_scheme = ...,
                                         rhs_scheme = ...}} {
      return %init : tensor<?x32xf32>
    }
    ```
  }];
  let options = [
    Option<"chip", "chip", "std::string", /*default=*/"\"sm_80\"",
           "The NVIDIA GPU architecture the kernels are for (sm_80, sm_89, "
           "sm_90, ...)">
  ];
  let dependentDialects = ["::mlir::cf::ControlFlowDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::tensor::TensorDialect"];
}

def GPUMatmulPackedInt4 : Pass<"quanta-gpu-matmul-packed-int4",
                               "::mlir::ModuleOp"> {
  let summary = "Give GPU matmul kernels their int4 arguments packed";
  let description = [{
    Run after `--quanta-prepare-entry-points` when compiling for NVIDIA GPUs.
    That pass makes each int4 argument of a public function packed bytes
    (`tensor<?xi8>`, two elements per byte, the first in the low nibble) and
    unpacks them into an i4 tensor; an unpacked copy would be a device
    temporary and would double the weight traffic. Each i4 operand of a `@__quanta_gpu_matmul_<n>` call (the
    weights and zero points of a weight-only int4 matmul) is replaced by the
    packed argument it was unpacked from, and the marker function's argument
    type follows; `--convert-quanta-matmul-to-nvvm` then reads the nibbles
    in place. An i4 operand that is not such an unpacking (int4 computed in
    the function, or an argument of a private function) is reported and the
    pass fails.
  }];
  let dependentDialects = ["::mlir::func::FuncDialect"];
}

def ConvertQuantaMatmulToNVVM : Pass<"convert-quanta-matmul-to-nvvm",
                                     "::mlir::ModuleOp"> {
  let summary = "Lower set-aside quanta.matmul calls to tensor-core GPU kernels";
  let description = [{
    The second half of the GPU matmul lowering, run on bufferized IR before
    results become out-parameters. Each call to a `@__quanta_gpu_matmul_<n>`
    function (from `--quanta-outline-gpu-matmul`) becomes a `gpu.launch` of
    a tensor-core kernel that writes the destination buffer, and the
    functions are erased:

    - for more than 64 rows, blocks of 256 threads (8 warps) compute
      128x128 tiles of the result, each warp a 64x32 tile of 4x4 `mma.sync`
      m16n8 tiles; else blocks of 128 threads compute 64x32 tiles for 8-bit
      operands and 64x64 for 16-bit ones. The K loop stages 16 32-bit words
      of K per row of both operands in two shared buffers (B transposed,
      n-major, so that `ldmatrix.x4` (`nvgpu.ldmatrix`) loads four fragment
      registers at once), by 16-byte (lhs, and rhs given N x K:
      `rhs_k_major`) and 4- or 16-byte (rhs given K x N, transposed in
      registers) vector loads when the block's tile lies inside aligned
      matrices, else by clamped scalar loads zero-filled outside the
      matrices (exact: zeros add nothing to integer sums and to f32 sums);
    - on sm_90a (`chip = "sm_90a"`), 8-bit integers without zero points
      and with the weights N x K (`rhs_k_major`): 128x256 tiles multiplied
      by warpgroup MMAs (`wgmma.mma_async` m64n256k32) reading both
      operands from shared memory through matrix descriptors, copied there
      by a `cp.async` pipeline (docs/GPU.md);
    - 8-bit integers: `nvvm.mma.sync` m16n8k32 with the operands' own
      signedness (s8/u8) and wrapped (not saturating) i32 accumulation, so
      the i32 sums are the reference's, bit for bit; zero points are applied
      after the loop as `acc - zb * rowsum(A) - za * colsum(B) + K * za * zb`
      (i32, wrap-around) with the sums accumulated by `dp4a` from the same
      fragments; with an i32 destination (`quanta.matmul_integer`) these
      sums are the result. Per-group parameters (Q8_0, W4A8): after the mma
      K step that ends a group, the group's corrected sums (its row and
      column sums, its size) become `f32(acc) * (sa * sb)` with the group's
      scales, added to f32 sums in group order (the reference's blocks),
      and the i32 sums restart; int4 weights (W4A8) are read packed (as
      weight-only int4) and widened to bytes while staged; up to 4 rows
      take group dot kernels without tensor cores (weights K x N: a thread
      per group and 8 columns, the groups' blocks added in order from
      shared memory; N x K: a warp per column, a lane per group, the blocks
      added in order by shuffles);
    - f16: `nvvm.mma.sync` m16n8k16 with f32 accumulation;
    - weight-only: the packed i4/ui4 weights (and zero points, from
      `--quanta-gpu-matmul-packed-int4`) or the i8/ui8 ones are
      dequantized while staged, as `quanta.dequantize` to the activations'
      f16/bf16 type, then the f16 (or bf16) `nvvm.mma.sync` m16n8k16 with
      f32 accumulation;
    - FP8 E4M3FN/E5M2 (sm_89+): `mma.sync.aligned.m16n8k32.row.col.f32.e4m3.e5m2.f32`
      (any pairing of the two formats) as inline PTX, which the NVVM
      dialect has no op for;
    - the epilogue is fused: scales (per tensor, per row of `lhs`, per column
      of `rhs`) as `f32(acc) * (sa * sb)`, bias, then quantization with the
      same scalar numerics as `--convert-quanta-to-linalg`, or a conversion
      to the f32/f16/bf16 result.

    A `batched` call launches these kernels once with grid z over the
    batches (dimension 0 of lhs, rhs unless 2-D, and the destination): a
    block computes on its batch's `memref.subview`s, and takes a view's
    offset into account when it checks alignment.

    Before (bufferized):

    ```mlir
    %0 = call @__quanta_gpu_matmul_0(%a, %w, %sa, %sw, %alloc) : (...) -> memref<?x32xf32>
    ```

    After:

    ```mlir
    gpu.launch blocks(%bx, %by, %bz) in (%gx = %n_tiles, %gy = %m_tiles, %gz = %c1)
               threads(%tx, %ty, %tz) in (%sx = %c128, %sy = %c1, %sz = %c1)
               workgroup(%sa_tile : memref<2x64x20xi32, #gpu.address_space<workgroup>>,
                         %sb_tile : memref<2x32x20xi32, #gpu.address_space<workgroup>>) {
      ... scf.for over K: loads to shared memory, gpu.barrier, nvgpu.ldmatrix,
          nvvm.mma.sync (m16n8k32, s8 x s8 -> s32, wrapped) ...
      ... epilogue: scales, bias, quantize, guarded stores ...
      gpu.terminator
    }
    ```
  }];
  let options = [
    Option<"chip", "chip", "std::string", /*default=*/"\"sm_80\"",
           "The NVIDIA GPU architecture the kernels are for (sm_80, sm_89, "
           "sm_90, ...)">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::gpu::GPUDialect",
                           "::mlir::LLVM::LLVMDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::nvgpu::NVGPUDialect",
                           "::mlir::NVVM::NVVMDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::vector::VectorDialect"];
}

#endif // QUANTA_CONVERSION_PASSES_TD
