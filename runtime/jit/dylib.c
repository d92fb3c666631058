// This file implements resource trackers over the LLVM 14 ORC C API.
//
// The C API can add modules and objects to a tracker, but defining
// absolute symbols (DefineAbsolute) and the symbols the process generator
// makes always go to the JITDylib's default tracker. So everything is
// added there as before, and the Go side, holding the JIT's mutex, moves
// what an operation added to the tracker it belongs to right after it.

#include <stdlib.h>
#include <string.h>

#include <llvm-c/Error.h>

#include "dylib.h"

static LLVMOrcJITDylibRef main_jd(terrac_jit *t) {
  return LLVMOrcLLJITGetMainJITDylib(terrac_jit_lljit(t));
}

LLVMOrcResourceTrackerRef terrac_tracker_new(terrac_jit *t) {
  return LLVMOrcJITDylibCreateResourceTracker(main_jd(t));
}

void terrac_tracker_adopt(terrac_jit *t, LLVMOrcResourceTrackerRef rt) {
  LLVMOrcResourceTrackerTransferTo(
      LLVMOrcJITDylibGetDefaultResourceTracker(main_jd(t)), rt);
}

char *terrac_tracker_remove(terrac_jit *t, LLVMOrcResourceTrackerRef rt) {
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
