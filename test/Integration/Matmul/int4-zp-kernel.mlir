// W4A8 matmuls with an activation zero point (asymmetric ui8/i8
// activations, zero point per tensor or per row) and int4 per-group weights
// read packed, with and without weight zero points: the packed-int4 VNNI
// kernel of --quanta-lower-matmul-kernels subtracts za * (the group's column
// sums of the weights) from its sums. Row counts 1 to 64 (decode and
// prefill paths), groups of 32, 64 and 128; N = 200 takes the kernel for
// 128 columns and the loops for the rest. A zero point that is a constant
// of the function is folded into the core's
// body (`ext(a) - c`); the kernel takes that form too (one of them with the
// per-tensor scale of shape [1], one with weight zero points).
// Compared bit for bit with ref::matmul.
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/int4-zp-kernel-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s
// RUN: quanta-compile %s --mcpu=znver4 --emit=asm -o - | FileCheck %s --check-prefix=ASM
// RUN: quanta-compile %s --emit=llvm -o - | FileCheck %s --check-prefix=IR
// The kernel, not the loops: the weights' column sums are dot products with
// ones (u8 ones for ui8 activations, s8 ones for i8 ones).
// IR-LABEL: define void @u8_s4_za_g32_n256(
// IR: @llvm.x86.avx512.vpdpbusd.512(<16 x i32> %{{.*}}, <64 x i8> splat (i8 1), <64 x i8> %{{.*}})
// IR-LABEL: define void @u8_s4_zarow_zw_g128_n4096(
// IR: @llvm.x86.avx512.vpdpbusd.512(<16 x i32> %{{.*}}, <64 x i8> splat (i8 1), <64 x i8> %{{.*}})
// IR-LABEL: define void @s8_s4_za_g32_n256(
// IR: @llvm.x86.avx512.vpdpbusd.512(<16 x i32> %{{.*}}, <64 x i8> %{{.*}}, <64 x i8> splat (i8 1))
// ASM-LABEL: u8_s4_za_g32_n256:
// ASM: vpdpbusd
// ASM-LABEL: u8_u4_za_g128_n256:
// ASM: vpdpbusd
// ASM-LABEL: u8_s4_zarow_g64_n384:
// ASM: vpdpbusd
// ASM-LABEL: u8_u4_za_zw_g32_n256:
// ASM: vpdpbusd
// ASM-LABEL: u8_s4_zarow_zw_g128_n4096:
// ASM: vpdpbusd
// ASM-LABEL: s8_s4_za_g32_n256:
// ASM: vpdpbusd
// ASM-LABEL: s8_u4_zarow_zw_g64_n128:
// ASM: vpdpbusd
// ASM-LABEL: s8_u4_za_g32_n128:
// ASM: vpdpbusd
// ASM-LABEL: u8_s4_zaconst_g32_n256:
// ASM: vpdpbusd
// ASM-LABEL: s8_u4_zaconst_g64_n128:
// ASM: vpdpbusd
// ASM-LABEL: u8_u4_zaconst_zw_g32_n256:
// ASM: vpdpbusd
// CHECK: u8_s4_za_g32_n256: {{[0-9]+}} runs, 0 mismatches
// CHECK: u8_u4_za_g128_n256: {{[0-9]+}} runs, 0 mismatches
// CHECK: u8_s4_zarow_g64_n384: {{[0-9]+}} runs, 0 mismatches
// CHECK: u8_u4_za_zw_g32_n256: {{[0-9]+}} runs, 0 mismatches
// CHECK: u8_s4_zarow_zw_g128_n4096: {{[0-9]+}} runs, 0 mismatches
// CHECK: s8_s4_za_g32_n256: {{[0-9]+}} runs, 0 mismatches
// CHECK: s8_u4_zarow_zw_g64_n128: {{[0-9]+}} runs, 0 mismatches
// CHECK: s8_u4_za_g32_n128: {{[0-9]+}} runs, 0 mismatches
// CHECK: u8_s4_za_g32_n200: {{[0-9]+}} runs, 0 mismatches
// CHECK: u8_s4_zaconst_g32_n256: {{[0-9]+}} runs, 0 mismatches
// CHECK: s8_u4_zaconst_g64_n128: {{[0-9]+}} runs, 0 mismatches
// CHECK: u8_u4_zaconst_zw_g32_n256: {{[0-9]+}} runs, 0 mismatches

func.func @u8_s4_za_g32_n256(%a: tensor<?x256xi8>, %w: tensor<256x256xi4>, %sa: tensor<f32>, %sw: tensor<8x256xf32>, %za: tensor<i8>) -> tensor<?x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x256xi8>, tensor<256x256xi4>, tensor<f32>, tensor<8x256xf32>, tensor<i8>) -> tensor<?x256xf32>
  return %y : tensor<?x256xf32>
}

func.func @u8_u4_za_g128_n256(%a: tensor<?x256xi8>, %w: tensor<256x256xi4>, %sa: tensor<f32>, %sw: tensor<2x256xf32>, %za: tensor<i8>) -> tensor<?x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 128, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x256xi8>, tensor<256x256xi4>, tensor<f32>, tensor<2x256xf32>, tensor<i8>) -> tensor<?x256xf32>
  return %y : tensor<?x256xf32>
}

func.func @u8_s4_zarow_g64_n384(%a: tensor<?x128xi8>, %w: tensor<128x384xi4>, %sa: tensor<?xf32>, %sw: tensor<2x384xf32>, %za: tensor<?xi8>) -> tensor<?x384xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 0>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 64, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x128xi8>, tensor<128x384xi4>, tensor<?xf32>, tensor<2x384xf32>, tensor<?xi8>) -> tensor<?x384xf32>
  return %y : tensor<?x384xf32>
}

func.func @u8_u4_za_zw_g32_n256(%a: tensor<?x128xi8>, %w: tensor<128x256xi4>, %sa: tensor<f32>, %sw: tensor<4x256xf32>, %za: tensor<i8>, %zw: tensor<4x256xi4>) -> tensor<?x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x128xi8>, tensor<128x256xi4>, tensor<f32>, tensor<4x256xf32>, tensor<i8>, tensor<4x256xi4>) -> tensor<?x256xf32>
  return %y : tensor<?x256xf32>
}

func.func @u8_s4_zarow_zw_g128_n4096(%a: tensor<?x256xi8>, %w: tensor<256x4096xi4>, %sa: tensor<?xf32>, %sw: tensor<2x4096xf32>, %za: tensor<?xi8>, %zw: tensor<2x4096xi4>) -> tensor<?x4096xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 0>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 128>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x256xi8>, tensor<256x4096xi4>, tensor<?xf32>, tensor<2x4096xf32>, tensor<?xi8>, tensor<2x4096xi4>) -> tensor<?x4096xf32>
  return %y : tensor<?x4096xf32>
}

func.func @s8_s4_za_g32_n256(%a: tensor<?x64xi8>, %w: tensor<64x256xi4>, %sa: tensor<f32>, %sw: tensor<2x256xf32>, %za: tensor<i8>) -> tensor<?x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x64xi8>, tensor<64x256xi4>, tensor<f32>, tensor<2x256xf32>, tensor<i8>) -> tensor<?x256xf32>
  return %y : tensor<?x256xf32>
}

func.func @s8_u4_zarow_zw_g64_n128(%a: tensor<?x128xi8>, %w: tensor<128x128xi4>, %sa: tensor<?xf32>, %sw: tensor<2x128xf32>, %za: tensor<?xi8>, %zw: tensor<2x128xi4>) -> tensor<?x128xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 64>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x128xi8>, tensor<128x128xi4>, tensor<?xf32>, tensor<2x128xf32>, tensor<?xi8>, tensor<2x128xi4>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

func.func @s8_u4_za_g32_n128(%a: tensor<?x96xi8>, %w: tensor<96x128xi4>, %sa: tensor<f32>, %sw: tensor<3x128xf32>, %za: tensor<i8>) -> tensor<?x128xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x96xi8>, tensor<96x128xi4>, tensor<f32>, tensor<3x128xf32>, tensor<i8>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

func.func @u8_s4_za_g32_n200(%a: tensor<?x64xi8>, %w: tensor<64x200xi4>, %sa: tensor<f32>, %sw: tensor<2x200xf32>, %za: tensor<i8>) -> tensor<?x200xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x64xi8>, tensor<64x200xi4>, tensor<f32>, tensor<2x200xf32>, tensor<i8>) -> tensor<?x200xf32>
  return %y : tensor<?x200xf32>
}

func.func @u8_s4_zaconst_g32_n256(%a: tensor<?x128xi8>, %w: tensor<128x256xi4>, %sa: tensor<f32>, %sw: tensor<4x256xf32>) -> tensor<?x256xf32> {
  %za = arith.constant dense<-55> : tensor<i8>
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i4, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x128xi8>, tensor<128x256xi4>, tensor<f32>, tensor<4x256xf32>, tensor<i8>) -> tensor<?x256xf32>
  return %y : tensor<?x256xf32>
}

func.func @s8_u4_zaconst_g64_n128(%a: tensor<?x128xi8>, %w: tensor<128x128xi4>, %sa: tensor<1xf32>, %sw: tensor<2x128xf32>) -> tensor<?x128xf32> {
  %za = arith.constant dense<-77> : tensor<i8>
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 64, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x128xi8>, tensor<128x128xi4>, tensor<1xf32>, tensor<2x128xf32>, tensor<i8>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

func.func @u8_u4_zaconst_zw_g32_n256(%a: tensor<?x128xi8>, %w: tensor<128x256xi4>, %sa: tensor<f32>, %sw: tensor<4x256xf32>, %zw: tensor<4x256xi4>) -> tensor<?x256xf32> {
  %za = arith.constant dense<-3> : tensor<i8>
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = ui4, expressed = f32, granularity = per_group, axis = 0, group_size = 32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x128xi8>, tensor<128x256xi4>, tensor<f32>, tensor<4x256xf32>, tensor<i8>, tensor<4x256xi4>) -> tensor<?x256xf32>
  return %y : tensor<?x256xf32>
}
