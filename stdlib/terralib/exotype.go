// This file implements the Lua side of exotypes: struct metamethods the
// checker calls through check.ExoHost, __getmethod, and the struct
// completion hooks __getentries, __staticinitialize and __typename.
package terralib

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/specialize"
	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// Metamethod returns t.metamethods[name] (check.ExoHost).
func (rt *Runtime) Metamethod(t *types.Type, name string) lua.LValue {
	if t.Kind != types.Struct {
		return lua.LNil
	}
	rt.TypeValue(t)
	if sl, ok := t.Lua.(*structLua); ok {
		return sl.metamethods.RawGetString(name)
	}
	return lua.LNil
}

// Cast calls a __cast metamethod (check.ExoHost).
func (rt *Runtime) Cast(fn lua.LValue, from, to *types.Type, x tree.Expr, at source.Span) (tree.Expr, error) {
	q := rt.QuoteValue(&tree.Quote{Exprs: []tree.Expr{x}, IsExpr: true})
	vals, err := rt.CallHole(fn, rt.TypeValue(from), rt.TypeValue(to), q)
	if err != nil {
		// Located at the Lua line that raised it (a note on the invalid
		// conversion, see check/castnotes.go).
		return nil, rt.callbackError("invoking __cast", at, err)
	}
	if len(vals) == 0 {
		return nil, fmt.Errorf("__cast returned no value")
	}
	return specialize.Convert(rt, vals[0], at)
}

// ExpandMacroWith runs a macro whose first arguments are Lua values
// (the method name of __methodmissing, …) and the rest quotes of args.
func (rt *Runtime) ExpandMacroWith(v lua.LValue, lead []lua.LValue, args []tree.Expr, at source.Span) (tree.Expr, bool, error) {
	m := asMacro(v)
	if m == nil {
		return nil, false, nil
	}
	if m.Builtin != nil {
		if len(lead) > 0 {
			return nil, true, fmt.Errorf("builtin macro %s cannot be a metamethod", m.Name)
		}
		e, err := m.Builtin(args, at)
		return e, true, err
	}
	in := append([]lua.LValue(nil), lead...)
	for _, a := range args {
		in = append(in, rt.QuoteValue(&tree.Quote{Exprs: []tree.Expr{a}, IsExpr: true}))
	}
	vals, err := rt.invokeUser("invoking macro", at, m.Fn, in...)
	if err != nil {
		return nil, true, err
	}
	var exprs []tree.Expr
	for _, val := range specialize.Flatten(vals) {
		e, err := specialize.Convert(rt, val, at)
		if err != nil {
			return nil, true, err
		}
		exprs = append(exprs, e)
	}
	switch len(exprs) {
	case 0:
		return &tree.Let{ExprBase: tree.ExprBase{Pos: at}}, true, nil
	case 1:
		return exprs[0], true, nil
	}
	return &tree.Let{ExprBase: tree.ExprBase{Pos: at}, Exprs: exprs}, true, nil
}

// isListTable reports whether tb is a plain list or a terralib List.
func isListTable(tb *lua.LTable) bool {
	if tb.Metatable == lua.LNil {
		return true
	}
	if mt, ok := tb.Metatable.(*lua.LTable); ok {
		return mt.RawGetString("__islist") == lua.LTrue
	}
	return false
}

// completeFromLua is a struct's Completer: its entries come from
// __getentries when the struct defines it, else from T.entries.
func (rt *Runtime) completeFromLua(t *types.Type) error {
	sl := t.Lua.(*structLua)
	tb := sl.entries
	if ge := sl.metamethods.RawGetString("__getentries"); ge != lua.LNil {
		vals, err := rt.invokeUser("invoking __getentries of "+t.String(), source.Span{}, ge, rt.TypeValue(t))
		if err != nil {
			return err
		}
		var ok bool
		if len(vals) > 0 {
			tb, ok = vals[0].(*lua.LTable)
		}
		if !ok {
			return fmt.Errorf("__getentries of %s must return a list of entries", t)
		}
		sl.entries = tb
	}
	es, err := rt.entriesFromLua(t, tb)
	if err != nil {
		return err
	}
	t.Entries = es
	rt.refreshTypename(t)
	return nil
}

// staticInitialize runs __staticinitialize once the struct is complete.
// Field types complete (and initialize) first, so members are
// initialized before the structs that contain them.
func (rt *Runtime) staticInitialize(t *types.Type) error {
	si := rt.Metamethod(t, "__staticinitialize")
	if si == lua.LNil {
		return nil
	}
	if _, err := rt.invokeUser("invoking __staticinitialize of "+t.String(), source.Span{}, si, rt.TypeValue(t)); err != nil {
		return err
	}
	return nil
}

// refreshTypename applies __typename(T) to the printed name of t.
func (rt *Runtime) refreshTypename(t *types.Type) {
	tn := rt.Metamethod(t, "__typename")
	if tn == lua.LNil {
		return
	}
	vals, err := rt.CallHole(tn, rt.TypeValue(t))
	if err == nil && len(vals) > 0 {
		t.SetDisplayName(lua.LVAsString(vals[0]))
	}
}

// watchMetamethods gives a struct's metamethods table a __newindex
// that notices __typename as soon as it is set.
func (rt *Runtime) watchMetamethods(t *types.Type, tb *lua.LTable) {
	if tb.Metatable != lua.LNil {
		return
	}
	mt := rt.L.NewTable()
	mt.RawSetString("__newindex", rt.L.NewFunction(func(L *lua.LState) int {
		L.CheckTable(1).RawSet(L.Get(2), L.Get(3))
		if k, ok := L.Get(2).(lua.LString); ok && k == "__typename" {
			rt.refreshTypename(t)
		}
		return 0
	}))
	tb.Metatable = mt
}

// IsMacro reports whether v is a macro (check.MacroTester).
func (rt *Runtime) IsMacro(v lua.LValue) bool { return asMacro(v) != nil }
