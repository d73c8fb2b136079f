// RUN: quanta-opt %s -quanta-expand-float-casts -split-input-file | FileCheck %s
// RUN: quanta-opt %s -quanta-expand-float-casts=via-f16=true -split-input-file | FileCheck %s --check-prefix=F16

// The canonical case, checked op by op: f32 -> f8E4M3FN on vector<16xf32>.
// Normal results round the f32 bits to 3 mantissa bits half to even (add
// 2^19 - 1 plus the kept lsb, shift by 20) and rebias 127 -> 7 (960 = 120 << 3);
// subnormal results are |x| * 2^9 rounded to an integer by adding 2^23 in f32
// (0x4B000000, whose bits are then subtracted); minui 127 sends overflow, inf
// and NaN to the NaN code; the sign is or-ed back in.

// CHECK-LABEL: func.func @truncf_f32_e4m3fn_vector(
// CHECK-SAME:      %[[X:.*]]: vector<16xf32>) -> vector<16xf8E4M3FN>
// CHECK-DAG:     %[[ABS:.*]] = arith.constant dense<2147483647> : vector<16xi32>
// CHECK-DAG:     %[[C24:.*]] = arith.constant dense<24> : vector<16xi32>
// CHECK-DAG:     %[[C128:.*]] = arith.constant dense<128> : vector<16xi32>
// CHECK-DAG:     %[[C20:.*]] = arith.constant dense<20> : vector<16xi32>
// CHECK-DAG:     %[[ONE:.*]] = arith.constant dense<1> : vector<16xi32>
// CHECK-DAG:     %[[HALF_M1:.*]] = arith.constant dense<524287> : vector<16xi32>
// CHECK-DAG:     %[[REBIAS:.*]] = arith.constant dense<960> : vector<16xi32>
// CHECK-DAG:     %[[SUB_SCALE:.*]] = arith.constant dense<5.120000e+02> : vector<16xf32>
// CHECK-DAG:     %[[MAGIC:.*]] = arith.constant dense<0x4B000000> : vector<16xf32>
// CHECK-DAG:     %[[MAGIC_BITS:.*]] = arith.constant dense<1258291200> : vector<16xi32>
// CHECK-DAG:     %[[MIN_NORMAL:.*]] = arith.constant dense<1015021568> : vector<16xi32>
// CHECK-DAG:     %[[NAN_CODE:.*]] = arith.constant dense<127> : vector<16xi32>
// CHECK-NOT:     arith.truncf
// CHECK:         %[[U:.*]] = arith.bitcast %[[X]] : vector<16xf32> to vector<16xi32>
// CHECK:         %[[A:.*]] = arith.andi %[[U]], %[[ABS]] : vector<16xi32>
// CHECK:         %[[SIGN_HI:.*]] = arith.shrui %[[U]], %[[C24]]
// CHECK:         %[[SIGN:.*]] = arith.andi %[[SIGN_HI]], %[[C128]]
// CHECK:         %[[KEPT:.*]] = arith.shrui %[[A]], %[[C20]]
// CHECK:         %[[LSB:.*]] = arith.andi %[[KEPT]], %[[ONE]]
// CHECK:         %[[BIASED:.*]] = arith.addi %[[A]], %[[HALF_M1]]
// CHECK:         %[[ROUNDED:.*]] = arith.addi %[[BIASED]], %[[LSB]]
// CHECK:         %[[NSHIFTED:.*]] = arith.shrui %[[ROUNDED]], %[[C20]]
// CHECK:         %[[NORMAL:.*]] = arith.subi %[[NSHIFTED]], %[[REBIAS]]
// CHECK:         %[[AF:.*]] = arith.bitcast %[[A]] : vector<16xi32> to vector<16xf32>
// CHECK:         %[[SCALED:.*]] = arith.mulf %[[AF]], %[[SUB_SCALE]] : vector<16xf32>
// CHECK:         %[[SUM:.*]] = arith.addf %[[SCALED]], %[[MAGIC]] : vector<16xf32>
// CHECK:         %[[SUM_BITS:.*]] = arith.bitcast %[[SUM]] : vector<16xf32> to vector<16xi32>
// CHECK:         %[[SUBNORMAL:.*]] = arith.subi %[[SUM_BITS]], %[[MAGIC_BITS]]
// CHECK:         %[[IS_NORMAL:.*]] = arith.cmpi uge, %[[A]], %[[MIN_NORMAL]]
// CHECK:         %[[MAG:.*]] = arith.select %[[IS_NORMAL]], %[[NORMAL]], %[[SUBNORMAL]] : vector<16xi1>, vector<16xi32>
// CHECK:         %[[MAG_NAN:.*]] = arith.minui %[[MAG]], %[[NAN_CODE]]
// CHECK:         %[[CODE:.*]] = arith.ori %[[MAG_NAN]], %[[SIGN]]
// CHECK:         %[[CODE8:.*]] = arith.trunci %[[CODE]] : vector<16xi32> to vector<16xi8>
// CHECK:         %[[Y:.*]] = arith.bitcast %[[CODE8]] : vector<16xi8> to vector<16xf8E4M3FN>
// CHECK-NOT:     arith.truncf
// CHECK:         return %[[Y]] : vector<16xf8E4M3FN>
func.func @truncf_f32_e4m3fn_vector(%x: vector<16xf32>) -> vector<16xf8E4M3FN> {
  %0 = arith.truncf %x : vector<16xf32> to vector<16xf8E4M3FN>
  return %0 : vector<16xf8E4M3FN>
}

// -----

// An explicit to_nearest_even rounding mode is the default one.

// CHECK-LABEL: func.func @truncf_f32_e4m3fn_scalar(
// CHECK-SAME:      %[[X:.*]]: f32) -> f8E4M3FN
// CHECK-DAG:     %[[HALF_M1:.*]] = arith.constant 524287 : i32
// CHECK-DAG:     %[[NAN_CODE:.*]] = arith.constant 127 : i32
// CHECK-NOT:     arith.truncf
// CHECK:         %[[U:.*]] = arith.bitcast %[[X]] : f32 to i32
// CHECK:         %[[A:.*]] = arith.andi %[[U]]
// CHECK:         arith.addi %[[A]], %[[HALF_M1]] : i32
// CHECK:         %[[MAG:.*]] = arith.select
// CHECK:         arith.minui %[[MAG]], %[[NAN_CODE]] : i32
// CHECK:         %[[CODE8:.*]] = arith.trunci %{{.*}} : i32 to i8
// CHECK:         %[[Y:.*]] = arith.bitcast %[[CODE8]] : i8 to f8E4M3FN
// CHECK-NOT:     arith.truncf
// CHECK:         return %[[Y]] : f8E4M3FN
func.func @truncf_f32_e4m3fn_scalar(%x: f32) -> f8E4M3FN {
  %0 = arith.truncf %x to_nearest_even : f32 to f8E4M3FN
  return %0 : f8E4M3FN
}

// -----

// E5M2: 2 mantissa bits (shift 21, half 2^20 - 1), rebias 127 -> 15
// (448 = 112 << 2), smallest normal 2^-14 (113 << 23); overflow and inf clamp
// to the inf code 124 (0x7C), NaN (|bits| > 0x7F800000) gives 126 (0x7E).

// CHECK-LABEL: func.func @truncf_f32_e5m2_vector(
// CHECK-SAME:      %[[X:.*]]: vector<16xf32>) -> vector<16xf8E5M2>
// CHECK-DAG:     %[[C21:.*]] = arith.constant dense<21> : vector<16xi32>
// CHECK-DAG:     %[[HALF_M1:.*]] = arith.constant dense<1048575> : vector<16xi32>
// CHECK-DAG:     %[[REBIAS:.*]] = arith.constant dense<448> : vector<16xi32>
// CHECK-DAG:     %[[SUB_SCALE:.*]] = arith.constant dense<6.553600e+04> : vector<16xf32>
// CHECK-DAG:     %[[MIN_NORMAL:.*]] = arith.constant dense<947912704> : vector<16xi32>
// CHECK-DAG:     %[[INF_CODE:.*]] = arith.constant dense<124> : vector<16xi32>
// CHECK-DAG:     %[[F32_INF:.*]] = arith.constant dense<2139095040> : vector<16xi32>
// CHECK-DAG:     %[[NAN_CODE:.*]] = arith.constant dense<126> : vector<16xi32>
// CHECK-NOT:     arith.truncf
// CHECK:         %[[U:.*]] = arith.bitcast %[[X]] : vector<16xf32> to vector<16xi32>
// CHECK:         %[[A:.*]] = arith.andi %[[U]]
// CHECK:         %[[IS_NAN:.*]] = arith.cmpi ugt, %[[A]], %[[F32_INF]]
// CHECK:         %[[KEPT:.*]] = arith.shrui %[[A]], %[[C21]]
// CHECK:         %[[LSB:.*]] = arith.andi %[[KEPT]]
// CHECK:         %[[BIASED:.*]] = arith.addi %[[A]], %[[HALF_M1]]
// CHECK:         %[[ROUNDED:.*]] = arith.addi %[[BIASED]], %[[LSB]]
// CHECK:         %[[NSHIFTED:.*]] = arith.shrui %[[ROUNDED]], %[[C21]]
// CHECK:         %[[NORMAL:.*]] = arith.subi %[[NSHIFTED]], %[[REBIAS]]
// CHECK:         arith.mulf %{{.*}}, %[[SUB_SCALE]]
// CHECK:         %[[IS_NORMAL:.*]] = arith.cmpi uge, %[[A]], %[[MIN_NORMAL]]
// CHECK:         %[[MAG:.*]] = arith.select %[[IS_NORMAL]], %[[NORMAL]], %{{.*}}
// CHECK:         %[[MAG_INF:.*]] = arith.minui %[[MAG]], %[[INF_CODE]]
// CHECK:         %[[MAG_NAN:.*]] = arith.select %[[IS_NAN]], %[[NAN_CODE]], %[[MAG_INF]]
// CHECK:         %[[CODE:.*]] = arith.ori %[[MAG_NAN]], %{{.*}}
// CHECK:         %[[CODE8:.*]] = arith.trunci %[[CODE]] : vector<16xi32> to vector<16xi8>
// CHECK:         %[[Y:.*]] = arith.bitcast %[[CODE8]] : vector<16xi8> to vector<16xf8E5M2>
// CHECK-NOT:     arith.truncf
// CHECK:         return %[[Y]]
func.func @truncf_f32_e5m2_vector(%x: vector<16xf32>) -> vector<16xf8E5M2> {
  %0 = arith.truncf %x : vector<16xf32> to vector<16xf8E5M2>
  return %0 : vector<16xf8E5M2>
}

// -----

// CHECK-LABEL: func.func @truncf_f32_e5m2_scalar(
// CHECK-SAME:      %[[X:.*]]: f32) -> f8E5M2
// CHECK-DAG:     %[[HALF_M1:.*]] = arith.constant 1048575 : i32
// CHECK-DAG:     %[[INF_CODE:.*]] = arith.constant 124 : i32
// CHECK-DAG:     %[[NAN_CODE:.*]] = arith.constant 126 : i32
// CHECK-NOT:     arith.truncf
// CHECK:         %[[U:.*]] = arith.bitcast %[[X]] : f32 to i32
// CHECK:         arith.addi %{{.*}}, %[[HALF_M1]] : i32
// CHECK:         arith.minui %{{.*}}, %[[INF_CODE]] : i32
// CHECK:         arith.select %{{.*}}, %[[NAN_CODE]], %{{.*}} : i32
// CHECK:         %[[CODE8:.*]] = arith.trunci %{{.*}} : i32 to i8
// CHECK:         %[[Y:.*]] = arith.bitcast %[[CODE8]] : i8 to f8E5M2
// CHECK-NOT:     arith.truncf
// CHECK:         return %[[Y]] : f8E5M2
func.func @truncf_f32_e5m2_scalar(%x: f32) -> f8E5M2 {
  %0 = arith.truncf %x : f32 to f8E5M2
  return %0 : f8E5M2
}

// -----

// f16 and bf16 sources: an exact extf to f32, then the same single rounding
// (never a truncf through another format).

// CHECK-LABEL: func.func @truncf_f16_e4m3fn_vector(
// CHECK-SAME:      %[[X:.*]]: vector<16xf16>) -> vector<16xf8E4M3FN>
// CHECK-DAG:     %[[HALF_M1:.*]] = arith.constant dense<524287> : vector<16xi32>
// CHECK-DAG:     %[[NAN_CODE:.*]] = arith.constant dense<127> : vector<16xi32>
// CHECK-NOT:     arith.truncf
// CHECK:         %[[W:.*]] = arith.extf %[[X]] : vector<16xf16> to vector<16xf32>
// CHECK:         %[[U:.*]] = arith.bitcast %[[W]] : vector<16xf32> to vector<16xi32>
// CHECK:         arith.addi %{{.*}}, %[[HALF_M1]] : vector<16xi32>
// CHECK:         arith.minui %{{.*}}, %[[NAN_CODE]] : vector<16xi32>
// CHECK:         %[[CODE8:.*]] = arith.trunci %{{.*}} : vector<16xi32> to vector<16xi8>
// CHECK:         %[[Y:.*]] = arith.bitcast %[[CODE8]] : vector<16xi8> to vector<16xf8E4M3FN>
// CHECK-NOT:     arith.truncf
// CHECK:         return %[[Y]]
func.func @truncf_f16_e4m3fn_vector(%x: vector<16xf16>) -> vector<16xf8E4M3FN> {
  %0 = arith.truncf %x : vector<16xf16> to vector<16xf8E4M3FN>
  return %0 : vector<16xf8E4M3FN>
}

// -----

// CHECK-LABEL: func.func @truncf_f16_e4m3fn_scalar(
// CHECK-SAME:      %[[X:.*]]: f16) -> f8E4M3FN
// CHECK-NOT:     arith.truncf
// CHECK:         %[[W:.*]] = arith.extf %[[X]] : f16 to f32
// CHECK:         arith.bitcast %[[W]] : f32 to i32
// CHECK:         %[[Y:.*]] = arith.bitcast %{{.*}} : i8 to f8E4M3FN
// CHECK-NOT:     arith.truncf
// CHECK:         return %[[Y]]
func.func @truncf_f16_e4m3fn_scalar(%x: f16) -> f8E4M3FN {
  %0 = arith.truncf %x : f16 to f8E4M3FN
  return %0 : f8E4M3FN
}

// -----

// CHECK-LABEL: func.func @truncf_f16_e5m2_vector(
// CHECK-SAME:      %[[X:.*]]: vector<16xf16>) -> vector<16xf8E5M2>
// CHECK-DAG:     %[[HALF_M1:.*]] = arith.constant dense<1048575> : vector<16xi32>
// CHECK-DAG:     %[[INF_CODE:.*]] = arith.constant dense<124> : vector<16xi32>
// CHECK-NOT:     arith.truncf
// CHECK:         %[[W:.*]] = arith.extf %[[X]] : vector<16xf16> to vector<16xf32>
// CHECK:         arith.bitcast %[[W]] : vector<16xf32> to vector<16xi32>
// CHECK:         arith.addi %{{.*}}, %[[HALF_M1]] : vector<16xi32>
// CHECK:         arith.minui %{{.*}}, %[[INF_CODE]] : vector<16xi32>
// CHECK:         %[[Y:.*]] = arith.bitcast %{{.*}} : vector<16xi8> to vector<16xf8E5M2>
// CHECK-NOT:     arith.truncf
// CHECK:         return %[[Y]]
func.func @truncf_f16_e5m2_vector(%x: vector<16xf16>) -> vector<16xf8E5M2> {
  %0 = arith.truncf %x : vector<16xf16> to vector<16xf8E5M2>
  return %0 : vector<16xf8E5M2>
}

// -----

// CHECK-LABEL: func.func @truncf_f16_e5m2_scalar(
// CHECK-SAME:      %[[X:.*]]: f16) -> f8E5M2
// CHECK-NOT:     arith.truncf
// CHECK:         %[[W:.*]] = arith.extf %[[X]] : f16 to f32
// CHECK:         arith.bitcast %[[W]] : f32 to i32
// CHECK:         %[[Y:.*]] = arith.bitcast %{{.*}} : i8 to f8E5M2
// CHECK-NOT:     arith.truncf
// CHECK:         return %[[Y]]
func.func @truncf_f16_e5m2_scalar(%x: f16) -> f8E5M2 {
  %0 = arith.truncf %x : f16 to f8E5M2
  return %0 : f8E5M2
}

// -----

// CHECK-LABEL: func.func @truncf_bf16_e4m3fn_vector(
// CHECK-SAME:      %[[X:.*]]: vector<16xbf16>) -> vector<16xf8E4M3FN>
// CHECK-DAG:     %[[HALF_M1:.*]] = arith.constant dense<524287> : vector<16xi32>
// CHECK-NOT:     arith.truncf
// CHECK:         %[[XB:.*]] = arith.bitcast %[[X]] : vector<16xbf16> to vector<16xi16>
// CHECK:         %[[XW:.*]] = arith.extui %[[XB]] : vector<16xi16> to vector<16xi32>
// CHECK:         %[[XS:.*]] = arith.shli %[[XW]], %{{.*}} : vector<16xi32>
// CHECK:         %[[W:.*]] = arith.bitcast %[[XS]] : vector<16xi32> to vector<16xf32>
// CHECK:         arith.bitcast %[[W]] : vector<16xf32> to vector<16xi32>
// CHECK:         arith.addi %{{.*}}, %[[HALF_M1]] : vector<16xi32>
// CHECK:         %[[Y:.*]] = arith.bitcast %{{.*}} : vector<16xi8> to vector<16xf8E4M3FN>
// CHECK-NOT:     arith.truncf
// CHECK:         return %[[Y]]
func.func @truncf_bf16_e4m3fn_vector(%x: vector<16xbf16>) -> vector<16xf8E4M3FN> {
  %0 = arith.truncf %x : vector<16xbf16> to vector<16xf8E4M3FN>
  return %0 : vector<16xf8E4M3FN>
}

// -----

// CHECK-LABEL: func.func @truncf_bf16_e4m3fn_scalar(
// CHECK-SAME:      %[[X:.*]]: bf16) -> f8E4M3FN
// CHECK-NOT:     arith.truncf
// CHECK:         %[[XB:.*]] = arith.bitcast %[[X]] : bf16 to i16
// CHECK:         %[[XW:.*]] = arith.extui %[[XB]] : i16 to i32
// CHECK:         %[[XS:.*]] = arith.shli %[[XW]], %{{.*}} : i32
// CHECK:         %[[W:.*]] = arith.bitcast %[[XS]] : i32 to f32
// CHECK:         arith.bitcast %[[W]] : f32 to i32
// CHECK:         %[[Y:.*]] = arith.bitcast %{{.*}} : i8 to f8E4M3FN
// CHECK-NOT:     arith.truncf
// CHECK:         return %[[Y]]
func.func @truncf_bf16_e4m3fn_scalar(%x: bf16) -> f8E4M3FN {
  %0 = arith.truncf %x : bf16 to f8E4M3FN
  return %0 : f8E4M3FN
}

// -----

// CHECK-LABEL: func.func @truncf_bf16_e5m2_vector(
// CHECK-SAME:      %[[X:.*]]: vector<16xbf16>) -> vector<16xf8E5M2>
// CHECK-DAG:     %[[HALF_M1:.*]] = arith.constant dense<1048575> : vector<16xi32>
// CHECK-NOT:     arith.truncf
// CHECK:         %[[XB:.*]] = arith.bitcast %[[X]] : vector<16xbf16> to vector<16xi16>
// CHECK:         %[[XW:.*]] = arith.extui %[[XB]] : vector<16xi16> to vector<16xi32>
// CHECK:         %[[XS:.*]] = arith.shli %[[XW]], %{{.*}} : vector<16xi32>
// CHECK:         %[[W:.*]] = arith.bitcast %[[XS]] : vector<16xi32> to vector<16xf32>
// CHECK:         arith.bitcast %[[W]] : vector<16xf32> to vector<16xi32>
// CHECK:         arith.addi %{{.*}}, %[[HALF_M1]] : vector<16xi32>
// CHECK:         %[[Y:.*]] = arith.bitcast %{{.*}} : vector<16xi8> to vector<16xf8E5M2>
// CHECK-NOT:     arith.truncf
// CHECK:         return %[[Y]]
func.func @truncf_bf16_e5m2_vector(%x: vector<16xbf16>) -> vector<16xf8E5M2> {
  %0 = arith.truncf %x : vector<16xbf16> to vector<16xf8E5M2>
  return %0 : vector<16xf8E5M2>
}

// -----

// CHECK-LABEL: func.func @truncf_bf16_e5m2_scalar(
// CHECK-SAME:      %[[X:.*]]: bf16) -> f8E5M2
// CHECK-NOT:     arith.truncf
// CHECK:         %[[XB:.*]] = arith.bitcast %[[X]] : bf16 to i16
// CHECK:         %[[XW:.*]] = arith.extui %[[XB]] : i16 to i32
// CHECK:         %[[XS:.*]] = arith.shli %[[XW]], %{{.*}} : i32
// CHECK:         %[[W:.*]] = arith.bitcast %[[XS]] : i32 to f32
// CHECK:         arith.bitcast %[[W]] : f32 to i32
// CHECK:         %[[Y:.*]] = arith.bitcast %{{.*}} : i8 to f8E5M2
// CHECK-NOT:     arith.truncf
// CHECK:         return %[[Y]]
func.func @truncf_bf16_e5m2_scalar(%x: bf16) -> f8E5M2 {
  %0 = arith.truncf %x : bf16 to f8E5M2
  return %0 : f8E5M2
}

// -----

// Statically shaped tensors are expanded too (the ops are elementwise).

// CHECK-LABEL: func.func @truncf_f32_e4m3fn_tensor(
// CHECK-SAME:      %[[X:.*]]: tensor<4x8xf32>) -> tensor<4x8xf8E4M3FN>
// CHECK-DAG:     arith.constant dense<524287> : tensor<4x8xi32>
// CHECK-NOT:     arith.truncf
// CHECK:         arith.bitcast %[[X]] : tensor<4x8xf32> to tensor<4x8xi32>
// CHECK:         %[[Y:.*]] = arith.bitcast %{{.*}} : tensor<4x8xi8> to tensor<4x8xf8E4M3FN>
// CHECK:         return %[[Y]]
func.func @truncf_f32_e4m3fn_tensor(%x: tensor<4x8xf32>) -> tensor<4x8xf8E4M3FN> {
  %0 = arith.truncf %x : tensor<4x8xf32> to tensor<4x8xf8E4M3FN>
  return %0 : tensor<4x8xf8E4M3FN>
}

// -----

// The truncf of a saturating clamp (what quanta.cast {saturate} and the FP8
// quantizations build: copysign(minimumf(maximumf(x, -448), 448), x)) is the
// saturating encoding of x: the magnitude bits are clamped to 448's
// (0x43E00000) by one minui, NaN (|bits| > 0x7F800000) gives the NaN code,
// and the float clamp is gone.

// CHECK-LABEL: func.func @truncf_saturating_e4m3fn(
// CHECK-SAME:      %[[X:.*]]: vector<16xf32>) -> vector<16xf8E4M3FN>
// CHECK-DAG:     %[[F32_INF:.*]] = arith.constant dense<2139095040> : vector<16xi32>
// CHECK-DAG:     %[[MAX_BITS:.*]] = arith.constant dense<1138753536> : vector<16xi32>
// CHECK-DAG:     %[[NAN_CODE:.*]] = arith.constant dense<127> : vector<16xi32>
// CHECK-NOT:     arith.maximumf
// CHECK-NOT:     arith.minimumf
// CHECK-NOT:     math.copysign
// CHECK:         %[[U:.*]] = arith.bitcast %[[X]] : vector<16xf32> to vector<16xi32>
// CHECK:         %[[A:.*]] = arith.andi %[[U]]
// CHECK:         %[[IS_NAN:.*]] = arith.cmpi ugt, %[[A]], %[[F32_INF]]
// CHECK:         %[[SAT:.*]] = arith.minui %[[A]], %[[MAX_BITS]]
// CHECK:         %[[MAG:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : vector<16xi1>, vector<16xi32>
// CHECK-NOT:     arith.minui
// CHECK:         %[[MAG_NAN:.*]] = arith.select %[[IS_NAN]], %[[NAN_CODE]], %[[MAG]]
// CHECK:         arith.ori %[[MAG_NAN]]
// CHECK-NOT:     arith.truncf
// CHECK-NOT:     math.copysign
func.func @truncf_saturating_e4m3fn(%x: vector<16xf32>) -> vector<16xf8E4M3FN> {
  %lo = arith.constant dense<-448.0> : vector<16xf32>
  %hi = arith.constant dense<448.0> : vector<16xf32>
  %0 = arith.maximumf %x, %lo : vector<16xf32>
  %1 = arith.minimumf %0, %hi : vector<16xf32>
  %2 = math.copysign %1, %x : vector<16xf32>
  %3 = arith.truncf %2 : vector<16xf32> to vector<16xf8E4M3FN>
  return %3 : vector<16xf8E4M3FN>
}

// -----

// E5M2: the clamp is to 57344 (0x47600000); NaN gives the quiet NaN code 126.

// CHECK-LABEL: func.func @truncf_saturating_e5m2(
// CHECK-DAG:     %[[MAX_BITS:.*]] = arith.constant 1197473792 : i32
// CHECK-DAG:     %[[NAN_CODE:.*]] = arith.constant 126 : i32
// CHECK-NOT:     arith.maximumf
// CHECK:         %[[IS_NAN:.*]] = arith.cmpi ugt
// CHECK:         arith.minui %{{.*}}, %[[MAX_BITS]] : i32
// CHECK-NOT:     arith.minui
// CHECK:         arith.select %[[IS_NAN]], %[[NAN_CODE]], %{{.*}} : i32
func.func @truncf_saturating_e5m2(%x: f32) -> f8E5M2 {
  %lo = arith.constant -57344.0 : f32
  %hi = arith.constant 57344.0 : f32
  %0 = arith.maximumf %x, %lo : f32
  %1 = arith.minimumf %0, %hi : f32
  %2 = math.copysign %1, %x : f32
  %3 = arith.truncf %2 : f32 to f8E5M2
  return %3 : f8E5M2
}

// -----

// A clamp to another bound (240, E4M3's finite maximum in other variants) is
// not the format's saturation: it stays, and its result is encoded as any
// value (overflow to the NaN code by the final minui 127).

// CHECK-LABEL: func.func @truncf_other_clamp(
// CHECK:         arith.maximumf
// CHECK:         arith.minimumf
// CHECK:         %[[C:.*]] = math.copysign
// CHECK:         arith.bitcast %[[C]] : f32 to i32
// CHECK:         arith.minui %{{.*}}, %{{.*}} : i32
// CHECK-NEXT:    arith.ori
func.func @truncf_other_clamp(%x: f32) -> f8E4M3FN {
  %lo = arith.constant -240.0 : f32
  %hi = arith.constant 240.0 : f32
  %0 = arith.maximumf %x, %lo : f32
  %1 = arith.minimumf %0, %hi : f32
  %2 = math.copysign %1, %x : f32
  %3 = arith.truncf %2 : f32 to f8E4M3FN
  return %3 : f8E4M3FN
}

// -----

// extf, the canonical case op by op: f8E4M3FN -> f32 on vector<16x...>.
// Normal codes: mag << 20 plus the rebias 120 << 23 (1006632960). Subnormal
// codes (mag < 8): lz = (man < 2) + (man < 4) leading zeros, exponent field
// 119 - lz, man shifted by lz + 21 so that its leading one lands on bit 23.
// Zero stays zero, 0x7F becomes the quiet NaN 0x7FC00000, then the sign.

// CHECK-LABEL: func.func @extf_e4m3fn_f32_vector(
// CHECK-SAME:      %[[X:.*]]: vector<16xf8E4M3FN>) -> vector<16xf32>
// CHECK-DAG:     %[[C128:.*]] = arith.constant dense<128> : vector<16xi32>
// CHECK-DAG:     %[[C24:.*]] = arith.constant dense<24> : vector<16xi32>
// CHECK-DAG:     %[[C127:.*]] = arith.constant dense<127> : vector<16xi32>
// CHECK-DAG:     %[[C20:.*]] = arith.constant dense<20> : vector<16xi32>
// CHECK-DAG:     %[[REBIAS:.*]] = arith.constant dense<1006632960> : vector<16xi32>
// CHECK-DAG:     %[[C7:.*]] = arith.constant dense<7> : vector<16xi32>
// CHECK-DAG:     %[[C2:.*]] = arith.constant dense<2> : vector<16xi32>
// CHECK-DAG:     %[[C4:.*]] = arith.constant dense<4> : vector<16xi32>
// CHECK-DAG:     %[[C119:.*]] = arith.constant dense<119> : vector<16xi32>
// CHECK-DAG:     %[[C23:.*]] = arith.constant dense<23> : vector<16xi32>
// CHECK-DAG:     %[[C21:.*]] = arith.constant dense<21> : vector<16xi32>
// CHECK-DAG:     %[[C8:.*]] = arith.constant dense<8> : vector<16xi32>
// CHECK-DAG:     %[[ZERO:.*]] = arith.constant dense<0> : vector<16xi32>
// CHECK-DAG:     %[[QNAN:.*]] = arith.constant dense<2143289344> : vector<16xi32>
// CHECK-NOT:     arith.extf
// CHECK:         %[[C:.*]] = arith.bitcast %[[X]] : vector<16xf8E4M3FN> to vector<16xi8>
// CHECK:         %[[C32:.*]] = arith.extui %[[C]] : vector<16xi8> to vector<16xi32>
// CHECK:         %[[SB:.*]] = arith.andi %[[C32]], %[[C128]]
// CHECK:         %[[SIGN:.*]] = arith.shli %[[SB]], %[[C24]]
// CHECK:         %[[MAG:.*]] = arith.andi %[[C32]], %[[C127]]
// CHECK:         %[[MSH:.*]] = arith.shli %[[MAG]], %[[C20]]
// CHECK:         %[[NORMAL:.*]] = arith.addi %[[MSH]], %[[REBIAS]]
// CHECK:         %[[MAN:.*]] = arith.andi %[[MAG]], %[[C7]]
// CHECK:         %[[LT2:.*]] = arith.cmpi ult, %[[MAN]], %[[C2]]
// CHECK:         %[[LT2I:.*]] = arith.extui %[[LT2]] : vector<16xi1> to vector<16xi32>
// CHECK:         %[[LT4:.*]] = arith.cmpi ult, %[[MAN]], %[[C4]]
// CHECK:         %[[LT4I:.*]] = arith.extui %[[LT4]] : vector<16xi1> to vector<16xi32>
// CHECK:         %[[LZ:.*]] = arith.addi %[[LT2I]], %[[LT4I]]
// CHECK:         %[[EXP:.*]] = arith.subi %[[C119]], %[[LZ]]
// CHECK:         %[[EXPSH:.*]] = arith.shli %[[EXP]], %[[C23]]
// CHECK:         %[[SH:.*]] = arith.addi %[[LZ]], %[[C21]]
// CHECK:         %[[MANSH:.*]] = arith.shli %[[MAN]], %[[SH]]
// CHECK:         %[[SUBNORMAL:.*]] = arith.addi %[[EXPSH]], %[[MANSH]]
// CHECK:         %[[IS_SUB:.*]] = arith.cmpi ult, %[[MAG]], %[[C8]]
// CHECK:         %[[B0:.*]] = arith.select %[[IS_SUB]], %[[SUBNORMAL]], %[[NORMAL]]
// CHECK:         %[[IS_ZERO:.*]] = arith.cmpi eq, %[[MAG]], %[[ZERO]]
// CHECK:         %[[B1:.*]] = arith.select %[[IS_ZERO]], %[[ZERO]], %[[B0]]
// CHECK:         %[[IS_NAN:.*]] = arith.cmpi eq, %[[MAG]], %[[C127]]
// CHECK:         %[[B2:.*]] = arith.select %[[IS_NAN]], %[[QNAN]], %[[B1]]
// CHECK:         %[[BITS:.*]] = arith.ori %[[B2]], %[[SIGN]]
// CHECK:         %[[Y:.*]] = arith.bitcast %[[BITS]] : vector<16xi32> to vector<16xf32>
// CHECK-NOT:     arith.extf
// CHECK:         return %[[Y]] : vector<16xf32>
func.func @extf_e4m3fn_f32_vector(%x: vector<16xf8E4M3FN>) -> vector<16xf32> {
  %0 = arith.extf %x : vector<16xf8E4M3FN> to vector<16xf32>
  return %0 : vector<16xf32>
}

// -----

// CHECK-LABEL: func.func @extf_e4m3fn_f32_scalar(
// CHECK-SAME:      %[[X:.*]]: f8E4M3FN) -> f32
// CHECK-DAG:     %[[REBIAS:.*]] = arith.constant 1006632960 : i32
// CHECK-NOT:     arith.extf
// CHECK:         %[[C:.*]] = arith.bitcast %[[X]] : f8E4M3FN to i8
// CHECK:         arith.extui %[[C]] : i8 to i32
// CHECK:         arith.addi %{{.*}}, %[[REBIAS]] : i32
// CHECK:         %[[Y:.*]] = arith.bitcast %{{.*}} : i32 to f32
// CHECK-NOT:     arith.extf
// CHECK:         return %[[Y]] : f32
func.func @extf_e4m3fn_f32_scalar(%x: f8E4M3FN) -> f32 {
  %0 = arith.extf %x : f8E4M3FN to f32
  return %0 : f32
}

// -----

// E5M2: rebias 112 << 23, one leading-zero compare (man < 2), and the IEEE
// specials: 0x7C is inf, above it NaN.

// CHECK-LABEL: func.func @extf_e5m2_f32_vector(
// CHECK-SAME:      %[[X:.*]]: vector<16xf8E5M2>) -> vector<16xf32>
// CHECK-DAG:     %[[REBIAS:.*]] = arith.constant dense<939524096> : vector<16xi32>
// CHECK-DAG:     %[[INF_CODE:.*]] = arith.constant dense<124> : vector<16xi32>
// CHECK-DAG:     %[[F32_INF:.*]] = arith.constant dense<2139095040> : vector<16xi32>
// CHECK-DAG:     %[[QNAN:.*]] = arith.constant dense<2143289344> : vector<16xi32>
// CHECK-NOT:     arith.extf
// CHECK:         %[[C:.*]] = arith.bitcast %[[X]] : vector<16xf8E5M2> to vector<16xi8>
// CHECK:         arith.addi %{{.*}}, %[[REBIAS]]
// CHECK:         %[[IS_INF:.*]] = arith.cmpi eq, %[[MAG:.*]], %[[INF_CODE]]
// CHECK:         %[[B0:.*]] = arith.select %[[IS_INF]], %[[F32_INF]], %{{.*}}
// CHECK:         %[[IS_NAN:.*]] = arith.cmpi ugt, %[[MAG]], %[[INF_CODE]]
// CHECK:         %[[B1:.*]] = arith.select %[[IS_NAN]], %[[QNAN]], %[[B0]]
// CHECK:         %[[BITS:.*]] = arith.ori %[[B1]], %{{.*}}
// CHECK:         %[[Y:.*]] = arith.bitcast %[[BITS]] : vector<16xi32> to vector<16xf32>
// CHECK-NOT:     arith.extf
// CHECK:         return %[[Y]]
func.func @extf_e5m2_f32_vector(%x: vector<16xf8E5M2>) -> vector<16xf32> {
  %0 = arith.extf %x : vector<16xf8E5M2> to vector<16xf32>
  return %0 : vector<16xf32>
}

// -----

// CHECK-LABEL: func.func @extf_e5m2_f32_scalar(
// CHECK-SAME:      %[[X:.*]]: f8E5M2) -> f32
// CHECK-DAG:     %[[REBIAS:.*]] = arith.constant 939524096 : i32
// CHECK-NOT:     arith.extf
// CHECK:         arith.bitcast %[[X]] : f8E5M2 to i8
// CHECK:         arith.addi %{{.*}}, %[[REBIAS]] : i32
// CHECK:         %[[Y:.*]] = arith.bitcast %{{.*}} : i32 to f32
// CHECK-NOT:     arith.extf
// CHECK:         return %[[Y]]
func.func @extf_e5m2_f32_scalar(%x: f8E5M2) -> f32 {
  %0 = arith.extf %x : f8E5M2 to f32
  return %0 : f32
}

// -----

// To f16: decode to f32 bits, then an exact truncf f32 -> f16.

// CHECK-LABEL: func.func @extf_e4m3fn_f16_vector(
// CHECK-SAME:      %[[X:.*]]: vector<16xf8E4M3FN>) -> vector<16xf16>
// CHECK-NOT:     arith.extf
// CHECK:         arith.bitcast %[[X]] : vector<16xf8E4M3FN> to vector<16xi8>
// CHECK:         %[[F:.*]] = arith.bitcast %{{.*}} : vector<16xi32> to vector<16xf32>
// CHECK:         %[[Y:.*]] = arith.truncf %[[F]] : vector<16xf32> to vector<16xf16>
// CHECK-NOT:     arith.extf
// CHECK:         return %[[Y]]
func.func @extf_e4m3fn_f16_vector(%x: vector<16xf8E4M3FN>) -> vector<16xf16> {
  %0 = arith.extf %x : vector<16xf8E4M3FN> to vector<16xf16>
  return %0 : vector<16xf16>
}

// -----

// CHECK-LABEL: func.func @extf_e5m2_f16_scalar(
// CHECK-SAME:      %[[X:.*]]: f8E5M2) -> f16
// CHECK-NOT:     arith.extf
// CHECK:         arith.bitcast %[[X]] : f8E5M2 to i8
// CHECK:         %[[F:.*]] = arith.bitcast %{{.*}} : i32 to f32
// CHECK:         %[[Y:.*]] = arith.truncf %[[F]] : f32 to f16
// CHECK-NOT:     arith.extf
// CHECK:         return %[[Y]]
func.func @extf_e5m2_f16_scalar(%x: f8E5M2) -> f16 {
  %0 = arith.extf %x : f8E5M2 to f16
  return %0 : f16
}

// -----

// To bf16: every FP8 value's f32 bits end in 16 zero bits, so bf16 is the
// high half (no float op at all).

// CHECK-LABEL: func.func @extf_e4m3fn_bf16_vector(
// CHECK-SAME:      %[[X:.*]]: vector<16xf8E4M3FN>) -> vector<16xbf16>
// CHECK-DAG:     %[[C16:.*]] = arith.constant dense<16> : vector<16xi32>
// CHECK-NOT:     arith.extf
// CHECK:         arith.bitcast %[[X]] : vector<16xf8E4M3FN> to vector<16xi8>
// CHECK:         %[[BITS:.*]] = arith.ori
// CHECK:         %[[HI:.*]] = arith.shrui %[[BITS]], %[[C16]]
// CHECK:         %[[H:.*]] = arith.trunci %[[HI]] : vector<16xi32> to vector<16xi16>
// CHECK:         %[[Y:.*]] = arith.bitcast %[[H]] : vector<16xi16> to vector<16xbf16>
// CHECK-NOT:     arith.extf
// CHECK:         return %[[Y]]
func.func @extf_e4m3fn_bf16_vector(%x: vector<16xf8E4M3FN>) -> vector<16xbf16> {
  %0 = arith.extf %x : vector<16xf8E4M3FN> to vector<16xbf16>
  return %0 : vector<16xbf16>
}

// -----

// CHECK-LABEL: func.func @extf_e5m2_bf16_scalar(
// CHECK-SAME:      %[[X:.*]]: f8E5M2) -> bf16
// CHECK-NOT:     arith.extf
// CHECK:         arith.bitcast %[[X]] : f8E5M2 to i8
// CHECK:         %[[H:.*]] = arith.trunci %{{.*}} : i32 to i16
// CHECK:         %[[Y:.*]] = arith.bitcast %[[H]] : i16 to bf16
// CHECK:         return %[[Y]]
func.func @extf_e5m2_bf16_scalar(%x: f8E5M2) -> bf16 {
  %0 = arith.extf %x : f8E5M2 to bf16
  return %0 : bf16
}

// -----

// To f64 (beyond the contract, exact): decode to f32, then extf f32 -> f64.

// CHECK-LABEL: func.func @extf_e5m2_f64_vector(
// CHECK-SAME:      %[[X:.*]]: vector<16xf8E5M2>) -> vector<16xf64>
// CHECK:         arith.bitcast %[[X]] : vector<16xf8E5M2> to vector<16xi8>
// CHECK:         %[[F:.*]] = arith.bitcast %{{.*}} : vector<16xi32> to vector<16xf32>
// CHECK:         %[[Y:.*]] = arith.extf %[[F]] : vector<16xf32> to vector<16xf64>
// CHECK:         return %[[Y]]
func.func @extf_e5m2_f64_vector(%x: vector<16xf8E5M2>) -> vector<16xf64> {
  %0 = arith.extf %x : vector<16xf8E5M2> to vector<16xf64>
  return %0 : vector<16xf64>
}

// -----

// Casts that do not involve f8E4M3FN/f8E5M2 are left alone.

// CHECK-LABEL: func.func @untouched(
// CHECK:         arith.truncf %{{.*}} : f32 to f16
// CHECK:         arith.extf %{{.*}} : f16 to f32
// CHECK:         arith.truncf %{{.*}} : f32 to f8E4M3FNUZ
// CHECK:         arith.extf %{{.*}} : f8E5M2FNUZ to f32
func.func @untouched(%x: f32, %h: f16, %z: f8E5M2FNUZ) -> (f16, f32, f8E4M3FNUZ, f32) {
  %0 = arith.truncf %x : f32 to f16
  %1 = arith.extf %h : f16 to f32
  %2 = arith.truncf %x : f32 to f8E4M3FNUZ
  %3 = arith.extf %z : f8E5M2FNUZ to f32
  return %0, %1, %2, %3 : f16, f32, f8E4M3FNUZ, f32
}

// -----

// With via-f16, extf from FP8 to f32 on vectors goes through f16: E5M2 codes
// are the high byte of the f16; E4M3FN codes, sign-extended, shifted left by
// 7 with bit 14 cleared, are the f16 of the value times 2^-8, which the
// multiply by 256 after the extf undoes; NaN codes become the quiet NaN
// with the code's sign through the f16 quiet NaN s|0x7E00, which the extf
// widens: E5M2 ones (magnitude above 0x7C) by a select of 0x7E00 (32256)
// with the sign; E4M3FN ones (magnitude 0x7F, bits s|0x3F80 after the shift)
// by adding 0x3E80 (16000) to the bits, one merge-masked add on x86.
// Scalars and other destinations keep the integer expansion.

// F16-LABEL: func.func @via_f16(
// F16-SAME:      %[[X:.*]]: vector<16xf8E4M3FN>, %[[Y:.*]]: vector<16xf8E5M2>, %[[S:.*]]: f8E4M3FN)
// F16-DAG:     %[[C8:.*]] = arith.constant dense<8> : vector<16xi16>
// F16-DAG:     %[[MAG:.*]] = arith.constant dense<127> : vector<16xi16>
// F16-DAG:     %[[C7:.*]] = arith.constant dense<7> : vector<16xi16>
// F16-DAG:     %[[CLEAR14:.*]] = arith.constant dense<-16385> : vector<16xi16>
// F16-DAG:     %[[SIGN:.*]] = arith.constant dense<-32768> : vector<16xi16>
// F16-DAG:     %[[QNAN:.*]] = arith.constant dense<32256> : vector<16xi16>
// F16-DAG:     %[[C256:.*]] = arith.constant dense<2.560000e+02> : vector<16xf32>
// F16-DAG:     %[[INF:.*]] = arith.constant dense<124> : vector<16xi16>
// F16-DAG:     %[[TONAN:.*]] = arith.constant dense<16000> : vector<16xi16>
// F16:         %[[XC:.*]] = arith.bitcast %[[X]] : vector<16xf8E4M3FN> to vector<16xi8>
// F16:         %[[XW:.*]] = arith.extsi %[[XC]] : vector<16xi8> to vector<16xi16>
// F16:         %[[XH:.*]] = arith.shli %[[XW]], %[[C7]] : vector<16xi16>
// F16:         %[[XM:.*]] = arith.andi %[[XW]], %[[MAG]] : vector<16xi16>
// F16:         %[[XB:.*]] = arith.andi %[[XH]], %[[CLEAR14]] : vector<16xi16>
// F16:         %[[XNAN:.*]] = arith.cmpi eq, %[[XM]], %[[MAG]] : vector<16xi16>
// F16:         %[[XN:.*]] = arith.addi %[[XB]], %[[TONAN]] : vector<16xi16>
// F16:         %[[XR:.*]] = arith.select %[[XNAN]], %[[XN]], %[[XB]] : vector<16xi1>, vector<16xi16>
// F16:         %[[XF16:.*]] = arith.bitcast %[[XR]] : vector<16xi16> to vector<16xf16>
// F16:         %[[XE:.*]] = arith.extf %[[XF16]] : vector<16xf16> to vector<16xf32>
// F16:         %[[XV:.*]] = arith.mulf %[[XE]], %[[C256]] : vector<16xf32>
// F16:         %[[YC:.*]] = arith.bitcast %[[Y]] : vector<16xf8E5M2> to vector<16xi8>
// F16:         %[[YW:.*]] = arith.extsi %[[YC]] : vector<16xi8> to vector<16xi16>
// F16:         %[[YH:.*]] = arith.shli %[[YW]], %[[C8]] : vector<16xi16>
// F16:         %[[YM:.*]] = arith.andi %[[YW]], %[[MAG]] : vector<16xi16>
// F16:         %[[YNAN:.*]] = arith.cmpi ugt, %[[YM]], %[[INF]] : vector<16xi16>
// F16:         %[[YSG:.*]] = arith.andi %[[YH]], %[[SIGN]] : vector<16xi16>
// F16:         %[[YN:.*]] = arith.ori %[[YSG]], %[[QNAN]] : vector<16xi16>
// F16:         %[[YR:.*]] = arith.select %[[YNAN]], %[[YN]], %[[YH]] : vector<16xi1>, vector<16xi16>
// F16:         %[[YF16:.*]] = arith.bitcast %[[YR]] : vector<16xi16> to vector<16xf16>
// F16:         %[[YE:.*]] = arith.extf %[[YF16]] : vector<16xf16> to vector<16xf32>
// F16-NOT:     arith.mulf
// F16-NOT:     arith.extf %{{.*}} : f8E4M3FN
// F16:         return %[[XV]], %[[YE]],
func.func @via_f16(%x: vector<16xf8E4M3FN>, %y: vector<16xf8E5M2>, %s: f8E4M3FN) -> (vector<16xf32>, vector<16xf32>, f32, vector<16xf16>) {
  %0 = arith.extf %x : vector<16xf8E4M3FN> to vector<16xf32>
  %1 = arith.extf %y : vector<16xf8E5M2> to vector<16xf32>
  %2 = arith.extf %s : f8E4M3FN to f32
  %3 = arith.extf %x : vector<16xf8E4M3FN> to vector<16xf16>
  return %0, %1, %2, %3 : vector<16xf32>, vector<16xf32>, f32, vector<16xf16>
}

// -----

// extf from bf16 to f32: the bits shifted into the high half (no bf16
// vector arithmetic for the x86 backend to promote).
// CHECK-LABEL: func.func @extf_bf16_f32(
// CHECK-SAME:      %[[X:.*]]: vector<16xbf16>, %[[S:.*]]: bf16)
// CHECK-DAG:     %[[C16:.*]] = arith.constant dense<16> : vector<16xi32>
// CHECK-DAG:     %[[C16S:.*]] = arith.constant 16 : i32
// CHECK:         %[[XB:.*]] = arith.bitcast %[[X]] : vector<16xbf16> to vector<16xi16>
// CHECK:         %[[XW:.*]] = arith.extui %[[XB]] : vector<16xi16> to vector<16xi32>
// CHECK:         %[[XS:.*]] = arith.shli %[[XW]], %[[C16]] : vector<16xi32>
// CHECK:         %[[XF:.*]] = arith.bitcast %[[XS]] : vector<16xi32> to vector<16xf32>
// CHECK:         %[[SB:.*]] = arith.bitcast %[[S]] : bf16 to i16
// CHECK:         %[[SW:.*]] = arith.extui %[[SB]] : i16 to i32
// CHECK:         %[[SS:.*]] = arith.shli %[[SW]], %[[C16S]] : i32
// CHECK:         %[[SF:.*]] = arith.bitcast %[[SS]] : i32 to f32
// CHECK-NOT:     arith.extf
// CHECK:         return %[[XF]], %[[SF]]
func.func @extf_bf16_f32(%x: vector<16xbf16>, %s: bf16) -> (vector<16xf32>, f32) {
  %0 = arith.extf %x : vector<16xbf16> to vector<16xf32>
  %1 = arith.extf %s : bf16 to f32
  return %0, %1 : vector<16xf32>, f32
}

// -----

// The extf of a splat of a 16-bit float: the scalar is extended, then
// splatted.
// CHECK-LABEL: func.func @extf_of_splat(
// CHECK-SAME:      %[[B:.*]]: bf16, %[[H:.*]]: f16)
// CHECK:         %[[BB:.*]] = arith.bitcast %[[B]] : bf16 to i16
// CHECK:         %[[BF:.*]] = arith.bitcast %{{.*}} : i32 to f32
// CHECK:         %[[BV:.*]] = vector.broadcast %[[BF]] : f32 to vector<16xf32>
// CHECK:         %[[HF:.*]] = arith.extf %[[H]] : f16 to f32
// CHECK:         %[[HV:.*]] = vector.broadcast %[[HF]] : f32 to vector<16xf32>
// CHECK:         return %[[BV]], %[[HV]]
func.func @extf_of_splat(%b: bf16, %h: f16) -> (vector<16xf32>, vector<16xf32>) {
  %bv = vector.broadcast %b : bf16 to vector<16xbf16>
  %hv = vector.broadcast %h : f16 to vector<16xf16>
  %0 = arith.extf %bv : vector<16xbf16> to vector<16xf32>
  %1 = arith.extf %hv : vector<16xf16> to vector<16xf32>
  return %0, %1 : vector<16xf32>, vector<16xf32>
}
