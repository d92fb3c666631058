// This file implements defer: the callee and arguments of a deferred
// call are evaluated where the defer statement is (as in Terra, whose
// tests observe the order), the call itself when the block is left.
package lower

import "terrac/compiler/tree"

// createDefer evaluates the call's callee (unless it names a function)
// and arguments into temporaries and registers a call that reads them.
func (b *builder) createDefer(s *tree.Defer) {
	sc := b.scopes[len(b.scopes)-1]
	c, ok := s.Call.(*tree.Call)
	if !ok {
		sc.defers = append(sc.defers, s)
		return
	}
	spill := func(e tree.Expr) tree.Expr {
		t := tree.TypeOf(e)
		sym := tree.NewSymbol("<defer>", t)
		b.locals[sym] = b.createTemp(t, b.createExpr(e))
		return &tree.Var{ExprBase: tree.ExprBase{Pos: e.Span(), Type: t}, Sym: sym}
	}
	call := *c
	if _, direct := c.Fn.(*tree.FuncRef); !direct {
		call.Fn = spill(c.Fn)
	}
	call.Args = make([]tree.Expr, len(c.Args))
	for i, a := range c.Args {
		call.Args[i] = spill(a)
	}
	sc.defers = append(sc.defers, &tree.Defer{StmtBase: s.StmtBase, Call: &call, Owner: s.Owner})
}

// runLabelDefers runs, for a backward goto to a label in block t, the
// defers registered in that block after the label.
func (b *builder) runLabelDefers(t *labelTarget) {
	if t.depth < 1 || t.depth > len(b.scopes) {
		return
	}
	sc := b.scopes[t.depth-1]
	if !t.placed || t.ndefers >= len(sc.defers) {
		return
	}
	ds := sc.defers[t.ndefers:]
	saved := b.scopes
	b.scopes = saved[:t.depth-1]
	for j := len(ds) - 1; j >= 0; j-- {
		b.ensureOpen()
		b.createExpr(ds[j].Call)
	}
	b.scopes = saved
}
