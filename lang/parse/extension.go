// This file implements the parser's hooks for language extensions: the
// import statement, entry points in statement and expression position, and
// the Lua code an extension site desugars to.
package parse

import (
	"errors"
	"strconv"

	"github.com/yuin/gopher-lua/ast"

	"terrac/lang/scan"
)

// Config adjusts parsing. The zero Config parses plain Lua + Terra.
type Config struct {
	// Importer runs at parse time for `import "name"`: it loads the
	// language module (running Lua code, so the rest of the file can be
	// parsed with the language's entry points) and returns the language.
	// With a nil Importer, import is a syntax error.
	Importer func(name string) (Language, error)
	// Languages are active from the start of the file, as if imported in
	// an enclosing block (the REPL keeps earlier inputs' imports so).
	Languages []Language
	// PlainLua parses the file as Lua 5.1 only: Terra's reserved words
	// are ordinary names (how `require` reads .lua modules).
	PlainLua bool
}

// ExtKind says where an entry point was found.
type ExtKind int

const (
	ExtExpression     ExtKind = iota // in expression position
	ExtStatement                     // at the start of a statement
	ExtLocalStatement                // after 'local'
)

// Language is an imported language extension, implemented by the host
// that runs the language's Lua code (package dsl).
type Language interface {
	Name() string
	Entrypoints() []string
	Keywords() []string
	Has(kind ExtKind) bool
	// Parse runs the language's parser with lx positioned on the entry
	// point. It returns the id under which the host keeps the constructor
	// (called at run time as $terra.extension(id, envfn)) and, for
	// statements, the names the constructor's results are assigned to:
	// one path per name ({"a","b"} is a.b; local statements take one
	// element). A syntax error reported through lx unwinds as any other.
	Parse(kind ExtKind, lx *Lexer) (id int, names [][]string, err error)
}

// activeLang is one imported language in scope, innermost last.
type activeLang struct {
	lang    Language
	entries map[string]bool
}

func langEntries(l Language) map[string]bool {
	m := map[string]bool{}
	for _, e := range l.Entrypoints() {
		m[e] = true
	}
	return m
}

// entry returns the innermost language in scope with entry point name.
func (p *parser) entry(name string) Language {
	for i := len(p.langs) - 1; i >= 0; i-- {
		if p.langs[i].entries[name] {
			return p.langs[i].lang
		}
	}
	return nil
}

// extAt returns the language whose entry point starts here and that can
// parse kind, or nil.
func (p *parser) extAt(kind ExtKind) Language {
	if len(p.langs) == 0 || p.inTerra {
		return nil
	}
	tok := p.s.Info
	if kind == ExtLocalStatement {
		tok = p.s.Peek()
	}
	if tok.Tok != scan.Name {
		return nil
	}
	if l := p.entry(tok.Lit); l != nil && l.Has(kind) {
		return l
	}
	return nil
}

// importStat parses `import "name"`: the language is loaded now and its
// entry points are active until the end of the enclosing block.
func (p *parser) importStat() []ast.Stmt {
	p.s.Next()
	if p.s.Tok != scan.String {
		p.syntaxErr("<string> expected")
	}
	name, pos := p.s.Lit, p.s.Pos
	lang, err := p.cfg.Importer(name)
	if err != nil {
		p.semErr(pos, "error loading language '"+name+"': "+err.Error())
	}
	entries := map[string]bool{}
	for _, e := range lang.Entrypoints() {
		for _, al := range p.langs[p.blockLangs:] {
			if al.entries[e] {
				p.semErr(pos, "language '"+lang.Name()+"' uses entrypoint '"+e+"' already defined by language '"+al.lang.Name()+"'")
			}
		}
		entries[e] = true
	}
	p.langs = append(p.langs, activeLang{lang: lang, entries: entries})
	p.s.Next()
	return nil
}

// errExtSyntax is returned to the language host when the lexer reported a
// syntax error; the host raises it as a Lua error to unwind the
// extension's parser.
var errExtSyntax = errors.New("syntax error in language extension")

// extension runs lang's parser at the current token and returns the call
// $terra.extension(id, envfn) and the assigned names.
func (p *parser) extension(lang Language, kind ExtKind) (*ast.FuncCallExpr, [][]string) {
	line, pos := p.s.Line, p.s.Pos
	lx := &Lexer{p: p, lang: lang, refs: map[string]bool{}}
	for _, k := range lang.Keywords() {
		lx.keywords = append(lx.keywords, k)
	}
	lx.keywords = append(lx.keywords, lang.Entrypoints()...)
	id, names, err := lang.Parse(kind, lx)
	if lx.bail {
		panic(bailout{})
	}
	if lx.failed {
		panic(syntaxError{p.s.Pos})
	}
	if err != nil {
		p.semErr(pos, "error in language '"+lang.Name()+"': "+err.Error())
	}
	if outer := p.extLex; outer != nil {
		// A nested extension's names must be visible where the outer one runs.
		for _, n := range lx.refOrder {
			outer.Ref(n)
		}
	}
	if p.s.Pos == pos {
		p.semErr(pos, "language '"+lang.Name()+"' consumed no tokens")
	}
	return p.terraCall(line, "extension", &ast.NumberExpr{Value: strconv.Itoa(id)}, lx.envClosure(line)), names
}

// extExpr parses an extension expression.
func (p *parser) extExpr(lang Language) ast.Expr {
	call, _ := p.extension(lang, ExtExpression)
	return call
}

// extStatement parses an extension statement (local: after 'local'): the
// constructor's results are assigned to the names the language returned.
func (p *parser) extStatement(lang Language, local bool) []ast.Stmt {
	line := p.s.Line
	kind := ExtStatement
	if local {
		kind = ExtLocalStatement
		p.s.Next()
	}
	call, names := p.extension(lang, kind)
	if len(names) == 0 {
		s := &ast.FuncCallStmt{Expr: call}
		s.SetLine(line)
		return []ast.Stmt{s}
	}
	if local {
		ls := &ast.LocalAssignStmt{Exprs: []ast.Expr{call}}
		for _, n := range names {
			ls.Names = append(ls.Names, n[len(n)-1])
		}
		ls.SetLine(line)
		return []ast.Stmt{ls}
	}
	as := &ast.AssignStmt{Rhs: []ast.Expr{call}}
	for _, n := range names {
		var e ast.Expr = &ast.IdentExpr{Value: n[0]}
		e.SetLine(line)
		for _, k := range n[1:] {
			key := &ast.StringExpr{Value: k}
			key.SetLine(line)
			e = p.attr(e, key)
		}
		as.Lhs = append(as.Lhs, e)
	}
	as.SetLine(line)
	return []ast.Stmt{as}
}

// envClosure builds function() return { n = n, … } end over every name the
// extension referenced (lex:ref, and the free names of embedded Lua and
// Terra code), so Lua scoping resolves each at the extension site.
func (lx *Lexer) envClosure(line int) ast.Expr {
	t := &ast.TableExpr{Fields: []*ast.Field{}}
	t.SetLine(line)
	for _, n := range lx.refOrder {
		k := &ast.StringExpr{Value: n}
		k.SetLine(line)
		v := &ast.IdentExpr{Value: n}
		v.SetLine(line)
		t.Fields = append(t.Fields, &ast.Field{Key: k, Value: v})
	}
	return closure(line, line, nil, false, returnStmt(line, t))
}

// noteName records a Lua name read while an extension parses embedded
// code, so the environment function captures it.
func (p *parser) noteName(name string) {
	if p.extLex != nil {
		p.extLex.Ref(name)
	}
}

// langKeyword reports whether name is an entry point or keyword of a
// language imported here.
func (p *parser) langKeyword(name string) bool {
	for _, al := range p.langs {
		if al.entries[name] {
			return true
		}
		for _, k := range al.lang.Keywords() {
			if k == name {
				return true
			}
		}
	}
	return false
}
