// This file implements the one stdout: Lua's print and io.write go
// through C's stdout buffer so they interleave with printf in program
// order, whatever stdout is.
package terralib

import (
	"os"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/runtime/cache"
	"terrac/runtime/jit"
)

func (rt *Runtime) initStdout() {
	L := rt.L
	L.SetGlobal("print", L.NewFunction(func(L *lua.LState) int {
		var b strings.Builder
		top := L.GetTop()
		for i := 1; i <= top; i++ {
			if i > 1 {
				b.WriteByte('\t')
			}
			b.WriteString(L.ToStringMeta(L.Get(i)).String())
		}
		b.WriteByte('\n')
		jit.StdoutWrite([]byte(b.String()))
		return 0
	}))
	io := L.GetGlobal("io").(*lua.LTable)
	stdout := io.RawGetString("stdout")
	write := func(L *lua.LState, first int) {
		for i := first; i <= L.GetTop(); i++ {
			switch v := L.Get(i).(type) {
			case lua.LString:
				jit.StdoutWrite([]byte(v))
			case lua.LNumber:
				jit.StdoutWrite([]byte(v.String()))
			default:
				L.ArgError(i, "string expected, got "+v.Type().String())
			}
		}
	}
	origWrite := io.RawGetString("write")
	io.RawSetString("write", L.NewFunction(func(L *lua.LState) int {
		// io.write writes to the default output, which is stdout unless
		// the program redirected it with io.output.
		if rt.defaultOutput() != stdout {
			top := L.GetTop()
			L.Push(origWrite)
			for i := 1; i <= top; i++ {
				L.Push(L.Get(i))
			}
			L.Call(top, 1)
			return 1
		}
		write(L, 1)
		L.Push(stdout)
		return 1
	}))
	// file:write on io.stdout: patch the FILE* metatable's write.
	if mt, ok := L.GetTypeMetatable("FILE*").(*lua.LTable); ok {
		if idx, ok := mt.RawGetString("__index").(*lua.LTable); ok {
			orig := idx.RawGetString("write")
			idx.RawSetString("write", L.NewFunction(func(L *lua.LState) int {
				if L.Get(1) == stdout {
					write(L, 2)
					L.Push(stdout)
					return 1
				}
				top := L.GetTop()
				L.Push(orig)
				for i := 1; i <= top; i++ {
					L.Push(L.Get(i))
				}
				L.Call(top, 1)
				return 1
			}))
			origFlush := idx.RawGetString("flush")
			idx.RawSetString("flush", L.NewFunction(func(L *lua.LState) int {
				if L.Get(1) == stdout {
					jit.Flush()
					return 0
				}
				L.Push(origFlush)
				L.Push(L.Get(1))
				L.Call(1, 0)
				return 0
			}))
		}
	}
}

// initExitAndFlush makes io.flush() flush the C stdout buffer that print and
// io.write share with Terra code, and os.exit flush it (and hand pending
// remote-cache uploads their time) before the process ends, as the C
// library's exit does.
func (rt *Runtime) initExitAndFlush() {
	L := rt.L
	io := L.GetGlobal("io").(*lua.LTable)
	origFlush := io.RawGetString("flush")
	io.RawSetString("flush", L.NewFunction(func(L *lua.LState) int {
		jit.Flush()
		L.Push(origFlush)
		L.Call(0, lua.MultRet)
		return L.GetTop()
	}))
	osTbl := L.GetGlobal("os").(*lua.LTable)
	osTbl.RawSetString("exit", L.NewFunction(func(L *lua.LState) int {
		code := 0
		switch v := L.Get(1).(type) {
		case lua.LBool:
			if !bool(v) {
				code = 1
			}
		case lua.LNumber:
			code = int(v)
		}
		jit.Flush()
		cache.FlushDefault()
		os.Exit(code)
		return 0
	}))
}

// defaultOutput is io.output() without arguments.
func (rt *Runtime) defaultOutput() lua.LValue {
	L := rt.L
	io := L.GetGlobal("io").(*lua.LTable)
	L.Push(io.RawGetString("output"))
	L.Call(0, 1)
	v := L.Get(-1)
	L.Pop(1)
	return v
}
