// This file implements vararg wrappers: the Lua→native path for one
// call shape of a variadic function (its fixed parameters plus the
// types Lua's extra arguments convert to).
package lower

import (
	"github.com/llir/llvm/ir"
	lltypes "github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/types"
)

// AddVarargWrapper defines `name`, a wrapper `void (i8* args, i8* ret)`
// that calls a function pointer of the variadic Terra type &fnType with
// arguments of types args (the fixed parameters first, then the extra
// ones). The buffer is laid out as types.TupleOf(&fnType, args...): its
// first field is the function to call. The call is a variadic call, so
// the extra arguments are classified as clang classifies `...`
// arguments and %al carries the number of vector registers used.
func (m *Module) AddVarargWrapper(fnType *types.Type, args []*types.Type, name string) (err error) {
	defer catch(&err)
	if fnType == nil || fnType.Kind != types.Func || !fnType.Variadic {
		failf("vararg wrapper for a non-variadic type %s", fnType)
	}
	if len(args) < len(fnType.Params) {
		failf("vararg wrapper for %s with %d arguments", fnType, len(args))
	}
	if _, ok := m.byName[name]; ok {
		failf("%s is already defined", name)
	}
	f := m.mod.NewFunc(name, lltypes.Void, ir.NewParam("args", lltypes.I8Ptr), ir.NewParam("ret", lltypes.I8Ptr))
	m.byName[name] = f
	argp, ret := f.Params[0], f.Params[1]
	b := &builder{Module: m, f: f, names: map[string]int{}}
	b.entry = f.NewBlock(b.uniqueName("entry"))
	b.cur = b.entry
	all := append([]*types.Type{types.PointerTo(fnType)}, args...)
	l, lerr := types.TupleOf(all...).Layout()
	if lerr != nil {
		failf("vararg wrapper for %s: %v", fnType, lerr)
	}
	vals := make([]value.Value, len(all))
	for i, p := range all {
		ptr := b.cur.NewGetElementPtr(lltypes.I8, argp, constI64(l.Fields[i].Offset))
		vals[i] = b.createLoad(p, b.cur.NewBitCast(ptr, lltypes.NewPointer(m.getLLVMType(p))))
	}
	result := b.createCall(fnType, vals[0], vals[1:], args)
	if rt := fnType.Result; rt != nil && !rt.IsUnit() {
		b.createStore(rt, result, b.cur.NewBitCast(ret, lltypes.NewPointer(m.getLLVMType(rt))))
	}
	b.cur.NewRet(nil)
	b.entry.Insts = append(b.allocas, b.entry.Insts...)
	return nil
}
