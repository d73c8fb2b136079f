// The int8 kernel's few-rows path prefetches each of its streams of B
// 256 KiB ahead on Zen 4 and 32 KiB ahead elsewhere (measured on Sapphire
// Rapids; see --quanta-lower-matmul-kernels' stream-prefetch): with rows of
// 256 bytes, 1024 and 128 rows.
// RUN: quanta-compile %s --emit=asm --target=x86_64-linux-gnu --mcpu=znver4 -o /dev/null --mlir-print-ir-after-all 2>&1 | FileCheck %s --check-prefix=ZEN4
// RUN: quanta-compile %s --emit=asm --target=x86_64-linux-gnu --mcpu=sapphirerapids -o /dev/null --mlir-print-ir-after-all 2>&1 | FileCheck %s --check-prefix=SPR

// ZEN4-LABEL: IR Dump After LowerMatmulKernels
// ZEN4:       %[[AHEAD:.*]] = arith.constant 1024 : index
// ZEN4-NEXT:  %[[ROW:.*]] = arith.addi %{{.*}}, %[[AHEAD]] : index
// ZEN4-NEXT:  %[[CLAMPED:.*]] = arith.minui %[[ROW]], %{{.*}} : index
// ZEN4-NEXT:  memref.prefetch %{{.*}}[%[[CLAMPED]], %{{.*}}], read, locality<2>, data
// SPR-LABEL:  IR Dump After LowerMatmulKernels
// SPR:        %[[AHEAD:.*]] = arith.constant 128 : index
// SPR-NEXT:   %[[ROW:.*]] = arith.addi %{{.*}}, %[[AHEAD]] : index
// SPR-NEXT:   %[[CLAMPED:.*]] = arith.minui %[[ROW]], %{{.*}} : index
// SPR-NEXT:   memref.prefetch %{{.*}}[%[[CLAMPED]], %{{.*}}], read, locality<2>, data
func.func @gemv(%a: tensor<1x8192xi8>, %w: tensor<8192x256xi8>, %sa: tensor<f32>, %za: tensor<i8>, %sw: tensor<256xf32>) -> tensor<1x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<1x8192xi8>, tensor<8192x256xi8>, tensor<f32>, tensor<256xf32>, tensor<i8>) -> tensor<1x256xf32>
  return %y : tensor<1x256xf32>
}
