#!/usr/bin/env python3
"""Writes the ONNX QuantizeLinear / DequantizeLinear backend tests as upstream
`quant` dialect IR, for onnx-quant-dialect.mlir.

Usage: gen-quant-ir.py ONNX_DIR OUT.mlir OUT_CASES.cpp

For every data set of every test_quantizelinear*.json and
test_dequantizelinear*.json in ONNX_DIR whose types both Quanta and the
upstream quant dialect of MLIR 22 can express, OUT.mlir gets one function with
the parameters in the `!quant.uniform` type (they are compile-time constants
there):

  quantize:    quant.qcast (f32 -> quantized), then quant.scast to storage bits
  dequantize:  quant.scast (storage bits -> quantized), then quant.dcast

per tensor:    !quant.uniform<u8:f32, 2.0:128>
per axis:      !quant.uniform<u8:f32:1, {2.0:84, 4.0:24, 5.0:196}>
blocked:       !quant.uniform<u8:f32:{0:1, 1:2, 2:1, 3:1}, {{...}}> (sub-channel)

OUT_CASES.cpp is a table (see CompiledCase in include/OnnxOracle.h) naming
each test, data set and function and calling it through the C ABI of the
header quanta-compile writes (included with -include), plus the list of tests
left out and why; onnx-quant-harness.cpp runs the table against the JSON.
"""
import glob
import json
import os
import sys

# ONNX dtype -> (quant storage spelling, MLIR storage tensor element, C type).
INT_STORAGE = {
    "UINT8": ("u8", "i8", "int8_t"),
    "INT8": ("i8", "i8", "int8_t"),
    "UINT4": ("u4", "i4", "uint8_t"),
    "INT4": ("i4", "i4", "uint8_t"),
}
EXPRESSED = {"FLOAT": ("f32", "float")}
# Types Quanta has but the upstream quant dialect of MLIR 22 cannot spell:
# its parser rejects float storage (`!quant.uniform<f8E4M3FN:f32, 2.0>` gives
# "illegal storage type size").
NOT_IN_QUANT = {"FLOAT8E4M3FN", "FLOAT8E5M2"}


def fnum(v):
    """A JSON f32 value (already the exact double) spelled so that MLIR parses
    the same double back."""
    r = repr(float(v))
    return r if ("." in r or "e" in r or "n" in r) else r + ".0"


def tensor(dims, elem):
    return "tensor<" + "".join("%dx" % d for d in dims) + elem + ">"


def nest(items, shape):
    """Brace-nested list of `items` (row-major) for a scale tensor `shape`."""
    if len(shape) == 1:
        return "{" + ", ".join(items) + "}"
    step = len(items) // shape[0]
    return "{" + ", ".join(nest(items[i * step:(i + 1) * step], shape[1:])
                           for i in range(shape[0])) + "}"


def quant_type(storage, expressed, x_dims, scale, zp, axis, block):
    st = INT_STORAGE[storage][0]
    ex = EXPRESSED[expressed][0]
    svals = scale["values"]
    zvals = zp["values"] if zp else [0] * len(svals)
    params = ["%s:%d" % (fnum(s), int(z)) for s, z in zip(svals, zvals)]
    if not scale["dims"]:
        return "!quant.uniform<%s:%s, %s>" % (st, ex, params[0])
    rank = len(x_dims)
    if axis < 0:
        axis += rank
    if block:
        sizes = ", ".join("%d:%d" % (d, block if d == axis else 1)
                          for d in range(rank))
        return "!quant.uniform<%s:%s:{%s}, %s>" % (
            st, ex, sizes, nest(params, scale["dims"]))
    return "!quant.uniform<%s:%s:%d, {%s}>" % (st, ex, axis, ", ".join(params))


def main():
    onnx_dir, out_mlir, out_cpp = sys.argv[1:4]
    funcs, cases, skipped = [], [], []
    for path in sorted(glob.glob(os.path.join(onnx_dir, "*.json"))):
        name = os.path.splitext(os.path.basename(path))[0]
        if name.startswith("test_quantizelinear"):
            op = "QuantizeLinear"
        elif name.startswith("test_dequantizelinear"):
            op = "DequantizeLinear"
        else:
            continue
        with open(path) as f:
            test = json.load(f)
        model = test["model"]
        if op == "QuantizeLinear":
            expressed = model["inputs"][0]["dtype"]
            storage = model["outputs"][0]["dtype"]
        else:
            storage = model["inputs"][0]["dtype"]
            expressed = model["outputs"][0]["dtype"]
        if storage in NOT_IN_QUANT:
            skipped.append((name, "%s storage: not expressible in MLIR 22's "
                            "!quant.uniform" % storage))
            continue
        if storage not in INT_STORAGE:
            skipped.append((name, "%s storage: not a Quanta type" % storage))
            continue
        if expressed not in EXPRESSED:
            skipped.append((name, "%s expressed type" % expressed))
            continue
        attrs = model["nodes"][0].get("attrs", {})
        axis = attrs.get("axis", 1)
        block = attrs.get("block_size", 0)
        st_elem, c_storage = INT_STORAGE[storage][1:]
        ex_elem, c_expressed = EXPRESSED[expressed]
        for i, ds in enumerate(test["data_sets"]):
            ins = ds["inputs"]
            x, scale = ins[0], ins[1]
            zp = ins[2] if len(ins) > 2 else None
            dims = x["dims"]
            qt = quant_type(storage, expressed, dims, scale, zp, axis, block)
            fn = "%s_%d" % (name, i)
            qtensor = tensor(dims, qt)
            stensor = tensor(dims, st_elem)
            etensor = tensor(dims, ex_elem)
            if op == "QuantizeLinear":
                funcs.append(
                    "func.func @%s(%%x: %s) -> %s {\n"
                    "  %%q = quant.qcast %%x : %s to %s\n"
                    "  %%s = quant.scast %%q : %s to %s\n"
                    "  return %%s : %s\n}\n" % (
                        fn, etensor, stensor, etensor, qtensor, qtensor,
                        stensor, stensor))
                c_in, c_out = c_expressed, c_storage
            else:
                funcs.append(
                    "func.func @%s(%%s: %s) -> %s {\n"
                    "  %%q = quant.scast %%s : %s to %s\n"
                    "  %%x = quant.dcast %%q : %s to %s\n"
                    "  return %%x : %s\n}\n" % (
                        fn, stensor, etensor, stensor, qtensor, qtensor,
                        etensor, etensor))
                c_in, c_out = c_storage, c_expressed
            cases.append(
                '    {"%s", %d, "%s", "%s",\n'
                '     +[](const void *in, void *out) {\n'
                '       %s(static_cast<const %s *>(in), static_cast<%s *>(out));\n'
                '     }},\n' % (name, i, op, fn, fn, c_in, c_out))

    with open(out_mlir, "w") as f:
        f.write("// Generated by gen-quant-ir.py from the ONNX backend tests. "
                "Do not edit.\n\n")
        f.write("\n".join(funcs))
    with open(out_cpp, "w") as f:
        f.write("// Generated by gen-quant-ir.py. Do not edit.\n"
                '#include "OnnxOracle.h"\n\n'
                "extern const onnx_oracle::CompiledCase onnxQuantIrCases[] = {\n")
        f.write("".join(cases))
        f.write("    {nullptr, 0, nullptr, nullptr, nullptr}};\n\n"
                "extern const onnx_oracle::SkippedTest onnxQuantIrSkipped[] = {\n")
        f.write("".join('    {"%s", "%s"},\n' % s for s in skipped))
        f.write("    {nullptr, nullptr}};\n")


if __name__ == "__main__":
    main()
