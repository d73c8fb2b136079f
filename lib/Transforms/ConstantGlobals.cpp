//===- ConstantGlobals.cpp - Tensor constant globals in program order -----===//
//
// This file implements `--quanta-constant-globals`: the `memref.global` of
// each tensor constant is created before One-Shot Bufferize, in program
// order, so that bufferization reuses it instead of creating it in its own
// (run-dependent) function order.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/BufferizableOpInterface.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/DenseSet.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_CONSTANTGLOBALS
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

namespace {
struct ConstantGlobalsPass
    : public quanta::impl::ConstantGlobalsBase<ConstantGlobalsPass> {
  using ConstantGlobalsBase::ConstantGlobalsBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (alignment != 0 && !llvm::isPowerOf2_64(alignment)) {
      module.emitError() << "quanta-constant-globals: alignment "
                         << alignment.getValue()
                         << " is not a power of two (or 0: none)";
      return signalPassFailure();
    }
    SymbolTable symbols(module);
    OpBuilder b = OpBuilder::atBlockBegin(module.getBody());
    IntegerAttr alignmentAttr =
        alignment > 0 ? b.getI64IntegerAttr(alignment) : IntegerAttr();
    // The values that already have a global (bufferization reuses any global
    // with the value and the alignment).
    llvm::DenseSet<Attribute> done;
    for (auto global : module.getOps<memref::GlobalOp>())
      if (std::optional<Attribute> value = global.getInitialValue();
          value && global.getAlignment().value_or(0) == alignment)
        done.insert(*value);
    module.walk([&](arith::ConstantOp constant) {
      auto type = dyn_cast<RankedTensorType>(constant.getType());
      auto value = dyn_cast<ElementsAttr>(constant.getValue());
      if (!type || !value || !done.insert(value).second)
        return;
      // The name bufferization gives it (getGlobalFor), made unique by the
      // symbol table in this pass's order.
      std::string name;
      llvm::raw_string_ostream os(name);
      os << "__constant_";
      llvm::interleave(type.getShape(), os, "x");
      os << "x" << type.getElementType();
      auto memrefType = cast<MemRefType>(
          bufferization::getMemRefTypeWithStaticIdentityLayout(type));
      auto global = memref::GlobalOp::create(
          b, constant.getLoc(), name, b.getStringAttr("private"), memrefType,
          value, /*constant=*/true, alignmentAttr);
      symbols.insert(global);
      b.setInsertionPointAfter(global);
    });
  }
};
} // namespace
