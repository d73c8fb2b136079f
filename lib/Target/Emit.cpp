//===- Emit.cpp - LLVM IR, assembly and object emission -------------------===//
//
// This file translates LLVM-dialect modules to LLVM IR and runs LLVM's
// optimization and code generation for the requested target machine.
//
//===----------------------------------------------------------------------===//

#include "quanta/Target/Target.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/CodeGen.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

using namespace mlir;
using namespace mlir::quanta;

static void initializeTargets() {
  static bool initialized = [] {
    llvm::InitializeAllTargetInfos();
    llvm::InitializeAllTargets();
    llvm::InitializeAllTargetMCs();
    llvm::InitializeAllAsmPrinters();
    return true;
  }();
  (void)initialized;
}

TargetOptions mlir::quanta::resolveHost(TargetOptions options) {
  if (options.triple.empty())
    options.triple = llvm::sys::getDefaultTargetTriple();
  bool isHost = llvm::Triple(options.triple).getArch() ==
                llvm::Triple(llvm::sys::getDefaultTargetTriple()).getArch();
  if (options.cpu.empty() && isHost) {
    options.cpu = llvm::sys::getHostCPUName().str();
    if (options.features.empty()) {
      std::string features;
      for (const auto &feature : llvm::sys::getHostCPUFeatures())
        features += (feature.second ? "+" : "-") + feature.first().str() + ",";
      if (!features.empty())
        features.pop_back();
      options.features = features;
    }
  }
  if (options.cpu.empty())
    options.cpu = "generic";
  return options;
}

static const llvm::Target *lookupTarget(const TargetOptions &options,
                                        std::string &error) {
  initializeTargets();
  return llvm::TargetRegistry::lookupTarget(llvm::Triple(options.triple),
                                            error);
}

/// Whether `info`'s target has a CPU feature named `name`.
static bool isKnownFeature(const llvm::MCSubtargetInfo &info, StringRef name) {
  return llvm::any_of(
      info.getAllProcessorFeatures(),
      [&](const llvm::SubtargetFeatureKV &known) { return name == known.Key; });
}

std::string mlir::quanta::checkTarget(const TargetOptions &options) {
  std::string error;
  const llvm::Target *target = lookupTarget(options, error);
  if (!target)
    return "unknown target '" + options.triple + "': " + error;
  llvm::Triple triple(options.triple);
  if (triple.getArch() != llvm::Triple::x86_64 &&
      triple.getArch() != llvm::Triple::aarch64)
    return "unsupported target '" + options.triple +
           "': the kernels are for x86_64 and aarch64 CPUs and "
           "nvptx64-nvidia-cuda GPUs";
  if (!isKnownCPU(options.triple, options.cpu))
    return "unknown CPU '" + options.cpu + "' for target '" + options.triple +
           "'";
  std::unique_ptr<llvm::MCSubtargetInfo> info(
      target->createMCSubtargetInfo(triple, options.cpu, ""));
  SmallVector<StringRef> features;
  StringRef(options.features).split(features, ',', -1, /*KeepEmpty=*/false);
  for (StringRef feature : features) {
    StringRef name = feature.drop_front(feature.starts_with("+") ||
                                        feature.starts_with("-"));
    if (!isKnownFeature(*info, name))
      return "unknown CPU feature '" + feature.str() + "' for target '" +
             options.triple + "'";
  }
  if (triple.getArch() == llvm::Triple::x86_64 &&
      !hasTargetFeature(options, "64bit"))
    return "CPU '" + options.cpu + "' cannot run 64-bit x86 code";
  return "";
}

bool mlir::quanta::isKnownCPU(StringRef triple, StringRef cpu) {
  initializeTargets();
  std::string error;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(llvm::Triple(triple), error);
  if (!target)
    return false;
  std::unique_ptr<llvm::MCSubtargetInfo> info(
      target->createMCSubtargetInfo(llvm::Triple(triple), "", ""));
  return info && info->isCPUStringValid(cpu);
}

bool mlir::quanta::isSupportedGPUArch(StringRef chip) {
  return llvm::is_contained(
      {"sm_80", "sm_86", "sm_87", "sm_89", "sm_90", "sm_90a"}, chip);
}

LogicalResult mlir::quanta::extractPTX(ModuleOp module,
                                       SmallVectorImpl<char> &output) {
  // One PTX module: the first kernel module whole, the entries of the others
  // without their module header (.version, .target, .address_size).
  llvm::raw_svector_ostream os(output);
  bool found = false;
  module.walk([&](gpu::BinaryOp binary) {
    for (Attribute attr : binary.getObjects()) {
      auto object = cast<gpu::ObjectAttr>(attr);
      if (object.getFormat() != gpu::CompilationTarget::Assembly)
        continue;
      SmallVector<StringRef> lines;
      object.getObject().getValue().split(lines, '\n');
      for (StringRef line : lines) {
        if (found && (line.starts_with(".version") ||
                      line.starts_with(".target") ||
                      line.starts_with(".address_size")))
          continue;
        os << line << "\n";
      }
      found = true;
    }
  });
  if (!found)
    return module.emitError()
           << "nothing in the module runs on the GPU, so --emit=ptx has no "
              "kernels to write (the object, --emit=obj, has the host code)";
  return success();
}

bool mlir::quanta::hasTargetFeature(const TargetOptions &options,
                                    StringRef feature) {
  std::string error;
  const llvm::Target *target = lookupTarget(options, error);
  if (!target)
    return false;
  std::unique_ptr<llvm::MCSubtargetInfo> info(target->createMCSubtargetInfo(
      llvm::Triple(options.triple), options.cpu, options.features));
  // checkFeatures aborts on names the target does not know.
  if (!info || !isKnownFeature(*info, feature))
    return false;
  return info->checkFeatures(("+" + feature).str());
}

static llvm::CodeGenOptLevel toCodeGenOptLevel(unsigned level) {
  switch (level) {
  case 0:
    return llvm::CodeGenOptLevel::None;
  case 1:
    return llvm::CodeGenOptLevel::Less;
  case 2:
    return llvm::CodeGenOptLevel::Default;
  default:
    return llvm::CodeGenOptLevel::Aggressive;
  }
}

/// Replaces every load of bf16 (scalar or vector) by a load of i16 and a
/// bitcast. --quanta-expand-float-casts turns each bf16 value into its i16
/// bits before any arithmetic, so after instcombine no bf16 value is left
/// to cross a basic block: on x86 without AVX512-BF16 the backend keeps such
/// a value in f32 lanes and truncates it back lane by lane with library
/// calls (`__truncsfbf2`), for example when a load is hoisted out of a loop
/// or used in both branches of a branch.
static void loadBFloat16AsInteger(llvm::Module &module) {
  SmallVector<llvm::LoadInst *> loads;
  for (llvm::Function &function : module)
    for (llvm::Instruction &inst : llvm::instructions(function))
      if (auto *load = dyn_cast<llvm::LoadInst>(&inst);
          load && load->getType()->getScalarType()->isBFloatTy())
        loads.push_back(load);
  for (llvm::LoadInst *load : loads) {
    llvm::IRBuilder<> b(load);
    llvm::LoadInst *bits = b.CreateAlignedLoad(
        load->getType()->getWithNewType(b.getInt16Ty()),
        load->getPointerOperand(), load->getAlign(), load->isVolatile());
    bits->copyMetadata(*load);
    load->replaceAllUsesWith(b.CreateBitCast(bits, load->getType()));
    load->eraseFromParent();
  }
}

LogicalResult mlir::quanta::emitModule(ModuleOp module,
                                       const TargetOptions &options,
                                       EmitKind kind,
                                       SmallVectorImpl<char> &output) {
  std::string error;
  const llvm::Target *target = lookupTarget(options, error);
  if (!target)
    return module.emitError() << "unknown target '" << options.triple
                              << "': " << error;
  llvm::Triple triple(options.triple);
  // Constructors (the AMX permission request) go to .init_array, as clang
  // puts them: lld and current C runtimes do not run .ctors.
  llvm::TargetOptions machineOptions;
  machineOptions.UseInitArray = true;
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, options.cpu, options.features, machineOptions,
      llvm::Reloc::PIC_, std::nullopt, toCodeGenOptLevel(options.optLevel)));
  if (!machine)
    return module.emitError() << "cannot create a target machine for '"
                              << options.triple << "' (cpu '" << options.cpu
                              << "')";

  llvm::LLVMContext context;
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, context);
  if (!llvmModule)
    return module.emitError() << "translation to LLVM IR failed";
  llvmModule->setTargetTriple(triple);
  llvmModule->setDataLayout(machine->createDataLayout());
  llvmModule->setPICLevel(llvm::PICLevel::BigPIC);
  loadBFloat16AsInteger(*llvmModule);

  auto optimize = makeOptimizingTransformer(options.optLevel,
                                            /*sizeLevel=*/0, machine.get());
  if (llvm::Error err = optimize(llvmModule.get())) {
    std::string message = llvm::toString(std::move(err));
    return module.emitError() << "LLVM optimization failed: " << message;
  }

  llvm::raw_svector_ostream stream(output);
  if (kind == EmitKind::LLVMIR) {
    llvmModule->print(stream, nullptr);
    return success();
  }
  llvm::legacy::PassManager codegen;
  auto fileType = kind == EmitKind::Object ? llvm::CodeGenFileType::ObjectFile
                                           : llvm::CodeGenFileType::AssemblyFile;
  if (machine->addPassesToEmitFile(codegen, stream, nullptr, fileType))
    return module.emitError() << "target '" << options.triple
                              << "' cannot emit this file type";
  codegen.run(*llvmModule);
  return success();
}
