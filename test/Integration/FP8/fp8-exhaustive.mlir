// Every f32 bit pattern (2^32 inputs) through quanta.cast to f8E4M3FN and
// f8E5M2, saturating and not, compiled by quanta-compile and compared by
// fp8-exhaustive-harness.cpp with quanta::ref::encodeFloat. About a minute on
// two cores, so not part of `make check`:
//   /usr/lib/llvm-22/bin/lit -Dexhaustive=1 build/test --filter exhaustive
//
// REQUIRES: exhaustive
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -O2 -include %t.h %S/fp8-exhaustive-harness.cpp %t.o %quanta_ref_lib -lpthread -o %t.exe
// RUN: %t.exe | FileCheck %s

// CHECK: f32->f8E4M3FN saturate: 4294967296 inputs, 0 mismatches
// CHECK-NEXT: f32->f8E4M3FN: 4294967296 inputs, 0 mismatches
// CHECK-NEXT: f32->f8E5M2 saturate: 4294967296 inputs, 0 mismatches
// CHECK-NEXT: f32->f8E5M2: 4294967296 inputs, 0 mismatches

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
