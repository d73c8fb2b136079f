// Where quanta-compile writes its outputs: through symbolic links (the link
// kept, its target written), creating a dangling link's target as open(2)
// would, and into devices directly.
// RUN: rm -rf %t && mkdir -p %t/dir
// An existing file behind a link.
// RUN: echo old > %t/real.o && ln -s real.o %t/link.o
// RUN: quanta-compile %s -o %t/link.o --header=%t/link.h
// RUN: test -L %t/link.o && llvm-nm %t/real.o | FileCheck %s
// A dangling link: its target is created.
// RUN: ln -s dir/new.o %t/dangling.o
// RUN: quanta-compile %s -o %t/dangling.o
// RUN: test -L %t/dangling.o && llvm-nm %t/dir/new.o | FileCheck %s
// A chain of relative links ending in a missing file.
// RUN: ln -s next.o %t/chain.o && ln -s dir/chained.o %t/next.o
// RUN: quanta-compile %s -o %t/chain.o
// RUN: test -L %t/chain.o && test -L %t/next.o && llvm-nm %t/dir/chained.o | FileCheck %s
// A device is written, not replaced.
// RUN: quanta-compile %s -o /dev/null && test -c /dev/null

// CHECK: T scale

func.func @scale(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi8> {
  %q = quanta.quantize %x, %s {scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi8>
  return %q : tensor<4xi8>
}
