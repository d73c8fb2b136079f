// RUN: quanta-compile %s --emit=asm --target=x86_64-linux-gnu --mcpu=znver4 -o - | FileCheck %s --check-prefix=AVX512
// RUN: quanta-compile %s --emit=asm --target=x86_64-linux-gnu --mcpu=haswell -o - | FileCheck %s --check-prefix=AVX2

// The per-tensor int8 quantize of a dynamic vector compiles to a vectorized
// loop on the target's widest registers: 16 lanes of zmm on Zen 4 (AVX-512:
// vrndscaleps rounds half to even, masked by the not-NaN compare; vpmovdb
// narrows i32 -> i8 in one instruction), 8 lanes of ymm on Haswell (AVX2 only:
// vroundps, no zmm at all). The scalar rounding never becomes a libm call.

// AVX512-LABEL: quantize_i8:
// AVX512-NOT:     call
// AVX512:         vmovups ({{.*}}), %zmm[[V:[0-9]+]]
// AVX512-NEXT:    vdivps %zmm{{[0-9]+}}, %zmm[[V]], %zmm[[V]]
// AVX512-NEXT:    vcmpordps %zmm{{[0-9]+}}, %zmm[[V]], %k[[NOTNAN:[0-9]]]
// AVX512-NEXT:    vrndscaleps $8, %zmm[[V]], %zmm[[V]] {%k[[NOTNAN]]} {z}
// AVX512-NEXT:    vaddps %zmm{{[0-9]+}}, %zmm[[V]], %zmm[[V]]
// AVX512-NEXT:    vmaxps %zmm[[V]], %zmm{{[0-9]+}}, %zmm[[V]]
// AVX512-NEXT:    vminps %zmm[[V]], %zmm{{[0-9]+}}, %zmm[[V]]
// AVX512-NEXT:    vcvttps2dq %zmm[[V]], %zmm[[V]]
// AVX512-NEXT:    vpmovdb %zmm[[V]], ({{.*}})
// AVX512-NOT:     call
// AVX512:       .Lfunc_end0:

// AVX2-LABEL: quantize_i8:
// AVX2-NOT:     zmm
// AVX2-NOT:     call
// AVX2:         vmovups ({{.*}}), %ymm[[V:[0-9]+]]
// AVX2-NEXT:    vdivps %ymm{{[0-9]+}}, %ymm[[V]], %ymm[[V]]
// AVX2-NEXT:    vroundps $8, %ymm[[V]], %ymm{{[0-9]+}}
// AVX2:         vmaxps {{.*}}%ymm
// AVX2:         vminps {{.*}}%ymm
// AVX2:         vcvttps2dq %ymm{{[0-9]+}}, %ymm{{[0-9]+}}
// AVX2-NOT:     zmm
// AVX2-NOT:     call
// AVX2:       .Lfunc_end0:
func.func @quantize_i8(%x: tensor<?xf32>, %s: tensor<f32>, %z: tensor<i8>) -> tensor<?xi8> {
  %q = quanta.quantize %x, %s, %z {scheme = #quanta.scheme<storage = i8, expressed = f32>}
      : (tensor<?xf32>, tensor<f32>, tensor<i8>) -> tensor<?xi8>
  return %q : tensor<?xi8>
}
