// This file implements ahead-of-time output for a chosen target: the Go
// face of target.c.

package jit

/*
#include <stdlib.h>
#include "shim.h"
*/
import "C"

import (
	"fmt"
	"strings"
	"unsafe"
)

// Target selects the machine code is generated for. The zero Target is
// the host, tuned for the host CPU.
type Target struct {
	Triple   string // e.g. "aarch64-linux-gnu"; "" is the host's
	CPU      string // e.g. "cortex-a72"; "" is the host CPU (host) or generic
	Features string // e.g. "+neon,-sve"
}

// IsHost reports whether t generates code for this machine.
func (t Target) IsHost() bool { return t.Triple == "" || t.Triple == HostTriple() }

// Output kinds for Emit.
const (
	KindObject  = "obj" // relocatable ELF object
	KindAsm     = "asm" // assembly text
	KindBitcode = "bc"  // LLVM bitcode
	KindIR      = "ll"  // LLVM IR text (after optimization)
)

// Emit optimizes IR text at level opt (0..3) for target t and returns it
// as kind. The target's triple and data layout replace the module's.
// Code is position independent, so objects link into executables and
// shared libraries alike. cmods are modules of C code (what clang made of
// includecstring bodies) linked in first; only the functions ir uses stay.
func Emit(ir string, t Target, opt int, kind string, cmods ...string) ([]byte, error) {
	var k C.int
	switch kind {
	case KindObject:
		k = C.TERRAC_EMIT_OBJECT
	case KindAsm:
		k = C.TERRAC_EMIT_ASM
	case KindBitcode:
		k = C.TERRAC_EMIT_BITCODE
	case KindIR:
		k = C.TERRAC_EMIT_IR
	default:
		return nil, &Error{Op: "Emit", Msg: fmt.Sprintf("unknown output kind %q", kind)}
	}
	cs := func(s string) *C.char { return C.CString(s) }
	name, tr, cpu, feat := cs("module"), cs(t.Triple), cs(t.CPU), cs(t.Features)
	defer func() {
		for _, p := range []*C.char{name, tr, cpu, feat} {
			C.free(unsafe.Pointer(p))
		}
	}()
	p, n := irPtr(ir)
	var extra *C.char
	var lens *C.size_t
	if len(cmods) > 0 {
		all := strings.Join(cmods, "")
		extra = C.CString(all)
		defer C.free(unsafe.Pointer(extra))
		lens = (*C.size_t)(C.malloc(C.size_t(len(cmods)) * C.size_t(unsafe.Sizeof(C.size_t(0)))))
		defer C.free(unsafe.Pointer(lens))
		ls := unsafe.Slice(lens, len(cmods))
		for i, m := range cmods {
			ls[i] = C.size_t(len(m))
		}
	}
	var out unsafe.Pointer
	var outlen C.size_t
	if err := cerr("Emit", C.terrac_emit_target(p, n, name, tr, cpu, feat, C.int(opt), k, extra, lens, C.int(len(cmods)), &out, &outlen)); err != nil {
		return nil, err
	}
	defer C.free(out)
	return C.GoBytes(out, C.int(outlen)), nil
}
