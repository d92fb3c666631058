// This file implements Cast: numeric conversions, bool↔number,
// pointer conversions, nil, array decay, functions to pointers, vector
// broadcasts and element-wise conversions, and structural casts
// between aggregates.
package lower

import (
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	lltypes "github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

func (b *builder) createCast(e *tree.Cast) value.Value {
	from, to := tree.TypeOf(e.X), e.Type
	switch {
	case from.Kind == types.Array && to.Kind == types.Pointer:
		// Array decay: the address of the first element.
		p := b.createAddr(e.X)
		first := b.gep(b.getLLVMType(from), p, constI64(0), constI64(0))
		return b.castPointer(first, to)
	case from.Kind == types.Func:
		// A function designator used as a value.
		f := b.createExpr(e.X)
		if to.Kind == types.Pointer {
			return b.castPointer(f, to)
		}
		return b.convert(f, types.PointerTo(from), to)
	}
	return b.convert(b.createExpr(e.X), from, to)
}

// castPointer bitcasts (or addrspacecasts) a pointer to the LLVM type
// of the Terra pointer type to.
func (b *builder) castPointer(v value.Value, to *types.Type) value.Value {
	lt := b.getLLVMType(to)
	if v.Type().Equal(lt) {
		return v
	}
	if v.Type().(*lltypes.PointerType).AddrSpace != lt.(*lltypes.PointerType).AddrSpace {
		return b.cur.NewAddrSpaceCast(v, lt)
	}
	if c, ok := v.(constant.Constant); ok {
		return constant.NewBitCast(c, lt)
	}
	return b.cur.NewBitCast(v, lt)
}

// convert converts the register value v from type from to type to.
func (b *builder) convert(v value.Value, from, to *types.Type) value.Value {
	if from == to {
		return v
	}
	if to.IsUnit() {
		return unitValue()
	}
	switch {
	case from.Kind == types.Nil:
		if to.Kind == types.Pointer || to.Kind == types.Nil {
			return constant.NewNull(b.getLLVMType(to).(*lltypes.PointerType))
		}
	case from.Kind == types.Pointer:
		switch to.Kind {
		case types.Pointer:
			return b.castPointer(v, to)
		case types.Int:
			return b.cur.NewPtrToInt(v, b.getLLVMType(to))
		case types.Bool:
			return b.cur.NewICmp(enum.IPredNE, v, zeroValue(v.Type()))
		}
	case to.Kind == types.Pointer && from.Kind == types.Int:
		return b.cur.NewIntToPtr(v, b.getLLVMType(to))
	case from.IsPrimitive() && to.IsPrimitive():
		if c := foldNumber(v, from, to, b.getValueType(to)); c != nil {
			return c
		}
		return b.convertNumber(v, from, to, b.getValueType(to))
	case from.IsPrimitive() && to.Kind == types.Vector:
		return b.createSplat(b.convert(v, from, to.Elem), to)
	case from.Kind == types.Vector && to.Kind == types.Vector && from.N == to.N:
		return b.convertNumber(v, from.Elem, to.Elem, b.getValueType(to))
	case from.Kind == types.Struct && to.Kind == types.Struct,
		from.Kind == types.Array && to.Kind == types.Array:
		return b.convertAggregate(v, from, to)
	}
	failf("cannot convert %s to %s", from, to)
	return nil
}

// convertNumber converts between primitives (or vectors of them, with
// lt the vector type): trunc/zext/sext, fp↔int, fpext/fptrunc, and
// bool↔number (true is 1; a number is true when nonzero).
func (b *builder) convertNumber(v value.Value, from, to *types.Type, lt lltypes.Type) value.Value {
	switch {
	case from.Kind == to.Kind && from.Bits == to.Bits:
		return v // signedness changes only
	case to.Kind == types.Bool:
		zero := zeroValue(v.Type())
		if from.Kind == types.Float {
			return b.cur.NewFCmp(enum.FPredUNE, v, zero)
		}
		return b.cur.NewICmp(enum.IPredNE, v, zero)
	case from.Kind == types.Bool:
		if to.Kind == types.Float {
			return b.cur.NewUIToFP(v, lt)
		}
		return b.cur.NewZExt(v, lt)
	case from.Kind == types.Int && to.Kind == types.Int:
		switch {
		case to.Bits < from.Bits:
			return b.cur.NewTrunc(v, lt)
		case from.Signed:
			return b.cur.NewSExt(v, lt)
		}
		return b.cur.NewZExt(v, lt)
	case from.Kind == types.Int && to.Kind == types.Float:
		if from.Signed {
			return b.cur.NewSIToFP(v, lt)
		}
		return b.cur.NewUIToFP(v, lt)
	case from.Kind == types.Float && to.Kind == types.Int:
		if to.Signed {
			return b.cur.NewFPToSI(v, lt)
		}
		return b.cur.NewFPToUI(v, lt)
	case from.Kind == types.Float && to.Kind == types.Float:
		if to.Bits > from.Bits {
			return b.cur.NewFPExt(v, lt)
		}
		return b.cur.NewFPTrunc(v, lt)
	}
	failf("cannot convert %s to %s", from, to)
	return nil
}

// convertAggregate converts a struct or array value member by member
// (structural casts, e.g. a tuple to a named struct with the same
// field types).
func (b *builder) convertAggregate(v value.Value, from, to *types.Type) value.Value {
	if inMemory(from) || inMemory(to) {
		return b.convertInMemory(v, from, to)
	}
	if from.Kind == types.Array {
		if from.N != to.N {
			failf("cannot convert %s to %s", from, to)
		}
		var agg value.Value = constant.NewZeroInitializer(b.getLLVMType(to))
		for i := 0; i < from.N; i++ {
			x := b.fromMemory(from.Elem, b.cur.NewExtractValue(v, uint64(i)))
			x = b.convert(x, from.Elem, to.Elem)
			agg = b.cur.NewInsertValue(agg, b.toMemory(to.Elem, x), uint64(i))
		}
		return agg
	}
	fl, tl, fsi, tsi, union := b.structConversion(from, to)
	if union {
		tmp := b.createTemp(from, v)
		return b.cur.NewLoad(tsi.typ, b.cur.NewBitCast(tmp, lltypes.NewPointer(tsi.typ)))
	}
	var agg value.Value = constant.NewZeroInitializer(tsi.typ)
	for i := range fl.Fields {
		ff, tf := fl.Fields[i], tl.Fields[i]
		x := b.fromMemory(ff.Type, b.cur.NewExtractValue(v, uint64(fsi.member[ff.Index])))
		x = b.convert(x, ff.Type, tf.Type)
		agg = b.cur.NewInsertValue(agg, b.toMemory(tf.Type, x), uint64(tsi.member[tf.Index]))
	}
	return agg
}

// structConversion checks that struct from converts to struct to member by
// member and returns both layouts. union reports a union member on either
// side: the layouts are then assumed equal and the bytes reinterpreted.
func (b *builder) structConversion(from, to *types.Type) (fl, tl *types.Layout, fsi, tsi *structInfo, union bool) {
	fl, err1 := from.Layout()
	tl, err2 := to.Layout()
	if err1 != nil || err2 != nil || len(fl.Fields) != len(tl.Fields) {
		failf("cannot convert %s to %s", from, to)
	}
	fsi, tsi = b.getStructInfo(from), b.getStructInfo(to)
	for i := range fl.Fields {
		if fsi.union[fl.Fields[i].Index] || tsi.union[tl.Fields[i].Index] {
			if from.Size() != to.Size() {
				failf("cannot convert %s to %s", from, to)
			}
			return fl, tl, fsi, tsi, true
		}
	}
	return fl, tl, fsi, tsi, false
}

// convertInMemory is convertAggregate for aggregates held in memory: it
// reads each member of the source and writes the converted member.
func (b *builder) convertInMemory(v value.Value, from, to *types.Type) value.Value {
	src := b.aggAddr(from, v)
	dst := b.newInMemory(to, false)
	if from.Kind == types.Array {
		if from.N != to.N {
			failf("cannot convert %s to %s", from, to)
		}
		flt, tlt := b.getLLVMType(from), b.getLLVMType(to)
		for i := 0; i < from.N; i++ {
			x := b.createLoad(from.Elem, b.gep(flt, src, constI64(0), constI64(int64(i))))
			b.createStore(to.Elem, b.convert(x, from.Elem, to.Elem), b.gep(tlt, dst, constI64(0), constI64(int64(i))))
		}
		return b.finishInMemory(to, dst)
	}
	fl, tl, _, _, union := b.structConversion(from, to)
	if union {
		b.memcpy(to, dst, src)
		return b.finishInMemory(to, dst)
	}
	for i := range fl.Fields {
		ff, tf := fl.Fields[i], tl.Fields[i]
		x := b.createLoad(ff.Type, b.fieldAddr(src, from, ff))
		b.createStore(tf.Type, b.convert(x, ff.Type, tf.Type), b.fieldAddr(dst, to, tf))
	}
	return b.finishInMemory(to, dst)
}
