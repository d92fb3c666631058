// This file implements terralib's low-level builtins: intrinsic, asm,
// attrload/attrstore, atomicrmw, cmpxchg, fence and prefetch (builtin
// macros that build tree.LowLevel nodes or calls of LLVM intrinsics),
// and the function attribute setters.
package terralib

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// exprValue reads an unchecked macro argument as a Lua value, as a
// quote's :asvalue() does: literals, constructors of literals (as
// tables) and Lua values.
func exprValue(e tree.Expr) (lua.LValue, bool) {
	switch e := e.(type) {
	case *tree.LuaValue:
		return e.Value, true
	case *tree.Paren:
		return exprValue(e.X)
	case *tree.IntLit:
		if e.Type != nil && !e.Type.Signed {
			return lua.LNumber(float64(e.Bits)), true
		}
		return lua.LNumber(float64(int64(e.Bits))), true
	case *tree.FloatLit:
		return lua.LNumber(e.Value), true
	case *tree.BoolLit:
		return lua.LBool(e.Value), true
	case *tree.StringLit:
		return lua.LString(e.Value), true
	case *tree.Constructor:
		tb := &lua.LTable{}
		for i, f := range e.Fields {
			v, ok := exprValue(f.Value)
			if !ok {
				return nil, false
			}
			if f.Name != "" {
				tb.RawSetString(f.Name, v)
			} else {
				tb.RawSetInt(i+1, v)
			}
		}
		return tb, true
	}
	return nil, false
}

// attrTable reads an attribute table argument.
func attrTable(e tree.Expr) (*lua.LTable, error) {
	v, _ := exprValue(e)
	tb, ok := v.(*lua.LTable)
	if !ok {
		name := "userdata"
		if v != nil {
			name = v.Type().String()
		}
		return nil, fmt.Errorf("attributes must be a table, not a %s", name)
	}
	return tb, nil
}

// stringAttr reads an optional string attribute; required names the
// operation when it must be present.
func stringAttr(tb *lua.LTable, key, required string) (string, error) {
	v := tb.RawGetString(key)
	if v == lua.LNil {
		if required != "" {
			return "", fmt.Errorf("%s attribute must be specified for %s", key, required)
		}
		return "", nil
	}
	s, ok := v.(lua.LString)
	if !ok {
		return "", fmt.Errorf("%s attribute must be a string, not a %s", key, v.Type())
	}
	if key != "syncscope" {
		switch s {
		case "unordered", "monotonic", "acquire", "release", "acq_rel", "seq_cst":
		default:
			return "", fmt.Errorf("%s attribute %q is not an LLVM atomic ordering", key, string(s))
		}
	}
	return string(s), nil
}

func alignAttr(tb *lua.LTable) (int64, error) {
	v := tb.RawGetString("align")
	if v == lua.LNil {
		return 0, nil
	}
	n, ok := v.(lua.LNumber)
	if !ok {
		return 0, fmt.Errorf("align attribute must be a number, not a %s", v.Type())
	}
	return int64(n), nil
}

func ll(op string, at source.Span, args ...tree.Expr) *tree.LowLevel {
	return &tree.LowLevel{ExprBase: tree.ExprBase{Pos: at}, Op: op, Args: args}
}

func (rt *Runtime) initLowLevel() {
	L := rt.L
	tl := L.GetGlobal("terralib").(*lua.LTable)
	builtin := func(name string, fn func(args []tree.Expr, at source.Span) (tree.Expr, error)) {
		tl.RawSetString(name, rt.macroValue(&Macro{Name: name, Builtin: fn}))
	}
	externs := map[string]*tree.Function{}
	tl.RawSetString("intrinsic", L.NewFunction(func(L *lua.LState) int {
		if pick, ok := L.Get(1).(*lua.LFunction); ok && L.Get(2) == lua.LNil {
			L.Push(rt.intrinsicByFunction(pick, externs)) // intrinsic.go
			return 1
		}
		name := L.CheckString(1)
		t := rt.AsType(L.Get(2))
		if t != nil && t.IsPointerToFunction() {
			t = t.Elem
		}
		if t == nil || t.Kind != types.Func {
			L.RaiseError("expected a name and type or a function providing a name and type but found %s, %s", L.Get(1).String(), L.Get(2).String())
		}
		key := name + "\x00" + t.String()
		fn := externs[key]
		if fn == nil {
			if err := checkIntrinsic(name, t); err != nil {
				L.RaiseError("%s", err.Error())
			}
			fn = tree.NewExtern(name, t)
			externs[key] = fn
		}
		imm := intrinsicImmArgs(name, t) // intrinsicimm.go
		L.Push(rt.macroValue(&Macro{Name: name, Builtin: func(args []tree.Expr, at source.Span) (tree.Expr, error) {
			if err := checkImmArgs(name, imm, args); err != nil {
				return nil, err
			}
			return &tree.Call{ExprBase: tree.ExprBase{Pos: at}, Fn: &tree.FuncRef{ExprBase: tree.ExprBase{Pos: at}, Fn: fn}, Args: args}, nil
		}}))
		return 1
	}))
	builtin("asm", func(args []tree.Expr, at source.Span) (tree.Expr, error) {
		if len(args) < 4 {
			return nil, fmt.Errorf("asm requires a result type, the assembly, the constraints and volatile")
		}
		ret := rt.exprAsType(args[0])
		if c, ok := args[0].(*tree.Constructor); ok && len(c.Fields) == 0 {
			ret = types.Unit()
		}
		if ret == nil {
			return nil, fmt.Errorf("asm expects a result type as its first argument")
		}
		asm, ok1 := exprValue(args[1])
		cons, ok2 := exprValue(args[2])
		vol, ok3 := exprValue(args[3])
		if !ok1 || !ok2 || !ok3 {
			return nil, fmt.Errorf("asm expects constant assembly, constraints and volatile arguments")
		}
		e := ll("asm", at, args[4:]...)
		e.Type, e.Asm, e.Constraints, e.Volatile = ret, lua.LVAsString(asm), lua.LVAsString(cons), lua.LVAsBool(vol)
		return e, nil
	})
	memAttrs := func(e *tree.LowLevel, a tree.Expr) error {
		tb, err := attrTable(a)
		if err != nil {
			return err
		}
		if e.Align, err = alignAttr(tb); err != nil {
			return err
		}
		e.Nontemporal = lua.LVAsBool(tb.RawGetString("nontemporal"))
		e.Volatile = lua.LVAsBool(tb.RawGetString("isvolatile"))
		return nil
	}
	builtin("attrload", func(args []tree.Expr, at source.Span) (tree.Expr, error) {
		if len(args) != 2 {
			return nil, fmt.Errorf("attrload requires two arguments")
		}
		e := ll("attrload", at, args[0])
		return e, memAttrs(e, args[1])
	})
	builtin("attrstore", func(args []tree.Expr, at source.Span) (tree.Expr, error) {
		if len(args) != 3 {
			return nil, fmt.Errorf("attrstore requires three arguments")
		}
		e := ll("attrstore", at, args[0], args[1])
		return e, memAttrs(e, args[2])
	})
	builtin("fence", func(args []tree.Expr, at source.Span) (tree.Expr, error) {
		if len(args) != 1 {
			return nil, fmt.Errorf("fence requires one argument")
		}
		tb, err := attrTable(args[0])
		if err != nil {
			return nil, err
		}
		e := ll("fence", at)
		if e.Ordering, err = stringAttr(tb, "ordering", "fence operations"); err != nil {
			return nil, err
		}
		e.SyncScope, err = stringAttr(tb, "syncscope", "")
		return e, err
	})
	builtin("atomicrmw", func(args []tree.Expr, at source.Span) (tree.Expr, error) {
		if len(args) != 4 {
			return nil, fmt.Errorf("atomicrmw requires four arguments")
		}
		op, _ := exprValue(args[0])
		s, ok := op.(lua.LString)
		if !ok {
			return nil, fmt.Errorf("operator argument to atomicrmw must be a string, not a %s", luaTypeOf(op))
		}
		tb, err := attrTable(args[3])
		if err != nil {
			return nil, err
		}
		e := ll("atomicrmw", at, args[1], args[2])
		e.RMW = string(s)
		if e.Ordering, err = stringAttr(tb, "ordering", "atomic operations"); err != nil {
			return nil, err
		}
		if e.SyncScope, err = stringAttr(tb, "syncscope", ""); err != nil {
			return nil, err
		}
		e.Volatile = lua.LVAsBool(tb.RawGetString("isvolatile"))
		e.Align, err = alignAttr(tb)
		return e, err
	})
	builtin("cmpxchg", func(args []tree.Expr, at source.Span) (tree.Expr, error) {
		if len(args) != 4 {
			return nil, fmt.Errorf("cmpxchg requires four arguments")
		}
		tb, err := attrTable(args[3])
		if err != nil {
			return nil, err
		}
		e := ll("cmpxchg", at, args[0], args[1], args[2])
		if e.Ordering, err = stringAttr(tb, "success_ordering", "cmpxchg operations"); err != nil {
			return nil, err
		}
		if e.FailureOrdering, err = stringAttr(tb, "failure_ordering", "cmpxchg operations"); err != nil {
			return nil, err
		}
		if e.SyncScope, err = stringAttr(tb, "syncscope", ""); err != nil {
			return nil, err
		}
		e.Volatile = lua.LVAsBool(tb.RawGetString("isvolatile"))
		e.Weak = lua.LVAsBool(tb.RawGetString("isweak"))
		e.Align, err = alignAttr(tb)
		return e, err
	})
	prefetch := tree.NewExtern("llvm.prefetch.p0i8", types.FuncOf([]*types.Type{types.PointerTo(types.Int8), types.Int32, types.Int32, types.Int32}, types.Unit(), false))
	builtin("prefetch", func(args []tree.Expr, at source.Span) (tree.Expr, error) {
		if len(args) != 4 {
			return nil, fmt.Errorf("prefetch requires four arguments (address, rw, locality, cachetype)")
		}
		eb := tree.ExprBase{Pos: at}
		addr := &tree.Cast{ExprBase: tree.ExprBase{Pos: at, Type: types.PointerTo(types.Int8)}, X: args[0], Explicit: true}
		return &tree.Call{ExprBase: eb, Fn: &tree.FuncRef{ExprBase: eb, Fn: prefetch}, Args: []tree.Expr{addr, args[1], args[2], args[3]}}, nil
	})
}

func luaTypeOf(v lua.LValue) string {
	if v == nil {
		return "userdata"
	}
	return v.Type().String()
}
