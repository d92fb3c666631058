// This file implements the debugging corner of terralib: traceback (from
// Terra code and from Lua), setdebuginfo and currenttimeinseconds.
package terralib

import (
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"time"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/runtime/engine"
	"terrac/runtime/jit"
)

func (rt *Runtime) initDebug() {
	L := rt.L
	tl := L.GetGlobal("terralib").(*lua.LTable)
	// terralib.traceback(nil) is a Terra function, {&opaque} -> {}, so
	// Terra code can call it: it prints the Terra frames above the call
	// (with `terrac -g` all of them, otherwise the innermost function and
	// what was inlined into it), then the Lua traceback.
	tb := tree.NewExtern("terrac_traceback", types.FuncOf([]*types.Type{types.PointerTo(types.OpaqueT)}, types.Unit(), false))
	tl.RawSetString("traceback", rt.FunctionValue(tb))
	tracebackRuntime.Store(rt)
	jit.SetTracebackHandler(printTraceback)

	L.SetFuncs(tl, map[string]lua.LGFunction{
		// setdebuginfo(true | "lines" | false) chooses the debug
		// information of Terra functions compiled from now on: line
		// information and frame pointers (full backtraces, as terrac -g),
		// line information only (the default), or none.
		"setdebuginfo": func(L *lua.LState) int {
			level := engine.DebugNone
			switch v := L.Get(1); {
			case v == lua.LTrue:
				level = engine.DebugFull
			case v.String() == "lines":
				level = engine.DebugLines
			case v == lua.LFalse || v == lua.LNil:
			default:
				L.ArgError(1, `expected true, false or "lines"`)
			}
			rt.Engine.SetDebugLevel(level)
			return 0
		},
		"currenttimeinseconds": func(L *lua.LState) int {
			L.Push(lua.LNumber(float64(time.Now().UnixNano()) / 1e9))
			return 1
		},
	})
}

// printTraceback prints the Terra frames of a terralib.traceback call and
// the Lua stack that led to it on stderr.
// tracebackRuntime is the runtime terrac_traceback reports to: the one
// made last (the terrac command makes one). Close clears it, so a closed
// runtime is not kept alive through the process-wide handler.
var tracebackRuntime atomic.Pointer[Runtime]

func printTraceback(frames []jit.SourceFrame) {
	if rt := tracebackRuntime.Load(); rt != nil {
		rt.printTraceback(frames)
		return
	}
	jit.Flush()
	for _, f := range frames {
		fmt.Fprintf(os.Stderr, "\t%s:%d:%d: in terra function %s\n", f.File, f.Line, f.Col, f.Func)
	}
}

func (rt *Runtime) printTraceback(frames []jit.SourceFrame) {
	var b strings.Builder
	b.WriteString("terra traceback:\n")
	for i, f := range frames {
		b.WriteString(rt.jitFrameLine(i, f))
	}
	// Without frame pointers (no -g) the walk stops at the innermost
	// function; a single frame looks the same as a complete stack, so say
	// how to get all of them.
	if rt.Engine.DebugLevel() != engine.DebugFull {
		b.WriteString("some Terra frames may be missing; run with -g to see the full stack\n")
	}
	L := rt.L
	if dbg, ok := L.GetGlobal("debug").(*lua.LTable); ok {
		if fn, ok := dbg.RawGetString("traceback").(*lua.LFunction); ok {
			if err := L.CallByParam(lua.P{Fn: fn, NRet: 1, Protect: true}); err == nil {
				b.WriteString(L.Get(-1).String())
				b.WriteByte('\n')
				L.Pop(1)
			}
		}
	}
	jit.Flush()
	os.Stderr.WriteString(b.String())
}
