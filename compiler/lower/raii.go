// This file implements the nodes of managed types (RAII): temporaries,
// full expressions with their cleanups, and directives. The checker
// (compiler/check/raii.go) makes every initializer, copy and destructor
// an ordinary call or deferred call, so this is all lowering adds.
package lower

import (
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/tree"
)

// createRaiiExpr lowers Temp, FullExpr and Directive; nil for any other
// node.
func (b *builder) createRaiiExpr(e tree.Expr) value.Value {
	switch e := e.(type) {
	case *tree.Temp:
		t := tree.TypeOf(e)
		return b.createLoad(t, b.createTempAddr(e))
	case *tree.FullExpr:
		v := b.createExpr(e.X)
		t := tree.TypeOf(e)
		if mv, ok := v.(*memValue); ok && len(e.Cleanup) > 0 {
			// The cleanups may write where the value lives: keep a copy.
			v = b.loadInMemory(t, mv.ptr)
		}
		for _, c := range e.Cleanup {
			b.ensureOpen()
			b.createExpr(c)
		}
		return v
	case *tree.Directive:
		if e.Op == "zero" {
			ptr := b.createExpr(e.X)
			b.memzero(tree.TypeOf(e.X).Elem, ptr)
			return unitValue()
		}
		return b.createExpr(e.X)
	}
	return nil
}

// createTempAddr evaluates a temporary into its slot and returns the
// slot's address.
func (b *builder) createTempAddr(e *tree.Temp) value.Value {
	t := tree.TypeOf(e)
	slot := b.createAlloca(t, "")
	b.locals[e.Sym] = slot
	b.createStore(t, b.createExpr(e.X), slot)
	return slot
}
