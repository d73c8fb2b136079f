//===- OnnxOracle.h - ONNX backend test vectors for execution tests -*- C++ -*-===//
//
// Header-only helpers shared by the execution tests that run ONNX backend node
// tests (test/data/oracles/onnx/*.json, see test/data/oracles/PROVENANCE.md)
// through compiled Quanta code: loading the JSON, encoding tensors the way the
// Quanta C ABI passes them (f32 as float, f16/bf16/f8 as raw bits, 8-bit
// integers as bytes, int4 packed two per byte with the first element in the
// low nibble), comparing results with the expected outputs bit for bit, and
// the per-group summary of the harnesses. The byte encoding itself is
// HarnessSupport.h's.
//
// Needs nlohmann/json and exceptions (-fexceptions).
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_TEST_INTEGRATION_ONNXORACLE_H
#define QUANTA_TEST_INTEGRATION_ONNXORACLE_H

#include "HarnessSupport.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#ifndef QUANTA_TEST_DATA_DIR
#error "QUANTA_TEST_DATA_DIR must be defined (the %cxx_harness lit substitution does)"
#endif

namespace onnx_oracle {

using json = nlohmann::json;
namespace ref = quanta::ref;

inline std::string oracleDir() {
  return std::string(QUANTA_TEST_DATA_DIR) + "/oracles/onnx";
}

/// One tensor of a data set (or of the model signature, without data).
struct Tensor {
  std::string name;
  std::string dtype;
  std::vector<int64_t> dims;
  std::vector<double> values; ///< "nan", "inf", "-inf" decoded.
  std::vector<uint32_t> bits; ///< Raw codes, when the JSON carries them.

  int64_t numel() const {
    int64_t n = 1;
    for (int64_t d : dims)
      n *= d;
    return n;
  }
};

inline double jsonNumber(const json &v) {
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    if (s == "nan")
      return std::numeric_limits<double>::quiet_NaN();
    if (s == "inf")
      return std::numeric_limits<double>::infinity();
    if (s == "-inf")
      return -std::numeric_limits<double>::infinity();
    throw std::runtime_error("unexpected JSON number string '" + s + "'");
  }
  return v.get<double>();
}

inline Tensor parseTensor(const json &j) {
  Tensor t;
  t.name = j.at("name").get<std::string>();
  t.dtype = j.at("dtype").get<std::string>();
  t.dims = j.at("dims").get<std::vector<int64_t>>();
  for (const json &v : j.at("values"))
    t.values.push_back(jsonNumber(v));
  if (j.contains("bits"))
    t.bits = j.at("bits").get<std::vector<uint32_t>>();
  if ((int64_t)t.values.size() != t.numel())
    throw std::runtime_error("tensor '" + t.name + "': values/dims mismatch");
  return t;
}

struct DataSet {
  std::vector<Tensor> inputs, outputs;

  const Tensor *input(const std::string &name) const {
    for (const Tensor &t : inputs)
      if (t.name == name)
        return &t;
    return nullptr;
  }
  const Tensor *output(const std::string &name) const {
    for (const Tensor &t : outputs)
      if (t.name == name)
        return &t;
    return nullptr;
  }
};

/// A whole ONNX backend test file.
struct OnnxTest {
  std::string name;
  std::string opType; ///< Of the first node (an expanded graph has several).
  size_t numNodes = 0;
  json attrs;         ///< Of the first node.
  std::vector<std::string> inputNames;   ///< Node inputs, in order.
  std::vector<std::string> inputDtypes;  ///< Model input dtypes, in order.
  std::vector<std::string> outputDtypes; ///< Model output dtypes, in order.
  std::vector<DataSet> dataSets;

  int64_t attrInt(const char *key, int64_t dflt) const {
    if (attrs.is_object() && attrs.contains(key))
      return attrs.at(key).get<int64_t>();
    return dflt;
  }
};

inline OnnxTest loadTest(const std::string &path) {
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot open " + path);
  json j = json::parse(in);
  OnnxTest t;
  t.name = j.at("test").get<std::string>();
  const json &model = j.at("model");
  t.numNodes = model.at("nodes").size();
  t.opType = model.at("nodes").at(0).at("op_type").get<std::string>();
  t.attrs = model.at("nodes").at(0).value("attrs", json::object());
  for (const json &n : model.at("nodes").at(0).at("inputs"))
    t.inputNames.push_back(n.get<std::string>());
  for (const json &i : model.at("inputs"))
    t.inputDtypes.push_back(i.at("dtype").get<std::string>());
  for (const json &o : model.at("outputs"))
    t.outputDtypes.push_back(o.at("dtype").get<std::string>());
  for (const json &ds : j.at("data_sets")) {
    DataSet d;
    for (const json &x : ds.at("inputs"))
      d.inputs.push_back(parseTensor(x));
    for (const json &x : ds.at("outputs"))
      d.outputs.push_back(parseTensor(x));
    t.dataSets.push_back(std::move(d));
  }
  return t;
}

/// The oracle files whose name starts with `prefix`, sorted by name.
inline std::vector<std::string> listTests(const std::string &prefix = "") {
  std::vector<std::string> names;
  for (const auto &e : std::filesystem::directory_iterator(oracleDir())) {
    std::string n = e.path().filename().string();
    if (e.path().extension() == ".json" && n.rfind(prefix, 0) == 0)
      names.push_back(e.path().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

//===----------------------------------------------------------------------===//
// Element types at the C ABI
//===----------------------------------------------------------------------===//

inline bool isInt4(const std::string &dtype) {
  return dtype == "INT4" || dtype == "UINT4";
}
inline bool isSignedInt(const std::string &dtype) {
  return dtype == "INT4" || dtype == "INT8";
}
inline bool isInt(const std::string &dtype) {
  return dtype == "INT8" || dtype == "UINT8" || isInt4(dtype);
}

/// Bytes of one element at the ABI (0 for int4, packed two per byte).
inline unsigned abiElementBytes(const std::string &dtype) {
  if (dtype == "FLOAT")
    return 4;
  if (dtype == "FLOAT16" || dtype == "BFLOAT16")
    return 2;
  if (dtype == "INT8" || dtype == "UINT8" || dtype == "FLOAT8E4M3FN" ||
      dtype == "FLOAT8E5M2")
    return 1;
  if (isInt4(dtype))
    return 0;
  throw std::runtime_error("dtype " + dtype + " has no Quanta ABI encoding");
}

/// Size in bytes of `n` elements at the ABI.
inline size_t abiBytes(const std::string &dtype, int64_t n) {
  unsigned b = abiElementBytes(dtype);
  return b ? (size_t)n * b : (size_t)(n + 1) / 2;
}

/// The code (bit pattern) of element `i` of a tensor as the JSON describes it.
inline uint32_t expectedCode(const Tensor &t, int64_t i) {
  if (t.dtype == "FLOAT")
    return ref::floatBits((float)t.values[i]);
  if (t.dtype == "FLOAT16" || t.dtype == "BFLOAT16" ||
      t.dtype == "FLOAT8E4M3FN" || t.dtype == "FLOAT8E5M2") {
    if (t.bits.empty())
      throw std::runtime_error(t.name + ": " + t.dtype + " without bits");
    return t.bits[i];
  }
  if (isInt(t.dtype)) {
    double v = t.values[i];
    unsigned width = isInt4(t.dtype) ? 4 : 8;
    return (uint32_t)(int64_t)v & ((1u << width) - 1);
  }
  throw std::runtime_error("dtype " + t.dtype + " has no Quanta ABI encoding");
}

/// The code of element `i` in an ABI buffer.
inline uint32_t abiCode(const std::vector<uint8_t> &buf,
                        const std::string &dtype, int64_t i) {
  unsigned b = abiElementBytes(dtype);
  if (b == 0)
    return (buf[i / 2] >> ((i % 2) * 4)) & 0xF;
  return harness::loadBits(buf, i, b);
}

/// Encodes a tensor for the ABI.
inline std::vector<uint8_t> toAbi(const Tensor &t) {
  unsigned b = abiElementBytes(t.dtype);
  std::vector<uint32_t> codes(t.numel());
  for (int64_t i = 0; i < t.numel(); ++i)
    codes[i] = expectedCode(t, i);
  return harness::encodeInts(codes, b ? 8 * b : 4);
}

/// A human-readable element: the value and, for non-f32 encodings, the code.
inline std::string describe(const std::string &dtype, uint32_t code) {
  char buf[96];
  if (dtype == "FLOAT") {
    std::snprintf(buf, sizeof buf, "%.9g (0x%08X)", ref::bitsToFloat(code),
                  code);
  } else if (dtype == "FLOAT16" || dtype == "BFLOAT16" ||
             dtype == "FLOAT8E4M3FN" || dtype == "FLOAT8E5M2") {
    ref::FloatFormat fmt = dtype == "FLOAT16"      ? ref::FloatFormat::f16()
                           : dtype == "BFLOAT16"   ? ref::FloatFormat::bf16()
                           : dtype == "FLOAT8E5M2" ? ref::FloatFormat::f8E5M2()
                                                   : ref::FloatFormat::f8E4M3FN();
    std::snprintf(buf, sizeof buf, "%.9g (0x%0*X)",
                  ref::decodeFloat(code, fmt), (int)abiElementBytes(dtype) * 2,
                  code);
  } else if (isInt(dtype)) {
    unsigned width = isInt4(dtype) ? 4 : 8;
    int64_t v = code;
    if (isSignedInt(dtype) && (code >> (width - 1)))
      v -= (int64_t)1 << width;
    std::snprintf(buf, sizeof buf, "%lld (0x%X)", (long long)v, code);
  } else {
    std::snprintf(buf, sizeof buf, "0x%X", code);
  }
  return buf;
}

/// Compares an ABI result buffer with the expected tensor bit for bit
/// (element codes, then the whole buffer so int4 padding nibbles count too).
/// Prints up to `maxPrint` mismatches; returns the number of mismatching
/// elements (a padding-only difference counts as one).
inline int compareOutput(const std::string &what, const std::vector<uint8_t> &got,
                         const Tensor &expected, const Tensor *input,
                         int &printed, int maxPrint = 8) {
  int64_t n = expected.numel();
  std::vector<uint8_t> want = toAbi(expected);
  int mismatches = 0;
  if (got.size() != want.size()) {
    std::printf("  mismatch %s: result has %zu bytes, expected %zu\n",
                what.c_str(), got.size(), want.size());
    return 1;
  }
  for (int64_t i = 0; i < n; ++i) {
    uint32_t g = abiCode(got, expected.dtype, i);
    uint32_t w = abiCode(want, expected.dtype, i);
    if (g == w)
      continue;
    ++mismatches;
    if (printed++ < maxPrint) {
      std::string in = "-";
      if (input && input->numel() == n)
        in = describe(input->dtype, expectedCode(*input, i));
      std::printf("  mismatch %s[%lld]: input %s, got %s, expected %s\n",
                  what.c_str(), (long long)i, in.c_str(),
                  describe(expected.dtype, g).c_str(),
                  describe(expected.dtype, w).c_str());
    }
  }
  if (mismatches == 0 && std::memcmp(got.data(), want.data(), got.size())) {
    ++mismatches;
    if (printed++ < maxPrint)
      std::printf("  mismatch %s: padding bits differ (last byte got 0x%02X, "
                  "expected 0x%02X)\n",
                  what.c_str(), got.back(), want.back());
  }
  return mismatches;
}

//===----------------------------------------------------------------------===//
// Summary
//===----------------------------------------------------------------------===//

/// Counts of one group of data sets (by ONNX operator).
struct Group {
  const char *name;
  int cases = 0, values = 0, mismatches = 0;
};

/// Prints "<prefix> <group>: N cases (N values), N mismatches" for each group,
/// then "<prefix> FAILED" when there are mismatches or `errors`, else
/// "<prefix> ALL PASSED"; returns the exit code of main.
inline int printSummary(const char *prefix,
                        std::initializer_list<const Group *> groups,
                        int errors) {
  int failures = errors;
  for (const Group *g : groups) {
    std::printf("%s %s: %d cases (%d values), %d mismatches\n", prefix,
                g->name, g->cases, g->values, g->mismatches);
    failures += g->mismatches;
  }
  if (failures) {
    std::printf("%s FAILED\n", prefix);
    return 1;
  }
  std::printf("%s ALL PASSED\n", prefix);
  return 0;
}

//===----------------------------------------------------------------------===//
// Tables of compiled functions written by generators
//===----------------------------------------------------------------------===//

/// One compiled function running data set `dataSet` of ONNX test `test`
/// (static shapes, parameters baked in): `run(x, y)` with ABI buffers.
/// Tables end with an entry whose `test` is null.
struct CompiledCase {
  const char *test;
  int dataSet;
  const char *opType;
  const char *function;
  void (*run)(const void *in, void *out);
};

/// A test a generator left out, and why. Tables end with a null `test`.
struct SkippedTest {
  const char *test;
  const char *reason;
};

} // namespace onnx_oracle

#endif // QUANTA_TEST_INTEGRATION_ONNXORACLE_H
