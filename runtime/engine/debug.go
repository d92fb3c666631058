// This file implements the debug-info switch for JIT modules and the
// mapping of native code addresses back to Terra source.
package engine

import (
	"os"

	"terrac/compiler/lower"
	"terrac/runtime/jit"
)

// DebugLevel says how much debug information JIT modules carry.
type DebugLevel int

const (
	// DebugNone: no line information; faults name the Terra function
	// but not the line. The default: line information makes every JIT
	// module about 25% slower to compile (issue 9's latency budget), and
	// `terrac -g` / TERRAC_DEBUG_INFO / terralib.setdebuginfo turn it on.
	DebugNone DebugLevel = iota
	// DebugLines: DWARF line information, so faults and tracebacks name
	// the Terra function, .t file and line. The generated code is the
	// same as without it (TERRAC_DEBUG_INFO=lines).
	DebugLines
	// DebugFull: line information and frame pointers in every function,
	// so a fault also reports the chain of Terra callers (`terrac -g`,
	// TERRAC_DEBUG_INFO=1). Frame pointers cost a register.
	DebugFull
)

// defaultDebugLevel reads TERRAC_DEBUG_INFO: unset or 0 means no line
// information, "lines" means DebugLines, any other value DebugFull.
func defaultDebugLevel() DebugLevel {
	switch os.Getenv("TERRAC_DEBUG_INFO") {
	case "", "0":
		return DebugNone
	case "lines":
		return DebugLines
	}
	return DebugFull
}

// SetDebugLevel sets the debug information of modules compiled from now on.
func (e *Engine) SetDebugLevel(l DebugLevel) {
	e.mu.Lock()
	e.debug = l
	e.debugSet = true
	e.mu.Unlock()
}

// DebugLevel returns the current debug level.
func (e *Engine) DebugLevel() DebugLevel {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.debugLevel()
}

// debugLevel is DebugLevel with e.mu held.
func (e *Engine) debugLevel() DebugLevel {
	if !e.debugSet {
		e.debug = defaultDebugLevel()
		e.debugSet = true
	}
	return e.debug
}

// enableDebug configures a new module for the current level.
func (e *Engine) enableDebug(m *lower.Module) {
	if e.debugLevel() != DebugNone && e.jit != nil {
		// gdb's JIT interface, so a debugger sees Terra code (gdb.go).
		e.jit.RegisterWithDebugger()
	}
	switch e.debugLevel() {
	case DebugLines:
		m.EnableDebugInfo("terrac")
	case DebugFull:
		m.EnableDebugInfo("terrac")
		m.EnableFramePointers()
	}
}

// SourceAt maps an address of JIT code to its source frames (innermost
// first), empty if it has no line information.
func (e *Engine) SourceAt(pc uintptr) []jit.SourceFrame {
	e.mu.Lock()
	j := e.jit
	e.mu.Unlock()
	if j == nil {
		return nil
	}
	return j.SourceAt(pc)
}
