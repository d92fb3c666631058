// This file implements a State's output writers and its os.exit.
package embed

import (
	"io"

	lua "github.com/yuin/gopher-lua"
)

// redirectOutput makes print, io.write and io.stdout:write (io.stderr:write)
// write to the Options' writers, when they are set.
func (s *State) redirectOutput() {
	out, errw := s.opts.Stdout, s.opts.Stderr
	if out == nil && errw == nil {
		return
	}
	L := s.rt.L
	ioT := L.GetGlobal("io").(*lua.LTable)
	stdout, stderr := ioT.RawGetString("stdout"), ioT.RawGetString("stderr")
	write := func(L *lua.LState, w io.Writer, first int) {
		for i := first; i <= L.GetTop(); i++ {
			switch v := L.Get(i).(type) {
			case lua.LString:
				io.WriteString(w, string(v))
			case lua.LNumber:
				io.WriteString(w, v.String())
			default:
				L.ArgError(i, "string expected, got "+v.Type().String())
			}
		}
	}
	if out != nil {
		L.SetGlobal("print", L.NewFunction(func(L *lua.LState) int {
			var b []byte
			for i := 1; i <= L.GetTop(); i++ {
				if i > 1 {
					b = append(b, '\t')
				}
				b = append(b, L.ToStringMeta(L.Get(i)).String()...)
			}
			out.Write(append(b, '\n'))
			return 0
		}))
		origWrite := ioT.RawGetString("write")
		output := ioT.RawGetString("output")
		ioT.RawSetString("write", L.NewFunction(func(L *lua.LState) int {
			L.Push(output)
			L.Call(0, 1)
			cur := L.Get(-1)
			L.Pop(1)
			if cur != stdout {
				top := L.GetTop()
				L.Push(origWrite)
				for i := 1; i <= top; i++ {
					L.Push(L.Get(i))
				}
				L.Call(top, 1)
				return 1
			}
			write(L, out, 1)
			L.Push(stdout)
			return 1
		}))
	}
	mt, ok := L.GetTypeMetatable("FILE*").(*lua.LTable)
	if !ok {
		return
	}
	idx, ok := mt.RawGetString("__index").(*lua.LTable)
	if !ok {
		return
	}
	orig := idx.RawGetString("write")
	idx.RawSetString("write", L.NewFunction(func(L *lua.LState) int {
		f := L.Get(1)
		var w io.Writer
		switch {
		case f == stdout && out != nil:
			w = out
		case f == stderr && errw != nil:
			w = errw
		}
		if w != nil {
			write(L, w, 2)
			L.Push(f)
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
}

// replaceExit makes os.exit end the run with an *ExitError instead of
// the process.
func (s *State) replaceExit() {
	L := s.rt.L
	osT, ok := L.GetGlobal("os").(*lua.LTable)
	if !ok {
		return
	}
	osT.RawSetString("exit", L.NewFunction(func(L *lua.LState) int {
		code := 0
		switch v := L.Get(1).(type) {
		case lua.LBool:
			if !bool(v) {
				code = 1
			}
		case lua.LNumber:
			code = int(v)
		}
		ee := &ExitError{Code: code}
		L.Error(s.errorValue(newError(ee.Error(), "", ee)), 0)
		return 0
	}))
}

// errorValue wraps an *Error as a Lua error value, so it comes out of
// the run unchanged; Lua code that catches it sees its message.
func (s *State) errorValue(e *Error) lua.LValue {
	ud := s.rt.L.NewUserData()
	ud.Value = e
	mt := s.rt.L.NewTable()
	mt.RawSetString("__tostring", s.rt.L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LString(e.Error()))
		return 1
	}))
	ud.Metatable = mt
	return ud
}
