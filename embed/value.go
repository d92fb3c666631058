// This file implements Values (Lua and Terra values held by Go) and the
// conversion of Go values to Lua values.
package embed

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"runtime"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
	"terrac/runtime/cdata"
)

// Kind is the kind of a Value.
type Kind int

// The kinds of values.
const (
	Nil Kind = iota
	Bool
	Number // a Lua number, or a boxed 64-bit integer (int64/uint64 cdata)
	String
	Table
	Function      // a Lua or Go function
	TerraFunction // a Terra function
	Cdata         // a native value: struct, pointer, array, …
	Other         // a Terra type, quote, symbol, userdata, thread
)

var kindNames = [...]string{"nil", "bool", "number", "string", "table", "function", "terra function", "cdata", "other"}

func (k Kind) String() string { return kindNames[k] }

// Value is a value of a State's program. It stays valid while its State
// is open; Values of a closed State return ErrClosed.
type Value struct {
	s *State
	v lua.LValue
}

// Kind returns the value's kind.
func (v Value) Kind() Kind {
	switch x := v.v.(type) {
	case nil, *lua.LNilType:
		return Nil
	case lua.LBool:
		return Bool
	case lua.LNumber:
		return Number
	case lua.LString:
		return String
	case *lua.LTable:
		return Table
	case *lua.LFunction:
		return Function
	case *lua.LUserData:
		if v.s != nil && v.s.rt.AsFunction(x) != nil {
			return TerraFunction
		}
		if cv, ok := cdata.Is(x); ok {
			if cv.T.Kind == types.Int && cv.T.Bits == 64 {
				return Number
			}
			return Cdata
		}
	}
	return Other
}

// IsNil reports whether the value is nil.
func (v Value) IsNil() bool { return v.Kind() == Nil }

// String renders the value as Lua's tostring does.
// It runs a __tostring metamethod, so it says "<error: …>" when that
// fails or the State cannot be used.
func (v Value) String() string {
	switch x := v.v.(type) {
	case nil:
		return "nil"
	case lua.LString:
		return string(x)
	case *lua.LUserData, *lua.LTable:
	default:
		return x.String()
	}
	if err := v.s.enter(); err != nil {
		return "<error: " + err.Error() + ">"
	}
	defer v.s.leave()
	var out string
	f := v.s.rt.L.NewFunction(func(L *lua.LState) int {
		out = L.ToStringMeta(v.v).String()
		return 0
	})
	if _, err := v.s.call(nil, f, nil); err != nil {
		return "<error: " + err.Error() + ">"
	}
	return out
}

// Float returns a number's value.
func (v Value) Float() (float64, error) {
	switch x := v.v.(type) {
	case lua.LNumber:
		return float64(x), nil
	case *lua.LUserData:
		if cv, ok := cdata.Is(x); ok {
			if f, ok := cdata.ToNumber(cv); ok {
				return f, nil
			}
		}
	}
	return 0, fmt.Errorf("embed: %s is not a number", v.Kind())
}

// Int returns an integral number's value; boxed 64-bit integers keep all
// their bits (uint64 above MaxInt64 wrap).
func (v Value) Int() (int64, error) {
	if ud, ok := v.v.(*lua.LUserData); ok {
		if cv, ok := cdata.Is(ud); ok && cv.T.Kind == types.Int {
			bits, _ := cdata.IntBits(cv)
			return int64(bits), nil
		}
	}
	f, err := v.Float()
	if err != nil {
		return 0, err
	}
	if f != math.Trunc(f) || math.Abs(f) > 1<<63 {
		return 0, fmt.Errorf("embed: %v is not an integer", f)
	}
	return int64(f), nil
}

// Bool returns the value's truth as Lua sees it: false only for nil and
// false.
func (v Value) Bool() bool { return lua.LVAsBool(v.v) }

// Str returns a Lua string's bytes, or a number formatted as Lua does.
func (v Value) Str() (string, error) {
	switch x := v.v.(type) {
	case lua.LString:
		return string(x), nil
	case lua.LNumber:
		return x.String(), nil
	}
	return "", fmt.Errorf("embed: %s is not a string", v.Kind())
}

// Addr returns the address a pointer cdata holds, or the address of the
// memory of a struct or array cdata (valid while the value is reachable).
func (v Value) Addr() (uintptr, error) {
	if cv, ok := cdata.Is(v.v); ok {
		if cv.T.Kind == types.Pointer {
			return cv.PointerValue(), nil
		}
		return uintptr(cv.Ptr), nil
	}
	return 0, fmt.Errorf("embed: %s is not cdata", v.Kind())
}

// TypeName returns the Terra type of a cdata value ("Point", "&int"),
// or the Lua type name of any other value.
func (v Value) TypeName() string {
	if cv, ok := cdata.Is(v.v); ok {
		return cv.T.String()
	}
	if v.v == nil {
		return "nil"
	}
	return v.v.Type().String()
}

// Get indexes the value with key (a string or an integer): a table
// field, a struct field or method of a cdata, an array element. Lua's
// metamethods apply.
func (v Value) Get(key any) (Value, error) {
	if err := v.s.enter(); err != nil {
		return Value{}, err
	}
	defer v.s.leave()
	k, err := v.s.toLua(key, nil)
	if err != nil {
		return Value{}, err
	}
	return v.get(k)
}

// get is Get with the State entered.
func (v Value) get(k lua.LValue) (Value, error) {
	L := v.s.rt.L
	var out lua.LValue
	getter := L.NewFunction(func(L *lua.LState) int {
		out = L.GetTable(v.v, k)
		return 0
	})
	if _, err := v.s.call(nil, getter, nil); err != nil {
		return Value{}, err
	}
	return Value{s: v.s, v: out}, nil
}

// Set assigns x (converted as Call converts arguments) to the value's
// field key: a table field, a struct field of a cdata, an array element.
func (v Value) Set(key, x any) error {
	if err := v.s.enter(); err != nil {
		return err
	}
	defer v.s.leave()
	k, err := v.s.toLua(key, nil)
	if err != nil {
		return err
	}
	lx, err := v.s.toLua(x, nil)
	if err != nil {
		return err
	}
	setter := v.s.rt.L.NewFunction(func(L *lua.LState) int {
		L.SetTable(v.v, k, lx)
		return 0
	})
	_, err = v.s.call(nil, setter, nil)
	return err
}

// Len returns the length of a string or the border of a table (Lua's #).
func (v Value) Len() int {
	switch x := v.v.(type) {
	case lua.LString:
		return len(x)
	case *lua.LTable:
		return x.Len()
	}
	return 0
}

// Call calls a Lua function, a Go function or a Terra function with Go
// arguments and returns its results. ctx cancels Lua code the call runs
// (not native code in the middle of a loop); it may be nil.
//
// Arguments convert as follows: nil, bools, integers, floats and strings
// to Lua values (and then as Terra converts Lua values: a string to a
// rawstring parameter, a number to any number type); []byte, []int8 …
// []uint64, []float32 and []float64 to a pointer to their first element
// (&uint8, &int8 … &double; nil when empty), valid during the call only;
// a Value as it is (a struct cdata also converts to a pointer to it);
// a Func to a Lua function (which converts to a Terra callback for a
// function-pointer parameter); map[string]any and []any to tables.
func (v Value) Call(ctx context.Context, args ...any) ([]Value, error) {
	s := v.s
	if err := s.enter(); err != nil {
		return nil, err
	}
	defer s.leave()
	var pin runtime.Pinner
	defer pin.Unpin()
	largs := make([]lua.LValue, len(args))
	for i, a := range args {
		lv, err := s.toLua(a, &pin)
		if err != nil {
			return nil, fmt.Errorf("embed: argument %d: %w", i+1, err)
		}
		largs[i] = lv
	}
	return s.call(ctx, v.v, largs)
}

// New makes a cdata of the Terra type the Lua expression typeExpr
// evaluates to ("Point", "int[4]", "&double"), initialized from init (a
// map for a struct's fields, a slice for an array; nil for zero).
func (s *State) New(typeExpr string, init any) (Value, error) {
	t, err := s.Eval(nil, typeExpr)
	if err != nil {
		return Value{}, err
	}
	args := []any{init}
	if init == nil {
		args = nil
	}
	vals, err := t.Call(nil, args...)
	if err != nil {
		return Value{}, err
	}
	if len(vals) == 0 {
		return Value{}, fmt.Errorf("embed: %s made no value", typeExpr)
	}
	return vals[0], nil
}

// sliceElem maps slice types to the Terra type of their elements.
var sliceElem = map[reflect.Type]*types.Type{
	reflect.TypeFor[[]byte]():    types.Uint8,
	reflect.TypeFor[[]int8]():    types.Int8,
	reflect.TypeFor[[]int16]():   types.Int16,
	reflect.TypeFor[[]uint16]():  types.Uint16,
	reflect.TypeFor[[]int32]():   types.Int32,
	reflect.TypeFor[[]uint32]():  types.Uint32,
	reflect.TypeFor[[]int64]():   types.Int64,
	reflect.TypeFor[[]uint64]():  types.Uint64,
	reflect.TypeFor[[]float32](): types.Float32,
	reflect.TypeFor[[]float64](): types.Float64,
}

const maxExact = 1 << 53

// toLua converts a Go value to a Lua value. Slices become pointers to
// their pinned first element; pin is nil where that is not allowed.
func (s *State) toLua(x any, pin *runtime.Pinner) (lua.LValue, error) {
	L := s.rt.L
	switch x := x.(type) {
	case nil:
		return lua.LNil, nil
	case Value:
		if x.s != s {
			return nil, fmt.Errorf("a Value of another State")
		}
		if x.v == nil {
			return lua.LNil, nil
		}
		return x.v, nil
	case lua.LValue:
		return x, nil
	case bool:
		return lua.LBool(x), nil
	case string:
		return lua.LString(x), nil
	case float64:
		return lua.LNumber(x), nil
	case float32:
		return lua.LNumber(x), nil
	case int:
		return s.intLua(int64(x)), nil
	case int8:
		return lua.LNumber(x), nil
	case int16:
		return lua.LNumber(x), nil
	case int32:
		return lua.LNumber(x), nil
	case int64:
		return s.intLua(x), nil
	case uint:
		return s.uintLua(uint64(x)), nil
	case uint8:
		return lua.LNumber(x), nil
	case uint16:
		return lua.LNumber(x), nil
	case uint32:
		return lua.LNumber(x), nil
	case uint64:
		return s.uintLua(x), nil
	case Func:
		return s.goFunction("function", x), nil
	case func(args []Value) ([]any, error):
		return s.goFunction("function", x), nil
	case map[string]any:
		t := L.NewTable()
		for k, e := range x {
			lv, err := s.toLua(e, pin)
			if err != nil {
				return nil, fmt.Errorf("field %s: %w", k, err)
			}
			t.RawSetString(k, lv)
		}
		return t, nil
	case []any:
		t := L.NewTable()
		for i, e := range x {
			lv, err := s.toLua(e, pin)
			if err != nil {
				return nil, fmt.Errorf("element %d: %w", i+1, err)
			}
			t.RawSetInt(i+1, lv)
		}
		return t, nil
	}
	rv := reflect.ValueOf(x)
	if elem, ok := sliceElem[rv.Type()]; ok {
		if pin == nil {
			return nil, fmt.Errorf("a %s is passed only as an argument of Call", rv.Type())
		}
		if rv.Len() == 0 {
			return lua.LNil, nil
		}
		p := rv.Index(0).Addr().UnsafePointer()
		pin.Pin(p)
		v := cdata.New(types.PointerTo(elem))
		*(*uintptr)(v.Ptr) = uintptr(p)
		return s.rt.Wrap(v), nil
	}
	return nil, fmt.Errorf("cannot pass a Go %T to Lua", x)
}

func (s *State) intLua(i int64) lua.LValue {
	if i >= -maxExact && i <= maxExact {
		return lua.LNumber(i)
	}
	return cdata.Box(s.rt, types.Int64, uint64(i))
}

func (s *State) uintLua(u uint64) lua.LValue {
	if u <= maxExact {
		return lua.LNumber(u)
	}
	return cdata.Box(s.rt, types.Uint64, u)
}
