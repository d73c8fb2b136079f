// Failures of quanta-compile: each one is reported on stderr (with the
// file:line:col of the IR at fault where there is one), exits non-zero, and
// leaves neither the output file nor the header behind.

// RUN: rm -rf %t && split-file %s %t

// A missing input file.
// RUN: not quanta-compile %t/missing.mlir -o %t/missing.o --header=%t/missing.h 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not test -e %t/missing.o
// RUN: not test -e %t/missing.h
// MISSING: quanta-compile: cannot open input file '{{.*}}missing.mlir': No such file or directory

// IR that does not parse.
// RUN: not quanta-compile %t/unparsable.mlir -o %t/unparsable.o --header=%t/unparsable.h 2>&1 | FileCheck %s --check-prefix=PARSE
// RUN: not test -e %t/unparsable.o
// RUN: not test -e %t/unparsable.h
// PARSE: unparsable.mlir:2:40: error: expected '>' in tensor type

// A target LLVM does not know.
// RUN: not quanta-compile %t/good.mlir --target=foo-bar-baz -o %t/target.o --header=%t/target.h 2>&1 | FileCheck %s --check-prefix=TARGET
// RUN: not test -e %t/target.o
// RUN: not test -e %t/target.h
// TARGET: quanta-compile: unknown target 'foo-bar-baz': No available targets are compatible with triple "foo-bar-baz"

// OpenMP threads for a GPU target.
// RUN: not quanta-compile %t/good.mlir --target=nvptx64-nvidia-cuda --openmp -o %t/omp.o --header=%t/omp.h 2>&1 | FileCheck %s --check-prefix=OPENMP
// RUN: not test -e %t/omp.o
// RUN: not test -e %t/omp.h
// OPENMP: quanta-compile: --openmp is for CPU targets

// --gpu-on-host (testing the GPU pipeline on the host) with a GPU target or
// OpenMP threads.
// RUN: not quanta-compile %t/good.mlir --gpu-on-host --target=nvptx64-nvidia-cuda -o %t/goh.o --header=%t/goh.h 2>&1 | FileCheck %s --check-prefix=GPU-ON-HOST
// RUN: not quanta-compile %t/good.mlir --gpu-on-host --openmp -o %t/goh.o --header=%t/goh.h 2>&1 | FileCheck %s --check-prefix=GPU-ON-HOST
// RUN: not test -e %t/goh.o
// RUN: not test -e %t/goh.h
// GPU-ON-HOST: quanta-compile: --gpu-on-host compiles for the host CPU, without an nvptx64 target or --openmp

// An optimization level that does not exist.
// RUN: not quanta-compile %t/good.mlir -O4 -o %t/opt.o --header=%t/opt.h 2>&1 | FileCheck %s --check-prefix=OPT
// RUN: not test -e %t/opt.o
// RUN: not test -e %t/opt.h
// OPT: quanta-compile: -O4 is not an optimization level (0-3)

// A function returning a scalar cannot be an entry point (results are
// caller-allocated tensors).
// RUN: not quanta-compile %t/scalar-result.mlir --target=x86_64-linux-gnu -o %t/scalar.o --header=%t/scalar.h 2>&1 | FileCheck %s --check-prefix=SCALAR
// RUN: not test -e %t/scalar.o
// RUN: not test -e %t/scalar.h
// SCALAR: scalar-result.mlir:1:1: error: result 0 of type 'f32' cannot cross the C ABI (expected a ranked tensor, returned through an out-pointer)
// SCALAR-NOT: see current operation

// Nor one taking a memref.
// RUN: not quanta-compile %t/memref-arg.mlir --target=x86_64-linux-gnu -o %t/memref.o --header=%t/memref.h 2>&1 | FileCheck %s --check-prefix=MEMREF
// RUN: not test -e %t/memref.o
// RUN: not test -e %t/memref.h
// MEMREF: memref-arg.mlir:1:1: error: argument 0 of type 'memref<4xf32>' cannot cross the C ABI (expected a ranked tensor or a scalar)

// A result size the caller cannot compute from the argument shapes.
// RUN: not quanta-compile %t/untraceable.mlir --target=x86_64-linux-gnu -o %t/untraceable.o --header=%t/untraceable.h 2>&1 | FileCheck %s --check-prefix=DIMS
// RUN: not test -e %t/untraceable.o
// RUN: not test -e %t/untraceable.h
// DIMS: untraceable.mlir:1:1: error: dimension 0 of result 0 does not follow from the argument shapes; the caller could not allocate it

// But a dynamic result dimension that the program fixes (a per-channel
// quantize with a static scale) is that size, which the header states.
// RUN: quanta-compile %t/fixed.mlir --target=x86_64-linux-gnu -o %t/fixed.o --header=%t/fixed.h
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/fixed.h
// FIXED: result0: int8_t [3]

// A public function whose name is not a C identifier.
// RUN: not quanta-compile %t/badname.mlir --target=x86_64-linux-gnu -o %t/badname.o --header=%t/badname.h 2>&1 | FileCheck %s --check-prefix=NAME
// RUN: not test -e %t/badname.o
// RUN: not test -e %t/badname.h
// NAME: badname.mlir:1:1: error: 'my.kernel-v2' is not a C identifier

// Names the C header cannot declare: C or C++ keywords, the header's own
// types, names C reserves.
// RUN: not quanta-compile %t/keywords.mlir --target=x86_64-linux-gnu -o %t/keywords.o --header=%t/keywords.h 2>&1 | FileCheck %s --check-prefix=KEYWORD
// RUN: not test -e %t/keywords.o
// RUN: not test -e %t/keywords.h
// KEYWORD: keywords.mlir:1:1: error: 'int' is a C or C++ keyword or a name reserved in C, which the C header cannot declare; rename the function
// KEYWORD: keywords.mlir:4:1: error: 'class' is a C or C++ keyword
// KEYWORD: keywords.mlir:7:1: error: 'uint8_t' is a C or C++ keyword
// KEYWORD: keywords.mlir:10:1: error: '_Bool' is a C or C++ keyword

// The object and the header given as one file: neither is written.
// RUN: not quanta-compile %t/good.mlir --target=x86_64-linux-gnu -o %t/same.o --header=%t/./same.o 2>&1 | FileCheck %s --check-prefix=SAME
// RUN: not test -e %t/same.o
// SAME: quanta-compile: the output and the header are the same file '{{.*}}same.o'

// TOSA ops other than tosa.matmul on int8 (which nothing lowers).
// RUN: not quanta-compile %t/tosa.mlir --target=x86_64-linux-gnu -o %t/tosa.o --header=%t/tosa.h 2>&1 | FileCheck %s --check-prefix=TOSA
// RUN: not test -e %t/tosa.o
// TOSA: tosa.mlir:2:8: error: 'tosa.add' is not supported: Quanta imports tosa.matmul on int8 operands; lower other TOSA ops to linalg first (upstream's --tosa-to-linalg pipelines)

// A !quant.calibrated type (no scale, no storage type).
// RUN: not quanta-compile %t/calibrated.mlir --target=x86_64-linux-gnu -o %t/calibrated.o --header=%t/calibrated.h 2>&1 | FileCheck %s --check-prefix=CALIBRATED
// RUN: not test -e %t/calibrated.o
// RUN: not test -e %t/calibrated.h
// CALIBRATED: calibrated.mlir:1:1: error: '!quant.calibrated<f32<-1.000000e+00:1.000000e+00>>' has a range but no scale or storage type

// A constant dimension index outside the operand's rank (which upstream
// folders would read past the shape for; found by mutation fuzzing).
// RUN: not quanta-compile %t/dim-index.mlir --target=x86_64-linux-gnu -o %t/dim.o --header=%t/dim.h 2>&1 | FileCheck %s --check-prefix=DIMINDEX
// RUN: not test -e %t/dim.o
// RUN: not test -e %t/dim.h
// DIMINDEX: dim-index.mlir:3:8: error: dimension index 2147483648 is out of range for a value of rank 2

// A failed compile does not clobber an existing output: it is written
// through a temporary file renamed on success.
// RUN: echo previous > %t/kept.o
// RUN: not quanta-compile %t/badname.mlir --target=x86_64-linux-gnu -o %t/kept.o 2>&1 | FileCheck %s --check-prefix=NAME
// RUN: FileCheck %s --check-prefix=KEPT --input-file=%t/kept.o
// KEPT: previous

// Nor does a header that cannot be written: the object and the header are
// renamed together once both are written.
// RUN: not quanta-compile %t/good.mlir --target=x86_64-linux-gnu -o %t/kept.o --header=%t/no-such-dir/kept.h 2>&1 | FileCheck %s --check-prefix=HEADER
// RUN: FileCheck %s --check-prefix=KEPT --input-file=%t/kept.o
// HEADER: quanta-compile: cannot write '{{.*}}no-such-dir/kept.h': No such file or directory

// Targets, CPUs, features and GPU architectures the kernels are not for.
// RUN: not quanta-compile %t/good.mlir --target=amdgcn-amd-amdhsa -o %t/amd.o --header=%t/amd.h 2>&1 | FileCheck %s --check-prefix=BADTARGET
// RUN: not test -e %t/amd.o
// BADTARGET: quanta-compile: unsupported target 'amdgcn-amd-amdhsa': the kernels are for x86_64 and aarch64 CPUs and nvptx64-nvidia-cuda GPUs
// RUN: not quanta-compile %t/good.mlir --target=x86_64-linux-gnu --mcpu=i386 -o %t/i386.o 2>&1 | FileCheck %s --check-prefix=I386
// I386: quanta-compile: CPU 'i386' cannot run 64-bit x86 code
// RUN: not quanta-compile %t/good.mlir --target=aarch64-linux-gnu --mcpu=garbage -o %t/cpu.o 2>&1 | FileCheck %s --check-prefix=CPU
// CPU: quanta-compile: unknown CPU 'garbage' for target 'aarch64-linux-gnu'
// CPU-NOT: ignoring processor
// RUN: not quanta-compile %t/good.mlir --target=x86_64-linux-gnu --mattr=+avx2,+garbage -o %t/feature.o 2>&1 | FileCheck %s --check-prefix=FEATURE
// FEATURE: quanta-compile: unknown CPU feature '+garbage' for target 'x86_64-linux-gnu'
// RUN: not quanta-compile %t/good.mlir --target=nvptx64-nvidia-cuda --gpu-arch=sm_75 -o %t/sm75.o 2>&1 | FileCheck %s --check-prefix=ARCH
// RUN: not quanta-compile %t/good.mlir --target=nvptx64-nvidia-cuda --gpu-arch=sm_100 -o %t/sm100.o 2>&1 | FileCheck %s --check-prefix=ARCH
// RUN: not test -e %t/sm75.o
// ARCH: quanta-compile: unsupported GPU architecture 'sm_{{75|100}}' (supported: sm_80, sm_86, sm_87, sm_89, sm_90, sm_90a)

// Types the C ABI has none for, and names of functions the object may call.
// RUN: not quanta-compile %t/i128.mlir --target=x86_64-linux-gnu -o %t/i128.o --header=%t/i128.h 2>&1 | FileCheck %s --check-prefix=I128
// RUN: not test -e %t/i128.o
// I128: i128.mlir:1:1: error: argument 0 of type 'i128' cannot cross the C ABI (expected tensors of i1, i4, i8, i16, i32, i64, index, f16, bf16, f32, f64, f8E4M3FN or f8E5M2, or scalars of i1, i8, i16, i32, i64, index, f16, bf16, f32 or f64)
// RUN: not quanta-compile %t/libm.mlir --target=x86_64-linux-gnu -o %t/libm.o --header=%t/libm.h 2>&1 | FileCheck %s --check-prefix=LIBM
// RUN: not test -e %t/libm.o
// LIBM: libm.mlir:1:1: error: 'roundevenf' is reserved (the name of a C library or compiler runtime function, which the object may call, or of Quanta's implementations); rename the function

// And the same input compiles when it is valid.
// RUN: quanta-compile %t/good.mlir --target=x86_64-linux-gnu -o %t/good.o --header=%t/good.h
// RUN: test -s %t/good.o
// RUN: test -s %t/good.h

//--- unparsable.mlir
func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = arith.addf %x, %x : tensor<4xf32
  return %0 : tensor<4xf32>
}

//--- good.mlir
func.func @quantize_i8(%x: tensor<?xf32>, %s: tensor<f32>) -> tensor<?xi8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>}
      : (tensor<?xf32>, tensor<f32>) -> tensor<?xi8>
  return %q : tensor<?xi8>
}

//--- scalar-result.mlir
func.func @first(%x: tensor<4xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %0 = tensor.extract %x[%c0] : tensor<4xf32>
  return %0 : f32
}

//--- memref-arg.mlir
func.func @load(%x: memref<4xf32>) -> tensor<4xf32> {
  %0 = bufferization.to_tensor %x : memref<4xf32> to tensor<4xf32>
  return %0 : tensor<4xf32>
}

//--- untraceable.mlir
func.func @iota(%n: index) -> tensor<?xf32> {
  %0 = tensor.empty(%n) : tensor<?xf32>
  return %0 : tensor<?xf32>
}

//--- badname.mlir
func.func @"my.kernel-v2"(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}

//--- calibrated.mlir
func.func @f(%x: tensor<4x!quant.calibrated<f32<-1.0:1.0>>>) -> tensor<4x!quant.calibrated<f32<-1.0:1.0>>> {
  return %x : tensor<4x!quant.calibrated<f32<-1.0:1.0>>>
}

//--- dim-index.mlir
func.func @f(%q: tensor<?x3xi8>) -> tensor<?x3xi32> {
  %c = arith.constant 2147483648 : index
  %d = tensor.dim %q, %c : tensor<?x3xi8>
  %e = tensor.empty(%d) : tensor<?x3xi32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%q : tensor<?x3xi8>) outs(%e : tensor<?x3xi32>) {
  ^bb0(%in: i8, %out: i32):
    %v = arith.extsi %in : i8 to i32
    linalg.yield %v : i32
  } -> tensor<?x3xi32>
  return %r : tensor<?x3xi32>
}

//--- i128.mlir
func.func @wide(%a: i128, %x: tensor<2xf32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}

//--- libm.mlir
func.func @roundevenf(%x: tensor<2xf32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}

//--- keywords.mlir
func.func @int(%x: tensor<2xf32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}
func.func @class(%x: tensor<2xf32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}
func.func @uint8_t(%x: tensor<2xf32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}
func.func @_Bool(%x: tensor<2xf32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}

//--- fixed.mlir
func.func @f(%x: tensor<?xf32>, %s: tensor<3xf32>) -> tensor<?xi8> {
  %y = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 0, symmetric = true>} : (tensor<?xf32>, tensor<3xf32>) -> tensor<?xi8>
  return %y : tensor<?xi8>
}

//--- tosa.mlir
func.func @f(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %r = tosa.add %x, %y : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}
