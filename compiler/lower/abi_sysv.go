// This file implements the x86-64 System V calling convention: how a
// Terra function type becomes an LLVM function type, and how values
// cross it (function prologues, calls, returns and wrappers all go
// through here, so every path agrees with clang).
package lower

import (
	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/enum"
	lltypes "github.com/llir/llvm/ir/types"

	"terrac/compiler/types"
)

// argKind says how one parameter or the result is passed.
type argKind uint8

const (
	argIgnore argKind = iota // unit, empty aggregates: nothing is passed
	argDirect                // as its register type (scalars, pointers, vectors)
	argCoerce                // an aggregate in one or two eightbytes (parts)
	argMemory                // a pointer: byval for parameters, sret for the result
)

// abiArg is the classification of one parameter or the result.
type abiArg struct {
	kind  argKind
	t     *types.Type
	parts []lltypes.Type // argCoerce: the eightbyte types
	// coerce is the struct {parts...} (or the single part) used to move
	// the value through memory.
	coerce lltypes.Type
	// indirect: argMemory passes a plain pointer to a caller-made copy
	// (AAPCS64), not byval.
	indirect bool
	noExt    bool // small integers are passed unextended (AAPCS64)
}

// abiSig is the lowered signature of a Terra function type.
type abiSig struct {
	t          *types.Type
	ret        abiArg
	params     []abiArg
	llvm       *lltypes.FuncType
	paramAttrs [][]ir.ParamAttribute
	retAttrs   []ir.ReturnAttribute
}

const (
	intRegs = 6
	sseRegs = 8
)

// eightbyte classes.
const (
	classNone = iota
	classInteger
	classSSE
)

// getSignature classifies a function type (memoized).
func (m *Module) getSignature(fnType *types.Type) *abiSig {
	if s := m.sigs[fnType]; s != nil {
		return s
	}
	s := m.classifySignature(fnType.Params, fnType.Result, fnType.Variadic)
	s.t = fnType
	m.sigs[fnType] = s
	return s
}

// classifySignature lays out params (and, for a variadic call, the
// extra arguments appended to params) and the result.
func (m *Module) classifySignature(params []*types.Type, result *types.Type, variadic bool) *abiSig {
	if m.abi == abiAAPCS64 {
		return m.classifyAAPCS64(params, result, variadic)
	}
	s := &abiSig{}
	ints, sses := intRegs, sseRegs
	s.ret = m.classifyReturn(result)
	var llParams []lltypes.Type
	if s.ret.kind == argMemory {
		ints--
		pt := lltypes.NewPointer(m.getLLVMType(result))
		llParams = append(llParams, pt)
		s.paramAttrs = append(s.paramAttrs, []ir.ParamAttribute{ir.SRet{Typ: m.getLLVMType(result)}, enum.ParamAttrNoAlias, ir.Align(max(1, result.Align()))})
	}
	for _, p := range params {
		a := m.classifyParam(p, &ints, &sses)
		s.params = append(s.params, a)
		switch a.kind {
		case argDirect:
			llParams = append(llParams, m.getValueType(p))
			s.paramAttrs = append(s.paramAttrs, extAttrs(p))
		case argCoerce:
			for _, part := range a.parts {
				llParams = append(llParams, part)
				s.paramAttrs = append(s.paramAttrs, nil)
			}
		case argMemory:
			mt := m.getLLVMType(p)
			llParams = append(llParams, lltypes.NewPointer(mt))
			s.paramAttrs = append(s.paramAttrs, []ir.ParamAttribute{ir.Byval{Typ: mt}, ir.Align(max(8, p.Align()))})
		}
	}
	var ret lltypes.Type = lltypes.Void
	switch s.ret.kind {
	case argDirect:
		ret = m.getValueType(result)
		for _, a := range extAttrs(result) {
			if a == enum.ParamAttrZeroExt {
				s.retAttrs = append(s.retAttrs, enum.ReturnAttrZeroExt)
			} else {
				s.retAttrs = append(s.retAttrs, enum.ReturnAttrSignExt)
			}
		}
	case argCoerce:
		ret = s.ret.coerce
	}
	s.llvm = lltypes.NewFunc(ret, llParams...)
	s.llvm.Variadic = variadic
	return s
}

// extAttrs gives the zeroext/signext clang puts on small integers.
func extAttrs(t *types.Type) []ir.ParamAttribute {
	switch {
	case t.Kind == types.Bool:
		return []ir.ParamAttribute{enum.ParamAttrZeroExt}
	case t.Kind == types.Int && t.Bits < 32:
		if t.Signed {
			return []ir.ParamAttribute{enum.ParamAttrSignExt}
		}
		return []ir.ParamAttribute{enum.ParamAttrZeroExt}
	}
	return nil
}

func (m *Module) classifyReturn(t *types.Type) abiArg {
	if t == nil || !isAggregate(t) {
		if t == nil || t.IsUnit() {
			return abiArg{kind: argIgnore, t: t}
		}
		if smallVector(t) {
			return smallVectorArg(t)
		}
		return abiArg{kind: argDirect, t: t}
	}
	if t.Size() == 0 {
		return abiArg{kind: argIgnore, t: t}
	}
	classes, ok := classifyAggregate(t)
	if !ok {
		return abiArg{kind: argMemory, t: t}
	}
	return m.coerceArg(t, classes)
}

func (m *Module) classifyParam(t *types.Type, ints, sses *int) abiArg {
	if !isAggregate(t) {
		if t.IsUnit() {
			return abiArg{kind: argIgnore, t: t}
		}
		// A scalar finding no register left goes on the stack by
		// itself; the count never drops below zero, so later aggregates
		// still see the registers that really are free (none).
		switch {
		case smallVector(t):
			*ints = max(0, *ints-1)
			return smallVectorArg(t)
		case t.Kind == types.Float || t.Kind == types.Vector:
			*sses = max(0, *sses-1)
		default:
			*ints = max(0, *ints-1)
		}
		return abiArg{kind: argDirect, t: t}
	}
	if t.Size() == 0 {
		return abiArg{kind: argIgnore, t: t}
	}
	classes, ok := classifyAggregate(t)
	if !ok {
		return stackArg(t, *ints)
	}
	a := m.coerceArg(t, classes)
	ni, ns := 0, 0
	for _, p := range a.parts { // one register each
		switch p.(type) {
		case *lltypes.IntType, *lltypes.PointerType:
			ni++
		default:
			ns++
		}
	}
	if ni > *ints || ns > *sses {
		return stackArg(t, *ints) // not enough registers left: all on the stack
	}
	*ints -= ni
	*sses -= ns
	return a
}

// smallVector reports a vector of at most 4 bytes, which C passes as an
// integer (GCC's rule, which clang follows).
func smallVector(t *types.Type) bool {
	return t.Kind == types.Vector && t.Size() <= 4
}

func smallVectorArg(t *types.Type) abiArg {
	it := lltypes.NewInt(uint64(t.Size() * 8))
	return abiArg{kind: argCoerce, t: t, parts: []lltypes.Type{it}, coerce: it}
}

// stackArg passes an aggregate on the stack. Once the integer registers
// are used up, clang passes one that fits an eightbyte (and needs no more
// alignment) as an integer of its size, which lands in the same stack
// slot as a byval copy would; we do the same so declarations match.
func stackArg(t *types.Type, ints int) abiArg {
	if ints == 0 && t.Size() <= 8 && t.Align() <= 8 {
		it := lltypes.NewInt(uint64(t.Size() * 8))
		return abiArg{kind: argCoerce, t: t, parts: []lltypes.Type{it}, coerce: it}
	}
	return abiArg{kind: argMemory, t: t}
}

func isAggregate(t *types.Type) bool {
	return (t.Kind == types.Struct && !t.IsUnit()) || t.Kind == types.Array
}

// scalarAt is one primitive inside an aggregate.
type scalarAt struct {
	t   *types.Type
	off int64
}

// classifyAggregate returns the class of each eightbyte, or false when
// the aggregate is passed in memory.
func classifyAggregate(t *types.Type) ([]int, bool) {
	size := t.Size()
	if size > 16 {
		return nil, false
	}
	var scalars []scalarAt
	haLeaves(t, 0, &scalars)
	classes := make([]int, (size+7)/8)
	for _, s := range scalars {
		if s.off%s.t.Align() != 0 {
			return nil, false // unaligned field
		}
		// Vectors are SSE whatever their elements, as in C, except the
		// small ones.
		c := classInteger
		if s.t.Kind == types.Float || s.t.Kind == types.Vector && !smallVector(s.t) {
			c = classSSE
		}
		for i := s.off / 8; i < min(int64(len(classes)), (s.off+max(1, s.t.Size())+7)/8); i++ {
			if classes[i] == classNone || c == classInteger {
				classes[i] = c
			}
		}
	}
	for i, c := range classes {
		if c == classNone {
			classes[i] = classInteger
		}
	}
	return classes, true
}

// coerceArg builds the eightbyte types of an aggregate passed in
// registers, as clang does: INTEGER → iN (N = remaining bytes, at most
// 64), SSE → double, float, or <2 x float> for two floats.
func (m *Module) coerceArg(t *types.Type, classes []int) abiArg {
	var scalars []scalarAt
	haLeaves(t, 0, &scalars)
	size := t.Size()
	a := abiArg{kind: argCoerce, t: t}
	if len(scalars) == 1 && scalars[0].t.Kind == types.Vector && scalars[0].t.Size() == 16 {
		// One 16-byte vector fills a single SSE register (SSE, SSEUP).
		vt := m.getLLVMType(scalars[0].t)
		a.parts, a.coerce = []lltypes.Type{vt}, vt
		return a
	}
	for i, c := range classes {
		lo := int64(i) * 8
		if c == classInteger {
			if lt := m.loneInteger(scalars, lo); lt != nil {
				a.parts = append(a.parts, lt)
				continue
			}
			n := min(8, size-lo)
			a.parts = append(a.parts, lltypes.NewInt(uint64(n*8)))
			continue
		}
		floatAt := func(off int64) bool {
			for _, s := range scalars {
				if s.off == off && s.t.Kind == types.Float && s.t.Bits == 32 {
					return true
				}
			}
			return false
		}
		switch {
		case floatAt(lo) && floatAt(lo+4):
			a.parts = append(a.parts, lltypes.NewVector(2, lltypes.Float))
		case floatAt(lo):
			a.parts = append(a.parts, lltypes.Float)
		default:
			a.parts = append(a.parts, lltypes.Double)
		}
	}
	if len(a.parts) == 1 {
		a.coerce = a.parts[0]
	} else {
		a.coerce = lltypes.NewStruct(a.parts...)
	}
	return a
}

// loneInteger returns the type of the integer or pointer that starts the
// eightbyte at lo when nothing else lies in that eightbyte, or nil. Clang
// then passes just that scalar (i8 for a char followed by padding, the
// pointer type for a pointer), not an integer of the eightbyte's size;
// matching it keeps our declarations identical to clang's.
func (m *Module) loneInteger(scalars []scalarAt, lo int64) lltypes.Type {
	var first *scalarAt
	for i, s := range scalars {
		if s.off < lo || s.off >= lo+8 {
			continue
		}
		if first != nil || s.off != lo {
			return nil
		}
		first = &scalars[i]
	}
	switch {
	case first == nil:
		return nil
	case first.t.Kind == types.Pointer && first.t.Elem.Kind != types.Func:
		// (A function pointer's type needs a signature, maybe the one
		// being classified: it stays an i64, which is passed the same.)
		return m.getLLVMType(first.t)
	case first.t.Kind == types.Int || first.t.Kind == types.Bool:
		if first.t.Size() < 8 {
			return lltypes.NewInt(uint64(first.t.Size() * 8))
		}
	}
	return nil
}
