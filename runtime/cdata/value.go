// This file implements cdata values: native memory plus a Terra type.
package cdata

/*
#include <stdlib.h>
#include <string.h>
*/
import "C"

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"unsafe"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
)

// Value is native memory holding one value of type T. Memory allocated
// by New is C memory owned by the Value and freed when Lua drops it;
// memory the program manages itself is never freed here. A reference
// (Ref) points into memory owned by another Value, which it keeps alive.
type Value struct {
	T     *types.Type
	Ptr   unsafe.Pointer
	owner *Value
}

// live counts C blocks allocated by New and not yet freed.
var live atomic.Int64

// LiveAllocations reports how many blocks New has allocated that no
// finalizer has freed yet (a leak check for tests).
func LiveAllocations() int64 { return live.Load() }

// New allocates zeroed native memory for one T, aligned as T requires.
func New(t *types.Type) *Value { return NewAligned(t, 0) }

// NewAligned is New with at least align bytes of alignment (a power of
// two), as LuaJIT's ffi.new gives for `__attribute__((aligned(N)))`.
func NewAligned(t *types.Type, align int64) *Value {
	size := t.Size()
	if size <= 0 {
		size = 1
	}
	if a := t.Align(); a > align {
		align = a
	}
	var p unsafe.Pointer
	if align <= 16 {
		// malloc's alignment on 64-bit hosts.
		p = C.calloc(1, C.size_t(size))
	} else if C.posix_memalign(&p, C.size_t(align), C.size_t(size)) == 0 {
		C.memset(p, 0, C.size_t(size))
	}
	v := &Value{T: t, Ptr: p}
	if v.Ptr == nil {
		panic(fmt.Sprintf("cdata: out of memory allocating %d bytes", size))
	}
	live.Add(1)
	runtime.SetFinalizer(v, func(v *Value) {
		C.free(v.Ptr)
		live.Add(-1)
	})
	return v
}

// Ref makes a value that views memory at p, of type t. owner, if not
// nil, is the value that owns the memory; the reference keeps it alive.
// Memory not owned by a Value (a pointer from native code) is never freed.
func Ref(t *types.Type, p unsafe.Pointer, owner *Value) *Value {
	if owner != nil && owner.owner != nil {
		owner = owner.owner
	}
	return &Value{T: t, Ptr: p, owner: owner}
}

// LuaTypeName makes type(v) "cdata" for a cdata value, as under LuaJIT.
func (v *Value) LuaTypeName() string { return "cdata" }

// Bytes views the value's memory.
func (v *Value) Bytes() []byte {
	return unsafe.Slice((*byte)(v.Ptr), v.T.Size())
}

// PointerValue is the address a pointer-typed value holds.
func (v *Value) PointerValue() uintptr {
	return *(*uintptr)(v.Ptr)
}

func (v *Value) String() string {
	if v.T.Kind == types.Int && v.T.Bits == 64 {
		bits, _ := IntBits(v)
		return FormatInt(v.T, bits)
	}
	if v.T.Kind == types.Pointer {
		if v.PointerValue() == 0 {
			return fmt.Sprintf("cdata<%s>: NULL", v.T)
		}
		return fmt.Sprintf("cdata<%s>: %#x", v.T, v.PointerValue())
	}
	return fmt.Sprintf("cdata<%s>: %p", v.T, v.Ptr)
}

// CString copies s into C memory that lives until Free is called by the
// owner of the returned pointer.
func CString(s string) unsafe.Pointer { return unsafe.Pointer(C.CString(s)) }

// Free releases C memory from CString.
func Free(p unsafe.Pointer) { C.free(p) }

// GoString reads a NUL-terminated C string.
func GoString(p unsafe.Pointer) string { return C.GoString((*C.char)(p)) }

// Light is the value of a Lua userdata that stands for a bare address
// (LuaJIT's light userdata, from terralib.pointertolightuserdata); it
// converts to any pointer type.
type Light uintptr

// Is reports whether a Lua value is cdata and returns it.
func Is(v lua.LValue) (*Value, bool) {
	if ud, ok := v.(*lua.LUserData); ok {
		if cv, ok := ud.Value.(*Value); ok {
			return cv, true
		}
	}
	return nil, false
}

// Pointee is the address a pointer-typed value holds, as a pointer.
func (v *Value) Pointee() unsafe.Pointer {
	return *(*unsafe.Pointer)(v.Ptr)
}
