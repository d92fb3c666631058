// This file implements symbols, labels and quotes as Lua values.
package terralib

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
)

func (rt *Runtime) initObjectMetas() {
	L := rt.L
	rt.symMeta = L.NewTypeMetatable("terra.symbol")
	rt.symMeta.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LString(rt.AsSymbol(L.Get(1)).String()))
		return 1
	}))
	rt.symMeta.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
		sym := rt.AsSymbol(L.Get(1))
		switch L.CheckString(2) {
		case "type":
			if sym.Type != nil {
				L.Push(rt.TypeValue(sym.Type))
				return 1
			}
		case "displayname", "name":
			L.Push(lua.LString(sym.Name))
			return 1
		}
		return 0
	}))
	rt.labelMeta = L.NewTypeMetatable("terra.label")
	rt.labelMeta.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LString("$" + rt.AsLabel(L.Get(1)).Name))
		return 1
	}))
	rt.quoteMeta = L.NewTypeMetatable("terra.quote")
	quoteMethods := L.NewTable()
	L.SetFuncs(quoteMethods, map[string]lua.LGFunction{
		"asvalue": func(L *lua.LState) int {
			L.Push(L.Get(1))
			return 1
		},
	})
	rt.quoteMeta.RawSetString("__index", quoteMethods)
	rt.quoteMeta.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LString("<quote>"))
		return 1
	}))
}

// SymbolValue returns the unique Lua value for a symbol.
func (rt *Runtime) SymbolValue(s *tree.Symbol) lua.LValue {
	if ud, ok := rt.symValues[s]; ok {
		return ud
	}
	ud := rt.L.NewUserData()
	ud.Value = s
	ud.Metatable = rt.symMeta
	rt.symValues[s] = ud
	return ud
}

// AsSymbol returns the symbol a Lua value is, or nil.
func (rt *Runtime) AsSymbol(v lua.LValue) *tree.Symbol {
	return userValue[*tree.Symbol](v)
}

// LabelValue wraps a label.
func (rt *Runtime) LabelValue(l *tree.Label) lua.LValue {
	ud := rt.L.NewUserData()
	ud.Value = l
	ud.Metatable = rt.labelMeta
	return ud
}

// AsLabel returns the label a Lua value is, or nil.
func (rt *Runtime) AsLabel(v lua.LValue) *tree.Label {
	return userValue[*tree.Label](v)
}

// QuoteValue wraps a quote.
func (rt *Runtime) QuoteValue(q *tree.Quote) lua.LValue {
	ud := rt.L.NewUserData()
	ud.Value = q
	ud.Metatable = rt.quoteMeta
	return ud
}

// AsQuote returns the quote a Lua value is, or nil.
func (rt *Runtime) AsQuote(v lua.LValue) *tree.Quote {
	return userValue[*tree.Quote](v)
}

// userValue returns the Go object of type T that a Lua userdata holds,
// or T's zero value when v is something else. Every Terra object kind
// (types, functions, symbols, quotes, …) is recognised this way.
func userValue[T any](v lua.LValue) T {
	if ud, ok := v.(*lua.LUserData); ok {
		if x, ok := ud.Value.(T); ok {
			return x
		}
	}
	var zero T
	return zero
}
