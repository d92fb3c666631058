// This file implements labels and goto.
package check

import "terrac/compiler/tree"

type labelInfo struct {
	stmt   *tree.LabelStmt
	block  *tree.Block
	defers []int // deferPosition at the label
	dtors  []int // dtorPosition at the label
}

type gotoInfo struct {
	stmt   *tree.Goto
	blocks []*tree.Block // the blocks enclosing the goto, outermost first
	defers []int         // deferPosition at the goto
	dtors  []int         // dtorPosition at the goto
}

func (check *Checker) currentBlock() *tree.Block {
	bs := check.env.blocks
	if len(bs) == 0 {
		return nil
	}
	return bs[len(bs)-1]
}

// labelStmt records a label; a label may be placed once.
func (check *Checker) labelStmt(s *tree.LabelStmt) {
	e := check.env
	if prev := e.labels[s.Label]; prev != nil {
		d := check.errorf(s.Pos, "label defined twice")
		d.Notes = append(d.Notes, noteAt(prev.stmt.Pos, "previous definition here"))
		return
	}
	e.labels[s.Label] = &labelInfo{stmt: s, block: check.currentBlock(), defers: check.deferPosition(), dtors: check.dtorPosition()}
}

// gotoStmt records a goto; it is resolved when the body is done.
func (check *Checker) gotoStmt(s *tree.Goto) {
	e := check.env
	e.gotos = append(e.gotos, &gotoInfo{stmt: s, blocks: append([]*tree.Block(nil), e.blocks...), defers: check.deferPosition(), dtors: check.dtorPosition()})
}

// labelsCheck resolves every goto: its label must be placed in the
// goto's block or an enclosing one.
func (check *Checker) labelsCheck() {
	e := check.env
	for _, g := range e.gotos {
		l := e.labels[g.stmt.Label]
		if l == nil {
			check.errorf(g.stmt.Pos, "goto to undefined label")
			continue
		}
		visible := false
		for _, b := range g.blocks {
			if b == l.block {
				visible = true
				break
			}
		}
		if !visible {
			d := check.errorf(g.stmt.Pos, "goto into a nested block: label %s is not in an enclosing block", g.stmt.Label.Name)
			d.Notes = append(d.Notes, noteAt(l.stmt.Pos, "label is here"))
			continue
		}
		if crossesDefer(g.defers, l.defers) {
			if crossesDefer(minus(g.defers, g.dtors), minus(l.defers, l.dtors)) {
				check.errorf(g.stmt.Pos, "goto crosses the scope of a deferred statement")
			} else {
				check.errorf(g.stmt.Pos, "goto jumps over the declaration of a variable of managed type")
			}
		}
	}
}
