//===- OnnxOracleTest.cpp - ONNX backend node tests, bit for bit ----------===//
//
// Loads every test/data/oracles/onnx/*.json (ONNX backend node tests from
// onnx/onnx at commit 6be0677f) and replays it through quanta::ref,
// dispatching on the op type and dtypes. A file no handler covers fails.
//
//===----------------------------------------------------------------------===//

#include "quanta/Reference/Numerics.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

using namespace quanta::ref;
using json = nlohmann::json;

namespace {

/// Output elements compared so far (guards against a vacuous pass).
size_t gComparedElements = 0;

std::string dataDir() {
  return std::string(QUANTA_TEST_DATA_DIR) + "/oracles/onnx";
}

double jsonNumber(const json &v) {
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    if (s == "nan")
      return NAN;
    if (s == "inf")
      return INFINITY;
    if (s == "-inf")
      return -INFINITY;
    ADD_FAILURE() << "unexpected string value " << s;
    return 0;
  }
  return v.get<double>();
}

std::optional<FloatFormat> floatFormatOf(const std::string &dtype) {
  if (dtype == "FLOAT")
    return FloatFormat::f32();
  if (dtype == "FLOAT16")
    return FloatFormat::f16();
  if (dtype == "BFLOAT16")
    return FloatFormat::bf16();
  if (dtype == "FLOAT8E4M3FN")
    return FloatFormat::f8E4M3FN();
  if (dtype == "FLOAT8E4M3FNUZ")
    return FloatFormat::f8E4M3FNUZ();
  if (dtype == "FLOAT8E5M2")
    return FloatFormat::f8E5M2();
  if (dtype == "FLOAT8E5M2FNUZ")
    return FloatFormat::f8E5M2FNUZ();
  if (dtype == "FLOAT4E2M1")
    return FloatFormat::f4E2M1FN();
  return std::nullopt;
}

std::optional<IntFormat> intFormatOf(const std::string &dtype) {
  struct Entry {
    const char *name;
    IntFormat fmt;
  };
  static const Entry entries[] = {
      {"INT2", IntFormat::sint(2)},   {"UINT2", IntFormat::uint(2)},
      {"INT4", IntFormat::sint(4)},   {"UINT4", IntFormat::uint(4)},
      {"INT8", IntFormat::sint(8)},   {"UINT8", IntFormat::uint(8)},
      {"INT16", IntFormat::sint(16)}, {"UINT16", IntFormat::uint(16)},
  };
  for (const Entry &e : entries)
    if (dtype == e.name)
      return e.fmt;
  return std::nullopt;
}

/// A decoded tensor from the JSON.
struct Tensor {
  std::string name, dtype;
  std::vector<int64_t> dims;
  std::vector<double> values; // numeric values (NaN/inf as such)
  std::vector<uint32_t> bits; // raw codes where present
  bool hasBits = false;

  size_t size() const { return values.size(); }
  /// Exact f32 value of element i (FLOAT16 and float8 via their codes).
  float asFloat(size_t i) const {
    if (dtype == "FLOAT")
      return float(values[i]);
    std::optional<FloatFormat> f = floatFormatOf(dtype);
    if (f && hasBits)
      return decodeFloat(bits[i], *f);
    return float(values[i]);
  }
  std::vector<float> floats() const {
    std::vector<float> out;
    for (size_t i = 0; i < size(); ++i)
      out.push_back(asFloat(i));
    return out;
  }
  std::vector<int32_t> ints() const {
    std::vector<int32_t> out;
    for (double v : values)
      out.push_back(int32_t(v));
    return out;
  }
};

Tensor parseTensor(const json &j) {
  Tensor t;
  t.name = j.at("name").get<std::string>();
  t.dtype = j.at("dtype").get<std::string>();
  t.dims = j.at("dims").get<std::vector<int64_t>>();
  for (const json &v : j.at("values"))
    t.values.push_back(jsonNumber(v));
  if (j.contains("bits")) {
    t.hasBits = true;
    for (const json &b : j.at("bits"))
      t.bits.push_back(b.get<uint32_t>());
    EXPECT_EQ(t.bits.size(), t.values.size()) << t.name;
  }
  return t;
}

struct Case {
  std::string test;
  std::string opType;
  json attrs;
  std::vector<Tensor> inputs, outputs;

  const Tensor *input(size_t i) const {
    return i < inputs.size() ? &inputs[i] : nullptr;
  }
  int64_t attr(const char *name, int64_t dflt) const {
    return attrs.contains(name) ? attrs.at(name).get<int64_t>() : dflt;
  }
};

/// Compares f32 results bit for bit (any NaN matches any NaN).
void expectFloatsBitExact(const std::vector<float> &got, const Tensor &want,
                          const std::string &test) {
  ASSERT_EQ(got.size(), want.size()) << test;
  gComparedElements += got.size();
  for (size_t i = 0; i < got.size(); ++i) {
    const float w = float(want.values[i]);
    if (std::isnan(w)) {
      EXPECT_TRUE(std::isnan(got[i])) << test << " [" << i << "]";
      continue;
    }
    EXPECT_EQ(floatBits(got[i]), floatBits(w))
        << test << " [" << i << "] got " << got[i] << " want " << w;
  }
}

void expectCodes(const std::vector<uint32_t> &got, const Tensor &want,
                 const std::string &test) {
  ASSERT_TRUE(want.hasBits) << test;
  ASSERT_EQ(got.size(), want.bits.size()) << test;
  gComparedElements += got.size();
  for (size_t i = 0; i < got.size(); ++i)
    EXPECT_EQ(got[i], want.bits[i]) << test << " [" << i << "]";
}

void expectInts(const std::vector<int32_t> &got, const Tensor &want,
                const std::string &test) {
  ASSERT_EQ(got, want.ints()) << test;
  gComparedElements += got.size();
  if (want.hasBits) { // two's complement codes of the storage width
    std::optional<IntFormat> f = intFormatOf(want.dtype);
    ASSERT_TRUE(f.has_value());
    for (size_t i = 0; i < got.size(); ++i)
      EXPECT_EQ(uint32_t(got[i]) & ((1u << f->bits) - 1), want.bits[i])
          << test << " [" << i << "]";
  }
}

/// ONNX QuantizeLinear / DequantizeLinear parameter layout: block_size > 0
/// -> blocked along axis; a scalar or single-element 1-D scale -> per
/// tensor; else per axis (axis defaults to 1).
Layout layoutFor(const Case &c, const Tensor &x, const Tensor &scale) {
  int64_t axis = c.attr("axis", 1);
  const int64_t block = c.attr("block_size", 0);
  if (axis < 0)
    axis += int64_t(x.dims.size());
  if (block > 0)
    return Layout::perGroup(x.dims, axis, block);
  if (scale.size() == 1 && scale.dims.size() <= 1)
    return Layout::perTensor(x.dims);
  return Layout::perChannel(x.dims, axis);
}

void runQuantizeLinear(const Case &c) {
  const Tensor &x = *c.input(0);
  const Tensor &scale = *c.input(1);
  const Tensor *zp = c.input(2);
  const Tensor &y = c.outputs.at(0);
  ASSERT_EQ(x.dtype, "FLOAT") << c.test;
  const Layout layout = layoutFor(c, x, scale);
  ASSERT_EQ(layout.verify(true), "") << c.test;
  if (std::optional<IntFormat> f = intFormatOf(y.dtype)) {
    std::vector<int32_t> q =
        quantizeTensor(x.floats(), layout, scale.floats(),
                       zp ? zp->ints() : std::vector<int32_t>{}, *f);
    expectInts(q, y, c.test);
    return;
  }
  std::optional<FloatFormat> f = floatFormatOf(y.dtype);
  ASSERT_TRUE(f.has_value()) << c.test << " output " << y.dtype;
  if (zp)
    for (float z : zp->floats())
      ASSERT_EQ(z, 0.0f) << c.test << ": float zero point must be 0";
  const bool saturate = c.attr("saturate", 1) != 0;
  expectCodes(
      quantizeTensorFloat(x.floats(), layout, scale.floats(), *f, saturate), y,
      c.test);
}

void runDequantizeLinear(const Case &c) {
  const Tensor &x = *c.input(0);
  const Tensor &scale = *c.input(1);
  const Tensor *zp = c.input(2);
  const Tensor &y = c.outputs.at(0);
  std::optional<FloatFormat> expressed = floatFormatOf(y.dtype);
  ASSERT_TRUE(expressed.has_value()) << c.test;
  ASSERT_EQ(scale.dtype, y.dtype) << c.test;
  const Layout layout = layoutFor(c, x, scale);
  ASSERT_EQ(layout.verify(true), "") << c.test;
  std::vector<float> got;
  if (std::optional<IntFormat> f = intFormatOf(x.dtype)) {
    (void)f;
    got =
        dequantizeTensor(x.ints(), layout, scale.floats(),
                         zp ? zp->ints() : std::vector<int32_t>{}, *expressed);
  } else {
    std::optional<FloatFormat> sf = floatFormatOf(x.dtype);
    ASSERT_TRUE(sf.has_value() && x.hasBits) << c.test;
    if (zp)
      for (float z : zp->floats())
        ASSERT_EQ(z, 0.0f) << c.test;
    got =
        dequantizeTensorFloat(x.bits, layout, scale.floats(), *sf, *expressed);
  }
  if (y.dtype == "FLOAT") {
    expectFloatsBitExact(got, y, c.test);
  } else {
    std::vector<uint32_t> codes;
    for (float g : got)
      codes.push_back(encodeFloat(g, *expressed, false));
    expectCodes(codes, y, c.test);
  }
}

/// DynamicQuantizeLinear (and its function-expanded form, same data):
/// computeParams MinMax, asymmetric uint8, then QuantizeLinear.
void runDynamicQuantizeLinear(const Case &c) {
  const Tensor &x = *c.input(0);
  ASSERT_EQ(c.outputs.size(), 3u) << c.test;
  const Tensor &y = c.outputs[0], &yScale = c.outputs[1], &yZp = c.outputs[2];
  ASSERT_EQ(y.dtype, "UINT8");
  const Layout layout = Layout::perTensor(x.dims);
  Params p = computeParams(x.floats(), layout, IntFormat::uint(8),
                           /*symmetric=*/false, ParamMethod::MinMax);
  ASSERT_TRUE(p.ok()) << p.error;
  expectFloatsBitExact(p.scale, yScale, c.test + " y_scale");
  EXPECT_EQ(p.zeroPoint, yZp.ints()) << c.test << " y_zero_point";
  gComparedElements += p.zeroPoint.size();
  expectInts(quantizeTensor(x.floats(), layout, p.scale, p.zeroPoint,
                            IntFormat::uint(8)),
             y, c.test);
}

void runCast(const Case &c) {
  const Tensor &x = *c.input(0);
  const Tensor &y = c.outputs.at(0);
  const bool saturate = c.attr("saturate", 1) != 0;
  std::optional<FloatFormat> from = floatFormatOf(x.dtype);
  std::optional<FloatFormat> to = floatFormatOf(y.dtype);
  std::optional<IntFormat> fromInt = intFormatOf(x.dtype);
  std::optional<IntFormat> toInt = intFormatOf(y.dtype);
  if (from && to) {
    // Float -> float: one decode, one RNE encode (castFloat).
    std::vector<uint32_t> in;
    for (size_t i = 0; i < x.size(); ++i)
      in.push_back(x.hasBits ? x.bits[i] : floatBits(float(x.values[i])));
    std::vector<uint32_t> out;
    for (uint32_t code : in)
      out.push_back(castFloat(code, *from, *to, saturate));
    if (y.dtype == "FLOAT") {
      std::vector<float> f;
      for (uint32_t o : out)
        f.push_back(bitsToFloat(o));
      expectFloatsBitExact(f, y, c.test);
    } else {
      expectCodes(out, y, c.test);
    }
    return;
  }
  if (from && *from == FloatFormat::f32() && toInt) {
    // Float -> int4/uint4: the oracle wraps modulo 16 (-9 -> 7, 8 -> -8 for
    // INT4; -1 -> 15 for UINT4). Its inputs are integral, so the rounding
    // mode is not observable here.
    std::vector<int32_t> q;
    for (float v : x.floats())
      q.push_back(castFloatToInt(v, *toInt, Rounding::HalfEven,
                                 /*saturate=*/false));
    expectInts(q, y, c.test);
    // The packed ONNX layout of the result round-trips.
    EXPECT_EQ(unpackInt4(packInt4(q), q.size(), toInt->isSigned), q);
    return;
  }
  if (fromInt && to && *to == FloatFormat::f32()) {
    if (x.hasBits) // nibble codes -> values through the packed layout
      EXPECT_EQ(unpackInt4(packInt4(std::vector<int32_t>(x.bits.begin(),
                                                         x.bits.end())),
                           x.size(), fromInt->isSigned),
                x.ints())
          << c.test;
    std::vector<float> f;
    for (int32_t v : x.ints())
      f.push_back(float(v));
    expectFloatsBitExact(f, y, c.test);
    return;
  }
  ADD_FAILURE() << c.test << ": no Cast handler for " << x.dtype << " -> "
                << y.dtype;
}

/// Returns false if no handler covers the file.
bool runFile(const std::filesystem::path &path, size_t &dataSets) {
  std::ifstream in(path);
  json j = json::parse(in);
  const std::string test = j.at("test").get<std::string>();
  const json &nodes = j.at("model").at("nodes");
  std::string opType;
  json attrs = json::object();
  for (const json &n : nodes) {
    const std::string op = n.at("op_type").get<std::string>();
    if (op == "QuantizeLinear" || op == "DequantizeLinear" ||
        op == "DynamicQuantizeLinear" || op == "Cast") {
      if (nodes.size() == 1) {
        opType = op;
        attrs = n.at("attrs");
      }
    }
  }
  // The *_expanded DynamicQuantizeLinear tests are the function body
  // (ReduceMin/ReduceMax/Div/...); they share the data of the plain test.
  if (opType.empty() && test.rfind("test_dynamicquantizelinear", 0) == 0 &&
      test.size() > 9 && test.substr(test.size() - 9) == "_expanded")
    opType = "DynamicQuantizeLinear";
  if (opType.empty())
    return false;
  for (const json &ds : j.at("data_sets")) {
    Case c;
    c.test = test;
    c.opType = opType;
    c.attrs = attrs;
    for (const json &t : ds.at("inputs"))
      c.inputs.push_back(parseTensor(t));
    for (const json &t : ds.at("outputs"))
      c.outputs.push_back(parseTensor(t));
    if (opType == "QuantizeLinear")
      runQuantizeLinear(c);
    else if (opType == "DequantizeLinear")
      runDequantizeLinear(c);
    else if (opType == "DynamicQuantizeLinear")
      runDynamicQuantizeLinear(c);
    else
      runCast(c);
    ++dataSets;
  }
  return true;
}

} // namespace

TEST(OnnxOracle, EveryJsonFileIsCoveredAndBitExact) {
  std::vector<std::filesystem::path> files;
  for (const auto &e : std::filesystem::directory_iterator(dataDir()))
    if (e.path().extension() == ".json")
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 55u) << "oracle set changed: update this test";
  size_t dataSets = 0;
  for (const auto &f : files) {
    SCOPED_TRACE(f.filename().string());
    EXPECT_TRUE(runFile(f, dataSets))
        << f.filename() << " is not covered by any handler";
  }
  EXPECT_EQ(dataSets, files.size());
  // Every output element of every data set (673 in this oracle set).
  EXPECT_EQ(gComparedElements, 673u);
}

// Spot checks that do not depend on the dispatcher.
TEST(OnnxOracle, QuantizeLinearSpotChecks) {
  // test_quantizelinear: scale 2, zp 128, uint8.
  const float x[] = {0, 2, 3, 1000, -254, -1000};
  const int32_t want[] = {128, 129, 130, 255, 1, 0};
  for (int i = 0; i < 6; ++i)
    EXPECT_EQ(quantizeInt(x[i], 2.0f, 128, IntFormat::uint(8)), want[i]);
  // test_dynamicquantizelinear: scale 5/255, zp 153.
  Params p =
      computeParams({0, 2, -3, -2.5f, 1.34f, 0.5f}, Layout::perTensor({6}),
                    IntFormat::uint(8), false, ParamMethod::MinMax);
  EXPECT_EQ(p.scale[0], 0.019607843831181526f);
  EXPECT_EQ(p.zeroPoint[0], 153);
}
