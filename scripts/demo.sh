#!/usr/bin/env bash
# Quanta's demo: compile examples/quantize.mlir to an object file and a C
# header, link it with examples/demo.c, run it; then show the import of a QDQ
# model written with upstream `quant` ops.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/$build/bin"
out="$root/$build/demo"
mkdir -p "$out"
cc=$(command -v clang-22 || command -v cc)

echo "== quanta-compile examples/quantize.mlir -o $build/demo/quantize.o --header=$build/demo/quantize.h"
"$bin/quanta-compile" "$root/examples/quantize.mlir" -o "$out/quantize.o" \
  --header="$out/quantize.h"
grep '^void' "$out/quantize.h" | sed 's/^/   /'
echo
echo "== link examples/demo.c with the object and run it"
"$cc" -O2 -I"$out" "$root/examples/demo.c" "$out/quantize.o" -lm -o "$out/demo"
"$out/demo"
echo
echo "== quanta-opt --quanta-import examples/qdq-linear.mlir (upstream quant QDQ model)"
imported=$("$bin/quanta-opt" "$root/examples/qdq-linear.mlir" --quanta-import)
printf '   quant.qcast/dcast in: %s, quanta ops out: %s (%s fake_quant), quant ops left: %s\n' \
  "$(grep -cE 'quant\.(qcast|dcast)' "$root/examples/qdq-linear.mlir")" \
  "$(grep -cE 'quanta\.' <<<"$imported")" \
  "$(grep -c 'quanta.fake_quant' <<<"$imported")" \
  "$(grep -cE 'quant\.(qcast|dcast|scast)' <<<"$imported" || true)"
