// The random forms of scripts/gpu-check.sh checked without a GPU.
// `prepare` compiles each random-case module of test/Integration/Random for
// the GPU with compile-cases.py, which drops the functions the architecture
// refuses and their rows of the harness table (here the 4 FP8 matmuls of
// the seed-5 forms with f32 expressed types on sm_80; the others take the
// linalg path). `run` builds the harnesses with
// QUANTA_DEVICE_BUFFERS: the generated calls get device copies of their
// buffers (harness::Bytes, harness::call). Here the kept forms are compiled
// for the host CPU and the harnesses built against the CPU stand-ins for
// the CUDA runtime, so the table, the device-buffer calls and the GPU
// bounds of the matmul harness are checked before a GPU runs them.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %S/../Integration/Random/matmul-cases.py %t/matmul.all.mlir %t/matmul.all.inc 5
// RUN: %python %S/../../scripts/gpu-check/compile-cases.py quanta-compile sm_80 %t/matmul.all.mlir %t/matmul.all.inc %t/matmul | FileCheck %s --check-prefix=SM80
// RUN: quanta-compile %t/matmul.cases.mlir -o %t/matmul-host.o --header=%t/matmul-host.h
// RUN: %cxx_harness -DQUANTA_DEVICE_BUFFERS -I%S/../../scripts/gpu-check/cpu-stand-in -include %t/matmul-host.h -DCASES_INC='"%t/matmul.inc"' %S/../Integration/Random/matmul-harness.cpp %t/matmul-host.o %quanta_ref_lib -o %t/matmul-check
// RUN: %t/matmul-check | FileCheck %s --check-prefix=MATMUL
// RUN: %python %S/../Integration/Random/cast-cases.py %t/cast.mlir %t/cast.inc
// RUN: quanta-compile %t/cast.mlir -o %t/cast.o --header=%t/cast.h
// RUN: %cxx_harness -DQUANTA_DEVICE_BUFFERS -I%S/../../scripts/gpu-check/cpu-stand-in -include %t/cast.h -DCASES_INC='"%t/cast.inc"' %S/../Integration/Random/cast-harness.cpp %t/cast.o %quanta_ref_lib -o %t/cast-check
// RUN: %t/cast-check | FileCheck %s --check-prefix=CAST

// SM80: 80 of 84 forms for sm_80
// SM80-COUNT-4: refused case_{{[0-9]+}}: FP8 matmul needs the FP8 tensor cores of sm_89 or newer
// SM80-NOT: refused

// MATMUL: w8a8: {{[0-9]+}} cases, {{[0-9]+}} elements, 0 mismatches
// MATMUL: ALL MATCH (integer accumulation bit-exact, f32 within the bound)

// CAST: ALL BIT-EXACT
