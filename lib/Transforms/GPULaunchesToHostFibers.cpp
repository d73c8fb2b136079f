//===- GPULaunchesToHostFibers.cpp - Cooperating GPU kernels on the host --===//
//
// This file implements `--quanta-gpu-launches-to-host-fibers`, which
// outlines the gpu.launch ops whose threads cooperate into host functions
// of one thread run as fibers by the GPU-on-host runtime
// (runtime/gpu-on-host), and `--quanta-host-kernel-launchers`, which defines
// their launchers once they are lowered to the LLVM dialect.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "quanta/Runtime/GPUOnHost.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/NVGPU/IR/NVGPUDialect.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/TypeSwitch.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_GPULAUNCHESTOHOSTFIBERS
#define GEN_PASS_DEF_HOSTKERNELLAUNCHERS
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;
using namespace ::quanta::gpu_on_host;

namespace {

/// The attribute of a launcher declaration naming its kernel.
constexpr StringLiteral kHostKernelAttr = "quanta.host_kernel";
/// Words of the kernels' scratch buffer for operands passed by memory (a
/// wgmma's 128 accumulators at most).
constexpr int64_t kScratchWords = 256;

/// Whether the threads of `launch` cooperate: shared memory, or GPU, NVVM,
/// NVGPU or inline-assembly ops other than indices and sizes.
bool cooperates(gpu::LaunchOp launch) {
  if (!launch.getWorkgroupAttributions().empty() ||
      launch.getDynamicSharedMemorySize())
    return true;
  return launch.getBody()
      .walk([](Operation *op) {
        if (isa<gpu::TerminatorOp, gpu::BlockIdOp, gpu::ThreadIdOp,
                gpu::GridDimOp, gpu::BlockDimOp>(op))
          return WalkResult::advance();
        return isa_and_nonnull<gpu::GPUDialect, NVVM::NVVMDialect,
                               nvgpu::NVGPUDialect>(op->getDialect()) ||
                       isa<LLVM::InlineAsmOp>(op)
                   ? WalkResult::interrupt()
                   : WalkResult::advance();
      })
      .wasInterrupted();
}

/// `type` without the workgroup memory space.
Type hostType(Type type) {
  auto memref = dyn_cast<MemRefType>(type);
  if (!memref ||
      !isa_and_nonnull<gpu::AddressSpaceAttr>(memref.getMemorySpace()))
    return type;
  return MemRefType::get(memref.getShape(), memref.getElementType(),
                         memref.getLayout());
}

/// Builds the runtime calls that replace one kernel's GPU operations.
class KernelRewriter {
public:
  KernelRewriter(ModuleOp module, func::FuncOp kernel)
      : module(module), kernel(kernel), b(kernel.getLoc(), kernel.getContext()),
        i32(b.getI32Type()), i64(b.getI64Type()) {}

  LogicalResult run();

private:
  ModuleOp module;
  func::FuncOp kernel;
  ImplicitLocOpBuilder b;
  Type i32, i64;
  Value scratch, scratchAddress;

  Value c32(int32_t v) {
    return arith::ConstantOp::create(b, b.getI32IntegerAttr(v));
  }
  Value call(StringRef name, TypeRange results, ValueRange args);
  Value toWord(Value v);
  Value fromWord(Value word, Type type);
  void storeWords(ValueRange values, int64_t at);
  Value loadWord(int64_t at);
  Value buildStruct(Type type, ValueRange values);
  LogicalResult rewrite(Operation *op);
  LogicalResult rewriteAsm(LLVM::InlineAsmOp op);
  void replaceMma(Operation *op, int32_t kind, ValueRange a, ValueRange bFrag,
                  ValueRange c);
};

/// Calls runtime function `name`, declared on first use.
Value KernelRewriter::call(StringRef name, TypeRange results, ValueRange args) {
  auto fn = module.lookupSymbol<func::FuncOp>(name);
  if (!fn) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(module.getBody());
    fn = func::FuncOp::create(b, name,
                              b.getFunctionType(args.getTypes(), results));
    fn.setPrivate();
  }
  auto op = func::CallOp::create(b, fn, args);
  return results.empty() ? Value() : op.getResult(0);
}

/// A 32-bit value as an i32.
Value KernelRewriter::toWord(Value v) {
  return v.getType() == i32 ? v : LLVM::BitcastOp::create(b, i32, v);
}

Value KernelRewriter::fromWord(Value word, Type type) {
  return type == i32 ? word : LLVM::BitcastOp::create(b, type, word);
}

/// Stores 32-bit `values` into the scratch buffer from word `at` on.
void KernelRewriter::storeWords(ValueRange values, int64_t at) {
  for (auto [i, v] : llvm::enumerate(values))
    memref::StoreOp::create(
        b, toWord(v), scratch,
        ValueRange{arith::ConstantIndexOp::create(b, at + i)});
}

Value KernelRewriter::loadWord(int64_t at) {
  return memref::LoadOp::create(
      b, scratch, ValueRange{arith::ConstantIndexOp::create(b, at)});
}

Value KernelRewriter::buildStruct(Type type, ValueRange values) {
  Value result = LLVM::PoisonOp::create(b, type);
  for (auto [i, v] : llvm::enumerate(values))
    result = LLVM::InsertValueOp::create(b, result, v,
                                         ArrayRef<int64_t>{int64_t(i)});
  return result;
}

/// Replaces `op`, an mma.sync of the warp with a struct of four results,
/// by quanta_gpu_host_mma on the scratch buffer (A, B, C, then D).
void KernelRewriter::replaceMma(Operation *op, int32_t kind, ValueRange a,
                                ValueRange bFrag, ValueRange c) {
  storeWords(a, 0);
  storeWords(bFrag, 4);
  storeWords(c, 6);
  call("quanta_gpu_host_mma", {}, {c32(kind), scratchAddress});
  Type resultType = op->getResult(0).getType();
  Type element = cast<LLVM::LLVMStructType>(resultType).getBody()[0];
  SmallVector<Value> d;
  for (int64_t i = 0; i < 4; ++i)
    d.push_back(fromWord(loadWord(10 + i), element));
  op->getResult(0).replaceAllUsesWith(buildStruct(resultType, d));
  op->erase();
}

/// The inline PTX of the tensor-core kernels (MatmulToNVVM.cpp).
LogicalResult KernelRewriter::rewriteAsm(LLVM::InlineAsmOp op) {
  StringRef text = op.getAsmString();
  ValueRange in = op.getOperands();
  if (text == "fence.proxy.async.shared::cta;" ||
      text == "wgmma.fence.sync.aligned;") {
    // Ordering only: copies land, and wgmma runs, in program order here.
    op.erase();
    return success();
  }
  if (text == "wgmma.commit_group.sync.aligned;") {
    call("quanta_gpu_host_wgmma_commit", {}, {});
    op.erase();
    return success();
  }
  if (text == "cp.async.commit_group;") {
    call("quanta_gpu_host_cp_async_commit", {}, {});
    op.erase();
    return success();
  }
  if (int32_t newest; text.consume_front("cp.async.wait_group ") &&
                      !text.consumeInteger(10, newest) && text == ";") {
    call("quanta_gpu_host_cp_async_wait", {}, {c32(newest)});
    op.erase();
    return success();
  }
  if (text == "cp.async.cg.shared.global [$0], [$1], 16, $2;") {
    call("quanta_gpu_host_cp_async", {}, in);
    op.erase();
    return success();
  }
  if (text == "cvt.rn.f16x2.e4m3x2 $0, $1;" ||
      text == "cvt.rn.f16x2.e5m2x2 $0, $1;") {
    Value pair = arith::ExtUIOp::create(b, i32, in[0]);
    Value e5m2 = c32(text.contains("e5m2"));
    op.getRes().replaceAllUsesWith(
        call("quanta_gpu_host_cvt_f16x2", {i32}, {e5m2, pair}));
    op.erase();
    return success();
  }
  // dp4a.<a>.<b> $0, $1, $2, $3; with <a>, <b> s32 or u32.
  if (StringRef types = text;
      types.consume_front("dp4a.") && types.consume_back(" $0, $1, $2, $3;") &&
      types.size() == 7 && types[3] == '.' &&
      llvm::is_contained({"s32", "u32"}, types.take_front(3)) &&
      llvm::is_contained({"s32", "u32"}, types.take_back(3))) {
    int32_t kind = (types.starts_with("s") ? kMmaFlagA : 0) |
                   (types.ends_with("s32") ? kMmaFlagB : 0);
    op.getRes().replaceAllUsesWith(
        call("quanta_gpu_host_dp4a", {i32}, {c32(kind), in[0], in[1], in[2]}));
    op.erase();
    return success();
  }
  if (int32_t pending; text.consume_front("wgmma.wait_group.sync.aligned ") &&
                       !text.consumeInteger(10, pending) && text == ";") {
    // The accumulators pass through (each wgmma was computed when issued;
    // the runtime checks that its operands stayed as they were until here).
    call("quanta_gpu_host_wgmma_wait", {}, {c32(pending)});
    op.getRes().replaceAllUsesWith(buildStruct(op.getRes().getType(), in));
    op.erase();
    return success();
  }
  // wgmma.mma_async.sync.aligned.m64n<N>k32.s32.<a>.<b> {acc}, $descA,
  // $descB, 1;
  if (int64_t n; text.consume_front("wgmma.mma_async.sync.aligned.m64n") &&
                 !text.consumeInteger(10, n) &&
                 text.consume_front("k32.s32.")) {
    bool signedA = text.starts_with("s8."),
         signedB = text.substr(3).starts_with("s8 ");
    int64_t count = n / 2;
    if (count > kScratchWords || int64_t(in.size()) != count + 2)
      return op.emitError("unexpected wgmma operands on the host");
    storeWords(in.drop_front(2), 0);
    int32_t kind = (signedA ? kMmaFlagA : 0) | (signedB ? kMmaFlagB : 0);
    call("quanta_gpu_host_wgmma", {},
         {c32(n), c32(kind), in[0], in[1], scratchAddress});
    SmallVector<Value> acc;
    for (int64_t i = 0; i < count; ++i)
      acc.push_back(loadWord(i));
    op.getRes().replaceAllUsesWith(buildStruct(op.getRes().getType(), acc));
    op.erase();
    return success();
  }
  // mma.sync.aligned.m16n8k32.row.col.f32.<e4m3|e5m2>.<e4m3|e5m2>.f32 ...
  if (text.consume_front("mma.sync.aligned.m16n8k32.row.col.f32.") &&
      in.size() == 10) {
    int32_t kind = MmaFP8 | (text.starts_with("e5m2") ? kMmaFlagA : 0) |
                   (text.substr(5).starts_with("e5m2") ? kMmaFlagB : 0);
    replaceMma(op, kind, in.take_front(4), in.slice(4, 2), in.drop_front(6));
    return success();
  }
  return op.emitError("cannot run this inline PTX on the host: ")
         << op.getAsmString();
}

LogicalResult KernelRewriter::rewrite(Operation *op) {
  b.setInsertionPoint(op);
  b.setLoc(op->getLoc());
  return TypeSwitch<Operation *, LogicalResult>(op)
      .Case([&](gpu::BarrierOp barrier) {
        call("quanta_gpu_host_barrier", {}, {});
        barrier.erase();
        return success();
      })
      .Case([&](gpu::ShuffleOp shuffle) -> LogicalResult {
        Type type = shuffle.getValue().getType();
        if (type.getIntOrFloatBitWidth() != 32 ||
            shuffle.getMode() == gpu::ShuffleMode::UP)
          return shuffle.emitError(
              "cannot run this shuffle on the host (32-bit "
              "xor, down and idx are supported)");
        int32_t mode = shuffle.getMode() == gpu::ShuffleMode::XOR ? ShuffleXor
                       : shuffle.getMode() == gpu::ShuffleMode::DOWN
                           ? ShuffleDown
                           : ShuffleIdx;
        Value packed = call("quanta_gpu_host_shuffle", {i64},
                            {toWord(shuffle.getValue()), shuffle.getOffset(),
                             shuffle.getWidth(), c32(mode)});
        Value word = arith::TruncIOp::create(b, i32, packed);
        Value valid = arith::TruncIOp::create(
            b, b.getI1Type(),
            arith::ShRUIOp::create(
                b, packed,
                arith::ConstantOp::create(b, b.getI64IntegerAttr(32))));
        shuffle.getShuffleResult().replaceAllUsesWith(fromWord(word, type));
        shuffle.getValid().replaceAllUsesWith(valid);
        shuffle.erase();
        return success();
      })
      .Case([&](nvgpu::LdMatrixOp ld) -> LogicalResult {
        auto type = cast<VectorType>(ld.getRes().getType());
        auto memref = cast<MemRefType>(ld.getSrcMemref().getType());
        if (ld.getTranspose() || !type.getElementType().isInteger(32) ||
            !memref.getLayout().isIdentity())
          return ld.emitError("cannot run this ldmatrix on the host (32-bit "
                              "words of an identity layout, not transposed)");
        // The byte address of the row: base + linearized indices * 4.
        Value linear = arith::ConstantIndexOp::create(b, 0);
        int64_t stride = 1;
        for (auto [index, size] :
             llvm::reverse(llvm::zip(ld.getIndices(), memref.getShape()))) {
          linear = arith::AddIOp::create(
              b, linear,
              arith::MulIOp::create(b, index,
                                    arith::ConstantIndexOp::create(b, stride)));
          stride *= size;
        }
        Value base = memref::ExtractAlignedPointerAsIndexOp::create(
            b, ld.getSrcMemref());
        Value address = arith::AddIOp::create(
            b, base,
            arith::MulIOp::create(b, linear,
                                  arith::ConstantIndexOp::create(b, 4)));
        int32_t tiles = ld.getNumTiles();
        call("quanta_gpu_host_ldmatrix", {},
             {arith::IndexCastOp::create(b, i64, address), c32(tiles),
              scratchAddress});
        Value result = vector::LoadOp::create(
            b, VectorType::get({tiles}, i32), scratch,
            ValueRange{arith::ConstantIndexOp::create(b, 0)});
        ld.getRes().replaceAllUsesWith(
            vector::ShapeCastOp::create(b, type, result));
        ld.erase();
        return success();
      })
      .Case([&](NVVM::MmaOp mma) -> LogicalResult {
        std::optional<NVVM::MMATypes> typeA = mma.getMultiplicandAPtxType();
        std::optional<NVVM::MMATypes> typeB = mma.getMultiplicandBPtxType();
        NVVM::MMAShapeAttr shape = mma.getShape();
        bool int8 = typeA == NVVM::MMATypes::s8 || typeA == NVVM::MMATypes::u8;
        int32_t kind = 0;
        if (int8 && shape.getK() == 32 &&
            mma.getIntOverflowBehavior() == NVVM::MMAIntOverflow::wrapped)
          kind = MmaInt8 | (typeA == NVVM::MMATypes::s8 ? kMmaFlagA : 0) |
                 (typeB == NVVM::MMATypes::s8 ? kMmaFlagB : 0);
        else if (typeA == NVVM::MMATypes::f16 && shape.getK() == 16)
          kind = MmaF16;
        else if (typeA == NVVM::MMATypes::bf16 && shape.getK() == 16)
          kind = MmaBF16;
        if (!kind || shape.getM() != 16 || shape.getN() != 8 ||
            mma.getOperandA().size() != 4 || mma.getOperandB().size() != 2 ||
            mma.getOperandC().size() != 4 ||
            mma.getLayoutA() != NVVM::MMALayout::row ||
            mma.getLayoutB() != NVVM::MMALayout::col)
          return mma.emitError(
              "cannot run this mma.sync on the host (row x col m16n8k32 "
              "wrapping s8/u8, m16n8k16 f16/bf16 are supported)");
        replaceMma(mma, kind, mma.getOperandA(), mma.getOperandB(),
                   mma.getOperandC());
        return success();
      })
      .Case([&](LLVM::InlineAsmOp op) { return rewriteAsm(op); })
      .Case([&](gpu::TerminatorOp op) {
        func::ReturnOp::create(b);
        op.erase();
        return success();
      })
      .Default([&](Operation *op) -> LogicalResult {
        auto id = [&](IdGroup group, gpu::Dimension dim) {
          Value v = call("quanta_gpu_host_id", {b.getIndexType()},
                         {c32(group + int32_t(dim))});
          op->getResult(0).replaceAllUsesWith(v);
          op->erase();
          return success();
        };
        if (auto o = dyn_cast<gpu::ThreadIdOp>(op))
          return id(ThreadId, o.getDimension());
        if (auto o = dyn_cast<gpu::BlockIdOp>(op))
          return id(BlockId, o.getDimension());
        if (auto o = dyn_cast<gpu::BlockDimOp>(op))
          return id(BlockDim, o.getDimension());
        if (auto o = dyn_cast<gpu::GridDimOp>(op))
          return id(GridDim, o.getDimension());
        if (isa_and_nonnull<gpu::GPUDialect, NVVM::NVVMDialect,
                            nvgpu::NVGPUDialect>(op->getDialect()))
          return op->emitError("cannot run this kernel op on the host");
        return success();
      });
}

LogicalResult KernelRewriter::run() {
  Block &entry = kernel.getBody().front();
  b.setInsertionPointToStart(&entry);
  scratch = memref::AllocaOp::create(b, MemRefType::get({kScratchWords}, i32));
  scratchAddress = arith::IndexCastOp::create(
      b, i64, memref::ExtractAlignedPointerAsIndexOp::create(b, scratch));
  SmallVector<Operation *> ops;
  kernel.walk([&](Operation *op) { ops.push_back(op); });
  for (Operation *op : ops)
    if (failed(rewrite(op)))
      return failure();
  // Shared memory is host memory here.
  kernel.walk([](Operation *op) {
    for (Value result : op->getResults())
      result.setType(hostType(result.getType()));
    for (Region &region : op->getRegions())
      for (Block &block : region)
        for (BlockArgument arg : block.getArguments())
          arg.setType(hostType(arg.getType()));
  });
  kernel.setFunctionType(
      b.getFunctionType(entry.getArgumentTypes(), TypeRange{}));
  return success();
}

/// Outlines `launch` (in `fn`) as `@<fn>_kernel<index>` and replaces it by
/// the allocation of its shared memory and a call of its launcher.
LogicalResult outline(ModuleOp module, func::FuncOp fn, gpu::LaunchOp launch,
                      int64_t index) {
  if (launch.getAsyncToken() || !launch.getAsyncDependencies().empty() ||
      launch.getClusterSizeX() || !launch.getPrivateAttributions().empty() ||
      !launch.getBody().hasOneBlock())
    return launch.emitError("cannot run this launch on the host: only "
                            "synchronous launches of one block without "
                            "private attributions or clusters are supported");
  // Dynamic shared memory of a constant size: one more buffer after the
  // attributions, which each gpu.dynamic_shared_memory of the kernel is.
  APInt dynamicBytes(64, 0);
  if (Value size = launch.getDynamicSharedMemorySize();
      size && !matchPattern(size, m_ConstantInt(&dynamicBytes)))
    return launch.emitError("cannot run this launch on the host: the dynamic "
                            "shared memory size is not a constant");
  SetVector<Value> captures;
  getUsedValuesDefinedAbove(launch.getBody(), captures);
  SmallVector<Value> args;
  SmallVector<Operation *> constants;
  for (Value v : captures) {
    if (Operation *def = v.getDefiningOp();
        def && def->hasTrait<OpTrait::ConstantLike>())
      constants.push_back(def);
    else
      args.push_back(v);
  }
  SmallVector<Value> attributions(launch.getWorkgroupAttributions());
  SmallVector<Type> argTypes;
  for (Value v : llvm::concat<Value>(args, attributions))
    argTypes.push_back(v.getType());
  Type dynamicType;
  if (launch.getDynamicSharedMemorySize()) {
    dynamicType = MemRefType::get({ShapedType::kDynamic},
                                  IntegerType::get(module.getContext(), 8));
    argTypes.push_back(dynamicType);
  }

  OpBuilder b(module.getContext());
  Location loc = launch.getLoc();
  std::string name = (fn.getSymName() + "_kernel" + Twine(index)).str();
  b.setInsertionPointAfter(fn);
  auto kernel = func::FuncOp::create(b, loc, name,
                                     b.getFunctionType(argTypes, TypeRange{}));
  kernel.setPrivate();
  kernel->setAttr(mlir::quanta::kKernelOnHostAttrName, b.getUnitAttr());
  Block *entry = kernel.addEntryBlock();
  b.setInsertionPointToStart(entry);
  IRMapping mapping;
  for (Operation *c : constants)
    b.clone(*c, mapping);
  for (auto [v, arg] : llvm::zip(llvm::concat<Value>(args, attributions),
                                 entry->getArguments()))
    mapping.map(v, arg);
  // The launch's indices and sizes used, as runtime calls (rewritten
  // below).
  auto ids = [&](gpu::KernelDim3 dims, auto make) {
    for (auto [arg, dim] : {std::pair{dims.x, gpu::Dimension::x},
                            std::pair{dims.y, gpu::Dimension::y},
                            std::pair{dims.z, gpu::Dimension::z}})
      if (!arg.use_empty())
        mapping.map(arg, make(b, loc, dim).getResult());
  };
  ids(launch.getThreadIds(), [](OpBuilder &b, Location l, gpu::Dimension d) {
    return gpu::ThreadIdOp::create(b, l, d);
  });
  ids(launch.getBlockIds(), [](OpBuilder &b, Location l, gpu::Dimension d) {
    return gpu::BlockIdOp::create(b, l, d);
  });
  ids(launch.getBlockSize(), [](OpBuilder &b, Location l, gpu::Dimension d) {
    return gpu::BlockDimOp::create(b, l, d);
  });
  ids(launch.getGridSize(), [](OpBuilder &b, Location l, gpu::Dimension d) {
    return gpu::GridDimOp::create(b, l, d);
  });
  for (Operation &op : launch.getBody().front())
    b.clone(op, mapping);
  kernel.walk([&](gpu::DynamicSharedMemoryOp op) {
    op.getResult().replaceAllUsesWith(entry->getArguments().back());
    op.erase();
  });
  if (failed(KernelRewriter(module, kernel).run()))
    return failure();

  // The launcher, declared: --quanta-host-kernel-launchers defines it.
  SmallVector<Type> launcherTypes(8, b.getIndexType());
  for (Type t : kernel.getArgumentTypes())
    launcherTypes.push_back(t);
  b.setInsertionPointAfter(kernel);
  auto launcher = func::FuncOp::create(
      b, loc, name + "_launch", b.getFunctionType(launcherTypes, TypeRange{}));
  launcher.setPrivate();
  launcher->setAttr(kHostKernelAttr, FlatSymbolRefAttr::get(kernel));

  // The shared memory: one buffer, each attribution at a multiple of 128
  // bytes.
  b.setInsertionPoint(launch);
  SmallVector<int64_t> offsets;
  int64_t bytes = 0;
  for (Value a : attributions) {
    auto type = cast<MemRefType>(a.getType());
    offsets.push_back(bytes);
    bytes += llvm::alignTo(
        type.getNumElements() * type.getElementTypeBitWidth() / 8, 128);
  }
  int64_t dynamicOffset = bytes;
  bytes += dynamicBytes.getZExtValue();
  if (bytes > kSharedWindow)
    return launch.emitError("cannot run this launch on the host: more than "
                            "256 KiB of shared memory");
  auto constant = [&](int64_t v) {
    return arith::ConstantIndexOp::create(b, loc, v).getResult();
  };
  SmallVector<Value> operands;
  gpu::KernelDim3 grid = launch.getGridSizeOperandValues();
  gpu::KernelDim3 block = launch.getBlockSizeOperandValues();
  operands.append({grid.x, grid.y, grid.z, block.x, block.y, block.z});
  Value buffer;
  if (bytes) {
    auto bufferType = MemRefType::get({bytes}, b.getI8Type());
    buffer = memref::AllocOp::create(b, loc, bufferType,
                                     b.getI64IntegerAttr(kSharedWindow));
    operands.push_back(
        memref::ExtractAlignedPointerAsIndexOp::create(b, loc, buffer));
  } else {
    operands.push_back(constant(0));
  }
  operands.push_back(constant(bytes));
  operands.append(args);
  for (auto [a, offset] : llvm::zip(attributions, offsets))
    operands.push_back(memref::ViewOp::create(
        b, loc, hostType(a.getType()), buffer, constant(offset), ValueRange{}));
  if (dynamicType)
    operands.push_back(memref::ViewOp::create(
        b, loc, dynamicType, buffer, constant(dynamicOffset),
        ValueRange{constant(dynamicBytes.getZExtValue())}));
  func::CallOp::create(b, loc, launcher, operands);
  if (buffer)
    memref::DeallocOp::create(b, loc, buffer);
  launch.erase();
  return success();
}

struct GPULaunchesToHostFibersPass
    : public mlir::quanta::impl::GPULaunchesToHostFibersBase<
          GPULaunchesToHostFibersPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<func::FuncOp> functions(module.getOps<func::FuncOp>());
    for (func::FuncOp fn : functions) {
      SmallVector<gpu::LaunchOp> launches;
      fn.walk([&](gpu::LaunchOp launch) {
        if (cooperates(launch))
          launches.push_back(launch);
      });
      for (auto [i, launch] : llvm::enumerate(launches))
        if (failed(outline(module, fn, launch, i)))
          return signalPassFailure();
    }
  }
};

struct HostKernelLaunchersPass
    : public mlir::quanta::impl::HostKernelLaunchersBase<HostKernelLaunchersPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *context = module.getContext();
    auto ptr = LLVM::LLVMPointerType::get(context);
    Type i64 = IntegerType::get(context, 64);
    auto voidType = LLVM::LLVMVoidType::get(context);
    LLVM::LLVMFuncOp runtime;
    for (auto launcher : llvm::to_vector(module.getOps<LLVM::LLVMFuncOp>())) {
      auto kernelName =
          launcher->getAttrOfType<FlatSymbolRefAttr>(kHostKernelAttr);
      if (!kernelName)
        continue;
      auto kernel = module.lookupSymbol<LLVM::LLVMFuncOp>(kernelName);
      ArrayRef<Type> types = launcher.getFunctionType().getParams();
      if (!kernel || types.size() < 8 ||
          types.drop_front(8) != kernel.getFunctionType().getParams()) {
        launcher.emitError("launcher does not match its kernel ") << kernelName;
        return signalPassFailure();
      }
      Location loc = launcher.getLoc();
      OpBuilder b(context);
      if (!runtime) {
        b.setInsertionPointToStart(module.getBody());
        SmallVector<Type> params(8, i64);
        params.append({ptr, ptr});
        runtime = LLVM::LLVMFuncOp::create(
            b, loc, "quanta_gpu_host_launch",
            LLVM::LLVMFunctionType::get(voidType, params));
      }
      auto envType = LLVM::LLVMStructType::getLiteral(
          context, SmallVector<Type>(types.drop_front(8)));
      int64_t fields = types.size() - 8;

      // @k_entry(env): calls @k with the fields of env.
      b.setInsertionPointAfter(launcher);
      auto entry = LLVM::LLVMFuncOp::create(
          b, loc, (kernelName.getValue() + "_entry").str(),
          LLVM::LLVMFunctionType::get(voidType, {ptr}),
          LLVM::Linkage::Internal);
      b.setInsertionPointToStart(entry.addEntryBlock(b));
      // The address of field `i` of the structure at `env`.
      auto field = [&](Value env, int64_t i) {
        return LLVM::GEPOp::create(b, loc, ptr, envType, env,
                                   ArrayRef<LLVM::GEPArg>{0, int32_t(i)});
      };
      SmallVector<Value> kernelArgs;
      for (int64_t i = 0; i < fields; ++i)
        kernelArgs.push_back(LLVM::LoadOp::create(
            b, loc, types[8 + i], field(entry.getArgument(0), i)));
      LLVM::CallOp::create(b, loc, kernel, kernelArgs);
      LLVM::ReturnOp::create(b, loc, ValueRange{});

      kernel.setLinkage(LLVM::Linkage::Internal);
      // @k_launch: stores its arguments into env, runs the launch.
      launcher->removeAttr(kHostKernelAttr);
      launcher.setLinkage(LLVM::Linkage::Internal);
      b.setInsertionPointToStart(launcher.addEntryBlock(b));
      Value one = LLVM::ConstantOp::create(b, loc, i64, b.getI64IntegerAttr(1));
      Value env = LLVM::AllocaOp::create(b, loc, ptr, envType, one);
      for (int64_t i = 0; i < fields; ++i)
        LLVM::StoreOp::create(b, loc, launcher.getArgument(8 + i),
                              field(env, i));
      SmallVector<Value> args(launcher.getArguments().take_front(8));
      args.push_back(LLVM::AddressOfOp::create(b, loc, entry));
      args.push_back(env);
      LLVM::CallOp::create(b, loc, runtime, args);
      LLVM::ReturnOp::create(b, loc, ValueRange{});
    }
  }
};
} // namespace
