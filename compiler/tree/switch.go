// This file implements the switch and generic-for statement nodes.
package tree

// Switch is `switch e do case v1, v2 then … … else … end`. Cases come
// from the source or from quotes spliced into the case list. After
// checking, Value has an integral type and every case value is an
// IntLit of that type (a compile-time constant). Else may be nil.
type Switch struct {
	StmtBase
	Value Expr
	Cases []*Case
	Else  *Block
}

// Case is one `case v1, … then body` clause. It is also a statement so
// that a quote can hold cases to splice into a switch; outside a switch
// the checker rejects it.
type Case struct {
	StmtBase
	Values []Expr
	Body   *Block
}

// ForIn is `for a, b in e do body end`. The checker expands it through
// the `__for` metamethod of e's struct type into Expanded (a block
// built from the quote the metamethod returns); lowering uses only
// Expanded.
type ForIn struct {
	StmtBase
	Vars     []*Symbol
	Iter     Expr
	Body     *Block
	Expanded *Block
}

func copyCase(s *Case) *Case {
	c := *s
	c.Values = CopyExprs(s.Values)
	c.Body = CopyBlock(s.Body)
	return &c
}

// copyMoreStmt copies the statements of this file; nil when s is
// another kind of statement.
func copyMoreStmt(s Stmt) Stmt {
	switch s := s.(type) {
	case *Switch:
		c := *s
		c.Value = CopyExpr(s.Value)
		c.Cases = make([]*Case, len(s.Cases))
		for i, k := range s.Cases {
			c.Cases[i] = copyCase(k)
		}
		c.Else = CopyBlock(s.Else)
		return &c
	case *Case:
		return copyCase(s)
	case *ForIn:
		c := *s
		c.Vars = copySlice(s.Vars)
		c.Iter = CopyExpr(s.Iter)
		c.Body = CopyBlock(s.Body)
		c.Expanded = nil
		return &c
	}
	return nil
}
