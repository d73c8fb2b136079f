// RUN: quanta-opt %s --quanta-emit-entry-points="gpu-streams=true" -split-input-file -verify-diagnostics | FileCheck %s

// GPU host code (gpu-streams): each implementation takes the stream of the
// call as a last argument and gives it to its launches; `f` creates a
// stream, calls, waits and destroys it; `f_async` passes the caller's.
// CHECK-LABEL: llvm.func @f(%{{.*}}: !llvm.ptr {llvm.noalias}, %{{.*}}: !llvm.ptr {llvm.noalias})
// CHECK:         %[[S:.*]] = llvm.call @mgpuStreamCreate() : () -> !llvm.ptr
// CHECK:         llvm.call @_quanta_impl_f({{.*}}, %[[S]])
// CHECK-NEXT:    llvm.call @mgpuStreamSynchronize(%[[S]])
// CHECK-NEXT:    llvm.call @mgpuStreamDestroy(%[[S]])
// CHECK-LABEL: llvm.func @f_async(
// CHECK-SAME:      %{{.*}}: !llvm.ptr {llvm.noalias}, %{{.*}}: !llvm.ptr {llvm.noalias}, %[[STREAM:.*]]: !llvm.ptr)
// CHECK-NOT:     mgpuStream
// CHECK:         llvm.call @_quanta_impl_f({{.*}}, %[[STREAM]])
// CHECK-NEXT:    llvm.return
// CHECK-LABEL: llvm.func internal @_quanta_impl_f(
// CHECK-SAME:      %{{.*}}: !llvm.ptr)
llvm.func @_quanta_impl_f(%a0: !llvm.ptr, %a1: !llvm.ptr, %a2: i64, %a3: i64, %a4: i64, %r0: !llvm.ptr, %r1: !llvm.ptr, %r2: i64, %r3: i64, %r4: i64) attributes {quanta.entry = "f", quanta.entry_type = (tensor<4xf32>) -> tensor<4xf32>, quanta.result_dims = []} {
  llvm.return
}

// -----

llvm.func @_quanta_impl_f() attributes {quanta.entry = "f", quanta.entry_type = () -> (), quanta.result_dims = []} {
  llvm.return
}
llvm.func @_quanta_impl_g() attributes {quanta.entry = "g", quanta.entry_type = () -> (), quanta.result_dims = []} {
  // expected-error @below {{calls GPU entry point f: calls between GPU entry points are not supported}}
  llvm.call @_quanta_impl_f() : () -> ()
  llvm.return
}
