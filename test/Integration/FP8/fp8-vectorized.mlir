// The f32 -> FP8 conversion loops compile to AVX-512 code without calls: the
// --quanta-expand-f8-casts expansion is plain integer arithmetic that LLVM
// vectorizes (zmm registers; 16 codes stored at once with vpmovdb) for Zen 4,
// for quanta.cast (saturating or not) and for arith.truncf in a
// linalg.generic alike. A call to a runtime helper (soft-float conversion,
// memcpy...) or a tail call would show up as `call` / `jmp <symbol>`.
//
// RUN: quanta-compile %s --emit=asm --target=x86_64-unknown-linux-gnu --mcpu=znver4 -o - | FileCheck %s

#id = affine_map<(d0) -> (d0)>

// CHECK-LABEL: {{^}}cast_f32_e4m3fn_sat:
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: {{%zmm[0-9]+}}
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: {{vpmovdb[[:space:]]+%zmm[0-9]+}}
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: .Lfunc_end
func.func @cast_f32_e4m3fn_sat(%x: tensor<?xf32>) -> tensor<?xf8E4M3FN> {
  %y = quanta.cast %x {saturate} : tensor<?xf32> -> tensor<?xf8E4M3FN>
  return %y : tensor<?xf8E4M3FN>
}

// CHECK-LABEL: {{^}}cast_f32_e4m3fn:
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: {{%zmm[0-9]+}}
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: {{vpmovdb[[:space:]]+%zmm[0-9]+}}
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: .Lfunc_end
func.func @cast_f32_e4m3fn(%x: tensor<?xf32>) -> tensor<?xf8E4M3FN> {
  %y = quanta.cast %x : tensor<?xf32> -> tensor<?xf8E4M3FN>
  return %y : tensor<?xf8E4M3FN>
}

// CHECK-LABEL: {{^}}cast_f32_e5m2_sat:
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: {{%zmm[0-9]+}}
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: {{vpmovdb[[:space:]]+%zmm[0-9]+}}
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: .Lfunc_end
func.func @cast_f32_e5m2_sat(%x: tensor<?xf32>) -> tensor<?xf8E5M2> {
  %y = quanta.cast %x {saturate} : tensor<?xf32> -> tensor<?xf8E5M2>
  return %y : tensor<?xf8E5M2>
}

// CHECK-LABEL: {{^}}cast_f32_e5m2:
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: {{%zmm[0-9]+}}
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: {{vpmovdb[[:space:]]+%zmm[0-9]+}}
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: .Lfunc_end
func.func @cast_f32_e5m2(%x: tensor<?xf32>) -> tensor<?xf8E5M2> {
  %y = quanta.cast %x : tensor<?xf32> -> tensor<?xf8E5M2>
  return %y : tensor<?xf8E5M2>
}

// CHECK-LABEL: {{^}}truncf_f32_e4m3fn:
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: {{%zmm[0-9]+}}
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: {{vpmovdb[[:space:]]+%zmm[0-9]+}}
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: .Lfunc_end
func.func @truncf_f32_e4m3fn(%x: tensor<?xf32>) -> tensor<?xf8E4M3FN> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xf32>
  %e = tensor.empty(%n) : tensor<?xf8E4M3FN>
  %y = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<?xf32>) outs(%e : tensor<?xf8E4M3FN>) {
  ^bb0(%a: f32, %b: f8E4M3FN):
    %t = arith.truncf %a : f32 to f8E4M3FN
    linalg.yield %t : f8E4M3FN
  } -> tensor<?xf8E4M3FN>
  return %y : tensor<?xf8E4M3FN>
}

// CHECK-LABEL: {{^}}truncf_f32_e5m2:
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: {{%zmm[0-9]+}}
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: {{vpmovdb[[:space:]]+%zmm[0-9]+}}
// CHECK-NOT: call
// CHECK-NOT: {{jmp[[:space:]]+[A-Za-z_]}}
// CHECK: .Lfunc_end
func.func @truncf_f32_e5m2(%x: tensor<?xf32>) -> tensor<?xf8E5M2> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xf32>
  %e = tensor.empty(%n) : tensor<?xf8E5M2>
  %y = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<?xf32>) outs(%e : tensor<?xf8E5M2>) {
  ^bb0(%a: f32, %b: f8E5M2):
    %t = arith.truncf %a : f32 to f8E5M2
    linalg.yield %t : f8E5M2
  } -> tensor<?xf8E5M2>
  return %y : tensor<?xf8E5M2>
}
