// dylib.h declares resource trackers: groups of JIT code that can be
// removed together, freeing their memory (dylib.c).
#ifndef TERRAC_JIT_DYLIB_H
#define TERRAC_JIT_DYLIB_H

#include <llvm-c/LLJIT.h>
#include <llvm-c/Orc.h>

#include "shim.h"

// In shim.c: the JIT's LLJIT, and dropping the recorded symbols (for
// terrac_jit_symbol_at) that no longer resolve.
LLVMOrcLLJITRef terrac_jit_lljit(terrac_jit *t);
void terrac_jit_forget_symbols(terrac_jit *t);

// terrac_tracker_new makes a tracker of the main JITDylib.
LLVMOrcResourceTrackerRef terrac_tracker_new(terrac_jit *t);
// terrac_tracker_use makes the modules and objects added from now on
// belong to rt (NULL: to the main JITDylib's default tracker, which is
// never removed). The caller serializes it with the additions.
void terrac_tracker_use(terrac_jit *t, LLVMOrcResourceTrackerRef rt);
// terrac_tracker_remove removes rt's code and symbols, frees their memory
// and releases rt.
char *terrac_tracker_remove(terrac_jit *t, LLVMOrcResourceTrackerRef rt);

// What shim.c adds modules and objects with: to the current tracker.
// Both take ownership of their argument.
LLVMErrorRef terrac_add_object(terrac_jit *t, LLVMMemoryBufferRef obj);
LLVMErrorRef terrac_add_module(terrac_jit *t, LLVMOrcThreadSafeModuleRef tsm);

#endif
