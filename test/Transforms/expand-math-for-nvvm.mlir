// RUN: quanta-opt %s --quanta-expand-math-for-nvvm | FileCheck %s

// CHECK-LABEL: func.func @copysign
// CHECK-SAME: (%[[X:.*]]: f32, %[[Y:.*]]: f32)
// CHECK-DAG: %[[SIGN:.*]] = arith.constant -2147483648 : i32
// CHECK-DAG: %[[XB:.*]] = arith.bitcast %[[X]] : f32 to i32
// CHECK-DAG: %[[YB:.*]] = arith.bitcast %[[Y]] : f32 to i32
// CHECK: %[[XS:.*]] = arith.andi %[[XB]], %[[SIGN]] : i32
// CHECK: %[[MAG:.*]] = arith.xori %[[XB]], %[[XS]] : i32
// CHECK: %[[YS:.*]] = arith.andi %[[YB]], %[[SIGN]] : i32
// CHECK: %[[R:.*]] = arith.ori %[[MAG]], %[[YS]] : i32
// CHECK: arith.bitcast %[[R]] : i32 to f32
// CHECK-NOT: math.
func.func @copysign(%x: f32, %y: f32) -> f32 {
  %r = math.copysign %x, %y : f32
  return %r : f32
}

// CHECK-LABEL: func.func @absf
// CHECK-SAME: (%[[X:.*]]: vector<4xf16>)
// CHECK: %[[SIGN:.*]] = arith.constant dense<-32768> : vector<4xi16>
// CHECK: %[[XB:.*]] = arith.bitcast %[[X]] : vector<4xf16> to vector<4xi16>
// CHECK: %[[XS:.*]] = arith.andi %[[XB]], %[[SIGN]] : vector<4xi16>
// CHECK: %[[MAG:.*]] = arith.xori %[[XB]], %[[XS]] : vector<4xi16>
// CHECK: arith.bitcast %[[MAG]] : vector<4xi16> to vector<4xf16>
// CHECK-NOT: math.
func.func @absf(%x: vector<4xf16>) -> vector<4xf16> {
  %r = math.absf %x : vector<4xf16>
  return %r : vector<4xf16>
}

// floor through trunc: one less where trunc rounded up (negative
// non-integers).
// CHECK-LABEL: func.func @floor
// CHECK-SAME: (%[[X:.*]]: f64)
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f64
// CHECK-DAG: %[[T:.*]] = math.trunc %[[X]] : f64
// CHECK: %[[BELOW:.*]] = arith.cmpf olt, %[[X]], %[[T]] : f64
// CHECK: %[[M:.*]] = arith.subf %[[T]], %[[ONE]] : f64
// CHECK: %[[R:.*]] = arith.select %[[BELOW]], %[[M]], %[[T]] : f64
// CHECK: return %[[R]]
func.func @floor(%x: f64) -> f64 {
  %r = math.floor %x : f64
  return %r : f64
}

// CHECK-LABEL: func.func @floor_vector
// CHECK: arith.constant dense<1.000000e+00> : vector<8xf32>
// CHECK: math.trunc %{{.*}} : vector<8xf32>
// CHECK: arith.cmpf olt
// CHECK: arith.select
// CHECK-NOT: math.floor
func.func @floor_vector(%x: vector<8xf32>) -> vector<8xf32> {
  %r = math.floor %x : vector<8xf32>
  return %r : vector<8xf32>
}

// CHECK-LABEL: func.func @sqrt
// CHECK-SAME: (%[[X:.*]]: f32, %[[Y:.*]]: f64)
// CHECK: llvm.call_intrinsic "llvm.sqrt"(%[[X]]) : (f32) -> f32
// CHECK: llvm.call_intrinsic "llvm.sqrt"(%[[Y]]) : (f64) -> f64
// CHECK-NOT: math.sqrt
func.func @sqrt(%x: f32, %y: f64) -> (f32, f64) {
  %r = math.sqrt %x : f32
  %s = math.sqrt %y : f64
  return %r, %s : f32, f64
}

// Rounding as LLVM's intrinsics (PTX cvt.rni, and llvm.round's exact NVPTX
// expansion), not upstream's --math-expand-ops, which rounds 0.49999997
// to 1.
// CHECK-LABEL: func.func @round
// CHECK-SAME: (%[[X:.*]]: f32, %[[Y:.*]]: f64)
// CHECK: llvm.call_intrinsic "llvm.roundeven"(%[[X]]) : (f32) -> f32
// CHECK: llvm.call_intrinsic "llvm.round"(%[[Y]]) : (f64) -> f64
// CHECK-NOT: math.round
func.func @round(%x: f32, %y: f64) -> (f32, f64) {
  %r = math.roundeven %x : f32
  %s = math.round %y : f64
  return %r, %s : f32, f64
}
