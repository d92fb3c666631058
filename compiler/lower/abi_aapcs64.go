// This file implements the AArch64 procedure call standard (AAPCS64)
// for aggregates, as clang 14 lowers it for aarch64 Linux targets, and
// the choice between it and System V by the module's triple.
package lower

import (
	"strings"

	"github.com/llir/llvm/ir"
	"github.com/llir/llvm/ir/enum"
	lltypes "github.com/llir/llvm/ir/types"

	"terrac/compiler/types"
)

// abiKind is the calling convention a module lowers signatures with.
type abiKind uint8

const (
	abiSysV    abiKind = iota // x86-64 System V (abi_sysv.go)
	abiAAPCS64                // AArch64 (this file)
)

// abiFor chooses the calling convention for a target triple; it is the
// only place that looks at the triple for that.
func abiFor(triple string) abiKind {
	arch, _, _ := strings.Cut(triple, "-")
	if arch == "aarch64" || arch == "arm64" {
		return abiAAPCS64
	}
	return abiSysV
}

// classifyAAPCS64 is classifySignature for AArch64. Unlike System V,
// the classification does not depend on how many registers are left:
// the backend puts what does not fit on the stack.
func (m *Module) classifyAAPCS64(params []*types.Type, result *types.Type, variadic bool) *abiSig {
	s := &abiSig{}
	s.ret = m.aapcsArg(result, true)
	var llParams []lltypes.Type
	if s.ret.kind == argMemory {
		pt := lltypes.NewPointer(m.getLLVMType(result))
		llParams = append(llParams, pt)
		s.paramAttrs = append(s.paramAttrs, []ir.ParamAttribute{ir.SRet{Typ: m.getLLVMType(result)}, enum.ParamAttrNoAlias})
	}
	for _, p := range params {
		a := m.aapcsArg(p, false)
		s.params = append(s.params, a)
		switch a.kind {
		case argDirect:
			llParams = append(llParams, m.getValueType(p))
			s.paramAttrs = append(s.paramAttrs, nil)
		case argCoerce:
			llParams = append(llParams, a.coerce)
			s.paramAttrs = append(s.paramAttrs, nil)
		case argMemory:
			// A pointer to the caller's copy, which the callee owns.
			llParams = append(llParams, lltypes.NewPointer(m.getLLVMType(p)))
			s.paramAttrs = append(s.paramAttrs, nil)
		}
	}
	var ret lltypes.Type = lltypes.Void
	switch s.ret.kind {
	case argDirect:
		ret = m.getValueType(result)
	case argCoerce:
		ret = s.ret.coerce
	}
	s.llvm = lltypes.NewFunc(ret, llParams...)
	s.llvm.Variadic = variadic
	return s
}

// aapcsArg classifies one parameter (or the result when isRet) as
// clang's AArch64ABIInfo does for AAPCS: homogeneous floating-point
// aggregates go as [N x base] (returned as the struct itself), other
// aggregates up to 16 bytes as integers, larger ones by reference.
// Small integers are not extended on Linux (only Darwin does that).
func (m *Module) aapcsArg(t *types.Type, isRet bool) abiArg {
	if t == nil || t.IsUnit() {
		return abiArg{kind: argIgnore, t: t}
	}
	if !isAggregate(t) {
		return abiArg{kind: argDirect, t: t, noExt: true}
	}
	size := t.Size()
	if size == 0 {
		return abiArg{kind: argIgnore, t: t}
	}
	one := func(ct lltypes.Type) abiArg {
		return abiArg{kind: argCoerce, t: t, parts: []lltypes.Type{ct}, coerce: ct}
	}
	if base, n, ok := m.homogeneousAggregate(t); ok {
		if isRet {
			return one(m.getLLVMType(t))
		}
		return one(lltypes.NewArray(uint64(n), base))
	}
	if size > 16 {
		return abiArg{kind: argMemory, t: t, indirect: !isRet}
	}
	if isRet && size <= 8 {
		return one(lltypes.NewInt(uint64(size * 8)))
	}
	unit := int64(8)
	if t.Align() >= 16 {
		unit = 16
	}
	if isRet {
		unit = 16 // 9..16 bytes: [2 x i64] unless 16-aligned (i128)
		if t.Align() < 16 {
			return one(lltypes.NewArray(2, lltypes.I64))
		}
	}
	n := (size + unit - 1) / unit
	it := lltypes.NewInt(uint64(unit * 8))
	if n == 1 {
		return one(it)
	}
	return one(lltypes.NewArray(uint64(n), it))
}

// homogeneousAggregate reports whether t is an HFA/HVA: one to four
// members, all the same floating-point type or all short vectors of
// one size (8 or 16 bytes), with no padding. Union members overlap, so
// the member count is the size divided by the base size.
func (m *Module) homogeneousAggregate(t *types.Type) (lltypes.Type, int, bool) {
	var leaves []scalarAt
	haLeaves(t, 0, &leaves)
	if len(leaves) == 0 {
		return nil, 0, false
	}
	base := leaves[0].t
	isBase := func(b *types.Type) bool {
		switch b.Kind {
		case types.Float:
			return true
		case types.Vector:
			return b.Size() == 8 || b.Size() == 16
		}
		return false
	}
	for _, l := range leaves {
		if !isBase(l.t) || l.t.Kind != base.Kind || l.t.Size() != base.Size() || l.off%base.Size() != 0 {
			return nil, 0, false
		}
	}
	n := t.Size() / base.Size()
	if n < 1 || n > 4 || n*base.Size() != t.Size() {
		return nil, 0, false
	}
	return m.getLLVMType(base), int(n), true
}

// haLeaves is flatten with vectors kept whole.
func haLeaves(t *types.Type, off int64, out *[]scalarAt) {
	switch t.Kind {
	case types.Struct:
		l, err := t.Layout()
		if err != nil {
			failf("%v", err)
		}
		for _, f := range l.Fields {
			haLeaves(f.Type, off+f.Offset, out)
		}
	case types.Array:
		for i := 0; i < t.N; i++ {
			haLeaves(t.Elem, off+int64(i)*t.Elem.Size(), out)
		}
	default:
		*out = append(*out, scalarAt{t, off})
	}
}

// ext gives the extension attributes a direct argument carries.
func (a abiArg) ext() []ir.ParamAttribute {
	if a.noExt || a.t == nil {
		return nil
	}
	return extAttrs(a.t)
}
