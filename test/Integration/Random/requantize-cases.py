#!/usr/bin/env python3
"""Generates Quanta's random execution tests of quanta.requantize.

Writes OUT.mlir, with one function per case (mode x rounding x input type x
output type x signedness x narrow range x zero points x per-tensor or
per-channel parameters), and OUT.inc, a C++ table describing each case and
calling it through the C ABI. All parameters are function arguments, so
requantize-harness.cpp draws fresh ones in every trial and compares the
results bit for bit with the reference library.

Usage: requantize-cases.py OUT.mlir OUT.inc
"""
import random
import sys

COLS = 16
rng = random.Random(20261128)

# (mode, rounding): the float mode with each rounding, then the fixed-point
# modes.
MODES = [("float_multiplier", "half_even"), ("float_multiplier", "half_away"),
         ("float_multiplier", "toward_zero"), ("single_round", None),
         ("double_round", None), ("gemmlowp", None)]
INPUTS = [32, 16, 8]
# (bits, unsigned_output)
OUTPUTS = [(8, False), (8, True), (4, False), (4, True), (16, False),
           (16, True)]
C_INT = {4: "uint8_t", 8: "int8_t", 16: "int16_t", 32: "int32_t"}
# Which parameters are per channel: multiplier, shift, input_zp, output_zp.
LAYOUTS = {"per_tensor": (False, False, False, False),
           "per_channel": (True, True, True, True),
           "mixed": (True, False, False, True)}


def tensor(per_channel, elem):
    return "tensor<%s%s>" % ("%dx" % COLS if per_channel else "", elem)


class Gen:
    def __init__(self):
        self.funcs = []
        self.table = []

    def case(self, mode, rounding, in_bits, out_bits, unsigned, narrow,
             in_zp, out_zp, layout):
        name = "case_%d" % len(self.table)
        floating = mode == "float_multiplier"
        pc_m, pc_s, pc_iz, pc_oz = LAYOUTS[layout]
        in_t = "tensor<?x%dxi%d>" % (COLS, in_bits)
        out_t = "tensor<?x%dxi%d>" % (COLS, out_bits)
        # (SSA name, MLIR type, C type) of each argument after the input.
        params = [("%m", tensor(pc_m, "f32" if floating else "i32"),
                   "float" if floating else "int32_t", "mult")]
        if not floating:
            params.append(("%s", tensor(pc_s, "i8"), "int8_t", "shift"))
        if in_zp:
            params.append(("%iz", tensor(pc_iz, "i%d" % in_bits),
                           C_INT[in_bits], "inZp"))
        if out_zp:
            params.append(("%oz", tensor(pc_oz, "i%d" % out_bits),
                           C_INT[out_bits], "outZp"))
        attrs = ["mode = #quanta<requantize_mode %s>" % mode]
        if any(LAYOUTS[layout]):
            attrs.append("axis = 1 : i64")
        if floating and rounding != "half_even":
            attrs.append("rounding = #quanta<rounding %s>" % rounding)
        if narrow:
            attrs.append("narrow_range")
        if unsigned:
            attrs.append("unsigned_output")
        operands = "%x, %m"
        if not floating:
            operands += " shift %s"
        if in_zp:
            operands += " input_zp %iz"
        if out_zp:
            operands += " output_zp %oz"
        self.funcs.append(
            "func.func @%s(%%x: %s, %s) -> %s {\n"
            "  %%r = quanta.requantize %s {%s}\n"
            "      : (%s, %s) -> %s\n"
            "  return %%r : %s\n}\n" % (
                name, in_t, ", ".join("%s: %s" % (p[0], p[1]) for p in params),
                out_t, operands, ", ".join(attrs), in_t,
                ", ".join(p[1] for p in params), out_t, out_t))

        call = ["(const %s *)b.x.data()" % C_INT[in_bits], "b.rows"]
        call += ["(const %s *)b.%s.data()" % (p[2], p[3]) for p in params]
        call.append("(%s *)b.out.data()" % C_INT[out_bits])
        self.table.append(
            "{\"%s\", Mode::%s, ref::Rounding::%s, %d, %d, %s, %s, %s, %s,"
            " {%s},\n [](Buffers &b) { %s(%s); }},\n" % (
                name,
                {"float_multiplier": "Float", "single_round": "SingleRound",
                 "double_round": "DoubleRound",
                 "gemmlowp": "Gemmlowp"}[mode],
                {"half_even": "HalfEven", "half_away": "HalfAway",
                 "toward_zero": "TowardZero", None: "HalfEven"}[rounding],
                in_bits, out_bits, str(unsigned).lower(),
                str(narrow).lower(), str(in_zp).lower(), str(out_zp).lower(),
                ", ".join(str(f).lower() for f in LAYOUTS[layout]),
                name, ", ".join(call)))


def main():
    gen = Gen()
    layouts = list(LAYOUTS)
    for mode, rounding in MODES:
        # Every input type x output type, with a rotating parameter layout
        # and random zero points and narrow range.
        for i, in_bits in enumerate(INPUTS):
            for j, (out_bits, unsigned) in enumerate(OUTPUTS):
                gen.case(mode, rounding, in_bits, out_bits, unsigned,
                         narrow=rng.random() < 0.3,
                         in_zp=rng.random() < 0.5, out_zp=rng.random() < 0.6,
                         layout=layouts[(i + j) % len(layouts)])
        # i32 -> i8 / u8 with every zero point / narrow / layout combination.
        for unsigned in [False, True]:
            for in_zp in [False, True]:
                for out_zp in [False, True]:
                    for narrow in [False, True]:
                        gen.case(mode, rounding, 32, 8, unsigned, narrow,
                                 in_zp, out_zp,
                                 layout=rng.choice(["per_tensor",
                                                    "per_channel"]))
    with open(sys.argv[1], "w") as f:
        f.write("// Generated by requantize-cases.py.\n" + "\n".join(gen.funcs))
    with open(sys.argv[2], "w") as f:
        f.write("// Generated by requantize-cases.py.\n" + "".join(gen.table))


if __name__ == "__main__":
    main()
