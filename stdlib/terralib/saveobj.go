// This file implements terralib.saveobj and terralib.newtarget: saving
// Terra functions as objects, assembly, bitcode, IR, executables and
// shared libraries (package aot does the work).
package terralib

import (
	"fmt"
	"sort"
	"unsafe"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/specialize"
	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/runtime/aot"
	"terrac/runtime/engine"
	"terrac/runtime/jit"
)

const targetClass = "terra.target"

func (rt *Runtime) initSaveobj() {
	L := rt.L
	tl := L.GetGlobal("terralib").(*lua.LTable)
	L.NewTypeMetatable(targetClass)
	tl.RawSetString("saveobj", L.NewFunction(rt.luaSaveobj))
	tl.RawSetString("newtarget", L.NewFunction(rt.luaNewTarget))
}

// luaNewTarget is terralib.newtarget{Triple=…, CPU=…, Features=…}.
func (rt *Runtime) luaNewTarget(L *lua.LState) int {
	opts := L.CheckTable(1)
	t := &jit.Target{}
	get := func(k string) string {
		v := opts.RawGetString(k)
		switch v := v.(type) {
		case lua.LString:
			return string(v)
		case *lua.LNilType:
			return ""
		}
		L.ArgError(1, fmt.Sprintf("%s must be a string", k))
		return ""
	}
	t.Triple, t.CPU, t.Features = get("Triple"), get("CPU"), get("Features")
	ud := L.NewUserData()
	ud.Value = t
	L.SetMetatable(ud, L.GetTypeMetatable(targetClass))
	L.Push(ud)
	return 1
}

// luaSaveobj is terralib.saveobj(filename [, kind], functions [, linkargs,
// target, optimize]). A nil filename returns the output as a string.
func (rt *Runtime) luaSaveobj(L *lua.LState) int {
	filename := ""
	switch v := L.Get(1).(type) {
	case lua.LString:
		filename = string(v)
	case *lua.LNilType:
	default:
		L.ArgError(1, "file name (string or nil) expected")
	}
	n := 2
	kind := ""
	if s, ok := L.Get(2).(lua.LString); ok {
		kind = string(s)
		n = 3
	}
	exports, err := rt.SaveExports(L.Get(n))
	if err != nil {
		L.ArgError(n, err.Error())
	}
	var linkargs []string
	if tb, ok := L.Get(n + 1).(*lua.LTable); ok {
		for i := 1; i <= tb.Len(); i++ {
			linkargs = append(linkargs, lua.LVAsString(tb.RawGetInt(i)))
		}
	}
	o := rt.SaveOptions(aot.Options{Opt: 3})
	// Under terra -g (terralib.isdebug > 0) saved code carries debug
	// information too, as Terra's does.
	o.Debug = rt.Engine.DebugLevel() == engine.DebugFull
	if ud, ok := L.Get(n + 2).(*lua.LUserData); ok {
		if t, ok := ud.Value.(*jit.Target); ok {
			o.Target = *t
		}
	}
	switch v := L.Get(n + 3).(type) {
	case lua.LBool:
		if !v {
			o.Opt = 0
		}
	case lua.LNumber:
		o.Opt = int(v)
	case *lua.LTable:
		// {OptLevel = 0..3, fastmath = flags, Debug = bool}
		if lv, ok := v.RawGetString("OptLevel").(lua.LNumber); ok {
			o.Opt = int(lv)
		}
		fm := v.RawGetString("fastmath")
		if fm == lua.LNil {
			fm = v.RawGetString("FastMath")
		}
		o.FastMath = fastMathNames(L, fm)
		if d := v.RawGetString("Debug"); d != lua.LNil {
			o.Debug = lua.LVAsBool(d)
		}
	}
	out, err := aot.Save(filename, kind, exports, rt.Engine.Check, linkargs, o)
	if err != nil {
		rt.raiseAt(L, err)
	}
	if filename == "" {
		L.Push(lua.LString(out))
		return 1
	}
	return 0
}

// SaveExports reads the functions to save: a table {name = terrafn, …}
// (sorted by name), or a single Terra function saved under its own name.
func (rt *Runtime) SaveExports(v lua.LValue) ([]aot.Export, error) {
	if fn := rt.AsFunction(v); fn != nil {
		return []aot.Export{{Name: fn.Name, Fn: fn}}, nil
	}
	tb, ok := v.(*lua.LTable)
	if !ok {
		return nil, fmt.Errorf("table of terra functions expected, got %s", v.Type())
	}
	var es []aot.Export
	var bad error
	tb.ForEach(func(k, fv lua.LValue) {
		name, ok := k.(lua.LString)
		fn, g := rt.AsFunction(fv), rt.AsGlobal(fv)
		if !ok || fn == nil && g == nil {
			if bad == nil {
				bad = fmt.Errorf("expected terra global or function but found %s (for key %s)", rt.typeOf(fv), k)
			}
			return
		}
		es = append(es, aot.Export{Name: string(name), Fn: fn, Global: g})
	})
	if bad != nil {
		return nil, bad
	}
	sort.Slice(es, func(i, j int) bool { return es[i].Name < es[j].Name })
	return es, nil
}

// GlobalBytes returns the current contents of a global's storage,
// creating and initializing it first if needed.
func (rt *Runtime) GlobalBytes(g *tree.Global) ([]byte, error) {
	addr, err := rt.Engine.Global(g)
	if err != nil {
		return nil, err
	}
	return append([]byte(nil), unsafe.Slice((*byte)(addrPtr(addr)), g.Type.Size())...), nil
}

// SaveOptions adds to o what saving needs from the runtime: the values
// of globals, their initializers, and the libraries the program linked.
func (rt *Runtime) SaveOptions(o aot.Options) aot.Options {
	o.GlobalValue = rt.GlobalBytes
	o.GlobalInit = rt.GlobalInitializer
	o.Libraries = append([]string(nil), rt.linked...)
	o.CModules = rt.Engine.CModules()
	return o
}

// GlobalInitializer returns a function that stores g's initializer (a
// Terra expression, or the Lua value it was created with) in g, or nil
// when g has no initializer that Terra code can express.
func (rt *Runtime) GlobalInitializer(g *tree.Global) (*tree.Function, error) {
	var init tree.Expr
	if g.Init != nil {
		init = tree.CopyExpr(g.Init)
	} else if v := glua(g).init; v != nil {
		e, err := specialize.Convert(rt, v, g.Pos)
		if err != nil {
			return nil, nil
		}
		init = e
	} else {
		return nil, nil
	}
	at := init.Span()
	// Through @&g: a constant's storage is written once, here.
	ref := &tree.GlobalRef{ExprBase: tree.ExprBase{Pos: at}, G: g}
	addr := &tree.Unary{ExprBase: tree.ExprBase{Pos: at}, Op: "&", X: ref}
	lhs := &tree.Unary{ExprBase: tree.ExprBase{Pos: at}, Op: "@", X: addr}
	rhs := &tree.Cast{ExprBase: tree.ExprBase{Pos: at, Type: g.Type}, X: init}
	fn := tree.NewFunction("init." + g.Name)
	fn.Def = &tree.FuncDef{Pos: at, Result: types.Unit(),
		Body: &tree.Block{StmtBase: tree.StmtBase{Pos: at}, Stmts: []tree.Stmt{&tree.Assign{StmtBase: tree.StmtBase{Pos: at}, Lhs: []tree.Expr{lhs}, Rhs: []tree.Expr{rhs}}}}}
	return fn, nil
}

// fastMathNames reads a fastmath option: true (every flag), false or nil
// (none), one flag name, or a list of flag names.
func fastMathNames(L *lua.LState, v lua.LValue) []string {
	switch v := v.(type) {
	case lua.LBool:
		if v {
			return []string{"fast"}
		}
	case lua.LString:
		return []string{string(v)}
	case *lua.LTable:
		var out []string
		for i := 1; i <= v.Len(); i++ {
			s, ok := v.RawGetInt(i).(lua.LString)
			if !ok {
				L.RaiseError("fastmath flags must be strings")
			}
			out = append(out, string(s))
		}
		return out
	case *lua.LNilType:
	default:
		L.RaiseError("fastmath must be a boolean, a flag name or a list of flag names")
	}
	return nil
}
