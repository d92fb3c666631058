// This file implements the on-disk form of a Header: a small part read at
// once (dependencies, constants, macros, the sorted names of each table
// with the number of their type) and a type section with a table of
// offsets, from which one type, and the types it refers to, is decoded
// when a name is first looked up (see lazy.go). Sharing and cycles are
// kept: a type is stored once and referred to by number.

package cimport

import (
	"encoding/binary"
	"math"
	"sort"
)

// cacheVersion changes whenever the encoding or the meaning of the model
// changes, invalidating old cache files.
const cacheVersion = 10

// encMagic starts an encoded Header; the version follows it.
const encMagic = "terrac-cimport\n"

// Type flags, one bit each in the encoding.
const (
	fSigned = 1 << iota
	fLongDouble
	fComplete
	fPacked
	fHasBitfields
	fVariadic
	fNoProto
	fStatic
	fInline
	fTagless
)

type encoder struct{ b []byte }

func (e *encoder) u(x uint64) { e.b = binary.AppendUvarint(e.b, x) }
func (e *encoder) i(x int64)  { e.b = binary.AppendVarint(e.b, x) }
func (e *encoder) s(x string) { e.u(uint64(len(x))); e.b = append(e.b, x...) }

func (e *encoder) strs(l []string) {
	e.u(uint64(len(l)))
	for _, s := range l {
		e.s(s)
	}
}

// decoder reads what encoder wrote; past the end or on a malformed number
// it returns zero values and sets bad.
type decoder struct {
	b   []byte
	bad bool
}

func (d *decoder) u() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) i() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

// n reads a count, bounded by the bytes left (every item takes at least
// one), so that a corrupt count cannot make a huge allocation.
func (d *decoder) n() int {
	v := d.u()
	if v > uint64(len(d.b)) {
		d.bad, d.b = true, nil
		return 0
	}
	return int(v)
}

// n1 reads a count stored plus one (0 for a nil slice), bounded as n is.
func (d *decoder) n1() int {
	v := d.u()
	if v > uint64(len(d.b))+1 {
		d.bad, d.b = true, nil
		return 0
	}
	return int(v)
}

func (d *decoder) s() string {
	n := d.n()
	if d.bad {
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) take(n int) []byte {
	if n < 0 || n > len(d.b) {
		d.bad, d.b = true, nil
		return nil
	}
	r := d.b[:n]
	d.b = d.b[n:]
	return r
}

func (d *decoder) strs() []string {
	n := d.n()
	if n == 0 {
		return nil
	}
	r := make([]string, n)
	for i := range r {
		r[i] = d.s()
	}
	return r
}

// encode writes h, whose tables must be complete, and the files it
// depends on.
func encode(h *Header, deps []dep) []byte {
	e := &encoder{b: make([]byte, 0, 64<<10)}
	e.b = append(e.b, encMagic...)
	e.u(cacheVersion)
	e.u(uint64(len(deps)))
	for _, d := range deps {
		e.s(d.Path)
		switch {
		case d.Exists && d.Dir:
			e.u(2)
		case d.Exists:
			e.u(1)
		default:
			e.u(0)
		}
		e.i(d.Size)
		e.i(d.ModTime)
	}
	e.u(uint64(len(h.Enums)))
	for _, k := range sortedNames(h.Enums) {
		e.s(k)
		e.i(h.Enums[k])
	}
	e.u(uint64(len(h.IntMacros)))
	for _, k := range sortedNames(h.IntMacros) {
		c := h.IntMacros[k]
		e.s(k)
		e.i(c.Value)
		if c.Unsigned {
			e.u(1)
		} else {
			e.u(0)
		}
		e.i(c.Size)
	}
	e.u(uint64(len(h.FloatMacros)))
	for _, k := range sortedNames(h.FloatMacros) {
		e.s(k)
		e.u(math.Float64bits(h.FloatMacros[k]))
	}
	var lit []string
	for k, v := range h.Literal {
		if v {
			lit = append(lit, k)
		}
	}
	sort.Strings(lit)
	e.strs(lit)
	e.strs(h.Inline)
	e.strs(h.DefinedVars)
	e.u(uint64(len(h.Skipped)))
	for _, k := range sortedNames(h.Skipped) {
		e.s(k)
		e.s(h.Skipped[k])
	}

	// Number the types in the order the sorted tables reach them.
	index := map[*Type]uint64{}
	var order []*Type
	var ref func(t *Type) uint64
	ref = func(t *Type) uint64 {
		if t == nil {
			return 0
		}
		if i, ok := index[t]; ok {
			return i
		}
		order = append(order, t)
		i := uint64(len(order))
		index[t] = i
		ref(t.Elem)
		for _, f := range t.Fields {
			ref(f.Type)
		}
		for _, p := range t.Params {
			ref(p)
		}
		return i
	}
	for _, m := range h.tables() {
		names := sortedNames(m)
		e.u(uint64(len(names)))
		for _, k := range names {
			e.s(k)
			e.u(ref(m[k]))
		}
	}
	data := &encoder{}
	offs := make([]byte, 4*len(order))
	for i, t := range order {
		binary.LittleEndian.PutUint32(offs[4*i:], uint32(len(data.b)))
		encodeType(data, t, index)
	}
	e.u(uint64(len(order)))
	e.b = append(e.b, offs...)
	e.u(uint64(len(data.b)))
	e.b = append(e.b, data.b...)
	return e.b
}

func encodeType(e *encoder, t *Type, index map[*Type]uint64) {
	ref := func(t *Type) uint64 {
		if t == nil {
			return 0
		}
		return index[t]
	}
	e.u(uint64(t.Kind))
	e.i(t.Size)
	e.i(t.Align)
	e.i(t.Len)
	var f uint64
	for bit, on := range []bool{t.Signed, t.LongDouble, t.Complete, t.Packed, t.HasBitfields, t.Variadic, t.NoProto, t.Static, t.Inline, t.Tagless} {
		if on {
			f |= 1 << bit
		}
	}
	e.u(f)
	e.u(ref(t.Elem))
	e.s(t.Name)
	// Counts are stored plus one: 0 keeps a nil slice nil (an incomplete
	// record has nil Fields, a complete empty one an empty slice).
	if t.Fields == nil {
		e.u(0)
	} else {
		e.u(uint64(len(t.Fields)) + 1)
		for _, fl := range t.Fields {
			e.s(fl.Name)
			e.u(ref(fl.Type))
			e.i(fl.Offset)
			e.i(int64(fl.BitfieldWidth))
			e.i(int64(fl.BitOffset))
		}
	}
	if t.Params == nil {
		e.u(0)
	} else {
		e.u(uint64(len(t.Params)) + 1)
		for _, p := range t.Params {
			e.u(ref(p))
		}
	}
}

// decodeDeps reads the start of an encoding up to the dependencies, so a
// stale entry is rejected before anything else is decoded.
func decodeDeps(data []byte) (*decoder, []dep, bool) {
	d := &decoder{b: data}
	if string(d.take(len(encMagic))) != encMagic || d.u() != cacheVersion {
		return nil, nil, false
	}
	deps := make([]dep, d.n())
	for i := range deps {
		deps[i].Path = d.s()
		k := d.u()
		deps[i].Exists, deps[i].Dir = k != 0, k == 2
		deps[i].Size, deps[i].ModTime = d.i(), d.i()
	}
	return d, deps, !d.bad
}

// decodeRest reads the rest of an encoding after decodeDeps: everything
// but the types, which stay encoded in the returned Header's lazy tables.
func decodeRest(d *decoder) (*Header, bool) {
	h := newHeader()
	for n := d.n(); n > 0; n-- {
		k := d.s()
		h.Enums[k] = d.i()
	}
	for n := d.n(); n > 0; n-- {
		k := d.s()
		h.IntMacros[k] = IntConst{Value: d.i(), Unsigned: d.u() == 1, Size: d.i()}
	}
	for n := d.n(); n > 0; n-- {
		k := d.s()
		h.FloatMacros[k] = math.Float64frombits(d.u())
	}
	for _, k := range d.strs() {
		h.Literal[k] = true
	}
	h.Inline = d.strs()
	h.DefinedVars = d.strs()
	for n := d.n(); n > 0; n-- {
		k := d.s()
		h.Skipped[k] = d.s()
	}
	l := &lazyTypes{}
	for ns := range l.names {
		n := d.n()
		l.names[ns] = make([]string, n)
		l.refs[ns] = make([]uint64, n)
		for i := 0; i < n; i++ {
			l.names[ns][i] = d.s()
			l.refs[ns][i] = d.u()
		}
	}
	n := d.n()
	l.offs = d.take(4 * n)
	l.data = d.take(d.n())
	if d.bad || len(d.b) != 0 {
		return nil, false
	}
	l.types = make([]*Type, n)
	for ns := range l.names {
		if !sort.StringsAreSorted(l.names[ns]) {
			return nil, false
		}
		for _, r := range l.refs[ns] {
			if r == 0 || r > uint64(n) {
				return nil, false
			}
		}
	}
	h.lazy = l
	return h, true
}

// corruptType stands for a type whose encoding is malformed; the entry's
// hash matched, so only a bug in encode can produce one.
func corruptType() *Type {
	return &Type{Kind: Unsupported, Name: "type from a malformed cache entry"}
}

// decodeType returns type number i (1-based; 0 is nil), decoding it and
// what it refers to on first use. The caller holds l.mu.
func (l *lazyTypes) decodeType(i uint64) *Type {
	if i == 0 {
		return nil
	}
	if i > uint64(len(l.types)) {
		return corruptType()
	}
	if t := l.types[i-1]; t != nil {
		return t
	}
	t := &Type{}
	l.types[i-1] = t // before the references: cycles come back here
	off := binary.LittleEndian.Uint32(l.offs[4*(i-1):])
	if uint64(off) >= uint64(len(l.data)) {
		*t = *corruptType()
		return t
	}
	d := &decoder{b: l.data[off:]}
	t.Kind = Kind(d.u())
	t.Size, t.Align, t.Len = d.i(), d.i(), d.i()
	f := d.u()
	t.Signed, t.LongDouble, t.Complete, t.Packed = f&fSigned != 0, f&fLongDouble != 0, f&fComplete != 0, f&fPacked != 0
	t.HasBitfields, t.Variadic, t.NoProto, t.Static = f&fHasBitfields != 0, f&fVariadic != 0, f&fNoProto != 0, f&fStatic != 0
	t.Inline, t.Tagless = f&fInline != 0, f&fTagless != 0
	elem := d.u()
	t.Name = d.s()
	if n := d.n1(); n > 0 {
		t.Fields = make([]Field, n-1)
		for j := range t.Fields {
			t.Fields[j] = Field{Name: d.s()}
			fr := d.u()
			t.Fields[j].Offset, t.Fields[j].BitfieldWidth, t.Fields[j].BitOffset = d.i(), int(d.i()), int(d.i())
			if d.bad {
				break
			}
			t.Fields[j].Type = l.decodeType(fr)
		}
	}
	var params []uint64
	if n := d.n1(); n > 0 {
		params = make([]uint64, n-1)
		for j := range params {
			params[j] = d.u()
		}
	}
	if d.bad {
		*t = *corruptType()
		return t
	}
	t.Elem = l.decodeType(elem)
	if params != nil {
		t.Params = make([]*Type, len(params))
		for j, p := range params {
			t.Params[j] = l.decodeType(p)
		}
	}
	return t
}

func sortedNames[V any](m map[string]V) []string {
	r := make([]string, 0, len(m))
	for k := range m {
		r = append(r, k)
	}
	sort.Strings(r)
	return r
}
