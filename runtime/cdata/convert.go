// This file implements Lua-to-native and native-to-Lua conversion of
// single values, following Terra's rules for a known target type.
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
	// FunctionPointer returns the native address of a Terra function
	// object, compiling it if needed; ok is false if v is not one.
	FunctionPointer(v lua.LValue) (addr uintptr, ok bool, err error)
}

// Store writes Lua value lv as a T at p. Strings passed as rawstring
// are copied to C memory, recorded in *keep for the caller to free.
func Store(b Bridge, p unsafe.Pointer, t *types.Type, lv lua.LValue, keep *[]unsafe.Pointer) error {
	if cv, ok := Is(lv); ok {
		if cv.T == t {
			copy(unsafe.Slice((*byte)(p), t.Size()), cv.Bytes())
			return nil
		}
		if t.Kind == types.Pointer && cv.T.Kind == types.Pointer {
			*(*uintptr)(p) = cv.PointerValue()
			return nil
		}
		if t.Kind == types.Pointer && cv.T.Kind == types.Array {
			*(*uintptr)(p) = uintptr(cv.Ptr)
			return nil
		}
		if t.Kind == types.Pointer && cv.T.Kind == types.Struct && t.Elem == cv.T {
			*(*uintptr)(p) = uintptr(cv.Ptr)
			return nil
		}
		if t.IsArithmetic() && cv.T.IsArithmetic() {
			return Store(b, p, t, Load(b, cv.Ptr, cv.T), keep)
		}
		return fmt.Errorf("cannot convert '%s' to '%s'", cv.T, t)
	}
	switch t.Kind {
	case types.Int:
		n, ok := lv.(lua.LNumber)
		if !ok {
			return fmt.Errorf("expected a number for '%s', got %s", t, lv.Type())
		}
		storeInt(p, t, float64(n))
		return nil
	case types.Float:
		n, ok := lv.(lua.LNumber)
		if !ok {
			return fmt.Errorf("expected a number for '%s', got %s", t, lv.Type())
		}
		if t.Bits == 32 {
			*(*float32)(p) = float32(n)
		} else {
			*(*float64)(p) = float64(n)
		}
		return nil
	case types.Bool:
		bv, ok := lv.(lua.LBool)
		if !ok {
			return fmt.Errorf("expected a boolean for 'bool', got %s", lv.Type())
		}
		if bv {
			*(*uint8)(p) = 1
		} else {
			*(*uint8)(p) = 0
		}
		return nil
	case types.Pointer:
		switch v := lv.(type) {
		case *lua.LNilType:
			*(*uintptr)(p) = 0
			return nil
		case lua.LString:
			if t.Elem == types.Int8 || t.Elem == types.Uint8 || t.Elem.Kind == types.Opaque {
				cs := CString(string(v))
				*keep = append(*keep, cs)
				*(*uintptr)(p) = uintptr(cs)
				return nil
			}
		case *lua.LUserData:
			if t.Elem.Kind == types.Func {
				addr, ok, err := b.FunctionPointer(v)
				if err != nil {
					return err
				}
				if ok {
					*(*uintptr)(p) = addr
					return nil
				}
			}
		}
		return fmt.Errorf("cannot convert a Lua %s to '%s'", lv.Type(), t)
	case types.Struct, types.Array:
		tb, ok := lv.(*lua.LTable)
		if !ok {
			return fmt.Errorf("cannot convert a Lua %s to '%s'", lv.Type(), t)
		}
		return storeTable(b, p, t, tb, keep)
	}
	return fmt.Errorf("cannot convert a Lua %s to '%s'", lv.Type(), t)
}

func storeInt(p unsafe.Pointer, t *types.Type, f float64) {
	var bits uint64
	if t.Signed || f < 0 {
		bits = uint64(int64(f))
	} else {
		bits = uint64(f)
	}
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

// storeTable fills a struct (by field name or position) or an array.
func storeTable(b Bridge, p unsafe.Pointer, t *types.Type, tb *lua.LTable, keep *[]unsafe.Pointer) error {
	if t.Kind == types.Array {
		es := t.Elem.Size()
		for i := 0; i < t.N; i++ {
			v := tb.RawGetInt(i + 1)
			if v == lua.LNil {
				continue
			}
			if err := Store(b, unsafe.Add(p, int64(i)*es), t.Elem, v, keep); err != nil {
				return err
			}
		}
		return nil
	}
	l, err := t.Layout()
	if err != nil {
		return err
	}
	for i, f := range l.Fields {
		v := tb.RawGetString(f.Name)
		if v == lua.LNil {
			v = tb.RawGetInt(i + 1)
		}
		if v == lua.LNil {
			continue
		}
		if err := Store(b, unsafe.Add(p, f.Offset), f.Type, v, keep); err != nil {
			return fmt.Errorf("field %s: %v", f.Name, err)
		}
	}
	return nil
}

// Load reads the T at p as a Lua value: numbers, booleans, nil for the
// unit type, and cdata (a copy) for pointers and aggregates.
func Load(b Bridge, p unsafe.Pointer, t *types.Type) lua.LValue {
	switch t.Kind {
	case types.Int:
		var f float64
		switch t.Bits {
		case 8:
			if t.Signed {
				f = float64(*(*int8)(p))
			} else {
				f = float64(*(*uint8)(p))
			}
		case 16:
			if t.Signed {
				f = float64(*(*int16)(p))
			} else {
				f = float64(*(*uint16)(p))
			}
		case 32:
			if t.Signed {
				f = float64(*(*int32)(p))
			} else {
				f = float64(*(*uint32)(p))
			}
		default:
			if t.Signed {
				f = float64(*(*int64)(p))
			} else {
				f = float64(*(*uint64)(p))
			}
		}
		return lua.LNumber(f)
	case types.Float:
		if t.Bits == 32 {
			return lua.LNumber(*(*float32)(p))
		}
		return lua.LNumber(*(*float64)(p))
	case types.Bool:
		return lua.LBool(*(*uint8)(p) != 0)
	}
	if t.IsUnit() {
		return lua.LNil
	}
	v := New(t)
	copy(v.Bytes(), unsafe.Slice((*byte)(p), t.Size()))
	return b.Wrap(v)
}

// ToNumber converts a numeric cdata to a Lua number.
func ToNumber(v *Value) (float64, bool) {
	if !v.T.IsArithmetic() {
		return math.NaN(), false
	}
	n, _ := Load(nil, v.Ptr, v.T).(lua.LNumber)
	return float64(n), true
}
