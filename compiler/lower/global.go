// This file implements module-level constants: string literals as
// private unnamed_addr NUL-terminated i8 arrays, and references to
// Terra global variables.
package lower

import (
	"fmt"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	lltypes "github.com/llir/llvm/ir/types"

	"terrac/compiler/tree"
)

// getString returns an i8* to a NUL-terminated copy of s, one global
// per distinct string.
func (m *Module) getString(s string) constant.Constant {
	g := m.strings[s]
	if g == nil {
		name := ".str"
		if n := len(m.strings); n > 0 {
			name = fmt.Sprintf(".str.%d", n)
		}
		g = m.mod.NewGlobalDef(name, constant.NewCharArrayFromString(s+"\x00"))
		g.Linkage = enum.LinkagePrivate
		g.UnnamedAddr = enum.UnnamedAddrUnnamedAddr
		g.Immutable = true
		g.Align = 1
		m.strings[s] = g
	}
	at := g.ContentType
	gep := constant.NewGetElementPtr(at, g, constant.NewInt(lltypes.I64, 0), constant.NewInt(lltypes.I64, 0))
	gep.InBounds = true
	return gep
}

// getGlobal returns the LLVM global for g: always an external
// declaration, because the runtime owns every global's storage and
// defines its symbol (see runtime/engine). Globals lists what a module
// refers to.
func (m *Module) getGlobal(g *tree.Global) *ir.Global {
	if m.globals == nil {
		m.globals = map[*tree.Global]*ir.Global{}
	}
	if gv := m.globals[g]; gv != nil {
		return gv
	}
	// Two C imports that both declare the same extern variable (stderr
	// from two includec calls) are two tree.Globals with one symbol; the
	// module may declare it only once.
	if g.Extern {
		for other, gv := range m.globals {
			if other.Extern && other.LinkName == g.LinkName && gv.ContentType.Equal(m.getLLVMType(g.Type)) {
				m.globals[g] = gv
				m.globalList = append(m.globalList, g)
				return gv
			}
		}
	}
	gv := m.mod.NewGlobal(g.LinkName, m.getLLVMType(g.Type))
	gv.Linkage = enum.LinkageExternal
	gv.Align = ir.Align(max(1, g.Type.Align()))
	m.globals[g] = gv
	m.globalList = append(m.globalList, g)
	return gv
}

// Globals lists the globals the module's functions refer to, in order
// of first use.
func (m *Module) Globals() []*tree.Global { return m.globalList }

// setFuncAttrs applies tree.FuncAttrs to a definition.
func setFuncAttrs(f *ir.Func, a tree.FuncAttrs) {
	f.CallingConv = callingConv(a.CallingConv)
	if a.NoReturn {
		f.FuncAttrs = append(f.FuncAttrs, enum.FuncAttrNoReturn)
	}
	if a.NoOptimize {
		f.FuncAttrs = append(f.FuncAttrs, enum.FuncAttrOptNone, enum.FuncAttrNoInline)
	}
}

// callingConv maps a calling convention name to LLVM's; "" is C.
func callingConv(name string) enum.CallingConv {
	switch name {
	case "fastcc":
		return enum.CallingConvFast
	case "coldcc":
		return enum.CallingConvCold
	}
	return enum.CallingConvNone
}
