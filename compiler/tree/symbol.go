// This file implements symbols (Terra variables) and labels.
package tree

import (
	"strconv"
	"sync/atomic"

	"terrac/compiler/types"
)

var symbolIDs atomic.Int64

// Symbol is a Terra variable: a parameter, a `var`, a loop variable or
// a symbol made with `symbol(T, name)` in Lua. Two symbols with the same
// name are different variables (hygiene comes from this).
type Symbol struct {
	Name string
	// Type is the declared type; nil when it is inferred from the
	// initializer (then the checker records it in Checked).
	Type    *types.Type
	Checked *types.Type
	ID      int64
	// Escaped marks symbols made in Lua (symbol(T, name)): they enter
	// Terra code only through escapes, so their names never clash with
	// other declarations (two anonymous ones are two variables).
	Escaped bool
}

// NewSymbol makes a fresh symbol.
func NewSymbol(name string, t *types.Type) *Symbol {
	return &Symbol{Name: name, Type: t, ID: symbolIDs.Add(1)}
}

// VarType is the type the variable has after checking.
func (s *Symbol) VarType() *types.Type {
	if s.Checked != nil {
		return s.Checked
	}
	return s.Type
}

func (s *Symbol) String() string { return "$" + s.Name }

// Label is a goto target; like symbols, labels are unique objects.
type Label struct {
	Name string
	ID   int64
}

func NewLabel(name string) *Label { return &Label{Name: name, ID: symbolIDs.Add(1)} }

// FieldName is the struct field name a label stands for when it names
// a field (`{field = l, type = T}`, `x.[l]`): unique, and not an
// identifier Terra code could write by accident.
func (l *Label) FieldName() string { return "__label_" + strconv.FormatInt(l.ID, 10) }
