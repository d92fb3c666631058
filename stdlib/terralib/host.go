// This file implements the hooks the specializer and checker call back
// into the Lua layer through.
package terralib

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/specialize"
)

// CallHole calls a Lua closure, protected, and returns all its results.
func (rt *Runtime) CallHole(fn lua.LValue, args ...lua.LValue) ([]lua.LValue, error) {
	L := rt.L
	if specialize.IndexRequest(fn) {
		var v lua.LValue
		err := rt.protect(func() { v = L.GetTable(args[0], args[1]) })
		return []lua.LValue{v}, err
	}
	base := L.GetTop()
	L.Push(fn)
	for _, a := range args {
		L.Push(a)
	}
	if err := L.PCall(len(args), lua.MultRet, nil); err != nil {
		return nil, err
	}
	n := L.GetTop() - base
	out := make([]lua.LValue, n)
	for i := 0; i < n; i++ {
		out[i] = L.Get(base + 1 + i)
	}
	L.SetTop(base)
	return out, nil
}

// protect runs f, turning a Lua error raised inside into an error.
func (rt *Runtime) protect(f func()) error {
	L := rt.L
	return L.CallByParam(lua.P{Fn: L.NewFunction(func(L *lua.LState) int {
		f()
		return 0
	}), NRet: 0, Protect: true})
}

// Emitter returns the emit function for an escape block and a function
// that returns what was emitted.
func (rt *Runtime) Emitter() (lua.LValue, func() []lua.LValue) {
	var got []lua.LValue
	emit := rt.L.NewFunction(func(L *lua.LState) int {
		for i := 1; i <= L.GetTop(); i++ {
			got = append(got, L.Get(i))
		}
		return 0
	})
	return emit, func() []lua.LValue { return got }
}
