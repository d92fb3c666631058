// This file implements Lua expressions, built as gopher-lua AST nodes with
// the shapes and lines gopher-lua's own parser produces.
package parse

import (
	"strconv"

	"github.com/yuin/gopher-lua/ast"

	"terrac/lang/scan"
)

// Binary operator priorities, Terra's table (Lua 5.1's plus shifts and ->).
// Only their relative order matters to the gopher-lua shapes.
type priority struct{ left, right int }

var binPriority = map[scan.Token]priority{
	scan.Plus: {7, 7}, scan.Minus: {7, 7},
	scan.Star: {8, 8}, scan.Slash: {8, 8}, scan.Percent: {8, 8},
	scan.Caret: {11, 10}, scan.Concat: {6, 5},
	scan.Shl: {4, 4}, scan.Shr: {4, 4},
	scan.Eq: {3, 3}, scan.Lt: {3, 3}, scan.Le: {3, 3},
	scan.Ne: {3, 3}, scan.Gt: {3, 3}, scan.Ge: {3, 3},
	scan.And: {2, 2}, scan.Or: {1, 1},
	scan.Arrow: {3, 2},
}

const unaryPriority = 9

func (p *parser) luaExpr() ast.Expr { return p.luaSubexpr(0) }

func (p *parser) luaExprList() []ast.Expr {
	list := []ast.Expr{p.luaExpr()}
	for p.testNext(scan.Comma) {
		list = append(list, p.luaExpr())
	}
	return list
}

func (p *parser) checkLuaOperator() {
	switch p.s.Tok {
	case scan.At, scan.Shl, scan.Shr:
		p.syntaxErr("@, <<, and >> operators not supported in Lua code.")
	}
}

func (p *parser) luaSubexpr(limit int) ast.Expr {
	p.enter()
	defer p.leave()
	var e ast.Expr
	p.checkLuaOperator()
	switch tok, line := p.s.Tok, p.s.Line; tok {
	case scan.Minus, scan.Not, scan.Hash:
		p.s.Next()
		x := p.luaSubexpr(unaryPriority)
		switch tok {
		case scan.Minus:
			e = &ast.UnaryMinusOpExpr{Expr: x}
		case scan.Not:
			e = &ast.UnaryNotOpExpr{Expr: x}
		default:
			e = &ast.UnaryLenOpExpr{Expr: x}
		}
		e.SetLine(x.Line())
	case scan.Amp:
		// &T in Lua code builds a pointer type.
		p.s.Next()
		x := p.luaSubexpr(unaryPriority)
		e = p.terraCall(line, "pointer", x)
	default:
		e = p.luaSimple()
	}
	for {
		// Only a token that continues the expression is checked: `@`
		// after a type annotation starts the next Terra statement.
		op := p.s.Tok
		pri, ok := binPriority[op]
		if !ok || pri.left <= limit {
			return e
		}
		p.checkLuaOperator()
		p.s.Next()
		y := p.luaSubexpr(pri.right)
		e = p.luaBinary(op, e, y)
	}
}

func (p *parser) luaBinary(op scan.Token, x, y ast.Expr) ast.Expr {
	var e ast.Expr
	switch op {
	case scan.And, scan.Or:
		e = &ast.LogicalOpExpr{Lhs: x, Operator: op.String(), Rhs: y}
	case scan.Eq, scan.Ne, scan.Lt, scan.Le, scan.Gt, scan.Ge:
		e = &ast.RelationalOpExpr{Lhs: x, Operator: op.String(), Rhs: y}
	case scan.Concat:
		e = &ast.StringConcatOpExpr{Lhs: x, Rhs: y}
	case scan.Arrow:
		// A -> B in Lua code builds a function pointer type.
		return p.terraCall(x.Line(), "funcpointer", x, y)
	default:
		e = &ast.ArithmeticOpExpr{Lhs: x, Operator: op.String(), Rhs: y}
	}
	e.SetLine(x.Line())
	return e
}

func (p *parser) luaSimple() ast.Expr {
	line := p.s.Line
	var e ast.Expr
	switch p.s.Tok {
	case scan.Nil:
		e = &ast.NilExpr{}
	case scan.True:
		e = &ast.TrueExpr{}
	case scan.False:
		e = &ast.FalseExpr{}
	case scan.Number:
		e = p.luaNumber()
	case scan.String:
		e = &ast.StringExpr{Value: p.s.Lit}
	case scan.Dots:
		if !p.fs.vararg {
			p.syntaxErr("cannot use '...' outside a vararg function")
		}
		e = &ast.Comma3Expr{}
	case scan.LBrace:
		return p.luaTable()
	case scan.Function:
		p.s.Next()
		f := p.luaFuncBody()
		fe := &ast.FunctionExpr{ParList: f.ParList, Stmts: f.Stmts}
		fe.SetLine(line)
		fe.SetLastLine(f.LastLine())
		return fe
	case scan.Terra:
		return p.anonFunction()
	case scan.Struct:
		return p.anonStruct()
	case scan.Backtick, scan.Quote:
		return p.quote()
	default:
		if lang := p.extAt(ExtExpression); lang != nil {
			return p.extExpr(lang)
		}
		return p.luaPrimary()
	}
	e.SetLine(line)
	p.s.Next()
	return e
}

// luaNumber converts a numeric token for Lua. gopher-lua keeps the raw
// text (and drops one leading zero of "0123"); suffixed 64-bit literals
// become a runtime call because Lua numbers are doubles.
func (p *parser) luaNumber() ast.Expr {
	v, line := p.s.Num, p.s.Line
	switch v.Kind {
	case scan.Int64, scan.Uint64:
		val := strconv.FormatInt(int64(v.Int), 10)
		var unsigned ast.Expr = &ast.FalseExpr{}
		if v.Kind == scan.Uint64 {
			val = strconv.FormatUint(v.Int, 10)
			unsigned = &ast.TrueExpr{}
		}
		unsigned.SetLine(line)
		s := &ast.StringExpr{Value: val}
		s.SetLine(line)
		return p.terraCall(line, "int64lit", s, unsigned)
	case scan.Uint32:
		p.syntaxErr("malformed number")
	}
	text := v.Text
	if len(text) > 1 && text[0] == '0' && text[1] >= '0' && text[1] <= '9' {
		text = text[1:]
	}
	return &ast.NumberExpr{Value: text}
}

// luaPrimary parses prefixexp { suffix }.
func (p *parser) luaPrimary() ast.Expr {
	var e ast.Expr
	switch p.s.Tok {
	case scan.Name:
		p.noteName(p.s.Lit)
		e = &ast.IdentExpr{Value: p.s.Lit}
		e.SetLine(p.s.Line)
		p.s.Next()
	case scan.LParen:
		line := p.s.Line
		p.s.Next()
		inner := p.luaExpr()
		p.checkMatch(scan.RParen, scan.LParen, line)
		if call, ok := inner.(*ast.FuncCallExpr); ok && !p.parens[inner] {
			call.AdjustRet = true
		} else {
			if c3, ok := inner.(*ast.Comma3Expr); ok {
				c3.AdjustRet = true
			}
			inner.SetLine(line)
		}
		p.parens[inner] = true
		e = inner
	case scan.LBrack:
		p.syntaxErr("antiquotation cannot be used outside terra functions.")
	default:
		p.syntaxErr("unexpected symbol")
	}
	for {
		switch p.s.Tok {
		case scan.Dot:
			p.s.Next()
			e = p.attr(e, p.nameKey())
		case scan.LBrack:
			if p.splitPrimary() {
				return e
			}
			p.s.Next()
			k := p.luaExpr()
			p.checkNext(scan.RBrack)
			e = p.attr(e, k)
		case scan.Colon:
			p.s.Next()
			name := p.checkName()
			args := p.luaArgs()
			c := &ast.FuncCallExpr{Receiver: e, Method: name, Args: args}
			c.SetLine(e.Line())
			e = c
		case scan.LParen, scan.Backtick, scan.Quote:
			if p.splitPrimary() {
				return e
			}
			fallthrough
		case scan.String, scan.LBrace:
			args := p.luaArgs()
			c := &ast.FuncCallExpr{Func: e, Args: args}
			c.SetLine(e.Line())
			e = c
		default:
			return e
		}
	}
}

func (p *parser) nameKey() ast.Expr {
	line := p.s.Line
	k := &ast.StringExpr{Value: p.checkName()}
	k.SetLine(line)
	return k
}

func (p *parser) attr(obj, key ast.Expr) ast.Expr {
	e := &ast.AttrGetExpr{Object: obj, Key: key}
	e.SetLine(obj.Line())
	return e
}

func (p *parser) luaArgs() []ast.Expr {
	switch p.s.Tok {
	case scan.LParen:
		line := p.s.Line
		p.s.Next()
		if p.testNext(scan.RParen) {
			return []ast.Expr{}
		}
		args := p.luaExprList()
		p.checkMatch(scan.RParen, scan.LParen, line)
		return args
	case scan.LBrace:
		return []ast.Expr{p.luaTable()}
	case scan.String:
		s := &ast.StringExpr{Value: p.s.Lit}
		s.SetLine(p.s.Line)
		p.s.Next()
		return []ast.Expr{s}
	case scan.Backtick, scan.Quote:
		// f `e and f quote … end pass one quote, like f "s" and f {…}.
		return []ast.Expr{p.quote()}
	}
	p.syntaxErr("function arguments expected")
	return nil
}

func (p *parser) luaTable() ast.Expr {
	line := p.s.Line
	p.checkNext(scan.LBrace)
	t := &ast.TableExpr{Fields: []*ast.Field{}}
	t.SetLine(line)
	for p.s.Tok != scan.RBrace {
		var f *ast.Field
		switch {
		case p.s.Tok == scan.Name && p.s.Peek().Tok == scan.Assign:
			k := p.nameKey()
			p.s.Next() // '='
			f = &ast.Field{Key: k, Value: p.luaExpr()}
		case p.s.Tok == scan.LBrack:
			p.s.Next()
			k := p.luaExpr()
			p.checkNext(scan.RBrack)
			p.checkNext(scan.Assign)
			f = &ast.Field{Key: k, Value: p.luaExpr()}
		default:
			f = &ast.Field{Value: p.luaExpr()}
		}
		t.Fields = append(t.Fields, f)
		if !p.testNext(scan.Comma) && !p.testNext(scan.Semi) {
			break
		}
	}
	p.checkMatch(scan.RBrace, scan.LBrace, line)
	return t
}

// luaFuncBody parses "( params ) block end" after 'function' or the name;
// the result has Line of '(' and LastLine of 'end', like gopher-lua's funcbody.
func (p *parser) luaFuncBody() *ast.FunctionExpr {
	line := p.s.Line
	p.checkNext(scan.LParen)
	pl := &ast.ParList{Names: []string{}}
	if p.s.Tok != scan.RParen {
		for {
			if p.s.Tok == scan.Dots {
				p.s.Next()
				pl.HasVargs = true
				break
			}
			if p.s.Tok != scan.Name {
				p.syntaxErr("<name> or '...' expected")
			}
			pl.Names = append(pl.Names, p.checkName())
			if !p.testNext(scan.Comma) {
				break
			}
		}
	}
	p.checkNext(scan.RParen)
	saved := p.fs
	p.fs = &funcState{vararg: pl.HasVargs}
	stmts := p.luaBlockStmts()
	p.fs = saved
	f := &ast.FunctionExpr{ParList: pl, Stmts: stmts}
	f.SetLine(line)
	f.SetLastLine(p.s.Line)
	p.checkMatch(scan.End, scan.Function, line)
	return f
}

// maxTerraCallArgs is the most arguments a $terra call passes one by
// one; the runtime accepts the rest packed in a table.
const maxTerraCallArgs = 60

// terraCall builds $terra.<fn>(args…) at line.
func (p *parser) terraCall(line int, fn string, args ...ast.Expr) *ast.FuncCallExpr {
	obj := &ast.IdentExpr{Value: "$terra"}
	obj.SetLine(line)
	key := &ast.StringExpr{Value: fn}
	key.SetLine(line)
	f := &ast.AttrGetExpr{Object: obj, Key: key}
	f.SetLine(line)
	if args == nil {
		args = []ast.Expr{}
	}
	if len(args) > maxTerraCallArgs {
		// A Lua call has a bounded number of argument registers: pass
		// everything after the tree id in one table instead.
		t := &ast.TableExpr{}
		t.SetLine(line)
		for _, a := range args[1:] {
			t.Fields = append(t.Fields, &ast.Field{Value: a})
		}
		args = []ast.Expr{args[0], t}
	}
	c := &ast.FuncCallExpr{Func: f, Args: args}
	c.SetLine(line)
	return c
}
