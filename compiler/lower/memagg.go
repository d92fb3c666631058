// This file implements aggregates held in memory. LLVM copes badly with
// large first-class aggregate values: loading, storing or inserting into
// a [50000 x i32] makes SROA and instcombine expand it element by
// element, which takes minutes. So, as clang does, an aggregate larger
// than memAggregateMin bytes is never a first-class LLVM value: its
// register form is a memValue, the address of a private copy, and it
// moves with llvm.memcpy (llvm.memset for zero). Smaller aggregates keep
// the first-class form, which the optimizer handles well.
//
// Invariant: a memValue's memory is written once, when the value is
// made, and never again, so it may be read any number of times and its
// address handed to a byval argument without a further copy.
package lower

import (
	"fmt"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	lltypes "github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/types"
)

// memAggregateMin is the size above which an aggregate lives in memory:
// anything not passed in registers by System V.
const memAggregateMin = 16

// inMemory reports whether values of type t are memValues.
func inMemory(t *types.Type) bool {
	return t != nil && isAggregate(t) && t.Size() > memAggregateMin
}

// memValue is the register form of an aggregate held in memory.
type memValue struct {
	ptr value.Value  // the address of the private copy (address space 0)
	typ lltypes.Type // the aggregate's memory type
}

// String and Ident only run if a memValue reaches an instruction operand
// by mistake; the text then fails to parse instead of crashing.
func (v *memValue) String() string     { return v.Ident() }
func (v *memValue) Type() lltypes.Type { return v.typ }
func (v *memValue) Ident() string      { return "%<aggregate in memory>" }

// plainAddr reports whether ptr points into address space 0, where the
// memcpy and memset intrinsics this file declares apply.
func plainAddr(ptr value.Value) bool {
	pt, ok := ptr.Type().(*lltypes.PointerType)
	return ok && pt.AddrSpace == 0
}

// intrinsic returns the declaration of an LLVM intrinsic, made on first use.
func (m *Module) intrinsic(name string, ret lltypes.Type, params ...lltypes.Type) *ir.Func {
	if f := m.byName[name]; f != nil {
		return f
	}
	ps := make([]*ir.Param, len(params))
	for i, p := range params {
		ps[i] = ir.NewParam("", p)
	}
	f := m.mod.NewFunc(name, ret, ps...)
	m.byName[name] = f
	return f
}

// aggAlign is the alignment a copy of t at ptr may assume.
func (b *builder) aggAlign(t *types.Type, ptr value.Value) ir.Align {
	if b.unaligned[ptr] {
		return 1
	}
	return ir.Align(max(1, t.Align()))
}

// memcpy copies a value of type t from src to dst.
func (b *builder) memcpy(t *types.Type, dst, src value.Value) {
	f := b.intrinsic("llvm.memcpy.p0i8.p0i8.i64", lltypes.Void, lltypes.I8Ptr, lltypes.I8Ptr, lltypes.I64, lltypes.I1)
	b.cur.NewCall(f,
		ir.NewArg(b.cur.NewBitCast(dst, lltypes.I8Ptr), b.aggAlign(t, dst)),
		ir.NewArg(b.cur.NewBitCast(src, lltypes.I8Ptr), b.aggAlign(t, src)),
		constI64(t.Size()), constant.False)
}

// memzero fills the t at dst with zero bytes.
func (b *builder) memzero(t *types.Type, dst value.Value) {
	f := b.intrinsic("llvm.memset.p0i8.i64", lltypes.Void, lltypes.I8Ptr, lltypes.I8, lltypes.I64, lltypes.I1)
	b.cur.NewCall(f,
		ir.NewArg(b.cur.NewBitCast(dst, lltypes.I8Ptr), b.aggAlign(t, dst)),
		constant.NewInt(lltypes.I8, 0), constI64(t.Size()), constant.False)
}

// loadInMemory makes a private copy of the t at ptr.
func (b *builder) loadInMemory(t *types.Type, ptr value.Value) value.Value {
	tmp := b.createAlloca(t, "")
	b.memcpy(t, tmp, ptr)
	return &memValue{ptr: tmp, typ: b.getLLVMType(t)}
}

// storeInMemory stores v, of a type whose values live in memory, at ptr;
// it reports false when v must be stored as a first-class value.
func (b *builder) storeInMemory(t *types.Type, v, ptr value.Value) bool {
	if !plainAddr(ptr) {
		return false
	}
	switch c := v.(type) {
	case *memValue:
		if c.ptr != ptr {
			b.memcpy(t, ptr, c.ptr)
		}
		return true
	case *constant.ZeroInitializer:
		b.memzero(t, ptr)
		return true
	case *constant.Undef:
		return true
	case constant.Constant:
		// Other constants come from a private global, as clang's
		// initializers of large locals do.
		b.memcpy(t, ptr, b.constantGlobal(t, c))
		return true
	}
	return false
}

// constantGlobal places an aggregate constant in a private global.
func (m *Module) constantGlobal(t *types.Type, c constant.Constant) *ir.Global {
	g := m.mod.NewGlobalDef(fmt.Sprintf(".agg.%d", len(m.mod.Globals)), c)
	g.Linkage = enum.LinkagePrivate
	g.UnnamedAddr = enum.UnnamedAddrUnnamedAddr
	g.Immutable = true
	g.Align = ir.Align(max(1, t.Align()))
	return g
}

// aggAddr returns the address of memory holding the aggregate value v;
// callers only read it.
func (b *builder) aggAddr(t *types.Type, v value.Value) value.Value {
	if mv, ok := v.(*memValue); ok {
		return mv.ptr
	}
	return b.createTemp(t, v)
}

// firstClass returns v as a first-class LLVM value, loading a memValue;
// for the few operations (inline assembly, attributed stores) that need
// one whatever the size.
func (b *builder) firstClass(v value.Value) value.Value {
	if mv, ok := v.(*memValue); ok {
		return b.cur.NewLoad(mv.typ, mv.ptr)
	}
	return v
}

// newInMemory starts an aggregate of type t built in memory, zeroed when
// zero is set; finish it with finishInMemory.
func (b *builder) newInMemory(t *types.Type, zero bool) value.Value {
	tmp := b.createAlloca(t, "")
	if zero {
		b.memzero(t, tmp)
	}
	return tmp
}

// finishInMemory returns the register form of the t built at tmp.
func (b *builder) finishInMemory(t *types.Type, tmp value.Value) value.Value {
	if inMemory(t) {
		return &memValue{ptr: tmp, typ: b.getLLVMType(t)}
	}
	return b.cur.NewLoad(b.getLLVMType(t), tmp)
}

func isMemValue(v value.Value) bool {
	_, ok := v.(*memValue)
	return ok
}
