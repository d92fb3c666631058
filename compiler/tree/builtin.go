// This file implements the nodes of builtin value constructors and
// operations: array/vector literals, terralib.select and unpacking.
package tree

import "terrac/compiler/types"

// ArrayLit is `array(e1, …)`, `arrayof(T, e1, …)`, `vector(e1, …)` or
// `vectorof(T, e1, …)`. Elem is the element type when given, nil when
// it is the meet of the elements. After checking, Type is T[N] or
// vector(T,N) and every element has type T.
type ArrayLit struct {
	ExprBase
	Elem   *types.Type
	Vector bool
	Elems  []Expr
}

// CondSelect is `terralib.select(c, a, b)`: both a and b are evaluated;
// with a vector of bool condition the choice is made lane by lane.
// After checking A and B have the result Type.
type CondSelect struct {
	ExprBase
	C, A, B Expr
}

// Unpack is `unpackstruct(x [, from [, to]])` / `unpacktuple`: the
// checker replaces it by the list of x's fields from..to (1-based,
// inclusive). Tuple is set for unpacktuple, which leaves non-tuples
// alone.
type Unpack struct {
	ExprBase
	X        Expr
	From, To int // 0 when not given
	Tuple    bool
}

// copyMoreExpr copies the expressions of this file; nil when e is
// another kind of expression.
func copyMoreExpr(e Expr) Expr {
	switch e := e.(type) {
	case *ArrayLit:
		c := *e
		c.Elems = CopyExprs(e.Elems)
		return &c
	case *CondSelect:
		c := *e
		c.C, c.A, c.B = CopyExpr(e.C), CopyExpr(e.A), CopyExpr(e.B)
		return &c
	case *Unpack:
		c := *e
		c.X = CopyExpr(e.X)
		return &c
	}
	return nil
}
