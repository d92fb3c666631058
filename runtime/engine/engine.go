// This file implements compile batches and address lookup.
package engine

import (
	"fmt"
	"strings"
	"sync"

	"terrac/compiler/check"
	"terrac/compiler/lower"
	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/runtime/jit"
)

// Engine owns the checker state and the JIT for one program.
type Engine struct {
	Checker *check.Checker

	mu       sync.Mutex
	jit      *jit.JIT
	batch    int
	wrappers map[*tree.Function]string
	addrs    map[string]uintptr
	cmods    map[string]bool        // C modules added, by content key (cmodule.go)
	cmodIR   []string               // their IR, in order (cmodule.go)
	users    map[string][]string    // extern symbol -> Terra functions that call it
	indirect map[*types.Type]string // bridge.go
	varargs  map[varargKey]string   // vararg.go

	// Store creates global variables (see global.go).
	Store   GlobalStore
	globals map[*tree.Global]*globalState

	// debug is the debug information of JIT modules (debug.go).
	debug    DebugLevel
	debugSet bool

	compiled []*tree.Function // every function compiled, for ModuleText (dump.go)
	linked   []string         // IR text of modules linked from C or LLVM (dump.go)

	verifyOnly bool             // see verifyonly.go
	failed     map[string]error // symbols whose lookup failed

	tracker *jit.Tracker // owns the engine's code when set (tracker.go)

	irSize int // length of the last module's text (moduleText)
}

// moduleText prints m. The buffer starts a quarter larger than the last
// module printed, since a program's modules tend to be alike: growing a
// builder from empty copied each text several times. Called with e.mu
// held.
func (e *Engine) moduleText(m *lower.Module) string {
	var b strings.Builder
	b.Grow(e.irSize + e.irSize/4)
	if _, err := m.IR().WriteTo(&b); err != nil {
		panic(err) // a strings.Builder does not fail
	}
	e.irSize = b.Len()
	return b.String()
}

// New makes an engine; the JIT itself is created on first compile so
// programs that never compile start fast.
func New(c *check.Checker) *Engine {
	return &Engine{Checker: c, wrappers: map[*tree.Function]string{}, addrs: map[string]uintptr{}, globals: map[*tree.Global]*globalState{}}
}

// Check typechecks fn if it has not been checked yet.
func (e *Engine) Check(fn *tree.Function) error {
	return e.Checker.Function(fn)
}

// reachable lists fn and every function it reaches that is neither
// compiled nor extern, in a stable order.
func reachable(fn *tree.Function) []*tree.Function {
	var out []*tree.Function
	seen := map[*tree.Function]bool{}
	var walk func(f *tree.Function)
	walk = func(f *tree.Function) {
		if seen[f] || f.Compiled || f.Extern {
			return
		}
		seen[f] = true
		out = append(out, f)
		for _, r := range f.Refs {
			walk(r)
		}
	}
	walk(fn)
	return out
}

// Compile checks fn and compiles it with everything it reaches that is
// not compiled yet, in one module. withWrapper also emits fn's Lua-call
// wrapper in the same module.
func (e *Engine) Compile(fn *tree.Function, withWrapper bool) error {
	if err := e.Check(fn); err != nil {
		return err
	}
	if err := e.prepareGlobals(fn); err != nil {
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	_, haveWrapper := e.wrappers[fn]
	batch := reachable(fn)
	needWrapper := withWrapper && !haveWrapper
	if len(batch) == 0 && !needWrapper {
		return nil
	}
	for _, f := range batch {
		if f.Def == nil {
			return fmt.Errorf("function %s is not defined", f.Name)
		}
		if err := e.Check(f); err != nil {
			return err
		}
	}
	if !e.verifyOnly {
		if err := e.openJIT(); err != nil {
			return err
		}
	}
	e.batch++
	name := fmt.Sprintf("terrac.batch%d", e.batch)
	m, err := e.batchModule(name, batch)
	if err != nil {
		return err
	}
	var wrapper string
	if needWrapper {
		if err := m.Declare(fn); err != nil {
			return err
		}
		w, err := m.AddWrapper(fn.Type, fn.LinkName)
		if err != nil {
			return err
		}
		wrapper = w
		m.DebugWrapper(w, fn)
	}
	ir := e.moduleText(m)
	dumpIR(name, ir)
	if err := e.addModule(ir, name, batch); err != nil {
		return err
	}
	for _, f := range batch {
		f.Compiled = true
	}
	e.compiled = append(e.compiled, batch...)
	e.noteExternUsers(batch)
	if needWrapper {
		e.wrappers[fn] = wrapper
	}
	return nil
}

// batchModule lowers batch into a new module named name. CompileAhead
// makes its modules here too: an object compiled ahead is used only if
// its module's text is the one Compile makes later. Called with e.mu
// held.
func (e *Engine) batchModule(name string, batch []*tree.Function) (*lower.Module, error) {
	m := lower.NewModule(name)
	e.enableDebug(m)
	for _, f := range batch {
		if err := m.AddFunction(f); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// Address compiles fn if needed and returns its native address.
func (e *Engine) Address(fn *tree.Function) (uintptr, error) {
	if err := e.Compile(fn, false); err != nil {
		return 0, err
	}
	if e.verifyOnly {
		return 0, ErrVerifyOnly
	}
	// An extern (C) function compiles nothing: the JIT may not exist yet.
	if err := e.ensureJIT(); err != nil {
		return 0, err
	}
	return e.lookup(fn.LinkName)
}

// Wrapper compiles fn and its wrapper if needed and returns the
// wrapper's address.
func (e *Engine) Wrapper(fn *tree.Function) (uintptr, error) {
	if err := e.Compile(fn, true); err != nil {
		return 0, err
	}
	if e.verifyOnly {
		return 0, ErrVerifyOnly
	}
	e.mu.Lock()
	name := e.wrappers[fn]
	e.mu.Unlock()
	return e.lookup(name)
}

func (e *Engine) lookup(name string) (uintptr, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if a, ok := e.addrs[name]; ok {
		return a, nil
	}
	if err := e.failed[name]; err != nil {
		return 0, err
	}
	a, err := e.jitLookup(name)
	if err != nil {
		err = e.undefinedSymbols(err)
		// The module may be materialized anyway (LLVM reported an
		// error while compiling it): never hand out its code.
		if e.failed == nil {
			e.failed = map[string]error{}
		}
		e.failed[name] = err
		return 0, err
	}
	e.addrs[name] = a
	return a, nil
}

// LoadLibrary makes a shared library's symbols visible to JIT code.
func (e *Engine) LoadLibrary(path string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.verifyOnly {
		// Loading a library runs its constructors: native code.
		return nil
	}
	if err := e.openJIT(); err != nil {
		return err
	}
	return e.jit.LoadLibrary(path)
}
