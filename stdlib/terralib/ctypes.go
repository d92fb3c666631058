// This file implements the mapping of C types (stdlib/cimport's model) to
// Terra types, memoized by C type identity within an import and by name
// across imports, so that a struct included twice is one type.
package terralib

import (
	"fmt"
	"strings"

	"terrac/compiler/types"
	"terrac/stdlib/cimport"
)

// cmapper maps cimport types to Terra types, memoized by C type identity.
type cmapper struct {
	rt         *Runtime
	recs       *cRecords // the program-wide records of includec, or of ffi.cdef
	done       map[*cimport.Type]*types.Type
	layoutErrs map[*cimport.Type]string // records left opaque, and why
}

// cRecords names C records program-wide (see record).
type cRecords struct {
	byName map[string]*types.Type // by recordName
	layout map[*types.Type]string // the C layout each was defined with
	opaque map[*types.Type]bool   // declared only, or with bitfields: no value can be made
}

func newCmapper(rt *Runtime, recs *cRecords) *cmapper {
	if recs.byName == nil {
		recs.byName, recs.layout, recs.opaque = map[string]*types.Type{}, map[*types.Type]string{}, map[*types.Type]bool{}
	}
	return &cmapper{rt: rt, recs: recs, done: map[*cimport.Type]*types.Type{}, layoutErrs: map[*cimport.Type]string{}}
}

func (m *cmapper) funcType(c *cimport.Type) (*types.Type, error) {
	var params []*types.Type
	for _, p := range c.Params {
		t, err := m.typ(p)
		if err != nil {
			return nil, err
		}
		if t.Kind == types.Array {
			t = types.PointerTo(t.Elem)
		}
		params = append(params, t)
	}
	var ret *types.Type
	if c.Elem != nil && c.Elem.Kind != cimport.Void {
		r, err := m.typ(c.Elem)
		if err != nil {
			return nil, err
		}
		ret = r
	}
	return types.FuncOf(params, ret, c.Variadic), nil
}

func (m *cmapper) typ(c *cimport.Type) (*types.Type, error) {
	if t, ok := m.done[c]; ok {
		return t, nil
	}
	t, err := m.makeType(c)
	if err == nil {
		m.done[c] = t
	}
	return t, err
}

func (m *cmapper) makeType(c *cimport.Type) (*types.Type, error) {
	switch c.Kind {
	case cimport.Void:
		return types.OpaqueT, nil
	case cimport.Bool:
		return types.Boolean, nil
	case cimport.Int:
		return intType(c.Size, c.Signed)
	case cimport.Enum:
		if c.Elem != nil {
			return intType(c.Elem.Size, c.Elem.Signed)
		}
		return types.Uint32, nil
	case cimport.Float:
		switch {
		case c.LongDouble:
			return nil, fmt.Errorf("long double is not supported")
		case c.Size == 4:
			return types.Float32, nil
		case c.Size == 8:
			return types.Float64, nil
		}
	case cimport.Pointer:
		if c.Elem.Kind == cimport.Func {
			ft, err := m.funcType(c.Elem)
			if err != nil {
				return types.PointerTo(types.OpaqueT), nil
			}
			return types.PointerTo(ft), nil
		}
		e, err := m.typ(c.Elem)
		if err != nil {
			// A pointer to something we cannot express is still a
			// pointer: keep it usable as &opaque.
			return types.PointerTo(types.OpaqueT), nil
		}
		return types.PointerTo(e), nil
	case cimport.Array:
		e, err := m.typ(c.Elem)
		if err != nil {
			return nil, err
		}
		n := c.Len
		if n < 0 {
			n = 0
		}
		return types.ArrayOf(e, int(n)), nil
	case cimport.Vector:
		e, err := m.typ(c.Elem)
		if err != nil {
			return nil, err
		}
		return types.VectorOf(e, int(c.Len)), nil
	case cimport.Struct, cimport.Union:
		return m.record(c)
	case cimport.Func:
		return m.funcType(c)
	}
	return nil, fmt.Errorf("unsupported C type %s", c)
}

func intType(size int64, signed bool) (*types.Type, error) {
	switch size {
	case 1:
		if signed {
			return types.Int8, nil
		}
		return types.Uint8, nil
	case 2:
		if signed {
			return types.Int16, nil
		}
		return types.Uint16, nil
	case 4:
		if signed {
			return types.Int32, nil
		}
		return types.Uint32, nil
	case 8:
		if signed {
			return types.Int64, nil
		}
		return types.Uint64, nil
	}
	return nil, fmt.Errorf("unsupported integer size %d", size)
}

// record maps a C struct or union. Incomplete ones and ones with
// bitfields stay opaque structs (usable behind pointers), as Terra does
// for bitfields; the reason is recorded for the errors table. Packed ones
// (__attribute__((packed)), #pragma pack) become packed Terra structs.
//
// As in Terra, a named record is one Terra type for the whole program,
// whatever import sees it: tags and the typedef names of tagless records
// are two namespaces. A declaration seen before the definition gives the
// type that the definition later fills in. A definition whose layout
// differs from the one already mapped (different -D flags, say) gets a
// type of its own rather than a wrong layout.
func (m *cmapper) record(c *cimport.Type) (*types.Type, error) {
	name := c.Name
	if name == "" {
		name = "anon"
	}
	key, layout := recordName(c), recordKey(c)
	var t *types.Type
	if key != "" {
		if old := m.recs.byName[key]; old != nil {
			have := m.recs.layout[old]
			switch {
			case !c.Complete || have == layout:
				m.done[c] = old
				return old, nil
			case have == "" && !old.CompletionStarted():
				t = old // declared before, defined now
			}
		}
	}
	if t == nil {
		t = m.rt.newStruct(name)
		if key != "" && m.recs.byName[key] == nil {
			m.recs.byName[key] = t
		}
	}
	m.done[c] = t
	if !c.Complete || c.Fields == nil {
		m.recs.opaque[t] = true
		return t, nil
	}
	delete(m.recs.opaque, t)
	m.recs.layout[t] = layout
	var entries, union []types.Entry
	if c.HasBitfields && c.Kind == cimport.Union {
		// A union's bit-fields overlap everything: one unnamed integer
		// array the union's size stands for them.
		for i, f := range c.Fields {
			if f.BitfieldWidth > 0 || f.Type == nil {
				continue
			}
			ft, err := m.typ(f.Type)
			if err != nil {
				m.layoutErrs[c] = fmt.Sprintf("member %s: %v", f.Name, err)
				return t, nil
			}
			name := f.Name
			if name == "" {
				name = fmt.Sprintf("_%d", i)
			}
			union = append(union, types.Entry{Field: types.Field{Name: name, Type: ft}})
		}
		w := int64(8)
		for w > 1 && (w > int64(c.Align) || int64(c.Size)%w != 0) {
			w /= 2
		}
		it := map[int64]*types.Type{8: types.Uint64, 4: types.Uint32, 2: types.Uint16, 1: types.Uint8}[w]
		union = append(union, types.Entry{Field: types.Field{Name: "_bits", Type: types.ArrayOf(it, int(int64(c.Size)/w))}})
	} else if c.HasBitfields {
		// Bit-fields have no Terra equivalent: their storage becomes
		// unnamed integer fields, so the size, alignment and the other
		// members' offsets stay C's and the struct can be declared,
		// passed and pointed to.
		var err error
		if entries, err = m.bitfieldEntries(c); err != nil {
			m.layoutErrs[c] = err.Error()
			return t, nil
		}
	}
	for i, f := range c.Fields {
		if c.HasBitfields {
			break
		}
		ft, err := m.typ(f.Type)
		if err != nil {
			// Keep the layout honest: an unmappable member makes the
			// whole struct opaque.
			m.layoutErrs[c] = fmt.Sprintf("member %s: %v", f.Name, err)
			return t, nil
		}
		fname := f.Name
		if fname == "" {
			fname = fmt.Sprintf("_%d", i)
		}
		e := types.Entry{Field: types.Field{Name: fname, Type: ft}}
		if c.Kind == cimport.Union {
			union = append(union, e)
			continue
		}
		entries = append(entries, e)
	}
	if c.Kind == cimport.Union {
		entries = []types.Entry{{Union: union}}
	}
	// A packed struct's members are aligned to at most the struct's own
	// alignment (1 for the attribute, N for #pragma pack(N)). `#pragma
	// pack` over naturally placed members only shows in that alignment,
	// so a natural layout that does not match is retried packed.
	packed := c.Packed
	why := ""
	if !packed {
		if why = layoutMismatch(c, entries, false); why != "" {
			packed = true
		}
	}
	if packed {
		if w := layoutMismatch(c, entries, true); w == "" || why == "" {
			why = w
		}
	}
	if why != "" {
		m.layoutErrs[c] = why
		return t, nil
	}
	t.Packed, t.PackAlign = packed, c.Align
	t.Defined = true
	sl := t.Lua.(*structLua)
	for _, e := range entries {
		sl.entries.Append(m.rt.entryValue(e))
	}
	return t, nil
}

// bitfieldEntries lays out a struct with bit-fields: its ordinary members,
// with the bytes between them (the bit-fields' storage) filled by unnamed
// integer arrays (_bitsN), each of the widest integer the offset, length
// and the struct's alignment allow.
func (m *cmapper) bitfieldEntries(c *cimport.Type) ([]types.Entry, error) {
	var entries []types.Entry
	at := int64(0)
	gap := 0
	fill := func(to int64) {
		for at < to {
			w := int64(8)
			for w > 1 && (w > int64(c.Align) || at%w != 0 || to-at < w) {
				w /= 2
			}
			n := (to - at) / w
			if a := at % 8; w == 1 && a != 0 && n > 8-a {
				n = 8 - a // bytes up to the next 8-byte boundary, then wider
			}
			var it *types.Type
			switch w {
			case 8:
				it = types.Uint64
			case 4:
				it = types.Uint32
			case 2:
				it = types.Uint16
			default:
				it = types.Uint8
			}
			entries = append(entries, types.Entry{Field: types.Field{Name: fmt.Sprintf("_bits%d", gap), Type: types.ArrayOf(it, int(n))}})
			gap++
			at += n * w
		}
	}
	for i, f := range c.Fields {
		if f.BitfieldWidth > 0 || f.Type == nil {
			continue
		}
		ft, err := m.typ(f.Type)
		if err != nil {
			return nil, fmt.Errorf("member %s: %v", f.Name, err)
		}
		if int64(f.Offset) < at {
			return nil, fmt.Errorf("member %s overlaps a bit-field; imported as an opaque type", f.Name)
		}
		fill(int64(f.Offset))
		name := f.Name
		if name == "" {
			name = fmt.Sprintf("_%d", i)
		}
		entries = append(entries, types.Entry{Field: types.Field{Name: name, Type: ft}})
		at = int64(f.Offset) + ft.Size()
	}
	fill(int64(c.Size))
	return entries, nil
}

// layoutMismatch compares the layout Terra gives entries with C's (an
// aligned attribute on a member, for one, is invisible to Terra) and
// says how they differ, or "".
func layoutMismatch(c *cimport.Type, entries []types.Entry, packed bool) string {
	tmp := types.NewStruct(c.Name)
	tmp.Entries = entries
	tmp.Packed, tmp.PackAlign = packed, c.Align
	l, err := tmp.Layout()
	if err != nil {
		return err.Error()
	}
	if l.Size != c.Size || l.Align != c.Align {
		return fmt.Sprintf("C layout (size %d, align %d) differs from Terra's (size %d, align %d); imported as an opaque type", c.Size, c.Align, l.Size, l.Align)
	}
	if c.Kind == cimport.Struct && !c.HasBitfields {
		for i, f := range l.Fields {
			if i < len(c.Fields) && c.Fields[i].Offset != f.Offset {
				return fmt.Sprintf("C places member %s at offset %d, Terra at %d; imported as an opaque type", f.Name, c.Fields[i].Offset, f.Offset)
			}
		}
	}
	return ""
}

// recordName is the program-wide name of a C record: its tag, or the
// typedef name of a tagless one; "" for an anonymous one.
func recordName(c *cimport.Type) string {
	switch {
	case c.Name == "":
		return ""
	case c.Tagless:
		return "typedef " + c.Name
	}
	return "tag " + c.Name
}

// recordKey describes the layout of a complete C record, so that two
// definitions under one name can be told apart.
func recordKey(c *cimport.Type) string {
	if !c.Complete {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %d %d %v|", c.Kind, c.Size, c.Align, c.Packed)
	for _, f := range c.Fields {
		fmt.Fprintf(&b, "%s:%d:%d:%s;", f.Name, f.Offset, f.BitfieldWidth, f.Type)
	}
	return b.String()
}

// reason says why a record was left opaque, or "".
func (m *cmapper) opaqueReason(c *cimport.Type) string {
	if !c.Complete || c.Fields == nil {
		return ""
	}
	return m.layoutErrs[c]
}
