// This file implements Terra contexts, scopes of Terra locals, and holes
// with the Lua closures that fill them.
package parse

import (
	"github.com/yuin/gopher-lua/ast"

	"terrac/lang/scan"
	"terrac/lang/source"
	"terrac/lang/tast"
)

// terraCtx collects the holes of one Terra construct (a group, an
// anonymous function or struct, a quote). Contexts nest when an escape's
// Lua code contains Terra code of its own.
type terraCtx struct {
	holes    []*tast.Hole
	closures []ast.Expr
	names    map[string]*tast.Hole
	scope    *scope
	// backtick is set for the expression of a `e quote, which runs to
	// the end of the whole expression (as in Terra).
	backtick bool
}

// scope is one Terra block's declarations, innermost last. A block with
// many declarations also indexes them by name, so that resolving a name
// in a long function body does not scan every earlier local.
type scope struct {
	parent *scope
	decls  []*tast.VarDecl
	byName map[string]*tast.VarDecl // latest declaration; built past scanDecls
}

// scanDecls is the block size up to which a linear scan beats a map.
const scanDecls = 16

func (p *parser) pushTerra() (*terraCtx, savedState) {
	st := p.save()
	p.tc = &terraCtx{names: map[string]*tast.Hole{}}
	p.inTerra = true
	return p.tc, st
}

func (p *parser) openScope()  { p.tc.scope = &scope{parent: p.tc.scope} }
func (p *parser) closeScope() { p.tc.scope = p.tc.scope.parent }

// scopeCloser returns a function that closes the innermost scope of the
// current Terra context, for a defer: a syntax error may unwind through
// it while p.tc is a nested context (an anonymous function in a type).
func (p *parser) scopeCloser() func() {
	tc := p.tc
	return func() { tc.scope = tc.scope.parent }
}

func (p *parser) declare(v *tast.VarDecl) {
	if v.Name == "" {
		return
	}
	s := p.tc.scope
	s.decls = append(s.decls, v)
	if s.byName != nil {
		s.byName[v.Name] = v
	} else if len(s.decls) > scanDecls {
		s.byName = make(map[string]*tast.VarDecl, 2*len(s.decls))
		for _, d := range s.decls {
			s.byName[d.Name] = d // in order: the latest wins
		}
	}
}

// lookup resolves a name to the innermost Terra local declaring it.
func (p *parser) lookup(name string) *tast.VarDecl {
	for s := p.tc.scope; s != nil; s = s.parent {
		if s.byName != nil {
			if d := s.byName[name]; d != nil {
				return d
			}
			continue
		}
		for i := len(s.decls) - 1; i >= 0; i-- {
			if s.decls[i].Name == name {
				return s.decls[i]
			}
		}
	}
	return nil
}

// visibleLocals lists the Terra locals in scope, outermost first, keeping
// only the innermost declaration of each name (a shadowed local cannot be
// named, and Lua would bind a repeated parameter name to the last one).
func (p *parser) visibleLocals() []*tast.VarDecl {
	var chain []*scope
	for s := p.tc.scope; s != nil; s = s.parent {
		chain = append(chain, s)
	}
	var all []*tast.VarDecl
	for i := len(chain) - 1; i >= 0; i-- {
		all = append(all, chain[i].decls...)
	}
	if len(all) > scanDecls {
		// Many locals: find the last declaration of each name once
		// rather than scanning the rest of the list for every local.
		last := make(map[string]int, len(all))
		for i, d := range all {
			last[d.Name] = i
		}
		out := all[:0:0]
		for i, d := range all {
			if last[d.Name] == i {
				out = append(out, d)
			}
		}
		return out
	}
	var out []*tast.VarDecl
	for i, d := range all {
		shadowed := false
		for _, later := range all[i+1:] {
			if later.Name == d.Name {
				shadowed = true
				break
			}
		}
		if !shadowed {
			out = append(out, d)
		}
	}
	return out
}

func (p *parser) addHole(h *tast.Hole, closure ast.Expr) *tast.Hole {
	h.Index = len(p.tc.holes)
	p.tc.holes = append(p.tc.holes, h)
	p.tc.closures = append(p.tc.closures, closure)
	return h
}

// nameHole returns the free-name hole for name, one per name per construct.
func (p *parser) nameHole(name string, start, end source.Pos, line int) *tast.Hole {
	if h, ok := p.tc.names[name]; ok {
		return h
	}
	p.noteName(name)
	id := &ast.IdentExpr{Value: name}
	id.SetLine(line)
	h := p.addHole(&tast.Hole{Pos: tast.Pos{Start: start, End: end}, Kind: tast.HoleName, Name: name},
		closure(line, line, nil, false, returnStmt(line, id)))
	p.tc.names[name] = h
	return h
}

func returnStmt(line int, exprs ...ast.Expr) ast.Stmt {
	r := &ast.ReturnStmt{Exprs: exprs}
	r.SetLine(line)
	return r
}

func closure(line, lastLine int, params []string, vararg bool, stmts ...ast.Stmt) *ast.FunctionExpr {
	if params == nil {
		params = []string{}
	}
	if stmts == nil {
		stmts = []ast.Stmt{}
	}
	f := &ast.FunctionExpr{ParList: &ast.ParList{Names: params, HasVargs: vararg}, Stmts: stmts}
	f.SetLine(line)
	f.SetLastLine(lastLine)
	return f
}

func localNames(ls []*tast.VarDecl) []string {
	names := make([]string, len(ls))
	for i, l := range ls {
		names[i] = l.Name
	}
	return names
}

// luaHole parses a Lua expression (the text of [e], ": T", …) and makes it a
// hole whose closure takes the visible Terra locals as parameters, so they
// shadow Lua variables of the same name.
func (p *parser) luaHole(kind tast.HoleKind) *tast.Hole {
	locals := p.visibleLocals()
	start, line := p.s.Pos, p.s.Line
	st := p.save()
	p.inTerra = false
	p.fs = &funcState{}
	e := p.luaExpr()
	p.guardEscapeExpr(e)
	p.restore(st)
	h := &tast.Hole{Pos: tast.Pos{Start: start, End: p.s.PrevEnd}, Kind: kind, Locals: locals}
	return p.addHole(h, closure(line, p.s.PrevEndLine, localNames(locals), false, returnStmt(line, e)))
}

// exprHole makes a hole from an already-built Lua expression (the implied
// &T of a method's self).
func (p *parser) exprHole(kind tast.HoleKind, e ast.Expr, start, end source.Pos) *tast.Hole {
	locals := p.visibleLocals()
	h := &tast.Hole{Pos: tast.Pos{Start: start, End: end}, Kind: kind, Locals: locals}
	return p.addHole(h, closure(e.Line(), e.Line(), localNames(locals), false, returnStmt(e.Line(), e)))
}

// escapeBlock parses "escape <lua stmts> end" into a HoleBlock.
func (p *parser) escapeBlock() *tast.Hole {
	locals := p.visibleLocals()
	start, line := p.s.Pos, p.s.Line
	p.checkNext(scan.Escape)
	st := p.save()
	p.inTerra = false
	p.caseBody = false
	p.fs = &funcState{}
	stmts := p.guardEscapeStmts(p.luaBlockStmts())
	p.restore(st)
	last := p.s.Line
	p.checkMatch(scan.End, scan.Escape, line)
	h := &tast.Hole{Pos: tast.Pos{Start: start, End: p.s.PrevEnd}, Kind: tast.HoleBlock, Locals: locals}
	params := append([]string{"emit"}, localNames(locals)...)
	return p.addHole(h, closure(line, last, params, false, stmts...))
}

// register queues a finished tree; the returned number node receives the
// tree's id once the whole file has parsed.
func (p *parser) register(root tast.Root, tc *terraCtx, line int) *ast.NumberExpr {
	id := &ast.NumberExpr{Value: "0"}
	id.SetLine(line)
	t := &tast.Tree{File: p.file, Root: root, Holes: tc.holes}
	p.pending = append(p.pending, pendingTree{tree: t, id: id})
	return id
}
