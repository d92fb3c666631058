// This file implements the nodes of managed types (RAII): temporaries
// destroyed at the end of their full expression, and the ownership
// directives __move__ and __handle__. See docs/raii.md.
package tree

// Temp holds a managed rvalue (a call result, a constructor) that no
// variable, assignment, argument or return takes over: X is evaluated
// into Sym's storage and the Temp is an lvalue naming that storage.
// The enclosing FullExpr destroys it.
type Temp struct {
	ExprBase
	X   Expr
	Sym *Symbol
}

// FullExpr is a full expression (a statement's expression, a condition,
// an initializer, a returned value) that made temporaries: X is
// evaluated, then each Cleanup call (the temporaries' destructors,
// innermost first) runs, and the value of X is the FullExpr's value.
type FullExpr struct {
	ExprBase
	X       Expr
	Cleanup []Expr
}

// Directive is a compiler directive applied to one value:
//
//	"move"   __move__(x): take x by move even if its type has __copy
//	"handle" __handle__(x): a bitwise copy of x that owns nothing
//	"zero"   X is a pointer; fill what it points to with zero bytes
//	         (the first step of a generated __init); type {}
//
// The checker consumes "move" and "handle"; lowering treats them as X
// if one is left.
type Directive struct {
	ExprBase
	Op string
	X  Expr
}

// CopyNode implements Copier.
func (e *Temp) CopyNode() Expr { c := *e; c.X = CopyExpr(e.X); return &c }

// CopyNode implements Copier.
func (e *FullExpr) CopyNode() Expr {
	c := *e
	c.X = CopyExpr(e.X)
	c.Cleanup = CopyExprs(e.Cleanup)
	return &c
}

// CopyNode implements Copier.
func (e *Directive) CopyNode() Expr { c := *e; c.X = CopyExpr(e.X); return &c }
