// This file implements State: creating one with options, running code in
// it, and closing it.
package embed

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"

	lua "github.com/yuin/gopher-lua"

	"terrac/runtime/cache"
	"terrac/runtime/engine"
	"terrac/runtime/jit"
	"terrac/stdlib/terralib"
)

// OptLevel is the optimization level of the code a State compiles.
type OptLevel int

// The levels, as clang's -O0..-O3. The zero value is O3, the level of
// Terra's JIT and of the terrac command.
const (
	OptDefault OptLevel = iota
	O0
	O1
	O2
	O3
)

// DebugInfo is the debug information of the code a State compiles.
type DebugInfo int

const (
	// DebugDefault is what the terrac command does: none, unless the
	// TERRAC_DEBUG_INFO environment variable asks for it.
	DebugDefault DebugInfo = iota
	// DebugOff: faults name the Terra function, not its line.
	DebugOff
	// DebugLines: faults and tracebacks name the .t file and line.
	DebugLines
	// DebugFull: line information and frame pointers, so faults also
	// list the Terra callers (terrac -g).
	DebugFull
)

// Options configure a new State. The zero value is a State like the
// terrac command's.
type Options struct {
	// SearchPaths are directories searched, in order and before the
	// defaults, by require (for name.t, name/init.t, then name.lua) and
	// by includec (as terralib.includepath).
	SearchPaths []string
	// OptLevel is the optimization level of JIT-compiled Terra code.
	OptLevel OptLevel
	// Debug is the debug information of JIT-compiled Terra code.
	Debug DebugInfo
	// Stdout and Stderr receive what the program's Lua code writes with
	// print, io.write and io.stdout/io.stderr. Nil means the process's
	// (Lua output then shares C's stdout buffer with printf, in order).
	// Output of native code (printf in Terra) always goes to the
	// process's file descriptors.
	Stdout, Stderr io.Writer
	// Args become the global `arg` table, arg[1] onwards (arg[0] is the
	// file a RunFile runs).
	Args []string
}

// State is one Terra program: a Lua state with terralib, and the native
// code it compiled. Create it with New and free it with Close.
//
// A State serves one goroutine at a time: a call made while another
// goroutine is inside a call of the same State returns ErrConcurrentUse.
// A Go function the program calls may call back into its State (it runs
// on the same goroutine).
type State struct {
	rt    *terralib.Runtime
	opts  Options
	owner atomic.Int64 // id of the goroutine inside a call; 0 if none
	depth int          // calls the owner is inside, nested
	// closed is only read and written by the owner.
	closed bool
}

// New creates a State.
func New(opts Options) (*State, error) {
	rt := terralib.New()
	s := &State{rt: rt, opts: opts}
	fail := func(err error) (*State, error) {
		rt.Close()
		return nil, err
	}
	opt := -1
	if opts.OptLevel != OptDefault {
		if opts.OptLevel < O0 || opts.OptLevel > O3 {
			return fail(errors.New("embed: OptLevel must be OptDefault or O0..O3"))
		}
		opt = int(opts.OptLevel - O0)
	}
	if err := rt.Engine.Track(opt); err != nil {
		return fail(err)
	}
	switch opts.Debug {
	case DebugOff:
		rt.Engine.SetDebugLevel(engine.DebugNone)
	case DebugLines:
		rt.Engine.SetDebugLevel(engine.DebugLines)
	case DebugFull:
		rt.Engine.SetDebugLevel(engine.DebugFull)
	}
	s.setSearchPaths()
	s.redirectOutput()
	s.replaceExit()
	rt.SetArgs("", opts.Args)
	return s, nil
}

// setSearchPaths puts the search paths before the defaults.
func (s *State) setSearchPaths() {
	if len(s.opts.SearchPaths) == 0 {
		return
	}
	L := s.rt.L
	pkg := L.GetGlobal("package").(*lua.LTable)
	var terra, plain, incl []string
	for _, d := range s.opts.SearchPaths {
		terra = append(terra, filepath.Join(d, "?.t"), filepath.Join(d, "?", "init.t"))
		plain = append(plain, filepath.Join(d, "?.lua"))
		incl = append(incl, d)
	}
	prepend := func(t *lua.LTable, key string, dirs []string) {
		v := strings.Join(dirs, ";")
		if old := lua.LVAsString(t.RawGetString(key)); old != "" {
			v += ";" + old
		}
		t.RawSetString(key, lua.LString(v))
	}
	prepend(pkg, "terrapath", terra)
	prepend(pkg, "path", plain)
	if tl, ok := L.GetGlobal("terralib").(*lua.LTable); ok {
		prepend(tl, "includepath", incl)
	}
}

// enter starts a call on the current goroutine: it fails if another
// goroutine is inside a call or the State is closed. The outermost call
// locks the goroutine to its OS thread, so native code runs on one thread
// for the whole call. leave ends it.
func (s *State) enter() error {
	id := goroutineID()
	if s.owner.Load() == id {
		if s.closed {
			return ErrClosed
		}
		s.depth++
		return nil
	}
	if !s.owner.CompareAndSwap(0, id) {
		return ErrConcurrentUse
	}
	if s.closed {
		s.owner.Store(0)
		return ErrClosed
	}
	s.depth = 1
	runtime.LockOSThread()
	return nil
}

func (s *State) leave() {
	s.depth--
	if s.depth == 0 {
		if s.opts.Stdout == nil {
			jit.Flush()
		}
		runtime.UnlockOSThread()
		s.owner.Store(0)
	}
}

// Close frees the State: its Lua state, the native code and data it
// JIT-compiled, its callbacks and its global variables. Native code of
// the State must not run afterwards (a function pointer kept by C code).
// Closing a closed State does nothing. A Go function cannot close the
// State that is calling it. Close also waits (at most 2 s) for the
// compiled-code cache to store what the JIT compiled in the background.
func (s *State) Close() error {
	if err := s.enter(); err != nil {
		if err == ErrClosed {
			return nil
		}
		return err
	}
	defer s.leave()
	if s.depth > 1 {
		return errors.New("embed: Close called from inside a call of the same State")
	}
	s.closed = true
	err := s.rt.Close()
	// Objects the JIT compiled are stored in the background; a host that
	// exits after Close must not lose them.
	cache.FlushDefault()
	return err
}

// RunString runs src, Lua with Terra, as a chunk named name (the file
// name in error positions), and returns what the chunk returns.
func (s *State) RunString(ctx context.Context, name, src string) ([]Value, error) {
	if err := s.enter(); err != nil {
		return nil, err
	}
	defer s.leave()
	fn, err := s.rt.LoadString(name, []byte(src))
	if err != nil {
		return nil, s.loadError(err)
	}
	return s.call(ctx, fn, nil)
}

// RunFile runs the .t (or .lua) file at path and returns what it
// returns. arg[0] is path during the run.
func (s *State) RunFile(ctx context.Context, path string) ([]Value, error) {
	if err := s.enter(); err != nil {
		return nil, err
	}
	defer s.leave()
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fn, err := s.rt.LoadString(path, src)
	if err != nil {
		return nil, s.loadError(err)
	}
	if argt, ok := s.rt.L.GetGlobal("arg").(*lua.LTable); ok {
		argt.RawSetInt(0, lua.LString(path))
	}
	return s.call(ctx, fn, nil)
}

// call calls fn with args under ctx; the caller has entered.
func (s *State) call(ctx context.Context, fn lua.LValue, args []lua.LValue) ([]Value, error) {
	L := s.rt.L
	if ctx != nil && ctx.Done() != nil && L.Context() == nil {
		if err := ctx.Err(); err != nil {
			return nil, newError("embed: "+err.Error(), "", err)
		}
		L.SetContext(ctx)
		defer L.RemoveContext()
	}
	top := L.GetTop()
	L.Push(fn)
	for _, a := range args {
		L.Push(a)
	}
	err := L.PCall(len(args), lua.MultRet, nil)
	if err != nil {
		L.SetTop(top)
		e := s.runError(err)
		if e.Err == nil && ctx != nil && ctx.Err() != nil {
			e.Err = ctx.Err()
		}
		return nil, e
	}
	n := L.GetTop() - top
	out := make([]Value, n)
	for i := range n {
		out[i] = Value{s: s, v: L.Get(top + 1 + i)}
	}
	L.SetTop(top)
	return out, nil
}

// Global returns the value of the global variable name. A dotted name
// (a.b.c) indexes tables (and Terra structs, cdata) from a global.
func (s *State) Global(name string) (Value, error) {
	if err := s.enter(); err != nil {
		return Value{}, err
	}
	defer s.leave()
	parts := strings.Split(name, ".")
	v := Value{s: s, v: s.rt.L.GetGlobal(parts[0])}
	for _, p := range parts[1:] {
		var err error
		if v, err = v.get(lua.LString(p)); err != nil {
			return Value{}, err
		}
	}
	return v, nil
}

// SetGlobal sets the global variable name to a Go value, converted as
// Call converts arguments.
func (s *State) SetGlobal(name string, v any) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	lv, err := s.toLua(v, nil)
	if err != nil {
		return err
	}
	s.rt.L.SetGlobal(name, lv)
	return nil
}

// Eval evaluates a Lua expression (which may use Terra types and
// functions, e.g. "terralib.sizeof(Point)") and returns its value.
func (s *State) Eval(ctx context.Context, expr string) (Value, error) {
	vals, err := s.RunString(ctx, "=(eval)", "return "+expr)
	if err != nil {
		return Value{}, err
	}
	if len(vals) == 0 {
		return Value{s: s, v: lua.LNil}, nil
	}
	return vals[0], nil
}
