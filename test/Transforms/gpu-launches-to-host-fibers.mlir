// RUN: quanta-opt %s --quanta-gpu-launches-to-host-fibers -split-input-file -verify-diagnostics | FileCheck %s

// A launch whose threads cooperate becomes a kernel function of one thread
// calling the GPU-on-host runtime, launched with its shared memory (one
// 256 KiB-aligned buffer, each attribution at a multiple of 128 bytes).

// CHECK-LABEL: func.func @cooperate(
// CHECK-SAME: %[[OUT:.*]]: memref<256xi32>, %[[N:.*]]: index)
// CHECK: %[[SHARED:.*]] = memref.alloc() {alignment = 262144 : i64} : memref<1152xi8>
// CHECK: %[[ADDRESS:.*]] = memref.extract_aligned_pointer_as_index %[[SHARED]]
// CHECK: %[[BYTES:.*]] = arith.constant 1152 : index
// CHECK: %[[AT0:.*]] = arith.constant 0 : index
// CHECK: %[[TILE:.*]] = memref.view %[[SHARED]][%[[AT0]]][] : memref<1152xi8> to memref<2x16x8xi32>
// CHECK: %[[AT1:.*]] = arith.constant 1024 : index
// CHECK: %[[WORD:.*]] = memref.view %[[SHARED]][%[[AT1]]][] : memref<1152xi8> to memref<1xi32>
// CHECK: call @cooperate_kernel0_launch(%[[N]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[ADDRESS]], %[[BYTES]], %[[OUT]], %[[TILE]], %[[WORD]])
// CHECK: memref.dealloc %[[SHARED]]
// CHECK-NOT: gpu.launch

// CHECK-LABEL: func.func private @cooperate_kernel0(
// CHECK-SAME: %[[KOUT:.*]]: memref<256xi32>, %[[KTILE:.*]]: memref<2x16x8xi32>, %{{.*}}: memref<1xi32>) attributes {quanta.kernel_on_host}
// CHECK: %[[SCRATCH:.*]] = memref.alloca() : memref<256xi32>
// CHECK: %[[TID:.*]] = call @quanta_gpu_host_id(%{{.*}}) : (i32) -> index
// CHECK: memref.store %{{.*}}, %[[KTILE]]
// CHECK: call @quanta_gpu_host_barrier()
// CHECK: %[[PACKED:.*]] = call @quanta_gpu_host_shuffle(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (i32, i32, i32, i32) -> i64
// CHECK: arith.trunci %[[PACKED]] : i64 to i32
// CHECK: %[[TILEADDRESS:.*]] = memref.extract_aligned_pointer_as_index %[[KTILE]]
// CHECK: call @quanta_gpu_host_ldmatrix(%{{.*}}, %{{.*}}, %{{.*}}) : (i64, i32, i64) -> ()
// CHECK: vector.load %[[SCRATCH]][%{{.*}}] : memref<256xi32>, vector<4xi32>
// CHECK: call @quanta_gpu_host_mma(%{{.*}}, %{{.*}}) : (i32, i64) -> ()
// CHECK: llvm.insertvalue
// CHECK: call @quanta_gpu_host_cp_async(%{{.*}}, %{{.*}}, %{{.*}}) : (i32, i64, i32) -> ()
// CHECK: call @quanta_gpu_host_cp_async_commit()
// CHECK: call @quanta_gpu_host_cp_async_wait(%{{.*}}) : (i32) -> ()
// CHECK: %[[UNSIGNEDB:.*]] = arith.constant 256 : i32
// CHECK: call @quanta_gpu_host_dp4a(%[[UNSIGNEDB]], %{{.*}}, %{{.*}}, %{{.*}}) : (i32, i32, i32, i32) -> i32
// CHECK: %[[PAIR:.*]] = arith.extui %{{.*}} : i16 to i32
// CHECK: %[[E4M3:.*]] = arith.constant 0 : i32
// CHECK: call @quanta_gpu_host_cvt_f16x2(%[[E4M3]], %[[PAIR]]) : (i32, i32) -> i32
// CHECK: %[[BOTH:.*]] = arith.constant 768 : i32
// CHECK: call @quanta_gpu_host_dp4a(%[[BOTH]], %{{.*}}, %{{.*}}, %{{.*}}) : (i32, i32, i32, i32) -> i32
// CHECK-NOT: llvm.inline_asm
// CHECK: return

// CHECK-LABEL: func.func private @cooperate_kernel0_launch(index, index, index, index, index, index, index, index, memref<256xi32>, memref<2x16x8xi32>, memref<1xi32>) attributes {quanta.host_kernel = @cooperate_kernel0}

// A launch whose threads do not cooperate is left to
// --quanta-gpu-launches-to-host-loops.
// CHECK-LABEL: func.func @independent(
// CHECK: gpu.launch
func.func @cooperate(%out: memref<256xi32>, %n: index) {
  %c1 = arith.constant 1 : index
  %c128 = arith.constant 128 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %n, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c128, %sy = %c1, %sz = %c1)
             workgroup(%tile : memref<2x16x8xi32, #gpu.address_space<workgroup>>,
                       %word : memref<1xi32, #gpu.address_space<workgroup>>) {
    %c0 = arith.constant 0 : index
    %v = arith.index_cast %tx : index to i32
    memref.store %v, %tile[%c0, %c0, %c0] : memref<2x16x8xi32, #gpu.address_space<workgroup>>
    gpu.barrier
    %c1_i32 = arith.constant 1 : i32
    %c32_i32 = arith.constant 32 : i32
    %s, %valid = gpu.shuffle xor %v, %c1_i32, %c32_i32 : i32
    %m = nvgpu.ldmatrix %tile[%c0, %c0, %c0] {numTiles = 4 : i32, transpose = false} : memref<2x16x8xi32, #gpu.address_space<workgroup>> -> vector<4x1xi32>
    %a = vector.extract %m[0, 0] : i32 from vector<4x1xi32>
    %d = nvvm.mma.sync A[%a, %a, %a, %a] B[%a, %a] C[%s, %s, %s, %s]
        {layoutA = #nvvm.mma_layout<row>, layoutB = #nvvm.mma_layout<col>,
         multiplicandAPtxType = #nvvm.mma_type<s8>, multiplicandBPtxType = #nvvm.mma_type<u8>,
         intOverflowBehavior = #nvvm.mma_int_overflow<wrapped>,
         shape = #nvvm.shape<m = 16, n = 8, k = 32>} : (i32, i32, i32) -> !llvm.struct<(i32, i32, i32, i32)>
    %d0 = llvm.extractvalue %d[0] : !llvm.struct<(i32, i32, i32, i32)>
    %shared = arith.constant 4096 : i32
    %global = arith.constant 0 : i64
    %c16_i32 = arith.constant 16 : i32
    llvm.inline_asm has_side_effects "cp.async.cg.shared.global [$0], [$1], 16, $2;", "r,l,r" %shared, %global, %c16_i32 : (i32, i64, i32) -> ()
    llvm.inline_asm has_side_effects "cp.async.commit_group;", "" : () -> ()
    llvm.inline_asm has_side_effects "cp.async.wait_group 0;", "" : () -> ()
    llvm.inline_asm has_side_effects "fence.proxy.async.shared::cta;", "" : () -> ()
    %ones = arith.constant 16843009 : i32
    %sum = llvm.inline_asm "dp4a.s32.u32 $0, $1, $2, $3;", "=r,r,r,r" %d0, %ones, %v : (i32, i32, i32) -> i32
    %codes = arith.trunci %sum : i32 to i16
    %halves = llvm.inline_asm "cvt.rn.f16x2.e4m3x2 $0, $1;", "=r,h" %codes : (i16) -> i32
    %dot = llvm.inline_asm "dp4a.s32.s32 $0, $1, $2, $3;", "=r,r,r,r" %halves, %d0, %sum : (i32, i32, i32) -> i32
    memref.store %dot, %out[%tx] : memref<256xi32>
    gpu.terminator
  }
  return
}

func.func @independent(%out: memref<256xi32>) {
  %c1 = arith.constant 1 : index
  %c256 = arith.constant 256 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c256, %sy = %c1, %sz = %c1) {
    %v = arith.index_cast %tx : index to i32
    memref.store %v, %out[%tx] : memref<256xi32>
    gpu.terminator
  }
  return
}

// -----

func.func @unknown_ptx(%out: memref<1xi32>) {
  %c1 = arith.constant 1 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
    // expected-error @below {{cannot run this inline PTX on the host: membar.gl;}}
    llvm.inline_asm has_side_effects "membar.gl;", "" : () -> ()
    gpu.terminator
  }
  return
}

// -----

func.func @shuffle_up(%out: memref<32xi32>) {
  %c1 = arith.constant 1 : index
  %c32 = arith.constant 32 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c32, %sy = %c1, %sz = %c1) {
    %v = arith.index_cast %tx : index to i32
    %c1_i32 = arith.constant 1 : i32
    %c32_i32 = arith.constant 32 : i32
    // expected-error @below {{cannot run this shuffle on the host (32-bit xor, down and idx are supported)}}
    %s, %valid = gpu.shuffle up %v, %c1_i32, %c32_i32 : i32
    memref.store %s, %out[%tx] : memref<32xi32>
    gpu.terminator
  }
  return
}

// -----

func.func @ldmatrix_transposed(%out: memref<32xi32>) {
  %c1 = arith.constant 1 : index
  %c32 = arith.constant 32 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c32, %sy = %c1, %sz = %c1)
             workgroup(%tile : memref<32x8xf16, #gpu.address_space<workgroup>>) {
    %c0 = arith.constant 0 : index
    // expected-error @below {{cannot run this ldmatrix on the host (32-bit words of an identity layout, not transposed)}}
    %m = nvgpu.ldmatrix %tile[%tx, %c0] {numTiles = 4 : i32, transpose = true} : memref<32x8xf16, #gpu.address_space<workgroup>> -> vector<4x2xf16>
    gpu.terminator
  }
  return
}

// -----

func.func @mma_satfinite(%out: memref<32xi32>, %a: i32) {
  %c1 = arith.constant 1 : index
  %c32 = arith.constant 32 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c32, %sy = %c1, %sz = %c1) {
    // expected-error @below {{cannot run this mma.sync on the host (row x col m16n8k32 wrapping s8/u8, m16n8k16 f16/bf16 are supported)}}
    %d = nvvm.mma.sync A[%a, %a, %a, %a] B[%a, %a] C[%a, %a, %a, %a]
        {layoutA = #nvvm.mma_layout<row>, layoutB = #nvvm.mma_layout<col>,
         multiplicandAPtxType = #nvvm.mma_type<s8>, multiplicandBPtxType = #nvvm.mma_type<s8>,
         intOverflowBehavior = #nvvm.mma_int_overflow<satfinite>,
         shape = #nvvm.shape<m = 16, n = 8, k = 32>} : (i32, i32, i32) -> !llvm.struct<(i32, i32, i32, i32)>
    gpu.terminator
  }
  return
}

// -----

func.func @nvvm_op(%out: memref<32xi32>) {
  %c1 = arith.constant 1 : index
  %c32 = arith.constant 32 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c32, %sy = %c1, %sz = %c1) {
    // expected-error @below {{cannot run this kernel op on the host}}
    %lane = nvvm.read.ptx.sreg.laneid : i32
    memref.store %lane, %out[%tx] : memref<32xi32>
    gpu.terminator
  }
  return
}

// -----

// Dynamic shared memory of a constant size follows the attributions in the
// buffer (at a multiple of 128 bytes) and is what gpu.dynamic_shared_memory
// gives; wgmma groups are committed and waited for in the runtime, which
// checks that their operands stayed unchanged until the wait.

// CHECK-LABEL: func.func @dynamic_ring(
// CHECK: %[[SHARED:.*]] = memref.alloc() {alignment = 262144 : i64} : memref<4224xi8>
// CHECK: %[[BYTES:.*]] = arith.constant 4224 : index
// CHECK: %[[AT:.*]] = arith.constant 128 : index
// CHECK: %[[SIZE:.*]] = arith.constant 4096 : index
// CHECK: %[[RING:.*]] = memref.view %[[SHARED]][%[[AT]]][%[[SIZE]]] : memref<4224xi8> to memref<?xi8>
// CHECK: call @dynamic_ring_kernel0_launch({{.*}}, %[[BYTES]], %{{.*}}, %{{.*}}, %[[RING]])

// CHECK-LABEL: func.func private @dynamic_ring_kernel0(
// CHECK-SAME: %[[KRING:[a-z0-9]+]]: memref<?xi8>) attributes {quanta.kernel_on_host}
// CHECK: memref.view %[[KRING]][%{{.*}}][] : memref<?xi8> to memref<2x8x128xi32>
// CHECK: call @quanta_gpu_host_wgmma(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (i32, i32, i64, i64, i64) -> ()
// CHECK: call @quanta_gpu_host_wgmma_commit()
// CHECK: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK: call @quanta_gpu_host_wgmma_wait(%[[ONE]]) : (i32) -> ()
// CHECK: %[[NONE:.*]] = arith.constant 0 : i32
// CHECK: call @quanta_gpu_host_wgmma_wait(%[[NONE]]) : (i32) -> ()
// CHECK-NOT: llvm.inline_asm
// CHECK-NOT: gpu.dynamic_shared_memory
// CHECK: return
func.func @dynamic_ring(%out: memref<128xi32>) {
  %c1 = arith.constant 1 : index
  %c128 = arith.constant 128 : index
  %bytes = arith.constant 4096 : i32
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c128, %sy = %c1, %sz = %c1)
             dynamic_shared_memory_size %bytes
             workgroup(%word : memref<1xi32, #gpu.address_space<workgroup>>) {
    %c0 = arith.constant 0 : index
    %ring = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>
    %tiles = memref.view %ring[%c0][] : memref<?xi8, #gpu.address_space<workgroup>> to memref<2x8x128xi32, #gpu.address_space<workgroup>>
    %base = memref.extract_aligned_pointer_as_index %tiles : memref<2x8x128xi32, #gpu.address_space<workgroup>> -> index
    %address = arith.index_cast %base : index to i64
    %zero = arith.constant 0 : i32
    %d = llvm.inline_asm has_side_effects "wgmma.mma_async.sync.aligned.m64n8k32.s32.s8.s8 {$0, $1, $2, $3}, $4, $5, 1;", "=r,=r,=r,=r,l,l,0,1,2,3" %address, %address, %zero, %zero, %zero, %zero : (i64, i64, i32, i32, i32, i32) -> !llvm.struct<(i32, i32, i32, i32)>
    llvm.inline_asm has_side_effects "wgmma.commit_group.sync.aligned;", "" : () -> ()
    %d0 = llvm.extractvalue %d[0] : !llvm.struct<(i32, i32, i32, i32)>
    %d1 = llvm.extractvalue %d[1] : !llvm.struct<(i32, i32, i32, i32)>
    %d2 = llvm.extractvalue %d[2] : !llvm.struct<(i32, i32, i32, i32)>
    %d3 = llvm.extractvalue %d[3] : !llvm.struct<(i32, i32, i32, i32)>
    %e = llvm.inline_asm has_side_effects "wgmma.wait_group.sync.aligned 1;", "=r,=r,=r,=r,0,1,2,3" %d0, %d1, %d2, %d3 : (i32, i32, i32, i32) -> !llvm.struct<(i32, i32, i32, i32)>
    %e0 = llvm.extractvalue %e[0] : !llvm.struct<(i32, i32, i32, i32)>
    %e1 = llvm.extractvalue %e[1] : !llvm.struct<(i32, i32, i32, i32)>
    %e2 = llvm.extractvalue %e[2] : !llvm.struct<(i32, i32, i32, i32)>
    %e3 = llvm.extractvalue %e[3] : !llvm.struct<(i32, i32, i32, i32)>
    %f = llvm.inline_asm has_side_effects "wgmma.wait_group.sync.aligned 0;", "=r,=r,=r,=r,0,1,2,3" %e0, %e1, %e2, %e3 : (i32, i32, i32, i32) -> !llvm.struct<(i32, i32, i32, i32)>
    %f0 = llvm.extractvalue %f[0] : !llvm.struct<(i32, i32, i32, i32)>
    memref.store %f0, %out[%tx] : memref<128xi32>
    gpu.terminator
  }
  return
}

// -----

func.func @dynamic_size(%out: memref<32xi32>, %bytes: i32) {
  %c1 = arith.constant 1 : index
  %c32 = arith.constant 32 : index
  // expected-error @below {{cannot run this launch on the host: the dynamic shared memory size is not a constant}}
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c32, %sy = %c1, %sz = %c1)
             dynamic_shared_memory_size %bytes {
    gpu.barrier
    gpu.terminator
  }
  return
}

// -----

func.func @private_memory(%out: memref<32xi32>) {
  %c1 = arith.constant 1 : index
  %c32 = arith.constant 32 : index
  // expected-error @below {{cannot run this launch on the host: only synchronous launches of one block without private attributions or clusters are supported}}
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c32, %sy = %c1, %sz = %c1)
             private(%p : memref<1xi32, #gpu.address_space<private>>) {
    gpu.barrier
    gpu.terminator
  }
  return
}

// -----

func.func @too_much_shared(%out: memref<32xi32>) {
  %c1 = arith.constant 1 : index
  %c32 = arith.constant 32 : index
  // expected-error @below {{cannot run this launch on the host: more than 256 KiB of shared memory}}
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c32, %sy = %c1, %sz = %c1)
             workgroup(%tile : memref<65537xi32, #gpu.address_space<workgroup>>) {
    gpu.barrier
    gpu.terminator
  }
  return
}
