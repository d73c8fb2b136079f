//===- Layout.cpp - Quantization parameter layouts ------------------------===//
//
// Part of the Quanta numerics reference library.
//
//===----------------------------------------------------------------------===//

#include "quanta/Reference/Quantize.h"

#include <cassert>

namespace quanta::ref {

static int64_t normalizeAxis(int64_t axis, size_t rank) {
  return axis < 0 ? axis + int64_t(rank) : axis;
}

Layout Layout::perTensor(std::vector<int64_t> shape) {
  Layout l;
  l.shape = std::move(shape);
  return l;
}

Layout Layout::perChannel(std::vector<int64_t> shape, int64_t axis) {
  Layout l;
  l.axis = normalizeAxis(axis, shape.size());
  l.shape = std::move(shape);
  l.granularity = Granularity::PerChannel;
  return l;
}

Layout Layout::perGroup(std::vector<int64_t> shape, int64_t axis,
                        int64_t groupSize) {
  Layout l;
  l.axis = normalizeAxis(axis, shape.size());
  l.shape = std::move(shape);
  l.granularity = Granularity::PerGroup;
  l.groupSize = groupSize;
  return l;
}

std::string Layout::verify(bool allowPartialGroups) const {
  for (int64_t d : shape)
    if (d < 0)
      return "negative dimension";
  if (granularity == Granularity::PerTensor)
    return "";
  if (axis < 0 || axis >= int64_t(shape.size()))
    return "axis " + std::to_string(axis) + " out of range for rank " +
           std::to_string(shape.size());
  if (granularity == Granularity::PerGroup) {
    if (groupSize <= 0)
      return "group size must be positive";
    if (!allowPartialGroups && shape[axis] % groupSize != 0)
      return "group size " + std::to_string(groupSize) +
             " does not divide dimension " + std::to_string(shape[axis]);
  }
  return "";
}

int64_t Layout::numElements() const {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

std::vector<int64_t> Layout::paramShape() const {
  switch (granularity) {
  case Granularity::PerTensor:
    return {};
  case Granularity::PerChannel:
    return {shape[axis]};
  case Granularity::PerGroup: {
    std::vector<int64_t> s = shape;
    s[axis] = (shape[axis] + groupSize - 1) / groupSize;
    return s;
  }
  }
  return {};
}

int64_t Layout::numParams() const {
  int64_t n = 1;
  for (int64_t d : paramShape())
    n *= d;
  return n;
}

int64_t Layout::paramIndex(int64_t flatIndex) const {
  if (granularity == Granularity::PerTensor)
    return 0;
  int64_t inner = 1; // product of dims after axis
  for (size_t i = size_t(axis) + 1; i < shape.size(); ++i)
    inner *= shape[i];
  const int64_t dim = shape[axis];
  const int64_t coord = (flatIndex / inner) % dim;
  if (granularity == Granularity::PerChannel)
    return coord;
  const int64_t groups = (dim + groupSize - 1) / groupSize;
  const int64_t outer = flatIndex / (inner * dim);
  const int64_t in = flatIndex % inner;
  return (outer * groups + coord / groupSize) * inner + in;
}

} // namespace quanta::ref
