// This file implements Lua statements and blocks.
package parse

import (
	"github.com/yuin/gopher-lua/ast"

	"terrac/lang/scan"
)

// luaBlockStmts parses statements up to a block ender. 'return' must be the
// last statement. Each statement is parsed under recovery so one mistake
// does not hide the rest of the file.
func (p *parser) luaBlockStmts() []ast.Stmt {
	p.enter()
	defer p.leave()
	// Imported languages are scoped to the block.
	defer func(n, b int) { p.langs, p.blockLangs = p.langs[:n], b }(len(p.langs), p.blockLangs)
	p.blockLangs = len(p.langs)
	stmts := []ast.Stmt{}
	for !p.blockFollow(true) {
		if p.s.Tok == scan.Return {
			p.recoverStmt(func() { stmts = append(stmts, p.luaReturn()) })
			return stmts
		}
		p.recoverStmt(func() { stmts = append(stmts, p.luaStatement()...) })
	}
	return stmts
}

func (p *parser) luaReturn() ast.Stmt {
	r := &ast.ReturnStmt{}
	r.SetLine(p.s.Line)
	p.s.Next()
	if !p.blockFollow(true) && p.s.Tok != scan.Semi {
		r.Exprs = p.luaExprList()
	}
	p.testNext(scan.Semi)
	return r
}

// luaStatement parses one statement; Terra groups expand to several.
func (p *parser) luaStatement() []ast.Stmt {
	line := p.s.Line
	one := func(s ast.Stmt) []ast.Stmt { return []ast.Stmt{s} }
	if p.s.Tok == scan.Import && p.cfg.Importer != nil && !p.inTerra {
		return p.importStat()
	}
	if lang := p.extAt(ExtStatement); lang != nil {
		return p.extStatement(lang, false)
	}
	if p.s.Tok == scan.Local {
		if lang := p.extAt(ExtLocalStatement); lang != nil {
			return p.extStatement(lang, true)
		}
	}
	switch p.s.Tok {
	case scan.Semi:
		p.s.Next()
		return nil
	case scan.If:
		return one(p.luaIf(line))
	case scan.While:
		p.s.Next()
		cond := p.luaExpr()
		p.checkNext(scan.Do)
		body := p.luaBlockStmts()
		s := &ast.WhileStmt{Condition: cond, Stmts: body}
		s.SetLine(line)
		s.SetLastLine(p.s.Line)
		p.checkMatch(scan.End, scan.While, line)
		return one(s)
	case scan.Do:
		p.s.Next()
		body := p.luaBlockStmts()
		s := &ast.DoBlockStmt{Stmts: body}
		s.SetLine(line)
		s.SetLastLine(p.s.Line)
		p.checkMatch(scan.End, scan.Do, line)
		return one(s)
	case scan.For:
		return one(p.luaFor(line))
	case scan.Repeat:
		p.s.Next()
		body := p.luaBlockStmts()
		p.checkMatch(scan.Until, scan.Repeat, line)
		cond := p.luaExpr()
		s := &ast.RepeatStmt{Condition: cond, Stmts: body}
		s.SetLine(line)
		s.SetLastLine(cond.Line())
		return one(s)
	case scan.Function:
		return one(p.luaFuncStat(line))
	case scan.Local:
		if t := p.s.Peek().Tok; t == scan.Terra || t == scan.Struct {
			return p.terraGroup()
		}
		p.s.Next()
		if p.testNext(scan.Function) {
			name := p.checkName()
			f := p.luaFuncBody()
			s := &ast.LocalAssignStmt{Names: []string{name}, Exprs: []ast.Expr{f}}
			s.SetLine(line)
			s.SetLastLine(f.LastLine())
			return one(s)
		}
		names := []string{p.checkName()}
		for p.testNext(scan.Comma) {
			names = append(names, p.checkName())
		}
		s := &ast.LocalAssignStmt{Names: names, Exprs: []ast.Expr{}}
		if p.testNext(scan.Assign) {
			s.Exprs = p.luaExprList()
		}
		s.SetLine(line)
		return one(s)
	case scan.Terra, scan.Struct:
		return p.terraGroup()
	case scan.DColon:
		p.s.Next()
		s := &ast.LabelStmt{Name: p.checkName()}
		p.checkNext(scan.DColon)
		s.SetLine(line)
		return one(s)
	case scan.Goto:
		p.s.Next()
		s := &ast.GotoStmt{Label: p.checkName()}
		s.SetLine(line)
		return one(s)
	case scan.Break:
		p.s.Next()
		s := &ast.BreakStmt{}
		s.SetLine(line)
		return one(s)
	case scan.Var:
		p.semErr(p.s.Pos, "variables cannot be used outside terra functions.")
	case scan.Defer, scan.Switch, scan.Case, scan.Escape, scan.Import, scan.Union:
		p.syntaxErr("'" + p.s.Tok.String() + "' cannot be used outside terra functions.")
	}
	return one(p.luaExprStat())
}

func (p *parser) luaIf(line int) ast.Stmt {
	p.s.Next()
	cond := p.luaExpr()
	p.checkNext(scan.Then)
	top := &ast.IfStmt{Condition: cond, Then: p.luaBlockStmts()}
	top.SetLine(line)
	cur := top
	for p.s.Tok == scan.Elseif {
		eline := p.s.Line
		p.s.Next()
		c := p.luaExpr()
		p.checkNext(scan.Then)
		n := &ast.IfStmt{Condition: c, Then: p.luaBlockStmts()}
		n.SetLine(eline)
		cur.Else = []ast.Stmt{n}
		cur = n
	}
	if p.testNext(scan.Else) {
		cur.Else = p.luaBlockStmts()
	}
	top.SetLastLine(p.s.Line)
	p.checkMatch(scan.End, scan.If, line)
	return top
}

func (p *parser) luaFor(line int) ast.Stmt {
	p.s.Next()
	name := p.checkName()
	switch p.s.Tok {
	case scan.Assign:
		p.s.Next()
		s := &ast.NumberForStmt{Name: name, Init: p.luaExpr()}
		p.checkNext(scan.Comma)
		s.Limit = p.luaExpr()
		if p.testNext(scan.Comma) {
			s.Step = p.luaExpr()
		}
		p.checkNext(scan.Do)
		s.Stmts = p.luaBlockStmts()
		s.SetLine(line)
		s.SetLastLine(p.s.Line)
		p.checkMatch(scan.End, scan.For, line)
		return s
	case scan.Comma, scan.In:
		names := []string{name}
		for p.testNext(scan.Comma) {
			names = append(names, p.checkName())
		}
		p.checkNext(scan.In)
		s := &ast.GenericForStmt{Names: names, Exprs: p.luaExprList()}
		p.checkNext(scan.Do)
		s.Stmts = p.luaBlockStmts()
		s.SetLine(line)
		s.SetLastLine(p.s.Line)
		p.checkMatch(scan.End, scan.For, line)
		return s
	}
	p.syntaxErr("'=' or 'in' expected")
	return nil
}

func (p *parser) luaFuncStat(line int) ast.Stmt {
	p.s.Next()
	nline := p.s.Line
	var fn ast.Expr = &ast.IdentExpr{Value: p.checkName()}
	fn.SetLine(nline)
	for p.s.Tok == scan.Dot {
		p.s.Next()
		kline := p.s.Line
		key := &ast.StringExpr{Value: p.checkName()}
		key.SetLine(kline)
		a := &ast.AttrGetExpr{Object: fn, Key: key}
		a.SetLine(kline)
		fn = a
	}
	name := &ast.FuncName{Func: fn}
	if p.testNext(scan.Colon) {
		name = &ast.FuncName{Receiver: fn, Method: p.checkName()}
	}
	f := p.luaFuncBody()
	s := &ast.FuncDefStmt{Name: name, Func: f}
	s.SetLine(line)
	s.SetLastLine(f.LastLine())
	return s
}

// luaExprStat parses a call statement or an assignment.
func (p *parser) luaExprStat() ast.Stmt {
	e := p.luaPrimary()
	if p.s.Tok == scan.Assign || p.s.Tok == scan.Comma {
		lhs := []ast.Expr{p.checkAssignable(e)}
		for p.testNext(scan.Comma) {
			lhs = append(lhs, p.checkAssignable(p.luaPrimary()))
		}
		p.checkNext(scan.Assign)
		s := &ast.AssignStmt{Lhs: lhs, Rhs: p.luaExprList()}
		s.SetLine(lhs[0].Line())
		return s
	}
	call, ok := e.(*ast.FuncCallExpr)
	if !ok || p.parens[e] {
		if p.s.Tok == scan.Quote || p.s.Tok == scan.Backtick {
			// A quote on a later line is not an argument (as in Terra
			// it starts a statement), and no statement starts with one.
			p.syntaxErr("unexpected symbol")
		}
		p.syntaxErr("syntax error")
	}
	s := &ast.FuncCallStmt{Expr: call}
	s.SetLine(call.Line())
	return s
}

func (p *parser) checkAssignable(e ast.Expr) ast.Expr {
	switch e.(type) {
	case *ast.IdentExpr, *ast.AttrGetExpr:
		if !p.parens[e] {
			return e
		}
	}
	p.syntaxErr("syntax error")
	return nil
}
