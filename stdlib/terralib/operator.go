// This file implements the `operator(op, …)` builtin macro, which
// applies an operator named by its symbol ("+") or its metamethod name
// ("__sub") to its remaining arguments (a Lua list among them expands
// to its elements), and terralib.defaultoperator /
// terralib.defaultmetamethod, which build the same expression as a
// quote from Lua.
package terralib

import (
	"fmt"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/specialize"
	"terrac/compiler/tree"
	"terrac/lang/source"
)

// metamethodOperators maps metamethod names to the operators they
// implement; "__unm" is unary minus.
var metamethodOperators = map[string]string{
	"__add": "+", "__sub": "-", "__mul": "*", "__div": "/", "__mod": "%",
	"__lt": "<", "__le": "<=", "__gt": ">", "__ge": ">=", "__eq": "==", "__ne": "~=",
	"__and": "and", "__or": "or", "__not": "not", "__xor": "^", "__lshift": "<<",
	"__rshift": ">>", "__unm": "-", "__select": "select",
}

var binaryOperators = map[string]bool{
	"+": true, "-": true, "*": true, "/": true, "%": true, "<": true, "<=": true,
	">": true, ">=": true, "==": true, "~=": true, "and": true, "or": true,
	"^": true, "<<": true, ">>": true,
}

// operatorName reads an operator or metamethod name.
func operatorName(name string) (string, error) {
	if op, ok := metamethodOperators[name]; ok {
		return op, nil
	}
	if binaryOperators[name] || name == "not" || name == "select" || name == "@" || name == "&" {
		return name, nil
	}
	return "", fmt.Errorf("operator %s not defined in terra code.", name)
}

// buildOperator applies op to operands.
func buildOperator(op string, operands []tree.Expr, at source.Span) (tree.Expr, error) {
	base := tree.ExprBase{Pos: at}
	switch {
	case op == "select" && len(operands) == 3:
		return &tree.CondSelect{ExprBase: base, C: operands[0], A: operands[1], B: operands[2]}, nil
	case len(operands) == 1 && (op == "-" || op == "not" || op == "@" || op == "&"):
		return &tree.Unary{ExprBase: base, Op: op, X: operands[0]}, nil
	case len(operands) == 2 && binaryOperators[op]:
		return &tree.Binary{ExprBase: base, Op: op, X: operands[0], Y: operands[1]}, nil
	}
	return nil, fmt.Errorf("operator %s does not take %d operands", op, len(operands))
}

// operatorMacro is operator(op, args…) in Terra code.
func (rt *Runtime) operatorMacro(args []tree.Expr, at source.Span) (tree.Expr, error) {
	if len(args) == 0 {
		return nil, fmt.Errorf("operator expects an operator name as its first argument")
	}
	var name string
	switch a := args[0].(type) {
	case *tree.StringLit:
		name = a.Value
	case *tree.LuaValue:
		s, ok := a.Value.(lua.LString)
		if !ok {
			return nil, fmt.Errorf("operator expects an operator name but found %s", a.Value.Type())
		}
		name = string(s)
	default:
		return nil, fmt.Errorf("operator expects an operator name as its first argument")
	}
	op, err := operatorName(name)
	if err != nil {
		return nil, err
	}
	var operands []tree.Expr
	for _, a := range args[1:] {
		operands = append(operands, rt.expandListArg(a, at)...)
	}
	return buildOperator(op, operands, at)
}

// expandListArg expands an argument that is a Lua list into its
// elements (a list of quotes spliced as one argument).
func (rt *Runtime) expandListArg(a tree.Expr, at source.Span) []tree.Expr {
	if l, ok := a.(*tree.Let); ok && len(l.Stmts) == 0 {
		// A Lua list met in Terra code is already a Let of its values.
		return l.Exprs
	}
	lv, ok := a.(*tree.LuaValue)
	if !ok {
		return []tree.Expr{a}
	}
	tb, ok := lv.Value.(*lua.LTable)
	if !ok || !isListTable(tb) {
		return []tree.Expr{a}
	}
	var out []tree.Expr
	for i := 1; i <= tb.Len(); i++ {
		e, err := specialize.Convert(rt, tb.RawGetInt(i), at)
		if err != nil {
			return []tree.Expr{a}
		}
		out = append(out, e)
	}
	return out
}

// defaultOperator returns a Lua function that applies op to its
// arguments (quotes or values) and returns the quote of the result.
func (rt *Runtime) defaultOperator(L *lua.LState, name string) lua.LValue {
	op, err := operatorName(name)
	if err != nil {
		L.RaiseError("%s", err.Error())
	}
	return L.NewFunction(func(L *lua.LState) int {
		at := rt.callerSpan(L)
		var operands []tree.Expr
		for i := 1; i <= L.GetTop(); i++ {
			v := L.Get(i)
			if tb, ok := v.(*lua.LTable); ok && isListTable(tb) {
				for j := 1; j <= tb.Len(); j++ {
					operands = append(operands, rt.luaOperand(L, tb.RawGetInt(j), at))
				}
				continue
			}
			operands = append(operands, rt.luaOperand(L, v, at))
		}
		e, err := buildOperator(op, operands, at)
		if err != nil {
			L.RaiseError("%s", err.Error())
		}
		L.Push(rt.QuoteValue(&tree.Quote{Exprs: []tree.Expr{e}, IsExpr: true}))
		return 1
	})
}

func (rt *Runtime) luaOperand(L *lua.LState, v lua.LValue, at source.Span) tree.Expr {
	e, err := specialize.Convert(rt, v, at)
	if err != nil {
		L.RaiseError("%s", err.Error())
	}
	return e
}

func (rt *Runtime) initOperator() {
	L := rt.L
	L.SetGlobal("operator", rt.macroValue(&Macro{Name: "operator", Builtin: rt.operatorMacro}))
	tl := L.GetGlobal("terralib").(*lua.LTable)
	tl.RawSetString("defaultoperator", L.NewFunction(func(L *lua.LState) int {
		L.Push(rt.defaultOperator(L, L.CheckString(1)))
		return 1
	}))
	tl.RawSetString("defaultmetamethod", L.NewFunction(func(L *lua.LState) int {
		name := L.CheckString(1)
		if !strings.HasPrefix(name, "__") {
			L.ArgError(1, "expected a metamethod name")
		}
		L.Push(rt.defaultOperator(L, name))
		return 1
	}))
}
