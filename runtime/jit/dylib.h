// dylib.h declares resource trackers: groups of JIT code and symbols that
// can be removed together, freeing their memory (dylib.c).
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
// terrac_tracker_adopt moves everything the main JITDylib's default
// tracker holds (what was added since the last adopt) to rt.
void terrac_tracker_adopt(terrac_jit *t, LLVMOrcResourceTrackerRef rt);
// terrac_tracker_remove removes rt's code and symbols, frees their memory
// and releases rt.
char *terrac_tracker_remove(terrac_jit *t, LLVMOrcResourceTrackerRef rt);

#endif
