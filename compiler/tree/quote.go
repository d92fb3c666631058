// This file implements quotes: specialized fragments that Lua holds
// and splices into other Terra code.
package tree

// Quote is the value of `e or quote … in … end after specialization.
// An expression quote has one Expr and no Stmts.
type Quote struct {
	Stmts []Stmt
	Exprs []Expr
	// IsExpr is set for `e and for quotes with an `in` part.
	IsExpr bool
}
