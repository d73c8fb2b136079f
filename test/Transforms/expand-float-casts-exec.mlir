// Execution test of -quanta-expand-float-casts: every FP8 code decoded, every
// oracle probe encoded, on vector<16x...> operands, compiled with the standard
// upstream lowering and run with mlir-runner.
//
// quanta-opt does not register the vector dialect, so vector.print is written
// in generic form and parsed with -allow-unregistered-dialect; mlir-opt, which
// knows it, does the rest of the lowering.
//
// RUN: quanta-opt %s -allow-unregistered-dialect -quanta-expand-float-casts \
// RUN: | mlir-opt -convert-vector-to-scf -convert-scf-to-cf \
// RUN:     -convert-vector-to-llvm -convert-arith-to-llvm -convert-cf-to-llvm \
// RUN:     -convert-func-to-llvm -reconcile-unrealized-casts -o %t.mlir
// RUN: mlir-runner %t.mlir -e main -entry-point-result=void \
// RUN:     -shared-libs=/usr/lib/llvm-22/lib/libmlir_c_runner_utils.so,/usr/lib/llvm-22/lib/libmlir_runner_utils.so \
// RUN: | FileCheck %s
//
// Again at -O0, so that LLVM cannot inline the kernels into main and fold the
// constant inputs: the vector instructions themselves run.
// RUN: mlir-runner %t.mlir -O0 -e main -entry-point-result=void \
// RUN:     -shared-libs=/usr/lib/llvm-22/lib/libmlir_c_runner_utils.so,/usr/lib/llvm-22/lib/libmlir_runner_utils.so \
// RUN: | FileCheck %s
//
// With via-f16, the extf to f32 on these vectors goes through f16 (the
// E4M3FN value times 2^-8, an f16 -> f32 extf, times 2^8); every code of
// both formats must decode to the same bits (the rest is unchanged). Run at
// -O0 too, so that the vector instructions themselves run.
// RUN: quanta-opt %s -allow-unregistered-dialect \
// RUN:     -quanta-expand-float-casts=via-f16=true \
// RUN: | mlir-opt -convert-vector-to-scf -convert-scf-to-cf \
// RUN:     -convert-vector-to-llvm -convert-arith-to-llvm -convert-cf-to-llvm \
// RUN:     -convert-func-to-llvm -reconcile-unrealized-casts -o %t.f16.mlir
// RUN: mlir-runner %t.f16.mlir -e main -entry-point-result=void \
// RUN:     -shared-libs=/usr/lib/llvm-22/lib/libmlir_c_runner_utils.so,/usr/lib/llvm-22/lib/libmlir_runner_utils.so \
// RUN: | FileCheck %s
// RUN: mlir-runner %t.f16.mlir -O0 -e main -entry-point-result=void \
// RUN:     -shared-libs=/usr/lib/llvm-22/lib/libmlir_c_runner_utils.so,/usr/lib/llvm-22/lib/libmlir_runner_utils.so \
// RUN: | FileCheck %s
//
// Provenance (generated once by a script from the oracle tables; the values
// are printed as unsigned integers: FP8 codes, f32/f16/bf16 bit patterns):
//  - extf: expected f32 bits from test/data/oracles/fp8/decode_f8*.tsv (LLVM 22
//    APFloat); NaN codes decode to the quiet NaN 0x7FC00000 with the code's
//    sign, as quanta::ref::decodeFloat does (the table only says "nan"); the
//    f16/bf16 results are those values, exactly, and NaN -> 0x7E00 / 0x7FC0.
//  - truncf f32 (oracle): inputs and expected codes from
//    test/data/oracles/fp8/encode_f8*.tsv (in_f32_bits, out_code_rne; LLVM 22
//    APFloat, non-saturating); quanta::ref::encodeFloat(x, fmt, false) gives
//    the same code on every row.
//  - truncf f32 (extra), f16, bf16: expected codes from
//    quanta::ref::encodeFloat(x, fmt, false) (lib/Reference/Formats.cpp) of
//    the exactly widened f32 value. f16/bf16 probes: every rounding midpoint
//    between consecutive FP8 values (and the overflow midpoint), its two
//    neighbours in the source format, both signs, plus zeros, infinities,
//    NaNs, max, min subnormal and min normal.
//  - Chunks are padded with 0 inputs (code / bits 0).

func.func @truncf_f32_E4M3FN(%bits: vector<16xi32>) {
  %x = arith.bitcast %bits : vector<16xi32> to vector<16xf32>
  %y = arith.truncf %x : vector<16xf32> to vector<16xf8E4M3FN>
  %c = arith.bitcast %y : vector<16xf8E4M3FN> to vector<16xi8>
  %p = arith.extui %c : vector<16xi8> to vector<16xi32>
  "vector.print"(%p) : (vector<16xi32>) -> ()
  return
}

func.func @truncf_f16_E4M3FN(%bits: vector<16xi16>) {
  %x = arith.bitcast %bits : vector<16xi16> to vector<16xf16>
  %y = arith.truncf %x : vector<16xf16> to vector<16xf8E4M3FN>
  %c = arith.bitcast %y : vector<16xf8E4M3FN> to vector<16xi8>
  %p = arith.extui %c : vector<16xi8> to vector<16xi32>
  "vector.print"(%p) : (vector<16xi32>) -> ()
  return
}

func.func @truncf_bf16_E4M3FN(%bits: vector<16xi16>) {
  %x = arith.bitcast %bits : vector<16xi16> to vector<16xbf16>
  %y = arith.truncf %x : vector<16xbf16> to vector<16xf8E4M3FN>
  %c = arith.bitcast %y : vector<16xf8E4M3FN> to vector<16xi8>
  %p = arith.extui %c : vector<16xi8> to vector<16xi32>
  "vector.print"(%p) : (vector<16xi32>) -> ()
  return
}

func.func @extf_E4M3FN_f32(%codes: vector<16xi8>) {
  %x = arith.bitcast %codes : vector<16xi8> to vector<16xf8E4M3FN>
  %y = arith.extf %x : vector<16xf8E4M3FN> to vector<16xf32>
  %b = arith.bitcast %y : vector<16xf32> to vector<16xi32>
  %p = arith.extui %b : vector<16xi32> to vector<16xi64>
  "vector.print"(%p) : (vector<16xi64>) -> ()
  return
}

func.func @extf_E4M3FN_f16(%codes: vector<16xi8>) {
  %x = arith.bitcast %codes : vector<16xi8> to vector<16xf8E4M3FN>
  %y = arith.extf %x : vector<16xf8E4M3FN> to vector<16xf16>
  %b = arith.bitcast %y : vector<16xf16> to vector<16xi16>
  %p = arith.extui %b : vector<16xi16> to vector<16xi32>
  "vector.print"(%p) : (vector<16xi32>) -> ()
  return
}

func.func @extf_E4M3FN_bf16(%codes: vector<16xi8>) {
  %x = arith.bitcast %codes : vector<16xi8> to vector<16xf8E4M3FN>
  %y = arith.extf %x : vector<16xf8E4M3FN> to vector<16xbf16>
  %b = arith.bitcast %y : vector<16xbf16> to vector<16xi16>
  %p = arith.extui %b : vector<16xi16> to vector<16xi32>
  "vector.print"(%p) : (vector<16xi32>) -> ()
  return
}

func.func @truncf_f32_E5M2(%bits: vector<16xi32>) {
  %x = arith.bitcast %bits : vector<16xi32> to vector<16xf32>
  %y = arith.truncf %x : vector<16xf32> to vector<16xf8E5M2>
  %c = arith.bitcast %y : vector<16xf8E5M2> to vector<16xi8>
  %p = arith.extui %c : vector<16xi8> to vector<16xi32>
  "vector.print"(%p) : (vector<16xi32>) -> ()
  return
}

func.func @truncf_f16_E5M2(%bits: vector<16xi16>) {
  %x = arith.bitcast %bits : vector<16xi16> to vector<16xf16>
  %y = arith.truncf %x : vector<16xf16> to vector<16xf8E5M2>
  %c = arith.bitcast %y : vector<16xf8E5M2> to vector<16xi8>
  %p = arith.extui %c : vector<16xi8> to vector<16xi32>
  "vector.print"(%p) : (vector<16xi32>) -> ()
  return
}

func.func @truncf_bf16_E5M2(%bits: vector<16xi16>) {
  %x = arith.bitcast %bits : vector<16xi16> to vector<16xbf16>
  %y = arith.truncf %x : vector<16xbf16> to vector<16xf8E5M2>
  %c = arith.bitcast %y : vector<16xf8E5M2> to vector<16xi8>
  %p = arith.extui %c : vector<16xi8> to vector<16xi32>
  "vector.print"(%p) : (vector<16xi32>) -> ()
  return
}

func.func @extf_E5M2_f32(%codes: vector<16xi8>) {
  %x = arith.bitcast %codes : vector<16xi8> to vector<16xf8E5M2>
  %y = arith.extf %x : vector<16xf8E5M2> to vector<16xf32>
  %b = arith.bitcast %y : vector<16xf32> to vector<16xi32>
  %p = arith.extui %b : vector<16xi32> to vector<16xi64>
  "vector.print"(%p) : (vector<16xi64>) -> ()
  return
}

func.func @extf_E5M2_f16(%codes: vector<16xi8>) {
  %x = arith.bitcast %codes : vector<16xi8> to vector<16xf8E5M2>
  %y = arith.extf %x : vector<16xf8E5M2> to vector<16xf16>
  %b = arith.bitcast %y : vector<16xf16> to vector<16xi16>
  %p = arith.extui %b : vector<16xi16> to vector<16xi32>
  "vector.print"(%p) : (vector<16xi32>) -> ()
  return
}

func.func @extf_E5M2_bf16(%codes: vector<16xi8>) {
  %x = arith.bitcast %codes : vector<16xi8> to vector<16xf8E5M2>
  %y = arith.extf %x : vector<16xf8E5M2> to vector<16xbf16>
  %b = arith.bitcast %y : vector<16xbf16> to vector<16xi16>
  %p = arith.extui %b : vector<16xi16> to vector<16xi32>
  "vector.print"(%p) : (vector<16xi32>) -> ()
  return
}

func.func @main() {
  "vector.print"() <{stringLiteral = "extf f8E4M3FN -> f32\0A"}> : () -> ()
  %v0 = arith.constant dense<[0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F]> : vector<16xi8>
  func.call @extf_E4M3FN_f32(%v0) : (vector<16xi8>) -> ()
  %v1 = arith.constant dense<[0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]> : vector<16xi8>
  func.call @extf_E4M3FN_f32(%v1) : (vector<16xi8>) -> ()
  %v2 = arith.constant dense<[0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F]> : vector<16xi8>
  func.call @extf_E4M3FN_f32(%v2) : (vector<16xi8>) -> ()
  %v3 = arith.constant dense<[0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F]> : vector<16xi8>
  func.call @extf_E4M3FN_f32(%v3) : (vector<16xi8>) -> ()
  %v4 = arith.constant dense<[0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F]> : vector<16xi8>
  func.call @extf_E4M3FN_f32(%v4) : (vector<16xi8>) -> ()
  %v5 = arith.constant dense<[0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F]> : vector<16xi8>
  func.call @extf_E4M3FN_f32(%v5) : (vector<16xi8>) -> ()
  %v6 = arith.constant dense<[0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F]> : vector<16xi8>
  func.call @extf_E4M3FN_f32(%v6) : (vector<16xi8>) -> ()
  %v7 = arith.constant dense<[0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F]> : vector<16xi8>
  func.call @extf_E4M3FN_f32(%v7) : (vector<16xi8>) -> ()
  %v8 = arith.constant dense<[0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F]> : vector<16xi8>
  func.call @extf_E4M3FN_f32(%v8) : (vector<16xi8>) -> ()
  %v9 = arith.constant dense<[0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F]> : vector<16xi8>
  func.call @extf_E4M3FN_f32(%v9) : (vector<16xi8>) -> ()
  %v10 = arith.constant dense<[0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF]> : vector<16xi8>
  func.call @extf_E4M3FN_f32(%v10) : (vector<16xi8>) -> ()
  %v11 = arith.constant dense<[0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF]> : vector<16xi8>
  func.call @extf_E4M3FN_f32(%v11) : (vector<16xi8>) -> ()
  %v12 = arith.constant dense<[0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF]> : vector<16xi8>
  func.call @extf_E4M3FN_f32(%v12) : (vector<16xi8>) -> ()
  %v13 = arith.constant dense<[0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF]> : vector<16xi8>
  func.call @extf_E4M3FN_f32(%v13) : (vector<16xi8>) -> ()
  %v14 = arith.constant dense<[0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF]> : vector<16xi8>
  func.call @extf_E4M3FN_f32(%v14) : (vector<16xi8>) -> ()
  %v15 = arith.constant dense<[0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF]> : vector<16xi8>
  func.call @extf_E4M3FN_f32(%v15) : (vector<16xi8>) -> ()
  "vector.print"() <{stringLiteral = "extf f8E4M3FN -> f16\0A"}> : () -> ()
  %v16 = arith.constant dense<[0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F]> : vector<16xi8>
  func.call @extf_E4M3FN_f16(%v16) : (vector<16xi8>) -> ()
  %v17 = arith.constant dense<[0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]> : vector<16xi8>
  func.call @extf_E4M3FN_f16(%v17) : (vector<16xi8>) -> ()
  %v18 = arith.constant dense<[0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F]> : vector<16xi8>
  func.call @extf_E4M3FN_f16(%v18) : (vector<16xi8>) -> ()
  %v19 = arith.constant dense<[0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F]> : vector<16xi8>
  func.call @extf_E4M3FN_f16(%v19) : (vector<16xi8>) -> ()
  %v20 = arith.constant dense<[0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F]> : vector<16xi8>
  func.call @extf_E4M3FN_f16(%v20) : (vector<16xi8>) -> ()
  %v21 = arith.constant dense<[0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F]> : vector<16xi8>
  func.call @extf_E4M3FN_f16(%v21) : (vector<16xi8>) -> ()
  %v22 = arith.constant dense<[0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F]> : vector<16xi8>
  func.call @extf_E4M3FN_f16(%v22) : (vector<16xi8>) -> ()
  %v23 = arith.constant dense<[0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F]> : vector<16xi8>
  func.call @extf_E4M3FN_f16(%v23) : (vector<16xi8>) -> ()
  %v24 = arith.constant dense<[0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F]> : vector<16xi8>
  func.call @extf_E4M3FN_f16(%v24) : (vector<16xi8>) -> ()
  %v25 = arith.constant dense<[0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F]> : vector<16xi8>
  func.call @extf_E4M3FN_f16(%v25) : (vector<16xi8>) -> ()
  %v26 = arith.constant dense<[0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF]> : vector<16xi8>
  func.call @extf_E4M3FN_f16(%v26) : (vector<16xi8>) -> ()
  %v27 = arith.constant dense<[0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF]> : vector<16xi8>
  func.call @extf_E4M3FN_f16(%v27) : (vector<16xi8>) -> ()
  %v28 = arith.constant dense<[0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF]> : vector<16xi8>
  func.call @extf_E4M3FN_f16(%v28) : (vector<16xi8>) -> ()
  %v29 = arith.constant dense<[0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF]> : vector<16xi8>
  func.call @extf_E4M3FN_f16(%v29) : (vector<16xi8>) -> ()
  %v30 = arith.constant dense<[0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF]> : vector<16xi8>
  func.call @extf_E4M3FN_f16(%v30) : (vector<16xi8>) -> ()
  %v31 = arith.constant dense<[0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF]> : vector<16xi8>
  func.call @extf_E4M3FN_f16(%v31) : (vector<16xi8>) -> ()
  "vector.print"() <{stringLiteral = "extf f8E4M3FN -> bf16\0A"}> : () -> ()
  %v32 = arith.constant dense<[0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F]> : vector<16xi8>
  func.call @extf_E4M3FN_bf16(%v32) : (vector<16xi8>) -> ()
  %v33 = arith.constant dense<[0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]> : vector<16xi8>
  func.call @extf_E4M3FN_bf16(%v33) : (vector<16xi8>) -> ()
  %v34 = arith.constant dense<[0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F]> : vector<16xi8>
  func.call @extf_E4M3FN_bf16(%v34) : (vector<16xi8>) -> ()
  %v35 = arith.constant dense<[0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F]> : vector<16xi8>
  func.call @extf_E4M3FN_bf16(%v35) : (vector<16xi8>) -> ()
  %v36 = arith.constant dense<[0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F]> : vector<16xi8>
  func.call @extf_E4M3FN_bf16(%v36) : (vector<16xi8>) -> ()
  %v37 = arith.constant dense<[0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F]> : vector<16xi8>
  func.call @extf_E4M3FN_bf16(%v37) : (vector<16xi8>) -> ()
  %v38 = arith.constant dense<[0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F]> : vector<16xi8>
  func.call @extf_E4M3FN_bf16(%v38) : (vector<16xi8>) -> ()
  %v39 = arith.constant dense<[0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F]> : vector<16xi8>
  func.call @extf_E4M3FN_bf16(%v39) : (vector<16xi8>) -> ()
  %v40 = arith.constant dense<[0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F]> : vector<16xi8>
  func.call @extf_E4M3FN_bf16(%v40) : (vector<16xi8>) -> ()
  %v41 = arith.constant dense<[0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F]> : vector<16xi8>
  func.call @extf_E4M3FN_bf16(%v41) : (vector<16xi8>) -> ()
  %v42 = arith.constant dense<[0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF]> : vector<16xi8>
  func.call @extf_E4M3FN_bf16(%v42) : (vector<16xi8>) -> ()
  %v43 = arith.constant dense<[0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF]> : vector<16xi8>
  func.call @extf_E4M3FN_bf16(%v43) : (vector<16xi8>) -> ()
  %v44 = arith.constant dense<[0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF]> : vector<16xi8>
  func.call @extf_E4M3FN_bf16(%v44) : (vector<16xi8>) -> ()
  %v45 = arith.constant dense<[0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF]> : vector<16xi8>
  func.call @extf_E4M3FN_bf16(%v45) : (vector<16xi8>) -> ()
  %v46 = arith.constant dense<[0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF]> : vector<16xi8>
  func.call @extf_E4M3FN_bf16(%v46) : (vector<16xi8>) -> ()
  %v47 = arith.constant dense<[0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF]> : vector<16xi8>
  func.call @extf_E4M3FN_bf16(%v47) : (vector<16xi8>) -> ()
  "vector.print"() <{stringLiteral = "extf f8E5M2 -> f32\0A"}> : () -> ()
  %v48 = arith.constant dense<[0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F]> : vector<16xi8>
  func.call @extf_E5M2_f32(%v48) : (vector<16xi8>) -> ()
  %v49 = arith.constant dense<[0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]> : vector<16xi8>
  func.call @extf_E5M2_f32(%v49) : (vector<16xi8>) -> ()
  %v50 = arith.constant dense<[0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F]> : vector<16xi8>
  func.call @extf_E5M2_f32(%v50) : (vector<16xi8>) -> ()
  %v51 = arith.constant dense<[0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F]> : vector<16xi8>
  func.call @extf_E5M2_f32(%v51) : (vector<16xi8>) -> ()
  %v52 = arith.constant dense<[0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F]> : vector<16xi8>
  func.call @extf_E5M2_f32(%v52) : (vector<16xi8>) -> ()
  %v53 = arith.constant dense<[0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F]> : vector<16xi8>
  func.call @extf_E5M2_f32(%v53) : (vector<16xi8>) -> ()
  %v54 = arith.constant dense<[0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F]> : vector<16xi8>
  func.call @extf_E5M2_f32(%v54) : (vector<16xi8>) -> ()
  %v55 = arith.constant dense<[0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F]> : vector<16xi8>
  func.call @extf_E5M2_f32(%v55) : (vector<16xi8>) -> ()
  %v56 = arith.constant dense<[0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F]> : vector<16xi8>
  func.call @extf_E5M2_f32(%v56) : (vector<16xi8>) -> ()
  %v57 = arith.constant dense<[0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F]> : vector<16xi8>
  func.call @extf_E5M2_f32(%v57) : (vector<16xi8>) -> ()
  %v58 = arith.constant dense<[0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF]> : vector<16xi8>
  func.call @extf_E5M2_f32(%v58) : (vector<16xi8>) -> ()
  %v59 = arith.constant dense<[0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF]> : vector<16xi8>
  func.call @extf_E5M2_f32(%v59) : (vector<16xi8>) -> ()
  %v60 = arith.constant dense<[0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF]> : vector<16xi8>
  func.call @extf_E5M2_f32(%v60) : (vector<16xi8>) -> ()
  %v61 = arith.constant dense<[0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF]> : vector<16xi8>
  func.call @extf_E5M2_f32(%v61) : (vector<16xi8>) -> ()
  %v62 = arith.constant dense<[0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF]> : vector<16xi8>
  func.call @extf_E5M2_f32(%v62) : (vector<16xi8>) -> ()
  %v63 = arith.constant dense<[0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF]> : vector<16xi8>
  func.call @extf_E5M2_f32(%v63) : (vector<16xi8>) -> ()
  "vector.print"() <{stringLiteral = "extf f8E5M2 -> f16\0A"}> : () -> ()
  %v64 = arith.constant dense<[0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F]> : vector<16xi8>
  func.call @extf_E5M2_f16(%v64) : (vector<16xi8>) -> ()
  %v65 = arith.constant dense<[0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]> : vector<16xi8>
  func.call @extf_E5M2_f16(%v65) : (vector<16xi8>) -> ()
  %v66 = arith.constant dense<[0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F]> : vector<16xi8>
  func.call @extf_E5M2_f16(%v66) : (vector<16xi8>) -> ()
  %v67 = arith.constant dense<[0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F]> : vector<16xi8>
  func.call @extf_E5M2_f16(%v67) : (vector<16xi8>) -> ()
  %v68 = arith.constant dense<[0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F]> : vector<16xi8>
  func.call @extf_E5M2_f16(%v68) : (vector<16xi8>) -> ()
  %v69 = arith.constant dense<[0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F]> : vector<16xi8>
  func.call @extf_E5M2_f16(%v69) : (vector<16xi8>) -> ()
  %v70 = arith.constant dense<[0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F]> : vector<16xi8>
  func.call @extf_E5M2_f16(%v70) : (vector<16xi8>) -> ()
  %v71 = arith.constant dense<[0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F]> : vector<16xi8>
  func.call @extf_E5M2_f16(%v71) : (vector<16xi8>) -> ()
  %v72 = arith.constant dense<[0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F]> : vector<16xi8>
  func.call @extf_E5M2_f16(%v72) : (vector<16xi8>) -> ()
  %v73 = arith.constant dense<[0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F]> : vector<16xi8>
  func.call @extf_E5M2_f16(%v73) : (vector<16xi8>) -> ()
  %v74 = arith.constant dense<[0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF]> : vector<16xi8>
  func.call @extf_E5M2_f16(%v74) : (vector<16xi8>) -> ()
  %v75 = arith.constant dense<[0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF]> : vector<16xi8>
  func.call @extf_E5M2_f16(%v75) : (vector<16xi8>) -> ()
  %v76 = arith.constant dense<[0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF]> : vector<16xi8>
  func.call @extf_E5M2_f16(%v76) : (vector<16xi8>) -> ()
  %v77 = arith.constant dense<[0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF]> : vector<16xi8>
  func.call @extf_E5M2_f16(%v77) : (vector<16xi8>) -> ()
  %v78 = arith.constant dense<[0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF]> : vector<16xi8>
  func.call @extf_E5M2_f16(%v78) : (vector<16xi8>) -> ()
  %v79 = arith.constant dense<[0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF]> : vector<16xi8>
  func.call @extf_E5M2_f16(%v79) : (vector<16xi8>) -> ()
  "vector.print"() <{stringLiteral = "extf f8E5M2 -> bf16\0A"}> : () -> ()
  %v80 = arith.constant dense<[0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F]> : vector<16xi8>
  func.call @extf_E5M2_bf16(%v80) : (vector<16xi8>) -> ()
  %v81 = arith.constant dense<[0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]> : vector<16xi8>
  func.call @extf_E5M2_bf16(%v81) : (vector<16xi8>) -> ()
  %v82 = arith.constant dense<[0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F]> : vector<16xi8>
  func.call @extf_E5M2_bf16(%v82) : (vector<16xi8>) -> ()
  %v83 = arith.constant dense<[0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F]> : vector<16xi8>
  func.call @extf_E5M2_bf16(%v83) : (vector<16xi8>) -> ()
  %v84 = arith.constant dense<[0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F]> : vector<16xi8>
  func.call @extf_E5M2_bf16(%v84) : (vector<16xi8>) -> ()
  %v85 = arith.constant dense<[0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F]> : vector<16xi8>
  func.call @extf_E5M2_bf16(%v85) : (vector<16xi8>) -> ()
  %v86 = arith.constant dense<[0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F]> : vector<16xi8>
  func.call @extf_E5M2_bf16(%v86) : (vector<16xi8>) -> ()
  %v87 = arith.constant dense<[0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F]> : vector<16xi8>
  func.call @extf_E5M2_bf16(%v87) : (vector<16xi8>) -> ()
  %v88 = arith.constant dense<[0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F]> : vector<16xi8>
  func.call @extf_E5M2_bf16(%v88) : (vector<16xi8>) -> ()
  %v89 = arith.constant dense<[0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F]> : vector<16xi8>
  func.call @extf_E5M2_bf16(%v89) : (vector<16xi8>) -> ()
  %v90 = arith.constant dense<[0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF]> : vector<16xi8>
  func.call @extf_E5M2_bf16(%v90) : (vector<16xi8>) -> ()
  %v91 = arith.constant dense<[0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF]> : vector<16xi8>
  func.call @extf_E5M2_bf16(%v91) : (vector<16xi8>) -> ()
  %v92 = arith.constant dense<[0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF]> : vector<16xi8>
  func.call @extf_E5M2_bf16(%v92) : (vector<16xi8>) -> ()
  %v93 = arith.constant dense<[0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF]> : vector<16xi8>
  func.call @extf_E5M2_bf16(%v93) : (vector<16xi8>) -> ()
  %v94 = arith.constant dense<[0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF]> : vector<16xi8>
  func.call @extf_E5M2_bf16(%v94) : (vector<16xi8>) -> ()
  %v95 = arith.constant dense<[0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF]> : vector<16xi8>
  func.call @extf_E5M2_bf16(%v95) : (vector<16xi8>) -> ()
  "vector.print"() <{stringLiteral = "truncf f32 -> f8E4M3FN (oracle)\0A"}> : () -> ()
  %v96 = arith.constant dense<[0xC3E00000, 0xC3D00000, 0xC3C00000, 0xC3B00000, 0xC3A00000, 0xC3900000, 0xC3800000, 0xC3700000, 0xC3600000, 0xC3500000, 0xC3400000, 0xC3300000, 0xC3200000, 0xC3100000, 0xC3000000, 0xC2F00000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v96) : (vector<16xi32>) -> ()
  %v97 = arith.constant dense<[0xC2E00000, 0xC2D00000, 0xC2C00000, 0xC2B00000, 0xC2A00000, 0xC2900000, 0xC2800000, 0xC2700000, 0xC2600000, 0xC2500000, 0xC2400000, 0xC2300000, 0xC2200000, 0xC2100000, 0xC2000000, 0xC1F00000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v97) : (vector<16xi32>) -> ()
  %v98 = arith.constant dense<[0xC1E00000, 0xC1D00000, 0xC1C00000, 0xC1B00000, 0xC1A00000, 0xC1900000, 0xC1800000, 0xC1700000, 0xC1600000, 0xC1500000, 0xC1400000, 0xC1300000, 0xC1200000, 0xC1100000, 0xC1000000, 0xC0F00000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v98) : (vector<16xi32>) -> ()
  %v99 = arith.constant dense<[0xC0E00000, 0xC0D00000, 0xC0C00000, 0xC0B00000, 0xC0A00000, 0xC0900000, 0xC0800000, 0xC0700000, 0xC0600000, 0xC0500000, 0xC0400000, 0xC0300000, 0xC0200000, 0xC0100000, 0xC0000000, 0xBFF00000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v99) : (vector<16xi32>) -> ()
  %v100 = arith.constant dense<[0xBFE00000, 0xBFD00000, 0xBFC00000, 0xBFB00000, 0xBFA00000, 0xBF900000, 0xBF800000, 0xBF700000, 0xBF600000, 0xBF500000, 0xBF400000, 0xBF300000, 0xBF200000, 0xBF100000, 0xBF000000, 0xBEF00000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v100) : (vector<16xi32>) -> ()
  %v101 = arith.constant dense<[0xBEE00000, 0xBED00000, 0xBEC00000, 0xBEB00000, 0xBEA00000, 0xBE900000, 0xBE800000, 0xBE700000, 0xBE600000, 0xBE500000, 0xBE400000, 0xBE300000, 0xBE200000, 0xBE100000, 0xBE000000, 0xBDF00000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v101) : (vector<16xi32>) -> ()
  %v102 = arith.constant dense<[0xBDE00000, 0xBDD00000, 0xBDC00000, 0xBDB00000, 0xBDA00000, 0xBD900000, 0xBD800000, 0xBD700000, 0xBD600000, 0xBD500000, 0xBD400000, 0xBD300000, 0xBD200000, 0xBD100000, 0xBD000000, 0xBCF00000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v102) : (vector<16xi32>) -> ()
  %v103 = arith.constant dense<[0xBCE00000, 0xBCD00000, 0xBCC00000, 0xBCB00000, 0xBCA00000, 0xBC900000, 0xBC800000, 0xBC600000, 0xBC400000, 0xBC200000, 0xBC000000, 0xBBC00000, 0xBB800000, 0xBB000000, 0x00000000, 0x3B000000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v103) : (vector<16xi32>) -> ()
  %v104 = arith.constant dense<[0x3B800000, 0x3BC00000, 0x3C000000, 0x3C200000, 0x3C400000, 0x3C600000, 0x3C800000, 0x3C900000, 0x3CA00000, 0x3CB00000, 0x3CC00000, 0x3CD00000, 0x3CE00000, 0x3CF00000, 0x3D000000, 0x3D100000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v104) : (vector<16xi32>) -> ()
  %v105 = arith.constant dense<[0x3D200000, 0x3D300000, 0x3D400000, 0x3D500000, 0x3D600000, 0x3D700000, 0x3D800000, 0x3D900000, 0x3DA00000, 0x3DB00000, 0x3DC00000, 0x3DD00000, 0x3DE00000, 0x3DF00000, 0x3E000000, 0x3E100000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v105) : (vector<16xi32>) -> ()
  %v106 = arith.constant dense<[0x3E200000, 0x3E300000, 0x3E400000, 0x3E500000, 0x3E600000, 0x3E700000, 0x3E800000, 0x3E900000, 0x3EA00000, 0x3EB00000, 0x3EC00000, 0x3ED00000, 0x3EE00000, 0x3EF00000, 0x3F000000, 0x3F100000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v106) : (vector<16xi32>) -> ()
  %v107 = arith.constant dense<[0x3F200000, 0x3F300000, 0x3F400000, 0x3F500000, 0x3F600000, 0x3F700000, 0x3F800000, 0x3F900000, 0x3FA00000, 0x3FB00000, 0x3FC00000, 0x3FD00000, 0x3FE00000, 0x3FF00000, 0x40000000, 0x40100000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v107) : (vector<16xi32>) -> ()
  %v108 = arith.constant dense<[0x40200000, 0x40300000, 0x40400000, 0x40500000, 0x40600000, 0x40700000, 0x40800000, 0x40900000, 0x40A00000, 0x40B00000, 0x40C00000, 0x40D00000, 0x40E00000, 0x40F00000, 0x41000000, 0x41100000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v108) : (vector<16xi32>) -> ()
  %v109 = arith.constant dense<[0x41200000, 0x41300000, 0x41400000, 0x41500000, 0x41600000, 0x41700000, 0x41800000, 0x41900000, 0x41A00000, 0x41B00000, 0x41C00000, 0x41D00000, 0x41E00000, 0x41F00000, 0x42000000, 0x42100000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v109) : (vector<16xi32>) -> ()
  %v110 = arith.constant dense<[0x42200000, 0x42300000, 0x42400000, 0x42500000, 0x42600000, 0x42700000, 0x42800000, 0x42900000, 0x42A00000, 0x42B00000, 0x42C00000, 0x42D00000, 0x42E00000, 0x42F00000, 0x43000000, 0x43100000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v110) : (vector<16xi32>) -> ()
  %v111 = arith.constant dense<[0x43200000, 0x43300000, 0x43400000, 0x43500000, 0x43600000, 0x43700000, 0x43800000, 0x43900000, 0x43A00000, 0x43B00000, 0x43C00000, 0x43D00000, 0x43E00000, 0xC3D80000, 0xC3D7FFFF, 0xC3D80001]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v111) : (vector<16xi32>) -> ()
  %v112 = arith.constant dense<[0xC3C80000, 0xC3C7FFFF, 0xC3C80001, 0xC3B80000, 0xC3B7FFFF, 0xC3B80001, 0xC3A80000, 0xC3A7FFFF, 0xC3A80001, 0xC3980000, 0xC397FFFF, 0xC3980001, 0xC3880000, 0xC387FFFF, 0xC3880001, 0xC3780000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v112) : (vector<16xi32>) -> ()
  %v113 = arith.constant dense<[0xC377FFFF, 0xC3780001, 0xC3680000, 0xC367FFFF, 0xC3680001, 0xC3580000, 0xC357FFFF, 0xC3580001, 0xC3480000, 0xC347FFFF, 0xC3480001, 0xC3380000, 0xC337FFFF, 0xC3380001, 0xC3280000, 0xC327FFFF]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v113) : (vector<16xi32>) -> ()
  %v114 = arith.constant dense<[0xC3280001, 0xC3180000, 0xC317FFFF, 0xC3180001, 0xC3080000, 0xC307FFFF, 0xC3080001, 0xC2F80000, 0xC2F7FFFF, 0xC2F80001, 0xC2E80000, 0xC2E7FFFF, 0xC2E80001, 0xC2D80000, 0xC2D7FFFF, 0xC2D80001]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v114) : (vector<16xi32>) -> ()
  %v115 = arith.constant dense<[0xC2C80000, 0xC2C7FFFF, 0xC2C80001, 0xC2B80000, 0xC2B7FFFF, 0xC2B80001, 0xC2A80000, 0xC2A7FFFF, 0xC2A80001, 0xC2980000, 0xC297FFFF, 0xC2980001, 0xC2880000, 0xC287FFFF, 0xC2880001, 0xC2780000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v115) : (vector<16xi32>) -> ()
  %v116 = arith.constant dense<[0xC277FFFF, 0xC2780001, 0xC2680000, 0xC267FFFF, 0xC2680001, 0xC2580000, 0xC257FFFF, 0xC2580001, 0xC2480000, 0xC247FFFF, 0xC2480001, 0xC2380000, 0xC237FFFF, 0xC2380001, 0xC2280000, 0xC227FFFF]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v116) : (vector<16xi32>) -> ()
  %v117 = arith.constant dense<[0xC2280001, 0xC2180000, 0xC217FFFF, 0xC2180001, 0xC2080000, 0xC207FFFF, 0xC2080001, 0xC1F80000, 0xC1F7FFFF, 0xC1F80001, 0xC1E80000, 0xC1E7FFFF, 0xC1E80001, 0xC1D80000, 0xC1D7FFFF, 0xC1D80001]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v117) : (vector<16xi32>) -> ()
  %v118 = arith.constant dense<[0xC1C80000, 0xC1C7FFFF, 0xC1C80001, 0xC1B80000, 0xC1B7FFFF, 0xC1B80001, 0xC1A80000, 0xC1A7FFFF, 0xC1A80001, 0xC1980000, 0xC197FFFF, 0xC1980001, 0xC1880000, 0xC187FFFF, 0xC1880001, 0xC1780000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v118) : (vector<16xi32>) -> ()
  %v119 = arith.constant dense<[0xC177FFFF, 0xC1780001, 0xC1680000, 0xC167FFFF, 0xC1680001, 0xC1580000, 0xC157FFFF, 0xC1580001, 0xC1480000, 0xC147FFFF, 0xC1480001, 0xC1380000, 0xC137FFFF, 0xC1380001, 0xC1280000, 0xC127FFFF]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v119) : (vector<16xi32>) -> ()
  %v120 = arith.constant dense<[0xC1280001, 0xC1180000, 0xC117FFFF, 0xC1180001, 0xC1080000, 0xC107FFFF, 0xC1080001, 0xC0F80000, 0xC0F7FFFF, 0xC0F80001, 0xC0E80000, 0xC0E7FFFF, 0xC0E80001, 0xC0D80000, 0xC0D7FFFF, 0xC0D80001]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v120) : (vector<16xi32>) -> ()
  %v121 = arith.constant dense<[0xC0C80000, 0xC0C7FFFF, 0xC0C80001, 0xC0B80000, 0xC0B7FFFF, 0xC0B80001, 0xC0A80000, 0xC0A7FFFF, 0xC0A80001, 0xC0980000, 0xC097FFFF, 0xC0980001, 0xC0880000, 0xC087FFFF, 0xC0880001, 0xC0780000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v121) : (vector<16xi32>) -> ()
  %v122 = arith.constant dense<[0xC077FFFF, 0xC0780001, 0xC0680000, 0xC067FFFF, 0xC0680001, 0xC0580000, 0xC057FFFF, 0xC0580001, 0xC0480000, 0xC047FFFF, 0xC0480001, 0xC0380000, 0xC037FFFF, 0xC0380001, 0xC0280000, 0xC027FFFF]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v122) : (vector<16xi32>) -> ()
  %v123 = arith.constant dense<[0xC0280001, 0xC0180000, 0xC017FFFF, 0xC0180001, 0xC0080000, 0xC007FFFF, 0xC0080001, 0xBFF80000, 0xBFF7FFFF, 0xBFF80001, 0xBFE80000, 0xBFE7FFFF, 0xBFE80001, 0xBFD80000, 0xBFD7FFFF, 0xBFD80001]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v123) : (vector<16xi32>) -> ()
  %v124 = arith.constant dense<[0xBFC80000, 0xBFC7FFFF, 0xBFC80001, 0xBFB80000, 0xBFB7FFFF, 0xBFB80001, 0xBFA80000, 0xBFA7FFFF, 0xBFA80001, 0xBF980000, 0xBF97FFFF, 0xBF980001, 0xBF880000, 0xBF87FFFF, 0xBF880001, 0xBF780000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v124) : (vector<16xi32>) -> ()
  %v125 = arith.constant dense<[0xBF77FFFF, 0xBF780001, 0xBF680000, 0xBF67FFFF, 0xBF680001, 0xBF580000, 0xBF57FFFF, 0xBF580001, 0xBF480000, 0xBF47FFFF, 0xBF480001, 0xBF380000, 0xBF37FFFF, 0xBF380001, 0xBF280000, 0xBF27FFFF]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v125) : (vector<16xi32>) -> ()
  %v126 = arith.constant dense<[0xBF280001, 0xBF180000, 0xBF17FFFF, 0xBF180001, 0xBF080000, 0xBF07FFFF, 0xBF080001, 0xBEF80000, 0xBEF7FFFF, 0xBEF80001, 0xBEE80000, 0xBEE7FFFF, 0xBEE80001, 0xBED80000, 0xBED7FFFF, 0xBED80001]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v126) : (vector<16xi32>) -> ()
  %v127 = arith.constant dense<[0xBEC80000, 0xBEC7FFFF, 0xBEC80001, 0xBEB80000, 0xBEB7FFFF, 0xBEB80001, 0xBEA80000, 0xBEA7FFFF, 0xBEA80001, 0xBE980000, 0xBE97FFFF, 0xBE980001, 0xBE880000, 0xBE87FFFF, 0xBE880001, 0xBE780000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v127) : (vector<16xi32>) -> ()
  %v128 = arith.constant dense<[0xBE77FFFF, 0xBE780001, 0xBE680000, 0xBE67FFFF, 0xBE680001, 0xBE580000, 0xBE57FFFF, 0xBE580001, 0xBE480000, 0xBE47FFFF, 0xBE480001, 0xBE380000, 0xBE37FFFF, 0xBE380001, 0xBE280000, 0xBE27FFFF]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v128) : (vector<16xi32>) -> ()
  %v129 = arith.constant dense<[0xBE280001, 0xBE180000, 0xBE17FFFF, 0xBE180001, 0xBE080000, 0xBE07FFFF, 0xBE080001, 0xBDF80000, 0xBDF7FFFF, 0xBDF80001, 0xBDE80000, 0xBDE7FFFF, 0xBDE80001, 0xBDD80000, 0xBDD7FFFF, 0xBDD80001]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v129) : (vector<16xi32>) -> ()
  %v130 = arith.constant dense<[0xBDC80000, 0xBDC7FFFF, 0xBDC80001, 0xBDB80000, 0xBDB7FFFF, 0xBDB80001, 0xBDA80000, 0xBDA7FFFF, 0xBDA80001, 0xBD980000, 0xBD97FFFF, 0xBD980001, 0xBD880000, 0xBD87FFFF, 0xBD880001, 0xBD780000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v130) : (vector<16xi32>) -> ()
  %v131 = arith.constant dense<[0xBD77FFFF, 0xBD780001, 0xBD680000, 0xBD67FFFF, 0xBD680001, 0xBD580000, 0xBD57FFFF, 0xBD580001, 0xBD480000, 0xBD47FFFF, 0xBD480001, 0xBD380000, 0xBD37FFFF, 0xBD380001, 0xBD280000, 0xBD27FFFF]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v131) : (vector<16xi32>) -> ()
  %v132 = arith.constant dense<[0xBD280001, 0xBD180000, 0xBD17FFFF, 0xBD180001, 0xBD080000, 0xBD07FFFF, 0xBD080001, 0xBCF80000, 0xBCF7FFFF, 0xBCF80001, 0xBCE80000, 0xBCE7FFFF, 0xBCE80001, 0xBCD80000, 0xBCD7FFFF, 0xBCD80001]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v132) : (vector<16xi32>) -> ()
  %v133 = arith.constant dense<[0xBCC80000, 0xBCC7FFFF, 0xBCC80001, 0xBCB80000, 0xBCB7FFFF, 0xBCB80001, 0xBCA80000, 0xBCA7FFFF, 0xBCA80001, 0xBC980000, 0xBC97FFFF, 0xBC980001, 0xBC880000, 0xBC87FFFF, 0xBC880001, 0xBC700000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v133) : (vector<16xi32>) -> ()
  %v134 = arith.constant dense<[0xBC6FFFFF, 0xBC700001, 0xBC500000, 0xBC4FFFFF, 0xBC500001, 0xBC300000, 0xBC2FFFFF, 0xBC300001, 0xBC100000, 0xBC0FFFFF, 0xBC100001, 0xBBE00000, 0xBBDFFFFF, 0xBBE00001, 0xBBA00000, 0xBB9FFFFF]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v134) : (vector<16xi32>) -> ()
  %v135 = arith.constant dense<[0xBBA00001, 0xBB400000, 0xBB3FFFFF, 0xBB400001, 0xBA800000, 0xBA7FFFFF, 0xBA800001, 0x3A800000, 0x3A800001, 0x3A7FFFFF, 0x3B400000, 0x3B400001, 0x3B3FFFFF, 0x3BA00000, 0x3BA00001, 0x3B9FFFFF]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v135) : (vector<16xi32>) -> ()
  %v136 = arith.constant dense<[0x3BE00000, 0x3BE00001, 0x3BDFFFFF, 0x3C100000, 0x3C100001, 0x3C0FFFFF, 0x3C300000, 0x3C300001, 0x3C2FFFFF, 0x3C500000, 0x3C500001, 0x3C4FFFFF, 0x3C700000, 0x3C700001, 0x3C6FFFFF, 0x3C880000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v136) : (vector<16xi32>) -> ()
  %v137 = arith.constant dense<[0x3C880001, 0x3C87FFFF, 0x3C980000, 0x3C980001, 0x3C97FFFF, 0x3CA80000, 0x3CA80001, 0x3CA7FFFF, 0x3CB80000, 0x3CB80001, 0x3CB7FFFF, 0x3CC80000, 0x3CC80001, 0x3CC7FFFF, 0x3CD80000, 0x3CD80001]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v137) : (vector<16xi32>) -> ()
  %v138 = arith.constant dense<[0x3CD7FFFF, 0x3CE80000, 0x3CE80001, 0x3CE7FFFF, 0x3CF80000, 0x3CF80001, 0x3CF7FFFF, 0x3D080000, 0x3D080001, 0x3D07FFFF, 0x3D180000, 0x3D180001, 0x3D17FFFF, 0x3D280000, 0x3D280001, 0x3D27FFFF]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v138) : (vector<16xi32>) -> ()
  %v139 = arith.constant dense<[0x3D380000, 0x3D380001, 0x3D37FFFF, 0x3D480000, 0x3D480001, 0x3D47FFFF, 0x3D580000, 0x3D580001, 0x3D57FFFF, 0x3D680000, 0x3D680001, 0x3D67FFFF, 0x3D780000, 0x3D780001, 0x3D77FFFF, 0x3D880000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v139) : (vector<16xi32>) -> ()
  %v140 = arith.constant dense<[0x3D880001, 0x3D87FFFF, 0x3D980000, 0x3D980001, 0x3D97FFFF, 0x3DA80000, 0x3DA80001, 0x3DA7FFFF, 0x3DB80000, 0x3DB80001, 0x3DB7FFFF, 0x3DC80000, 0x3DC80001, 0x3DC7FFFF, 0x3DD80000, 0x3DD80001]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v140) : (vector<16xi32>) -> ()
  %v141 = arith.constant dense<[0x3DD7FFFF, 0x3DE80000, 0x3DE80001, 0x3DE7FFFF, 0x3DF80000, 0x3DF80001, 0x3DF7FFFF, 0x3E080000, 0x3E080001, 0x3E07FFFF, 0x3E180000, 0x3E180001, 0x3E17FFFF, 0x3E280000, 0x3E280001, 0x3E27FFFF]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v141) : (vector<16xi32>) -> ()
  %v142 = arith.constant dense<[0x3E380000, 0x3E380001, 0x3E37FFFF, 0x3E480000, 0x3E480001, 0x3E47FFFF, 0x3E580000, 0x3E580001, 0x3E57FFFF, 0x3E680000, 0x3E680001, 0x3E67FFFF, 0x3E780000, 0x3E780001, 0x3E77FFFF, 0x3E880000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v142) : (vector<16xi32>) -> ()
  %v143 = arith.constant dense<[0x3E880001, 0x3E87FFFF, 0x3E980000, 0x3E980001, 0x3E97FFFF, 0x3EA80000, 0x3EA80001, 0x3EA7FFFF, 0x3EB80000, 0x3EB80001, 0x3EB7FFFF, 0x3EC80000, 0x3EC80001, 0x3EC7FFFF, 0x3ED80000, 0x3ED80001]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v143) : (vector<16xi32>) -> ()
  %v144 = arith.constant dense<[0x3ED7FFFF, 0x3EE80000, 0x3EE80001, 0x3EE7FFFF, 0x3EF80000, 0x3EF80001, 0x3EF7FFFF, 0x3F080000, 0x3F080001, 0x3F07FFFF, 0x3F180000, 0x3F180001, 0x3F17FFFF, 0x3F280000, 0x3F280001, 0x3F27FFFF]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v144) : (vector<16xi32>) -> ()
  %v145 = arith.constant dense<[0x3F380000, 0x3F380001, 0x3F37FFFF, 0x3F480000, 0x3F480001, 0x3F47FFFF, 0x3F580000, 0x3F580001, 0x3F57FFFF, 0x3F680000, 0x3F680001, 0x3F67FFFF, 0x3F780000, 0x3F780001, 0x3F77FFFF, 0x3F880000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v145) : (vector<16xi32>) -> ()
  %v146 = arith.constant dense<[0x3F880001, 0x3F87FFFF, 0x3F980000, 0x3F980001, 0x3F97FFFF, 0x3FA80000, 0x3FA80001, 0x3FA7FFFF, 0x3FB80000, 0x3FB80001, 0x3FB7FFFF, 0x3FC80000, 0x3FC80001, 0x3FC7FFFF, 0x3FD80000, 0x3FD80001]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v146) : (vector<16xi32>) -> ()
  %v147 = arith.constant dense<[0x3FD7FFFF, 0x3FE80000, 0x3FE80001, 0x3FE7FFFF, 0x3FF80000, 0x3FF80001, 0x3FF7FFFF, 0x40080000, 0x40080001, 0x4007FFFF, 0x40180000, 0x40180001, 0x4017FFFF, 0x40280000, 0x40280001, 0x4027FFFF]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v147) : (vector<16xi32>) -> ()
  %v148 = arith.constant dense<[0x40380000, 0x40380001, 0x4037FFFF, 0x40480000, 0x40480001, 0x4047FFFF, 0x40580000, 0x40580001, 0x4057FFFF, 0x40680000, 0x40680001, 0x4067FFFF, 0x40780000, 0x40780001, 0x4077FFFF, 0x40880000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v148) : (vector<16xi32>) -> ()
  %v149 = arith.constant dense<[0x40880001, 0x4087FFFF, 0x40980000, 0x40980001, 0x4097FFFF, 0x40A80000, 0x40A80001, 0x40A7FFFF, 0x40B80000, 0x40B80001, 0x40B7FFFF, 0x40C80000, 0x40C80001, 0x40C7FFFF, 0x40D80000, 0x40D80001]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v149) : (vector<16xi32>) -> ()
  %v150 = arith.constant dense<[0x40D7FFFF, 0x40E80000, 0x40E80001, 0x40E7FFFF, 0x40F80000, 0x40F80001, 0x40F7FFFF, 0x41080000, 0x41080001, 0x4107FFFF, 0x41180000, 0x41180001, 0x4117FFFF, 0x41280000, 0x41280001, 0x4127FFFF]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v150) : (vector<16xi32>) -> ()
  %v151 = arith.constant dense<[0x41380000, 0x41380001, 0x4137FFFF, 0x41480000, 0x41480001, 0x4147FFFF, 0x41580000, 0x41580001, 0x4157FFFF, 0x41680000, 0x41680001, 0x4167FFFF, 0x41780000, 0x41780001, 0x4177FFFF, 0x41880000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v151) : (vector<16xi32>) -> ()
  %v152 = arith.constant dense<[0x41880001, 0x4187FFFF, 0x41980000, 0x41980001, 0x4197FFFF, 0x41A80000, 0x41A80001, 0x41A7FFFF, 0x41B80000, 0x41B80001, 0x41B7FFFF, 0x41C80000, 0x41C80001, 0x41C7FFFF, 0x41D80000, 0x41D80001]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v152) : (vector<16xi32>) -> ()
  %v153 = arith.constant dense<[0x41D7FFFF, 0x41E80000, 0x41E80001, 0x41E7FFFF, 0x41F80000, 0x41F80001, 0x41F7FFFF, 0x42080000, 0x42080001, 0x4207FFFF, 0x42180000, 0x42180001, 0x4217FFFF, 0x42280000, 0x42280001, 0x4227FFFF]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v153) : (vector<16xi32>) -> ()
  %v154 = arith.constant dense<[0x42380000, 0x42380001, 0x4237FFFF, 0x42480000, 0x42480001, 0x4247FFFF, 0x42580000, 0x42580001, 0x4257FFFF, 0x42680000, 0x42680001, 0x4267FFFF, 0x42780000, 0x42780001, 0x4277FFFF, 0x42880000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v154) : (vector<16xi32>) -> ()
  %v155 = arith.constant dense<[0x42880001, 0x4287FFFF, 0x42980000, 0x42980001, 0x4297FFFF, 0x42A80000, 0x42A80001, 0x42A7FFFF, 0x42B80000, 0x42B80001, 0x42B7FFFF, 0x42C80000, 0x42C80001, 0x42C7FFFF, 0x42D80000, 0x42D80001]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v155) : (vector<16xi32>) -> ()
  %v156 = arith.constant dense<[0x42D7FFFF, 0x42E80000, 0x42E80001, 0x42E7FFFF, 0x42F80000, 0x42F80001, 0x42F7FFFF, 0x43080000, 0x43080001, 0x4307FFFF, 0x43180000, 0x43180001, 0x4317FFFF, 0x43280000, 0x43280001, 0x4327FFFF]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v156) : (vector<16xi32>) -> ()
  %v157 = arith.constant dense<[0x43380000, 0x43380001, 0x4337FFFF, 0x43480000, 0x43480001, 0x4347FFFF, 0x43580000, 0x43580001, 0x4357FFFF, 0x43680000, 0x43680001, 0x4367FFFF, 0x43780000, 0x43780001, 0x4377FFFF, 0x43880000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v157) : (vector<16xi32>) -> ()
  %v158 = arith.constant dense<[0x43880001, 0x4387FFFF, 0x43980000, 0x43980001, 0x4397FFFF, 0x43A80000, 0x43A80001, 0x43A7FFFF, 0x43B80000, 0x43B80001, 0x43B7FFFF, 0x43C80000, 0x43C80001, 0x43C7FFFF, 0x43D80000, 0x43D80001]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v158) : (vector<16xi32>) -> ()
  %v159 = arith.constant dense<[0x43D7FFFF, 0x43E005BC, 0xC3E005BC, 0x43E70000, 0xC3E70000, 0x43EE0000, 0xC3EE0000, 0x44280000, 0xC4280000, 0x44600000, 0xC4600000, 0x472F0000, 0xC72F0000, 0x7F800000, 0xFF800000, 0x7FC00000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v159) : (vector<16xi32>) -> ()
  %v160 = arith.constant dense<[0x80000000, 0x0DA24260, 0x8DA24260, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v160) : (vector<16xi32>) -> ()
  "vector.print"() <{stringLiteral = "truncf f32 -> f8E4M3FN (extra)\0A"}> : () -> ()
  %v161 = arith.constant dense<[0xFFC00000, 0x7F800001, 0xFF800001, 0x7FFFFFFF, 0xFFFFFFFF, 0x00000001, 0x80000001, 0x007FFFFF, 0x00800000, 0x7F7FFFFF, 0xFF7FFFFF, 0x80000000, 0x00000000, 0x43E80000, 0xC3E80000, 0x47700000]> : vector<16xi32>
  func.call @truncf_f32_E4M3FN(%v161) : (vector<16xi32>) -> ()
  "vector.print"() <{stringLiteral = "truncf f32 -> f8E5M2 (oracle)\0A"}> : () -> ()
  %v162 = arith.constant dense<[0xC7600000, 0xC7400000, 0xC7200000, 0xC7000000, 0xC6E00000, 0xC6C00000, 0xC6A00000, 0xC6800000, 0xC6600000, 0xC6400000, 0xC6200000, 0xC6000000, 0xC5E00000, 0xC5C00000, 0xC5A00000, 0xC5800000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v162) : (vector<16xi32>) -> ()
  %v163 = arith.constant dense<[0xC5600000, 0xC5400000, 0xC5200000, 0xC5000000, 0xC4E00000, 0xC4C00000, 0xC4A00000, 0xC4800000, 0xC4600000, 0xC4400000, 0xC4200000, 0xC4000000, 0xC3E00000, 0xC3C00000, 0xC3A00000, 0xC3800000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v163) : (vector<16xi32>) -> ()
  %v164 = arith.constant dense<[0xC3600000, 0xC3400000, 0xC3200000, 0xC3000000, 0xC2E00000, 0xC2C00000, 0xC2A00000, 0xC2800000, 0xC2600000, 0xC2400000, 0xC2200000, 0xC2000000, 0xC1E00000, 0xC1C00000, 0xC1A00000, 0xC1800000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v164) : (vector<16xi32>) -> ()
  %v165 = arith.constant dense<[0xC1600000, 0xC1400000, 0xC1200000, 0xC1000000, 0xC0E00000, 0xC0C00000, 0xC0A00000, 0xC0800000, 0xC0600000, 0xC0400000, 0xC0200000, 0xC0000000, 0xBFE00000, 0xBFC00000, 0xBFA00000, 0xBF800000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v165) : (vector<16xi32>) -> ()
  %v166 = arith.constant dense<[0xBF600000, 0xBF400000, 0xBF200000, 0xBF000000, 0xBEE00000, 0xBEC00000, 0xBEA00000, 0xBE800000, 0xBE600000, 0xBE400000, 0xBE200000, 0xBE000000, 0xBDE00000, 0xBDC00000, 0xBDA00000, 0xBD800000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v166) : (vector<16xi32>) -> ()
  %v167 = arith.constant dense<[0xBD600000, 0xBD400000, 0xBD200000, 0xBD000000, 0xBCE00000, 0xBCC00000, 0xBCA00000, 0xBC800000, 0xBC600000, 0xBC400000, 0xBC200000, 0xBC000000, 0xBBE00000, 0xBBC00000, 0xBBA00000, 0xBB800000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v167) : (vector<16xi32>) -> ()
  %v168 = arith.constant dense<[0xBB600000, 0xBB400000, 0xBB200000, 0xBB000000, 0xBAE00000, 0xBAC00000, 0xBAA00000, 0xBA800000, 0xBA600000, 0xBA400000, 0xBA200000, 0xBA000000, 0xB9E00000, 0xB9C00000, 0xB9A00000, 0xB9800000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v168) : (vector<16xi32>) -> ()
  %v169 = arith.constant dense<[0xB9600000, 0xB9400000, 0xB9200000, 0xB9000000, 0xB8E00000, 0xB8C00000, 0xB8A00000, 0xB8800000, 0xB8400000, 0xB8000000, 0xB7800000, 0x00000000, 0x37800000, 0x38000000, 0x38400000, 0x38800000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v169) : (vector<16xi32>) -> ()
  %v170 = arith.constant dense<[0x38A00000, 0x38C00000, 0x38E00000, 0x39000000, 0x39200000, 0x39400000, 0x39600000, 0x39800000, 0x39A00000, 0x39C00000, 0x39E00000, 0x3A000000, 0x3A200000, 0x3A400000, 0x3A600000, 0x3A800000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v170) : (vector<16xi32>) -> ()
  %v171 = arith.constant dense<[0x3AA00000, 0x3AC00000, 0x3AE00000, 0x3B000000, 0x3B200000, 0x3B400000, 0x3B600000, 0x3B800000, 0x3BA00000, 0x3BC00000, 0x3BE00000, 0x3C000000, 0x3C200000, 0x3C400000, 0x3C600000, 0x3C800000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v171) : (vector<16xi32>) -> ()
  %v172 = arith.constant dense<[0x3CA00000, 0x3CC00000, 0x3CE00000, 0x3D000000, 0x3D200000, 0x3D400000, 0x3D600000, 0x3D800000, 0x3DA00000, 0x3DC00000, 0x3DE00000, 0x3E000000, 0x3E200000, 0x3E400000, 0x3E600000, 0x3E800000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v172) : (vector<16xi32>) -> ()
  %v173 = arith.constant dense<[0x3EA00000, 0x3EC00000, 0x3EE00000, 0x3F000000, 0x3F200000, 0x3F400000, 0x3F600000, 0x3F800000, 0x3FA00000, 0x3FC00000, 0x3FE00000, 0x40000000, 0x40200000, 0x40400000, 0x40600000, 0x40800000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v173) : (vector<16xi32>) -> ()
  %v174 = arith.constant dense<[0x40A00000, 0x40C00000, 0x40E00000, 0x41000000, 0x41200000, 0x41400000, 0x41600000, 0x41800000, 0x41A00000, 0x41C00000, 0x41E00000, 0x42000000, 0x42200000, 0x42400000, 0x42600000, 0x42800000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v174) : (vector<16xi32>) -> ()
  %v175 = arith.constant dense<[0x42A00000, 0x42C00000, 0x42E00000, 0x43000000, 0x43200000, 0x43400000, 0x43600000, 0x43800000, 0x43A00000, 0x43C00000, 0x43E00000, 0x44000000, 0x44200000, 0x44400000, 0x44600000, 0x44800000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v175) : (vector<16xi32>) -> ()
  %v176 = arith.constant dense<[0x44A00000, 0x44C00000, 0x44E00000, 0x45000000, 0x45200000, 0x45400000, 0x45600000, 0x45800000, 0x45A00000, 0x45C00000, 0x45E00000, 0x46000000, 0x46200000, 0x46400000, 0x46600000, 0x46800000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v176) : (vector<16xi32>) -> ()
  %v177 = arith.constant dense<[0x46A00000, 0x46C00000, 0x46E00000, 0x47000000, 0x47200000, 0x47400000, 0x47600000, 0xC7500000, 0xC74FFFFF, 0xC7500001, 0xC7300000, 0xC72FFFFF, 0xC7300001, 0xC7100000, 0xC70FFFFF, 0xC7100001]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v177) : (vector<16xi32>) -> ()
  %v178 = arith.constant dense<[0xC6F00000, 0xC6EFFFFF, 0xC6F00001, 0xC6D00000, 0xC6CFFFFF, 0xC6D00001, 0xC6B00000, 0xC6AFFFFF, 0xC6B00001, 0xC6900000, 0xC68FFFFF, 0xC6900001, 0xC6700000, 0xC66FFFFF, 0xC6700001, 0xC6500000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v178) : (vector<16xi32>) -> ()
  %v179 = arith.constant dense<[0xC64FFFFF, 0xC6500001, 0xC6300000, 0xC62FFFFF, 0xC6300001, 0xC6100000, 0xC60FFFFF, 0xC6100001, 0xC5F00000, 0xC5EFFFFF, 0xC5F00001, 0xC5D00000, 0xC5CFFFFF, 0xC5D00001, 0xC5B00000, 0xC5AFFFFF]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v179) : (vector<16xi32>) -> ()
  %v180 = arith.constant dense<[0xC5B00001, 0xC5900000, 0xC58FFFFF, 0xC5900001, 0xC5700000, 0xC56FFFFF, 0xC5700001, 0xC5500000, 0xC54FFFFF, 0xC5500001, 0xC5300000, 0xC52FFFFF, 0xC5300001, 0xC5100000, 0xC50FFFFF, 0xC5100001]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v180) : (vector<16xi32>) -> ()
  %v181 = arith.constant dense<[0xC4F00000, 0xC4EFFFFF, 0xC4F00001, 0xC4D00000, 0xC4CFFFFF, 0xC4D00001, 0xC4B00000, 0xC4AFFFFF, 0xC4B00001, 0xC4900000, 0xC48FFFFF, 0xC4900001, 0xC4700000, 0xC46FFFFF, 0xC4700001, 0xC4500000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v181) : (vector<16xi32>) -> ()
  %v182 = arith.constant dense<[0xC44FFFFF, 0xC4500001, 0xC4300000, 0xC42FFFFF, 0xC4300001, 0xC4100000, 0xC40FFFFF, 0xC4100001, 0xC3F00000, 0xC3EFFFFF, 0xC3F00001, 0xC3D00000, 0xC3CFFFFF, 0xC3D00001, 0xC3B00000, 0xC3AFFFFF]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v182) : (vector<16xi32>) -> ()
  %v183 = arith.constant dense<[0xC3B00001, 0xC3900000, 0xC38FFFFF, 0xC3900001, 0xC3700000, 0xC36FFFFF, 0xC3700001, 0xC3500000, 0xC34FFFFF, 0xC3500001, 0xC3300000, 0xC32FFFFF, 0xC3300001, 0xC3100000, 0xC30FFFFF, 0xC3100001]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v183) : (vector<16xi32>) -> ()
  %v184 = arith.constant dense<[0xC2F00000, 0xC2EFFFFF, 0xC2F00001, 0xC2D00000, 0xC2CFFFFF, 0xC2D00001, 0xC2B00000, 0xC2AFFFFF, 0xC2B00001, 0xC2900000, 0xC28FFFFF, 0xC2900001, 0xC2700000, 0xC26FFFFF, 0xC2700001, 0xC2500000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v184) : (vector<16xi32>) -> ()
  %v185 = arith.constant dense<[0xC24FFFFF, 0xC2500001, 0xC2300000, 0xC22FFFFF, 0xC2300001, 0xC2100000, 0xC20FFFFF, 0xC2100001, 0xC1F00000, 0xC1EFFFFF, 0xC1F00001, 0xC1D00000, 0xC1CFFFFF, 0xC1D00001, 0xC1B00000, 0xC1AFFFFF]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v185) : (vector<16xi32>) -> ()
  %v186 = arith.constant dense<[0xC1B00001, 0xC1900000, 0xC18FFFFF, 0xC1900001, 0xC1700000, 0xC16FFFFF, 0xC1700001, 0xC1500000, 0xC14FFFFF, 0xC1500001, 0xC1300000, 0xC12FFFFF, 0xC1300001, 0xC1100000, 0xC10FFFFF, 0xC1100001]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v186) : (vector<16xi32>) -> ()
  %v187 = arith.constant dense<[0xC0F00000, 0xC0EFFFFF, 0xC0F00001, 0xC0D00000, 0xC0CFFFFF, 0xC0D00001, 0xC0B00000, 0xC0AFFFFF, 0xC0B00001, 0xC0900000, 0xC08FFFFF, 0xC0900001, 0xC0700000, 0xC06FFFFF, 0xC0700001, 0xC0500000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v187) : (vector<16xi32>) -> ()
  %v188 = arith.constant dense<[0xC04FFFFF, 0xC0500001, 0xC0300000, 0xC02FFFFF, 0xC0300001, 0xC0100000, 0xC00FFFFF, 0xC0100001, 0xBFF00000, 0xBFEFFFFF, 0xBFF00001, 0xBFD00000, 0xBFCFFFFF, 0xBFD00001, 0xBFB00000, 0xBFAFFFFF]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v188) : (vector<16xi32>) -> ()
  %v189 = arith.constant dense<[0xBFB00001, 0xBF900000, 0xBF8FFFFF, 0xBF900001, 0xBF700000, 0xBF6FFFFF, 0xBF700001, 0xBF500000, 0xBF4FFFFF, 0xBF500001, 0xBF300000, 0xBF2FFFFF, 0xBF300001, 0xBF100000, 0xBF0FFFFF, 0xBF100001]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v189) : (vector<16xi32>) -> ()
  %v190 = arith.constant dense<[0xBEF00000, 0xBEEFFFFF, 0xBEF00001, 0xBED00000, 0xBECFFFFF, 0xBED00001, 0xBEB00000, 0xBEAFFFFF, 0xBEB00001, 0xBE900000, 0xBE8FFFFF, 0xBE900001, 0xBE700000, 0xBE6FFFFF, 0xBE700001, 0xBE500000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v190) : (vector<16xi32>) -> ()
  %v191 = arith.constant dense<[0xBE4FFFFF, 0xBE500001, 0xBE300000, 0xBE2FFFFF, 0xBE300001, 0xBE100000, 0xBE0FFFFF, 0xBE100001, 0xBDF00000, 0xBDEFFFFF, 0xBDF00001, 0xBDD00000, 0xBDCFFFFF, 0xBDD00001, 0xBDB00000, 0xBDAFFFFF]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v191) : (vector<16xi32>) -> ()
  %v192 = arith.constant dense<[0xBDB00001, 0xBD900000, 0xBD8FFFFF, 0xBD900001, 0xBD700000, 0xBD6FFFFF, 0xBD700001, 0xBD500000, 0xBD4FFFFF, 0xBD500001, 0xBD300000, 0xBD2FFFFF, 0xBD300001, 0xBD100000, 0xBD0FFFFF, 0xBD100001]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v192) : (vector<16xi32>) -> ()
  %v193 = arith.constant dense<[0xBCF00000, 0xBCEFFFFF, 0xBCF00001, 0xBCD00000, 0xBCCFFFFF, 0xBCD00001, 0xBCB00000, 0xBCAFFFFF, 0xBCB00001, 0xBC900000, 0xBC8FFFFF, 0xBC900001, 0xBC700000, 0xBC6FFFFF, 0xBC700001, 0xBC500000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v193) : (vector<16xi32>) -> ()
  %v194 = arith.constant dense<[0xBC4FFFFF, 0xBC500001, 0xBC300000, 0xBC2FFFFF, 0xBC300001, 0xBC100000, 0xBC0FFFFF, 0xBC100001, 0xBBF00000, 0xBBEFFFFF, 0xBBF00001, 0xBBD00000, 0xBBCFFFFF, 0xBBD00001, 0xBBB00000, 0xBBAFFFFF]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v194) : (vector<16xi32>) -> ()
  %v195 = arith.constant dense<[0xBBB00001, 0xBB900000, 0xBB8FFFFF, 0xBB900001, 0xBB700000, 0xBB6FFFFF, 0xBB700001, 0xBB500000, 0xBB4FFFFF, 0xBB500001, 0xBB300000, 0xBB2FFFFF, 0xBB300001, 0xBB100000, 0xBB0FFFFF, 0xBB100001]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v195) : (vector<16xi32>) -> ()
  %v196 = arith.constant dense<[0xBAF00000, 0xBAEFFFFF, 0xBAF00001, 0xBAD00000, 0xBACFFFFF, 0xBAD00001, 0xBAB00000, 0xBAAFFFFF, 0xBAB00001, 0xBA900000, 0xBA8FFFFF, 0xBA900001, 0xBA700000, 0xBA6FFFFF, 0xBA700001, 0xBA500000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v196) : (vector<16xi32>) -> ()
  %v197 = arith.constant dense<[0xBA4FFFFF, 0xBA500001, 0xBA300000, 0xBA2FFFFF, 0xBA300001, 0xBA100000, 0xBA0FFFFF, 0xBA100001, 0xB9F00000, 0xB9EFFFFF, 0xB9F00001, 0xB9D00000, 0xB9CFFFFF, 0xB9D00001, 0xB9B00000, 0xB9AFFFFF]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v197) : (vector<16xi32>) -> ()
  %v198 = arith.constant dense<[0xB9B00001, 0xB9900000, 0xB98FFFFF, 0xB9900001, 0xB9700000, 0xB96FFFFF, 0xB9700001, 0xB9500000, 0xB94FFFFF, 0xB9500001, 0xB9300000, 0xB92FFFFF, 0xB9300001, 0xB9100000, 0xB90FFFFF, 0xB9100001]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v198) : (vector<16xi32>) -> ()
  %v199 = arith.constant dense<[0xB8F00000, 0xB8EFFFFF, 0xB8F00001, 0xB8D00000, 0xB8CFFFFF, 0xB8D00001, 0xB8B00000, 0xB8AFFFFF, 0xB8B00001, 0xB8900000, 0xB88FFFFF, 0xB8900001, 0xB8600000, 0xB85FFFFF, 0xB8600001, 0xB8200000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v199) : (vector<16xi32>) -> ()
  %v200 = arith.constant dense<[0xB81FFFFF, 0xB8200001, 0xB7C00000, 0xB7BFFFFF, 0xB7C00001, 0xB7000000, 0xB6FFFFFF, 0xB7000001, 0x37000000, 0x37000001, 0x36FFFFFF, 0x37C00000, 0x37C00001, 0x37BFFFFF, 0x38200000, 0x38200001]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v200) : (vector<16xi32>) -> ()
  %v201 = arith.constant dense<[0x381FFFFF, 0x38600000, 0x38600001, 0x385FFFFF, 0x38900000, 0x38900001, 0x388FFFFF, 0x38B00000, 0x38B00001, 0x38AFFFFF, 0x38D00000, 0x38D00001, 0x38CFFFFF, 0x38F00000, 0x38F00001, 0x38EFFFFF]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v201) : (vector<16xi32>) -> ()
  %v202 = arith.constant dense<[0x39100000, 0x39100001, 0x390FFFFF, 0x39300000, 0x39300001, 0x392FFFFF, 0x39500000, 0x39500001, 0x394FFFFF, 0x39700000, 0x39700001, 0x396FFFFF, 0x39900000, 0x39900001, 0x398FFFFF, 0x39B00000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v202) : (vector<16xi32>) -> ()
  %v203 = arith.constant dense<[0x39B00001, 0x39AFFFFF, 0x39D00000, 0x39D00001, 0x39CFFFFF, 0x39F00000, 0x39F00001, 0x39EFFFFF, 0x3A100000, 0x3A100001, 0x3A0FFFFF, 0x3A300000, 0x3A300001, 0x3A2FFFFF, 0x3A500000, 0x3A500001]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v203) : (vector<16xi32>) -> ()
  %v204 = arith.constant dense<[0x3A4FFFFF, 0x3A700000, 0x3A700001, 0x3A6FFFFF, 0x3A900000, 0x3A900001, 0x3A8FFFFF, 0x3AB00000, 0x3AB00001, 0x3AAFFFFF, 0x3AD00000, 0x3AD00001, 0x3ACFFFFF, 0x3AF00000, 0x3AF00001, 0x3AEFFFFF]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v204) : (vector<16xi32>) -> ()
  %v205 = arith.constant dense<[0x3B100000, 0x3B100001, 0x3B0FFFFF, 0x3B300000, 0x3B300001, 0x3B2FFFFF, 0x3B500000, 0x3B500001, 0x3B4FFFFF, 0x3B700000, 0x3B700001, 0x3B6FFFFF, 0x3B900000, 0x3B900001, 0x3B8FFFFF, 0x3BB00000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v205) : (vector<16xi32>) -> ()
  %v206 = arith.constant dense<[0x3BB00001, 0x3BAFFFFF, 0x3BD00000, 0x3BD00001, 0x3BCFFFFF, 0x3BF00000, 0x3BF00001, 0x3BEFFFFF, 0x3C100000, 0x3C100001, 0x3C0FFFFF, 0x3C300000, 0x3C300001, 0x3C2FFFFF, 0x3C500000, 0x3C500001]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v206) : (vector<16xi32>) -> ()
  %v207 = arith.constant dense<[0x3C4FFFFF, 0x3C700000, 0x3C700001, 0x3C6FFFFF, 0x3C900000, 0x3C900001, 0x3C8FFFFF, 0x3CB00000, 0x3CB00001, 0x3CAFFFFF, 0x3CD00000, 0x3CD00001, 0x3CCFFFFF, 0x3CF00000, 0x3CF00001, 0x3CEFFFFF]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v207) : (vector<16xi32>) -> ()
  %v208 = arith.constant dense<[0x3D100000, 0x3D100001, 0x3D0FFFFF, 0x3D300000, 0x3D300001, 0x3D2FFFFF, 0x3D500000, 0x3D500001, 0x3D4FFFFF, 0x3D700000, 0x3D700001, 0x3D6FFFFF, 0x3D900000, 0x3D900001, 0x3D8FFFFF, 0x3DB00000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v208) : (vector<16xi32>) -> ()
  %v209 = arith.constant dense<[0x3DB00001, 0x3DAFFFFF, 0x3DD00000, 0x3DD00001, 0x3DCFFFFF, 0x3DF00000, 0x3DF00001, 0x3DEFFFFF, 0x3E100000, 0x3E100001, 0x3E0FFFFF, 0x3E300000, 0x3E300001, 0x3E2FFFFF, 0x3E500000, 0x3E500001]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v209) : (vector<16xi32>) -> ()
  %v210 = arith.constant dense<[0x3E4FFFFF, 0x3E700000, 0x3E700001, 0x3E6FFFFF, 0x3E900000, 0x3E900001, 0x3E8FFFFF, 0x3EB00000, 0x3EB00001, 0x3EAFFFFF, 0x3ED00000, 0x3ED00001, 0x3ECFFFFF, 0x3EF00000, 0x3EF00001, 0x3EEFFFFF]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v210) : (vector<16xi32>) -> ()
  %v211 = arith.constant dense<[0x3F100000, 0x3F100001, 0x3F0FFFFF, 0x3F300000, 0x3F300001, 0x3F2FFFFF, 0x3F500000, 0x3F500001, 0x3F4FFFFF, 0x3F700000, 0x3F700001, 0x3F6FFFFF, 0x3F900000, 0x3F900001, 0x3F8FFFFF, 0x3FB00000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v211) : (vector<16xi32>) -> ()
  %v212 = arith.constant dense<[0x3FB00001, 0x3FAFFFFF, 0x3FD00000, 0x3FD00001, 0x3FCFFFFF, 0x3FF00000, 0x3FF00001, 0x3FEFFFFF, 0x40100000, 0x40100001, 0x400FFFFF, 0x40300000, 0x40300001, 0x402FFFFF, 0x40500000, 0x40500001]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v212) : (vector<16xi32>) -> ()
  %v213 = arith.constant dense<[0x404FFFFF, 0x40700000, 0x40700001, 0x406FFFFF, 0x40900000, 0x40900001, 0x408FFFFF, 0x40B00000, 0x40B00001, 0x40AFFFFF, 0x40D00000, 0x40D00001, 0x40CFFFFF, 0x40F00000, 0x40F00001, 0x40EFFFFF]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v213) : (vector<16xi32>) -> ()
  %v214 = arith.constant dense<[0x41100000, 0x41100001, 0x410FFFFF, 0x41300000, 0x41300001, 0x412FFFFF, 0x41500000, 0x41500001, 0x414FFFFF, 0x41700000, 0x41700001, 0x416FFFFF, 0x41900000, 0x41900001, 0x418FFFFF, 0x41B00000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v214) : (vector<16xi32>) -> ()
  %v215 = arith.constant dense<[0x41B00001, 0x41AFFFFF, 0x41D00000, 0x41D00001, 0x41CFFFFF, 0x41F00000, 0x41F00001, 0x41EFFFFF, 0x42100000, 0x42100001, 0x420FFFFF, 0x42300000, 0x42300001, 0x422FFFFF, 0x42500000, 0x42500001]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v215) : (vector<16xi32>) -> ()
  %v216 = arith.constant dense<[0x424FFFFF, 0x42700000, 0x42700001, 0x426FFFFF, 0x42900000, 0x42900001, 0x428FFFFF, 0x42B00000, 0x42B00001, 0x42AFFFFF, 0x42D00000, 0x42D00001, 0x42CFFFFF, 0x42F00000, 0x42F00001, 0x42EFFFFF]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v216) : (vector<16xi32>) -> ()
  %v217 = arith.constant dense<[0x43100000, 0x43100001, 0x430FFFFF, 0x43300000, 0x43300001, 0x432FFFFF, 0x43500000, 0x43500001, 0x434FFFFF, 0x43700000, 0x43700001, 0x436FFFFF, 0x43900000, 0x43900001, 0x438FFFFF, 0x43B00000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v217) : (vector<16xi32>) -> ()
  %v218 = arith.constant dense<[0x43B00001, 0x43AFFFFF, 0x43D00000, 0x43D00001, 0x43CFFFFF, 0x43F00000, 0x43F00001, 0x43EFFFFF, 0x44100000, 0x44100001, 0x440FFFFF, 0x44300000, 0x44300001, 0x442FFFFF, 0x44500000, 0x44500001]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v218) : (vector<16xi32>) -> ()
  %v219 = arith.constant dense<[0x444FFFFF, 0x44700000, 0x44700001, 0x446FFFFF, 0x44900000, 0x44900001, 0x448FFFFF, 0x44B00000, 0x44B00001, 0x44AFFFFF, 0x44D00000, 0x44D00001, 0x44CFFFFF, 0x44F00000, 0x44F00001, 0x44EFFFFF]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v219) : (vector<16xi32>) -> ()
  %v220 = arith.constant dense<[0x45100000, 0x45100001, 0x450FFFFF, 0x45300000, 0x45300001, 0x452FFFFF, 0x45500000, 0x45500001, 0x454FFFFF, 0x45700000, 0x45700001, 0x456FFFFF, 0x45900000, 0x45900001, 0x458FFFFF, 0x45B00000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v220) : (vector<16xi32>) -> ()
  %v221 = arith.constant dense<[0x45B00001, 0x45AFFFFF, 0x45D00000, 0x45D00001, 0x45CFFFFF, 0x45F00000, 0x45F00001, 0x45EFFFFF, 0x46100000, 0x46100001, 0x460FFFFF, 0x46300000, 0x46300001, 0x462FFFFF, 0x46500000, 0x46500001]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v221) : (vector<16xi32>) -> ()
  %v222 = arith.constant dense<[0x464FFFFF, 0x46700000, 0x46700001, 0x466FFFFF, 0x46900000, 0x46900001, 0x468FFFFF, 0x46B00000, 0x46B00001, 0x46AFFFFF, 0x46D00000, 0x46D00001, 0x46CFFFFF, 0x46F00000, 0x46F00001, 0x46EFFFFF]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v222) : (vector<16xi32>) -> ()
  %v223 = arith.constant dense<[0x47100000, 0x47100001, 0x470FFFFF, 0x47300000, 0x47300001, 0x472FFFFF, 0x47500000, 0x47500001, 0x474FFFFF, 0x476005BC, 0xC76005BC, 0x47670000, 0xC7670000, 0x476E0000, 0xC76E0000, 0x47A80000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v223) : (vector<16xi32>) -> ()
  %v224 = arith.constant dense<[0xC7A80000, 0x47E00000, 0xC7E00000, 0x4AAF0000, 0xCAAF0000, 0x7F800000, 0xFF800000, 0x7FC00000, 0x80000000, 0x0DA24260, 0x8DA24260, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v224) : (vector<16xi32>) -> ()
  "vector.print"() <{stringLiteral = "truncf f32 -> f8E5M2 (extra)\0A"}> : () -> ()
  %v225 = arith.constant dense<[0xFFC00000, 0x7F800001, 0xFF800001, 0x7FFFFFFF, 0xFFFFFFFF, 0x00000001, 0x80000001, 0x007FFFFF, 0x00800000, 0x7F7FFFFF, 0xFF7FFFFF, 0x80000000, 0x00000000, 0x43E80000, 0xC3E80000, 0x47700000]> : vector<16xi32>
  func.call @truncf_f32_E5M2(%v225) : (vector<16xi32>) -> ()
  "vector.print"() <{stringLiteral = "truncf f16 -> f8E4M3FN\0A"}> : () -> ()
  %v226 = arith.constant dense<[0x13FF, 0x1400, 0x1401, 0x19FF, 0x1A00, 0x1A01, 0x1CFF, 0x1D00, 0x1D01, 0x1EFF, 0x1F00, 0x1F01, 0x207F, 0x2080, 0x2081, 0x217F]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v226) : (vector<16xi16>) -> ()
  %v227 = arith.constant dense<[0x2180, 0x2181, 0x227F, 0x2280, 0x2281, 0x237F, 0x2380, 0x2381, 0x243F, 0x2440, 0x2441, 0x24BF, 0x24C0, 0x24C1, 0x253F, 0x2540]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v227) : (vector<16xi16>) -> ()
  %v228 = arith.constant dense<[0x2541, 0x25BF, 0x25C0, 0x25C1, 0x263F, 0x2640, 0x2641, 0x26BF, 0x26C0, 0x26C1, 0x273F, 0x2740, 0x2741, 0x27BF, 0x27C0, 0x27C1]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v228) : (vector<16xi16>) -> ()
  %v229 = arith.constant dense<[0x283F, 0x2840, 0x2841, 0x28BF, 0x28C0, 0x28C1, 0x293F, 0x2940, 0x2941, 0x29BF, 0x29C0, 0x29C1, 0x2A3F, 0x2A40, 0x2A41, 0x2ABF]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v229) : (vector<16xi16>) -> ()
  %v230 = arith.constant dense<[0x2AC0, 0x2AC1, 0x2B3F, 0x2B40, 0x2B41, 0x2BBF, 0x2BC0, 0x2BC1, 0x2C3F, 0x2C40, 0x2C41, 0x2CBF, 0x2CC0, 0x2CC1, 0x2D3F, 0x2D40]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v230) : (vector<16xi16>) -> ()
  %v231 = arith.constant dense<[0x2D41, 0x2DBF, 0x2DC0, 0x2DC1, 0x2E3F, 0x2E40, 0x2E41, 0x2EBF, 0x2EC0, 0x2EC1, 0x2F3F, 0x2F40, 0x2F41, 0x2FBF, 0x2FC0, 0x2FC1]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v231) : (vector<16xi16>) -> ()
  %v232 = arith.constant dense<[0x303F, 0x3040, 0x3041, 0x30BF, 0x30C0, 0x30C1, 0x313F, 0x3140, 0x3141, 0x31BF, 0x31C0, 0x31C1, 0x323F, 0x3240, 0x3241, 0x32BF]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v232) : (vector<16xi16>) -> ()
  %v233 = arith.constant dense<[0x32C0, 0x32C1, 0x333F, 0x3340, 0x3341, 0x33BF, 0x33C0, 0x33C1, 0x343F, 0x3440, 0x3441, 0x34BF, 0x34C0, 0x34C1, 0x353F, 0x3540]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v233) : (vector<16xi16>) -> ()
  %v234 = arith.constant dense<[0x3541, 0x35BF, 0x35C0, 0x35C1, 0x363F, 0x3640, 0x3641, 0x36BF, 0x36C0, 0x36C1, 0x373F, 0x3740, 0x3741, 0x37BF, 0x37C0, 0x37C1]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v234) : (vector<16xi16>) -> ()
  %v235 = arith.constant dense<[0x383F, 0x3840, 0x3841, 0x38BF, 0x38C0, 0x38C1, 0x393F, 0x3940, 0x3941, 0x39BF, 0x39C0, 0x39C1, 0x3A3F, 0x3A40, 0x3A41, 0x3ABF]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v235) : (vector<16xi16>) -> ()
  %v236 = arith.constant dense<[0x3AC0, 0x3AC1, 0x3B3F, 0x3B40, 0x3B41, 0x3BBF, 0x3BC0, 0x3BC1, 0x3C3F, 0x3C40, 0x3C41, 0x3CBF, 0x3CC0, 0x3CC1, 0x3D3F, 0x3D40]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v236) : (vector<16xi16>) -> ()
  %v237 = arith.constant dense<[0x3D41, 0x3DBF, 0x3DC0, 0x3DC1, 0x3E3F, 0x3E40, 0x3E41, 0x3EBF, 0x3EC0, 0x3EC1, 0x3F3F, 0x3F40, 0x3F41, 0x3FBF, 0x3FC0, 0x3FC1]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v237) : (vector<16xi16>) -> ()
  %v238 = arith.constant dense<[0x403F, 0x4040, 0x4041, 0x40BF, 0x40C0, 0x40C1, 0x413F, 0x4140, 0x4141, 0x41BF, 0x41C0, 0x41C1, 0x423F, 0x4240, 0x4241, 0x42BF]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v238) : (vector<16xi16>) -> ()
  %v239 = arith.constant dense<[0x42C0, 0x42C1, 0x433F, 0x4340, 0x4341, 0x43BF, 0x43C0, 0x43C1, 0x443F, 0x4440, 0x4441, 0x44BF, 0x44C0, 0x44C1, 0x453F, 0x4540]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v239) : (vector<16xi16>) -> ()
  %v240 = arith.constant dense<[0x4541, 0x45BF, 0x45C0, 0x45C1, 0x463F, 0x4640, 0x4641, 0x46BF, 0x46C0, 0x46C1, 0x473F, 0x4740, 0x4741, 0x47BF, 0x47C0, 0x47C1]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v240) : (vector<16xi16>) -> ()
  %v241 = arith.constant dense<[0x483F, 0x4840, 0x4841, 0x48BF, 0x48C0, 0x48C1, 0x493F, 0x4940, 0x4941, 0x49BF, 0x49C0, 0x49C1, 0x4A3F, 0x4A40, 0x4A41, 0x4ABF]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v241) : (vector<16xi16>) -> ()
  %v242 = arith.constant dense<[0x4AC0, 0x4AC1, 0x4B3F, 0x4B40, 0x4B41, 0x4BBF, 0x4BC0, 0x4BC1, 0x4C3F, 0x4C40, 0x4C41, 0x4CBF, 0x4CC0, 0x4CC1, 0x4D3F, 0x4D40]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v242) : (vector<16xi16>) -> ()
  %v243 = arith.constant dense<[0x4D41, 0x4DBF, 0x4DC0, 0x4DC1, 0x4E3F, 0x4E40, 0x4E41, 0x4EBF, 0x4EC0, 0x4EC1, 0x4F3F, 0x4F40, 0x4F41, 0x4FBF, 0x4FC0, 0x4FC1]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v243) : (vector<16xi16>) -> ()
  %v244 = arith.constant dense<[0x503F, 0x5040, 0x5041, 0x50BF, 0x50C0, 0x50C1, 0x513F, 0x5140, 0x5141, 0x51BF, 0x51C0, 0x51C1, 0x523F, 0x5240, 0x5241, 0x52BF]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v244) : (vector<16xi16>) -> ()
  %v245 = arith.constant dense<[0x52C0, 0x52C1, 0x533F, 0x5340, 0x5341, 0x53BF, 0x53C0, 0x53C1, 0x543F, 0x5440, 0x5441, 0x54BF, 0x54C0, 0x54C1, 0x553F, 0x5540]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v245) : (vector<16xi16>) -> ()
  %v246 = arith.constant dense<[0x5541, 0x55BF, 0x55C0, 0x55C1, 0x563F, 0x5640, 0x5641, 0x56BF, 0x56C0, 0x56C1, 0x573F, 0x5740, 0x5741, 0x57BF, 0x57C0, 0x57C1]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v246) : (vector<16xi16>) -> ()
  %v247 = arith.constant dense<[0x583F, 0x5840, 0x5841, 0x58BF, 0x58C0, 0x58C1, 0x593F, 0x5940, 0x5941, 0x59BF, 0x59C0, 0x59C1, 0x5A3F, 0x5A40, 0x5A41, 0x5ABF]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v247) : (vector<16xi16>) -> ()
  %v248 = arith.constant dense<[0x5AC0, 0x5AC1, 0x5B3F, 0x5B40, 0x5B41, 0x5BBF, 0x5BC0, 0x5BC1, 0x5C3F, 0x5C40, 0x5C41, 0x5CBF, 0x5CC0, 0x5CC1, 0x5D3F, 0x5D40]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v248) : (vector<16xi16>) -> ()
  %v249 = arith.constant dense<[0x5D41, 0x5DBF, 0x5DC0, 0x5DC1, 0x5E3F, 0x5E40, 0x5E41, 0x5EBF, 0x5EC0, 0x5EC1, 0x5F3F, 0x5F40, 0x5F41, 0x93FF, 0x9400, 0x9401]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v249) : (vector<16xi16>) -> ()
  %v250 = arith.constant dense<[0x99FF, 0x9A00, 0x9A01, 0x9CFF, 0x9D00, 0x9D01, 0x9EFF, 0x9F00, 0x9F01, 0xA07F, 0xA080, 0xA081, 0xA17F, 0xA180, 0xA181, 0xA27F]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v250) : (vector<16xi16>) -> ()
  %v251 = arith.constant dense<[0xA280, 0xA281, 0xA37F, 0xA380, 0xA381, 0xA43F, 0xA440, 0xA441, 0xA4BF, 0xA4C0, 0xA4C1, 0xA53F, 0xA540, 0xA541, 0xA5BF, 0xA5C0]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v251) : (vector<16xi16>) -> ()
  %v252 = arith.constant dense<[0xA5C1, 0xA63F, 0xA640, 0xA641, 0xA6BF, 0xA6C0, 0xA6C1, 0xA73F, 0xA740, 0xA741, 0xA7BF, 0xA7C0, 0xA7C1, 0xA83F, 0xA840, 0xA841]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v252) : (vector<16xi16>) -> ()
  %v253 = arith.constant dense<[0xA8BF, 0xA8C0, 0xA8C1, 0xA93F, 0xA940, 0xA941, 0xA9BF, 0xA9C0, 0xA9C1, 0xAA3F, 0xAA40, 0xAA41, 0xAABF, 0xAAC0, 0xAAC1, 0xAB3F]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v253) : (vector<16xi16>) -> ()
  %v254 = arith.constant dense<[0xAB40, 0xAB41, 0xABBF, 0xABC0, 0xABC1, 0xAC3F, 0xAC40, 0xAC41, 0xACBF, 0xACC0, 0xACC1, 0xAD3F, 0xAD40, 0xAD41, 0xADBF, 0xADC0]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v254) : (vector<16xi16>) -> ()
  %v255 = arith.constant dense<[0xADC1, 0xAE3F, 0xAE40, 0xAE41, 0xAEBF, 0xAEC0, 0xAEC1, 0xAF3F, 0xAF40, 0xAF41, 0xAFBF, 0xAFC0, 0xAFC1, 0xB03F, 0xB040, 0xB041]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v255) : (vector<16xi16>) -> ()
  %v256 = arith.constant dense<[0xB0BF, 0xB0C0, 0xB0C1, 0xB13F, 0xB140, 0xB141, 0xB1BF, 0xB1C0, 0xB1C1, 0xB23F, 0xB240, 0xB241, 0xB2BF, 0xB2C0, 0xB2C1, 0xB33F]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v256) : (vector<16xi16>) -> ()
  %v257 = arith.constant dense<[0xB340, 0xB341, 0xB3BF, 0xB3C0, 0xB3C1, 0xB43F, 0xB440, 0xB441, 0xB4BF, 0xB4C0, 0xB4C1, 0xB53F, 0xB540, 0xB541, 0xB5BF, 0xB5C0]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v257) : (vector<16xi16>) -> ()
  %v258 = arith.constant dense<[0xB5C1, 0xB63F, 0xB640, 0xB641, 0xB6BF, 0xB6C0, 0xB6C1, 0xB73F, 0xB740, 0xB741, 0xB7BF, 0xB7C0, 0xB7C1, 0xB83F, 0xB840, 0xB841]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v258) : (vector<16xi16>) -> ()
  %v259 = arith.constant dense<[0xB8BF, 0xB8C0, 0xB8C1, 0xB93F, 0xB940, 0xB941, 0xB9BF, 0xB9C0, 0xB9C1, 0xBA3F, 0xBA40, 0xBA41, 0xBABF, 0xBAC0, 0xBAC1, 0xBB3F]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v259) : (vector<16xi16>) -> ()
  %v260 = arith.constant dense<[0xBB40, 0xBB41, 0xBBBF, 0xBBC0, 0xBBC1, 0xBC3F, 0xBC40, 0xBC41, 0xBCBF, 0xBCC0, 0xBCC1, 0xBD3F, 0xBD40, 0xBD41, 0xBDBF, 0xBDC0]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v260) : (vector<16xi16>) -> ()
  %v261 = arith.constant dense<[0xBDC1, 0xBE3F, 0xBE40, 0xBE41, 0xBEBF, 0xBEC0, 0xBEC1, 0xBF3F, 0xBF40, 0xBF41, 0xBFBF, 0xBFC0, 0xBFC1, 0xC03F, 0xC040, 0xC041]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v261) : (vector<16xi16>) -> ()
  %v262 = arith.constant dense<[0xC0BF, 0xC0C0, 0xC0C1, 0xC13F, 0xC140, 0xC141, 0xC1BF, 0xC1C0, 0xC1C1, 0xC23F, 0xC240, 0xC241, 0xC2BF, 0xC2C0, 0xC2C1, 0xC33F]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v262) : (vector<16xi16>) -> ()
  %v263 = arith.constant dense<[0xC340, 0xC341, 0xC3BF, 0xC3C0, 0xC3C1, 0xC43F, 0xC440, 0xC441, 0xC4BF, 0xC4C0, 0xC4C1, 0xC53F, 0xC540, 0xC541, 0xC5BF, 0xC5C0]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v263) : (vector<16xi16>) -> ()
  %v264 = arith.constant dense<[0xC5C1, 0xC63F, 0xC640, 0xC641, 0xC6BF, 0xC6C0, 0xC6C1, 0xC73F, 0xC740, 0xC741, 0xC7BF, 0xC7C0, 0xC7C1, 0xC83F, 0xC840, 0xC841]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v264) : (vector<16xi16>) -> ()
  %v265 = arith.constant dense<[0xC8BF, 0xC8C0, 0xC8C1, 0xC93F, 0xC940, 0xC941, 0xC9BF, 0xC9C0, 0xC9C1, 0xCA3F, 0xCA40, 0xCA41, 0xCABF, 0xCAC0, 0xCAC1, 0xCB3F]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v265) : (vector<16xi16>) -> ()
  %v266 = arith.constant dense<[0xCB40, 0xCB41, 0xCBBF, 0xCBC0, 0xCBC1, 0xCC3F, 0xCC40, 0xCC41, 0xCCBF, 0xCCC0, 0xCCC1, 0xCD3F, 0xCD40, 0xCD41, 0xCDBF, 0xCDC0]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v266) : (vector<16xi16>) -> ()
  %v267 = arith.constant dense<[0xCDC1, 0xCE3F, 0xCE40, 0xCE41, 0xCEBF, 0xCEC0, 0xCEC1, 0xCF3F, 0xCF40, 0xCF41, 0xCFBF, 0xCFC0, 0xCFC1, 0xD03F, 0xD040, 0xD041]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v267) : (vector<16xi16>) -> ()
  %v268 = arith.constant dense<[0xD0BF, 0xD0C0, 0xD0C1, 0xD13F, 0xD140, 0xD141, 0xD1BF, 0xD1C0, 0xD1C1, 0xD23F, 0xD240, 0xD241, 0xD2BF, 0xD2C0, 0xD2C1, 0xD33F]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v268) : (vector<16xi16>) -> ()
  %v269 = arith.constant dense<[0xD340, 0xD341, 0xD3BF, 0xD3C0, 0xD3C1, 0xD43F, 0xD440, 0xD441, 0xD4BF, 0xD4C0, 0xD4C1, 0xD53F, 0xD540, 0xD541, 0xD5BF, 0xD5C0]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v269) : (vector<16xi16>) -> ()
  %v270 = arith.constant dense<[0xD5C1, 0xD63F, 0xD640, 0xD641, 0xD6BF, 0xD6C0, 0xD6C1, 0xD73F, 0xD740, 0xD741, 0xD7BF, 0xD7C0, 0xD7C1, 0xD83F, 0xD840, 0xD841]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v270) : (vector<16xi16>) -> ()
  %v271 = arith.constant dense<[0xD8BF, 0xD8C0, 0xD8C1, 0xD93F, 0xD940, 0xD941, 0xD9BF, 0xD9C0, 0xD9C1, 0xDA3F, 0xDA40, 0xDA41, 0xDABF, 0xDAC0, 0xDAC1, 0xDB3F]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v271) : (vector<16xi16>) -> ()
  %v272 = arith.constant dense<[0xDB40, 0xDB41, 0xDBBF, 0xDBC0, 0xDBC1, 0xDC3F, 0xDC40, 0xDC41, 0xDCBF, 0xDCC0, 0xDCC1, 0xDD3F, 0xDD40, 0xDD41, 0xDDBF, 0xDDC0]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v272) : (vector<16xi16>) -> ()
  %v273 = arith.constant dense<[0xDDC1, 0xDE3F, 0xDE40, 0xDE41, 0xDEBF, 0xDEC0, 0xDEC1, 0xDF3F, 0xDF40, 0xDF41, 0x0000, 0x8000, 0x7C00, 0xFC00, 0x7E00, 0xFE00]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v273) : (vector<16xi16>) -> ()
  %v274 = arith.constant dense<[0x7C01, 0x7BFF, 0xFBFF, 0x0001, 0x8001, 0x0400, 0x8400, 0x3C00, 0xBC00, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000]> : vector<16xi16>
  func.call @truncf_f16_E4M3FN(%v274) : (vector<16xi16>) -> ()
  "vector.print"() <{stringLiteral = "truncf bf16 -> f8E4M3FN\0A"}> : () -> ()
  %v275 = arith.constant dense<[0x3A7F, 0x3A80, 0x3A81, 0x3B3F, 0x3B40, 0x3B41, 0x3B9F, 0x3BA0, 0x3BA1, 0x3BDF, 0x3BE0, 0x3BE1, 0x3C0F, 0x3C10, 0x3C11, 0x3C2F]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v275) : (vector<16xi16>) -> ()
  %v276 = arith.constant dense<[0x3C30, 0x3C31, 0x3C4F, 0x3C50, 0x3C51, 0x3C6F, 0x3C70, 0x3C71, 0x3C87, 0x3C88, 0x3C89, 0x3C97, 0x3C98, 0x3C99, 0x3CA7, 0x3CA8]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v276) : (vector<16xi16>) -> ()
  %v277 = arith.constant dense<[0x3CA9, 0x3CB7, 0x3CB8, 0x3CB9, 0x3CC7, 0x3CC8, 0x3CC9, 0x3CD7, 0x3CD8, 0x3CD9, 0x3CE7, 0x3CE8, 0x3CE9, 0x3CF7, 0x3CF8, 0x3CF9]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v277) : (vector<16xi16>) -> ()
  %v278 = arith.constant dense<[0x3D07, 0x3D08, 0x3D09, 0x3D17, 0x3D18, 0x3D19, 0x3D27, 0x3D28, 0x3D29, 0x3D37, 0x3D38, 0x3D39, 0x3D47, 0x3D48, 0x3D49, 0x3D57]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v278) : (vector<16xi16>) -> ()
  %v279 = arith.constant dense<[0x3D58, 0x3D59, 0x3D67, 0x3D68, 0x3D69, 0x3D77, 0x3D78, 0x3D79, 0x3D87, 0x3D88, 0x3D89, 0x3D97, 0x3D98, 0x3D99, 0x3DA7, 0x3DA8]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v279) : (vector<16xi16>) -> ()
  %v280 = arith.constant dense<[0x3DA9, 0x3DB7, 0x3DB8, 0x3DB9, 0x3DC7, 0x3DC8, 0x3DC9, 0x3DD7, 0x3DD8, 0x3DD9, 0x3DE7, 0x3DE8, 0x3DE9, 0x3DF7, 0x3DF8, 0x3DF9]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v280) : (vector<16xi16>) -> ()
  %v281 = arith.constant dense<[0x3E07, 0x3E08, 0x3E09, 0x3E17, 0x3E18, 0x3E19, 0x3E27, 0x3E28, 0x3E29, 0x3E37, 0x3E38, 0x3E39, 0x3E47, 0x3E48, 0x3E49, 0x3E57]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v281) : (vector<16xi16>) -> ()
  %v282 = arith.constant dense<[0x3E58, 0x3E59, 0x3E67, 0x3E68, 0x3E69, 0x3E77, 0x3E78, 0x3E79, 0x3E87, 0x3E88, 0x3E89, 0x3E97, 0x3E98, 0x3E99, 0x3EA7, 0x3EA8]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v282) : (vector<16xi16>) -> ()
  %v283 = arith.constant dense<[0x3EA9, 0x3EB7, 0x3EB8, 0x3EB9, 0x3EC7, 0x3EC8, 0x3EC9, 0x3ED7, 0x3ED8, 0x3ED9, 0x3EE7, 0x3EE8, 0x3EE9, 0x3EF7, 0x3EF8, 0x3EF9]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v283) : (vector<16xi16>) -> ()
  %v284 = arith.constant dense<[0x3F07, 0x3F08, 0x3F09, 0x3F17, 0x3F18, 0x3F19, 0x3F27, 0x3F28, 0x3F29, 0x3F37, 0x3F38, 0x3F39, 0x3F47, 0x3F48, 0x3F49, 0x3F57]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v284) : (vector<16xi16>) -> ()
  %v285 = arith.constant dense<[0x3F58, 0x3F59, 0x3F67, 0x3F68, 0x3F69, 0x3F77, 0x3F78, 0x3F79, 0x3F87, 0x3F88, 0x3F89, 0x3F97, 0x3F98, 0x3F99, 0x3FA7, 0x3FA8]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v285) : (vector<16xi16>) -> ()
  %v286 = arith.constant dense<[0x3FA9, 0x3FB7, 0x3FB8, 0x3FB9, 0x3FC7, 0x3FC8, 0x3FC9, 0x3FD7, 0x3FD8, 0x3FD9, 0x3FE7, 0x3FE8, 0x3FE9, 0x3FF7, 0x3FF8, 0x3FF9]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v286) : (vector<16xi16>) -> ()
  %v287 = arith.constant dense<[0x4007, 0x4008, 0x4009, 0x4017, 0x4018, 0x4019, 0x4027, 0x4028, 0x4029, 0x4037, 0x4038, 0x4039, 0x4047, 0x4048, 0x4049, 0x4057]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v287) : (vector<16xi16>) -> ()
  %v288 = arith.constant dense<[0x4058, 0x4059, 0x4067, 0x4068, 0x4069, 0x4077, 0x4078, 0x4079, 0x4087, 0x4088, 0x4089, 0x4097, 0x4098, 0x4099, 0x40A7, 0x40A8]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v288) : (vector<16xi16>) -> ()
  %v289 = arith.constant dense<[0x40A9, 0x40B7, 0x40B8, 0x40B9, 0x40C7, 0x40C8, 0x40C9, 0x40D7, 0x40D8, 0x40D9, 0x40E7, 0x40E8, 0x40E9, 0x40F7, 0x40F8, 0x40F9]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v289) : (vector<16xi16>) -> ()
  %v290 = arith.constant dense<[0x4107, 0x4108, 0x4109, 0x4117, 0x4118, 0x4119, 0x4127, 0x4128, 0x4129, 0x4137, 0x4138, 0x4139, 0x4147, 0x4148, 0x4149, 0x4157]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v290) : (vector<16xi16>) -> ()
  %v291 = arith.constant dense<[0x4158, 0x4159, 0x4167, 0x4168, 0x4169, 0x4177, 0x4178, 0x4179, 0x4187, 0x4188, 0x4189, 0x4197, 0x4198, 0x4199, 0x41A7, 0x41A8]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v291) : (vector<16xi16>) -> ()
  %v292 = arith.constant dense<[0x41A9, 0x41B7, 0x41B8, 0x41B9, 0x41C7, 0x41C8, 0x41C9, 0x41D7, 0x41D8, 0x41D9, 0x41E7, 0x41E8, 0x41E9, 0x41F7, 0x41F8, 0x41F9]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v292) : (vector<16xi16>) -> ()
  %v293 = arith.constant dense<[0x4207, 0x4208, 0x4209, 0x4217, 0x4218, 0x4219, 0x4227, 0x4228, 0x4229, 0x4237, 0x4238, 0x4239, 0x4247, 0x4248, 0x4249, 0x4257]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v293) : (vector<16xi16>) -> ()
  %v294 = arith.constant dense<[0x4258, 0x4259, 0x4267, 0x4268, 0x4269, 0x4277, 0x4278, 0x4279, 0x4287, 0x4288, 0x4289, 0x4297, 0x4298, 0x4299, 0x42A7, 0x42A8]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v294) : (vector<16xi16>) -> ()
  %v295 = arith.constant dense<[0x42A9, 0x42B7, 0x42B8, 0x42B9, 0x42C7, 0x42C8, 0x42C9, 0x42D7, 0x42D8, 0x42D9, 0x42E7, 0x42E8, 0x42E9, 0x42F7, 0x42F8, 0x42F9]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v295) : (vector<16xi16>) -> ()
  %v296 = arith.constant dense<[0x4307, 0x4308, 0x4309, 0x4317, 0x4318, 0x4319, 0x4327, 0x4328, 0x4329, 0x4337, 0x4338, 0x4339, 0x4347, 0x4348, 0x4349, 0x4357]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v296) : (vector<16xi16>) -> ()
  %v297 = arith.constant dense<[0x4358, 0x4359, 0x4367, 0x4368, 0x4369, 0x4377, 0x4378, 0x4379, 0x4387, 0x4388, 0x4389, 0x4397, 0x4398, 0x4399, 0x43A7, 0x43A8]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v297) : (vector<16xi16>) -> ()
  %v298 = arith.constant dense<[0x43A9, 0x43B7, 0x43B8, 0x43B9, 0x43C7, 0x43C8, 0x43C9, 0x43D7, 0x43D8, 0x43D9, 0x43E7, 0x43E8, 0x43E9, 0xBA7F, 0xBA80, 0xBA81]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v298) : (vector<16xi16>) -> ()
  %v299 = arith.constant dense<[0xBB3F, 0xBB40, 0xBB41, 0xBB9F, 0xBBA0, 0xBBA1, 0xBBDF, 0xBBE0, 0xBBE1, 0xBC0F, 0xBC10, 0xBC11, 0xBC2F, 0xBC30, 0xBC31, 0xBC4F]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v299) : (vector<16xi16>) -> ()
  %v300 = arith.constant dense<[0xBC50, 0xBC51, 0xBC6F, 0xBC70, 0xBC71, 0xBC87, 0xBC88, 0xBC89, 0xBC97, 0xBC98, 0xBC99, 0xBCA7, 0xBCA8, 0xBCA9, 0xBCB7, 0xBCB8]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v300) : (vector<16xi16>) -> ()
  %v301 = arith.constant dense<[0xBCB9, 0xBCC7, 0xBCC8, 0xBCC9, 0xBCD7, 0xBCD8, 0xBCD9, 0xBCE7, 0xBCE8, 0xBCE9, 0xBCF7, 0xBCF8, 0xBCF9, 0xBD07, 0xBD08, 0xBD09]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v301) : (vector<16xi16>) -> ()
  %v302 = arith.constant dense<[0xBD17, 0xBD18, 0xBD19, 0xBD27, 0xBD28, 0xBD29, 0xBD37, 0xBD38, 0xBD39, 0xBD47, 0xBD48, 0xBD49, 0xBD57, 0xBD58, 0xBD59, 0xBD67]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v302) : (vector<16xi16>) -> ()
  %v303 = arith.constant dense<[0xBD68, 0xBD69, 0xBD77, 0xBD78, 0xBD79, 0xBD87, 0xBD88, 0xBD89, 0xBD97, 0xBD98, 0xBD99, 0xBDA7, 0xBDA8, 0xBDA9, 0xBDB7, 0xBDB8]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v303) : (vector<16xi16>) -> ()
  %v304 = arith.constant dense<[0xBDB9, 0xBDC7, 0xBDC8, 0xBDC9, 0xBDD7, 0xBDD8, 0xBDD9, 0xBDE7, 0xBDE8, 0xBDE9, 0xBDF7, 0xBDF8, 0xBDF9, 0xBE07, 0xBE08, 0xBE09]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v304) : (vector<16xi16>) -> ()
  %v305 = arith.constant dense<[0xBE17, 0xBE18, 0xBE19, 0xBE27, 0xBE28, 0xBE29, 0xBE37, 0xBE38, 0xBE39, 0xBE47, 0xBE48, 0xBE49, 0xBE57, 0xBE58, 0xBE59, 0xBE67]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v305) : (vector<16xi16>) -> ()
  %v306 = arith.constant dense<[0xBE68, 0xBE69, 0xBE77, 0xBE78, 0xBE79, 0xBE87, 0xBE88, 0xBE89, 0xBE97, 0xBE98, 0xBE99, 0xBEA7, 0xBEA8, 0xBEA9, 0xBEB7, 0xBEB8]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v306) : (vector<16xi16>) -> ()
  %v307 = arith.constant dense<[0xBEB9, 0xBEC7, 0xBEC8, 0xBEC9, 0xBED7, 0xBED8, 0xBED9, 0xBEE7, 0xBEE8, 0xBEE9, 0xBEF7, 0xBEF8, 0xBEF9, 0xBF07, 0xBF08, 0xBF09]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v307) : (vector<16xi16>) -> ()
  %v308 = arith.constant dense<[0xBF17, 0xBF18, 0xBF19, 0xBF27, 0xBF28, 0xBF29, 0xBF37, 0xBF38, 0xBF39, 0xBF47, 0xBF48, 0xBF49, 0xBF57, 0xBF58, 0xBF59, 0xBF67]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v308) : (vector<16xi16>) -> ()
  %v309 = arith.constant dense<[0xBF68, 0xBF69, 0xBF77, 0xBF78, 0xBF79, 0xBF87, 0xBF88, 0xBF89, 0xBF97, 0xBF98, 0xBF99, 0xBFA7, 0xBFA8, 0xBFA9, 0xBFB7, 0xBFB8]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v309) : (vector<16xi16>) -> ()
  %v310 = arith.constant dense<[0xBFB9, 0xBFC7, 0xBFC8, 0xBFC9, 0xBFD7, 0xBFD8, 0xBFD9, 0xBFE7, 0xBFE8, 0xBFE9, 0xBFF7, 0xBFF8, 0xBFF9, 0xC007, 0xC008, 0xC009]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v310) : (vector<16xi16>) -> ()
  %v311 = arith.constant dense<[0xC017, 0xC018, 0xC019, 0xC027, 0xC028, 0xC029, 0xC037, 0xC038, 0xC039, 0xC047, 0xC048, 0xC049, 0xC057, 0xC058, 0xC059, 0xC067]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v311) : (vector<16xi16>) -> ()
  %v312 = arith.constant dense<[0xC068, 0xC069, 0xC077, 0xC078, 0xC079, 0xC087, 0xC088, 0xC089, 0xC097, 0xC098, 0xC099, 0xC0A7, 0xC0A8, 0xC0A9, 0xC0B7, 0xC0B8]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v312) : (vector<16xi16>) -> ()
  %v313 = arith.constant dense<[0xC0B9, 0xC0C7, 0xC0C8, 0xC0C9, 0xC0D7, 0xC0D8, 0xC0D9, 0xC0E7, 0xC0E8, 0xC0E9, 0xC0F7, 0xC0F8, 0xC0F9, 0xC107, 0xC108, 0xC109]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v313) : (vector<16xi16>) -> ()
  %v314 = arith.constant dense<[0xC117, 0xC118, 0xC119, 0xC127, 0xC128, 0xC129, 0xC137, 0xC138, 0xC139, 0xC147, 0xC148, 0xC149, 0xC157, 0xC158, 0xC159, 0xC167]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v314) : (vector<16xi16>) -> ()
  %v315 = arith.constant dense<[0xC168, 0xC169, 0xC177, 0xC178, 0xC179, 0xC187, 0xC188, 0xC189, 0xC197, 0xC198, 0xC199, 0xC1A7, 0xC1A8, 0xC1A9, 0xC1B7, 0xC1B8]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v315) : (vector<16xi16>) -> ()
  %v316 = arith.constant dense<[0xC1B9, 0xC1C7, 0xC1C8, 0xC1C9, 0xC1D7, 0xC1D8, 0xC1D9, 0xC1E7, 0xC1E8, 0xC1E9, 0xC1F7, 0xC1F8, 0xC1F9, 0xC207, 0xC208, 0xC209]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v316) : (vector<16xi16>) -> ()
  %v317 = arith.constant dense<[0xC217, 0xC218, 0xC219, 0xC227, 0xC228, 0xC229, 0xC237, 0xC238, 0xC239, 0xC247, 0xC248, 0xC249, 0xC257, 0xC258, 0xC259, 0xC267]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v317) : (vector<16xi16>) -> ()
  %v318 = arith.constant dense<[0xC268, 0xC269, 0xC277, 0xC278, 0xC279, 0xC287, 0xC288, 0xC289, 0xC297, 0xC298, 0xC299, 0xC2A7, 0xC2A8, 0xC2A9, 0xC2B7, 0xC2B8]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v318) : (vector<16xi16>) -> ()
  %v319 = arith.constant dense<[0xC2B9, 0xC2C7, 0xC2C8, 0xC2C9, 0xC2D7, 0xC2D8, 0xC2D9, 0xC2E7, 0xC2E8, 0xC2E9, 0xC2F7, 0xC2F8, 0xC2F9, 0xC307, 0xC308, 0xC309]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v319) : (vector<16xi16>) -> ()
  %v320 = arith.constant dense<[0xC317, 0xC318, 0xC319, 0xC327, 0xC328, 0xC329, 0xC337, 0xC338, 0xC339, 0xC347, 0xC348, 0xC349, 0xC357, 0xC358, 0xC359, 0xC367]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v320) : (vector<16xi16>) -> ()
  %v321 = arith.constant dense<[0xC368, 0xC369, 0xC377, 0xC378, 0xC379, 0xC387, 0xC388, 0xC389, 0xC397, 0xC398, 0xC399, 0xC3A7, 0xC3A8, 0xC3A9, 0xC3B7, 0xC3B8]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v321) : (vector<16xi16>) -> ()
  %v322 = arith.constant dense<[0xC3B9, 0xC3C7, 0xC3C8, 0xC3C9, 0xC3D7, 0xC3D8, 0xC3D9, 0xC3E7, 0xC3E8, 0xC3E9, 0x0000, 0x8000, 0x7F80, 0xFF80, 0x7FC0, 0xFFC0]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v322) : (vector<16xi16>) -> ()
  %v323 = arith.constant dense<[0x7F81, 0x7F7F, 0xFF7F, 0x0001, 0x8001, 0x0080, 0x8080, 0x3F80, 0xBF80, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000]> : vector<16xi16>
  func.call @truncf_bf16_E4M3FN(%v323) : (vector<16xi16>) -> ()
  "vector.print"() <{stringLiteral = "truncf f16 -> f8E5M2\0A"}> : () -> ()
  %v324 = arith.constant dense<[0x007F, 0x0080, 0x0081, 0x017F, 0x0180, 0x0181, 0x027F, 0x0280, 0x0281, 0x037F, 0x0380, 0x0381, 0x047F, 0x0480, 0x0481, 0x057F]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v324) : (vector<16xi16>) -> ()
  %v325 = arith.constant dense<[0x0580, 0x0581, 0x067F, 0x0680, 0x0681, 0x077F, 0x0780, 0x0781, 0x087F, 0x0880, 0x0881, 0x097F, 0x0980, 0x0981, 0x0A7F, 0x0A80]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v325) : (vector<16xi16>) -> ()
  %v326 = arith.constant dense<[0x0A81, 0x0B7F, 0x0B80, 0x0B81, 0x0C7F, 0x0C80, 0x0C81, 0x0D7F, 0x0D80, 0x0D81, 0x0E7F, 0x0E80, 0x0E81, 0x0F7F, 0x0F80, 0x0F81]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v326) : (vector<16xi16>) -> ()
  %v327 = arith.constant dense<[0x107F, 0x1080, 0x1081, 0x117F, 0x1180, 0x1181, 0x127F, 0x1280, 0x1281, 0x137F, 0x1380, 0x1381, 0x147F, 0x1480, 0x1481, 0x157F]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v327) : (vector<16xi16>) -> ()
  %v328 = arith.constant dense<[0x1580, 0x1581, 0x167F, 0x1680, 0x1681, 0x177F, 0x1780, 0x1781, 0x187F, 0x1880, 0x1881, 0x197F, 0x1980, 0x1981, 0x1A7F, 0x1A80]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v328) : (vector<16xi16>) -> ()
  %v329 = arith.constant dense<[0x1A81, 0x1B7F, 0x1B80, 0x1B81, 0x1C7F, 0x1C80, 0x1C81, 0x1D7F, 0x1D80, 0x1D81, 0x1E7F, 0x1E80, 0x1E81, 0x1F7F, 0x1F80, 0x1F81]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v329) : (vector<16xi16>) -> ()
  %v330 = arith.constant dense<[0x207F, 0x2080, 0x2081, 0x217F, 0x2180, 0x2181, 0x227F, 0x2280, 0x2281, 0x237F, 0x2380, 0x2381, 0x247F, 0x2480, 0x2481, 0x257F]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v330) : (vector<16xi16>) -> ()
  %v331 = arith.constant dense<[0x2580, 0x2581, 0x267F, 0x2680, 0x2681, 0x277F, 0x2780, 0x2781, 0x287F, 0x2880, 0x2881, 0x297F, 0x2980, 0x2981, 0x2A7F, 0x2A80]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v331) : (vector<16xi16>) -> ()
  %v332 = arith.constant dense<[0x2A81, 0x2B7F, 0x2B80, 0x2B81, 0x2C7F, 0x2C80, 0x2C81, 0x2D7F, 0x2D80, 0x2D81, 0x2E7F, 0x2E80, 0x2E81, 0x2F7F, 0x2F80, 0x2F81]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v332) : (vector<16xi16>) -> ()
  %v333 = arith.constant dense<[0x307F, 0x3080, 0x3081, 0x317F, 0x3180, 0x3181, 0x327F, 0x3280, 0x3281, 0x337F, 0x3380, 0x3381, 0x347F, 0x3480, 0x3481, 0x357F]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v333) : (vector<16xi16>) -> ()
  %v334 = arith.constant dense<[0x3580, 0x3581, 0x367F, 0x3680, 0x3681, 0x377F, 0x3780, 0x3781, 0x387F, 0x3880, 0x3881, 0x397F, 0x3980, 0x3981, 0x3A7F, 0x3A80]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v334) : (vector<16xi16>) -> ()
  %v335 = arith.constant dense<[0x3A81, 0x3B7F, 0x3B80, 0x3B81, 0x3C7F, 0x3C80, 0x3C81, 0x3D7F, 0x3D80, 0x3D81, 0x3E7F, 0x3E80, 0x3E81, 0x3F7F, 0x3F80, 0x3F81]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v335) : (vector<16xi16>) -> ()
  %v336 = arith.constant dense<[0x407F, 0x4080, 0x4081, 0x417F, 0x4180, 0x4181, 0x427F, 0x4280, 0x4281, 0x437F, 0x4380, 0x4381, 0x447F, 0x4480, 0x4481, 0x457F]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v336) : (vector<16xi16>) -> ()
  %v337 = arith.constant dense<[0x4580, 0x4581, 0x467F, 0x4680, 0x4681, 0x477F, 0x4780, 0x4781, 0x487F, 0x4880, 0x4881, 0x497F, 0x4980, 0x4981, 0x4A7F, 0x4A80]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v337) : (vector<16xi16>) -> ()
  %v338 = arith.constant dense<[0x4A81, 0x4B7F, 0x4B80, 0x4B81, 0x4C7F, 0x4C80, 0x4C81, 0x4D7F, 0x4D80, 0x4D81, 0x4E7F, 0x4E80, 0x4E81, 0x4F7F, 0x4F80, 0x4F81]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v338) : (vector<16xi16>) -> ()
  %v339 = arith.constant dense<[0x507F, 0x5080, 0x5081, 0x517F, 0x5180, 0x5181, 0x527F, 0x5280, 0x5281, 0x537F, 0x5380, 0x5381, 0x547F, 0x5480, 0x5481, 0x557F]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v339) : (vector<16xi16>) -> ()
  %v340 = arith.constant dense<[0x5580, 0x5581, 0x567F, 0x5680, 0x5681, 0x577F, 0x5780, 0x5781, 0x587F, 0x5880, 0x5881, 0x597F, 0x5980, 0x5981, 0x5A7F, 0x5A80]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v340) : (vector<16xi16>) -> ()
  %v341 = arith.constant dense<[0x5A81, 0x5B7F, 0x5B80, 0x5B81, 0x5C7F, 0x5C80, 0x5C81, 0x5D7F, 0x5D80, 0x5D81, 0x5E7F, 0x5E80, 0x5E81, 0x5F7F, 0x5F80, 0x5F81]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v341) : (vector<16xi16>) -> ()
  %v342 = arith.constant dense<[0x607F, 0x6080, 0x6081, 0x617F, 0x6180, 0x6181, 0x627F, 0x6280, 0x6281, 0x637F, 0x6380, 0x6381, 0x647F, 0x6480, 0x6481, 0x657F]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v342) : (vector<16xi16>) -> ()
  %v343 = arith.constant dense<[0x6580, 0x6581, 0x667F, 0x6680, 0x6681, 0x677F, 0x6780, 0x6781, 0x687F, 0x6880, 0x6881, 0x697F, 0x6980, 0x6981, 0x6A7F, 0x6A80]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v343) : (vector<16xi16>) -> ()
  %v344 = arith.constant dense<[0x6A81, 0x6B7F, 0x6B80, 0x6B81, 0x6C7F, 0x6C80, 0x6C81, 0x6D7F, 0x6D80, 0x6D81, 0x6E7F, 0x6E80, 0x6E81, 0x6F7F, 0x6F80, 0x6F81]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v344) : (vector<16xi16>) -> ()
  %v345 = arith.constant dense<[0x707F, 0x7080, 0x7081, 0x717F, 0x7180, 0x7181, 0x727F, 0x7280, 0x7281, 0x737F, 0x7380, 0x7381, 0x747F, 0x7480, 0x7481, 0x757F]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v345) : (vector<16xi16>) -> ()
  %v346 = arith.constant dense<[0x7580, 0x7581, 0x767F, 0x7680, 0x7681, 0x777F, 0x7780, 0x7781, 0x787F, 0x7880, 0x7881, 0x797F, 0x7980, 0x7981, 0x7A7F, 0x7A80]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v346) : (vector<16xi16>) -> ()
  %v347 = arith.constant dense<[0x7A81, 0x7B7F, 0x7B80, 0x7B81, 0x807F, 0x8080, 0x8081, 0x817F, 0x8180, 0x8181, 0x827F, 0x8280, 0x8281, 0x837F, 0x8380, 0x8381]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v347) : (vector<16xi16>) -> ()
  %v348 = arith.constant dense<[0x847F, 0x8480, 0x8481, 0x857F, 0x8580, 0x8581, 0x867F, 0x8680, 0x8681, 0x877F, 0x8780, 0x8781, 0x887F, 0x8880, 0x8881, 0x897F]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v348) : (vector<16xi16>) -> ()
  %v349 = arith.constant dense<[0x8980, 0x8981, 0x8A7F, 0x8A80, 0x8A81, 0x8B7F, 0x8B80, 0x8B81, 0x8C7F, 0x8C80, 0x8C81, 0x8D7F, 0x8D80, 0x8D81, 0x8E7F, 0x8E80]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v349) : (vector<16xi16>) -> ()
  %v350 = arith.constant dense<[0x8E81, 0x8F7F, 0x8F80, 0x8F81, 0x907F, 0x9080, 0x9081, 0x917F, 0x9180, 0x9181, 0x927F, 0x9280, 0x9281, 0x937F, 0x9380, 0x9381]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v350) : (vector<16xi16>) -> ()
  %v351 = arith.constant dense<[0x947F, 0x9480, 0x9481, 0x957F, 0x9580, 0x9581, 0x967F, 0x9680, 0x9681, 0x977F, 0x9780, 0x9781, 0x987F, 0x9880, 0x9881, 0x997F]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v351) : (vector<16xi16>) -> ()
  %v352 = arith.constant dense<[0x9980, 0x9981, 0x9A7F, 0x9A80, 0x9A81, 0x9B7F, 0x9B80, 0x9B81, 0x9C7F, 0x9C80, 0x9C81, 0x9D7F, 0x9D80, 0x9D81, 0x9E7F, 0x9E80]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v352) : (vector<16xi16>) -> ()
  %v353 = arith.constant dense<[0x9E81, 0x9F7F, 0x9F80, 0x9F81, 0xA07F, 0xA080, 0xA081, 0xA17F, 0xA180, 0xA181, 0xA27F, 0xA280, 0xA281, 0xA37F, 0xA380, 0xA381]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v353) : (vector<16xi16>) -> ()
  %v354 = arith.constant dense<[0xA47F, 0xA480, 0xA481, 0xA57F, 0xA580, 0xA581, 0xA67F, 0xA680, 0xA681, 0xA77F, 0xA780, 0xA781, 0xA87F, 0xA880, 0xA881, 0xA97F]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v354) : (vector<16xi16>) -> ()
  %v355 = arith.constant dense<[0xA980, 0xA981, 0xAA7F, 0xAA80, 0xAA81, 0xAB7F, 0xAB80, 0xAB81, 0xAC7F, 0xAC80, 0xAC81, 0xAD7F, 0xAD80, 0xAD81, 0xAE7F, 0xAE80]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v355) : (vector<16xi16>) -> ()
  %v356 = arith.constant dense<[0xAE81, 0xAF7F, 0xAF80, 0xAF81, 0xB07F, 0xB080, 0xB081, 0xB17F, 0xB180, 0xB181, 0xB27F, 0xB280, 0xB281, 0xB37F, 0xB380, 0xB381]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v356) : (vector<16xi16>) -> ()
  %v357 = arith.constant dense<[0xB47F, 0xB480, 0xB481, 0xB57F, 0xB580, 0xB581, 0xB67F, 0xB680, 0xB681, 0xB77F, 0xB780, 0xB781, 0xB87F, 0xB880, 0xB881, 0xB97F]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v357) : (vector<16xi16>) -> ()
  %v358 = arith.constant dense<[0xB980, 0xB981, 0xBA7F, 0xBA80, 0xBA81, 0xBB7F, 0xBB80, 0xBB81, 0xBC7F, 0xBC80, 0xBC81, 0xBD7F, 0xBD80, 0xBD81, 0xBE7F, 0xBE80]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v358) : (vector<16xi16>) -> ()
  %v359 = arith.constant dense<[0xBE81, 0xBF7F, 0xBF80, 0xBF81, 0xC07F, 0xC080, 0xC081, 0xC17F, 0xC180, 0xC181, 0xC27F, 0xC280, 0xC281, 0xC37F, 0xC380, 0xC381]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v359) : (vector<16xi16>) -> ()
  %v360 = arith.constant dense<[0xC47F, 0xC480, 0xC481, 0xC57F, 0xC580, 0xC581, 0xC67F, 0xC680, 0xC681, 0xC77F, 0xC780, 0xC781, 0xC87F, 0xC880, 0xC881, 0xC97F]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v360) : (vector<16xi16>) -> ()
  %v361 = arith.constant dense<[0xC980, 0xC981, 0xCA7F, 0xCA80, 0xCA81, 0xCB7F, 0xCB80, 0xCB81, 0xCC7F, 0xCC80, 0xCC81, 0xCD7F, 0xCD80, 0xCD81, 0xCE7F, 0xCE80]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v361) : (vector<16xi16>) -> ()
  %v362 = arith.constant dense<[0xCE81, 0xCF7F, 0xCF80, 0xCF81, 0xD07F, 0xD080, 0xD081, 0xD17F, 0xD180, 0xD181, 0xD27F, 0xD280, 0xD281, 0xD37F, 0xD380, 0xD381]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v362) : (vector<16xi16>) -> ()
  %v363 = arith.constant dense<[0xD47F, 0xD480, 0xD481, 0xD57F, 0xD580, 0xD581, 0xD67F, 0xD680, 0xD681, 0xD77F, 0xD780, 0xD781, 0xD87F, 0xD880, 0xD881, 0xD97F]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v363) : (vector<16xi16>) -> ()
  %v364 = arith.constant dense<[0xD980, 0xD981, 0xDA7F, 0xDA80, 0xDA81, 0xDB7F, 0xDB80, 0xDB81, 0xDC7F, 0xDC80, 0xDC81, 0xDD7F, 0xDD80, 0xDD81, 0xDE7F, 0xDE80]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v364) : (vector<16xi16>) -> ()
  %v365 = arith.constant dense<[0xDE81, 0xDF7F, 0xDF80, 0xDF81, 0xE07F, 0xE080, 0xE081, 0xE17F, 0xE180, 0xE181, 0xE27F, 0xE280, 0xE281, 0xE37F, 0xE380, 0xE381]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v365) : (vector<16xi16>) -> ()
  %v366 = arith.constant dense<[0xE47F, 0xE480, 0xE481, 0xE57F, 0xE580, 0xE581, 0xE67F, 0xE680, 0xE681, 0xE77F, 0xE780, 0xE781, 0xE87F, 0xE880, 0xE881, 0xE97F]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v366) : (vector<16xi16>) -> ()
  %v367 = arith.constant dense<[0xE980, 0xE981, 0xEA7F, 0xEA80, 0xEA81, 0xEB7F, 0xEB80, 0xEB81, 0xEC7F, 0xEC80, 0xEC81, 0xED7F, 0xED80, 0xED81, 0xEE7F, 0xEE80]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v367) : (vector<16xi16>) -> ()
  %v368 = arith.constant dense<[0xEE81, 0xEF7F, 0xEF80, 0xEF81, 0xF07F, 0xF080, 0xF081, 0xF17F, 0xF180, 0xF181, 0xF27F, 0xF280, 0xF281, 0xF37F, 0xF380, 0xF381]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v368) : (vector<16xi16>) -> ()
  %v369 = arith.constant dense<[0xF47F, 0xF480, 0xF481, 0xF57F, 0xF580, 0xF581, 0xF67F, 0xF680, 0xF681, 0xF77F, 0xF780, 0xF781, 0xF87F, 0xF880, 0xF881, 0xF97F]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v369) : (vector<16xi16>) -> ()
  %v370 = arith.constant dense<[0xF980, 0xF981, 0xFA7F, 0xFA80, 0xFA81, 0xFB7F, 0xFB80, 0xFB81, 0x0000, 0x8000, 0x7C00, 0xFC00, 0x7E00, 0xFE00, 0x7C01, 0x7BFF]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v370) : (vector<16xi16>) -> ()
  %v371 = arith.constant dense<[0xFBFF, 0x0001, 0x8001, 0x0400, 0x8400, 0x3C00, 0xBC00, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000]> : vector<16xi16>
  func.call @truncf_f16_E5M2(%v371) : (vector<16xi16>) -> ()
  "vector.print"() <{stringLiteral = "truncf bf16 -> f8E5M2\0A"}> : () -> ()
  %v372 = arith.constant dense<[0x36FF, 0x3700, 0x3701, 0x37BF, 0x37C0, 0x37C1, 0x381F, 0x3820, 0x3821, 0x385F, 0x3860, 0x3861, 0x388F, 0x3890, 0x3891, 0x38AF]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v372) : (vector<16xi16>) -> ()
  %v373 = arith.constant dense<[0x38B0, 0x38B1, 0x38CF, 0x38D0, 0x38D1, 0x38EF, 0x38F0, 0x38F1, 0x390F, 0x3910, 0x3911, 0x392F, 0x3930, 0x3931, 0x394F, 0x3950]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v373) : (vector<16xi16>) -> ()
  %v374 = arith.constant dense<[0x3951, 0x396F, 0x3970, 0x3971, 0x398F, 0x3990, 0x3991, 0x39AF, 0x39B0, 0x39B1, 0x39CF, 0x39D0, 0x39D1, 0x39EF, 0x39F0, 0x39F1]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v374) : (vector<16xi16>) -> ()
  %v375 = arith.constant dense<[0x3A0F, 0x3A10, 0x3A11, 0x3A2F, 0x3A30, 0x3A31, 0x3A4F, 0x3A50, 0x3A51, 0x3A6F, 0x3A70, 0x3A71, 0x3A8F, 0x3A90, 0x3A91, 0x3AAF]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v375) : (vector<16xi16>) -> ()
  %v376 = arith.constant dense<[0x3AB0, 0x3AB1, 0x3ACF, 0x3AD0, 0x3AD1, 0x3AEF, 0x3AF0, 0x3AF1, 0x3B0F, 0x3B10, 0x3B11, 0x3B2F, 0x3B30, 0x3B31, 0x3B4F, 0x3B50]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v376) : (vector<16xi16>) -> ()
  %v377 = arith.constant dense<[0x3B51, 0x3B6F, 0x3B70, 0x3B71, 0x3B8F, 0x3B90, 0x3B91, 0x3BAF, 0x3BB0, 0x3BB1, 0x3BCF, 0x3BD0, 0x3BD1, 0x3BEF, 0x3BF0, 0x3BF1]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v377) : (vector<16xi16>) -> ()
  %v378 = arith.constant dense<[0x3C0F, 0x3C10, 0x3C11, 0x3C2F, 0x3C30, 0x3C31, 0x3C4F, 0x3C50, 0x3C51, 0x3C6F, 0x3C70, 0x3C71, 0x3C8F, 0x3C90, 0x3C91, 0x3CAF]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v378) : (vector<16xi16>) -> ()
  %v379 = arith.constant dense<[0x3CB0, 0x3CB1, 0x3CCF, 0x3CD0, 0x3CD1, 0x3CEF, 0x3CF0, 0x3CF1, 0x3D0F, 0x3D10, 0x3D11, 0x3D2F, 0x3D30, 0x3D31, 0x3D4F, 0x3D50]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v379) : (vector<16xi16>) -> ()
  %v380 = arith.constant dense<[0x3D51, 0x3D6F, 0x3D70, 0x3D71, 0x3D8F, 0x3D90, 0x3D91, 0x3DAF, 0x3DB0, 0x3DB1, 0x3DCF, 0x3DD0, 0x3DD1, 0x3DEF, 0x3DF0, 0x3DF1]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v380) : (vector<16xi16>) -> ()
  %v381 = arith.constant dense<[0x3E0F, 0x3E10, 0x3E11, 0x3E2F, 0x3E30, 0x3E31, 0x3E4F, 0x3E50, 0x3E51, 0x3E6F, 0x3E70, 0x3E71, 0x3E8F, 0x3E90, 0x3E91, 0x3EAF]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v381) : (vector<16xi16>) -> ()
  %v382 = arith.constant dense<[0x3EB0, 0x3EB1, 0x3ECF, 0x3ED0, 0x3ED1, 0x3EEF, 0x3EF0, 0x3EF1, 0x3F0F, 0x3F10, 0x3F11, 0x3F2F, 0x3F30, 0x3F31, 0x3F4F, 0x3F50]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v382) : (vector<16xi16>) -> ()
  %v383 = arith.constant dense<[0x3F51, 0x3F6F, 0x3F70, 0x3F71, 0x3F8F, 0x3F90, 0x3F91, 0x3FAF, 0x3FB0, 0x3FB1, 0x3FCF, 0x3FD0, 0x3FD1, 0x3FEF, 0x3FF0, 0x3FF1]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v383) : (vector<16xi16>) -> ()
  %v384 = arith.constant dense<[0x400F, 0x4010, 0x4011, 0x402F, 0x4030, 0x4031, 0x404F, 0x4050, 0x4051, 0x406F, 0x4070, 0x4071, 0x408F, 0x4090, 0x4091, 0x40AF]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v384) : (vector<16xi16>) -> ()
  %v385 = arith.constant dense<[0x40B0, 0x40B1, 0x40CF, 0x40D0, 0x40D1, 0x40EF, 0x40F0, 0x40F1, 0x410F, 0x4110, 0x4111, 0x412F, 0x4130, 0x4131, 0x414F, 0x4150]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v385) : (vector<16xi16>) -> ()
  %v386 = arith.constant dense<[0x4151, 0x416F, 0x4170, 0x4171, 0x418F, 0x4190, 0x4191, 0x41AF, 0x41B0, 0x41B1, 0x41CF, 0x41D0, 0x41D1, 0x41EF, 0x41F0, 0x41F1]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v386) : (vector<16xi16>) -> ()
  %v387 = arith.constant dense<[0x420F, 0x4210, 0x4211, 0x422F, 0x4230, 0x4231, 0x424F, 0x4250, 0x4251, 0x426F, 0x4270, 0x4271, 0x428F, 0x4290, 0x4291, 0x42AF]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v387) : (vector<16xi16>) -> ()
  %v388 = arith.constant dense<[0x42B0, 0x42B1, 0x42CF, 0x42D0, 0x42D1, 0x42EF, 0x42F0, 0x42F1, 0x430F, 0x4310, 0x4311, 0x432F, 0x4330, 0x4331, 0x434F, 0x4350]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v388) : (vector<16xi16>) -> ()
  %v389 = arith.constant dense<[0x4351, 0x436F, 0x4370, 0x4371, 0x438F, 0x4390, 0x4391, 0x43AF, 0x43B0, 0x43B1, 0x43CF, 0x43D0, 0x43D1, 0x43EF, 0x43F0, 0x43F1]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v389) : (vector<16xi16>) -> ()
  %v390 = arith.constant dense<[0x440F, 0x4410, 0x4411, 0x442F, 0x4430, 0x4431, 0x444F, 0x4450, 0x4451, 0x446F, 0x4470, 0x4471, 0x448F, 0x4490, 0x4491, 0x44AF]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v390) : (vector<16xi16>) -> ()
  %v391 = arith.constant dense<[0x44B0, 0x44B1, 0x44CF, 0x44D0, 0x44D1, 0x44EF, 0x44F0, 0x44F1, 0x450F, 0x4510, 0x4511, 0x452F, 0x4530, 0x4531, 0x454F, 0x4550]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v391) : (vector<16xi16>) -> ()
  %v392 = arith.constant dense<[0x4551, 0x456F, 0x4570, 0x4571, 0x458F, 0x4590, 0x4591, 0x45AF, 0x45B0, 0x45B1, 0x45CF, 0x45D0, 0x45D1, 0x45EF, 0x45F0, 0x45F1]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v392) : (vector<16xi16>) -> ()
  %v393 = arith.constant dense<[0x460F, 0x4610, 0x4611, 0x462F, 0x4630, 0x4631, 0x464F, 0x4650, 0x4651, 0x466F, 0x4670, 0x4671, 0x468F, 0x4690, 0x4691, 0x46AF]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v393) : (vector<16xi16>) -> ()
  %v394 = arith.constant dense<[0x46B0, 0x46B1, 0x46CF, 0x46D0, 0x46D1, 0x46EF, 0x46F0, 0x46F1, 0x470F, 0x4710, 0x4711, 0x472F, 0x4730, 0x4731, 0x474F, 0x4750]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v394) : (vector<16xi16>) -> ()
  %v395 = arith.constant dense<[0x4751, 0x476F, 0x4770, 0x4771, 0xB6FF, 0xB700, 0xB701, 0xB7BF, 0xB7C0, 0xB7C1, 0xB81F, 0xB820, 0xB821, 0xB85F, 0xB860, 0xB861]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v395) : (vector<16xi16>) -> ()
  %v396 = arith.constant dense<[0xB88F, 0xB890, 0xB891, 0xB8AF, 0xB8B0, 0xB8B1, 0xB8CF, 0xB8D0, 0xB8D1, 0xB8EF, 0xB8F0, 0xB8F1, 0xB90F, 0xB910, 0xB911, 0xB92F]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v396) : (vector<16xi16>) -> ()
  %v397 = arith.constant dense<[0xB930, 0xB931, 0xB94F, 0xB950, 0xB951, 0xB96F, 0xB970, 0xB971, 0xB98F, 0xB990, 0xB991, 0xB9AF, 0xB9B0, 0xB9B1, 0xB9CF, 0xB9D0]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v397) : (vector<16xi16>) -> ()
  %v398 = arith.constant dense<[0xB9D1, 0xB9EF, 0xB9F0, 0xB9F1, 0xBA0F, 0xBA10, 0xBA11, 0xBA2F, 0xBA30, 0xBA31, 0xBA4F, 0xBA50, 0xBA51, 0xBA6F, 0xBA70, 0xBA71]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v398) : (vector<16xi16>) -> ()
  %v399 = arith.constant dense<[0xBA8F, 0xBA90, 0xBA91, 0xBAAF, 0xBAB0, 0xBAB1, 0xBACF, 0xBAD0, 0xBAD1, 0xBAEF, 0xBAF0, 0xBAF1, 0xBB0F, 0xBB10, 0xBB11, 0xBB2F]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v399) : (vector<16xi16>) -> ()
  %v400 = arith.constant dense<[0xBB30, 0xBB31, 0xBB4F, 0xBB50, 0xBB51, 0xBB6F, 0xBB70, 0xBB71, 0xBB8F, 0xBB90, 0xBB91, 0xBBAF, 0xBBB0, 0xBBB1, 0xBBCF, 0xBBD0]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v400) : (vector<16xi16>) -> ()
  %v401 = arith.constant dense<[0xBBD1, 0xBBEF, 0xBBF0, 0xBBF1, 0xBC0F, 0xBC10, 0xBC11, 0xBC2F, 0xBC30, 0xBC31, 0xBC4F, 0xBC50, 0xBC51, 0xBC6F, 0xBC70, 0xBC71]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v401) : (vector<16xi16>) -> ()
  %v402 = arith.constant dense<[0xBC8F, 0xBC90, 0xBC91, 0xBCAF, 0xBCB0, 0xBCB1, 0xBCCF, 0xBCD0, 0xBCD1, 0xBCEF, 0xBCF0, 0xBCF1, 0xBD0F, 0xBD10, 0xBD11, 0xBD2F]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v402) : (vector<16xi16>) -> ()
  %v403 = arith.constant dense<[0xBD30, 0xBD31, 0xBD4F, 0xBD50, 0xBD51, 0xBD6F, 0xBD70, 0xBD71, 0xBD8F, 0xBD90, 0xBD91, 0xBDAF, 0xBDB0, 0xBDB1, 0xBDCF, 0xBDD0]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v403) : (vector<16xi16>) -> ()
  %v404 = arith.constant dense<[0xBDD1, 0xBDEF, 0xBDF0, 0xBDF1, 0xBE0F, 0xBE10, 0xBE11, 0xBE2F, 0xBE30, 0xBE31, 0xBE4F, 0xBE50, 0xBE51, 0xBE6F, 0xBE70, 0xBE71]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v404) : (vector<16xi16>) -> ()
  %v405 = arith.constant dense<[0xBE8F, 0xBE90, 0xBE91, 0xBEAF, 0xBEB0, 0xBEB1, 0xBECF, 0xBED0, 0xBED1, 0xBEEF, 0xBEF0, 0xBEF1, 0xBF0F, 0xBF10, 0xBF11, 0xBF2F]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v405) : (vector<16xi16>) -> ()
  %v406 = arith.constant dense<[0xBF30, 0xBF31, 0xBF4F, 0xBF50, 0xBF51, 0xBF6F, 0xBF70, 0xBF71, 0xBF8F, 0xBF90, 0xBF91, 0xBFAF, 0xBFB0, 0xBFB1, 0xBFCF, 0xBFD0]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v406) : (vector<16xi16>) -> ()
  %v407 = arith.constant dense<[0xBFD1, 0xBFEF, 0xBFF0, 0xBFF1, 0xC00F, 0xC010, 0xC011, 0xC02F, 0xC030, 0xC031, 0xC04F, 0xC050, 0xC051, 0xC06F, 0xC070, 0xC071]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v407) : (vector<16xi16>) -> ()
  %v408 = arith.constant dense<[0xC08F, 0xC090, 0xC091, 0xC0AF, 0xC0B0, 0xC0B1, 0xC0CF, 0xC0D0, 0xC0D1, 0xC0EF, 0xC0F0, 0xC0F1, 0xC10F, 0xC110, 0xC111, 0xC12F]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v408) : (vector<16xi16>) -> ()
  %v409 = arith.constant dense<[0xC130, 0xC131, 0xC14F, 0xC150, 0xC151, 0xC16F, 0xC170, 0xC171, 0xC18F, 0xC190, 0xC191, 0xC1AF, 0xC1B0, 0xC1B1, 0xC1CF, 0xC1D0]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v409) : (vector<16xi16>) -> ()
  %v410 = arith.constant dense<[0xC1D1, 0xC1EF, 0xC1F0, 0xC1F1, 0xC20F, 0xC210, 0xC211, 0xC22F, 0xC230, 0xC231, 0xC24F, 0xC250, 0xC251, 0xC26F, 0xC270, 0xC271]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v410) : (vector<16xi16>) -> ()
  %v411 = arith.constant dense<[0xC28F, 0xC290, 0xC291, 0xC2AF, 0xC2B0, 0xC2B1, 0xC2CF, 0xC2D0, 0xC2D1, 0xC2EF, 0xC2F0, 0xC2F1, 0xC30F, 0xC310, 0xC311, 0xC32F]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v411) : (vector<16xi16>) -> ()
  %v412 = arith.constant dense<[0xC330, 0xC331, 0xC34F, 0xC350, 0xC351, 0xC36F, 0xC370, 0xC371, 0xC38F, 0xC390, 0xC391, 0xC3AF, 0xC3B0, 0xC3B1, 0xC3CF, 0xC3D0]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v412) : (vector<16xi16>) -> ()
  %v413 = arith.constant dense<[0xC3D1, 0xC3EF, 0xC3F0, 0xC3F1, 0xC40F, 0xC410, 0xC411, 0xC42F, 0xC430, 0xC431, 0xC44F, 0xC450, 0xC451, 0xC46F, 0xC470, 0xC471]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v413) : (vector<16xi16>) -> ()
  %v414 = arith.constant dense<[0xC48F, 0xC490, 0xC491, 0xC4AF, 0xC4B0, 0xC4B1, 0xC4CF, 0xC4D0, 0xC4D1, 0xC4EF, 0xC4F0, 0xC4F1, 0xC50F, 0xC510, 0xC511, 0xC52F]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v414) : (vector<16xi16>) -> ()
  %v415 = arith.constant dense<[0xC530, 0xC531, 0xC54F, 0xC550, 0xC551, 0xC56F, 0xC570, 0xC571, 0xC58F, 0xC590, 0xC591, 0xC5AF, 0xC5B0, 0xC5B1, 0xC5CF, 0xC5D0]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v415) : (vector<16xi16>) -> ()
  %v416 = arith.constant dense<[0xC5D1, 0xC5EF, 0xC5F0, 0xC5F1, 0xC60F, 0xC610, 0xC611, 0xC62F, 0xC630, 0xC631, 0xC64F, 0xC650, 0xC651, 0xC66F, 0xC670, 0xC671]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v416) : (vector<16xi16>) -> ()
  %v417 = arith.constant dense<[0xC68F, 0xC690, 0xC691, 0xC6AF, 0xC6B0, 0xC6B1, 0xC6CF, 0xC6D0, 0xC6D1, 0xC6EF, 0xC6F0, 0xC6F1, 0xC70F, 0xC710, 0xC711, 0xC72F]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v417) : (vector<16xi16>) -> ()
  %v418 = arith.constant dense<[0xC730, 0xC731, 0xC74F, 0xC750, 0xC751, 0xC76F, 0xC770, 0xC771, 0x0000, 0x8000, 0x7F80, 0xFF80, 0x7FC0, 0xFFC0, 0x7F81, 0x7F7F]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v418) : (vector<16xi16>) -> ()
  %v419 = arith.constant dense<[0xFF7F, 0x0001, 0x8001, 0x0080, 0x8080, 0x3F80, 0xBF80, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000]> : vector<16xi16>
  func.call @truncf_bf16_E5M2(%v419) : (vector<16xi16>) -> ()
  return
}

// CHECK-LABEL: extf f8E4M3FN -> f32
// CHECK-NEXT: ( 0, 989855744, 998244352, 1002438656, 1006632960, 1008730112, 1010827264, 1012924416, 1015021568, 1016070144, 1017118720, 1018167296, 1019215872, 1020264448, 1021313024, 1022361600 )
// CHECK-NEXT: ( 1023410176, 1024458752, 1025507328, 1026555904, 1027604480, 1028653056, 1029701632, 1030750208, 1031798784, 1032847360, 1033895936, 1034944512, 1035993088, 1037041664, 1038090240, 1039138816 )
// CHECK-NEXT: ( 1040187392, 1041235968, 1042284544, 1043333120, 1044381696, 1045430272, 1046478848, 1047527424, 1048576000, 1049624576, 1050673152, 1051721728, 1052770304, 1053818880, 1054867456, 1055916032 )
// CHECK-NEXT: ( 1056964608, 1058013184, 1059061760, 1060110336, 1061158912, 1062207488, 1063256064, 1064304640, 1065353216, 1066401792, 1067450368, 1068498944, 1069547520, 1070596096, 1071644672, 1072693248 )
// CHECK-NEXT: ( 1073741824, 1074790400, 1075838976, 1076887552, 1077936128, 1078984704, 1080033280, 1081081856, 1082130432, 1083179008, 1084227584, 1085276160, 1086324736, 1087373312, 1088421888, 1089470464 )
// CHECK-NEXT: ( 1090519040, 1091567616, 1092616192, 1093664768, 1094713344, 1095761920, 1096810496, 1097859072, 1098907648, 1099956224, 1101004800, 1102053376, 1103101952, 1104150528, 1105199104, 1106247680 )
// CHECK-NEXT: ( 1107296256, 1108344832, 1109393408, 1110441984, 1111490560, 1112539136, 1113587712, 1114636288, 1115684864, 1116733440, 1117782016, 1118830592, 1119879168, 1120927744, 1121976320, 1123024896 )
// CHECK-NEXT: ( 1124073472, 1125122048, 1126170624, 1127219200, 1128267776, 1129316352, 1130364928, 1131413504, 1132462080, 1133510656, 1134559232, 1135607808, 1136656384, 1137704960, 1138753536, 2143289344 )
// CHECK-NEXT: ( 2147483648, 3137339392, 3145728000, 3149922304, 3154116608, 3156213760, 3158310912, 3160408064, 3162505216, 3163553792, 3164602368, 3165650944, 3166699520, 3167748096, 3168796672, 3169845248 )
// CHECK-NEXT: ( 3170893824, 3171942400, 3172990976, 3174039552, 3175088128, 3176136704, 3177185280, 3178233856, 3179282432, 3180331008, 3181379584, 3182428160, 3183476736, 3184525312, 3185573888, 3186622464 )
// CHECK-NEXT: ( 3187671040, 3188719616, 3189768192, 3190816768, 3191865344, 3192913920, 3193962496, 3195011072, 3196059648, 3197108224, 3198156800, 3199205376, 3200253952, 3201302528, 3202351104, 3203399680 )
// CHECK-NEXT: ( 3204448256, 3205496832, 3206545408, 3207593984, 3208642560, 3209691136, 3210739712, 3211788288, 3212836864, 3213885440, 3214934016, 3215982592, 3217031168, 3218079744, 3219128320, 3220176896 )
// CHECK-NEXT: ( 3221225472, 3222274048, 3223322624, 3224371200, 3225419776, 3226468352, 3227516928, 3228565504, 3229614080, 3230662656, 3231711232, 3232759808, 3233808384, 3234856960, 3235905536, 3236954112 )
// CHECK-NEXT: ( 3238002688, 3239051264, 3240099840, 3241148416, 3242196992, 3243245568, 3244294144, 3245342720, 3246391296, 3247439872, 3248488448, 3249537024, 3250585600, 3251634176, 3252682752, 3253731328 )
// CHECK-NEXT: ( 3254779904, 3255828480, 3256877056, 3257925632, 3258974208, 3260022784, 3261071360, 3262119936, 3263168512, 3264217088, 3265265664, 3266314240, 3267362816, 3268411392, 3269459968, 3270508544 )
// CHECK-NEXT: ( 3271557120, 3272605696, 3273654272, 3274702848, 3275751424, 3276800000, 3277848576, 3278897152, 3279945728, 3280994304, 3282042880, 3283091456, 3284140032, 3285188608, 3286237184, 4290772992 )
// CHECK-LABEL: extf f8E4M3FN -> f16
// CHECK-NEXT: ( 0, 6144, 7168, 7680, 8192, 8448, 8704, 8960, 9216, 9344, 9472, 9600, 9728, 9856, 9984, 10112 )
// CHECK-NEXT: ( 10240, 10368, 10496, 10624, 10752, 10880, 11008, 11136, 11264, 11392, 11520, 11648, 11776, 11904, 12032, 12160 )
// CHECK-NEXT: ( 12288, 12416, 12544, 12672, 12800, 12928, 13056, 13184, 13312, 13440, 13568, 13696, 13824, 13952, 14080, 14208 )
// CHECK-NEXT: ( 14336, 14464, 14592, 14720, 14848, 14976, 15104, 15232, 15360, 15488, 15616, 15744, 15872, 16000, 16128, 16256 )
// CHECK-NEXT: ( 16384, 16512, 16640, 16768, 16896, 17024, 17152, 17280, 17408, 17536, 17664, 17792, 17920, 18048, 18176, 18304 )
// CHECK-NEXT: ( 18432, 18560, 18688, 18816, 18944, 19072, 19200, 19328, 19456, 19584, 19712, 19840, 19968, 20096, 20224, 20352 )
// CHECK-NEXT: ( 20480, 20608, 20736, 20864, 20992, 21120, 21248, 21376, 21504, 21632, 21760, 21888, 22016, 22144, 22272, 22400 )
// CHECK-NEXT: ( 22528, 22656, 22784, 22912, 23040, 23168, 23296, 23424, 23552, 23680, 23808, 23936, 24064, 24192, 24320, 32256 )
// CHECK-NEXT: ( 32768, 38912, 39936, 40448, 40960, 41216, 41472, 41728, 41984, 42112, 42240, 42368, 42496, 42624, 42752, 42880 )
// CHECK-NEXT: ( 43008, 43136, 43264, 43392, 43520, 43648, 43776, 43904, 44032, 44160, 44288, 44416, 44544, 44672, 44800, 44928 )
// CHECK-NEXT: ( 45056, 45184, 45312, 45440, 45568, 45696, 45824, 45952, 46080, 46208, 46336, 46464, 46592, 46720, 46848, 46976 )
// CHECK-NEXT: ( 47104, 47232, 47360, 47488, 47616, 47744, 47872, 48000, 48128, 48256, 48384, 48512, 48640, 48768, 48896, 49024 )
// CHECK-NEXT: ( 49152, 49280, 49408, 49536, 49664, 49792, 49920, 50048, 50176, 50304, 50432, 50560, 50688, 50816, 50944, 51072 )
// CHECK-NEXT: ( 51200, 51328, 51456, 51584, 51712, 51840, 51968, 52096, 52224, 52352, 52480, 52608, 52736, 52864, 52992, 53120 )
// CHECK-NEXT: ( 53248, 53376, 53504, 53632, 53760, 53888, 54016, 54144, 54272, 54400, 54528, 54656, 54784, 54912, 55040, 55168 )
// CHECK-NEXT: ( 55296, 55424, 55552, 55680, 55808, 55936, 56064, 56192, 56320, 56448, 56576, 56704, 56832, 56960, 57088, 65024 )
// CHECK-LABEL: extf f8E4M3FN -> bf16
// CHECK-NEXT: ( 0, 15104, 15232, 15296, 15360, 15392, 15424, 15456, 15488, 15504, 15520, 15536, 15552, 15568, 15584, 15600 )
// CHECK-NEXT: ( 15616, 15632, 15648, 15664, 15680, 15696, 15712, 15728, 15744, 15760, 15776, 15792, 15808, 15824, 15840, 15856 )
// CHECK-NEXT: ( 15872, 15888, 15904, 15920, 15936, 15952, 15968, 15984, 16000, 16016, 16032, 16048, 16064, 16080, 16096, 16112 )
// CHECK-NEXT: ( 16128, 16144, 16160, 16176, 16192, 16208, 16224, 16240, 16256, 16272, 16288, 16304, 16320, 16336, 16352, 16368 )
// CHECK-NEXT: ( 16384, 16400, 16416, 16432, 16448, 16464, 16480, 16496, 16512, 16528, 16544, 16560, 16576, 16592, 16608, 16624 )
// CHECK-NEXT: ( 16640, 16656, 16672, 16688, 16704, 16720, 16736, 16752, 16768, 16784, 16800, 16816, 16832, 16848, 16864, 16880 )
// CHECK-NEXT: ( 16896, 16912, 16928, 16944, 16960, 16976, 16992, 17008, 17024, 17040, 17056, 17072, 17088, 17104, 17120, 17136 )
// CHECK-NEXT: ( 17152, 17168, 17184, 17200, 17216, 17232, 17248, 17264, 17280, 17296, 17312, 17328, 17344, 17360, 17376, 32704 )
// CHECK-NEXT: ( 32768, 47872, 48000, 48064, 48128, 48160, 48192, 48224, 48256, 48272, 48288, 48304, 48320, 48336, 48352, 48368 )
// CHECK-NEXT: ( 48384, 48400, 48416, 48432, 48448, 48464, 48480, 48496, 48512, 48528, 48544, 48560, 48576, 48592, 48608, 48624 )
// CHECK-NEXT: ( 48640, 48656, 48672, 48688, 48704, 48720, 48736, 48752, 48768, 48784, 48800, 48816, 48832, 48848, 48864, 48880 )
// CHECK-NEXT: ( 48896, 48912, 48928, 48944, 48960, 48976, 48992, 49008, 49024, 49040, 49056, 49072, 49088, 49104, 49120, 49136 )
// CHECK-NEXT: ( 49152, 49168, 49184, 49200, 49216, 49232, 49248, 49264, 49280, 49296, 49312, 49328, 49344, 49360, 49376, 49392 )
// CHECK-NEXT: ( 49408, 49424, 49440, 49456, 49472, 49488, 49504, 49520, 49536, 49552, 49568, 49584, 49600, 49616, 49632, 49648 )
// CHECK-NEXT: ( 49664, 49680, 49696, 49712, 49728, 49744, 49760, 49776, 49792, 49808, 49824, 49840, 49856, 49872, 49888, 49904 )
// CHECK-NEXT: ( 49920, 49936, 49952, 49968, 49984, 50000, 50016, 50032, 50048, 50064, 50080, 50096, 50112, 50128, 50144, 65472 )
// CHECK-LABEL: extf f8E5M2 -> f32
// CHECK-NEXT: ( 0, 931135488, 939524096, 943718400, 947912704, 950009856, 952107008, 954204160, 956301312, 958398464, 960495616, 962592768, 964689920, 966787072, 968884224, 970981376 )
// CHECK-NEXT: ( 973078528, 975175680, 977272832, 979369984, 981467136, 983564288, 985661440, 987758592, 989855744, 991952896, 994050048, 996147200, 998244352, 1000341504, 1002438656, 1004535808 )
// CHECK-NEXT: ( 1006632960, 1008730112, 1010827264, 1012924416, 1015021568, 1017118720, 1019215872, 1021313024, 1023410176, 1025507328, 1027604480, 1029701632, 1031798784, 1033895936, 1035993088, 1038090240 )
// CHECK-NEXT: ( 1040187392, 1042284544, 1044381696, 1046478848, 1048576000, 1050673152, 1052770304, 1054867456, 1056964608, 1059061760, 1061158912, 1063256064, 1065353216, 1067450368, 1069547520, 1071644672 )
// CHECK-NEXT: ( 1073741824, 1075838976, 1077936128, 1080033280, 1082130432, 1084227584, 1086324736, 1088421888, 1090519040, 1092616192, 1094713344, 1096810496, 1098907648, 1101004800, 1103101952, 1105199104 )
// CHECK-NEXT: ( 1107296256, 1109393408, 1111490560, 1113587712, 1115684864, 1117782016, 1119879168, 1121976320, 1124073472, 1126170624, 1128267776, 1130364928, 1132462080, 1134559232, 1136656384, 1138753536 )
// CHECK-NEXT: ( 1140850688, 1142947840, 1145044992, 1147142144, 1149239296, 1151336448, 1153433600, 1155530752, 1157627904, 1159725056, 1161822208, 1163919360, 1166016512, 1168113664, 1170210816, 1172307968 )
// CHECK-NEXT: ( 1174405120, 1176502272, 1178599424, 1180696576, 1182793728, 1184890880, 1186988032, 1189085184, 1191182336, 1193279488, 1195376640, 1197473792, 2139095040, 2143289344, 2143289344, 2143289344 )
// CHECK-NEXT: ( 2147483648, 3078619136, 3087007744, 3091202048, 3095396352, 3097493504, 3099590656, 3101687808, 3103784960, 3105882112, 3107979264, 3110076416, 3112173568, 3114270720, 3116367872, 3118465024 )
// CHECK-NEXT: ( 3120562176, 3122659328, 3124756480, 3126853632, 3128950784, 3131047936, 3133145088, 3135242240, 3137339392, 3139436544, 3141533696, 3143630848, 3145728000, 3147825152, 3149922304, 3152019456 )
// CHECK-NEXT: ( 3154116608, 3156213760, 3158310912, 3160408064, 3162505216, 3164602368, 3166699520, 3168796672, 3170893824, 3172990976, 3175088128, 3177185280, 3179282432, 3181379584, 3183476736, 3185573888 )
// CHECK-NEXT: ( 3187671040, 3189768192, 3191865344, 3193962496, 3196059648, 3198156800, 3200253952, 3202351104, 3204448256, 3206545408, 3208642560, 3210739712, 3212836864, 3214934016, 3217031168, 3219128320 )
// CHECK-NEXT: ( 3221225472, 3223322624, 3225419776, 3227516928, 3229614080, 3231711232, 3233808384, 3235905536, 3238002688, 3240099840, 3242196992, 3244294144, 3246391296, 3248488448, 3250585600, 3252682752 )
// CHECK-NEXT: ( 3254779904, 3256877056, 3258974208, 3261071360, 3263168512, 3265265664, 3267362816, 3269459968, 3271557120, 3273654272, 3275751424, 3277848576, 3279945728, 3282042880, 3284140032, 3286237184 )
// CHECK-NEXT: ( 3288334336, 3290431488, 3292528640, 3294625792, 3296722944, 3298820096, 3300917248, 3303014400, 3305111552, 3307208704, 3309305856, 3311403008, 3313500160, 3315597312, 3317694464, 3319791616 )
// CHECK-NEXT: ( 3321888768, 3323985920, 3326083072, 3328180224, 3330277376, 3332374528, 3334471680, 3336568832, 3338665984, 3340763136, 3342860288, 3344957440, 4286578688, 4290772992, 4290772992, 4290772992 )
// CHECK-LABEL: extf f8E5M2 -> f16
// CHECK-NEXT: ( 0, 256, 512, 768, 1024, 1280, 1536, 1792, 2048, 2304, 2560, 2816, 3072, 3328, 3584, 3840 )
// CHECK-NEXT: ( 4096, 4352, 4608, 4864, 5120, 5376, 5632, 5888, 6144, 6400, 6656, 6912, 7168, 7424, 7680, 7936 )
// CHECK-NEXT: ( 8192, 8448, 8704, 8960, 9216, 9472, 9728, 9984, 10240, 10496, 10752, 11008, 11264, 11520, 11776, 12032 )
// CHECK-NEXT: ( 12288, 12544, 12800, 13056, 13312, 13568, 13824, 14080, 14336, 14592, 14848, 15104, 15360, 15616, 15872, 16128 )
// CHECK-NEXT: ( 16384, 16640, 16896, 17152, 17408, 17664, 17920, 18176, 18432, 18688, 18944, 19200, 19456, 19712, 19968, 20224 )
// CHECK-NEXT: ( 20480, 20736, 20992, 21248, 21504, 21760, 22016, 22272, 22528, 22784, 23040, 23296, 23552, 23808, 24064, 24320 )
// CHECK-NEXT: ( 24576, 24832, 25088, 25344, 25600, 25856, 26112, 26368, 26624, 26880, 27136, 27392, 27648, 27904, 28160, 28416 )
// CHECK-NEXT: ( 28672, 28928, 29184, 29440, 29696, 29952, 30208, 30464, 30720, 30976, 31232, 31488, 31744, 32256, 32256, 32256 )
// CHECK-NEXT: ( 32768, 33024, 33280, 33536, 33792, 34048, 34304, 34560, 34816, 35072, 35328, 35584, 35840, 36096, 36352, 36608 )
// CHECK-NEXT: ( 36864, 37120, 37376, 37632, 37888, 38144, 38400, 38656, 38912, 39168, 39424, 39680, 39936, 40192, 40448, 40704 )
// CHECK-NEXT: ( 40960, 41216, 41472, 41728, 41984, 42240, 42496, 42752, 43008, 43264, 43520, 43776, 44032, 44288, 44544, 44800 )
// CHECK-NEXT: ( 45056, 45312, 45568, 45824, 46080, 46336, 46592, 46848, 47104, 47360, 47616, 47872, 48128, 48384, 48640, 48896 )
// CHECK-NEXT: ( 49152, 49408, 49664, 49920, 50176, 50432, 50688, 50944, 51200, 51456, 51712, 51968, 52224, 52480, 52736, 52992 )
// CHECK-NEXT: ( 53248, 53504, 53760, 54016, 54272, 54528, 54784, 55040, 55296, 55552, 55808, 56064, 56320, 56576, 56832, 57088 )
// CHECK-NEXT: ( 57344, 57600, 57856, 58112, 58368, 58624, 58880, 59136, 59392, 59648, 59904, 60160, 60416, 60672, 60928, 61184 )
// CHECK-NEXT: ( 61440, 61696, 61952, 62208, 62464, 62720, 62976, 63232, 63488, 63744, 64000, 64256, 64512, 65024, 65024, 65024 )
// CHECK-LABEL: extf f8E5M2 -> bf16
// CHECK-NEXT: ( 0, 14208, 14336, 14400, 14464, 14496, 14528, 14560, 14592, 14624, 14656, 14688, 14720, 14752, 14784, 14816 )
// CHECK-NEXT: ( 14848, 14880, 14912, 14944, 14976, 15008, 15040, 15072, 15104, 15136, 15168, 15200, 15232, 15264, 15296, 15328 )
// CHECK-NEXT: ( 15360, 15392, 15424, 15456, 15488, 15520, 15552, 15584, 15616, 15648, 15680, 15712, 15744, 15776, 15808, 15840 )
// CHECK-NEXT: ( 15872, 15904, 15936, 15968, 16000, 16032, 16064, 16096, 16128, 16160, 16192, 16224, 16256, 16288, 16320, 16352 )
// CHECK-NEXT: ( 16384, 16416, 16448, 16480, 16512, 16544, 16576, 16608, 16640, 16672, 16704, 16736, 16768, 16800, 16832, 16864 )
// CHECK-NEXT: ( 16896, 16928, 16960, 16992, 17024, 17056, 17088, 17120, 17152, 17184, 17216, 17248, 17280, 17312, 17344, 17376 )
// CHECK-NEXT: ( 17408, 17440, 17472, 17504, 17536, 17568, 17600, 17632, 17664, 17696, 17728, 17760, 17792, 17824, 17856, 17888 )
// CHECK-NEXT: ( 17920, 17952, 17984, 18016, 18048, 18080, 18112, 18144, 18176, 18208, 18240, 18272, 32640, 32704, 32704, 32704 )
// CHECK-NEXT: ( 32768, 46976, 47104, 47168, 47232, 47264, 47296, 47328, 47360, 47392, 47424, 47456, 47488, 47520, 47552, 47584 )
// CHECK-NEXT: ( 47616, 47648, 47680, 47712, 47744, 47776, 47808, 47840, 47872, 47904, 47936, 47968, 48000, 48032, 48064, 48096 )
// CHECK-NEXT: ( 48128, 48160, 48192, 48224, 48256, 48288, 48320, 48352, 48384, 48416, 48448, 48480, 48512, 48544, 48576, 48608 )
// CHECK-NEXT: ( 48640, 48672, 48704, 48736, 48768, 48800, 48832, 48864, 48896, 48928, 48960, 48992, 49024, 49056, 49088, 49120 )
// CHECK-NEXT: ( 49152, 49184, 49216, 49248, 49280, 49312, 49344, 49376, 49408, 49440, 49472, 49504, 49536, 49568, 49600, 49632 )
// CHECK-NEXT: ( 49664, 49696, 49728, 49760, 49792, 49824, 49856, 49888, 49920, 49952, 49984, 50016, 50048, 50080, 50112, 50144 )
// CHECK-NEXT: ( 50176, 50208, 50240, 50272, 50304, 50336, 50368, 50400, 50432, 50464, 50496, 50528, 50560, 50592, 50624, 50656 )
// CHECK-NEXT: ( 50688, 50720, 50752, 50784, 50816, 50848, 50880, 50912, 50944, 50976, 51008, 51040, 65408, 65472, 65472, 65472 )
// CHECK-LABEL: truncf f32 -> f8E4M3FN (oracle)
// CHECK-NEXT: ( 254, 253, 252, 251, 250, 249, 248, 247, 246, 245, 244, 243, 242, 241, 240, 239 )
// CHECK-NEXT: ( 238, 237, 236, 235, 234, 233, 232, 231, 230, 229, 228, 227, 226, 225, 224, 223 )
// CHECK-NEXT: ( 222, 221, 220, 219, 218, 217, 216, 215, 214, 213, 212, 211, 210, 209, 208, 207 )
// CHECK-NEXT: ( 206, 205, 204, 203, 202, 201, 200, 199, 198, 197, 196, 195, 194, 193, 192, 191 )
// CHECK-NEXT: ( 190, 189, 188, 187, 186, 185, 184, 183, 182, 181, 180, 179, 178, 177, 176, 175 )
// CHECK-NEXT: ( 174, 173, 172, 171, 170, 169, 168, 167, 166, 165, 164, 163, 162, 161, 160, 159 )
// CHECK-NEXT: ( 158, 157, 156, 155, 154, 153, 152, 151, 150, 149, 148, 147, 146, 145, 144, 143 )
// CHECK-NEXT: ( 142, 141, 140, 139, 138, 137, 136, 135, 134, 133, 132, 131, 130, 129, 0, 1 )
// CHECK-NEXT: ( 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 )
// CHECK-NEXT: ( 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33 )
// CHECK-NEXT: ( 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49 )
// CHECK-NEXT: ( 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65 )
// CHECK-NEXT: ( 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81 )
// CHECK-NEXT: ( 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97 )
// CHECK-NEXT: ( 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113 )
// CHECK-NEXT: ( 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 254, 253, 254 )
// CHECK-NEXT: ( 252, 252, 253, 252, 251, 252, 250, 250, 251, 250, 249, 250, 248, 248, 249, 248 )
// CHECK-NEXT: ( 247, 248, 246, 246, 247, 246, 245, 246, 244, 244, 245, 244, 243, 244, 242, 242 )
// CHECK-NEXT: ( 243, 242, 241, 242, 240, 240, 241, 240, 239, 240, 238, 238, 239, 238, 237, 238 )
// CHECK-NEXT: ( 236, 236, 237, 236, 235, 236, 234, 234, 235, 234, 233, 234, 232, 232, 233, 232 )
// CHECK-NEXT: ( 231, 232, 230, 230, 231, 230, 229, 230, 228, 228, 229, 228, 227, 228, 226, 226 )
// CHECK-NEXT: ( 227, 226, 225, 226, 224, 224, 225, 224, 223, 224, 222, 222, 223, 222, 221, 222 )
// CHECK-NEXT: ( 220, 220, 221, 220, 219, 220, 218, 218, 219, 218, 217, 218, 216, 216, 217, 216 )
// CHECK-NEXT: ( 215, 216, 214, 214, 215, 214, 213, 214, 212, 212, 213, 212, 211, 212, 210, 210 )
// CHECK-NEXT: ( 211, 210, 209, 210, 208, 208, 209, 208, 207, 208, 206, 206, 207, 206, 205, 206 )
// CHECK-NEXT: ( 204, 204, 205, 204, 203, 204, 202, 202, 203, 202, 201, 202, 200, 200, 201, 200 )
// CHECK-NEXT: ( 199, 200, 198, 198, 199, 198, 197, 198, 196, 196, 197, 196, 195, 196, 194, 194 )
// CHECK-NEXT: ( 195, 194, 193, 194, 192, 192, 193, 192, 191, 192, 190, 190, 191, 190, 189, 190 )
// CHECK-NEXT: ( 188, 188, 189, 188, 187, 188, 186, 186, 187, 186, 185, 186, 184, 184, 185, 184 )
// CHECK-NEXT: ( 183, 184, 182, 182, 183, 182, 181, 182, 180, 180, 181, 180, 179, 180, 178, 178 )
// CHECK-NEXT: ( 179, 178, 177, 178, 176, 176, 177, 176, 175, 176, 174, 174, 175, 174, 173, 174 )
// CHECK-NEXT: ( 172, 172, 173, 172, 171, 172, 170, 170, 171, 170, 169, 170, 168, 168, 169, 168 )
// CHECK-NEXT: ( 167, 168, 166, 166, 167, 166, 165, 166, 164, 164, 165, 164, 163, 164, 162, 162 )
// CHECK-NEXT: ( 163, 162, 161, 162, 160, 160, 161, 160, 159, 160, 158, 158, 159, 158, 157, 158 )
// CHECK-NEXT: ( 156, 156, 157, 156, 155, 156, 154, 154, 155, 154, 153, 154, 152, 152, 153, 152 )
// CHECK-NEXT: ( 151, 152, 150, 150, 151, 150, 149, 150, 148, 148, 149, 148, 147, 148, 146, 146 )
// CHECK-NEXT: ( 147, 146, 145, 146, 144, 144, 145, 144, 143, 144, 142, 142, 143, 142, 141, 142 )
// CHECK-NEXT: ( 140, 140, 141, 140, 139, 140, 138, 138, 139, 138, 137, 138, 136, 136, 137, 136 )
// CHECK-NEXT: ( 135, 136, 134, 134, 135, 134, 133, 134, 132, 132, 133, 132, 131, 132, 130, 130 )
// CHECK-NEXT: ( 131, 130, 129, 130, 128, 128, 129, 0, 1, 0, 2, 2, 1, 2, 3, 2 )
// CHECK-NEXT: ( 4, 4, 3, 4, 5, 4, 6, 6, 5, 6, 7, 6, 8, 8, 7, 8 )
// CHECK-NEXT: ( 9, 8, 10, 10, 9, 10, 11, 10, 12, 12, 11, 12, 13, 12, 14, 14 )
// CHECK-NEXT: ( 13, 14, 15, 14, 16, 16, 15, 16, 17, 16, 18, 18, 17, 18, 19, 18 )
// CHECK-NEXT: ( 20, 20, 19, 20, 21, 20, 22, 22, 21, 22, 23, 22, 24, 24, 23, 24 )
// CHECK-NEXT: ( 25, 24, 26, 26, 25, 26, 27, 26, 28, 28, 27, 28, 29, 28, 30, 30 )
// CHECK-NEXT: ( 29, 30, 31, 30, 32, 32, 31, 32, 33, 32, 34, 34, 33, 34, 35, 34 )
// CHECK-NEXT: ( 36, 36, 35, 36, 37, 36, 38, 38, 37, 38, 39, 38, 40, 40, 39, 40 )
// CHECK-NEXT: ( 41, 40, 42, 42, 41, 42, 43, 42, 44, 44, 43, 44, 45, 44, 46, 46 )
// CHECK-NEXT: ( 45, 46, 47, 46, 48, 48, 47, 48, 49, 48, 50, 50, 49, 50, 51, 50 )
// CHECK-NEXT: ( 52, 52, 51, 52, 53, 52, 54, 54, 53, 54, 55, 54, 56, 56, 55, 56 )
// CHECK-NEXT: ( 57, 56, 58, 58, 57, 58, 59, 58, 60, 60, 59, 60, 61, 60, 62, 62 )
// CHECK-NEXT: ( 61, 62, 63, 62, 64, 64, 63, 64, 65, 64, 66, 66, 65, 66, 67, 66 )
// CHECK-NEXT: ( 68, 68, 67, 68, 69, 68, 70, 70, 69, 70, 71, 70, 72, 72, 71, 72 )
// CHECK-NEXT: ( 73, 72, 74, 74, 73, 74, 75, 74, 76, 76, 75, 76, 77, 76, 78, 78 )
// CHECK-NEXT: ( 77, 78, 79, 78, 80, 80, 79, 80, 81, 80, 82, 82, 81, 82, 83, 82 )
// CHECK-NEXT: ( 84, 84, 83, 84, 85, 84, 86, 86, 85, 86, 87, 86, 88, 88, 87, 88 )
// CHECK-NEXT: ( 89, 88, 90, 90, 89, 90, 91, 90, 92, 92, 91, 92, 93, 92, 94, 94 )
// CHECK-NEXT: ( 93, 94, 95, 94, 96, 96, 95, 96, 97, 96, 98, 98, 97, 98, 99, 98 )
// CHECK-NEXT: ( 100, 100, 99, 100, 101, 100, 102, 102, 101, 102, 103, 102, 104, 104, 103, 104 )
// CHECK-NEXT: ( 105, 104, 106, 106, 105, 106, 107, 106, 108, 108, 107, 108, 109, 108, 110, 110 )
// CHECK-NEXT: ( 109, 110, 111, 110, 112, 112, 111, 112, 113, 112, 114, 114, 113, 114, 115, 114 )
// CHECK-NEXT: ( 116, 116, 115, 116, 117, 116, 118, 118, 117, 118, 119, 118, 120, 120, 119, 120 )
// CHECK-NEXT: ( 121, 120, 122, 122, 121, 122, 123, 122, 124, 124, 123, 124, 125, 124, 126, 126 )
// CHECK-NEXT: ( 125, 126, 254, 126, 254, 127, 255, 127, 255, 127, 255, 127, 255, 127, 255, 127 )
// CHECK-NEXT: ( 128, 0, 128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 )
// CHECK-LABEL: truncf f32 -> f8E4M3FN (extra)
// CHECK-NEXT: ( 255, 127, 255, 127, 255, 0, 128, 0, 0, 127, 255, 128, 0, 126, 254, 127 )
// CHECK-LABEL: truncf f32 -> f8E5M2 (oracle)
// CHECK-NEXT: ( 251, 250, 249, 248, 247, 246, 245, 244, 243, 242, 241, 240, 239, 238, 237, 236 )
// CHECK-NEXT: ( 235, 234, 233, 232, 231, 230, 229, 228, 227, 226, 225, 224, 223, 222, 221, 220 )
// CHECK-NEXT: ( 219, 218, 217, 216, 215, 214, 213, 212, 211, 210, 209, 208, 207, 206, 205, 204 )
// CHECK-NEXT: ( 203, 202, 201, 200, 199, 198, 197, 196, 195, 194, 193, 192, 191, 190, 189, 188 )
// CHECK-NEXT: ( 187, 186, 185, 184, 183, 182, 181, 180, 179, 178, 177, 176, 175, 174, 173, 172 )
// CHECK-NEXT: ( 171, 170, 169, 168, 167, 166, 165, 164, 163, 162, 161, 160, 159, 158, 157, 156 )
// CHECK-NEXT: ( 155, 154, 153, 152, 151, 150, 149, 148, 147, 146, 145, 144, 143, 142, 141, 140 )
// CHECK-NEXT: ( 139, 138, 137, 136, 135, 134, 133, 132, 131, 130, 129, 0, 1, 2, 3, 4 )
// CHECK-NEXT: ( 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 )
// CHECK-NEXT: ( 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36 )
// CHECK-NEXT: ( 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52 )
// CHECK-NEXT: ( 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68 )
// CHECK-NEXT: ( 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84 )
// CHECK-NEXT: ( 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100 )
// CHECK-NEXT: ( 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116 )
// CHECK-NEXT: ( 117, 118, 119, 120, 121, 122, 123, 250, 250, 251, 250, 249, 250, 248, 248, 249 )
// CHECK-NEXT: ( 248, 247, 248, 246, 246, 247, 246, 245, 246, 244, 244, 245, 244, 243, 244, 242 )
// CHECK-NEXT: ( 242, 243, 242, 241, 242, 240, 240, 241, 240, 239, 240, 238, 238, 239, 238, 237 )
// CHECK-NEXT: ( 238, 236, 236, 237, 236, 235, 236, 234, 234, 235, 234, 233, 234, 232, 232, 233 )
// CHECK-NEXT: ( 232, 231, 232, 230, 230, 231, 230, 229, 230, 228, 228, 229, 228, 227, 228, 226 )
// CHECK-NEXT: ( 226, 227, 226, 225, 226, 224, 224, 225, 224, 223, 224, 222, 222, 223, 222, 221 )
// CHECK-NEXT: ( 222, 220, 220, 221, 220, 219, 220, 218, 218, 219, 218, 217, 218, 216, 216, 217 )
// CHECK-NEXT: ( 216, 215, 216, 214, 214, 215, 214, 213, 214, 212, 212, 213, 212, 211, 212, 210 )
// CHECK-NEXT: ( 210, 211, 210, 209, 210, 208, 208, 209, 208, 207, 208, 206, 206, 207, 206, 205 )
// CHECK-NEXT: ( 206, 204, 204, 205, 204, 203, 204, 202, 202, 203, 202, 201, 202, 200, 200, 201 )
// CHECK-NEXT: ( 200, 199, 200, 198, 198, 199, 198, 197, 198, 196, 196, 197, 196, 195, 196, 194 )
// CHECK-NEXT: ( 194, 195, 194, 193, 194, 192, 192, 193, 192, 191, 192, 190, 190, 191, 190, 189 )
// CHECK-NEXT: ( 190, 188, 188, 189, 188, 187, 188, 186, 186, 187, 186, 185, 186, 184, 184, 185 )
// CHECK-NEXT: ( 184, 183, 184, 182, 182, 183, 182, 181, 182, 180, 180, 181, 180, 179, 180, 178 )
// CHECK-NEXT: ( 178, 179, 178, 177, 178, 176, 176, 177, 176, 175, 176, 174, 174, 175, 174, 173 )
// CHECK-NEXT: ( 174, 172, 172, 173, 172, 171, 172, 170, 170, 171, 170, 169, 170, 168, 168, 169 )
// CHECK-NEXT: ( 168, 167, 168, 166, 166, 167, 166, 165, 166, 164, 164, 165, 164, 163, 164, 162 )
// CHECK-NEXT: ( 162, 163, 162, 161, 162, 160, 160, 161, 160, 159, 160, 158, 158, 159, 158, 157 )
// CHECK-NEXT: ( 158, 156, 156, 157, 156, 155, 156, 154, 154, 155, 154, 153, 154, 152, 152, 153 )
// CHECK-NEXT: ( 152, 151, 152, 150, 150, 151, 150, 149, 150, 148, 148, 149, 148, 147, 148, 146 )
// CHECK-NEXT: ( 146, 147, 146, 145, 146, 144, 144, 145, 144, 143, 144, 142, 142, 143, 142, 141 )
// CHECK-NEXT: ( 142, 140, 140, 141, 140, 139, 140, 138, 138, 139, 138, 137, 138, 136, 136, 137 )
// CHECK-NEXT: ( 136, 135, 136, 134, 134, 135, 134, 133, 134, 132, 132, 133, 132, 131, 132, 130 )
// CHECK-NEXT: ( 130, 131, 130, 129, 130, 128, 128, 129, 0, 1, 0, 2, 2, 1, 2, 3 )
// CHECK-NEXT: ( 2, 4, 4, 3, 4, 5, 4, 6, 6, 5, 6, 7, 6, 8, 8, 7 )
// CHECK-NEXT: ( 8, 9, 8, 10, 10, 9, 10, 11, 10, 12, 12, 11, 12, 13, 12, 14 )
// CHECK-NEXT: ( 14, 13, 14, 15, 14, 16, 16, 15, 16, 17, 16, 18, 18, 17, 18, 19 )
// CHECK-NEXT: ( 18, 20, 20, 19, 20, 21, 20, 22, 22, 21, 22, 23, 22, 24, 24, 23 )
// CHECK-NEXT: ( 24, 25, 24, 26, 26, 25, 26, 27, 26, 28, 28, 27, 28, 29, 28, 30 )
// CHECK-NEXT: ( 30, 29, 30, 31, 30, 32, 32, 31, 32, 33, 32, 34, 34, 33, 34, 35 )
// CHECK-NEXT: ( 34, 36, 36, 35, 36, 37, 36, 38, 38, 37, 38, 39, 38, 40, 40, 39 )
// CHECK-NEXT: ( 40, 41, 40, 42, 42, 41, 42, 43, 42, 44, 44, 43, 44, 45, 44, 46 )
// CHECK-NEXT: ( 46, 45, 46, 47, 46, 48, 48, 47, 48, 49, 48, 50, 50, 49, 50, 51 )
// CHECK-NEXT: ( 50, 52, 52, 51, 52, 53, 52, 54, 54, 53, 54, 55, 54, 56, 56, 55 )
// CHECK-NEXT: ( 56, 57, 56, 58, 58, 57, 58, 59, 58, 60, 60, 59, 60, 61, 60, 62 )
// CHECK-NEXT: ( 62, 61, 62, 63, 62, 64, 64, 63, 64, 65, 64, 66, 66, 65, 66, 67 )
// CHECK-NEXT: ( 66, 68, 68, 67, 68, 69, 68, 70, 70, 69, 70, 71, 70, 72, 72, 71 )
// CHECK-NEXT: ( 72, 73, 72, 74, 74, 73, 74, 75, 74, 76, 76, 75, 76, 77, 76, 78 )
// CHECK-NEXT: ( 78, 77, 78, 79, 78, 80, 80, 79, 80, 81, 80, 82, 82, 81, 82, 83 )
// CHECK-NEXT: ( 82, 84, 84, 83, 84, 85, 84, 86, 86, 85, 86, 87, 86, 88, 88, 87 )
// CHECK-NEXT: ( 88, 89, 88, 90, 90, 89, 90, 91, 90, 92, 92, 91, 92, 93, 92, 94 )
// CHECK-NEXT: ( 94, 93, 94, 95, 94, 96, 96, 95, 96, 97, 96, 98, 98, 97, 98, 99 )
// CHECK-NEXT: ( 98, 100, 100, 99, 100, 101, 100, 102, 102, 101, 102, 103, 102, 104, 104, 103 )
// CHECK-NEXT: ( 104, 105, 104, 106, 106, 105, 106, 107, 106, 108, 108, 107, 108, 109, 108, 110 )
// CHECK-NEXT: ( 110, 109, 110, 111, 110, 112, 112, 111, 112, 113, 112, 114, 114, 113, 114, 115 )
// CHECK-NEXT: ( 114, 116, 116, 115, 116, 117, 116, 118, 118, 117, 118, 119, 118, 120, 120, 119 )
// CHECK-NEXT: ( 120, 121, 120, 122, 122, 121, 122, 123, 122, 123, 251, 123, 251, 123, 251, 124 )
// CHECK-NEXT: ( 252, 124, 252, 124, 252, 124, 252, 126, 128, 0, 128, 0, 0, 0, 0, 0 )
// CHECK-LABEL: truncf f32 -> f8E5M2 (extra)
// CHECK-NEXT: ( 254, 126, 254, 126, 254, 0, 128, 0, 0, 124, 252, 128, 0, 95, 223, 124 )
// CHECK-LABEL: truncf f16 -> f8E4M3FN
// CHECK-NEXT: ( 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 4, 4, 5, 5 )
// CHECK-NEXT: ( 6, 6, 6, 6, 7, 7, 8, 8, 8, 8, 9, 9, 10, 10, 10, 10 )
// CHECK-NEXT: ( 11, 11, 12, 12, 12, 12, 13, 13, 14, 14, 14, 14, 15, 15, 16, 16 )
// CHECK-NEXT: ( 16, 16, 17, 17, 18, 18, 18, 18, 19, 19, 20, 20, 20, 20, 21, 21 )
// CHECK-NEXT: ( 22, 22, 22, 22, 23, 23, 24, 24, 24, 24, 25, 25, 26, 26, 26, 26 )
// CHECK-NEXT: ( 27, 27, 28, 28, 28, 28, 29, 29, 30, 30, 30, 30, 31, 31, 32, 32 )
// CHECK-NEXT: ( 32, 32, 33, 33, 34, 34, 34, 34, 35, 35, 36, 36, 36, 36, 37, 37 )
// CHECK-NEXT: ( 38, 38, 38, 38, 39, 39, 40, 40, 40, 40, 41, 41, 42, 42, 42, 42 )
// CHECK-NEXT: ( 43, 43, 44, 44, 44, 44, 45, 45, 46, 46, 46, 46, 47, 47, 48, 48 )
// CHECK-NEXT: ( 48, 48, 49, 49, 50, 50, 50, 50, 51, 51, 52, 52, 52, 52, 53, 53 )
// CHECK-NEXT: ( 54, 54, 54, 54, 55, 55, 56, 56, 56, 56, 57, 57, 58, 58, 58, 58 )
// CHECK-NEXT: ( 59, 59, 60, 60, 60, 60, 61, 61, 62, 62, 62, 62, 63, 63, 64, 64 )
// CHECK-NEXT: ( 64, 64, 65, 65, 66, 66, 66, 66, 67, 67, 68, 68, 68, 68, 69, 69 )
// CHECK-NEXT: ( 70, 70, 70, 70, 71, 71, 72, 72, 72, 72, 73, 73, 74, 74, 74, 74 )
// CHECK-NEXT: ( 75, 75, 76, 76, 76, 76, 77, 77, 78, 78, 78, 78, 79, 79, 80, 80 )
// CHECK-NEXT: ( 80, 80, 81, 81, 82, 82, 82, 82, 83, 83, 84, 84, 84, 84, 85, 85 )
// CHECK-NEXT: ( 86, 86, 86, 86, 87, 87, 88, 88, 88, 88, 89, 89, 90, 90, 90, 90 )
// CHECK-NEXT: ( 91, 91, 92, 92, 92, 92, 93, 93, 94, 94, 94, 94, 95, 95, 96, 96 )
// CHECK-NEXT: ( 96, 96, 97, 97, 98, 98, 98, 98, 99, 99, 100, 100, 100, 100, 101, 101 )
// CHECK-NEXT: ( 102, 102, 102, 102, 103, 103, 104, 104, 104, 104, 105, 105, 106, 106, 106, 106 )
// CHECK-NEXT: ( 107, 107, 108, 108, 108, 108, 109, 109, 110, 110, 110, 110, 111, 111, 112, 112 )
// CHECK-NEXT: ( 112, 112, 113, 113, 114, 114, 114, 114, 115, 115, 116, 116, 116, 116, 117, 117 )
// CHECK-NEXT: ( 118, 118, 118, 118, 119, 119, 120, 120, 120, 120, 121, 121, 122, 122, 122, 122 )
// CHECK-NEXT: ( 123, 123, 124, 124, 124, 124, 125, 125, 126, 126, 126, 126, 127, 128, 128, 129 )
// CHECK-NEXT: ( 129, 130, 130, 130, 130, 131, 131, 132, 132, 132, 132, 133, 133, 134, 134, 134 )
// CHECK-NEXT: ( 134, 135, 135, 136, 136, 136, 136, 137, 137, 138, 138, 138, 138, 139, 139, 140 )
// CHECK-NEXT: ( 140, 140, 140, 141, 141, 142, 142, 142, 142, 143, 143, 144, 144, 144, 144, 145 )
// CHECK-NEXT: ( 145, 146, 146, 146, 146, 147, 147, 148, 148, 148, 148, 149, 149, 150, 150, 150 )
// CHECK-NEXT: ( 150, 151, 151, 152, 152, 152, 152, 153, 153, 154, 154, 154, 154, 155, 155, 156 )
// CHECK-NEXT: ( 156, 156, 156, 157, 157, 158, 158, 158, 158, 159, 159, 160, 160, 160, 160, 161 )
// CHECK-NEXT: ( 161, 162, 162, 162, 162, 163, 163, 164, 164, 164, 164, 165, 165, 166, 166, 166 )
// CHECK-NEXT: ( 166, 167, 167, 168, 168, 168, 168, 169, 169, 170, 170, 170, 170, 171, 171, 172 )
// CHECK-NEXT: ( 172, 172, 172, 173, 173, 174, 174, 174, 174, 175, 175, 176, 176, 176, 176, 177 )
// CHECK-NEXT: ( 177, 178, 178, 178, 178, 179, 179, 180, 180, 180, 180, 181, 181, 182, 182, 182 )
// CHECK-NEXT: ( 182, 183, 183, 184, 184, 184, 184, 185, 185, 186, 186, 186, 186, 187, 187, 188 )
// CHECK-NEXT: ( 188, 188, 188, 189, 189, 190, 190, 190, 190, 191, 191, 192, 192, 192, 192, 193 )
// CHECK-NEXT: ( 193, 194, 194, 194, 194, 195, 195, 196, 196, 196, 196, 197, 197, 198, 198, 198 )
// CHECK-NEXT: ( 198, 199, 199, 200, 200, 200, 200, 201, 201, 202, 202, 202, 202, 203, 203, 204 )
// CHECK-NEXT: ( 204, 204, 204, 205, 205, 206, 206, 206, 206, 207, 207, 208, 208, 208, 208, 209 )
// CHECK-NEXT: ( 209, 210, 210, 210, 210, 211, 211, 212, 212, 212, 212, 213, 213, 214, 214, 214 )
// CHECK-NEXT: ( 214, 215, 215, 216, 216, 216, 216, 217, 217, 218, 218, 218, 218, 219, 219, 220 )
// CHECK-NEXT: ( 220, 220, 220, 221, 221, 222, 222, 222, 222, 223, 223, 224, 224, 224, 224, 225 )
// CHECK-NEXT: ( 225, 226, 226, 226, 226, 227, 227, 228, 228, 228, 228, 229, 229, 230, 230, 230 )
// CHECK-NEXT: ( 230, 231, 231, 232, 232, 232, 232, 233, 233, 234, 234, 234, 234, 235, 235, 236 )
// CHECK-NEXT: ( 236, 236, 236, 237, 237, 238, 238, 238, 238, 239, 239, 240, 240, 240, 240, 241 )
// CHECK-NEXT: ( 241, 242, 242, 242, 242, 243, 243, 244, 244, 244, 244, 245, 245, 246, 246, 246 )
// CHECK-NEXT: ( 246, 247, 247, 248, 248, 248, 248, 249, 249, 250, 250, 250, 250, 251, 251, 252 )
// CHECK-NEXT: ( 252, 252, 252, 253, 253, 254, 254, 254, 254, 255, 0, 128, 127, 255, 127, 255 )
// CHECK-NEXT: ( 127, 127, 255, 0, 128, 0, 128, 56, 184, 0, 0, 0, 0, 0, 0, 0 )
// CHECK-LABEL: truncf bf16 -> f8E4M3FN
// CHECK-NEXT: ( 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 4, 4, 5, 5 )
// CHECK-NEXT: ( 6, 6, 6, 6, 7, 7, 8, 8, 8, 8, 9, 9, 10, 10, 10, 10 )
// CHECK-NEXT: ( 11, 11, 12, 12, 12, 12, 13, 13, 14, 14, 14, 14, 15, 15, 16, 16 )
// CHECK-NEXT: ( 16, 16, 17, 17, 18, 18, 18, 18, 19, 19, 20, 20, 20, 20, 21, 21 )
// CHECK-NEXT: ( 22, 22, 22, 22, 23, 23, 24, 24, 24, 24, 25, 25, 26, 26, 26, 26 )
// CHECK-NEXT: ( 27, 27, 28, 28, 28, 28, 29, 29, 30, 30, 30, 30, 31, 31, 32, 32 )
// CHECK-NEXT: ( 32, 32, 33, 33, 34, 34, 34, 34, 35, 35, 36, 36, 36, 36, 37, 37 )
// CHECK-NEXT: ( 38, 38, 38, 38, 39, 39, 40, 40, 40, 40, 41, 41, 42, 42, 42, 42 )
// CHECK-NEXT: ( 43, 43, 44, 44, 44, 44, 45, 45, 46, 46, 46, 46, 47, 47, 48, 48 )
// CHECK-NEXT: ( 48, 48, 49, 49, 50, 50, 50, 50, 51, 51, 52, 52, 52, 52, 53, 53 )
// CHECK-NEXT: ( 54, 54, 54, 54, 55, 55, 56, 56, 56, 56, 57, 57, 58, 58, 58, 58 )
// CHECK-NEXT: ( 59, 59, 60, 60, 60, 60, 61, 61, 62, 62, 62, 62, 63, 63, 64, 64 )
// CHECK-NEXT: ( 64, 64, 65, 65, 66, 66, 66, 66, 67, 67, 68, 68, 68, 68, 69, 69 )
// CHECK-NEXT: ( 70, 70, 70, 70, 71, 71, 72, 72, 72, 72, 73, 73, 74, 74, 74, 74 )
// CHECK-NEXT: ( 75, 75, 76, 76, 76, 76, 77, 77, 78, 78, 78, 78, 79, 79, 80, 80 )
// CHECK-NEXT: ( 80, 80, 81, 81, 82, 82, 82, 82, 83, 83, 84, 84, 84, 84, 85, 85 )
// CHECK-NEXT: ( 86, 86, 86, 86, 87, 87, 88, 88, 88, 88, 89, 89, 90, 90, 90, 90 )
// CHECK-NEXT: ( 91, 91, 92, 92, 92, 92, 93, 93, 94, 94, 94, 94, 95, 95, 96, 96 )
// CHECK-NEXT: ( 96, 96, 97, 97, 98, 98, 98, 98, 99, 99, 100, 100, 100, 100, 101, 101 )
// CHECK-NEXT: ( 102, 102, 102, 102, 103, 103, 104, 104, 104, 104, 105, 105, 106, 106, 106, 106 )
// CHECK-NEXT: ( 107, 107, 108, 108, 108, 108, 109, 109, 110, 110, 110, 110, 111, 111, 112, 112 )
// CHECK-NEXT: ( 112, 112, 113, 113, 114, 114, 114, 114, 115, 115, 116, 116, 116, 116, 117, 117 )
// CHECK-NEXT: ( 118, 118, 118, 118, 119, 119, 120, 120, 120, 120, 121, 121, 122, 122, 122, 122 )
// CHECK-NEXT: ( 123, 123, 124, 124, 124, 124, 125, 125, 126, 126, 126, 126, 127, 128, 128, 129 )
// CHECK-NEXT: ( 129, 130, 130, 130, 130, 131, 131, 132, 132, 132, 132, 133, 133, 134, 134, 134 )
// CHECK-NEXT: ( 134, 135, 135, 136, 136, 136, 136, 137, 137, 138, 138, 138, 138, 139, 139, 140 )
// CHECK-NEXT: ( 140, 140, 140, 141, 141, 142, 142, 142, 142, 143, 143, 144, 144, 144, 144, 145 )
// CHECK-NEXT: ( 145, 146, 146, 146, 146, 147, 147, 148, 148, 148, 148, 149, 149, 150, 150, 150 )
// CHECK-NEXT: ( 150, 151, 151, 152, 152, 152, 152, 153, 153, 154, 154, 154, 154, 155, 155, 156 )
// CHECK-NEXT: ( 156, 156, 156, 157, 157, 158, 158, 158, 158, 159, 159, 160, 160, 160, 160, 161 )
// CHECK-NEXT: ( 161, 162, 162, 162, 162, 163, 163, 164, 164, 164, 164, 165, 165, 166, 166, 166 )
// CHECK-NEXT: ( 166, 167, 167, 168, 168, 168, 168, 169, 169, 170, 170, 170, 170, 171, 171, 172 )
// CHECK-NEXT: ( 172, 172, 172, 173, 173, 174, 174, 174, 174, 175, 175, 176, 176, 176, 176, 177 )
// CHECK-NEXT: ( 177, 178, 178, 178, 178, 179, 179, 180, 180, 180, 180, 181, 181, 182, 182, 182 )
// CHECK-NEXT: ( 182, 183, 183, 184, 184, 184, 184, 185, 185, 186, 186, 186, 186, 187, 187, 188 )
// CHECK-NEXT: ( 188, 188, 188, 189, 189, 190, 190, 190, 190, 191, 191, 192, 192, 192, 192, 193 )
// CHECK-NEXT: ( 193, 194, 194, 194, 194, 195, 195, 196, 196, 196, 196, 197, 197, 198, 198, 198 )
// CHECK-NEXT: ( 198, 199, 199, 200, 200, 200, 200, 201, 201, 202, 202, 202, 202, 203, 203, 204 )
// CHECK-NEXT: ( 204, 204, 204, 205, 205, 206, 206, 206, 206, 207, 207, 208, 208, 208, 208, 209 )
// CHECK-NEXT: ( 209, 210, 210, 210, 210, 211, 211, 212, 212, 212, 212, 213, 213, 214, 214, 214 )
// CHECK-NEXT: ( 214, 215, 215, 216, 216, 216, 216, 217, 217, 218, 218, 218, 218, 219, 219, 220 )
// CHECK-NEXT: ( 220, 220, 220, 221, 221, 222, 222, 222, 222, 223, 223, 224, 224, 224, 224, 225 )
// CHECK-NEXT: ( 225, 226, 226, 226, 226, 227, 227, 228, 228, 228, 228, 229, 229, 230, 230, 230 )
// CHECK-NEXT: ( 230, 231, 231, 232, 232, 232, 232, 233, 233, 234, 234, 234, 234, 235, 235, 236 )
// CHECK-NEXT: ( 236, 236, 236, 237, 237, 238, 238, 238, 238, 239, 239, 240, 240, 240, 240, 241 )
// CHECK-NEXT: ( 241, 242, 242, 242, 242, 243, 243, 244, 244, 244, 244, 245, 245, 246, 246, 246 )
// CHECK-NEXT: ( 246, 247, 247, 248, 248, 248, 248, 249, 249, 250, 250, 250, 250, 251, 251, 252 )
// CHECK-NEXT: ( 252, 252, 252, 253, 253, 254, 254, 254, 254, 255, 0, 128, 127, 255, 127, 255 )
// CHECK-NEXT: ( 127, 127, 255, 0, 128, 0, 128, 56, 184, 0, 0, 0, 0, 0, 0, 0 )
// CHECK-LABEL: truncf f16 -> f8E5M2
// CHECK-NEXT: ( 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 4, 4, 5, 5 )
// CHECK-NEXT: ( 6, 6, 6, 6, 7, 7, 8, 8, 8, 8, 9, 9, 10, 10, 10, 10 )
// CHECK-NEXT: ( 11, 11, 12, 12, 12, 12, 13, 13, 14, 14, 14, 14, 15, 15, 16, 16 )
// CHECK-NEXT: ( 16, 16, 17, 17, 18, 18, 18, 18, 19, 19, 20, 20, 20, 20, 21, 21 )
// CHECK-NEXT: ( 22, 22, 22, 22, 23, 23, 24, 24, 24, 24, 25, 25, 26, 26, 26, 26 )
// CHECK-NEXT: ( 27, 27, 28, 28, 28, 28, 29, 29, 30, 30, 30, 30, 31, 31, 32, 32 )
// CHECK-NEXT: ( 32, 32, 33, 33, 34, 34, 34, 34, 35, 35, 36, 36, 36, 36, 37, 37 )
// CHECK-NEXT: ( 38, 38, 38, 38, 39, 39, 40, 40, 40, 40, 41, 41, 42, 42, 42, 42 )
// CHECK-NEXT: ( 43, 43, 44, 44, 44, 44, 45, 45, 46, 46, 46, 46, 47, 47, 48, 48 )
// CHECK-NEXT: ( 48, 48, 49, 49, 50, 50, 50, 50, 51, 51, 52, 52, 52, 52, 53, 53 )
// CHECK-NEXT: ( 54, 54, 54, 54, 55, 55, 56, 56, 56, 56, 57, 57, 58, 58, 58, 58 )
// CHECK-NEXT: ( 59, 59, 60, 60, 60, 60, 61, 61, 62, 62, 62, 62, 63, 63, 64, 64 )
// CHECK-NEXT: ( 64, 64, 65, 65, 66, 66, 66, 66, 67, 67, 68, 68, 68, 68, 69, 69 )
// CHECK-NEXT: ( 70, 70, 70, 70, 71, 71, 72, 72, 72, 72, 73, 73, 74, 74, 74, 74 )
// CHECK-NEXT: ( 75, 75, 76, 76, 76, 76, 77, 77, 78, 78, 78, 78, 79, 79, 80, 80 )
// CHECK-NEXT: ( 80, 80, 81, 81, 82, 82, 82, 82, 83, 83, 84, 84, 84, 84, 85, 85 )
// CHECK-NEXT: ( 86, 86, 86, 86, 87, 87, 88, 88, 88, 88, 89, 89, 90, 90, 90, 90 )
// CHECK-NEXT: ( 91, 91, 92, 92, 92, 92, 93, 93, 94, 94, 94, 94, 95, 95, 96, 96 )
// CHECK-NEXT: ( 96, 96, 97, 97, 98, 98, 98, 98, 99, 99, 100, 100, 100, 100, 101, 101 )
// CHECK-NEXT: ( 102, 102, 102, 102, 103, 103, 104, 104, 104, 104, 105, 105, 106, 106, 106, 106 )
// CHECK-NEXT: ( 107, 107, 108, 108, 108, 108, 109, 109, 110, 110, 110, 110, 111, 111, 112, 112 )
// CHECK-NEXT: ( 112, 112, 113, 113, 114, 114, 114, 114, 115, 115, 116, 116, 116, 116, 117, 117 )
// CHECK-NEXT: ( 118, 118, 118, 118, 119, 119, 120, 120, 120, 120, 121, 121, 122, 122, 122, 122 )
// CHECK-NEXT: ( 123, 123, 124, 124, 128, 128, 129, 129, 130, 130, 130, 130, 131, 131, 132, 132 )
// CHECK-NEXT: ( 132, 132, 133, 133, 134, 134, 134, 134, 135, 135, 136, 136, 136, 136, 137, 137 )
// CHECK-NEXT: ( 138, 138, 138, 138, 139, 139, 140, 140, 140, 140, 141, 141, 142, 142, 142, 142 )
// CHECK-NEXT: ( 143, 143, 144, 144, 144, 144, 145, 145, 146, 146, 146, 146, 147, 147, 148, 148 )
// CHECK-NEXT: ( 148, 148, 149, 149, 150, 150, 150, 150, 151, 151, 152, 152, 152, 152, 153, 153 )
// CHECK-NEXT: ( 154, 154, 154, 154, 155, 155, 156, 156, 156, 156, 157, 157, 158, 158, 158, 158 )
// CHECK-NEXT: ( 159, 159, 160, 160, 160, 160, 161, 161, 162, 162, 162, 162, 163, 163, 164, 164 )
// CHECK-NEXT: ( 164, 164, 165, 165, 166, 166, 166, 166, 167, 167, 168, 168, 168, 168, 169, 169 )
// CHECK-NEXT: ( 170, 170, 170, 170, 171, 171, 172, 172, 172, 172, 173, 173, 174, 174, 174, 174 )
// CHECK-NEXT: ( 175, 175, 176, 176, 176, 176, 177, 177, 178, 178, 178, 178, 179, 179, 180, 180 )
// CHECK-NEXT: ( 180, 180, 181, 181, 182, 182, 182, 182, 183, 183, 184, 184, 184, 184, 185, 185 )
// CHECK-NEXT: ( 186, 186, 186, 186, 187, 187, 188, 188, 188, 188, 189, 189, 190, 190, 190, 190 )
// CHECK-NEXT: ( 191, 191, 192, 192, 192, 192, 193, 193, 194, 194, 194, 194, 195, 195, 196, 196 )
// CHECK-NEXT: ( 196, 196, 197, 197, 198, 198, 198, 198, 199, 199, 200, 200, 200, 200, 201, 201 )
// CHECK-NEXT: ( 202, 202, 202, 202, 203, 203, 204, 204, 204, 204, 205, 205, 206, 206, 206, 206 )
// CHECK-NEXT: ( 207, 207, 208, 208, 208, 208, 209, 209, 210, 210, 210, 210, 211, 211, 212, 212 )
// CHECK-NEXT: ( 212, 212, 213, 213, 214, 214, 214, 214, 215, 215, 216, 216, 216, 216, 217, 217 )
// CHECK-NEXT: ( 218, 218, 218, 218, 219, 219, 220, 220, 220, 220, 221, 221, 222, 222, 222, 222 )
// CHECK-NEXT: ( 223, 223, 224, 224, 224, 224, 225, 225, 226, 226, 226, 226, 227, 227, 228, 228 )
// CHECK-NEXT: ( 228, 228, 229, 229, 230, 230, 230, 230, 231, 231, 232, 232, 232, 232, 233, 233 )
// CHECK-NEXT: ( 234, 234, 234, 234, 235, 235, 236, 236, 236, 236, 237, 237, 238, 238, 238, 238 )
// CHECK-NEXT: ( 239, 239, 240, 240, 240, 240, 241, 241, 242, 242, 242, 242, 243, 243, 244, 244 )
// CHECK-NEXT: ( 244, 244, 245, 245, 246, 246, 246, 246, 247, 247, 248, 248, 248, 248, 249, 249 )
// CHECK-NEXT: ( 250, 250, 250, 250, 251, 251, 252, 252, 0, 128, 124, 252, 126, 254, 126, 124 )
// CHECK-NEXT: ( 252, 0, 128, 4, 132, 60, 188, 0, 0, 0, 0, 0, 0, 0, 0, 0 )
// CHECK-LABEL: truncf bf16 -> f8E5M2
// CHECK-NEXT: ( 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 4, 4, 5, 5 )
// CHECK-NEXT: ( 6, 6, 6, 6, 7, 7, 8, 8, 8, 8, 9, 9, 10, 10, 10, 10 )
// CHECK-NEXT: ( 11, 11, 12, 12, 12, 12, 13, 13, 14, 14, 14, 14, 15, 15, 16, 16 )
// CHECK-NEXT: ( 16, 16, 17, 17, 18, 18, 18, 18, 19, 19, 20, 20, 20, 20, 21, 21 )
// CHECK-NEXT: ( 22, 22, 22, 22, 23, 23, 24, 24, 24, 24, 25, 25, 26, 26, 26, 26 )
// CHECK-NEXT: ( 27, 27, 28, 28, 28, 28, 29, 29, 30, 30, 30, 30, 31, 31, 32, 32 )
// CHECK-NEXT: ( 32, 32, 33, 33, 34, 34, 34, 34, 35, 35, 36, 36, 36, 36, 37, 37 )
// CHECK-NEXT: ( 38, 38, 38, 38, 39, 39, 40, 40, 40, 40, 41, 41, 42, 42, 42, 42 )
// CHECK-NEXT: ( 43, 43, 44, 44, 44, 44, 45, 45, 46, 46, 46, 46, 47, 47, 48, 48 )
// CHECK-NEXT: ( 48, 48, 49, 49, 50, 50, 50, 50, 51, 51, 52, 52, 52, 52, 53, 53 )
// CHECK-NEXT: ( 54, 54, 54, 54, 55, 55, 56, 56, 56, 56, 57, 57, 58, 58, 58, 58 )
// CHECK-NEXT: ( 59, 59, 60, 60, 60, 60, 61, 61, 62, 62, 62, 62, 63, 63, 64, 64 )
// CHECK-NEXT: ( 64, 64, 65, 65, 66, 66, 66, 66, 67, 67, 68, 68, 68, 68, 69, 69 )
// CHECK-NEXT: ( 70, 70, 70, 70, 71, 71, 72, 72, 72, 72, 73, 73, 74, 74, 74, 74 )
// CHECK-NEXT: ( 75, 75, 76, 76, 76, 76, 77, 77, 78, 78, 78, 78, 79, 79, 80, 80 )
// CHECK-NEXT: ( 80, 80, 81, 81, 82, 82, 82, 82, 83, 83, 84, 84, 84, 84, 85, 85 )
// CHECK-NEXT: ( 86, 86, 86, 86, 87, 87, 88, 88, 88, 88, 89, 89, 90, 90, 90, 90 )
// CHECK-NEXT: ( 91, 91, 92, 92, 92, 92, 93, 93, 94, 94, 94, 94, 95, 95, 96, 96 )
// CHECK-NEXT: ( 96, 96, 97, 97, 98, 98, 98, 98, 99, 99, 100, 100, 100, 100, 101, 101 )
// CHECK-NEXT: ( 102, 102, 102, 102, 103, 103, 104, 104, 104, 104, 105, 105, 106, 106, 106, 106 )
// CHECK-NEXT: ( 107, 107, 108, 108, 108, 108, 109, 109, 110, 110, 110, 110, 111, 111, 112, 112 )
// CHECK-NEXT: ( 112, 112, 113, 113, 114, 114, 114, 114, 115, 115, 116, 116, 116, 116, 117, 117 )
// CHECK-NEXT: ( 118, 118, 118, 118, 119, 119, 120, 120, 120, 120, 121, 121, 122, 122, 122, 122 )
// CHECK-NEXT: ( 123, 123, 124, 124, 128, 128, 129, 129, 130, 130, 130, 130, 131, 131, 132, 132 )
// CHECK-NEXT: ( 132, 132, 133, 133, 134, 134, 134, 134, 135, 135, 136, 136, 136, 136, 137, 137 )
// CHECK-NEXT: ( 138, 138, 138, 138, 139, 139, 140, 140, 140, 140, 141, 141, 142, 142, 142, 142 )
// CHECK-NEXT: ( 143, 143, 144, 144, 144, 144, 145, 145, 146, 146, 146, 146, 147, 147, 148, 148 )
// CHECK-NEXT: ( 148, 148, 149, 149, 150, 150, 150, 150, 151, 151, 152, 152, 152, 152, 153, 153 )
// CHECK-NEXT: ( 154, 154, 154, 154, 155, 155, 156, 156, 156, 156, 157, 157, 158, 158, 158, 158 )
// CHECK-NEXT: ( 159, 159, 160, 160, 160, 160, 161, 161, 162, 162, 162, 162, 163, 163, 164, 164 )
// CHECK-NEXT: ( 164, 164, 165, 165, 166, 166, 166, 166, 167, 167, 168, 168, 168, 168, 169, 169 )
// CHECK-NEXT: ( 170, 170, 170, 170, 171, 171, 172, 172, 172, 172, 173, 173, 174, 174, 174, 174 )
// CHECK-NEXT: ( 175, 175, 176, 176, 176, 176, 177, 177, 178, 178, 178, 178, 179, 179, 180, 180 )
// CHECK-NEXT: ( 180, 180, 181, 181, 182, 182, 182, 182, 183, 183, 184, 184, 184, 184, 185, 185 )
// CHECK-NEXT: ( 186, 186, 186, 186, 187, 187, 188, 188, 188, 188, 189, 189, 190, 190, 190, 190 )
// CHECK-NEXT: ( 191, 191, 192, 192, 192, 192, 193, 193, 194, 194, 194, 194, 195, 195, 196, 196 )
// CHECK-NEXT: ( 196, 196, 197, 197, 198, 198, 198, 198, 199, 199, 200, 200, 200, 200, 201, 201 )
// CHECK-NEXT: ( 202, 202, 202, 202, 203, 203, 204, 204, 204, 204, 205, 205, 206, 206, 206, 206 )
// CHECK-NEXT: ( 207, 207, 208, 208, 208, 208, 209, 209, 210, 210, 210, 210, 211, 211, 212, 212 )
// CHECK-NEXT: ( 212, 212, 213, 213, 214, 214, 214, 214, 215, 215, 216, 216, 216, 216, 217, 217 )
// CHECK-NEXT: ( 218, 218, 218, 218, 219, 219, 220, 220, 220, 220, 221, 221, 222, 222, 222, 222 )
// CHECK-NEXT: ( 223, 223, 224, 224, 224, 224, 225, 225, 226, 226, 226, 226, 227, 227, 228, 228 )
// CHECK-NEXT: ( 228, 228, 229, 229, 230, 230, 230, 230, 231, 231, 232, 232, 232, 232, 233, 233 )
// CHECK-NEXT: ( 234, 234, 234, 234, 235, 235, 236, 236, 236, 236, 237, 237, 238, 238, 238, 238 )
// CHECK-NEXT: ( 239, 239, 240, 240, 240, 240, 241, 241, 242, 242, 242, 242, 243, 243, 244, 244 )
// CHECK-NEXT: ( 244, 244, 245, 245, 246, 246, 246, 246, 247, 247, 248, 248, 248, 248, 249, 249 )
// CHECK-NEXT: ( 250, 250, 250, 250, 251, 251, 252, 252, 0, 128, 124, 252, 126, 254, 126, 124 )
// CHECK-NEXT: ( 252, 0, 128, 0, 128, 60, 188, 0, 0, 0, 0, 0, 0, 0, 0, 0 )
