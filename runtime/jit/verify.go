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

// ImmArgs reports, for each of the n parameters of the function named fn
// declared in IR text ir, whether LLVM requires an immediate (constant)
// operand there: an intrinsic's immarg parameters.
func ImmArgs(ir, fn string, n int) ([]bool, error) {
	if n == 0 {
		return nil, nil
	}
	cfn := C.CString(fn)
	defer C.free(unsafe.Pointer(cfn))
	out := make([]C.uchar, n)
	p, l := irPtr(ir)
	if err := cerr("ImmArgs", C.terrac_immargs(p, l, cfn, &out[0], C.uint(n))); err != nil {
		return nil, err
	}
	r := make([]bool, n)
	for i, b := range out {
		r[i] = b != 0
	}
	return r, nil
}
