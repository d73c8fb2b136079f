//===- PackedInt4.cpp - GPU matmuls read int4 arguments packed ------------===//
//
// This file implements `--quanta-gpu-matmul-packed-int4`: after
// `--quanta-prepare-entry-points` has made int4 function arguments packed
// bytes followed by an unpacking into an i4 tensor, the GPU matmul markers
// (from `--quanta-outline-gpu-matmul`) take the packed bytes instead, so that
// the kernel reads the weights packed and the unpacked copy (a device
// temporary, and twice the weight traffic) disappears.
//
//===----------------------------------------------------------------------===//

#include "GPUMatmul.h"

#include "quanta/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_GPUMATMULPACKEDINT4
#include "quanta/Conversion/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;
using namespace mlir::quanta;

/// The packed function argument that `value` (an i4 tensor) is the
/// unpacking of, as `--quanta-prepare-entry-points` builds it: a
/// linalg.generic truncating bytes to i4, whose bytes are either the
/// collapsed nibble pairs of an expand_shape of the argument (even static
/// innermost dimension) or gathered from it by tensor.extract.
static BlockArgument getPackedSource(Value value) {
  auto unpack = value.getDefiningOp<linalg::GenericOp>();
  if (!unpack || unpack.getNumDpsInputs() != 1 || unpack->getNumResults() != 1)
    return BlockArgument();
  Block &body = unpack.getRegion().front();
  auto trunc = dyn_cast<arith::TruncIOp>(body.front());
  if (!trunc || trunc.getIn() != body.getArgument(0) ||
      body.getOperations().size() != 2)
    return BlockArgument();
  Value bytes = unpack.getDpsInputs()[0];
  Value packed;
  if (auto collapse = bytes.getDefiningOp<tensor::CollapseShapeOp>()) {
    auto pairs = collapse.getSrc().getDefiningOp<linalg::GenericOp>();
    if (!pairs || pairs.getNumDpsInputs() != 1)
      return BlockArgument();
    auto expand =
        pairs.getDpsInputs()[0].getDefiningOp<tensor::ExpandShapeOp>();
    if (!expand)
      return BlockArgument();
    packed = expand.getSrc();
  } else if (auto gather = bytes.getDefiningOp<linalg::GenericOp>()) {
    if (gather.getNumDpsInputs() != 0)
      return BlockArgument();
    gather.getRegion().walk([&](tensor::ExtractOp extract) {
      packed = extract.getTensor();
    });
  }
  auto arg = dyn_cast_or_null<BlockArgument>(packed);
  if (!arg || !isa<func::FuncOp>(arg.getOwner()->getParentOp()))
    return BlockArgument();
  auto type = cast<RankedTensorType>(arg.getType());
  if (type.getRank() != 1 || !type.getElementType().isInteger(8))
    return BlockArgument();
  return arg;
}

namespace {

struct GPUMatmulPackedInt4Pass
    : public quanta::impl::GPUMatmulPackedInt4Base<GPUMatmulPackedInt4Pass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    for (auto [call, callee] : gpu_matmul::getMarkerCalls(module)) {
      bool changed = false;
      for (auto [i, operand] : llvm::enumerate(call.getOperands())) {
        auto type = dyn_cast<RankedTensorType>(operand.getType());
        if (!type || !type.getElementType().isInteger(4))
          continue;
        BlockArgument packed = getPackedSource(operand);
        if (!packed) {
          auto role =
              callee.getArgAttrOfType<StringAttr>(i, gpu_matmul::kRoleAttr);
          call.emitError()
              << "the int4 " << (role ? role.getValue() : "")
              << " operand of a GPU matmul must be an argument of a public "
                 "function: the kernel reads int4 packed, as the C ABI "
                 "passes it";
          return signalPassFailure();
        }
        call->setOperand(i, packed);
        callee.getArgument(i).setType(packed.getType());
        changed = true;
      }
      if (changed)
        callee.setFunctionType(FunctionType::get(
            callee.getContext(), callee.getBody().front().getArgumentTypes(),
            callee.getFunctionType().getResults()));
    }
  }
};

} // namespace
