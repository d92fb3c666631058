// This file implements global variables and constants as Lua values:
// global(...), constant(...), their methods, and the engine's
// GlobalStore (storage is C memory owned by the runtime).
package terralib

import (
	"fmt"
	"math"
	"unsafe"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/specialize"
	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
	"terrac/runtime/cdata"
)

// globalLua is what the runtime keeps about a global besides the tree.
type globalLua struct {
	ud *lua.LUserData
	// init is an initializer given as a plain Lua value (number,
	// table, cdata …), stored with cdata.Store; nil when the global has
	// a Terra initializer (tree.Global.Init) or none.
	init lua.LValue
	// luaConstant is set for constant(v) with a Lua value v: Terra
	// code sees scalar ones as literals, and it is no global variable.
	luaConstant bool
	mem         *cdata.Value // storage, kept alive for the program
}

func (rt *Runtime) globalValue(g *tree.Global) lua.LValue {
	if gl, ok := g.Lua.(*globalLua); ok && gl.ud != nil {
		return gl.ud
	}
	ud := rt.L.NewUserData()
	ud.Value = g
	ud.Metatable = rt.L.GetTypeMetatable("terra.globalvar")
	gl, _ := g.Lua.(*globalLua)
	if gl == nil {
		gl = &globalLua{}
		g.Lua = gl
	}
	gl.ud = ud
	return ud
}

// AsGlobal returns the global a Lua value is, or nil.
func (rt *Runtime) AsGlobal(v lua.LValue) *tree.Global {
	return userValue[*tree.Global](v)
}

func (rt *Runtime) checkGlobal(L *lua.LState) *tree.Global {
	g := rt.AsGlobal(L.Get(1))
	if g == nil {
		L.ArgError(1, "global variable expected")
	}
	return g
}

func glua(g *tree.Global) *globalLua { return g.Lua.(*globalLua) }

// TerraObject turns globals and constants used in Terra code into
// expressions (check.ObjectHost, specialize.ObjectHost).
func (rt *Runtime) TerraObject(v lua.LValue, at source.Span) tree.Expr {
	if o := asTree(v); o != nil {
		return o.expr(at)
	}
	g := rt.AsGlobal(v)
	if g == nil {
		return nil
	}
	if gl := glua(g); gl.luaConstant {
		if x := scalarLiteral(gl.init, g.Type, at); x != nil {
			return x
		}
	}
	return &tree.GlobalRef{ExprBase: tree.ExprBase{Pos: at}, G: g}
}

// scalarLiteral is the literal of type t for a Lua number, boolean or
// string, or nil.
func scalarLiteral(v lua.LValue, t *types.Type, at source.Span) tree.Expr {
	eb := tree.ExprBase{Pos: at, Type: t}
	switch v := v.(type) {
	case lua.LNumber:
		switch {
		case t.IsIntegral():
			f := float64(v)
			if t.Signed || f < 0 {
				return &tree.IntLit{ExprBase: eb, Bits: uint64(int64(f))}
			}
			return &tree.IntLit{ExprBase: eb, Bits: uint64(f)}
		case t.IsFloat():
			return &tree.FloatLit{ExprBase: eb, Value: float64(v)}
		}
	case lua.LBool:
		if t.IsLogical() {
			return &tree.BoolLit{ExprBase: eb, Value: bool(v)}
		}
	case lua.LString:
		if t == types.PointerTo(types.Int8) {
			return &tree.StringLit{ExprBase: eb, Value: string(v)}
		}
	}
	return nil
}

// luaValueType is the type Terra gives a plain Lua value used as an
// initializer without a type, or nil.
func (rt *Runtime) luaValueType(v lua.LValue) *types.Type {
	switch v := v.(type) {
	case lua.LNumber:
		f := float64(v)
		if f == math.Trunc(f) && f >= math.MinInt32 && f <= math.MaxInt32 {
			return types.Int32
		}
		return types.Float64
	case lua.LBool:
		return types.Boolean
	case lua.LString:
		return types.PointerTo(types.Int8)
	}
	if cv, ok := cdata.Is(v); ok {
		return cv.T
	}
	return nil
}

// setInitializer checks init for g (whose Type may still be nil) and
// records it, raising a Lua error when it is not acceptable.
func (rt *Runtime) setInitializer(L *lua.LState, g *tree.Global, init lua.LValue, at source.Span) {
	gl := glua(g)
	gl.init, g.Init = nil, nil
	if init == lua.LNil {
		if g.Type == nil {
			L.RaiseError("type must be specified for globals without an initializer")
		}
		return
	}
	q := rt.AsQuote(init)
	if q == nil && rt.AsFunction(init) == nil && rt.AsGlobal(init) == nil {
		// A plain Lua value: stored with the Lua → C conversion rules.
		if g.Type == nil {
			g.Type = rt.luaValueType(init)
			if g.Type == nil {
				L.RaiseError("type must be specified for globals initialized with a Lua %s", init.Type())
			}
		}
		if err := g.Type.Complete(); err != nil {
			L.RaiseError("%s", err.Error())
		}
		tmp := cdata.New(g.Type)
		var keep []unsafe.Pointer
		if err := cdata.Store(rt, tmp.Ptr, g.Type, init, &keep); err != nil {
			L.RaiseError("%s", err.Error())
		}
		gl.init = init
		return
	}
	e, err := specialize.Convert(rt, init, at)
	if err != nil {
		L.RaiseError("%s", err.Error())
	}
	x, err := rt.Engine.Checker.Initializer(tree.CopyExpr(e), g.Type)
	if err != nil {
		rt.raise(L, err)
	}
	if g.Type == nil {
		g.Type = tree.TypeOf(x)
	}
	g.Init = e
}

// newGlobal implements global(...) and constant(...).
func (rt *Runtime) newGlobal(L *lua.LState, constant bool) int {
	n := 1
	t := rt.AsType(L.Get(1))
	if t != nil {
		n = 2
	}
	init := L.Get(n)
	name := L.OptString(n+1, "")
	if constant && name == "" {
		name = "<constant>"
	}
	g := tree.NewGlobal(name, t)
	g.Lua = &globalLua{}
	g.Pos = rt.callerSpan(L)
	if !constant {
		g.Extern = L.ToBool(n + 2)
		g.Constant = L.ToBool(n + 3)
	} else {
		g.Constant = true
	}
	if g.Extern {
		if name == "" {
			L.RaiseError("extern globals need a name")
		}
		g.LinkName = name
		if t == nil {
			L.RaiseError("type must be specified for extern globals")
		}
		L.Push(rt.globalValue(g))
		return 1
	}
	rt.setInitializer(L, g, init, g.Pos)
	glua(g).luaConstant = constant && glua(g).init != nil
	L.Push(rt.globalValue(g))
	return 1
}

// callerSpan is the position of the Lua code calling the current Go
// function (for initializers given as Lua values).
func (rt *Runtime) callerSpan(L *lua.LState) source.Span {
	dbg, ok := L.GetStack(1)
	if !ok {
		return source.Span{}
	}
	if _, err := L.GetInfo("Sl", dbg, lua.LNil); err != nil {
		return source.Span{}
	}
	f := rt.files[dbg.Source]
	if f == nil || dbg.CurrentLine <= 0 {
		return source.Span{}
	}
	p := f.LineStart(dbg.CurrentLine)
	return source.Span{File: f, Start: p, End: p}
}

func (rt *Runtime) initGlobalVars() {
	L := rt.L
	rt.Engine.Store = rt
	mt := L.NewTypeMetatable("terra.globalvar")
	methods := map[string]lua.LGFunction{
		"get": func(L *lua.LState) int {
			g := rt.checkGlobal(L)
			addr := rt.globalAddr(L, g)
			// Like LuaJIT's ptr[0]: an aggregate comes back as a reference
			// into the global, so `g:get().field = v` writes through.
			L.Push(cdata.LoadRef(rt, addrPtr(addr), g.Type, nil))
			return 1
		},
		"set": func(L *lua.LState) int {
			g := rt.checkGlobal(L)
			addr := rt.globalAddr(L, g)
			var keep []unsafe.Pointer
			if err := cdata.Store(rt, addrPtr(addr), g.Type, L.Get(2), &keep); err != nil {
				L.RaiseError("%s", err.Error())
			}
			return 0
		},
		"getpointer": func(L *lua.LState) int {
			g := rt.checkGlobal(L)
			addr := rt.globalAddr(L, g)
			v := cdata.New(types.PointerTo(g.Type))
			*(*uintptr)(v.Ptr) = addr
			L.Push(rt.Wrap(v))
			return 1
		},
		"gettype": func(L *lua.LState) int {
			L.Push(rt.TypeValue(rt.checkGlobal(L).Type))
			return 1
		},
		"getname": func(L *lua.LState) int {
			L.Push(lua.LString(rt.checkGlobal(L).Name))
			return 1
		},
		"setname": func(L *lua.LState) int {
			rt.checkGlobal(L).Name = L.CheckString(2)
			return 0
		},
		"isextern": func(L *lua.LState) int {
			L.Push(lua.LBool(rt.checkGlobal(L).Extern))
			return 1
		},
		"isconstant": func(L *lua.LState) int {
			L.Push(lua.LBool(rt.checkGlobal(L).Constant))
			return 1
		},
		"setinitializer": func(L *lua.LState) int {
			g := rt.checkGlobal(L)
			if g.Materialized {
				L.RaiseError("cannot change global variable initializer after it has been compiled.")
			}
			rt.setInitializer(L, g, L.Get(2), rt.callerSpan(L))
			return 0
		},
	}
	index := L.NewTable()
	L.SetFuncs(index, methods)
	mt.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
		g := rt.checkGlobal(L)
		switch key := L.CheckString(2); key {
		case "type":
			L.Push(rt.TypeValue(g.Type))
		case "name":
			L.Push(lua.LString(g.Name))
		default:
			L.Push(index.RawGetString(key))
		}
		return 1
	}))
	mt.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		g := rt.checkGlobal(L)
		kind := "global"
		if g.Constant {
			kind = "constant"
		}
		if g.Extern {
			kind = "extern " + kind
		}
		str := fmt.Sprintf("%s %s : %s", kind, g.Name, g.Type)
		if g.Init != nil {
			str += " = " + prettyExpr(g.Init)
		}
		L.Push(lua.LString(str))
		return 1
	}))
	L.SetGlobal("global", L.NewFunction(func(L *lua.LState) int { return rt.newGlobal(L, false) }))
	L.SetGlobal("constant", L.NewFunction(func(L *lua.LState) int { return rt.newGlobal(L, true) }))
	tl := L.GetGlobal("terralib").(*lua.LTable)
	tl.RawSetString("global", L.GetGlobal("global"))
	tl.RawSetString("constant", L.GetGlobal("constant"))
	tl.RawSetString("isglobalvar", L.NewFunction(func(L *lua.LState) int {
		g := rt.AsGlobal(L.Get(1))
		L.Push(lua.LBool(g != nil && !glua(g).luaConstant))
		return 1
	}))
	tl.RawSetString("isconstant", L.NewFunction(func(L *lua.LState) int {
		v := L.Get(1)
		if g := rt.AsGlobal(v); g != nil {
			L.Push(lua.LBool(g.Constant))
			return 1
		}
		if q := rt.AsQuote(v); q != nil {
			L.Push(lua.LBool(rt.quoteIsLiteral(q)))
			return 1
		}
		L.Push(lua.LFalse)
		return 1
	}))
}

// quoteIsLiteral reports whether a quote is a single literal or constant
// value, which is what Terra's isconstant accepts: `1` is, `1+1` is not
// (even though it may initialize a constant).
func (rt *Runtime) quoteIsLiteral(q *tree.Quote) bool {
	if len(q.Stmts) != 0 || len(q.Exprs) != 1 {
		return false
	}
	switch x := q.Exprs[0].(type) {
	case *tree.IntLit, *tree.FloatLit, *tree.BoolLit, *tree.StringLit, *tree.NilLit:
		return true
	case *tree.GlobalRef:
		return glua(x.G).luaConstant
	case *tree.LuaValue:
		switch v := x.Value.(type) {
		case lua.LNumber, lua.LBool, lua.LString:
			return true
		default:
			if g := rt.AsGlobal(v); g != nil {
				return glua(g).luaConstant
			}
			_, ok := cdata.Is(v)
			return ok
		}
	}
	return false
}

// globalAddr returns g's address, creating it, or raises the error.
func (rt *Runtime) globalAddr(L *lua.LState, g *tree.Global) uintptr {
	addr, err := rt.Engine.Global(g)
	if err != nil {
		rt.raise(L, err)
	}
	return addr
}

// Allocate implements engine.GlobalStore.
func (rt *Runtime) Allocate(g *tree.Global) (uintptr, error) {
	if err := g.Type.Complete(); err != nil {
		return 0, err
	}
	v := cdata.New(g.Type)
	glua(g).mem = v
	rt.globalMem = append(rt.globalMem, v)
	return uintptr(v.Ptr), nil
}

// Initialize implements engine.GlobalStore: a Lua value is stored with
// the Lua → C rules; a Terra initializer runs once in a small compiled
// function `(p : &T) @p = init`.
func (rt *Runtime) Initialize(g *tree.Global, addr uintptr) error {
	gl := glua(g)
	if gl.init != nil {
		var keep []unsafe.Pointer // strings stay allocated: the global points at them
		return cdata.Store(rt, addrPtr(addr), g.Type, gl.init, &keep)
	}
	if g.Init == nil {
		return nil
	}
	at := g.Init.Span()
	pt := types.PointerTo(g.Type)
	p := tree.NewSymbol("p", pt)
	lhs := &tree.Unary{ExprBase: tree.ExprBase{Pos: at}, Op: "@", X: &tree.Var{ExprBase: tree.ExprBase{Pos: at}, Sym: p}}
	rhs := &tree.Cast{ExprBase: tree.ExprBase{Pos: at, Type: g.Type}, X: tree.CopyExpr(g.Init)}
	fn := tree.NewFunction("init." + g.Name)
	fn.Def = &tree.FuncDef{Pos: at, Params: []*tree.Symbol{p}, Result: types.Unit(),
		Body: &tree.Block{StmtBase: tree.StmtBase{Pos: at}, Stmts: []tree.Stmt{&tree.Assign{StmtBase: tree.StmtBase{Pos: at}, Lhs: []tree.Expr{lhs}, Rhs: []tree.Expr{rhs}}}}}
	w, err := rt.Engine.Wrapper(fn)
	if err != nil {
		return err
	}
	arg := cdata.New(pt)
	*(*uintptr)(arg.Ptr) = addr
	_, err = cdata.Call(rt, w, fn.Type, fn.Name, []lua.LValue{rt.Wrap(arg)})
	return err
}

// addrPtr views a native address (from the JIT or the allocator) as a
// pointer; the memory is not Go's, so the GC never moves it.
func addrPtr(a uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&a)) }
