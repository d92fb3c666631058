// This file implements compiling a function ahead of its first call.
package engine

import (
	"terrac/compiler/check"
	"terrac/compiler/tree"
	"terrac/runtime/jit"
)

// CompileAhead is called when fn has just been defined. If checking fn
// cannot be told apart from checking it at its first use
// (check.Standalone), fn is checked now and its module is offered to the
// JIT's worker (jit.CompileAhead), which compiles it on another thread;
// the first call then finds the object ready. Otherwise, and for engines
// that verify only, track their code or carry debug information, it does
// nothing. A function that fails to check keeps its error, reported at
// its first use as before.
func (e *Engine) CompileAhead(fn *tree.Function) {
	if e.verifyOnly || !jit.AheadEnabled() || !check.Standalone(fn) {
		return
	}
	// TryLock: a definition can come from Lua run while the engine is
	// busy (a macro expanded during a compile); that one is skipped.
	if !e.mu.TryLock() {
		return
	}
	skip := e.tracker != nil || e.debugLevel() != DebugNone
	e.mu.Unlock()
	if skip || e.Check(fn) != nil || len(fn.Refs) > 0 || len(fn.Globals) > 0 {
		return
	}
	if !e.mu.TryLock() {
		return
	}
	defer e.mu.Unlock()
	if e.openJIT() != nil {
		return
	}
	// The module Compile will make for fn's first use, under another name
	// (names are not part of the object's key).
	m, err := e.batchModule("terrac.ahead", []*tree.Function{fn})
	if err != nil {
		return
	}
	e.jit.CompileAhead(e.moduleText(m))
}
