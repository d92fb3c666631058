// This file implements switch statements and generic `for … in` loops
// (expanded through the iterated struct's __for metamethod).
package check

import (
	"fmt"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// ForHost is implemented by hosts that run `__for` metamethods.
type ForHost interface {
	// ExpandFor calls the __for metamethod of struct type t with a quote
	// of iter and a body callback; body turns the loop values of one
	// iteration into its statements. ok is false when t has no __for.
	ExpandFor(t *types.Type, iter tree.Expr, body func(vals []tree.Expr) []tree.Stmt, at source.Span) (stmts []tree.Stmt, ok bool, err error)
}

// moreStmt checks the statements of tree/switch.go.
func (check *Checker) moreStmt(s tree.Stmt) []tree.Stmt {
	switch s := s.(type) {
	case *tree.Switch:
		check.switchStmt(s)
		return []tree.Stmt{s}
	case *tree.Case:
		check.errorf(s.Pos, "case statement outside of a switch")
		return nil
	case *tree.ForIn:
		check.forIn(s)
		return []tree.Stmt{s}
	}
	panic(fmt.Sprintf("check: unexpected statement node %T", s))
}

// switchStmt checks `switch e do case … end`: e is integral and every
// case value a compile-time integer constant, distinct, converted to
// e's type.
func (check *Checker) switchStmt(s *tree.Switch) {
	s.Value = check.noDefers(s.Value)
	t := s.Value.Base().Type
	if !isErr(t) && !t.IsIntegral() {
		check.errorf(s.Value.Span(), "expected an integral type but found %s", t)
		t = types.ErrorT
	}
	seen := map[uint64]bool{}
	for _, c := range s.Cases {
		for i, v := range c.Values {
			x := check.noDefers(v)
			if isErr(t) || isErr(x.Base().Type) {
				c.Values[i] = x
				continue
			}
			if !x.Base().Type.IsIntegral() {
				check.errorf(x.Span(), "expected an integral type but found %s", x.Base().Type)
				c.Values[i] = invalid(x)
				continue
			}
			bits, ok := constBits(x)
			if !ok {
				check.errorf(x.Span(), "case value must be a compile-time integer constant")
				c.Values[i] = invalid(x)
				continue
			}
			bits = truncBits(bits, t)
			if seen[bits] {
				check.errorf(x.Span(), "duplicate case value in switch")
			}
			seen[bits] = true
			c.Values[i] = &tree.IntLit{ExprBase: tree.ExprBase{Pos: x.Span(), Type: t}, Bits: bits}
		}
		check.block(c.Body)
	}
	if s.Else != nil {
		check.block(s.Else)
	}
}

// constBits folds an integer constant (a literal, possibly under
// implicit or explicit integer casts and unary minus).
func constBits(x tree.Expr) (uint64, bool) {
	switch x := x.(type) {
	case *tree.IntLit:
		return x.Bits, true
	case *tree.Cast:
		if !x.Type.IsIntegral() || !x.X.Base().Type.IsIntegral() {
			return 0, false
		}
		b, ok := constBits(x.X)
		return extBits(b, x.X.Base().Type), ok
	case *tree.Paren:
		return constBits(x.X)
	case *tree.Binary:
		return constBinary(x)
	case *tree.Unary:
		if x.Op == "-" {
			b, ok := constBits(x.X)
			return -b, ok
		}
	}
	return 0, false
}

// extBits sign- or zero-extends the bits of a t value to 64 bits.
func extBits(b uint64, t *types.Type) uint64 {
	if t.Bits >= 64 {
		return b
	}
	sh := 64 - uint(t.Bits)
	if t.Signed {
		return uint64(int64(b<<sh) >> sh)
	}
	return b << sh >> sh
}

// truncBits keeps the low bits of b that a t value holds, sign-extended
// as IntLit stores them.
func truncBits(b uint64, t *types.Type) uint64 { return extBits(b, t) }

// forIn checks `for vars in e do body end` by calling e's __for
// metamethod (e may be a pointer to the struct), then checking the
// statements it returns in place of the loop.
func (check *Checker) forIn(s *tree.ForIn) {
	if s.Iter == nil {
		return
	}
	orig := tree.CopyExpr(s.Iter)
	x := check.expr(s.Iter)
	t := x.Base().Type
	if isErr(t) {
		return
	}
	iter := orig
	if t.IsPointerToStruct() {
		t = t.Elem
		iter = &tree.Unary{ExprBase: tree.ExprBase{Pos: orig.Span()}, Op: "@", X: orig}
	}
	fh, hasHost := check.Host.(ForHost)
	if !t.IsStruct() || !hasHost {
		check.errorf(x.Span(), "expected a struct with a __for metamethod but found %s", t)
		return
	}
	body := func(vals []tree.Expr) []tree.Stmt {
		d := &tree.VarDecl{StmtBase: s.StmtBase, Syms: s.Vars, Inits: vals}
		for _, v := range s.Vars {
			d.Types = append(d.Types, v.Type)
		}
		blk := &tree.Block{StmtBase: s.StmtBase, Stmts: []tree.Stmt{d, tree.CopyBlock(s.Body)}}
		if check.env.written == nil {
			check.env.written = map[*tree.Block]bool{}
		}
		check.env.written[blk] = true
		return []tree.Stmt{blk}
	}
	stmts, ok, err := fh.ExpandFor(t, iter, body, s.Pos)
	if !ok {
		check.errorf(x.Span(), "expected a struct with a __for metamethod but found %s", t)
		return
	}
	if err != nil {
		check.hostError(s.Pos, err)
		return
	}
	s.Expanded = &tree.Block{StmtBase: s.StmtBase, Stmts: stmts}
	saved := check.env.spliced
	check.env.spliced = true
	check.block(s.Expanded)
	check.env.spliced = saved
}

// constBinary folds integer arithmetic on constants (case values such
// as `1 + (1 + 1)`).
func constBinary(x *tree.Binary) (uint64, bool) {
	t := x.Type
	if t == nil || !t.IsIntegral() {
		return 0, false
	}
	a, ok1 := constBits(x.X)
	c, ok2 := constBits(x.Y)
	if !ok1 || !ok2 {
		return 0, false
	}
	var r uint64
	switch x.Op {
	case "+":
		r = a + c
	case "-":
		r = a - c
	case "*":
		r = a * c
	case "/", "%":
		if c == 0 {
			return 0, false
		}
		if t.Signed {
			if x.Op == "/" {
				r = uint64(int64(a) / int64(c))
			} else {
				r = uint64(int64(a) % int64(c))
			}
		} else if x.Op == "/" {
			r = a / c
		} else {
			r = a % c
		}
	case "and":
		r = a & c
	case "or":
		r = a | c
	case "^":
		r = a ^ c
	case "<<":
		r = a << c
	default:
		return 0, false
	}
	return extBits(r, t), true
}
