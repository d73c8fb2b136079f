// W8A8 matmuls use the AVX-512 VNNI kernel when the target machine has
// avx512vnni (Zen 4), the AVX-VNNI kernel (VEX-encoded vpdpbusd on ymm
// registers) with avxvnni but no AVX-512 (Alder Lake), the vpmaddwd kernel
// on zmm registers with AVX-512 but no VNNI (x86-64-v4), and the AVX2
// vpmaddwd kernel on ymm registers otherwise (Haswell, or Alder Lake
// without avxvnni).
// RUN: quanta-compile %s --emit=asm --target=x86_64-linux-gnu --mcpu=znver4 -o - | FileCheck %s --check-prefix=VNNI
// RUN: quanta-compile %s --emit=asm --target=x86_64-linux-gnu --mcpu=alderlake -o - | FileCheck %s --check-prefix=AVXVNNI
// RUN: quanta-compile %s --emit=asm --target=x86_64-linux-gnu --mcpu=x86-64-v4 -o - | FileCheck %s --check-prefix=AVX512BW
// RUN: quanta-compile %s --emit=asm --target=x86_64-linux-gnu --mcpu=haswell -o - | FileCheck %s --check-prefix=AVX2
// RUN: quanta-compile %s --emit=asm --target=x86_64-linux-gnu --mcpu=alderlake --mattr=-avxvnni -o - | FileCheck %s --check-prefix=AVX2

// VNNI-LABEL: w8a8:
// VNNI-COUNT-24: vpdpbusd {{.*}}%zmm
// VNNI: .Lfunc_end0:
// AVXVNNI-LABEL: w8a8:
// AVXVNNI-NOT: zmm
// AVXVNNI-COUNT-12: {vex} vpdpbusd {{.*}}%ymm
// AVXVNNI-NOT: zmm
// AVXVNNI: .Lfunc_end0:
// AVX512BW-LABEL: w8a8:
// AVX512BW-NOT: vpdpbusd
// AVX512BW: vpmaddwd {{.*}}%zmm
// AVX512BW: .Lfunc_end0:
// AVX2-LABEL: w8a8:
// AVX2-NOT: vpdpbusd
// AVX2-NOT: zmm
// AVX2: vpmaddwd {{.*}}%ymm
// AVX2-NOT: zmm
// AVX2: .Lfunc_end0:
func.func @w8a8(%a: tensor<?x256xi8>, %w: tensor<256x256xi8>, %sa: tensor<f32>, %za: tensor<i8>, %sw: tensor<256xf32>) -> tensor<?x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x256xi8>, tensor<256x256xi8>, tensor<f32>, tensor<256xf32>, tensor<i8>) -> tensor<?x256xf32>
  return %y : tensor<?x256xf32>
}
