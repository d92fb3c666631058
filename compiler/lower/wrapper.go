// This file implements wrappers, the single Lua→native calling path:
// `void @wrap(i8* %args, i8* %ret)` unpacks the arguments from a buffer
// laid out as types.TupleOf(params...), calls the target with the
// System V convention and stores the result at %ret.
package lower

import (
	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/enum"
	lltypes "github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/types"
)

// AddWrapper defines the wrapper for calling target, of Terra function
// type fnType, and returns its symbol name. The target is the function
// of that name in this module, or an external declaration of it. The
// argument buffer holds the fixed parameters at the offsets of
// types.TupleOf(params...); the result (nothing for unit; a tuple or
// struct stored whole) is stored at %ret in its memory form.
func (m *Module) AddWrapper(fnType *types.Type, target string) (name string, err error) {
	defer catch(&err)
	if fnType == nil || fnType.Kind != types.Func {
		failf("wrapper for a non-function type %s", fnType)
	}
	name = target + "$wrapper"
	if m.wrappers[name] != "" {
		return name, nil
	}
	callee := m.declare(target, fnType)
	f := m.byName[name] // a declaration made by a call to the wrapper
	if f == nil {
		f = m.mod.NewFunc(name, lltypes.Void, ir.NewParam("", lltypes.I8Ptr), ir.NewParam("", lltypes.I8Ptr))
		m.byName[name] = f
	} else if len(f.Params) != 2 || len(f.Blocks) > 0 || !f.Sig.RetType.Equal(lltypes.Void) {
		failf("%s is already defined", name)
	}
	args, ret := f.Params[0], f.Params[1]
	args.SetName("args")
	ret.SetName("ret")
	b := &builder{Module: m, f: f, names: map[string]int{}}
	b.entry = f.NewBlock(b.uniqueName("entry"))
	b.cur = b.entry

	tuple := types.TupleOf(fnType.Params...)
	l, lerr := tuple.Layout()
	if lerr != nil {
		failf("wrapper for %s: %v", fnType, lerr)
	}
	vals := b.loadWrapperArgs(args, fnType.Params, l)
	result := b.createCall(fnType, callee, vals, fnType.Params)
	// The target stays a call: inlined, the JIT would optimize and
	// generate its body twice (once in the wrapper) for one extra call
	// saved per call from Lua.
	for i := len(b.cur.Insts) - 1; i >= 0; i-- {
		if c, ok := b.cur.Insts[i].(*ir.InstCall); ok && c.Callee == callee {
			c.FuncAttrs = append(c.FuncAttrs, enum.FuncAttrNoInline)
			break
		}
	}
	b.storeWrapperResult(fnType.Result, result, ret)
	b.cur.NewRet(nil)
	b.entry.Insts = append(b.allocas, b.entry.Insts...)
	m.wrappers[name] = name
	return name, nil
}

// loadWrapperArgs loads the values of ts from the argument buffer args,
// laid out as l. The host fills its buffers with 8-byte alignment at
// most, so a more aligned value (a 16-byte vector) is loaded unaligned.
func (b *builder) loadWrapperArgs(args value.Value, ts []*types.Type, l *types.Layout) []value.Value {
	vals := make([]value.Value, len(ts))
	for i, p := range ts {
		ptr := b.gep(lltypes.I8, args, constI64(l.Fields[i].Offset))
		typed := b.cur.NewBitCast(ptr, lltypes.NewPointer(b.getLLVMType(p)))
		if p.Align() > 8 {
			b.markUnaligned(typed)
		}
		vals[i] = b.createLoad(p, typed)
	}
	return vals
}

// storeWrapperResult stores a call's result into the result buffer ret,
// unaligned for the same reason.
func (b *builder) storeWrapperResult(rt *types.Type, result, ret value.Value) {
	if rt == nil || rt.IsUnit() {
		return
	}
	dst := b.cur.NewBitCast(ret, lltypes.NewPointer(b.getLLVMType(rt)))
	if rt.Align() > 8 {
		b.markUnaligned(dst)
	}
	b.createStore(rt, result, dst)
}
