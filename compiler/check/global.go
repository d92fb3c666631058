// This file implements global variables in Terra code and the checking
// of global initializers, which must be constant expressions.
package check

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// ObjectHost is implemented by hosts whose Lua objects stand for Terra
// values (global variables, constants). TerraObject returns the
// expression for v, or nil when v is not such an object.
type ObjectHost interface {
	TerraObject(v lua.LValue, at source.Span) tree.Expr
}

// terraObject asks the host to turn a Lua object into an expression.
func (check *Checker) terraObject(v lua.LValue, at source.Span) tree.Expr {
	if oh, ok := check.Host.(ObjectHost); ok {
		return oh.TerraObject(v, at)
	}
	return nil
}

// globalRef checks a use of a global variable: an lvalue of its type.
func (check *Checker) globalRef(e *tree.GlobalRef) tree.Expr {
	if e.G.Type == nil {
		check.errorf(e.Pos, "global variable %s has no type", e.G.Name)
		return invalid(e)
	}
	e.Type = e.G.Type
	e.LValue = true
	env := check.env
	for _, g := range env.globals {
		if g == e.G {
			return e
		}
	}
	env.globals = append(env.globals, e.G)
	return e
}

// Initializer checks a global's initializer e outside any function,
// converting it to t when t is not nil, and verifies that it is a
// constant expression. It returns the checked expression.
func (check *Checker) Initializer(e tree.Expr, t *types.Type) (tree.Expr, error) {
	saved := check.env
	fn := &tree.Function{Name: "<global initializer>"}
	check.env = &env{
		fn:        fn,
		labels:    map[*tree.Label]*labelInfo{},
		refSet:    map[*tree.Function]bool{},
		completed: map[*types.Type]bool{},
		scope:     newScope(nil),
	}
	defer func() { check.env = saved }()
	if t != nil {
		check.completeAt(t, e.Span())
		e = &tree.Cast{ExprBase: tree.ExprBase{Pos: e.Span(), Type: t}, X: e}
	}
	x := check.expr(e)
	if len(check.env.diags) == 0 {
		check.constant(x, false)
	}
	if len(check.env.diags) > 0 {
		return nil, newCheckError(fn, check.env.diags, check.env.callees)
	}
	return x, nil
}

// constant reports the parts of a checked expression that cannot be
// computed before the program runs. lvalue is set where the expression's
// address is taken rather than its value read.
func (check *Checker) constant(e tree.Expr, lvalue bool) {
	switch e := e.(type) {
	case *tree.IntLit, *tree.FloatLit, *tree.BoolLit, *tree.StringLit, *tree.NilLit, *tree.FuncRef:
	case *tree.GlobalRef:
		if !e.G.Constant && !lvalue {
			check.errorf(e.Pos, "non-constant use of global variable used as a constant initializer")
		}
	case *tree.Index:
		if !lvalue {
			check.errorf(e.Pos, "non-constant expression being used as a constant initializer")
			return
		}
		check.constant(e.X, true)
		check.constant(e.I, false)
	case *tree.Unary:
		switch e.Op {
		case "@":
			check.constant(e.X, false)
			if !lvalue {
				check.errorf(e.Pos, "non-constant result of dereference used as a constant initializer")
			}
		case "&":
			check.constant(e.X, true)
		default:
			check.constant(e.X, false)
		}
	case *tree.Binary:
		check.constant(e.X, false)
		check.constant(e.Y, false)
	case *tree.Select:
		check.constant(e.X, lvalue)
	case *tree.Paren:
		check.constant(e.X, lvalue)
	case *tree.Cast:
		if xt := tree.TypeOf(e.X); xt != nil && xt.Kind == types.Array && e.Type.Kind == types.Pointer {
			if !lvalue {
				check.errorf(e.Pos, "non-constant cast of array to pointer used as a constant initializer")
				return
			}
			check.constant(e.X, true)
			return
		}
		check.constant(e.X, false)
	case *tree.Constructor:
		for _, f := range e.Fields {
			if f.Value != nil { // nil: a field left zero
				check.constant(f.Value, false)
			}
		}
	case *tree.ArrayLit:
		for _, x := range e.Elems {
			check.constant(x, false)
		}
	default:
		check.errorf(e.Span(), "non-constant expression being used as a constant initializer")
	}
}
