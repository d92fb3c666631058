// This file implements conversions: Terra's implicit and explicit cast
// rules and the type meet used by binary operators.
package check

import (
	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// mkCast wraps x in a Cast to t.
func mkCast(x tree.Expr, t *types.Type, explicit bool) tree.Expr {
	return &tree.Cast{ExprBase: tree.ExprBase{Pos: x.Span(), Type: t}, X: x, Explicit: explicit}
}

// convertible reports whether t is a struct that converts structurally:
// a tuple (by position) or a constructor's anonymous struct (by name).
func convertible(t *types.Type) bool {
	return t.Kind == types.Struct && (t.IsTuple || t.Convertible)
}

// implicit returns x converted to t by Terra's implicit rules, or
// ok=false (nothing reported) when no implicit rule applies.
//
// The rules: numeric ↔ numeric (never bool), vectors of equal length
// likewise, any pointer → &opaque, nil → any pointer, T[N] → &T, a
// scalar → vector (converted to the element type, then broadcast by a
// second Cast), and a tuple or constructor struct → struct (a
// structural cast, see structCast).
func (check *Checker) implicit(x tree.Expr, t *types.Type) (tree.Expr, bool) {
	from := x.Base().Type
	if from == t || isErr(t) || isErr(from) {
		return x, true
	}
	switch {
	case from.IsPrimitive() && t.IsPrimitive() && !from.IsLogical() && !t.IsLogical():
		return mkCast(x, t, false), true
	case from.IsVector() && t.IsVector() && from.N == t.N && !from.Elem.IsLogical() && !t.Elem.IsLogical():
		return mkCast(x, t, false), true
	case t.IsPointer() && from.IsPointer() && t.Elem.IsOpaque():
		return mkCast(x, t, false), true
	case t.IsPointer() && from.Kind == types.Nil:
		return mkCast(x, t, false), true
	case t.IsStruct() && convertible(from):
		return check.structCast(x, t, false), true
	case t.IsPointer() && from.IsArray() && t.Elem == from.Elem:
		return mkCast(x, t, false), true
	case t.IsVector() && from.IsPrimitive():
		if from.IsLogical() != t.Elem.IsLogical() {
			return x, false
		}
		return mkCast(check.convert(x, t.Elem), t, false), true
	}
	if r, ok := check.castMeta(x, t); ok {
		return r, true
	}
	return x, false
}

// convert returns x implicitly converted to t, reporting
// "invalid conversion from A to B" when that is not allowed.
func (check *Checker) convert(x tree.Expr, t *types.Type) tree.Expr {
	if check.env != nil {
		check.env.castNotes = nil
	}
	r, ok := check.implicit(x, t)
	if !ok {
		d := check.errorf(x.Span(), "invalid conversion from %s to %s", x.Base().Type, t)
		check.addCastNotes(d) // castnotes.go
		return invalid(mkCast(x, t, false))
	}
	return r
}

// explicitConvert converts x to t as a cast `[T](x)` does: every
// implicit conversion plus pointer ↔ pointer, integer ↔ pointer (the
// integer must be at least pointer-sized), bool ↔ numbers and
// structural casts that give only some of the target's fields.
func (check *Checker) explicitConvert(x tree.Expr, t *types.Type, at source.Span) tree.Expr {
	from := x.Base().Type
	if from == t || isErr(from) || isErr(t) {
		return x
	}
	cast := func() tree.Expr {
		c := mkCast(x, t, true)
		c.Base().Pos = at
		return c
	}
	switch {
	case t.IsPointer() && from.IsPointer():
		return cast()
	case t.IsPointer() && from.IsIntegral():
		return cast()
	case t.IsIntegral() && from.IsPointer():
		if t.Bits < 64 {
			check.errorf(x.Span(), "pointer to %s conversion loses precision", t)
		}
		return cast()
	case t.IsPrimitive() && from.IsPrimitive():
		return cast()
	case t.IsVector() && from.IsVector() && t.N == from.N:
		return cast()
	case t.IsStruct() && convertible(from):
		return check.structCast(x, t, true)
	}
	return check.convert(x, t)
}

// meet is the type both operands of a binary operator convert to:
// the larger integer (unsigned on a tie), the float type when one side
// is a float, double for float and double, a pointer for pointer and
// nil, vectors element-wise (a scalar broadcasts), tuples element-wise.
func (check *Checker) meet(at source.Span, a, b *types.Type) *types.Type {
	if isErr(a) || isErr(b) {
		return types.ErrorT
	}
	if a == b {
		return a
	}
	fail := func() *types.Type {
		check.errorf(at, "incompatible types: %s and %s", a, b)
		return types.ErrorT
	}
	switch {
	case a.IsPrimitive() && b.IsPrimitive():
		switch {
		case a.IsIntegral() && b.IsIntegral():
			if a.Bits != b.Bits {
				if a.Bits > b.Bits {
					return a
				}
				return b
			}
			if a.Signed {
				return b
			}
			return a
		case a.IsIntegral() && b.IsFloat():
			return b
		case a.IsFloat() && b.IsIntegral():
			return a
		case a.IsFloat() && b.IsFloat():
			return types.Float64
		}
		return fail()
	case a.IsPointer() && b.Kind == types.Nil:
		return a
	case a.Kind == types.Nil && b.IsPointer():
		return b
	case a.IsVector() && b.IsVector() && a.N == b.N:
		e := check.meet(at, a.Elem, b.Elem)
		if isErr(e) {
			return e
		}
		return types.VectorOf(e, a.N)
	case a.IsVector() && b.IsPrimitive(), b.IsVector() && a.IsPrimitive():
		if a.IsPrimitive() {
			a, b = b, a
		}
		e := check.meet(at, a.Elem, b)
		if isErr(e) {
			return e
		}
		return types.VectorOf(e, a.N)
	case a.IsStruct() && b.IsStruct() && a.IsTuple && b.IsTuple && len(a.Entries) == len(b.Entries):
		elems := make([]*types.Type, len(a.Entries))
		for i := range a.Entries {
			e := check.meet(at, a.Entries[i].Type, b.Entries[i].Type)
			if isErr(e) {
				return e
			}
			elems[i] = e
		}
		return types.TupleOf(elems...)
	}
	return fail()
}

// match converts both operands to their meet.
func (check *Checker) match(at source.Span, x, y tree.Expr) (*types.Type, tree.Expr, tree.Expr) {
	t := check.meet(at, x.Base().Type, y.Base().Type)
	if isErr(t) {
		return t, x, y
	}
	return t, check.convert(x, t), check.convert(y, t)
}
