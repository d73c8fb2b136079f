#!/usr/bin/env python3
"""Generates Quanta's random execution tests.

Writes OUT.mlir, with one function per case (op x storage type x granularity
x rounding x static or dynamic parameters x expressed type), and OUT.inc, a
C++ table describing each case and calling it through the C ABI. harness.cpp
runs every case on random and edge inputs and compares the results bit for
bit with the reference library.

Usage: gen-cases.py OUT.mlir OUT.inc
"""
import random
import struct
import sys

ROWS = 37
COLS = 16
GROUP = 4
rng = random.Random(20261127)

INT_STORAGE = ["i8", "ui8", "i4", "ui4"]
FLOAT_STORAGE = ["f8E4M3FN", "f8E5M2", "f16", "bf16"]
GRANULARITIES = ["per_tensor", "per_channel", "per_group"]
ROUNDINGS = ["half_even", "half_away", "toward_zero"]
BITS = {"i8": 8, "ui8": 8, "i4": 4, "ui4": 4, "f8E4M3FN": 8, "f8E5M2": 8,
        "f16": 16, "bf16": 16, "f32": 32}
# C type of one element at the ABI (int4 is packed bytes).
C_TYPE = {"i8": "int8_t", "ui8": "int8_t", "i4": "uint8_t", "ui4": "uint8_t",
          "f8E4M3FN": "uint8_t", "f8E5M2": "uint8_t", "f16": "uint16_t",
          "bf16": "uint16_t", "f32": "float"}


def elem(t):
    return "i%d" % BITS[t] if t in INT_STORAGE else t


def tensor(shape, t):
    return "tensor<%s%s>" % ("".join(("?" if d is None else str(d)) + "x"
                                     for d in shape), elem(t))


def nest(values, shape):
    if not shape:
        return values[0]
    if len(shape) == 1:
        return "[" + ", ".join(values) + "]"
    step = len(values) // shape[0]
    return "[" + ", ".join(nest(values[i * step:(i + 1) * step], shape[1:])
                           for i in range(shape[0])) + "]"


def hex_float(v, t):
    """The bits of `v` rounded to the float type `t`, for a dense literal."""
    bits = struct.unpack("<I", struct.pack("<f", v))[0]
    if t == "f32":
        return "0x%08X" % bits
    if t == "bf16":
        # Round to nearest even; the scales here are finite and normal.
        bits = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16
        return "0x%04X" % bits
    return "0x%04X" % struct.unpack("<H", struct.pack("<e", v))[0]


def storage_range(storage, narrow):
    bits = BITS[storage]
    if storage.startswith("ui"):
        return (1 if narrow else 0), (1 << bits) - 1
    lo = -(1 << (bits - 1))
    return (lo + 1 if narrow else lo), (1 << (bits - 1)) - 1


def random_scale(expressed):
    kind = rng.random()
    if kind < 0.3:
        return 2.0 ** rng.randint(-6, 3)      # exact ties
    if kind < 0.9:
        return rng.uniform(0.001, 2.0)
    if expressed == "f16":                    # f16 tops out at 65504
        return rng.choice([3e-6, 6.1e-5, 1e3])
    return rng.choice([1e-30, 3e-8, 1e6])


class Gen:
    def __init__(self):
        self.funcs = []
        self.table = []

    def quant_case(self, op, storage, gran, rounding, static, expressed,
                   narrow=False, reciprocal=False, saturate=True):
        name = "case_%d" % len(self.table)
        is_int = storage in INT_STORAGE
        symmetric = not is_int or (not storage.startswith("ui")
                                   and rng.random() < 0.5)
        scheme = ["storage = %s" % storage, "expressed = %s" % expressed]
        if gran != "per_tensor":
            scheme += ["granularity = %s" % gran, "axis = 1"]
        if gran == "per_group":
            scheme.append("group_size = %d" % GROUP)
        if symmetric:
            scheme.append("symmetric = true")
        if narrow:
            scheme.append("narrow_range = true")
        if rounding != "half_even":
            scheme.append("rounding = %s" % rounding)
        if not saturate:
            scheme.append("saturate = false")
        if reciprocal:
            scheme.append("reciprocal = true")

        rows = ROWS if static else None
        pshape = {"per_tensor": [], "per_channel": [COLS],
                  "per_group": [rows, COLS // GROUP]}[gran]
        nparams = {"per_tensor": 1, "per_channel": COLS,
                   "per_group": ROWS * COLS // GROUP}[gran]
        lo, hi = storage_range(storage, narrow)
        scales = [random_scale(expressed) for _ in range(nparams)]
        zps = [0 if symmetric else rng.randint(lo, hi)
               for _ in range(nparams)]
        static_pshape = [ROWS if d is None else d for d in pshape]

        in_t = tensor([rows, COLS], storage if op == "dequantize"
                      else expressed)
        out_t = tensor([rows, COLS], storage if op == "quantize"
                       else expressed)
        scale_t, zp_t = tensor(pshape, expressed), tensor(pshape, storage)
        args, body = ["%%x: %s" % in_t], []
        if static:
            body.append("  %%s = arith.constant dense<%s> : %s" % (
                nest([hex_float(s, expressed) for s in scales],
                     static_pshape), scale_t))
            if not symmetric:
                body.append("  %%z = arith.constant dense<%s> : %s" % (
                    nest([str(z) for z in zps], static_pshape), zp_t))
        else:
            args.append("%%s: %s" % scale_t)
            if not symmetric:
                args.append("%%z: %s" % zp_t)
        body.append("  %%r = quanta.%s %%x, %%s%s {scheme = "
                    "#quanta.scheme<%s>} : (%s, %s%s) -> %s" % (
                        op, "" if symmetric else ", %z", ", ".join(scheme),
                        in_t, scale_t, "" if symmetric else ", " + zp_t,
                        out_t))
        self.funcs.append("func.func @%s(%s) -> %s {\n%s\n"
                          "  return %%r : %s\n}\n" % (
                              name, ", ".join(args), out_t, "\n".join(body),
                              out_t))

        # The call through the C ABI: data, rows, then the parameters.
        in_c = C_TYPE[storage if op == "dequantize" else expressed]
        out_c = C_TYPE[storage if op == "quantize" else expressed]
        call = ["(const %s *)b.x.data()" % in_c]
        if not static:
            call.append("b.rows")
            call.append("(const %s *)b.scale.data()" % C_TYPE[expressed])
            if gran == "per_group":
                call.append("b.rows")
            if not symmetric:
                call.append("(const %s *)b.zeroPoint.data()" % C_TYPE[storage])
                if gran == "per_group":
                    call.append("b.rows")
        call.append("(%s *)b.out.data()" % out_c)
        self.table.append(
            "{\"%s\", Op::%s, \"%s\", \"%s\", Granularity::%s, "
            "ref::Rounding::%s, %s, %s, %s, %s, %s,\n"
            " {%s},\n {%s},\n"
            " [](Buffers &b) { %s(%s); }},\n" % (
                name, {"quantize": "Quantize", "dequantize": "Dequantize",
                       "fake_quant": "FakeQuant"}[op],
                storage, expressed,
                {"per_tensor": "PerTensor", "per_channel": "PerChannel",
                 "per_group": "PerGroup"}[gran],
                {"half_even": "HalfEven", "half_away": "HalfAway",
                 "toward_zero": "TowardZero"}[rounding],
                str(static).lower(), str(symmetric).lower(),
                str(narrow).lower(), str(reciprocal).lower(),
                str(saturate).lower(),
                ", ".join(hex_float(s, expressed) + "u" for s in scales),
                ", ".join(str(z) for z in zps), name, ", ".join(call)))


def main():
    gen = Gen()
    for op in ["quantize", "dequantize", "fake_quant"]:
        for storage in INT_STORAGE:
            for gran in GRANULARITIES:
                for rounding in ROUNDINGS:
                    for static in [True, False]:
                        gen.quant_case(op, storage, gran, rounding, static,
                                       "f32", narrow=rng.random() < 0.3,
                                       reciprocal=rng.random() < 0.3)
        for storage in FLOAT_STORAGE:
            for gran in GRANULARITIES:
                for saturate in [True, False]:
                    for static in [True, False]:
                        gen.quant_case(op, storage, gran, "half_even", static,
                                       "f32", saturate=saturate)
        for expressed in ["f16", "bf16"]:
            for storage in ["i8", "ui4", "f8E4M3FN", "f8E5M2"]:
                for gran in GRANULARITIES:
                    gen.quant_case(op, storage, gran, "half_even", False,
                                   expressed)
    with open(sys.argv[1], "w") as f:
        f.write("// Generated by gen-cases.py.\n" + "\n".join(gen.funcs))
    with open(sys.argv[2], "w") as f:
        f.write("// Generated by gen-cases.py.\n" + "".join(gen.table))


if __name__ == "__main__":
    main()
