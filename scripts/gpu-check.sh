#!/usr/bin/env bash
# GPU check of Quanta's NVIDIA kernels, in two halves (docs/GPU.md):
#
#   scripts/gpu-check.sh prepare [DIR]   on the build machine (LLVM/MLIR 22):
#       compiles scripts/gpu-check/kernels*.mlir with quanta-compile into host
#       objects (PTX embedded) and headers, and the random forms of
#       test/Integration/Random (element-wise, requantize, cast,
#       compute_params, matmul: every form the architecture compiles), and
#       copies the harnesses, the CUDA runtime shim and the reference library
#       sources into DIR (default build-gpu-check, about 30 MiB); with the CUDA
#       headers and link stubs present, also builds the harnesses once to
#       prove they compile and link.
#   scripts/gpu-check.sh run [DIR [ARG...]]  on the GPU machine (CUDA toolkit, no
#       LLVM/MLIR): builds the harness with the CUDA toolkit against the
#       prepared objects, runs every kernel against the reference and
#       benchmarks int8/FP8 GEMM and GEMV against cuBLASLt, and weight-only
#       int4 GEMM and GEMV against cuBLASLt's f16 GEMM, then runs the random
#       forms against the reference; the last line is the summary
#       ("GPU CHECK PASS|FAIL: ..."). ARGs go to the harness
#       (`[--no-bench] [PART...]`, docs/GPU.md); with PARTs the random forms
#       run only if `random` is one of them.
#   scripts/gpu-check.sh                 both, on a machine that has both.
#
# Environment: QUANTA_COMPILE (default build-gpu/bin/quanta-compile, else
# build/bin/quanta-compile), GPU_ARCH (default sm_90a: the H100/H200 with
# wgmma; sm_80, sm_89, sm_90 for other GPUs; FP8 kernels for sm_89 and
# newer), CUDA_HOME (default /usr/local/cuda), GPU_CHECK_TIMEOUT (seconds the
# run may take, default 420).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-all}
dir=$(realpath -m "${2:-$root/build-gpu-check}")
arch=${GPU_ARCH:-sm_90a}
cuda=${CUDA_HOME:-/usr/local/cuda}

sm=${arch#sm_}
sm=${sm%%[!0-9]*}
fp8=1
if [ "${sm:-0}" -lt 89 ]; then fp8=0; fi

harness_flags() {
  local flags="-O2 -std=c++17 -I$dir -I$dir/include -I$cuda/include"
  if [ "$(cat "$dir/fp8" 2>/dev/null || echo 1)" = 0 ]; then
    flags="$flags -DQUANTA_NO_FP8"
  fi
  echo "$flags"
}

# The random suites: name, case generator, harness (test/Integration/Random),
# and the generator's arguments after the output files, commas for spaces
# (matmul-w8a16 and matmul-w4a16: weight-only int8 and int4 with f16/bf16
# activations, the forms of the weight-only tensor-core kernel that the
# matmul suite draws rarely, the weights N x K half of the time;
# matmul-w4a8-nk: W4A8 with the weights N x K).
suites="elementwise:gen-cases:harness requantize:requantize-cases:requantize-harness
cast:cast-cases:cast-harness compute-params:compute-params-cases:compute-params-harness
matmul:matmul-cases:matmul-harness matmul-w8a16:matmul-cases:matmul-harness:20261129,w8a16,16
matmul-w4a16:matmul-cases:matmul-harness:2,w4a16,16 matmul-w4a8-nk:matmul-cases:matmul-harness:1,w4a8_nk,16"

# Splits suite $1 into the variables name, gen, harness and args.
split_suite() {
  IFS=: read -r name gen harness args <<<"$1"
  args=${args//,/ }
}

# Builds $dir/gpu-check and $dir/random/<suite> with g++ (or $CXX), in
# parallel; $1 = extra link flags.
build_harness() {
  local cxx=${CXX:-g++}
  local objects="$dir/kernels.o"
  if [ -f "$dir/kernels-fp8.o" ]; then objects="$objects $dir/kernels-fp8.o"; fi
  local libs="-L$cuda/lib64 $1 -lcudart -lcuda -lpthread -ldl"
  mkdir -p "$dir/obj"
  local pids=""
  for src in "$dir/QuantaCudaRuntime.cpp" "$dir"/reference/*.cpp; do
    # shellcheck disable=SC2046
    $cxx $(harness_flags) -c "$src" -o "$dir/obj/$(basename "$src" .cpp).o" &
    pids="$pids $!"
  done
  for pid in $pids; do wait "$pid"; done
  pids=""
  # shellcheck disable=SC2046,SC2086
  $cxx $(harness_flags) "$dir/harness.cpp" "$dir"/obj/*.o $objects \
    -o "$dir/gpu-check" -lcublasLt $libs &
  pids="$pids $!"
  for suite in $suites; do
    local name gen harness args
    split_suite "$suite"
    # shellcheck disable=SC2046,SC2086
    $cxx $(harness_flags) -DQUANTA_DEVICE_BUFFERS \
      -include "$dir/random/$name.h" -DCASES_INC="\"$dir/random/$name.inc\"" \
      "$dir/random/$harness.cpp" "$dir/random/$name.o" "$dir"/obj/*.o \
      -o "$dir/random/$name" $libs &
    pids="$pids $!"
  done
  local failed=0
  for pid in $pids; do wait "$pid" || failed=1; done
  return $failed
}

prepare() {
  local compile=${QUANTA_COMPILE:-}
  if [ -z "$compile" ]; then
    for c in "$root/build-gpu/bin/quanta-compile" "$root/build/bin/quanta-compile"; do
      if [ -x "$c" ]; then compile=$c; break; fi
    done
  fi
  if [ -z "$compile" ]; then
    echo "gpu-check prepare: no quanta-compile (build it, or set QUANTA_COMPILE)" >&2
    exit 2
  fi
  rm -rf "$dir"
  mkdir -p "$dir/reference" "$dir/include/quanta/Reference"
  "$compile" "$root/scripts/gpu-check/kernels.mlir" --target=nvptx64-nvidia-cuda \
    --gpu-arch="$arch" -o "$dir/kernels.o" --header="$dir/kernels.h"
  if [ "$fp8" = 1 ]; then
    "$compile" "$root/scripts/gpu-check/kernels-fp8.mlir" --target=nvptx64-nvidia-cuda \
      --gpu-arch="$arch" -o "$dir/kernels-fp8.o" --header="$dir/kernels-fp8.h"
  fi
  echo "$fp8" > "$dir/fp8"
  echo "$arch" > "$dir/arch"
  cp "$root/scripts/gpu-check/harness.cpp" "$dir/"
  cp "$root/runtime/cuda/QuantaCudaRuntime.cpp" "$dir/"
  cp "$root"/lib/Reference/*.cpp "$dir/reference/"
  cp "$root"/include/quanta/Reference/*.h "$dir/include/quanta/Reference/"
  cp "$root/test/Integration/include/HarnessSupport.h" "$dir/include/"
  mkdir -p "$dir/random"
  local random=$root/test/Integration/Random
  for suite in $suites; do
    local name gen harness args
    split_suite "$suite"
    # shellcheck disable=SC2086
    python3 "$random/$gen.py" "$dir/random/$name.all.mlir" "$dir/random/$name.all.inc" $args
    python3 "$root/scripts/gpu-check/compile-cases.py" "$compile" "$arch" \
      "$dir/random/$name.all.mlir" "$dir/random/$name.all.inc" \
      "$dir/random/$name" > "$dir/random/$name.log"
    echo "gpu-check prepare: random $name: $(head -1 "$dir/random/$name.log")"
    cp "$random/$harness.cpp" "$dir/random/"
    rm "$dir/random/$name".all.* "$dir/random/$name.cases.mlir"
  done
  # Prove that the harnesses build, against the link stubs (no GPU here).
  if [ -f "$cuda/include/cuda_runtime.h" ] && [ -f "$cuda/lib64/stubs/libcuda.so" ]; then
    build_harness "-L$cuda/lib64/stubs"
    echo "gpu-check prepare: harnesses build (linked against the CUDA stubs)"
    rm -rf "$dir/gpu-check" "$dir/obj"
    for suite in $suites; do rm -f "$dir/random/${suite%%:*}"; done
  fi
  echo "gpu-check prepare: $arch kernels in $dir ($(du -sh "$dir" | cut -f1))"
}

run() {
  if [ ! -f "$dir/kernels.o" ]; then
    echo "gpu-check run: $dir has no prepared kernels (run 'prepare' first)" >&2
    exit 2
  fi
  echo "gpu-check run: kernels for $(cat "$dir/arch"), building the harnesses"
  build_harness ""
  # PARTs: `random` is the random forms, the others the harness's.
  local args=() parts=0 random=1 arg
  for arg in "$@"; do
    case "$arg" in
    random) random=2 ;;
    -*) args+=("$arg") ;;
    *) args+=("$arg"); parts=1 ;;
    esac
  done
  if [ "$parts" = 1 ] && [ "$random" = 1 ]; then random=0; fi
  local deadline=$((SECONDS + ${GPU_CHECK_TIMEOUT:-420}))
  local status=0 summary="" line
  if [ "$parts" = 1 ] || [ "$random" != 2 ]; then
    timeout "${GPU_CHECK_TIMEOUT:-420}" "$dir/gpu-check" "${args[@]}" |
      tee "$dir/gpu-check.log" || status=1
    line=$(tail -1 "$dir/gpu-check.log")
    summary=${line#GPU CHECK * }
  fi
  if [ "$random" != 0 ]; then
    summary="${summary:+$summary; }random forms:"
    local suite sep=""
    for suite in $suites; do
      local name=${suite%%:*} forms
      forms=$(head -1 "$dir/random/$name.log")
      echo "gpu-check run: random $name, $forms"
      if ! timeout $((deadline > SECONDS ? deadline - SECONDS : 1)) \
        "$dir/random/$name" > "$dir/random/$name.out" 2>&1; then
        status=1
      fi
      cat "$dir/random/$name.out"
      summary="$summary$sep $name ${forms%% *} forms $(tail -1 "$dir/random/$name.out")"
      sep=","
    done
  fi
  if [ "$status" = 0 ]; then
    echo "GPU CHECK PASS: $summary"
  else
    echo "GPU CHECK FAIL: $summary"
  fi
  return $status
}

case "$mode" in
prepare) prepare ;;
run) shift $(($# < 2 ? $# : 2)); run "$@" ;;
all) prepare; run ;;
*)
  echo "usage: $0 [prepare|run|all] [DIR]" >&2
  exit 2
  ;;
esac
