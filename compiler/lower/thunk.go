// This file implements the two bridge functions that are not Terra
// functions: callback thunks (native → Lua: a function of a Terra
// function type that packs its arguments into a buffer and calls
// terrac_callback) and indirect wrappers (Lua → a function pointer).
package lower

import (
	"fmt"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	lltypes "github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// CallbackEntry is the runtime function every thunk calls:
// void terrac_callback(i64 id, i8* args, i8* ret).
const CallbackEntry = "terrac_callback"

// AddCallbackThunk defines `name`, a function of Terra type fnType that
// stores its fixed parameters in a buffer laid out as
// types.TupleOf(fnType.Params...), calls terrac_callback(id, args, ret)
// and returns the value the runtime stored at ret (its memory form).
func (m *Module) AddCallbackThunk(fnType *types.Type, name string, id int64) (err error) {
	defer catch(&err)
	if fnType == nil || fnType.Kind != types.Func {
		failf("callback of a non-function type %s", fnType)
	}
	if _, ok := m.byName[name]; ok {
		failf("%s is already defined", name)
	}
	// A synthetic function object lets the ordinary prologue undo the
	// System V lowering of the parameters.
	fn := &tree.Function{Name: name, LinkName: name, Type: fnType, State: tree.Checked, Def: &tree.FuncDef{}}
	for i, p := range fnType.Params {
		fn.Def.Params = append(fn.Def.Params, tree.NewSymbol(fmt.Sprintf("a%d", i), p))
	}
	f := m.getFunction(fn)
	b := &builder{
		Module: m,
		fn:     fn,
		f:      f,
		sig:    m.getSignature(fnType),
		locals: map[*tree.Symbol]value.Value{},
		labels: map[*tree.Label]*labelTarget{},
		names:  map[string]int{},
	}
	b.entry = f.NewBlock(b.uniqueName("entry"))
	b.cur = b.entry
	b.createPrologue()

	tuple := types.TupleOf(fnType.Params...)
	l, lerr := tuple.Layout()
	if lerr != nil {
		failf("callback for %s: %v", fnType, lerr)
	}
	args := b.createAlloca(tuple, "args")
	argp := b.cur.NewBitCast(args, lltypes.I8Ptr)
	for i, sym := range fn.Def.Params {
		t := sym.VarType()
		v := b.createLoad(t, b.locals[sym])
		ptr := b.cur.NewGetElementPtr(lltypes.I8, argp, constI64(l.Fields[i].Offset))
		b.createStore(t, v, b.cur.NewBitCast(ptr, lltypes.NewPointer(b.getLLVMType(t))))
	}
	res := fnType.Result
	var retp value.Value = constant.NewNull(lltypes.I8Ptr)
	var slot *ir.InstAlloca
	if res != nil && !res.IsUnit() {
		slot = b.createAlloca(res, "ret")
		retp = b.cur.NewBitCast(slot, lltypes.I8Ptr)
	}
	entry := m.byName[CallbackEntry]
	if entry == nil {
		entry = m.mod.NewFunc(CallbackEntry, lltypes.Void, ir.NewParam("", lltypes.I64), ir.NewParam("", lltypes.I8Ptr), ir.NewParam("", lltypes.I8Ptr))
		m.byName[CallbackEntry] = entry
	}
	b.cur.NewCall(entry, constI64(id), argp, retp)
	if slot != nil {
		b.createReturn(b.createLoad(res, slot))
	} else {
		b.createReturn(nil)
	}
	b.entry.Insts = append(b.allocas, b.entry.Insts...)
	return nil
}

// AddIndirectWrapper defines `name`, a wrapper `void (i8* args, i8* ret)`
// like AddWrapper's, for calling a function pointer of Terra type
// &fnType: the buffer is laid out as types.TupleOf(&fnType, params...)
// and its first field is the function to call.
func (m *Module) AddIndirectWrapper(fnType *types.Type, name string) (err error) {
	defer catch(&err)
	if fnType == nil || fnType.Kind != types.Func {
		failf("wrapper for a non-function type %s", fnType)
	}
	if _, ok := m.byName[name]; ok {
		failf("%s is already defined", name)
	}
	f := m.mod.NewFunc(name, lltypes.Void, ir.NewParam("args", lltypes.I8Ptr), ir.NewParam("ret", lltypes.I8Ptr))
	m.byName[name] = f
	args, ret := f.Params[0], f.Params[1]
	b := &builder{Module: m, f: f, names: map[string]int{}}
	b.entry = f.NewBlock(b.uniqueName("entry"))
	b.cur = b.entry
	fp := types.PointerTo(fnType)
	all := append([]*types.Type{fp}, fnType.Params...)
	l, lerr := types.TupleOf(all...).Layout()
	if lerr != nil {
		failf("wrapper for %s: %v", fnType, lerr)
	}
	vals := b.loadWrapperArgs(args, all, l)
	result := b.createCall(fnType, vals[0], vals[1:], fnType.Params)
	b.storeWrapperResult(fnType.Result, result, ret)
	b.cur.NewRet(nil)
	b.entry.Insts = append(b.allocas, b.entry.Insts...)
	return nil
}
