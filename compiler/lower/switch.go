// This file implements lowering of switch statements (to an LLVM
// switch) and of generic for loops (their __for expansion).
package lower

import (
	"github.com/llir/llvm/ir"

	"terrac/compiler/tree"
)

// createMoreStmt lowers the statements of tree/switch.go.
func (b *builder) createMoreStmt(s tree.Stmt) {
	switch s := s.(type) {
	case *tree.Switch:
		b.createSwitch(s)
	case *tree.ForIn:
		if s.Expanded == nil {
			failf("for … in loop was not expanded by the checker")
		}
		b.createBlock(s.Expanded)
	default:
		failf("cannot lower statement %T", s)
	}
}

// createSwitch lowers `switch`: each case body is its own block that
// leaves to the end (no fallthrough); the else block is the default.
func (b *builder) createSwitch(s *tree.Switch) {
	v := b.createExpr(s.Value)
	lt := b.getLLVMType(tree.TypeOf(s.Value)).(*llInt)
	end := b.newBlock("switch.end")
	def := end
	if s.Else != nil {
		def = b.newBlock("switch.default")
	}
	sw := b.cur.NewSwitch(v, def)
	for _, c := range s.Cases {
		body := b.newBlock("switch.case")
		for _, x := range c.Values {
			sw.Cases = append(sw.Cases, ir.NewCase(constInt(lt, x.(*tree.IntLit).Bits), body))
		}
		b.setBlock(body)
		b.createBlock(c.Body)
		b.branch(end)
	}
	if s.Else != nil {
		b.setBlock(def)
		b.createBlock(s.Else)
		b.branch(end)
	}
	b.setBlock(end)
}
