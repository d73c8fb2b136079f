//===- onnx-harness.cpp - ONNX backend tests through compiled Quanta code -===//
//
// Runs every ONNX QuantizeLinear / DequantizeLinear / DynamicQuantizeLinear
// backend test (test/data/oracles/onnx) through the functions of onnx.mlir,
// compiled by quanta-compile, and compares the results with the JSON's
// expected outputs bit for bit. Built with `-include <generated header>`.
//
// Each test is mapped onto a dynamic-shape function from its types and the
// shapes of its parameters:
//   - per tensor (scale of rank 0): the tensor is flattened to 1-D;
//   - per channel (scale of rank 1, ONNX `axis`, default 1): the tensor is
//     viewed as [outer, C, inner, 1] and the function quantizes along axis 1;
//   - blocked (`block_size` > 0): the same view, per_group along axis 1 with
//     the scale viewed as [outer, C / block_size, inner, 1].
// Tests with a storage or expressed type Quanta does not have are listed as
// "not applicable". Exits non-zero on any mismatch or unmapped test.
//
//===----------------------------------------------------------------------===//

#include "OnnxOracle.h"

#include <functional>
#include <map>

using namespace onnx_oracle;

namespace {

/// ABI buffers of one call. Shapes are already normalized (see above).
struct Call {
  std::vector<uint8_t> x, scale, zp;
  std::vector<int64_t> xDims, scaleDims;
  std::vector<uint8_t> y;        ///< Result 0.
  std::vector<uint8_t> yScale;   ///< DynamicQuantizeLinear results 1 and 2.
  std::vector<uint8_t> yZp;
};

template <typename T> T *p(std::vector<uint8_t> &v) {
  return reinterpret_cast<T *>(v.data());
}

using Kernel = std::function<void(Call &)>;

/// The compiled functions, by "<op>:<storage>:<expressed>:<granularity>".
std::map<std::string, std::pair<std::string, Kernel>> kernels() {
  std::map<std::string, std::pair<std::string, Kernel>> d;
  // Per tensor, rank 1.
#define PER_TENSOR_ZP(KEY, FN, XT, ST, ZT, YT)                                \
  d[KEY] = {#FN, [](Call &c) {                                                 \
              FN(p<XT>(c.x), c.xDims[0], p<ST>(c.scale), p<ZT>(c.zp),          \
                 p<YT>(c.y));                                                  \
            }};
#define PER_TENSOR(KEY, FN, XT, ST, YT)                                        \
  d[KEY] = {#FN, [](Call &c) {                                                 \
              FN(p<XT>(c.x), c.xDims[0], p<ST>(c.scale), p<YT>(c.y));          \
            }};
  // Per channel, [outer, C, inner, 1], scale [C].
#define PER_CHANNEL(KEY, FN, XT, ZT, YT)                                       \
  d[KEY] = {#FN, [](Call &c) {                                                 \
              FN(p<XT>(c.x), c.xDims[0], c.xDims[1], c.xDims[2], c.xDims[3],   \
                 p<float>(c.scale), c.scaleDims[0], p<ZT>(c.zp),               \
                 c.scaleDims[0], p<YT>(c.y));                                  \
            }};
  // Per group, [outer, C, inner, 1], scale [outer, C / g, inner, 1].
#define PER_GROUP(KEY, FN, XT, ZT, YT)                                         \
  d[KEY] = {#FN, [](Call &c) {                                                 \
              auto &s = c.scaleDims;                                           \
              FN(p<XT>(c.x), c.xDims[0], c.xDims[1], c.xDims[2], c.xDims[3],   \
                 p<float>(c.scale), s[0], s[1], s[2], s[3], p<ZT>(c.zp), s[0], \
                 s[1], s[2], s[3], p<YT>(c.y));                                \
            }};

  PER_TENSOR_ZP("Q:UINT8:FLOAT:tensor", ql_ui8_f32_tensor, float, float,
                int8_t, int8_t)
  PER_CHANNEL("Q:UINT8:FLOAT:channel", ql_ui8_f32_channel, float, int8_t,
              int8_t)
  PER_GROUP("Q:UINT8:FLOAT:group2", ql_ui8_f32_group2, float, int8_t, int8_t)
  PER_TENSOR("Q:FLOAT8E4M3FN:FLOAT:tensor", ql_e4m3fn_f32_tensor, float, float,
             uint8_t)
  PER_TENSOR("Q:FLOAT8E5M2:FLOAT:tensor", ql_e5m2_f32_tensor, float, float,
             uint8_t)
  PER_CHANNEL("Q:INT4:FLOAT:channel", ql_i4_f32_channel, float, uint8_t,
              uint8_t)
  PER_CHANNEL("Q:UINT4:FLOAT:channel", ql_ui4_f32_channel, float, uint8_t,
              uint8_t)

  PER_TENSOR_ZP("D:UINT8:FLOAT:tensor", dl_ui8_f32_tensor, int8_t, float,
                int8_t, float)
  PER_CHANNEL("D:UINT8:FLOAT:channel", dl_ui8_f32_channel, int8_t, int8_t,
              float)
  PER_GROUP("D:UINT8:FLOAT:group2", dl_ui8_f32_group2, int8_t, int8_t, float)
  PER_TENSOR("D:FLOAT8E4M3FN:FLOAT:tensor", dl_e4m3fn_f32_tensor, uint8_t,
             float, float)
  PER_TENSOR("D:FLOAT8E4M3FN:FLOAT16:tensor", dl_e4m3fn_f16_tensor, uint8_t,
             uint16_t, uint16_t)
  PER_TENSOR("D:FLOAT8E5M2:FLOAT:tensor", dl_e5m2_f32_tensor, uint8_t, float,
             float)
  PER_TENSOR_ZP("D:INT4:FLOAT:tensor", dl_i4_f32_tensor, uint8_t, float,
                uint8_t, float)
  PER_TENSOR_ZP("D:UINT4:FLOAT:tensor", dl_ui4_f32_tensor, uint8_t, float,
                uint8_t, float)

  d["DQ:UINT8:FLOAT:tensor"] = {"dql_ui8_f32", [](Call &c) {
                                  dql_ui8_f32(p<float>(c.x), c.xDims[0],
                                              p<int8_t>(c.y),
                                              p<float>(c.yScale),
                                              p<int8_t>(c.yZp));
                                }};
#undef PER_TENSOR_ZP
#undef PER_TENSOR
#undef PER_CHANNEL
#undef PER_GROUP
  return d;
}

bool supportedStorage(const std::string &t) {
  return t == "UINT8" || t == "INT8" || t == "UINT4" || t == "INT4" ||
         t == "FLOAT8E4M3FN" || t == "FLOAT8E5M2";
}
bool supportedExpressed(const std::string &t) {
  return t == "FLOAT" || t == "FLOAT16" || t == "BFLOAT16";
}

/// [outer, C, inner, 1] view of `dims` around `axis`.
std::vector<int64_t> channelView(const std::vector<int64_t> &dims,
                                 int64_t axis) {
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < axis; ++i)
    outer *= dims[i];
  for (size_t i = axis + 1; i < dims.size(); ++i)
    inner *= dims[i];
  return {outer, dims[axis], inner, 1};
}

} // namespace

int main() {
  auto table = kernels();
  Group quantize{"QuantizeLinear"}, dequantize{"DequantizeLinear"},
      dynamic{"DynamicQuantizeLinear"};
  int notApplicable = 0, otherOps = 0, errors = 0;

  for (const std::string &path : listTests()) {
    OnnxTest t = loadTest(path);
    std::string base = std::filesystem::path(path).stem().string();
    Group *group = nullptr;
    if (base.rfind("test_quantizelinear", 0) == 0)
      group = &quantize;
    else if (base.rfind("test_dequantizelinear", 0) == 0)
      group = &dequantize;
    else if (base.rfind("test_dynamicquantizelinear", 0) == 0)
      group = &dynamic; // The _expanded graphs compute the same function.
    if (!group) {
      ++otherOps;
      continue;
    }

    // Types: storage is the quantized side, expressed the float side.
    std::string storage, expressed;
    if (group == &quantize) {
      expressed = t.inputDtypes[0];
      storage = t.outputDtypes[0];
    } else if (group == &dequantize) {
      storage = t.inputDtypes[0];
      expressed = t.outputDtypes[0];
    } else {
      expressed = t.inputDtypes[0];
      storage = t.outputDtypes[0];
    }
    if (!supportedStorage(storage) || !supportedExpressed(expressed)) {
      std::printf("not applicable: %s (%s %s)\n", t.name.c_str(),
                  supportedStorage(storage) ? expressed.c_str()
                                            : storage.c_str(),
                  supportedStorage(storage) ? "expressed type" : "storage");
      ++notApplicable;
      continue;
    }

    for (size_t dsi = 0; dsi < t.dataSets.size(); ++dsi) {
      const DataSet &ds = t.dataSets[dsi];
      std::string caseName = t.name + "[" + std::to_string(dsi) + "]";
      Call c;
      const Tensor &x = ds.inputs.at(0);
      std::string key;
      if (group == &dynamic) {
        key = "DQ:" + storage + ":" + expressed + ":tensor";
        c.x = toAbi(x);
        c.xDims = {x.numel()};
      } else {
        const Tensor &scale = ds.inputs.at(1);
        const Tensor *zp = ds.inputs.size() > 2 ? &ds.inputs[2] : nullptr;
        bool floatStorage = storage.rfind("FLOAT", 0) == 0;
        if (floatStorage && zp) {
          // Float storage has no zero point in Quanta; ONNX requires 0.
          bool zero = true;
          for (int64_t i = 0; i < zp->numel(); ++i)
            zero &= expectedCode(*zp, i) == 0;
          if (!zero) {
            std::printf("not applicable: %s (non-zero float zero point)\n",
                        caseName.c_str());
            ++notApplicable;
            continue;
          }
          zp = nullptr;
        }
        int64_t rank = (int64_t)x.dims.size();
        int64_t axis = t.attrInt("axis", 1);
        if (axis < 0)
          axis += rank;
        int64_t block = t.attrInt("block_size", 0);
        c.x = toAbi(x);
        c.scale = toAbi(scale);
        if (zp)
          c.zp = toAbi(*zp);
        std::string gran;
        if (scale.dims.empty()) {
          gran = "tensor";
          c.xDims = {x.numel()};
        } else if (block == 0) {
          gran = "channel";
          c.xDims = channelView(x.dims, axis);
          c.scaleDims = {scale.numel()};
        } else {
          gran = "group" + std::to_string(block);
          if (x.dims[axis] % block) {
            std::printf("not applicable: %s (partial trailing block)\n",
                        caseName.c_str());
            ++notApplicable;
            continue;
          }
          c.xDims = channelView(x.dims, axis);
          c.scaleDims = channelView(scale.dims, axis);
        }
        key = std::string(group == &quantize ? "Q:" : "D:") + storage + ":" +
              expressed + ":" + gran;
      }

      auto it = table.find(key);
      if (it == table.end()) {
        std::printf("ERROR %s: no compiled function for %s\n",
                    caseName.c_str(), key.c_str());
        ++errors;
        continue;
      }

      const Tensor &y = ds.outputs.at(0);
      c.y.assign(abiBytes(y.dtype, y.numel()), 0xA5);
      const Tensor *yScale = ds.output("y_scale");
      const Tensor *yZp = ds.output("y_zero_point");
      if (group == &dynamic) {
        c.yScale.assign(4, 0xA5);
        c.yZp.assign(1, 0xA5);
      }
      it->second.second(c);

      int printed = 0;
      int mismatches = compareOutput(caseName + " y", c.y, y, &x, printed);
      int values = (int)y.numel();
      if (group == &dynamic) {
        mismatches += compareOutput(caseName + " y_scale", c.yScale, *yScale,
                                    nullptr, printed);
        mismatches += compareOutput(caseName + " y_zero_point", c.yZp, *yZp,
                                    nullptr, printed);
        values += 2;
      }
      std::printf("%s %s via %s: %d values\n", mismatches ? "FAIL" : "PASS",
                  caseName.c_str(), it->second.first.c_str(), values);
      ++group->cases;
      group->values += values;
      group->mismatches += mismatches;
    }
  }

  std::printf("onnx not applicable: %d tests\n", notApplicable);
  std::printf("onnx other ops (Cast): %d files not run here\n", otherOps);
  return printSummary("onnx", {&quantize, &dequantize, &dynamic}, errors);
}
