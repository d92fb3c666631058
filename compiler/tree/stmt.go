// This file implements statement nodes.
package tree

import "terrac/compiler/types"

// Block is a lexical scope.
type Block struct {
	StmtBase
	Stmts []Stmt
}

// VarDecl is `var a : T, b = e1, e2`. Types[i] is nil when inferred;
// Inits is empty for uninitialized variables. After checking, len(Inits)
// equals len(Syms) or is 0, and each init has its variable's type.
type VarDecl struct {
	StmtBase
	Syms  []*Symbol
	Types []*types.Type
	Inits []Expr
}

// Assign is `a, b = e1, e2`: every right side is evaluated before any
// store. After checking, each Rhs has its Lhs's type.
type Assign struct {
	StmtBase
	Lhs, Rhs []Expr
}

// IfBranch is one `if`/`elseif` arm.
type IfBranch struct {
	Cond Expr
	Body *Block
}

// If is `if … elseif … else … end`; Else may be nil.
type If struct {
	StmtBase
	Branches []IfBranch
	Else     *Block
}

// While is `while cond do body end`.
type While struct {
	StmtBase
	Cond Expr
	Body *Block
}

// Repeat is `repeat body until cond`; Cond sees the body's variables.
type Repeat struct {
	StmtBase
	Body *Block
	Cond Expr
}

// ForNum is `for v = start, limit [, step] do body end` with an
// exclusive limit. Step is nil for 1. After checking Start, Limit and
// Step have the variable's type.
type ForNum struct {
	StmtBase
	Var                *Symbol
	Start, Limit, Step Expr
	Body               *Block
}

// Break leaves the innermost loop.
type Break struct {
	StmtBase
}

// Return returns zero or more values; after checking there is at most
// one expression, of the function's result type (a tuple constructor
// for multiple values).
type Return struct {
	StmtBase
	Exprs []Expr
	// Moved are the managed variables the return moves out (`return x`
	// of a local or by-value parameter, or such variables among the
	// values of a multiple return): their destructors do not run on
	// this path. Set by the checker.
	Moved []*Symbol
}

// ExprStmt evaluates an expression for its effects.
type ExprStmt struct {
	StmtBase
	X Expr
}

// Goto jumps to a label in an enclosing block.
type Goto struct {
	StmtBase
	Label *Label
}

// LabelStmt places a label.
type LabelStmt struct {
	StmtBase
	Label *Label
}

// Defer runs Call when the enclosing block exits.
type Defer struct {
	StmtBase
	Call Expr
	// Owner is set on the destructor calls the checker schedules for a
	// managed variable (see compiler/check/raii.go): the variable whose
	// __dtor Call is. A return that moves Owner out skips the call.
	Owner *Symbol
}
