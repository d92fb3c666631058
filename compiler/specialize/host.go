// This file implements the interface to the Lua layer and the
// conversion of Lua values into Terra expressions.
package specialize

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// Host is what specialization needs from the Lua layer.
type Host interface {
	// CallHole calls a hole closure with args (protected) and returns
	// all its results.
	CallHole(fn lua.LValue, args ...lua.LValue) ([]lua.LValue, error)
	// SymbolValue is the Lua value standing for a Terra symbol.
	SymbolValue(s *tree.Symbol) lua.LValue
	// Emitter returns the `emit` function given to escape blocks and a
	// function that collects what was emitted.
	Emitter() (emit lua.LValue, collect func() []lua.LValue)

	AsType(v lua.LValue) *types.Type
	AsFunction(v lua.LValue) *tree.Function
	AsSymbol(v lua.LValue) *tree.Symbol
	AsQuote(v lua.LValue) *tree.Quote
	AsLabel(v lua.LValue) *tree.Label
}

// ObjectHost is implemented by hosts whose Lua objects stand for Terra
// values (global variables, constants): TerraObject returns the
// expression for v, or nil when v is not such an object.
type ObjectHost interface {
	TerraObject(v lua.LValue, at source.Span) tree.Expr
}
