//===- InlineAllocaScopes.cpp - Inline scopes that allocate nothing -------===//
//
// This file implements `--quanta-inline-alloca-scopes`: each
// memref.alloca_scope that holds no stack allocation (outside nested
// allocation scopes) is replaced by its body.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_INLINEALLOCASCOPES
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

namespace {
/// Whether `op` declares an allocation in the automatic allocation scope
/// resource (memref.alloca, llvm.alloca).
bool allocatesOnStack(Operation *op) {
  auto effects = dyn_cast<MemoryEffectOpInterface>(op);
  if (!effects)
    return false;
  SmallVector<MemoryEffects::EffectInstance> instances;
  effects.getEffects(instances);
  return llvm::any_of(instances, [](const MemoryEffects::EffectInstance &e) {
    return isa<MemoryEffects::Allocate>(e.getEffect()) &&
           isa<SideEffects::AutomaticAllocationScopeResource>(e.getResource());
  });
}

/// Whether the scope's own frame receives an allocation: nested allocation
/// scopes (other alloca_scope ops, functions) hold theirs.
bool holdsStackAllocation(memref::AllocaScopeOp scope) {
  return scope
      ->walk<WalkOrder::PreOrder>([&](Operation *op) {
        if (op == scope)
          return WalkResult::advance();
        if (allocatesOnStack(op))
          return WalkResult::interrupt();
        if (op->hasTrait<OpTrait::AutomaticAllocationScope>())
          return WalkResult::skip();
        return WalkResult::advance();
      })
      .wasInterrupted();
}

struct InlineAllocaScopesPass
    : public quanta::impl::InlineAllocaScopesBase<InlineAllocaScopesPass> {
  void runOnOperation() override {
    SmallVector<memref::AllocaScopeOp> scopes;
    getOperation()->walk([&](memref::AllocaScopeOp scope) {
      if (scope.getBodyRegion().hasOneBlock() && !holdsStackAllocation(scope))
        scopes.push_back(scope);
    });
    IRRewriter rewriter(&getContext());
    for (memref::AllocaScopeOp scope : scopes) {
      Block *body = &scope.getBodyRegion().front();
      Operation *terminator = body->getTerminator();
      SmallVector<Value> results(terminator->getOperands());
      rewriter.eraseOp(terminator);
      rewriter.inlineBlockBefore(body, scope);
      rewriter.replaceOp(scope, results);
    }
  }
};
} // namespace
