// RUN: quanta-opt %s --quanta-inline-alloca-scopes --split-input-file | FileCheck %s

// A scope around an intrinsic call (no declared memory effects, which
// canonicalization counts as a possible allocation) is inlined, with its
// results.
// CHECK-LABEL: func.func @intrinsic_call
// CHECK-NOT: memref.alloca_scope
// CHECK: %[[D:.*]] = llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// CHECK: vector.store %[[D]]
// CHECK: return %[[D]]
func.func @intrinsic_call(%c: vector<16xi32>, %a: vector<16xi32>,
                          %b: vector<16xi32>, %out: memref<?xi32>,
                          %i: index) -> vector<16xi32> {
  %r = memref.alloca_scope -> vector<16xi32> {
    %d = llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"(%c, %a, %b)
        : (vector<16xi32>, vector<16xi32>, vector<16xi32>) -> vector<16xi32>
    vector.store %d, %out[%i] : memref<?xi32>, vector<16xi32>
    memref.alloca_scope.return %d : vector<16xi32>
  }
  return %r : vector<16xi32>
}

// -----

// A scope that allocates on the stack stays, also inside a loop.
// CHECK-LABEL: func.func @stack_allocation
// CHECK: scf.for
// CHECK-NEXT: memref.alloca_scope
// CHECK-NEXT: memref.alloca()
func.func @stack_allocation(%n: index, %out: memref<?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    memref.alloca_scope {
      %t = memref.alloca() : memref<4xf32>
      %v = memref.load %t[%c0] : memref<4xf32>
      memref.store %v, %out[%i] : memref<?xf32>
    }
  }
  return
}

// -----

// An allocation in a nested scope is that scope's: the outer one is
// inlined, the inner one stays.
// CHECK-LABEL: func.func @nested_scope
// CHECK-NEXT: arith.constant
// CHECK-NEXT: memref.alloca_scope {
// CHECK-NEXT: llvm.alloca
// CHECK-NOT: memref.alloca_scope
// CHECK: return
func.func @nested_scope(%out: memref<?xf32>) {
  memref.alloca_scope {
    %c1 = arith.constant 1 : i64
    memref.alloca_scope {
      %p = llvm.alloca %c1 x f32 : (i64) -> !llvm.ptr
    }
  }
  return
}
