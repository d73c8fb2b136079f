// RUN: quanta-opt %s --quanta-host-kernel-launchers -split-input-file -verify-diagnostics | FileCheck %s

// The launcher stores its kernel arguments into a structure on its stack and
// runs the launch with an entry that passes them to the kernel.

// CHECK: llvm.func @quanta_gpu_host_launch(i64, i64, i64, i64, i64, i64, i64, i64, !llvm.ptr, !llvm.ptr)
// CHECK-LABEL: llvm.func internal @f_kernel0_launch(
// CHECK-SAME: %[[GX:[^:]*]]: i64, %[[GY:[^:]*]]: i64, %[[GZ:[^:]*]]: i64, %[[BX:[^:]*]]: i64, %[[BY:[^:]*]]: i64, %[[BZ:[^:]*]]: i64, %[[SHARED:[^:]*]]: i64, %[[BYTES:[^:]*]]: i64, %[[P:[^:]*]]: !llvm.ptr, %[[N:[^:]*]]: i64, %[[X:[^:]*]]: f32)
// CHECK-NOT: quanta.host_kernel
// CHECK: %[[ENV:.*]] = llvm.alloca %{{.*}} x !llvm.struct<(ptr, i64, f32)>
// CHECK: %[[F0:.*]] = llvm.getelementptr %[[ENV]][0, 0]
// CHECK: llvm.store %[[P]], %[[F0]]
// CHECK: %[[F1:.*]] = llvm.getelementptr %[[ENV]][0, 1]
// CHECK: llvm.store %[[N]], %[[F1]]
// CHECK: %[[F2:.*]] = llvm.getelementptr %[[ENV]][0, 2]
// CHECK: llvm.store %[[X]], %[[F2]]
// CHECK: %[[ENTRY:.*]] = llvm.mlir.addressof @f_kernel0_entry
// CHECK: llvm.call @quanta_gpu_host_launch(%[[GX]], %[[GY]], %[[GZ]], %[[BX]], %[[BY]], %[[BZ]], %[[SHARED]], %[[BYTES]], %[[ENTRY]], %[[ENV]])
// CHECK-LABEL: llvm.func internal @f_kernel0_entry(
// CHECK-SAME: %[[E:.*]]: !llvm.ptr)
// CHECK: %[[A0:.*]] = llvm.getelementptr %[[E]][0, 0]
// CHECK: %[[V0:.*]] = llvm.load %[[A0]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[A1:.*]] = llvm.getelementptr %[[E]][0, 1]
// CHECK: %[[V1:.*]] = llvm.load %[[A1]] : !llvm.ptr -> i64
// CHECK: %[[A2:.*]] = llvm.getelementptr %[[E]][0, 2]
// CHECK: %[[V2:.*]] = llvm.load %[[A2]] : !llvm.ptr -> f32
// CHECK: llvm.call @f_kernel0(%[[V0]], %[[V1]], %[[V2]])
llvm.func @f_kernel0(%p: !llvm.ptr, %n: i64, %x: f32) attributes {quanta.kernel_on_host} {
  llvm.return
}
llvm.func @f_kernel0_launch(i64, i64, i64, i64, i64, i64, i64, i64, !llvm.ptr, i64, f32) attributes {quanta.host_kernel = @f_kernel0}

// -----

llvm.func @g_kernel0(%p: !llvm.ptr) {
  llvm.return
}
// expected-error @below {{launcher does not match its kernel @g_kernel0}}
llvm.func @g_kernel0_launch(i64, i64, i64, i64, i64, i64, i64, i64, i64) attributes {quanta.host_kernel = @g_kernel0}
