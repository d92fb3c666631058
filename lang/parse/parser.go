// This file implements the parser state, token helpers, error reporting
// and recovery, and the File entry point.
package parse

import (
	"fmt"
	"strconv"

	"github.com/yuin/gopher-lua/ast"

	"terrac/lang/scan"
	"terrac/lang/source"
	"terrac/lang/tast"
)

const (
	maxErrors = 10
	// maxNest bounds recursion (expressions, blocks) so deeply nested input
	// reports an error instead of overflowing the stack. Lua uses 200.
	maxNest = 200
)

// bailout stops the whole parse (too many errors).
type bailout struct{}

// syntaxError unwinds to the innermost statement loop, which resynchronizes.
type syntaxError struct{ pos source.Pos }

// funcState is the Lua function being parsed; only varargs matter to us.
type funcState struct {
	vararg bool
}

type parser struct {
	s    *scan.Scanner
	file *source.File

	errs        source.List
	lastErrLine int
	nest        int

	fs      *funcState
	inTerra bool
	tc      *terraCtx // innermost Terra construct, nil in plain Lua
	// caseBody makes 'case' end a Terra block (inside a case clause).
	caseBody bool

	// parens marks Lua expressions produced by "( e )" with no suffix;
	// gopher-lua treats "(f())" differently from "((f()))".
	parens map[ast.Expr]bool

	pending []pendingTree

	// Language extensions (extension.go): the configuration, the
	// languages imported in enclosing blocks, where the current block's
	// imports start, and the extension whose embedded code is being read.
	cfg        Config
	langs      []activeLang
	blockLangs int
	extLex     *Lexer
}

// pendingTree is registered only when the whole file parses, so a file with
// syntax errors leaves the registry untouched.
type pendingTree struct {
	tree *tast.Tree
	id   *ast.NumberExpr
}

// File parses f. Terra trees are added to reg; the Lua statements that
// create them refer to them by id. The error, if any, is a source.List.
func File(f *source.File, reg *tast.Registry) (stmts []ast.Stmt, err error) {
	return FileConfig(f, reg, Config{})
}

// FileConfig is File with a configuration (language extensions).
func FileConfig(f *source.File, reg *tast.Registry, cfg Config) (stmts []ast.Stmt, err error) {
	p := &parser{file: f, fs: &funcState{vararg: true}, parens: map[ast.Expr]bool{}, cfg: cfg}
	for _, l := range cfg.Languages {
		p.langs = append(p.langs, activeLang{lang: l, entries: langEntries(l)})
	}
	errh := func(pos source.Pos, msg string) { p.report(pos, msg) }
	if cfg.PlainLua {
		p.s = scan.NewPlainLua(f, errh)
	} else {
		p.s = scan.New(f, errh)
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				if _, ok := r.(bailout); !ok {
					panic(r)
				}
			}
		}()
		stmts = p.chunk()
	}()
	if len(p.errs) > 0 {
		p.errs.Sort()
		return nil, p.errs
	}
	for _, pt := range p.pending {
		pt.id.Value = strconv.Itoa(reg.Add(pt.tree))
	}
	return stmts, nil
}

// chunk parses the main block; stray block enders are reported and skipped.
func (p *parser) chunk() []ast.Stmt {
	stmts := []ast.Stmt{}
	for {
		stmts = append(stmts, p.luaBlockStmts()...)
		if p.s.Tok == scan.EOF {
			return stmts
		}
		p.recoverStmt(func() { p.errorExpected(scan.EOF) })
		p.s.Next()
	}
}

// report records a diagnostic: at most one per line, at most maxErrors.
func (p *parser) report(pos source.Pos, msg string) {
	line := p.file.Position(pos).Line
	if len(p.errs) > 0 && line == p.lastErrLine {
		return
	}
	p.lastErrLine = line
	p.errs = append(p.errs, &source.Diagnostic{Span: source.Span{File: p.file, Start: pos, End: pos}, Msg: msg})
	if len(p.errs) >= maxErrors {
		panic(bailout{})
	}
}

// near renders the current token for messages, Lua style.
func (p *parser) near() string {
	if p.s.Tok == scan.EOF {
		return "<eof>"
	}
	// A keyword of an imported language is named bare, as Terra does,
	// which tells it apart from an ordinary name.
	if p.s.Tok == scan.Name && p.langKeyword(p.s.Raw()) {
		return p.s.Raw()
	}
	return "'" + p.s.Raw() + "'"
}

// syntaxErr reports msg at the current token and unwinds.
func (p *parser) syntaxErr(msg string) {
	p.report(p.s.Pos, msg+" near "+p.near())
	panic(syntaxError{p.s.Pos})
}

// semErr reports msg without the "near" part and unwinds.
func (p *parser) semErr(pos source.Pos, msg string) {
	p.report(pos, msg)
	panic(syntaxError{pos})
}

func (p *parser) errorExpected(t scan.Token) {
	p.syntaxErr(fmt.Sprintf("'%s' expected", t))
}

func (p *parser) check(t scan.Token) {
	if p.s.Tok != t {
		p.errorExpected(t)
	}
}

func (p *parser) checkNext(t scan.Token) {
	p.check(t)
	p.s.Next()
}

func (p *parser) testNext(t scan.Token) bool {
	if p.s.Tok == t {
		p.s.Next()
		return true
	}
	return false
}

// checkMatch expects the closing token what of who opened at line.
func (p *parser) checkMatch(what, who scan.Token, line int) {
	if p.testNext(what) {
		return
	}
	if line == p.s.Line {
		p.errorExpected(what)
	}
	p.syntaxErr(fmt.Sprintf("'%s' expected (to close '%s' at line %d)", what, who, line))
}

func (p *parser) checkName() string {
	if p.s.Tok != scan.Name {
		p.syntaxErr("<name> expected")
	}
	n := p.s.Lit
	p.s.Next()
	return n
}

func (p *parser) enter() {
	p.nest++
	if p.nest > maxNest {
		p.semErr(p.s.Pos, "chunk has too many syntax levels")
	}
}

func (p *parser) leave() { p.nest-- }

// splitPrimary reports whether the current token starts a new line. Terra
// treats '(' '[' '`' and 'quote' there as the start of a new statement.
func (p *parser) splitPrimary() bool { return p.s.Line != p.s.PrevEndLine }

type savedState struct {
	fs       *funcState
	inTerra  bool
	tc       *terraCtx
	scope    *scope
	caseBody bool
	nest     int
}

func (p *parser) save() savedState {
	st := savedState{fs: p.fs, inTerra: p.inTerra, tc: p.tc, caseBody: p.caseBody, nest: p.nest}
	if p.tc != nil {
		st.scope = p.tc.scope
	}
	return st
}

func (p *parser) restore(st savedState) {
	p.fs, p.inTerra, p.tc, p.caseBody, p.nest = st.fs, st.inTerra, st.tc, st.caseBody, st.nest
	if p.tc != nil {
		p.tc.scope = st.scope
	}
}

// recoverStmt runs one statement parse; on a syntax error it restores the
// parser state and skips to a plausible statement start. It reports whether
// fn completed.
func (p *parser) recoverStmt(fn func()) (ok bool) {
	st := p.save()
	defer func() {
		if r := recover(); r != nil {
			se, isSyntax := r.(syntaxError)
			if !isSyntax {
				panic(r)
			}
			p.restore(st)
			p.sync(se.pos)
			ok = false
		}
	}()
	fn()
	return true
}

// sync skips tokens after an error at errPos until a block ender or a
// statement keyword that begins a line. It always moves past the erroneous
// token unless that token ends a block, so parsing makes progress.
func (p *parser) sync(errPos source.Pos) {
	if p.s.Pos <= errPos && !p.blockFollow(true) && p.s.Tok != scan.EOF {
		p.s.Next()
	}
	for p.s.Tok != scan.EOF && !p.blockFollow(true) {
		if p.splitPrimary() && (stmtStart[p.s.Tok] || p.s.Tok == scan.Name) {
			return
		}
		p.s.Next()
	}
}

var stmtStart = map[scan.Token]bool{
	scan.Local: true, scan.Function: true, scan.If: true, scan.While: true, scan.For: true,
	scan.Do: true, scan.Repeat: true, scan.Return: true, scan.Break: true, scan.Goto: true,
	scan.Terra: true, scan.Struct: true, scan.Var: true, scan.Defer: true, scan.Switch: true,
	scan.DColon: true, scan.Escape: true,
}

// blockFollow reports whether the current token ends a block.
func (p *parser) blockFollow(withUntil bool) bool {
	switch p.s.Tok {
	case scan.Else, scan.Elseif, scan.End, scan.EOF:
		return true
	case scan.Until:
		return withUntil
	case scan.Case:
		return p.caseBody
	}
	return false
}
