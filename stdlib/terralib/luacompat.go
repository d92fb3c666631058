// This file implements the Lua 5.1 details of debug.getinfo that gopher-lua
// leaves out: `source` is "@file" for a chunk loaded from a file, the chunk
// name given to loadstring otherwise, and "=[C]" for host functions, with
// `short_src` derived from it as Lua's luaO_chunkid does.
package terralib

import (
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// rememberChunkName records the Lua chunk name a string chunk was loaded
// under (gopher-lua knows it only by its stripped name).
func (rt *Runtime) rememberChunkName(stripped, chunkname string) {
	if rt.chunkNames == nil {
		rt.chunkNames = map[string]string{}
	}
	rt.chunkNames[stripped] = chunkname
}

func (rt *Runtime) initDebugInfo() {
	dbg, ok := rt.L.GetGlobal("debug").(*lua.LTable)
	if !ok {
		return
	}
	orig, ok := dbg.RawGetString("getinfo").(*lua.LFunction)
	if !ok {
		return
	}
	dbg.RawSetString("getinfo", rt.L.NewFunction(func(L *lua.LState) int {
		args := make([]lua.LValue, L.GetTop())
		for i := range args {
			args[i] = L.Get(i + 1)
		}
		// A numeric level counts from the caller of getinfo, so this wrapper's
		// own frame must be skipped.
		if n, ok := args[0].(lua.LNumber); ok && n >= 0 {
			args[0] = n + 1
		}
		if err := L.CallByParam(lua.P{Fn: orig, NRet: 1, Protect: false}, args...); err != nil {
			L.RaiseError("%s", err.Error())
		}
		info := L.Get(-1)
		L.Pop(1)
		if tb, ok := info.(*lua.LTable); ok {
			rt.fixSource(tb)
		}
		L.Push(info)
		return 1
	}))
}

func (rt *Runtime) fixSource(tb *lua.LTable) {
	what := lua.LVAsString(tb.RawGetString("what"))
	src := lua.LVAsString(tb.RawGetString("source"))
	switch {
	case what == "G":
		tb.RawSetString("what", lua.LString("C"))
		src = "=[C]"
	case tb.RawGetString("source") == lua.LNil:
		return
	default:
		if name, ok := rt.chunkNames[src]; ok {
			src = name
		} else if !strings.HasPrefix(src, "=") && !strings.HasPrefix(src, "@") {
			// gopher-lua's own loaders keep "=name" and "@name" as given.
			src = "@" + src
		}
	}
	tb.RawSetString("source", lua.LString(src))
	tb.RawSetString("short_src", lua.LString(shortSource(src)))
}

// shortSource is the printable form of a chunk's source, as in Lua 5.1.
func shortSource(src string) string {
	switch {
	case strings.HasPrefix(src, "=") || strings.HasPrefix(src, "@"):
		return src[1:]
	default:
		line := src
		if i := strings.IndexAny(line, "\r\n"); i >= 0 {
			line = line[:i] + "..."
		}
		return `[string "` + line + `"]`
	}
}
