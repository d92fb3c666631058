// This file implements low-level operations: inline assembly, loads and
// stores with attributes, atomicrmw, cmpxchg and fences.
package lower

import (
	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/metadata"
	lltypes "github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

var orderings = map[string]enum.AtomicOrdering{
	"unordered": enum.AtomicOrderingUnordered,
	"monotonic": enum.AtomicOrderingMonotonic,
	"acquire":   enum.AtomicOrderingAcquire,
	"release":   enum.AtomicOrderingRelease,
	"acq_rel":   enum.AtomicOrderingAcquireRelease,
	"seq_cst":   enum.AtomicOrderingSequentiallyConsistent,
}

var rmwOps = map[string]enum.AtomicOp{
	"xchg": enum.AtomicOpXChg, "add": enum.AtomicOpAdd, "sub": enum.AtomicOpSub, "and": enum.AtomicOpAnd,
	"nand": enum.AtomicOpNAnd, "or": enum.AtomicOpOr, "xor": enum.AtomicOpXor, "max": enum.AtomicOpMax,
	"min": enum.AtomicOpMin, "umax": enum.AtomicOpUMax, "umin": enum.AtomicOpUMin,
	"fadd": enum.AtomicOpFAdd, "fsub": enum.AtomicOpFSub,
}

func ordering(name string) enum.AtomicOrdering {
	o, ok := orderings[name]
	if !ok {
		failf("unknown atomic ordering %q", name)
	}
	return o
}

// syncScope maps Terra's syncscope names to LLVM's; "" is the system.
func syncScope(s string) string {
	if s == "system" {
		return ""
	}
	return s
}

func (b *builder) createLowLevel(e *tree.LowLevel) value.Value {
	args := make([]value.Value, len(e.Args))
	for i, a := range e.Args {
		args[i] = b.firstClass(b.createExpr(a)) // these operations take first-class operands
	}
	switch e.Op {
	case "asm":
		return b.createAsm(e, args)
	case "debuginfo":
		b.debugCustom(e.Asm, e.Align)
		return unitValue()
	case "fence":
		f := b.cur.NewFence(ordering(e.Ordering))
		f.SyncScope = syncScope(e.SyncScope)
		return unitValue()
	}
	elem := tree.TypeOf(e.Args[0]).Elem
	lt := b.getLLVMType(elem)
	align := e.Align
	if align == 0 {
		align = max(1, elem.Align())
	}
	switch e.Op {
	case "attrload":
		ld := b.cur.NewLoad(lt, args[0])
		ld.Align = ir.Align(align)
		ld.Volatile = e.Volatile
		if e.Nontemporal {
			ld.Metadata = append(ld.Metadata, b.nontemporal())
		}
		return b.fromMemory(elem, ld)
	case "attrstore":
		st := b.cur.NewStore(b.toMemory(elem, args[1]), args[0])
		st.Align = ir.Align(align)
		st.Volatile = e.Volatile
		if e.Nontemporal {
			st.Metadata = append(st.Metadata, b.nontemporal())
		}
		return unitValue()
	case "atomicrmw":
		op, ok := rmwOps[e.RMW]
		if !ok {
			failf("unknown atomicrmw operator %s", e.RMW)
		}
		in := b.cur.NewAtomicRMW(op, args[0], args[1], ordering(e.Ordering))
		in.Volatile = e.Volatile
		in.SyncScope = syncScope(e.SyncScope)
		return in
	case "cmpxchg":
		in := b.cur.NewCmpXchg(args[0], args[1], args[2], ordering(e.Ordering), ordering(e.FailureOrdering))
		in.Volatile = e.Volatile
		in.Weak = e.Weak
		in.SyncScope = syncScope(e.SyncScope)
		// Repack {T, i1} as the Terra tuple {T, bool}.
		old := b.cur.NewExtractValue(in, 0)
		ok := b.cur.NewExtractValue(in, 1)
		tt := e.Type
		si := b.getStructInfo(tt)
		var agg value.Value = constant.NewUndef(si.typ)
		agg = b.cur.NewInsertValue(agg, old, uint64(si.member[0]))
		agg = b.cur.NewInsertValue(agg, b.toMemory(types.Boolean, ok), uint64(si.member[1]))
		return agg
	}
	failf("cannot lower low-level operation %s", e.Op)
	return nil
}

// nontemporal is the !nontemporal attachment: a tuple holding i32 1.
func (b *builder) nontemporal() *metadata.Attachment {
	if b.ntNode == nil {
		n := &metadata.Tuple{MetadataID: metadata.MetadataID(len(b.mod.MetadataDefs)), Fields: []metadata.Field{constant.NewInt(lltypes.I32, 1)}}
		b.mod.MetadataDefs = append(b.mod.MetadataDefs, n)
		b.ntNode = n
	}
	return &metadata.Attachment{Name: "nontemporal", Node: b.ntNode}
}

// createAsm calls an inline assembly expression.
func (b *builder) createAsm(e *tree.LowLevel, args []value.Value) value.Value {
	var ret lltypes.Type = lltypes.Void
	if !e.Type.IsUnit() {
		ret = b.getValueType(e.Type)
	}
	params := make([]lltypes.Type, len(args))
	for i, a := range args {
		params[i] = a.Type()
	}
	asm := ir.NewInlineAsm(lltypes.NewPointer(lltypes.NewFunc(ret, params...)), e.Asm, e.Constraints)
	asm.SideEffect = e.Volatile
	call := b.cur.NewCall(asm, args...)
	if e.Type.IsUnit() {
		return unitValue()
	}
	return call
}
