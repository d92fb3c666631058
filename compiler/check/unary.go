// This file implements unary operators: - not @ &.
package check

import (
	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// canBeOrd is Terra's canbeord: the operands of and/or/not (bool for
// logic, integers for bit operations).
func canBeOrd(t *types.Type) bool { return t.IsIntegral() || t.IsLogical() }

func (check *Checker) unary(u *tree.Unary) tree.Expr {
	switch u.Op {
	case "@":
		return check.deref(check.expr(u.X), u)
	case "&":
		x := check.expr(u.X)
		u.X = x
		if isErr(x.Base().Type) {
			return invalid(u)
		}
		if !x.Base().LValue {
			check.errorf(x.Span(), "argument to operator must be an lvalue")
			return invalid(u)
		}
		u.Type = types.PointerTo(x.Base().Type)
		u.LValue = false
		return u
	}
	x := check.expr(u.X)
	u.X = x
	t := x.Base().Type
	if isErr(t) {
		return invalid(u)
	}
	ok := false
	switch u.Op {
	case "-":
		ok = t.IsArithmeticOrVector()
	case "not":
		ok = canBeOrd(t.Scalar())
	default:
		check.errorf(u.Pos, "operator %s not defined in terra code.", u.Op)
		return invalid(u)
	}
	if r, done := check.unaryMeta(u); done {
		return r
	}
	if !ok {
		check.errorf(x.Span(), "argument of unary operator is not valid type but %s", t)
		return invalid(u)
	}
	u.Type = t
	u.LValue = false
	return u
}

// deref makes `@x` for a checked pointer x. When u is nil a new node is
// made (an implicit dereference, spanning x).
func (check *Checker) deref(x tree.Expr, u *tree.Unary) tree.Expr {
	if u == nil {
		u = &tree.Unary{ExprBase: tree.ExprBase{Pos: x.Span()}, Op: "@"}
	}
	u.X = x
	t := x.Base().Type
	if isErr(t) {
		return invalid(u)
	}
	if !t.IsPointer() {
		check.errorf(x.Span(), "argument of dereference is not a pointer type but %s", t)
		return invalid(u)
	}
	if !check.hasLayout(t.Elem, x.Span()) {
		return invalid(u)
	}
	u.Type = t.Elem
	u.LValue = true
	return u
}

// hasLayout reports (and rejects) a function type where the layout of the
// pointee is needed: a function pointer can be called, never dereferenced
// or offset.
func (check *Checker) hasLayout(t *types.Type, at source.Span) bool {
	if t.Kind == types.Func {
		check.errorf(at, "function type %s has no layout: a function pointer cannot be dereferenced or offset", t)
		return false
	}
	return true
}

// addressOf makes `&x` for a checked x. An rvalue is first stored in a
// temporary: Let{var tmp = x; &tmp}.
func (check *Checker) addressOf(x tree.Expr) tree.Expr {
	t := x.Base().Type
	pt := types.PointerTo(t)
	if u, ok := x.(*tree.Unary); ok && u.Op == "@" {
		return u.X // &@p is p
	}
	if x.Base().LValue {
		return &tree.Unary{ExprBase: tree.ExprBase{Pos: x.Span(), Type: pt}, Op: "&", X: x}
	}
	if r := check.raiiOf(t, x.Span()); r != nil {
		// A managed rvalue whose address is taken is a temporary,
		// destroyed at the end of the full expression (raii.go).
		s := tree.NewSymbol("<temp>", nil)
		s.Checked = t
		tv := &tree.Temp{ExprBase: tree.ExprBase{Pos: x.Span(), Type: t, LValue: true}, X: x, Sym: s}
		return &tree.Unary{ExprBase: tree.ExprBase{Pos: x.Span(), Type: pt}, Op: "&", X: tv}
	}
	tmp := check.newTemp("rvalue")
	tmp.Checked = t
	decl := &tree.VarDecl{StmtBase: tree.StmtBase{Pos: x.Span()}, Syms: []*tree.Symbol{tmp}, Types: []*types.Type{t}, Inits: []tree.Expr{x}}
	v := &tree.Var{ExprBase: tree.ExprBase{Pos: x.Span(), Type: t, LValue: true}, Sym: tmp}
	addr := &tree.Unary{ExprBase: tree.ExprBase{Pos: x.Span(), Type: pt}, Op: "&", X: v}
	return &tree.Let{ExprBase: tree.ExprBase{Pos: x.Span(), Type: pt}, Stmts: []tree.Stmt{decl}, Exprs: []tree.Expr{addr}}
}
