#!/usr/bin/env python3
"""Compiles a random-case module of test/Integration/Random for a GPU.

Usage: compile-cases.py QUANTA_COMPILE ARCH CASES.mlir CASES.inc OUT

Compiles CASES.mlir (one function per case, written by one of the
*-cases.py generators) with `quanta-compile --target=nvptx64-nvidia-cuda
--gpu-arch=ARCH` into OUT.o and OUT.h. Functions the target refuses (each
refusal is a diagnostic located in the function, e.g. FP8 matmuls on sm_80)
are dropped, with their rows of the harness table CASES.inc, and the rest
compiled again; OUT.inc is the table of the compiled cases. Prints one
line, "<compiled> of <total> forms for ARCH", then one line per refused
function with its diagnostic. Exits non-zero on anything else (a crash, a
diagnostic outside a function, no function left).
"""
import re
import subprocess
import sys

FUNC = re.compile(r"^func\.func @(\w+)\(")
ERROR = re.compile(r"^[^:\n]*:(\d+):\d+: error: (.*)$", re.M)


def functions(lines):
    """(name, first line, last line) of each function, 1-based lines."""
    spans = []
    for i, line in enumerate(lines, 1):
        m = FUNC.match(line)
        if m:
            if spans:
                spans[-1][2] = i - 1
            spans.append([m.group(1), i, len(lines)])
    return spans


def table_rows(text):
    """The harness table's rows by case name (each row starts a line with
    `{"name"`), and the header before the first."""
    parts = re.split(r'(?m)^(?=\{")', text)
    rows = {}
    for part in parts[1:]:
        rows[re.match(r'\{"(\w+)"', part).group(1)] = part
    return parts[0], rows


def main():
    compile_, arch, cases, inc, out = sys.argv[1:6]
    lines = open(cases).read().split("\n")
    header, rows = table_rows(open(inc).read())
    total = len(functions(lines))
    refused = []
    source = out + ".cases.mlir"
    while True:
        open(source, "w").write("\n".join(lines))
        proc = subprocess.run(
            [compile_, source, "--target=nvptx64-nvidia-cuda",
             "--gpu-arch=" + arch, "-o", out + ".o", "--header=" + out + ".h"],
            capture_output=True, text=True)
        if proc.returncode == 0:
            break
        spans = functions(lines)
        drop = {}
        for m in ERROR.finditer(proc.stderr):
            line = int(m.group(1))
            for name, first, last in spans:
                if first <= line <= last:
                    drop.setdefault(name, m.group(2))
        if proc.returncode != 1 or not drop or len(drop) == len(spans):
            sys.stderr.write(proc.stderr)
            sys.exit("compile-cases: %s does not compile for %s" % (cases, arch))
        keep = []
        for name, first, last in spans:
            if name in drop:
                refused.append((name, drop[name]))
                rows.pop(name, None)
            else:
                keep.append((first, last))
        prologue = lines[:spans[0][1] - 1]
        lines = prologue + [l for first, last in keep
                            for l in lines[first - 1:last]]
    open(out + ".inc", "w").write(header + "".join(rows.values()))
    print("%d of %d forms for %s" % (total - len(refused), total, arch))
    for name, error in refused:
        print("refused %s: %s" % (name, error))


if __name__ == "__main__":
    main()
