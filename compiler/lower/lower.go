// This file implements the module context: the llir module, the type
// caches (getLLVMType, getValueType, getStructInfo) and function
// declarations shared by every function lowered into the module.
package lower

import (
	"fmt"
	"strings"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/constant"
	"github.com/llir/llvm/ir/enum"
	"github.com/llir/llvm/ir/metadata"
	lltypes "github.com/llir/llvm/ir/types"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// DefaultTriple is the target NewModule uses.
const DefaultTriple = "x86_64-pc-linux-gnu"

// dataLayouts maps the supported triples to LLVM 14's data layout.
var dataLayouts = map[string]string{
	"x86_64-pc-linux-gnu":       "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128",
	"x86_64-unknown-linux-gnu":  "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128",
	"aarch64-linux-gnu":         "e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128",
	"aarch64-unknown-linux-gnu": "e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128",
}

// Module is one LLVM module being built from checked Terra functions.
type Module struct {
	mod *ir.Module

	llvmTypes map[*types.Type]lltypes.Type
	structs   map[*types.Type]*structInfo
	typeNames map[string]int
	sigs      map[*types.Type]*abiSig
	abi       abiKind // chosen from the triple by abiFor

	funcs    map[*tree.Function]*ir.Func
	byName   map[string]*ir.Func
	strings  map[string]*ir.Global
	wrappers map[string]string

	globals    map[*tree.Global]*ir.Global // see global.go
	globalList []*tree.Global
	ntNode     *metadata.Tuple // the !nontemporal node, see lowlevel.go

	dbg *debugInfo // nil unless EnableDebugInfo (debug.go)
}

// lowerError is raised (panicked) inside the package and turned into
// the error AddFunction or AddWrapper returns.
type lowerError struct{ msg string }

func (e *lowerError) Error() string { return e.msg }

func failf(format string, args ...any) {
	panic(&lowerError{fmt.Sprintf(format, args...)})
}

// catch converts a lowerError panic into *err.
func catch(err *error) {
	if r := recover(); r != nil {
		if le, ok := r.(*lowerError); ok {
			*err = le
			return
		}
		panic(r)
	}
}

// NewModule makes an empty module for x86-64 Linux. An optional triple
// selects another x86-64 System V target.
func NewModule(name string, triple ...string) *Module {
	m := &Module{
		mod:       ir.NewModule(),
		llvmTypes: map[*types.Type]lltypes.Type{},
		structs:   map[*types.Type]*structInfo{},
		typeNames: map[string]int{},
		sigs:      map[*types.Type]*abiSig{},
		funcs:     map[*tree.Function]*ir.Func{},
		byName:    map[string]*ir.Func{},
		strings:   map[string]*ir.Global{},
		wrappers:  map[string]string{},
	}
	m.mod.SourceFilename = name
	m.mod.TargetTriple = DefaultTriple
	if len(triple) > 0 && triple[0] != "" {
		m.mod.TargetTriple = triple[0]
	}
	m.abi = abiFor(m.mod.TargetTriple)
	m.mod.DataLayout = dataLayouts[m.mod.TargetTriple]
	if m.mod.DataLayout == "" {
		m.mod.DataLayout = dataLayouts[DefaultTriple]
	}
	return m
}

// String returns the module as LLVM IR text.
func (m *Module) String() string { return m.mod.String() }

// IR returns the underlying llir module.
func (m *Module) IR() *ir.Module { return m.mod }

// getLLVMType returns the memory type of t: what an alloca, a struct
// member, an array element or a pointee of type t is.
func (m *Module) getLLVMType(t *types.Type) lltypes.Type {
	if lt, ok := m.llvmTypes[t]; ok {
		return lt
	}
	lt := m.makeLLVMType(t)
	m.llvmTypes[t] = lt
	return lt
}

func (m *Module) makeLLVMType(t *types.Type) lltypes.Type {
	switch t.Kind {
	case types.Bool:
		return lltypes.I8
	case types.Int:
		return lltypes.NewInt(uint64(t.Bits))
	case types.Float:
		if t.Bits == 32 {
			return lltypes.Float
		}
		return lltypes.Double
	case types.Pointer:
		p := lltypes.NewPointer(m.pointeeType(t.Elem))
		p.AddrSpace = lltypes.AddrSpace(t.AddrSpace)
		return p
	case types.Nil:
		return lltypes.I8Ptr
	case types.Array:
		return lltypes.NewArray(uint64(t.N), m.getLLVMType(t.Elem))
	case types.Vector:
		return lltypes.NewVector(uint64(t.N), m.getLLVMType(t.Elem))
	case types.Struct:
		return m.getStructInfo(t).typ
	case types.Func:
		return m.getSignature(t).llvm
	case types.Opaque:
		return lltypes.I8
	}
	failf("cannot lower type %s", t)
	return nil
}

// pointeeType is the LLVM element type of a pointer to t. Pointers to
// incomplete structs (or to arrays of them) point to their (possibly
// opaque) identified type.
func (m *Module) pointeeType(t *types.Type) lltypes.Type {
	if t.Kind == types.Array && t.Elem.Kind != types.Opaque && !t.IsComplete() {
		return lltypes.NewArray(uint64(t.N), m.pointeeType(t.Elem))
	}
	if t.Kind == types.Struct && !t.IsTuple && !t.IsComplete() {
		if lt, ok := m.llvmTypes[t]; ok {
			return lt
		}
		if !t.IsComplete() { // a pointer never completes its pointee (Terra's rule)
			st := &lltypes.StructType{Opaque: true}
			m.mod.NewTypeDef(m.uniqueTypeName(t.String()), st)
			m.llvmTypes[t] = st
			return st
		}
	}
	return m.getLLVMType(t)
}

// getValueType returns the register type of t: the memory type, except
// that bool (and vectors of bool) use i1.
func (m *Module) getValueType(t *types.Type) lltypes.Type {
	switch {
	case t.Kind == types.Bool:
		return lltypes.I1
	case t.Kind == types.Vector && t.Elem.Kind == types.Bool:
		return lltypes.NewVector(uint64(t.N), lltypes.I1)
	}
	return m.getLLVMType(t)
}

func (m *Module) uniqueTypeName(name string) string {
	if name == "" {
		name = "anon"
	}
	n := m.typeNames[name]
	m.typeNames[name] = n + 1
	if n == 0 {
		return name
	}
	return fmt.Sprintf("%s.%d", name, n)
}

// structInfo is how a Terra struct maps onto an LLVM struct.
type structInfo struct {
	typ    *lltypes.StructType
	member []int  // types.FieldLayout.Index → LLVM member index
	union  []bool // types.FieldLayout.Index → the member is a union
}

// getStructInfo lays out the LLVM struct of a complete struct type.
func (m *Module) getStructInfo(t *types.Type) *structInfo {
	if si := m.structs[t]; si != nil {
		return si
	}
	l, err := t.Layout()
	if err != nil {
		failf("cannot lower %s: %v", t, err)
	}
	st, _ := m.llvmTypes[t].(*lltypes.StructType) // opaque forward declaration
	if st == nil {
		st = &lltypes.StructType{}
		if !t.IsTuple {
			m.mod.NewTypeDef(m.uniqueTypeName(t.String()), st)
		}
	}
	st.Opaque = false
	si := &structInfo{typ: st}
	m.structs[t] = si
	m.llvmTypes[t] = st

	type member struct {
		lt          lltypes.Type
		off         int64
		size, align int64
		union       bool
	}
	var members []member
	for i, e := range t.Entries {
		off := int64(-1)
		for _, f := range l.Fields {
			if f.Index == i {
				off = f.Offset
				break
			}
		}
		if e.Union == nil {
			members = append(members, member{m.getLLVMType(e.Type), off, e.Type.Size(), e.Type.Align(), false})
			continue
		}
		var rep *types.Type
		size, align := int64(0), int64(1)
		for _, f := range unionFields(e.Union) {
			size = max(size, f.Type.Size())
			if rep == nil || f.Type.Align() > rep.Align() ||
				f.Type.Align() == rep.Align() && f.Type.Size() > rep.Size() {
				rep = f.Type
			}
		}
		var lt lltypes.Type = lltypes.NewStruct()
		if rep != nil {
			align = rep.Align()
			lt = m.getLLVMType(rep)
			repSize := rep.Size()
			if (rep.Kind == types.Struct || rep.Kind == types.Array) && align <= 8 {
				// An aggregate may have padding that a load or store of
				// the union would not carry, losing the bytes another
				// member keeps there: use integers of the same alignment.
				lt = lltypes.NewArray(uint64(size/align), lltypes.NewInt(uint64(8*align)))
				repSize = size / align * align
			}
			if pad := size - repSize; pad > 0 {
				lt = lltypes.NewStruct(lt, lltypes.NewArray(uint64(pad), lltypes.I8))
			}
		}
		if off < 0 { // empty union
			off = 0
		}
		members = append(members, member{lt, off, size, align, true})
	}

	// Does natural LLVM layout give types.Layout's offsets?
	natural := true
	pos, maxAlign := int64(0), int64(1)
	for _, mb := range members {
		o := alignUp(pos, mb.align)
		if o != mb.off {
			natural = false
		}
		pos = o + alignUp(mb.size, mb.align)
		maxAlign = max(maxAlign, mb.align)
	}
	if alignUp(pos, maxAlign) != l.Size || t.Packed {
		natural = false // packed C structs: LLVM <{ … }> with explicit padding
	}
	pos = 0
	for _, mb := range members {
		if !natural && mb.off > pos {
			st.Fields = append(st.Fields, lltypes.NewArray(uint64(mb.off-pos), lltypes.I8))
		}
		si.member = append(si.member, len(st.Fields))
		si.union = append(si.union, mb.union)
		st.Fields = append(st.Fields, mb.lt)
		pos = mb.off + mb.size
	}
	if !natural {
		st.Packed = true
		if l.Size > pos {
			st.Fields = append(st.Fields, lltypes.NewArray(uint64(l.Size-pos), lltypes.I8))
		}
	}
	return si
}

func unionFields(es []types.Entry) []types.Field {
	var out []types.Field
	for _, e := range es {
		if e.Union != nil {
			out = append(out, unionFields(e.Union)...)
		} else {
			out = append(out, e.Field)
		}
	}
	return out
}

func alignUp(n, a int64) int64 {
	if a <= 1 {
		return n
	}
	return (n + a - 1) / a * a
}

// getFunction returns the LLVM function for fn, declaring it (by its
// LinkName, with its System V signature) on first use.
func (m *Module) getFunction(fn *tree.Function) *ir.Func {
	if f := m.funcs[fn]; f != nil {
		return f
	}
	if fn.Type == nil || fn.Type.Kind != types.Func {
		failf("function %s has no checked type", fn.Name)
	}
	f := m.declareLLVMIntrinsic(fn.LinkName, fn.Type)
	if f == nil {
		f = m.declare(fn.LinkName, fn.Type)
	}
	f.CallingConv = callingConv(fn.Attrs.CallingConv)
	m.funcs[fn] = f
	return f
}

// Declare declares fn in the module (with its calling convention), as
// a wrapper added later for it needs.
func (m *Module) Declare(fn *tree.Function) (err error) {
	defer catch(&err)
	m.getFunction(fn)
	return nil
}

// declare returns the function called name with Terra type fnType,
// creating a declaration if the module has none.
func (m *Module) declare(name string, fnType *types.Type) *ir.Func {
	sig := m.getSignature(fnType)
	if f := m.byName[name]; f != nil {
		if !f.Sig.Equal(sig.llvm) {
			failf("function %s declared with two different types", name)
		}
		return f
	}
	var params []*ir.Param
	for i, p := range sig.llvm.Params {
		params = append(params, ir.NewParam("", p))
		params[i].Attrs = sig.paramAttrs[i]
	}
	f := m.mod.NewFunc(name, sig.llvm.RetType, params...)
	f.Sig.Variadic = sig.llvm.Variadic
	f.ReturnAttrs = sig.retAttrs
	m.byName[name] = f
	return f
}

// setInline applies tree.Function.Inline.
func setInline(f *ir.Func, inline int) {
	switch inline {
	case 1:
		f.FuncAttrs = append(f.FuncAttrs, enum.FuncAttrAlwaysInline)
	case -1:
		f.FuncAttrs = append(f.FuncAttrs, enum.FuncAttrNoInline)
	}
}

// zeroValue returns the zero constant of an LLVM type.
func zeroValue(t lltypes.Type) constant.Constant {
	switch t := t.(type) {
	case *lltypes.IntType:
		return constant.NewInt(t, 0)
	case *lltypes.FloatType:
		return constant.NewFloat(t, 0)
	case *lltypes.PointerType:
		return constant.NewNull(t)
	}
	return constant.NewZeroInitializer(t)
}

// sanitize makes a string usable inside an LLVM local name.
func sanitize(s string) string {
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		s = "_" + s // a leading digit would read as a numbered value
	}
	return strings.Map(func(r rune) rune {
		if r < 128 && (r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return r
		}
		return '_'
	}, s)
}
