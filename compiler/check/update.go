// This file implements the exotype hooks that replace whole operations:
// `obj(args) = rhs` through __update and terralib.select on structs
// through __select.
package check

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// updateMeta handles `obj(args) = rhs` when obj (a struct, or a pointer
// to one) has an __update metamethod: the assignment becomes the call
// __update(obj, args…, rhs). It returns the replacing statements.
func (check *Checker) updateMeta(s *tree.Assign) ([]tree.Stmt, bool) {
	if check.exoHost() == nil {
		return nil, false
	}
	if len(s.Lhs) != 1 || len(s.Rhs) != 1 {
		return check.parallelUpdate(s)
	}
	c, t, v, ok := check.updateTarget(s.Lhs[0])
	if !ok {
		return nil, false
	}
	x := check.expr(c.Fn)
	if x.Base().Type.IsPointerToStruct() {
		x = check.deref(x, nil)
	}
	args := append([]tree.Expr{x}, check.exprList(c.Args)...)
	args = append(args, check.expr(s.Rhs[0]))
	for _, a := range args {
		if isErr(a.Base().Type) {
			return []tree.Stmt{&tree.ExprStmt{StmtBase: s.StmtBase, X: invalid(c)}}, true
		}
	}
	r, ok := check.invoke(v, nil, args, s.Pos)
	if !ok {
		check.errorf(s.Pos, "metamethod __update of %s is not a function or macro", t)
		return []tree.Stmt{&tree.ExprStmt{StmtBase: s.StmtBase, X: invalid(c)}}, true
	}
	return check.exprStmt(&tree.ExprStmt{StmtBase: s.StmtBase, X: &tree.Prechecked{ExprBase: *r.Base(), X: r}}), true
}

// updateTarget reports whether l is a call `obj(args)` whose obj (a
// struct, or a pointer to one) has an __update metamethod v.
func (check *Checker) updateTarget(l tree.Expr) (*tree.Call, *types.Type, lua.LValue, bool) {
	c, ok := l.(*tree.Call)
	if !ok {
		return nil, nil, nil, false
	}
	// Type the callee on a copy: when there is no __update the call is
	// checked as an ordinary (non-lvalue) call.
	t, err := check.TypeOf(c.Fn)
	if err != nil || t == nil {
		return nil, nil, nil, false
	}
	if t.IsPointerToStruct() {
		t = t.Elem
	}
	v, ok := check.metamethod(t, "__update")
	return c, t, v, ok
}

// parallelUpdate handles `a(i), b = x, y` where some target uses
// __update: as in any parallel assignment every right side is computed
// first (into temporaries), then each target is assigned in turn, the
// __update ones through their metamethod.
func (check *Checker) parallelUpdate(s *tree.Assign) ([]tree.Stmt, bool) {
	found := false
	for _, l := range s.Lhs {
		if _, _, _, ok := check.updateTarget(l); ok {
			found = true
			break
		}
	}
	if !found {
		return nil, false
	}
	tmps := make([]*tree.Symbol, len(s.Lhs))
	for i := range tmps {
		tmps[i] = tree.NewSymbol("<rhs>", nil)
	}
	out := check.varDecl(&tree.VarDecl{StmtBase: s.StmtBase, Syms: tmps, Inits: s.Rhs})
	for i, l := range s.Lhs {
		ref := &tree.Var{ExprBase: tree.ExprBase{Pos: s.Rhs[min(i, len(s.Rhs)-1)].Span()}, Sym: tmps[i]}
		out = append(out, check.assign(&tree.Assign{StmtBase: s.StmtBase, Lhs: []tree.Expr{l}, Rhs: []tree.Expr{ref}})...)
	}
	return out, true
}

// selectMeta applies the __select metamethods of the struct operands
// of terralib.select(c, a, b), chosen among as for any operator.
func (check *Checker) selectMeta(s *tree.CondSelect, ops []tree.Expr) (tree.Expr, bool) {
	return check.operatorMeta("__select", ops, s)
}
