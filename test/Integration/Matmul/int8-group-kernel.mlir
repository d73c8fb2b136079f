// W8A8 matmuls with int8 weights per group along K (llama.cpp's Q8_0
// form): the K-blocked i32 core and the per-group scaling that
// --convert-quanta-to-linalg gives take --quanta-lower-matmul-kernels'
// kernels: with amx-int8, 16 rows or more and no weight zero point the
// AMX kernel (the gathered weight bytes in AMX tiles; groups of
// 32 or a multiple of 64), otherwise the VNNI kernel (B swept once per
// block of up to 4 rows, the sums in registers; weights used as w xor 128
// where both operands have the same signedness; with an activation zero
// point the weights' column sums too, with a weight zero point zb * the
// rows' sums; groups a multiple of 4); the per-group scaling fused. Weight
// zero points keep AMX off (w - zb would not fit its s8 operands); the
// columns past the last whole block of 128 run as loops (N = 200: 72). i8/ui8 activations (per row, or per tensor
// with a zero point) x i8/ui8 weights. Compared bit for bit with
// ref::matmul; int8-group-vnni.mlir runs them without AMX.
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/int8-group-kernel-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s
// RUN: quanta-compile %s --mcpu=sapphirerapids --emit=asm -o - | FileCheck %s --check-prefix=AMX
// AMX-LABEL: {{^}}s8_s8_g32_n256:
// AMX: vpxorq
// AMX: vpdpbusd
// AMX: tdpbssd
// AMX-LABEL: {{^}}u8za_s8_g64_n256:
// AMX: tdpbusd
// AMX-LABEL: {{^}}s8_u8_g32_n128:
// AMX: tdpbsud
// AMX-LABEL: {{^}}u8za_u8_g32_n128:
// AMX: tdpbuud
// AMX-LABEL: {{^}}s8_s8_g32_n200:
// AMX: tdpbssd
// AMX-LABEL: {{^}}s8_s8_g16_n128:
// AMX-NOT: tdpb
// AMX-LABEL: {{^}}s8_s8zw_g32_n128:
// AMX-NOT: tdpb
// AMX: vpdpbusd
// AMX-NOT: tdpb
// AMX: .size s8_s8zw_g32_n128,
// CHECK: s8_s8_g32_n256: 11 row counts, 0 mismatches
// CHECK: s8_s8_g128_n384: 11 row counts, 0 mismatches
// CHECK: u8za_s8_g64_n256: 11 row counts, 0 mismatches
// CHECK: s8_u8_g32_n128: 11 row counts, 0 mismatches
// CHECK: u8za_u8_g32_n128: 11 row counts, 0 mismatches
// CHECK: s8_s8_g32_n200: 11 row counts, 0 mismatches
// CHECK: s8_s8_g16_n128: 11 row counts, 0 mismatches
// CHECK: s8_s8zw_g32_n128: 11 row counts, 0 mismatches
// CHECK: u8_s8_g64_n256: 11 row counts, 0 mismatches
// CHECK: u8_u8_g32_n128: 11 row counts, 0 mismatches
// CHECK: u8za_u8zw_g32_n128: 11 row counts, 0 mismatches

func.func @s8_s8_g32_n256(%a: tensor<?x256xi8>, %w: tensor<256x256xi8>, %sa: tensor<?xf32>, %sw: tensor<8x256xf32>) -> tensor<?x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x256xi8>, tensor<256x256xi8>, tensor<?xf32>, tensor<8x256xf32>) -> tensor<?x256xf32>
  return %y : tensor<?x256xf32>
}

func.func @s8_s8_g128_n384(%a: tensor<?x256xi8>, %w: tensor<256x384xi8>, %sa: tensor<?xf32>, %sw: tensor<2x384xf32>) -> tensor<?x384xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 128, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x256xi8>, tensor<256x384xi8>, tensor<?xf32>, tensor<2x384xf32>) -> tensor<?x384xf32>
  return %y : tensor<?x384xf32>
}

func.func @u8za_s8_g64_n256(%a: tensor<?x128xi8>, %w: tensor<128x256xi8>, %sa: tensor<f32>, %sw: tensor<2x256xf32>, %za: tensor<i8>) -> tensor<?x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 64, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x128xi8>, tensor<128x256xi8>, tensor<f32>, tensor<2x256xf32>, tensor<i8>) -> tensor<?x256xf32>
  return %y : tensor<?x256xf32>
}

func.func @s8_u8_g32_n128(%a: tensor<?x96xi8>, %w: tensor<96x128xi8>, %sa: tensor<?xf32>, %sw: tensor<3x128xf32>) -> tensor<?x128xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x96xi8>, tensor<96x128xi8>, tensor<?xf32>, tensor<3x128xf32>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

func.func @u8za_u8_g32_n128(%a: tensor<?x64xi8>, %w: tensor<64x128xi8>, %sa: tensor<f32>, %sw: tensor<2x128xf32>, %za: tensor<i8>) -> tensor<?x128xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x64xi8>, tensor<64x128xi8>, tensor<f32>, tensor<2x128xf32>, tensor<i8>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

func.func @s8_s8_g32_n200(%a: tensor<?x64xi8>, %w: tensor<64x200xi8>, %sa: tensor<?xf32>, %sw: tensor<2x200xf32>) -> tensor<?x200xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x64xi8>, tensor<64x200xi8>, tensor<?xf32>, tensor<2x200xf32>) -> tensor<?x200xf32>
  return %y : tensor<?x200xf32>
}

func.func @s8_s8_g16_n128(%a: tensor<?x64xi8>, %w: tensor<64x128xi8>, %sa: tensor<?xf32>, %sw: tensor<4x128xf32>) -> tensor<?x128xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 16, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x64xi8>, tensor<64x128xi8>, tensor<?xf32>, tensor<4x128xf32>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

func.func @s8_s8zw_g32_n128(%a: tensor<?x64xi8>, %w: tensor<64x128xi8>, %sa: tensor<?xf32>, %sw: tensor<2x128xf32>, %zw: tensor<2x128xi8>) -> tensor<?x128xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x64xi8>, tensor<64x128xi8>, tensor<?xf32>, tensor<2x128xf32>, tensor<2x128xi8>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

func.func @u8_s8_g64_n256(%a: tensor<?x128xi8>, %w: tensor<128x256xi8>, %sa: tensor<?xf32>, %sw: tensor<2x256xf32>) -> tensor<?x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_group, axis = 0, group_size = 64, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x128xi8>, tensor<128x256xi8>, tensor<?xf32>, tensor<2x256xf32>) -> tensor<?x256xf32>
  return %y : tensor<?x256xf32>
}

func.func @u8_u8_g32_n128(%a: tensor<?x96xi8>, %w: tensor<96x128xi8>, %sa: tensor<?xf32>, %sw: tensor<3x128xf32>) -> tensor<?x128xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>,
       rhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_group, axis = 0, group_size = 32, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x96xi8>, tensor<96x128xi8>, tensor<?xf32>, tensor<3x128xf32>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

func.func @u8za_u8zw_g32_n128(%a: tensor<?x64xi8>, %w: tensor<64x128xi8>, %sa: tensor<f32>, %sw: tensor<2x128xf32>, %za: tensor<i8>, %zw: tensor<2x128xi8>) -> tensor<?x128xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za) rhs_zp(%zw)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, granularity = per_group, axis = 0, group_size = 32>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x64xi8>, tensor<64x128xi8>, tensor<f32>, tensor<2x128xf32>, tensor<i8>, tensor<2x128xi8>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}
