// This file implements expressions: the createExpr dispatcher, lvalue
// addresses (createAddr), literals, unary and binary operators.
package lower

import (
	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	lltypes "github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

type (
	llInt   = lltypes.IntType
	llFloat = lltypes.FloatType
)

// createExpr lowers e and returns its value in register form.
func (b *builder) createExpr(e tree.Expr) value.Value {
	t := tree.TypeOf(e)
	if t == nil {
		failf("expression %T has no type: the tree is not checked", e)
	}
	switch e := e.(type) {
	case *tree.Var:
		return b.createLoad(t, b.createAddr(e))
	case *tree.FuncRef:
		return b.getFunction(e.Fn)
	case *tree.IntLit:
		if t.Kind == types.Float { // tolerate untyped constants the checker retyped
			return constant.NewFloat(b.getLLVMType(t).(*llFloat), float64(int64(e.Bits)))
		}
		return constInt(b.getLLVMType(t).(*llInt), e.Bits)
	case *tree.FloatLit:
		ft := b.getLLVMType(t).(*llFloat)
		if t.Bits == 32 {
			return constant.NewFloat(ft, float64(float32(e.Value)))
		}
		return constant.NewFloat(ft, e.Value)
	case *tree.BoolLit:
		return constant.NewBool(e.Value)
	case *tree.StringLit:
		return b.getString(e.Value)
	case *tree.NilLit:
		return constant.NewNull(b.getLLVMType(t).(*lltypes.PointerType))
	case *tree.Unary:
		return b.createUnary(e)
	case *tree.Binary:
		return b.createBinary(e)
	case *tree.Call:
		return b.createCallExpr(e)
	case *tree.Select:
		return b.createSelect(e)
	case *tree.Index:
		return b.createIndex(e)
	case *tree.Constructor:
		return b.createConstructor(e)
	case *tree.Cast:
		return b.createCast(e)
	case *tree.Let:
		return b.createLet(e)
	case *tree.Paren:
		return b.createExpr(e.X)
	case *tree.Intrinsic:
		return b.createIntrinsic(e)
	case *tree.GlobalRef:
		return b.createLoad(t, b.getGlobal(e.G))
	case *tree.LowLevel:
		return b.createLowLevel(e)
	}
	if v := b.createBuiltinExpr(e); v != nil {
		return v
	}
	if v := b.createRaiiExpr(e); v != nil {
		return v
	}
	failf("cannot lower expression %T (the checker should have replaced it)", e)
	return nil
}

// constInt builds an integer constant from a two's complement bit
// pattern, sign-extended from the type's width (LLVM prints i8 255 as
// -1 either way).
func constInt(t *llInt, bits uint64) *constant.Int {
	w := t.BitSize
	if w == 1 {
		return constant.NewInt(t, int64(bits&1))
	}
	return constant.NewInt(t, int64(bits<<(64-w))>>(64-w))
}

// addressable reports whether e denotes memory whose address can be
// taken without copying it.
func addressable(e tree.Expr) bool {
	switch e := e.(type) {
	case *tree.Var, *tree.GlobalRef:
		return true
	case *tree.Unary:
		return e.Op == "@"
	case *tree.Select:
		return addressable(e.X)
	case *tree.Index:
		xt := tree.TypeOf(e.X)
		return xt.Kind == types.Pointer || addressable(e.X)
	case *tree.Let:
		return len(e.Exprs) == 1 && addressable(e.Exprs[0])
	case *tree.Temp:
		return true
	}
	return false
}

// createAddr returns the address (memory form) of an lvalue. For an
// expression that is not addressable it spills the value to a
// temporary, which is what rvalue Select/Index need.
func (b *builder) createAddr(e tree.Expr) value.Value {
	switch e := e.(type) {
	case *tree.Var:
		slot := b.locals[e.Sym]
		if slot == nil {
			failf("variable %s used outside its scope", e.Sym.Name)
		}
		return slot
	case *tree.Unary:
		if e.Op == "@" {
			return b.createExpr(e.X)
		}
	case *tree.Select:
		return b.createFieldAddr(b.createAddr(e.X), tree.TypeOf(e.X), e)
	case *tree.Index:
		return b.createIndexAddr(e)
	case *tree.Let:
		if len(e.Exprs) == 1 {
			b.createLetStmts(e)
			return b.createAddr(e.Exprs[0])
		}
	case *tree.Paren:
		return b.createAddr(e.X)
	case *tree.GlobalRef:
		return b.getGlobal(e.G)
	case *tree.Temp:
		return b.createTempAddr(e)
	}
	t := tree.TypeOf(e)
	return b.aggAddr(t, b.createExpr(e))
}

func (b *builder) createUnary(e *tree.Unary) value.Value {
	t := e.Type
	switch e.Op {
	case "&":
		return b.createAddr(e.X)
	case "@":
		if t.Kind == types.Func {
			return b.createExpr(e.X) // a function designator is its pointer
		}
		return b.createLoad(t, b.createExpr(e.X))
	case "-":
		x := b.createExpr(e.X)
		if t.IsFloatOrVector() {
			return b.cur.NewFNeg(x)
		}
		return b.cur.NewSub(zeroValue(b.getValueType(t)), x)
	case "not":
		x := b.createExpr(e.X)
		return b.cur.NewXor(x, b.allOnes(t))
	}
	failf("unknown unary operator %s", e.Op)
	return nil
}

// allOnes is the constant with every bit set (true for bools).
func (b *builder) allOnes(t *types.Type) value.Value {
	lt := b.getValueType(t)
	if vt, ok := lt.(*lltypes.VectorType); ok {
		elems := make([]constant.Constant, vt.Len)
		for i := range elems {
			elems[i] = constInt(vt.ElemType.(*llInt), ^uint64(0))
		}
		return constant.NewVector(vt, elems...)
	}
	return constInt(lt.(*llInt), ^uint64(0))
}

func (b *builder) createBinary(e *tree.Binary) value.Value {
	xt := tree.TypeOf(e.X)
	switch e.Op {
	case "and", "or":
		if xt.Kind == types.Bool {
			return b.createShortCircuit(e)
		}
	}
	if xt.Kind == types.Pointer || xt.Kind == types.Nil {
		return b.createPointerBinary(e)
	}
	x := b.createExpr(e.X)
	y := b.createExpr(e.Y)
	switch e.Op {
	case "<", "<=", ">", ">=", "==", "~=":
		return b.createCompare(e.Op, xt, x, y)
	}
	return b.createArith(e.Op, xt, x, y)
}

// createArith emits an arithmetic or bitwise operation on operands of
// type t (a primitive or a vector of primitives).
func (b *builder) createArith(op string, t *types.Type, x, y value.Value) value.Value {
	s := t.Scalar()
	isFloat := s.Kind == types.Float
	switch op {
	case "+":
		if isFloat {
			return b.cur.NewFAdd(x, y)
		}
		return b.cur.NewAdd(x, y)
	case "-":
		if isFloat {
			return b.cur.NewFSub(x, y)
		}
		return b.cur.NewSub(x, y)
	case "*":
		if isFloat {
			return b.cur.NewFMul(x, y)
		}
		return b.cur.NewMul(x, y)
	case "/":
		switch {
		case isFloat:
			return b.cur.NewFDiv(x, y)
		case s.Signed:
			return b.cur.NewSDiv(x, y)
		}
		return b.cur.NewUDiv(x, y)
	case "%":
		switch {
		case isFloat:
			return b.cur.NewFRem(x, y)
		case s.Signed:
			return b.cur.NewSRem(x, y)
		}
		return b.cur.NewURem(x, y)
	case "^":
		return b.cur.NewXor(x, y)
	case "and":
		return b.cur.NewAnd(x, y)
	case "or":
		return b.cur.NewOr(x, y)
	case "<<":
		return b.cur.NewShl(x, y)
	case ">>":
		if s.Signed {
			return b.cur.NewAShr(x, y)
		}
		return b.cur.NewLShr(x, y)
	}
	failf("operator %s on %s", op, t)
	return nil
}

var (
	signedPreds   = map[string]enum.IPred{"<": enum.IPredSLT, "<=": enum.IPredSLE, ">": enum.IPredSGT, ">=": enum.IPredSGE, "==": enum.IPredEQ, "~=": enum.IPredNE}
	unsignedPreds = map[string]enum.IPred{"<": enum.IPredULT, "<=": enum.IPredULE, ">": enum.IPredUGT, ">=": enum.IPredUGE, "==": enum.IPredEQ, "~=": enum.IPredNE}
	floatPreds    = map[string]enum.FPred{"<": enum.FPredOLT, "<=": enum.FPredOLE, ">": enum.FPredOGT, ">=": enum.FPredOGE, "==": enum.FPredOEQ, "~=": enum.FPredUNE}
)

// createCompare compares two operands of type t: signed or unsigned
// integers, ordered floats (~= is une, so NaN ~= NaN), bools and
// pointers as unsigned.
func (b *builder) createCompare(op string, t *types.Type, x, y value.Value) value.Value {
	s := t.Scalar()
	switch {
	case s.Kind == types.Float:
		return b.cur.NewFCmp(floatPreds[op], x, y)
	case s.Kind == types.Int && s.Signed:
		return b.cur.NewICmp(signedPreds[op], x, y)
	}
	return b.cur.NewICmp(unsignedPreds[op], x, y)
}

// createShortCircuit lowers bool `and`/`or` with branches and a phi.
func (b *builder) createShortCircuit(e *tree.Binary) value.Value {
	x := b.createExpr(e.X)
	from := b.cur
	rhs := b.newBlock(e.Op + ".rhs")
	end := b.newBlock(e.Op + ".end")
	var short value.Value
	if e.Op == "and" {
		b.cur.NewCondBr(x, rhs, end)
		short = constant.False
	} else {
		b.cur.NewCondBr(x, end, rhs)
		short = constant.True
	}
	b.setBlock(rhs)
	y := b.createExpr(e.Y)
	yFrom := b.cur
	b.cur.NewBr(end)
	b.setBlock(end)
	return b.cur.NewPhi(ir.NewIncoming(short, from), ir.NewIncoming(y, yFrom))
}

// createPointerBinary lowers pointer arithmetic and comparisons:
// p + i and p - i with GEP, p - q as the element distance (int64).
func (b *builder) createPointerBinary(e *tree.Binary) value.Value {
	xt, yt := tree.TypeOf(e.X), tree.TypeOf(e.Y)
	x := b.createExpr(e.X)
	y := b.createExpr(e.Y)
	switch e.Op {
	case "<", "<=", ">", ">=", "==", "~=":
		if !x.Type().Equal(y.Type()) {
			y = b.cur.NewBitCast(y, x.Type())
		}
		return b.createCompare(e.Op, xt, x, y)
	case "+", "-":
		elem := x.Type().(*lltypes.PointerType).ElemType
		if yt.Kind == types.Pointer {
			if e.Op != "-" {
				break
			}
			xi := b.cur.NewPtrToInt(x, lltypes.I64)
			yi := b.cur.NewPtrToInt(y, lltypes.I64)
			diff := b.cur.NewSub(xi, yi)
			size := int64(1)
			if xt.Elem.Kind != types.Opaque && xt.Elem.Kind != types.Func {
				size = max(1, xt.Elem.Size())
			}
			var r value.Value = diff
			if size != 1 {
				d := b.cur.NewSDiv(diff, constI64(size))
				d.Exact = true
				r = d
			}
			return b.convert(r, types.Int64, e.Type)
		}
		idx := b.convert(y, yt, types.Int64)
		if e.Op == "-" {
			idx = b.cur.NewSub(constI64(0), idx)
		}
		return b.gep(elem, x, idx)
	}
	failf("operator %s on %s and %s", e.Op, xt, yt)
	return nil
}
