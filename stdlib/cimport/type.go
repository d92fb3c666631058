// This file implements the neutral C type model: Kind, Type and Field.

package cimport

import (
	"fmt"
	"strings"
)

// Kind classifies a C type.
type Kind int

// The kinds of C types. The numbering is part of the on-disk cache format:
// append only, never renumber (bump cacheVersion otherwise).
const (
	Unsupported Kind = iota // a type the model cannot express; Name says which
	Void
	Bool
	Int     // Size 1, 2, 4, 8 or 16; Signed
	Float   // Size 4, 8, or 16 with LongDouble
	Pointer // Elem
	Array   // Elem, Len (-1: flexible or incomplete)
	Struct  // Name (tag), Fields (nil when incomplete)
	Union   // Name (tag), Fields (nil when incomplete)
	Func    // Elem is the result, Params, Variadic
	Enum    // Elem is the underlying integer type; Name (tag)
	Vector  // __attribute__((vector_size)): Elem, Len
)

var kindNames = [...]string{"unsupported", "void", "bool", "int", "float", "pointer", "array", "struct", "union", "func", "enum", "vector"}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Type is a C type, laid out for the host ABI. Struct, union and enum types
// are unique per declaration and may be reached cyclically through pointers.
type Type struct {
	Kind  Kind
	Size  int64 // bytes; -1 when unknown (incomplete types, functions)
	Align int64 // bytes; 0 when unknown

	Signed     bool // Int: signed
	LongDouble bool // Float: x87 long double (Size 16 on amd64)

	Elem *Type // Pointer, Array, Vector: element; Func: result; Enum: underlying integer type
	Len  int64 // Array, Vector: element count; -1 for a flexible or incomplete array

	// Name is the tag of a struct, union or enum, the typedef name of an
	// anonymous one, "" for an anonymous one without typedef; for Int,
	// Float and Unsupported, the C spelling ("unsigned long", "_Complex
	// double").
	Name string

	Fields       []Field // Struct, Union: members in order; nil if incomplete
	Complete     bool    // Struct, Union, Enum: defined; other kinds: size known
	Packed       bool    // Struct, Union: __attribute__((packed)) or #pragma pack
	HasBitfields bool    // Struct, Union: some member, possibly nested anonymous, is a bitfield

	Params   []*Type // Func: parameter types, arrays and functions decayed to pointers
	Variadic bool    // Func: ends with ...
	NoProto  bool    // Func: K&R declaration without prototype, `int f()`
	Static   bool    // Func: declared static (internal linkage)
	Inline   bool    // Func: declared inline (clang may emit no external definition)

	// Tagless: Struct, Union, Enum without a tag whose Name is the typedef
	// that names it; such a name lives in the ordinary namespace, not the
	// tag namespace, so it must not be confused with a tag of that name.
	Tagless bool
}

// Field is a member of a struct or union.
type Field struct {
	Name          string // "" for an anonymous nested struct/union or unnamed bitfield
	Type          *Type
	Offset        int64 // byte offset in the enclosing struct or union
	BitfieldWidth int   // width in bits, 0 when not a bitfield
	BitOffset     int   // bitfields: bit offset from Offset, little-endian
}

// String renders t in C-like syntax for diagnostics and tests; struct,
// union and enum types print as their tag only, so cycles are harmless.
func (t *Type) String() string {
	var b strings.Builder
	t.write(&b)
	return b.String()
}

func (t *Type) write(b *strings.Builder) {
	if t == nil {
		b.WriteString("<nil>")
		return
	}
	switch t.Kind {
	case Void:
		b.WriteString("void")
	case Bool:
		b.WriteString("_Bool")
	case Int, Float, Unsupported:
		b.WriteString(t.Name)
	case Pointer:
		t.Elem.write(b)
		b.WriteString("*")
	case Array:
		t.Elem.write(b)
		if t.Len < 0 {
			b.WriteString("[]")
		} else {
			fmt.Fprintf(b, "[%d]", t.Len)
		}
	case Vector:
		t.Elem.write(b)
		fmt.Fprintf(b, " vector[%d]", t.Len)
	case Struct, Union, Enum:
		b.WriteString(t.Kind.String())
		if t.Name != "" {
			b.WriteString(" " + t.Name)
		} else {
			b.WriteString(" <anonymous>")
		}
	case Func:
		t.Elem.write(b)
		b.WriteString("(")
		for i, p := range t.Params {
			if i > 0 {
				b.WriteString(", ")
			}
			p.write(b)
		}
		if t.Variadic {
			if len(t.Params) > 0 {
				b.WriteString(", ")
			}
			b.WriteString("...")
		}
		b.WriteString(")")
	default:
		b.WriteString(t.Kind.String())
	}
}
