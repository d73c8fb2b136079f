// Weight-only int4 matmuls with f32 activations and f32 accumulation (W4A32,
// ONNX MatMulNBits at accuracy levels 0 and 1), int4 weights read packed, on
// the shapes of --quanta-lower-matmul-kernels' weight-only int4 kernel
// (128 | N, any row count, per-group parameters): i4 and ui4 weights, with
// and without per-group zero points, groups of 32, 64 and 128; N = 200 takes
// the loops. Compared bit for bit with ref::matmul (f32 accumulation in k
// order), on activations with ±0, ±inf and NaN among random values.
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/w4a32-kernel-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s
// RUN: quanta-compile %s --mcpu=znver4 --emit=mlir -o - | FileCheck %s --check-prefix=IR
// The kernel: accumulators carried through the group and k loops.
// IR-LABEL: llvm.func internal @_quanta_impl_s4_g32_n256(
// IR: llvm.fmul {{.*}} : vector<16xf32>
// IR: llvm.fadd {{.*}} : vector<16xf32>
// CHECK: s4_g32_n256: 6 row counts, 0 mismatches
// CHECK: s4_g128_n512: 6 row counts, 0 mismatches
// CHECK: u4zp_g64_n384: 6 row counts, 0 mismatches
// CHECK: s4zp_g32_n128: 6 row counts, 0 mismatches
// CHECK: s4_g32_n200: 6 row counts, 0 mismatches

func.func @s4_g32_n256(%a: tensor<?x128xf32>, %w: tensor<128x256xi4>, %sw: tensor<4x256xf32>) -> tensor<?x256xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x128xf32>, tensor<128x256xi4>, tensor<4x256xf32>) -> tensor<?x256xf32>
  return %y : tensor<?x256xf32>
}

func.func @s4_g128_n512(%a: tensor<?x256xf32>, %w: tensor<256x512xi4>, %sw: tensor<2x512xf32>) -> tensor<?x512xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 128, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x256xf32>, tensor<256x512xi4>, tensor<2x512xf32>) -> tensor<?x512xf32>
  return %y : tensor<?x512xf32>
}

func.func @u4zp_g64_n384(%a: tensor<?x128xf32>, %w: tensor<128x384xi4>, %sw: tensor<2x384xf32>, %zw: tensor<2x384xi4>) -> tensor<?x384xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw)
      {rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 64>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x128xf32>, tensor<128x384xi4>, tensor<2x384xf32>, tensor<2x384xi4>) -> tensor<?x384xf32>
  return %y : tensor<?x384xf32>
}

func.func @s4zp_g32_n128(%a: tensor<?x64xf32>, %w: tensor<64x128xi4>, %sw: tensor<2x128xf32>, %zw: tensor<2x128xi4>) -> tensor<?x128xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw) rhs_zp(%zw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xf32>, tensor<64x128xi4>, tensor<2x128xf32>, tensor<2x128xi4>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

func.func @s4_g32_n200(%a: tensor<?x64xf32>, %w: tensor<64x200xi4>, %sw: tensor<2x200xf32>) -> tensor<?x200xf32> {
  %y = quanta.matmul %a, %w rhs_scale(%sw)
      {rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation f32>}
      : (tensor<?x64xf32>, tensor<64x200xi4>, tensor<2x200xf32>) -> tensor<?x200xf32>
  return %y : tensor<?x200xf32>
}
