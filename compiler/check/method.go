// This file implements method calls `recv:name(args)` and static method
// selection `T.name`.
package check

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// methodCall resolves `recv:name(args)` through the receiver's struct
// type (a pointer to a struct is dereferenced) and returns the Call
// `T.methods.name(recv', args…)`. The receiver is adjusted to the
// method's first parameter: its address is taken when the method wants
// a pointer (an rvalue receiver goes through a temporary Let), and a
// pointer receiver is passed as is to a method taking a pointer.
func (check *Checker) methodCall(m *tree.MethodCall) tree.Expr {
	recv := check.expr(m.Recv)
	args := check.exprList(m.Args)
	call := &tree.Call{ExprBase: tree.ExprBase{Pos: m.Pos}}
	rt := recv.Base().Type
	if isErr(rt) {
		return invalid(call)
	}
	orig := recv
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
	if x, ok := check.overloadedMethod(m, recv, orig, st, args); ok {
		return x
	}
	if r, ok := check.methodMeta(st, m.Name, orig, args, m.Pos); ok {
		return r
	}
	fn := check.method(st, m.Name, m)
	if fn == nil {
		return invalid(call)
	}
	call.Fn = fn
	ft := fn.Base().Type
	if isErr(ft) {
		return invalid(call)
	}
	if len(ft.Params) > 0 {
		switch p := ft.Params[0]; {
		case p.IsPointer() && rt.IsPointer():
			recv = orig
		case p.IsPointer():
			recv = check.addressOf(recv)
		}
	}
	call.Args = append([]tree.Expr{recv}, args...)
	if !check.arguments(m.Pos, ft, call.Args) {
		return invalid(call)
	}
	call.Type = ft.Result
	return call
}

// method looks up st.methods[name] and returns it as a checked FuncRef,
// or nil after reporting why it cannot be called.
func (check *Checker) method(st *types.Type, name string, at tree.Node) tree.Expr {
	v, ok := check.lookupMethod(st, name, at.Span())
	if !ok {
		return nil
	}
	if v == nil || v == lua.LNil {
		// hook: __methodmissing goes here.
		check.errorf(at.Span(), "no such method %s defined for type %s", name, st)
		return nil
	}
	x := check.luaValue(&tree.LuaValue{ExprBase: tree.ExprBase{Pos: at.Span()}, Value: v})
	if lv, ok := luaObject(x); ok {
		// hook: macro methods are expanded here.
		check.errorf(at.Span(), "expected a function or macro but found lua value of type %s", luaTypeName(lv.Value))
		return nil
	}
	if _, ok := x.(*tree.FuncRef); !ok {
		if !isErr(x.Base().Type) {
			check.errorf(at.Span(), "expected a function but found %s", x.Base().Type)
		}
		return nil
	}
	return x
}
