// This file implements global variables at run time.
//
// The runtime owns every global's storage: it is C memory allocated by
// the GlobalStore (the Lua layer), and the engine makes its address
// visible to JIT code under the global's link name with DefineAbsolute.
// Lowered modules only declare globals as external, so every compile
// batch (and Lua's :get/:set) sees the same memory, initialized once.
// Extern globals are not allocated: the JIT resolves their C symbol.
package engine

import (
	"errors"
	"fmt"

	"terrac/compiler/tree"
	"terrac/runtime/jit"
)

// GlobalStore creates the storage of globals for the engine.
type GlobalStore interface {
	// Allocate returns zeroed memory for g that lives as long as the
	// program.
	Allocate(g *tree.Global) (uintptr, error)
	// Initialize stores g's initial value at addr; it may compile and
	// run code (which may itself use g: it is already defined).
	Initialize(g *tree.Global, addr uintptr) error
}

type globalState struct {
	addr  uintptr
	ready bool
}

// Global returns the address of g, creating and initializing its
// storage on first use.
func (e *Engine) Global(g *tree.Global) (uintptr, error) {
	if e.verifyOnly {
		return e.verifyOnlyGlobal(g)
	}
	if err := e.ensureJIT(); err != nil {
		return 0, err
	}
	if g.Extern {
		return e.lookup(g.LinkName)
	}
	e.mu.Lock()
	st := e.globals[g]
	e.mu.Unlock()
	if st != nil {
		return st.addr, nil
	}
	if e.Store == nil {
		return 0, fmt.Errorf("global %s: no global store", g.Name)
	}
	// Completing the type may run user code (__staticinitialize) that
	// uses g itself; whoever gets here first after that creates it.
	if err := g.Type.Complete(); err != nil {
		return 0, err
	}
	e.mu.Lock()
	st = e.globals[g]
	e.mu.Unlock()
	if st != nil {
		return st.addr, nil
	}
	addr, err := e.Store.Allocate(g)
	if err != nil {
		return 0, err
	}
	e.mu.Lock()
	err = e.defineAbsolute(g.LinkName, addr)
	st = &globalState{addr: addr}
	e.globals[g] = st
	e.mu.Unlock()
	if err != nil {
		return 0, err
	}
	g.Materialized = true
	if err := e.Store.Initialize(g, addr); err != nil {
		return 0, err
	}
	st.ready = true
	return addr, nil
}

// prepareGlobals creates the globals used by fn's batch before it is
// lowered. Initializers may compile code, so this runs without the
// lock and the batch is recomputed until no global is missing.
func (e *Engine) prepareGlobals(fn *tree.Function) error {
	for {
		var missing []*tree.Global
		e.mu.Lock()
		for _, f := range reachable(fn) {
			for _, g := range f.Globals {
				if !g.Extern && e.globals[g] == nil {
					missing = append(missing, g)
				}
			}
		}
		e.mu.Unlock()
		if len(missing) == 0 {
			return nil
		}
		for _, g := range missing {
			if _, err := e.Global(g); err != nil && !errors.Is(err, ErrVerifyOnly) {
				return err
			}
		}
	}
}

func (e *Engine) ensureJIT() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.openJIT()
}

// openJIT is ensureJIT with e.mu held.
func (e *Engine) openJIT() error {
	if e.jit == nil {
		j, err := jit.Default()
		if err != nil {
			return err
		}
		e.jit = j
	}
	return nil
}
