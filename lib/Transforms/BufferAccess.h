//===- BufferAccess.h - Which ops touch buffers -----------------*- C++ -*-===//
//
// This file declares the test that the GPU passes share for host code that
// would touch device memory.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTA_LIB_TRANSFORMS_BUFFERACCESS_H
#define QUANTA_LIB_TRANSFORMS_BUFFERACCESS_H

namespace mlir {
class Operation;
namespace quanta {

/// Whether `op` itself (not the ops inside it) reads or writes a buffer.
bool readsOrWritesBuffer(Operation *op);

} // namespace quanta
} // namespace mlir

#endif // QUANTA_LIB_TRANSFORMS_BUFFERACCESS_H
