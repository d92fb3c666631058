// This file implements statements: blocks, variable declarations,
// assignment, control flow (if, while, repeat, numeric for, break,
// goto, labels), return and defer.
package lower

import (
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

func (b *builder) createStmt(s tree.Stmt) {
	defer b.debugStmt(s)()
	b.ensureOpen()
	switch s := s.(type) {
	case *tree.Block:
		b.createBlock(s)
	case *tree.VarDecl:
		b.createVarDecl(s)
	case *tree.Assign:
		b.createAssign(s)
	case *tree.If:
		b.createIf(s)
	case *tree.While:
		b.createWhile(s)
	case *tree.Repeat:
		b.createRepeat(s)
	case *tree.ForNum:
		b.createForNum(s)
	case *tree.Break:
		b.createBreak()
	case *tree.Return:
		var v value.Value
		if len(s.Exprs) > 1 {
			failf("return with %d values: the checker must build a tuple", len(s.Exprs))
		}
		if len(s.Exprs) == 1 {
			v = b.createExpr(s.Exprs[0])
		}
		b.moved = s.Moved
		b.createReturn(v)
		b.moved = nil
	case *tree.ExprStmt:
		b.createExpr(s.X)
	case *tree.Goto:
		b.createGoto(s)
	case *tree.LabelStmt:
		t := b.getLabel(s.Label)
		t.placed, t.ndefers = true, len(b.scopes[len(b.scopes)-1].defers)
		b.branch(t.block)
		b.setBlock(t.block)
	case *tree.Defer:
		b.createDefer(s)
	default:
		b.createMoreStmt(s)
	}
}

// createBlock lowers a lexical block in a new scope. Labels placed
// directly in the block are created first, so gotos before them work.
func (b *builder) createBlock(blk *tree.Block) {
	b.pushScope()
	b.createStmtsInScope(blk.Stmts)
	b.popScope()
}

// createStmtsInScope lowers statements in the current (fresh) scope.
func (b *builder) createStmtsInScope(stmts []tree.Stmt) {
	for _, s := range stmts {
		if l, ok := s.(*tree.LabelStmt); ok {
			b.labels[l.Label] = &labelTarget{block: b.newBlock(sanitize(l.Label.Name)), depth: len(b.scopes)}
		}
	}
	for _, s := range stmts {
		b.createStmt(s)
	}
}

func (b *builder) getLabel(l *tree.Label) *labelTarget {
	t := b.labels[l]
	if t == nil {
		failf("label %s is not in an enclosing block", l.Name)
	}
	return t
}

func (b *builder) createGoto(s *tree.Goto) {
	t := b.getLabel(s.Label)
	b.runDefers(t.depth)
	b.runLabelDefers(t)
	b.branch(t.block)
}

func (b *builder) createVarDecl(s *tree.VarDecl) {
	if len(s.Syms) == 1 && len(s.Inits) == 1 && inMemory(s.Syms[0].VarType()) &&
		addressable(s.Inits[0]) && tree.TypeOf(s.Inits[0]) == s.Syms[0].VarType() {
		// The new variable cannot alias its initializer: copy straight
		// from it, without a snapshot in between.
		sym, t := s.Syms[0], s.Syms[0].VarType()
		src := b.createAddr(s.Inits[0])
		if plainAddr(src) {
			slot := b.createAlloca(t, sym.Name)
			b.locals[sym] = slot
			b.memcpy(t, slot, src)
			return
		}
		vals := []value.Value{b.createLoad(t, src)}
		b.declareVars(s.Syms, vals)
		return
	}
	vals := make([]value.Value, len(s.Inits))
	for i, e := range s.Inits {
		vals[i] = b.createExpr(e)
	}
	b.declareVars(s.Syms, vals)
}

// declareVars makes the slots of syms, initialized from vals if any.
func (b *builder) declareVars(syms []*tree.Symbol, vals []value.Value) {
	for i, sym := range syms {
		t := sym.VarType()
		slot := b.createAlloca(t, sym.Name)
		b.locals[sym] = slot
		if len(vals) > 0 {
			b.createStore(t, vals[i], slot)
		}
	}
}

// createAssign computes every right side first (so `a, b = b, a`
// swaps), then each destination's address followed by its store, left
// to right, as Terra does: a side effect in a destination's address
// does not reach the values already read.
func (b *builder) createAssign(s *tree.Assign) {
	if len(s.Lhs) != len(s.Rhs) {
		failf("assignment of %d values to %d places", len(s.Rhs), len(s.Lhs))
	}
	vals := make([]value.Value, len(s.Rhs))
	for i, r := range s.Rhs {
		vals[i] = b.createExpr(r)
	}
	for i, l := range s.Lhs {
		b.createStore(tree.TypeOf(l), vals[i], b.createAddr(l))
	}
}

func (b *builder) createIf(s *tree.If) {
	end := b.newBlock("if.end")
	for _, br := range s.Branches {
		cond := b.createExpr(br.Cond)
		then := b.newBlock("if.then")
		next := b.newBlock("if.else")
		b.cur.NewCondBr(cond, then, next)
		b.setBlock(then)
		b.createBlock(br.Body)
		b.branch(end)
		b.setBlock(next)
	}
	if s.Else != nil {
		b.createBlock(s.Else)
	}
	b.branch(end)
	b.setBlock(end)
}

func (b *builder) createWhile(s *tree.While) {
	cond := b.newBlock("while.cond")
	body := b.newBlock("while.body")
	exit := b.newBlock("while.end")
	b.branch(cond)
	b.setBlock(cond)
	c := b.createExpr(s.Cond)
	b.cur.NewCondBr(c, body, exit)
	b.setBlock(body)
	b.loops = append(b.loops, loopTarget{exit, len(b.scopes)})
	b.createBlock(s.Body)
	b.loops = b.loops[:len(b.loops)-1]
	b.branch(cond)
	b.setBlock(exit)
}

// createRepeat lowers `repeat body until cond`; the condition is
// evaluated inside the body's scope, before the body's defers run.
func (b *builder) createRepeat(s *tree.Repeat) {
	body := b.newBlock("repeat.body")
	exit := b.newBlock("repeat.end")
	b.branch(body)
	b.setBlock(body)
	b.loops = append(b.loops, loopTarget{exit, len(b.scopes)})
	b.pushScope()
	b.createStmtsInScope(s.Body.Stmts)
	b.ensureOpen()
	c := b.createExpr(s.Cond)
	b.popScope()
	b.loops = b.loops[:len(b.loops)-1]
	if b.cur.Term == nil {
		b.cur.NewCondBr(c, exit, body)
	}
	b.setBlock(exit)
}

// createForNum lowers `for v = start, limit, step` with an exclusive
// limit: while v < limit for a positive step, v > limit for a negative
// one (tested at run time when the step is not a constant).
func (b *builder) createForNum(s *tree.ForNum) {
	t := s.Var.VarType()
	start := b.createExpr(s.Start)
	limit := b.createExpr(s.Limit)
	var step value.Value
	sign := 1 // known sign of the step; 0 when unknown
	if s.Step == nil {
		step = b.constOne(t)
	} else {
		step = b.createExpr(s.Step)
		sign = constSign(step)
	}
	var positive value.Value
	if sign == 0 {
		positive = b.createCompare(">", t, step, zeroValue(b.getValueType(t)))
	}
	slot := b.createAlloca(t, s.Var.Name)
	b.locals[s.Var] = slot
	b.createStore(t, start, slot)

	cond := b.newBlock("for.cond")
	body := b.newBlock("for.body")
	inc := b.newBlock("for.inc")
	exit := b.newBlock("for.end")
	b.branch(cond)
	b.setBlock(cond)
	v := b.createLoad(t, slot)
	var c value.Value
	switch sign {
	case 1:
		c = b.createCompare("<", t, v, limit)
	case -1:
		c = b.createCompare(">", t, v, limit)
	default:
		c = b.cur.NewSelect(positive, b.createCompare("<", t, v, limit), b.createCompare(">", t, v, limit))
	}
	b.cur.NewCondBr(c, body, exit)

	b.setBlock(body)
	b.loops = append(b.loops, loopTarget{exit, len(b.scopes)})
	b.createBlock(s.Body)
	b.loops = b.loops[:len(b.loops)-1]
	b.branch(inc)
	b.setBlock(inc)
	v = b.createLoad(t, slot)
	b.createStore(t, b.createArith("+", t, v, step), slot)
	b.branch(cond)
	b.setBlock(exit)
}

// constSign returns the sign of a constant step, or 0 when unknown.
// Integer constants are built sign-extended (constInt), so an unsigned
// step written as -1 counts as negative, which is what it means.
func constSign(v value.Value) int {
	switch c := v.(type) {
	case *constant.Int:
		return c.X.Sign()
	case *constant.Float:
		return c.X.Sign()
	}
	return 0
}

func (b *builder) constOne(t *types.Type) value.Value {
	switch t.Kind {
	case types.Int:
		return constant.NewInt(b.getLLVMType(t).(*llInt), 1)
	case types.Float:
		return constant.NewFloat(b.getLLVMType(t).(*llFloat), 1)
	}
	failf("for loop over %s", t)
	return nil
}

func (b *builder) createBreak() {
	if len(b.loops) == 0 {
		failf("break outside a loop")
	}
	l := b.loops[len(b.loops)-1]
	b.runDefers(l.depth)
	b.branch(l.exit)
}

// createReturn runs every pending defer, then returns v (nil for unit)
// through the System V return convention.
func (b *builder) createReturn(v value.Value) {
	rt := b.fn.Type.Result
	if v == nil && rt != nil && !rt.IsUnit() {
		v = zeroValue(b.getValueType(rt)) // falling off the end of a function with a result
	}
	b.runDefers(0)
	b.ensureOpen()
	switch b.sig.ret.kind {
	case argIgnore:
		b.cur.NewRet(nil)
	case argDirect:
		b.cur.NewRet(v)
	case argMemory:
		b.createStore(rt, v, b.sret)
		b.cur.NewRet(nil)
	case argCoerce:
		b.cur.NewRet(b.createCoerceOut(b.sig.ret, v))
	}
}
