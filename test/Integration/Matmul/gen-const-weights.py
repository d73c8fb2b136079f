"""Writes const-weights.mlir's functions: matmuls whose weights are dense
constants in the IR (so --quanta-lower-matmul-kernels packs them at compile
time), with values from the formula the harness uses too.

Usage: gen-const-weights.py OUT.mlir
"""
import struct
import sys


def weight_i8(k, n):
    return (k * 31 + n * 17 + (k * n) % 7) % 256 - 128


def weight_bf16_bits(k, n):
    # A bf16 with magnitude 2^e * (1 + m/8), e in [-3, 2].
    value = (1 + ((k + 2 * n) % 8) / 8.0) * 2.0 ** ((k * 3 + n) % 6 - 3)
    if (k + n) % 3 == 0:
        value = -value
    return struct.unpack("<I", struct.pack("<f", value))[0] >> 16


def dense(rows, cols, fn, fmt):
    return "[" + ", ".join(
        "[" + ", ".join(fmt(fn(k, n)) for n in range(cols)) + "]"
        for k in range(rows)) + "]"


SHAPES = [(64, 48), (128, 256)]  # (K, N): leftover and full column blocks


def main():
    out = []
    for K, N in SHAPES:
        out.append(f"""
func.func @w8a8_const_{K}x{N}(%a: tensor<?x{K}xi8>, %sa: tensor<f32>, %za: tensor<i8>, %sw: tensor<{N}xf32>) -> tensor<?x{N}xf32> {{
  %w = arith.constant dense<{dense(K, N, weight_i8, str)}> : tensor<{K}x{N}xi8>
  %y = quanta.matmul %a, %w lhs_scale(%sa) rhs_scale(%sw) lhs_zp(%za)
      {{lhs_scheme = #quanta.scheme<storage = ui8, expressed = f32>,
       rhs_scheme = #quanta.scheme<storage = i8, expressed = f32, granularity = per_channel, axis = 1, symmetric = true>,
       accumulation = #quanta<accumulation i32>}}
      : (tensor<?x{K}xi8>, tensor<{K}x{N}xi8>, tensor<f32>, tensor<{N}xf32>, tensor<i8>) -> tensor<?x{N}xf32>
  return %y : tensor<?x{N}xf32>
}}
""")
    K, N = 64, 48
    out.append(f"""
func.func @bf16_const(%a: tensor<?x{K}xbf16>) -> tensor<?x{N}xf32> {{
  %c0 = arith.constant 0 : index
  %m = tensor.dim %a, %c0 : tensor<?x{K}xbf16>
  %w = arith.constant dense<{dense(K, N, weight_bf16_bits, lambda b: "0x%04X" % b)}> : tensor<{K}x{N}xbf16>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty(%m) : tensor<?x{N}xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<?x{N}xf32>) -> tensor<?x{N}xf32>
  %y = linalg.matmul ins(%a, %w : tensor<?x{K}xbf16>, tensor<{K}x{N}xbf16>) outs(%init : tensor<?x{N}xf32>) -> tensor<?x{N}xf32>
  return %y : tensor<?x{N}xf32>
}}
""")
    with open(sys.argv[1], "w") as f:
        f.write("".join(out))


if __name__ == "__main__":
    main()
