// This file reports the version of the LLVM the JIT is built with.
package jit

/*
#include <llvm/Config/llvm-config.h>
static int terrac_llvm_major(void) { return LLVM_VERSION_MAJOR; }
static int terrac_llvm_minor(void) { return LLVM_VERSION_MINOR; }
*/
import "C"

// LLVMVersion is the LLVM version as Terra numbers it: major*10 + minor
// (140 for LLVM 14.0).
func LLVMVersion() int { return int(C.terrac_llvm_major())*10 + int(C.terrac_llvm_minor()) }
