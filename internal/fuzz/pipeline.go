// This file implements one sandboxed, verify-only run of a program.
package fuzz

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/runtime/engine"
	"terrac/stdlib/terralib"
)

// Result is what one run found.
type Result struct {
	// Bug is a terrac bug: a Go panic (even one a Lua pcall caught), a
	// module LLVM rejected, or a run that did not stop.
	Bug error
	// Err is the program's own first error (syntax, type, Lua), which
	// is fine.
	Err error
}

// sandbox takes away what an untrusted program could use to touch the
// machine or block: processes, files, stdin, dynamic libraries, output.
const sandbox = `
local function denied(name)
	return function() error(name .. " is disabled while fuzzing", 2) end
end
local function nop() end
print = nop
io = { write = nop }
local clock, time, date, difftime, getenv = os.clock, os.time, os.date, os.difftime, os.getenv
os = { clock = clock, time = time, date = date, difftime = difftime, getenv = getenv, exit = denied "os.exit" }
dofile, loadfile = denied "dofile", denied "loadfile"
terralib.saveobj = denied "terralib.saveobj"
terralib.linklibrary = denied "terralib.linklibrary"
local rep = string.rep
string.rep = function(s, n, ...)
	if type(n) == "number" and n * #tostring(s) > 1e6 then error("string.rep too long while fuzzing", 2) end
	return rep(s, n, ...)
end
`

// Options configure a run.
type Options struct {
	// Timeout stops the program's Lua code.
	Timeout time.Duration
	// LibDirs are searched by require (DIR/NAME.t, DIR/NAME.lua).
	LibDirs []string
}

// Run runs src as a program named name in a fresh runtime: the Lua code
// runs (Terra functions called from Lua are checked, lowered and
// verified but return zero), then every Terra function the program
// created is compiled with its wrapper in verify-only mode. Lua code
// stops after the timeout; Go code still running long after it is a hang.
func Run(name string, src []byte, o Options) Result {
	done := make(chan Result, 1)
	go func() { done <- run(name, src, o) }()
	select {
	case r := <-done:
		return r
	case <-time.After(2*o.Timeout + 10*time.Second):
		return Result{Bug: fmt.Errorf("hang: still running %v after the Lua time limit", o.Timeout+10*time.Second)}
	}
}

func run(name string, src []byte, o Options) (res Result) {
	rt := terralib.New()
	defer rt.Close()
	var bugs []error
	defer func() {
		if r := recover(); r != nil {
			bugs = append(bugs, fmt.Errorf("panic: %v\n%s", r, debug.Stack()))
		}
		if res.Bug == nil && len(bugs) > 0 {
			res.Bug = bugs[0]
		}
	}()
	rt.L.Options.OnGoPanic = func(v any) {
		bugs = append(bugs, fmt.Errorf("panic (caught by Lua): %v\n%s", v, debug.Stack()))
	}
	rt.Engine.SetVerifyOnly()
	var fns []*tree.Function
	rt.OnFunction = func(fn *tree.Function) { fns = append(fns, fn) }
	if err := rt.L.DoString(sandbox); err != nil {
		return Result{Bug: fmt.Errorf("sandbox: %v", err)}
	}
	rt.SetArgs(name, nil)
	var lpath, tpath string
	for _, d := range o.LibDirs {
		lpath += d + "/?.lua;"
		tpath += d + "/?.t;"
	}
	pkg := rt.L.GetGlobal("package").(*lua.LTable)
	pkg.RawSetString("path", lua.LString(lpath))
	pkg.RawSetString("terrapath", lua.LString(tpath))
	ctx, cancel := context.WithTimeout(context.Background(), o.Timeout)
	defer cancel()
	rt.L.SetContext(ctx)

	fn, err := rt.LoadString(name, src)
	if err != nil {
		return Result{Err: err}
	}
	res.Err = rt.Run(fn)
	if res.Bug = goPanic(res.Err); res.Bug != nil {
		return res
	}
	// Compile what the program created: each function's checking and
	// lowering as a program calling it would trigger.
	for i := 0; i < len(fns); i++ {
		f := fns[i]
		if f.Extern || !f.IsDefined() {
			continue
		}
		err := rt.Engine.Compile(f, true)
		var ie *engine.InternalError
		if errors.As(err, &ie) {
			res.Bug = fmt.Errorf("function %s: %v", f.Name, err)
			return res
		}
		if res.Err == nil {
			res.Err = err
		}
	}
	return res
}

// goPanic returns a bug for a Lua error that is a Go panic in disguise.
func goPanic(err error) error {
	var ae *lua.ApiError
	if errors.As(err, &ae) && ae.Type == lua.ApiErrorPanic {
		return fmt.Errorf("Go panic reached Lua: %v", ae.Object)
	}
	return nil
}
