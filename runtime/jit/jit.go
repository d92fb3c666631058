// This file implements the process-wide JIT: adding IR, looking symbols up
// and making host symbols visible to JIT code.

package jit

/*
#cgo CFLAGS: -I/usr/lib/llvm-14/include -D__STDC_CONSTANT_MACROS -D__STDC_FORMAT_MACROS -D__STDC_LIMIT_MACROS
#cgo CXXFLAGS: -I/usr/lib/llvm-14/include -std=c++14 -fno-exceptions -fno-rtti -D_GNU_SOURCE -D__STDC_CONSTANT_MACROS -D__STDC_FORMAT_MACROS -D__STDC_LIMIT_MACROS
#include <stdlib.h>
#include "shim.h"
*/
import "C"

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

// Options configure how the JIT optimizes the modules added after them.
type Options struct {
	OptLevel int // 0..3, as clang's -O; Default starts at 3 (Terra's JIT level)
	// FastStart (terrac -Ofast-start) compiles every module the way tiny
	// ones are (tier.c): a short IR pipeline and LLVM's -O0 code
	// generator. First calls cost several times less; loops run slower,
	// and there is no later recompilation of hot code.
	FastStart bool
}

// cOpt is the opt argument of the shim's compile functions.
func (o Options) cOpt() C.int {
	if o.FastStart && o.OptLevel > 0 {
		return C.int(o.OptLevel) | C.TERRAC_OPT_FAST_START
	}
	return C.int(o.OptLevel)
}

// JIT is the process's LLJIT. All methods are safe for concurrent use.
type JIT struct {
	mu   sync.Mutex
	c    *C.terrac_jit
	opts Options
	dbg  debugTables // line information of compiled objects (debuginfo.go)
	// ahead compiles offered modules on a worker thread (ahead.go);
	// made by the first offer.
	ahead *ahead
}

// Error is a failure reported by LLVM or the dynamic loader.
type Error struct {
	Op  string // "AddIR", "Lookup", …
	Msg string // LLVM's message, e.g. "m.ll:3:7: error: expected type"
}

func (e *Error) Error() string { return "jit: " + e.Op + ": " + e.Msg }

// cerr turns a malloc'd message from the shim into an *Error and frees it.
func cerr(op string, m *C.char) error {
	if m == nil {
		return nil
	}
	defer C.free(unsafe.Pointer(m))
	return &Error{Op: op, Msg: C.GoString(m)}
}

var (
	defaultOnce sync.Once
	defaultJIT  *JIT
	defaultErr  error
	created     atomic.Pointer[JIT] // defaultJIT, for readers that must not create it
)

// Default returns the process's JIT, creating it on the first call. Later
// calls return the same JIT (or the same creation error).
func Default() (*JIT, error) {
	defaultOnce.Do(func() {
		defaultJIT, defaultErr = newJIT()
		created.Store(defaultJIT)
	})
	return defaultJIT, defaultErr
}

func newJIT() (*JIT, error) {
	if err := installHandlers(); err != nil {
		return nil, err
	}
	var c *C.terrac_jit
	if err := cerr("create", C.terrac_jit_create(&c)); err != nil {
		return nil, err
	}
	j := &JIT{c: c, opts: Options{OptLevel: DefaultOptLevel, FastStart: DefaultFastStart}}
	// The Go executable does not export its C symbols dynamically, so the
	// process search generator cannot find the shim's entry points.
	builtins := []struct {
		name string
		addr unsafe.Pointer
	}{
		{"terrac_callback", C.terrac_callback},
		{"terrac_stdout_write", C.terrac_stdout_write},
		{"terrac_stdout_flush", C.terrac_stdout_flush},
		{"terrac_traceback", C.terrac_traceback},
		{"terrac_lookupsymbol", C.terrac_lookupsymbol},
		{"terrac_lookupline", C.terrac_lookupline},
	}
	for _, b := range builtins {
		if err := j.DefineAbsolute(b.name, uintptr(b.addr)); err != nil {
			return nil, err
		}
	}
	return j, nil
}

// DefaultOptLevel is the optimization level a new JIT starts with:
// clang's -O3 pipeline, as Terra's JIT uses. terrac -O0..-O3 changes it.
var DefaultOptLevel = 3

// DefaultFastStart is the FastStart option a new JIT starts with
// (terrac -Ofast-start).
var DefaultFastStart = false

// SetOptions changes the options for modules added from now on.
func (j *JIT) SetOptions(o Options) {
	j.mu.Lock()
	j.opts = o
	j.mu.Unlock()
}

// Options returns the current options.
func (j *JIT) Options() Options {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.opts
}

// irPtr returns a C view of ir's bytes without copying them; the shim copies
// them into an LLVM buffer before returning.
func irPtr(ir string) (*C.char, C.size_t) {
	if len(ir) == 0 {
		return nil, 0
	}
	return (*C.char)(unsafe.Pointer(unsafe.StringData(ir))), C.size_t(len(ir))
}

// AddIR parses LLVM 14 IR text, verifies and optimizes it, and adds it to
// the main JITDylib. name labels the module in messages ("name:line:col:").
// A module without a target triple or data layout gets the JIT's. With the
// object cache on (objcache.go), the module is compiled to machine code
// here, or its object is taken from the cache; otherwise (a module with
// thread-locals) its symbols are compiled on first Lookup.
func (j *JIT) AddIR(ir string, name string) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if done, err := j.addCached(ir, name, j.opts.cOpt()); done {
		return err
	}
	return j.addIR(ir, name)
}

// AddLazyIR is AddIR for a module that may never be used (C function
// bodies of a header): it is compiled on first Lookup of one of its
// symbols, if ever, and never cached.
func (j *JIT) AddLazyIR(ir string, name string) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.addIR(ir, name)
}

func (j *JIT) addIR(ir, name string) error { return j.addIROpt(ir, name, j.opts.cOpt()) }

// addIROpt is addIR with opt as the shim takes it (Options.cOpt).
func (j *JIT) addIROpt(ir, name string, opt C.int) error {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	p, n := irPtr(ir)
	freshTimeSlice()
	return cerr("AddIR", C.terrac_jit_add_ir(j.c, p, n, cname, opt))
}

// Lookup returns the address of symbol name, compiling the module that
// defines it if needed. A symbol that is not defined, or a module that
// refers to a symbol nobody defines, is an error naming that symbol.
func (j *JIT) Lookup(name string) (uintptr, error) {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	var addr C.uint64_t
	j.mu.Lock()
	defer j.mu.Unlock()
	freshTimeSlice() // a module added with AddIR is compiled by its first lookup
	if err := cerr("Lookup "+name, C.terrac_jit_lookup(j.c, cname, &addr)); err != nil {
		return 0, err
	}
	return uintptr(addr), nil
}

// DefineAbsolute makes addr visible to JIT code as symbol name. Defining a
// name twice is an error.
func (j *JIT) DefineAbsolute(name string, addr uintptr) error {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	j.mu.Lock()
	defer j.mu.Unlock()
	return cerr("DefineAbsolute "+name, C.terrac_jit_define_absolute(j.c, cname, C.uint64_t(addr)))
}

// LoadLibrary loads a shared library with RTLD_GLOBAL so that its symbols
// resolve in JIT code added later.
func (j *JIT) LoadLibrary(path string) error {
	cpath := C.CString(path)
	defer C.free(unsafe.Pointer(cpath))
	j.mu.Lock()
	defer j.mu.Unlock()
	return cerr("LoadLibrary", C.terrac_load_library(cpath))
}

// SymbolAt returns the JIT-compiled symbol whose code contains pc (for
// example a Fault's PC) and pc's offset in it. Local symbols (private,
// internal) are not found.
func (j *JIT) SymbolAt(pc uintptr) (name string, offset uintptr, ok bool) {
	var cname *C.char
	var start C.uint64_t
	j.mu.Lock()
	defer j.mu.Unlock()
	if C.terrac_jit_symbol_at(j.c, C.uint64_t(pc), &cname, &start, nil) == 0 {
		return "", 0, false
	}
	return C.GoString(cname), pc - uintptr(start), true
}

// Triple returns the JIT's target triple.
func (j *JIT) Triple() string { return C.GoString(C.terrac_jit_triple(j.c)) }

// DataLayout returns the data layout the JIT gives modules that have none.
func (j *JIT) DataLayout() string { return C.GoString(C.terrac_jit_data_layout(j.c)) }

// freshTimeSlice yields before a cgo call that may compile (AddIR,
// compiling an object, a lookup that materializes a module). Lua runs
// on one goroutine that never blocks, so the Go scheduler sees it as one
// time slice lasting the whole program; once that slice passes 10 ms,
// sysmon takes the P away from whatever cgo call is in progress and then
// polls every 20 µs for a while. Across 1,000 compiles that was 12,000
// wake-ups and about 4% of the process's CPU time. Yielding starts a new
// slice, so a compile shorter than 10 ms is left alone. The goroutine is
// locked to the main thread, so a yield hands it between threads (about
// 20 µs): it is done only once the slice is 4 ms old.
func freshTimeSlice() {
	now := int64(time.Since(processStart))
	if now-lastYield.Load() < int64(4*time.Millisecond) {
		return
	}
	runtime.Gosched()
	lastYield.Store(int64(time.Since(processStart)))
}

var (
	processStart = time.Now()
	lastYield    atomic.Int64 // when freshTimeSlice last yielded, since processStart
)
