#!/usr/bin/env bash
# Quanta's demo: import a QDQ model written with upstream `quant` ops into
# Quanta ops with ONNX numerics and print the result.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
example="$root/examples/qdq-linear.mlir"

echo "== Input: $example (upstream quant QDQ form)"
grep -cE 'quant\.(qcast|dcast)' "$example" | xargs echo "   quant.qcast/dcast ops:"
echo
echo "== quanta-opt --quanta-import"
out=$("$root/$build/bin/quanta-opt" "$example" --quanta-import)
echo "$out"
echo
echo "== Summary"
printf '   %-22s %s\n' \
  "quanta.quantize" "$(grep -c 'quanta.quantize' <<<"$out" || true)" \
  "quanta.dequantize" "$(grep -c 'quanta.dequantize' <<<"$out" || true)" \
  "quanta.fake_quant" "$(grep -c 'quanta.fake_quant' <<<"$out" || true)" \
  "quant.* left" "$(grep -cE 'quant\.(qcast|dcast|scast)' <<<"$out" || true)"
