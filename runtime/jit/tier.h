// Tiny-module detection for the cheap JIT path (tier.c).
#ifndef TERRAC_TIER_H
#define TERRAC_TIER_H
#include <llvm-c/Core.h>

// terrac_tiny_module reports whether every function m defines is small and
// loop-free, and m has no thread-local globals or inline assembly.
int terrac_tiny_module(LLVMModuleRef m);

#endif
