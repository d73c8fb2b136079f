#!/usr/bin/env bash
# GPU check of Quanta's NVIDIA kernels, in two halves (docs/GPU.md):
#
#   scripts/gpu-check.sh prepare [DIR]   on the build machine (LLVM/MLIR 22):
#       compiles scripts/gpu-check/kernels*.mlir with quanta-compile into host
#       objects (PTX embedded) and headers, and copies the harness, the CUDA
#       runtime shim and the reference library sources into DIR
#       (default build-gpu-check, a few hundred KiB); with the CUDA headers
#       and link stubs present, also builds the harness once to prove it
#       compiles and links.
#   scripts/gpu-check.sh run [DIR [ARG...]]  on the GPU machine (CUDA toolkit, no
#       LLVM/MLIR): builds the harness with the CUDA toolkit against the
#       prepared objects, runs every kernel against the reference and
#       benchmarks int8/FP8 GEMM and GEMV against cuBLASLt, and weight-only
#       int4 GEMM and GEMV against cuBLASLt's f16 GEMM; the last line is the
#       summary ("GPU CHECK PASS|FAIL: ..."). ARGs go to the harness
#       (`[--no-bench] [PART...]`, docs/GPU.md).
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
dir=${2:-$root/build-gpu-check}
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

# Builds $dir/gpu-check with g++ (or $CXX); $1 = extra link flags.
build_harness() {
  local cxx=${CXX:-g++}
  local objects="$dir/kernels.o"
  if [ -f "$dir/kernels-fp8.o" ]; then objects="$objects $dir/kernels-fp8.o"; fi
  # shellcheck disable=SC2046
  $cxx $(harness_flags) "$dir/harness.cpp" "$dir/QuantaCudaRuntime.cpp" \
    "$dir"/reference/*.cpp $objects -o "$dir/gpu-check" \
    -L"$cuda/lib64" $1 -lcublasLt -lcudart -lcuda -lpthread -ldl
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
  # Prove that the harness builds, against the link stubs (no GPU here).
  if [ -f "$cuda/include/cuda_runtime.h" ] && [ -f "$cuda/lib64/stubs/libcuda.so" ]; then
    build_harness "-L$cuda/lib64/stubs"
    echo "gpu-check prepare: harness builds (linked against the CUDA stubs)"
    rm -f "$dir/gpu-check"
  fi
  echo "gpu-check prepare: $arch kernels in $dir ($(du -sh "$dir" | cut -f1))"
}

run() {
  if [ ! -f "$dir/kernels.o" ]; then
    echo "gpu-check run: $dir has no prepared kernels (run 'prepare' first)" >&2
    exit 2
  fi
  echo "gpu-check run: kernels for $(cat "$dir/arch"), building the harness"
  build_harness ""
  timeout "${GPU_CHECK_TIMEOUT:-420}" "$dir/gpu-check" "${@}"
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
