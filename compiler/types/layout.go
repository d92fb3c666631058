// This file implements sizes, alignments and struct layout for x86-64
// System V, matching what clang gives the equivalent C types.
package types

// Size returns the storage size in bytes of a complete type.
func (t *Type) Size() int64 {
	switch t.Kind {
	case Bool:
		return 1
	case Int, Float:
		return int64(t.Bits / 8)
	case Pointer, Nil:
		return 8
	case Array:
		return int64(t.N) * t.Elem.Size()
	case Vector:
		return vectorSize(t)
	case Struct:
		if t.layout == nil {
			if t.Complete() != nil {
				return 0
			}
		}
		return t.layout.Size
	}
	return 0
}

// Align returns the ABI alignment in bytes of a complete type.
func (t *Type) Align() int64 {
	switch t.Kind {
	case Array:
		return t.Elem.Align()
	case Vector:
		return vectorSize(t)
	case Struct:
		if t.layout == nil {
			if t.Complete() != nil {
				return 1
			}
		}
		return t.layout.Align
	}
	if s := t.Size(); s > 0 {
		return s
	}
	return 1
}

// vectorSize rounds the element storage up to a power of two, as LLVM
// does for vector types.
func vectorSize(t *Type) int64 {
	bytes := int64(t.N) * t.Elem.Size()
	if t.Elem.Kind == Bool {
		bytes = int64(t.N)
	}
	p := int64(1)
	for p < bytes {
		p *= 2
	}
	return p
}

func alignUp(n, a int64) int64 { return (n + a - 1) / a * a }

// maxFieldAlign caps member alignment: the pack alignment of a packed
// struct, 0 (no cap) otherwise.
func (t *Type) maxFieldAlign() int64 {
	if !t.Packed {
		return 0
	}
	return max(1, t.PackAlign)
}

// capAlign applies a pack limit (0: none) to an alignment.
func capAlign(a, limit int64) int64 {
	if limit > 0 && a > limit {
		return limit
	}
	return a
}

// layoutStruct lays entries out in order. A union occupies one LLVM
// member: the largest of its members, at an offset aligned for the
// most-aligned member. maxAlign > 0 caps every member's alignment (packed
// structs).
func layoutStruct(entries []Entry, maxAlign int64) *Layout {
	l := &Layout{Align: 1}
	index := 0
	for _, e := range entries {
		if e.Union != nil {
			var fields []Field
			collect(e.Union, &fields)
			size, align := int64(0), int64(1)
			for _, f := range fields {
				size = max(size, f.Type.Size())
				align = max(align, capAlign(f.Type.Align(), maxAlign))
			}
			// As in C, a union's size is a multiple of its alignment.
			size = alignUp(size, align)
			off := alignUp(l.Size, align)
			for _, f := range fields {
				l.Fields = append(l.Fields, FieldLayout{Field: f, Offset: off, Index: index})
			}
			l.Size = off + size
			l.Align = max(l.Align, align)
			index++
			continue
		}
		a := capAlign(e.Type.Align(), maxAlign)
		off := alignUp(l.Size, a)
		l.Fields = append(l.Fields, FieldLayout{Field: e.Field, Offset: off, Index: index})
		l.Size = off + e.Type.Size()
		l.Align = max(l.Align, a)
		index++
	}
	l.Size = alignUp(l.Size, l.Align)
	return l
}

func collect(es []Entry, out *[]Field) {
	for _, e := range es {
		if e.Union != nil {
			collect(e.Union, out)
		} else {
			*out = append(*out, e.Field)
		}
	}
}
