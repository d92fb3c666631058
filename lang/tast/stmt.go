// This file implements the Terra statement nodes.
package tast

// Block is a list of statements with its own scope.
type Block struct {
	Pos
	Stmts []Stmt
}

// VarStmt is var a : T, [s], b = e1, e2. Values are evaluated before the
// names come into scope.
type VarStmt struct {
	Pos
	Vars   []*VarDecl
	Values []Expr
}

// AssignStmt is a parallel assignment.
type AssignStmt struct {
	Pos
	Lhs, Rhs []Expr
}

// IfStmt is if/elseif/else; Else is nil when absent.
type IfStmt struct {
	Pos
	Clauses []*IfClause
	Else    *Block
}

// IfClause is one "cond then body" arm.
type IfClause struct {
	Pos
	Cond Expr
	Body *Block
}

// WhileStmt is while cond do body end.
type WhileStmt struct {
	Pos
	Cond Expr
	Body *Block
}

// RepeatStmt is repeat body until cond; Cond sees the body's locals.
type RepeatStmt struct {
	Pos
	Body *Block
	Cond Expr
}

// ForNumStmt is for v [: T] = start, limit [, step] do … end (the upper
// bound is exclusive in Terra). Step is nil when absent.
type ForNumStmt struct {
	Pos
	Var                *VarDecl
	Start, Limit, Step Expr
	Body               *Block
}

// ForInStmt is for a, b in e do … end.
type ForInStmt struct {
	Pos
	Vars []*VarDecl
	Iter []Expr
	Body *Block
}

// BreakStmt is break.
type BreakStmt struct{ Pos }

// ReturnStmt is return e1, …, en (n may be 0).
type ReturnStmt struct {
	Pos
	Values []Expr
}

// DoStmt is do … end.
type DoStmt struct {
	Pos
	Body *Block
}

// Label names a goto target: a plain name or [e] (Hole set).
type Label struct {
	Pos
	Name string
	Hole *Hole
}

// LabelStmt is ::name:: or ::[e]::.
type LabelStmt struct {
	Pos
	Label *Label
}

// GotoStmt is goto name or goto [e].
type GotoStmt struct {
	Pos
	Label *Label
}

// DeferStmt is defer e.
type DeferStmt struct {
	Pos
	X Expr
}

// SwitchStmt is switch e do <cases> [else …] end. Cases holds *CaseStmt
// and statements that splice cases (escapes).
type SwitchStmt struct {
	Pos
	Value Expr
	Cases []Stmt
	Else  *Block
}

// CaseStmt is case e1, … then body [end]; it may also appear in a quote
// that is later spliced into a switch.
type CaseStmt struct {
	Pos
	Values []Expr
	Body   *Block
}

// ExprStmt is an expression used as a statement: a call, [e], escape … end.
type ExprStmt struct {
	Pos
	X Expr
}

func (*Block) stmtNode()      {}
func (*VarStmt) stmtNode()    {}
func (*AssignStmt) stmtNode() {}
func (*IfStmt) stmtNode()     {}
func (*WhileStmt) stmtNode()  {}
func (*RepeatStmt) stmtNode() {}
func (*ForNumStmt) stmtNode() {}
func (*ForInStmt) stmtNode()  {}
func (*BreakStmt) stmtNode()  {}
func (*ReturnStmt) stmtNode() {}
func (*DoStmt) stmtNode()     {}
func (*LabelStmt) stmtNode()  {}
func (*GotoStmt) stmtNode()   {}
func (*DeferStmt) stmtNode()  {}
func (*SwitchStmt) stmtNode() {}
func (*CaseStmt) stmtNode()   {}
func (*ExprStmt) stmtNode()   {}
