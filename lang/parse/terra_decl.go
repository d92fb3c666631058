// This file implements Terra constructs in Lua position: terra/struct
// statement groups, anonymous functions and structs, and quotes, together
// with the $terra calls they desugar to.
package parse

import (
	"fmt"
	"github.com/yuin/gopher-lua/ast"

	"terrac/lang/scan"
	"terrac/lang/tast"
)

// startsTerraStat reports whether a terra/struct statement starts here.
func (p *parser) startsTerraStat() bool {
	switch p.s.Tok {
	case scan.Terra, scan.Struct:
		return true
	case scan.Local:
		t := p.s.Peek().Tok
		return t == scan.Terra || t == scan.Struct
	}
	return false
}

// terraGroup parses consecutive terra/struct statements and emits
//
//	local l1, …                         -- for local terra/struct
//	p1, … = $terra.declare(ID, cur1, …)
//	$terra.define(ID, h1, …)
func (p *parser) terraGroup() []ast.Stmt {
	line := p.s.Line
	start := p.s.Pos
	tc, st := p.pushTerra()
	group := &tast.Group{}
	var locals []string
	var targets, curs []ast.Expr
	for p.startsTerraStat() {
		item, target := p.terraStat()
		group.Items = append(group.Items, item)
		targets = append(targets, target)
		// The runtime walks the rest of the path itself, so that a
		// missing table is reported as Terra words it.
		cur := p.pathExpr(pathRoot(target))
		curs = append(curs, closure(target.Line(), target.Line(), nil, false, returnStmt(target.Line(), cur)))
		switch it := item.(type) {
		case *tast.Func:
			if it.Local {
				locals = append(locals, it.Name[0])
			}
		case *tast.Struct:
			if it.Local {
				locals = append(locals, it.Name[0])
			}
		}
	}
	group.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
	p.restore(st)
	id := p.register(group, tc, line)

	var out []ast.Stmt
	if len(locals) > 0 {
		l := &ast.LocalAssignStmt{Names: locals, Exprs: []ast.Expr{}}
		l.SetLine(line)
		out = append(out, l)
	}
	// The declared objects go to temporaries first and are stored one
	// by one, so that a later target such as T.methods.m sees the struct
	// T that an earlier item of the same group just stored.
	// The declared objects go to a table first and are stored one by
	// one, so that a later target such as T.methods.m sees the struct T
	// that an earlier item of the same group just stored. One table, not
	// one local per item: a group may be longer than Lua's local limit.
	declCall := p.terraCall(line, "declare", append([]ast.Expr{id}, curs...)...)
	pack := &ast.TableExpr{Fields: []*ast.Field{{Value: declCall}}}
	pack.SetLine(line)
	decl := &ast.LocalAssignStmt{Names: []string{"$decls"}, Exprs: []ast.Expr{pack}}
	decl.SetLine(line)
	body := []ast.Stmt{decl}
	// Structs are stored before functions: a method or a function of the
	// group may name a struct declared further down in it.
	order := make([]int, 0, len(targets))
	for _, structs := range []bool{true, false} {
		for i, item := range group.Items {
			if _, ok := item.(*tast.Struct); ok == structs {
				order = append(order, i)
			}
		}
	}
	for _, i := range order {
		target := targets[i]
		tbl := &ast.IdentExpr{Value: "$decls"}
		tbl.SetLine(line)
		idx := &ast.NumberExpr{Value: fmt.Sprint(i + 1)}
		idx.SetLine(line)
		get := &ast.AttrGetExpr{Object: tbl, Key: idx}
		get.SetLine(line)
		a := &ast.AssignStmt{Lhs: []ast.Expr{target}, Rhs: []ast.Expr{get}}
		a.SetLine(line)
		body = append(body, a)
	}
	def := &ast.FuncCallStmt{Expr: p.terraCall(line, "define", append([]ast.Expr{id}, tc.closures...)...)}
	def.SetLine(line)
	do := &ast.DoBlockStmt{Stmts: append(body, def)}
	do.SetLine(line)
	do.SetLastLine(line)
	return append(out, do)
}

// pathRoot is the name a target path (A.b.c) starts from.
func pathRoot(e ast.Expr) ast.Expr {
	for {
		a, ok := e.(*ast.AttrGetExpr)
		if !ok {
			return e
		}
		e = a.Object
	}
}

// pathExpr copies a target path expression, so the AST stays a tree.
func (p *parser) pathExpr(e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.IdentExpr:
		n := &ast.IdentExpr{Value: e.Value}
		n.SetLine(e.Line())
		return n
	case *ast.AttrGetExpr:
		k := &ast.StringExpr{Value: e.Key.(*ast.StringExpr).Value}
		k.SetLine(e.Key.Line())
		n := &ast.AttrGetExpr{Object: p.pathExpr(e.Object), Key: k}
		n.SetLine(e.Line())
		return n
	}
	panic("parse: unexpected target path")
}

// terraStat parses one [local] terra/struct statement and returns the
// item and the Lua target it defines.
func (p *parser) terraStat() (tast.Decl, ast.Expr) {
	start := p.s.Pos
	local := p.testNext(scan.Local)
	kw := p.s.Tok
	p.s.Next()
	line := p.s.Line
	var name []string
	var target ast.Expr
	addName := func() {
		nline := p.s.Line
		n := p.checkName()
		name = append(name, n)
		if target == nil {
			target = &ast.IdentExpr{Value: n}
			target.SetLine(nline)
			return
		}
		k := &ast.StringExpr{Value: n}
		k.SetLine(nline)
		a := &ast.AttrGetExpr{Object: target, Key: k}
		a.SetLine(line)
		target = a
	}
	addName()
	method := false
	var recv ast.Expr
	if !local {
		for p.testNext(scan.Dot) {
			addName()
		}
		if kw == scan.Terra && p.testNext(scan.Colon) {
			method = true
			recv = p.pathExpr(target)
			k := &ast.StringExpr{Value: "methods"}
			k.SetLine(line)
			name = append(name, "methods")
			a := &ast.AttrGetExpr{Object: target, Key: k}
			a.SetLine(line)
			target = a
			addName()
		}
	}
	if kw == scan.Struct {
		s := &tast.Struct{Name: name, Local: local}
		p.structBody(s)
		s.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
		return s, target
	}
	f := &tast.Func{Name: name, Local: local, Method: method}
	if p.testNext(scan.DColon) {
		f.Type = p.luaHole(tast.HoleType)
	} else {
		var self *tast.VarDecl
		if method {
			ptr := p.terraCall(recv.Line(), "pointer", recv)
			self = &tast.VarDecl{Pos: tast.Pos{Start: start, End: start}, Name: "self", Self: true}
			self.Type = p.exprHole(tast.HoleType, ptr, start, start)
		}
		p.funcBody(f, self)
	}
	f.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
	return f, target
}

// funcBody parses "( params ) [: T] block end" of a Terra function.
func (p *parser) funcBody(f *tast.Func, self *tast.VarDecl) {
	line := p.s.Line
	p.checkNext(scan.LParen)
	p.openScope()
	defer p.scopeCloser()()
	if self != nil {
		f.Params = append(f.Params, self)
	}
	if p.s.Tok != scan.RParen {
		for {
			if p.testNext(scan.Dots) {
				f.Vararg = true
				break
			}
			v := &tast.VarDecl{Pos: tast.Pos{Start: p.s.Pos}}
			switch p.s.Tok {
			case scan.Name:
				v.Name = p.s.Lit
				p.s.Next()
				p.checkNext(scan.Colon)
				v.Type = p.luaHole(tast.HoleType)
			case scan.LBrack:
				v.Symbol = p.symbolHole()
				if p.testNext(scan.Colon) {
					v.Type = p.luaHole(tast.HoleType)
				}
			default:
				p.syntaxErr("<name> or '...' expected")
			}
			v.End = p.s.PrevEnd
			f.Params = append(f.Params, v)
			if !p.testNext(scan.Comma) {
				break
			}
		}
	}
	p.checkNext(scan.RParen)
	// Parameters come into scope after the whole list, as in Terra.
	for _, v := range f.Params {
		p.declare(v)
	}
	if p.testNext(scan.Colon) {
		f.Result = p.luaHole(tast.HoleType)
	}
	f.Body = p.terraBlock()
	p.checkMatch(scan.End, scan.Function, line)
}

// symbolHole parses "[ luaexpr ]" naming a declaration, label or field.
func (p *parser) symbolHole() *tast.Hole {
	line := p.s.Line
	p.checkNext(scan.LBrack)
	h := p.luaHole(tast.HoleSymbol)
	p.checkMatch(scan.RBrack, scan.LBrack, line)
	return h
}

// structBody parses "[( metatype )] [{ entries }]" after the struct name.
func (p *parser) structBody(s *tast.Struct) {
	if p.s.Tok == scan.LParen {
		line := p.s.Line
		p.s.Next()
		s.Metatype = p.luaHole(tast.HoleMeta)
		p.checkMatch(scan.RParen, scan.LParen, line)
	}
	if p.s.Tok == scan.LBrace || s.Metatype != nil {
		s.Defined = true
		s.Entries = p.structEntries()
	}
}

func (p *parser) structEntries() []tast.Entry {
	line := p.s.Line
	p.checkNext(scan.LBrace)
	entries := []tast.Entry{}
	for p.s.Tok != scan.RBrace {
		start := p.s.Pos
		switch {
		case p.s.Tok == scan.Union:
			p.s.Next()
			u := &tast.Union{Entries: p.structEntries()}
			u.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
			entries = append(entries, u)
		case p.s.Tok == scan.Name && p.s.Peek().Tok == scan.Colon:
			f := &tast.Field{Name: p.s.Lit}
			p.s.Next()
			p.s.Next()
			f.Type = p.luaHole(tast.HoleType)
			f.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
			entries = append(entries, f)
		case p.s.Tok == scan.LBrack:
			// [e] : T names the field by a Lua string or symbol.
			f := &tast.Field{NameHole: p.symbolHole()}
			p.checkNext(scan.Colon)
			f.Type = p.luaHole(tast.HoleType)
			f.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
			entries = append(entries, f)
		default:
			f := &tast.Field{Type: p.luaHole(tast.HoleType)}
			f.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
			entries = append(entries, f)
		}
		if !p.testNext(scan.Comma) && !p.testNext(scan.Semi) {
			// Fields may also be separated by line breaks alone.
			if p.s.Tok == scan.RBrace || p.s.Line == p.s.PrevEndLine {
				break
			}
		}
	}
	p.checkMatch(scan.RBrace, scan.LBrace, line)
	return entries
}

// anonFunction parses terra (…) … end (or terra :: T) in expression
// position: $terra.anonfunction(ID, h1, …).
func (p *parser) anonFunction() ast.Expr {
	if p.inTerra {
		p.syntaxErr("nested terra functions cannot be nested in terra functions.")
	}
	line, start := p.s.Line, p.s.Pos
	tc, st := p.pushTerra()
	p.s.Next()
	f := &tast.Func{}
	if p.testNext(scan.DColon) {
		f.Type = p.luaHole(tast.HoleType)
	} else {
		p.funcBody(f, nil)
	}
	f.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
	p.restore(st)
	id := p.register(f, tc, line)
	return p.terraCall(line, "anonfunction", append([]ast.Expr{id}, tc.closures...)...)
}

// anonStruct parses struct [(meta)] { … } in expression position.
func (p *parser) anonStruct() ast.Expr {
	if p.inTerra {
		p.syntaxErr("struct declarations cannot be nested in terra functions.")
	}
	line, start := p.s.Line, p.s.Pos
	tc, st := p.pushTerra()
	p.s.Next()
	s := &tast.Struct{Defined: true}
	if p.s.Tok == scan.LParen {
		p.structBody(s)
	} else {
		s.Entries = p.structEntries()
	}
	s.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
	p.restore(st)
	id := p.register(s, tc, line)
	return p.terraCall(line, "anonstruct", append([]ast.Expr{id}, tc.closures...)...)
}

// quote parses `e or quote … [in e1, …] end: $terra.quote(ID, h1, …).
func (p *parser) quote() ast.Expr {
	if p.inTerra {
		p.syntaxErr("'" + p.s.Tok.String() + "' cannot be nested in terra functions.")
	}
	line, start := p.s.Line, p.s.Pos
	tok := p.s.Tok
	tc, st := p.pushTerra()
	p.openScope()
	p.s.Next()
	q := &tast.Quote{}
	if tok == scan.Backtick {
		tc.backtick = true
		q.Expr = p.terraExpr()
	} else {
		q.Body = p.terraBlockStmts()
		if p.testNext(scan.In) {
			q.Results = p.terraExprList()
		}
		p.checkMatch(scan.End, scan.Quote, line)
	}
	q.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
	p.restore(st)
	id := p.register(q, tc, line)
	return p.terraCall(line, "quote", append([]ast.Expr{id}, tc.closures...)...)
}
