// This file implements Terra function objects and their definitions.
package tree

import (
	"fmt"
	"sync/atomic"

	"terrac/compiler/types"
	"terrac/lang/source"
)

var functionIDs atomic.Int64

// CheckState tracks lazy typechecking of a function.
type CheckState uint8

const (
	Unchecked CheckState = iota
	Checking             // on the checker's stack: a reference now needs a declared type
	Checked
	CheckFailed
)

// Function is a Terra function object, as Lua sees it. A function
// without a Def is a declaration (or an extern C function).
type Function struct {
	Name string
	// LinkName is the symbol in the LLVM module. Terra functions get a
	// name that no C symbol can have; extern functions keep theirs.
	LinkName string
	ID       int64
	Extern   bool // a C function or terralib.externfunction

	// Type is the function type (Kind Func). It is known up front for
	// declarations and extern functions, and when every parameter and
	// the return type are annotated; otherwise the checker sets it.
	Type *types.Type

	Def *FuncDef

	State    CheckState
	CheckErr error

	// Refs lists the functions the checked body refers to (callees and
	// functions used as values), so the runtime can compile everything
	// reachable in one batch. Set by the checker.
	Refs []*Function
	// Globals lists the global variables the checked body uses, so the
	// runtime can create them before compiling. Set by the checker.
	Globals []*Global

	// Compiled is set by the runtime once the function is in the JIT.
	Compiled bool
	// Inline: 0 default, 1 always inline, -1 never inline.
	Inline int
	// Attrs are further code generation attributes.
	Attrs FuncAttrs

	// Lua is owned by the Lua API layer.
	Lua any
}

// NewFunction makes a function object with a fresh link name.
func NewFunction(name string) *Function {
	id := functionIDs.Add(1)
	if name == "" {
		name = "anon"
	}
	return &Function{Name: name, ID: id, LinkName: fmt.Sprintf("%s$%d", name, id)}
}

// NewExtern makes a function that links to an external symbol.
func NewExtern(name string, t *types.Type) *Function {
	return &Function{Name: name, LinkName: name, ID: functionIDs.Add(1), Extern: true, Type: t, State: Checked}
}

// IsDefined reports whether the function has a body or is extern.
func (f *Function) IsDefined() bool { return f.Def != nil || f.Extern }

// FuncDef is a specialized function definition.
type FuncDef struct {
	Pos    source.Span
	Params []*Symbol // every parameter has a declared Type
	// Result is the annotated return type, nil when inferred.
	Result   *types.Type
	Variadic bool
	Body     *Block
}
