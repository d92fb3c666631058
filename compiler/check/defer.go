// This file implements the rules Terra puts on defer beyond its call
// form: no defer inside a condition, and no goto that crosses the
// scope of a deferred call.
package check

import (
	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// noDefers checks a condition expression, in which a spliced quote must
// not leave a deferred call behind (it would run in the middle of the
// enclosing block's control flow).
func (check *Checker) noDefers(c tree.Expr) tree.Expr {
	e := check.env
	e.blocks, e.defers = append(e.blocks, nil), append(e.defers, 0)
	x := check.expr(c)
	n := e.defers[len(e.defers)-1]
	e.blocks, e.defers = e.blocks[:len(e.blocks)-1], e.defers[:len(e.defers)-1]
	if n > 0 {
		check.errorf(x.Span(), "defer statements are not allowed in conditional expressions")
	}
	return x
}

// deferMark is the number of defers seen so far in the innermost
// block, or -1 outside any block.
func (check *Checker) deferMark() int {
	if d := check.env.defers; len(d) > 0 {
		return d[len(d)-1]
	}
	return -1
}

// noDefersInLogical reports a defer left behind by an operand of a
// short-circuit and/or (a bool left operand), where it would run only
// on some paths. On integers and/or are bitwise: both operands always
// run, so a defer in them is allowed, as in Terra.
func (check *Checker) noDefersInLogical(b *tree.Binary, mark int) {
	if b.Op != "and" && b.Op != "or" || mark < 0 || check.deferMark() == mark {
		return
	}
	if b.X.Base().Type == types.Boolean {
		check.errorf(b.Pos, "defer statements are not allowed in conditional expressions")
	}
}

// deferPosition is the number of defers seen so far in each enclosing
// block, outermost first.
func (check *Checker) deferPosition() []int {
	return append([]int(nil), check.env.defers...)
}

// crossesDefer reports whether a jump from position from to position to
// enters or leaves the scope of a deferred call the wrong way: jumping
// backwards over a defer in a shared block is fine only if nothing
// deeper is entered; jumping forwards over a defer is not.
func crossesDefer(from, to []int) bool {
	n := max(len(from), len(to))
	at := func(p []int, i int) int {
		if i < len(p) {
			return p[i]
		}
		return 0
	}
	for i := 0; i < n; i++ {
		t, f := at(to, i), at(from, i)
		if t < f {
			for j := i + 1; j < n; j++ {
				if at(to, j) != 0 {
					return true
				}
			}
			return false
		}
		if t > f {
			return true
		}
	}
	return false
}
