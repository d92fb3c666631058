// This file implements the node interfaces and the shared base fields.
package tree

import (
	"terrac/compiler/types"
	"terrac/lang/source"
)

// Node is any tree node.
type Node interface {
	Span() source.Span
}

// Expr is an expression node.
type Expr interface {
	Node
	Base() *ExprBase
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// ExprBase is embedded in every expression. The checker fills Type and
// LValue.
type ExprBase struct {
	Pos    source.Span
	Type   *types.Type
	LValue bool
}

func (e *ExprBase) Span() source.Span { return e.Pos }
func (e *ExprBase) Base() *ExprBase   { return e }

// StmtBase is embedded in every statement.
type StmtBase struct {
	Pos source.Span
}

func (s *StmtBase) Span() source.Span { return s.Pos }
func (s *StmtBase) stmtNode()         {}

// TypeOf returns the checked type of e.
func TypeOf(e Expr) *types.Type { return e.Base().Type }
