// This file implements Go functions that Lua and Terra code call.
package embed

import (
	"context"
	"errors"
	"fmt"

	lua "github.com/yuin/gopher-lua"
)

// Func is a Go function a program can call. It gets the Lua values it
// was called with (numbers, strings, cdata for Terra pointers and
// structs, …) and returns Go values, converted as Call converts
// arguments (slices excepted). An error becomes a Lua error at the
// caller's line; errors.Is/As still find it in the *Error the run
// returns. A panic is recovered and reported the same way.
type Func func(args []Value) ([]any, error)

// Register makes f the Lua global function name.
func (s *State) Register(name string, f Func) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	s.rt.L.SetGlobal(name, s.goFunction(name, f))
	return nil
}

// RegisterCallback makes f callable from Terra code: the global name
// becomes a native function pointer of the Terra function type fnType
// (a Lua expression such as "{int, int} -> int" or "{&double} -> {}"),
// which Terra code calls like a function. Arguments arrive as Terra
// passes them to Lua (numbers, cdata pointers) and the first result is
// converted to the return type. The callback is freed with the State.
func (s *State) RegisterCallback(name, fnType string, f Func) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	L := s.rt.L
	src := "local fn = ...\nreturn terralib.cast(" + fnType + ", fn)"
	chunk, err := s.rt.LoadString("=(callback "+name+")", []byte(src))
	if err != nil {
		return s.loadError(err)
	}
	vals, err := s.call(context.Background(), chunk, []lua.LValue{s.goFunction(name, f)})
	if err != nil {
		return err
	}
	if len(vals) == 0 {
		return fmt.Errorf("embed: callback %s: %s is not a function type", name, fnType)
	}
	L.SetGlobal(name, vals[0].v)
	return nil
}

// goFunction wraps f as a Lua function named name (for messages).
func (s *State) goFunction(name string, f Func) *lua.LFunction {
	return s.rt.L.NewFunction(func(L *lua.LState) int {
		args := make([]Value, L.GetTop())
		for i := range args {
			args[i] = Value{s: s, v: L.Get(i + 1)}
		}
		res, err := protect(name, f, args)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				e = s.runError(errors.New(where(L) + err.Error()))
				e.Err = err
			}
			L.Error(s.errorValue(e), 0)
		}
		for i, r := range res {
			lv, err := s.toLua(r, nil)
			if err != nil {
				e := s.runError(fmt.Errorf("%sGo function %s: result %d: %v", where(L), name, i+1, err))
				L.Error(s.errorValue(e), 0)
			}
			L.Push(lv)
		}
		return len(res)
	})
}

// protect calls f, turning a panic into an error.
func protect(name string, f Func, args []Value) (res []any, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("panic in Go function %s: %v", name, r)
		}
	}()
	return f(args)
}

// where is the position of the innermost Lua code on the stack, as
// "chunk:line: ": the line calling the running Go function, or, for a
// callback from Terra, the line that called into Terra. Empty if none.
func where(L *lua.LState) string {
	for level := 0; level < 100; level++ {
		dbg, ok := L.GetStack(level)
		if !ok {
			break
		}
		if _, err := L.GetInfo("Sl", dbg, lua.LNil); err != nil {
			continue
		}
		if dbg.CurrentLine > 0 && dbg.Source != "" && dbg.What != "G" {
			return fmt.Sprintf("%s:%d: ", dbg.Source, dbg.CurrentLine)
		}
	}
	return ""
}
