// This file implements T:cstring(): the C identifier that names type T
// in C declarations (Terra gives every type one, for LuaJIT's ffi).
// Scalars use their C names; every other type gets a fresh identifier
// derived from what it is, unique within the program, and keeps it.
package terralib

import (
	"fmt"
	"regexp"
	"strconv"

	"terrac/compiler/types"
)

// cNames holds the identifiers handed out so far.
type cNames struct {
	byType map[*types.Type]string
	used   map[string]int // identifier -> how many times it was asked for
}

var nonIdent = regexp.MustCompile(`[^_0-9A-Za-z]`)

// fresh returns name, or name_N for the first N that is not taken yet.
func (c *cNames) fresh(name string) string {
	name = nonIdent.ReplaceAllString(name, "_")
	if name == "" {
		name = "_"
	} else if name[0] >= '0' && name[0] <= '9' {
		name = "_" + name
	}
	for {
		n, taken := c.used[name]
		c.used[name] = n + 1
		if !taken {
			return name
		}
		name = name + "_" + strconv.Itoa(n)
	}
}

// cstring returns t's C identifier.
func (rt *Runtime) cstring(t *types.Type) (string, error) {
	c := &rt.cnames
	if c.byType == nil {
		c.byType, c.used = map[*types.Type]string{}, map[string]int{}
	}
	if s, ok := c.byType[t]; ok {
		return s, nil
	}
	var s string
	switch {
	case t.IsIntegral():
		s = t.String() + "_t"
	case t.IsFloat():
		s = t.String()
	case t.IsLogical():
		s = "bool"
	case t.Kind == types.Opaque:
		s = "void"
	case t.Kind == types.ErrorKind:
		s = "int"
	case t == types.NilT:
		s = c.fresh("niltype")
	case t.Kind == types.Func:
		return "", fmt.Errorf("function type %s has no C name (a pointer to it does)", t)
	case t.IsPointerToFunction():
		s = c.fresh("function")
	case t.Kind == types.Struct:
		s = c.fresh(t.String())
	case t.Kind == types.Pointer, t.Kind == types.Array, t.Kind == types.Vector:
		elem, err := rt.cstring(t.Elem)
		if err != nil {
			return "", err
		}
		switch t.Kind {
		case types.Pointer:
			s = c.fresh("ptr_" + elem)
		case types.Array:
			s = c.fresh(elem + "_arr")
		default:
			s = c.fresh(elem + "_vec")
		}
	default:
		return "", fmt.Errorf("type %s has no C name", t)
	}
	c.byType[t] = s
	return s, nil
}
