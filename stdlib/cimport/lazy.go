// This file implements the lazy type tables of a Header read from the
// cache: Lookup decodes one declaration's type, and the types it refers
// to, on first use, so that a program pays for the names it uses.

package cimport

import (
	"sort"
	"sync"
)

// Namespace selects one of a Header's type tables.
type Namespace int

// The type tables, in the order of Header.tables.
const (
	FuncNames Namespace = iota
	VarNames
	TypedefNames
	TagNames
	numNamespaces
)

// lazyTypes holds the still encoded types of a Header (see encode.go).
type lazyTypes struct {
	mu    sync.Mutex
	names [numNamespaces][]string // sorted
	refs  [numNamespaces][]uint64 // type number of each name
	offs  []byte                  // offset of each type in data, 4 bytes little-endian
	data  []byte
	types []*Type // decoded types by number-1; nil until decoded
	full  bool    // the exported maps hold every name
}

// tables are h's type maps in Namespace order.
func (h *Header) tables() [numNamespaces]map[string]*Type {
	return [numNamespaces]map[string]*Type{h.Funcs, h.Vars, h.Typedefs, h.Tags}
}

// Lookup returns the type of name in table ns, or nil. The type is the
// same pointer on every call, and the same as in the exported maps once
// they are filled.
func (h *Header) Lookup(ns Namespace, name string) *Type {
	l := h.lazy
	if l == nil {
		return h.tables()[ns][name]
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	names := l.names[ns]
	i := sort.SearchStrings(names, name)
	if i == len(names) || names[i] != name {
		return nil
	}
	return l.decodeType(l.refs[ns][i])
}

// Names returns the sorted names of table ns without decoding any type.
func (h *Header) Names(ns Namespace) []string {
	if l := h.lazy; l != nil {
		return append([]string(nil), l.names[ns]...)
	}
	return sortedNames(h.tables()[ns])
}

// Has reports whether table ns holds name, without decoding its type.
func (h *Header) Has(ns Namespace, name string) bool {
	l := h.lazy
	if l == nil {
		_, ok := h.tables()[ns][name]
		return ok
	}
	names := l.names[ns]
	i := sort.SearchStrings(names, name)
	return i < len(names) && names[i] == name
}

// fill decodes every type into the exported maps, once.
func (h *Header) fill() {
	l := h.lazy
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.full {
		return
	}
	for ns, m := range h.tables() {
		for i, name := range l.names[ns] {
			m[name] = l.decodeType(l.refs[ns][i])
		}
	}
	l.full = true
}

// DecodedTypes reports how many of h's types have been decoded and how
// many there are, for a Header read from the cache by ImportLazy; for
// others both are 0. For tests and statistics.
func (h *Header) DecodedTypes() (decoded, total int) {
	l := h.lazy
	if l == nil {
		return 0, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, t := range l.types {
		if t != nil {
			decoded++
		}
	}
	return decoded, len(l.types)
}
