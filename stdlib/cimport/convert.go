// This file implements the conversion of cc/v4 types to the neutral model,
// memoized so that each C struct, union and enum becomes one *Type.

package cimport

import (
	"fmt"

	"modernc.org/cc/v4"
)

// converter turns cc.Types into *Types for one translation unit.
type converter struct {
	memo    map[cc.Type]*Type    // by cc type identity, all kinds
	records map[recordKey]*Type  // structs, unions, enums by declaration
	tags    map[*Type]recordInfo // for Header.Tags
}

// recordKey identifies a struct, union or enum declaration across the
// copies cc makes of its type (typedefs, attributes, forward references).
type recordKey struct {
	kind  cc.Kind
	scope *cc.Scope
	tag   string
	first *cc.Declarator // anonymous records: the first named member
	other cc.Type        // anonymous records without named members
}

type recordInfo struct {
	tag   string
	scope *cc.Scope
}

func newConverter() *converter {
	return &converter{memo: map[cc.Type]*Type{}, records: map[recordKey]*Type{}, tags: map[*Type]recordInfo{}}
}

// typ converts t. It never returns nil.
func (c *converter) typ(t cc.Type) *Type {
	if t == nil {
		return &Type{Kind: Unsupported, Name: "<invalid>", Size: -1}
	}
	if r := c.memo[t]; r != nil {
		return r
	}
	r := c.convert(t)
	c.memo[t] = r
	return r
}

func (c *converter) convert(t cc.Type) *Type {
	if n := t.VectorSize(); n > 0 && t.Kind() != cc.Ptr {
		elem := c.scalar(t.Kind(), t)
		if elem.Size <= 0 {
			return unsupported(t)
		}
		return &Type{Kind: Vector, Elem: elem, Len: n / elem.Size, Size: n, Align: int64(t.Align()), Complete: true}
	}
	switch x := t.(type) {
	case *cc.PointerType:
		r := &Type{Kind: Pointer, Size: x.Size(), Align: int64(x.Align()), Complete: true}
		c.memo[t] = r // before Elem: a struct may point to itself through typedefs
		r.Elem = c.typ(x.Elem())
		return r
	case *cc.ArrayType:
		if x.IsVLA() {
			return unsupported(t)
		}
		r := &Type{Kind: Array, Elem: c.typ(x.Elem()), Len: x.Len(), Size: x.Size(), Align: int64(x.Align())}
		if x.IsIncomplete() || x.Len() < 0 {
			r.Len, r.Size = -1, -1
		}
		r.Complete = r.Len >= 0 && r.Elem.Complete
		return r
	case *cc.FunctionType:
		return c.function(x)
	case *cc.StructType:
		tag := x.Tag()
		return c.record(t, Struct, tag.SrcStr(), x.LexicalScope(), x.NumFields(), x.FieldByIndex)
	case *cc.UnionType:
		tag := x.Tag()
		return c.record(t, Union, tag.SrcStr(), x.LexicalScope(), x.NumFields(), x.FieldByIndex)
	case *cc.EnumType:
		return c.enum(x)
	case *cc.PredefinedType:
		return c.scalar(x.Kind(), t)
	}
	return unsupported(t)
}

func unsupported(t cc.Type) *Type {
	r := &Type{Kind: Unsupported, Name: fmt.Sprint(t), Size: -1}
	if t.Kind() != cc.InvalidKind && !t.IsIncomplete() {
		r.Size, r.Align = t.Size(), int64(t.Align())
	}
	return r
}

// scalar converts a predefined arithmetic or void type of kind k.
func (c *converter) scalar(k cc.Kind, t cc.Type) *Type {
	r := &Type{Name: k.String(), Size: t.Size(), Align: int64(t.Align()), Complete: true}
	if t.VectorSize() > 0 {
		// t is the vector; the element has the predefined size of k.
		r.Size, r.Align = -1, 0
		if sz, ok := scalarSizes[k]; ok {
			r.Size, r.Align = sz, sz
		}
	}
	switch k {
	case cc.Void:
		r.Kind, r.Size, r.Align = Void, -1, 0
	case cc.Bool:
		r.Kind = Bool
	case cc.Char, cc.SChar, cc.UChar, cc.Short, cc.UShort, cc.Int, cc.UInt,
		cc.Long, cc.ULong, cc.LongLong, cc.ULongLong, cc.Int128, cc.UInt128:
		r.Kind, r.Signed = Int, cc.IsSignedInteger(t)
		if t.VectorSize() > 0 {
			r.Signed = signedKinds[k]
		}
	case cc.Float, cc.Float32:
		r.Kind = Float
	case cc.Double, cc.Float64, cc.Float32x:
		r.Kind = Float
	case cc.LongDouble, cc.Float64x:
		r.Kind, r.LongDouble = Float, r.Size > 8
	default: // complex, _Float16, __bf16, _Float128, decimal floats
		r.Kind = Unsupported
	}
	return r
}

var scalarSizes = map[cc.Kind]int64{cc.Char: 1, cc.SChar: 1, cc.UChar: 1, cc.Short: 2, cc.UShort: 2,
	cc.Int: 4, cc.UInt: 4, cc.Long: 8, cc.ULong: 8, cc.LongLong: 8, cc.ULongLong: 8, cc.Float: 4, cc.Double: 8}

var signedKinds = map[cc.Kind]bool{cc.Char: true, cc.SChar: true, cc.Short: true, cc.Int: true,
	cc.Long: true, cc.LongLong: true, cc.Int128: true}

func (c *converter) function(x *cc.FunctionType) *Type {
	r := &Type{Kind: Func, Size: -1, Variadic: x.IsVariadic(), Complete: true}
	c.memo[x] = r
	r.Elem = c.typ(x.Result())
	params := x.Parameters()
	if len(params) == 1 && params[0].Type().Kind() == cc.Void && params[0].Name() == "" {
		params = nil // f(void)
	}
	if x.MaxArgs() < 0 && len(params) == 0 && !x.IsVariadic() {
		r.NoProto = true
	}
	for _, p := range params {
		r.Params = append(r.Params, c.typ(p.Type().Decay()))
	}
	return r
}

// record converts a struct or union, once per declaration.
func (c *converter) record(t cc.Type, kind Kind, tag string, scope *cc.Scope, n int, field func(int) *cc.Field) *Type {
	key := recordKey{kind: t.Kind(), tag: tag, scope: scope}
	if tag == "" {
		key.scope = nil
		if key.first = firstDeclarator(n, field); key.first == nil {
			key.other = t
		}
	}
	r := c.records[key]
	if r == nil {
		r = &Type{Kind: kind, Name: tag, Size: -1}
		c.records[key] = r
		if tag != "" {
			c.tags[r] = recordInfo{tag: tag, scope: scope}
		}
	}
	c.memo[t] = r
	if r.Complete || t.IsIncomplete() {
		return r
	}
	r.Complete = true
	r.Size, r.Align = t.Size(), int64(t.Align())
	if a := t.Attributes(); a != nil && a.Packed() {
		r.Packed = true
	}
	r.Fields = make([]Field, 0, n)
	for i := 0; i < n; i++ {
		f := field(i)
		ft := c.typ(f.Type())
		fd := Field{Name: f.Name(), Type: ft, Offset: f.Offset()}
		if f.IsBitfield() {
			fd.BitfieldWidth, fd.BitOffset = int(f.ValueBits()), f.OffsetBits()
			r.HasBitfields = true
			if fd.BitfieldWidth == 0 {
				continue // `int :0` only affects layout, which cc already applied
			}
		} else if f.IsFlexibleArrayMember() && ft.Kind == Array && ft.Len != -1 {
			ft2 := *ft
			ft2.Len, ft2.Size, ft2.Complete = -1, -1, false
			fd.Type = &ft2
		}
		if fd.Name == "" && (ft.Kind == Struct || ft.Kind == Union) && ft.HasBitfields {
			r.HasBitfields = true
		}
		if ft.Align > 0 && fd.Offset%ft.Align != 0 && fd.BitfieldWidth == 0 {
			r.Packed = true
		}
		r.Fields = append(r.Fields, fd)
	}
	return r
}

func firstDeclarator(n int, field func(int) *cc.Field) *cc.Declarator {
	for i := 0; i < n; i++ {
		if d := field(i).Declarator(); d != nil {
			return d
		}
	}
	return nil
}

func (c *converter) enum(x *cc.EnumType) *Type {
	tok := x.Tag()
	tag := tok.SrcStr()
	key := recordKey{kind: cc.Enum, tag: tag, scope: x.LexicalScope()}
	if tag == "" {
		key.scope, key.other = nil, x
		if es := x.Enumerators(); len(es) > 0 {
			key.other = nil
			key.first = nil
			key.tag = "\x00" + es[0].Token.SrcStr() // enumerator names are unique in a scope
		}
	}
	r := c.records[key]
	if r == nil {
		r = &Type{Kind: Enum, Name: tag, Size: -1}
		c.records[key] = r
		if tag != "" {
			c.tags[r] = recordInfo{tag: tag, scope: x.LexicalScope()}
		}
	}
	c.memo[x] = r
	if r.Complete || x.IsIncomplete() {
		return r
	}
	r.Complete = true
	r.Size, r.Align = x.Size(), int64(x.Align())
	r.Elem = c.typ(x.UnderlyingType())
	return r
}
