// RUN: quanta-opt %s --convert-quanta-matmul-to-nvvm -verify-diagnostics
// A bufferized weight-only int4 marker call whose weights are not packed
// bytes (--quanta-gpu-matmul-packed-int4 did not run).
func.func private @__quanta_gpu_matmul_0(memref<?x?xf16> {quanta.role = "lhs"}, memref<?x?xi4> {quanta.role = "rhs"}, memref<?x?xf16> {quanta.role = "rhs_scale"}, memref<?x?xf16> {quanta.role = "init"}) -> memref<?x?xf16>
    attributes {quanta.gpu_matmul = {kind = "weight_only", accumulation = #quanta<accumulation f32>,
                rhs_scheme = #quanta.scheme<storage = i4, expressed = f16, granularity = per_group, axis = 0, group_size = 32, symmetric = true>}}
func.func @unpacked(%a: memref<?x?xf16>, %w: memref<?x?xi4>, %s: memref<?x?xf16>, %o: memref<?x?xf16>) -> memref<?x?xf16> {
  // expected-error @+1 {{the int4 rhs operand of a GPU matmul is not packed (expected memref<?xi8>, got 'memref<?x?xi4>')}}
  %0 = call @__quanta_gpu_matmul_0(%a, %w, %s, %o) : (memref<?x?xf16>, memref<?x?xi4>, memref<?x?xf16>, memref<?x?xf16>) -> memref<?x?xf16>
  return %0 : memref<?x?xf16>
}
