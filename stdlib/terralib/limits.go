// This file implements T:min() and T:max() for numeric types: the
// limit is written into native memory of type T and read back with the
// usual native → Lua conversion (numbers for narrow types, cdata for
// 64-bit integers), as Terra returns them.
package terralib

import (
	"math"
	"unsafe"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
	"terrac/runtime/cdata"
)

func (rt *Runtime) addLimitMethods(m map[string]*lua.LFunction) {
	limit := func(max bool) *lua.LFunction {
		return rt.L.NewFunction(func(L *lua.LState) int {
			t := rt.checkType(L, 1)
			if !t.IsArithmetic() {
				L.RaiseError("type %s does not have a %s", t, map[bool]string{true: "maximum", false: "minimum"}[max])
			}
			v := cdata.New(t)
			writeLimit(v.Ptr, t, max)
			L.Push(cdata.Load(rt, v.Ptr, t))
			return 1
		})
	}
	m["min"], m["max"] = limit(false), limit(true)
}

// writeLimit stores t's least (or greatest) value at p.
func writeLimit(p unsafe.Pointer, t *types.Type, max bool) {
	if t.IsFloat() {
		// Floats are bounded by the infinities, as in Terra.
		f := math.Inf(1)
		if !max {
			f = math.Inf(-1)
		}
		if t.Bits == 32 {
			*(*float32)(p) = float32(f)
		} else {
			*(*float64)(p) = f
		}
		return
	}
	var bits uint64
	switch {
	case max && t.Signed:
		bits = 1<<(t.Bits-1) - 1
	case max:
		bits = 1<<t.Bits - 1
		if t.Bits == 64 {
			bits = math.MaxUint64
		}
	case t.Signed:
		bits = 1 << (t.Bits - 1) // two's complement minimum, sign bit only
	}
	b := unsafe.Slice((*byte)(p), t.Bits/8)
	for i := range b {
		b[i] = byte(bits >> (8 * i))
	}
}
