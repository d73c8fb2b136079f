// The integer matmuls frontends emit (linalg.quantized_matmul, i8
// linalg.matmul, tosa.matmul) become quanta.matmul_integer in --quanta-import
// and use the AVX-512 VNNI kernel on Zen 4.
// RUN: quanta-compile %s --emit=asm --target=x86_64-linux-gnu --mcpu=znver4 -o - | FileCheck %s

// CHECK-LABEL: quantized_matmul:
// CHECK: vpdpbusd {{.*}}%zmm
// CHECK-LABEL: matmul_u8:
// CHECK: vpdpbusd {{.*}}%zmm
// CHECK-LABEL: tosa_matmul:
// CHECK: vpdpbusd {{.*}}%zmm
func.func @quantized_matmul(%a: tensor<?x256xi8>, %b: tensor<256x256xi8>) -> tensor<?x256xi32> {
  %c0 = arith.constant 0 : index
  %m = tensor.dim %a, %c0 : tensor<?x256xi8>
  %zero = arith.constant 0 : i32
  %za = arith.constant 5 : i32
  %zb = arith.constant -3 : i32
  %e = tensor.empty(%m) : tensor<?x256xi32>
  %z = linalg.fill ins(%zero : i32) outs(%e : tensor<?x256xi32>) -> tensor<?x256xi32>
  %y = linalg.quantized_matmul ins(%a, %b, %za, %zb : tensor<?x256xi8>, tensor<256x256xi8>, i32, i32) outs(%z : tensor<?x256xi32>) -> tensor<?x256xi32>
  return %y : tensor<?x256xi32>
}
func.func @matmul_u8(%a: tensor<64x128xi8>, %b: tensor<128x64xi8>) -> tensor<64x64xi32> {
  %zero = arith.constant 0 : i32
  %e = tensor.empty() : tensor<64x64xi32>
  %z = linalg.fill ins(%zero : i32) outs(%e : tensor<64x64xi32>) -> tensor<64x64xi32>
  %y = linalg.matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%a, %b : tensor<64x128xi8>, tensor<128x64xi8>) outs(%z : tensor<64x64xi32>) -> tensor<64x64xi32>
  return %y : tensor<64x64xi32>
}
// b is constant weights (a run-time b of batch 1 shared by the batches of a
// is reshaped into the core by elementwise fusion and takes the loops).
func.func @tosa_matmul(%a: tensor<4x?x8xi8>) -> tensor<4x?x16xi32> {
  %b = "tosa.const"() <{values = dense<[[[-60,-96,2,-68,125,102,113,66,-21,-80,121,-114,71,93,-127,100],[8,-11,-76,34,-113,-117,-115,-124,67,-18,88,-114,-15,96,125,-9],[48,-10,-16,107,20,-117,85,-77,-33,23,-67,42,88,-31,27,17],[127,73,-111,117,-4,78,84,-40,59,63,-84,96,-73,-45,73,61],[122,-113,112,-106,29,73,-41,-42,-12,-122,-26,-10,79,48,52,107],[9,-126,68,-62,-23,90,-100,118,58,-26,83,120,54,84,49,-128],[41,106,-114,-11,-38,-36,-82,2,-112,-92,-86,-120,103,-121,15,-1],[9,-72,-34,48,20,-93,-43,-47,2,-42,11,22,104,36,126,114]]]> : tensor<1x8x16xi8>}> : () -> tensor<1x8x16xi8>
  %za = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %zb = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %y = tosa.matmul %a, %b, %za, %zb : (tensor<4x?x8xi8>, tensor<1x8x16xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<4x?x16xi32>
  return %y : tensor<4x?x16xi32>
}
