// This file implements the native halves of the Lua bridge that are not
// Terra functions: callback thunks and indirect (function pointer)
// wrappers, each compiled into its own small module.
package engine

import (
	"fmt"
	"sync/atomic"

	"terrac/compiler/lower"
	"terrac/compiler/types"
)

var indirectIDs atomic.Int64

// addBridge lowers one bridge function with add and returns its address.
func (e *Engine) addBridge(name string, add func(m *lower.Module) error) (uintptr, error) {
	if err := e.ensureJIT(); err != nil { // global.go; takes e.mu
		return 0, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if a, ok := e.addrs[name]; ok {
		return a, nil
	}
	e.batch++
	mod := fmt.Sprintf("terrac.bridge%d", e.batch)
	m := lower.NewModule(mod)
	if err := add(m); err != nil {
		return 0, err
	}
	text := e.moduleText(m)
	dumpIR(mod, text)
	if e.verifyOnly {
		if err := e.addModule(text, mod, nil); err != nil {
			return 0, err
		}
		return 0, ErrVerifyOnly
	}
	if err := e.addIR(text, mod); err != nil {
		return 0, fmt.Errorf("internal error: LLVM rejected module %s: %v", mod, err)
	}
	a, err := e.jitLookup(name)
	if err != nil {
		return 0, err
	}
	e.addrs[name] = a
	return a, nil
}

// Thunk compiles the native entry of callback id, a function of type
// fnType that calls terrac_callback(id, args, ret), and returns its address.
func (e *Engine) Thunk(fnType *types.Type, id int64) (uintptr, error) {
	name := fmt.Sprintf("terrac$callback$%d", id)
	return e.addBridge(name, func(m *lower.Module) error { return m.AddCallbackThunk(fnType, name, id) })
}

// IndirectWrapper returns the wrapper that calls a function pointer of
// type &fnType (see lower.AddIndirectWrapper), compiling it once per type.
func (e *Engine) IndirectWrapper(fnType *types.Type) (uintptr, error) {
	e.mu.Lock()
	name, ok := e.indirect[fnType]
	if !ok {
		if e.indirect == nil {
			e.indirect = map[*types.Type]string{}
		}
		name = fmt.Sprintf("terrac$indirect$%d", indirectIDs.Add(1)) // one JIT per process
		e.indirect[fnType] = name
	}
	e.mu.Unlock()
	return e.addBridge(name, func(m *lower.Module) error { return m.AddIndirectWrapper(fnType, name) })
}
