// This file implements IR verification without a JIT.

package jit

/*
#include <stdlib.h>
#include "shim.h"
*/
import "C"

import "unsafe"

// Verify parses IR text and runs LLVM's module verifier on it, the check
// AddIR does first. name labels the module in messages.
func Verify(ir, name string) error {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	p, n := irPtr(ir)
	return cerr("Verify", C.terrac_verify(p, n, cname))
}
