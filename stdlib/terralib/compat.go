// This file implements the LuaJIT modules Terra programs commonly use:
// `bit` (LuaJIT BitOp semantics on 32-bit integers, and on 64-bit
// integers for boxed int64/uint64 arguments), `jit.os`/`jit.arch`, and
// `require "ffi"` (ffi.go).
package terralib

import (
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
	"terrac/runtime/cdata"
)

func (rt *Runtime) initCompat() {
	L := rt.L
	osName := map[string]string{"linux": "Linux", "darwin": "OSX", "windows": "Windows", "freebsd": "BSD"}[runtime.GOOS]
	if osName == "" {
		osName = "Other"
	}
	arch := map[string]string{"amd64": "x64", "arm64": "arm64", "386": "x86"}[runtime.GOARCH]
	if arch == "" {
		arch = runtime.GOARCH
	}

	bit := L.NewTable()
	L.SetFuncs(bit, rt.bitFuncs())
	L.SetGlobal("bit", bit)

	jt := L.NewTable()
	jt.RawSetString("os", lua.LString(osName))
	jt.RawSetString("arch", lua.LString(arch))
	jt.RawSetString("version", lua.LString("terrac (gopher-lua)"))
	L.SetGlobal("jit", jt)

	ffi := rt.initFFI(osName, arch)

	loaded := L.GetField(L.GetField(L.Get(lua.GlobalsIndex), "package"), "loaded")
	if lt, ok := loaded.(*lua.LTable); ok {
		lt.RawSetString("bit", bit)
		lt.RawSetString("jit", jt)
		lt.RawSetString("ffi", ffi)
	}
}

// bitArgs reads the arguments of a bit operation: int32 values for
// numbers, or 64-bit values (and the result type) if any is a boxed
// 64-bit integer.
func bitArgs(L *lua.LState, n int) (vals []uint64, wide *types.Type) {
	for i := 1; i <= n; i++ {
		if v, ok := cdata.Is(L.Get(i)); ok && v.T.Kind == types.Int && v.T.Bits == 64 {
			if wide == nil || !v.T.Signed {
				wide = v.T
			}
		}
	}
	for i := 1; i <= n; i++ {
		lv := L.Get(i)
		if wide != nil {
			op, ok := cdata.IntOperand(lv)
			if !ok {
				L.ArgError(i, "number expected, got "+typeName(lv))
			}
			vals = append(vals, op.Bits)
			continue
		}
		vals = append(vals, uint64(uint32(toBit(L, i))))
	}
	return vals, wide
}

// toBit normalizes a Lua number to a signed 32-bit integer: rounded to
// the nearest integer, then taken modulo 2^32 (BitOp's tobit).
func toBit(L *lua.LState, i int) int32 {
	lv := L.Get(i)
	var f float64
	switch v := lv.(type) {
	case lua.LNumber:
		f = float64(v)
	default:
		if cv, ok := cdata.Is(lv); ok {
			if x, ok := cdata.ToNumber(cv); ok {
				f = x
				break
			}
		}
		L.ArgError(i, "number expected, got "+typeName(lv))
	}
	r := math.Mod(math.RoundToEven(f), 4294967296)
	if math.IsNaN(r) || math.IsInf(f, 0) {
		return 0
	}
	return int32(uint32(int64(r)))
}

func (rt *Runtime) bitResult(L *lua.LState, v uint64, wide *types.Type) int {
	if wide != nil {
		L.Push(cdata.Box(rt, wide, v))
	} else {
		L.Push(lua.LNumber(int32(uint32(v))))
	}
	return 1
}

func (rt *Runtime) bitFuncs() map[string]lua.LGFunction {
	fold := func(op func(a, b uint64) uint64) lua.LGFunction {
		return func(L *lua.LState) int {
			n := L.GetTop()
			if n == 0 {
				L.ArgError(1, "number expected, got no value")
			}
			vals, wide := bitArgs(L, n)
			r := vals[0]
			for _, v := range vals[1:] {
				r = op(r, v)
			}
			return rt.bitResult(L, r, wide)
		}
	}
	shift := func(op func(x uint64, n uint, wide *types.Type) uint64) lua.LGFunction {
		return func(L *lua.LState) int {
			vals, wide := bitArgs(L, 1)
			n := uint(toBit(L, 2))
			if wide != nil {
				n &= 63
			} else {
				n &= 31
			}
			return rt.bitResult(L, op(vals[0], n, wide), wide)
		}
	}
	return map[string]lua.LGFunction{
		"tobit": func(L *lua.LState) int {
			vals, wide := bitArgs(L, 1)
			return rt.bitResult(L, vals[0], wide)
		},
		"tohex": func(L *lua.LState) int {
			vals, wide := bitArgs(L, 1)
			n := 8
			if wide != nil {
				n = 16
			}
			if L.GetTop() >= 2 {
				n = int(toBit(L, 2))
			}
			upper := n < 0
			if upper {
				n = -n
			}
			if n > 16 {
				n = 16
			}
			s := fmt.Sprintf("%016x", vals[0])
			s = s[16-n:]
			if upper {
				s = strings.ToUpper(s)
			}
			L.Push(lua.LString(s))
			return 1
		},
		"bnot": func(L *lua.LState) int {
			vals, wide := bitArgs(L, 1)
			return rt.bitResult(L, ^vals[0], wide)
		},
		"band": fold(func(a, b uint64) uint64 { return a & b }),
		"bor":  fold(func(a, b uint64) uint64 { return a | b }),
		"bxor": fold(func(a, b uint64) uint64 { return a ^ b }),
		"lshift": shift(func(x uint64, n uint, _ *types.Type) uint64 {
			return x << n
		}),
		"rshift": shift(func(x uint64, n uint, wide *types.Type) uint64 {
			if wide == nil {
				return uint64(uint32(x) >> n)
			}
			return x >> n
		}),
		"arshift": shift(func(x uint64, n uint, wide *types.Type) uint64 {
			if wide == nil {
				return uint64(uint32(int32(uint32(x)) >> n))
			}
			return uint64(int64(x) >> n)
		}),
		"rol": shift(func(x uint64, n uint, wide *types.Type) uint64 {
			if wide == nil {
				return uint64(bits.RotateLeft32(uint32(x), int(n)))
			}
			return bits.RotateLeft64(x, int(n))
		}),
		"ror": shift(func(x uint64, n uint, wide *types.Type) uint64 {
			if wide == nil {
				return uint64(bits.RotateLeft32(uint32(x), -int(n)))
			}
			return bits.RotateLeft64(x, -int(n))
		}),
		"bswap": func(L *lua.LState) int {
			vals, wide := bitArgs(L, 1)
			if wide == nil {
				return rt.bitResult(L, uint64(bits.ReverseBytes32(uint32(vals[0]))), nil)
			}
			return rt.bitResult(L, bits.ReverseBytes64(vals[0]), wide)
		},
	}
}
