// RUN: quanta-opt %s --pass-pipeline='builtin.module(gpu.module(quanta-align-workgroup-memory))' | FileCheck %s

// Workgroup buffers get 16-byte alignment unless they ask for more; other
// arguments keep their attributes.
// CHECK-LABEL: gpu.func @k(
// CHECK-SAME:      %{{.*}}: memref<4xi32>)
// CHECK-SAME:      workgroup(%{{.*}}: memref<2x64x20xi32, #gpu.address_space<workgroup>> {llvm.align = 16 : i64},
// CHECK-SAME:      %{{.*}}: memref<8xi8, #gpu.address_space<workgroup>> {llvm.align = 16 : i64},
// CHECK-SAME:      %{{.*}}: memref<8xi8, #gpu.address_space<workgroup>> {llvm.align = 128 : i64})
gpu.module @m {
  gpu.func @k(%o: memref<4xi32>)
      workgroup(%a: memref<2x64x20xi32, #gpu.address_space<workgroup>>,
                %b: memref<8xi8, #gpu.address_space<workgroup>> {llvm.align = 4 : i64},
                %c: memref<8xi8, #gpu.address_space<workgroup>> {llvm.align = 128 : i64}) kernel {
    gpu.return
  }
}
