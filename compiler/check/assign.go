// This file implements variable declarations and assignments, including
// parallel assignment and destructuring of tuple values.
package check

import (
	"fmt"
	"strings"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// varDecl checks `var a : T, b = e1, e2`. The initializers are checked
// before the variables are declared (`var x = x` reads an outer x). An
// inferred variable's type is recorded in Symbol.Checked. A last
// initializer of tuple type that supplies the remaining variables is
// destructured:
//
//	var a, b, c = e, f()   →   var a, <tuple> = e, f()
//	                           var b, c = <tuple>._0, <tuple>._1
func (check *Checker) varDecl(s *tree.VarDecl) []tree.Stmt {
	for len(s.Types) < len(s.Syms) {
		s.Types = append(s.Types, nil)
	}
	declType := func(i int) *types.Type {
		if s.Types[i] != nil {
			return s.Types[i]
		}
		return s.Syms[i].Type
	}
	named := !check.env.spliced
	if len(s.Inits) == 0 {
		for i, sym := range s.Syms {
			t := declType(i)
			if t == nil {
				check.errorf(s.Pos, "type must be specified for parameters and uninitialized variables")
				t = types.ErrorT
			}
			check.setVarType(sym, t, s.Pos)
			s.Types[i] = t
			check.declare(sym, s.Pos, named)
		}
		return []tree.Stmt{s}
	}
	inits := check.exprList(s.Inits)
	s.Inits = inits
	tmp, k, ok := check.destructure(len(s.Syms), inits)
	if !ok {
		check.varDeclTyped(s)
		return []tree.Stmt{s}
	}
	tt := inits[len(inits)-1].Base().Type
	tail := &tree.VarDecl{StmtBase: s.StmtBase, Syms: s.Syms[k:], Types: s.Types[k:], Inits: check.takeFields(tmp, tt, s)}
	s.Syms = append(s.Syms[:k:k], tmp)
	s.Types = append(s.Types[:k:k], tt)
	check.varDeclTyped(s)
	check.varDeclTyped(tail)
	return []tree.Stmt{s, tail}
}

// varDeclTyped finishes a declaration whose Inits are checked.
func (check *Checker) varDeclTyped(s *tree.VarDecl) tree.Stmt {
	named := !check.env.spliced
	if !check.countsMatch(s.Pos, len(s.Syms), s.Inits, func(i int) string {
		if t := s.Types[i]; t != nil {
			return t.String()
		}
		if t := s.Syms[i].Type; t != nil {
			return t.String()
		}
		return "passthrough"
	}) {
		for i, sym := range s.Syms {
			check.setVarType(sym, types.ErrorT, s.Pos)
			s.Types[i] = types.ErrorT
			check.declare(sym, s.Pos, named)
		}
		return s
	}
	for i, sym := range s.Syms {
		t := s.Types[i]
		if t == nil {
			t = sym.Type
		}
		if t != nil && len(s.Syms) == 1 && s.Inits[0].Base().Type != t {
			// `var b : B = a` with a __copy from a's type to B (raii.go).
			to := &tree.Var{ExprBase: tree.ExprBase{Pos: s.Pos, Type: t, LValue: true}, Sym: sym}
			if call, ok := check.mixedCopy(s.Inits[0], to, s.Pos); ok {
				check.setVarType(sym, t, s.Pos)
				s.Types[i], s.Inits = t, nil
				check.declare(sym, s.Pos, named)
				check.pendingCopy(s, call)
				return s
			}
		}
		if t != nil {
			s.Inits[i] = check.convert(s.Inits[i], t)
		} else {
			t = s.Inits[i].Base().Type
		}
		check.setVarType(sym, t, s.Pos)
		s.Types[i] = t
		check.declare(sym, s.Pos, named)
	}
	return s
}

// setVarType records a variable's checked type.
func (check *Checker) setVarType(sym *tree.Symbol, t *types.Type, at source.Span) {
	if sym.Type == nil || sym.Type != t {
		sym.Checked = t
	}
	check.completeAt(t, at)
}

// assign checks `l1, l2 = r1, r2`: every right side is converted to its
// target's type; targets must be lvalues. A last right side of tuple
// type that supplies the remaining targets is destructured:
//
//	a, b, c = e, f()   →   var <tuple> : T
//	                       a, <tuple> = e, f()
//	                       b, c = <tuple>._0, <tuple>._1
func (check *Checker) assign(s *tree.Assign) []tree.Stmt {
	if out, ok := check.setEntryMeta(s); ok {
		return out
	}
	if out, ok := check.updateMeta(s); ok {
		return out
	}
	rhs := check.exprList(s.Rhs)
	lhs := make([]tree.Expr, len(s.Lhs))
	for i, l := range s.Lhs {
		// hook: __setentry / __update setters go here.
		x := check.expr(l)
		if !isErr(x.Base().Type) && (!x.Base().LValue || constantTarget(x)) {
			check.errorf(x.Span(), "argument to operator must be an lvalue")
			x = invalid(x)
		}
		lhs[i] = x
	}
	s.Lhs, s.Rhs = lhs, rhs
	if tmp, k, ok := check.destructure(len(lhs), rhs); ok {
		tt := rhs[len(rhs)-1].Base().Type
		decl := &tree.VarDecl{StmtBase: s.StmtBase, Syms: []*tree.Symbol{tmp}, Types: []*types.Type{tt}}
		check.declare(tmp, s.Pos, false)
		tv := &tree.Var{ExprBase: tree.ExprBase{Pos: s.Pos, Type: tt, LValue: true}, Sym: tmp}
		head := &tree.Assign{StmtBase: s.StmtBase, Lhs: append(lhs[:k:k], tv), Rhs: rhs}
		tail := &tree.Assign{StmtBase: s.StmtBase, Lhs: lhs[k:], Rhs: check.takeFields(tmp, tt, s)}
		check.assignTyped(head)
		check.assignTyped(tail)
		return []tree.Stmt{decl, head, tail}
	}
	if len(lhs) == 1 && len(rhs) == 1 && !isErr(lhs[0].Base().Type) && lhs[0].Base().Type != rhs[0].Base().Type {
		// `b = a` with a __copy from a's type to b's (raii.go).
		if call, ok := check.mixedCopy(rhs[0], lhs[0], s.Pos); ok {
			return []tree.Stmt{&tree.ExprStmt{StmtBase: s.StmtBase, X: call}}
		}
	}
	check.assignTyped(s)
	return []tree.Stmt{s}
}

func (check *Checker) assignTyped(s *tree.Assign) {
	if !check.countsMatch(s.Pos, len(s.Lhs), s.Rhs, func(i int) string { return s.Lhs[i].Base().Type.String() }) {
		return
	}
	for i, l := range s.Lhs {
		s.Rhs[i] = check.convert(s.Rhs[i], l.Base().Type)
	}
}

// destructure reports whether n targets take values from the list xs
// by expanding its last value, a tuple (a multi-value call or Let). It
// returns a fresh temporary for the tuple and the index k of the first
// target it supplies.
func (check *Checker) destructure(n int, xs []tree.Expr) (*tree.Symbol, int, bool) {
	if len(xs) == 0 || n <= len(xs) {
		return nil, 0, false
	}
	t := xs[len(xs)-1].Base().Type
	if t.Kind != types.Struct || !t.IsTuple || len(t.Entries)+len(xs)-1 != n {
		return nil, 0, false
	}
	tmp := check.newTemp("tuple")
	tmp.Checked = t
	return tmp, len(xs) - 1, true
}

// tupleFields returns the checked selections `tmp._0, tmp._1, …`.
func tupleFields(tmp *tree.Symbol, t *types.Type, at tree.Node) []tree.Expr {
	lay, _ := t.Layout()
	out := make([]tree.Expr, len(lay.Fields))
	for i, f := range lay.Fields {
		out[i] = fieldOf(tmp, t, f, at)
	}
	return out
}

// countsMatch reports a mismatch between n targets and the values xs,
// with Terra's wording. want(i) names target i's type.
func (check *Checker) countsMatch(at source.Span, n int, xs []tree.Expr, want func(int) string) bool {
	if n == len(xs) {
		return true
	}
	for _, x := range xs {
		if isErr(x.Base().Type) {
			return false
		}
	}
	ws := make([]string, n)
	for i := range ws {
		ws[i] = want(i)
	}
	check.errorf(at, "%s", fmt.Sprintf("expected %d parameters (%s), but found %d (%s)", n, strings.Join(ws, ","), len(xs), typeList(exprTypes(xs))))
	return false
}
