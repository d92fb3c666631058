// This file implements printing values readably: Terra functions with
// their types, struct types with their fields, cdata with its contents.
package repl

import (
	"fmt"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
	"terrac/runtime/cdata"
)

// maxShown bounds the elements of an array or fields shown per value.
const maxShown = 16

func (s *Session) show(v lua.LValue) string { return s.showDepth(v, 0) }

func (s *Session) showDepth(v lua.LValue, depth int) string {
	rt := s.rt
	if fn := rt.AsFunction(v); fn != nil {
		if err := rt.Engine.Check(fn); err != nil || fn.Type == nil {
			return "terra function " + fn.Name + " (does not typecheck)"
		}
		return fmt.Sprintf("terra function %s : %s", fn.Name, fn.Type)
	}
	if t := rt.AsType(v); t != nil {
		return showType(t)
	}
	if cv, ok := cdata.Is(v); ok && depth < 3 {
		return s.showCdata(v, cv, depth)
	}
	if str, ok := v.(lua.LString); ok && depth > 0 {
		return fmt.Sprintf("%q", string(str))
	}
	return s.rt.L.ToStringMeta(v).String()
}

// showType prints a struct type with its fields, other types by name.
func showType(t *types.Type) string {
	if t.Kind != types.Struct || t.IsTuple {
		return t.String()
	}
	if err := t.Complete(); err != nil {
		return fmt.Sprintf("struct %s (%v)", t, err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "struct %s {", t)
	for i, f := range t.Fields() {
		if i > 0 {
			b.WriteString(";")
		}
		fmt.Fprintf(&b, " %s : %s", f.Name, f.Type)
	}
	b.WriteString(" }")
	return b.String()
}

// showCdata prints struct cdata as T{ f = v, … }, arrays as T{ v, … },
// and anything else as its Lua string form.
func (s *Session) showCdata(v lua.LValue, cv *cdata.Value, depth int) string {
	L := s.rt.L
	var parts []string
	switch t := cv.T; t.Kind {
	case types.Struct:
		for i, f := range t.Fields() {
			if i == maxShown {
				parts = append(parts, "…")
				break
			}
			parts = append(parts, f.Name+" = "+s.showDepth(s.index(v, lua.LString(f.Name)), depth+1))
		}
	case types.Array:
		for i := 0; i < int(t.N); i++ {
			if i == maxShown {
				parts = append(parts, "…")
				break
			}
			parts = append(parts, s.showDepth(s.index(v, lua.LNumber(i)), depth+1))
		}
	default:
		return L.ToStringMeta(v).String()
	}
	return fmt.Sprintf("%s{ %s }", cv.T, strings.Join(parts, ", "))
}

// index reads v[k] through v's metatable, nil on error.
func (s *Session) index(v, k lua.LValue) (out lua.LValue) {
	L := s.rt.L
	fn := L.NewFunction(func(L *lua.LState) int {
		L.Push(L.GetTable(v, k))
		return 1
	})
	if err := L.CallByParam(lua.P{Fn: fn, NRet: 1, Protect: true}); err != nil {
		return lua.LNil
	}
	out = L.Get(-1)
	L.Pop(1)
	return out
}
