// This file implements the cheap path for tiny modules: a module whose
// functions are all small and loop-free (most first-call modules of
// generated code) gets a short IR pipeline (shim.c optimize_tiny: promote,
// inline, fold) instead of default<On>, and is compiled to machine code by
// the fast instruction selector (LLVM's -O0 code generator), which costs a
// third of the default one. Loop passes and the SelectionDAG find little to
// win in a handful of straight-line instructions; anything with a loop, of
// real size, with inline assembly, thread-locals or values passed in vector
// registers keeps the full path.

#include <llvm-c/Core.h>

#include "tier.h"

// tinyLimit bounds the instructions of a tiny module (before
// optimization, where every local is still an alloca with loads/stores).
enum { tinyLimit = 120 };

// has_vector reports whether t is a vector or an aggregate holding one.
static int has_vector(LLVMTypeRef t) {
  switch (LLVMGetTypeKind(t)) {
  case LLVMVectorTypeKind:
    return 1;
  case LLVMStructTypeKind: {
    unsigned n = LLVMCountStructElementTypes(t);
    for (unsigned i = 0; i < n; i++)
      if (has_vector(LLVMStructGetTypeAtIndex(t, i))) return 1;
    return 0;
  }
  case LLVMArrayTypeKind:
    return has_vector(LLVMGetElementType(t));
  default:
    return 0;
  }
}

// vector_signature reports whether f takes or returns values in vector
// registers (vectors, and small float structs as System V passes them):
// shuffling those well needs the full pipeline's vectorizers and the
// default instruction selector.
static int vector_signature(LLVMValueRef f) {
  LLVMTypeRef ft = LLVMGlobalGetValueType(f);
  if (has_vector(LLVMGetReturnType(ft))) return 1;
  unsigned n = LLVMCountParamTypes(ft);
  if (n == 0) return 0;
  LLVMTypeRef ps[n];
  LLVMGetParamTypes(ft, ps);
  for (unsigned i = 0; i < n; i++)
    if (has_vector(ps[i])) return 1;
  return 0;
}

int terrac_tiny_module(LLVMModuleRef m) {
  int n = 0;
  for (LLVMValueRef f = LLVMGetFirstFunction(m); f; f = LLVMGetNextFunction(f)) {
    if (LLVMIsDeclaration(f)) continue;
    if (vector_signature(f)) return 0;
    // Blocks are numbered in layout order; a branch to the same or an
    // earlier block may be a loop's back edge.
    int idx = 0;
    for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(f); b;
         b = LLVMGetNextBasicBlock(b), idx++) {
      for (LLVMValueRef i = LLVMGetFirstInstruction(b); i;
           i = LLVMGetNextInstruction(i)) {
        if (++n > tinyLimit) return 0;
        if (LLVMIsAInlineAsm(i) || (LLVMIsACallInst(i) &&
                                    LLVMIsAInlineAsm(LLVMGetCalledValue(i))))
          return 0;
      }
      LLVMValueRef term = LLVMGetBasicBlockTerminator(b);
      if (!term) return 0;
      unsigned ns = LLVMGetNumSuccessors(term);
      for (unsigned s = 0; s < ns; s++) {
        LLVMBasicBlockRef to = LLVMGetSuccessor(term, s);
        int j = 0;
        for (LLVMBasicBlockRef c = LLVMGetFirstBasicBlock(f); c && c != to;
             c = LLVMGetNextBasicBlock(c))
          j++;
        if (j <= idx) return 0;
      }
    }
  }
  // Thread-local globals need the JIT code generator's emulated TLS.
  for (LLVMValueRef g = LLVMGetFirstGlobal(m); g; g = LLVMGetNextGlobal(g))
    if (LLVMIsThreadLocal(g)) return 0;
  return 1;
}
