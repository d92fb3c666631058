// This file is the Go face of the code generators' handling of long
// functions (pipeline.cpp, terrac_codegen_begin).

package jit

/*
#include "pipeline.h"
*/
import "C"

// domainReassignmentOff reports whether LLVM's X86 domain reassignment
// pass is switched off at this moment; outside a code generation run
// it must not be.
func domainReassignmentOff() bool { return C.terrac_codegen_domain_off() != 0 }
