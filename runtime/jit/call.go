// This file implements calls from Go into native code and back: Call with
// fault recovery, and the callback entry terrac_callback.

package jit

/*
#include <stdint.h>
#include <stdlib.h>
#include "shim.h"
*/
import "C"

import (
	"fmt"
	"runtime"
	"runtime/cgo"
	"sync"
	"sync/atomic"
	"syscall"
	"unsafe"
)

// Fault reports a signal raised while native code ran under Call. The
// native frames were abandoned: whatever they held (locks, malloc'd memory)
// is leaked.
type Fault struct {
	Signal syscall.Signal
	Code   int     // si_code, e.g. SEGV_MAPERR or FPE_INTDIV
	Addr   uintptr // si_addr: the faulting address (SIGSEGV, SIGBUS) or instruction
	PC     uintptr // program counter at the fault
	Symbol string  // JIT function containing PC, "" if unknown (see JIT.SymbolAt)
	Offset uintptr // PC - start of Symbol
	// Source lists the source frames of the fault, innermost first: those
	// of PC (with the functions it was inlined into), then those of the
	// native callers found on the stack (JIT code compiled with frame
	// pointers). Empty without line information (see JIT.SourceAt).
	Source []SourceFrame
	// Callers are the return addresses found by following frame pointers
	// from the fault, innermost first; some may not be JIT code.
	Callers []uintptr
}

// Error describes the fault; with line information it starts with the
// source position ("file.t:3:5: ") and names the Terra function.
func (f *Fault) Error() string {
	if len(f.Source) > 0 {
		src := f.Source[0]
		pos := src.File + ":" + fmt.Sprint(src.Line)
		if src.Col > 0 {
			pos += ":" + fmt.Sprint(src.Col)
		}
		return pos + ": " + f.Description()
	}
	return f.Description()
}

// Description is Error without the source position.
func (f *Fault) Description() string {
	var what string
	switch f.Signal {
	case syscall.SIGSEGV:
		what = "segmentation fault"
	case syscall.SIGBUS:
		what = "bus error"
	case syscall.SIGFPE:
		what = "arithmetic fault"
		switch f.Code {
		case 1, 2: // FPE_INTDIV, FPE_INTOVF
			what = "integer division by zero or overflow"
		}
	case syscall.SIGILL:
		what = "illegal instruction (trap)"
	case syscall.SIGABRT:
		what = "abort"
	case syscall.SIGTRAP:
		what = "breakpoint trap"
	default:
		what = f.Signal.String()
	}
	if len(f.Source) > 0 {
		// Line information: say where in Terra terms.
		src := f.Source[0]
		where := "in terra function " + src.Func
		if src.Func == "" {
			where = "in terra code"
		}
		switch f.Signal {
		case syscall.SIGSEGV, syscall.SIGBUS:
			where += fmt.Sprintf(", address %#x", f.Addr)
		}
		return fmt.Sprintf("%s in native code (%s)", what, where)
	}
	where := fmt.Sprintf("pc %#x", f.PC)
	if f.Symbol != "" {
		where = fmt.Sprintf("in %s+%#x, %s", f.Symbol, f.Offset, where)
	}
	switch f.Signal {
	case syscall.SIGSEGV, syscall.SIGBUS:
		return fmt.Sprintf("%s in native code (address %#x, %s)", what, f.Addr, where)
	}
	return fmt.Sprintf("%s in native code (%s)", what, where)
}

// CallbackPanic reports that a callback handler panicked. Call unwound the
// native frames between the callback and itself and returns this error.
type CallbackPanic struct {
	Value any // the value passed to panic
}

func (p *CallbackPanic) Error() string { return fmt.Sprintf("panic in callback: %v", p.Value) }

// Unwrap returns the panic value if it is an error, so a handler can raise
// an error "through" native code and the caller can errors.As it.
func (p *CallbackPanic) Unwrap() error {
	err, _ := p.Value.(error)
	return err
}

var (
	handlersOnce sync.Once
	handlersErr  error
)

// installHandlers installs the fault handlers over Go's, once.
func installHandlers() error {
	handlersOnce.Do(func() {
		if e := C.terrac_install_handlers(); e != 0 {
			handlersErr = &Error{Op: "install signal handlers", Msg: syscall.Errno(e).Error()}
		}
	})
	return handlersErr
}

// Call calls the native function at wrapper, of type
//
//	void wrapper(i8* args, i8* ret)
//
// A fault in native code is returned as a *Fault, a panic in a callback
// handler as a *CallbackPanic; in both cases the native frames are
// abandoned. args and ret may point to C memory or to Go memory; Go memory
// must not hold unpinned Go pointers (the rule for cgo arguments, which Call
// does not check) and native code must not keep it after returning.
func Call(wrapper uintptr, args, ret unsafe.Pointer) error {
	if err := installHandlers(); err != nil {
		return err
	}
	if wrapper == 0 {
		return &Error{Op: "Call", Msg: "nil function address"}
	}
	// The buffers go to C as integers: cgo's pointer check would scan them
	// on every call (about 130 ns for two small Go buffers). escape keeps
	// them on the heap, where they do not move even if a callback grows
	// this goroutine's stack, and KeepAlive keeps them alive.
	escape(args)
	escape(ret)
	f := C.terrac_call(C.uintptr_t(wrapper), C.uintptr_t(uintptr(args)), C.uintptr_t(uintptr(ret)))
	runtime.KeepAlive(args)
	runtime.KeepAlive(ret)
	if f.status == 0 {
		return nil
	}
	if f.status == C.TERRAC_CALLBACK_PANIC {
		h := cgo.Handle(f.panic)
		v := h.Value()
		h.Delete()
		return &CallbackPanic{Value: v}
	}
	fault := &Fault{
		Signal: syscall.Signal(f.status),
		Code:   int(f.code),
		Addr:   uintptr(f.addr),
		PC:     uintptr(f.pc),
	}
	if f.frames != nil {
		fault.Callers = make([]uintptr, int(f.nframes))
		copy(fault.Callers, unsafe.Slice((*uintptr)(unsafe.Pointer(f.frames)), int(f.nframes)))
		C.free(unsafe.Pointer(f.frames))
	}
	if j := created.Load(); j != nil && fault.PC != 0 {
		fault.Symbol, fault.Offset, _ = j.SymbolAt(fault.PC)
		fault.Source = j.SourceAt(fault.PC)
		fault.Source = append(fault.Source, CallerFrames(fault.Callers)...)
	}
	return fault
}

// escapeSink makes escape's argument escape to the heap as far as the
// compiler knows; on is never set.
var escapeSink struct {
	on bool
	p  unsafe.Pointer
}

func escape(p unsafe.Pointer) {
	if escapeSink.on {
		escapeSink.p = p
	}
}

// CallbackHandler receives calls made by native code through
// terrac_callback(id, args, ret). It runs on the goroutine that made the
// enclosing Call and may itself Call native code again.
type CallbackHandler func(id int64, args, ret unsafe.Pointer)

var callbackHandler atomic.Pointer[CallbackHandler]

// SetCallbackHandler sets the one handler for all callbacks and returns the
// previous one (nil if none).
func SetCallbackHandler(h CallbackHandler) CallbackHandler {
	var p *CallbackHandler
	if h != nil {
		p = &h
	}
	if old := callbackHandler.Swap(p); old != nil {
		return *old
	}
	return nil
}

// terracGoCallback is called by terrac_callback. If canUnwind is set (the
// callback happened inside Call), a panic is recovered and returned as a
// cgo.Handle for terrac_callback to unwind with; otherwise there is no Go
// frame to return it to and the panic crashes the program as usual.
//
//export terracGoCallback
func terracGoCallback(id C.int64_t, args, ret unsafe.Pointer, canUnwind C.int) (p C.uintptr_t) {
	if canUnwind != 0 {
		defer func() {
			if r := recover(); r != nil {
				p = C.uintptr_t(cgo.NewHandle(r))
			}
		}()
	}
	h := callbackHandler.Load()
	if h == nil {
		panic(fmt.Sprintf("jit: native code made callback %d but no handler is set", int64(id)))
	}
	(*h)(int64(id), args, ret)
	return 0
}
