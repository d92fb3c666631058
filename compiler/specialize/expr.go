// This file implements specialization of expressions and the
// conversion of Lua values found in Terra code.
package specialize

import (
	"fmt"
	"math"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/scan"
	"terrac/lang/source"
	"terrac/lang/tast"
)

func (s *Specializer) eb(n tast.Node) tree.ExprBase { return tree.ExprBase{Pos: s.span(n)} }

// exprList specializes a list where escapes and quotes may yield
// several values each.
func (s *Specializer) exprList(in []tast.Expr) []tree.Expr {
	var out []tree.Expr
	for _, e := range in {
		out = append(out, s.multi(e)...)
	}
	return out
}

// multi specializes e, keeping every value a list-producing escape gives.
func (s *Specializer) multi(e tast.Expr) []tree.Expr {
	var vals []lua.LValue
	switch x := e.(type) {
	case *tast.Escape:
		v, ok := s.callHole(x.Hole)
		if !ok {
			return []tree.Expr{s.bad(e)}
		}
		vals = v
	case *tast.BlockEscape:
		vals = s.blockEscape(x)
	default:
		return []tree.Expr{s.expr(e)}
	}
	if len(vals) == 0 {
		return nil
	}
	var out []tree.Expr
	for _, v := range Flatten(vals) {
		out = append(out, s.luaToExpr(e, v))
	}
	return out
}

func (s *Specializer) bad(n tast.Node) tree.Expr {
	return &tree.LuaValue{ExprBase: tree.ExprBase{Pos: s.span(n), Type: types.ErrorT}, Value: lua.LNil}
}

// one turns a list of values in single-value position into one
// expression (a Let of several values is a tuple, of none the empty
// tuple).
func (s *Specializer) one(n tast.Node, es []tree.Expr) tree.Expr {
	switch len(es) {
	case 1:
		return es[0]
	}
	return &tree.Let{ExprBase: s.eb(n), Exprs: es}
}

func (s *Specializer) expr(e tast.Expr) tree.Expr {
	switch e := e.(type) {
	case *tast.Ident:
		if e.Decl != nil {
			sym := s.locals[e.Decl]
			if sym == nil {
				s.errorf(e, "variable '%s' not found", e.Name)
				return s.bad(e)
			}
			return &tree.Var{ExprBase: s.eb(e), Sym: sym}
		}
		vals, ok := s.callHole(e.Hole)
		if !ok || len(vals) == 0 || vals[0] == lua.LNil {
			s.errorf(e, "variable '%s' not found", e.Name)
			return s.bad(e)
		}
		return s.luaToExpr(e, vals[0])
	case *tast.Number:
		return s.number(e)
	case *tast.String:
		return &tree.StringLit{ExprBase: s.typed(e, types.PointerTo(types.Int8)), Value: e.Value}
	case *tast.Bool:
		return &tree.BoolLit{ExprBase: s.typed(e, types.Boolean), Value: e.Value}
	case *tast.Nil:
		return &tree.NilLit{ExprBase: s.typed(e, types.NilT)}
	case *tast.Unary:
		return &tree.Unary{ExprBase: s.eb(e), Op: e.Op, X: s.expr(e.X)}
	case *tast.Binary:
		return &tree.Binary{ExprBase: s.eb(e), Op: e.Op, X: s.expr(e.X), Y: s.expr(e.Y)}
	case *tast.Call:
		return &tree.Call{ExprBase: s.eb(e), Fn: s.expr(e.Fn), Args: s.exprList(e.Args)}
	case *tast.MethodCall:
		name := e.Name
		if e.NameHole != nil {
			name = s.nameOf(e.NameHole)
		}
		return &tree.MethodCall{ExprBase: s.eb(e), Recv: s.expr(e.Recv), Name: name, Args: s.exprList(e.Args)}
	case *tast.Select:
		name := e.Name
		if e.NameHole != nil {
			name = s.nameOf(e.NameHole)
		}
		return s.selectField(e, s.expr(e.X), name)
	case *tast.Index:
		return &tree.Index{ExprBase: s.eb(e), X: s.expr(e.X), I: s.expr(e.Index)}
	case *tast.Constructor:
		return s.constructor(e)
	case *tast.Escape, *tast.BlockEscape:
		return s.one(e, s.multi(e))
	case *tast.Paren:
		return &tree.Paren{ExprBase: s.eb(e), X: s.expr(e.X)}
	case *tast.Bad:
		return s.bad(e)
	}
	s.errorf(e, "internal error: unknown expression %T", e)
	return s.bad(e)
}

func (s *Specializer) typed(n tast.Node, t *types.Type) tree.ExprBase {
	b := s.eb(n)
	b.Type = t
	return b
}

func (s *Specializer) number(e *tast.Number) tree.Expr {
	v := e.Value
	switch v.Kind {
	case scan.Int32:
		return &tree.IntLit{ExprBase: s.typed(e, types.Int32), Bits: v.Int}
	case scan.Uint32:
		return &tree.IntLit{ExprBase: s.typed(e, types.Uint32), Bits: v.Int}
	case scan.Int64:
		return &tree.IntLit{ExprBase: s.typed(e, types.Int64), Bits: v.Int}
	case scan.Uint64:
		return &tree.IntLit{ExprBase: s.typed(e, types.Uint64), Bits: v.Int}
	case scan.Float:
		return &tree.FloatLit{ExprBase: s.typed(e, types.Float32), Value: v.Float}
	}
	return &tree.FloatLit{ExprBase: s.typed(e, types.Float64), Value: v.Float}
}

// nameOf evaluates a [e] used as a field or method name.
func (s *Specializer) nameOf(h *tast.Hole) string {
	vals, ok := s.callHole(h)
	if !ok || len(vals) == 0 {
		return "<error>"
	}
	if str, ok := vals[0].(lua.LString); ok {
		return string(str)
	}
	if sym := s.host.AsSymbol(vals[0]); sym != nil {
		return sym.String()
	}
	if l := s.host.AsLabel(vals[0]); l != nil {
		return l.FieldName()
	}
	s.errorf(h, "expected a string but found %s", typeName(vals[0]))
	return "<error>"
}

// selectField resolves a.b: on a Lua table (not a type) the lookup
// happens now, in Lua; everything else is left to the checker.
func (s *Specializer) selectField(e *tast.Select, x tree.Expr, name string) tree.Expr {
	if lv, ok := x.(*tree.LuaValue); ok && lv.Type == nil {
		// A table, or a type other than a struct (its fields such as
		// T.type and T.N are Lua data; a struct's are its methods).
		t := s.host.AsType(lv.Value)
		if _, ok := lv.Value.(*lua.LTable); ok || t != nil && !t.IsStruct() {
			vals, err := s.host.CallHole(indexFn, lv.Value, lua.LString(name))
			if err != nil {
				// an __index metamethod failed (a lazily loaded module)
				s.errorf(e, "error evaluating lua code: %v", err)
				return s.bad(e)
			}
			if len(vals) == 0 || vals[0] == lua.LNil {
				s.errorf(e, "no field %s in lua object", name)
				return s.bad(e)
			}
			return s.luaToExpr(e, vals[0])
		}
		switch lv.Value.(type) {
		case *lua.LFunction, *lua.LState:
			// Never a Terra value nor a table: reported now, so that a
			// quote using it fails where it is written.
			s.errorf(e, "lua object of type %s not understood by terra code.", lv.Value.Type())
			return s.bad(e)
		}
	}
	return &tree.Select{ExprBase: s.eb(e), X: x, Name: name}
}

// indexFn marks a CallHole request for a plain table lookup t[k]
// (honouring __index); the host recognises it.
var indexFn = lua.LString("$index")

// IndexRequest reports whether fn is the table-lookup request.
func IndexRequest(fn lua.LValue) bool { return fn == indexFn }

func (s *Specializer) constructor(e *tast.Constructor) tree.Expr {
	c := &tree.Constructor{ExprBase: s.eb(e)}
	for i, f := range e.Fields {
		name := f.Name
		if f.KeyHole != nil {
			name = s.nameOf(f.KeyHole)
		}
		if name == "" && i == len(e.Fields)-1 {
			for _, v := range s.multi(f.Value) {
				c.Fields = append(c.Fields, tree.CtorField{Value: v})
			}
			continue
		}
		c.Fields = append(c.Fields, tree.CtorField{Name: name, Value: s.expr(f.Value)})
	}
	return c
}

// luaToExpr converts a Lua value met in Terra code into an expression.
func (s *Specializer) luaToExpr(n tast.Node, v lua.LValue) tree.Expr {
	e, err := Convert(s.host, v, s.span(n))
	if err != nil {
		s.errorf(n, "%s", err.Error())
		return s.bad(n)
	}
	return e
}

// Convert turns a Lua value into the Terra expression it stands for:
// functions, symbols, quotes (copied), numbers, booleans, strings and
// Lua lists (a statement-free Let of the elements); anything else stays a LuaValue for the checker to interpret.
func Convert(h Host, v lua.LValue, at source.Span) (tree.Expr, error) {
	eb := tree.ExprBase{Pos: at}
	typed := func(t *types.Type) tree.ExprBase { return tree.ExprBase{Pos: at, Type: t} }
	if fn := h.AsFunction(v); fn != nil {
		return &tree.FuncRef{ExprBase: eb, Fn: fn}, nil
	}
	if sym := h.AsSymbol(v); sym != nil {
		return &tree.Var{ExprBase: eb, Sym: sym}, nil
	}
	if oh, ok := h.(ObjectHost); ok {
		if x := oh.TerraObject(v, at); x != nil {
			return x, nil
		}
	}
	if q := h.AsQuote(v); q != nil {
		if len(q.Stmts) == 0 && len(q.Exprs) == 1 {
			return tree.CopyExpr(q.Exprs[0]), nil
		}
		return &tree.Let{ExprBase: eb, Stmts: tree.CopyStmts(q.Stmts), Exprs: tree.CopyExprs(q.Exprs)}, nil
	}
	if tb, ok := v.(*lua.LTable); ok && IsList(tb) {
		return convertList(h, tb, at)
	}
	if f := toTerraExpression(v); f != lua.LNil {
		vals, err := h.CallHole(f, v)
		if err != nil {
			return nil, fmt.Errorf("error in __toterraexpression: %s", luaMessage(err))
		}
		if len(vals) == 0 {
			return nil, fmt.Errorf("__toterraexpression returned no value")
		}
		return Convert(h, vals[0], at)
	}
	switch v := v.(type) {
	case lua.LNumber:
		f := float64(v)
		if f == math.Trunc(f) && f >= math.MinInt32 && f <= math.MaxInt32 {
			return &tree.IntLit{ExprBase: typed(types.Int32), Bits: uint64(int64(f))}, nil
		}
		return &tree.FloatLit{ExprBase: typed(types.Float64), Value: f}, nil
	case lua.LBool:
		return &tree.BoolLit{ExprBase: typed(types.Boolean), Value: bool(v)}, nil
	case lua.LString:
		return &tree.StringLit{ExprBase: typed(types.PointerTo(types.Int8)), Value: string(v)}, nil
	case *lua.LNilType:
		return nil, fmt.Errorf("lua object of type nil not understood by terra code")
	}
	return &tree.LuaValue{ExprBase: eb, Value: v}, nil
}
