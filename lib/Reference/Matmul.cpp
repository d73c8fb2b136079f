//===- Matmul.cpp - Quantized matmul reference ----------------------------===//
//
// Part of the Quanta numerics reference library.
//
//===----------------------------------------------------------------------===//

#include "quanta/Reference/Matmul.h"

namespace quanta::ref {

static std::string checkOperand(const QuantizedTensor &t, const char *name) {
  std::string err = t.layout.verify(/*allowPartialGroups=*/true);
  if (!err.empty())
    return std::string(name) + ": " + err;
  if (t.layout.shape.size() < 2)
    return std::string(name) + ": rank must be at least 2";
  if (int64_t(t.values.size()) != t.layout.numElements())
    return std::string(name) + ": value count does not match the shape";
  const int64_t np = t.layout.numParams();
  if (int64_t(t.scale.size()) != np)
    return std::string(name) + ": scale count does not match the layout";
  if (!t.zeroPoint.empty() && int64_t(t.zeroPoint.size()) != np)
    return std::string(name) + ": zero point count does not match the layout";
  if (t.isFloat)
    for (int32_t z : t.zeroPoint)
      if (z != 0)
        return std::string(name) + ": float storage needs zero points of 0";
  return "";
}

/// Returns the K-block size implied by `t`'s layout along `kAxis` (0 = none),
/// or -1 if the parameters vary along K element by element.
static int64_t kGroup(const QuantizedTensor &t, int64_t kAxis) {
  if (t.layout.granularity == Granularity::PerTensor || t.layout.axis != kAxis)
    return 0;
  if (t.layout.granularity == Granularity::PerChannel)
    return t.layout.shape[kAxis] == 1 ? 0 : -1;
  return t.layout.groupSize;
}

static float dequantElement(const QuantizedTensor &t, int64_t i) {
  const int64_t p = t.layout.paramIndex(i);
  if (t.isFloat)
    return dequantizeFloat(uint32_t(t.values[i]), t.scale[p], t.floatFormat);
  return dequantizeInt(t.values[i], t.scale[p],
                       t.zeroPoint.empty() ? 0 : t.zeroPoint[p]);
}

/// sum_{k < n} (a[k * aStride] - za) * (b[k * bStride] - zb) in int32 with
/// two's complement wrap-around: the one int32 accumulation of `matmul` and
/// `matmulInteger`.
static int32_t accumulateWrapped(const int32_t *a, int64_t aStride,
                                 const int32_t *b, int64_t bStride, int64_t n,
                                 int32_t za, int32_t zb) {
  uint32_t acc = 0;
  for (int64_t k = 0; k < n; ++k) {
    const uint32_t x = uint32_t(a[k * aStride]) - uint32_t(za);
    const uint32_t y = uint32_t(b[k * bStride]) - uint32_t(zb);
    acc += x * y;
  }
  return int32_t(acc);
}

MatmulResult matmul(const QuantizedTensor &lhs, const QuantizedTensor &rhs,
                    const MatmulOptions &options) {
  MatmulResult res;
  if (!(res.error = checkOperand(lhs, "lhs")).empty() ||
      !(res.error = checkOperand(rhs, "rhs")).empty())
    return res;
  const auto &ls = lhs.layout.shape, &rs = rhs.layout.shape;
  const size_t lr = ls.size(), rr = rs.size();
  const int64_t M = ls[lr - 2], K = ls[lr - 1], N = rs[rr - 1];
  if (rs[rr - 2] != K) {
    res.error = "contraction dimensions differ";
    return res;
  }
  int64_t batch = 1;
  for (size_t i = 0; i + 2 < lr; ++i)
    batch *= ls[i];
  const bool rhsBatched = rr > 2;
  if (rhsBatched &&
      (rr != lr || !std::equal(ls.begin(), ls.end() - 2, rs.begin()))) {
    res.error = "rhs batch dimensions must match lhs";
    return res;
  }
  if (!options.bias.empty() && int64_t(options.bias.size()) != N) {
    res.error = "bias must have N elements";
    return res;
  }

  int64_t kBlock = K;
  if (options.accumulation == MatmulAccumulation::Int32) {
    if (lhs.isFloat || rhs.isFloat) {
      res.error = "int32 accumulation needs integer storage";
      return res;
    }
    const int64_t ga = kGroup(lhs, int64_t(lr) - 1);
    const int64_t gb = kGroup(rhs, int64_t(rr) - 2);
    if (ga < 0 || gb < 0) {
      res.error = "per-channel parameters along K cannot use int32 "
                  "accumulation";
      return res;
    }
    if (ga > 0 && gb > 0 && ga != gb) {
      res.error = "lhs and rhs group sizes along K differ";
      return res;
    }
    if (ga > 0)
      kBlock = ga;
    if (gb > 0)
      kBlock = gb;
    if (kBlock <= 0)
      kBlock = 1;
  }

  res.shape.assign(ls.begin(), ls.end() - 2);
  res.shape.push_back(M);
  res.shape.push_back(N);
  res.values.assign(size_t(batch * M * N), 0.0f);

  for (int64_t b = 0; b < batch; ++b) {
    const int64_t lBase = b * M * K;
    const int64_t rBase = rhsBatched ? b * K * N : 0;
    for (int64_t m = 0; m < M; ++m) {
      for (int64_t n = 0; n < N; ++n) {
        float out = 0.0f;
        if (options.accumulation == MatmulAccumulation::Float32) {
          for (int64_t k = 0; k < K; ++k) {
            const float a = dequantElement(lhs, lBase + m * K + k);
            const float w = dequantElement(rhs, rBase + k * N + n);
            const float prod = a * w;
            out = out + prod;
          }
        } else {
          for (int64_t k0 = 0; k0 < K; k0 += kBlock) {
            const int64_t k1 = std::min(K, k0 + kBlock);
            const int64_t la = lBase + m * K + k0, rb = rBase + k0 * N + n;
            const int64_t pa = lhs.layout.paramIndex(la);
            const int64_t pb = rhs.layout.paramIndex(rb);
            const int32_t za = lhs.zeroPoint.empty() ? 0 : lhs.zeroPoint[pa];
            const int32_t zb = rhs.zeroPoint.empty() ? 0 : rhs.zeroPoint[pb];
            const int32_t acc =
                accumulateWrapped(&lhs.values[la], 1, &rhs.values[rb], N,
                                  k1 - k0, za, zb);
            const float s = lhs.scale[pa] * rhs.scale[pb];
            const float blk = float(acc) * s;
            out = out + blk;
          }
        }
        if (!options.bias.empty())
          out = out + options.bias[n];
        res.values[size_t((b * M + m) * N + n)] = out;
      }
    }
  }
  if (options.requantize) {
    res.quantized.reserve(res.values.size());
    for (float v : res.values)
      res.quantized.push_back(quantizeInt(
          v, options.outScale, options.outZeroPoint, options.outFormat));
  }
  return res;
}

static std::string checkIntegerOperand(const IntegerMatmulOperand &t,
                                       const char *name, int64_t zpCount) {
  const std::string prefix = std::string(name) + ": ";
  if (t.format.bits != 8)
    return prefix + "operands must be 8-bit integers";
  if (t.shape.size() < 2)
    return prefix + "rank must be at least 2";
  int64_t n = 1;
  for (int64_t d : t.shape)
    n *= d;
  if (int64_t(t.values.size()) != n)
    return prefix + "value count does not match the shape";
  for (int32_t v : t.values)
    if (v < t.format.min() || v > t.format.max())
      return prefix + "value out of range";
  if (t.zeroPoint.size() > 1 && int64_t(t.zeroPoint.size()) != zpCount)
    return prefix + "zero point count must be 0, 1 or " +
           std::to_string(zpCount);
  for (int32_t z : t.zeroPoint)
    if (z < t.format.min() || z > t.format.max())
      return prefix + "zero point out of range";
  return "";
}

MatmulIntegerResult matmulInteger(const IntegerMatmulOperand &lhs,
                                  const IntegerMatmulOperand &rhs) {
  MatmulIntegerResult res;
  const auto &ls = lhs.shape, &rs = rhs.shape;
  if (ls.size() < 2 || rs.size() < 2) {
    res.error = "rank must be at least 2";
    return res;
  }
  const size_t lr = ls.size(), rr = rs.size();
  const int64_t M = ls[lr - 2], K = ls[lr - 1], N = rs[rr - 1];
  if ((res.error = checkIntegerOperand(lhs, "lhs", M)).size() ||
      (res.error = checkIntegerOperand(rhs, "rhs", N)).size())
    return res;
  if (rs[rr - 2] != K) {
    res.error = "contraction dimensions differ";
    return res;
  }
  const bool rhsBatched = rr > 2;
  if (rhsBatched &&
      (rr != lr || !std::equal(ls.begin(), ls.end() - 2, rs.begin()))) {
    res.error = "rhs batch dimensions must match lhs";
    return res;
  }
  int64_t batch = 1;
  for (size_t i = 0; i + 2 < lr; ++i)
    batch *= ls[i];
  res.shape.assign(ls.begin(), ls.end() - 2);
  res.shape.push_back(M);
  res.shape.push_back(N);
  res.values.assign(size_t(batch * M * N), 0);
  auto zp = [](const IntegerMatmulOperand &t, int64_t i) {
    if (t.zeroPoint.empty())
      return 0;
    return t.zeroPoint.size() == 1 ? t.zeroPoint[0] : t.zeroPoint[i];
  };
  for (int64_t b = 0; b < batch; ++b) {
    const int32_t *a = lhs.values.data() + b * M * K;
    const int32_t *w = rhs.values.data() + (rhsBatched ? b * K * N : 0);
    for (int64_t m = 0; m < M; ++m)
      for (int64_t n = 0; n < N; ++n)
        res.values[size_t((b * M + m) * N + n)] = accumulateWrapped(
            a + m * K, 1, w + n, N, K, zp(lhs, m), zp(rhs, n));
  }
  return res;
}

} // namespace quanta::ref
