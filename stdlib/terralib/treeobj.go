// This file implements tree objects: what quote.tree returns. A tree
// wraps one expression of a quote (or a statement quote as a whole)
// and answers Terra's field names: kind (Terra's node kinds: literal,
// var, operator, apply, method, select, index, constructor, cast,
// letin, luaobject, …), operator/operands, value, name, type,
// arguments, expressions/statements and the anchor fields filename,
// linenumber and offset. terralib.newquote(tree) turns it back into a
// quote, tostring prints its code.
package terralib

import (
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/lang/source"
)

// treeObj is one tree as Lua sees it: q is the quote it was taken
// from (a statement quote) or a one-expression quote of e.
type treeObj struct {
	q *tree.Quote
	e tree.Expr // nil for a statement quote
}

func (rt *Runtime) treeValue(q *tree.Quote) lua.LValue {
	o := &treeObj{q: q}
	if q.IsExpr && len(q.Exprs) == 1 && len(q.Stmts) == 0 {
		o.e = q.Exprs[0]
	}
	return rt.wrapTree(o)
}

func (rt *Runtime) exprTree(e tree.Expr) lua.LValue {
	return rt.wrapTree(&treeObj{q: &tree.Quote{Exprs: []tree.Expr{e}, IsExpr: true}, e: e})
}

func (rt *Runtime) wrapTree(o *treeObj) lua.LValue {
	ud := rt.L.NewUserData()
	ud.Value = o
	ud.Metatable = rt.L.GetTypeMetatable("terra.tree")
	return ud
}

func asTree(v lua.LValue) *treeObj {
	return userValue[*treeObj](v)
}

// expr is the expression a tree stands for when Terra code uses it
// (a macro may return quote.tree): a copy of its expression, or of the
// whole quote as a Let.
func (o *treeObj) expr(at source.Span) tree.Expr {
	if o.e != nil {
		return tree.CopyExpr(o.e)
	}
	return &tree.Let{ExprBase: tree.ExprBase{Pos: at}, Stmts: tree.CopyStmts(o.q.Stmts), Exprs: tree.CopyExprs(o.q.Exprs)}
}

// treeKind names e as Terra's tree kinds do.
func treeKind(e tree.Expr) string {
	switch e := unwrapPrechecked(e).(type) {
	case *tree.IntLit, *tree.FloatLit, *tree.BoolLit, *tree.StringLit, *tree.NilLit:
		return "literal"
	case *tree.Var:
		return "var"
	case *tree.FuncRef, *tree.GlobalRef:
		return "globalvalueref"
	case *tree.LuaValue:
		return "luaobject"
	case *tree.Unary, *tree.Binary:
		return "operator"
	case *tree.Call:
		return "apply"
	case *tree.MethodCall:
		return "method"
	case *tree.Select:
		return "select"
	case *tree.Index:
		return "index"
	case *tree.Constructor:
		return "constructor"
	case *tree.Cast:
		return "cast"
	case *tree.Let:
		return "letin"
	case *tree.CondSelect:
		return "operator"
	case *tree.ArrayLit:
		if e.Vector {
			return "vectorconstructor"
		}
		return "arrayconstructor"
	}
	return "expression"
}

func (rt *Runtime) treeList(es []tree.Expr) *lua.LTable {
	tb := rt.L.NewTable()
	for _, e := range es {
		tb.Append(rt.exprTree(e))
	}
	return tb
}

// treeField answers tree.key.
func (rt *Runtime) treeField(o *treeObj, key string) lua.LValue {
	if o.e == nil {
		switch key {
		case "kind":
			return lua.LString("letin")
		case "hasstatements":
			return lua.LTrue
		case "expressions":
			return rt.treeList(o.q.Exprs)
		}
		return lua.LNil
	}
	e := unwrapPrechecked(o.e)
	switch key {
	case "kind":
		return lua.LString(treeKind(e))
	case "filename", "linenumber", "offset":
		sp := e.Span()
		if sp.File == nil {
			return lua.LNil
		}
		pos := sp.Position()
		switch key {
		case "filename":
			return lua.LString(pos.Filename)
		case "linenumber":
			return lua.LNumber(pos.Line)
		}
		return lua.LNumber(sp.Start)
	case "type":
		if t := o.e.Base().Type; t != nil {
			return rt.TypeValue(t)
		}
		return lua.LNil
	}
	switch e := e.(type) {
	case *tree.Unary:
		switch key {
		case "operator":
			return lua.LString(e.Op)
		case "operands":
			return rt.treeList([]tree.Expr{e.X})
		}
	case *tree.Binary:
		switch key {
		case "operator":
			return lua.LString(e.Op)
		case "operands":
			return rt.treeList([]tree.Expr{e.X, e.Y})
		}
	case *tree.CondSelect:
		switch key {
		case "operator":
			return lua.LString("select")
		case "operands":
			return rt.treeList([]tree.Expr{e.C, e.A, e.B})
		}
	case *tree.Var:
		switch key {
		case "name":
			return lua.LString(e.Sym.Name)
		case "symbol":
			return rt.SymbolValue(e.Sym)
		}
	case *tree.LuaValue:
		if key == "value" {
			return e.Value
		}
	case *tree.Call:
		switch key {
		case "value":
			return rt.exprTree(e.Fn)
		case "arguments":
			return rt.treeList(e.Args)
		}
	case *tree.MethodCall:
		switch key {
		case "value":
			return rt.exprTree(e.Recv)
		case "name":
			return lua.LString(e.Name)
		case "arguments":
			return rt.treeList(e.Args)
		}
	case *tree.Select:
		switch key {
		case "value":
			return rt.exprTree(e.X)
		case "field", "fieldname":
			return lua.LString(e.Name)
		}
	case *tree.Index:
		switch key {
		case "value":
			return rt.exprTree(e.X)
		case "index":
			return rt.exprTree(e.I)
		}
	case *tree.Cast:
		if key == "expression" {
			return rt.exprTree(e.X)
		}
	case *tree.Let:
		switch key {
		case "expressions":
			return rt.treeList(e.Exprs)
		case "hasstatements":
			return lua.LBool(len(e.Stmts) > 0)
		}
	case *tree.Constructor:
		if key == "expressions" {
			var xs []tree.Expr
			for _, f := range e.Fields {
				xs = append(xs, f.Value)
			}
			return rt.treeList(xs)
		}
	}
	if key == "value" {
		if v, ok := rt.constantValue(e); ok {
			return v
		}
	}
	return lua.LNil
}

func (rt *Runtime) initTrees() {
	L := rt.L
	mt := L.NewTypeMetatable("terra.tree")
	methods := map[string]lua.LValue{
		"is": L.NewFunction(func(L *lua.LState) int {
			o := asTree(L.Get(1))
			L.Push(lua.LBool(o != nil && rt.treeField(o, "kind") == L.Get(2)))
			return 1
		}),
	}
	mt.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
		o := asTree(L.Get(1))
		key := L.CheckString(2)
		if m, ok := methods[key]; ok {
			L.Push(m)
			return 1
		}
		L.Push(rt.treeField(o, key))
		return 1
	}))
	mt.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LString(strings.TrimRight(prettyQuote(asTree(L.Get(1)).q, false), "\n")))
		return 1
	}))
	tl := L.GetGlobal("terralib").(*lua.LTable)
	tl.RawSetString("istree", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LBool(asTree(L.Get(1)) != nil))
		return 1
	}))
	tl.RawSetString("newquote", L.NewFunction(func(L *lua.LState) int {
		o := asTree(L.Get(1))
		if o == nil {
			L.ArgError(1, "expected a terra tree")
		}
		q := &tree.Quote{IsExpr: o.q.IsExpr, Stmts: tree.CopyStmts(o.q.Stmts)}
		for _, e := range o.q.Exprs {
			q.Exprs = append(q.Exprs, tree.CopyExpr(e))
		}
		L.Push(rt.QuoteValue(q))
		return 1
	}))
}
