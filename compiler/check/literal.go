// This file implements literals, variables and Lua values that appear
// in Terra code.
package check

import (
	"math"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// literal types a constant. The parser types numbers by their suffix;
// untyped ones (made by tools) default to int32 and double.
func (check *Checker) literal(e tree.Expr) tree.Expr {
	b := e.Base()
	switch e.(type) {
	case *tree.IntLit:
		if b.Type == nil {
			b.Type = types.Int32
		}
	case *tree.FloatLit:
		if b.Type == nil {
			b.Type = types.Float64
		}
	case *tree.BoolLit:
		b.Type = types.Boolean
	case *tree.StringLit:
		b.Type = types.PointerTo(types.Int8)
	case *tree.NilLit:
		b.Type = types.NilT
	}
	b.LValue = false
	return e
}

// variable checks a use of a Terra variable.
func (check *Checker) variable(v *tree.Var) tree.Expr {
	if !check.visible(v.Sym) && !check.env.freeSyms {
		check.errorf(v.Pos, "definition of variable with symbol %s is not in scope in this context", v.Sym.Name)
		return invalid(v)
	}
	t := v.Sym.VarType()
	if t == nil {
		return invalid(v) // its declaration failed and was reported
	}
	v.Type = t
	v.LValue = true
	return v
}

// luaValue converts a Lua value used in Terra code: numbers, booleans
// and strings become constants (an integral number that fits in int32 is
// an int32, any other number a double), Terra functions become FuncRefs.
// Types, tables and other objects (macros) stay Lua objects: the
// returned LuaValue has a nil Type.
func (check *Checker) luaValue(e *tree.LuaValue) tree.Expr {
	base := tree.ExprBase{Pos: e.Pos}
	switch v := e.Value.(type) {
	case lua.LNumber:
		f := float64(v)
		if f == math.Trunc(f) && f >= math.MinInt32 && f <= math.MaxInt32 && !(f == 0 && math.Signbit(f)) {
			base.Type = types.Int32
			return &tree.IntLit{ExprBase: base, Bits: uint64(int64(f))}
		}
		base.Type = types.Float64
		return &tree.FloatLit{ExprBase: base, Value: f}
	case lua.LBool:
		base.Type = types.Boolean
		return &tree.BoolLit{ExprBase: base, Value: bool(v)}
	case lua.LString:
		base.Type = types.PointerTo(types.Int8)
		return &tree.StringLit{ExprBase: base, Value: string(v)}
	case *lua.LNilType:
		base.Type = types.NilT
		return &tree.NilLit{ExprBase: base}
	}
	if check.Host != nil {
		if x := check.terraObject(e.Value, e.Pos); x != nil {
			return check.rawExpr(x)
		}
		if fn := check.Host.AsFunction(e.Value); fn != nil {
			r := &tree.FuncRef{ExprBase: base, Fn: fn}
			r.Type = check.useFunction(fn, e.Pos)
			return r
		}
		if x, ok := check.hostValue(e); ok {
			return x
		}
	}
	if _, ok := e.Value.(*lua.LFunction); ok {
		d := check.errorf(e.Pos, "lua object of type function not understood by terra code.")
		d.Notes = append(d.Notes, noteAt(e.Pos, "to call a lua function from terra first use terralib.cast to cast it to a terra function type."))
		return invalid(e)
	}
	e.Type = nil // a Lua object: a type, a table, a macro
	return e
}

// notAValue reports a Lua object used where a Terra value is needed.
func (check *Checker) notAValue(lv *tree.LuaValue) {
	if t := check.asType(lv); t != nil {
		check.errorf(lv.Pos, "expected a terra expression but found terra type %s. If this is a cast, you may have omitted the required parentheses: [T](exp)", t)
		return
	}
	check.errorf(lv.Pos, "expected a terra expression but found %s", luaTypeName(lv.Value))
}

func (check *Checker) asType(lv *tree.LuaValue) *types.Type {
	if check.Host == nil {
		return nil
	}
	return check.Host.AsType(lv.Value)
}

// luaTypeName names a Lua value's type as Lua's type() does.
func luaTypeName(v lua.LValue) string {
	if v == nil {
		return "nil"
	}
	return v.Type().String()
}
