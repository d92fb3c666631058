// This file implements Prechecked, an already-typechecked expression
// handed to Lua (a metamethod's or macro's argument) and spliced back.
package tree

// Prechecked wraps an expression the checker has already annotated. The
// checker returns X unchanged instead of checking it again; lowering
// never sees a Prechecked node.
type Prechecked struct {
	ExprBase
	X Expr
}
