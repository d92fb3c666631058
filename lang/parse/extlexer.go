// This file implements Lexer, the token stream a language extension's
// parser reads, and the embedded Lua and Terra code it can ask for.
package parse

import (
	"github.com/yuin/gopher-lua/ast"

	"terrac/lang/scan"
	"terrac/lang/source"
	"terrac/lang/tast"
)

// Token kinds of tokens that carry a value; other tokens' Type is their
// spelling ("+", "end", or a keyword of the language).
const (
	TokName   = "<name>"
	TokString = "<string>"
	TokNumber = "<number>"
	TokEOF    = "<eof>"
)

// Token is one token as an extension sees it.
type Token struct {
	Type   string        // TokName, TokString, TokNumber, TokEOF or the spelling
	Value  string        // names and strings: the text; keywords and operators: the spelling
	Num    scan.NumValue // numbers only
	Line   int
	Column int
	Offset int // byte offset in the file
}

// Lexer is the parser seen through the language-extension interface. Its
// methods that parse embedded code return errExtSyntax after reporting a
// syntax error; the host then raises a Lua error so the extension's own
// parser unwinds.
type Lexer struct {
	p        *parser
	lang     Language
	keywords []string
	refs     map[string]bool
	refOrder []string
	failed   bool // a syntax error was reported
	bail     bool // too many errors
}

// File returns the file being parsed.
func (lx *Lexer) File() *source.File { return lx.p.file }

func (lx *Lexer) token(info scan.Info) Token {
	pos := lx.p.file.Position(info.Pos)
	t := Token{Line: info.Line, Column: pos.Col, Offset: int(info.Pos)}
	switch info.Tok {
	case scan.Name:
		t.Type, t.Value = TokName, info.Lit
		for _, k := range lx.keywords {
			if k == info.Lit {
				t.Type = k
			}
		}
	case scan.String:
		t.Type, t.Value = TokString, info.Lit
	case scan.Number:
		t.Type, t.Num = TokNumber, info.Num
	case scan.EOF:
		t.Type = TokEOF
	default:
		t.Type = info.Tok.String()
		t.Value = t.Type
	}
	return t
}

// Cur returns the current token.
func (lx *Lexer) Cur() Token { return lx.token(lx.p.s.Info) }

// Lookahead returns the token after the current one.
func (lx *Lexer) Lookahead() Token { return lx.token(lx.p.s.Peek()) }

// Next consumes the current token and returns it.
func (lx *Lexer) Next() Token {
	t := lx.Cur()
	lx.p.s.Next()
	return t
}

// Error reports msg at the current token, as a syntax error of the file.
func (lx *Lexer) Error(msg string) error {
	return lx.guard(func() { lx.p.syntaxErr(msg) })
}

// ErrorExpected reports "'what' expected".
func (lx *Lexer) ErrorExpected(what string) error {
	return lx.Error(what + " expected")
}

// Ref records that the constructor needs the Lua variable name.
func (lx *Lexer) Ref(name string) {
	if !lx.refs[name] {
		lx.refs[name] = true
		lx.refOrder = append(lx.refOrder, name)
	}
}

// guard runs fn, turning the parser's unwinding panics into errExtSyntax.
func (lx *Lexer) guard(fn func()) (err error) {
	p := lx.p
	st := p.save()
	outer := p.extLex
	defer func() {
		p.extLex = outer
		if r := recover(); r != nil {
			switch r.(type) {
			case syntaxError:
				lx.failed = true
			case bailout:
				lx.failed, lx.bail = true, true
			default:
				panic(r)
			}
			p.restore(st)
			err = errExtSyntax
		}
	}()
	p.extLex = lx
	fn()
	return nil
}

// LuaExpr parses a Lua expression.
func (lx *Lexer) LuaExpr() (e ast.Expr, err error) {
	err = lx.guard(func() {
		p := lx.p
		st := p.save()
		p.inTerra, p.fs = false, &funcState{}
		e = p.luaExpr()
		p.restore(st)
	})
	return e, err
}

// LuaStats parses Lua statements up to a block ender ('end', 'else', …,
// or end of file), which it leaves unconsumed.
func (lx *Lexer) LuaStats() (stmts []ast.Stmt, err error) {
	err = lx.guard(func() {
		p := lx.p
		st := p.save()
		p.inTerra, p.fs = false, &funcState{}
		nerr := len(p.errs)
		stmts = p.luaBlockStmts()
		p.restore(st)
		if len(p.errs) > nerr {
			panic(syntaxError{p.s.Pos})
		}
	})
	return stmts, err
}

// TerraExpr parses a Terra expression and returns the Lua expression that
// makes it a quote ($terra.quote(…)).
func (lx *Lexer) TerraExpr() (e ast.Expr, err error) {
	err = lx.guard(func() { e = lx.p.extQuote(false) })
	return e, err
}

// TerraStats parses Terra statements up to a block ender and returns the
// Lua expression that makes them a quote.
func (lx *Lexer) TerraStats() (e ast.Expr, err error) {
	err = lx.guard(func() { e = lx.p.extQuote(true) })
	return e, err
}

// extQuote parses a quote body without the quote keyword or backtick.
func (p *parser) extQuote(stmts bool) ast.Expr {
	line, start := p.s.Line, p.s.Pos
	tc, st := p.pushTerra()
	p.openScope()
	q := &tast.Quote{}
	if stmts {
		nerr := len(p.errs)
		q.Body = p.terraBlockStmts()
		if len(p.errs) > nerr {
			panic(syntaxError{p.s.Pos})
		}
	} else {
		q.Expr = p.terraExpr()
	}
	q.Pos = tast.Pos{Start: start, End: p.s.PrevEnd}
	p.restore(st)
	id := p.register(q, tc, line)
	return p.terraCall(line, "quote", append([]ast.Expr{id}, tc.closures...)...)
}
