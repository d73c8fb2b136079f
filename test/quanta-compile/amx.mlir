// On a target with AMX (amx-int8 and amx-bf16: Sapphire Rapids), the int8
// and bf16 matmul kernels compute their blocks of 32 x 32 in AMX tiles
// (tdpbusd, tdpbf16ps), with the tile configuration LLVM derives from the
// tiles' shapes; the object's constructor, in .init_array, asks Linux for
// the tiles' state. Without amx-int8 and amx-bf16, no tile instruction.
// RUN: quanta-compile %s --emit=asm --target=x86_64-linux-gnu --mcpu=sapphirerapids -o - | FileCheck %s --check-prefix=AMX
// RUN: quanta-compile %s --emit=asm --target=x86_64-linux-gnu --mcpu=sapphirerapids --mattr=-amx-int8,-amx-bf16 -o - | FileCheck %s --check-prefix=NOAMX
// RUN: quanta-compile %s --emit=asm --target=x86_64-linux-gnu --mcpu=znver4 -o - | FileCheck %s --check-prefix=NOAMX
// At -O0 the kernels use vector registers: LLVM's -O0 instruction selection
// crashes on the tile intrinsics.
// RUN: quanta-compile %s --emit=asm -O0 --target=x86_64-linux-gnu --mcpu=sapphirerapids -o - | FileCheck %s --check-prefix=NOAMX

// AMX-LABEL: w8a8:
// AMX:       ldtilecfg
// AMX:       tileloadd
// AMX:       tdpbusd %tmm{{[0-9]}}, %tmm{{[0-9]}}, %tmm{{[0-9]}}
// AMX:       tilestored
// AMX:       vpdpbusd {{.*}}%zmm
// AMX:       tilerelease
// AMX-LABEL: bf16:
// AMX:       tdpbf16ps %tmm{{[0-9]}}, %tmm{{[0-9]}}, %tmm{{[0-9]}}
// AMX:       vdpbf16ps {{.*}}%zmm
// AMX-LABEL: quanta_request_amx:
// AMX:       movl $158, %edi
// AMX:       movl $4131, %esi
// AMX:       movl $18, %edx
// AMX:       callq syscall@PLT
// AMX:       sete quanta_amx_permitted(%rip)
// AMX:       .section .init_array
// AMX-NEXT:  .p2align 3
// AMX-NEXT:  .quad quanta_request_amx
// NOAMX-NOT: tdp
// NOAMX-NOT: quanta_request_amx
// NOAMX:     vpdpbusd
// NOAMX-NOT: tdp
// NOAMX-NOT: quanta_request_amx
func.func @w8a8(%a: tensor<?x256xi8>, %w: tensor<256x256xi8>, %sa: tensor<f32>, %za: tensor<i8>, %sw: tensor<256xf32>) -> tensor<?x256xf32> {
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation i32>}
      : (tensor<?x256xi8>, tensor<256x256xi8>, tensor<f32>, tensor<256xf32>, tensor<i8>) -> tensor<?x256xf32>
  return %y : tensor<?x256xf32>
}

func.func @bf16(%a: tensor<?x128xbf16>, %b: tensor<128x64xbf16>) -> tensor<?x64xf32> {
  %c0 = arith.constant 0 : index
  %m = tensor.dim %a, %c0 : tensor<?x128xbf16>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty(%m) : tensor<?x64xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<?x64xf32>) -> tensor<?x64xf32>
  %c = linalg.matmul ins(%a, %b : tensor<?x128xbf16>, tensor<128x64xbf16>) outs(%init : tensor<?x64xf32>) -> tensor<?x64xf32>
  return %c : tensor<?x64xf32>
}
