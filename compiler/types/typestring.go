// This file implements the printed names of types, as Terra prints them.
package types

import (
	"fmt"
	"strings"
)

func (t *Type) String() string {
	if t == nil {
		return "<nil type>"
	}
	switch t.Kind {
	case Pointer:
		if t.AddrSpace != 0 {
			return fmt.Sprintf("pointer(%s,%d)", t.Elem, t.AddrSpace)
		}
		return "&" + t.Elem.String()
	case Array:
		if t.Elem.Kind == Pointer || t.Elem.Kind == Func {
			return fmt.Sprintf("(%s)[%d]", t.Elem, t.N)
		}
		return fmt.Sprintf("%s[%d]", t.Elem, t.N)
	case Vector:
		return fmt.Sprintf("vector(%s,%d)", t.Elem, t.N)
	case Func:
		var b strings.Builder
		b.WriteString(tupleString(t.Params, t.Variadic))
		b.WriteString(" -> ")
		b.WriteString(t.Result.String())
		return b.String()
	case Struct:
		if t.IsTuple {
			var elems []*Type
			for _, e := range t.Entries {
				elems = append(elems, e.Type)
			}
			return tupleString(elems, false)
		}
		if t.name != "" {
			return t.name
		}
		if t.unique != "" {
			return t.unique
		}
		if t.StructInfo.Name == "" {
			return fmt.Sprintf("anon%d", t.id)
		}
		return t.StructInfo.Name
	}
	return t.name
}

func tupleString(elems []*Type, variadic bool) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, e := range elems {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(e.String())
	}
	if variadic {
		if len(elems) > 0 {
			b.WriteByte(',')
		}
		b.WriteString("...")
	}
	b.WriteByte('}')
	return b.String()
}

// SetDisplayName overrides the printed name of a struct (used to
// disambiguate distinct structs that share a name, and by __typename).
func (t *Type) SetDisplayName(name string) { t.name = name }
