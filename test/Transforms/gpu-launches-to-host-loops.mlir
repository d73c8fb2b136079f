// RUN: quanta-opt %s --split-input-file --verify-diagnostics --quanta-gpu-launches-to-host-loops | FileCheck %s
// RUN: quanta-opt %s --split-input-file --verify-diagnostics --quanta-gpu-launches-to-host-loops=reverse=true | FileCheck %s --check-prefix=REVERSE

// A launch becomes loops over the grid, then the block; the ids and sizes
// their indices and bounds; LLVM's target-independent intrinsics stay. Device allocations become host ones, the stream
// token goes.
// CHECK-LABEL: func.func @launch
// CHECK-SAME: (%[[X:.*]]: memref<?xf32>, %[[N:.*]]: index)
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG: %[[C256:.*]] = arith.constant 256 : index
// CHECK-NOT: gpu.
// CHECK: %[[TMP:.*]] = memref.alloc(%[[N]]) : memref<?xf32>
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: scf.for %[[BX:.*]] = %[[C0]] to %[[N]] step
// CHECK: scf.for %{{.*}} = %[[C0]] to %[[C1]] step
// CHECK: scf.for %{{.*}} = %[[C0]] to %[[C1]] step
// CHECK: scf.for %[[TX:.*]] = %[[C0]] to %[[C256]] step
// CHECK: scf.for %{{.*}} = %[[C0]] to %[[C1]] step
// CHECK: scf.for %{{.*}} = %[[C0]] to %[[C1]] step
// CHECK: %[[I:.*]] = arith.muli %[[BX]], %[[C256]]
// CHECK: %[[J:.*]] = arith.addi %[[I]], %[[TX]]
// CHECK: %[[IN:.*]] = arith.cmpi ult, %[[J]], %[[N]]
// CHECK: scf.if %[[IN]]
// CHECK: %[[V:.*]] = memref.load %[[X]][%[[J]]]
// CHECK: %[[R:.*]] = llvm.call_intrinsic "llvm.roundeven"(%[[V]])
// CHECK: memref.store %[[R]], %[[TMP]][%[[J]]]
// CHECK: memref.dealloc %[[TMP]]
// CHECK-NOT: gpu.
// CHECK: return
// From the last thread: block x = n - 1 - i, thread x = 255 - j.
// REVERSE-LABEL: func.func @launch
// REVERSE-SAME: (%{{.*}}: memref<?xf32>, %[[N:.*]]: index)
// REVERSE-DAG: %[[C1:.*]] = arith.constant 1 : index
// REVERSE-DAG: %[[C256:.*]] = arith.constant 256 : index
// REVERSE: scf.for %[[I:.*]] =
// REVERSE: scf.for
// REVERSE: scf.for
// REVERSE: scf.for %[[J:.*]] =
// REVERSE: %[[NM1:.*]] = arith.subi %[[N]], %[[C1]]
// REVERSE: %[[BX:.*]] = arith.subi %[[NM1]], %[[I]]
// REVERSE: %[[M1:.*]] = arith.subi %[[C256]], %[[C1]]
// REVERSE: %[[TX:.*]] = arith.subi %[[M1]], %[[J]]
// REVERSE: arith.muli %[[BX]], %[[C256]]
func.func @launch(%x: memref<?xf32>, %n: index) {
  %c1 = arith.constant 1 : index
  %c256 = arith.constant 256 : index
  %t = gpu.wait async
  %tmp, %t1 = gpu.alloc async [%t] (%n) : memref<?xf32>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %n, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c256, %sy = %c1, %sz = %c1) {
    %dim = gpu.block_dim x
    %i = arith.muli %bx, %dim : index
    %j = arith.addi %i, %tx : index
    %in = arith.cmpi ult, %j, %n : index
    scf.if %in {
      %v = memref.load %x[%j] : memref<?xf32>
      %r = llvm.call_intrinsic "llvm.roundeven"(%v) : (f32) -> f32
      memref.store %r, %tmp[%j] : memref<?xf32>
    }
    gpu.terminator
  }
  %t2 = gpu.dealloc async [%t] %tmp : memref<?xf32>
  return
}

// -----

func.func @host_load(%x: memref<f32>) -> f32 {
  // expected-error @below {{host code reads or writes a buffer, which is device memory on a GPU}}
  %v = memref.load %x[] : memref<f32>
  return %v : f32
}

// -----

func.func @barrier(%x: memref<f32>) {
  %c1 = arith.constant 1 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
    // expected-error @below {{cannot run this kernel op on the host}}
    gpu.barrier
    gpu.terminator
  }
  return
}

// -----

func.func @async_launch(%x: memref<f32>) {
  %c1 = arith.constant 1 : index
  %t = gpu.wait async
  // expected-error @below {{cannot run this launch on the host: only synchronous launches of one block without attributions or clusters are supported}}
  %t1 = gpu.launch async [%t] blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
    gpu.terminator
  }
  return
}

// -----

func.func @host_shared(%n: index) {
  // expected-error @below {{cannot run a host-shared allocation on the host}}
  %m = gpu.alloc host_shared (%n) : memref<?xf32>
  return
}

// -----

func.func @memset(%x: memref<4xf32>, %v: f32) {
  // expected-error @below {{cannot run this op on the host}}
  gpu.memset %x, %v : memref<4xf32>, f32
  return
}

// -----

func.func @nvvm_intrinsic(%x: f32) {
  %c1 = arith.constant 1 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
    // expected-error @below {{cannot run this kernel op on the host}}
    %r = llvm.call_intrinsic "llvm.nvvm.sqrt.rn.f"(%x) : (f32) -> f32
    gpu.terminator
  }
  return
}
