// This file implements the Go side of terrac_lookupsymbol and
// terrac_lookupline (terralib.lookupsymbol and terralib.lookupline): which
// JIT-compiled function holds an address, and which source line.

package jit

/*
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "shim.h"
*/
import "C"

import (
	"sync"
	"unsafe"
)

// SymbolInfo and LineInfo are the layouts of terralib.SymbolInfo
// {addr : &opaque, size : uint64, name : rawstring, namelength : uint64}
// and terralib.LineInfo {name : rawstring, namelength : uint64,
// linenum : uint64}.
type SymbolInfo struct {
	Addr       uintptr
	Size       uint64
	Name       unsafe.Pointer
	NameLength uint64
}

type LineInfo struct {
	Name       unsafe.Pointer
	NameLength uint64
	LineNum    uint64
}

// cnames keeps one C copy of every name handed to native code: the
// structs point into it, and the answers stay valid for the program.
var cnames sync.Map // string -> unsafe.Pointer

func cname(s string) unsafe.Pointer {
	if p, ok := cnames.Load(s); ok {
		return p.(unsafe.Pointer)
	}
	p, _ := cnames.LoadOrStore(s, unsafe.Pointer(C.CString(s)))
	return p.(unsafe.Pointer)
}

// SymbolRange returns the JIT-compiled symbol containing pc, its start
// and size.
func (j *JIT) SymbolRange(pc uintptr) (name string, start uintptr, size uint64, ok bool) {
	var cn *C.char
	var st, sz C.uint64_t
	j.mu.Lock()
	defer j.mu.Unlock()
	if C.terrac_jit_symbol_at(j.c, C.uint64_t(pc), &cn, &st, &sz) == 0 {
		return "", 0, 0, false
	}
	return C.GoString(cn), uintptr(st), uint64(sz), true
}

//export terracGoLookupSymbol
func terracGoLookupSymbol(ip C.uintptr_t, out unsafe.Pointer) C.int {
	j := created.Load()
	if j == nil || out == nil {
		return 0
	}
	name, start, size, ok := j.SymbolRange(uintptr(ip))
	if !ok {
		return 0
	}
	si := (*SymbolInfo)(out)
	*si = SymbolInfo{Addr: start, Size: size, Name: cname(name), NameLength: uint64(len(name))}
	return 1
}

//export terracGoLookupLine
func terracGoLookupLine(fnaddr, ip C.uintptr_t, out unsafe.Pointer) C.int {
	j := created.Load()
	if j == nil || out == nil {
		return 0
	}
	frames := j.SourceAt(uintptr(ip))
	if len(frames) == 0 || frames[0].Line == 0 {
		return 0
	}
	f := frames[0]
	li := (*LineInfo)(out)
	*li = LineInfo{Name: cname(f.File), NameLength: uint64(len(f.File)), LineNum: uint64(f.Line)}
	return 1
}
