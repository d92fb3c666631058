// This file implements ahead-of-time output and host target queries.

package jit

/*
#include <stdlib.h>
#include "shim.h"
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// EmitObject compiles IR text to an ELF object (kind "obj") or assembly
// text (kind "asm") at optimization level opt (0..3). The module's target
// triple is used if it has one, else the host's; code is position
// independent and tuned for the host CPU when the target is the host.
func EmitObject(ir string, opt int, kind string) ([]byte, error) {
	var asm C.int
	switch kind {
	case "obj":
	case "asm":
		asm = 1
	default:
		return nil, &Error{Op: "EmitObject", Msg: fmt.Sprintf("unknown output kind %q (want \"obj\" or \"asm\")", kind)}
	}
	name := C.CString("module")
	defer C.free(unsafe.Pointer(name))
	p, n := irPtr(ir)
	var out unsafe.Pointer
	var outlen C.size_t
	if err := cerr("EmitObject", C.terrac_emit(p, n, name, C.int(opt), asm, &out, &outlen)); err != nil {
		return nil, err
	}
	defer C.free(out)
	return C.GoBytes(out, C.int(outlen)), nil
}

// HostTriple returns the normalized target triple of this machine.
func HostTriple() string { return goString(C.terrac_host_triple()) }

// HostDataLayout returns the data layout of HostTriple for the host CPU.
func HostDataLayout() string { return goString(C.terrac_host_data_layout()) }

// HostCPU returns the host CPU name as LLVM knows it (e.g. "skylake").
func HostCPU() string { return goString(C.terrac_host_cpu()) }

// HostFeatures returns the host CPU features ("+avx2,-avx512f,…").
func HostFeatures() string { return goString(C.terrac_host_features()) }

// goString converts and frees a malloc'd C string.
func goString(s *C.char) string {
	defer C.free(unsafe.Pointer(s))
	return C.GoString(s)
}
