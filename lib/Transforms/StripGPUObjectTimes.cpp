//===- StripGPUObjectTimes.cpp - Reproducible gpu.binary objects ----------===//
//
// This file implements `--quanta-strip-gpu-object-times`: the compile times
// that GPU serialization records in `#gpu.object` properties are dropped, so
// that the module's text does not change from run to run.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_STRIPGPUOBJECTTIMES
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

/// `object` without the properties named `*TimeInMs`.
static Attribute stripTimes(Attribute attr) {
  auto object = dyn_cast<gpu::ObjectAttr>(attr);
  DictionaryAttr properties = object ? object.getProperties() : nullptr;
  if (!properties)
    return attr;
  NamedAttrList kept;
  for (NamedAttribute property : properties)
    if (!property.getName().getValue().ends_with("TimeInMs"))
      kept.push_back(property);
  DictionaryAttr newProperties =
      kept.empty() ? nullptr : kept.getDictionary(attr.getContext());
  return gpu::ObjectAttr::get(attr.getContext(), object.getTarget(),
                              object.getFormat(), object.getObject(),
                              newProperties, object.getKernels());
}

namespace {
struct StripGPUObjectTimesPass
    : public quanta::impl::StripGPUObjectTimesBase<StripGPUObjectTimesPass> {
  void runOnOperation() override {
    getOperation()->walk([](gpu::BinaryOp binary) {
      SmallVector<Attribute> objects =
          llvm::map_to_vector(binary.getObjects(), stripTimes);
      binary.setObjectsAttr(
          ArrayAttr::get(binary.getContext(), objects));
    });
  }
};
} // namespace
