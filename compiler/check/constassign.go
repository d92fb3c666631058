// This file implements the rule that constants are read-only: an
// assignment whose target is (a field or element of) a global made by
// constant(...) or global(T, init, name, extern, true) is rejected, as
// Terra rejects assigning to anything that is not an lvalue.
package check

import (
	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// constantTarget reports whether the checked lvalue x denotes storage of
// a constant global: the global itself, or a field or array element
// reached from it without going through a pointer.
func constantTarget(x tree.Expr) bool {
	for {
		switch e := x.(type) {
		case *tree.GlobalRef:
			return e.G.Constant
		case *tree.Select:
			x = e.X
		case *tree.Index:
			if t := e.X.Base().Type; t == nil || t.Kind == types.Pointer {
				return false
			}
			x = e.X
		case *tree.Paren:
			x = e.X
		default:
			return false
		}
	}
}
