// Execution test: the ONNX QuantizeLinear / DequantizeLinear backend tests
// written as upstream `quant` dialect IR (what frontends emit):
// `quant.qcast` + `quant.scast` for quantize, `quant.scast` + `quant.dcast`
// for dequantize, with the parameters in the `!quant.uniform` type (per
// tensor, per axis, sub-channel for the blocked tests). gen-quant-ir.py writes
// one function per ONNX data set; quanta-compile imports them with
// --convert-quant-to-quanta (ONNX numerics) and the results must equal the
// JSON's expected outputs bit for bit.
//
// RUN: %python %S/gen-quant-ir.py %S/../../data/oracles/onnx %t.mlir %t.cases.cpp
// RUN: quanta-compile %t.mlir -o %t.o --header=%t.h
// RUN: %cxx_harness -fexceptions -include %t.h %S/onnx-quant-harness.cpp %t.cases.cpp %t.o %quanta_ref_lib -o %t.exe
// RUN: %t.exe | FileCheck %s

// The whole output, in file-name order: each data set run, each test not run
// and why, and the per-op totals.
// CHECK: PASS test_dequantizelinear[0] via @test_dequantizelinear_0 (DequantizeLinear): 4 values
// CHECK-NEXT: PASS test_dequantizelinear_axis[0] via @test_dequantizelinear_axis_0 (DequantizeLinear): 18 values
// CHECK-NEXT: PASS test_dequantizelinear_blocked[0] via @test_dequantizelinear_blocked_0 (DequantizeLinear): 24 values
// CHECK-NEXT: not run: test_dequantizelinear_e4m3fn (FLOAT8E4M3FN storage: not expressible in MLIR 22's !quant.uniform)
// CHECK-NEXT: not run: test_dequantizelinear_e4m3fn_float16 (FLOAT8E4M3FN storage: not expressible in MLIR 22's !quant.uniform)
// CHECK-NEXT: not run: test_dequantizelinear_e4m3fn_zero_point (FLOAT8E4M3FN storage: not expressible in MLIR 22's !quant.uniform)
// CHECK-NEXT: not run: test_dequantizelinear_e5m2 (FLOAT8E5M2 storage: not expressible in MLIR 22's !quant.uniform)
// CHECK-NEXT: not run: test_dequantizelinear_float4e2m1 (FLOAT4E2M1 storage: not a Quanta type)
// CHECK-NEXT: not run: test_dequantizelinear_int16 (INT16 storage: not a Quanta type)
// CHECK-NEXT: not run: test_dequantizelinear_int2 (INT2 storage: not a Quanta type)
// CHECK-NEXT: PASS test_dequantizelinear_int4[0] via @test_dequantizelinear_int4_0 (DequantizeLinear): 5 values
// CHECK-NEXT: not run: test_dequantizelinear_uint16 (UINT16 storage: not a Quanta type)
// CHECK-NEXT: not run: test_dequantizelinear_uint2 (UINT2 storage: not a Quanta type)
// CHECK-NEXT: PASS test_dequantizelinear_uint4[0] via @test_dequantizelinear_uint4_0 (DequantizeLinear): 5 values
// CHECK-NEXT: PASS test_quantizelinear[0] via @test_quantizelinear_0 (QuantizeLinear): 6 values
// CHECK-NEXT: PASS test_quantizelinear_axis[0] via @test_quantizelinear_axis_0 (QuantizeLinear): 18 values
// CHECK-NEXT: PASS test_quantizelinear_blocked_asymmetric[0] via @test_quantizelinear_blocked_asymmetric_0 (QuantizeLinear): 12 values
// CHECK-NEXT: not run: test_quantizelinear_blocked_symmetric (INT16 storage: not a Quanta type)
// CHECK-NEXT: not run: test_quantizelinear_e4m3fn (FLOAT8E4M3FN storage: not expressible in MLIR 22's !quant.uniform)
// CHECK-NEXT: not run: test_quantizelinear_e5m2 (FLOAT8E5M2 storage: not expressible in MLIR 22's !quant.uniform)
// CHECK-NEXT: not run: test_quantizelinear_float4e2m1 (FLOAT4E2M1 storage: not a Quanta type)
// CHECK-NEXT: not run: test_quantizelinear_int16 (INT16 storage: not a Quanta type)
// CHECK-NEXT: not run: test_quantizelinear_int2 (INT2 storage: not a Quanta type)
// CHECK-NEXT: PASS test_quantizelinear_int4[0] via @test_quantizelinear_int4_0 (QuantizeLinear): 12 values
// CHECK-NEXT: not run: test_quantizelinear_uint16 (UINT16 storage: not a Quanta type)
// CHECK-NEXT: not run: test_quantizelinear_uint2 (UINT2 storage: not a Quanta type)
// CHECK-NEXT: PASS test_quantizelinear_uint4[0] via @test_quantizelinear_uint4_0 (QuantizeLinear): 12 values
// CHECK-NEXT: onnx-quant not run: 17 tests
// CHECK-NEXT: onnx-quant QuantizeLinear: 5 cases (60 values), 0 mismatches
// CHECK-NEXT: onnx-quant DequantizeLinear: 5 cases (56 values), 0 mismatches
// CHECK-NEXT: onnx-quant ALL PASSED
//
// The same IR through upstream MLIR's --lower-quant-ops instead does not give
// the ONNX answers: it truncates toward zero instead of rounding half to even
// and wraps instead of saturating (dequantization agrees). This records that
// the harness notices, on two representative elements.
// RUN: mlir-opt --lower-quant-ops --canonicalize --convert-elementwise-to-linalg %t.mlir -o %t.upstream.mlir
// RUN: quanta-compile %t.upstream.mlir -o %t.upstream.o --header=%t.h
// RUN: %cxx_harness -fexceptions -include %t.h %S/onnx-quant-harness.cpp %t.cases.cpp %t.upstream.o %quanta_ref_lib -o %t.upstream.exe
// RUN: not %t.upstream.exe | FileCheck %s --check-prefix=UPSTREAM
// UPSTREAM: mismatch test_quantizelinear[0] y[2]: input 3 (0x40400000), got 129 (0x81), expected 130 (0x82)
// UPSTREAM: mismatch test_quantizelinear[0] y[3]: input 1000 (0x447A0000), got 116 (0x74), expected 255 (0xFF)
// UPSTREAM: onnx-quant FAILED
