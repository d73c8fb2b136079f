// W4A8 matmuls with int4 weights read packed (the nibble split fused into the
// K-blocked core), on the shapes of --quanta-lower-matmul-kernels' packed-int4
// VNNI kernel: any row count (1 to 64 here, decode and prefill), 128 | N,
// group size a multiple of 4, rows of B shorter than 4 KiB (strided K steps)
// or not; i8/ui8 activations x i4/ui4 weights, per-row and per-group scales.
// N = 200 takes the kernel for its first 128 columns and the loops for the
// other 72. With weight zero points per group (ONNX MatMulNBits' uint4
// weights, and i4 ones) and symmetric activations, the core multiplies a by
// w - zb: the VNNI kernel takes zb * sum(a) out of each group's sums, the
// AMX kernel (16 rows or more) subtracts zb from the unpacked weights; both
// with the epilogue fused. Weights per channel are one group of K rows
// (here 1.25 MiB of B): the GEMV then reads B row by row (sums in a
// buffer) instead of chunk by chunk. Compared bit for bit with ref::matmul.
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/int4-kernel-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s
// RUN: quanta-compile %s --mcpu=znver4 --emit=asm -o - | FileCheck %s --check-prefix=ASM
// ASM-LABEL: s8_s4_g32_n256:
// ASM: vpermt2b
// ASM: vpdpbusd
// ASM-LABEL: s8_s4_g32_n200:
// ASM: vpdpbusd
// CHECK: s8_s4_g32_n256: 11 row counts, 0 mismatches
// CHECK: s8_s4_g128_n4096: 11 row counts, 0 mismatches
// CHECK: u8_s4_g64_n384: 11 row counts, 0 mismatches
// CHECK: s8_u4_g32_n256: 11 row counts, 0 mismatches
// CHECK: u8_u4_g32_n128: 11 row counts, 0 mismatches
// CHECK: s8_s4_g32_n200: 11 row counts, 0 mismatches
// CHECK: s8_u4zp_g32_n256: 11 row counts, 0 mismatches
// CHECK: u8_s4zp_g64_n384: 11 row counts, 0 mismatches
// CHECK: s8_s4pc_k4096_n640: 11 row counts, 0 mismatches

func.func @s8_s4_g32_n256(%a: tensor<?x256xi8>, %w: tensor<256x256xi4>, %sa: tensor<?xf32>, %sw: tensor<8x256xf32>) -> tensor<?x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x256xi8>, tensor<256x256xi4>, tensor<?xf32>, tensor<8x256xf32>) -> tensor<?x256xf32>
  return %y : tensor<?x256xf32>
}

func.func @s8_s4_g128_n4096(%a: tensor<?x256xi8>, %w: tensor<256x4096xi4>, %sa: tensor<?xf32>, %sw: tensor<2x4096xf32>) -> tensor<?x4096xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 128, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x256xi8>, tensor<256x4096xi4>, tensor<?xf32>, tensor<2x4096xf32>) -> tensor<?x4096xf32>
  return %y : tensor<?x4096xf32>
}

func.func @u8_s4_g64_n384(%a: tensor<?x128xi8>, %w: tensor<128x384xi4>, %sa: tensor<?xf32>, %sw: tensor<2x384xf32>) -> tensor<?x384xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 64, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x128xi8>, tensor<128x384xi4>, tensor<?xf32>, tensor<2x384xf32>) -> tensor<?x384xf32>
  return %y : tensor<?x384xf32>
}

func.func @s8_u4_g32_n256(%a: tensor<?x64xi8>, %w: tensor<64x256xi4>, %sa: tensor<?xf32>, %sw: tensor<2x256xf32>) -> tensor<?x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x64xi8>, tensor<64x256xi4>, tensor<?xf32>, tensor<2x256xf32>) -> tensor<?x256xf32>
  return %y : tensor<?x256xf32>
}

func.func @u8_u4_g32_n128(%a: tensor<?x96xi8>, %w: tensor<96x128xi4>, %sa: tensor<?xf32>, %sw: tensor<3x128xf32>) -> tensor<?x128xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x96xi8>, tensor<96x128xi4>, tensor<?xf32>, tensor<3x128xf32>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

func.func @s8_s4_g32_n200(%a: tensor<?x64xi8>, %w: tensor<64x200xi4>, %sa: tensor<?xf32>, %sw: tensor<2x200xf32>) -> tensor<?x200xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x64xi8>, tensor<64x200xi4>, tensor<?xf32>, tensor<2x200xf32>) -> tensor<?x200xf32>
  return %y : tensor<?x200xf32>
}

func.func @s8_u4zp_g32_n256(%a: tensor<?x128xi8>, %w: tensor<128x256xi4>, %sa: tensor<?xf32>, %sw: tensor<4x256xf32>, %zw: tensor<4x256xi4>) -> tensor<?x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x128xi8>, tensor<128x256xi4>, tensor<?xf32>, tensor<4x256xf32>, tensor<4x256xi4>) -> tensor<?x256xf32>
  return %y : tensor<?x256xf32>
}

func.func @u8_s4zp_g64_n384(%a: tensor<?x128xi8>, %w: tensor<128x384xi4>, %sa: tensor<?xf32>, %sw: tensor<2x384xf32>, %zw: tensor<2x384xi4>) -> tensor<?x384xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 64>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x128xi8>, tensor<128x384xi4>, tensor<?xf32>, tensor<2x384xf32>, tensor<2x384xi4>) -> tensor<?x384xf32>
  return %y : tensor<?x384xf32>
}

func.func @s8_s4pc_k4096_n640(%a: tensor<?x4096xi8>, %w: tensor<4096x640xi4>, %sa: tensor<?xf32>, %sw: tensor<640xf32>) -> tensor<?x640xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x4096xi8>, tensor<4096x640xi4>, tensor<?xf32>, tensor<640xf32>) -> tensor<?x640xf32>
  return %y : tensor<?x640xf32>
}
