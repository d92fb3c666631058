// This file implements Standalone, which tells whether a function may be
// checked early without anyone being able to tell.
package check

import (
	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// Standalone reports whether checking fn now gives the result checking it
// at its first use would, with no effect but on fn itself: its body
// refers to no other function, global, Lua value or struct type, uses no
// macro, method, metamethod, defer or quote, and every type in it is a
// number, bool, or a pointer, array or vector of those. Checking such a
// body runs no Lua and reads nothing that Lua can still change (only
// struct types change after creation), so the runtime may check and
// compile it when it is defined (runtime/jit/ahead.go) while keeping
// Terra's lazy checking: a failure is recorded on fn as always and
// reported only when fn is first used. Anything else is left for later.
func Standalone(fn *tree.Function) bool {
	d := fn.Def
	if d == nil || fn.Extern || fn.State != tree.Unchecked || d.Variadic {
		return false
	}
	if fn.Type != nil && !standaloneType(fn.Type) {
		return false
	}
	if !all(d.Params, func(p *tree.Symbol) bool { return p.Type != nil && plainType(p.Type) }) {
		return false
	}
	if d.Result != nil && d.Result != types.Unit() && !plainType(d.Result) {
		return false
	}
	return standaloneBlock(d.Body)
}

// standaloneType accepts a function type over plain types.
func standaloneType(t *types.Type) bool {
	if t.Kind != types.Func || t.Variadic || !all(t.Params, plainType) {
		return false
	}
	return t.Result == types.Unit() || plainType(t.Result)
}

// plainType accepts bool, integer and float types and pointers, arrays
// and vectors of plain types: types that never change once made.
func plainType(t *types.Type) bool {
	for t != nil {
		switch t.Kind {
		case types.Bool, types.Int, types.Float:
			return true
		case types.Pointer, types.Array, types.Vector:
			t = t.Elem
		default:
			return false
		}
	}
	return false
}

// all reports whether ok holds for every element of xs.
func all[T any](xs []T, ok func(T) bool) bool {
	for _, x := range xs {
		if !ok(x) {
			return false
		}
	}
	return true
}

func standaloneBlock(b *tree.Block) bool {
	return b == nil || all(b.Stmts, standaloneStmt)
}

func standaloneSym(s *tree.Symbol) bool {
	return s != nil && (s.Type == nil || plainType(s.Type))
}

func standaloneStmt(s tree.Stmt) bool {
	switch s := s.(type) {
	case *tree.Block:
		return standaloneBlock(s)
	case *tree.VarDecl:
		return all(s.Syms, standaloneSym) &&
			all(s.Types, func(t *types.Type) bool { return t == nil || plainType(t) }) &&
			all(s.Inits, standaloneExpr)
	case *tree.Assign:
		return all(s.Lhs, standaloneExpr) && all(s.Rhs, standaloneExpr)
	case *tree.If:
		return all(s.Branches, func(br tree.IfBranch) bool {
			return standaloneExpr(br.Cond) && standaloneBlock(br.Body)
		}) && standaloneBlock(s.Else)
	case *tree.While:
		return standaloneExpr(s.Cond) && standaloneBlock(s.Body)
	case *tree.Repeat:
		return standaloneBlock(s.Body) && standaloneExpr(s.Cond)
	case *tree.ForNum:
		return standaloneSym(s.Var) && standaloneExpr(s.Start) && standaloneExpr(s.Limit) &&
			(s.Step == nil || standaloneExpr(s.Step)) && standaloneBlock(s.Body)
	case *tree.Break, *tree.Goto, *tree.LabelStmt:
		return true
	case *tree.Return:
		return all(s.Exprs, standaloneExpr)
	case *tree.ExprStmt:
		return standaloneExpr(s.X)
	}
	return false
}

func standaloneExpr(e tree.Expr) bool {
	switch e := e.(type) {
	case *tree.Var:
		return standaloneSym(e.Sym)
	case *tree.IntLit, *tree.FloatLit, *tree.BoolLit, *tree.StringLit:
		return true
	case *tree.Unary:
		return standaloneExpr(e.X)
	case *tree.Binary:
		return standaloneExpr(e.X) && standaloneExpr(e.Y)
	case *tree.Index:
		return standaloneExpr(e.X) && standaloneExpr(e.I)
	case *tree.Paren:
		return standaloneExpr(e.X)
	case *tree.Cast:
		return e.Type != nil && plainType(e.Type) && standaloneExpr(e.X)
	}
	return false
}
