// This file implements the per-function builder: locals, blocks, the
// scope stack with its defers, break targets and labels, and the
// function prologue that copies parameters into allocas.
package lower

import (
	"fmt"
	"slices"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	lltypes "github.com/llir/llvm/ir/types"
	"github.com/llir/llvm/ir/value"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/internal/phase"
)

// builder holds the state of the function being lowered.
type builder struct {
	*Module
	fn  *tree.Function
	f   *ir.Func
	sig *abiSig

	entry   *ir.Block
	allocas []ir.Instruction
	cur     *ir.Block

	locals map[*tree.Symbol]value.Value // symbol → its alloca
	scopes []*scope
	loops  []loopTarget
	labels map[*tree.Label]*labelTarget
	sret   value.Value // the sret pointer, when the result is returned in memory
	names  map[string]int

	fdbg *funcDebug // nil without debug info (debug.go)

	unaligned map[value.Value]bool // addresses inside packed structs (packed.go)

	// moved are the managed variables the return being lowered moves
	// out: runDefers skips their destructors (tree.Return.Moved).
	moved []*tree.Symbol
}

// scope is one lexical block with the defers registered in it so far.
type scope struct {
	defers []*tree.Defer
}

type loopTarget struct {
	exit  *ir.Block
	depth int // len(scopes) outside the loop body
}

type labelTarget struct {
	block   *ir.Block
	depth   int  // len(scopes) of the block that holds the label
	placed  bool // the label statement has been lowered
	ndefers int  // defers of its block registered before the label
}

// AddFunction defines fn, whose Def must be checked, in the module.
// Functions it refers to that are not defined in this module are
// declared by their LinkName.
func (m *Module) AddFunction(fn *tree.Function) (err error) {
	phase.Enter(phase.Lower)
	defer phase.Leave()
	if fn.Def == nil {
		return fmt.Errorf("lower: function %s has no body", fn.Name)
	}
	if fn.State != tree.Checked {
		return fmt.Errorf("lower: function %s is not checked", fn.Name)
	}
	var f *ir.Func
	defer func() {
		if err != nil && f != nil {
			f.Blocks = nil // leave a declaration behind
		}
	}()
	defer catch(&err)
	f = m.getFunction(fn)
	if len(f.Blocks) > 0 {
		return fmt.Errorf("lower: function %s defined twice", fn.Name)
	}
	setInline(f, fn.Inline)
	setFuncAttrs(f, fn.Attrs)
	b := &builder{
		Module: m,
		fn:     fn,
		f:      f,
		sig:    m.getSignature(fn.Type),
		locals: map[*tree.Symbol]value.Value{},
		labels: map[*tree.Label]*labelTarget{},
		names:  map[string]int{},
	}
	b.debugBegin()
	b.createFunctionBody()
	b.debugEnd()
	return nil
}

func (b *builder) createFunctionBody() {
	b.entry = b.f.NewBlock(b.uniqueName("entry")) // locals share the namespace
	b.cur = b.entry
	b.createPrologue()
	b.createBlock(b.fn.Def.Body)
	if b.cur.Term == nil {
		// Falling off the end: Terra reports no error (not even with a
		// declared result type) and returns undef; we return zero.
		b.createReturn(nil)
	}
	for _, blk := range b.f.Blocks {
		if blk.Term == nil {
			blk.NewUnreachable()
		}
	}
	b.entry.Insts = append(b.allocas, b.entry.Insts...)
}

// createPrologue stores every parameter into its alloca, undoing the
// System V lowering.
func (b *builder) createPrologue() {
	params := b.f.Params
	i := 0
	if b.sig.ret.kind == argMemory {
		b.sret = params[0]
		params[0].SetName(b.uniqueName("sret"))
		i = 1
	}
	for k, sym := range b.fn.Def.Params {
		t := sym.VarType()
		a := b.sig.params[k]
		switch a.kind {
		case argIgnore:
			b.locals[sym] = b.createAlloca(t, sym.Name)
		case argDirect:
			params[i].SetName(b.uniqueName(sanitize(sym.Name)))
			slot := b.createAlloca(t, sym.Name+".addr")
			b.createStore(t, params[i], slot)
			b.locals[sym] = slot
			i++
		case argCoerce:
			tmp := b.createCoerceTemp(a)
			for j := range a.parts {
				params[i].SetName(b.uniqueName(sanitize(sym.Name) + ".coerce"))
				b.cur.NewStore(params[i], b.coercePart(a, tmp, j))
				i++
			}
			slot := b.createAlloca(t, sym.Name+".addr")
			b.createStore(t, b.createLoad(t, b.cur.NewBitCast(tmp, lltypes.NewPointer(b.getLLVMType(t)))), slot)
			b.locals[sym] = slot
		case argMemory:
			params[i].SetName(b.uniqueName(sanitize(sym.Name)))
			b.locals[sym] = params[i] // the byval copy belongs to the callee
			i++
		}
	}
}

// uniqueName returns name, or name with a numeric suffix if taken.
func (b *builder) uniqueName(name string) string {
	n := b.names[name]
	b.names[name] = n + 1
	if n == 0 {
		return name
	}
	for {
		// A suffixed name may itself be a user's name ("x1"): skip taken ones.
		cand := fmt.Sprintf("%s%d", name, n)
		if b.names[cand] == 0 {
			b.names[cand] = 1
			b.names[name] = n + 1
			return cand
		}
		n++
	}
}

// newBlock makes a named basic block; it joins the function when it
// becomes the insertion point, so blocks appear in program order.
func (b *builder) newBlock(name string) *ir.Block {
	return ir.NewBlock(b.uniqueName(name))
}

// setBlock makes blk the insertion point.
func (b *builder) setBlock(blk *ir.Block) {
	if blk.Parent == nil {
		blk.Parent = b.f
		b.f.Blocks = append(b.f.Blocks, blk)
	}
	b.cur = blk
}

// ensureOpen starts a fresh (unreachable) block when the current one
// already ends after a return, break or goto, so later code has a place.
func (b *builder) ensureOpen() {
	if b.cur.Term != nil {
		b.setBlock(b.newBlock("dead"))
	}
}

// branch ends the current block with a jump to target, unless it is
// already terminated.
func (b *builder) branch(target *ir.Block) {
	if b.cur.Term == nil {
		b.cur.NewBr(target)
	}
}

// createAlloca reserves a stack slot of type t in the entry block.
func (b *builder) createAlloca(t *types.Type, name string) *ir.InstAlloca {
	a := ir.NewAlloca(b.getLLVMType(t))
	a.Align = ir.Align(t.Align())
	if name != "" {
		a.SetName(b.uniqueName(sanitize(name)))
	}
	b.allocas = append(b.allocas, a)
	return a
}

// createTemp spills a register value of type t to a fresh alloca.
func (b *builder) createTemp(t *types.Type, v value.Value) value.Value {
	slot := b.createAlloca(t, "")
	b.createStore(t, v, slot)
	return slot
}

// createLoad loads a value of Terra type t from ptr (memory form) and
// returns its register form.
func (b *builder) createLoad(t *types.Type, ptr value.Value) value.Value {
	if inMemory(t) && plainAddr(ptr) {
		return b.loadInMemory(t, ptr)
	}
	v := b.cur.NewLoad(b.getLLVMType(t), ptr)
	if b.unaligned[ptr] {
		v.Align = 1
	}
	return b.fromMemory(t, v)
}

// createStore stores the register value v of type t at ptr.
func (b *builder) createStore(t *types.Type, v, ptr value.Value) {
	if (inMemory(t) || isMemValue(v)) && b.storeInMemory(t, v, ptr) {
		return
	}
	st := b.cur.NewStore(b.toMemory(t, b.firstClass(v)), ptr)
	if b.unaligned[ptr] {
		st.Align = 1
	}
}

// fromMemory converts the memory form of a t value to its register form
// (i8 → i1 for bools).
func (b *builder) fromMemory(t *types.Type, v value.Value) value.Value {
	if isBoolish(t) {
		return b.cur.NewTrunc(v, b.getValueType(t))
	}
	return v
}

// toMemory converts the register form of a t value to its memory form.
func (b *builder) toMemory(t *types.Type, v value.Value) value.Value {
	if isBoolish(t) {
		return b.cur.NewZExt(v, b.getLLVMType(t))
	}
	return v
}

func isBoolish(t *types.Type) bool {
	return t.Kind == types.Bool || t.Kind == types.Vector && t.Elem.Kind == types.Bool
}

// unitValue is the value of expressions of type {}.
func unitValue() value.Value { return constant.NewStruct(lltypes.NewStruct()) }

// pushScope enters a lexical block.
func (b *builder) pushScope() { b.scopes = append(b.scopes, &scope{}) }

// popScope leaves a block on fallthrough, running its defers.
func (b *builder) popScope() {
	if b.cur.Term == nil {
		b.runDefers(len(b.scopes) - 1)
	}
	b.scopes = b.scopes[:len(b.scopes)-1]
}

// runDefers emits the deferred calls of every scope at index ≥ depth,
// innermost first. The scope stack is cut while they are emitted so a
// deferred call that contains a block does not see them again.
func (b *builder) runDefers(depth int) {
	saved := b.scopes
	for i := len(saved) - 1; i >= depth && i >= 0; i-- {
		ds := saved[i].defers
		b.scopes = saved[:i]
		for j := len(ds) - 1; j >= 0; j-- {
			if ds[j].Owner != nil && slices.Contains(b.moved, ds[j].Owner) {
				continue
			}
			b.ensureOpen()
			b.createExpr(ds[j].Call)
		}
	}
	b.scopes = saved
}

// createCoerceTemp allocates a slot for moving an aggregate through its
// eightbyte representation; it is big and aligned enough for both.
func (b *builder) createCoerceTemp(a abiArg) value.Value {
	ct := a.coerce
	if _, ok := ct.(*lltypes.StructType); !ok {
		ct = lltypes.NewStruct(ct)
	}
	tmp := ir.NewAlloca(ct)
	tmp.Align = ir.Align(max(8, a.t.Align()))
	b.allocas = append(b.allocas, tmp)
	return tmp
}

// coercePart is the address of eightbyte j inside a coerce temp.
func (b *builder) coercePart(a abiArg, tmp value.Value, j int) value.Value {
	st := tmp.Type().(*lltypes.PointerType).ElemType
	return b.gep(st, tmp, constI32(0), constI32(int64(j)))
}

func constI32(n int64) *constant.Int { return constant.NewInt(lltypes.I32, n) }
func constI64(n int64) *constant.Int { return constant.NewInt(lltypes.I64, n) }
