//===- GPULaunchesToHostLoops.cpp - Run GPU kernels as host loops ---------===//
//
// This file implements `--quanta-gpu-launches-to-host-loops`: the host side
// of the GPU pipeline, with each `gpu.launch` run as loops over its blocks
// and threads and device allocations as host ones, so that the GPU lowering
// can be executed and checked on a machine without a GPU.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "BufferAccess.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/TypeSwitch.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_GPULAUNCHESTOHOSTLOOPS
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

namespace {

/// The value of a launch's block or thread index, grid or block size.
Value dimValue(gpu::Dimension dim, Value x, Value y, Value z) {
  return dim == gpu::Dimension::x ? x : dim == gpu::Dimension::y ? y : z;
}

/// Replaces `launch` by loops over its grid and blocks, one thread after
/// another (`reverse`: from the last), a valid schedule for kernels whose
/// threads do not communicate, which `checkKernel` makes sure of.
void runOnHost(gpu::LaunchOp launch, bool reverse) {
  OpBuilder b(launch);
  Location loc = launch.getLoc();
  gpu::KernelDim3 grid = launch.getGridSizeOperandValues();
  gpu::KernelDim3 block = launch.getBlockSizeOperandValues();
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  SmallVector<Value> ubs{grid.x, grid.y, grid.z, block.x, block.y, block.z};
  SmallVector<Value> lbs(6, zero), steps(6, one);
  scf::buildLoopNest(
      b, loc, lbs, ubs, steps,
      [&](OpBuilder &nb, Location l, ValueRange loopIvs) {
        SmallVector<Value> ivs(loopIvs);
        if (reverse)
          for (auto [iv, ub] : llvm::zip(ivs, ubs))
            iv = arith::SubIOp::create(
                nb, l, arith::SubIOp::create(nb, l, ub, one), iv);
        IRMapping mapping;
        gpu::KernelDim3 blockIds = launch.getBlockIds();
        gpu::KernelDim3 threadIds = launch.getThreadIds();
        gpu::KernelDim3 gridArgs = launch.getGridSize();
        gpu::KernelDim3 blockArgs = launch.getBlockSize();
        mapping.map(ValueRange{blockIds.x, blockIds.y, blockIds.z, threadIds.x,
                               threadIds.y, threadIds.z},
                    ivs);
        mapping.map(ValueRange{gridArgs.x, gridArgs.y, gridArgs.z, blockArgs.x,
                               blockArgs.y, blockArgs.z},
                    ubs);
        for (Operation &op : launch.getBody().front().without_terminator()) {
          Value index =
              TypeSwitch<Operation *, Value>(&op)
                  .Case([&](gpu::BlockIdOp id) {
                    return dimValue(id.getDimension(), ivs[0], ivs[1], ivs[2]);
                  })
                  .Case([&](gpu::ThreadIdOp id) {
                    return dimValue(id.getDimension(), ivs[3], ivs[4], ivs[5]);
                  })
                  .Case([&](gpu::GridDimOp dim) {
                    return dimValue(dim.getDimension(), ubs[0], ubs[1], ubs[2]);
                  })
                  .Case([&](gpu::BlockDimOp dim) {
                    return dimValue(dim.getDimension(), ubs[3], ubs[4], ubs[5]);
                  })
                  .Default([](Operation *) { return Value(); });
          if (index)
            mapping.map(op.getResult(0), index);
          else
            nb.clone(op, mapping);
        }
      });
  launch.erase();
}

/// Fails, with a diagnostic, on kernels that the host loops cannot run:
/// asynchronous launches, shared or private memory, several blocks, and ops
/// of the GPU dialect (barriers, shuffles, ...), of NVVM, or of LLVM other
/// than calls of target-independent intrinsics.
LogicalResult checkKernel(gpu::LaunchOp launch) {
  if (launch.getAsyncToken() || !launch.getAsyncDependencies().empty() ||
      launch.getDynamicSharedMemorySize() || launch.getClusterSizeX() ||
      !launch.getWorkgroupAttributions().empty() ||
      !launch.getPrivateAttributions().empty() ||
      !launch.getBody().hasOneBlock())
    return launch.emitError("cannot run this launch on the host: only "
                            "synchronous launches of one block without "
                            "attributions or clusters are supported");
  WalkResult result = launch.getBody().walk([](Operation *op) {
    if (isa<gpu::TerminatorOp, gpu::BlockIdOp, gpu::ThreadIdOp, gpu::GridDimOp,
            gpu::BlockDimOp>(op))
      return WalkResult::advance();
    // LLVM's target-independent intrinsics run anywhere.
    if (auto call = dyn_cast<LLVM::CallIntrinsicOp>(op);
        call && !call.getIntrin().starts_with("llvm.nvvm."))
      return WalkResult::advance();
    StringRef dialect = op->getName().getDialectNamespace();
    if (dialect == "gpu" || dialect == "nvvm" || dialect == "llvm") {
      op->emitError("cannot run this kernel op on the host");
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(result.wasInterrupted());
}

struct GPULaunchesToHostLoopsPass
    : public quanta::impl::GPULaunchesToHostLoopsBase<
          GPULaunchesToHostLoopsPass> {
  using Base::Base;
  void runOnOperation() override {
    // Host code must not touch buffers: on a GPU they are device memory.
    SmallVector<gpu::LaunchOp> launches;
    SmallVector<Operation *> deviceOps;
    WalkResult result =
        getOperation()->walk<WalkOrder::PreOrder>([&](Operation *op) {
          // Kernels of --quanta-gpu-launches-to-host-fibers.
          if (op->hasAttr(quanta::kKernelOnHostAttrName))
            return WalkResult::skip();
          if (auto launch = dyn_cast<gpu::LaunchOp>(op)) {
            launches.push_back(launch);
            return failed(checkKernel(launch)) ? WalkResult::interrupt()
                                               : WalkResult::skip();
          }
          if (auto alloc = dyn_cast<gpu::AllocOp>(op);
              alloc && alloc.getHostShared()) {
            alloc.emitError("cannot run a host-shared allocation on the host");
            return WalkResult::interrupt();
          }
          if (isa<gpu::AllocOp, gpu::DeallocOp, gpu::WaitOp>(op)) {
            deviceOps.push_back(op);
            return WalkResult::advance();
          }
          if (op->getDialect() && op->getDialect()->getNamespace() == "gpu") {
            op->emitError("cannot run this op on the host");
            return WalkResult::interrupt();
          }
          if (quanta::readsOrWritesBuffer(op)) {
            op->emitError("host code reads or writes a buffer, which is "
                          "device memory on a GPU");
            return WalkResult::interrupt();
          }
          return WalkResult::advance();
        });
    if (result.wasInterrupted())
      return signalPassFailure();
    for (gpu::LaunchOp launch : launches)
      runOnHost(launch, reverse);
    // Device allocations become host ones; the stream's tokens go.
    for (Operation *op : deviceOps) {
      OpBuilder b(op);
      if (auto alloc = dyn_cast<gpu::AllocOp>(op)) {
        Value memref = memref::AllocOp::create(
            b, alloc.getLoc(), alloc.getMemref().getType(),
            alloc.getDynamicSizes(), alloc.getSymbolOperands());
        alloc.getMemref().replaceAllUsesWith(memref);
      } else if (auto dealloc = dyn_cast<gpu::DeallocOp>(op)) {
        memref::DeallocOp::create(b, dealloc.getLoc(), dealloc.getMemref());
      }
    }
    for (Operation *op : llvm::reverse(deviceOps)) {
      if (!op->use_empty()) {
        op->emitError("cannot run on the host: its token is used by ")
            << *op->getUsers().begin();
        return signalPassFailure();
      }
      op->erase();
    }
  }
};
} // namespace
