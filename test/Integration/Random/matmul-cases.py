#!/usr/bin/env python3
"""Generates Quanta's random execution tests of quanta.matmul.

Writes OUT.mlir, with one function per case, and OUT.inc, a C++ table
describing each case and calling it through the C ABI. A case draws a form
(the operands' storage types, granularities and zero points, the
accumulation, a bias, the result's quantization, a batch) and a shape
(static or dynamic M, K and N; K a multiple of the group size) at random,
from families that cover every kernel of --quanta-lower-matmul-kernels
(W8A8 per tensor / per channel / per group, W4A8, weight-only int4 and
8-bit, FP8, mixed forms, batched). All parameters are function arguments,
so matmul-harness.cpp draws fresh operands for every row count and compares
the results bit for bit with ref::matmul.

Usage: matmul-cases.py OUT.mlir OUT.inc [SEED [FAMILY COUNT]]

With FAMILY and COUNT, COUNT cases of that family only (also "w8a16" and
"w4a16": weight-only 8-bit or int4 weights with f16/bf16 activations, given
N x K half of the time; "w8a8_nk", "w8a8_group_nk", "w4a8_nk": W8A8 (per
tensor or column, or per group) or W4A8 with the weights N x K;
"w4a8_nk_vnni": W4A8 with the weights N x K in the forms and
mostly the shapes of the VNNI kernel that reads them in place).
"""
import random
import sys

FP8 = ["f8E4M3FN", "f8E5M2"]
INT = ["i8", "ui8", "i4", "ui4"]
EXPRESSED = ["f32", "f16", "bf16"]


def storage_element(storage):
    """The tensor element type that holds `storage`."""
    if storage in FP8 or storage in EXPRESSED:
        return storage
    return "i4" if storage.endswith("4") else "i8"


def storage_value(rng, storage, row):
    """A random value of `storage` (an integer, or a finite float code);
    for integers the minimum in rows 0 mod 3, the maximum in rows 1 mod 3."""
    if storage in FP8:
        while True:
            code = rng.randrange(256)
            if storage == "f8E4M3FN" and code & 0x7F != 0x7F:
                return code
            if storage == "f8E5M2" and code & 0x7C != 0x7C:
                return code
    bits = 4 if storage.endswith("4") else 8
    lo, hi = ((-(1 << (bits - 1)), (1 << (bits - 1)) - 1)
              if storage.startswith("i") else (0, (1 << bits) - 1))
    return lo if row % 3 == 0 else hi if row % 3 == 1 else \
        rng.randint(lo, hi)


def dense(values, shape, storage):
    """A dense attribute of `values` (storage values) of tensor `shape`."""
    if storage_element(storage) != "i4":
        return 'dense<"0x%s">' % "".join("%02X" % (v & 0xFF) for v in values)
    signed = [v - 16 if v > 7 else v for v in values]

    def nest(flat, dims):
        if len(dims) == 1:
            return "[%s]" % ", ".join(map(str, flat))
        step = len(flat) // dims[0]
        return "[%s]" % ", ".join(nest(flat[i * step:(i + 1) * step],
                                       dims[1:]) for i in range(dims[0]))
    return "dense<%s>" % nest(signed, shape)


def c_type(element):
    return {"i8": "int8_t", "i4": "uint8_t", "f8E4M3FN": "uint8_t",
            "f8E5M2": "uint8_t", "f32": "float", "f16": "uint16_t",
            "bf16": "uint16_t"}[element]


def cpp_bool(b):
    return "true" if b else "false"


class Case:
    """One quanta.matmul form and shape."""

    def __init__(self, rng, family):
        self.family = family
        # A QDQ graph (quanta.dequantize, f32 linalg.matmul, bias add,
        # quanta.quantize, which --quanta-fuse-matmul makes a quanta.matmul
        # with f32 accumulation) of one of the other families' 2-D forms.
        qdq = family == "qdq"
        if qdq:
            family = rng.choice(["w8a8", "w4a8", "a4", "weight_only", "fp8",
                                 "mixed"])
        # The expressed type: of the scales, of a plain lhs, of the result.
        self.expressed = "f32" if qdq else \
            rng.choice(["f32"] * 4 + ["f16", "bf16"])
        # W8A8, W4A8, weight-only or FP8 with the weights N x K (a Linear
        # layer's [out, in], ONNX MatMulNBits' layout).
        nk = family in ("w8a8_nk", "w8a8_group_nk", "w4a8_nk",
                        "w4a8_nk_vnni", "weight_only_nk", "fp8_nk")
        vnni = family == "w4a8_nk_vnni"
        if nk:
            family = family.split("_nk")[0]
        self.batch = 2 if not qdq and rng.random() < 0.12 else 0
        self.bias = rng.random() < 0.35
        self.group = 0
        self.lhs_zp = self.rhs_zp = False
        self.lhs_gran = "tensor"
        if family in ("w8a8", "w8a8_group", "w4a8", "a4"):
            self.lhs = rng.choice(["i8", "ui8"]) if family != "a4" else \
                rng.choice(["i4", "ui4"])
            self.lhs_gran = rng.choice(["tensor", "row"])
            self.lhs_zp = rng.random() < 0.5
            self.acc = "f32" if rng.random() < 0.1 else "i32"
            if family == "w8a8":
                self.rhs = rng.choice(["i8", "ui8"])
                self.rhs_gran = rng.choice(["tensor", "col", "col"])
            elif family == "w8a8_group":
                self.rhs = rng.choice(["i8", "i8", "ui8"])
                self.rhs_gran = "group"
            else:
                self.rhs = rng.choice(["i4", "i4", "ui4"])
                self.rhs_gran = rng.choice(["group", "group", "col",
                                            "tensor"])
            self.rhs_zp = rng.random() < 0.4
        elif family in ("weight_only", "w8a16", "w4a16"):
            if family != "weight_only":
                self.expressed = rng.choice(["f16", "bf16"])
            self.lhs = self.expressed
            self.acc = "f32"
            self.rhs = rng.choice({"weight_only": INT, "w8a16": ["i8", "ui8"],
                                   "w4a16": ["i4", "ui4"]}[family])
            self.rhs_gran = rng.choice(["group", "group", "col", "tensor"])
            self.rhs_zp = rng.random() < 0.4
        elif family == "fp8":
            self.lhs = rng.choice(FP8)
            self.lhs_gran = rng.choice(["tensor", "row"])
            self.acc = "f32"
            self.rhs = rng.choice(FP8)
            self.rhs_gran = rng.choice(["tensor", "col", "col", "group"])
        else:  # mixed: FP8 x int or int x FP8, f32 accumulation
            self.acc = "f32"
            if rng.random() < 0.5:
                self.lhs, self.rhs = rng.choice(FP8), rng.choice(INT)
                self.rhs_zp = rng.random() < 0.5
            else:
                self.lhs, self.rhs = rng.choice(INT), rng.choice(FP8)
                self.lhs_zp = rng.random() < 0.5
            self.lhs_gran = rng.choice(["tensor", "row"])
            self.rhs_gran = rng.choice(["tensor", "col", "group"])
        if qdq:
            self.acc = "f32"
        if self.rhs_gran == "group":
            self.group = rng.choice([16, 32, 32, 64, 128])
            # i32 accumulation with lhs groups needs the rhs's group size.
            if self.acc == "i32" and rng.random() < 0.2:
                self.lhs_gran = "group"

        # The result: the expressed type, or quantized per tensor or column.
        self.result = None
        if rng.random() < 0.45:
            self.result = rng.choice(["i8", "i8", "ui8", "i4", "ui4"] + FP8)
            self.result_gran = rng.choice(["tensor", "col"])
            self.result_zp = self.result not in FP8 and rng.random() < 0.6
            self.narrow = self.result not in FP8 and rng.random() < 0.2
            # Float storage rounds half to even only.
            self.rounding = "half_even" if self.result in FP8 else \
                rng.choice(["half_even"] * 3 + ["half_away", "toward_zero"])
            self.reciprocal = self.result not in FP8 and rng.random() < 0.2
            self.saturate = self.result not in FP8 or rng.random() < 0.7

        # The shape: K a multiple of the group size, N around the kernels'
        # blocks (16 lanes, 64 and 128 columns) and off them.
        if self.group:
            self.K = self.group * rng.choice([1, 2, 3, 4, 8])
        else:
            self.K = rng.choice([1, 3, 16, 31, 64, 96, 128, 256])
        self.N = rng.choice([1, 5, 16, 24, 64, 100, 128, 130, 200, 256, 384])
        while self.K * self.N > 65536:
            self.N //= 2
        self.dyn_m = rng.random() < 0.75
        self.dyn_k = rng.random() < 0.15
        self.dyn_n = rng.random() < 0.15
        self.M = 0 if self.dyn_m else rng.choice([1, 3, 4, 16, 33, 64])
        # Constant weights (packed at compile time where a kernel can):
        # storage values, with the extremes in every third row.
        self.weights = None
        count = max(self.batch, 1) * self.K * self.N
        if not (self.dyn_k or self.dyn_n or nk) and count <= 16384 and \
                rng.random() < (0.5 if family == "w8a8" else 0.25):
            self.weights = [storage_value(rng, self.rhs, i // self.N % self.K)
                            for i in range(count)]
        # w8a16, w4a16: 2-D weights given N x K half of the time (a Linear
        # layer's [out, in], the matmul's rhs their linalg.transpose);
        # w8a8_nk, w4a8_nk: always.
        if nk:
            self.batch = 0
        # w4a8_nk_vnni: the forms of the VNNI kernel that reads int4 weights
        # N x K in place (groups, no activation zero point, i32
        # accumulation), mostly on its shapes (128 | K, 16 | N).
        if vnni:
            self.lhs_gran = rng.choice(["tensor", "row"])
            self.lhs_zp = False
            self.rhs_zp = rng.random() < 0.5
            self.acc = "i32"
            self.rhs_gran = "group"
            self.group = rng.choice([16, 32, 32, 64, 128, 256])
            unit = max(self.group, 128)
            self.K = unit * rng.choice([1, 2, 3])
            if rng.random() < 0.15:
                self.K = self.group * (unit // self.group * 2 + 1)
            self.N = rng.choice([16, 32, 48, 64, 128, 256, 100])
            while self.K * self.N > 65536:
                self.N //= 2
        # weight_only_nk, fp8_nk: mostly the forms and shapes of the
        # weight-only 8-bit kernel, which reads the weights N x K in place
        # (4L | N): 8-bit weights per tensor or column, K off its blocks of
        # 4L half of the time, or int4 weights per group packed along K
        # (ONNX MatMulNBits at accuracy level 0), K off its blocks of 8L
        # often and the group size off 8 | it sometimes, or per column or
        # tensor.
        if nk and family in ("weight_only", "fp8") and rng.random() < 0.8:
            self.N = rng.choice([64, 128, 192, 256, 100])
            if family == "weight_only" and rng.random() < 0.4:
                self.rhs = rng.choice(["i4", "ui4"])
                self.rhs_gran = "group"
                self.group = rng.choice([16, 32, 32, 64, 128, 12])
                self.K = self.group * rng.choice([1, 2, 3, 4, 8, 16])
                if rng.random() < 0.3:
                    self.rhs_gran = rng.choice(["col", "tensor"])
                    self.group = 0
            else:
                if family == "weight_only":
                    self.rhs = rng.choice(["i8", "ui8"])
                self.rhs_gran = rng.choice(["tensor", "col", "col"])
                self.group = 0
                self.K = rng.choice([64, 128, 256, 31, 72, 100, 200])
            while self.K * self.N > 65536:
                self.N //= 2
        self.kmajor = nk or (family in ("w8a16", "w4a16") and
                             not self.batch and not self.weights and
                             rng.random() < 0.5)

    def scheme(self, storage, gran, zp, axis_of):
        fields = ["storage = %s" % storage, "expressed = %s" % self.expressed]
        if gran == "group":
            fields += ["granularity = per_group", "axis = %d" % axis_of["k"],
                       "group_size = %d" % self.group]
        elif gran in ("row", "col"):
            fields += ["granularity = per_channel",
                       "axis = %d" % axis_of[gran]]
        if not zp:
            fields.append("symmetric = true")
        return "#quanta.scheme<%s>" % ", ".join(fields)


def emit(name, c, funcs, table):
    b = [c.batch] if c.batch else []
    r = len(b)
    M = "?" if c.dyn_m else str(c.M)
    K = "?" if c.dyn_k else str(c.K)
    N = "?" if c.dyn_n else str(c.N)
    G = "?" if c.dyn_k else (str(c.K // c.group) if c.group else None)
    # Each argument: (SSA name, dims, element, C buffer name), the dims as
    # (text, C++ value).
    dim = {"M": (M, "M"), "K": (K, "K"), "N": (N, "N"), "G": (G, "G"),
           "B": (str(c.batch), None)}
    args = []

    def param_dims(gran, operand):
        if gran == "tensor":
            return []
        if gran == "row":
            return ["M"]
        if gran == "col":
            return ["N"]
        return (["B"] if b else []) + (["M", "G"] if operand == "lhs"
                                       else ["G", "N"])

    lhs_el = storage_element(c.lhs)
    rhs_el = storage_element(c.rhs)
    args.append(("%a", (["B"] if b else []) + ["M", "K"], lhs_el, "lhs"))
    if c.kmajor:
        args.append(("%wt", ["N", "K"], rhs_el, "rhsT"))
    else:
        args.append(("%w", (["B"] if b else []) + ["K", "N"], rhs_el, "rhs"))
    operands = ["%a", "%w"]
    plain_lhs = c.lhs in EXPRESSED
    if not plain_lhs:
        args.append(("%sa", param_dims(c.lhs_gran, "lhs"), c.expressed,
                     "lhsScale"))
        operands.append("lhs_scale(%sa)")
    args.append(("%sw", param_dims(c.rhs_gran, "rhs"), c.expressed,
                 "rhsScale"))
    operands.append("rhs_scale(%sw)")
    if c.lhs_zp:
        args.append(("%za", param_dims(c.lhs_gran, "lhs"), lhs_el, "lhsZp"))
        operands.append("lhs_zp(%za)")
    if c.rhs_zp:
        args.append(("%zw", param_dims(c.rhs_gran, "rhs"), rhs_el, "rhsZp"))
        operands.append("rhs_zp(%zw)")
    if c.bias:
        args.append(("%bias", ["N"], "f32", "bias"))
        operands.append("bias(%bias)")
    result_el = c.expressed
    if c.result:
        result_el = storage_element(c.result)
        rdims = ["N"] if c.result_gran == "col" else []
        args.append(("%so", rdims, c.expressed, "resultScale"))
        operands.append("result_scale(%so)")
        if c.result_zp:
            args.append(("%zo", rdims, result_el, "resultZp"))
            operands.append("result_zp(%zo)")

    def ttype(dims, el):
        return "tensor<%s>" % "x".join([dim[d][0] for d in dims] + [el])

    result_t = ttype((["B"] if b else []) + ["M", "N"], result_el)
    axes = {"row": r, "col": r + 1}
    attrs = []
    if not plain_lhs:
        attrs.append("lhs_scheme = " + c.scheme(
            c.lhs, c.lhs_gran, c.lhs_zp, dict(axes, k=r + 1)))
    attrs.append("rhs_scheme = " + c.scheme(c.rhs, c.rhs_gran, c.rhs_zp,
                                            dict(axes, k=r)))
    if c.result:
        fields = ["storage = %s" % c.result, "expressed = %s" % c.expressed]
        if c.result_gran == "col":
            fields += ["granularity = per_channel", "axis = %d" % (r + 1)]
        if not c.result_zp:
            fields.append("symmetric = true")
        if c.narrow:
            fields.append("narrow_range = true")
        if c.rounding != "half_even":
            fields.append("rounding = %s" % c.rounding)
        if not c.saturate:
            fields.append("saturate = false")
        if c.reciprocal:
            fields.append("reciprocal = true")
        attrs.append("result_scheme = #quanta.scheme<%s>" % ", ".join(fields))
    attrs.append("accumulation = #quanta<accumulation %s>" % c.acc)
    types = [ttype(d, el) for (_, d, el, _) in args]
    body = ""
    params = list(zip(args, types))
    if c.kmajor:
        # The matmul's rhs: the transpose of the N x K argument.
        types[1] = ttype(["K", "N"], rhs_el)
        sizes = [("%%c%d" % i, "%%%s" % d.lower())
                 for i, d in ((1, "K"), (0, "N")) if dim[d][0] == "?"]
        for index, size in sizes:
            body += "  %s = arith.constant %s : index\n" % (index, index[2:])
            body += "  %s = tensor.dim %%wt, %s : %s\n" % (
                size, index, params[1][1])
        body += "  %%e = tensor.empty(%s) : %s\n" % (
            ", ".join(size for _, size in sizes), types[1])
        body += ("  %%w = linalg.transpose ins(%%wt : %s) outs(%%e : %s) "
                 "permutation = [1, 0]\n" % (params[1][1], types[1]))
    if c.weights:
        body = "  %%w = arith.constant %s : %s\n" % (
            dense(c.weights, b + [c.K, c.N], c.rhs), types[1])
        del params[1]
    if c.family == "qdq":
        body += qdq_graph(c, args, types, attrs, result_t, M, N)
    else:
        body += "  %%y = quanta.matmul %s\n      {%s}\n      : (%s) -> %s\n" % (
            " ".join([", ".join(operands[:2])] + operands[2:]),
            ",\n       ".join(attrs), ", ".join(types), result_t)
    funcs.append(
        "func.func @%s(%s) -> %s {\n%s  return %%y : %s\n}\n" % (
            name, ", ".join("%s: %s" % (a[0], t) for a, t in params),
            result_t, body, result_t))

    call = []
    for (_, dims, el, buf) in args:
        if buf == "rhs" and c.weights:
            continue
        call.append("(const %s *)x.%s.data()" % (c_type(el), buf))
        call += [dim[d][1] for d in dims if dim[d][0] == "?"]
    call.append("(%s *)y" % c_type(result_el))

    table.append(table_row(name, c, call))


def qdq_graph(c, args, types, attrs, result_t, M, N):
    """The body of a 2-D QDQ case: quanta.dequantize of the operands (with
    the schemes `attrs` of the matmul they make), an f32 linalg.matmul, the
    bias added by a linalg.generic, quanta.quantize of the result."""
    typeof = {a[0]: t for a, t in zip(args, types)}
    scheme = {a.split(" = ")[0]: a.split(" = ", 1)[1] for a in attrs}
    lines = ["  %c0 = arith.constant 0 : index",
             "  %c1 = arith.constant 1 : index"]

    def f32_type(rows, cols):
        return "tensor<%sx%sxf32>" % (rows, cols)

    def dequantize(x, s, z, key, rows, cols):
        ins = [x, s] + ([z] if z in typeof else [])
        lines.append("  %s_f = quanta.dequantize %s {scheme = %s} : (%s) -> %s"
                     % (x, ", ".join(ins), scheme[key],
                        ", ".join(typeof[v] for v in ins),
                        f32_type(rows, cols)))
        return x + "_f"

    K = typeof["%w"].split("<")[1].split("x")[0]
    a = "%a" if "lhs_scheme" not in scheme else \
        dequantize("%a", "%sa", "%za", "lhs_scheme", M, K)
    w = dequantize("%w", "%sw", "%zw", "rhs_scheme", K, N)
    y_t = f32_type(M, N)
    sizes = []
    if M == "?":
        lines.append("  %%m = tensor.dim %%a, %%c0 : %s" % typeof["%a"])
        sizes.append("%m")
    if N == "?":
        lines.append("  %%n = tensor.dim %%w, %%c1 : %s" % typeof["%w"])
        sizes.append("%n")
    # The last step defines %y.
    steps = ["mm"] + (["bias"] if c.bias else []) + \
        (["quantize"] if c.result else [])
    name = {step: "%y" if step == steps[-1] else "%y_" + step
            for step in steps}
    lines += [
        "  %%e = tensor.empty(%s) : %s" % (", ".join(sizes), y_t),
        "  %zero = arith.constant 0.0 : f32",
        "  %%init = linalg.fill ins(%%zero : f32) outs(%%e : %s) -> %s"
        % (y_t, y_t),
        "  %s = linalg.matmul ins(%s, %s : %s, %s) outs(%%init : %s) -> %s"
        % (name["mm"], a, w, typeof["%a"] if a == "%a" else f32_type(M, K),
           f32_type(K, N), y_t, y_t)]
    y = name["mm"]
    if c.bias:
        lines.append(
            "  %s = linalg.generic {indexing_maps = [affine_map<(m, n) -> "
            "(m, n)>, affine_map<(m, n) -> (n)>, affine_map<(m, n) -> (m, n)>"
            "], iterator_types = [\"parallel\", \"parallel\"]} ins(%s, %%bias :"
            " %s, %s) outs(%%e : %s) {\n  ^bb0(%%x: f32, %%b: f32, %%o: f32):\n"
            "    %%s = arith.addf %%x, %%b : f32\n    linalg.yield %%s : f32\n"
            "  } -> %s" % (name["bias"], y, y_t, typeof["%bias"], y_t, y_t))
        y = name["bias"]
    if c.result:
        ins = [y, "%so"] + (["%zo"] if "%zo" in typeof else [])
        lines.append("  %s = quanta.quantize %s {scheme = %s} : (%s) -> %s"
                     % (name["quantize"], ", ".join(ins),
                        scheme["result_scheme"],
                        ", ".join([y_t] + [typeof[v] for v in ins[1:]]),
                        result_t))
    return "\n".join(lines) + "\n"


def table_row(name, c, call):
    """The .inc row of case `name`: its description and a call of it with
    the C arguments `call`."""
    def operand(storage, gran, zp):
        return "{\"%s\", '%s', %s}" % (storage, gran[0], cpp_bool(zp))

    result = "{\"%s\", '%s', %s, %s, ref::Rounding::%s, %s, %s}" % (
        c.result or c.expressed, c.result_gran[0] if c.result else "t",
        cpp_bool(c.result and c.result_zp), cpp_bool(c.result and c.narrow),
        {"half_even": "HalfEven", "half_away": "HalfAway",
         "toward_zero": "TowardZero"}[c.rounding if c.result else
                                      "half_even"],
        cpp_bool(c.result and c.reciprocal),
        cpp_bool(not c.result or c.saturate))
    return (
        "{\"%s\", \"%s\", \"%s\", %s, %s, %s, %d, %s, %s, %d, %d, %d, %d,\n"
        " [](const Args &x, int64_t M, int64_t K, int64_t N, int64_t G,\n"
        "    void *y) { %s(%s); },\n {%s}, %s},\n" % (
            name, c.family, c.expressed,
            operand(c.lhs, c.lhs_gran, c.lhs_zp),
            operand(c.rhs, c.rhs_gran, c.rhs_zp), result, c.group,
            cpp_bool(c.acc == "f32"), cpp_bool(c.bias), c.batch, c.M, c.K,
            c.N, name, ", ".join(call),
            ", ".join(map(str, c.weights or [])),
            cpp_bool(c.kmajor)))


class IntegerCase:
    """One 8-bit integer matmul into i32: quanta.matmul_integer (ONNX
    MatMulInteger; family "integer") or linalg.quantized_matmul (s8 x s8,
    zero points sign-extended from i8 scalars; family "linalg")."""

    def __init__(self, rng, family):
        self.family = family
        self.expressed = "i32"
        self.result = None
        self.group = 0
        self.bias = False
        self.acc = "i32"
        self.weights = None
        self.kmajor = False
        linalg = family == "linalg"
        self.batch = 0 if linalg or rng.random() < 0.8 else 2
        self.lhs = "i8" if linalg else rng.choice(["i8", "ui8"])
        self.rhs = "i8" if linalg else rng.choice(["i8", "ui8"])
        self.lhs_gran = "tensor" if linalg else rng.choice(["tensor", "row"])
        self.rhs_gran = "tensor" if linalg else rng.choice(["tensor", "col"])
        self.lhs_zp = linalg or rng.random() < 0.6
        self.rhs_zp = linalg or rng.random() < 0.6
        # Per-tensor zero points of shape [] (else [1]).
        self.rank0_zp = rng.random() < 0.5
        self.K = rng.choice([1, 16, 31, 64, 128, 256])
        self.N = rng.choice([1, 5, 16, 64, 100, 128, 256])
        self.dyn_m = rng.random() < 0.75
        self.dyn_k = self.dyn_n = rng.random() < 0.2
        self.M = 0 if self.dyn_m else rng.choice([1, 3, 16, 33])


def emit_integer(name, c, funcs, table):
    b = ["%d" % c.batch] if c.batch else []
    M = "?" if c.dyn_m else str(c.M)
    K = "?" if c.dyn_k else str(c.K)
    N = "?" if c.dyn_n else str(c.N)
    lhs_t = "tensor<%s>" % "x".join(b + [M, K, "i8"])
    rhs_t = "tensor<%s>" % "x".join(b + [K, N, "i8"])
    result_t = "tensor<%s>" % "x".join(b + [M, N, "i32"])
    call = ["(const int8_t *)x.lhs.data()"] + [d for d, t in
                                              [("M", M), ("K", K)] if t == "?"]
    call += ["(const int8_t *)x.rhs.data()"] + [d for d, t in
                                               [("K", K), ("N", N)] if t == "?"]
    args = ["%%a: %s" % lhs_t, "%%w: %s" % rhs_t]
    if c.family == "linalg":
        # Zero points as i8 scalars, sign-extended (what the conversion to
        # Quanta recognizes as int8 zero points).
        args += ["%za: i8", "%zw: i8"]
        call += ["x.lhsZp[0]", "x.rhsZp[0]"]
        dims = []
        for i, (d, arg) in enumerate([(M, "%a"), (N, "%w")]):
            if d == "?":
                dims.append("  %%d%d = tensor.dim %s, %%c%d : %s\n" % (
                    i, arg, i, lhs_t if arg == "%a" else rhs_t))
        sizes = ", ".join("%%d%d" % i for i, d in enumerate([M, N])
                          if d == "?")
        body = ("  %c0 = arith.constant 0 : index\n"
                "  %c1 = arith.constant 1 : index\n" + "".join(dims) +
                "  %%e = tensor.empty(%s) : %s\n"
                "  %%zero = arith.constant 0 : i32\n"
                "  %%f = linalg.fill ins(%%zero : i32) outs(%%e : %s) -> %s\n"
                "  %%za32 = arith.extsi %%za : i8 to i32\n"
                "  %%zw32 = arith.extsi %%zw : i8 to i32\n"
                "  %%y = linalg.quantized_matmul ins(%%a, %%w, %%za32, %%zw32 :"
                " %s, %s, i32, i32) outs(%%f : %s) -> %s\n" % (
                    sizes, result_t, result_t, result_t, lhs_t, rhs_t,
                    result_t, result_t))
    else:
        operands, types = ["%a, %w"], [lhs_t, rhs_t]
        for side, zp, gran, dim in [("lhs", c.lhs_zp, c.lhs_gran, M),
                                    ("rhs", c.rhs_zp, c.rhs_gran, N)]:
            if not zp:
                continue
            t = "tensor<%si8>" % ("" if gran == "tensor" and c.rank0_zp else
                                  "1x" if gran == "tensor" else dim + "x")
            name_ = "%za" if side == "lhs" else "%zw"
            args.append("%s: %s" % (name_, t))
            operands.append("%s_zp(%s)" % (side, name_))
            types.append(t)
            call.append("(const int8_t *)x.%sZp.data()" % side)
            if "?" in t:
                call.append("M" if side == "lhs" else "N")
        attrs = [u for u, st in [("lhs_unsigned", c.lhs),
                                 ("rhs_unsigned", c.rhs)] if st == "ui8"]
        body = "  %%y = quanta.matmul_integer %s %s: (%s) -> %s\n" % (
            " ".join(operands), "{%s} " % ", ".join(attrs) if attrs else "",
            ", ".join(types), result_t)
    call.append("(int32_t *)y")
    funcs.append("func.func @%s(%s) -> %s {\n%s  return %%y : %s\n}\n" % (
        name, ", ".join(args), result_t, body, result_t))
    table.append(table_row(name, c, call))


# Cases per family.
FAMILIES = [("w8a8", 16), ("w8a8_group", 8), ("w4a8", 12), ("a4", 3),
            ("weight_only", 12), ("fp8", 8), ("mixed", 5), ("integer", 8),
            ("linalg", 4), ("qdq", 8)]


def main():
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20261128
    rng = random.Random(seed)
    funcs, table = [], []
    families = [(sys.argv[4], int(sys.argv[5]))] if len(sys.argv) > 5 \
        else FAMILIES
    for family, count in families:
        for _ in range(count):
            name = "case_%d" % len(table)
            if family in ("integer", "linalg"):
                emit_integer(name, IntegerCase(rng, family), funcs, table)
            else:
                emit(name, Case(rng, family), funcs, table)
    with open(sys.argv[1], "w") as f:
        f.write("// Generated by matmul-cases.py.\n" + "\n".join(funcs))
    with open(sys.argv[2], "w") as f:
        f.write("// Generated by matmul-cases.py.\n" + "".join(table))


if __name__ == "__main__":
    main()
