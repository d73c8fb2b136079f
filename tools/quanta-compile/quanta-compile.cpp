//===- quanta-compile.cpp - Quanta compiler driver ------------------------===//
//
// This file implements quanta-compile, the llc-style driver that compiles
// Quanta (or upstream quant / linalg) IR to an object file, assembly, LLVM IR
// or LLVM-dialect MLIR for a target, plus a C header describing the entry
// points. Outputs are written to temporary files, renamed once all are.
//
//===----------------------------------------------------------------------===//

#include "quanta/InitAll.h"
#include "quanta/Conversion/Passes.h"
#include "quanta/Pipelines/Pipelines.h"
#include "quanta/Target/Target.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <unistd.h>

using namespace mlir;
namespace cl = llvm::cl;

static cl::opt<std::string> inputFilename(cl::Positional,
                                          cl::desc("<input .mlir file>"),
                                          cl::init("-"));
static cl::opt<std::string> outputFilename("o", cl::desc("Output file"),
                                           cl::value_desc("filename"),
                                           cl::init("-"));
static cl::opt<quanta::EmitKind> emitKind(
    "emit", cl::desc("What to emit"), cl::init(quanta::EmitKind::Object),
    cl::values(clEnumValN(quanta::EmitKind::Object, "obj", "Object file"),
               clEnumValN(quanta::EmitKind::Assembly, "asm", "Assembly"),
               clEnumValN(quanta::EmitKind::LLVMIR, "llvm", "LLVM IR"),
               clEnumValN(quanta::EmitKind::MLIR, "mlir",
                          "The module lowered to the LLVM dialect"),
               clEnumValN(quanta::EmitKind::PTX, "ptx",
                          "PTX of the GPU kernels (nvptx64 targets)")));
static cl::opt<std::string> targetTriple(
    "target", cl::desc("Target triple (default: the host)"));
static cl::opt<std::string> targetCPU("mcpu",
                                      cl::desc("Target CPU (default: host)"));
static cl::opt<std::string>
    targetFeatures("mattr", cl::desc("Target features (+avx512f,...)"));
static cl::opt<std::string> headerFilename(
    "header", cl::desc("Also write a C header declaring the entry points"),
    cl::value_desc("filename"));
static cl::opt<std::string> gpuArch(
    "gpu-arch", cl::desc("NVIDIA GPU architecture for nvptx64 targets"),
    cl::init("sm_80"));
static cl::opt<bool> openmp(
    "openmp",
    cl::desc("Run the CPU matmul kernels on OpenMP threads (link the object "
             "with an OpenMP runtime: -fopenmp or -lomp)"),
    cl::init(false));
enum class GPUOnHost { Off, Forward, Reverse };
static cl::opt<GPUOnHost> gpuOnHost(
    "gpu-on-host",
    cl::desc("Compile for the host CPU through the GPU pipeline, its kernels "
             "run as host loops (tests the GPU lowering without a GPU); with "
             "--gpu-arch, matmuls take that GPU's tensor-core kernels, run "
             "by the GPU-on-host runtime (link libQuantaGPUOnHost.a)"),
    cl::ValueOptional, cl::init(GPUOnHost::Off), cl::Hidden,
    cl::values(clEnumValN(GPUOnHost::Forward, "", "threads in order"),
               clEnumValN(GPUOnHost::Reverse, "reverse",
                          "threads from the last to the first")));
static cl::opt<unsigned> optLevel("O", cl::desc("Optimization level 0-3"),
                                  cl::Prefix, cl::init(3));

/// The file that writing `path` writes: `path` itself, or the target of
/// the symbolic links it names (followed as open(2) follows them, so that a
/// dangling link's target is created rather than the link replaced).
static std::string followLinks(StringRef path) {
  namespace fs = llvm::sys::fs;
  std::string current = path.str();
  // As many links as the kernel follows (ELOOP beyond).
  for (int hops = 0; hops < 40 && fs::is_symlink_file(current); ++hops) {
    SmallString<256> real;
    if (!fs::real_path(current, real))
      return real.str().str();
    char target[4096];
    ssize_t size = ::readlink(current.c_str(), target, sizeof target - 1);
    if (size < 0)
      break;
    StringRef link(target, size);
    SmallString<256> next;
    if (llvm::sys::path::is_absolute(link)) {
      next = link;
    } else {
      next = llvm::sys::path::parent_path(current);
      llvm::sys::path::append(next, link);
    }
    current = next.str().str();
  }
  return current;
}

/// Writes each output (path, contents) so that a failure leaves every
/// existing file as it was: regular files into a temporary file beside
/// them, all renamed once everything is written; a symbolic link's target
/// rather than the link (see followLinks); standard output ("-"), devices
/// and FIFOs directly, before the renames.
static LogicalResult
writeOutputs(ArrayRef<std::pair<std::string, StringRef>> outputs) {
  namespace fs = llvm::sys::fs;
  std::vector<std::pair<fs::TempFile, std::string>> pending;
  auto fail = [&](const Twine &path, const Twine &why) {
    llvm::errs() << "quanta-compile: cannot write '" << path << "': " << why
                 << "\n";
    for (auto &temp : pending)
      llvm::consumeError(temp.first.discard());
    return failure();
  };
  SmallVector<std::pair<std::string, StringRef>> direct;
  for (const auto &[given, contents] : outputs) {
    std::string path = given == "-" ? given : followLinks(given);
    fs::file_status status;
    if (path == "-" || (!fs::status(path, status) && fs::exists(status) &&
                        !fs::is_regular_file(status))) {
      direct.push_back({path, contents});
      continue;
    }
    llvm::Expected<fs::TempFile> temp = fs::TempFile::create(path + "-%%%%%%");
    if (!temp)
      return fail(given, llvm::toString(temp.takeError()));
    llvm::raw_fd_ostream os(temp->FD, /*shouldClose=*/false);
    os << contents;
    os.flush();
    std::error_code error = os.error();
    os.clear_error();
    pending.push_back({std::move(*temp), path});
    if (error)
      return fail(given, error.message());
  }
  for (const auto &[path, contents] : direct) {
    std::error_code error;
    llvm::raw_fd_ostream os(path, error);
    if (!error) {
      os << contents;
      os.close();
      error = os.error();
      os.clear_error();
    }
    if (error)
      return fail(path, error.message());
  }
  for (auto &[temp, path] : pending)
    if (llvm::Error error = temp.keep(path))
      return fail(path, llvm::toString(std::move(error)));
  return success();
}

/// Whether `a` and `b` name the same file (through symbolic links, or one
/// that exists under both names); "-" is standard output.
static bool isSameFile(StringRef a, StringRef b) {
  if (a == "-" || b == "-")
    return a == b;
  auto resolved = [](StringRef path) {
    SmallString<256> full(followLinks(path));
    llvm::sys::fs::make_absolute(full);
    llvm::sys::path::remove_dots(full, /*remove_dot_dot=*/true);
    return full;
  };
  bool equivalent = false;
  return resolved(a) == resolved(b) ||
         (!llvm::sys::fs::equivalent(a, b, equivalent) && equivalent);
}

static std::string headerGuard(StringRef path) {
  std::string guard = "QUANTA_";
  for (char c : llvm::sys::path::filename(path))
    guard += llvm::isAlnum(c) ? llvm::toUpper(c) : '_';
  return guard;
}

static LogicalResult compile(MLIRContext &context, llvm::SourceMgr &sourceMgr) {
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, &context);
  if (!module)
    return failure();

  if (!headerFilename.empty() && isSameFile(outputFilename, headerFilename)) {
    llvm::errs() << "quanta-compile: the output and the header are the same "
                    "file '"
                 << headerFilename << "'\n";
    return failure();
  }
  if (optLevel > 3) {
    llvm::errs() << "quanta-compile: -O" << optLevel
                 << " is not an optimization level (0-3)\n";
    return failure();
  }
  // An nvptx64 target compiles kernels for the GPU and their launchers for
  // the host, which is then the machine the object is for.
  bool gpu = StringRef(targetTriple).starts_with("nvptx64");
  // On the host, matmuls take the GPU's tensor-core kernels only for a
  // --gpu-arch given (run on the GPU-on-host runtime's fibers).
  bool tensorCoresOnHost =
      gpuOnHost != GPUOnHost::Off && gpuArch.getNumOccurrences();
  if ((gpu || tensorCoresOnHost) &&
      !quanta::isKnownCPU("nvptx64-nvidia-cuda", gpuArch)) {
    llvm::errs() << "quanta-compile: unknown GPU architecture '" << gpuArch
                 << "' (expected sm_80, sm_89, sm_90, ...)\n";
    return failure();
  }
  if ((gpu || tensorCoresOnHost) && !quanta::isSupportedGPUArch(gpuArch)) {
    llvm::errs() << "quanta-compile: unsupported GPU architecture '" << gpuArch
                 << "' (supported: sm_80, sm_86, sm_87, sm_89, sm_90, "
                    "sm_90a)\n";
    return failure();
  }
  if (!gpu && emitKind == quanta::EmitKind::PTX) {
    llvm::errs() << "quanta-compile: --emit=ptx needs an nvptx64 target\n";
    return failure();
  }
  if ((gpu || openmp) && gpuOnHost != GPUOnHost::Off) {
    llvm::errs() << "quanta-compile: --gpu-on-host compiles for the host "
                    "CPU, without an nvptx64 target or --openmp\n";
    return failure();
  }
  if (gpu && openmp) {
    llvm::errs() << "quanta-compile: --openmp is for CPU targets (GPU "
                    "kernels already run in parallel)\n";
    return failure();
  }
  quanta::TargetOptions target;
  if (!gpu) {
    target.triple = targetTriple;
    target.cpu = targetCPU;
    target.features = targetFeatures;
  }
  target.optLevel = optLevel;
  target = quanta::resolveHost(target);
  if (std::string error = quanta::checkTarget(target); !error.empty()) {
    llvm::errs() << "quanta-compile: " << error << "\n";
    return failure();
  }

  PassManager toLinalg(&context);
  if (failed(applyPassManagerCLOptions(toLinalg)))
    return failure();
  quanta::GPUOptions gpuOptions;
  gpuOptions.chip = gpuArch;
  // With the CUDA toolkit at hand, objects embed a cubin next to the PTX
  // (MLIR's serialization looks for the tools through $CUDA_ROOT).
  if (gpu && emitKind != quanta::EmitKind::PTX) {
    std::string toolkit = quanta::findCUDAToolkit();
    if (!toolkit.empty()) {
      setenv("CUDA_ROOT", toolkit.c_str(), /*overwrite=*/1);
      gpuOptions.embedCubin = true;
    }
  }
  quanta::buildLowerToLinalgPipeline(
      toLinalg, gpu || tensorCoresOnHost ? &gpuOptions : nullptr);
  if (failed(toLinalg.run(*module)))
    return failure();
  FailureOr<SmallVector<quanta::EntryPoint>> entries =
      quanta::getEntryPoints(*module);
  if (failed(entries))
    return failure();

  PassManager toLLVM(&context);
  if (failed(applyPassManagerCLOptions(toLLVM)))
    return failure();
  if (gpu) {
    quanta::buildLowerLinalgToNVVMPipeline(toLLVM, gpuOptions);
  } else if (gpuOnHost != GPUOnHost::Off) {
    quanta::buildLowerLinalgToGPUOnHostPipeline(
        toLLVM, tensorCoresOnHost ? gpuOptions : quanta::GPUOptions(),
        gpuOnHost == GPUOnHost::Reverse);
  } else {
    quanta::LoweringOptions lowering;
    lowering.avx512vnni = quanta::hasTargetFeature(target, "avx512vnni");
    lowering.avx512bf16 = quanta::hasTargetFeature(target, "avx512bf16");
    // Not at -O0: LLVM's instruction selection at -O0 crashes on the AMX
    // kernels' tile intrinsics (their shapes must be known constants).
    lowering.amx = optLevel > 0 &&
                   quanta::hasTargetFeature(target, "amx-int8") &&
                   quanta::hasTargetFeature(target, "amx-bf16");
    // Measured on Zen 4 (see LowerMatmulKernels.cpp's streamRows()).
    if (StringRef(target.cpu).starts_with("znver"))
      lowering.streamPrefetch = 256 << 10;
    lowering.avxvnni = quanta::hasTargetFeature(target, "avxvnni");
    lowering.avx512bw = quanta::hasTargetFeature(target, "avx512bw");
    lowering.avx2 = quanta::hasTargetFeature(target, "avx2");
    lowering.neonI8mm = quanta::hasTargetFeature(target, "i8mm");
    lowering.neonDotProd = quanta::hasTargetFeature(target, "dotprod");
    lowering.vectorBits = quanta::hasTargetFeature(target, "avx512f") ? 512
                          : quanta::hasTargetFeature(target, "avx2")  ? 256
                          : quanta::hasTargetFeature(target, "neon")  ? 128
                                                                      : 0;
    lowering.f16c = quanta::hasTargetFeature(target, "f16c");
    lowering.threads = openmp;
    quanta::buildLowerLinalgToLLVMPipeline(toLLVM, lowering);
  }
  if (failed(toLLVM.run(*module)))
    return failure();

  SmallString<0> output;
  if (emitKind == quanta::EmitKind::MLIR) {
    llvm::raw_svector_ostream os(output);
    module->print(os);
  } else if (emitKind == quanta::EmitKind::PTX) {
    if (failed(quanta::extractPTX(*module, output)))
      return failure();
  } else if (failed(quanta::emitModule(*module, target, emitKind, output))) {
    return failure();
  }
  // The object and the header together: a failure writes neither.
  SmallVector<std::pair<std::string, StringRef>> outputs = {
      {outputFilename, StringRef(output.data(), output.size())}};
  std::string header;
  if (!headerFilename.empty()) {
    llvm::raw_string_ostream os(header);
    quanta::writeHeader(*entries, headerGuard(headerFilename), gpu, os);
    outputs.push_back({headerFilename, header});
  }
  return writeOutputs(outputs);
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  // The passes by name, for --mlir-print-ir-before/after=<pass>.
  quanta::registerAllPasses();
  registerMLIRContextCLOptions();
  registerPassManagerCLOptions();
  cl::ParseCommandLineOptions(
      argc, argv,
      "quanta-compile: compile Quanta IR to an object file for a target\n");

  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> input =
      openInputFile(inputFilename, &error);
  if (!input) {
    llvm::errs() << "quanta-compile: " << error << "\n";
    return 1;
  }
  DialectRegistry registry;
  quanta::registerAllDialects(registry);
  MLIRContext context(registry);
  context.printOpOnDiagnostic(false);
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(input), llvm::SMLoc());
  SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  return failed(compile(context, sourceMgr)) ? 1 : 0;
}
