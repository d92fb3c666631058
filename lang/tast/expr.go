// This file implements the Terra expression nodes.
package tast

import "terrac/lang/scan"

// Ident is a name resolved by the parser: Decl is the Terra local it names,
// or, when the name is not a Terra local in scope, Hole is its free-name hole.
type Ident struct {
	Pos
	Name string
	Decl *VarDecl
	Hole *Hole
}

// Number is a numeric literal with its Terra literal type.
type Number struct {
	Pos
	Raw   string
	Value scan.NumValue
}

// String is a string literal (a rawstring in Terra).
type String struct {
	Pos
	Value string
}

// Bool is true or false.
type Bool struct {
	Pos
	Value bool
}

// Nil is the nil literal (niltype).
type Nil struct{ Pos }

// Unary is -x, not x, @x or &x.
type Unary struct {
	Pos
	Op string
	X  Expr
}

// Binary is x op y; Op is one of + - * / % ^ .. < <= > >= == ~= and or << >> ->.
type Binary struct {
	Pos
	Op   string
	X, Y Expr
}

// Call is f(args). A cast [T](e) is a Call whose Fn is an *Escape.
type Call struct {
	Pos
	Fn   Expr
	Args []Expr
}

// MethodCall is o:m(args) or o:[e](args) (NameHole set).
type MethodCall struct {
	Pos
	Recv     Expr
	Name     string
	NameHole *Hole
	Args     []Expr
}

// Select is a.b or a.[e] (NameHole set).
type Select struct {
	Pos
	X        Expr
	Name     string
	NameHole *Hole
}

// Index is a[i].
type Index struct {
	Pos
	X, Index Expr
}

// Constructor is {e, a = e, [e] = e}.
type Constructor struct {
	Pos
	Fields []*ConsField
}

// ConsField is one constructor entry: positional (no key), named (Name) or
// keyed by a Lua value (KeyHole).
type ConsField struct {
	Pos
	Name    string
	KeyHole *Hole
	Value   Expr
}

// Escape is [e]: a Lua expression evaluated at specialization.
type Escape struct {
	Pos
	Hole *Hole
}

// BlockEscape is escape … end; it may emit statements or values.
type BlockEscape struct {
	Pos
	Hole *Hole
}

// Paren is (e); it only groups (an lvalue when e is one).
type Paren struct {
	Pos
	X Expr
}

// Bad stands for an expression that failed to parse.
type Bad struct{ Pos }

func (*Ident) exprNode()       {}
func (*Number) exprNode()      {}
func (*String) exprNode()      {}
func (*Bool) exprNode()        {}
func (*Nil) exprNode()         {}
func (*Unary) exprNode()       {}
func (*Binary) exprNode()      {}
func (*Call) exprNode()        {}
func (*MethodCall) exprNode()  {}
func (*Select) exprNode()      {}
func (*Index) exprNode()       {}
func (*Constructor) exprNode() {}
func (*Escape) exprNode()      {}
func (*BlockEscape) exprNode() {}
func (*Paren) exprNode()       {}
func (*Bad) exprNode()         {}
