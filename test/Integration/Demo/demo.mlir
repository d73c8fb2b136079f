// `make demo`'s kernels: compile examples/quantize.mlir, link examples/demo.c
// and check its results (the tutorial example and sane error statistics).
// RUN: rm -rf %t && mkdir -p %t
// RUN: quanta-compile %S/../../../examples/quantize.mlir -o %t/quantize.o --header=%t/quantize.h
// RUN: %cxx_harness -x c++ -I%t %S/../../../examples/demo.c -x none %t/quantize.o -o %t/demo
// RUN: %t/demo | FileCheck %s

// CHECK: scale = 2.1/127 = 0.016535433  q = [-30, 18, 73, -127]
// CHECK: int8 per-token (dynamic) {{.*}} SQNR  40.0 dB
// CHECK: FP8 E4M3FN per-tensor {{.*}} SQNR  31.6 dB
// CHECK: int4 per-group (g=32) {{.*}} SQNR  16.7 dB
// CHECK: First packed int4 bytes (low nibble first): 0x74 0xf5
