//===- AllocateDeviceBuffers.cpp - Temporaries of GPU functions -----------===//
//
// This file implements `--quanta-allocate-device-buffers`: the temporary
// buffers of GPU-bound functions become stream-ordered device allocations,
// and host code that would touch device memory is reported.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "BufferAccess.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/LoopLikeInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_ALLOCATEDEVICEBUFFERS
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

bool mlir::quanta::readsOrWritesBuffer(Operation *op) {
  auto effects = dyn_cast<MemoryEffectOpInterface>(op);
  if (!effects)
    return false;
  SmallVector<MemoryEffects::EffectInstance> instances;
  effects.getEffects(instances);
  return llvm::any_of(instances, [](const MemoryEffects::EffectInstance &e) {
    return isa<MemoryEffects::Read, MemoryEffects::Write>(e.getEffect()) &&
           e.getValue() && isa<MemRefType>(e.getValue().getType());
  });
}

/// Whether `op` or an op inside it reads or writes a buffer.
static bool accessesBuffers(Operation *op) {
  return op
      ->walk([](Operation *nested) {
        return quanta::readsOrWritesBuffer(nested) ? WalkResult::interrupt()
                                                   : WalkResult::advance();
      })
      .wasInterrupted();
}

static void sinkHostLoads(Block &block);

/// Moves each host op of `block` that reads or writes buffers and has no
/// results into a kernel of one thread: what did not become parallel loops,
/// e.g. a store of a scalar argument into a 0-d buffer (bufferization's
/// `tensor.from_elements`) or the reduction of a whole tensor to one value
/// (`compute_params` per tensor). Host ops that launch kernels (a batch
/// loop, the bisection of `compute_params`' percentile) are entered. Then
/// the host loads of `block` sink into the kernels (`sinkHostLoads`).
static void serializeOnDevice(Block &block) {
  for (Operation &op : llvm::make_early_inc_range(block)) {
    if (isa<gpu::LaunchOp>(op) || op.hasTrait<OpTrait::IsTerminator>() ||
        !accessesBuffers(&op))
      continue;
    if (op.walk([](gpu::LaunchOp) {
            return WalkResult::interrupt();
          }).wasInterrupted()) {
      for (Region &region : op.getRegions())
        for (Block &nested : region)
          serializeOnDevice(nested);
      continue;
    }
    if (op.getNumResults() != 0)
      continue;
    OpBuilder b(&op);
    Value one = arith::ConstantIndexOp::create(b, op.getLoc(), 1);
    auto launch =
        gpu::LaunchOp::create(b, op.getLoc(), one, one, one, one, one, one);
    b.setInsertionPointToEnd(&launch.getBody().front());
    auto terminator = gpu::TerminatorOp::create(b, op.getLoc());
    op.moveBefore(terminator);
  }
  sinkHostLoads(block);
}

/// Whether `op` is a host load, or a pure op computing on one's result.
static bool readsOnHost(Operation *op) {
  if (isa<memref::LoadOp>(op))
    return true;
  return isPure(op) && op->getNumRegions() == 0 &&
         llvm::any_of(op->getOperands(), [](Value operand) {
           Operation *def = operand.getDefiningOp();
           return def && readsOnHost(def);
         });
}

/// Whether `op` has no memory effects other than reads.
static bool onlyReads(Operation *op) {
  if (isMemoryEffectFree(op))
    return true;
  auto effects = dyn_cast<MemoryEffectOpInterface>(op);
  return effects && effects.onlyHasEffect<MemoryEffects::Read>();
}

/// Moves the host loads of `block` (bufferization's `tensor.extract`, e.g.
/// the maximum that `compute_params` turns into a scale), and the pure ops
/// computing on their results, into the kernels that use them: a copy in
/// each kernel, which reads the buffer in stream order. Only where nothing
/// between the load and the kernel writes memory (as a kernel in between
/// could).
static void sinkHostLoads(Block &block) {
  for (auto launch :
       llvm::make_early_inc_range(block.getOps<gpu::LaunchOp>())) {
    // Clones the definition of `value` into the launch (first those of its
    // operands that need it); the value to use inside.
    IRMapping mapping;
    OpBuilder b = OpBuilder::atBlockBegin(&launch.getBody().front());
    std::function<bool(Value)> sink = [&](Value value) {
      Operation *def = value.getDefiningOp();
      if (mapping.contains(value) || !def || def->getBlock() != &block ||
          !readsOnHost(def))
        return true;
      for (Value operand : def->getOperands())
        if (!sink(operand))
          return false;
      if (isa<memref::LoadOp>(def))
        for (Operation *between = def->getNextNode(); between != launch;
             between = between->getNextNode())
          if (!onlyReads(between))
            return false;
      b.clone(*def, mapping);
      return true;
    };
    launch.getBody().walk([&](Operation *op) {
      for (OpOperand &use : op->getOpOperands())
        if (sink(use.get()) && mapping.contains(use.get()))
          use.set(mapping.lookup(use.get()));
    });
  }
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(block)))
    if (readsOnHost(&op) && isOpTriviallyDead(&op))
      op.erase();
}

/// Reports the host ops of `func` that read or write a buffer: all buffers
/// of a GPU function are device memory.
static LogicalResult checkHostAccesses(func::FuncOp func) {
  WalkResult result = func.walk<WalkOrder::PreOrder>([](Operation *op) {
    if (isa<gpu::LaunchOp>(op))
      return WalkResult::skip();
    if (op->getNumRegions() != 0 || !accessesBuffers(op))
      return WalkResult::advance();
    op->emitError() << "this computation would run on the host, which "
                       "cannot access the GPU function's device buffers (it "
                       "did not become a GPU kernel)";
    return WalkResult::interrupt();
  });
  return failure(result.wasInterrupted());
}

/// Moves the definition of `value` into the body of `func`, before `anchor`
/// (an op of the body), with the definitions of its operands, if they are
/// pure ops; whether `value` is then defined in the body.
static bool hoistToBody(Value value, Operation *anchor, func::FuncOp func) {
  Operation *def = value.getDefiningOp();
  if (!def)
    return value.getParentRegion() == &func.getBody();
  if (def->getParentOp() == func.getOperation())
    return true;
  if (!isPure(def) || def->getNumRegions() != 0)
    return false;
  for (Value operand : def->getOperands())
    if (!hoistToBody(operand, anchor, func))
      return false;
  def->moveBefore(anchor);
  return true;
}

/// Whether the buffer `value` (or a view of it) leaves the region it is
/// defined in: yielded by a loop or branch, or returned.
static bool escapesRegion(Value value) {
  for (Operation *user : value.getUsers()) {
    if (user->hasTrait<OpTrait::IsTerminator>())
      return true;
    if (isa<ViewLikeOpInterface>(user) &&
        llvm::any_of(user->getResults(), escapesRegion))
      return true;
  }
  return false;
}

/// Allocates the temporaries of `func` in device memory on the stream of a
/// `gpu.wait async` at its start, freed on it before the return. An
/// allocation in a branch (scf.if) or a sequential loop (scf.for, scf.while)
/// of the body is made once before it, its sizes permitting: every
/// iteration's kernels are ordered on the one stream, and the buffer does not
/// outlive its iteration.
static LogicalResult allocateOnDevice(func::FuncOp func) {
  SmallVector<memref::AllocOp> allocs;
  func.walk([&](memref::AllocOp alloc) { allocs.push_back(alloc); });
  if (allocs.empty())
    return success();
  if (!func.getBody().hasOneBlock())
    return func.emitError() << "a GPU function with temporary buffers must "
                               "be one block";
  for (memref::AllocOp alloc : allocs) {
    Operation *anchor = func.getBody().findAncestorOpInRegion(*alloc);
    if (alloc == anchor)
      continue;
    for (Operation *parent = alloc->getParentOp(); parent != func;
         parent = parent->getParentOp())
      if (isa<LoopLikeOpInterface>(parent) &&
          !isa<scf::ForOp, scf::WhileOp>(parent))
        return alloc.emitError()
               << "this computation needs a temporary buffer inside a "
                  "parallel loop of the host code, which the GPU target does "
                  "not allocate";
    if (escapesRegion(alloc) ||
        !llvm::all_of(alloc.getOperands(), [&](Value size) {
          return hoistToBody(size, anchor, func);
        }))
      return alloc.emitError()
             << "this computation needs a temporary buffer of a size computed "
                "in a loop or branch of the host code, or one that a loop or "
                "branch yields, which the GPU target does not allocate";
    alloc->moveBefore(anchor);
  }
  for (memref::AllocOp alloc : allocs)
    for (Operation *user : alloc->getUsers())
      if (isa<func::ReturnOp>(user))
        return alloc.emitError() << "a GPU function returns a buffer it "
                                    "allocates (results are the caller's "
                                    "buffers)";

  Block &body = func.getBody().front();
  OpBuilder b = OpBuilder::atBlockBegin(&body);
  auto tokenType = gpu::AsyncTokenType::get(func.getContext());
  Value stream = gpu::WaitOp::create(b, func.getLoc(), tokenType, ValueRange{})
                     .getAsyncToken();
  Operation *terminator = body.getTerminator();
  for (memref::AllocOp alloc : allocs) {
    b.setInsertionPoint(alloc);
    auto device = gpu::AllocOp::create(
        b, alloc.getLoc(), alloc.getType(), tokenType, ValueRange{stream},
        alloc.getDynamicSizes(), alloc.getSymbolOperands(),
        /*hostShared=*/false);
    alloc.getResult().replaceAllUsesWith(device.getMemref());
    alloc.erase();
    b.setInsertionPoint(terminator);
    gpu::DeallocOp::create(b, device.getLoc(), tokenType, ValueRange{stream},
                           device.getMemref());
  }
  return success();
}

namespace {
struct AllocateDeviceBuffersPass
    : public quanta::impl::AllocateDeviceBuffersBase<
          AllocateDeviceBuffersPass> {
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      serializeOnDevice(func.getBody().front());
      if (failed(checkHostAccesses(func)) || failed(allocateOnDevice(func)))
        return signalPassFailure();
    }
  }
};
} // namespace
