// This file implements statements: blocks, control flow, expression
// statements, defer and Let (quotes spliced as expressions).
package check

import (
	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// block checks a lexical block in a new scope; its statement list is
// rebuilt (some statements expand into several).
func (check *Checker) block(b *tree.Block) {
	e := check.env
	if e.written[b] {
		saved := e.spliced
		e.spliced = false
		defer func() { e.spliced = saved }()
	}
	check.openScope()
	e.blocks, e.defers = append(e.blocks, b), append(e.defers, 0)
	b.Stmts = check.stmts(b.Stmts)
	e.blocks, e.defers = e.blocks[:len(e.blocks)-1], e.defers[:len(e.defers)-1]
	check.closeScope()
}

// stmts checks a statement list in the current scope.
func (check *Checker) stmts(list []tree.Stmt) []tree.Stmt {
	out := make([]tree.Stmt, 0, len(list))
	for _, s := range list {
		out = append(out, check.raiiStmts(check.stmt(s))...)
	}
	return out
}

// stmt checks one statement and returns what replaces it.
func (check *Checker) stmt(s tree.Stmt) []tree.Stmt {
	switch s := s.(type) {
	case *tree.Block:
		check.block(s)
	case *tree.VarDecl:
		return check.varDecl(s)
	case *tree.Assign:
		return check.assign(s)
	case *tree.If:
		for i := range s.Branches {
			br := &s.Branches[i]
			br.Cond = check.cond(br.Cond)
			check.block(br.Body)
		}
		if s.Else != nil {
			check.block(s.Else)
		}
	case *tree.While:
		s.Cond = check.cond(s.Cond)
		check.loopBody(func() { check.block(s.Body) })
	case *tree.Repeat:
		check.loopBody(func() { check.repeatBody(s) })
	case *tree.ForNum:
		check.forNum(s)
	case *tree.Break:
		if check.env.ctx&inLoop == 0 {
			check.errorf(s.Pos, "break found outside a loop")
		}
	case *tree.Return:
		check.returnStmt(s)
	case *tree.ExprStmt:
		return check.exprStmt(s)
	case *tree.Goto:
		check.gotoStmt(s)
	case *tree.LabelStmt:
		check.labelStmt(s)
	case *tree.Defer:
		x := check.expr(s.Call)
		s.Call = x
		if _, ok := x.(*tree.Call); !ok && !isErr(x.Base().Type) {
			check.errorf(x.Span(), "deferred statement must resolve to a function call")
		}
		if n := len(check.env.defers); n > 0 {
			check.env.defers[n-1]++
		}
	default:
		return check.moreStmt(s)
	}
	return []tree.Stmt{s}
}

// loopBody runs f with break allowed.
func (check *Checker) loopBody(f func()) {
	saved := check.env.ctx
	check.env.ctx |= inLoop
	defer func() { check.env.ctx = saved }()
	f()
}

// repeatBody checks `repeat body until cond`: cond sees the body's
// variables, so both are checked in the body's scope.
func (check *Checker) repeatBody(s *tree.Repeat) {
	e := check.env
	check.openScope()
	e.blocks, e.defers = append(e.blocks, s.Body), append(e.defers, 0)
	s.Body.Stmts = check.stmts(s.Body.Stmts)
	s.Cond = check.cond(s.Cond)
	e.blocks, e.defers = e.blocks[:len(e.blocks)-1], e.defers[:len(e.defers)-1]
	check.closeScope()
}

// cond checks a condition, which must be bool (no integer truthiness).
func (check *Checker) cond(c tree.Expr) tree.Expr {
	x := check.noDefers(c)
	t := x.Base().Type
	if !isErr(t) && t != types.Boolean {
		check.errorf(x.Span(), "expected a bool expression but found %s", t)
		return invalid(x)
	}
	return x
}

// forNum checks `for v = start, limit [, step]`. The variable's type is
// its annotation or the meet of the bounds, and must be integral; the
// bounds are converted to it.
func (check *Checker) forNum(s *tree.ForNum) {
	start, limit := check.expr(s.Start), check.expr(s.Limit)
	var step tree.Expr
	t := s.Var.Type
	if t == nil {
		t = check.meet(start.Span(), start.Base().Type, limit.Base().Type)
	}
	if s.Step != nil {
		step = check.expr(s.Step)
		if s.Var.Type == nil {
			t = check.meet(limit.Span(), t, step.Base().Type)
		}
	}
	if !isErr(t) && !t.IsIntegral() {
		check.errorf(s.Pos, "expected an integral type for loop initialization but found %s", t)
		t = types.ErrorT
	}
	s.Var.Checked = t
	s.Start, s.Limit = check.convert(start, t), check.convert(limit, t)
	if step != nil {
		s.Step = check.convert(step, t)
	}
	check.openScope()
	check.declare(s.Var, s.Pos, false)
	check.loopBody(func() { check.block(s.Body) })
	check.closeScope()
}

// exprStmt checks an expression statement. A Let (a spliced quote) is
// flattened into the enclosing block: its statements are checked in the
// current scope, so variables it declares stay visible after it, and
// its values become expression statements.
func (check *Checker) exprStmt(s *tree.ExprStmt) []tree.Stmt {
	if l, ok := s.X.(*tree.Let); ok {
		saved := check.env.spliced
		check.env.spliced = true
		out := check.stmts(l.Stmts)
		check.env.spliced = saved
		for _, x := range l.Exprs {
			out = append(out, check.exprStmt(&tree.ExprStmt{StmtBase: tree.StmtBase{Pos: x.Span()}, X: x})...)
		}
		return out
	}
	check.env.stmtAt, check.env.inStmtX = s.X.Span(), true
	x := check.rawExpr(s.X)
	check.env.inStmtX = false
	if sp, ok := x.(*stmtSplice); ok {
		return check.exprStmt(&tree.ExprStmt{StmtBase: s.StmtBase, X: sp.Let})
	}
	s.X = check.value(x)
	return []tree.Stmt{s}
}

// stmtSplice carries the unchecked expansion of a macro that is a whole
// expression statement back to exprStmt, which splices it into the
// block: as in Terra, statements a macro returns there (a quote, a list
// of quotes) declare their variables in the enclosing block.
type stmtSplice struct{ *tree.Let }

// expansion checks res, the expansion of a macro called at at. When the
// call is the whole of an expression statement and res is a Let, res is
// returned unchecked in a stmtSplice for exprStmt.
func (check *Checker) expansion(at source.Span, res tree.Expr) tree.Expr {
	if l, ok := res.(*tree.Let); ok && check.env.inStmtX && at == check.env.stmtAt {
		check.env.inStmtX = false
		return &stmtSplice{l}
	}
	return check.rawExpr(res)
}

// let checks `quote stmts in e1, e2 end` used as an expression: the
// statements run in their own scope, then the values; with one value
// the Let has its type and lvalue-ness, otherwise a tuple type.
func (check *Checker) let(l *tree.Let) tree.Expr {
	check.openScope()
	l.Stmts = check.stmts(l.Stmts)
	l.Exprs = check.exprList(l.Exprs)
	check.closeScope()
	if len(l.Exprs) == 1 {
		l.Type = l.Exprs[0].Base().Type
		l.LValue = l.Exprs[0].Base().LValue
		return l
	}
	for _, x := range l.Exprs {
		if isErr(x.Base().Type) {
			return invalid(l)
		}
	}
	l.Type = types.TupleOf(exprTypes(l.Exprs)...)
	l.LValue = false
	return l
}
