// This file implements resource trackers over the LLVM 14 ORC C API: the
// modules and objects added while a tracker is current belong to it, and
// removing it frees their code and data and removes their symbols.
//
// Moving what the default tracker holds to another tracker
// (LLVMOrcResourceTrackerTransferTo from the default one) is not used:
// with LLVM 14 it left later lookups of host symbols waiting forever.
// Absolute symbols (LLVMOrcJITDylibDefine) can only go to the default
// tracker through the C API, so they are never removed.

#include <stdlib.h>
#include <string.h>

#include <llvm-c/Error.h>

#include "dylib.h"

// current is the tracker additions go to; one JIT per process, and the
// Go side holds its mutex around every use.
static LLVMOrcResourceTrackerRef current;

LLVMOrcResourceTrackerRef terrac_tracker_new(terrac_jit *t) {
  return LLVMOrcJITDylibCreateResourceTracker(
      LLVMOrcLLJITGetMainJITDylib(terrac_jit_lljit(t)));
}

void terrac_tracker_use(terrac_jit *t, LLVMOrcResourceTrackerRef rt) {
  (void)t;
  current = rt;
}

LLVMErrorRef terrac_add_object(terrac_jit *t, LLVMMemoryBufferRef obj) {
  LLVMOrcLLJITRef j = terrac_jit_lljit(t);
  if (current) return LLVMOrcLLJITAddObjectFileWithRT(j, current, obj);
  return LLVMOrcLLJITAddObjectFile(j, LLVMOrcLLJITGetMainJITDylib(j), obj);
}

LLVMErrorRef terrac_add_module(terrac_jit *t,
                               LLVMOrcThreadSafeModuleRef tsm) {
  LLVMOrcLLJITRef j = terrac_jit_lljit(t);
  if (current) return LLVMOrcLLJITAddLLVMIRModuleWithRT(j, current, tsm);
  return LLVMOrcLLJITAddLLVMIRModule(j, LLVMOrcLLJITGetMainJITDylib(j), tsm);
}

char *terrac_tracker_remove(terrac_jit *t, LLVMOrcResourceTrackerRef rt) {
  if (current == rt) current = NULL;
  LLVMErrorRef err = LLVMOrcResourceTrackerRemove(rt);
  LLVMOrcReleaseResourceTracker(rt);
  char *msg = NULL;
  if (err) {
    char *m = LLVMGetErrorMessage(err);
    msg = strdup(m);
    LLVMDisposeErrorMessage(m);
  }
  terrac_jit_forget_symbols(t);
  LLVMOrcLLJITRef j = terrac_jit_lljit(t);
  LLVMOrcSymbolStringPoolClearDeadEntries(
      LLVMOrcExecutionSessionGetSymbolStringPool(
          LLVMOrcLLJITGetExecutionSession(j)));
  return msg;
}
