// This file implements the vararg wrappers of the Lua bridge: one per
// call shape (variadic function type plus the types of all arguments),
// compiled into its own small module on first use.
package engine

import (
	"fmt"

	"terrac/compiler/lower"
	"terrac/compiler/types"
)

// varargKey is one call shape; args is types.TupleOf(argument types),
// which types memoizes, so equal shapes give equal keys.
type varargKey struct {
	fn, args *types.Type
}

// VarargWrapper returns the wrapper that calls a function pointer of
// the variadic type &fnType with arguments of types args (see
// lower.AddVarargWrapper), compiling it once per shape.
func (e *Engine) VarargWrapper(fnType *types.Type, args []*types.Type) (uintptr, error) {
	key := varargKey{fnType, types.TupleOf(args...)}
	e.mu.Lock()
	name, ok := e.varargs[key]
	if !ok {
		if e.varargs == nil {
			e.varargs = map[varargKey]string{}
		}
		name = fmt.Sprintf("terrac$vararg$%d", indirectIDs.Add(1)) // one JIT per process
		e.varargs[key] = name
	}
	e.mu.Unlock()
	return e.addBridge(name, func(m *lower.Module) error { return m.AddVarargWrapper(fnType, args, name) })
}
