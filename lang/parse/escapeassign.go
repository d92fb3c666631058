// This file implements Terra's rule that the Lua code of an escape may not
// assign variables it did not declare: in Terra that code runs against a
// read-only view of the enclosing scope. Our escapes are real closures, so
// such assignments are rewritten into a call that raises Terra's error
// (after evaluating the right-hand sides, as the assignment would have).
package parse

import "github.com/yuin/gopher-lua/ast"

// escapeLocals tracks the names an escape declares, innermost scope last.
type escapeLocals struct {
	p      *parser
	scopes []map[string]bool
}

func (p *parser) guardEscapeStmts(stmts []ast.Stmt) []ast.Stmt {
	w := &escapeLocals{p: p, scopes: []map[string]bool{{}}}
	return w.stmts(stmts)
}

func (p *parser) guardEscapeExpr(e ast.Expr) {
	w := &escapeLocals{p: p, scopes: []map[string]bool{{}}}
	w.expr(e)
}

func (w *escapeLocals) push()               { w.scopes = append(w.scopes, map[string]bool{}) }
func (w *escapeLocals) pop()                { w.scopes = w.scopes[:len(w.scopes)-1] }
func (w *escapeLocals) declare(name string) { w.scopes[len(w.scopes)-1][name] = true }

func (w *escapeLocals) declared(name string) bool {
	for _, s := range w.scopes {
		if s[name] {
			return true
		}
	}
	return false
}

func (w *escapeLocals) block(stmts []ast.Stmt) []ast.Stmt {
	w.push()
	defer w.pop()
	return w.stmts(stmts)
}

func (w *escapeLocals) stmts(stmts []ast.Stmt) []ast.Stmt {
	for i, s := range stmts {
		stmts[i] = w.stmt(s)
	}
	return stmts
}

// forbidden makes the statement that replaces an assignment to a name the
// escape did not declare.
func (w *escapeLocals) forbidden(line int, rhs []ast.Expr) ast.Stmt {
	call := &ast.FuncCallStmt{Expr: w.p.terraCall(line, "escapeassign", rhs...)}
	call.SetLine(line)
	return call
}

func (w *escapeLocals) stmt(s ast.Stmt) ast.Stmt {
	switch s := s.(type) {
	case *ast.AssignStmt:
		w.exprs(s.Rhs)
		w.exprs(s.Lhs)
		for _, l := range s.Lhs {
			if id, ok := l.(*ast.IdentExpr); ok && !w.declared(id.Value) {
				return w.forbidden(s.Line(), s.Rhs)
			}
		}
	case *ast.LocalAssignStmt:
		w.exprs(s.Exprs)
		for _, n := range s.Names {
			w.declare(n)
		}
	case *ast.FuncCallStmt:
		w.expr(s.Expr)
	case *ast.DoBlockStmt:
		s.Stmts = w.block(s.Stmts)
	case *ast.WhileStmt:
		w.expr(s.Condition)
		s.Stmts = w.block(s.Stmts)
	case *ast.RepeatStmt:
		// The condition sees the body's locals.
		w.push()
		s.Stmts = w.stmts(s.Stmts)
		w.expr(s.Condition)
		w.pop()
	case *ast.IfStmt:
		w.expr(s.Condition)
		s.Then = w.block(s.Then)
		s.Else = w.block(s.Else)
	case *ast.NumberForStmt:
		w.expr(s.Init)
		w.expr(s.Limit)
		w.expr(s.Step)
		w.push()
		w.declare(s.Name)
		s.Stmts = w.stmts(s.Stmts)
		w.pop()
	case *ast.GenericForStmt:
		w.exprs(s.Exprs)
		w.push()
		for _, n := range s.Names {
			w.declare(n)
		}
		s.Stmts = w.stmts(s.Stmts)
		w.pop()
	case *ast.FuncDefStmt:
		w.expr(s.Name.Func)
		w.expr(s.Name.Receiver)
		w.expr(s.Func)
		if id, ok := s.Name.Func.(*ast.IdentExpr); ok && s.Name.Receiver == nil && !w.declared(id.Value) {
			return w.forbidden(s.Line(), nil)
		}
	case *ast.ReturnStmt:
		w.exprs(s.Exprs)
	}
	return s
}

func (w *escapeLocals) exprs(es []ast.Expr) {
	for _, e := range es {
		w.expr(e)
	}
}

func (w *escapeLocals) expr(e ast.Expr) {
	switch e := e.(type) {
	case *ast.AttrGetExpr:
		w.expr(e.Object)
		w.expr(e.Key)
	case *ast.TableExpr:
		for _, f := range e.Fields {
			w.expr(f.Key)
			w.expr(f.Value)
		}
	case *ast.FuncCallExpr:
		w.expr(e.Func)
		w.expr(e.Receiver)
		w.exprs(e.Args)
	case *ast.LogicalOpExpr:
		w.expr(e.Lhs)
		w.expr(e.Rhs)
	case *ast.RelationalOpExpr:
		w.expr(e.Lhs)
		w.expr(e.Rhs)
	case *ast.StringConcatOpExpr:
		w.expr(e.Lhs)
		w.expr(e.Rhs)
	case *ast.ArithmeticOpExpr:
		w.expr(e.Lhs)
		w.expr(e.Rhs)
	case *ast.UnaryMinusOpExpr:
		w.expr(e.Expr)
	case *ast.UnaryNotOpExpr:
		w.expr(e.Expr)
	case *ast.UnaryLenOpExpr:
		w.expr(e.Expr)
	case *ast.FunctionExpr:
		// A function written in the escape may assign the escape's
		// locals (its upvalues) and its own.
		w.push()
		if e.ParList != nil {
			for _, n := range e.ParList.Names {
				w.declare(n)
			}
		}
		e.Stmts = w.stmts(e.Stmts)
		w.pop()
	}
}
