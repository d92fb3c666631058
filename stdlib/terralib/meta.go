// This file implements the metaprogramming API Lua sees: quote methods
// (:gettype, :astype, :asvalue, …), macro constructors, type and
// function reflection, terralib.type and the is* predicates.
package terralib

import (
	"fmt"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/specialize"
	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
	"terrac/runtime/cdata"
	"terrac/runtime/jit"
)

func (rt *Runtime) initMeta() {
	rt.initQuoteAPI()
	rt.initMacroAPI()
	rt.initReflection()
	rt.initLibraries()
}

func (rt *Runtime) checkQuote(L *lua.LState, n int) *tree.Quote {
	q := rt.AsQuote(L.Get(n))
	if q == nil {
		L.ArgError(n, "quote expected, got "+L.Get(n).Type().String())
	}
	return q
}

// quoteExpr is the expression a quote stands for when spliced.
func (rt *Runtime) quoteExpr(L *lua.LState, q *tree.Quote) tree.Expr {
	var at source.Span
	if len(q.Exprs) > 0 {
		at = q.Exprs[0].Span()
	}
	e, err := specialize.Convert(rt, rt.QuoteValue(q), at)
	if err != nil {
		L.RaiseError("%s", err.Error())
	}
	return e
}

func (rt *Runtime) initQuoteAPI() {
	L := rt.L
	rt.initTrees()
	methods := rt.quoteMeta.RawGetString("__index").(*lua.LTable)
	L.SetFuncs(methods, map[string]lua.LGFunction{
		"gettype": func(L *lua.LState) int {
			q := rt.checkQuote(L, 1)
			if !q.IsExpr {
				L.RaiseError("quote is a statement, not an expression")
			}
			t, err := rt.checker.TypeOf(rt.quoteExpr(L, q))
			if err != nil {
				rt.raise(L, err)
			}
			L.Push(rt.TypeValue(t))
			return 1
		},
		"astype": func(L *lua.LState) int {
			q := rt.checkQuote(L, 1)
			var t *types.Type
			if q.IsExpr && len(q.Exprs) == 1 && len(q.Stmts) == 0 {
				t = rt.exprAsType(unwrapPrechecked(q.Exprs[0]))
			}
			if t == nil {
				L.RaiseError("quoted value is not a type")
			}
			L.Push(rt.TypeValue(t))
			return 1
		},
		"asvalue": func(L *lua.LState) int {
			q := rt.checkQuote(L, 1)
			if q.IsExpr && len(q.Exprs) == 1 && len(q.Stmts) == 0 {
				if v, ok := rt.constantValue(unwrapPrechecked(q.Exprs[0])); ok {
					L.Push(v)
					return 1
				}
			}
			// Anything else is evaluated as a constant, as Terra does
			// (`2 * 3` gives 6); what cannot be one gives nil and why.
			err := L.CallByParam(lua.P{Fn: L.NewFunction(func(L *lua.LState) int {
				L.Push(L.GetGlobal("constant"))
				L.Push(L.Get(1))
				L.Call(1, 1)
				c := L.Get(-1)
				L.Push(L.GetField(c, "get"))
				L.Push(c)
				L.Call(1, 1)
				return 1
			}), NRet: 1, Protect: true}, L.Get(1))
			if err != nil {
				L.Push(lua.LNil)
				L.Push(lua.LString("not a constant value (note: :asvalue() isn't implement for all constants yet), error propagating constant was: " + luaErrorText(err)))
				return 2
			}
			return 1
		},
		"islvalue": func(L *lua.LState) int {
			q := rt.checkQuote(L, 1)
			if !q.IsExpr {
				L.Push(lua.LFalse)
				return 1
			}
			x, err := rt.checker.CheckCopy(rt.quoteExpr(L, q))
			L.Push(lua.LBool(err == nil && x.Base().LValue))
			return 1
		},
		"isluaobject": func(L *lua.LState) int {
			q := rt.checkQuote(L, 1)
			ok := false
			if q.IsExpr && len(q.Exprs) == 1 && len(q.Stmts) == 0 {
				lv, isLua := unwrapPrechecked(q.Exprs[0]).(*tree.LuaValue)
				ok = isLua && lv.Type == nil && rt.AsType(lv.Value) == nil
				if isLua && rt.AsType(lv.Value) != nil {
					ok = true
				}
			}
			L.Push(lua.LBool(ok))
			return 1
		},
		"printpretty": func(L *lua.LState) int {
			jit.StdoutWrite([]byte(prettyQuote(rt.checkQuote(L, 1), breakLines(L.Get(2)))))
			return 0
		},
		"prettystring": func(L *lua.LState) int {
			L.Push(lua.LString(prettyQuote(rt.checkQuote(L, 1), breakLines(L.Get(2)))))
			return 1
		},
		"isexpression": func(L *lua.LState) int {
			L.Push(lua.LBool(rt.checkQuote(L, 1).IsExpr))
			return 1
		},
	})
	index := methods
	rt.quoteMeta.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
		q := rt.checkQuote(L, 1)
		if k, ok := L.Get(2).(lua.LString); ok && k == "tree" {
			L.Push(rt.treeValue(q))
			return 1
		}
		L.Push(index.RawGet(L.Get(2)))
		return 1
	}))
	rt.quoteMeta.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LString(prettyQuote(rt.checkQuote(L, 1), false)))
		return 1
	}))
}

func unwrapPrechecked(e tree.Expr) tree.Expr {
	for {
		switch x := e.(type) {
		case *tree.Prechecked:
			e = x.X
		case *tree.Paren:
			e = x.X
		default:
			return e
		}
	}
}

// constantValue is a quoted constant as a Lua value.
func (rt *Runtime) constantValue(e tree.Expr) (lua.LValue, bool) {
	switch e := e.(type) {
	case *tree.IntLit:
		if e.Type != nil && e.Type.Signed {
			return lua.LNumber(float64(int64(e.Bits))), true
		}
		return lua.LNumber(float64(e.Bits)), true
	case *tree.FloatLit:
		return lua.LNumber(e.Value), true
	case *tree.BoolLit:
		return lua.LBool(e.Value), true
	case *tree.StringLit:
		return lua.LString(e.Value), true
	case *tree.LuaValue:
		return e.Value, true
	case *tree.FuncRef:
		return rt.FunctionValue(e.Fn), true
	case *tree.Var:
		return rt.SymbolValue(e.Sym), true
	case *tree.Unary:
		if e.Op == "-" {
			if v, ok := rt.constantValue(e.X); ok {
				if n, ok := v.(lua.LNumber); ok {
					return -n, true
				}
			}
		}
	case *tree.Cast:
		return rt.constantValue(e.X)
	case *tree.Constructor:
		// A table: by position for positional fields, else by name.
		t := rt.L.NewTable()
		for i, f := range e.Fields {
			v, ok := rt.constantValue(f.Value)
			if !ok {
				return nil, false
			}
			if f.Name != "" {
				t.RawSetString(f.Name, v)
			} else {
				t.RawSetInt(i+1, v)
			}
		}
		return t, true
	}
	return nil, false
}

func (rt *Runtime) initMacroAPI() {
	L := rt.L
	newMacro := func(L *lua.LState) int {
		m := &Macro{Name: "macro", Fn: L.Get(1), FromLua: L.Get(2)}
		if _, ok := m.Fn.(*lua.LFunction); !ok {
			L.ArgError(1, "macro expects a function")
		}
		L.Push(rt.macroValue(m))
		return 1
	}
	L.SetGlobal("macro", L.NewFunction(newMacro))
	tl := L.GetGlobal("terralib").(*lua.LTable)
	tl.RawSetString("createmacro", L.NewFunction(newMacro))
	tl.RawSetString("macro", L.NewFunction(newMacro))
	// internalmacro functions take a diagnostics object and the call's
	// tree before the quoted arguments.
	tl.RawSetString("internalmacro", L.NewFunction(func(L *lua.LState) int {
		fn := L.CheckFunction(1)
		wrapped := L.NewFunction(func(L *lua.LState) int {
			top := L.GetTop()
			L.Push(fn)
			L.Push(lua.LNil)
			L.Push(lua.LNil)
			for i := 1; i <= top; i++ {
				L.Push(L.Get(i))
			}
			L.Call(top+2, lua.MultRet)
			return L.GetTop() - top
		})
		L.Push(rt.macroValue(&Macro{Name: "macro", Fn: wrapped, FromLua: L.Get(2)}))
		return 1
	}))
	rt.macroMeta.RawSetString("__call", L.NewFunction(func(L *lua.LState) int {
		m := asMacro(L.Get(1))
		if m.Lua != nil {
			// A builtin with a Lua form (vector(T, N) makes a type).
			L.Remove(1)
			return m.Lua(L)
		}
		if m.FromLua == nil || m.FromLua == lua.LNil {
			L.RaiseError("macros must be called from inside terra code")
		}
		top := L.GetTop()
		L.Push(m.FromLua)
		for i := 2; i <= top; i++ {
			L.Push(L.Get(i))
		}
		L.Call(top-1, lua.MultRet)
		return L.GetTop() - top
	}))
}

// typeOf is terralib.type(o): "terra type", "terra function", … for
// Terra objects, else Lua's type name.
func (rt *Runtime) typeOf(v lua.LValue) string {
	switch {
	case rt.AsType(v) != nil:
		return "terratype"
	case rt.AsFunction(v) != nil:
		return "terrafunction"
	case rt.AsQuote(v) != nil:
		return "terraquote"
	case rt.AsSymbol(v) != nil:
		return "terrasymbol"
	case rt.AsLabel(v) != nil:
		return "terralabel"
	case asMacro(v) != nil:
		return "terramacro"
	case rt.AsGlobal(v) != nil:
		return "terraglobalvariable"
	case asOverloaded(v) != nil:
		return "overloadedterrafunction"
	}
	if tb, ok := v.(*lua.LTable); ok && tb.Metatable == rt.listMeta && rt.listMeta != nil {
		return "list"
	}
	if _, ok := cdata.Is(v); ok {
		return "cdata"
	}
	return v.Type().String()
}

// layoutEntries lists a completed struct's fields, union members
// included, as Terra's layout entries: key, type, allocation (the storage
// slot; union members share one), inunion, plus our byte offset.
func (rt *Runtime) layoutEntries(t *types.Type, lay *types.Layout) *lua.LTable {
	L := rt.L
	var inUnion []bool
	var walk func(es []types.Entry, in bool)
	walk = func(es []types.Entry, in bool) {
		for _, e := range es {
			if e.Union != nil {
				walk(e.Union, true)
			} else {
				inUnion = append(inUnion, in)
			}
		}
	}
	walk(t.Entries, false)
	tb := L.NewTable()
	tb.Metatable = rt.listMeta
	for i, f := range lay.Fields {
		e := L.NewTable()
		e.RawSetString("key", lua.LString(f.Name))
		e.RawSetString("field", lua.LString(f.Name))
		e.RawSetString("type", rt.TypeValue(f.Type))
		e.RawSetString("offset", lua.LNumber(f.Offset))
		e.RawSetString("allocation", lua.LNumber(f.Index))
		e.RawSetString("inunion", lua.LBool(i < len(inUnion) && inUnion[i]))
		tb.Append(e)
	}
	return tb
}

func (rt *Runtime) initReflection() {
	L := rt.L
	tl := L.GetGlobal("terralib").(*lua.LTable)
	L.SetFuncs(tl, map[string]lua.LGFunction{
		"type": func(L *lua.LState) int {
			L.Push(lua.LString(rt.typeOf(L.Get(1))))
			return 1
		},
	})
	// Type reflection.
	tm := rt.typeMeta
	oldIndex := tm.RawGetString("__index").(*lua.LFunction)
	extra := map[string]*lua.LFunction{
		"getentries": L.NewFunction(func(L *lua.LState) int {
			t := rt.checkType(L, 1)
			if t.Kind != types.Struct {
				L.RaiseError("%s is not a struct", t)
			}
			if err := t.Complete(); err != nil {
				L.RaiseError("%s", err.Error())
			}
			tb := L.NewTable()
			tb.Metatable = rt.listMeta
			for _, e := range t.Entries {
				tb.Append(rt.entryValue(e))
			}
			L.Push(tb)
			return 1
		}),
		"getlayout": L.NewFunction(func(L *lua.LState) int {
			t := rt.checkType(L, 1)
			lay, err := t.Layout()
			if err != nil {
				L.RaiseError("%s", err.Error())
			}
			tb := L.NewTable()
			ents := rt.layoutEntries(t, lay)
			keys := L.NewTable()
			for i, f := range lay.Fields {
				keys.RawSetString(f.Name, lua.LNumber(i)) // 0-based, as in Terra
			}
			tb.RawSetString("entries", ents)
			tb.RawSetString("keytoindex", keys)
			tb.RawSetString("size", lua.LNumber(lay.Size))
			tb.RawSetString("align", lua.LNumber(lay.Align))
			L.Push(tb)
			return 1
		}),
		"printpretty": L.NewFunction(func(L *lua.LState) int {
			jit.StdoutWrite([]byte(rt.layoutString(rt.checkType(L, 1)) + "\n"))
			return 0
		}),
		"layoutstring": L.NewFunction(func(L *lua.LState) int {
			L.Push(lua.LString(rt.layoutString(rt.checkType(L, 1))))
			return 1
		}),
		"getfields": L.NewFunction(func(L *lua.LState) int {
			t := rt.checkType(L, 1)
			lay, err := t.Layout()
			if err != nil {
				L.RaiseError("%s", err.Error())
			}
			L.Push(rt.layoutEntries(t, lay))
			return 1
		}),
		"getfield": L.NewFunction(func(L *lua.LState) int {
			t := rt.checkType(L, 1)
			name := L.CheckString(2)
			lay, err := t.Layout()
			if err != nil {
				L.RaiseError("%s", err.Error())
			}
			ents := rt.layoutEntries(t, lay)
			for i, f := range lay.Fields {
				if f.Name == name {
					L.Push(ents.RawGetInt(i + 1))
					return 1
				}
			}
			L.Push(lua.LNil)
			L.Push(lua.LString(fmt.Sprintf("field name '%s' is not a raw field of type %s", name, t)))
			return 2
		}),
		"setconvertible": L.NewFunction(func(L *lua.LState) int {
			rt.checkType(L, 1).Convertible = true
			return 0
		}),
	}
	tm.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
		if k, ok := L.Get(2).(lua.LString); ok {
			t := rt.checkType(L, 1)
			if f, ok := extra[string(k)]; ok {
				if t.Kind != types.Struct || rt.structField(t, string(k)) == lua.LNil {
					L.Push(f)
					return 1
				}
			}
		}
		top := L.GetTop()
		L.Push(oldIndex)
		L.Push(L.Get(1))
		L.Push(L.Get(2))
		L.Call(2, 1)
		return L.GetTop() - top
	}))
	oldTostring := tm.RawGetString("__tostring")
	tm.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		t := rt.checkType(L, 1)
		if t.Kind == types.Struct {
			rt.refreshTypename(t)
		}
		L.Push(oldTostring)
		L.Push(L.Get(1))
		L.Call(1, 1)
		return 1
	}))
	// Function reflection.
	fidx := rt.funcMeta.RawGetString("__index").(*lua.LFunction)
	fextra := map[string]*lua.LFunction{
		"printpretty": L.NewFunction(func(L *lua.LState) int {
			fn := rt.checkFunction(L, 1)
			// Printing needs the typed body, so it typechecks a defined
			// function first (lazily, where Terra did at definition) and
			// reports its errors.
			if err := rt.Engine.Check(fn); err != nil && fn.Def != nil {
				rt.raise(L, err)
			}
			jit.StdoutWrite([]byte(prettyFunction(fn, breakLines(L.Get(2)))))
			return 0
		}),
		"prettystring": L.NewFunction(func(L *lua.LState) int {
			fn := rt.checkFunction(L, 1)
			_ = rt.Engine.Check(fn)
			L.Push(lua.LString(prettyFunction(fn, breakLines(L.Get(2)))))
			return 1
		}),
		"disas":      L.NewFunction(rt.luaFuncDisas), // disas.go
		"printstats": L.NewFunction(rt.luaPrintStats),
	}
	rt.funcMeta.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
		if k, ok := L.Get(2).(lua.LString); ok {
			if f, ok := fextra[string(k)]; ok {
				L.Push(f)
				return 1
			}
		}
		top := L.GetTop()
		L.Push(fidx)
		L.Push(L.Get(1))
		L.Push(L.Get(2))
		L.Call(2, 1)
		return L.GetTop() - top
	}))
}

// structField is a user-stored field on a struct type (they shadow the
// reflection methods, as on any Lua table).
func (rt *Runtime) structField(t *types.Type, name string) lua.LValue {
	if sl, ok := t.Lua.(*structLua); ok {
		return sl.fields.RawGetString(name)
	}
	return lua.LNil
}

// layoutString prints a type with its fields, as :printpretty() does.
func (rt *Runtime) layoutString(t *types.Type) string {
	if t.Kind != types.Struct {
		return t.String()
	}
	var b strings.Builder
	b.WriteString("struct " + t.String() + " {")
	if err := t.Complete(); err == nil {
		var walk func(es []types.Entry, ind string)
		walk = func(es []types.Entry, ind string) {
			for _, e := range es {
				if e.Union != nil {
					b.WriteString("\n" + ind + "union {")
					walk(e.Union, ind+"  ")
					b.WriteString("\n" + ind + "}")
					continue
				}
				b.WriteString("\n" + ind + e.Name + " : " + e.Type.String())
			}
		}
		walk(t.Entries, "  ")
		b.WriteString("\n")
	}
	b.WriteString("}")
	return b.String()
}

// breakLines reads printpretty's optional argument: line breaking is on
// unless it is false.
func breakLines(v lua.LValue) bool { return v == lua.LNil || lua.LVAsBool(v) }
