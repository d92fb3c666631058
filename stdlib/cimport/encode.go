// This file implements the flat, index-linked form of a Header that the
// disk cache stores with encoding/gob; it preserves sharing and cycles.

package cimport

// cacheVersion changes whenever the encoding or the meaning of the model
// changes, invalidating old cache files.
const cacheVersion = 8

type encType struct {
	Kind                                    Kind
	Size, Align, Len                        int64
	Signed, LongDouble, Complete, Packed    bool
	HasBitfields, Variadic, NoProto, Static bool
	Inline, Tagless                         bool
	Elem                                    int32 // index+1, 0 for nil
	Name                                    string
	Fields                                  []encField
	Params                                  []int32
}

type encField struct {
	Name                 string
	Type                 int32
	Offset               int64
	BitfieldWidth, BitOf int
}

type encHeader struct {
	Version     int
	Deps        []dep
	Types       []encType
	Funcs       map[string]int32
	Vars        map[string]int32
	Typedefs    map[string]int32
	Tags        map[string]int32
	Enums       map[string]int64
	IntMacros   map[string]IntConst
	FloatMacros map[string]float64
	Literal     map[string]bool
	Inline      []string
	DefinedVars []string
	Skipped     map[string]string
}

// flatten numbers every *Type reachable from h, once per pointer.
func flatten(h *Header, deps []dep) *encHeader {
	e := &encHeader{Version: cacheVersion, Deps: deps, Enums: h.Enums, IntMacros: h.IntMacros,
		FloatMacros: h.FloatMacros, Literal: h.Literal, Inline: h.Inline, DefinedVars: h.DefinedVars, Skipped: h.Skipped}
	index := map[*Type]int32{}
	var ref func(t *Type) int32
	ref = func(t *Type) int32 {
		if t == nil {
			return 0
		}
		if i, ok := index[t]; ok {
			return i
		}
		e.Types = append(e.Types, encType{})
		i := int32(len(e.Types))
		index[t] = i
		et := encType{Kind: t.Kind, Size: t.Size, Align: t.Align, Len: t.Len, Signed: t.Signed,
			LongDouble: t.LongDouble, Complete: t.Complete, Packed: t.Packed, HasBitfields: t.HasBitfields,
			Variadic: t.Variadic, NoProto: t.NoProto, Static: t.Static, Inline: t.Inline, Tagless: t.Tagless, Name: t.Name}
		et.Elem = ref(t.Elem)
		if t.Fields != nil {
			et.Fields = make([]encField, len(t.Fields))
			for j, f := range t.Fields {
				et.Fields[j] = encField{Name: f.Name, Type: ref(f.Type), Offset: f.Offset, BitfieldWidth: f.BitfieldWidth, BitOf: f.BitOffset}
			}
		}
		for _, p := range t.Params {
			et.Params = append(et.Params, ref(p))
		}
		e.Types[i-1] = et
		return i
	}
	table := func(m map[string]*Type) map[string]int32 {
		r := make(map[string]int32, len(m))
		for k, t := range m {
			r[k] = ref(t)
		}
		return r
	}
	e.Funcs, e.Vars, e.Typedefs, e.Tags = table(h.Funcs), table(h.Vars), table(h.Typedefs), table(h.Tags)
	return e
}

// unflatten rebuilds the Header; it reports false for a malformed encoding.
func (e *encHeader) unflatten() (*Header, bool) {
	types := make([]Type, len(e.Types))
	ok := true
	ptr := func(i int32) *Type {
		if i == 0 {
			return nil
		}
		if i < 0 || int(i) > len(types) {
			ok = false
			return nil
		}
		return &types[i-1]
	}
	for i := range e.Types {
		et := &e.Types[i]
		t := &types[i]
		*t = Type{Kind: et.Kind, Size: et.Size, Align: et.Align, Len: et.Len, Signed: et.Signed,
			LongDouble: et.LongDouble, Complete: et.Complete, Packed: et.Packed, HasBitfields: et.HasBitfields,
			Variadic: et.Variadic, NoProto: et.NoProto, Static: et.Static, Inline: et.Inline, Tagless: et.Tagless, Name: et.Name, Elem: ptr(et.Elem)}
		if et.Fields != nil {
			t.Fields = make([]Field, len(et.Fields))
			for j, f := range et.Fields {
				t.Fields[j] = Field{Name: f.Name, Type: ptr(f.Type), Offset: f.Offset, BitfieldWidth: f.BitfieldWidth, BitOffset: f.BitOf}
			}
		}
		if et.Params != nil {
			t.Params = make([]*Type, len(et.Params))
			for j, p := range et.Params {
				t.Params[j] = ptr(p)
			}
		}
	}
	table := func(m map[string]int32) map[string]*Type {
		r := make(map[string]*Type, len(m))
		for k, i := range m {
			r[k] = ptr(i)
		}
		return r
	}
	h := &Header{Funcs: table(e.Funcs), Vars: table(e.Vars), Typedefs: table(e.Typedefs), Tags: table(e.Tags),
		Enums: e.Enums, IntMacros: e.IntMacros, FloatMacros: e.FloatMacros, Literal: e.Literal, Inline: e.Inline, DefinedVars: e.DefinedVars, Skipped: e.Skipped}
	for _, m := range []*map[string]int64{&h.Enums} {
		if *m == nil {
			*m = map[string]int64{}
		}
	}
	if h.IntMacros == nil {
		h.IntMacros = map[string]IntConst{}
	}
	if h.FloatMacros == nil {
		h.FloatMacros = map[string]float64{}
	}
	if h.Skipped == nil {
		h.Skipped = map[string]string{}
	}
	if h.Literal == nil {
		h.Literal = map[string]bool{}
	}
	return h, ok
}
