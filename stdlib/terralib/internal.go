// This file implements `$terra`, the table that parsed programs call
// into for every Terra construct (see docs/pipeline.md).
package terralib

import (
	"fmt"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/specialize"
	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/internal/phase"
	"terrac/lang/source"
	"terrac/lang/tast"
)

func (rt *Runtime) initInternal() {
	L := rt.L
	t := L.NewTable()
	declared := map[int][]lua.LValue{}
	L.SetFuncs(t, map[string]lua.LGFunction{
		"declare": func(L *lua.LState) int {
			tr, g := rt.groupArg(L)
			objs := make([]lua.LValue, len(g.Items))
			curs := holeArgs(L)
			// Like Terra: the group's structs are declared first, then its
			// functions in order. A target named earlier in the group holds
			// that item's object by the time a later one is declared
			// (`terra f :: T` then `terra f(…)` define one function).
			earlier := map[string]lua.LValue{}
			// Two definitions of one name in a group are an error, as in
			// Terra (a declaration and a definition are not).
			defined := map[string]*tast.Func{}
			var dups source.List
			for _, structs := range []bool{true, false} {
				for i, item := range g.Items {
					if _, ok := item.(*tast.Struct); ok != structs {
						continue
					}
					var cur lua.LValue = lua.LNil
					name := itemName(item)
					key := strings.Join(name, ".")
					from := 0 // name[:from] is an earlier item of the group
					for k := len(name); k >= 1 && from == 0; k-- {
						if _, ok := earlier[strings.Join(name[:k], ".")]; ok {
							from = k
						}
					}
					switch {
					case from > 0:
						cur = rt.pathValueFrom(L, item, earlier[strings.Join(name[:from], ".")], from)
					case i < len(curs):
						cur = rt.currentPathValue(L, item, rt.currentValue(curs[i]))
					}
					if f, ok := item.(*tast.Func); ok && f.Body != nil {
						if prev := defined[key]; prev != nil {
							at := func(n tast.Node) source.Span {
								a, b := n.Span()
								return source.Span{File: tr.File, Start: a, End: b}
							}
							dups = append(dups, &source.Diagnostic{Span: at(f), Msg: "duplicate definition of function",
								Notes: []source.Note{{Span: at(prev), Msg: "previous definition is here"}}})
						}
						defined[key] = f
					}
					objs[i] = rt.declareItem(L, item, cur)
					earlier[key] = objs[i]
				}
			}
			if len(dups) > 0 {
				rt.raise(L, locatedError{dups, "Errors reported during function declaration."})
			}
			declared[tr.ID] = objs
			for _, o := range objs {
				L.Push(o)
			}
			return len(objs)
		},
		"define": func(L *lua.LState) int {
			tr, g := rt.groupArg(L)
			objs := declared[tr.ID]
			delete(declared, tr.ID)
			sp := specialize.New(rt, tr, holeArgs(L))
			// Like Terra: function types first, then structs (whose
			// metatypes may refer to the group's functions), then bodies.
			for i, item := range g.Items {
				if f, ok := item.(*tast.Func); ok {
					rt.declareFunc(L, sp, f, rt.AsFunction(objs[i]))
				}
			}
			for i, item := range g.Items {
				if st, ok := item.(*tast.Struct); ok {
					rt.defineStruct(L, sp, st, rt.AsType(objs[i]))
				}
			}
			for i, item := range g.Items {
				if f, ok := item.(*tast.Func); ok && f.Body != nil {
					fn := rt.AsFunction(objs[i])
					if fn.Def != nil {
						L.RaiseError("attempting to redefine function %s", fn.Name)
					}
					rt.defineFunc(L, sp, f, fn)
				}
			}
			return 0
		},
		"anonfunction": func(L *lua.LState) int {
			sp, f := rootArg[*tast.Func](rt, L, "function")
			fn := tree.NewFunction("anon")
			rt.defineFunc(L, sp, f, fn)
			L.Push(rt.FunctionValue(fn))
			return 1
		},
		"anonstruct": func(L *lua.LState) int {
			sp, st := rootArg[*tast.Struct](rt, L, "struct")
			ty := rt.newStruct("anon")
			rt.defineStruct(L, sp, st, ty)
			L.Push(rt.TypeValue(ty))
			return 1
		},
		"quote": func(L *lua.LState) int {
			sp, q := rootArg[*tast.Quote](rt, L, "quote")
			out, err := sp.Quote(q)
			if err != nil {
				rt.raise(L, err)
			}
			L.Push(rt.QuoteValue(out))
			return 1
		},
		"escapeassign": func(L *lua.LState) int {
			L.RaiseError("cannot define global variables or assign to upvalues in an escape")
			return 0
		},
		"pointer": func(L *lua.LState) int {
			L.Push(rt.TypeValue(types.PointerTo(rt.checkType(L, 1))))
			return 1
		},
		"funcpointer": func(L *lua.LState) int {
			params, ret := rt.funcTypeArgs(L)
			L.Push(rt.TypeValue(types.PointerTo(types.FuncOf(params, ret, false))))
			return 1
		},
	})
	L.SetGlobal("$terra", t)
}

// rootArg reads the tree-id argument of an anonfunction, anonstruct or
// quote call, checks its root is an R, and prepares its specializer
// with the holes that follow.
func rootArg[R tast.Root](rt *Runtime, L *lua.LState, what string) (*specialize.Specializer, R) {
	tr := rt.treeArg(L)
	root, ok := tr.Root.(R)
	if !ok {
		L.RaiseError("internal error: tree %d is not a %s", tr.ID, what)
	}
	return specialize.New(rt, tr, holeArgs(L)), root
}

// holeArgs returns the arguments after the tree id: the holes (or, for
// declare, the current-value closures). Long lists arrive packed in one
// table (see lang/parse's maxTerraCallArgs); a hole is never a table.
func holeArgs(L *lua.LState) []lua.LValue {
	if L.GetTop() == 2 {
		if tb, ok := L.Get(2).(*lua.LTable); ok {
			hs := make([]lua.LValue, tb.Len())
			for i := range hs {
				hs[i] = tb.RawGetInt(i + 1)
			}
			return hs
		}
	}
	var hs []lua.LValue
	for i := 2; i <= L.GetTop(); i++ {
		hs = append(hs, L.Get(i))
	}
	return hs
}

func (rt *Runtime) treeArg(L *lua.LState) *tast.Tree {
	id := L.CheckInt(1)
	tr := rt.Registry.Get(id)
	if tr == nil {
		L.RaiseError("internal error: no Terra tree %d", id)
	}
	return tr
}

func (rt *Runtime) groupArg(L *lua.LState) (*tast.Tree, *tast.Group) {
	tr := rt.treeArg(L)
	g, ok := tr.Root.(*tast.Group)
	if !ok {
		L.RaiseError("internal error: tree %d is not a group", tr.ID)
	}
	return tr, g
}

// currentValue calls a `function() return <path> end` closure; an
// error (a missing intermediate table, a strict global) means none.
func (rt *Runtime) currentValue(fn lua.LValue) lua.LValue {
	if _, ok := fn.(*lua.LFunction); !ok {
		return lua.LNil
	}
	vals, err := rt.CallHole(fn)
	if err != nil || len(vals) == 0 {
		return lua.LNil
	}
	return vals[0]
}

// itemName is the target path of a group item.
func itemName(item tast.Decl) []string {
	switch item := item.(type) {
	case *tast.Func:
		return item.Name
	case *tast.Struct:
		return item.Name
	}
	return nil
}

// currentPathValue follows a group item's name (A.b.c, or A.methods.m
// for a method) from the value of its first part, and returns what the
// name holds now. A part that is not a table is an error, as in Terra.
func (rt *Runtime) currentPathValue(L *lua.LState, item tast.Decl, v lua.LValue) lua.LValue {
	return rt.pathValueFrom(L, item, v, 1)
}

// pathValueFrom is currentPathValue from v, the value of the name's
// first from parts.
func (rt *Runtime) pathValueFrom(L *lua.LState, item tast.Decl, v lua.LValue, from int) lua.LValue {
	var name []string
	method := false
	switch item := item.(type) {
	case *tast.Func:
		name, method = item.Name, item.Method
	case *tast.Struct:
		name = item.Name
	}
	full := strings.Join(name, ".")
	if method {
		full = strings.Join(name[:len(name)-2], ".") + ":" + name[len(name)-1]
	}
	for i := from; i < len(name); i++ {
		if method && i == len(name)-2 {
			if rt.AsType(v) == nil || !rt.AsType(v).IsStruct() {
				L.RaiseError("expected a struct but found %s when attempting to add method %s", rt.typeOf(v), full)
			}
		}
		indexable := false
		switch v.(type) {
		case *lua.LTable:
			indexable = true
		case *lua.LUserData:
			indexable = L.GetMetaField(v, "__index") != lua.LNil
		}
		if !indexable {
			L.RaiseError("failed attempting to index field '%s' in name '%s' (expected a table but found %s)", name[i-1], full, rt.typeOf(v))
		}
		v = L.GetField(v, name[i])
	}
	return v
}

// declareItem returns the object a group statement defines: the
// existing declaration it completes, or a new one.
func (rt *Runtime) declareItem(L *lua.LState, item tast.Decl, cur lua.LValue) lua.LValue {
	switch item := item.(type) {
	case *tast.Func:
		if fn := rt.AsFunction(cur); fn != nil && !fn.IsDefined() {
			return cur
		}
		return rt.FunctionValue(tree.NewFunction(item.Name[len(item.Name)-1]))
	case *tast.Struct:
		if t := rt.AsType(cur); t != nil && t.Kind == types.Struct && !t.Defined {
			return cur
		}
		return rt.TypeValue(rt.newStruct(item.Name[len(item.Name)-1]))
	}
	L.RaiseError("internal error: unknown group item %T", item)
	return lua.LNil
}

// declareFunc gives a group's function its declared type (`terra f :: T`)
// or evaluates its definition's signature.
func (rt *Runtime) declareFunc(L *lua.LState, sp *specialize.Specializer, item *tast.Func, fn *tree.Function) {
	phase.Enter(phase.Specialize)
	defer phase.Leave()
	if item.Body == nil {
		t, err := sp.FuncType(item)
		if err != nil {
			rt.raise(L, err)
		}
		if fn.Type != nil && fn.Type != t {
			L.RaiseError("attempting to redeclare function %s with a different type", fn.Name)
		}
		fn.Type = t
		return
	}
	if fn.Def != nil {
		L.RaiseError("attempting to redefine function %s", fn.Name)
	}
	if err := sp.Signature(item, fn); err != nil {
		rt.raise(L, err)
	}
}

func (rt *Runtime) defineFunc(L *lua.LState, sp *specialize.Specializer, f *tast.Func, fn *tree.Function) {
	phase.Enter(phase.Specialize)
	defer phase.Leave()
	if err := sp.Function(f, fn); err != nil {
		rt.raise(L, err)
	}
	rt.Engine.CompileAhead(fn)
}

func (rt *Runtime) defineStruct(L *lua.LState, sp *specialize.Specializer, st *tast.Struct, t *types.Type) {
	if !st.Defined {
		return
	}
	if t.Defined {
		L.RaiseError("attempting to redefine struct %s", t)
	}
	phase.Enter(phase.Specialize)
	entries, err := sp.StructEntries(st)
	phase.Leave()
	if err != nil {
		rt.raise(L, err)
	}
	t.Defined = true
	sl := t.Lua.(*structLua)
	for _, e := range entries {
		sl.entries.Append(rt.entryValue(e))
	}
	if st.Metatype != nil {
		vals, ok := sp.HoleValue(st.Metatype)
		if ok && len(vals) > 0 {
			if _, err := rt.invokeUser("invoking metatype function", sp.Span(st), vals[0], rt.TypeValue(t)); err != nil {
				if ce, ok := err.(*CallbackError); ok {
					err = ce.located()
				}
				rt.raise(L, err)
			}
		}
	}
}

// entryValue makes the Lua form of a struct entry: {field=, type=} or
// a list of entries for a union.
func (rt *Runtime) entryValue(e types.Entry) lua.LValue {
	tb := rt.L.NewTable()
	if e.Union != nil {
		tb.Metatable = rt.listMeta // a union is a list of entries, as in Terra
		for _, u := range e.Union {
			tb.Append(rt.entryValue(u))
		}
		return tb
	}
	tb.RawSetString("field", lua.LString(e.Name))
	tb.RawSetString("type", rt.TypeValue(e.Type))
	return tb
}

// newStruct makes a struct whose layout comes from its Lua entries
// table when it is completed.
func (rt *Runtime) newStruct(name string) *types.Type {
	t := types.NewStruct(name) // types gives each struct a distinct printed name
	rt.TypeValue(t)
	t.Completer = rt.completeFromLua
	t.Initialized = rt.staticInitialize
	return t
}

func (rt *Runtime) entriesFromLua(t *types.Type, tb *lua.LTable) ([]types.Entry, error) {
	var out []types.Entry
	for i := 1; i <= tb.Len(); i++ {
		e, ok := tb.RawGetInt(i).(*lua.LTable)
		if !ok {
			return nil, fmt.Errorf("expected either a field type pair (e.g. { field = <string>, type = <type> } or {<string>,<type>} ) or a list of valid entries representing a union in the entries of %s", t)
		}
		name, ty := e.RawGetString("field"), e.RawGetString("type")
		if name == lua.LNil && ty == lua.LNil {
			if e.Len() == 2 {
				if _, isStr := e.RawGetInt(1).(lua.LString); isStr {
					name, ty = e.RawGetInt(1), e.RawGetInt(2)
				}
			}
		}
		if name == lua.LNil && ty == lua.LNil {
			u, err := rt.entriesFromLua(t, e)
			if err != nil {
				return nil, err
			}
			out = append(out, types.Entry{Union: u})
			continue
		}
		ft := rt.AsType(ty)
		_, strName := name.(lua.LString)
		if ft == nil || !strName && rt.AsLabel(name) == nil {
			return nil, fmt.Errorf("expected either a field type pair (e.g. { field = <string>, type = <type> } or {<string>,<type>} ) or a list of valid entries representing a union in the entries of %s", t)
		}
		fname := lua.LVAsString(name)
		if l := rt.AsLabel(name); l != nil {
			fname = l.FieldName()
		}
		out = append(out, types.Entry{Field: types.Field{Name: fname, Type: ft}})
	}
	return out, nil
}

// groupItemName is the dotted path a group item defines.
func groupItemName(item tast.Decl) string {
	switch item := item.(type) {
	case *tast.Func:
		return strings.Join(item.Name, ".")
	case *tast.Struct:
		return strings.Join(item.Name, ".")
	}
	return ""
}
