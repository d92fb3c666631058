// This file implements deep copies of trees, used when a quote is
// spliced so that a node never appears in two places.
package tree

import "fmt"

// CopyExpr returns a deep copy of an unchecked expression.
func CopyExpr(e Expr) Expr {
	if e == nil {
		return nil
	}
	switch e := e.(type) {
	case *Var:
		c := *e
		return &c
	case *Prechecked:
		c := *e
		return &c
	case *FuncRef:
		c := *e
		return &c
	case *LuaValue:
		c := *e
		return &c
	case *IntLit:
		c := *e
		return &c
	case *FloatLit:
		c := *e
		return &c
	case *BoolLit:
		c := *e
		return &c
	case *StringLit:
		c := *e
		return &c
	case *NilLit:
		c := *e
		return &c
	case *Unary:
		c := *e
		c.X = CopyExpr(e.X)
		return &c
	case *Binary:
		c := *e
		c.X, c.Y = CopyExpr(e.X), CopyExpr(e.Y)
		return &c
	case *Call:
		c := *e
		c.Fn = CopyExpr(e.Fn)
		c.Args = CopyExprs(e.Args)
		return &c
	case *MethodCall:
		c := *e
		c.Recv = CopyExpr(e.Recv)
		c.Args = CopyExprs(e.Args)
		return &c
	case *Select:
		c := *e
		c.X = CopyExpr(e.X)
		return &c
	case *Index:
		c := *e
		c.X, c.I = CopyExpr(e.X), CopyExpr(e.I)
		return &c
	case *Constructor:
		c := *e
		c.Fields = make([]CtorField, len(e.Fields))
		for i, f := range e.Fields {
			c.Fields[i] = CtorField{Name: f.Name, Value: CopyExpr(f.Value)}
		}
		return &c
	case *Cast:
		c := *e
		c.X = CopyExpr(e.X)
		return &c
	case *Let:
		c := *e
		c.Stmts = CopyStmts(e.Stmts)
		c.Exprs = CopyExprs(e.Exprs)
		return &c
	case *Paren:
		c := *e
		c.X = CopyExpr(e.X)
		return &c
	case *Intrinsic:
		c := *e
		c.Args = CopyExprs(e.Args)
		return &c
	}
	if c := copyMoreExpr(e); c != nil {
		return c
	}
	if c, ok := e.(Copier); ok {
		return c.CopyNode()
	}
	panic(fmt.Sprintf("tree.CopyExpr: unknown node %T", e))
}

// copySlice copies a slice's elements (not what they point to).
func copySlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}

// CopyExprs copies a list of expressions.
func CopyExprs(es []Expr) []Expr {
	if es == nil {
		return nil
	}
	out := make([]Expr, len(es))
	for i, e := range es {
		out[i] = CopyExpr(e)
	}
	return out
}

// CopyBlock copies a block.
func CopyBlock(b *Block) *Block {
	if b == nil {
		return nil
	}
	c := *b
	c.Stmts = CopyStmts(b.Stmts)
	return &c
}

// CopyStmts copies a list of statements.
func CopyStmts(ss []Stmt) []Stmt {
	if ss == nil {
		return nil
	}
	out := make([]Stmt, len(ss))
	for i, s := range ss {
		out[i] = CopyStmt(s)
	}
	return out
}

// CopyStmt returns a deep copy of an unchecked statement.
func CopyStmt(s Stmt) Stmt {
	switch s := s.(type) {
	case *Block:
		return CopyBlock(s)
	case *VarDecl:
		c := *s
		// The checker fills Types in place: the copy needs its own slices.
		c.Syms = copySlice(s.Syms)
		c.Types = copySlice(s.Types)
		c.Inits = CopyExprs(s.Inits)
		return &c
	case *Assign:
		c := *s
		c.Lhs, c.Rhs = CopyExprs(s.Lhs), CopyExprs(s.Rhs)
		return &c
	case *If:
		c := *s
		c.Branches = make([]IfBranch, len(s.Branches))
		for i, br := range s.Branches {
			c.Branches[i] = IfBranch{Cond: CopyExpr(br.Cond), Body: CopyBlock(br.Body)}
		}
		c.Else = CopyBlock(s.Else)
		return &c
	case *While:
		c := *s
		c.Cond, c.Body = CopyExpr(s.Cond), CopyBlock(s.Body)
		return &c
	case *Repeat:
		c := *s
		c.Cond, c.Body = CopyExpr(s.Cond), CopyBlock(s.Body)
		return &c
	case *ForNum:
		c := *s
		c.Start, c.Limit, c.Step = CopyExpr(s.Start), CopyExpr(s.Limit), CopyExpr(s.Step)
		c.Body = CopyBlock(s.Body)
		return &c
	case *Break:
		c := *s
		return &c
	case *Return:
		c := *s
		c.Exprs = CopyExprs(s.Exprs)
		c.Moved = copySlice(s.Moved)
		return &c
	case *ExprStmt:
		c := *s
		c.X = CopyExpr(s.X)
		return &c
	case *Goto:
		c := *s
		return &c
	case *LabelStmt:
		c := *s
		return &c
	case *Defer:
		c := *s
		c.Call = CopyExpr(s.Call)
		return &c
	}
	if c := copyMoreStmt(s); c != nil {
		return c
	}
	panic(fmt.Sprintf("tree.CopyStmt: unknown node %T", s))
}
