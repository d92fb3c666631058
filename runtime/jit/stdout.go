// This file implements the stdout shared by Lua and C code.

package jit

/*
#include "shim.h"
*/
import "C"

import (
	"io"
	"unsafe"
)

// StdoutWrite appends p to C's stdout buffer, where printf from native code
// writes too. It needs no JIT.
func StdoutWrite(p []byte) {
	if len(p) > 0 {
		C.terrac_stdout_write((*C.char)(unsafe.Pointer(&p[0])), C.size_t(len(p)))
	}
}

// StdoutWriteString is StdoutWrite for a string, without copying it.
func StdoutWriteString(s string) {
	if len(s) > 0 {
		C.terrac_stdout_write((*C.char)(unsafe.Pointer(unsafe.StringData(s))), C.size_t(len(s)))
	}
}

// Flush flushes C's stdout. Call it before the process exits: os.Exit does
// not run C's exit handlers.
func Flush() { C.terrac_stdout_flush() }

// Stdout is an io.Writer (and io.StringWriter) over StdoutWrite.
var Stdout io.Writer = stdout{}

type stdout struct{}

func (stdout) Write(p []byte) (int, error) {
	StdoutWrite(p)
	return len(p), nil
}

func (stdout) WriteString(s string) (int, error) {
	StdoutWriteString(s)
	return len(s), nil
}
