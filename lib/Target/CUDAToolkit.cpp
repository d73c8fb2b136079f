//===- CUDAToolkit.cpp - Where the CUDA toolkit's tools are ---------------===//
//
// This file finds the CUDA toolkit whose `ptxas` and `fatbinary` compile the
// GPU kernels to cubins for the host object.
//
//===----------------------------------------------------------------------===//

#include "quanta/Target/Target.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <cstdlib>

using namespace mlir;

/// Whether `dir`/bin has both tools the cubin serialization runs.
static bool hasTools(StringRef dir) {
  for (StringRef tool : {"ptxas", "fatbinary"}) {
    SmallString<256> path(dir);
    llvm::sys::path::append(path, "bin", tool);
    if (!llvm::sys::fs::can_execute(path))
      return false;
  }
  return true;
}

std::string mlir::quanta::findCUDAToolkit() {
  SmallVector<std::string> candidates;
  for (const char *var : {"CUDA_ROOT", "CUDA_HOME", "CUDA_PATH"})
    if (const char *value = std::getenv(var))
      candidates.push_back(value);
  if (llvm::ErrorOr<std::string> ptxas = llvm::sys::findProgramByName("ptxas"))
    candidates.push_back(
        llvm::sys::path::parent_path(llvm::sys::path::parent_path(*ptxas))
            .str());
  candidates.push_back("/usr/local/cuda");
  for (const std::string &dir : candidates)
    if (!dir.empty() && hasTools(dir))
      return dir;
  return "";
}
