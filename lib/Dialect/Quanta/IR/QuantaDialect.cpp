//===- QuantaDialect.cpp - Quanta dialect and attributes ------------------===//
//
// This file implements the Quanta dialect and the `#quanta.scheme` attribute.
//
//===----------------------------------------------------------------------===//

#include "quanta/Dialect/Quanta/QuantaDialect.h"
#include "quanta/Dialect/Quanta/QuantaOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/Transforms/InliningUtils.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::quanta;

#include "quanta/Dialect/Quanta/QuantaDialect.cpp.inc"
#include "quanta/Dialect/Quanta/QuantaEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "quanta/Dialect/Quanta/QuantaAttrs.cpp.inc"

namespace {
/// Quanta's ops are pure functions of their operands: a call to a function
/// made of them may be inlined anywhere.
struct QuantaInlinerInterface : public DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;
  bool isLegalToInline(Operation *, Region *, bool, IRMapping &) const final {
    return true;
  }
};
} // namespace

void QuantaDialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "quanta/Dialect/Quanta/QuantaAttrs.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "quanta/Dialect/Quanta/QuantaOps.cpp.inc"
      >();
  addInterfaces<QuantaInlinerInterface>();
}

//===----------------------------------------------------------------------===//
// SchemeAttr
//===----------------------------------------------------------------------===//

static bool isSupportedIntegerStorage(Type type) {
  auto intType = dyn_cast<IntegerType>(type);
  return intType && !intType.isSigned() &&
         (intType.getWidth() == 8 || intType.getWidth() == 4);
}

static bool isSupportedFloatStorage(Type type) {
  return isa<Float8E4M3FNType, Float8E5M2Type, Float16Type, BFloat16Type>(
      type);
}

LogicalResult SchemeAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 Type storage, Type expressed,
                                 Granularity granularity, int64_t axis,
                                 int64_t groupSize, bool symmetric,
                                 bool narrowRange, RoundingMode rounding,
                                 bool saturate, bool reciprocal) {
  bool intStorage = isSupportedIntegerStorage(storage);
  if (!intStorage && !isSupportedFloatStorage(storage))
    return emitError() << "unsupported storage type " << storage
                       << " (expected i8, ui8, i4, ui4, f8E4M3FN, f8E5M2, "
                          "f16 or bf16)";
  if (!isa<Float32Type, Float16Type, BFloat16Type>(expressed))
    return emitError() << "unsupported expressed type " << expressed
                       << " (expected f32, f16 or bf16)";
  if (!intStorage && storage.getIntOrFloatBitWidth() >=
                         expressed.getIntOrFloatBitWidth())
    return emitError() << "unsupported storage/expressed pair " << storage
                       << "/" << expressed
                       << ": float storage must be narrower than the "
                          "expressed type";

  switch (granularity) {
  case Granularity::per_tensor:
    if (axis != -1 || groupSize != 0)
      return emitError() << "per_tensor scheme takes no axis or group_size";
    break;
  case Granularity::per_channel:
    if (axis < 0)
      return emitError() << "per_channel scheme requires a non-negative axis";
    if (groupSize != 0)
      return emitError() << "per_channel scheme takes no group_size";
    break;
  case Granularity::per_group:
    if (axis < 0)
      return emitError() << "per_group scheme requires a non-negative axis";
    if (groupSize <= 0)
      return emitError() << "per_group scheme requires a positive group_size, "
                            "got "
                         << groupSize;
    break;
  }

  if (intStorage) {
    if (!saturate)
      return emitError() << "integer storage always saturates";
    return success();
  }
  if (!symmetric)
    return emitError() << "float storage " << storage
                       << " requires symmetric = true (no zero point)";
  if (narrowRange)
    return emitError() << "narrow_range applies only to integer storage";
  if (rounding != RoundingMode::half_even)
    return emitError() << "float storage rounds half to even only";
  if (reciprocal)
    return emitError() << "float storage divides by the scale; reciprocal "
                          "applies only to integer storage";
  return success();
}

bool SchemeAttr::isIntegerStorage() const {
  return isa<IntegerType>(getStorage());
}

bool SchemeAttr::isSignedStorage() const {
  auto intType = dyn_cast<IntegerType>(getStorage());
  return intType && intType.isSignless();
}

unsigned SchemeAttr::getStorageWidth() const {
  return getStorage().getIntOrFloatBitWidth();
}

int64_t SchemeAttr::getStorageMin() const {
  unsigned width = getStorageWidth();
  if (!isSignedStorage())
    return getNarrowRange() ? 1 : 0;
  int64_t min = -(int64_t(1) << (width - 1));
  return getNarrowRange() ? min + 1 : min;
}

int64_t SchemeAttr::getStorageMax() const {
  unsigned width = getStorageWidth();
  if (!isSignedStorage())
    return (int64_t(1) << width) - 1;
  return (int64_t(1) << (width - 1)) - 1;
}

Type SchemeAttr::getStorageTensorElementType() const {
  Type storage = getStorage();
  if (auto intType = dyn_cast<IntegerType>(storage))
    return IntegerType::get(getContext(), intType.getWidth());
  return storage;
}
