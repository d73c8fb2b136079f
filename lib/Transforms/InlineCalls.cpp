//===- InlineCalls.cpp - Inline the calls between functions ---------------===//
//
// This file implements `--quanta-inline-calls`: every func.call to a
// function with a body is inlined, except recursive ones; private functions
// whose calls were all inlined are erased, other private functions stay.
//
//===----------------------------------------------------------------------===//

#include "quanta/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Transforms/Inliner.h"
#include "mlir/Transforms/InliningUtils.h"

namespace mlir::quanta {
#define GEN_PASS_DEF_INLINECALLS
#include "quanta/Transforms/Passes.h.inc"
} // namespace mlir::quanta

using namespace mlir;

namespace {
/// Bounds the rounds of inlining (each one resolves the calls that the
/// previous one brought in): a chain of calls deeper than this stays.
constexpr int kMaxRounds = 64;

struct InlineCallsPass
    : public quanta::impl::InlineCallsBase<InlineCallsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    InlinerInterface interface(&getContext());
    InlinerConfig config;
    SetVector<func::FuncOp> inlined;
    for (int round = 0; round < kMaxRounds; ++round) {
      SmallVector<func::CallOp> calls;
      module.walk([&](func::CallOp call) { calls.push_back(call); });
      bool changed = false;
      for (func::CallOp call : calls) {
        auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
        // A declaration, or a call in the callee itself (recursion).
        if (!callee || callee.isExternal() || callee->isAncestor(call))
          continue;
        if (failed(inlineCall(interface, config.getCloneCallback(), call,
                              callee, &callee.getBody())))
          continue;
        call.erase();
        inlined.insert(callee);
        changed = true;
      }
      if (!changed)
        break;
    }
    for (func::FuncOp callee : inlined)
      if (callee.isPrivate() && SymbolTable::symbolKnownUseEmpty(callee, module))
        callee.erase();
  }
};
} // namespace
