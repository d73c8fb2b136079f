// RUN: quanta-opt %s -quanta-lower-matmul-kernels | FileCheck %s
// RUN: quanta-opt %s -quanta-lower-matmul-kernels="int8=none bf16=true" | FileCheck %s --check-prefix=BF16
// RUN: quanta-opt %s -quanta-lower-matmul-kernels="parallel=true" | FileCheck %s --check-prefix=PAR

// The marked u8 x s8 -> i32 matmul core becomes the VNNI kernel, guarded by
// K % 4 == 0 and N % 16 == 0, with the original loops as the fallback.

// CHECK-LABEL: func @core
// CHECK-SAME: (%[[A:.*]]: memref<?x?xi8>, %[[B:.*]]: memref<?x?xi8>, %[[C:.*]]: memref<?x?xi32>)
// CHECK: %[[FITS:.*]] = arith.andi
// CHECK: scf.if %[[FITS]] {
// Fewer than 8 rows (GEMV): B interleaved in registers as it streams in, no
// packing; 4 panels at a time from one 64-byte load per row of B.
// CHECK:   %[[FEW:.*]] = arith.cmpi ult, %{{.*}}, %c8
// CHECK:   scf.if %[[FEW]] {
// CHECK-NOT: memref.alloc
// CHECK:     vector.load %[[B]]{{.*}} : memref<?x?xi8>, vector<64xi8>
// CHECK:     vector.shuffle {{.*}} [16, 80, 17, 81, {{.*}} : vector<64xi8>, vector<64xi8>
// CHECK:     vector.shuffle {{.*}} : vector<32xi8>, vector<32xi8>
// CHECK:     llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// CHECK:   } else {
// More rows: B packed once into 64-byte panels by two rounds of shuffles:
// CHECK:   %[[PACKED:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xi8>
// CHECK:   vector.shuffle {{.*}} : vector<16xi8>, vector<16xi8>
// CHECK:   vector.shuffle {{.*}} : vector<32xi8>, vector<32xi8>
// CHECK:   vector.store %{{.*}}, %[[PACKED]][%{{.*}}] : memref<?xi8>, vector<64xi8>
// The 6 x 64 register block: 24 accumulators loaded from C, 4 panels and 6
// broadcast 4-byte slices of A per step of 4 in K, 24 vpdpbusd.
// CHECK:   scf.for
// CHECK:     scf.for
// CHECK-COUNT-24: vector.load %[[C]]
// CHECK:       scf.for {{.*}} iter_args
// CHECK-COUNT-4: vector.load %[[PACKED]]
// CHECK:         vector.load %[[A]]{{.*}} : memref<?x?xi8>, vector<4xi8>
// CHECK:         vector.broadcast %{{.*}} : i32 to vector<16xi32>
// CHECK-COUNT-24: llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// CHECK:         scf.yield
// CHECK-COUNT-24: vector.store {{.*}}, %[[C]]
// CHECK:   memref.dealloc %[[PACKED]]
// CHECK: } else {
// CHECK:   linalg.generic
// CHECK-NOT: quanta.u8s8_matmul
// CHECK: }
func.func @core(%a: memref<?x?xi8>, %b: memref<?x?xi8>, %c: memref<?x?xi32>) {
  linalg.generic {indexing_maps = [affine_map<(m, k, n) -> (m, k)>, affine_map<(m, k, n) -> (k, n)>, affine_map<(m, k, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%a, %b : memref<?x?xi8>, memref<?x?xi8>) outs(%c : memref<?x?xi32>) attrs = {quanta.u8s8_matmul} {
  ^bb0(%x: i8, %y: i8, %acc: i32):
    %0 = arith.extui %x : i8 to i32
    %1 = arith.extsi %y : i8 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %acc, %2 : i32
    linalg.yield %3 : i32
  }
  return
}

// An unmarked contraction is left alone.
// CHECK-LABEL: func @unmarked
// CHECK-NOT: vpdpbusd
// CHECK: linalg.matmul
func.func @unmarked(%a: memref<8x8xi8>, %b: memref<8x16xi8>, %c: memref<8x16xi32>) {
  linalg.matmul ins(%a, %b : memref<8x8xi8>, memref<8x16xi8>) outs(%c : memref<8x16xi32>)
  return
}

// With bf16=true, a bf16 x bf16 -> f32 linalg.matmul becomes the same kernel
// around vdpbf16ps: K in steps of 2, panels of 16 columns x 2 rows
// interleaved by one shuffle, f32 accumulators; guarded by K % 2 == 0 and
// N % 16 == 0. Without the option it stays a linalg.matmul, and
// int8=none leaves the marked integer core alone.
// CHECK-LABEL: func @bf16
// CHECK-NOT: dpbf16ps
// CHECK: linalg.matmul
// BF16-LABEL: func @core
// BF16-NOT: vpdpbusd
// BF16: quanta.u8s8_matmul
// BF16-LABEL: func @bf16
// BF16: %[[K:.*]] = memref.dim %{{.*}}, %c1 : memref<?x?xbf16>
// BF16: arith.remui %[[K]], %c2
// BF16: scf.if
// BF16:   vector.shuffle {{.*}} : vector<16xbf16>, vector<16xbf16>
// BF16:   llvm.call_intrinsic "llvm.x86.avx512bf16.dpbf16ps.512"{{.*}} : (vector<16xf32>, vector<32xbf16>, vector<32xbf16>) -> vector<16xf32>
// BF16:   memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xbf16>
// BF16-COUNT-24: llvm.call_intrinsic "llvm.x86.avx512bf16.dpbf16ps.512"
// BF16: } else {
// BF16:   linalg.matmul
func.func @bf16(%a: memref<?x?xbf16>, %b: memref<?x?xbf16>, %c: memref<?x?xf32>) {
  linalg.matmul ins(%a, %b : memref<?x?xbf16>, memref<?x?xbf16>) outs(%c : memref<?x?xf32>)
  return
}

// With parallel=true the few-rows path streams B through blocks of 16
// panels in parallel, and the packing and the register blocks run in
// parallel over panels / groups of 4 panels; leftover panels stay serial.
// PAR-LABEL: func @core
// PAR: scf.if
// PAR:   scf.parallel (%{{.*}}) = (%{{.*}}) to (%{{.*}}) step (%c16{{.*}})
// PAR:     llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// PAR: } else {
// PAR:   memref.alloc
// PAR:   scf.parallel (%{{.*}}) = (%{{.*}}) to (%{{.*}}) step (%c1{{.*}})
// PAR:     vector.store
// PAR:   scf.parallel (%{{.*}}) = (%{{.*}}) to (%{{.*}}) step (%c4{{.*}})
// PAR:     llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// PAR:   scf.for
