// RUN: quanta-opt %s -split-input-file --quanta-allocate-device-buffers -verify-diagnostics | FileCheck %s

// A temporary: allocated on the stream of the function's gpu.wait, freed
// before the return. The host store of a scalar becomes a kernel of one
// thread; the host load of its buffer moves into the kernel that uses it.
// CHECK-LABEL: func.func @temporaries
// CHECK: %[[S:.*]] = gpu.wait async
// CHECK: %[[T:.*]], %{{.*}} = gpu.alloc async [%[[S]]] (%{{.*}}) : memref<?xf32>
// CHECK: %[[Z:.*]], %{{.*}} = gpu.alloc async [%[[S]]] () : memref<f32>
// CHECK: gpu.launch
// CHECK-NEXT: memref.store %{{.*}}, %[[Z]][] : memref<f32>
// CHECK: gpu.launch
// CHECK: gpu.launch
// CHECK-NEXT: %[[L:.*]] = memref.load %[[Z]][] : memref<f32>
// CHECK-NEXT: %[[M:.*]] = arith.mulf %[[L]], %[[L]] : f32
// CHECK-NEXT: memref.store %[[M]], %{{.*}}[] : memref<f32>
// CHECK: gpu.dealloc async [%[[S]]] %[[T]] : memref<?xf32>
// CHECK: gpu.dealloc async [%[[S]]] %[[Z]] : memref<f32>
// CHECK-NEXT: return
func.func @temporaries(%x: memref<?xf32>, %s: f32, %out: memref<f32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %x, %c0 : memref<?xf32>
  %t = memref.alloc(%n) : memref<?xf32>
  %z = memref.alloc() : memref<f32>
  memref.store %s, %z[] : memref<f32>
  gpu.launch blocks(%b0, %b1, %b2) in (%g0 = %n, %g1 = %c1, %g2 = %c1)
             threads(%t0, %t1, %t2) in (%s0 = %c1, %s1 = %c1, %s2 = %c1) {
    %v = memref.load %x[%b0] : memref<?xf32>
    %w = memref.load %z[] : memref<f32>
    %p = arith.mulf %v, %w : f32
    memref.store %p, %t[%b0] : memref<?xf32>
    gpu.terminator
  }
  %l = memref.load %z[] : memref<f32>
  %m = arith.mulf %l, %l : f32
  gpu.launch blocks(%b0, %b1, %b2) in (%g0 = %c1, %g1 = %c1, %g2 = %c1)
             threads(%t0, %t1, %t2) in (%s0 = %c1, %s1 = %c1, %s2 = %c1) {
    memref.store %m, %out[] : memref<f32>
    gpu.terminator
  }
  return
}

// -----

// An allocation in a branch is made before it, with its size.
// CHECK-LABEL: func.func @branch
// CHECK: gpu.wait async
// CHECK: memref.dim
// CHECK-NEXT: gpu.alloc async
// CHECK: scf.if
func.func @branch(%x: memref<?xf32>, %c: i1) {
  scf.if %c {
    %c0 = arith.constant 0 : index
    %n = memref.dim %x, %c0 : memref<?xf32>
    %t = memref.alloc(%n) : memref<?xf32>
    %c1 = arith.constant 1 : index
    gpu.launch blocks(%b0, %b1, %b2) in (%g0 = %n, %g1 = %c1, %g2 = %c1)
               threads(%t0, %t1, %t2) in (%s0 = %c1, %s1 = %c1, %s2 = %c1) {
      %v = memref.load %x[%b0] : memref<?xf32>
      memref.store %v, %t[%b0] : memref<?xf32>
      gpu.terminator
    }
  }
  return
}

// -----

// An allocation in a branch inside a batch loop, of a size known before
// the loop, is made once before the loop: the iterations' kernels are
// ordered on the one stream.
// CHECK-LABEL: func.func @branch_in_loop
// CHECK: %[[S:.*]] = gpu.wait async
// CHECK: %[[N:.*]] = memref.dim
// CHECK-NEXT: %[[T:.*]], %{{.*}} = gpu.alloc async [%[[S]]] (%[[N]])
// CHECK-NEXT: scf.for
// CHECK: scf.if
// CHECK-NOT: alloc
// CHECK: gpu.dealloc async [%[[S]]] %[[T]]
// CHECK-NEXT: return
func.func @branch_in_loop(%x: memref<?xf32>, %c: i1) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  scf.for %i = %c0 to %c2 step %c1 {
    scf.if %c {
      %n = memref.dim %x, %c0 : memref<?xf32>
      %t = memref.alloc(%n) : memref<?xf32>
      gpu.launch blocks(%b0, %b1, %b2) in (%g0 = %n, %g1 = %c1, %g2 = %c1)
                 threads(%t0, %t1, %t2) in (%s0 = %c1, %s1 = %c1, %s2 = %c1) {
        %v = memref.load %x[%b0] : memref<?xf32>
        memref.store %v, %t[%b0] : memref<?xf32>
        gpu.terminator
      }
    }
  }
  return
}

// -----

func.func @size_in_loop(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    // expected-error @+1 {{this computation needs a temporary buffer of a size computed in a loop or branch of the host code, or one that a loop or branch yields}}
    %t = memref.alloc(%i) : memref<?xf32>
  }
  return
}

// -----

func.func @yielded(%c: i1, %x: memref<4xf32>) {
  %r = scf.if %c -> memref<4xf32> {
    // expected-error @+1 {{this computation needs a temporary buffer of a size computed in a loop or branch of the host code, or one that a loop or branch yields}}
    %t = memref.alloc() : memref<4xf32>
    scf.yield %t : memref<4xf32>
  } else {
    scf.yield %x : memref<4xf32>
  }
  return
}

// -----

func.func @in_parallel_loop(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    // expected-error @+1 {{this computation needs a temporary buffer inside a parallel loop of the host code}}
    %t = memref.alloc() : memref<4xf32>
    scf.reduce
  }
  return
}

// -----

func.func @host_loop_result(%x: memref<?xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %x, %c0 : memref<?xf32>
  %zero = arith.constant 0.0 : f32
  %sum = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %zero) -> f32 {
    // expected-error @+1 {{this computation would run on the host, which cannot access the GPU function's device buffers}}
    %v = memref.load %x[%i] : memref<?xf32>
    %a = arith.addf %acc, %v : f32
    scf.yield %a : f32
  }
  return %sum : f32
}

// -----

func.func @returned() -> memref<4xf32> {
  // expected-error @+1 {{a GPU function returns a buffer it allocates}}
  %t = memref.alloc() : memref<4xf32>
  return %t : memref<4xf32>
}

// -----

// Host code in a loop that launches kernels (compute_params' percentile
// bisection) moves to the device too: the host store becomes a kernel of
// one thread, the host load sinks into the kernel that uses its value.
// CHECK-LABEL: func.func @loop_body
// CHECK: scf.for
// CHECK: gpu.launch
// CHECK-NEXT: memref.store %{{.*}}, %[[ACC:.*]][] : memref<f32>
// CHECK-NEXT: gpu.terminator
// CHECK: gpu.launch
// CHECK-NEXT: %[[V:.*]] = memref.load %[[ACC]][]
// CHECK-NEXT: %[[W:.*]] = arith.addf %[[V]], %[[V]]
// CHECK-NEXT: memref.store %[[W]]
func.func @loop_body(%x: memref<?xf32>, %acc: memref<f32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %zero = arith.constant 0.0 : f32
  scf.for %i = %c0 to %c4 step %c1 {
    memref.store %zero, %acc[] : memref<f32>
    %v = memref.load %acc[] : memref<f32>
    %w = arith.addf %v, %v : f32
    gpu.launch blocks(%b0, %b1, %b2) in (%g0 = %c1, %g1 = %c1, %g2 = %c1)
               threads(%t0, %t1, %t2) in (%s0 = %c1, %s1 = %c1, %s2 = %c1) {
      memref.store %w, %x[%c0] : memref<?xf32>
      gpu.terminator
    }
  }
  return
}
