// W8A8 integer matmuls with a requantize epilogue, the form int8 TFLite and
// TOSA models take (quanta.matmul_integer, u8 activations with a zero point
// x s8 weights, then quanta.requantize per output channel to i8): every
// mode (TFLite/TOSA single rounding, TOSA double rounding, gemmlowp, the f32
// multiplier of ONNX QLinearMatMul), multipliers from ref::quantizeMultiplier
// for real scales, the output zero point at random. The requantization
// joins the kernel as its epilogue (computed on the accumulators, block by
// block). Compared bit for bit with ref::matmulInteger then
// ref::requantizeFixedPoint / requantizeFloat on a GEMV (the streaming
// path, K / 4 odd), 7 and 13 rows (register blocks, leftover rows) and
// N = 20 (the loops).
// RUN: quanta-compile %s -o %t.o --header=%t.h
// RUN: %cxx_harness -include %t.h %S/matmul-requantize-harness.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s
// The fixed-point modes' 64-bit products in the kernel's epilogue.
// RUN: quanta-compile %s --mcpu=znver4 --emit=mlir -o - | FileCheck %s --check-prefix=IR
// IR-LABEL: llvm.func internal @_quanta_impl_rq_double(
// IR: "llvm.x86.avx512.vpdpbusd.512"
// IR: llvm.mul {{.*}} : vector<16xi64>
// CHECK: rq_double: 6 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: rq_float: 6 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: rq_gemmlowp: 6 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: rq_single: 6 cases, {{[0-9]+}} elements, 0 mismatches
// CHECK: ALL BIT-EXACT

func.func @rq_single(%a: tensor<?x?xi8>, %b: tensor<?x?xi8>, %za: tensor<i8>, %m: tensor<?xi32>, %s: tensor<?xi8>, %zo: tensor<i8>) -> tensor<?x?xi8> {
  %acc = quanta.matmul_integer %a, %b lhs_zp(%za) {lhs_unsigned} : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<i8>) -> tensor<?x?xi32>
  %y = quanta.requantize %acc, %m shift %s output_zp %zo {mode = #quanta<requantize_mode single_round>, axis = 1 : i64} : (tensor<?x?xi32>, tensor<?xi32>, tensor<?xi8>, tensor<i8>) -> tensor<?x?xi8>
  return %y : tensor<?x?xi8>
}

func.func @rq_double(%a: tensor<?x?xi8>, %b: tensor<?x?xi8>, %za: tensor<i8>, %m: tensor<?xi32>, %s: tensor<?xi8>, %zo: tensor<i8>) -> tensor<?x?xi8> {
  %acc = quanta.matmul_integer %a, %b lhs_zp(%za) {lhs_unsigned} : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<i8>) -> tensor<?x?xi32>
  %y = quanta.requantize %acc, %m shift %s output_zp %zo {mode = #quanta<requantize_mode double_round>, axis = 1 : i64} : (tensor<?x?xi32>, tensor<?xi32>, tensor<?xi8>, tensor<i8>) -> tensor<?x?xi8>
  return %y : tensor<?x?xi8>
}

func.func @rq_gemmlowp(%a: tensor<?x?xi8>, %b: tensor<?x?xi8>, %za: tensor<i8>, %m: tensor<?xi32>, %s: tensor<?xi8>, %zo: tensor<i8>) -> tensor<?x?xi8> {
  %acc = quanta.matmul_integer %a, %b lhs_zp(%za) {lhs_unsigned} : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<i8>) -> tensor<?x?xi32>
  %y = quanta.requantize %acc, %m shift %s output_zp %zo {mode = #quanta<requantize_mode gemmlowp>, axis = 1 : i64} : (tensor<?x?xi32>, tensor<?xi32>, tensor<?xi8>, tensor<i8>) -> tensor<?x?xi8>
  return %y : tensor<?x?xi8>
}

func.func @rq_float(%a: tensor<?x?xi8>, %b: tensor<?x?xi8>, %za: tensor<i8>, %m: tensor<?xf32>, %zo: tensor<i8>) -> tensor<?x?xi8> {
  %acc = quanta.matmul_integer %a, %b lhs_zp(%za) {lhs_unsigned} : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<i8>) -> tensor<?x?xi32>
  %y = quanta.requantize %acc, %m output_zp %zo {mode = #quanta<requantize_mode float_multiplier>, axis = 1 : i64} : (tensor<?x?xi32>, tensor<?xf32>, tensor<i8>) -> tensor<?x?xi8>
  return %y : tensor<?x?xi8>
}
