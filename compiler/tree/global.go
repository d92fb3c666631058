// This file implements global variables and constants (`global(...)`,
// `constant(...)`) and references to them from Terra code.
package tree

import (
	"fmt"
	"sync/atomic"

	"terrac/compiler/types"
	"terrac/lang/source"
)

var globalIDs atomic.Int64

// Global is a module-level variable. Its storage is owned by the
// runtime (see runtime/engine): lowering only refers to it by LinkName
// as an external global, so every compile batch sees the same memory.
type Global struct {
	Name     string
	LinkName string // symbol in LLVM modules; an extern global's C name
	ID       int64
	Type     *types.Type
	Extern   bool // bound to an existing symbol named Name
	Constant bool // made by constant(...): read-only by convention

	// Init is the (unchecked) Terra initializer, nil for zero (or for an
	// initializer given as a Lua value, which the runtime keeps itself).
	Init Expr
	Pos  source.Span // where global(...) was called

	// Materialized is set by the runtime once storage exists and holds
	// the initial value; the initializer cannot change after that.
	Materialized bool

	// Lua is owned by the Lua API layer.
	Lua any
}

// NewGlobal makes a global of type t with a fresh link name.
func NewGlobal(name string, t *types.Type) *Global {
	id := globalIDs.Add(1)
	if name == "" {
		name = "<global>"
	}
	return &Global{Name: name, Type: t, ID: id, LinkName: fmt.Sprintf("terra.global.%d", id)}
}

// GlobalRef reads or names a global; it is an lvalue of the global's
// type.
type GlobalRef struct {
	ExprBase
	G *Global
}

// CopyNode implements Copier.
func (e *GlobalRef) CopyNode() Expr { c := *e; return &c }

// Copier is implemented by expression nodes defined outside copy.go;
// CopyExpr uses it for nodes it does not know.
type Copier interface {
	CopyNode() Expr
}
