// This file implements the Go side of terrac_traceback: native frames
// mapped to Terra source and handed to a handler.

package jit

/*
#include <stdint.h>
*/
import "C"

import (
	"fmt"
	"os"
	"sync/atomic"
	"unsafe"
)

// TracebackHandler receives the source frames of a terrac_traceback call,
// innermost first (the function that called it first). It runs on the
// goroutine of the enclosing Call, like a callback.
type TracebackHandler func(frames []SourceFrame)

var tracebackHandler atomic.Pointer[TracebackHandler]

// SetTracebackHandler sets the handler for terrac_traceback and returns the
// previous one. Without a handler the frames are printed to stderr.
func SetTracebackHandler(h TracebackHandler) TracebackHandler {
	var p *TracebackHandler
	if h != nil {
		p = &h
	}
	if old := tracebackHandler.Swap(p); old != nil {
		return *old
	}
	return nil
}

// CallerFrames maps return addresses (as the fault handler and
// terrac_traceback collect them) to source frames, innermost first,
// leaving out addresses that are not JIT code with line information and
// the Lua-call wrappers.
func CallerFrames(rets []uintptr) []SourceFrame {
	j := created.Load()
	if j == nil {
		return nil
	}
	var out []SourceFrame
	for _, r := range rets {
		for _, s := range j.SourceAt(r - 1) {
			if !s.Wrapper {
				out = append(out, s)
			}
		}
	}
	return out
}

//export terracGoTraceback
func terracGoTraceback(pcs *C.uintptr_t, n C.int) {
	var rets []uintptr
	if n > 0 {
		rets = append(rets, unsafe.Slice((*uintptr)(unsafe.Pointer(pcs)), int(n))...)
	}
	frames := CallerFrames(rets)
	if h := tracebackHandler.Load(); h != nil {
		(*h)(frames)
		return
	}
	Flush()
	for _, f := range frames {
		fmt.Fprintf(os.Stderr, "\t%s:%d:%d: in terra function %s\n", f.File, f.Line, f.Col, f.Func)
	}
}
