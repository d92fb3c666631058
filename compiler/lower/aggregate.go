// This file implements aggregates: struct field selection (unions
// included), indexing of arrays, pointers and vectors, constructors of
// structs, tuples and arrays, and Let expressions.
package lower

import (
	"github.com/llir/llvm/ir/constant"
	lltypes "github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// fieldLayout returns the checked field of a Select, looking it up by
// name if the checker left Field unset.
func fieldLayout(st *types.Type, e *tree.Select) types.FieldLayout {
	if e.Field != nil {
		return *e.Field
	}
	if _, err := st.Layout(); err != nil {
		failf("%v", err)
	}
	f, ok := st.FieldByName(e.Name)
	if !ok {
		failf("%s has no field %s", st, e.Name)
	}
	return f
}

// createFieldAddr returns the address of field f inside the struct at
// ptr. Union fields bitcast the union member's address.
func (b *builder) createFieldAddr(ptr value.Value, st *types.Type, e *tree.Select) value.Value {
	if st.Kind != types.Struct {
		failf("select .%s on %s (the checker must dereference pointers)", e.Name, st)
	}
	f := fieldLayout(st, e)
	return b.fieldAddr(ptr, st, f)
}

func (b *builder) fieldAddr(ptr value.Value, st *types.Type, f types.FieldLayout) value.Value {
	si := b.getStructInfo(st)
	addr := value.Value(b.gep(si.typ, ptr, constI32(0), constI32(int64(si.member[f.Index]))))
	want := lltypes.NewPointer(b.getLLVMType(f.Type))
	if si.union[f.Index] || !addr.Type().Equal(want) {
		addr = b.cur.NewBitCast(addr, want)
	}
	if st.Packed || b.unaligned[ptr] {
		b.markUnaligned(addr)
	}
	return addr
}

// createSelect reads a field: through memory for lvalues and union
// fields, with extractvalue for other struct values.
func (b *builder) createSelect(e *tree.Select) value.Value {
	st := tree.TypeOf(e.X)
	if st.Kind != types.Struct {
		failf("select .%s on %s", e.Name, st)
	}
	f := fieldLayout(st, e)
	si := b.getStructInfo(st)
	if addressable(e.X) || si.union[f.Index] {
		return b.createLoad(e.Type, b.fieldAddr(b.createAddr(e.X), st, f))
	}
	agg := b.createExpr(e.X)
	if mv, ok := agg.(*memValue); ok {
		return b.createLoad(e.Type, b.fieldAddr(mv.ptr, st, f))
	}
	v := b.cur.NewExtractValue(agg, uint64(si.member[f.Index]))
	return b.fromMemory(e.Type, v)
}

// createIndexAddr returns the address of x[i] for arrays, vectors and
// pointers.
func (b *builder) createIndexAddr(e *tree.Index) value.Value {
	xt := tree.TypeOf(e.X)
	idx := b.convert(b.createIndexValue(e), tree.TypeOf(e.I), types.Int64)
	switch xt.Kind {
	case types.Pointer:
		p := b.createExpr(e.X)
		return b.gep(b.getLLVMType(xt.Elem), p, idx)
	case types.Array:
		p := b.createAddr(e.X)
		addr := b.gep(b.getLLVMType(xt), p, constI64(0), idx)
		if b.unaligned[p] {
			b.markUnaligned(addr)
		}
		return addr
	case types.Vector:
		// Lanes of a vector in memory are contiguous elements (GEP into
		// vector types is deprecated).
		et := b.getLLVMType(xt.Elem)
		p := b.cur.NewBitCast(b.createAddr(e.X), lltypes.NewPointer(et))
		return b.gep(et, p, idx)
	}
	failf("cannot index %s", xt)
	return nil
}

// createIndexValue evaluates the index; the base is evaluated by the
// caller afterwards, which is fine since Terra leaves the order open.
func (b *builder) createIndexValue(e *tree.Index) value.Value {
	return b.createExpr(e.I)
}

func (b *builder) createIndex(e *tree.Index) value.Value {
	xt := tree.TypeOf(e.X)
	if xt.Kind == types.Vector && !addressable(e.X) {
		v := b.createExpr(e.X)
		i := b.createExpr(e.I)
		return b.cur.NewExtractElement(v, i)
	}
	return b.createLoad(e.Type, b.createIndexAddr(e))
}

// createConstructor builds a struct, tuple or array value. Fields are
// positional in the type's (flattened) field order after checking; a
// named field is looked up by name. Structs with unions are built in
// memory; the others with insertvalue.
func (b *builder) createConstructor(e *tree.Constructor) value.Value {
	t := e.Type
	switch t.Kind {
	case types.Array:
		vals := make([]value.Value, len(e.Fields))
		for i, f := range e.Fields {
			vals[i] = b.createExpr(f.Value)
		}
		return b.createArrayValue(t, vals)
	case types.Struct:
	default:
		failf("constructor of type %s", t)
	}
	l, err := t.Layout()
	if err != nil {
		failf("%v", err)
	}
	si := b.getStructInfo(t)
	fields := make([]types.FieldLayout, len(e.Fields))
	hasUnion := false
	for i, cf := range e.Fields {
		if cf.Name != "" {
			f, ok := t.FieldByName(cf.Name)
			if !ok {
				failf("%s has no field %s", t, cf.Name)
			}
			fields[i] = f
		} else {
			if i >= len(l.Fields) {
				failf("too many values for %s", t)
			}
			fields[i] = l.Fields[i]
		}
		hasUnion = hasUnion || si.union[fields[i].Index]
	}
	vals := make([]value.Value, len(e.Fields))
	for i, cf := range e.Fields {
		if cf.Value != nil { // a field an explicit cast did not give stays zero
			vals[i] = b.createExpr(cf.Value)
		}
	}
	if hasUnion || inMemory(t) {
		tmp := b.newInMemory(t, true)
		for i, f := range fields {
			if vals[i] != nil {
				b.createStore(f.Type, vals[i], b.fieldAddr(tmp, t, f))
			}
		}
		return b.finishInMemory(t, tmp)
	}
	var agg value.Value = constant.NewZeroInitializer(si.typ)
	for i, f := range fields {
		if vals[i] == nil {
			continue
		}
		agg = b.cur.NewInsertValue(agg, b.toMemory(f.Type, vals[i]), uint64(si.member[f.Index]))
	}
	return agg
}

// createTuple packs register values into a value of tuple type t.
func (b *builder) createTuple(t *types.Type, vals []value.Value) value.Value {
	if t.IsUnit() {
		return unitValue()
	}
	si := b.getStructInfo(t)
	if inMemory(t) {
		tmp := b.newInMemory(t, false)
		for i, e := range t.Entries {
			addr := b.gep(si.typ, tmp, constI32(0), constI32(int64(si.member[i])))
			b.createStore(e.Type, vals[i], addr)
		}
		return b.finishInMemory(t, tmp)
	}
	var agg value.Value = constant.NewZeroInitializer(si.typ)
	for i, e := range t.Entries {
		agg = b.cur.NewInsertValue(agg, b.toMemory(e.Type, vals[i]), uint64(si.member[i]))
	}
	return agg
}

// createArrayValue builds an array of type t from its elements' register
// values; missing trailing elements are zero.
func (b *builder) createArrayValue(t *types.Type, vals []value.Value) value.Value {
	lt := b.getLLVMType(t)
	if inMemory(t) {
		tmp := b.newInMemory(t, len(vals) < t.N)
		for i, v := range vals {
			b.createStore(t.Elem, v, b.gep(lt, tmp, constI64(0), constI64(int64(i))))
		}
		return b.finishInMemory(t, tmp)
	}
	var agg value.Value = constant.NewZeroInitializer(lt)
	for i, v := range vals {
		agg = b.cur.NewInsertValue(agg, b.toMemory(t.Elem, v), uint64(i))
	}
	return agg
}

func (b *builder) createLetStmts(e *tree.Let) {
	for _, s := range e.Stmts {
		b.createStmt(s)
	}
	b.ensureOpen()
}

// createLet runs the statements (in the enclosing scope: the names a
// quote declares are hygienic symbols) and yields the expressions.
func (b *builder) createLet(e *tree.Let) value.Value {
	b.createLetStmts(e)
	switch len(e.Exprs) {
	case 0:
		return unitValue()
	case 1:
		return b.createExpr(e.Exprs[0])
	}
	vals := make([]value.Value, len(e.Exprs))
	for i, x := range e.Exprs {
		vals[i] = b.createExpr(x)
	}
	return b.createTuple(e.Type, vals)
}
