// This file implements choosing what a call goes to when the callee is
// a Lua value (an overloaded function, a method, a metamethod): the
// candidate functions are matched against the arguments and the best
// match wins; a macro among the values is the fallback.
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

// MacroTester is implemented by hosts that can tell a macro from other
// Lua values without expanding it.
type MacroTester interface {
	IsMacro(v lua.LValue) bool
}

// overloads returns the definitions of v when it is an overloaded
// function.
func (check *Checker) overloads(v lua.LValue) ([]*tree.Function, bool) {
	if oh, ok := check.Host.(OverloadHost); ok {
		return oh.Overloads(v)
	}
	return nil, false
}

func (check *Checker) isMacro(v lua.LValue) bool {
	mt, ok := check.Host.(MacroTester)
	return ok && mt.IsMacro(v)
}

// castMode says which arguments may be passed by address when their
// parameter is a pointer and they are not: a method receiver, and every
// operand of an operator metamethod.
type castMode int

const (
	castNone castMode = iota
	castFirst
	castAll
)

func (m castMode) byAddress(i int) bool {
	return m == castAll || m == castFirst && i == 0
}

// candidate is one function a call may go to.
type candidate struct {
	fn    *tree.Function // a Terra function, or nil
	ptr   tree.Expr      // else a checked value of function-pointer type
	ft    *types.Type
	args  []tree.Expr // the arguments, receivers already by address
	taken []bool      // per argument: passed by address
	exact []bool      // per argument: it has exactly its parameter's type
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

// callTargets collects the candidates among vals: Terra functions,
// function pointers, and each definition of an overloaded function.
// Collection stops at the first macro, which is returned. bad is the
// first value that is none of these.
func (check *Checker) callTargets(at source.Span, vals []lua.LValue) (cands []*candidate, macro, bad lua.LValue) {
	for _, v := range vals {
		if check.isMacro(v) {
			return cands, v, nil
		}
		if defs, ok := check.overloads(v); ok {
			if len(defs) == 0 {
				check.errorf(at, "attempting to call overloaded function without definitions")
			}
			for _, fn := range defs {
				if ft := check.candidateType(fn); ft != nil && ft.Kind == types.Func {
					cands = append(cands, &candidate{fn: fn, ft: ft})
				} else if fn.State == tree.CheckFailed {
					check.env.failedDefs = append(check.env.failedDefs, fn)
				}
			}
			continue
		}
		if fn := check.Host.AsFunction(v); fn != nil {
			ft := check.useFunction(fn, at)
			if !isErr(ft) {
				cands = append(cands, &candidate{fn: fn, ft: ft})
			}
			continue
		}
		x := check.luaValue(&tree.LuaValue{ExprBase: tree.ExprBase{Pos: at}, Value: v})
		if _, ok := luaObject(x); ok {
			if bad == nil {
				bad = v
			}
			continue
		}
		switch t := x.Base().Type; {
		case isErr(t):
		case t.IsPointerToFunction():
			cands = append(cands, &candidate{ptr: x, ft: t.Elem})
		default:
			check.errorf(at, "expected a function but found %s", t)
		}
	}
	return cands, nil, bad
}

// callValues calls the first of vals that applies to the checked args
// (Terra's rules: the best-matching candidate function, else the
// macro, expanded with the Lua values lead before quotes of the args).
// ok is false when vals hold neither a function nor a macro.
func (check *Checker) callValues(at source.Span, vals []lua.LValue, lead []lua.LValue, args []tree.Expr, mode castMode, allowAmbiguous bool) (tree.Expr, bool) {
	for _, a := range args {
		if isErr(a.Base().Type) {
			return invalid(&tree.Call{ExprBase: tree.ExprBase{Pos: at}}), true
		}
	}
	mark := len(check.env.diags)
	check.env.failedDefs = nil
	cands, macro, bad := check.callTargets(at, vals)
	if len(cands) == 0 && macro == nil {
		// Only definitions that do not typecheck: that is the error.
		for _, fn := range check.env.failedDefs {
			check.failedCallee(fn, at)
		}
	}
	if len(cands) > 0 {
		if r, ok := check.resolve(at, cands, args, mode, allowAmbiguous, macro != nil); ok {
			return r, true
		}
	}
	if macro != nil {
		return check.expandWith(macro, lead, args, at), true
	}
	if len(cands) == 0 && bad != nil {
		return nil, false
	}
	if len(check.env.diags) == mark {
		check.errorf(at, "no function to call")
	}
	return invalid(&tree.Call{ExprBase: tree.ExprBase{Pos: at}}), true
}

// expandWith expands macro v with lead values and quotes of the
// checked args.
func (check *Checker) expandWith(v lua.LValue, lead []lua.LValue, args []tree.Expr, at source.Span) tree.Expr {
	h := check.exoHost()
	if h == nil {
		check.errorf(at, "macros are not supported here")
		return invalid(&tree.Call{ExprBase: tree.ExprBase{Pos: at}})
	}
	res, _, err := h.ExpandMacroWith(v, lead, wrapChecked(args), at)
	if err != nil {
		check.hostError(at, err)
		return invalid(&tree.Call{ExprBase: tree.ExprBase{Pos: at}})
	}
	return check.expansion(at, res)
}

// resolve picks among cands for the checked args and returns the call.
// A single candidate reports why it does not apply (unless
// speculative); among several, the one matching exactly wherever the
// others do wins, and a tie is an error unless allowAmbiguous (then the
// first is taken). ok is false when nothing applies.
func (check *Checker) resolve(at source.Span, cands []*candidate, args []tree.Expr, mode castMode, allowAmbiguous, speculative bool) (tree.Expr, bool) {
	for _, c := range cands {
		c.args, c.taken = check.byAddress(c.ft, args, mode)
	}
	var best *candidate
	if len(cands) == 1 {
		best = cands[0]
		if speculative && !check.applies(best) {
			return nil, false
		}
	} else {
		var ok []*candidate
		for _, c := range cands {
			if check.applies(c) {
				ok = append(ok, c)
			}
		}
		if len(ok) == 0 {
			if !speculative {
				check.errorf(at, "call to overloaded function does not apply to any arguments")
				for i, c := range cands {
					check.errorf(at, "option %d with type (%s)", i+1, typeList(c.ft.Params))
				}
			}
			return nil, false
		}
		winners := bestCandidates(ok)
		if len(winners) > 1 && !allowAmbiguous {
			var lists []string
			for _, c := range winners {
				lists = append(lists, "type list ("+typeList(c.ft.Params)+")")
			}
			check.errorf(at, "call to overloaded function is ambiguous. can apply to %s", strings.Join(lists, " "))
			return invalid(&tree.Call{ExprBase: tree.ExprBase{Pos: at}}), true
		}
		best = winners[0]
	}
	call := &tree.Call{ExprBase: tree.ExprBase{Pos: at}}
	if best.fn != nil {
		ref := &tree.FuncRef{ExprBase: tree.ExprBase{Pos: at}, Fn: best.fn}
		ref.Type = check.useFunction(best.fn, at)
		if isErr(ref.Type) {
			return invalid(call), true
		}
		call.Fn = ref
	} else {
		call.Fn = best.ptr
	}
	if !check.arguments(at, best.ft, best.args) {
		return invalid(call), true
	}
	call.Args, call.Type = best.args, best.ft.Result
	return call, true
}

// byAddress returns args with the ones mode allows passed by address
// where ft wants a pointer and the argument is not one.
func (check *Checker) byAddress(ft *types.Type, args []tree.Expr, mode castMode) ([]tree.Expr, []bool) {
	out := append([]tree.Expr(nil), args...)
	taken := make([]bool, len(args))
	for i, a := range out {
		if i < len(ft.Params) && mode.byAddress(i) && ft.Params[i].IsPointer() && !tree.TypeOf(a).IsPointer() {
			out[i], taken[i] = check.addressOf(a), true
		}
	}
	return out, taken
}

// applies reports whether every argument of c converts implicitly to
// its parameter, recording which ones match exactly (an argument passed
// by address never does). Trial conversions run on copies and their
// diagnostics are dropped.
func (check *Checker) applies(c *candidate) bool {
	n := len(c.ft.Params)
	if len(c.args) < n || (!c.ft.Variadic && len(c.args) != n) {
		return false
	}
	c.exact = make([]bool, len(c.args))
	mark := len(check.env.diags)
	defer func() { check.env.diags = check.env.diags[:mark] }()
	for i, p := range c.ft.Params {
		at := tree.TypeOf(c.args[i])
		if at == p {
			c.exact[i] = !c.taken[i]
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
