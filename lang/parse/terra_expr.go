// This file implements Terra expressions.
package parse

import (
	"terrac/lang/scan"
	"terrac/lang/tast"
)

func (p *parser) terraExpr() tast.Expr { return p.terraSubexpr(0) }

func (p *parser) terraExprList() []tast.Expr {
	list := []tast.Expr{p.terraExpr()}
	for p.testNext(scan.Comma) {
		list = append(list, p.terraExpr())
	}
	return list
}

func (p *parser) terraSubexpr(limit int) tast.Expr {
	p.enter()
	defer p.leave()
	start := p.s.Pos
	var e tast.Expr
	switch tok := p.s.Tok; tok {
	case scan.Hash:
		p.syntaxErr("# operator not supported in Terra code.")
	case scan.Minus, scan.Not, scan.At, scan.Amp:
		p.s.Next()
		x := p.terraSubexpr(unaryPriority)
		e = &tast.Unary{Pos: tast.Pos{Start: start, End: p.s.PrevEnd}, Op: tok.String(), X: x}
	default:
		e = p.terraSimple()
	}
	for {
		op := p.s.Tok
		pri, ok := binPriority[op]
		if !ok || pri.left <= limit {
			return e
		}
		p.s.Next()
		y := p.terraSubexpr(pri.right)
		e = &tast.Binary{Pos: tast.Pos{Start: start, End: p.s.PrevEnd}, Op: op.String(), X: e, Y: y}
	}
}

func (p *parser) terraSimple() tast.Expr {
	start := p.s.Pos
	pos := func() tast.Pos { return tast.Pos{Start: start, End: p.s.PrevEnd} }
	var e tast.Expr
	switch p.s.Tok {
	case scan.Number:
		e = &tast.Number{Raw: p.s.Lit, Value: p.s.Num}
	case scan.String:
		e = &tast.String{Value: p.s.Lit}
	case scan.Nil:
		e = &tast.Nil{}
	case scan.True:
		e = &tast.Bool{Value: true}
	case scan.False:
		e = &tast.Bool{Value: false}
	case scan.LBrace:
		return p.terraConstructor()
	case scan.Escape:
		h := p.escapeBlock()
		return &tast.BlockEscape{Pos: pos(), Hole: h}
	case scan.Dots:
		p.syntaxErr("cannot use '...' in terra code")
	case scan.Function:
		p.syntaxErr("lua functions cannot be nested in terra functions.")
	case scan.Terra:
		p.syntaxErr("nested terra functions cannot be nested in terra functions.")
	case scan.Struct:
		p.syntaxErr("struct declarations cannot be nested in terra functions.")
	case scan.Backtick, scan.Quote:
		if p.tc != nil && p.tc.backtick {
			// `a or `b: the first backtick quotes `a or …` whole.
			p.report(p.s.Pos, "'"+p.s.Tok.String()+"' cannot be nested in terra functions. near "+p.near()+
				" (a backtick quotes the whole expression after it; parenthesize each quote: (`a) or (`b))")
			panic(syntaxError{p.s.Pos})
		}
		p.syntaxErr("'" + p.s.Tok.String() + "' cannot be nested in terra functions.")
	default:
		return p.terraPrimary()
	}
	p.s.Next()
	setPos(e, pos())
	return e
}

func setPos(e tast.Expr, pos tast.Pos) {
	switch e := e.(type) {
	case *tast.Number:
		e.Pos = pos
	case *tast.String:
		e.Pos = pos
	case *tast.Nil:
		e.Pos = pos
	case *tast.Bool:
		e.Pos = pos
	}
}

// terraPrimary parses prefixexp { suffix } in Terra code.
func (p *parser) terraPrimary() tast.Expr {
	start := p.s.Pos
	pos := func() tast.Pos { return tast.Pos{Start: start, End: p.s.PrevEnd} }
	var e tast.Expr
	switch p.s.Tok {
	case scan.Name:
		name, line, end := p.s.Lit, p.s.Line, p.s.End
		p.s.Next()
		id := &tast.Ident{Pos: pos(), Name: name}
		if d := p.lookup(name); d != nil {
			id.Decl = d
		} else {
			id.Hole = p.nameHole(name, start, end, line)
		}
		e = id
	case scan.LParen:
		line := p.s.Line
		p.s.Next()
		x := p.terraExpr()
		p.checkMatch(scan.RParen, scan.LParen, line)
		e = &tast.Paren{Pos: pos(), X: x}
	case scan.LBrack:
		h := p.symbolHole()
		h.Kind = tast.HoleEscape
		e = &tast.Escape{Pos: pos(), Hole: h}
	default:
		p.syntaxErr("unexpected symbol")
	}
	for {
		switch p.s.Tok {
		case scan.Dot:
			p.s.Next()
			sel := &tast.Select{X: e}
			if p.s.Tok == scan.LBrack {
				sel.NameHole = p.symbolHole()
			} else {
				sel.Name = p.checkName()
			}
			sel.Pos = pos()
			e = sel
		case scan.LBrack:
			if p.splitPrimary() {
				return e
			}
			line := p.s.Line
			p.s.Next()
			idx := p.terraExpr()
			p.checkMatch(scan.RBrack, scan.LBrack, line)
			e = &tast.Index{Pos: pos(), X: e, Index: idx}
		case scan.Colon:
			p.s.Next()
			m := &tast.MethodCall{Recv: e}
			if p.s.Tok == scan.LBrack {
				m.NameHole = p.symbolHole()
			} else {
				m.Name = p.checkName()
			}
			m.Args = p.terraArgs()
			m.Pos = pos()
			e = m
		case scan.LParen:
			if p.splitPrimary() {
				return e
			}
			fallthrough
		case scan.String, scan.LBrace:
			e = &tast.Call{Fn: e, Args: p.terraArgs()}
			e.(*tast.Call).Pos = pos()
		default:
			return e
		}
	}
}

func (p *parser) terraArgs() []tast.Expr {
	switch p.s.Tok {
	case scan.LParen:
		line := p.s.Line
		p.s.Next()
		if p.testNext(scan.RParen) {
			return []tast.Expr{}
		}
		args := p.terraExprList()
		p.checkMatch(scan.RParen, scan.LParen, line)
		return args
	case scan.LBrace:
		return []tast.Expr{p.terraConstructor()}
	case scan.String:
		s := &tast.String{Pos: tast.Pos{Start: p.s.Pos, End: p.s.End}, Value: p.s.Lit}
		p.s.Next()
		return []tast.Expr{s}
	}
	p.syntaxErr("function arguments expected")
	return nil
}

// terraConstructor parses {e, a = e, [e] = e}. A field starting with "[e]"
// not followed by '=' is a positional expression, as in Terra.
func (p *parser) terraConstructor() tast.Expr {
	start, line := p.s.Pos, p.s.Line
	p.checkNext(scan.LBrace)
	c := &tast.Constructor{Fields: []*tast.ConsField{}}
	for p.s.Tok != scan.RBrace {
		fstart := p.s.Pos
		f := &tast.ConsField{}
		switch {
		case p.s.Tok == scan.Name && p.s.Peek().Tok == scan.Assign:
			f.Name = p.s.Lit
			p.s.Next()
			p.s.Next()
			f.Value = p.terraExpr()
		case p.s.Tok == scan.LBrack:
			// A whole expression that starts with an escape ([T](x) << 1);
			// only a bare escape may be a key.
			x := p.terraExpr()
			if p.s.Tok != scan.Assign {
				f.Value = x
				break
			}
			esc, ok := x.(*tast.Escape)
			if !ok {
				p.syntaxErr("unexpected symbol")
			}
			p.s.Next()
			esc.Hole.Kind = tast.HoleSymbol
			f.KeyHole = esc.Hole
			f.Value = p.terraExpr()
		default:
			f.Value = p.terraExpr()
		}
		f.Pos = tast.Pos{Start: fstart, End: p.s.PrevEnd}
		c.Fields = append(c.Fields, f)
		if !p.testNext(scan.Comma) && !p.testNext(scan.Semi) {
			break
		}
	}
	p.checkMatch(scan.RBrace, scan.LBrace, line)
	c.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
	return c
}
