// This file implements return statements and the inference of a
// function's result type.
package check

import (
	"terrac/compiler/tree"
	"terrac/compiler/types"
)

type returnInfo struct {
	stmt *tree.Return
	typ  *types.Type // the returned value's type; unit for a bare return
}

// returnStmt checks the values of a return. Several values become one
// tuple Constructor; the conversion to the result type waits until the
// result type is known (see returns).
func (check *Checker) returnStmt(s *tree.Return) {
	xs := check.exprList(s.Exprs)
	info := &returnInfo{stmt: s, typ: types.Unit()}
	switch len(xs) {
	case 0:
		s.Exprs = nil
	case 1:
		s.Exprs = xs
		info.typ = xs[0].Base().Type
	default:
		c := &tree.Constructor{ExprBase: tree.ExprBase{Pos: s.Pos}}
		bad := false
		for _, x := range xs {
			c.Fields = append(c.Fields, tree.CtorField{Value: x})
			bad = bad || isErr(tree.TypeOf(x))
		}
		if bad {
			// Invalid values are not checked again (an invalid call
			// has no callee any more): the tuple is invalid.
			s.Exprs = []tree.Expr{invalid(c)}
			info.typ = types.ErrorT
			break
		}
		x := check.constructor(c)
		s.Exprs = []tree.Expr{x}
		info.typ = x.Base().Type
	}
	check.env.returns = append(check.env.returns, info)
}

// returns determines the result type (the declared one, else the meet
// of every returned type, else unit) and converts every returned value
// to it. After this each Return has no expression (unit result) or one
// of the result type.
func (check *Checker) returns(def *tree.FuncDef) *types.Type {
	e := check.env
	result := e.result
	if result == nil {
		result = types.Unit()
		for i, r := range e.returns {
			if i == 0 {
				result = r.typ
				continue
			}
			at := r.stmt.Pos
			if len(r.stmt.Exprs) > 0 {
				at = r.stmt.Exprs[0].Span()
			}
			result = check.meet(at, result, r.typ)
		}
	}
	for _, r := range e.returns {
		s := r.stmt
		if len(s.Exprs) == 0 {
			if !result.IsUnit() && !isErr(result) {
				check.errorf(s.Pos, "invalid conversion from {} to %s", result)
			}
			continue
		}
		s.Exprs[0] = check.convert(s.Exprs[0], result)
	}
	check.raiiReturns()
	return result
}
