// This file implements saving global variables: the module lowered for
// the JIT only declares them (the runtime owns their storage), so a saved
// file defines each one with the bytes it holds when saved.
package aot

import (
	"fmt"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	lltypes "github.com/llir/llvm/ir/types"

	"terrac/compiler/lower"
	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// defineGlobals gives every non-extern global the module refers to an
// internal definition holding value(g). The typed name becomes an alias
// of a byte array, so the instructions already built keep their types.
func defineGlobals(m *lower.Module, value func(*tree.Global) ([]byte, error)) error {
	mod := m.IR()
	for _, g := range m.Globals() {
		if g.Extern {
			continue
		}
		if value == nil {
			return fmt.Errorf("saveobj: global %s cannot be saved here (no runtime to read it from)", g.Name)
		}
		b, err := value(g)
		if err != nil {
			return err
		}
		if hasPointer(g.Type) && !allZero(b) {
			return fmt.Errorf("saveobj: global %s holds pointers, which are addresses in this process; only plain data globals can be saved", g.Name)
		}
		var decl *ir.Global
		for i, gv := range mod.Globals {
			if gv.Name() == g.LinkName {
				decl = gv
				mod.Globals = append(mod.Globals[:i], mod.Globals[i+1:]...)
				break
			}
		}
		if decl == nil {
			continue
		}
		var init constant.Constant = constant.NewCharArray(b)
		if allZero(b) {
			init = constant.NewZeroInitializer(lltypes.NewArray(uint64(len(b)), lltypes.I8))
		}
		data := mod.NewGlobalDef(g.LinkName+".data", init)
		data.Linkage = enum.LinkageInternal
		data.Align = decl.Align
		data.Immutable = g.Constant
		a := mod.NewAlias(g.LinkName, constant.NewBitCast(data, decl.Typ))
		a.Linkage = enum.LinkageInternal
	}
	return nil
}

func hasPointer(t *types.Type) bool {
	switch t.Kind {
	case types.Pointer, types.Nil:
		return true
	case types.Array, types.Vector:
		return hasPointer(t.Elem)
	case types.Struct:
		for _, f := range t.Fields() {
			if hasPointer(f.Type) {
				return true
			}
		}
	}
	return false
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}
