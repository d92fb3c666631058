// This file implements expression nodes.
package tree

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
)

// Var reads or names a variable.
type Var struct {
	ExprBase
	Sym *Symbol
}

// FuncRef refers to a Terra or extern function. Its checked type is the
// function type itself; used as a value it is converted to a pointer.
type FuncRef struct {
	ExprBase
	Fn *Function
}

// LuaValue is a Lua value that appeared in Terra code and was not
// turned into something more specific during specialization: a type,
// a macro, a table whose fields are selected, a number or string.
// The checker turns it into a typed expression or reports an error.
type LuaValue struct {
	ExprBase
	Value lua.LValue
}

// IntLit is an integer constant of an integral Type (set by the parser
// from the literal's suffix, or by the checker for converted constants).
// Bits holds the two's complement bit pattern.
type IntLit struct {
	ExprBase
	Bits uint64
}

// FloatLit is a float or double constant.
type FloatLit struct {
	ExprBase
	Value float64
}

// BoolLit is true or false.
type BoolLit struct {
	ExprBase
	Value bool
}

// StringLit is a string literal; its type is rawstring (&int8) and it
// lowers to a NUL-terminated private constant.
type StringLit struct {
	ExprBase
	Value string
}

// NilLit is nil, of type niltype.
type NilLit struct {
	ExprBase
}

// Unary is `-x`, `not x`, `@x` (deref) or `&x` (address of).
// Op is one of "-", "not", "@", "&".
type Unary struct {
	ExprBase
	Op string
	X  Expr
}

// Binary is a binary operation. Op is one of
// + - * / % ^ < <= > >= == ~= and or << >>.
// After checking, both operands have the operation's type, except:
// pointer arithmetic (pointer + integer, pointer - pointer), and
// comparisons (result bool or vector of bool).
type Binary struct {
	ExprBase
	Op   string
	X, Y Expr
}

// Call calls Fn with Args. Before checking Fn may be anything (a
// macro, a type for a cast, a Lua function); after checking it is a
// FuncRef or an expression of pointer-to-function type, and each
// argument has its parameter's type (varargs promoted as in C).
type Call struct {
	ExprBase
	Fn   Expr
	Args []Expr
}

// MethodCall is `recv:name(args)`. The checker replaces it by a Call.
type MethodCall struct {
	ExprBase
	Recv Expr
	Name string
	Args []Expr
}

// Select is `x.name`. After checking, X is a struct value (the checker
// inserts a Deref for pointers) and Field is set.
type Select struct {
	ExprBase
	X     Expr
	Name  string
	Field *types.FieldLayout
}

// Index is `x[i]`. After checking X is an array, vector or pointer and
// I an integer.
type Index struct {
	ExprBase
	X, I Expr
}

// CtorField is one entry of a constructor; Name is "" when positional.
type CtorField struct {
	Name  string
	Value Expr
}

// Constructor is `{a, b}` or `{x = a}`. Its checked Type is a tuple,
// an anonymous struct, or (after a cast) a named struct, and after
// checking Fields are positional in the type's field order.
type Constructor struct {
	ExprBase
	Fields []CtorField
}

// Cast converts X to the type in Type. The checker inserts it for
// implicit conversions and for explicit casts `[T](x)` / `T(x)`.
type Cast struct {
	ExprBase
	X        Expr
	Explicit bool
}

// Let runs statements then yields expressions: the result of splicing
// `quote stmts in e1, e2 end`. With several expressions (or a
// multi-value call) it has a tuple type.
type Let struct {
	ExprBase
	Stmts []Stmt
	Exprs []Expr
}

// Paren is a parenthesized expression; it is an lvalue when X is.
type Paren struct {
	ExprBase
	X Expr
}

// Intrinsic calls an LLVM intrinsic or a builtin operation by name,
// with checked Args; Type is the result type.
type Intrinsic struct {
	ExprBase
	Name string
	Args []Expr
}
