// This file implements binary operators.
package check

import (
	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// binary checks a binary operation. After checking both operands have
// the operation's type (their meet), except for pointer arithmetic,
// comparisons (result bool or vector of bool) and shifts.
func (check *Checker) binary(b *tree.Binary) tree.Expr {
	mark := check.deferMark()
	x, y := check.expr(b.X), check.expr(b.Y)
	b.X, b.Y = x, y
	check.noDefersInLogical(b, mark)
	b.LValue = false
	if anyErr(x.Base().Type, y.Base().Type) {
		return invalid(b)
	}
	if r, ok := check.binaryMeta(b); ok {
		return r
	}
	switch b.Op {
	case "+", "-":
		if r, ok := check.pointerArith(b); ok {
			return r
		}
		return check.arith(b, (*types.Type).IsArithmeticOrVector)
	case "*", "/", "%":
		return check.arith(b, (*types.Type).IsArithmeticOrVector)
	case "^":
		return check.arith(b, (*types.Type).IsIntegralOrVector)
	case "and", "or":
		return check.arith(b, func(t *types.Type) bool { return canBeOrd(t.Scalar()) })
	case "<", "<=", ">", ">=", "==", "~=":
		return check.comparison(b)
	case "<<", ">>":
		return check.shift(b)
	}
	check.errorf(b.Pos, "operator %s not defined in terra code.", b.Op)
	return invalid(b)
}

// arith converts both operands to their meet, which must satisfy ok.
func (check *Checker) arith(b *tree.Binary, ok func(*types.Type) bool) tree.Expr {
	t, x, y := check.match(b.Pos, b.X, b.Y)
	b.X, b.Y = x, y
	if isErr(t) {
		return invalid(b)
	}
	if !ok(t) {
		check.errorf(b.Pos, "arguments of binary operator are not valid type but %s", t)
		return invalid(b)
	}
	b.Type = t
	return b
}

// pointerArith handles pointer ± integer and pointer - pointer. Arrays
// decay to pointers (an implicit Cast). For integer + pointer the
// operands are swapped, as Terra does, so X is always the pointer and Y
// the integer (of any integer type); lowering evaluates X first. The
// result of pointer - pointer is ptrdiff (int64).
func (check *Checker) pointerArith(b *tree.Binary) (tree.Expr, bool) {
	lt, rt := b.X.Base().Type, b.Y.Base().Type
	ptrLike := func(t *types.Type) bool { return t.IsPointer() || t.IsArray() }
	for _, x := range []tree.Expr{b.X, b.Y} {
		if t := x.Base().Type; ptrLike(t) && !check.hasLayout(t.Elem, x.Span()) {
			return invalid(b), true
		}
	}
	switch {
	case ptrLike(lt) && ptrLike(rt) && lt.Elem == rt.Elem && b.Op == "-":
		b.X, b.Y = check.asPointer(b.X), check.asPointer(b.Y)
		b.Type = types.Int64
	case ptrLike(lt) && rt.IsIntegral():
		b.X = check.asPointer(b.X)
		b.Type = b.X.Base().Type
	case lt.IsIntegral() && ptrLike(rt):
		b.X, b.Y = check.asPointer(b.Y), b.X
		b.Type = b.X.Base().Type
	default:
		return nil, false
	}
	return b, true
}

// asPointer converts a pointer or array operand of pointer arithmetic
// to a pointer to its (complete) element type, in the pointer's own
// address space.
func (check *Checker) asPointer(x tree.Expr) tree.Expr {
	t := x.Base().Type
	check.completeAt(t.Elem, x.Span())
	space := 0
	if t.IsPointer() {
		space = t.AddrSpace
	}
	return check.convert(x, types.PointerIn(t.Elem, space))
}

// comparison checks == ~= < <= > >=: operands meet; aggregates cannot
// be compared; the result is bool, or a vector of bool.
func (check *Checker) comparison(b *tree.Binary) tree.Expr {
	t, x, y := check.match(b.Pos, b.X, b.Y)
	b.X, b.Y = x, y
	if isErr(t) {
		return invalid(b)
	}
	switch {
	case t.IsAggregate():
		check.errorf(b.Pos, "cannot compare aggregate type %s", t)
		return invalid(b)
	case t.IsVector():
		b.Type = types.VectorOf(types.Boolean, t.N)
	default:
		b.Type = types.Boolean
	}
	return b
}

// shift checks << and >>: integer (or integer vector) operands; the
// result has the left operand's type, widened to a vector when the
// right one is a vector; both operands are converted to it.
func (check *Checker) shift(b *tree.Binary) tree.Expr {
	lt, rt := b.X.Base().Type, b.Y.Base().Type
	if !lt.IsIntegralOrVector() || !rt.IsIntegralOrVector() {
		check.errorf(b.Pos, "arguments to shift must be integers but found %s and %s", lt, rt)
		return invalid(b)
	}
	t := lt
	if !lt.IsVector() && rt.IsVector() {
		t = types.VectorOf(lt, rt.N)
	}
	b.X, b.Y = check.convert(b.X, t), check.convert(b.Y, t)
	b.Type = t
	return b
}
