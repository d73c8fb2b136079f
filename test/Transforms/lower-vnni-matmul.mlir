// RUN: quanta-opt %s -quanta-lower-vnni-matmul | FileCheck %s

// The marked u8 x s8 -> i32 matmul core becomes the VNNI kernel, guarded by
// K % 4 == 0 and N % 16 == 0, with the original loops as the fallback.

// CHECK-LABEL: func @core
// CHECK-SAME: (%[[A:.*]]: memref<?x?xi8>, %[[B:.*]]: memref<?x?xi8>, %[[C:.*]]: memref<?x?xi32>)
// CHECK: %[[FITS:.*]] = arith.andi
// CHECK: scf.if %[[FITS]] {
// Fewer than 8 rows (GEMV): B interleaved in registers as it streams in, no
// packing.
// CHECK:   %[[FEW:.*]] = arith.cmpi ult, %{{.*}}, %c8
// CHECK:   scf.if %[[FEW]] {
// CHECK-NOT: memref.alloc
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
