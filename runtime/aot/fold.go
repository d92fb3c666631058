// This file folds the constructor of a saved global into a static
// initializer. A global whose value holds addresses (a vtable: a
// constant(...) struct of function pointers) is saved with a constructor
// that stores its initializer at startup; when that constructor only
// assembles a value out of constants and stores it, the value is known
// here, and the global is emitted with it as its initializer. A
// constant(...) global then becomes an LLVM `constant`, so loads from it
// fold (a virtual call through a known vtable becomes a direct call),
// which LLVM cannot do itself once the global's address escapes.
//
// The evaluator is deliberately small: one basic block of allocas, GEPs
// with constant indices, bitcasts, loads and stores of constants,
// insertvalue/extractvalue, and whole-object memset (to zero) and
// memcpy. Anything else (a call, a branch, a load from another global)
// leaves the constructor in place.
package aot

import (
	"strings"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	lltypes "github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"
)

// cell is a piece of memory the constructor writes: a whole value
// (leaf) or, once a part of it was written, its elements.
type cell struct {
	t     lltypes.Type
	leaf  constant.Constant // nil: undefined so far
	elems []*cell
}

func newCell(t lltypes.Type, c constant.Constant) *cell { return &cell{t: t, leaf: c} }

// split makes the elements of an aggregate cell explicit.
func (c *cell) split() bool {
	if c.elems != nil {
		return true
	}
	var ts []lltypes.Type
	switch t := c.t.(type) {
	case *lltypes.StructType:
		if t.Opaque {
			return false
		}
		ts = t.Fields
	case *lltypes.ArrayType:
		if t.Len > 1<<16 {
			return false
		}
		for i := uint64(0); i < t.Len; i++ {
			ts = append(ts, t.ElemType)
		}
	default:
		return false
	}
	elems := make([]*cell, len(ts))
	switch v := c.leaf.(type) {
	case nil, *constant.Undef:
		for i, et := range ts {
			elems[i] = newCell(et, nil)
		}
	case *constant.ZeroInitializer:
		for i, et := range ts {
			elems[i] = newCell(et, constant.NewZeroInitializer(et))
		}
	case *constant.Struct:
		if len(v.Fields) != len(ts) {
			return false
		}
		for i, et := range ts {
			elems[i] = newCell(et, v.Fields[i])
		}
	case *constant.Array:
		if len(v.Elems) != len(ts) {
			return false
		}
		for i, et := range ts {
			elems[i] = newCell(et, v.Elems[i])
		}
	default:
		return false
	}
	c.elems, c.leaf = elems, nil
	return true
}

// at returns the cell at path below c.
func (c *cell) at(path []uint64) *cell {
	for _, i := range path {
		if !c.split() || i >= uint64(len(c.elems)) {
			return nil
		}
		c = c.elems[i]
	}
	return c
}

// value is c as a constant; parts never written are zero.
func (c *cell) value() constant.Constant {
	if c.elems == nil {
		if c.leaf == nil {
			return constant.NewZeroInitializer(c.t)
		}
		if _, ok := c.leaf.(*constant.Undef); ok {
			return constant.NewZeroInitializer(c.t)
		}
		return c.leaf
	}
	cs := make([]constant.Constant, len(c.elems))
	for i, e := range c.elems {
		cs[i] = e.value()
	}
	switch t := c.t.(type) {
	case *lltypes.StructType:
		return constant.NewStruct(t, cs...)
	case *lltypes.ArrayType:
		return constant.NewArray(t, cs...)
	}
	return nil
}

// pointer is an address into a cell: the object and the path to the
// part it points at. whole is false once the pointer was cast to another
// type: only whole-object memset and memcpy accept such a pointer.
type pointer struct {
	obj   *cell
	path  []uint64
	typed bool
}

type folder struct {
	target *ir.Global
	mem    map[value.Value]*cell // allocas, and target
	ptrs   map[value.Value]pointer
	vals   map[value.Value]constant.Constant
}

// foldInitializer runs the constructor f of global target and returns
// the value it leaves in target, or nil when f does something this
// evaluator does not model.
func foldInitializer(f *ir.Func, target *ir.Global) constant.Constant {
	if f == nil || len(f.Blocks) != 1 || len(f.Params) != 0 {
		return nil
	}
	if ret, ok := f.Blocks[0].Term.(*ir.TermRet); !ok || ret.X != nil {
		return nil
	}
	fo := &folder{target: target, mem: map[value.Value]*cell{}, ptrs: map[value.Value]pointer{}, vals: map[value.Value]constant.Constant{}}
	// The saved global starts as zero bytes.
	fo.mem[target] = newCell(target.ContentType, constant.NewZeroInitializer(target.ContentType))
	for _, inst := range f.Blocks[0].Insts {
		if !fo.step(inst) {
			return nil
		}
	}
	return fo.mem[target].value()
}

// operand is v as a constant, or nil when it is not one (an address of
// an alloca, or something unknown).
func (fo *folder) operand(v value.Value) constant.Constant {
	if c, ok := fo.vals[v]; ok {
		return c
	}
	if _, ok := fo.ptrs[v]; ok {
		return nil
	}
	if _, ok := v.(ir.Instruction); ok {
		return nil
	}
	c, ok := v.(constant.Constant)
	if !ok {
		return nil
	}
	return c
}

// address resolves a pointer operand to memory the constructor writes.
func (fo *folder) address(v value.Value) (pointer, bool) {
	if p, ok := fo.ptrs[v]; ok {
		return p, true
	}
	if v == value.Value(fo.target) {
		return pointer{obj: fo.mem[fo.target], typed: true}, true
	}
	switch c := v.(type) {
	case *constant.ExprBitCast:
		p, ok := fo.address(c.From)
		if !ok {
			return p, false
		}
		p.typed = false
		return p, true
	case *constant.ExprGetElementPtr:
		p, ok := fo.address(c.Src)
		if !ok || !p.typed {
			return p, false
		}
		return gep(p, c.Indices)
	}
	return pointer{}, false
}

// gep follows constant GEP indices: the first must be zero (no pointer
// arithmetic between objects), the rest select elements.
func gep[V value.Value](p pointer, idx []V) (pointer, bool) {
	if len(idx) == 0 {
		return p, false
	}
	path := append([]uint64(nil), p.path...)
	for i, v := range idx {
		n, ok := value.Value(v).(*constant.Int)
		if !ok || n.X.Sign() < 0 || !n.X.IsUint64() {
			return p, false
		}
		if i == 0 {
			if n.X.Sign() != 0 {
				return p, false
			}
			continue
		}
		path = append(path, n.X.Uint64())
	}
	if p.obj.at(path) == nil {
		return p, false
	}
	return pointer{obj: p.obj, path: path, typed: true}, true
}

func (fo *folder) step(inst ir.Instruction) bool {
	switch i := inst.(type) {
	case *ir.InstAlloca:
		if i.NElems != nil {
			return false
		}
		c := newCell(i.ElemType, nil)
		fo.mem[i] = c
		fo.ptrs[i] = pointer{obj: c, typed: true}
	case *ir.InstBitCast:
		if p, ok := fo.address(i.From); ok {
			p.typed = false
			fo.ptrs[i] = p
			return true
		}
		c := fo.operand(i.From)
		if c == nil {
			return false
		}
		fo.vals[i] = constant.NewBitCast(c, i.To)
	case *ir.InstGetElementPtr:
		p, ok := fo.address(i.Src)
		if !ok || !p.typed {
			return false
		}
		q, ok := gep(p, i.Indices)
		if !ok {
			return false
		}
		fo.ptrs[i] = q
	case *ir.InstStore:
		if i.Volatile || i.Atomic {
			return false
		}
		c := fo.operand(i.Src)
		p, ok := fo.address(i.Dst)
		if c == nil || !ok || !p.typed {
			return false
		}
		dst := p.obj.at(p.path)
		if dst == nil || !dst.t.Equal(c.Type()) {
			return false
		}
		*dst = cell{t: dst.t, leaf: c}
	case *ir.InstLoad:
		if i.Volatile || i.Atomic {
			return false
		}
		p, ok := fo.address(i.Src)
		if !ok || !p.typed {
			return false
		}
		src := p.obj.at(p.path)
		if src == nil || !src.t.Equal(i.ElemType) {
			return false
		}
		fo.vals[i] = src.value()
	case *ir.InstInsertValue:
		x, e := fo.operand(i.X), fo.operand(i.Elem)
		if x == nil || e == nil {
			return false
		}
		c := newCell(x.Type(), x)
		dst := c.at(i.Indices)
		if dst == nil || !dst.t.Equal(e.Type()) {
			return false
		}
		*dst = cell{t: dst.t, leaf: e}
		fo.vals[i] = c.value()
	case *ir.InstExtractValue:
		x := fo.operand(i.X)
		if x == nil {
			return false
		}
		c := newCell(x.Type(), x).at(i.Indices)
		if c == nil {
			return false
		}
		fo.vals[i] = c.value()
	case *ir.InstCall:
		return fo.call(i)
	default:
		return false
	}
	return true
}

// call models the memory intrinsics on whole objects and skips debug
// and lifetime markers.
func (fo *folder) call(i *ir.InstCall) bool {
	callee, ok := i.Callee.(*ir.Func)
	if !ok {
		return false
	}
	args := make([]value.Value, len(i.Args))
	for k, a := range i.Args {
		switch a := a.(type) {
		case *ir.Arg:
			args[k] = a.Value
		default:
			args[k] = a
		}
	}
	name := callee.Name()
	switch {
	case strings.HasPrefix(name, "llvm.dbg.") || strings.HasPrefix(name, "llvm.lifetime."):
		return true
	case strings.HasPrefix(name, "llvm.memset."):
		if len(args) != 4 {
			return false
		}
		p, ok := fo.address(args[0])
		b, isInt := args[1].(*constant.Int)
		if !ok || !isInt || b.X.Sign() != 0 || len(p.path) != 0 {
			return false
		}
		*p.obj = cell{t: p.obj.t, leaf: constant.NewZeroInitializer(p.obj.t)}
		return true
	case strings.HasPrefix(name, "llvm.memcpy."):
		if len(args) != 4 {
			return false
		}
		dst, ok1 := fo.address(args[0])
		src, ok2 := fo.address(args[1])
		if !ok1 || !ok2 || len(dst.path) != 0 || len(src.path) != 0 || !dst.obj.t.Equal(src.obj.t) {
			return false
		}
		*dst.obj = cell{t: dst.obj.t, leaf: src.obj.value()}
		return true
	}
	return false
}
