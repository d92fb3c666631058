// This file implements struct types: entries, unions and completion.
package types

import (
	"fmt"
	"strconv"
)

// Field is one named member of a struct.
type Field struct {
	Name string
	Type *Type
}

// Entry is one entry of a struct definition: a field, or a union of
// entries that share storage (Union non-nil, Field zero).
type Entry struct {
	Field
	Union []Entry
}

// Layout is a struct's computed storage layout.
type Layout struct {
	Size, Align int64
	Fields      []FieldLayout // flattened, in declaration order
}

// FieldLayout places one field. Fields of a union share an offset.
type FieldLayout struct {
	Field
	Offset int64
	Index  int // index of the LLVM struct member that holds it
}

type completeState uint8

const (
	incomplete completeState = iota
	completing
	complete
)

// StructInfo holds what only struct types have.
type StructInfo struct {
	Name      string // as given by the user; "" for anonymous structs
	unique    string // the printed name: Name made unique (NewStruct)
	IsTuple   bool
	Entries   []Entry
	Defined   bool // entries were given (struct S {…}); false after `struct S`
	Completer func(t *Type) error
	// Initialized runs once after a successful completion (Terra's
	// __staticinitialize), when the layout is known.
	Initialized func(t *Type) error

	// Convertible marks the anonymous structs that `{x = a}` constructors
	// create: like tuples (which convert by position) they convert to any
	// struct structurally, by field name. Set by compiler/check.
	Convertible bool

	// Packed lays the entries out as C's packed structs: no member is
	// aligned to more than PackAlign bytes (0 means 1: no padding at
	// all) and neither is the struct (`#pragma pack(N)` gives PackAlign
	// N; __attribute__((packed)) gives 1). Set before completion.
	Packed    bool
	PackAlign int64

	// Lua is owned by the Lua API layer (methods, metamethods, user
	// fields); this package never looks inside.
	Lua any

	state  completeState
	layout *Layout
	err    error
}

// NewStruct creates a fresh, nominal struct type with no entries yet.
// Its printed name is name, or name$N when structs called name (or
// whose unique names are name) already exist, so two distinct structs
// never print alike; anonymous structs are "anon", "anon$1", ….
func NewStruct(name string) *Type {
	mu.Lock()
	defer mu.Unlock()
	base := name
	if base == "" {
		base = "anon"
	}
	return newType(&Type{Kind: Struct, StructInfo: &StructInfo{Name: name, unique: uniqueStructName(base)}})
}

// structNames counts, for every name asked for, the structs given it.
var structNames = map[string]int{}

// ResetStructNames forgets the struct names handed out, so the next
// struct of each name prints as given again. For tests that build
// independent programs in one process; two live structs may then print
// alike.
func ResetStructNames() {
	mu.Lock()
	defer mu.Unlock()
	structNames = map[string]int{}
}

// uniqueStructName returns name if no struct has it yet, else name$N for
// the next N, itself checked the same way (newstruct("A$1") may have
// taken it). Callers hold mu.
func uniqueStructName(name string) string {
	for {
		n, taken := structNames[name]
		structNames[name] = n + 1
		if !taken {
			return name
		}
		name = name + "$" + strconv.Itoa(n)
	}
}

// IsComplete reports whether t has a layout (and can be used by value).
func (t *Type) IsComplete() bool {
	switch t.Kind {
	case Struct:
		return t.state == complete && t.err == nil
	case Array, Vector:
		return t.Elem.IsComplete()
	case Opaque, Func, ErrorKind:
		return false
	}
	return true
}

// CompletionStarted reports whether Complete has run (or is running) on
// the struct t: its entries can no longer change.
func (t *Type) CompletionStarted() bool { return t.state != incomplete }

// Complete computes the layout of t and everything it holds by value.
// It runs the struct's Completer first (Terra's __getentries and
// __staticinitialize hooks live there).
func (t *Type) Complete() error {
	switch t.Kind {
	case Array, Vector:
		if err := t.Elem.Complete(); err != nil {
			return err
		}
		return t.sizeError() // toolarge.go
	case Opaque:
		return opaqueError(t)
	case Func:
		return fmt.Errorf("function type %s used by value", t)
	case Struct:
	default:
		return nil
	}
	switch t.state {
	case complete:
		if t.err != nil {
			// The first attempt reported why; later uses say the layout
			// failed, as Terra does.
			return fmt.Errorf("type recursively contains itself, or using a type whose layout failed: %s", t)
		}
		return nil
	case completing:
		return fmt.Errorf("type recursively contains itself, or using a type whose layout failed: %s", t)
	}
	t.state = completing
	err := t.completeStruct()
	t.state = complete
	t.err = err
	if err == nil && t.Initialized != nil {
		f := t.Initialized
		t.Initialized = nil
		if err := f(t); err != nil {
			t.err = err
			return err
		}
	}
	return err
}

func (t *Type) completeStruct() error {
	if t.Completer != nil {
		if err := t.Completer(t); err != nil {
			return err
		}
	}
	var walk func(es []Entry) error
	walk = func(es []Entry) error {
		for _, e := range es {
			if e.Union != nil {
				if err := walk(e.Union); err != nil {
					return err
				}
				continue
			}
			if err := e.Type.Complete(); err != nil {
				if e.Type.Kind == Struct && e.Type.state == completing {
					return fmt.Errorf("type recursively contains itself, or using a type whose layout failed: %s", t)
				}
				if innermost(e.Type).Kind == Opaque {
					return opaqueError(t) // named by the struct holding it
				}
				return err
			}
		}
		return nil
	}
	if err := walk(t.Entries); err != nil {
		return err
	}
	t.layout = layoutStruct(t.Entries, t.maxFieldAlign())
	if t.layout.Size < 0 || t.layout.Size > MaxSize {
		return fmt.Errorf("type %s is too large: its size exceeds %d bytes", t, int64(MaxSize))
	}
	return nil
}

// Layout returns the layout of a completed struct, completing it first.
func (t *Type) Layout() (*Layout, error) {
	if err := t.Complete(); err != nil {
		return nil, err
	}
	return t.layout, nil
}

// Fields returns the flattened field list of a struct (union members
// included), without completing it.
func (t *Type) Fields() []Field {
	var out []Field
	var walk func(es []Entry)
	walk = func(es []Entry) {
		for _, e := range es {
			if e.Union != nil {
				walk(e.Union)
			} else {
				out = append(out, e.Field)
			}
		}
	}
	walk(t.Entries)
	return out
}

// FieldByName finds a field of a completed struct.
func (t *Type) FieldByName(name string) (FieldLayout, bool) {
	if t.Kind != Struct || t.layout == nil {
		return FieldLayout{}, false
	}
	for _, f := range t.layout.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return FieldLayout{}, false
}

// opaqueError reports that t (opaque, or a struct holding an opaque
// field) has no layout.
func opaqueError(t *Type) error {
	return fmt.Errorf("attempting to use an opaque type %s where the layout of the type is needed", t)
}

// innermost is the element type under any arrays.
func innermost(t *Type) *Type {
	for t.Kind == Array {
		t = t.Elem
	}
	return t
}
