// This file implements Lua-to-native and native-to-Lua conversion of
// single values, following Terra's (LuaJIT FFI's) rules for a known
// target type, and the type a Lua value has when no type is known.
package cdata

import (
	"fmt"
	"math"
	"unsafe"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
)

// Bridge is what conversion needs from the Lua layer.
type Bridge interface {
	// Wrap makes a Lua value (userdata with the cdata metatable) for v.
	Wrap(v *Value) lua.LValue
	// FunctionPointer returns the native address for a Lua value used as
	// a pointer to function type fnType: a Terra function object
	// (compiled if needed) or a Lua function (a callback); ok is false
	// if v is neither.
	FunctionPointer(v lua.LValue, fnType *types.Type) (addr uintptr, ok bool, err error)
}

// ConvError is a value that cannot convert to a type.
type ConvError struct {
	From string // Lua type name, or the cdata's Terra type in quotes
	To   *types.Type
}

func (e *ConvError) Error() string {
	return fmt.Sprintf("cannot convert %s to '%s'", e.From, e.To)
}

func convErr(lv lua.LValue, t *types.Type) error {
	if cv, ok := Is(lv); ok {
		return &ConvError{From: "'" + cv.T.String() + "'", To: t}
	}
	return &ConvError{From: "'" + lv.Type().String() + "'", To: t}
}

// Store writes Lua value lv as a T at p. Strings passed as rawstring
// are copied to C memory, recorded in *keep for the caller to free
// (keep nil: the copy is never freed, for values Lua stores into memory).
func Store(b Bridge, p unsafe.Pointer, t *types.Type, lv lua.LValue, keep *[]unsafe.Pointer) error {
	if cv, ok := Is(lv); ok {
		return storeCdata(b, p, t, cv, keep)
	}
	switch t.Kind {
	case types.Int:
		switch v := lv.(type) {
		case lua.LNumber:
			storeIntBits(p, t, floatToBits(t, float64(v)))
			return nil
		case lua.LBool:
			storeIntBits(p, t, b2u(bool(v)))
			return nil
		}
	case types.Float:
		switch v := lv.(type) {
		case lua.LNumber:
			storeFloat(p, t, float64(v))
			return nil
		case lua.LBool:
			storeFloat(p, t, float64(b2u(bool(v))))
			return nil
		}
	case types.Bool:
		switch v := lv.(type) {
		case lua.LBool:
			*(*uint8)(p) = uint8(b2u(bool(v)))
			return nil
		case lua.LNumber:
			*(*uint8)(p) = uint8(b2u(v != 0))
			return nil
		}
	case types.Pointer:
		switch v := lv.(type) {
		case *lua.LNilType:
			*(*uintptr)(p) = 0
			return nil
		case lua.LString:
			if isCharPointer(t) {
				cs := CString(string(v))
				if keep != nil {
					*keep = append(*keep, cs)
				}
				*(*uintptr)(p) = uintptr(cs)
				return nil
			}
		case *lua.LUserData, *lua.LFunction:
			if ud, ok := v.(*lua.LUserData); ok {
				if l, ok := ud.Value.(Light); ok {
					*(*uintptr)(p) = uintptr(l)
					return nil
				}
			}
			if t.Elem.Kind == types.Func {
				addr, ok, err := b.FunctionPointer(v, t.Elem)
				if err != nil {
					return err
				}
				if ok {
					*(*uintptr)(p) = addr
					return nil
				}
			}
		}
	case types.Struct, types.Array:
		if tb, ok := lv.(*lua.LTable); ok {
			return storeTable(b, p, t, tb, keep)
		}
	}
	return convErr(lv, t)
}

func isCharPointer(t *types.Type) bool {
	e := t.Elem
	return e.Kind == types.Opaque || (e.Kind == types.Int && e.Bits == 8)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// storeCdata converts a cdata value to t: same type (a copy), numbers
// between numeric types, compatible pointers, and aggregates to
// pointers to them (their address, as LuaJIT passes arrays and structs).
func storeCdata(b Bridge, p unsafe.Pointer, t *types.Type, cv *Value, keep *[]unsafe.Pointer) error {
	from := cv.T
	if from == t {
		copy(unsafe.Slice((*byte)(p), t.Size()), cv.Bytes())
		return nil
	}
	switch t.Kind {
	case types.Int, types.Float, types.Bool:
		switch from.Kind {
		case types.Int, types.Bool:
			bits, _ := IntBits(cv)
			switch t.Kind {
			case types.Int:
				storeIntBits(p, t, bits)
			case types.Float:
				storeFloat(p, t, intFloat(from, bits))
			default:
				*(*uint8)(p) = uint8(b2u(bits != 0))
			}
			return nil
		case types.Float:
			return Store(b, p, t, lua.LNumber(loadFloat(cv.Ptr, from)), keep)
		}
	case types.Pointer:
		switch from.Kind {
		case types.Pointer:
			if pointerCompatible(t, from) {
				*(*uintptr)(p) = cv.PointerValue()
				return nil
			}
		case types.Array:
			if t.Elem == from.Elem || t.Elem.Kind == types.Opaque {
				*(*uintptr)(p) = uintptr(cv.Ptr)
				return nil
			}
		case types.Struct:
			if t.Elem == from || t.Elem.Kind == types.Opaque {
				*(*uintptr)(p) = uintptr(cv.Ptr)
				return nil
			}
		}
	}
	return convErr(b.Wrap(cv), t)
}

// pointerCompatible: pointers convert implicitly to and from &opaque and
// between equal pointee types (LuaJIT's implicit pointer conversions).
func pointerCompatible(to, from *types.Type) bool {
	return to.Elem == from.Elem || to.Elem.Kind == types.Opaque || from.Elem.Kind == types.Opaque
}

// floatToBits converts a double to the bits of integer type t,
// truncating toward zero (C's rule; out of range wraps like LuaJIT).
func floatToBits(t *types.Type, f float64) uint64 {
	if !t.Signed && f >= 9.223372036854775807e18 {
		if f >= 1.8446744073709552e19 || math.IsNaN(f) {
			return 0
		}
		return uint64(f)
	}
	return uint64(f2i(f))
}

func storeIntBits(p unsafe.Pointer, t *types.Type, bits uint64) {
	switch t.Bits {
	case 8:
		*(*uint8)(p) = uint8(bits)
	case 16:
		*(*uint16)(p) = uint16(bits)
	case 32:
		*(*uint32)(p) = uint32(bits)
	default:
		*(*uint64)(p) = bits
	}
}

func storeFloat(p unsafe.Pointer, t *types.Type, f float64) {
	if t.Bits == 32 {
		*(*float32)(p) = float32(f)
	} else {
		*(*float64)(p) = f
	}
}

// storeTable fills a struct or an array from a table. Arrays and
// positional struct initializers are one-based, or zero-based when [0]
// is set (LuaJIT's rule); a struct table without [0] or [1] is read by
// field name. Missing entries stay as they are (zero for new values).
func storeTable(b Bridge, p unsafe.Pointer, t *types.Type, tb *lua.LTable, keep *[]unsafe.Pointer) error {
	base := 1
	if tb.RawGet(lua.LNumber(0)) != lua.LNil {
		base = 0
	}
	if t.Kind == types.Array {
		es := t.Elem.Size()
		for i := 0; i < t.N; i++ {
			v := tb.RawGet(lua.LNumber(i + base))
			if v == lua.LNil {
				continue
			}
			if err := Store(b, unsafe.Add(p, int64(i)*es), t.Elem, v, keep); err != nil {
				return fmt.Errorf("element %d: %w", i, err)
			}
		}
		return nil
	}
	l, err := t.Layout()
	if err != nil {
		return err
	}
	positional := tb.RawGet(lua.LNumber(base)) != lua.LNil
	k := 0
	for i, f := range l.Fields {
		var v lua.LValue
		if positional {
			if i > 0 && f.Index == l.Fields[i-1].Index {
				continue // only a union's first member takes a positional value
			}
			v = tb.RawGet(lua.LNumber(k + base))
			k++
		} else {
			v = tb.RawGetString(f.Name)
		}
		if v == lua.LNil {
			continue
		}
		if err := Store(b, unsafe.Add(p, f.Offset), f.Type, v, keep); err != nil {
			return fmt.Errorf("field %s: %w", f.Name, err)
		}
	}
	return nil
}

func loadIntBits(p unsafe.Pointer, t *types.Type) uint64 {
	switch t.Bits {
	case 8:
		if t.Signed {
			return uint64(int64(*(*int8)(p)))
		}
		return uint64(*(*uint8)(p))
	case 16:
		if t.Signed {
			return uint64(int64(*(*int16)(p)))
		}
		return uint64(*(*uint16)(p))
	case 32:
		if t.Signed {
			return uint64(int64(*(*int32)(p)))
		}
		return uint64(*(*uint32)(p))
	}
	return *(*uint64)(p)
}

func loadFloat(p unsafe.Pointer, t *types.Type) float64 {
	if t.Bits == 32 {
		return float64(*(*float32)(p))
	}
	return *(*float64)(p)
}

// Load reads the T at p as a Lua value: numbers (64-bit integers boxed
// when not exact, see IntLua), booleans, nil for the unit type and for
// NULL pointers (so `p == nil` works in Lua), and cdata (a copy) for
// other pointers and aggregates.
func Load(b Bridge, p unsafe.Pointer, t *types.Type) lua.LValue {
	switch t.Kind {
	case types.Int:
		return IntLua(b, t, loadIntBits(p, t))
	case types.Float:
		return lua.LNumber(loadFloat(p, t))
	case types.Bool:
		return lua.LBool(*(*uint8)(p) != 0)
	case types.Pointer:
		if *(*uintptr)(p) == 0 {
			return lua.LNil
		}
	}
	if t.IsUnit() {
		return lua.LNil
	}
	v := New(t)
	copy(v.Bytes(), unsafe.Slice((*byte)(p), t.Size()))
	return b.Wrap(v)
}

// LoadRef is Load for a place inside existing memory (a field or an
// element): aggregates come back as references into it (so
// `s.inner.x = 1` writes through), scalars as Lua values.
func LoadRef(b Bridge, p unsafe.Pointer, t *types.Type, owner *Value) lua.LValue {
	switch t.Kind {
	case types.Struct, types.Array, types.Vector:
		if !t.IsUnit() {
			return b.Wrap(Ref(t, p, owner))
		}
	}
	return Load(b, p, t)
}

// ToNumber converts a numeric cdata to a Lua number (int64 values
// beyond 2^53 round, as LuaJIT's tonumber does).
func ToNumber(v *Value) (float64, bool) {
	switch v.T.Kind {
	case types.Int:
		return intFloat(v.T, loadIntBits(v.Ptr, v.T)), true
	case types.Float:
		return loadFloat(v.Ptr, v.T), true
	case types.Bool:
		return float64(*(*uint8)(v.Ptr)), true
	}
	return math.NaN(), false
}

// TypeOfLua is the Terra type a Lua value converts to when no type is
// known: an integral number that fits int32 is int32, any other number
// double, booleans bool, strings rawstring, cdata its own type.
func TypeOfLua(lv lua.LValue) (*types.Type, error) {
	switch v := lv.(type) {
	case lua.LNumber:
		f := float64(v)
		if f == math.Trunc(f) && f >= math.MinInt32 && f <= math.MaxInt32 && !(f == 0 && math.Signbit(f)) {
			return types.Int32, nil
		}
		return types.Float64, nil
	case lua.LBool:
		return types.Boolean, nil
	case lua.LString:
		return types.PointerTo(types.Int8), nil
	}
	if cv, ok := Is(lv); ok {
		return cv.T, nil
	}
	return nil, fmt.Errorf("cannot convert a Lua %s to a Terra value of unknown type", lv.Type())
}
