// This file implements the memoizing constructors for derived types.
package types

import (
	"fmt"
	"runtime"
	"weak"
)

// The memo tables hold their types weakly: a type made for a struct of
// one program (an embedded state, say) must not keep that struct, and the
// Lua values and closures it refers to, alive once the program is gone.
// A type that is still referenced is still found, so equal types stay
// identical; one that is not is made afresh when asked for again.

type ptrKey struct {
	elem weak.Pointer[Type]
	as   int
}
type seqKey struct {
	kind Kind
	elem weak.Pointer[Type]
	n    int
}

// memo is a table of types by key; callers hold mu.
type memo[K comparable] map[K]weak.Pointer[Type]

func (m memo[K]) get(k K) *Type {
	if w, ok := m[k]; ok {
		return w.Value()
	}
	return nil
}

// put records t under k and forgets it when t is collected.
func (m memo[K]) put(k K, t *Type) {
	m[k] = weak.Make(t)
	runtime.AddCleanup(t, func(k K) {
		mu.Lock()
		if w, ok := m[k]; ok && w.Value() == nil {
			delete(m, k)
		}
		mu.Unlock()
	}, k)
}

var (
	pointers  = memo[ptrKey]{}
	sequences = memo[seqKey]{}
	funcs     = memo[string]{}
	tuples    = memo[string]{}
	// unit is kept alive: it is asked for all the time.
	unit = TupleOf()
)

// PointerTo returns &elem in address space 0.
func PointerTo(elem *Type) *Type { return PointerIn(elem, 0) }

// PointerIn returns a pointer to elem in an LLVM address space.
func PointerIn(elem *Type, addrspace int) *Type {
	mu.Lock()
	defer mu.Unlock()
	k := ptrKey{weak.Make(elem), addrspace}
	if t := pointers.get(k); t != nil {
		return t
	}
	t := newType(&Type{Kind: Pointer, Elem: elem, AddrSpace: addrspace})
	pointers.put(k, t)
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
	key := seqKey{k, weak.Make(elem), n}
	if t := sequences.get(key); t != nil {
		return t
	}
	t := newType(&Type{Kind: k, Elem: elem, N: n})
	sequences.put(key, t)
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
	if t := funcs.get(key); t != nil {
		mu.Unlock()
		return t
	}
	t := newType(&Type{Kind: Func, Params: append([]*Type(nil), params...), Result: result, Variadic: variadic})
	funcs.put(key, t)
	mu.Unlock()
	return t
}

// TupleOf returns the memoized tuple of the given element types, whose
// fields are named _0, _1, …. TupleOf() is the unit type {}.
func TupleOf(elems ...*Type) *Type {
	mu.Lock()
	key := idList(elems)
	if t := tuples.get(key); t != nil {
		mu.Unlock()
		return t
	}
	t := newType(&Type{Kind: Struct, StructInfo: &StructInfo{IsTuple: true}})
	tuples.put(key, t)
	mu.Unlock()
	for i, e := range elems {
		t.Entries = append(t.Entries, Entry{Field: Field{Name: fmt.Sprintf("_%d", i), Type: e}})
	}
	return t
}

// Unit is the empty tuple {}.
func Unit() *Type { return unit }
