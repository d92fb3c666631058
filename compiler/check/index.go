// This file implements indexing `x[i]`.
package check

import "terrac/compiler/tree"

// index checks `x[i]` on arrays, pointers and vectors with an index of
// any integer type (X and I are left as they are: an array is not
// decayed). The result is an lvalue for pointers and for lvalue arrays.
func (check *Checker) index(ix *tree.Index) tree.Expr {
	x, i := check.expr(ix.X), check.expr(ix.I)
	ix.X, ix.I, ix.LValue = x, i, false
	t, it := x.Base().Type, i.Base().Type
	if isErr(t) {
		return invalid(ix)
	}
	if !t.IsPointer() && !t.IsArray() && !t.IsVector() {
		check.errorf(ix.Pos, "expected an array or pointer but found %s", t)
		return invalid(ix)
	}
	if isErr(it) {
		return invalid(ix)
	}
	if !it.IsIntegral() {
		check.errorf(i.Span(), "expected integral index but found %s", it)
		return invalid(ix)
	}
	ix.Type = t.Elem
	ix.LValue = t.IsPointer() || ((t.IsArray() || t.IsVector()) && x.Base().LValue)
	return ix
}
