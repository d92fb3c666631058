// This file implements engines whose JIT code can be freed: an embedded
// state's engine adds everything through a jit.Tracker and Close removes
// it. The terrac command's engine adds to the process's JIT directly.
package engine

import (
	"terrac/runtime/jit"
)

// Track makes the engine add its code, data symbols and C modules
// through a tracker of the process's JIT, at optimization level opt
// (0..3; -1 for the JIT's), so that Close frees them. Call it before
// anything is compiled.
func (e *Engine) Track(opt int) error {
	j, err := jit.Default()
	if err != nil {
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.jit = j
	e.tracker = j.NewTracker()
	e.tracker.SetOptLevel(opt)
	return nil
}

// Close frees the code the engine compiled when it is tracked (Track);
// nothing may call that code afterwards. Untracked engines' code lives
// as long as the process.
func (e *Engine) Close() error {
	e.mu.Lock()
	tr := e.tracker
	e.addrs = map[string]uintptr{}
	e.mu.Unlock()
	if tr == nil {
		return nil
	}
	return tr.Remove()
}

func (e *Engine) addIR(ir, name string) error {
	if e.tracker != nil {
		return e.tracker.AddIR(ir, name)
	}
	return e.jit.AddIR(ir, name)
}

func (e *Engine) addLazyIR(ir, name string) error {
	if e.tracker != nil {
		return e.tracker.AddLazyIR(ir, name)
	}
	return e.jit.AddLazyIR(ir, name)
}

func (e *Engine) jitLookup(name string) (uintptr, error) {
	if e.tracker != nil {
		return e.tracker.Lookup(name)
	}
	return e.jit.Lookup(name)
}

func (e *Engine) defineAbsolute(name string, addr uintptr) error {
	if e.tracker != nil {
		return e.tracker.DefineAbsolute(name, addr)
	}
	return e.jit.DefineAbsolute(name, addr)
}
