// This file implements specialization of switch statements, their case
// clauses and generic `for … in` loops.
package specialize

import (
	"terrac/compiler/tree"
	"terrac/lang/tast"
)

// switchStmt specializes `switch e do … end`. Escapes in the case list
// may splice quotes holding case clauses.
func (s *Specializer) switchStmt(st *tast.SwitchStmt) *tree.Switch {
	n := &tree.Switch{StmtBase: s.base(st), Value: s.expr(st.Value)}
	for _, c := range st.Cases {
		for _, x := range caseStmts(s.stmt(c)) {
			if k, ok := x.(*tree.Case); ok {
				n.Cases = append(n.Cases, k)
			} else {
				s.errorf(c, "expected a case statement in a switch")
			}
		}
	}
	if st.Else != nil {
		n.Else = s.block(st.Else)
	}
	return n
}

// caseStmts opens spliced statement quotes (ExprStmt{Let}) so the case
// clauses they hold join the switch.
func caseStmts(in []tree.Stmt) []tree.Stmt {
	var out []tree.Stmt
	for _, x := range in {
		if es, ok := x.(*tree.ExprStmt); ok {
			if let, ok := es.X.(*tree.Let); ok && len(let.Exprs) == 0 {
				out = append(out, caseStmts(let.Stmts)...)
				continue
			}
		}
		out = append(out, x)
	}
	return out
}

func (s *Specializer) caseStmt(st *tast.CaseStmt) *tree.Case {
	return &tree.Case{StmtBase: s.base(st), Values: s.exprList(st.Values), Body: s.block(st.Body)}
}

// forIn specializes `for a, b in e do … end`: e is resolved outside
// the loop, the variables in a new scope around the body.
func (s *Specializer) forIn(st *tast.ForInStmt) *tree.ForIn {
	n := &tree.ForIn{StmtBase: s.base(st)}
	iters := s.exprList(st.Iter)
	if len(iters) != 1 {
		s.errorf(st, "expected exactly one iterable expression in a for … in loop")
	}
	if len(iters) > 0 {
		n.Iter = iters[0]
	}
	s.openScope()
	defer s.closeScope()
	for _, v := range st.Vars {
		n.Vars = append(n.Vars, s.declare(v, false)...)
	}
	n.Body = s.block(st.Body)
	return n
}
