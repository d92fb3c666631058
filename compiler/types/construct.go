// This file implements the memoizing constructors for derived types.
package types

import "fmt"

type ptrKey struct {
	elem *Type
	as   int
}
type seqKey struct {
	kind Kind
	elem *Type
	n    int
}

var (
	pointers  = map[ptrKey]*Type{}
	sequences = map[seqKey]*Type{}
	funcs     = map[string]*Type{}
	tuples    = map[string]*Type{}
)

// PointerTo returns &elem in address space 0.
func PointerTo(elem *Type) *Type { return PointerIn(elem, 0) }

// PointerIn returns a pointer to elem in an LLVM address space.
func PointerIn(elem *Type, addrspace int) *Type {
	mu.Lock()
	defer mu.Unlock()
	k := ptrKey{elem, addrspace}
	if t := pointers[k]; t != nil {
		return t
	}
	t := newType(&Type{Kind: Pointer, Elem: elem, AddrSpace: addrspace})
	pointers[k] = t
	return t
}

// ArrayOf returns elem[n].
func ArrayOf(elem *Type, n int) *Type {
	return sequence(Array, elem, n)
}

// VectorOf returns vector(elem, n); elem must be primitive (checked by
// the caller, which knows how to report it).
func VectorOf(elem *Type, n int) *Type {
	return sequence(Vector, elem, n)
}

func sequence(k Kind, elem *Type, n int) *Type {
	mu.Lock()
	defer mu.Unlock()
	key := seqKey{k, elem, n}
	if t := sequences[key]; t != nil {
		return t
	}
	t := newType(&Type{Kind: k, Elem: elem, N: n})
	sequences[key] = t
	return t
}

func idList(ts []*Type) string {
	s := ""
	for _, t := range ts {
		s += fmt.Sprintf("%d,", t.id)
	}
	return s
}

// FuncOf returns the function type params -> result. A nil result means
// the unit tuple.
func FuncOf(params []*Type, result *Type, variadic bool) *Type {
	if result == nil {
		result = Unit()
	}
	mu.Lock()
	key := fmt.Sprintf("%s>%d>%v", idList(params), result.id, variadic)
	if t := funcs[key]; t != nil {
		mu.Unlock()
		return t
	}
	t := newType(&Type{Kind: Func, Params: append([]*Type(nil), params...), Result: result, Variadic: variadic})
	funcs[key] = t
	mu.Unlock()
	return t
}

// TupleOf returns the memoized tuple of the given element types, whose
// fields are named _0, _1, …. TupleOf() is the unit type {}.
func TupleOf(elems ...*Type) *Type {
	mu.Lock()
	key := idList(elems)
	if t := tuples[key]; t != nil {
		mu.Unlock()
		return t
	}
	t := newType(&Type{Kind: Struct, StructInfo: &StructInfo{IsTuple: true}})
	tuples[key] = t
	mu.Unlock()
	for i, e := range elems {
		t.Entries = append(t.Entries, Entry{Field: Field{Name: fmt.Sprintf("_%d", i), Type: e}})
	}
	return t
}

// Unit is the empty tuple {}.
func Unit() *Type { return TupleOf() }
