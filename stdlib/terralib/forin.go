// This file implements the host side of generic `for … in` loops:
// calling a struct's __for metamethod with a quote of the iterated
// value and a body callback.
package terralib

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/specialize"
	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// ExpandFor runs t.metamethods.__for(iterquote, bodyfn). bodyfn(v1, …)
// returns a quote of one iteration with the loop variables bound to the
// values; __for returns the quote that replaces the loop.
func (rt *Runtime) ExpandFor(t *types.Type, iter tree.Expr, body func([]tree.Expr) []tree.Stmt, at source.Span) ([]tree.Stmt, bool, error) {
	rt.TypeValue(t)
	sl, ok := t.Lua.(*structLua)
	if !ok {
		return nil, false, nil
	}
	gen, ok := sl.metamethods.RawGetString("__for").(*lua.LFunction)
	if !ok {
		return nil, false, nil
	}
	L := rt.L
	bodyFn := L.NewFunction(func(L *lua.LState) int {
		var vals []tree.Expr
		for i := 1; i <= L.GetTop(); i++ {
			e, err := specialize.Convert(rt, L.Get(i), at)
			if err != nil {
				L.RaiseError("%s", err.Error())
			}
			vals = append(vals, e)
		}
		L.Push(rt.QuoteValue(&tree.Quote{Stmts: body(vals)}))
		return 1
	})
	q := rt.QuoteValue(&tree.Quote{Exprs: []tree.Expr{iter}, IsExpr: true})
	res, err := rt.invokeUser("invoking __for", at, gen, q, bodyFn)
	if err != nil {
		return nil, true, err
	}
	var out []tree.Stmt
	for _, v := range res {
		rq := rt.AsQuote(v)
		if rq == nil {
			return nil, true, fmt.Errorf("expected __for to return a quote but found %s", v.Type().String())
		}
		out = append(out, tree.CopyStmts(rq.Stmts)...)
		for _, e := range rq.Exprs {
			out = append(out, &tree.ExprStmt{StmtBase: tree.StmtBase{Pos: at}, X: tree.CopyExpr(e)})
		}
	}
	return out, true, nil
}
