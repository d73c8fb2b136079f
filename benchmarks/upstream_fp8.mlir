// Upstream MLIR's f32 -> FP8 E4M3FN conversion for the benchmark: arith.truncf
// to f8E4M3FN. --convert-arith-to-llvm cannot lower it (the LLVM backend has
// no FP8 type); --convert-arith-to-apfloat turns it into one call per element
// to _mlir_apfloat_convert in libmlir_apfloat_wrappers.so (LLVM APFloat,
// round half to even). It does not saturate: overflow gives NaN (0x7F/0xFF)
// where `quanta.cast {saturate}` gives +-448. Static 64 Mi elements,
// bare-pointer ABI: void upstream_cast_fp8(const float *in, uint8_t *out).
#id = affine_map<(d0) -> (d0)>
func.func @upstream_cast_fp8(%x: tensor<67108864xf32>) -> tensor<67108864xf8E4M3FN> {
  %e = tensor.empty() : tensor<67108864xf8E4M3FN>
  %y = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<67108864xf32>) outs(%e : tensor<67108864xf8E4M3FN>) {
    ^bb0(%a: f32, %o: f8E4M3FN):
      %t = arith.truncf %a : f32 to f8E4M3FN
      linalg.yield %t : f8E4M3FN
    } -> tensor<67108864xf8E4M3FN>
  return %y : tensor<67108864xf8E4M3FN>
}
