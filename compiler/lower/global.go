// This file implements module-level constants: string literals as
// private unnamed_addr NUL-terminated i8 arrays. (Global variables
// will live here too.)
package lower

import (
	"fmt"

	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	lltypes "github.com/llir/llvm/ir/types"
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
