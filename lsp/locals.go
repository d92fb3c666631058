// This file implements keeping a program's top-level Lua locals: when its
// Lua stage ends (or stops at a call into Terra code) the main chunk's
// locals are copied into globals of the kept state, so that hover,
// completion and definition can name them (local C = terralib.includec…).
package lsp

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/stdlib/terralib"
)

// endHook is appended to the program's text as a last line; the
// language server defines it in the state.
const endHook = "\n__terrac_lsp_end()\n"

// installEndHook defines __terrac_lsp_end for the chunk named chunk.
func installEndHook(rt *terralib.Runtime, chunk string) {
	rt.L.SetGlobal("__terrac_lsp_end", rt.L.NewFunction(func(L *lua.LState) int {
		captureLocals(L, chunk)
		return 0
	}))
}

// captureLocals finds chunk's main function on the Lua stack and copies
// its locals to globals of the same name that are nil.
func captureLocals(L *lua.LState, chunk string) {
	for level := 0; ; level++ {
		dbg, ok := L.GetStack(level)
		if !ok {
			return
		}
		if _, err := L.GetInfo("S", dbg, lua.LNil); err != nil || dbg.What != "main" || dbg.Source != chunk {
			continue
		}
		for i := 1; ; i++ {
			name, v := L.GetLocal(dbg, i)
			if name == "" {
				break
			}
			if name[0] == '(' || v == lua.LNil {
				continue
			}
			if L.G.Global.RawGetString(name) == lua.LNil {
				L.G.Global.RawSetString(name, v)
			}
		}
		return
	}
}
