#!/usr/bin/env python3
"""Compiles each function of a module on its own for NVIDIA GPUs.

For every `func.func` of INPUT and every architecture, runs
`quanta-compile --target=nvptx64-nvidia-cuda --gpu-arch=ARCH --emit=ptx` on
a module of that function alone. Each run must either succeed or reject the
function with a diagnostic (exit code 1 and an `error:` line): a crash, an
assertion or any other exit code is a failure. With --ptxas, every emitted
PTX must also assemble with `ptxas -arch=ARCH`. Prints one line per
architecture, then one for ptxas, then the diagnostics that rejected
functions with their counts.

Usage: compile-each.py QUANTA_COMPILE INPUT WORKDIR ARCH... [--ptxas=PATH]
"""
import collections
import os
import re
import subprocess
import sys


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--ptxas=")]
    ptxas = [a.split("=", 1)[1] for a in sys.argv[1:]
             if a.startswith("--ptxas=")]
    compiler, source, workdir, archs = args[0], args[1], args[2], args[3:]
    os.makedirs(workdir, exist_ok=True)
    text = open(source).read()
    functions = ["func.func" + f for f in text.split("func.func")[1:]]
    assembled, ptxas_failures, reasons = 0, 0, collections.Counter()
    for arch in archs:
        compiled = rejected = crashes = 0
        for i, function in enumerate(functions):
            mlir = os.path.join(workdir, "f%d.mlir" % i)
            ptx = os.path.join(workdir, "f%d.%s.ptx" % (i, arch))
            with open(mlir, "w") as f:
                f.write(function)
            run = subprocess.run(
                [compiler, mlir, "--target=nvptx64-nvidia-cuda",
                 "--gpu-arch=" + arch, "--emit=ptx", "-o", ptx],
                capture_output=True, text=True)
            if run.returncode == 0:
                compiled += 1
            elif run.returncode == 1 and "error:" in run.stderr:
                rejected += 1
                error = run.stderr[run.stderr.index("error:"):]
                reasons[re.sub(r"\s+", " ", error.splitlines()[0])] += 1
                continue
            else:
                crashes += 1
                print("f%d %s: exit code %d\n%s" % (
                    i, arch, run.returncode, run.stderr[-2000:]))
                continue
            if ptxas:
                check = subprocess.run(
                    [ptxas[0], "-arch=" + arch, ptx, "-o", os.devnull],
                    capture_output=True, text=True)
                if check.returncode:
                    ptxas_failures += 1
                    print("f%d %s: ptxas failed\n%s" % (i, arch,
                                                         check.stderr[-2000:]))
                else:
                    assembled += 1
        print("%s: %d functions, %d compiled, %d rejected with a diagnostic, "
              "%d crashes" % (arch, len(functions), compiled, rejected,
                              crashes))
    print("ptxas: %s" % ("%d assembled, %d failures" % (
        assembled, ptxas_failures) if ptxas else "not run"))
    for reason, count in sorted(reasons.items()):
        print("rejected %d: %s" % (count, reason))


if __name__ == "__main__":
    main()
