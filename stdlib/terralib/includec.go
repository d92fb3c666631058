// This file implements terralib.includec and includecstring: C
// declarations read by stdlib/cimport, mapped to Terra types, extern
// functions and constants in one Lua table.
package terralib

import (
	"fmt"
	"sort"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/stdlib/cimport"
)

// includec imports code and pushes the table of its declarations.
func (rt *Runtime) includec(L *lua.LState, code string, argTable *lua.LTable) int {
	var args []string
	if argTable != nil {
		for i := 1; i <= argTable.Len(); i++ {
			args = append(args, lua.LVAsString(argTable.RawGetInt(i)))
		}
	}
	key := code + "\x00" + strings.Join(args, "\x00")
	if tb, ok := rt.cimports[key]; ok {
		L.Push(tb)
		return 1
	}
	h, err := cimport.Import(code, args, cimport.Options{})
	if err != nil {
		L.RaiseError("%s", err.Error())
	}
	m := &cmapper{rt: rt, done: map[*cimport.Type]*types.Type{}}
	tb := m.table(h)
	rt.cimports[key] = tb
	L.Push(tb)
	return 1
}

// cmapper maps cimport types to Terra types, memoized by C type identity.
type cmapper struct {
	rt   *Runtime
	done map[*cimport.Type]*types.Type
}

func (m *cmapper) table(h *cimport.Header) *lua.LTable {
	L := m.rt.L
	tb := L.NewTable()
	set := func(name string, v lua.LValue) {
		if tb.RawGetString(name) == lua.LNil {
			tb.RawSetString(name, v)
		}
	}
	for _, name := range sortedKeys(h.Funcs) {
		ft, err := m.funcType(h.Funcs[name])
		if err != nil {
			continue
		}
		set(name, m.rt.FunctionValue(tree.NewExtern(name, ft)))
	}
	for _, name := range sortedKeys(h.Typedefs) {
		if t, err := m.typ(h.Typedefs[name]); err == nil {
			set(name, m.rt.TypeValue(t))
		}
	}
	for name, v := range h.Enums {
		set(name, lua.LNumber(v))
	}
	for name, c := range h.IntMacros {
		if c.Unsigned {
			set(name, lua.LNumber(uint64(c.Value)))
		} else {
			set(name, lua.LNumber(c.Value))
		}
	}
	for name, v := range h.FloatMacros {
		set(name, lua.LNumber(v))
	}
	for _, name := range sortedKeys(h.Tags) {
		if t, err := m.typ(h.Tags[name]); err == nil {
			set(name, m.rt.TypeValue(t))
		}
	}
	return tb
}

func sortedKeys[V any](mp map[string]V) []string {
	ks := make([]string, 0, len(mp))
	for k := range mp {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func (m *cmapper) funcType(c *cimport.Type) (*types.Type, error) {
	var params []*types.Type
	for _, p := range c.Params {
		t, err := m.typ(p)
		if err != nil {
			return nil, err
		}
		if t.Kind == types.Array {
			t = types.PointerTo(t.Elem)
		}
		params = append(params, t)
	}
	var ret *types.Type
	if c.Elem != nil && c.Elem.Kind != cimport.Void {
		r, err := m.typ(c.Elem)
		if err != nil {
			return nil, err
		}
		ret = r
	}
	return types.FuncOf(params, ret, c.Variadic), nil
}

func (m *cmapper) typ(c *cimport.Type) (*types.Type, error) {
	if t, ok := m.done[c]; ok {
		return t, nil
	}
	t, err := m.makeType(c)
	if err == nil {
		m.done[c] = t
	}
	return t, err
}

func (m *cmapper) makeType(c *cimport.Type) (*types.Type, error) {
	switch c.Kind {
	case cimport.Void:
		return types.OpaqueT, nil
	case cimport.Bool:
		return types.Boolean, nil
	case cimport.Int:
		return intType(c.Size, c.Signed)
	case cimport.Enum:
		if c.Elem != nil {
			return intType(c.Elem.Size, c.Elem.Signed)
		}
		return types.Uint32, nil
	case cimport.Float:
		switch {
		case c.LongDouble:
			return nil, fmt.Errorf("long double is not supported")
		case c.Size == 4:
			return types.Float32, nil
		case c.Size == 8:
			return types.Float64, nil
		}
	case cimport.Pointer:
		if c.Elem.Kind == cimport.Func {
			ft, err := m.funcType(c.Elem)
			if err != nil {
				return types.PointerTo(types.OpaqueT), nil
			}
			return types.PointerTo(ft), nil
		}
		e, err := m.typ(c.Elem)
		if err != nil {
			// A pointer to something we cannot express is still a
			// pointer: keep it usable as &opaque.
			return types.PointerTo(types.OpaqueT), nil
		}
		return types.PointerTo(e), nil
	case cimport.Array:
		e, err := m.typ(c.Elem)
		if err != nil {
			return nil, err
		}
		n := c.Len
		if n < 0 {
			n = 0
		}
		return types.ArrayOf(e, int(n)), nil
	case cimport.Vector:
		e, err := m.typ(c.Elem)
		if err != nil {
			return nil, err
		}
		return types.VectorOf(e, int(c.Len)), nil
	case cimport.Struct, cimport.Union:
		return m.record(c)
	case cimport.Func:
		return m.funcType(c)
	}
	return nil, fmt.Errorf("unsupported C type %s", c)
}

func intType(size int64, signed bool) (*types.Type, error) {
	switch size {
	case 1:
		if signed {
			return types.Int8, nil
		}
		return types.Uint8, nil
	case 2:
		if signed {
			return types.Int16, nil
		}
		return types.Uint16, nil
	case 4:
		if signed {
			return types.Int32, nil
		}
		return types.Uint32, nil
	case 8:
		if signed {
			return types.Int64, nil
		}
		return types.Uint64, nil
	}
	return nil, fmt.Errorf("unsupported integer size %d", size)
}

// record maps a C struct or union. Incomplete ones and ones with
// bitfields stay opaque-by-value structs (usable behind pointers).
func (m *cmapper) record(c *cimport.Type) (*types.Type, error) {
	name := c.Name
	if name == "" {
		name = "anon"
	}
	t := m.rt.newStruct(name)
	m.done[c] = t
	if !c.Complete || c.Fields == nil || c.HasBitfields || c.Packed {
		return t, nil
	}
	t.Defined = true
	sl := t.Lua.(*structLua)
	var union []types.Entry
	for i, f := range c.Fields {
		ft, err := m.typ(f.Type)
		if err != nil {
			// Keep the layout honest: an unmappable member makes the
			// whole struct opaque.
			sl.entries = m.rt.L.NewTable()
			t.Defined = false
			return t, nil
		}
		fname := f.Name
		if fname == "" {
			fname = fmt.Sprintf("_%d", i)
		}
		e := types.Entry{Field: types.Field{Name: fname, Type: ft}}
		if c.Kind == cimport.Union {
			union = append(union, e)
			continue
		}
		sl.entries.Append(m.rt.entryValue(e))
	}
	if c.Kind == cimport.Union {
		sl.entries.Append(m.rt.entryValue(types.Entry{Union: union}))
	}
	return t, nil
}
