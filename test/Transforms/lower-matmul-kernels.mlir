// RUN: quanta-opt %s -quanta-lower-matmul-kernels | FileCheck %s
// RUN: quanta-opt %s -quanta-lower-matmul-kernels="int8=none bf16=true vector-bits=0" | FileCheck %s --check-prefix=BF16
// RUN: quanta-opt %s -quanta-lower-matmul-kernels="parallel=true" | FileCheck %s --check-prefix=PAR
// RUN: quanta-opt %s -quanta-lower-matmul-kernels="int8=neon-dotprod" | FileCheck %s --check-prefix=SDOT
// RUN: quanta-opt %s -quanta-lower-matmul-kernels="amx=true bf16=true" | FileCheck %s --check-prefix=AMX
// RUN: quanta-opt %s -quanta-lower-matmul-kernels="stream-prefetch=262144" | FileCheck %s --check-prefix=FAR
// RUN: quanta-opt %s -quanta-lower-matmul-kernels="int8=avx2 vector-bits=256" | FileCheck %s --check-prefix=V256
// RUN: quanta-opt %s -quanta-lower-matmul-kernels="int8=avxvnni vector-bits=256" | FileCheck %s --check-prefix=AVXVNNI
// RUN: quanta-opt %s -quanta-lower-matmul-kernels="int8=avx512bw" | FileCheck %s --check-prefix=AVX512BW
// RUN: quanta-opt %s -quanta-lower-matmul-kernels="int8=neon-dotprod vector-bits=128" | FileCheck %s --check-prefix=V128
// RUN: quanta-opt %s -quanta-lower-matmul-kernels="int8=none vector-bits=0" | FileCheck %s --check-prefix=V0

// The marked u8 x s8 -> i32 matmul core becomes the VNNI kernel, guarded by
// K % 4 == 0 and N % 16 == 0, with the original loops as the fallback.

// CHECK-LABEL: func @core
// CHECK-SAME: (%[[A:.*]]: memref<?x?xi8>, %[[B:.*]]: memref<?x?xi8>, %[[C:.*]]: memref<?x?xi32>)
// CHECK: %[[FITS:.*]] = arith.andi
// CHECK: scf.if %[[FITS]] {
// Fewer than 8 rows (GEMV): B interleaved in registers as it streams in, no
// packing; 4 panels at a time from one 64-byte load per row of B (rows
// prefetched into L2 ahead): half rows of two rows side by side, then one
// byte shuffle per panel; two K steps per visit. B is read as 4 streams of
// K/4 rows: K step j takes rows j + t * K/4 (t < 4), and A is copied once
// with its elements permuted to match: copy[m, 4j + t] = A[m, j + t * K/4].
// CHECK:   %[[K4:.*]] = arith.divui %{{.*}}, %c4
// CHECK:   %[[FEW:.*]] = arith.cmpi ult, %{{.*}}, %c8
// CHECK:   scf.if %[[FEW]] {
// CHECK:     %[[PERM:.*]] = memref.alloc(%{{.*}}, %{{.*}}) : memref<?x?xi8>
// CHECK:     scf.for %[[J:.*]] = %{{.*}} to %[[K4]]
// CHECK:       %[[TO:.*]] = arith.muli %[[J]], %c4
// CHECK:       %[[OFF3:.*]] = arith.muli %[[K4]], %c3
// CHECK:       %[[FROM3:.*]] = arith.addi %[[J]], %[[OFF3]]
// CHECK:       %[[V3:.*]] = memref.load %[[A]][%{{.*}}, %[[FROM3]]]
// CHECK:       %[[TO3:.*]] = arith.addi %[[TO]], %c3
// CHECK:       memref.store %[[V3]], %[[PERM]][%{{.*}}, %[[TO3]]]
// CHECK-NOT: memref.alloc
// Each stream is prefetched `stream-prefetch` bytes ahead (32 KiB; rows of
// unknown width count as 4 KiB: 8 rows).
// CHECK:     %[[AHEAD:.*]] = arith.addi %{{.*}}, %c8{{.*}} : index
// CHECK:     %[[CLAMPED:.*]] = arith.minui %[[AHEAD]], %{{.*}} : index
// CHECK:     memref.prefetch %[[B]][%[[CLAMPED]], %{{.*}}], read, locality<2>, data
// CHECK-COUNT-3: memref.prefetch %[[B]]{{.*}} read, locality<2>, data
// CHECK:     %[[ROW3:.*]] = arith.muli %[[K4]], %c3
// CHECK:     %[[AT3:.*]] = arith.addi %{{.*}}, %[[ROW3]]
// CHECK:     vector.load %[[B]][%[[AT3]], %{{.*}}] : memref<?x?xi8>, vector<64xi8>
// CHECK:     vector.shuffle {{.*}} [0, 1, {{.*}}, 31, 64, 65, {{.*}}, 95] : vector<64xi8>, vector<64xi8>
// CHECK:     vector.shuffle {{.*}} [0, 32, 64, 96, 1, 33, 65, 97, {{.*}} : vector<64xi8>, vector<64xi8>
// CHECK:     vector.load %[[PERM]]{{.*}} : memref<?x?xi8>, vector<4xi8>
// CHECK-COUNT-2: llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// CHECK:     memref.dealloc %[[PERM]]
// CHECK:   } else {
// More rows: B packed once into 64-byte panels, a block of 4 panels at a
// time from one 64-byte load per row of B (half rows of two rows side by
// side, then one byte shuffle per panel), its 4 panels stored apart:
// CHECK:   %[[PACKED:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xi8>
// CHECK:   vector.load %[[B]]{{.*}} : memref<?x?xi8>, vector<64xi8>
// CHECK:   vector.shuffle {{.*}} [0, 1, {{.*}}, 31, 64, 65, {{.*}}, 95] : vector<64xi8>, vector<64xi8>
// CHECK:   vector.shuffle {{.*}} [0, 32, 64, 96, 1, 33, 65, 97, {{.*}} : vector<64xi8>, vector<64xi8>
// CHECK-COUNT-4: vector.store %{{.*}}, %[[PACKED]][%{{.*}}] : memref<?xi8>, vector<64xi8>
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
// int8=avx512bw: vpmaddwd on zmm, operands widened to i16 (A once, before
// the blocks), 6 x 4 blocks.
// AVX512BW-LABEL: func @core
// AVX512BW: scf.if
// AVX512BW:   memref.alloc({{.*}}) {alignment = 64 : i64} : memref<?x?xi16>
// AVX512BW:   arith.extui %{{.*}} : i8 to i16
// AVX512BW-COUNT-24: llvm.call_intrinsic "llvm.x86.avx512.pmaddw.d.512"({{.*}}) : (vector<32xi16>, vector<32xi16>) -> vector<16xi32>
// AVX512BW: } else {
// int8=avxvnni: the same kernel on 8 lanes (vpdpbusd on ymm, 32-byte
// operands), 6 x 2 register blocks: 12 accumulators.
// AVXVNNI-LABEL: func @core
// AVXVNNI: scf.if
// AVXVNNI:   vector.load %{{.*}} : memref<?xi8>, vector<32xi8>
// AVXVNNI:   vector.broadcast %{{.*}} : i32 to vector<8xi32>
// AVXVNNI-COUNT-12: llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.256"({{.*}}) : (vector<8xi32>, vector<32xi8>, vector<32xi8>) -> vector<8xi32>
// AVXVNNI: } else {
// int8=neon-dotprod: sdot (s8 x s8) on 4 lanes. The column sums of B are
// zeroed, accumulated by one more sdot with ones per slice of B (streamed
// or packed), A's 4-byte words are flipped to s8 (xor 0x80808080), and 128
// x the column sums (shift by 7) are added to C.
// SDOT-LABEL: func @core
// SDOT: %[[SUMS:.*]] = memref.alloc(%{{.*}}) : memref<?xi32>
// SDOT: linalg.fill ins(%{{.*}} : i32) outs(%[[SUMS]] : memref<?xi32>)
// SDOT: scf.if
// SDOT:   llvm.call_intrinsic "llvm.aarch64.neon.sdot.v4i32.v16i8"
// SDOT:   arith.xori %{{.*}}, %c-2139062144_i32 : i32
// SDOT:   arith.shli
// SDOT: } else {
// SDOT: memref.dealloc %[[SUMS]]
// With amx: when the process may use AMX (the flag the module's constructor
// sets) and 16 | K / 4, blocks of 32 rows x 2 panels in full blocks of
// panels are four 16 x 16 i32 tiles, loaded from C (it accumulates), updated
// per 64 bytes of K from two tiles of A's rows (in place) and two of the
// packed panels (stride 64 bytes), and stored back. Fewer than 512 such
// rows: per block of 4 panels, after its packing and its rows in vector
// registers; else once all panels are packed, per range of panels of about
// 1 MiB packed (an even number, at least 2) per block of 32 rows through
// the range's pairs of panels.
// AMX-LABEL: func @core
// AMX:      %[[FLAG:.*]] = llvm.mlir.addressof @quanta_amx_permitted : !llvm.ptr
// AMX:      %[[BYTE:.*]] = llvm.load %[[FLAG]] : !llvm.ptr -> i8
// AMX:      %[[PERMITTED:.*]] = arith.cmpi ne, %[[BYTE]], %c0_i8
// AMX:      %[[K16:.*]] = arith.cmpi eq, %{{.*}}, %c0
// AMX:      %[[USABLE:.*]] = arith.andi %[[PERMITTED]], %[[K16]] : i1
// AMX:      %[[BLOCKS:.*]] = arith.muli %{{.*}}, %c32
// AMX:      %[[ROWS:.*]] = arith.select %[[USABLE]], %[[BLOCKS]], %c0
// AMX:      %[[FEW:.*]] = arith.cmpi ult, %[[ROWS]], %c512
// AMX:      scf.for %[[PANEL:.*]] = %c0{{.*}} to %{{.*}} step %c4
// AMX:        vpdpbusd
// AMX:        scf.if %[[FEW]] {
// AMX:          %[[LAST:.*]] = arith.addi %[[PANEL]], %c4
// AMX:          scf.for %[[ROW:.*]] = %c0{{.*}} to %[[ROWS]] step %c32
// AMX:            scf.for %{{.*}} = %[[PANEL]] to %[[LAST]] step %c2
// AMX:              %[[C0:.*]] = amx.tile_load %{{.*}}[%[[ROW]], %{{.*}}] : memref<?x?xi32> into !amx.tile<16x16xi32>
// AMX:              scf.for %{{.*}} = %c0{{.*}} to %{{.*}} step %c16{{.*}} iter_args(%{{.*}} = %[[C0]], {{.*}}) -> (!amx.tile<16x16xi32>, !amx.tile<16x16xi32>, !amx.tile<16x16xi32>, !amx.tile<16x16xi32>)
// AMX:                %[[A0:.*]] = amx.tile_load %{{.*}}[%[[ROW]], %{{.*}}] : memref<?x?xi8> into !amx.tile<16x64xi8>
// AMX:                %[[B0:.*]] = amx.tile_load %{{.*}}[%{{.*}}], %c64{{.*}} : memref<?xi8> into !amx.tile<16x64xi8>
// AMX:                amx.tile_muli %[[A0]] zext, %[[B0]], %{{.*}} : !amx.tile<16x64xi8>, !amx.tile<16x64xi8>, !amx.tile<16x16xi32>
// AMX-COUNT-3:        amx.tile_muli
// AMX:              amx.tile_store %{{.*}}[%[[ROW]], %{{.*}}], %{{.*}}#0 : memref<?x?xi32>, !amx.tile<16x16xi32>
// AMX-COUNT-3:      amx.tile_store
// AMX:      %[[MANY:.*]] = arith.xori %[[FEW]], %true
// AMX:      scf.if %[[MANY]] {
// AMX:        %[[PANEL_BYTES:.*]] = arith.muli %{{.*}}, %c64{{.*}} : index
// AMX:        %[[FIT:.*]] = arith.divui %c1048576, %[[PANEL_BYTES]] : index
// AMX:        %[[AT_LEAST_2:.*]] = arith.maxui %[[FIT]], %c2
// AMX:        %[[HALF:.*]] = arith.divui %[[AT_LEAST_2]], %c2
// AMX:        %[[RANGE:.*]] = arith.muli %[[HALF]], %c2
// AMX:        scf.for %[[FIRST:.*]] = %c0{{.*}} to %[[FULL:.*]] step %[[RANGE]] {
// AMX-NEXT:     %[[END:.*]] = arith.addi %[[FIRST]], %[[RANGE]] : index
// AMX-NEXT:     %[[LAST:.*]] = arith.minui %[[END]], %[[FULL]] : index
// AMX:          scf.for %[[ROW2:.*]] = %c0{{.*}} to %[[ROWS]] step %c32
// AMX:            scf.for %{{.*}} = %[[FIRST]] to %[[LAST]] step %c2
// AMX:              amx.tile_load %{{.*}}[%[[ROW2]], %{{.*}}] : memref<?x?xi32> into !amx.tile<16x16xi32>
// AMX-COUNT-4:    amx.tile_muli
// AMX-COUNT-4:    amx.tile_store
// AMX:      memref.dealloc
// 256 KiB ahead: 64 rows of 4 KiB.
// FAR-LABEL: func @core
// FAR:       %[[AHEAD:.*]] = arith.addi %{{.*}}, %c64{{.*}} : index
// FAR-NEXT:  %[[CLAMPED:.*]] = arith.minui %[[AHEAD]], %{{.*}} : index
// FAR-NEXT:  memref.prefetch %{{.*}}[%[[CLAMPED]], %{{.*}}], read, locality<2>, data
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

// A marked op with one input: what folding leaves of a matmul with no rows
// (M = 0), the column sums alone. It keeps its loops (it used to crash the
// pass, which read a second input).
// CHECK-LABEL: func @column_sums_only
// CHECK-NOT: vpdpbusd
// CHECK: linalg.generic
// CHECK-SAME: quanta.u8s8_matmul
func.func @column_sums_only(%w: memref<64x16xi8>, %c: memref<1x16xi32>) {
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d2)>], iterator_types = ["parallel", "reduction", "parallel"]} ins(%w : memref<64x16xi8>) outs(%c : memref<1x16xi32>) attrs = {quanta.u8s8_matmul} {
  ^bb0(%in: i8, %out: i32):
    %0 = arith.extsi %in : i8 to i32
    %1 = arith.addi %out, %0 : i32
    linalg.yield %1 : i32
  }
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
// AMX-LABEL: func @bf16
// AMX:      scf.for %{{.*}} = %c0{{.*}} to %{{.*}} step %c32
// AMX:        amx.tile_load %{{.*}} : memref<?x?xf32> into !amx.tile<16x16xf32>
// AMX:          amx.tile_load %{{.*}} : memref<?x?xbf16> into !amx.tile<16x32xbf16>
// AMX:          amx.tile_load %{{.*}}, %c32{{.*}} : memref<?xbf16> into !amx.tile<16x32xbf16>
// AMX:          amx.tile_mulf %{{.*}} : !amx.tile<16x32xbf16>, !amx.tile<16x32xbf16>, !amx.tile<16x16xf32>
// AMX:        amx.tile_store %{{.*}} : memref<?x?xf32>, !amx.tile<16x16xf32>
func.func @bf16(%a: memref<?x?xbf16>, %b: memref<?x?xbf16>, %c: memref<?x?xf32>) {
  linalg.matmul ins(%a, %b : memref<?x?xbf16>, memref<?x?xbf16>) outs(%c : memref<?x?xf32>)
  return
}

// A bf16 linalg.batch_matmul: one linalg.matmul per batch on rank-reduced
// subviews, in an scf.for, each lowered as above.
// BF16-LABEL: func @bf16_batched
// BF16: %[[B:.*]] = memref.dim %{{.*}}, %c0 : memref<?x?x?xf32>
// BF16: scf.for %[[I:[a-z0-9]+]] = %{{.*}} to %[[B]]
// BF16:   memref.subview %{{.*}}{{\[}}%[[I]], 0, 0] [1, %{{.*}}, %{{.*}}] [1, 1, 1] : memref<?x?x?xbf16> to memref<?x?xbf16, strided<[?, 1], offset: ?>>
// BF16:   llvm.call_intrinsic "llvm.x86.avx512bf16.dpbf16ps.512"
// BF16:   } else {
// BF16:     linalg.matmul
// BF16-NOT: linalg.batch_matmul
func.func @bf16_batched(%a: memref<?x?x?xbf16>, %b: memref<?x?x?xbf16>, %c: memref<?x?x?xf32>) {
  linalg.batch_matmul ins(%a, %b : memref<?x?x?xbf16>, memref<?x?x?xbf16>) outs(%c : memref<?x?x?xf32>)
  return
}

// f32 x f32 -> f32 linalg.matmul (vector-bits, here 512): the same kernel
// with one k per lane and a separate multiply and add (no FMA), so every
// result still accumulates in k order; panels are slices of one row of B;
// guarded by N % 16 == 0. On 256 bits, 8 lanes in blocks of 6 x 2; without
// vectors, the loops.
// CHECK-LABEL: func @f32
// CHECK: scf.if
// CHECK:   arith.mulf {{.*}} : vector<16xf32>
// CHECK:   arith.addf {{.*}} : vector<16xf32>
// CHECK:   memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xf32>
// CHECK-COUNT-24: arith.mulf {{.*}} : vector<16xf32>
// CHECK: } else {
// CHECK:   linalg.matmul
// CHECK-NOT: math.fma
// V256-LABEL: func @f32
// V256: scf.if
// V256:   memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xf32>
// V256-COUNT-12: arith.mulf {{.*}} : vector<8xf32>
// V256: } else {
// V256:   linalg.matmul
// V0-LABEL: func @f32
// V0-NOT: scf.if
// V0: linalg.matmul
// BF16-LABEL: func @f32
// BF16: linalg.matmul
func.func @f32(%a: memref<?x?xf32>, %b: memref<?x?xf32>, %c: memref<?x?xf32>) {
  linalg.matmul ins(%a, %b : memref<?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?xf32>)
  return
}

// With parallel=true the few-rows path streams B through one block of
// panels per OpenMP thread (omp_get_max_threads, each thread one sweep of
// B), and the register blocks run in parallel over groups of 4 panels,
// each packing its own panels first; leftover panels stay serial.
// PAR: func.func private @omp_get_max_threads() -> i32
// PAR-LABEL: func @core
// PAR: scf.if
// PAR:   %[[T:.*]] = func.call @omp_get_max_threads() : () -> i32
// PAR:   %[[TI:.*]] = arith.index_cast %[[T]] : i32 to index
// PAR:   %[[TM:.*]] = arith.maxui %[[TI]], %c1{{.*}} : index
// PAR:   %[[PER:.*]] = arith.ceildivui %{{.*}}, %[[TM]] : index
// PAR:   scf.parallel (%{{.*}}) = (%{{.*}}) to (%{{.*}}) step (%[[PER]])
// PAR:     llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// PAR: } else {
// PAR:   memref.alloc
// PAR:   scf.parallel (%{{.*}}) = (%{{.*}}) to (%{{.*}}) step (%c4{{.*}})
// PAR:     vector.store
// PAR:     llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// PAR:   scf.for

// A K-blocked int8 x packed int4 core (loops m, g, kk, j, h; the nibble of
// byte j that h picks), recognized by its body, C zero-filled right before
// it: with 4 | group size, 128 | N and groups of at most 2^15 (any number
// of rows), the packed-int4 kernel. Rows of 2 KiB: K steps take rows 2 apart (stride 2: a copy of A
// in that order). Signed x signed: every lane's nibble flipped (w + 8),
// even lanes masked to the low nibble, odd lanes to the high one in place,
// sums started at -8 * sum(A) (-128 in odd lanes), two K steps per visit,
// B prefetched into L2. Without an epilogue, the odd lanes are shifted
// right by 4 into C at the end of each group.
// CHECK-LABEL: func @int4_core
// CHECK-SAME: (%[[A:.*]]: memref<1x4x32xi8>, %[[B:.*]]: memref<4x32x2048xi8>, %[[C:.*]]: memref<1x4x2048x2xi32>)
// CHECK: scf.if
// CHECK:   %[[STEPS:.*]] = memref.alloc(%{{.*}}) : memref<?x?xi8>
// CHECK:   scf.for %[[G:.*]] =
// CHECK:     arith.muli %{{.*}}, %{{.*}} : vector<16xi32>
// CHECK:     scf.for
// CHECK:       scf.for
// CHECK:         scf.for
// CHECK-COUNT-2:   memref.prefetch {{.*}} read, locality<2>, data
// CHECK:           vector.shuffle {{.*}} : vector<64xi8>, vector<64xi8>
// CHECK:           arith.xori
// CHECK:           arith.andi
// CHECK:           vector.load %[[STEPS]]{{.*}} : memref<?x?xi8>, vector<4xi8>
// CHECK-COUNT-2:   llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// CHECK:     arith.shrsi %{{.*}}, %{{.*}} : vector<16xi32>
// CHECK:   memref.dealloc %[[STEPS]]
// CHECK: } else {
// CHECK:   linalg.generic
// Without the VNNI kernel (here AVX2, and NEON), the weight-only int4
// kernel on vectors of i32 (8 or 4 lanes, 8 | N / 8 or 4): C viewed as
// [M, G, N], each group's sums loaded from C split into even and odd
// columns, B streamed, the core's weight part (ext(w)) computed on the
// nibbles of each vector of bytes once per visit, and the products taken
// by the target's int8 instruction, 2 (AVX2 vpmaddwd: both sides in i16)
// or 4 (NEON sdot: the signed activation bytes themselves) K steps at a
// time, the weights of those steps interleaved once per visit; the sums
// stored back interleaved as the group ends.
// V256-LABEL: func @int4_core
// V256:   arith.remui %{{.*}}, %c32
// V256:   scf.if
// V256:     memref.collapse_shape %{{.*}} {{\[}}[0], [1], [2, 3]] : memref<1x4x2048x2xi32> into memref<1x4x4096xi32>
// V256:     scf.for %[[G:.*]] =
// V256:       vector.load %{{.*}}[%{{.*}}, %[[G]], %{{.*}}] : memref<1x4x4096xi32>, vector<8xi32>
// V256:       vector.shuffle {{.*}} [0, 2, 4, 6, 8, 10, 12, 14] : vector<8xi32>, vector<8xi32>
// V256:       memref.prefetch
// V256-NOT:   llvm.call_intrinsic
// V256:       vector.load {{.*}} : memref<4x32x2048xi8>, vector<8xi8>
// V256:       arith.trunci {{.*}} : vector<8xi32> to vector<8xi16>
// V256:       vector.shuffle {{.*}} [0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15] : vector<8xi16>, vector<8xi16>
// V256:       scf.for
// V256:         llvm.call_intrinsic "llvm.x86.avx2.pmadd.wd"({{.*}}) : (vector<16xi16>, vector<16xi16>) -> vector<8xi32>
// V256:         arith.addi {{.*}} : vector<8xi32>
// V256:       vector.shuffle {{.*}} [0, 8, 1, 9, 2, 10, 3, 11] : vector<8xi32>, vector<8xi32>
// V256:       vector.store %{{.*}}, %{{.*}}[%{{.*}}, %[[G]], %{{.*}}] : memref<1x4x4096xi32>, vector<8xi32>
// V256:   } else {
// V256:     linalg.generic
// V128-LABEL: func @int4_core
// V128:   arith.remui %{{.*}}, %c16
// V128:   scf.if
// V128:       vector.load {{.*}} : memref<4x32x2048xi8>, vector<4xi8>
// V128:       llvm.call_intrinsic "llvm.aarch64.neon.sdot.v4i32.v16i8"({{.*}}) : (vector<4xi32>, vector<16xi8>, vector<16xi8>) -> vector<4xi32>
// V128:   } else {
// V128:     linalg.generic
func.func @int4_core(%a: memref<1x4x32xi8>, %b: memref<4x32x2048xi8>, %c: memref<1x4x2048x2xi32>) {
  %c4_i8 = arith.constant 4 : i8
  %c15_i8 = arith.constant 15 : i8
  %zero = arith.constant 0 : i32
  linalg.fill ins(%zero : i32) outs(%c : memref<1x4x2048x2xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, j, h) -> (m, g, kk)>, affine_map<(m, g, kk, j, h) -> (g, kk, j)>, affine_map<(m, g, kk, j, h) -> (m, g, j, h)>],
                  iterator_types = ["parallel", "parallel", "reduction", "parallel", "parallel"]}
      ins(%a, %b : memref<1x4x32xi8>, memref<4x32x2048xi8>) outs(%c : memref<1x4x2048x2xi32>) {
  ^bb0(%x: i8, %byte: i8, %acc: i32):
    %h = linalg.index 4 : index
    %h8 = arith.index_cast %h : index to i8
    %shift = arith.muli %h8, %c4_i8 : i8
    %shifted = arith.shrui %byte, %shift : i8
    %nibble = arith.andi %shifted, %c15_i8 : i8
    %w = arith.trunci %nibble : i8 to i4
    %0 = arith.extsi %x : i8 to i32
    %1 = arith.extsi %w : i4 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %acc, %2 : i32
    linalg.yield %3 : i32
  }
  return
}

// The VNNI kernel writes C's group sums from zero: when C is not zero-filled
// right before the core (here a function argument, whose contents the core
// adds to), the kernel on vectors (16 lanes of i32, the nibble looked up
// with vpermd) takes it, starting each group's sums from C.
// CHECK-LABEL: func @int4_core_accumulates
// CHECK-NOT: vpdpbusd
// CHECK: scf.if
// CHECK:     vector.load %{{.*}} : memref<1x4x4096xi32>, vector<16xi32>
// CHECK-NOT: vpdpbusd
// CHECK:     llvm.call_intrinsic "llvm.x86.avx512.permvar.si.512"
// CHECK:     arith.muli {{.*}} : vector<16xi32>
// CHECK-NOT: vpdpbusd
// CHECK: } else {
func.func @int4_core_accumulates(%a: memref<1x4x32xi8>, %b: memref<4x32x2048xi8>, %c: memref<1x4x2048x2xi32>) {
  %c4_i8 = arith.constant 4 : i8
  %c15_i8 = arith.constant 15 : i8
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, j, h) -> (m, g, kk)>, affine_map<(m, g, kk, j, h) -> (g, kk, j)>, affine_map<(m, g, kk, j, h) -> (m, g, j, h)>],
                  iterator_types = ["parallel", "parallel", "reduction", "parallel", "parallel"]}
      ins(%a, %b : memref<1x4x32xi8>, memref<4x32x2048xi8>) outs(%c : memref<1x4x2048x2xi32>) {
  ^bb0(%x: i8, %byte: i8, %acc: i32):
    %h = linalg.index 4 : index
    %h8 = arith.index_cast %h : index to i8
    %shift = arith.muli %h8, %c4_i8 : i8
    %shifted = arith.shrui %byte, %shift : i8
    %nibble = arith.andi %shifted, %c15_i8 : i8
    %w = arith.trunci %nibble : i8 to i4
    %0 = arith.extsi %x : i8 to i32
    %1 = arith.extsi %w : i4 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %acc, %2 : i32
    linalg.yield %3 : i32
  }
  return
}

// With the op reducing the group sums right after it (per-row x per-group
// scales, f32 out), the kernel replaces both at the second op: the sums of
// a group live in an [M, N] buffer and go through the scalar body, 16
// columns at a time, as each group ends (the next group's scales
// prefetched); C's zero fill moves to the loops' side. Unsigned x signed:
// A on vpdpbusd's u8 side.
// CHECK-LABEL: func @int4_core_epilogue
// One row (static): no AMX kernel.
// AMX-LABEL: func @int4_core_epilogue(
// AMX-NOT:   amx.
// AMX-LABEL: func @int4_core_epilogue_after_row_sums(
// Without VNNI, the kernel on vectors takes the epilogue the same way: each
// group's sums start at zero and go through the epilogue's body as the
// group ends, back in column order, 8 columns at a time (the next group's
// scales prefetched); C's zero fill moves to the loops' side.
// V256-LABEL: func @int4_core_epilogue
// V256-NOT: linalg
// V256:   linalg.fill {{.*}} outs(%{{.*}} : memref<1x2048x2xf32>)
// V256-NOT: linalg
// V256:   scf.if
// V256:       vector.store %{{.*}} : memref<?x?xi32>, vector<8xi32>
// V256:       llvm.call_intrinsic "llvm.x86.avx2.pmadd.wd"
// V256:       vector.shuffle {{.*}} [0, 8, 1, 9, 2, 10, 3, 11] : vector<8xi32>, vector<8xi32>
// V256:       memref.prefetch %{{.*}} : memref<4x4096xf32>
// V256:       arith.sitofp {{.*}} : vector<8xi32> to vector<8xf32>
// V256:       arith.addf {{.*}} : vector<8xf32>
// V256:       vector.store {{.*}} : memref<1x4096xf32>, vector<8xf32>
// V256:   } else {
// V256:     linalg.fill {{.*}} outs(%{{.*}} : memref<1x4x2048x2xi32>)
// V256:     linalg.generic
// V256:     linalg.generic
// V256:   memref.dealloc %{{.*}} : memref<1x4x2048x2xi32>
// V256-NEXT: return
// CHECK-SAME: %[[OUT:[a-z0-9]+]]: memref<1x2048x2xf32>)
// CHECK-NOT: linalg.fill ins(%{{.*}} : i32)
// CHECK: scf.if
// CHECK:   %[[SUMS:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?x?xi32>
// CHECK:   %[[OUT2:.*]] = memref.collapse_shape %[[OUT]]
// CHECK:   scf.for
// CHECK:     llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// CHECK:     vector.load %[[SUMS]]
// CHECK:     arith.shrsi
// CHECK:     memref.prefetch
// CHECK:     arith.sitofp %{{.*}} : vector<16xi32> to vector<16xf32>
// CHECK:     vector.store %{{.*}}, %[[OUT2]]
// One row (the GEMV): each chunk's 8 vectors of sums are loop-carried
// through the group's K steps (rows interleaved within 16-byte lanes, 4
// prefetches of a later group's rows each), put back in column order and
// go straight into the epilogue.
// CHECK:   } else {
// CHECK:     %[[ONE:.*]] = arith.cmpi eq, %{{.*}}, %c1
// CHECK:     scf.if %[[ONE]] {
// CHECK:       %[[GSUMS:.*]]:8 = scf.for {{.*}} iter_args({{.*}}) -> (vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>)
// CHECK:         vector.shuffle %{{.*}}, %{{.*}} [0, 64, 1, 65, 2, 66, 3, 67, 4, 68, 5, 69, 6, 70, 7, 71, 16, 80,
// CHECK:         vector.shuffle %{{.*}}, %{{.*}} [0, 1, 64, 65, 2, 3, 66, 67, 4, 5, 68, 69, 6, 7, 70, 71, 16, 17, 80, 81,
// CHECK-COUNT-4: memref.prefetch
// CHECK-COUNT-8: llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// CHECK:         scf.yield
// CHECK:       vector.shuffle %[[GSUMS]]#0, %[[GSUMS]]#4 [0, 16, 1, 17, 4, 20, 5, 21, 8, 24, 9, 25, 12, 28, 13, 29]
// CHECK:       arith.shrsi
// CHECK:       arith.sitofp
// CHECK-COUNT-8: vector.store %{{.*}}, %[[OUT2]]
// Two rows: 16 vectors of sums.
// CHECK:     } else {
// CHECK:       %[[TWO:.*]] = arith.cmpi eq, %{{.*}}, %c2
// CHECK:       scf.if %[[TWO]] {
// CHECK:         scf.for {{.*}} -> (vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>)
// CHECK:       } else {
// CHECK:   memref.dealloc %[[SUMS]]
// CHECK: } else {
// CHECK:   linalg.fill ins(%{{.*}} : i32)
// CHECK:   linalg.generic
// CHECK:   linalg.generic
func.func @int4_core_epilogue(%a: memref<1x4x32xi8>, %b: memref<4x32x2048xi8>, %sa: memref<1xf32>, %sw: memref<4x2048x2xf32>, %out: memref<1x2048x2xf32>) {
  %c0_i32 = arith.constant 0 : i32
  %c4_i8 = arith.constant 4 : i8
  %c15_i8 = arith.constant 15 : i8
  %cst = arith.constant 0.0 : f32
  %c = memref.alloc() : memref<1x4x2048x2xi32>
  linalg.fill ins(%c0_i32 : i32) outs(%c : memref<1x4x2048x2xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, j, h) -> (m, g, kk)>, affine_map<(m, g, kk, j, h) -> (g, kk, j)>, affine_map<(m, g, kk, j, h) -> (m, g, j, h)>],
                  iterator_types = ["parallel", "parallel", "reduction", "parallel", "parallel"]}
      ins(%a, %b : memref<1x4x32xi8>, memref<4x32x2048xi8>) outs(%c : memref<1x4x2048x2xi32>) {
  ^bb0(%x: i8, %byte: i8, %acc: i32):
    %h = linalg.index 4 : index
    %h8 = arith.index_cast %h : index to i8
    %shift = arith.muli %h8, %c4_i8 : i8
    %shifted = arith.shrui %byte, %shift : i8
    %nibble = arith.andi %shifted, %c15_i8 : i8
    %w = arith.trunci %nibble : i8 to i4
    %0 = arith.extui %x : i8 to i32
    %1 = arith.extsi %w : i4 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %acc, %2 : i32
    linalg.yield %3 : i32
  }
  linalg.fill ins(%cst : f32) outs(%out : memref<1x2048x2xf32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, j, h) -> (m, g, j, h)>, affine_map<(m, g, j, h) -> (m)>, affine_map<(m, g, j, h) -> (g, j, h)>, affine_map<(m, g, j, h) -> (m, j, h)>],
                  iterator_types = ["parallel", "reduction", "parallel", "parallel"]}
      ins(%c, %sa, %sw : memref<1x4x2048x2xi32>, memref<1xf32>, memref<4x2048x2xf32>) outs(%out : memref<1x2048x2xf32>) {
  ^bb0(%s: i32, %x: f32, %y: f32, %o: f32):
    %0 = arith.mulf %x, %y : f32
    %1 = arith.sitofp %s : i32 to f32
    %2 = arith.mulf %1, %0 : f32
    %3 = arith.addf %o, %2 : f32
    linalg.yield %3 : f32
  }
  memref.dealloc %c : memref<1x4x2048x2xi32>
  return
}

// A linalg op between the core and the epilogue that writes a buffer of its
// own and reads only A (here the group sums of A that a weight zero point
// needs, which the epilogue reads) lets the core move down to the epilogue:
// the kernel reads the sums as the epilogue's operand.
// CHECK-LABEL: func @int4_core_epilogue_after_row_sums
// CHECK: scf.if
// CHECK:   arith.sitofp %{{.*}} : vector<16xi32> to vector<16xf32>
// CHECK: } else {
func.func @int4_core_epilogue_after_row_sums(%a: memref<1x4x32xi8>, %b: memref<4x32x2048xi8>, %sa: memref<1xf32>, %sw: memref<4x2048x2xf32>, %out: memref<1x2048x2xf32>) {
  %c0_i32 = arith.constant 0 : i32
  %c4_i8 = arith.constant 4 : i8
  %c15_i8 = arith.constant 15 : i8
  %cst = arith.constant 0.0 : f32
  %c = memref.alloc() : memref<1x4x2048x2xi32>
  linalg.fill ins(%c0_i32 : i32) outs(%c : memref<1x4x2048x2xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, j, h) -> (m, g, kk)>, affine_map<(m, g, kk, j, h) -> (g, kk, j)>, affine_map<(m, g, kk, j, h) -> (m, g, j, h)>],
                  iterator_types = ["parallel", "parallel", "reduction", "parallel", "parallel"]}
      ins(%a, %b : memref<1x4x32xi8>, memref<4x32x2048xi8>) outs(%c : memref<1x4x2048x2xi32>) {
  ^bb0(%x: i8, %byte: i8, %acc: i32):
    %h = linalg.index 4 : index
    %h8 = arith.index_cast %h : index to i8
    %shift = arith.muli %h8, %c4_i8 : i8
    %shifted = arith.shrui %byte, %shift : i8
    %nibble = arith.andi %shifted, %c15_i8 : i8
    %w = arith.trunci %nibble : i8 to i4
    %0 = arith.extui %x : i8 to i32
    %1 = arith.extsi %w : i4 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %acc, %2 : i32
    linalg.yield %3 : i32
  }
  %c8_i32 = arith.constant 8 : i32
  %rowsums = memref.alloc() : memref<1x4xi32>
  linalg.fill ins(%c0_i32 : i32) outs(%rowsums : memref<1x4xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, kk) -> (m, g, kk)>, affine_map<(m, g, kk) -> (m, g)>],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a : memref<1x4x32xi8>) outs(%rowsums : memref<1x4xi32>) {
  ^bb0(%x: i8, %acc: i32):
    %0 = arith.extui %x : i8 to i32
    %1 = arith.addi %acc, %0 : i32
    linalg.yield %1 : i32
  }
  linalg.fill ins(%cst : f32) outs(%out : memref<1x2048x2xf32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, j, h) -> (m, g, j, h)>, affine_map<(m, g, j, h) -> (m)>, affine_map<(m, g, j, h) -> (g, j, h)>, affine_map<(m, g, j, h) -> (m, g)>, affine_map<(m, g, j, h) -> (m, j, h)>],
                  iterator_types = ["parallel", "reduction", "parallel", "parallel"]}
      ins(%c, %sa, %sw, %rowsums : memref<1x4x2048x2xi32>, memref<1xf32>, memref<4x2048x2xf32>, memref<1x4xi32>) outs(%out : memref<1x2048x2xf32>) {
  ^bb0(%s: i32, %x: f32, %y: f32, %r: i32, %o: f32):
    %0 = arith.mulf %x, %y : f32
    %1 = arith.muli %r, %c8_i32 : i32
    %2 = arith.subi %s, %1 : i32
    %3 = arith.sitofp %2 : i32 to f32
    %4 = arith.mulf %3, %0 : f32
    %5 = arith.addf %o, %4 : f32
    linalg.yield %5 : f32
  }
  memref.dealloc %c : memref<1x4x2048x2xi32>
  return
}

// One that writes A does not: the kernel computes the core where it is
// (C the group sums), and the epilogue stays loops.
// CHECK-LABEL: func @int4_core_epilogue_after_write_of_a
// CHECK: scf.if
// CHECK-NOT: arith.sitofp
// CHECK: } else {
// CHECK: linalg.fill ins(%{{.*}} : i8)
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "reduction", "parallel", "parallel"]
func.func @int4_core_epilogue_after_write_of_a(%a: memref<1x4x32xi8>, %b: memref<4x32x2048xi8>, %sa: memref<1xf32>, %sw: memref<4x2048x2xf32>, %out: memref<1x2048x2xf32>) {
  %c0_i32 = arith.constant 0 : i32
  %c4_i8 = arith.constant 4 : i8
  %c15_i8 = arith.constant 15 : i8
  %cst = arith.constant 0.0 : f32
  %c = memref.alloc() : memref<1x4x2048x2xi32>
  linalg.fill ins(%c0_i32 : i32) outs(%c : memref<1x4x2048x2xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, j, h) -> (m, g, kk)>, affine_map<(m, g, kk, j, h) -> (g, kk, j)>, affine_map<(m, g, kk, j, h) -> (m, g, j, h)>],
                  iterator_types = ["parallel", "parallel", "reduction", "parallel", "parallel"]}
      ins(%a, %b : memref<1x4x32xi8>, memref<4x32x2048xi8>) outs(%c : memref<1x4x2048x2xi32>) {
  ^bb0(%x: i8, %byte: i8, %acc: i32):
    %h = linalg.index 4 : index
    %h8 = arith.index_cast %h : index to i8
    %shift = arith.muli %h8, %c4_i8 : i8
    %shifted = arith.shrui %byte, %shift : i8
    %nibble = arith.andi %shifted, %c15_i8 : i8
    %w = arith.trunci %nibble : i8 to i4
    %0 = arith.extui %x : i8 to i32
    %1 = arith.extsi %w : i4 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %acc, %2 : i32
    linalg.yield %3 : i32
  }
  %c8_i32 = arith.constant 8 : i32
  %rowsums = memref.alloc() : memref<1x4xi32>
  linalg.fill ins(%c0_i32 : i32) outs(%rowsums : memref<1x4xi32>)
  linalg.fill ins(%c4_i8 : i8) outs(%a : memref<1x4x32xi8>)
  linalg.fill ins(%cst : f32) outs(%out : memref<1x2048x2xf32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, j, h) -> (m, g, j, h)>, affine_map<(m, g, j, h) -> (m)>, affine_map<(m, g, j, h) -> (g, j, h)>, affine_map<(m, g, j, h) -> (m, g)>, affine_map<(m, g, j, h) -> (m, j, h)>],
                  iterator_types = ["parallel", "reduction", "parallel", "parallel"]}
      ins(%c, %sa, %sw, %rowsums : memref<1x4x2048x2xi32>, memref<1xf32>, memref<4x2048x2xf32>, memref<1x4xi32>) outs(%out : memref<1x2048x2xf32>) {
  ^bb0(%s: i32, %x: f32, %y: f32, %r: i32, %o: f32):
    %0 = arith.mulf %x, %y : f32
    %1 = arith.muli %r, %c8_i32 : i32
    %2 = arith.subi %s, %1 : i32
    %3 = arith.sitofp %2 : i32 to f32
    %4 = arith.mulf %3, %0 : f32
    %5 = arith.addf %o, %4 : f32
    linalg.yield %5 : f32
  }
  memref.dealloc %c : memref<1x4x2048x2xi32>
  return
}

// With a dynamic row count: reading C's sizes (memref.dim, as bufferization
// leaves it between the two ops) does not keep the epilogue out.
// CHECK-LABEL: func @int4_core_epilogue_dynamic_rows
// CHECK: scf.if
// CHECK:   memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?x?xi32>
// CHECK:   arith.sitofp %{{.*}} : vector<16xi32> to vector<16xf32>
// CHECK: } else {
// CHECK:   linalg.generic
// CHECK:   linalg.generic
// With amx, 16 rows or more (checked at run time, with the AMX flag) take
// the AMX kernel: A packed per block of 32 rows and 32 bytes of K (zeros
// past its rows); per block of 128 columns and pass of 2 blocks of rows,
// the results copied to a 64 x 128 buffer, then per group B's group
// unpacked into the tiles' layout, and per block of rows and pair of
// panels the group's sums in four tiles (u8 A: zext) stored to a 32 x 32
// buffer, from which the epilogue's body adds them to the results; these
// go back to out after the last group. Fewer rows take the VNNI kernel.
// AMX-LABEL: func @int4_core_epilogue_dynamic_rows
// AMX:      %[[MANY:.*]] = arith.cmpi uge, %{{.*}}, %c16 : index
// AMX:      llvm.mlir.addressof @quanta_amx_permitted
// AMX:      %[[USE:.*]] = arith.andi %{{.*}}, %[[MANY]] : i1
// AMX:      scf.if %[[USE]] {
// AMX:        %[[LHS:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xi8>
// AMX:        scf.for %[[ROW:.*]] = %c0{{.*}} to %{{.*}} step %c1
// AMX-NEXT:     %[[IN_A:.*]] = arith.cmpi ult, %[[ROW]], %{{.*}} : index
// AMX:          scf.if %[[IN_A]] -> (vector<32xi8>) {
// AMX:          vector.store %{{.*}}, %[[LHS]][%{{.*}}] : memref<?xi8>, vector<32xi8>
// AMX:        scf.for %[[BLOCK:.*]] = %c0{{.*}} to %{{.*}} step %c1
// AMX:          %[[UNPACKED:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xi8>
// AMX-NEXT:     %[[TILES:.*]] = memref.alloc() {alignment = 64 : i64} : memref<32x32xi32>
// AMX-NEXT:     %[[RESULTS:.*]] = memref.alloc() {alignment = 64 : i64} : memref<64x128xf32>
// AMX:          scf.for %[[PASS:.*]] = %c0{{.*}} to %{{.*}} step %c2
// AMX:            %[[PASS_ROWS:.*]] = arith.minui %{{.*}}, %c64{{.*}} : index
// AMX:            scf.for %{{.*}} = %c0{{.*}} to %[[PASS_ROWS]] step %c1
// AMX:              vector.load %{{.*}} : memref<?x4096xf32>, vector<16xf32>
// AMX-NEXT:         vector.store %{{.*}}, %[[RESULTS]][%{{.*}}, %c0{{.*}}] : memref<64x128xf32>, vector<16xf32>
// AMX-COUNT-7:      vector.store %{{.*}}, %[[RESULTS]]
// AMX:            scf.for %[[G:.*]] = %c0{{.*}} to %{{.*}} step %c1
// AMX:              scf.for %[[STEP:.*]] = %c0{{.*}} to %{{.*}} step %c1
// AMX:                memref.prefetch %{{.*}} : memref<128x2048xi8>
// AMX:                vector.load %{{.*}} : memref<128x2048xi8>, vector<64xi8>
// AMX:                arith.shli %{{.*}} : vector<64xi8>
// AMX-NEXT:           arith.shrsi %{{.*}} : vector<64xi8>
// AMX-NEXT:           arith.shrsi %{{.*}} : vector<64xi8>
// AMX:                vector.store %{{.*}}, %[[UNPACKED]][%{{.*}}] : memref<?xi8>, vector<64xi8>
// AMX-COUNT-7:        vector.store %{{.*}}, %[[UNPACKED]][%{{.*}}] : memref<?xi8>, vector<64xi8>
// AMX:              scf.for %[[PASS_ROW:.*]] = %c0{{.*}} to %[[PASS_ROWS]] step %c32
// AMX:                %[[COUNT:.*]] = arith.minui %{{.*}}, %c32{{.*}} : index
// AMX:                scf.for %[[PAIR:.*]] = %c0{{.*}} to %c4{{.*}} step %c1
// AMX:                  memref.prefetch %{{.*}} : memref<4x4096xf32>
// AMX:                  amx.tile_zero : !amx.tile<16x16xi32>
// AMX:                  scf.for %{{.*}} = %c0{{.*}} to %{{.*}} step %c32{{.*}} iter_args
// AMX:                    %[[A0:.*]] = amx.tile_load %[[LHS]][%{{.*}}], %c32{{.*}} : memref<?xi8> into !amx.tile<16x32xi8>
// AMX:                    %[[B0:.*]] = amx.tile_load %[[UNPACKED]][%{{.*}}], %c64{{.*}} : memref<?xi8> into !amx.tile<8x64xi8>
// AMX:                    amx.tile_muli %[[A0]] zext, %[[B0]], %{{.*}} : !amx.tile<16x32xi8>, !amx.tile<8x64xi8>, !amx.tile<16x16xi32>
// AMX-COUNT-3:            amx.tile_muli
// AMX:                  amx.tile_store %[[TILES]][%c0{{.*}}, %c0{{.*}}], %{{.*}}#0
// AMX-COUNT-3:          amx.tile_store %[[TILES]]
// AMX:                  scf.for %[[R:.*]] = %c0{{.*}} to %[[COUNT]] step %c1
// AMX:                    %[[SUM:.*]] = vector.load %[[TILES]][%[[R]], %c0{{.*}}] : memref<32x32xi32>, vector<16xi32>
// AMX:                    %[[OLD:.*]] = vector.load %[[RESULTS]][%{{.*}}, %{{.*}}] : memref<64x128xf32>, vector<16xf32>
// AMX:                    arith.sitofp %[[SUM]]
// AMX:                    %[[NEW:.*]] = arith.addf %[[OLD]], %{{.*}} : vector<16xf32>
// AMX-NEXT:               vector.store %[[NEW]], %[[RESULTS]][%{{.*}}, %{{.*}}] : memref<64x128xf32>, vector<16xf32>
// AMX:            scf.for %{{.*}} = %c0{{.*}} to %[[PASS_ROWS]] step %c1
// AMX:              vector.load %[[RESULTS]]
// AMX-NEXT:         vector.store %{{.*}} : memref<?x4096xf32>, vector<16xf32>
// AMX:          memref.dealloc %[[UNPACKED]]
// AMX:        memref.dealloc %[[LHS]]
// AMX:      } else {
// AMX:        vpdpbusd
func.func @int4_core_epilogue_dynamic_rows(%a: memref<?x4x32xi8>, %b: memref<4x32x2048xi8>, %sa: memref<?xf32>, %sw: memref<4x2048x2xf32>, %out: memref<?x2048x2xf32>) {
  %c0_i32 = arith.constant 0 : i32
  %c4_i8 = arith.constant 4 : i8
  %c15_i8 = arith.constant 15 : i8
  %cst = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %m = memref.dim %a, %c0 : memref<?x4x32xi8>
  %c = memref.alloc(%m) : memref<?x4x2048x2xi32>
  linalg.fill ins(%c0_i32 : i32) outs(%c : memref<?x4x2048x2xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, j, h) -> (m, g, kk)>, affine_map<(m, g, kk, j, h) -> (g, kk, j)>, affine_map<(m, g, kk, j, h) -> (m, g, j, h)>],
                  iterator_types = ["parallel", "parallel", "reduction", "parallel", "parallel"]}
      ins(%a, %b : memref<?x4x32xi8>, memref<4x32x2048xi8>) outs(%c : memref<?x4x2048x2xi32>) {
  ^bb0(%x: i8, %byte: i8, %acc: i32):
    %h = linalg.index 4 : index
    %h8 = arith.index_cast %h : index to i8
    %shift = arith.muli %h8, %c4_i8 : i8
    %shifted = arith.shrui %byte, %shift : i8
    %nibble = arith.andi %shifted, %c15_i8 : i8
    %w = arith.trunci %nibble : i8 to i4
    %0 = arith.extui %x : i8 to i32
    %1 = arith.extsi %w : i4 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %acc, %2 : i32
    linalg.yield %3 : i32
  }
  %mc = memref.dim %c, %c0 : memref<?x4x2048x2xi32>
  linalg.fill ins(%cst : f32) outs(%out : memref<?x2048x2xf32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, j, h) -> (m, g, j, h)>, affine_map<(m, g, j, h) -> (m)>, affine_map<(m, g, j, h) -> (g, j, h)>, affine_map<(m, g, j, h) -> (m, j, h)>],
                  iterator_types = ["parallel", "reduction", "parallel", "parallel"]}
      ins(%c, %sa, %sw : memref<?x4x2048x2xi32>, memref<?xf32>, memref<4x2048x2xf32>) outs(%out : memref<?x2048x2xf32>) {
  ^bb0(%s: i32, %x: f32, %y: f32, %o: f32):
    %0 = arith.mulf %x, %y : f32
    %1 = arith.sitofp %s : i32 to f32
    %2 = arith.mulf %1, %0 : f32
    %3 = arith.addf %o, %2 : f32
    linalg.yield %3 : f32
  }
  memref.dealloc %c : memref<?x4x2048x2xi32>
  return
}

// With zero points in the core's body (u8 activations with a per-tensor
// zero point, int4 weights with one per group and column), the AMX kernel
// subtracts each group's weight zero points from the bytes it unpacks (zb
// of each column repeated in its 4 bytes: (zb & 255) * 0x01010101), sums
// the columns of the group (a dot product of those bytes with ones), and
// each group's tile sums then lose za * sum (w - zb) before the epilogue's
// body.
// AMX-LABEL: func @int4_core_zp_amx
// AMX:      scf.if %{{.*}} {
// AMX:        %[[LHS:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xi8>
// AMX-NOT:    memref.alloc(%{{.*}}, %{{.*}}) {alignment = 64 : i64} : memref<?x?xi32>
// AMX:          %[[TILES:.*]] = memref.alloc() {alignment = 64 : i64} : memref<32x32xi32>
// AMX:          %[[SUMS_W:.*]] = memref.alloc() {alignment = 64 : i64} : memref<128xi32>
// AMX:              vector.store %{{.*}}, %[[SUMS_W]][%c0{{.*}}] : memref<128xi32>, vector<16xi32>
// AMX-COUNT-7:      vector.store %{{.*}}, %[[SUMS_W]]
// AMX:              %[[ZB_BYTES:.*]] = vector.load %{{.*}} : memref<4x2048xi8>, vector<8xi8>
// AMX:              %[[ZB:.*]] = arith.subi %{{.*}}, %{{.*}} : vector<16xi32>
// AMX-NEXT:         %[[C255:.*]] = arith.constant dense<255> : vector<16xi32>
// AMX-NEXT:         %[[ZB_LOW:.*]] = arith.andi %[[ZB]], %[[C255]] : vector<16xi32>
// AMX-NEXT:         %[[REPEAT:.*]] = arith.constant dense<16843009> : vector<16xi32>
// AMX-NEXT:         %[[ZB4:.*]] = arith.muli %[[ZB_LOW]], %[[REPEAT]] : vector<16xi32>
// AMX-NEXT:         %[[ZB_PANEL:.*]] = vector.bitcast %[[ZB4]] : vector<16xi32> to vector<64xi8>
// AMX:                %[[PANEL:.*]] = vector.shuffle %{{.*}}, %{{.*}} [0, 1, 2, 3, 64, 65, 66, 67,
// AMX-NEXT:           %[[CENTERED:.*]] = arith.subi %[[PANEL]], %[[ZB_PANEL]] : vector<64xi8>
// AMX:                vector.store %[[CENTERED]]
// AMX:                %[[OLD_W:.*]] = vector.load %[[SUMS_W]]
// AMX:                %[[DOT:.*]] = llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"(%[[OLD_W]], %{{.*}}, %[[CENTERED]])
// AMX:                vector.store %[[DOT]], %[[SUMS_W]]
// AMX:                amx.tile_muli
// AMX:                %[[COL_SUMS:.*]] = vector.load %[[SUMS_W]][%{{.*}}] : memref<128xi32>, vector<16xi32>
// AMX:                scf.for
// AMX:                  %[[T:.*]] = vector.load %[[TILES]]{{.*}} : memref<32x32xi32>, vector<16xi32>
// AMX:                  %[[ZA:.*]] = vector.broadcast %{{.*}} : i32 to vector<16xi32>
// AMX-NEXT:             %[[ZA_W:.*]] = arith.muli %[[ZA]], %[[COL_SUMS]] : vector<16xi32>
// AMX-NEXT:             %[[S1:.*]] = arith.subi %[[T]], %[[ZA_W]] : vector<16xi32>
// AMX:                  arith.sitofp %[[S1]]
func.func @int4_core_zp_amx(%a: memref<?x4x32xi8>, %b: memref<4x32x2048xi8>, %za: memref<i8>, %zw: memref<4x2048xi8>, %sa: memref<?xf32>, %sw: memref<4x2048x2xf32>, %out: memref<?x2048x2xf32>) {
  %c0_i32 = arith.constant 0 : i32
  %c4_i8 = arith.constant 4 : i8
  %c15_i8 = arith.constant 15 : i8
  %cst = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %m = memref.dim %a, %c0 : memref<?x4x32xi8>
  %c = memref.alloc(%m) : memref<?x4x2048x2xi32>
  linalg.fill ins(%c0_i32 : i32) outs(%c : memref<?x4x2048x2xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, j, h) -> (m, g, kk)>, affine_map<(m, g, kk, j, h) -> (g, kk, j)>, affine_map<(m, g, kk, j, h) -> ()>, affine_map<(m, g, kk, j, h) -> (g, j)>, affine_map<(m, g, kk, j, h) -> (m, g, j, h)>],
                  iterator_types = ["parallel", "parallel", "reduction", "parallel", "parallel"]}
      ins(%a, %b, %za, %zw : memref<?x4x32xi8>, memref<4x32x2048xi8>, memref<i8>, memref<4x2048xi8>) outs(%c : memref<?x4x2048x2xi32>) {
  ^bb0(%x: i8, %byte: i8, %z: i8, %zbyte: i8, %acc: i32):
    %h = linalg.index 4 : index
    %h8 = arith.index_cast %h : index to i8
    %shift = arith.muli %h8, %c4_i8 : i8
    %shifted = arith.shrui %byte, %shift : i8
    %nibble = arith.andi %shifted, %c15_i8 : i8
    %w = arith.trunci %nibble : i8 to i4
    %zshifted = arith.shrui %zbyte, %shift : i8
    %znibble = arith.andi %zshifted, %c15_i8 : i8
    %wz = arith.trunci %znibble : i8 to i4
    %0 = arith.extui %x : i8 to i32
    %1 = arith.extui %z : i8 to i32
    %2 = arith.subi %0, %1 : i32
    %3 = arith.extsi %w : i4 to i32
    %4 = arith.extsi %wz : i4 to i32
    %5 = arith.subi %3, %4 : i32
    %6 = arith.muli %2, %5 : i32
    %7 = arith.addi %acc, %6 : i32
    linalg.yield %7 : i32
  }
  linalg.fill ins(%cst : f32) outs(%out : memref<?x2048x2xf32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, j, h) -> (m, g, j, h)>, affine_map<(m, g, j, h) -> (m)>, affine_map<(m, g, j, h) -> (g, j, h)>, affine_map<(m, g, j, h) -> (m, j, h)>],
                  iterator_types = ["parallel", "reduction", "parallel", "parallel"]}
      ins(%c, %sa, %sw : memref<?x4x2048x2xi32>, memref<?xf32>, memref<4x2048x2xf32>) outs(%out : memref<?x2048x2xf32>) {
  ^bb0(%s: i32, %x: f32, %y: f32, %o: f32):
    %0 = arith.mulf %x, %y : f32
    %1 = arith.sitofp %s : i32 to f32
    %2 = arith.mulf %1, %0 : f32
    %3 = arith.addf %o, %2 : f32
    linalg.yield %3 : f32
  }
  memref.dealloc %c : memref<?x4x2048x2xi32>
  return
}

// A weight zero point without an activation zero point (i8 activations,
// ui4 weights with ui4 zero points per group: ONNX MatMulNBits' form) takes
// the same kernels with the epilogue fused. The VNNI kernel subtracts zb *
// (the group's sum of the row of A) from each group's sums; the AMX kernel
// subtracts zb from the unpacked bytes (no column sums: no za).
// CHECK-LABEL: func @int4_core_zw
// CHECK:       llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// CHECK:       %[[SUM_A:.*]] = scf.for {{.*}} -> (i32) {
// CHECK:         arith.extsi %{{.*}} : i8 to i32
// CHECK:       %[[SUMS_A:.*]] = vector.broadcast %[[SUM_A]] : i32 to vector<16xi32>
// CHECK:         %[[SUM:.*]] = arith.shrsi
// CHECK:         %[[ZB:.*]] = arith.andi %{{.*}}, %{{.*}} : vector<16xi32>
// CHECK-NEXT:    %[[ZB_A:.*]] = arith.muli %[[SUMS_A]], %[[ZB]] : vector<16xi32>
// CHECK-NEXT:    %[[CORRECTED:.*]] = arith.subi %[[SUM]], %[[ZB_A]] : vector<16xi32>
// CHECK:         arith.sitofp %[[CORRECTED]]
// CHECK-NOT:   linalg.generic
// CHECK:       } else {
// CHECK:         linalg.generic
// AMX-LABEL: func @int4_core_zw
// AMX:         %[[ZB_PANEL:.*]] = vector.bitcast %{{.*}} : vector<16xi32> to vector<64xi8>
// AMX:           %[[PANEL:.*]] = vector.shuffle %{{.*}}, %{{.*}} [0, 1, 2, 3, 64, 65, 66, 67,
// AMX-NEXT:      arith.subi %[[PANEL]], %[[ZB_PANEL]] : vector<64xi8>
// AMX-NOT:       memref<128xi32>
// AMX:           amx.tile_muli
// AMX:           %[[T:.*]] = vector.load %{{.*}} : memref<32x32xi32>, vector<16xi32>
// AMX-NOT:       arith.subi
// AMX:           arith.sitofp %[[T]]
func.func @int4_core_zw(%a: memref<?x4x32xi8>, %b: memref<4x32x2048xi8>, %zw: memref<4x2048xi8>, %sa: memref<?xf32>, %sw: memref<4x2048x2xf32>, %out: memref<?x2048x2xf32>) {
  %c0_i32 = arith.constant 0 : i32
  %c4_i8 = arith.constant 4 : i8
  %c15_i8 = arith.constant 15 : i8
  %cst = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %m = memref.dim %a, %c0 : memref<?x4x32xi8>
  %c = memref.alloc(%m) : memref<?x4x2048x2xi32>
  linalg.fill ins(%c0_i32 : i32) outs(%c : memref<?x4x2048x2xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, j, h) -> (m, g, kk)>, affine_map<(m, g, kk, j, h) -> (g, kk, j)>, affine_map<(m, g, kk, j, h) -> (g, j)>, affine_map<(m, g, kk, j, h) -> (m, g, j, h)>],
                  iterator_types = ["parallel", "parallel", "reduction", "parallel", "parallel"]}
      ins(%a, %b, %zw : memref<?x4x32xi8>, memref<4x32x2048xi8>, memref<4x2048xi8>) outs(%c : memref<?x4x2048x2xi32>) {
  ^bb0(%x: i8, %byte: i8, %zbyte: i8, %acc: i32):
    %h = linalg.index 4 : index
    %h8 = arith.index_cast %h : index to i8
    %shift = arith.muli %h8, %c4_i8 : i8
    %shifted = arith.shrui %byte, %shift : i8
    %nibble = arith.andi %shifted, %c15_i8 : i8
    %w = arith.trunci %nibble : i8 to i4
    %zshifted = arith.shrui %zbyte, %shift : i8
    %znibble = arith.andi %zshifted, %c15_i8 : i8
    %wz = arith.trunci %znibble : i8 to i4
    %0 = arith.extsi %x : i8 to i32
    %1 = arith.extui %w : i4 to i32
    %2 = arith.extui %wz : i4 to i32
    %3 = arith.subi %1, %2 : i32
    %4 = arith.muli %0, %3 : i32
    %5 = arith.addi %acc, %4 : i32
    linalg.yield %5 : i32
  }
  linalg.fill ins(%cst : f32) outs(%out : memref<?x2048x2xf32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, j, h) -> (m, g, j, h)>, affine_map<(m, g, j, h) -> (m)>, affine_map<(m, g, j, h) -> (g, j, h)>, affine_map<(m, g, j, h) -> (m, j, h)>],
                  iterator_types = ["parallel", "reduction", "parallel", "parallel"]}
      ins(%c, %sa, %sw : memref<?x4x2048x2xi32>, memref<?xf32>, memref<4x2048x2xf32>) outs(%out : memref<?x2048x2xf32>) {
  ^bb0(%s: i32, %x: f32, %y: f32, %o: f32):
    %0 = arith.mulf %x, %y : f32
    %1 = arith.sitofp %s : i32 to f32
    %2 = arith.mulf %1, %0 : f32
    %3 = arith.addf %o, %2 : f32
    linalg.yield %3 : f32
  }
  memref.dealloc %c : memref<?x4x2048x2xi32>
  return
}

// The same K-blocked core with 8-bit weights per group (loops m, g, kk, n;
// here ui8 weights) and its per-group scaling: with `amx`, behind the
// run-time check (128 | N, the AMX flag, 16 rows or more), the AMX kernel
// gathers each group's 4-row steps of B's bytes into the tiles' layout
// (no nibbles), multiplies them zero-extended, and the scaling's body runs
// on each group's tile sums. Without AMX, the VNNI kernel sweeps B once
// per block of up to 4 rows, each row's sums of a group and 64 columns in
// registers: ui8 weights on vpdpbusd's u8 side as they are (i8
// activations: no xor 128), and the scaling's body on each group's sums;
// the loops when the run-time check fails.
// CHECK-LABEL: func @int8_group_core
// CHECK:       scf.for %{{.*}} = %{{.*}} to %{{.*}} step %c4{{.*}} {
// CHECK:         %[[LEFT:.*]] = arith.minui
// CHECK:         %[[FOUR:.*]] = arith.cmpi eq, %[[LEFT]], %c4{{.*}} : index
// CHECK:         scf.if %[[FOUR]] {
// CHECK-NOT:     arith.xori
// CHECK:         %[[QUAD:.*]] = vector.bitcast %{{.*}} : vector<16xi32> to vector<64xi8>
// CHECK-NEXT:    llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"(%{{.*}}, %{{.*}}, %[[QUAD]])
// CHECK:         arith.sitofp
// CHECK:       } else {
// CHECK:       linalg.generic
// CHECK:       linalg.generic
// AMX-LABEL: func @int8_group_core
// AMX:         %[[MANY:.*]] = arith.cmpi uge, %{{.*}}, %c16 : index
// AMX:         %[[FLAG:.*]] = llvm.load
// AMX:         scf.if %{{.*}} {
// AMX:           memref.collapse_shape %{{.*}} {{\[\[}}0, 1], [2]] : memref<4x32x256xi8> into memref<128x256xi8>
// AMX:               %[[ROW0:.*]] = vector.load %{{.*}} : memref<128x256xi8>, vector<64xi8>
// AMX:               %[[PANEL:.*]] = vector.shuffle %{{.*}}, %{{.*}} [0, 32, 64, 96, 1, 33, 65, 97,
// AMX-NOT:           arith.andi
// AMX:               vector.store %[[PANEL]]
// AMX:                 amx.tile_muli %{{.*}}, %{{.*}} zext, %{{.*}} : !amx.tile<16x32xi8>, !amx.tile<8x64xi8>, !amx.tile<16x16xi32>
// AMX:                 %[[T:.*]] = vector.load %{{.*}} : memref<32x32xi32>, vector<16xi32>
// AMX:                 arith.sitofp %[[T]]
// AMX:         } else {
// AMX:           linalg.generic
// AMX:           linalg.generic
func.func @int8_group_core(%a: memref<?x4x32xi8>, %b: memref<4x32x256xi8>, %sa: memref<?xf32>, %sw: memref<4x256xf32>, %out: memref<?x256xf32>) {
  %c0_i32 = arith.constant 0 : i32
  %cst = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %m = memref.dim %a, %c0 : memref<?x4x32xi8>
  %c = memref.alloc(%m) : memref<?x4x256xi32>
  linalg.fill ins(%c0_i32 : i32) outs(%c : memref<?x4x256xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, n) -> (m, g, kk)>, affine_map<(m, g, kk, n) -> (g, kk, n)>, affine_map<(m, g, kk, n) -> (m, g, n)>],
                  iterator_types = ["parallel", "parallel", "reduction", "parallel"]}
      ins(%a, %b : memref<?x4x32xi8>, memref<4x32x256xi8>) outs(%c : memref<?x4x256xi32>) {
  ^bb0(%x: i8, %w: i8, %acc: i32):
    %0 = arith.extsi %x : i8 to i32
    %1 = arith.extui %w : i8 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %acc, %2 : i32
    linalg.yield %3 : i32
  }
  linalg.fill ins(%cst : f32) outs(%out : memref<?x256xf32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, n) -> (m, g, n)>, affine_map<(m, g, n) -> (m)>, affine_map<(m, g, n) -> (g, n)>, affine_map<(m, g, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%c, %sa, %sw : memref<?x4x256xi32>, memref<?xf32>, memref<4x256xf32>) outs(%out : memref<?x256xf32>) {
  ^bb0(%s: i32, %x: f32, %y: f32, %o: f32):
    %0 = arith.mulf %x, %y : f32
    %1 = arith.sitofp %s : i32 to f32
    %2 = arith.mulf %1, %0 : f32
    %3 = arith.addf %o, %2 : f32
    linalg.yield %3 : f32
  }
  memref.dealloc %c : memref<?x4x256xi32>
  return
}

// N = 200 (100 bytes per row of B): the kernel computes the columns of
// the whole blocks of 128 (64 bytes), then the original ops, on views of
// their operands from byte column 64 on (C's fill, the core, the
// epilogue), compute the other 72.
// CHECK-LABEL: func @int4_core_tail
// CHECK:         llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// CHECK:         %[[BLOCKS:.*]] = arith.divui %{{.*}}, %c64{{.*}} : index
// CHECK-NEXT:    %c64{{.*}} = arith.constant 64 : index
// CHECK-NEXT:    %[[FROM:.*]] = arith.muli %[[BLOCKS]], %c64{{.*}} : index
// CHECK-NEXT:    %[[SOME:.*]] = arith.cmpi ult, %[[FROM]], %{{.*}} : index
// CHECK-NEXT:    scf.if %[[SOME]] {
// CHECK:           %[[C:.*]] = memref.subview %{{.*}}[0, 0, %[[FROM]], 0]
// CHECK-NEXT:      linalg.fill ins(%c0_i32 : i32) outs(%[[C]] :
// CHECK:           %[[B:.*]] = memref.subview %{{.*}}[0, 0, %[[FROM]]]
// CHECK:           %[[ZB:.*]] = memref.subview %{{.*}}[0, %[[FROM]]]
// CHECK:           linalg.generic {{.*}} ins(%{{.*}}, %[[B]], %[[ZB]] :
// CHECK:           %[[SCALES:.*]] = memref.subview %{{.*}}[0, %[[FROM]], 0] [4,
// CHECK:           %[[OUT:.*]] = memref.subview %{{.*}}[0, %[[FROM]], 0] [%{{.*}},
// CHECK-NEXT:      linalg.generic {{.*}} outs(%[[OUT]] :
// CHECK:       } else {
func.func @int4_core_tail(%a: memref<?x4x32xi8>, %b: memref<4x32x100xi8>, %zw: memref<4x100xi8>, %sa: memref<?xf32>, %sw: memref<4x100x2xf32>, %out: memref<?x100x2xf32>) {
  %c0_i32 = arith.constant 0 : i32
  %c4_i8 = arith.constant 4 : i8
  %c15_i8 = arith.constant 15 : i8
  %cst = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %m = memref.dim %a, %c0 : memref<?x4x32xi8>
  %c = memref.alloc(%m) : memref<?x4x100x2xi32>
  linalg.fill ins(%c0_i32 : i32) outs(%c : memref<?x4x100x2xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, j, h) -> (m, g, kk)>, affine_map<(m, g, kk, j, h) -> (g, kk, j)>, affine_map<(m, g, kk, j, h) -> (g, j)>, affine_map<(m, g, kk, j, h) -> (m, g, j, h)>],
                  iterator_types = ["parallel", "parallel", "reduction", "parallel", "parallel"]}
      ins(%a, %b, %zw : memref<?x4x32xi8>, memref<4x32x100xi8>, memref<4x100xi8>) outs(%c : memref<?x4x100x2xi32>) {
  ^bb0(%x: i8, %byte: i8, %zbyte: i8, %acc: i32):
    %h = linalg.index 4 : index
    %h8 = arith.index_cast %h : index to i8
    %shift = arith.muli %h8, %c4_i8 : i8
    %shifted = arith.shrui %byte, %shift : i8
    %nibble = arith.andi %shifted, %c15_i8 : i8
    %w = arith.trunci %nibble : i8 to i4
    %zshifted = arith.shrui %zbyte, %shift : i8
    %znibble = arith.andi %zshifted, %c15_i8 : i8
    %wz = arith.trunci %znibble : i8 to i4
    %0 = arith.extsi %x : i8 to i32
    %1 = arith.extui %w : i4 to i32
    %2 = arith.extui %wz : i4 to i32
    %3 = arith.subi %1, %2 : i32
    %4 = arith.muli %0, %3 : i32
    %5 = arith.addi %acc, %4 : i32
    linalg.yield %5 : i32
  }
  linalg.fill ins(%cst : f32) outs(%out : memref<?x100x2xf32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, j, h) -> (m, g, j, h)>, affine_map<(m, g, j, h) -> (m)>, affine_map<(m, g, j, h) -> (g, j, h)>, affine_map<(m, g, j, h) -> (m, j, h)>],
                  iterator_types = ["parallel", "reduction", "parallel", "parallel"]}
      ins(%c, %sa, %sw : memref<?x4x100x2xi32>, memref<?xf32>, memref<4x100x2xf32>) outs(%out : memref<?x100x2xf32>) {
  ^bb0(%s: i32, %x: f32, %y: f32, %o: f32):
    %0 = arith.mulf %x, %y : f32
    %1 = arith.sitofp %s : i32 to f32
    %2 = arith.mulf %1, %0 : f32
    %3 = arith.addf %o, %2 : f32
    linalg.yield %3 : f32
  }
  memref.dealloc %c : memref<?x4x100x2xi32>
  return
}

// A body that is not the packed-int4 product (here the nibble is not
// sign- or zero-extended from the truncation of a picked nibble) is left
// alone.
// CHECK-LABEL: func @int4_core_other_body
// CHECK-NOT: vpdpbusd
// CHECK: linalg.generic
func.func @int4_core_other_body(%a: memref<1x4x32xi8>, %b: memref<4x32x2048xi8>, %c: memref<1x4x2048x2xi32>) {
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, j, h) -> (m, g, kk)>, affine_map<(m, g, kk, j, h) -> (g, kk, j)>, affine_map<(m, g, kk, j, h) -> (m, g, j, h)>],
                  iterator_types = ["parallel", "parallel", "reduction", "parallel", "parallel"]}
      ins(%a, %b : memref<1x4x32xi8>, memref<4x32x2048xi8>) outs(%c : memref<1x4x2048x2xi32>) {
  ^bb0(%x: i8, %byte: i8, %acc: i32):
    %0 = arith.extsi %x : i8 to i32
    %1 = arith.extsi %byte : i8 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %acc, %2 : i32
    linalg.yield %3 : i32
  }
  return
}

// A weight-only int4 matmul with f32 accumulation (loops m, g, kk, j, h; f32
// activations, per-group scales read by (g, j, h), the body as
// --convert-quanta-to-linalg writes it): with 128 | N, the weight-only
// kernel. The part of the body that depends on the nibble alone (here the
// nibble converted to f32) becomes a table of 16 values per nibble index,
// computed once by the same ops on the codes 0 ... 15 and looked up with
// vpermps. The sums start from C in an [M, N] buffer whose blocks of 32
// columns hold the even columns, then the odd ones; each group's scales are
// split the same way into a one-row buffer; B streams row-major, four rows
// (K steps, in order) per visit of a chunk of 128 columns, with the 8 sum
// vectors of a row loaded and stored once per visit and the rest of the
// op's body cloned on vectors (h = 0 for the even columns, 1 for the odd
// ones); the part of the body that the weight and the group's parameters
// give (the dequantized weight) is computed once per visit, before the loop
// over the rows, which multiplies it by the activation and adds; rows of B
// prefetched; the sums go back to C interleaved.
// Otherwise the loops.
// CHECK-LABEL: func @weight_only_int4
// CHECK: scf.if
// CHECK:   %[[SUMS:.*]] = memref.alloc({{.*}}) {alignment = 64 : i64} : memref<?x?xf32>
// CHECK:   %[[SCALES:.*]] = memref.alloc({{.*}}) {alignment = 64 : i64} : memref<?x?xf32>
// CHECK:   %[[LOW:.*]] = arith.sitofp {{.*}} : vector<16xi32> to vector<16xf32>
// CHECK:   %[[HIGH:.*]] = arith.sitofp {{.*}} : vector<16xi32> to vector<16xf32>
// CHECK:   vector.shuffle {{.*}} [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30] : vector<16xf32>, vector<16xf32>
// CHECK:   vector.store {{.*}}, %[[SUMS]]
// CHECK:   scf.for %[[G:.*]] =
// CHECK:     vector.store {{.*}}, %[[SCALES]]
// CHECK:     scf.for
// CHECK:       scf.for
// CHECK-COUNT-4: memref.prefetch {{.*}} read, locality<2>, data
// CHECK:         vector.load %[[SCALES]]
// CHECK:         %[[BYTES:.*]] = vector.load {{.*}} : memref<4x32x1024xi8>, vector<16xi8>
// CHECK:         %[[IDX:.*]] = arith.extui %[[BYTES]] : vector<16xi8> to vector<16xi32>
// CHECK:         %[[W0:.*]] = llvm.call_intrinsic "llvm.x86.avx512.permvar.sf.512"(%[[LOW]], %[[IDX]])
// CHECK:         arith.mulf %[[W0]], {{.*}} : vector<16xf32>
// CHECK:         arith.shrui {{.*}} : vector<16xi32>
// CHECK:         llvm.call_intrinsic "llvm.x86.avx512.permvar.sf.512"(%[[HIGH]],
// CHECK:         scf.for
// CHECK:           vector.load %[[SUMS]]
// CHECK-NOT:       llvm.call_intrinsic
// CHECK:           arith.mulf {{.*}} : vector<16xf32>
// CHECK:           arith.addf {{.*}} : vector<16xf32>
// CHECK:           vector.store {{.*}}, %[[SUMS]]
// CHECK:   vector.shuffle {{.*}} [0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23] : vector<16xf32>, vector<16xf32>
// CHECK:   memref.dealloc %[[SUMS]]
// CHECK: } else {
// CHECK:   linalg.generic
// On 256-bit (AVX2) and 128-bit (NEON) vectors, the same kernel on 8 or 4
// lanes: chunks of 32 or 16 bytes (64 or 32 columns), blocks of 2 x 8 or
// 2 x 4 columns, and the nibble converted by the body's own ops (no table:
// the 16-entry permute is AVX-512's). Without vectors, the loops.
// V256-LABEL: func @weight_only_int4
// V256:   %[[BYTECOLS:.*]] = memref.dim
// V256:   arith.remui %[[BYTECOLS]], %c32
// V256:   scf.if
// V256:     vector.shuffle {{.*}} [0, 2, 4, 6, 8, 10, 12, 14] : vector<8xf32>, vector<8xf32>
// V256:     scf.for
// V256:       vector.load {{.*}} : memref<4x32x1024xi8>, vector<8xi8>
// V256-NOT:   llvm.call_intrinsic
// V256:       arith.shrui {{.*}} : vector<8xi8>
// V256:       arith.sitofp {{.*}} : vector<8xi32> to vector<8xf32>
// V256:       arith.mulf {{.*}} : vector<8xf32>
// V256:       arith.addf {{.*}} : vector<8xf32>
// V256:     vector.shuffle {{.*}} [0, 8, 1, 9, 2, 10, 3, 11] : vector<8xf32>, vector<8xf32>
// V256:   } else {
// V256:     linalg.generic
// V128-LABEL: func @weight_only_int4
// V128:   arith.remui %{{.*}}, %c16
// V128:   scf.if
// V128:     vector.shuffle {{.*}} [0, 2, 4, 6] : vector<4xf32>, vector<4xf32>
// V128:       vector.load {{.*}} : memref<4x32x1024xi8>, vector<4xi8>
// V128-NOT:   llvm.call_intrinsic
// V128:       arith.sitofp {{.*}} : vector<4xi32> to vector<4xf32>
// V128:       arith.addf {{.*}} : vector<4xf32>
// V128:     vector.shuffle {{.*}} [0, 4, 1, 5] : vector<4xf32>, vector<4xf32>
// V128:   } else {
// V0-LABEL: func @weight_only_int4
// V0-NOT:   scf.if
// V0:       linalg.generic
// V0-LABEL: func @weight_only_8bit
// V0-NOT:   scf.if
// V0:       linalg.generic
func.func @weight_only_int4(%a: memref<1x4x32xf32>, %b: memref<4x32x1024xi8>, %s: memref<4x1024x2xf32>, %c: memref<1x1024x2xf32>) {
  %c4_i8 = arith.constant 4 : i8
  %c15_i8 = arith.constant 15 : i8
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, j, h) -> (m, g, kk)>, affine_map<(m, g, kk, j, h) -> (g, kk, j)>, affine_map<(m, g, kk, j, h) -> (g, j, h)>, affine_map<(m, g, kk, j, h) -> (m, j, h)>],
                  iterator_types = ["parallel", "reduction", "reduction", "parallel", "parallel"]}
      ins(%a, %b, %s : memref<1x4x32xf32>, memref<4x32x1024xi8>, memref<4x1024x2xf32>) outs(%c : memref<1x1024x2xf32>) {
  ^bb0(%x: f32, %byte: i8, %scale: f32, %acc: f32):
    %h = linalg.index 4 : index
    %h8 = arith.index_cast %h : index to i8
    %shift = arith.muli %h8, %c4_i8 : i8
    %shifted = arith.shrui %byte, %shift : i8
    %nibble = arith.andi %shifted, %c15_i8 : i8
    %w = arith.trunci %nibble : i8 to i4
    %0 = arith.extsi %w : i4 to i32
    %1 = arith.sitofp %0 : i32 to f32
    %2 = arith.mulf %1, %scale : f32
    %3 = arith.mulf %x, %2 : f32
    %4 = arith.addf %acc, %3 : f32
    linalg.yield %4 : f32
  }
  return
}

// A weight-only 8-bit matmul with f32 accumulation (loops m, k, n; f32
// activations, per-column scales, the body as --convert-quanta-to-linalg
// writes it): with 64 | N, the weight-only 8-bit kernel. B streams
// row-major, four K steps per visit of a chunk of 64 columns (single steps
// for the rest of K); the part of the body that B's byte and the column
// give (the dequantized weight) is cloned on vectors of 16 bytes once per
// visit, before the loop over the rows, which loads and stores the 4 sum
// vectors of a row of C once per visit and clones the rest of the body;
// rows of B prefetched. Otherwise the loops.
// CHECK-LABEL: func @weight_only_8bit
// CHECK: scf.if
// CHECK:   scf.for
// CHECK:     scf.for
// CHECK-COUNT-4: memref.prefetch {{.*}} read, locality<2>, data
// CHECK:       vector.load {{.*}} : memref<256xf32>, vector<16xf32>
// CHECK:       vector.load {{.*}} : memref<512x256xi8>, vector<16xi8>
// CHECK:       arith.extsi {{.*}} : vector<16xi8> to vector<16xi32>
// CHECK:       arith.sitofp {{.*}} : vector<16xi32> to vector<16xf32>
// CHECK:       arith.mulf {{.*}} : vector<16xf32>
// CHECK:       scf.for
// CHECK-NOT:     arith.sitofp
// CHECK:         vector.load {{.*}} : memref<1x256xf32>, vector<16xf32>
// CHECK-NOT:     arith.sitofp
// CHECK:         arith.mulf {{.*}} : vector<16xf32>
// CHECK:         arith.addf {{.*}} : vector<16xf32>
// CHECK:         vector.store {{.*}} : memref<1x256xf32>, vector<16xf32>
// CHECK:   scf.for
// CHECK: } else {
// CHECK:   linalg.generic
// V256-LABEL: func @weight_only_8bit
// V256:   arith.remui %{{.*}}, %c32
// V256:   scf.if
// V256:       vector.load {{.*}} : memref<512x256xi8>, vector<8xi8>
// V256:       arith.sitofp {{.*}} : vector<8xi32> to vector<8xf32>
// V256:       scf.for
// V256:         arith.addf {{.*}} : vector<8xf32>
// V256:         vector.store {{.*}} : memref<1x256xf32>, vector<8xf32>
// V128-LABEL: func @weight_only_8bit
// V128:   arith.remui %{{.*}}, %c16
// V128:   scf.if
// V128:       vector.load {{.*}} : memref<512x256xi8>, vector<4xi8>
// V128:       scf.for
// V128:         vector.store {{.*}} : memref<1x256xf32>, vector<4xf32>
func.func @weight_only_8bit(%a: memref<1x512xf32>, %b: memref<512x256xi8>, %s: memref<256xf32>, %c: memref<1x256xf32>) {
  linalg.generic {indexing_maps = [affine_map<(m, k, n) -> (m, k)>, affine_map<(m, k, n) -> (k, n)>, affine_map<(m, k, n) -> (n)>, affine_map<(m, k, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%a, %b, %s : memref<1x512xf32>, memref<512x256xi8>, memref<256xf32>) outs(%c : memref<1x256xf32>) {
  ^bb0(%x: f32, %w: i8, %scale: f32, %acc: f32):
    %0 = arith.extsi %w : i8 to i32
    %1 = arith.sitofp %0 : i32 to f32
    %2 = arith.mulf %1, %scale : f32
    %3 = arith.mulf %x, %2 : f32
    %4 = arith.addf %acc, %3 : f32
    linalg.yield %4 : f32
  }
  return
}

// The grouped form of a weight-only 8-bit matmul (loops m, g, kk, n; A
// [M, G, KK], B [G, KK, N], scales and zero points per group and column
// [G, N], as --convert-quanta-to-linalg writes per-group weights): the same
// kernel on A and B collapsed to [M, K] and [K, N], group after group; each
// visit loads its group's row of the parameters.
// CHECK-LABEL: func @weight_only_8bit_grouped
// CHECK: scf.if
// CHECK:   %[[G:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<2x4x64xf32>
// CHECK:   %[[KK:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<2x4x64xf32>
// CHECK:   memref.collapse_shape %{{.*}} {{\[}}[0], [1, 2]] : memref<2x4x64xf32> into memref<2x256xf32>
// CHECK:   memref.collapse_shape %{{.*}} {{\[}}[0, 1], [2]] : memref<4x64x128xi8> into memref<256x128xi8>
// CHECK:   scf.for %[[GI:.*]] = %{{.*}} to %[[G]]
// CHECK:     %[[FROM:.*]] = arith.muli %[[GI]], %[[KK]]
// CHECK:     scf.for %{{.*}} = %[[FROM]]
// CHECK:       scf.for
// CHECK:         vector.load %{{.*}}[%[[GI]], %{{.*}}] : memref<4x128xf32>, vector<16xf32>
// CHECK:         vector.load %{{.*}}[%[[GI]], %{{.*}}] : memref<4x128xi8>, vector<16xi8>
// CHECK:         vector.load {{.*}} : memref<256x128xi8>, vector<16xi8>
// CHECK:         arith.subi {{.*}} : vector<16xi32>
// CHECK:         scf.for
// CHECK:           vector.store {{.*}} : memref<2x128xf32>, vector<16xf32>
// CHECK: } else {
// CHECK:   linalg.generic
func.func @weight_only_8bit_grouped(%a: memref<2x4x64xf32>, %b: memref<4x64x128xi8>, %s: memref<4x128xf32>, %z: memref<4x128xi8>, %c: memref<2x128xf32>) {
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, n) -> (m, g, kk)>, affine_map<(m, g, kk, n) -> (g, kk, n)>, affine_map<(m, g, kk, n) -> (g, n)>, affine_map<(m, g, kk, n) -> (g, n)>, affine_map<(m, g, kk, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "reduction", "parallel"]}
      ins(%a, %b, %s, %z : memref<2x4x64xf32>, memref<4x64x128xi8>, memref<4x128xf32>, memref<4x128xi8>) outs(%c : memref<2x128xf32>) {
  ^bb0(%x: f32, %w: i8, %scale: f32, %zp: i8, %acc: f32):
    %0 = arith.extui %w : i8 to i32
    %1 = arith.extui %zp : i8 to i32
    %2 = arith.subi %0, %1 : i32
    %3 = arith.sitofp %2 : i32 to f32
    %4 = arith.mulf %3, %scale : f32
    %5 = arith.mulf %x, %4 : f32
    %6 = arith.addf %acc, %5 : f32
    linalg.yield %6 : f32
  }
  return
}

// FP8 x FP8 with f32 accumulation, fewer rows than the FP8 GEMM path takes
// (loops m, k, n; E4M3FN activations with scales per row, E5M2 weights
// with scales per column, the body as --convert-quanta-to-linalg writes
// it): the same kernel. The activations' part of the body (extf, times the
// row's scale) is computed once per element of A, in scalar loops, into an
// [M, K] buffer; the weights' part once per visit: the extf on vectors of 32
// codes (split in halves of 16), times the column scales; the loop over the
// rows broadcasts the former and multiplies and adds in the body's order.
// CHECK-LABEL: func @fp8_gemv
// CHECK: scf.if
// CHECK:   memref.alloc({{.*}}) {alignment = 64 : i64} : memref<?x?xf32>
// CHECK:   scf.for
// CHECK:     scf.for
// CHECK:       memref.load {{.*}} : memref<3x40xf8E4M3FN>
// CHECK:       memref.load {{.*}} : memref<3xf32>
// CHECK:       arith.extf {{.*}} : f8E4M3FN to f32
// CHECK:       arith.mulf {{.*}} : f32
// CHECK:       memref.store {{.*}} : memref<?x?xf32>
// CHECK:   scf.for
// CHECK:     scf.for
// CHECK:       vector.load {{.*}} : memref<128xf32>, vector<16xf32>
// CHECK:       vector.load {{.*}} : memref<40x128xf8E5M2>, vector<32xf8E5M2>
// CHECK:       arith.extf {{.*}} : vector<32xf8E5M2> to vector<32xf32>
// CHECK:       vector.shuffle {{.*}} [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
// CHECK:       vector.shuffle {{.*}} [16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]
// CHECK:       arith.mulf {{.*}} : vector<16xf32>
// CHECK:       scf.for
// CHECK-NOT:     arith.extf
// CHECK:         memref.load {{.*}} : memref<?x?xf32>
// CHECK:         vector.broadcast {{.*}} : f32 to vector<16xf32>
// CHECK-NOT:     arith.extf
// CHECK:         arith.mulf {{.*}} : vector<16xf32>
// CHECK:         arith.addf {{.*}} : vector<16xf32>
// CHECK:         vector.store {{.*}} : memref<3x128xf32>, vector<16xf32>
// CHECK:   memref.dealloc
// CHECK: } else {
// CHECK:   linalg.generic
func.func @fp8_gemv(%a: memref<3x40xf8E4M3FN>, %b: memref<40x128xf8E5M2>, %sa: memref<3xf32>, %sb: memref<128xf32>, %c: memref<3x128xf32>) {
  linalg.generic {indexing_maps = [affine_map<(m, k, n) -> (m, k)>, affine_map<(m, k, n) -> (k, n)>, affine_map<(m, k, n) -> (m)>, affine_map<(m, k, n) -> (n)>, affine_map<(m, k, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%a, %b, %sa, %sb : memref<3x40xf8E4M3FN>, memref<40x128xf8E5M2>, memref<3xf32>, memref<128xf32>) outs(%c : memref<3x128xf32>) {
  ^bb0(%x: f8E4M3FN, %w: f8E5M2, %xs: f32, %ws: f32, %acc: f32):
    %0 = arith.extf %x : f8E4M3FN to f32
    %1 = arith.mulf %0, %xs : f32
    %2 = arith.extf %w : f8E5M2 to f32
    %3 = arith.mulf %2, %ws : f32
    %4 = arith.mulf %1, %3 : f32
    %5 = arith.addf %acc, %4 : f32
    linalg.yield %5 : f32
  }
  return
}

// C filled with zeros right before the core: the register blocks start from
// zero instead of loading C, and the fill moves to the paths that read C
// (the few-rows stream, the loops).
// CHECK-LABEL: func @core_zero_filled
// CHECK-NOT: linalg.fill
// CHECK: scf.if
// CHECK:   scf.if
// CHECK:     linalg.fill ins(%{{.*}} : i32)
// CHECK:     llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// CHECK:   } else {
// CHECK:     %[[ZERO:.*]] = arith.constant dense<0> : vector<16xi32>
// CHECK:     scf.for {{.*}} iter_args({{.*}} = %[[ZERO]],
// CHECK: } else {
// CHECK:   linalg.fill ins(%{{.*}} : i32)
// CHECK:   linalg.generic
// With amx, the tiles start from zero.
// AMX-LABEL: func @core_zero_filled
// AMX:      amx.tile_zero : !amx.tile<16x16xi32>
// AMX-NOT:  amx.tile_load %{{.*}} : memref<?x?xi32>
// AMX:      amx.tile_muli
func.func @core_zero_filled(%a: memref<?x?xi8>, %b: memref<?x?xi8>, %c: memref<?x?xi32>) {
  %zero = arith.constant 0 : i32
  linalg.fill ins(%zero : i32) outs(%c : memref<?x?xi32>)
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

// The element-wise op that turns C (rows of products, then the row of
// column sums) into the result joins the kernel: each register block's
// rows of the result go through its body from the accumulators (C's rows
// are not stored), the column-sum row is stored first, and row blocks run
// bottom-up so that the column sums exist before the rows that read them.
// CHECK-LABEL: func @core_epilogue
// CHECK-SAME: %[[OUT:[a-z0-9]+]]: memref<13x48xf32>)
// The kernel computes the epilogue for each of C's columns: only when the
// result has as many.
// CHECK: %[[OC:.*]] = memref.dim %[[OUT]], %c1
// CHECK: %[[ALL:.*]] = arith.cmpi eq, %[[OC]], %{{.*}} : index
// CHECK: %[[FITS:.*]] = arith.andi %{{.*}}, %[[ALL]] : i1
// CHECK: scf.if %[[FITS]]
// CHECK:   scf.if
// CHECK:     linalg.fill
// CHECK:     llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// CHECK:     arith.sitofp %{{.*}} : vector<16xi32> to vector<16xf32>
// CHECK:     vector.store %{{.*}}, %[[OUT]]
// CHECK:   } else {
// The leftover rows first, then whole blocks bottom-up (row = full - i - 6).
// CHECK:     scf.index_switch
// CHECK:     scf.for %[[I:.*]] = %{{.*}} to %[[FULL:.*]] step %c6{{.*}} {
// CHECK:       %[[END:.*]] = arith.subi %[[FULL]], %[[I]]
// CHECK:       %[[ROW:.*]] = arith.subi %[[END]], %c6
// CHECK:       scf.for {{.*}} iter_args
// CHECK:       %[[IN:.*]] = arith.cmpi ult, %{{.*}}, %{{.*}} : index
// CHECK:       scf.if %[[IN]] {
// CHECK-NEXT:  } else {
// CHECK:         vector.store
// CHECK:       scf.if %[[IN]] {
// CHECK:         arith.sitofp %{{.*}} : vector<16xi32> to vector<16xf32>
// CHECK:         vector.store %{{.*}}, %[[OUT]]
// The loops: the fill, the core and the epilogue.
// CHECK:   linalg.fill ins(%{{.*}} : i32)
// CHECK-NEXT: linalg.generic
// CHECK:   linalg.generic
// CHECK-NOT: linalg.generic
// CHECK: return
// The kernels of other lane counts take the epilogue the same way (AVX-VNNI:
// 8 lanes).
// AVXVNNI-LABEL: func @core_epilogue
// AVXVNNI: scf.if
// AVXVNNI-NOT: linalg.generic
// AVXVNNI:   llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.256"
// AVXVNNI-NOT: linalg.generic
// AVXVNNI:   arith.sitofp %{{.*}} : vector<8xi32> to vector<8xf32>
// AVXVNNI:   vector.store %{{.*}} : memref<13x48xf32>, vector<8xf32>
// AVXVNNI: } else {
func.func @core_epilogue(%a: memref<14x64xi8>, %b: memref<64x48xi8>, %za: memref<i8>, %sw: memref<48xf32>, %out: memref<13x48xf32>) {
  %zero = arith.constant 0 : i32
  %c = memref.alloc() : memref<14x48xi32>
  linalg.fill ins(%zero : i32) outs(%c : memref<14x48xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, k, n) -> (m, k)>, affine_map<(m, k, n) -> (k, n)>, affine_map<(m, k, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%a, %b : memref<14x64xi8>, memref<64x48xi8>) outs(%c : memref<14x48xi32>) attrs = {quanta.u8s8_matmul} {
  ^bb0(%x: i8, %y: i8, %acc: i32):
    %0 = arith.extui %x : i8 to i32
    %1 = arith.extsi %y : i8 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %acc, %2 : i32
    linalg.yield %3 : i32
  }
  %products = memref.subview %c[0, 0] [13, 48] [1, 1] : memref<14x48xi32> to memref<13x48xi32, strided<[48, 1]>>
  %sums = memref.subview %c[13, 0] [1, 48] [1, 1] : memref<14x48xi32> to memref<48xi32, strided<[1], offset: 624>>
  linalg.generic {indexing_maps = [affine_map<(m, n) -> (m, n)>, affine_map<(m, n) -> ()>, affine_map<(m, n) -> (n)>, affine_map<(m, n) -> (n)>, affine_map<(m, n) -> (m, n)>],
                  iterator_types = ["parallel", "parallel"]}
      ins(%products, %za, %sums, %sw : memref<13x48xi32, strided<[48, 1]>>, memref<i8>, memref<48xi32, strided<[1], offset: 624>>, memref<48xf32>) outs(%out : memref<13x48xf32>) {
  ^bb0(%p: i32, %z: i8, %s: i32, %w: f32, %o: f32):
    %0 = arith.extui %z : i8 to i32
    %1 = arith.muli %0, %s : i32
    %2 = arith.subi %p, %1 : i32
    %3 = arith.sitofp %2 : i32 to f32
    %4 = arith.mulf %3, %w : f32
    linalg.yield %4 : f32
  }
  memref.dealloc %c : memref<14x48xi32>
  return
}

// An epilogue with an i4 operand (here the result) stays loops after the
// kernel: a vector of i4 is bit-packed, a buffer of i4 has a byte per
// element, so vector stores would write other elements.
// CHECK-LABEL: func @core_epilogue_i4
// CHECK: llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// CHECK-NOT: vector.store %{{.*}} : memref<13x48xi4>
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : memref<13x48xi4>)
// CHECK: return
func.func @core_epilogue_i4(%a: memref<14x64xi8>, %b: memref<64x48xi8>, %za: memref<i8>, %sw: memref<48xf32>, %out: memref<13x48xi4>) {
  %zero = arith.constant 0 : i32
  %c = memref.alloc() : memref<14x48xi32>
  linalg.fill ins(%zero : i32) outs(%c : memref<14x48xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, k, n) -> (m, k)>, affine_map<(m, k, n) -> (k, n)>, affine_map<(m, k, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%a, %b : memref<14x64xi8>, memref<64x48xi8>) outs(%c : memref<14x48xi32>) attrs = {quanta.u8s8_matmul} {
  ^bb0(%x: i8, %y: i8, %acc: i32):
    %0 = arith.extui %x : i8 to i32
    %1 = arith.extsi %y : i8 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %acc, %2 : i32
    linalg.yield %3 : i32
  }
  %products = memref.subview %c[0, 0] [13, 48] [1, 1] : memref<14x48xi32> to memref<13x48xi32, strided<[48, 1]>>
  %sums = memref.subview %c[13, 0] [1, 48] [1, 1] : memref<14x48xi32> to memref<48xi32, strided<[1], offset: 624>>
  linalg.generic {indexing_maps = [affine_map<(m, n) -> (m, n)>, affine_map<(m, n) -> ()>, affine_map<(m, n) -> (n)>, affine_map<(m, n) -> (n)>, affine_map<(m, n) -> (m, n)>],
                  iterator_types = ["parallel", "parallel"]}
      ins(%products, %za, %sums, %sw : memref<13x48xi32, strided<[48, 1]>>, memref<i8>, memref<48xi32, strided<[1], offset: 624>>, memref<48xf32>) outs(%out : memref<13x48xi4>) {
  ^bb0(%p: i32, %z: i8, %s: i32, %w: f32, %o: i4):
    %0 = arith.extui %z : i8 to i32
    %1 = arith.muli %0, %s : i32
    %2 = arith.subi %p, %1 : i32
    %3 = arith.sitofp %2 : i32 to f32
    %4 = arith.mulf %3, %w : f32
    %5 = arith.fptosi %4 : f32 to i4
    linalg.yield %5 : i4
  }
  memref.dealloc %c : memref<14x48xi32>
  return
}

// With amx, the AMX blocks cover the result's rows only (C's row of column
// sums, which the epilogue reads, is a row of the vector registers, done
// first). Each block stores its tiles to a 32 x 32 buffer of the column
// loop's iteration instead of C, and the epilogue writes the block's results
// from there, panel by panel, with the operands that depend on the column
// alone (zero point, column sums, scales) loaded once per panel.
// AMX-LABEL: func @core_epilogue_amx
// AMX:      %[[RESULT_ROWS:.*]] = arith.minui %dim{{.*}}, %dim{{.*}} : index
// AMX-NEXT: llvm.mlir.addressof @quanta_amx_permitted
// AMX:      %[[USABLE:.*]] = arith.andi
// AMX:      %[[BLOCKS:.*]] = arith.divui %[[RESULT_ROWS]], %c32
// AMX:      %[[ROWS:.*]] = arith.select %[[USABLE]]
// AMX:      %[[FEW:.*]] = arith.cmpi ult, %[[ROWS]], %c512
// 16 to 31 result rows past the whole blocks: one more AMX block, from a
// zero-filled copy of those rows of A.
// AMX:      %[[TAIL_ROWS:.*]] = arith.subi %[[RESULT_ROWS]], %[[ROWS]] : index
// AMX:      %[[MANY_TAIL:.*]] = arith.cmpi uge, %[[TAIL_ROWS]], %c16
// AMX:      %[[TAKE_TAIL:.*]] = arith.andi %[[USABLE]], %[[MANY_TAIL]] : i1
// AMX:      %[[TAIL:.*]] = arith.select %[[TAKE_TAIL]], %[[TAIL_ROWS]], %c0
// AMX:      %[[TAIL_LHS:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<32x?xi8>
// AMX:      %[[HAS_TAIL:.*]] = arith.cmpi ne, %[[TAIL]], %c0
// AMX:      scf.if %[[HAS_TAIL]] {
// AMX:        scf.for %[[R:.*]] = %c0{{.*}} to %c32
// AMX-NEXT:     arith.cmpi ult, %[[R]], %[[TAIL]] : index
// AMX:          vector.store %{{.*}}, %[[TAIL_LHS]][%[[R]], %{{.*}}] : memref<32x?xi8>, vector<64xi8>
// AMX:      scf.if %[[FEW]] {
// AMX:        %[[LAST:.*]] = arith.addi %[[FIRST:.*]], %c4
// AMX-NEXT:   %[[TILES:.*]] = memref.alloc() {alignment = 64 : i64} : memref<32x32xi32>
// AMX:        scf.for %[[ROW:.*]] = %c0{{.*}} to %[[ROWS]] step %c32
// AMX:          scf.for %[[PAIR:.*]] = %[[FIRST]] to %[[LAST]] step %c2
// AMX:            %[[COL:.*]] = arith.muli %[[PAIR]], %c16
// AMX:            amx.tile_zero
// AMX-NOT:        amx.tile_store %{{.*}} : memref<65x64xi32>
// AMX:            amx.tile_store %[[TILES]][%c0{{.*}}, %c0{{.*}}], %{{.*}}#0 : memref<32x32xi32>, !amx.tile<16x16xi32>
// AMX-NEXT:       %c0{{.*}} = arith.constant 0 : index
// AMX-NEXT:       %c16{{.*}} = arith.constant 16 : index
// AMX-NEXT:       amx.tile_store %[[TILES]][%c0{{.*}}, %c16{{.*}}], %{{.*}}#1
// AMX-COUNT-2:    amx.tile_store %[[TILES]]
// AMX-NEXT:       memref.load %{{.*}}[] : memref<i8>
// AMX-NEXT:       vector.broadcast
// AMX-NEXT:       %[[SUMS:.*]] = vector.load %{{.*}}[%[[COL]]] : memref<64xi32, strided<[1], offset: 4096>>, vector<16xi32>
// AMX-NEXT:       %[[SCALES:.*]] = vector.load %{{.*}}[%[[COL]]] : memref<64xf32>, vector<16xf32>
// AMX:            scf.for %[[R:.*]] = %c0{{.*}} to %c32{{.*}} step %c1
// AMX-NEXT:         %c0{{.*}} = arith.constant 0 : index
// AMX-NEXT:         %[[P:.*]] = vector.load %[[TILES]][%[[R]], %c0{{.*}}] : memref<32x32xi32>, vector<16xi32>
// AMX-NEXT:         %[[OUT_ROW:.*]] = arith.addi %[[ROW]], %[[R]] : index
// AMX:              arith.muli %{{.*}}, %[[SUMS]]
// AMX:              arith.subi %[[P]]
// AMX:              arith.sitofp
// AMX:              arith.mulf %{{.*}}, %[[SCALES]]
// AMX:              vector.store %{{.*}}, %{{.*}}[%[[OUT_ROW]], %[[COL]]] : memref<64x64xf32>, vector<16xf32>
// AMX:            vector.load %{{.*}} : memref<64xi32, strided<[1], offset: 4096>>, vector<16xi32>
// AMX:            scf.for
// AMX:              vector.load %[[TILES]][%{{.*}}, %c16{{.*}}] : memref<32x32xi32>, vector<16xi32>
// After the blocks of rows, the tail block: A's tiles from the copy, the
// epilogue on its rows only.
// AMX:          %[[HAS_TAIL2:.*]] = arith.cmpi ne, %[[TAIL]], %c0
// AMX-NEXT:     scf.if %[[HAS_TAIL2]] {
// AMX:            amx.tile_load %[[TAIL_LHS]][%c0{{.*}}, %{{.*}}] : memref<32x?xi8> into !amx.tile<16x64xi8>
// AMX-NEXT:       amx.tile_load %[[TAIL_LHS]][%c16{{.*}}, %{{.*}}] : memref<32x?xi8> into !amx.tile<16x64xi8>
// AMX:            scf.for %{{.*}} = %c0{{.*}} to %[[TAIL]] step %c1
// AMX:        memref.dealloc %[[TILES]]
// From 512 rows on, a buffer per block of 32 rows:
// AMX:      %[[MANY:.*]] = arith.xori %[[FEW]], %true
// AMX:      scf.if %[[MANY]] {
// AMX:        scf.for %[[ROW2:.*]] = %c0{{.*}} to %[[ROWS]] step %c32
// AMX-NEXT:     %[[TILES2:.*]] = memref.alloc() {alignment = 64 : i64} : memref<32x32xi32>
// AMX-COUNT-4:  amx.tile_store %[[TILES2]]
// AMX:          memref.dealloc %[[TILES2]]
func.func @core_epilogue_amx(%a: memref<65x64xi8>, %b: memref<64x64xi8>, %za: memref<i8>, %sw: memref<64xf32>, %out: memref<64x64xf32>) {
  %zero = arith.constant 0 : i32
  %c = memref.alloc() : memref<65x64xi32>
  linalg.fill ins(%zero : i32) outs(%c : memref<65x64xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, k, n) -> (m, k)>, affine_map<(m, k, n) -> (k, n)>, affine_map<(m, k, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%a, %b : memref<65x64xi8>, memref<64x64xi8>) outs(%c : memref<65x64xi32>) attrs = {quanta.u8s8_matmul} {
  ^bb0(%x: i8, %y: i8, %acc: i32):
    %0 = arith.extui %x : i8 to i32
    %1 = arith.extsi %y : i8 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %acc, %2 : i32
    linalg.yield %3 : i32
  }
  %products = memref.subview %c[0, 0] [64, 64] [1, 1] : memref<65x64xi32> to memref<64x64xi32, strided<[64, 1]>>
  %sums = memref.subview %c[64, 0] [1, 64] [1, 1] : memref<65x64xi32> to memref<64xi32, strided<[1], offset: 4096>>
  linalg.generic {indexing_maps = [affine_map<(m, n) -> (m, n)>, affine_map<(m, n) -> ()>, affine_map<(m, n) -> (n)>, affine_map<(m, n) -> (n)>, affine_map<(m, n) -> (m, n)>],
                  iterator_types = ["parallel", "parallel"]}
      ins(%products, %za, %sums, %sw : memref<64x64xi32, strided<[64, 1]>>, memref<i8>, memref<64xi32, strided<[1], offset: 4096>>, memref<64xf32>) outs(%out : memref<64x64xf32>) {
  ^bb0(%p: i32, %z: i8, %s: i32, %w: f32, %o: f32):
    %0 = arith.extui %z : i8 to i32
    %1 = arith.muli %0, %s : i32
    %2 = arith.subi %p, %1 : i32
    %3 = arith.sitofp %2 : i32 to f32
    %4 = arith.mulf %3, %w : f32
    linalg.yield %4 : f32
  }
  memref.dealloc %c : memref<65x64xi32>
  return
}

// The u8 x s8 core's A'' = [A; 1 ... 1] (the row of ones whose products are
// B's column sums, for A's zero point): the kernel reads A in place and sums
// B's columns by a vpdpbusd with ones where it streams or packs B, into C's
// row M (each block of columns its own, in its parallel iteration, before
// its register blocks); the copy of A and the fill of ones move to the
// loops.
// CHECK-LABEL: func @core_ones_row
// CHECK-SAME: (%[[A:[a-z0-9]+]]: memref<?x?xi8>, %[[B:[a-z0-9]+]]: memref<?x?xi8>
// CHECK-NOT: linalg.copy
// CHECK: %[[C:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?x?xi32>
// CHECK-NOT: linalg.copy
// CHECK: scf.if
// CHECK:   %[[M:.*]] = memref.dim %[[A]], %c0
// Few rows of C (M + 1 < 8):
// CHECK:   %[[CROWS:.*]] = arith.addi %[[M]], %c1
// CHECK:   arith.cmpi ult, %[[CROWS]], %c8
// CHECK:   scf.if
// CHECK:     memref.load %[[A]]
// CHECK:     %[[ONES:.*]] = arith.constant dense<1> : vector<64xi8>
// CHECK:     llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"(%{{.*}}, %[[ONES]], %{{.*}})
// CHECK:     vector.store %{{.*}}, %[[C]][%[[M]], %{{.*}}]
// CHECK:   } else {
// CHECK:     scf.for {{.*}} iter_args(%[[S:.*]] = %{{.*}}) -> (vector<16xi32>)
// CHECK:       %[[ONES2:.*]] = arith.constant dense<1> : vector<64xi8>
// CHECK:       llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"(%[[S]], %[[ONES2]], %{{.*}})
// CHECK:     vector.store %{{.*}}, %[[C]][%[[M]], %{{.*}}]
// CHECK:     scf.index_switch
// CHECK:       vector.load %[[A]]
// CHECK: } else {
// CHECK:   %[[EXT:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?x?xi8>
// CHECK:   linalg.copy ins(%[[A]] : memref<?x?xi8>)
// CHECK:   linalg.fill ins(%{{.*}} : i8)
// CHECK:   linalg.fill ins(%{{.*}} : i32)
// CHECK:   linalg.generic {{.*}} ins(%[[EXT]], %[[B]] :
// CHECK:   linalg.generic
// CHECK:   memref.dealloc %[[EXT]]
// CHECK: }
// CHECK-NOT: memref.dealloc {{.*}} : memref<?x?xi8>
// CHECK: return
// PAR-LABEL: func @core_ones_row
// PAR-SAME: (%[[A:[a-z0-9]+]]: memref<?x?xi8>
// PAR: %[[C:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?x?xi32>
// PAR: %[[M:.*]] = memref.dim %[[A]], %c0
// PAR: memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xi8>
// PAR: scf.parallel
// PAR:   scf.for {{.*}} iter_args(%{{.*}}) -> (vector<16xi32>)
// PAR:   vector.store %{{.*}}, %[[C]][%[[M]], %{{.*}}]
// PAR:   scf.index_switch
// PAR:     vector.load %[[A]]
func.func @core_ones_row(%a: memref<?x?xi8>, %b: memref<?x?xi8>, %za: memref<i8>, %sw: memref<?xf32>, %out: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0 : i32
  %one = arith.constant 1 : i8
  %m = memref.dim %a, %c0 : memref<?x?xi8>
  %k = memref.dim %a, %c1 : memref<?x?xi8>
  %n = memref.dim %b, %c1 : memref<?x?xi8>
  %rows = arith.addi %m, %c1 : index
  %ext = memref.alloc(%rows, %k) {alignment = 64 : i64} : memref<?x?xi8>
  %top = memref.subview %ext[0, 0] [%m, %k] [1, 1] : memref<?x?xi8> to memref<?x?xi8, strided<[?, 1]>>
  linalg.copy ins(%a : memref<?x?xi8>) outs(%top : memref<?x?xi8, strided<[?, 1]>>)
  %last = memref.subview %ext[%m, 0] [1, %k] [1, 1] : memref<?x?xi8> to memref<1x?xi8, strided<[?, 1], offset: ?>>
  linalg.fill ins(%one : i8) outs(%last : memref<1x?xi8, strided<[?, 1], offset: ?>>)
  %c = memref.alloc(%rows, %n) {alignment = 64 : i64} : memref<?x?xi32>
  linalg.fill ins(%zero : i32) outs(%c : memref<?x?xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, k, n) -> (m, k)>, affine_map<(m, k, n) -> (k, n)>, affine_map<(m, k, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%ext, %b : memref<?x?xi8>, memref<?x?xi8>) outs(%c : memref<?x?xi32>) attrs = {quanta.u8s8_matmul} {
  ^bb0(%x: i8, %y: i8, %acc: i32):
    %0 = arith.extui %x : i8 to i32
    %1 = arith.extsi %y : i8 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %acc, %2 : i32
    linalg.yield %3 : i32
  }
  %products = memref.subview %c[0, 0] [%m, %n] [1, 1] : memref<?x?xi32> to memref<?x?xi32, strided<[?, 1]>>
  %sums = memref.subview %c[%m, 0] [1, %n] [1, 1] : memref<?x?xi32> to memref<?xi32, strided<[1], offset: ?>>
  linalg.generic {indexing_maps = [affine_map<(m, n) -> (m, n)>, affine_map<(m, n) -> ()>, affine_map<(m, n) -> (n)>, affine_map<(m, n) -> (n)>, affine_map<(m, n) -> (m, n)>],
                  iterator_types = ["parallel", "parallel"]}
      ins(%products, %za, %sums, %sw : memref<?x?xi32, strided<[?, 1]>>, memref<i8>, memref<?xi32, strided<[1], offset: ?>>, memref<?xf32>) outs(%out : memref<?x?xf32>) {
  ^bb0(%p: i32, %z: i8, %s: i32, %w: f32, %o: f32):
    %0 = arith.extui %z : i8 to i32
    %1 = arith.muli %0, %s : i32
    %2 = arith.subi %p, %1 : i32
    %3 = arith.sitofp %2 : i32 to f32
    %4 = arith.mulf %3, %w : f32
    linalg.yield %4 : f32
  }
  memref.dealloc %ext : memref<?x?xi8>
  memref.dealloc %c : memref<?x?xi32>
  return
}

// A written between the copy and the core: the kernel reads A''.
// CHECK-LABEL: func @core_ones_row_source_written
// CHECK: %[[EXT:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?x?xi8>
// CHECK: linalg.copy
// CHECK: scf.if
// CHECK:   vector.load %[[EXT]]
func.func @core_ones_row_source_written(%a: memref<?x?xi8>, %b: memref<?x?xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0 : i32
  %one = arith.constant 1 : i8
  %m = memref.dim %a, %c0 : memref<?x?xi8>
  %k = memref.dim %a, %c1 : memref<?x?xi8>
  %n = memref.dim %b, %c1 : memref<?x?xi8>
  %rows = arith.addi %m, %c1 : index
  %ext = memref.alloc(%rows, %k) {alignment = 64 : i64} : memref<?x?xi8>
  %top = memref.subview %ext[0, 0] [%m, %k] [1, 1] : memref<?x?xi8> to memref<?x?xi8, strided<[?, 1]>>
  linalg.copy ins(%a : memref<?x?xi8>) outs(%top : memref<?x?xi8, strided<[?, 1]>>)
  %last = memref.subview %ext[%m, 0] [1, %k] [1, 1] : memref<?x?xi8> to memref<1x?xi8, strided<[?, 1], offset: ?>>
  linalg.fill ins(%one : i8) outs(%last : memref<1x?xi8, strided<[?, 1], offset: ?>>)
  linalg.fill ins(%one : i8) outs(%a : memref<?x?xi8>)
  %c = memref.alloc(%rows, %n) {alignment = 64 : i64} : memref<?x?xi32>
  linalg.fill ins(%zero : i32) outs(%c : memref<?x?xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, k, n) -> (m, k)>, affine_map<(m, k, n) -> (k, n)>, affine_map<(m, k, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%ext, %b : memref<?x?xi8>, memref<?x?xi8>) outs(%c : memref<?x?xi32>) attrs = {quanta.u8s8_matmul} {
  ^bb0(%x: i8, %y: i8, %acc: i32):
    %0 = arith.extui %x : i8 to i32
    %1 = arith.extsi %y : i8 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %acc, %2 : i32
    linalg.yield %3 : i32
  }
  memref.dealloc %ext : memref<?x?xi8>
  memref.dealloc %c : memref<?x?xi32>
  return
}

// A, a reshape of an allocation written between the copy and the core
// through the allocation itself: the kernel reads A''.
// CHECK-LABEL: func @core_ones_row_source_view_written
// CHECK: %[[EXT:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?x?xi8>
// CHECK: linalg.copy
// CHECK: scf.if
// CHECK:   vector.load %[[EXT]]
func.func @core_ones_row_source_view_written(%rows0: index, %cols0: index, %b: memref<?x?xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0 : i32
  %one = arith.constant 1 : i8
  %buf = memref.alloc(%rows0, %cols0) : memref<?x1x?xi8>
  %a = memref.collapse_shape %buf [[0, 1], [2]] : memref<?x1x?xi8> into memref<?x?xi8>
  %m = memref.dim %a, %c0 : memref<?x?xi8>
  %k = memref.dim %a, %c1 : memref<?x?xi8>
  %n = memref.dim %b, %c1 : memref<?x?xi8>
  %rows = arith.addi %m, %c1 : index
  %ext = memref.alloc(%rows, %k) {alignment = 64 : i64} : memref<?x?xi8>
  %top = memref.subview %ext[0, 0] [%m, %k] [1, 1] : memref<?x?xi8> to memref<?x?xi8, strided<[?, 1]>>
  linalg.copy ins(%a : memref<?x?xi8>) outs(%top : memref<?x?xi8, strided<[?, 1]>>)
  %last = memref.subview %ext[%m, 0] [1, %k] [1, 1] : memref<?x?xi8> to memref<1x?xi8, strided<[?, 1], offset: ?>>
  linalg.fill ins(%one : i8) outs(%last : memref<1x?xi8, strided<[?, 1], offset: ?>>)
  linalg.fill ins(%one : i8) outs(%buf : memref<?x1x?xi8>)
  %c = memref.alloc(%rows, %n) {alignment = 64 : i64} : memref<?x?xi32>
  linalg.fill ins(%zero : i32) outs(%c : memref<?x?xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, k, n) -> (m, k)>, affine_map<(m, k, n) -> (k, n)>, affine_map<(m, k, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%ext, %b : memref<?x?xi8>, memref<?x?xi8>) outs(%c : memref<?x?xi32>) attrs = {quanta.u8s8_matmul} {
  ^bb0(%x: i8, %y: i8, %acc: i32):
    %0 = arith.extui %x : i8 to i32
    %1 = arith.extsi %y : i8 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %acc, %2 : i32
    linalg.yield %3 : i32
  }
  memref.dealloc %ext : memref<?x?xi8>
  memref.dealloc %c : memref<?x?xi32>
  memref.dealloc %buf : memref<?x1x?xi8>
  return
}

// The flag the kernels read, and the constructor that asks Linux for the
// tiles' state (arch_prctl(ARCH_REQ_XCOMP_PERM, XFEATURE_XTILEDATA)) and sets
// it when granted: once per module.
// AMX:      llvm.mlir.global internal @quanta_amx_permitted(0 : i8)
// AMX:      llvm.func @syscall(i64, ...) -> i64
// AMX:      llvm.func internal @quanta_request_amx() {
// AMX-DAG:    %[[NR:.*]] = llvm.mlir.constant(158 : i64) : i64
// AMX-DAG:    %[[REQ:.*]] = llvm.mlir.constant(4131 : i64) : i64
// AMX-DAG:    %[[TILEDATA:.*]] = llvm.mlir.constant(18 : i64) : i64
// AMX:        %[[R:.*]] = llvm.call @syscall(%[[NR]], %[[REQ]], %[[TILEDATA]]) vararg(!llvm.func<i64 (i64, ...)>)
// AMX:        %[[OK:.*]] = llvm.icmp "eq" %[[R]], %{{.*}} : i64
// AMX:        %[[BYTE:.*]] = llvm.zext %[[OK]] : i1 to i8
// AMX:        llvm.store %[[BYTE]], %{{.*}} : i8, !llvm.ptr
// AMX:      llvm.mlir.global_ctors ctors = [@quanta_request_amx], priorities = [65535 : i32], data = [#llvm.zero]
// AMX-NOT:  quanta_request_amx

// B given N x K (the transpose of a Linear layer's [out, in] weights): few
// rows of C read B^T in place, each column a dot product along K of a row
// of A and a row of B^T, blocks of 8 columns (for one row) as 8 sequential
// streams into 8 accumulators, the last 64 bytes of K under a mask, the
// lanes added at the end. More rows pack B's panels from B^T: 64 bytes of
// 16 rows, a 16 x 16 matrix of words transposed by 4 rounds of shuffles,
// are 16 K steps of a panel (the last ones from masked loads, stored one
// by one). The loops read B transposed: the transpose moves there.
// CHECK-LABEL: func @core_transposed_rhs
// CHECK-SAME: (%[[A:[a-z0-9]+]]: memref<?x?xi8>, %[[BT:[a-z0-9]+]]: memref<?x?xi8>, %[[C:[a-z0-9]+]]: memref<?x?xi32>)
// CHECK-NOT: linalg.transpose
// CHECK: scf.if
// CHECK:   arith.cmpi ult, %{{.*}}, %c8
// CHECK:   scf.if
// CHECK:     linalg.fill
// CHECK:     scf.index_switch
// CHECK:     case 0 {
// CHECK-NEXT:  scf.yield
// CHECK:     case 1 {
// CHECK:       scf.for
// CHECK:         scf.for {{.*}} iter_args({{.*}}) -> (vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>, vector<16xi32>)
// CHECK:           vector.load %[[A]]
// CHECK:           memref.prefetch %[[BT]]
// CHECK:           vector.load %[[BT]]
// CHECK:           llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// CHECK:         vector.maskedload %[[A]]
// CHECK:         vector.maskedload %[[BT]]
// CHECK:         vector.reduction <add>
// CHECK:         vector.from_elements {{.*}} : vector<8xi32>
// CHECK:         vector.store {{.*}}, %[[C]]
// CHECK:     case 2 {
// CHECK:       scf.for {{.*}} -> (vector<16xi32>,
// CHECK-SAME:    vector<16xi32>)
// CHECK:     case 7 {
// CHECK:   } else {
// CHECK-NOT: linalg.transpose
// CHECK:     %[[P:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xi8>
// CHECK:     %[[W0:.*]] = vector.load %[[BT]]{{.*}} : memref<?x?xi8>, vector<64xi8>
// CHECK:     vector.bitcast %[[W0]] : vector<64xi8> to vector<16xi32>
// CHECK:     vector.shuffle {{.*}} [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23] : vector<16xi32>, vector<16xi32>
// CHECK:     vector.shuffle {{.*}} [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31] : vector<16xi32>, vector<16xi32>
// CHECK:     vector.store %{{.*}}, %[[P]]
// CHECK:     vector.maskedload %[[BT]]
// CHECK:     scf.if
// CHECK:       vector.store %{{.*}}, %[[P]]
// CHECK:     memref.dealloc %[[P]]
// CHECK: } else {
// CHECK:   %[[B2:.*]] = memref.alloc(%{{.*}}, %{{.*}}) {alignment = 64 : i64} : memref<?x?xi8>
// CHECK:   linalg.transpose ins(%[[BT]] : memref<?x?xi8>) outs(%[[B2]] : memref<?x?xi8>)
// CHECK:   linalg.generic {{.*}} ins(%[[A]], %[[B2]] :
// CHECK:   memref.dealloc %[[B2]]
// CHECK: }
// CHECK-NOT: memref.dealloc
// CHECK: return
func.func @core_transposed_rhs(%a: memref<?x?xi8>, %bt: memref<?x?xi8>, %c: memref<?x?xi32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0 : i32
  %n = memref.dim %bt, %c0 : memref<?x?xi8>
  %k = memref.dim %bt, %c1 : memref<?x?xi8>
  %b = memref.alloc(%k, %n) {alignment = 64 : i64} : memref<?x?xi8>
  linalg.transpose ins(%bt : memref<?x?xi8>) outs(%b : memref<?x?xi8>) permutation = [1, 0]
  linalg.fill ins(%zero : i32) outs(%c : memref<?x?xi32>)
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
  memref.dealloc %b : memref<?x?xi8>
  return
}

// uint8 weights N x K: B is their transpose with the top bits flipped
// (w - 128 as s8). The row dots and the packing flip each loaded row of
// B^T (the masked loads' lanes past K are 0x80, which flip to zeros), and
// the column sums of B for A's zero point (the row of ones) come from one
// more vpdpbusd per column with ones: for one row of C, 2 accumulators per
// column. K = 128: no masked loads.
// CHECK-LABEL: func @core_transposed_flipped_rhs
// CHECK-SAME: (%[[A:[a-z0-9]+]]: memref<1x128xi8>, %[[BT:[a-z0-9]+]]: memref<64x128xi8>
// CHECK-NOT: linalg.transpose
// CHECK-NOT: linalg.map
// CHECK: scf.index_switch
// CHECK: case 1 {
// CHECK:   %[[FLIP:.*]] = arith.constant dense<-128> : vector<64xi8>
// CHECK:   %[[ROWA:.*]] = vector.load %[[A]]
// CHECK:   %[[ONES:.*]] = arith.constant dense<1> : vector<64xi8>
// CHECK:   %[[ROW:.*]] = vector.load %[[BT]]
// CHECK:   %[[W:.*]] = arith.xori %[[ROW]], %[[FLIP]] : vector<64xi8>
// CHECK:   llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"(%{{.*}}, %[[ROWA]], %[[W]])
// CHECK:   llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"(%{{.*}}, %[[ONES]], %[[W]])
// CHECK-NOT: vector.maskedload
// CHECK: case 2 {
// CHECK: } else {
// CHECK-NOT: linalg.transpose
// CHECK:   %[[R:.*]] = vector.load %[[BT]]
// CHECK:   arith.xori %[[R]], %{{.*}} : vector<64xi8>
// CHECK: } else {
// CHECK:   linalg.transpose ins(%[[BT]]
// CHECK:   linalg.map
func.func @core_transposed_flipped_rhs(%a: memref<1x128xi8>, %bt: memref<64x128xi8>, %za: memref<i8>, %sw: memref<64xf32>, %out: memref<1x64xf32>) {
  %zero = arith.constant 0 : i32
  %one = arith.constant 1 : i8
  %top = arith.constant -128 : i8
  %t = memref.alloc() {alignment = 64 : i64} : memref<128x64xi8>
  linalg.transpose ins(%bt : memref<64x128xi8>) outs(%t : memref<128x64xi8>) permutation = [1, 0]
  %b = memref.alloc() {alignment = 64 : i64} : memref<128x64xi8>
  linalg.map ins(%t : memref<128x64xi8>) outs(%b : memref<128x64xi8>)
    (%in: i8, %init: i8) {
      %0 = arith.xori %in, %top : i8
      linalg.yield %0 : i8
    }
  %ext = memref.alloc() {alignment = 64 : i64} : memref<2x128xi8>
  %rows = memref.subview %ext[0, 0] [1, 128] [1, 1] : memref<2x128xi8> to memref<1x128xi8, strided<[128, 1]>>
  linalg.copy ins(%a : memref<1x128xi8>) outs(%rows : memref<1x128xi8, strided<[128, 1]>>)
  %last = memref.subview %ext[1, 0] [1, 128] [1, 1] : memref<2x128xi8> to memref<1x128xi8, strided<[128, 1], offset: 128>>
  linalg.fill ins(%one : i8) outs(%last : memref<1x128xi8, strided<[128, 1], offset: 128>>)
  %c = memref.alloc() {alignment = 64 : i64} : memref<2x64xi32>
  linalg.fill ins(%zero : i32) outs(%c : memref<2x64xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, k, n) -> (m, k)>, affine_map<(m, k, n) -> (k, n)>, affine_map<(m, k, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%ext, %b : memref<2x128xi8>, memref<128x64xi8>) outs(%c : memref<2x64xi32>) attrs = {quanta.u8s8_matmul} {
  ^bb0(%x: i8, %y: i8, %acc: i32):
    %0 = arith.extui %x : i8 to i32
    %1 = arith.extsi %y : i8 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %acc, %2 : i32
    linalg.yield %3 : i32
  }
  %products = memref.subview %c[0, 0] [1, 64] [1, 1] : memref<2x64xi32> to memref<1x64xi32, strided<[64, 1]>>
  %sums = memref.subview %c[1, 0] [1, 64] [1, 1] : memref<2x64xi32> to memref<64xi32, strided<[1], offset: 64>>
  linalg.generic {indexing_maps = [affine_map<(m, n) -> (m, n)>, affine_map<(m, n) -> ()>, affine_map<(m, n) -> (n)>, affine_map<(m, n) -> (n)>, affine_map<(m, n) -> (m, n)>],
                  iterator_types = ["parallel", "parallel"]}
      ins(%products, %za, %sums, %sw : memref<1x64xi32, strided<[64, 1]>>, memref<i8>, memref<64xi32, strided<[1], offset: 64>>, memref<64xf32>) outs(%out : memref<1x64xf32>) {
  ^bb0(%p: i32, %z: i8, %s: i32, %w: f32, %o: f32):
    %0 = arith.extui %z : i8 to i32
    %1 = arith.muli %0, %s : i32
    %2 = arith.subi %p, %1 : i32
    %3 = arith.sitofp %2 : i32 to f32
    %4 = arith.mulf %3, %w : f32
    linalg.yield %4 : f32
  }
  memref.dealloc %t : memref<128x64xi8>
  memref.dealloc %b : memref<128x64xi8>
  memref.dealloc %ext : memref<2x128xi8>
  memref.dealloc %c : memref<2x64xi32>
  return
}

// B^T written between the transpose and the core: the kernel reads B.
// CHECK-LABEL: func @core_transposed_rhs_source_written
// CHECK: %[[B:.*]] = memref.alloc
// CHECK: linalg.transpose
// CHECK: scf.if
// CHECK-NOT: scf.index_switch
// CHECK:   vector.load %[[B]]
func.func @core_transposed_rhs_source_written(%a: memref<?x?xi8>, %bt: memref<?x?xi8>, %c: memref<?x?xi32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0 : i32
  %one = arith.constant 1 : i8
  %n = memref.dim %bt, %c0 : memref<?x?xi8>
  %k = memref.dim %bt, %c1 : memref<?x?xi8>
  %b = memref.alloc(%k, %n) {alignment = 64 : i64} : memref<?x?xi8>
  linalg.transpose ins(%bt : memref<?x?xi8>) outs(%b : memref<?x?xi8>) permutation = [1, 0]
  linalg.fill ins(%one : i8) outs(%bt : memref<?x?xi8>)
  linalg.fill ins(%zero : i32) outs(%c : memref<?x?xi32>)
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
  memref.dealloc %b : memref<?x?xi8>
  return
}

// int4 weights given N x K (packed along K: byte j of row n holds k = 2j
// and 2j + 1), unpacked to a byte each and transposed into [G, KK, N], the
// core truncating each byte to i4 (its group epilogue fused): the VNNI
// kernel reads the packed weights in place. Per block of 16 columns and
// chunk of 128 k: each column's 64 bytes, flipped (xor 0x88: signed
// nibbles as w + 8), split into low and high nibbles, two vpdpbusd against
// A's even and odd bytes (permuted once per call); the 16 columns' sums
// added pairwise by shuffles into one vector per group (here 4 groups of
// 32 per chunk), corrected by 8 x A's group sums, then the epilogue. The
// unpacking and the transpose move to the fallback.
// CHECK-LABEL: func @int4_nk_core
// CHECK-SAME: (%[[A:[a-z0-9]+]]: memref<1x128xi8>, %[[P:[a-z0-9]+]]: memref<32x64xi8>
// CHECK-NOT: linalg.transpose
// CHECK: scf.if
// CHECK:   %[[PERM:.*]] = memref.alloc(%{{.*}}, %{{.*}}) {alignment = 64 : i64} : memref<?x?xi8>
// CHECK:   vector.shuffle {{.*}} [0, 2, 4,
// CHECK:   vector.shuffle {{.*}} [1, 3, 5,
// CHECK:   %[[SUMS:.*]] = memref.alloc(%{{.*}}, %{{.*}}) : memref<?x?xi32>
// CHECK:   scf.index_switch
// CHECK:   case 1 {
// CHECK:     %[[EVEN:.*]] = vector.load %[[PERM]]
// CHECK:     %[[ODD:.*]] = vector.load %[[PERM]]
// CHECK:     memref.prefetch %[[P]]
// CHECK:     %[[W:.*]] = vector.load %[[P]]{{.*}} : memref<32x64xi8>, vector<64xi8>
// CHECK:     %[[F:.*]] = arith.xori %[[W]], %{{.*}} : vector<64xi8>
// CHECK:     %[[LO:.*]] = arith.andi %[[F]]
// CHECK:     arith.shrui {{.*}} : vector<32xi16>
// CHECK:     %[[HI:.*]] = arith.andi
// CHECK:     %[[S:.*]] = llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"(%{{.*}}, %[[LO]], %[[EVEN]])
// CHECK:     llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"(%[[S]], %[[HI]], %[[ODD]])
// CHECK:     vector.shuffle {{.*}} [0, 1, 4, 5, 8, 9, 12, 13, 16, 17, 20, 21, 24, 25, 28, 29] : vector<16xi32>, vector<16xi32>
// CHECK:     memref.load %[[SUMS]]
// CHECK:     arith.subi {{.*}} : vector<16xi32>
// CHECK:     arith.sitofp {{.*}} : vector<16xi32> to vector<16xf32>
// CHECK:     vector.store {{.*}} : memref<1x32xf32>, vector<16xf32>
// CHECK:   case 2 {
// CHECK:   case 4 {
// CHECK:   memref.dealloc %[[PERM]]
// CHECK: } else {
// CHECK:   %[[U:.*]] = memref.alloc() {alignment = 64 : i64} : memref<32x64x2xi8>
// CHECK:   linalg.generic {{.*}} ins(%[[P]] : memref<32x64xi8>) outs(%[[U]] :
// CHECK:   linalg.transpose
// CHECK:   linalg.generic
// CHECK:   linalg.generic
// CHECK:   memref.dealloc %[[U]]
// CHECK: }
func.func @int4_nk_core(%a: memref<1x128xi8>, %p: memref<32x64xi8>, %sa: memref<1xf32>, %sw: memref<4x32xf32>, %out: memref<1x32xf32>) {
  %c4 = arith.constant 4 : i8
  %c15 = arith.constant 15 : i8
  %zero = arith.constant 0 : i32
  %fzero = arith.constant 0.0 : f32
  %u = memref.alloc() {alignment = 64 : i64} : memref<32x64x2xi8>
  linalg.generic {indexing_maps = [affine_map<(n, j, h) -> (n, j)>, affine_map<(n, j, h) -> (n, j, h)>],
                  iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%p : memref<32x64xi8>) outs(%u : memref<32x64x2xi8>) {
  ^bb0(%in: i8, %o: i8):
    %h = linalg.index 2 : index
    %hi = arith.index_cast %h : index to i8
    %s = arith.muli %hi, %c4 : i8
    %v = arith.shrui %in, %s : i8
    %n = arith.andi %v, %c15 : i8
    linalg.yield %n : i8
  }
  %flat = memref.collapse_shape %u [[0], [1, 2]] : memref<32x64x2xi8> into memref<32x128xi8>
  %nk = memref.expand_shape %flat [[0], [1, 2]] output_shape [32, 4, 32] : memref<32x128xi8> into memref<32x4x32xi8>
  %b = memref.alloc() {alignment = 64 : i64} : memref<4x32x32xi8>
  linalg.transpose ins(%nk : memref<32x4x32xi8>) outs(%b : memref<4x32x32xi8>) permutation = [1, 2, 0]
  %ag = memref.expand_shape %a [[0], [1, 2]] output_shape [1, 4, 32] : memref<1x128xi8> into memref<1x4x32xi8>
  %c = memref.alloc() {alignment = 64 : i64} : memref<1x4x32xi32>
  linalg.fill ins(%zero : i32) outs(%c : memref<1x4x32xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, n) -> (m, g, kk)>, affine_map<(m, g, kk, n) -> (g, kk, n)>, affine_map<(m, g, kk, n) -> (m, g, n)>],
                  iterator_types = ["parallel", "parallel", "reduction", "parallel"]}
      ins(%ag, %b : memref<1x4x32xi8>, memref<4x32x32xi8>) outs(%c : memref<1x4x32xi32>) {
  ^bb0(%x: i8, %w: i8, %acc: i32):
    %0 = arith.trunci %w : i8 to i4
    %1 = arith.extsi %x : i8 to i32
    %2 = arith.extsi %0 : i4 to i32
    %3 = arith.muli %1, %2 : i32
    %4 = arith.addi %acc, %3 : i32
    linalg.yield %4 : i32
  }
  linalg.fill ins(%fzero : f32) outs(%out : memref<1x32xf32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, n) -> (m, g, n)>, affine_map<(m, g, n) -> (m)>, affine_map<(m, g, n) -> (g, n)>, affine_map<(m, g, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%c, %sa, %sw : memref<1x4x32xi32>, memref<1xf32>, memref<4x32xf32>) outs(%out : memref<1x32xf32>) {
  ^bb0(%s: i32, %x: f32, %y: f32, %o: f32):
    %0 = arith.mulf %x, %y : f32
    %1 = arith.sitofp %s : i32 to f32
    %2 = arith.mulf %1, %0 : f32
    %3 = arith.addf %o, %2 : f32
    linalg.yield %3 : f32
  }
  memref.dealloc %u : memref<32x64x2xi8>
  memref.dealloc %b : memref<4x32x32xi8>
  memref.dealloc %c : memref<1x4x32xi32>
  return
}

// The packed weights written between the unpacking and the kernel: the
// loops.
// CHECK-LABEL: func @int4_nk_core_source_written
// CHECK-NOT: vpdpbusd
// CHECK: linalg.transpose
// CHECK-NOT: vpdpbusd
// CHECK: return
func.func @int4_nk_core_source_written(%a: memref<1x128xi8>, %p: memref<32x64xi8>, %sa: memref<1xf32>, %sw: memref<4x32xf32>, %out: memref<1x32xf32>) {
  %c4 = arith.constant 4 : i8
  %c15 = arith.constant 15 : i8
  %zero = arith.constant 0 : i32
  %fzero = arith.constant 0.0 : f32
  %u = memref.alloc() {alignment = 64 : i64} : memref<32x64x2xi8>
  linalg.generic {indexing_maps = [affine_map<(n, j, h) -> (n, j)>, affine_map<(n, j, h) -> (n, j, h)>],
                  iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%p : memref<32x64xi8>) outs(%u : memref<32x64x2xi8>) {
  ^bb0(%in: i8, %o: i8):
    %h = linalg.index 2 : index
    %hi = arith.index_cast %h : index to i8
    %s = arith.muli %hi, %c4 : i8
    %v = arith.shrui %in, %s : i8
    %n = arith.andi %v, %c15 : i8
    linalg.yield %n : i8
  }
  linalg.fill ins(%c4 : i8) outs(%p : memref<32x64xi8>)
  %flat = memref.collapse_shape %u [[0], [1, 2]] : memref<32x64x2xi8> into memref<32x128xi8>
  %nk = memref.expand_shape %flat [[0], [1, 2]] output_shape [32, 4, 32] : memref<32x128xi8> into memref<32x4x32xi8>
  %b = memref.alloc() {alignment = 64 : i64} : memref<4x32x32xi8>
  linalg.transpose ins(%nk : memref<32x4x32xi8>) outs(%b : memref<4x32x32xi8>) permutation = [1, 2, 0]
  %ag = memref.expand_shape %a [[0], [1, 2]] output_shape [1, 4, 32] : memref<1x128xi8> into memref<1x4x32xi8>
  %c = memref.alloc() {alignment = 64 : i64} : memref<1x4x32xi32>
  linalg.fill ins(%zero : i32) outs(%c : memref<1x4x32xi32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, n) -> (m, g, kk)>, affine_map<(m, g, kk, n) -> (g, kk, n)>, affine_map<(m, g, kk, n) -> (m, g, n)>],
                  iterator_types = ["parallel", "parallel", "reduction", "parallel"]}
      ins(%ag, %b : memref<1x4x32xi8>, memref<4x32x32xi8>) outs(%c : memref<1x4x32xi32>) {
  ^bb0(%x: i8, %w: i8, %acc: i32):
    %0 = arith.trunci %w : i8 to i4
    %1 = arith.extsi %x : i8 to i32
    %2 = arith.extsi %0 : i4 to i32
    %3 = arith.muli %1, %2 : i32
    %4 = arith.addi %acc, %3 : i32
    linalg.yield %4 : i32
  }
  linalg.fill ins(%fzero : f32) outs(%out : memref<1x32xf32>)
  linalg.generic {indexing_maps = [affine_map<(m, g, n) -> (m, g, n)>, affine_map<(m, g, n) -> (m)>, affine_map<(m, g, n) -> (g, n)>, affine_map<(m, g, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%c, %sa, %sw : memref<1x4x32xi32>, memref<1xf32>, memref<4x32xf32>) outs(%out : memref<1x32xf32>) {
  ^bb0(%s: i32, %x: f32, %y: f32, %o: f32):
    %0 = arith.mulf %x, %y : f32
    %1 = arith.sitofp %s : i32 to f32
    %2 = arith.mulf %1, %0 : f32
    %3 = arith.addf %o, %2 : f32
    linalg.yield %3 : f32
  }
  memref.dealloc %u : memref<32x64x2xi8>
  memref.dealloc %b : memref<4x32x32xi8>
  memref.dealloc %c : memref<1x4x32xi32>
  return
}

// The same with uint4 weights and uint4 zero points per group and column
// (ONNX MatMulNBits' form): the core on loops (m, g, kk, j, h), B a view
// [G, KK, N / 2, 2] of the transposed bytes, the zero points packed [G, N /
// 2]. The kernel reads the packed weights in place (no flip: uint4
// nibbles are the operands) and subtracts zb x A's group sums, zb widened
// from the packed zero points.
// CHECK-LABEL: func @int4_nk_core_zero_points
// CHECK-SAME: (%{{.*}}: memref<1x128xi8>, %[[P:[a-z0-9]+]]: memref<8192xi8>, %{{.*}}: memref<1xf32>, %{{.*}}: memref<4x128xf32>, %[[Z:[a-z0-9]+]]: memref<256xi8>
// CHECK-NOT: linalg.transpose
// CHECK: %[[PR:.*]] = memref.expand_shape %[[P]] {{\[\[}}0, 1]] output_shape [128, 64]
// CHECK: %[[ZR:.*]] = memref.expand_shape %[[Z]] {{\[\[}}0, 1]] output_shape [4, 64]
// CHECK: scf.if
// CHECK:   case 1 {
// CHECK:     vector.load %[[PR]]
// CHECK-NOT: arith.xori
// CHECK:     llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// CHECK:     vector.load %[[ZR]]{{.*}} : memref<4x64xi8>, vector<8xi8>
// CHECK:     arith.muli {{.*}} : vector<16xi32>
// CHECK:     arith.subi {{.*}} : vector<16xi32>
// CHECK: } else {
// CHECK:   linalg.transpose {{.*}} permutation = [2, 3, 0, 1]
func.func @int4_nk_core_zero_points(%arg0: memref<1x128xi8>, %arg1: memref<8192xi8>, %arg2: memref<1xf32>, %arg3: memref<4x128xf32>, %arg4: memref<256xi8>, %arg5: memref<1x128xf32>) {
  %c0_i32 = arith.constant 0 : i32
  %cst = arith.constant 0.000000e+00 : f32
  %c15_i8 = arith.constant 15 : i8
  %c4_i8 = arith.constant 4 : i8
  %expand_shape = memref.expand_shape %arg1 [[0, 1]] output_shape [128, 64] : memref<8192xi8> into memref<128x64xi8>
  %alloc = memref.alloc() {alignment = 64 : i64} : memref<128x64x2xi8>
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%expand_shape : memref<128x64xi8>) outs(%alloc : memref<128x64x2xi8>) {
  ^bb0(%in: i8, %out: i8):
    %0 = linalg.index 2 : index
    %1 = arith.index_cast %0 : index to i8
    %2 = arith.muli %1, %c4_i8 : i8
    %3 = arith.shrui %in, %2 : i8
    %4 = arith.andi %3, %c15_i8 : i8
    linalg.yield %4 : i8
  }
  %collapse_shape = memref.collapse_shape %alloc [[0], [1, 2]] : memref<128x64x2xi8> into memref<128x128xi8>
  %expand_shape_0 = memref.expand_shape %arg4 [[0, 1]] output_shape [4, 64] : memref<256xi8> into memref<4x64xi8>
  %alloc_1 = memref.alloc() {alignment = 64 : i64} : memref<4x32x128xi8>
  %expand_shape_2 = memref.expand_shape %collapse_shape [[0, 1], [2, 3]] output_shape [64, 2, 4, 32] : memref<128x128xi8> into memref<64x2x4x32xi8>
  %expand_shape_3 = memref.expand_shape %alloc_1 [[0], [1], [2, 3]] output_shape [4, 32, 64, 2] : memref<4x32x128xi8> into memref<4x32x64x2xi8>
  linalg.transpose ins(%expand_shape_2 : memref<64x2x4x32xi8>) outs(%expand_shape_3 : memref<4x32x64x2xi8>) permutation = [2, 3, 0, 1] 
  %alloc_4 = memref.alloc() {alignment = 64 : i64} : memref<1x128xi8>
  %expand_shape_5 = memref.expand_shape %arg0 [[0], [1, 2]] output_shape [1, 4, 32] : memref<1x128xi8> into memref<1x4x32xi8>
  %expand_shape_6 = memref.expand_shape %alloc_4 [[0], [1, 2]] output_shape [1, 4, 32] : memref<1x128xi8> into memref<1x4x32xi8>
  linalg.copy ins(%expand_shape_5 : memref<1x4x32xi8>) outs(%expand_shape_6 : memref<1x4x32xi8>)
  %alloc_7 = memref.alloc() {alignment = 64 : i64} : memref<1x4x128xi32>
  %expand_shape_8 = memref.expand_shape %alloc_7 [[0], [1], [2, 3]] output_shape [1, 4, 64, 2] : memref<1x4x128xi32> into memref<1x4x64x2xi32>
  linalg.fill ins(%c0_i32 : i32) outs(%expand_shape_8 : memref<1x4x64x2xi32>)
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3, d4) -> (d1, d2, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d1, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>], iterator_types = ["parallel", "parallel", "reduction", "parallel", "parallel"]} ins(%expand_shape_6, %expand_shape_3, %expand_shape_0 : memref<1x4x32xi8>, memref<4x32x64x2xi8>, memref<4x64xi8>) outs(%expand_shape_8 : memref<1x4x64x2xi32>) {
  ^bb0(%in: i8, %in_11: i8, %in_12: i8, %out: i32):
    %0 = linalg.index 4 : index
    %1 = arith.index_cast %0 : index to i8
    %2 = arith.muli %1, %c4_i8 : i8
    %3 = arith.shrui %in_12, %2 : i8
    %4 = arith.andi %3, %c15_i8 : i8
    %5 = arith.trunci %4 : i8 to i4
    %6 = arith.trunci %in_11 : i8 to i4
    %7 = arith.extsi %in : i8 to i32
    %8 = arith.extui %6 : i4 to i32
    %9 = arith.extui %5 : i4 to i32
    %10 = arith.subi %8, %9 : i32
    %11 = arith.muli %7, %10 : i32
    %12 = arith.addi %out, %11 : i32
    linalg.yield %12 : i32
  }
  %expand_shape_9 = memref.expand_shape %arg5 [[0], [1, 2]] output_shape [1, 64, 2] : memref<1x128xf32> into memref<1x64x2xf32>
  linalg.fill ins(%cst : f32) outs(%expand_shape_9 : memref<1x64x2xf32>)
  %expand_shape_10 = memref.expand_shape %arg3 [[0], [1, 2]] output_shape [4, 64, 2] : memref<4x128xf32> into memref<4x64x2xf32>
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0)>, affine_map<(d0, d1, d2, d3) -> (d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>], iterator_types = ["parallel", "reduction", "parallel", "parallel"]} ins(%expand_shape_8, %arg2, %expand_shape_10 : memref<1x4x64x2xi32>, memref<1xf32>, memref<4x64x2xf32>) outs(%expand_shape_9 : memref<1x64x2xf32>) {
  ^bb0(%in: i32, %in_11: f32, %in_12: f32, %out: f32):
    %0 = arith.mulf %in_11, %in_12 : f32
    %1 = arith.sitofp %in : i32 to f32
    %2 = arith.mulf %1, %0 : f32
    %3 = arith.addf %out, %2 : f32
    linalg.yield %3 : f32
  }
  memref.dealloc %alloc : memref<128x64x2xi8>
  memref.dealloc %alloc_1 : memref<4x32x128xi8>
  memref.dealloc %alloc_4 : memref<1x128xi8>
  memref.dealloc %alloc_7 : memref<1x4x128xi32>
  return
}

// int8 weights per group given N x K (llama.cpp's Q8_0 in a Linear
// layer's layout), transposed into [G, KK, N] for the core: the same
// kernel reads them in place, 64 bytes of a column per vpdpbusd against
// A's bytes (no permutation), the weights flipped (xor 0x80: s8 as w + 128
// against signed activations) and 128 x A's group sums taken out.
// CHECK-LABEL: func @int8_group_nk_core
// CHECK-SAME: (%[[A:[a-z0-9]+]]: memref<1x128xi8>, %[[S:[a-z0-9]+]]: memref<32x128xi8>
// CHECK-NOT: linalg.transpose
// CHECK: scf.if
// CHECK:   case 1 {
// CHECK:     %[[X:.*]] = vector.load %{{.*}} : memref<1x128xi8>, vector<64xi8>
// CHECK:     %[[W:.*]] = vector.load %[[S]]{{.*}} : memref<32x128xi8>, vector<64xi8>
// CHECK:     %[[F:.*]] = arith.xori %[[W]], %{{.*}} : vector<64xi8>
// CHECK:     llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"(%{{.*}}, %[[F]], %[[X]])
// CHECK:     vector.shuffle
// CHECK:     arith.subi {{.*}} : vector<16xi32>
// CHECK: } else {
// CHECK:   linalg.transpose ins(%{{.*}} : memref<32x4x32xi8>)
func.func @int8_group_nk_core(%arg0: memref<1x128xi8>, %arg1: memref<32x128xi8>, %arg2: memref<1xf32>, %arg3: memref<4x32xf32>, %arg4: memref<1x32xf32>) {
  %cst = arith.constant 0.000000e+00 : f32
  %c0_i32 = arith.constant 0 : i32
  %alloc = memref.alloc() {alignment = 64 : i64} : memref<128x32xi8>
  %expand_shape = memref.expand_shape %arg1 [[0], [1, 2]] output_shape [32, 4, 32] : memref<32x128xi8> into memref<32x4x32xi8>
  %expand_shape_0 = memref.expand_shape %alloc [[0, 1], [2]] output_shape [4, 32, 32] : memref<128x32xi8> into memref<4x32x32xi8>
  linalg.transpose ins(%expand_shape : memref<32x4x32xi8>) outs(%expand_shape_0 : memref<4x32x32xi8>) permutation = [1, 2, 0] 
  %alloc_1 = memref.alloc() {alignment = 64 : i64} : memref<1x128xi8>
  %expand_shape_2 = memref.expand_shape %arg0 [[0], [1, 2]] output_shape [1, 4, 32] : memref<1x128xi8> into memref<1x4x32xi8>
  %expand_shape_3 = memref.expand_shape %alloc_1 [[0], [1, 2]] output_shape [1, 4, 32] : memref<1x128xi8> into memref<1x4x32xi8>
  linalg.copy ins(%expand_shape_2 : memref<1x4x32xi8>) outs(%expand_shape_3 : memref<1x4x32xi8>)
  %alloc_4 = memref.alloc() {alignment = 64 : i64} : memref<1x4x32xi32>
  linalg.fill ins(%c0_i32 : i32) outs(%alloc_4 : memref<1x4x32xi32>)
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>], iterator_types = ["parallel", "parallel", "reduction", "parallel"]} ins(%expand_shape_3, %expand_shape_0 : memref<1x4x32xi8>, memref<4x32x32xi8>) outs(%alloc_4 : memref<1x4x32xi32>) {
  ^bb0(%in: i8, %in_5: i8, %out: i32):
    %0 = arith.extsi %in : i8 to i32
    %1 = arith.extsi %in_5 : i8 to i32
    %2 = arith.muli %0, %1 : i32
    %3 = arith.addi %out, %2 : i32
    linalg.yield %3 : i32
  }
  linalg.fill ins(%cst : f32) outs(%arg4 : memref<1x32xf32>)
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d2)>], iterator_types = ["parallel", "reduction", "parallel"]} ins(%alloc_4, %arg2, %arg3 : memref<1x4x32xi32>, memref<1xf32>, memref<4x32xf32>) outs(%arg4 : memref<1x32xf32>) {
  ^bb0(%in: i32, %in_5: f32, %in_6: f32, %out: f32):
    %0 = arith.mulf %in_5, %in_6 : f32
    %1 = arith.sitofp %in : i32 to f32
    %2 = arith.mulf %1, %0 : f32
    %3 = arith.addf %out, %2 : f32
    linalg.yield %3 : f32
  }
  memref.dealloc %alloc : memref<128x32xi8>
  memref.dealloc %alloc_1 : memref<1x128xi8>
  memref.dealloc %alloc_4 : memref<1x4x32xi32>
  return
}

// bf16 with B given N x K (a Linear layer's [out, in] weights): few rows of
// C stream B's panels from B^T, 16 words (32 bf16 along K) of 16 rows of
// B^T transposed in registers into 16 K steps of a panel, each dotted with
// every row of C in k order, as the K x N stream does (the same sums bit
// for bit); the last K steps come from masked loads, each dotted only where
// it lies inside K. More rows pack the panels from B^T the same way. The
// loops read B transposed: the transpose moves there.
// BF16-LABEL: func @bf16_transposed_rhs
// BF16-SAME: (%[[A:.*]]: memref<?x?xbf16>, %[[BT:.*]]: memref<?x?xbf16>, %[[C:.*]]: memref<?x?xf32>)
// BF16-NOT:  linalg.transpose
// BF16:      scf.if
// BF16:        scf.if
// BF16:          vector.load %[[BT]]{{.*}} : memref<?x?xbf16>, vector<32xbf16>
// BF16:          vector.shuffle {{.*}} [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23] : vector<16xi32>, vector<16xi32>
// BF16:          llvm.call_intrinsic "llvm.x86.avx512bf16.dpbf16ps.512"
// BF16:          vector.store {{.*}}, %[[C]]
// BF16:          vector.maskedload %[[BT]]
// BF16:          scf.if {{.*}} -> (vector<16xf32>)
// BF16:            llvm.call_intrinsic "llvm.x86.avx512bf16.dpbf16ps.512"
// BF16:        } else {
// BF16-NOT:  linalg.transpose
// BF16:          %[[P:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xbf16>
// BF16:          vector.load %[[BT]]
// BF16:          vector.store {{.*}}, %[[P]]
// BF16:          vector.maskedload %[[BT]]
// BF16:          memref.dealloc %[[P]]
// BF16:      } else {
// BF16:        %[[B2:.*]] = memref.alloc
// BF16:        linalg.transpose ins(%[[BT]] : memref<?x?xbf16>) outs(%[[B2]] : memref<?x?xbf16>)
// BF16:        linalg.matmul ins(%[[A]], %[[B2]] :
// BF16:        memref.dealloc %[[B2]]
// BF16:      }
// BF16-NOT:  memref.dealloc
// BF16:      return
func.func @bf16_transposed_rhs(%a: memref<?x?xbf16>, %bt: memref<?x?xbf16>, %c: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %bt, %c0 : memref<?x?xbf16>
  %k = memref.dim %bt, %c1 : memref<?x?xbf16>
  %b = memref.alloc(%k, %n) : memref<?x?xbf16>
  linalg.transpose ins(%bt : memref<?x?xbf16>) outs(%b : memref<?x?xbf16>) permutation = [1, 0]
  linalg.matmul ins(%a, %b : memref<?x?xbf16>, memref<?x?xbf16>) outs(%c : memref<?x?xf32>)
  memref.dealloc %b : memref<?x?xbf16>
  return
}

// f32 with B given N x K, on 8 lanes (AVX2): 8 x 8 words per block of 8 K
// steps (3 rounds of shuffles), multiply then add in k order.
// V256-LABEL: func @f32_transposed_rhs
// V256-SAME: (%[[A:.*]]: memref<?x?xf32>, %[[BT:.*]]: memref<?x?xf32>, %[[C:.*]]: memref<?x?xf32>)
// V256-NOT:  linalg.transpose
// V256:      vector.load %[[BT]]{{.*}} : memref<?x?xf32>, vector<8xf32>
// V256:      vector.shuffle {{.*}} [0, 1, 2, 3, 8, 9, 10, 11] : vector<8xi32>, vector<8xi32>
// V256:      arith.mulf {{.*}} : vector<8xf32>
// V256:      arith.addf {{.*}} : vector<8xf32>
// V256:      } else {
// V256-NOT:  linalg.transpose
// V256:        memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xf32>
// V256:    } else {
// V256:      linalg.transpose ins(%[[BT]] : memref<?x?xf32>)
func.func @f32_transposed_rhs(%a: memref<?x?xf32>, %bt: memref<?x?xf32>, %c: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %bt, %c0 : memref<?x?xf32>
  %k = memref.dim %bt, %c1 : memref<?x?xf32>
  %b = memref.alloc(%k, %n) : memref<?x?xf32>
  linalg.transpose ins(%bt : memref<?x?xf32>) outs(%b : memref<?x?xf32>) permutation = [1, 0]
  linalg.matmul ins(%a, %b : memref<?x?xf32>, memref<?x?xf32>) outs(%c : memref<?x?xf32>)
  memref.dealloc %b : memref<?x?xf32>
  return
}

// A weight-only 8-bit matmul whose B is the transpose of N x K weights
// (per-column scales): the kernel reads them in place. Each vector of 16
// columns takes 64 codes of 16 rows of B^T, a 16 x 16 square of words
// transposed in registers into 16 words of 4 K steps of the 16 columns,
// whose bytes are the visits' codes (accumulated in k order, as K x N);
// the last K steps (K % 64) gather their 16 codes. The loops read B
// transposed: the transpose moves there.
// CHECK-LABEL: func @weight_only_8bit_transposed
// CHECK-SAME: (%[[A:.*]]: memref<1x200xf32>, %[[BT:.*]]: memref<128x200xi8>,
// CHECK-NOT: linalg.transpose
// CHECK: scf.if
// CHECK:   memref.prefetch %[[BT]]
// CHECK:   vector.load %[[BT]]{{.*}} : memref<128x200xi8>, vector<64xi8>
// CHECK:   vector.bitcast {{.*}} : vector<64xi8> to vector<16xi32>
// CHECK:   vector.shuffle {{.*}} [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23] : vector<16xi32>, vector<16xi32>
// CHECK:   arith.trunci {{.*}} : vector<16xi32> to vector<16xi8>
// CHECK:   arith.sitofp {{.*}} : vector<16xi32> to vector<16xf32>
// CHECK:   scf.for
// CHECK:     arith.addf {{.*}} : vector<16xf32>
// CHECK:   arith.shrui {{.*}} : vector<16xi32>
// CHECK:   memref.load %[[BT]]
// CHECK:   vector.from_elements {{.*}} : vector<16xi8>
// CHECK: } else {
// CHECK:   %[[B:.*]] = memref.alloc() : memref<200x128xi8>
// CHECK:   linalg.transpose ins(%[[BT]] : memref<128x200xi8>) outs(%[[B]] : memref<200x128xi8>)
// CHECK:   linalg.generic {{.*}} ins(%[[A]], %[[B]],
// CHECK:   memref.dealloc %[[B]]
// CHECK: }
// CHECK-NOT: memref.dealloc
// CHECK: return
func.func @weight_only_8bit_transposed(%a: memref<1x200xf32>, %bt: memref<128x200xi8>, %s: memref<128xf32>, %c: memref<1x128xf32>) {
  %b = memref.alloc() : memref<200x128xi8>
  linalg.transpose ins(%bt : memref<128x200xi8>) outs(%b : memref<200x128xi8>) permutation = [1, 0]
  linalg.generic {indexing_maps = [affine_map<(m, k, n) -> (m, k)>, affine_map<(m, k, n) -> (k, n)>, affine_map<(m, k, n) -> (n)>, affine_map<(m, k, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%a, %b, %s : memref<1x200xf32>, memref<200x128xi8>, memref<128xf32>) outs(%c : memref<1x128xf32>) {
  ^bb0(%x: f32, %w: i8, %scale: f32, %acc: f32):
    %0 = arith.extsi %w : i8 to i32
    %1 = arith.sitofp %0 : i32 to f32
    %2 = arith.mulf %1, %scale : f32
    %3 = arith.mulf %x, %2 : f32
    %4 = arith.addf %acc, %3 : f32
    linalg.yield %4 : f32
  }
  memref.dealloc %b : memref<200x128xi8>
  return
}

// Weight-only int4 per group with the weights N x K packed along K (ONNX
// MatMulNBits' [N, K / 2] at accuracy level 0): the lowering unpacks them
// to a byte each, views them [N, G, KK] and transposes them to the grouped
// form's B [G, KK, N]. The kernel reads the packed bytes in place: 64
// bytes of 16 rows, a 16 x 16 square of words transposed in registers into
// 16 words of 8 K steps, each nibble (shifted down) a step's codes; the
// group's parameters loaded per word (8 | the group size, checked with
// 64 | N). On AVX-512 the body's conversion of the nibble (trunci, extsi,
// sitofp) is a table of its 16 values, computed once, that vpermps looks up
// by the low 4 bits of each lane: no mask, sign extension or conversion per
// nibble. On 8 lanes (V256) the body converts the masked nibbles. The loops
// take the unpacking and the transpose.
// CHECK-LABEL: func @weight_only_int4_packed_transposed
// CHECK-SAME: (%[[A:.*]]: memref<1x2x32xf32>, %[[P:.*]]: memref<64x32xi8>,
// CHECK-NOT: linalg.transpose
// CHECK:   arith.remui %{{.*}}, %c8
// CHECK: scf.if
// CHECK:   arith.trunci %{{.*}} : vector<16xi8> to vector<16xi4>
// CHECK:   %[[TABLE:.*]] = arith.sitofp %{{.*}} : vector<16xi32> to vector<16xf32>
// CHECK:   vector.load %[[P]]{{.*}} : memref<64x32xi8>, vector<64xi8>
// CHECK:   vector.shuffle {{.*}} : vector<16xi32>, vector<16xi32>
// CHECK:   vector.load {{.*}} : memref<2x64xf32>, vector<16xf32>
// CHECK:   llvm.call_intrinsic "llvm.x86.avx512.permvar.sf.512"(%[[TABLE]], %{{.*}})
// CHECK:   arith.shrui {{.*}} : vector<16xi32>
// CHECK:   llvm.call_intrinsic "llvm.x86.avx512.permvar.sf.512"(%[[TABLE]], %{{.*}})
// CHECK-NOT: arith.andi {{.*}} : vector<16xi32>
// CHECK: } else {
// CHECK:   linalg.generic
// CHECK:   linalg.transpose
// CHECK:   linalg.generic
// CHECK:   memref.dealloc
// CHECK:   memref.dealloc
// CHECK-NEXT: }
// CHECK-NOT: memref.dealloc
// CHECK: return
// V256-LABEL: func @weight_only_int4_packed_transposed
// V256:   vector.load %{{.*}} : memref<64x32xi8>, vector<32xi8>
// V256-NOT: llvm.call_intrinsic
// V256:   arith.andi {{.*}} : vector<8xi32>
// V256:   arith.trunci {{.*}} : vector<8xi32> to vector<8xi8>
// V256:   arith.trunci {{.*}} : vector<8xi8> to vector<8xi4>
// V256: } else {
func.func @weight_only_int4_packed_transposed(%a: memref<1x2x32xf32>, %p: memref<64x32xi8>, %s: memref<2x64xf32>, %c: memref<1x64xf32>) {
  %c4_i8 = arith.constant 4 : i8
  %c15_i8 = arith.constant 15 : i8
  %u = memref.alloc() : memref<64x32x2xi8>
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>],
                  iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%p : memref<64x32xi8>) outs(%u : memref<64x32x2xi8>) {
  ^bb0(%in: i8, %out: i8):
    %0 = linalg.index 2 : index
    %1 = arith.index_cast %0 : index to i8
    %2 = arith.muli %1, %c4_i8 : i8
    %3 = arith.shrui %in, %2 : i8
    %4 = arith.andi %3, %c15_i8 : i8
    linalg.yield %4 : i8
  }
  %bytes = memref.collapse_shape %u [[0], [1, 2]] : memref<64x32x2xi8> into memref<64x64xi8>
  %view = memref.expand_shape %bytes [[0], [1, 2]] output_shape [64, 2, 32] : memref<64x64xi8> into memref<64x2x32xi8>
  %b = memref.alloc() : memref<2x32x64xi8>
  linalg.transpose ins(%view : memref<64x2x32xi8>) outs(%b : memref<2x32x64xi8>) permutation = [1, 2, 0]
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, n) -> (m, g, kk)>, affine_map<(m, g, kk, n) -> (g, kk, n)>, affine_map<(m, g, kk, n) -> (g, n)>, affine_map<(m, g, kk, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "reduction", "parallel"]}
      ins(%a, %b, %s : memref<1x2x32xf32>, memref<2x32x64xi8>, memref<2x64xf32>) outs(%c : memref<1x64xf32>) {
  ^bb0(%x: f32, %w: i8, %scale: f32, %acc: f32):
    %0 = arith.trunci %w : i8 to i4
    %1 = arith.extsi %0 : i4 to i32
    %2 = arith.sitofp %1 : i32 to f32
    %3 = arith.mulf %2, %scale : f32
    %4 = arith.mulf %x, %3 : f32
    %5 = arith.addf %acc, %4 : f32
    linalg.yield %5 : f32
  }
  memref.dealloc %u : memref<64x32x2xi8>
  memref.dealloc %b : memref<2x32x64xi8>
  return
}

// Weight-only int4 per column, the weights N x K packed along K: the
// lowering's K-blocks are the bytes, so it transposes the unpacked weights
// U [N, K / 2, 2] themselves into B [K / 2, 2, N]. The kernel reads the
// packed bytes in place as for groups, with no check on the block size
// (the parameters are per column).
// CHECK-LABEL: func @weight_only_int4_per_channel_transposed
// CHECK-SAME: (%[[A:.*]]: memref<1x32x2xf32>, %[[P:.*]]: memref<64x32xi8>,
// CHECK-NOT: linalg.transpose
// CHECK-NOT: arith.remui %{{.*}}, %c8
// CHECK: scf.if
// CHECK:   vector.load %[[P]]{{.*}} : memref<64x32xi8>, vector<64xi8>
// CHECK:   llvm.call_intrinsic "llvm.x86.avx512.permvar.sf.512"
// CHECK: } else {
// CHECK:   linalg.generic
// CHECK:   linalg.transpose
// CHECK:   linalg.generic
// CHECK: return
func.func @weight_only_int4_per_channel_transposed(%a: memref<1x32x2xf32>, %p: memref<64x32xi8>, %s: memref<64xf32>, %c: memref<1x64xf32>) {
  %c4_i8 = arith.constant 4 : i8
  %c15_i8 = arith.constant 15 : i8
  %u = memref.alloc() : memref<64x32x2xi8>
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>],
                  iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%p : memref<64x32xi8>) outs(%u : memref<64x32x2xi8>) {
  ^bb0(%in: i8, %out: i8):
    %0 = linalg.index 2 : index
    %1 = arith.index_cast %0 : index to i8
    %2 = arith.muli %1, %c4_i8 : i8
    %3 = arith.shrui %in, %2 : i8
    %4 = arith.andi %3, %c15_i8 : i8
    linalg.yield %4 : i8
  }
  %b = memref.alloc() : memref<64x64xi8>
  %view = memref.expand_shape %b [[0, 1], [2]] output_shape [32, 2, 64] : memref<64x64xi8> into memref<32x2x64xi8>
  linalg.transpose ins(%u : memref<64x32x2xi8>) outs(%view : memref<32x2x64xi8>) permutation = [1, 2, 0]
  linalg.generic {indexing_maps = [affine_map<(m, g, kk, n) -> (m, g, kk)>, affine_map<(m, g, kk, n) -> (g, kk, n)>, affine_map<(m, g, kk, n) -> (n)>, affine_map<(m, g, kk, n) -> (m, n)>],
                  iterator_types = ["parallel", "reduction", "reduction", "parallel"]}
      ins(%a, %view, %s : memref<1x32x2xf32>, memref<32x2x64xi8>, memref<64xf32>) outs(%c : memref<1x64xf32>) {
  ^bb0(%x: f32, %w: i8, %scale: f32, %acc: f32):
    %0 = arith.trunci %w : i8 to i4
    %1 = arith.extsi %0 : i4 to i32
    %2 = arith.sitofp %1 : i32 to f32
    %3 = arith.mulf %2, %scale : f32
    %4 = arith.mulf %x, %3 : f32
    %5 = arith.addf %acc, %4 : f32
    linalg.yield %5 : f32
  }
  memref.dealloc %u : memref<64x32x2xi8>
  memref.dealloc %b : memref<64x64xi8>
  return
}

// Weight-only int4 with zero points, the weights N x K packed along K (ONNX
// MatMulNBits with f32 activations): the lowering unpacks them, transposes
// them into the pairs view [G, KK, J, 2] of B [G, KK, N] and takes the zero
// points' nibble h, (zp[g, j] >> 4h) & 15, in the body, on loops (m, g, kk,
// j, h). The op is rewritten into the grouped form on [.., N] views, the
// zero points unpacked first into a [G, N] buffer the body reads as its
// nibble, and that form's kernel reads the packed weights in place (the
// weight's nibble widened by a table lookup, as above); the loops (on the
// grouped form) take the unpacking and the transpose.
// CHECK-LABEL: func @weight_only_int4_zp_pairs_transposed
// CHECK-SAME: (%[[A:.*]]: memref<1x8x32xf32>, %[[P:.*]]: memref<128x128xi8>, %[[S:.*]]: memref<8x64x2xf32>, %[[Z:.*]]: memref<8x64xi8>, %[[C:.*]]: memref<1x64x2xf32>)
// CHECK:   %[[ZP:.*]] = memref.alloc(%{{.*}}, %{{.*}}) : memref<?x?xi8>
// CHECK:   linalg.generic {{.*}} ins(%[[Z]] : memref<8x64xi8>)
// CHECK-NOT: linalg.transpose
// CHECK:   scf.if
// CHECK:     %[[TABLE:.*]] = arith.extui %{{.*}} : vector<16xi4> to vector<16xi32>
// CHECK:     vector.load %[[P]]{{.*}} : memref<128x128xi8>, vector<64xi8>
// CHECK:     vector.load %[[ZP]]{{.*}} : memref<?x?xi8>, vector<16xi8>
// CHECK:     llvm.call_intrinsic "llvm.x86.avx512.permvar.si.512"(%[[TABLE]], %{{.*}})
// CHECK:     arith.subi {{.*}} : vector<16xi32>
// CHECK:   } else {
// CHECK:     linalg.transpose {{.*}} permutation = [2, 3, 0, 1]
// CHECK:     linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "reduction", "parallel"]} ins(%[[A]], %{{.*}}, %{{.*}}, %[[ZP]] : memref<1x8x32xf32>, memref<8x32x128xi8>, memref<8x128xf32>, memref<?x?xi8>)
// CHECK-NOT:   linalg.index
// CHECK:   }
// CHECK:   memref.dealloc %[[ZP]]
// CHECK: return
func.func @weight_only_int4_zp_pairs_transposed(%a: memref<1x8x32xf32>, %p: memref<128x128xi8>, %s: memref<8x64x2xf32>, %z: memref<8x64xi8>, %c: memref<1x64x2xf32>) {
  %c15_i8 = arith.constant 15 : i8
  %c4_i8 = arith.constant 4 : i8
  %u = memref.alloc() : memref<128x128x2xi8>
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>],
                  iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%p : memref<128x128xi8>) outs(%u : memref<128x128x2xi8>) {
  ^bb0(%in: i8, %out: i8):
    %0 = linalg.index 2 : index
    %1 = arith.index_cast %0 : index to i8
    %2 = arith.muli %1, %c4_i8 : i8
    %3 = arith.shrui %in, %2 : i8
    %4 = arith.andi %3, %c15_i8 : i8
    linalg.yield %4 : i8
  }
  %bytes = memref.collapse_shape %u [[0], [1, 2]] : memref<128x128x2xi8> into memref<128x256xi8>
  %b = memref.alloc() : memref<8x32x128xi8>
  %view = memref.expand_shape %bytes [[0, 1], [2, 3]] output_shape [64, 2, 8, 32] : memref<128x256xi8> into memref<64x2x8x32xi8>
  %pairs = memref.expand_shape %b [[0], [1], [2, 3]] output_shape [8, 32, 64, 2] : memref<8x32x128xi8> into memref<8x32x64x2xi8>
  linalg.transpose ins(%view : memref<64x2x8x32xi8>) outs(%pairs : memref<8x32x64x2xi8>) permutation = [2, 3, 0, 1]
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3, d4) -> (d1, d2, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d1, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d3, d4)>],
                  iterator_types = ["parallel", "reduction", "reduction", "parallel", "parallel"]}
      ins(%a, %pairs, %s, %z : memref<1x8x32xf32>, memref<8x32x64x2xi8>, memref<8x64x2xf32>, memref<8x64xi8>) outs(%c : memref<1x64x2xf32>) {
  ^bb0(%x: f32, %w: i8, %scale: f32, %zb: i8, %acc: f32):
    %0 = linalg.index 4 : index
    %1 = arith.index_cast %0 : index to i8
    %2 = arith.muli %1, %c4_i8 : i8
    %3 = arith.shrui %zb, %2 : i8
    %4 = arith.andi %3, %c15_i8 : i8
    %5 = arith.trunci %4 : i8 to i4
    %6 = arith.trunci %w : i8 to i4
    %7 = arith.extui %6 : i4 to i32
    %8 = arith.extui %5 : i4 to i32
    %9 = arith.subi %7, %8 : i32
    %10 = arith.sitofp %9 : i32 to f32
    %11 = arith.mulf %10, %scale : f32
    %12 = arith.mulf %x, %11 : f32
    %13 = arith.addf %acc, %12 : f32
    linalg.yield %13 : f32
  }
  memref.dealloc %u : memref<128x128x2xi8>
  memref.dealloc %b : memref<8x32x128xi8>
  return
}

// Other ops on 5 loops (here the unpacking of int4 weights of a batched
// matmul, one input) are not weight-only matmuls on the pairs view: left
// alone.
// CHECK-LABEL: func @five_loops_one_input
// CHECK:   linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]
// CHECK:   return
func.func @five_loops_one_input(%p: memref<1x1x2x1xi8>, %u: memref<1x1x2x1x2xi8>) {
  %c4_i8 = arith.constant 4 : i8
  %c15_i8 = arith.constant 15 : i8
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]}
      ins(%p : memref<1x1x2x1xi8>) outs(%u : memref<1x1x2x1x2xi8>) {
  ^bb0(%in: i8, %out: i8):
    %0 = linalg.index 4 : index
    %1 = arith.index_cast %0 : index to i8
    %2 = arith.muli %1, %c4_i8 : i8
    %3 = arith.shrui %in, %2 : i8
    %4 = arith.andi %3, %c15_i8 : i8
    linalg.yield %4 : i8
  }
  return
}
