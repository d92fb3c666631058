// This file implements lexical scopes: which symbols are visible, and
// duplicate declarations in one block.
package check

import (
	"terrac/compiler/tree"
	"terrac/lang/source"
)

type scope struct {
	parent *scope
	syms   map[*tree.Symbol]bool
	names  map[string]*tree.Symbol // names declared directly in this block
}

func newScope(parent *scope) *scope {
	return &scope{parent: parent, syms: map[*tree.Symbol]bool{}, names: map[string]*tree.Symbol{}}
}

func (check *Checker) openScope()  { check.env.scope = newScope(check.env.scope) }
func (check *Checker) closeScope() { check.env.scope = check.env.scope.parent }

// declare makes sym visible in the current scope. When named is set the
// declaration was written in this block (not spliced from a quote), and
// a second variable of the same name in the block is an error.
func (check *Checker) declare(sym *tree.Symbol, at source.Span, named bool) {
	s := check.env.scope
	if named && !sym.Escaped && sym.Name != "" && sym.Name[0] != '<' { // <…> names temporaries
		if prev := s.names[sym.Name]; prev != nil && prev != sym {
			check.errorf(at, "duplicate definition of variable %s", sym.Name)
		}
		s.names[sym.Name] = sym
	}
	s.syms[sym] = true
}

// visible reports whether sym is declared in the current scope chain.
func (check *Checker) visible(sym *tree.Symbol) bool {
	for s := check.env.scope; s != nil; s = s.parent {
		if s.syms[sym] {
			return true
		}
	}
	return false
}

// newTemp declares a fresh temporary of the given type in the current
// scope; lowering treats it like any other variable.
func (check *Checker) newTemp(name string) *tree.Symbol {
	check.env.ntemps++
	sym := tree.NewSymbol("<"+name+">", nil)
	check.env.scope.syms[sym] = true
	return sym
}
