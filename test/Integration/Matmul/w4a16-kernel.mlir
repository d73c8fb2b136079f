// Weight-only matmuls with f16 or bf16 activations and f32 accumulation
// (W4A16: ONNX MatMulNBits on 16-bit models, int4 weights read packed,
// per-group scales and packed zero points; W8A16: 8-bit weights per column), the
// parameters and the result in the activations' type:
// --quanta-lower-matmul-kernels' weight-only int4 kernel (128 | N; N = 200
// takes the loops) and 8-bit kernel (64 | N) widen the activations, round
// each dequantized weight to the expressed type as quanta.dequantize does,
// and add the products in k order, so the results are the op's definition
// bit for bit (checked against quanta::ref by the harness).
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/w4a16-kernel-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s
// RUN: quanta-compile %s --mcpu=znver4 --emit=mlir -o - | FileCheck %s --check-prefix=IR
// The kernel: the activation broadcast as 16 f16 (bf16) lanes and widened,
// the sums in registers.
// IR-LABEL: llvm.func internal @_quanta_impl_h4_g32_n256(
// IR: llvm.fpext {{.*}} : vector<16xf16> to vector<16xf32>
// IR: llvm.fmul {{.*}} : vector<16xf32>
// IR: llvm.fadd {{.*}} : vector<16xf32>
// IR-LABEL: llvm.func internal @_quanta_impl_b4zp_g64_n384(
// IR: llvm.fmul {{.*}} : vector<16xf32>
// Packed zero points (read as bytes, the nibble picked per column) too:
// IR-LABEL: llvm.func internal @_quanta_impl_h4zp_g128_n128(
// IR: llvm.fpext {{.*}} : vector<16xf16> to vector<16xf32>
// IR: llvm.fmul {{.*}} : vector<16xf32>
// IR-LABEL: llvm.func internal @_quanta_impl_h8_col_n128(
// IR: llvm.fmul {{.*}} : vector<16xf32>
// IR: llvm.fadd {{.*}} : vector<16xf32>
// CHECK: h4_g32_n256: 6 row counts, 0 mismatches
// CHECK: b4zp_g64_n384: 6 row counts, 0 mismatches
// CHECK: h4zp_g128_n128: 6 row counts, 0 mismatches
// CHECK: b4_g32_n200: 6 row counts, 0 mismatches
// CHECK: h8_col_n128: 6 row counts, 0 mismatches
// CHECK: b8zp_col_n192: 6 row counts, 0 mismatches

func.func @h4_g32_n256(%a: tensor<?x128xf16>, %w: tensor<128x256xi4>, %sw: tensor<4x256xf16>) -> tensor<?x256xf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f16, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x128xf16>, tensor<128x256xi4>, tensor<4x256xf16>) -> tensor<?x256xf16>
  return %y : tensor<?x256xf16>
}

func.func @b4zp_g64_n384(%a: tensor<?x128xbf16>, %w: tensor<128x384xi4>, %sw: tensor<2x384xbf16>, %zw: tensor<2x384xi4>) -> tensor<?x384xbf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw)
      {rhs_scheme = #quanta.scheme<storage = ui4, expressed = bf16, granularity = per_group, axis = 0, group_size = 64>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x128xbf16>, tensor<128x384xi4>, tensor<2x384xbf16>, tensor<2x384xi4>) -> tensor<?x384xbf16>
  return %y : tensor<?x384xbf16>
}

func.func @h4zp_g128_n128(%a: tensor<?x256xf16>, %w: tensor<256x128xi4>, %sw: tensor<2x128xf16>, %zw: tensor<2x128xi4>) -> tensor<?x128xf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f16, granularity = per_group, axis = 0, group_size = 128>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x256xf16>, tensor<256x128xi4>, tensor<2x128xf16>, tensor<2x128xi4>) -> tensor<?x128xf16>
  return %y : tensor<?x128xf16>
}

func.func @b4_g32_n200(%a: tensor<?x64xbf16>, %w: tensor<64x200xi4>, %sw: tensor<2x200xbf16>) -> tensor<?x200xbf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = bf16, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xbf16>, tensor<64x200xi4>, tensor<2x200xbf16>) -> tensor<?x200xbf16>
  return %y : tensor<?x200xbf16>
}

func.func @h8_col_n128(%a: tensor<?x96xf16>, %w: tensor<96x128xi8>, %sw: tensor<128xf16>) -> tensor<?x128xf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i8, expressed = f16, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x96xf16>, tensor<96x128xi8>, tensor<128xf16>) -> tensor<?x128xf16>
  return %y : tensor<?x128xf16>
}

func.func @b8zp_col_n192(%a: tensor<?x70xbf16>, %w: tensor<70x192xi8>, %sw: tensor<192xbf16>, %zw: tensor<192xi8>) -> tensor<?x192xbf16> {
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw)
      {rhs_scheme = #quanta.scheme<storage = ui8, expressed = bf16, granularity = per_channel, axis = 1>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x70xbf16>, tensor<70x192xi8>, tensor<192xbf16>, tensor<192xi8>) -> tensor<?x192xbf16>
  return %y : tensor<?x192xbf16>
}
