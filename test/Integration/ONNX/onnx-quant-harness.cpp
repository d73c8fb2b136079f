//===- onnx-quant-harness.cpp - ONNX tests written as upstream quant IR ---===//
//
// Runs the table written by gen-quant-ir.py (one compiled function per ONNX
// QuantizeLinear / DequantizeLinear data set, parameters in the
// `!quant.uniform` type) against the JSON's expected outputs, bit for bit.
// Every QuantizeLinear / DequantizeLinear oracle file must be either run or
// listed as skipped by the generator, with its reason. Exits non-zero on any
// mismatch or uncovered file.
//
//===----------------------------------------------------------------------===//

#include "OnnxOracle.h"

using namespace onnx_oracle;

extern const CompiledCase onnxQuantIrCases[];
extern const SkippedTest onnxQuantIrSkipped[];

int main() {
  Group quantize{"QuantizeLinear"}, dequantize{"DequantizeLinear"};
  int skipped = 0, errors = 0;
  for (const std::string &path : listTests()) {
    std::string base = std::filesystem::path(path).stem().string();
    bool isQ = base.rfind("test_quantizelinear", 0) == 0;
    bool isD = base.rfind("test_dequantizelinear", 0) == 0;
    if (!isQ && !isD)
      continue;
    Group &group = isQ ? quantize : dequantize;

    const char *reason = nullptr;
    for (const SkippedTest *s = onnxQuantIrSkipped; s->test; ++s)
      if (base == s->test)
        reason = s->reason;
    if (reason) {
      std::printf("not run: %s (%s)\n", base.c_str(), reason);
      ++skipped;
      continue;
    }

    OnnxTest t = loadTest(path);
    for (size_t dsi = 0; dsi < t.dataSets.size(); ++dsi) {
      const DataSet &ds = t.dataSets[dsi];
      std::string caseName = t.name + "[" + std::to_string(dsi) + "]";
      const CompiledCase *c = nullptr;
      for (const CompiledCase *e = onnxQuantIrCases; e->test; ++e)
        if (base == e->test && e->dataSet == (int)dsi)
          c = e;
      if (!c) {
        std::printf("ERROR %s: not generated and not listed as skipped\n",
                    caseName.c_str());
        ++errors;
        continue;
      }
      const Tensor &x = ds.inputs.at(0);
      const Tensor &y = ds.outputs.at(0);
      std::vector<uint8_t> in = toAbi(x);
      std::vector<uint8_t> out(abiBytes(y.dtype, y.numel()), 0xA5);
      c->run(in.data(), out.data());
      int printed = 0;
      int mismatches = compareOutput(caseName + " y", out, y, &x, printed);
      std::printf("%s %s via @%s (%s): %lld values\n",
                  mismatches ? "FAIL" : "PASS", caseName.c_str(), c->function,
                  c->opType, (long long)y.numel());
      ++group.cases;
      group.values += (int)y.numel();
      group.mismatches += mismatches;
    }
  }

  std::printf("onnx-quant not run: %d tests\n", skipped);
  return printSummary("onnx-quant", {&quantize, &dequantize}, errors);
}
