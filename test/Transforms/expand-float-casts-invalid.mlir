// RUN: quanta-opt %s -quanta-expand-float-casts -split-input-file -verify-diagnostics

// f64 -> FP8 would need f64 -> f32 -> FP8, two roundings.
func.func @truncf_f64(%x: f64) -> f8E4M3FN {
  // expected-error @+1 {{'arith.truncf' op cannot expand a truncf from f64 to f8E4M3FN: going through f32 would round twice; only f32, f16 and bf16 sources are supported}}
  %0 = arith.truncf %x : f64 to f8E4M3FN
  return %0 : f8E4M3FN
}

// -----

func.func @truncf_f64_vector(%x: vector<16xf64>) -> vector<16xf8E5M2> {
  // expected-error @+1 {{cannot expand a truncf from f64 to f8E5M2}}
  %0 = arith.truncf %x : vector<16xf64> to vector<16xf8E5M2>
  return %0 : vector<16xf8E5M2>
}

// -----

func.func @truncf_toward_zero(%x: f32) -> f8E4M3FN {
  // expected-error @+1 {{'arith.truncf' op cannot expand a truncf to f8E4M3FN with rounding mode 'toward_zero': only the default round-half-to-even is supported}}
  %0 = arith.truncf %x toward_zero : f32 to f8E4M3FN
  return %0 : f8E4M3FN
}

// -----

func.func @truncf_upward_vector(%x: vector<16xbf16>) -> vector<16xf8E5M2> {
  // expected-error @+1 {{with rounding mode 'upward'}}
  %0 = arith.truncf %x upward : vector<16xbf16> to vector<16xf8E5M2>
  return %0 : vector<16xf8E5M2>
}

// -----

func.func @truncf_dynamic_tensor(%x: tensor<?xf32>) -> tensor<?xf8E4M3FN> {
  // expected-error @+1 {{only scalars, vectors and statically shaped tensors are supported}}
  %0 = arith.truncf %x : tensor<?xf32> to tensor<?xf8E4M3FN>
  return %0 : tensor<?xf8E4M3FN>
}

// -----

func.func @extf_f128(%x: f8E5M2) -> f128 {
  // expected-error @+1 {{cannot expand an extf from f8E5M2 to f128: only f16, bf16, f32 and f64 results are supported}}
  %0 = arith.extf %x : f8E5M2 to f128
  return %0 : f128
}
