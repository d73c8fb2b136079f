// quanta.matmul_integer (ONNX MatMulInteger, and the linalg/TOSA integer
// matmuls imported as it) on the GPU: --quanta-outline-gpu-matmul sets it
// aside for the int8 tensor-core kernel with an i32 result (the
// marker's schemes only carry the operands' signedness: no scales). Weights
// shared by the batches with no per-row zero point make one matrix of all
// rows; with per-row zero points the batches run one by one with the shared
// rhs. Execution: gpu-on-host-matmul-integer.mlir.
// RUN: quanta-opt %s --quanta-outline-gpu-matmul=chip=sm_80 | FileCheck %s
// RUN: quanta-compile %s --target=nvptx64-nvidia-cuda --gpu-arch=sm_80 --emit=ptx -o %t.ptx
// RUN: FileCheck %s --check-prefix=PTX < %t.ptx
// RUN: %if ptxas %{ %ptxas -arch=sm_80 %t.ptx -o %t.cubin %}

// CHECK-LABEL: func.func @u8s8(
// CHECK:         call @[[U8S8:__quanta_gpu_matmul_[0-9]+]](%arg0, %arg1, %arg2, %arg3, %{{.*}}) : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<i8>, tensor<?xi8>, tensor<?x?xi32>) -> tensor<?x?xi32>
// CHECK-LABEL: func.func @shared_rhs(
// CHECK-DAG:     %[[A:.*]] = tensor.collapse_shape %arg0 {{\[}}[0, 1], [2]] : tensor<?x?x?xi8> into tensor<?x?xi8>
// CHECK-DAG:     %[[ZA:.*]] = tensor.collapse_shape %arg2 [] : tensor<1xi8> into tensor<i8>
// CHECK-DAG:     %[[D:.*]] = tensor.collapse_shape %{{.*}} {{\[}}[0, 1], [2]] : tensor<?x?x?xi32> into tensor<?x?xi32>
// CHECK:         %[[Y:.*]] = call @[[SHARED:__quanta_gpu_matmul_[0-9]+]](%[[A]], %arg1, %[[ZA]], %[[D]])
// CHECK:         tensor.expand_shape %[[Y]] {{\[}}[0, 1], [2]]
// CHECK-LABEL: func.func @shared_rhs_row_zp(
// CHECK-NOT:     tensor.collapse_shape
// CHECK:         call @[[ROWZP:__quanta_gpu_matmul_[0-9]+]](%arg0, %arg1, %arg2, %{{.*}}) : (tensor<?x?x?xi8>, tensor<?x?xi8>, tensor<?xi8>, tensor<?x?x?xi32>)
// CHECK:       func.func private @[[U8S8]]({{.*}}) -> tensor<?x?xi32> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation i32>, kind = "int8", lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>, rhs_scheme = #quanta.scheme<storage = i8, expressed = f32>}}
// CHECK:       func.func private @[[SHARED]]({{.*}}) -> tensor<?x?xi32> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation i32>, kind = "int8", lhs_scheme = #quanta.scheme<storage = i8, expressed = f32>, rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, symmetric = true>}}
// CHECK:       func.func private @[[ROWZP]]({{.*}}) -> tensor<?x?x?xi32> attributes {quanta.gpu_matmul = {accumulation = #quanta<accumulation i32>, batched, kind = "int8", lhs_scheme = #quanta.scheme<storage = i8, expressed = f32>, rhs_scheme = #quanta.scheme<storage = ui8, expressed = f32, symmetric = true>}}

// PTX: mma.sync.aligned.m16n8k32.row.col.s32.u8.s8.s32
// PTX: mma.sync.aligned.m16n8k32.row.col.s32.s8.s8.s32
// PTX: mma.sync.aligned.m16n8k32.row.col.s32.s8.u8.s32

func.func @u8s8(%a: tensor<?x?xi8>, %b: tensor<?x?xi8>, %za: tensor<i8>, %zb: tensor<?xi8>) -> tensor<?x?xi32> {
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) rhs_zp(%zb) {lhs_unsigned} : (tensor<?x?xi8>, tensor<?x?xi8>, tensor<i8>, tensor<?xi8>) -> tensor<?x?xi32>
  return %y : tensor<?x?xi32>
}

func.func @shared_rhs(%a: tensor<?x?x?xi8>, %b: tensor<?x?xi8>, %za: tensor<1xi8>) -> tensor<?x?x?xi32> {
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) : (tensor<?x?x?xi8>, tensor<?x?xi8>, tensor<1xi8>) -> tensor<?x?x?xi32>
  return %y : tensor<?x?x?xi32>
}

func.func @shared_rhs_row_zp(%a: tensor<?x?x?xi8>, %b: tensor<?x?xi8>, %za: tensor<?xi8>) -> tensor<?x?x?xi32> {
  %y = quanta.matmul_integer %a, %b lhs_zp(%za) {rhs_unsigned} : (tensor<?x?x?xi8>, tensor<?x?xi8>, tensor<?xi8>) -> tensor<?x?x?xi32>
  return %y : tensor<?x?x?xi32>
}
