// This file implements what ahead-of-time saving needs from a module:
// finding the LLVM function of a Terra function.
package lower

import (
	"github.com/llir/llvm/ir"

	"terrac/compiler/tree"
)

// Func returns the LLVM function of fn in this module (a definition if
// AddFunction added it, a declaration if only referred to), or nil.
func (m *Module) Func(fn *tree.Function) *ir.Func { return m.funcs[fn] }

// Global returns the LLVM global of g, declaring it (and adding it to
// Globals) if the module's functions do not refer to it yet.
func (m *Module) Global(g *tree.Global) *ir.Global { return m.getGlobal(g) }
