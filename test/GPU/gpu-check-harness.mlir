// The run half of scripts/gpu-check.sh checked without a GPU: the harness is
// built against CPU stand-ins for the CUDA runtime (device buffers are host
// memory; cuBLASLt is not called, --no-bench) and the check kernels compiled
// for the host CPU, whose results are the ops' definition. Every check,
// including the toleranced float and weight-only int4 ones, must pass: this
// keeps the harness's reference composition, its calls of the entry points
// (C signatures, int4 packing, parameter shapes) and its bounds honest before
// a GPU runs it.
// RUN: rm -rf %t && mkdir -p %t
// RUN: quanta-compile %S/../../scripts/gpu-check/kernels.mlir -o %t/kernels.o --header=%t/kernels.h
// RUN: quanta-compile %S/../../scripts/gpu-check/kernels-fp8.mlir -o %t/kernels-fp8.o --header=%t/kernels-fp8.h
// RUN: %cxx_harness -I%t -I%S/../../scripts/gpu-check/cpu-stand-in %S/../../scripts/gpu-check/harness.cpp %t/kernels.o %t/kernels-fp8.o %quanta_ref_lib -o %t/gpu-check
// RUN: %t/gpu-check --no-bench | FileCheck %s
// RUN: %t/gpu-check --no-bench w4 | FileCheck %s --check-prefix=PART
// RUN: not %t/gpu-check int9 2>&1 | FileCheck %s --check-prefix=BAD

// CHECK: check cases elements mismatch
// CHECK-DAG: w8a8 24 {{[0-9]+}} 0 0
// CHECK-DAG: w8a8t 24 {{[0-9]+}} 0 0
// CHECK-DAG: s8u8 24 {{[0-9]+}} 0 0
// CHECK-DAG: s8u8t 24 {{[0-9]+}} 0 0
// CHECK-DAG: s8u8b 12 {{[0-9]+}} 0 0
// CHECK-DAG: s8s8 24 {{[0-9]+}} 0 0
// CHECK-DAG: s8s8t 24 {{[0-9]+}} 0 0
// CHECK-DAG: q80 24 {{[0-9]+}} 0 0
// CHECK-DAG: q80t 24 {{[0-9]+}} 0 0
// CHECK-DAG: w4a8 24 {{[0-9]+}} 0 0
// CHECK-DAG: f16mm 11 {{[0-9]+}} 0 0
// CHECK-DAG: f16mmt 11 {{[0-9]+}} 0 0
// CHECK-DAG: w4g32 11 {{[0-9]+}} 0
// CHECK-DAG: w4zp128 11 {{[0-9]+}} 0
// CHECK-DAG: w4zp128t 11 {{[0-9]+}} 0
// CHECK-DAG: w4g64bf16 11 {{[0-9]+}} 0
// CHECK-DAG: w4col 11 {{[0-9]+}} 0
// CHECK-DAG: e4m3mm 11 {{[0-9]+}} 0 0
// CHECK-DAG: e4m3mmt 11 {{[0-9]+}} 0 0
// CHECK: GPU CHECK PASS: CPU stand-in, {{[0-9]+}} checks, {{[0-9]+}} elements, 0 mismatches; vs cuBLASLt: not run

// One part alone: the w4 checks run and nothing else.
// PART: check cases elements mismatch
// PART-NEXT: w4g32 11
// PART-NEXT: w4zp128 11
// PART-NEXT: w4zp128t 11
// PART-NEXT: w4g64bf16 11
// PART-NEXT: w4col 11
// PART-EMPTY:
// PART-NEXT: GPU CHECK PASS

// BAD: gpu-check: unknown part 'int9' (elementwise, int8, f16, w4, fp8, bench)
