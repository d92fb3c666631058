// This file implements method calls `recv:name(args)` and static method
// selection `T.name`.
package check

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
)

// methodCall resolves `recv:name(args)` through the receiver's struct
// type: a pointer receiver is dereferenced, and the value of
// T.methods.name (a Terra function, an overloaded one, a function
// pointer or a macro) is called with the receiver first. The receiver
// is passed by address to a definition that wants a pointer, which
// makes a definition taking the struct itself the better match.
// A missing method goes to the __methodmissing macro if there is one.
func (check *Checker) methodCall(m *tree.MethodCall) tree.Expr {
	recv := check.expr(m.Recv)
	args := check.exprList(m.Args)
	call := &tree.Call{ExprBase: tree.ExprBase{Pos: m.Pos}}
	rt := recv.Base().Type
	if isErr(rt) {
		return invalid(call)
	}
	st := rt
	if rt.IsPointerToStruct() {
		st = rt.Elem
		recv = check.deref(recv, nil)
	}
	if !st.IsStruct() {
		check.errorf(m.Pos, "attempting to call a method on a non-structural type %s", rt)
		return invalid(call)
	}
	check.completeAt(st, m.Pos)
	all := append([]tree.Expr{recv}, args...)
	v, ok := check.lookupMethod(st, m.Name, m.Pos)
	if !ok {
		return invalid(call)
	}
	if v == nil || v == lua.LNil {
		if fn := check.generatedMethod(st, m.Name, m.Pos); fn != nil {
			ft := check.useFunction(fn, m.Pos)
			if isErr(ft) {
				return invalid(call)
			}
			all[0] = check.addressOf(recv)
			if !check.arguments(m.Pos, ft, all) {
				return invalid(call)
			}
			call.Fn = &tree.FuncRef{ExprBase: tree.ExprBase{Pos: m.Pos, Type: ft}, Fn: fn}
			call.Args, call.Type = all, ft.Result
			return call
		}
		if mm, ok := check.metamethod(st, "__methodmissing"); ok && check.isMacro(mm) {
			return check.expandWith(mm, []lua.LValue{lua.LString(m.Name)}, all, m.Pos)
		}
		check.errorf(m.Pos, "no such method %s defined for type %s", m.Name, st)
		return invalid(call)
	}
	if r, ok := check.callValues(m.Pos, []lua.LValue{v}, nil, all, castFirst, false); ok {
		return r
	}
	check.errorf(m.Pos, "expected a function or macro but found lua value of type %s", luaTypeName(v))
	return invalid(call)
}
