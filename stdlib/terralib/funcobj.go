// This file implements Terra functions as Lua values.
package terralib

import (
	"errors"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/runtime/cdata"
	"terrac/runtime/engine"
)

const funcClass = "terra.function"

// FunctionValue returns the unique Lua value for fn.
func (rt *Runtime) FunctionValue(fn *tree.Function) lua.LValue {
	if ud, ok := fn.Lua.(*lua.LUserData); ok {
		return ud
	}
	ud := rt.L.NewUserData()
	ud.Value = fn
	ud.Metatable = rt.funcMeta
	fn.Lua = ud
	if rt.OnFunction != nil {
		rt.OnFunction(fn)
	}
	return ud
}

// AsFunction returns the Terra function a Lua value is, or nil.
func (rt *Runtime) AsFunction(v lua.LValue) *tree.Function {
	return userValue[*tree.Function](v)
}

func (rt *Runtime) checkFunction(L *lua.LState, n int) *tree.Function {
	fn := rt.AsFunction(L.Get(n))
	if fn == nil {
		L.ArgError(n, "terra function expected, got "+L.Get(n).Type().String())
	}
	return fn
}

func (rt *Runtime) initFuncMeta() {
	L := rt.L
	mt := L.NewTypeMetatable(funcClass)
	rt.funcMeta = mt
	methods := map[string]lua.LGFunction{
		"compile": func(L *lua.LState) int {
			fn := rt.checkFunction(L, 1)
			if _, err := rt.Engine.Address(fn); err != nil && !errors.Is(err, engine.ErrVerifyOnly) {
				rt.raiseAt(L, err)
			}
			return 0
		},
		"gettype": func(L *lua.LState) int {
			fn := rt.checkFunction(L, 1)
			if fn.State == tree.Checking {
				// Asked from a macro or callback run while fn itself is
				// being checked: only a declared type can answer.
				if fn.Type == nil {
					L.RaiseError("function being recursively referenced needs an explicit return type")
				}
				L.Push(rt.TypeValue(fn.Type))
				return 1
			}
			if err := rt.Engine.Check(fn); err != nil {
				rt.raise(L, err)
			}
			L.Push(rt.TypeValue(fn.Type))
			return 1
		},
		"getname": func(L *lua.LState) int {
			L.Push(lua.LString(rt.checkFunction(L, 1).Name))
			return 1
		},
		"setname": func(L *lua.LState) int {
			rt.checkFunction(L, 1).Name = L.CheckString(2)
			L.Push(L.Get(1))
			return 1
		},
		"isdefined": func(L *lua.LState) int {
			L.Push(lua.LBool(rt.checkFunction(L, 1).IsDefined()))
			return 1
		},
		"isextern": func(L *lua.LState) int {
			L.Push(lua.LBool(rt.checkFunction(L, 1).Extern))
			return 1
		},
		"setinlined": func(L *lua.LState) int {
			fn := rt.checkFunction(L, 1)
			if L.ToBool(2) {
				fn.Inline = 1
			} else {
				fn.Inline = -1
			}
			return 0
		},
		"setcallingconv": func(L *lua.LState) int {
			fn := rt.checkFunction(L, 1)
			cc := L.CheckString(2)
			switch cc {
			case "ccc", "c", "C":
				cc = ""
			case "fastcc", "coldcc":
			default:
				L.RaiseError("unsupported calling convention %s (supported: ccc, fastcc, coldcc)", cc)
			}
			if fn.Compiled && cc != fn.Attrs.CallingConv {
				// Its code and every declaration made so far use the old
				// convention; later callers must agree with them.
				L.RaiseError("cannot change the calling convention of %s after it has been compiled", fn.Name)
			}
			fn.Attrs.CallingConv = cc
			return 0
		},
		"setnoreturn": func(L *lua.LState) int {
			rt.checkFunction(L, 1).Attrs.NoReturn = L.ToBool(2)
			return 0
		},
		"setoptimized": func(L *lua.LState) int {
			rt.checkFunction(L, 1).Attrs.NoOptimize = !L.ToBool(2)
			return 0
		},
		"getpointer": func(L *lua.LState) int {
			fn := rt.checkFunction(L, 1)
			addr, err := rt.Engine.Address(fn)
			if err != nil {
				rt.raiseAt(L, err)
			}
			v := cdata.New(types.PointerTo(fn.Type))
			*(*uintptr)(v.Ptr) = addr
			L.Push(rt.Wrap(v))
			return 1
		},
		"adddefinition": func(L *lua.LState) int {
			fn := rt.checkFunction(L, 1)
			other := rt.checkFunction(L, 2)
			if fn.IsDefined() {
				L.RaiseError("attempting to add a definition to function %s, which is already defined", fn.Name)
			}
			rt.takeDefinition(L, fn, other)
			return 0
		},
		"resetdefinition": func(L *lua.LState) int {
			fn := rt.checkFunction(L, 1)
			other := rt.checkFunction(L, 2)
			if fn.Compiled {
				L.RaiseError("attempting to reset the definition of function %s, which is already compiled", fn.Name)
			}
			rt.takeDefinition(L, fn, other)
			return 0
		},
		"getdefinitions": func(L *lua.LState) int {
			tb := L.NewTable()
			tb.Append(L.Get(1))
			L.Push(tb)
			return 1
		},
	}
	index := L.NewTable()
	L.SetFuncs(index, methods)
	mt.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
		fn := rt.checkFunction(L, 1)
		key := L.CheckString(2)
		switch key {
		case "name":
			L.Push(lua.LString(fn.Name))
			return 1
		case "type":
			if fn.Type != nil {
				L.Push(rt.TypeValue(fn.Type))
				return 1
			}
			return 0
		}
		L.Push(index.RawGetString(key))
		return 1
	}))
	mt.RawSetString("__call", L.NewFunction(func(L *lua.LState) int {
		return rt.callFromLua(L, rt.checkFunction(L, 1), 2)
	}))
	mt.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		// As Terra: the function's code as it stands (typed once checked;
		// printing never triggers checking), without line breaking.
		L.Push(lua.LString(prettyFunction(rt.checkFunction(L, 1), false)))
		return 1
	}))
}

// takeDefinition makes fn share other's definition.
func (rt *Runtime) takeDefinition(L *lua.LState, fn, other *tree.Function) {
	if err := rt.Engine.Check(other); err != nil {
		rt.raise(L, err)
	}
	if fn.Type != nil && fn.Type != other.Type {
		L.RaiseError("attempting to define function %s of type %s with a definition of type %s", fn.Name, fn.Type, other.Type)
	}
	fn.Def = other.Def
	fn.Type = other.Type
	fn.State = other.State
	fn.Refs = other.Refs
	fn.Globals = other.Globals
	fn.Compiled = false
}
