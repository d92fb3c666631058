// This file implements calls of overloaded functions: choosing the
// definition whose parameters fit the arguments.
package check

import (
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// OverloadHost is implemented by hosts that have overloaded functions
// (terralib.overloadedfunction). Overloads reports whether v is one and
// returns its definitions in order.
type OverloadHost interface {
	Overloads(v lua.LValue) (defs []*tree.Function, ok bool)
}

// overloads returns the definitions of v when it is an overloaded
// function.
func (check *Checker) overloads(v lua.LValue) ([]*tree.Function, bool) {
	if oh, ok := check.Host.(OverloadHost); ok {
		return oh.Overloads(v)
	}
	return nil, false
}

// candidate is one definition tried for an overloaded call.
type candidate struct {
	fn    *tree.Function
	ft    *types.Type
	args  []tree.Expr
	exact []bool // per parameter: the argument has exactly its type
}

// candidateType checks fn (lazily) and returns its type, or nil when it
// has none (failed checks are not reported here: another definition
// may apply).
func (check *Checker) candidateType(fn *tree.Function) *types.Type {
	switch fn.State {
	case tree.Checked:
		return fn.Type
	case tree.Checking:
		return fn.Type
	case tree.CheckFailed:
		return nil
	}
	if fn.Def == nil {
		return fn.Type
	}
	if check.Function(fn) != nil {
		return nil
	}
	return fn.Type
}

// overloadedCall checks a call of an overloaded function with checked
// args (argsFor gives the argument list to try with each definition, so
// a method receiver can be passed by value or by address).
func (check *Checker) overloadedCall(at source.Span, defs []*tree.Function, argsFor func(ft *types.Type) []tree.Expr) tree.Expr {
	call := &tree.Call{ExprBase: tree.ExprBase{Pos: at}}
	if len(defs) == 0 {
		check.errorf(at, "attempting to call overloaded function without definitions")
		return invalid(call)
	}
	var all, ok []*candidate
	for _, fn := range defs {
		ft := check.candidateType(fn)
		if ft == nil || ft.Kind != types.Func {
			continue
		}
		c := &candidate{fn: fn, ft: ft, args: argsFor(ft)}
		for _, a := range c.args {
			if isErr(tree.TypeOf(a)) {
				return invalid(call)
			}
		}
		all = append(all, c)
		if check.applies(c) {
			ok = append(ok, c)
		}
	}
	if len(ok) == 0 {
		check.errorf(at, "call to overloaded function does not apply to any arguments")
		for i, c := range all {
			check.errorf(at, "option %d with type (%s)", i+1, typeList(c.ft.Params))
		}
		return invalid(call)
	}
	best := bestCandidates(ok)
	if len(best) > 1 {
		var lists []string
		for _, c := range best {
			lists = append(lists, "type list ("+typeList(c.ft.Params)+")")
		}
		check.errorf(at, "call to overloaded function is ambiguous. can apply to %s", strings.Join(lists, " "))
		return invalid(call)
	}
	c := best[0]
	ref := &tree.FuncRef{ExprBase: tree.ExprBase{Pos: at}, Fn: c.fn}
	ref.Type = check.useFunction(c.fn, at)
	if isErr(ref.Type) || !check.arguments(at, c.ft, c.args) {
		return invalid(call)
	}
	call.Fn, call.Args, call.Type = ref, c.args, c.ft.Result
	return call
}

// applies reports whether every argument of c converts implicitly to
// its parameter, recording which ones match exactly. Trial conversions
// run on copies and their diagnostics are dropped.
func (check *Checker) applies(c *candidate) bool {
	n := len(c.ft.Params)
	if len(c.args) < n || (!c.ft.Variadic && len(c.args) != n) {
		return false
	}
	c.exact = make([]bool, n)
	mark := len(check.env.diags)
	defer func() { check.env.diags = check.env.diags[:mark] }()
	for i, p := range c.ft.Params {
		at := tree.TypeOf(c.args[i])
		if at == p {
			c.exact[i] = true
			continue
		}
		x, ok := check.implicit(tree.CopyExpr(c.args[i]), p)
		if !ok || isErr(tree.TypeOf(x)) || len(check.env.diags) > mark {
			return false
		}
	}
	return true
}

// bestCandidates keeps the candidates no other candidate beats: one
// beats another when it matches exactly wherever the other does, and
// somewhere the other does not.
func bestCandidates(cs []*candidate) []*candidate {
	beats := func(a, b *candidate) bool {
		if len(a.exact) != len(b.exact) {
			return false
		}
		strict := false
		for i := range a.exact {
			if b.exact[i] && !a.exact[i] {
				return false
			}
			if a.exact[i] && !b.exact[i] {
				strict = true
			}
		}
		return strict
	}
	var out []*candidate
	for _, c := range cs {
		beaten := false
		for _, o := range cs {
			if o != c && beats(o, c) {
				beaten = true
				break
			}
		}
		if !beaten {
			out = append(out, c)
		}
	}
	return out
}

// overloadedMethod checks recv:name(args) when T.methods[name] is an
// overloaded function; handled is false otherwise. recv is the struct
// value, orig the receiver as written (maybe a pointer).
func (check *Checker) overloadedMethod(m *tree.MethodCall, recv, orig tree.Expr, st *types.Type, args []tree.Expr) (tree.Expr, bool) {
	if check.Host == nil {
		return nil, false
	}
	defs, ok := check.overloads(check.Host.Method(st, m.Name))
	if !ok {
		return nil, false
	}
	return check.overloadedCall(m.Pos, defs, func(ft *types.Type) []tree.Expr {
		r := recv
		if len(ft.Params) > 0 && ft.Params[0].IsPointer() {
			if tree.TypeOf(orig).IsPointer() {
				r = orig
			} else {
				r = check.addressOf(recv)
			}
		}
		return append([]tree.Expr{r}, args...)
	}), true
}
