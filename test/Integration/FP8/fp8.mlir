// Execution test of FP8 conversions compiled by quanta-compile (the
// --quanta-expand-f8-casts lowering), compared bit for bit by fp8-harness.cpp:
//  (a) quanta.cast f32 -> f8E4M3FN / f8E5M2, saturating and not, on every
//      probe of test/data/oracles/fp8/encode_f8E4M3FN.tsv and
//      encode_f8E5M2.tsv (LLVM APFloat; the non-saturating results are also
//      compared with the table itself), every rounding midpoint between
//      consecutive FP8 values and its f32 neighbours, f32 subnormals, NaN
//      payloads, infinities and a few million random f32 bit patterns,
//      against quanta::ref::encodeFloat;
//  (b) all 256 codes of each format decoded by quanta.cast to f32, f16 and
//      bf16, against quanta::ref::decodeFloat / castFloat (and the f32 values
//      against the APFloat decode tables);
//  (c) the same conversions written as plain arith.truncf / arith.extf in a
//      linalg.generic on tensors (IR from another tool), which must give
//      arith's non-saturating semantics;
//  (d) f16 -> f8 and bf16 -> f8 for all 65536 input codes, saturating and not
//      (quanta.cast) and through arith.truncf, against castFloat;
//  and quanta.cast with a scale (TransformerEngine's convert(x * scale)).
//
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/fp8-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s

// Every group, in order (FileCheck fails if one is skipped or mismatches):
// CHECK: fp8 oracle encode_f8E4M3FN.tsv quanta.cast f32->f8E4M3FN: 1027 cases, 0 mismatches
// CHECK-NEXT: fp8 oracle encode_f8E4M3FN.tsv arith.truncf f32->f8E4M3FN: 1027 cases, 0 mismatches
// CHECK-NEXT: fp8 oracle encode_f8E5M2.tsv quanta.cast f32->f8E5M2: 1003 cases, 0 mismatches
// CHECK-NEXT: fp8 oracle encode_f8E5M2.tsv arith.truncf f32->f8E5M2: 1003 cases, 0 mismatches
// CHECK-NEXT: fp8 oracle decode_f8E4M3FN.tsv quanta.cast f8E4M3FN->f32: 256 cases, 0 mismatches
// CHECK-NEXT: fp8 oracle decode_f8E4M3FN.tsv arith.extf f8E4M3FN->f32: 256 cases, 0 mismatches
// CHECK-NEXT: fp8 oracle decode_f8E5M2.tsv quanta.cast f8E5M2->f32: 256 cases, 0 mismatches
// CHECK-NEXT: fp8 oracle decode_f8E5M2.tsv arith.extf f8E5M2->f32: 256 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f32->f8E4M3FN saturate (structured): 48084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f32->f8E4M3FN saturate (random): 4503600 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f32->f8E4M3FN (structured): 48084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f32->f8E4M3FN (random): 4503600 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f32->f8E5M2 saturate (structured): 48084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f32->f8E5M2 saturate (random): 4503600 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f32->f8E5M2 (structured): 48084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f32->f8E5M2 (random): 4503600 cases, 0 mismatches
// CHECK-NEXT: fp8 arith.truncf f32->f8E4M3FN (structured): 48084 cases, 0 mismatches
// CHECK-NEXT: fp8 arith.truncf f32->f8E4M3FN (random): 4503600 cases, 0 mismatches
// CHECK-NEXT: fp8 arith.truncf f32->f8E5M2 (structured): 48084 cases, 0 mismatches
// CHECK-NEXT: fp8 arith.truncf f32->f8E5M2 (random): 4503600 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast scale f32->f8E4M3FN saturate (scale 0x1p-1): 548084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast scale f32->f8E4M3FN saturate (scale 0x1.8p+1): 548084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast scale f32->f8E4M3FN saturate (scale 0x1.c0ebeep-7): 548084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast scale f32->f8E4M3FN saturate (scale 0x1.078788p+8): 548084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast scale f32->f8E4M3FN (scale 0x1p-1): 548084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast scale f32->f8E4M3FN (scale 0x1.8p+1): 548084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast scale f32->f8E4M3FN (scale 0x1.c0ebeep-7): 548084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast scale f32->f8E4M3FN (scale 0x1.078788p+8): 548084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast scale f32->f8E5M2 saturate (scale 0x1p-1): 548084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast scale f32->f8E5M2 saturate (scale 0x1.8p+1): 548084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast scale f32->f8E5M2 saturate (scale 0x1.c0ebeep-7): 548084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast scale f32->f8E5M2 saturate (scale 0x1.078788p+8): 548084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast scale f32->f8E5M2 (scale 0x1p-1): 548084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast scale f32->f8E5M2 (scale 0x1.8p+1): 548084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast scale f32->f8E5M2 (scale 0x1.c0ebeep-7): 548084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast scale f32->f8E5M2 (scale 0x1.078788p+8): 548084 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f8E4M3FN->f32: 256 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f8E5M2->f32: 256 cases, 0 mismatches
// CHECK-NEXT: fp8 arith.extf f8E4M3FN->f32: 256 cases, 0 mismatches
// CHECK-NEXT: fp8 arith.extf f8E5M2->f32: 256 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f8E4M3FN->f16: 256 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f8E4M3FN->bf16: 256 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f8E5M2->f16: 256 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f8E5M2->bf16: 256 cases, 0 mismatches
// CHECK-NEXT: fp8 arith.extf f8E4M3FN->f16: 256 cases, 0 mismatches
// CHECK-NEXT: fp8 arith.extf f8E4M3FN->bf16: 256 cases, 0 mismatches
// CHECK-NEXT: fp8 arith.extf f8E5M2->f16: 256 cases, 0 mismatches
// CHECK-NEXT: fp8 arith.extf f8E5M2->bf16: 256 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f16->f8E4M3FN saturate: 65536 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f16->f8E4M3FN: 65536 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f16->f8E5M2 saturate: 65536 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast f16->f8E5M2: 65536 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast bf16->f8E4M3FN saturate: 65536 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast bf16->f8E4M3FN: 65536 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast bf16->f8E5M2 saturate: 65536 cases, 0 mismatches
// CHECK-NEXT: fp8 quanta.cast bf16->f8E5M2: 65536 cases, 0 mismatches
// CHECK-NEXT: fp8 arith.truncf f16->f8E4M3FN: 65536 cases, 0 mismatches
// CHECK-NEXT: fp8 arith.truncf f16->f8E5M2: 65536 cases, 0 mismatches
// CHECK-NEXT: fp8 arith.truncf bf16->f8E4M3FN: 65536 cases, 0 mismatches
// CHECK-NEXT: fp8 arith.truncf bf16->f8E5M2: 65536 cases, 0 mismatches
// CHECK-NEXT: fp8 ALL PASSED

#id = affine_map<(d0) -> (d0)>

//===----------------------------------------------------------------------===//
// quanta.cast
//===----------------------------------------------------------------------===//

func.func @cast_f32_e4m3fn_sat(%x: tensor<?xf32>) -> tensor<?xf8E4M3FN> {
  %y = quanta.cast %x {saturate} : tensor<?xf32> -> tensor<?xf8E4M3FN>
  return %y : tensor<?xf8E4M3FN>
}

func.func @cast_f32_e4m3fn(%x: tensor<?xf32>) -> tensor<?xf8E4M3FN> {
  %y = quanta.cast %x : tensor<?xf32> -> tensor<?xf8E4M3FN>
  return %y : tensor<?xf8E4M3FN>
}

func.func @cast_f32_e5m2_sat(%x: tensor<?xf32>) -> tensor<?xf8E5M2> {
  %y = quanta.cast %x {saturate} : tensor<?xf32> -> tensor<?xf8E5M2>
  return %y : tensor<?xf8E5M2>
}

func.func @cast_f32_e5m2(%x: tensor<?xf32>) -> tensor<?xf8E5M2> {
  %y = quanta.cast %x : tensor<?xf32> -> tensor<?xf8E5M2>
  return %y : tensor<?xf8E5M2>
}

func.func @cast_f16_e4m3fn_sat(%x: tensor<?xf16>) -> tensor<?xf8E4M3FN> {
  %y = quanta.cast %x {saturate} : tensor<?xf16> -> tensor<?xf8E4M3FN>
  return %y : tensor<?xf8E4M3FN>
}

func.func @cast_f16_e4m3fn(%x: tensor<?xf16>) -> tensor<?xf8E4M3FN> {
  %y = quanta.cast %x : tensor<?xf16> -> tensor<?xf8E4M3FN>
  return %y : tensor<?xf8E4M3FN>
}

func.func @cast_f16_e5m2_sat(%x: tensor<?xf16>) -> tensor<?xf8E5M2> {
  %y = quanta.cast %x {saturate} : tensor<?xf16> -> tensor<?xf8E5M2>
  return %y : tensor<?xf8E5M2>
}

func.func @cast_f16_e5m2(%x: tensor<?xf16>) -> tensor<?xf8E5M2> {
  %y = quanta.cast %x : tensor<?xf16> -> tensor<?xf8E5M2>
  return %y : tensor<?xf8E5M2>
}

func.func @cast_bf16_e4m3fn_sat(%x: tensor<?xbf16>) -> tensor<?xf8E4M3FN> {
  %y = quanta.cast %x {saturate} : tensor<?xbf16> -> tensor<?xf8E4M3FN>
  return %y : tensor<?xf8E4M3FN>
}

func.func @cast_bf16_e4m3fn(%x: tensor<?xbf16>) -> tensor<?xf8E4M3FN> {
  %y = quanta.cast %x : tensor<?xbf16> -> tensor<?xf8E4M3FN>
  return %y : tensor<?xf8E4M3FN>
}

func.func @cast_bf16_e5m2_sat(%x: tensor<?xbf16>) -> tensor<?xf8E5M2> {
  %y = quanta.cast %x {saturate} : tensor<?xbf16> -> tensor<?xf8E5M2>
  return %y : tensor<?xf8E5M2>
}

func.func @cast_bf16_e5m2(%x: tensor<?xbf16>) -> tensor<?xf8E5M2> {
  %y = quanta.cast %x : tensor<?xbf16> -> tensor<?xf8E5M2>
  return %y : tensor<?xf8E5M2>
}

func.func @cast_f32_e4m3fn_sat_scaled(%x: tensor<?xf32>, %s: tensor<f32>) -> tensor<?xf8E4M3FN> {
  %y = quanta.cast %x scale %s {saturate} : tensor<?xf32>, tensor<f32> -> tensor<?xf8E4M3FN>
  return %y : tensor<?xf8E4M3FN>
}

func.func @cast_f32_e4m3fn_scaled(%x: tensor<?xf32>, %s: tensor<f32>) -> tensor<?xf8E4M3FN> {
  %y = quanta.cast %x scale %s : tensor<?xf32>, tensor<f32> -> tensor<?xf8E4M3FN>
  return %y : tensor<?xf8E4M3FN>
}

func.func @cast_f32_e5m2_sat_scaled(%x: tensor<?xf32>, %s: tensor<f32>) -> tensor<?xf8E5M2> {
  %y = quanta.cast %x scale %s {saturate} : tensor<?xf32>, tensor<f32> -> tensor<?xf8E5M2>
  return %y : tensor<?xf8E5M2>
}

func.func @cast_f32_e5m2_scaled(%x: tensor<?xf32>, %s: tensor<f32>) -> tensor<?xf8E5M2> {
  %y = quanta.cast %x scale %s : tensor<?xf32>, tensor<f32> -> tensor<?xf8E5M2>
  return %y : tensor<?xf8E5M2>
}

func.func @cast_e4m3fn_f32(%x: tensor<?xf8E4M3FN>) -> tensor<?xf32> {
  %y = quanta.cast %x : tensor<?xf8E4M3FN> -> tensor<?xf32>
  return %y : tensor<?xf32>
}

func.func @cast_e4m3fn_f16(%x: tensor<?xf8E4M3FN>) -> tensor<?xf16> {
  %y = quanta.cast %x : tensor<?xf8E4M3FN> -> tensor<?xf16>
  return %y : tensor<?xf16>
}

func.func @cast_e4m3fn_bf16(%x: tensor<?xf8E4M3FN>) -> tensor<?xbf16> {
  %y = quanta.cast %x : tensor<?xf8E4M3FN> -> tensor<?xbf16>
  return %y : tensor<?xbf16>
}

func.func @cast_e5m2_f32(%x: tensor<?xf8E5M2>) -> tensor<?xf32> {
  %y = quanta.cast %x : tensor<?xf8E5M2> -> tensor<?xf32>
  return %y : tensor<?xf32>
}

func.func @cast_e5m2_f16(%x: tensor<?xf8E5M2>) -> tensor<?xf16> {
  %y = quanta.cast %x : tensor<?xf8E5M2> -> tensor<?xf16>
  return %y : tensor<?xf16>
}

func.func @cast_e5m2_bf16(%x: tensor<?xf8E5M2>) -> tensor<?xbf16> {
  %y = quanta.cast %x : tensor<?xf8E5M2> -> tensor<?xbf16>
  return %y : tensor<?xbf16>
}

//===----------------------------------------------------------------------===//
// arith.truncf / arith.extf in linalg.generic
//===----------------------------------------------------------------------===//

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

func.func @truncf_f16_e4m3fn(%x: tensor<?xf16>) -> tensor<?xf8E4M3FN> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xf16>
  %e = tensor.empty(%n) : tensor<?xf8E4M3FN>
  %y = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<?xf16>) outs(%e : tensor<?xf8E4M3FN>) {
  ^bb0(%a: f16, %b: f8E4M3FN):
    %t = arith.truncf %a : f16 to f8E4M3FN
    linalg.yield %t : f8E4M3FN
  } -> tensor<?xf8E4M3FN>
  return %y : tensor<?xf8E4M3FN>
}

func.func @truncf_f16_e5m2(%x: tensor<?xf16>) -> tensor<?xf8E5M2> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xf16>
  %e = tensor.empty(%n) : tensor<?xf8E5M2>
  %y = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<?xf16>) outs(%e : tensor<?xf8E5M2>) {
  ^bb0(%a: f16, %b: f8E5M2):
    %t = arith.truncf %a : f16 to f8E5M2
    linalg.yield %t : f8E5M2
  } -> tensor<?xf8E5M2>
  return %y : tensor<?xf8E5M2>
}

func.func @truncf_bf16_e4m3fn(%x: tensor<?xbf16>) -> tensor<?xf8E4M3FN> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xbf16>
  %e = tensor.empty(%n) : tensor<?xf8E4M3FN>
  %y = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<?xbf16>) outs(%e : tensor<?xf8E4M3FN>) {
  ^bb0(%a: bf16, %b: f8E4M3FN):
    %t = arith.truncf %a : bf16 to f8E4M3FN
    linalg.yield %t : f8E4M3FN
  } -> tensor<?xf8E4M3FN>
  return %y : tensor<?xf8E4M3FN>
}

func.func @truncf_bf16_e5m2(%x: tensor<?xbf16>) -> tensor<?xf8E5M2> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xbf16>
  %e = tensor.empty(%n) : tensor<?xf8E5M2>
  %y = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<?xbf16>) outs(%e : tensor<?xf8E5M2>) {
  ^bb0(%a: bf16, %b: f8E5M2):
    %t = arith.truncf %a : bf16 to f8E5M2
    linalg.yield %t : f8E5M2
  } -> tensor<?xf8E5M2>
  return %y : tensor<?xf8E5M2>
}

func.func @extf_e4m3fn_f32(%x: tensor<?xf8E4M3FN>) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xf8E4M3FN>
  %e = tensor.empty(%n) : tensor<?xf32>
  %y = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<?xf8E4M3FN>) outs(%e : tensor<?xf32>) {
  ^bb0(%a: f8E4M3FN, %b: f32):
    %t = arith.extf %a : f8E4M3FN to f32
    linalg.yield %t : f32
  } -> tensor<?xf32>
  return %y : tensor<?xf32>
}

func.func @extf_e4m3fn_f16(%x: tensor<?xf8E4M3FN>) -> tensor<?xf16> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xf8E4M3FN>
  %e = tensor.empty(%n) : tensor<?xf16>
  %y = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<?xf8E4M3FN>) outs(%e : tensor<?xf16>) {
  ^bb0(%a: f8E4M3FN, %b: f16):
    %t = arith.extf %a : f8E4M3FN to f16
    linalg.yield %t : f16
  } -> tensor<?xf16>
  return %y : tensor<?xf16>
}

func.func @extf_e4m3fn_bf16(%x: tensor<?xf8E4M3FN>) -> tensor<?xbf16> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xf8E4M3FN>
  %e = tensor.empty(%n) : tensor<?xbf16>
  %y = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<?xf8E4M3FN>) outs(%e : tensor<?xbf16>) {
  ^bb0(%a: f8E4M3FN, %b: bf16):
    %t = arith.extf %a : f8E4M3FN to bf16
    linalg.yield %t : bf16
  } -> tensor<?xbf16>
  return %y : tensor<?xbf16>
}

func.func @extf_e5m2_f32(%x: tensor<?xf8E5M2>) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xf8E5M2>
  %e = tensor.empty(%n) : tensor<?xf32>
  %y = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<?xf8E5M2>) outs(%e : tensor<?xf32>) {
  ^bb0(%a: f8E5M2, %b: f32):
    %t = arith.extf %a : f8E5M2 to f32
    linalg.yield %t : f32
  } -> tensor<?xf32>
  return %y : tensor<?xf32>
}

func.func @extf_e5m2_f16(%x: tensor<?xf8E5M2>) -> tensor<?xf16> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xf8E5M2>
  %e = tensor.empty(%n) : tensor<?xf16>
  %y = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<?xf8E5M2>) outs(%e : tensor<?xf16>) {
  ^bb0(%a: f8E5M2, %b: f16):
    %t = arith.extf %a : f8E5M2 to f16
    linalg.yield %t : f16
  } -> tensor<?xf16>
  return %y : tensor<?xf16>
}

func.func @extf_e5m2_bf16(%x: tensor<?xf8E5M2>) -> tensor<?xbf16> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xf8E5M2>
  %e = tensor.empty(%n) : tensor<?xbf16>
  %y = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<?xf8E5M2>) outs(%e : tensor<?xbf16>) {
  ^bb0(%a: f8E5M2, %b: bf16):
    %t = arith.extf %a : f8E5M2 to bf16
    linalg.yield %t : bf16
  } -> tensor<?xbf16>
  return %y : tensor<?xbf16>
}
