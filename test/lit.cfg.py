# -*- Python -*-
# lit configuration of the Quanta test suite.

import os
import shutil

import lit.formats
from lit.llvm import llvm_config

config.name = "Quanta"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir"]
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.quanta_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.use_default_substitutions()

tool_dirs = [config.quanta_tools_dir, config.llvm_tools_dir]
llvm_config.add_tool_substitutions(["quanta-opt", "quanta-compile"], tool_dirs)

# Execution tests compile IR to objects and link them into C++ harnesses that
# compare with the reference library.
harness_flags = " ".join([
    "-std=c++17", "-O1", "-ffp-contract=off",
    "-I" + os.path.join(config.quanta_src_root, "include"),
    "-I" + os.path.join(config.quanta_src_root, "test", "Integration", "include"),
    '-DQUANTA_TEST_DATA_DIR=\\"' + os.path.join(config.quanta_src_root, "test", "data") + '\\"',
])
config.substitutions.append(("%cxx_harness", config.quanta_cxx + " " + harness_flags))
config.substitutions.append(("%quanta_ref_lib", config.quanta_ref_lib))
config.substitutions.append(("%quanta_gpu_on_host_lib", config.quanta_gpu_on_host_lib))
config.substitutions.append(("%python", config.python_executable))

# PTX is assembled by the CUDA toolkit's ptxas when it is installed.
ptxas = shutil.which("ptxas") or (
    "/usr/local/cuda/bin/ptxas"
    if os.path.exists("/usr/local/cuda/bin/ptxas") else None)
if ptxas:
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", ptxas))
    # quanta-compile embeds cubins when the toolkit also has fatbinary.
    if os.access(os.path.join(os.path.dirname(ptxas), "fatbinary"), os.X_OK):
        config.available_features.add("cuda-fatbin")
else:
    lit_config.note("ptxas not found: PTX is checked with FileCheck only")

# Execution tests of kernels for CPU features the host may lack.
try:
    with open("/proc/cpuinfo") as cpuinfo:
        host_flags = set(cpuinfo.read().split())
except OSError:
    host_flags = set()
for flag, feature in [("avx2", "host-avx2"), ("avx_vnni", "host-avxvnni"),
                      ("avx512_bf16", "host-avx512bf16"),
                      ("avx512_vnni", "host-avx512vnni")]:
    if flag in host_flags:
        config.available_features.add(feature)
# Skylake-AVX512's features (AVX-512 without VNNI).
if {"avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"} <= host_flags:
    config.available_features.add("host-avx512")
if {"amx_int8", "amx_bf16", "avx512_bf16", "avx512_vnni"} <= host_flags:
    config.available_features.add("host-amx")
else:
    lit_config.note("no AMX on this host: the AMX kernels are checked in "
                    "assembly only")

# Objects compiled with --openmp link LLVM's OpenMP runtime (libomp-22-dev).
llvm_lib_dir = os.path.join(os.path.dirname(config.llvm_tools_dir), "lib")
if os.path.exists(os.path.join(llvm_lib_dir, "libomp.so")):
    config.available_features.add("openmp")
    config.substitutions.append((
        "%openmp_link",
        "-L{0} -lomp -Wl,-rpath,{0}".format(llvm_lib_dir)))
else:
    lit_config.note("libomp not found in " + llvm_lib_dir +
                    ": OpenMP execution tests are skipped")

# AArch64 objects run under qemu-user when Debian's cross toolchain is there.
if shutil.which("aarch64-linux-gnu-g++") and shutil.which("qemu-aarch64"):
    config.available_features.add("aarch64-qemu")
    config.substitutions.append((
        "%aarch64_cxx_harness",
        "aarch64-linux-gnu-g++ -static " + harness_flags + " " +
        os.path.join(config.quanta_src_root, "lib", "Reference", "*.cpp")))
else:
    lit_config.note("aarch64-linux-gnu-g++ or qemu-aarch64 missing: "
                    "AArch64 execution tests are skipped")
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

# Exhaustive sweeps (every f32 input of a conversion: minutes of CPU time),
# left out of `make check`: `lit -Dexhaustive=1 build/test`.
if lit_config.params.get("exhaustive"):
    config.available_features.add("exhaustive")
