// This file implements Terra statements and blocks.
package parse

import (
	"terrac/lang/scan"
	"terrac/lang/source"
	"terrac/lang/tast"
)

// terraBlock parses a block in a new scope.
func (p *parser) terraBlock() *tast.Block {
	p.openScope()
	defer p.scopeCloser()()
	return p.terraBlockStmts()
}

// terraBlockStmts parses statements in the current scope up to a block
// ender (or 'in', which ends the body of quote … in … end).
func (p *parser) terraBlockStmts() *tast.Block {
	p.enter()
	defer p.leave()
	b := &tast.Block{Pos: tast.Pos{Start: p.s.Pos}, Stmts: []tast.Stmt{}}
	for !p.blockFollow(true) && p.s.Tok != scan.In {
		last := p.s.Tok == scan.Return
		p.recoverStmt(func() {
			if s := p.terraStatement(); s != nil {
				b.Stmts = append(b.Stmts, s)
			}
		})
		if last {
			break
		}
	}
	b.End = p.s.PrevEnd
	return b
}

func (p *parser) terraStatement() tast.Stmt {
	start, line := p.s.Pos, p.s.Line
	pos := func() tast.Pos { return tast.Pos{Start: start, End: p.s.PrevEnd} }
	switch p.s.Tok {
	case scan.Semi:
		p.s.Next()
		return nil
	case scan.If:
		s := &tast.IfStmt{}
		for p.s.Tok == scan.If || p.s.Tok == scan.Elseif {
			cstart := p.s.Pos
			p.s.Next()
			c := &tast.IfClause{Cond: p.terraExpr()}
			p.checkNext(scan.Then)
			c.Body = p.terraBlock()
			c.Pos = tast.Pos{Start: cstart, End: p.s.PrevEnd}
			s.Clauses = append(s.Clauses, c)
		}
		if p.testNext(scan.Else) {
			s.Else = p.terraBlock()
		}
		p.checkMatch(scan.End, scan.If, line)
		s.Pos = pos()
		return s
	case scan.While:
		p.s.Next()
		s := &tast.WhileStmt{Cond: p.terraExpr()}
		p.checkNext(scan.Do)
		s.Body = p.terraBlock()
		p.checkMatch(scan.End, scan.While, line)
		s.Pos = pos()
		return s
	case scan.Do:
		p.s.Next()
		s := &tast.DoStmt{Body: p.terraBlock()}
		p.checkMatch(scan.End, scan.Do, line)
		s.Pos = pos()
		return s
	case scan.Repeat:
		p.s.Next()
		// The condition sees the body's locals: one scope for both.
		p.openScope()
		s := &tast.RepeatStmt{Body: p.terraBlockStmts()}
		p.checkMatch(scan.Until, scan.Repeat, line)
		s.Cond = p.terraExpr()
		p.closeScope()
		s.Pos = pos()
		return s
	case scan.For:
		return p.terraFor(start, line)
	case scan.Var:
		p.s.Next()
		return p.terraVar(start)
	case scan.Return:
		p.s.Next()
		s := &tast.ReturnStmt{}
		if !p.blockFollow(true) && p.s.Tok != scan.Semi && p.s.Tok != scan.In {
			s.Values = p.terraExprList()
		}
		p.testNext(scan.Semi)
		s.Pos = pos()
		return s
	case scan.Break:
		p.s.Next()
		return &tast.BreakStmt{Pos: pos()}
	case scan.Goto:
		p.s.Next()
		s := &tast.GotoStmt{Label: p.label()}
		s.Pos = pos()
		return s
	case scan.DColon:
		p.s.Next()
		s := &tast.LabelStmt{Label: p.label()}
		p.checkNext(scan.DColon)
		s.Pos = pos()
		return s
	case scan.Defer:
		p.s.Next()
		s := &tast.DeferStmt{X: p.terraExpr()}
		s.Pos = pos()
		return s
	case scan.Switch:
		return p.terraSwitch(start, line)
	case scan.Case:
		return p.terraCase(start, line)
	case scan.Escape:
		h := p.escapeBlock()
		return &tast.ExprStmt{Pos: pos(), X: &tast.BlockEscape{Pos: pos(), Hole: h}}
	case scan.Function:
		p.syntaxErr("lua functions cannot be nested in terra functions.")
	case scan.Local:
		p.syntaxErr("local keywords cannot be nested in terra functions.")
	case scan.Terra, scan.Struct:
		p.syntaxErr("terra declarations cannot be nested in terra functions.")
	}
	return p.terraExprStat(start)
}

func (p *parser) label() *tast.Label {
	start := p.s.Pos
	if p.s.Tok == scan.LBrack {
		return &tast.Label{Pos: tast.Pos{Start: start, End: p.s.PrevEnd}, Hole: p.symbolHole()}
	}
	l := &tast.Label{Name: p.checkName()}
	l.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
	return l
}

// varDecl parses NAME or [sym], then an optional ": T".
func (p *parser) varDecl() *tast.VarDecl {
	v := &tast.VarDecl{Pos: tast.Pos{Start: p.s.Pos}}
	if p.s.Tok == scan.LBrack {
		v.Symbol = p.symbolHole()
	} else {
		v.Name = p.checkName()
	}
	if p.testNext(scan.Colon) {
		v.Type = p.luaHole(tast.HoleType)
	}
	v.End = p.s.PrevEnd
	return v
}

func (p *parser) terraVar(start source.Pos) tast.Stmt {
	s := &tast.VarStmt{}
	for {
		s.Vars = append(s.Vars, p.varDecl())
		if !p.testNext(scan.Comma) {
			break
		}
	}
	if p.testNext(scan.Assign) {
		s.Values = p.terraExprList()
	}
	// Initializers are evaluated before the new names exist.
	for _, v := range s.Vars {
		p.declare(v)
	}
	s.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
	return s
}

func (p *parser) terraFor(start source.Pos, line int) tast.Stmt {
	p.s.Next()
	first := p.varDecl()
	switch p.s.Tok {
	case scan.Assign:
		p.s.Next()
		s := &tast.ForNumStmt{Var: first, Start: p.terraExpr()}
		p.checkNext(scan.Comma)
		s.Limit = p.terraExpr()
		if p.testNext(scan.Comma) {
			s.Step = p.terraExpr()
		}
		p.checkNext(scan.Do)
		p.openScope()
		p.declare(first)
		s.Body = p.terraBlock()
		p.closeScope()
		p.checkMatch(scan.End, scan.For, line)
		s.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
		return s
	case scan.Comma, scan.In:
		s := &tast.ForInStmt{Vars: []*tast.VarDecl{first}}
		for p.testNext(scan.Comma) {
			s.Vars = append(s.Vars, p.varDecl())
		}
		p.checkNext(scan.In)
		s.Iter = p.terraExprList()
		p.checkNext(scan.Do)
		p.openScope()
		for _, v := range s.Vars {
			p.declare(v)
		}
		s.Body = p.terraBlock()
		p.closeScope()
		p.checkMatch(scan.End, scan.For, line)
		s.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
		return s
	}
	p.syntaxErr("'=' or 'in' expected")
	return nil
}

// terraSwitch parses switch e do <cases> [else block] end. The case list
// is an ordinary statement list, so escapes may splice cases into it.
func (p *parser) terraSwitch(start source.Pos, line int) tast.Stmt {
	p.s.Next()
	s := &tast.SwitchStmt{Value: p.terraExpr()}
	p.checkNext(scan.Do)
	saved := p.caseBody
	p.caseBody = false
	s.Cases = p.terraBlock().Stmts
	p.caseBody = saved
	if p.testNext(scan.Else) {
		s.Else = p.terraBlock()
	}
	p.checkMatch(scan.End, scan.Switch, line)
	s.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
	return s
}

// terraCase parses case e1, … then block. The block ends at the next
// case, else or end; an 'end' there belongs to this case.
func (p *parser) terraCase(start source.Pos, line int) tast.Stmt {
	p.s.Next()
	s := &tast.CaseStmt{Values: p.terraExprList()}
	p.checkNext(scan.Then)
	saved := p.caseBody
	p.caseBody = true
	s.Body = p.terraBlock()
	p.caseBody = saved
	p.testNext(scan.End)
	s.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
	return s
}

// terraExprStat parses an expression statement or a parallel assignment.
func (p *parser) terraExprStat(start source.Pos) tast.Stmt {
	e := p.lhsExpr()
	if p.s.Tok != scan.Assign && p.s.Tok != scan.Comma {
		return &tast.ExprStmt{Pos: tast.Pos{Start: start, End: p.s.PrevEnd}, X: e}
	}
	s := &tast.AssignStmt{Lhs: []tast.Expr{e}}
	for p.testNext(scan.Comma) {
		s.Lhs = append(s.Lhs, p.lhsExpr())
	}
	p.checkNext(scan.Assign)
	s.Rhs = p.terraExprList()
	s.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
	return s
}

// lhsExpr: a primary expression, or any expression starting with '@'.
func (p *parser) lhsExpr() tast.Expr {
	if p.s.Tok == scan.At {
		return p.terraExpr()
	}
	return p.terraPrimary()
}
