// This file implements lowering of the builtin value constructors and
// operations: array/vector literals and terralib.select.
package lower

import (
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/tree"
)

// createBuiltinExpr lowers the nodes of tree/builtin.go; nil for any
// other node.
func (b *builder) createBuiltinExpr(e tree.Expr) value.Value {
	switch e := e.(type) {
	case *tree.ArrayLit:
		return b.createArrayLit(e)
	case *tree.CondSelect:
		c := b.createExpr(e.C)
		x := b.createExpr(e.A)
		y := b.createExpr(e.B)
		if t := tree.TypeOf(e); inMemory(t) {
			// Choose between the two copies' addresses.
			p := b.cur.NewSelect(c, b.aggAddr(t, x), b.aggAddr(t, y))
			return &memValue{ptr: p, typ: b.getLLVMType(t)}
		}
		return b.cur.NewSelect(c, x, y)
	}
	return nil
}

// createArrayLit builds an array (in memory form, as aggregates are) or
// a vector (in register form) element by element.
func (b *builder) createArrayLit(e *tree.ArrayLit) value.Value {
	t := tree.TypeOf(e)
	vals := make([]value.Value, len(e.Elems))
	for i, x := range e.Elems {
		vals[i] = b.createExpr(x)
	}
	if e.Vector {
		var v value.Value = constant.NewUndef(b.getValueType(t))
		for i, x := range vals {
			v = b.cur.NewInsertElement(v, x, constI32(int64(i)))
		}
		return v
	}
	return b.createArrayValue(t, vals)
}
