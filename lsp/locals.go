// This file implements keeping a program's top-level Lua locals: when its
// Lua stage ends (or stops at a call into Terra code) the main chunk's
// locals are copied into globals of the kept state, so that hover,
// completion and definition can name them (local C = terralib.includec…).
package lsp

import (
	"fmt"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/stdlib/terralib"
)

// endHook is appended to the program's text as a last line: it hands
// the top-level locals to __terrac_lsp_end, which the language server
// defines in the state. (Reading them from the stack is not reliable at
// the end of a chunk: gopher-lua's local names assume an ordering that
// the Terra declarations' locals do not keep.)
func endHook(names []string) string {
	var b strings.Builder
	b.WriteString("\n__terrac_lsp_end{")
	for _, n := range names {
		fmt.Fprintf(&b, "%s=%s,", n, n)
	}
	b.WriteString("}\n")
	return b.String()
}

// installEndHook defines __terrac_lsp_end, which also calls ended.
func installEndHook(rt *terralib.Runtime, ended func()) {
	rt.L.SetGlobal("__terrac_lsp_end", rt.L.NewFunction(func(L *lua.LState) int {
		ended()
		L.CheckTable(1).ForEach(func(k, v lua.LValue) {
			if name, ok := k.(lua.LString); ok && L.G.Global.RawGetString(string(name)) == lua.LNil {
				L.G.Global.RawSetString(string(name), v)
			}
		})
		return 0
	}))
}

// captureLocals finds chunk's main function on the Lua stack and copies
// its locals to globals of the same name that are nil, as far as
// gopher-lua can name them (the Lua stage stopped at a call into Terra).
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
