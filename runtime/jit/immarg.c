// This file implements the query for an intrinsic's immediate
// (immarg) parameters: LLVM gives an intrinsic's declaration its
// attributes when it parses the module, so the declaration tells.
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Core.h>
#include <llvm-c/IRReader.h>

#include "shim.h"

char *terrac_immargs(const char *ir, size_t len, const char *fn,
                     unsigned char *out, unsigned n) {
  char *e = terrac_init();
  if (e) return e;
  LLVMContextRef ctx = LLVMContextCreate();
  LLVMMemoryBufferRef buf =
      LLVMCreateMemoryBufferWithMemoryRangeCopy(ir ? ir : "", len, fn);
  LLVMModuleRef m;
  char *msg = NULL;
  if (LLVMParseIRInContext(ctx, buf, &m, &msg)) {
    char *r = strdup(msg ? msg : "parse error");
    LLVMDisposeMessage(msg);
    LLVMContextDispose(ctx);
    return r;
  }
  unsigned kind = LLVMGetEnumAttributeKindForName("immarg", 6);
  LLVMValueRef f = LLVMGetNamedFunction(m, fn);
  if (f && kind) {
    unsigned np = LLVMCountParams(f);
    for (unsigned i = 0; i < n && i < np; i++)
      out[i] = LLVMGetEnumAttributeAtIndex(f, i + 1, kind) != NULL;
  }
  LLVMDisposeModule(m);
  LLVMContextDispose(ctx);
  return NULL;
}
