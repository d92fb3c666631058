// This file implements the Runtime: one Lua state with terralib loaded,
// and running a .t file in it.
package terralib

import (
	"os"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/check"
	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/dsl"
	"terrac/internal/phase"
	"terrac/lang/parse"
	"terrac/lang/source"
	"terrac/lang/tast"
	"terrac/runtime/cdata"
	"terrac/runtime/engine"
)

// Runtime is one Terra program's world: its Lua state, its parsed
// trees and its compiled code.
type Runtime struct {
	L        *lua.LState
	Registry *tast.Registry
	Engine   *engine.Engine

	files      map[string]*source.File
	chunkNames map[string]string // loadstring chunks: stripped name → Lua chunk name
	typeMeta   *lua.LTable
	funcMeta   *lua.LTable
	cdataMeta  *lua.LTable
	symMeta    *lua.LTable
	quoteMeta  *lua.LTable
	labelMeta  *lua.LTable
	macroMeta  *lua.LTable
	typeValues map[*types.Type]*lua.LUserData
	symValues  map[*tree.Symbol]*lua.LUserData
	cimports   map[string]lua.LValue
	checker    *check.Checker
	listMeta   lua.LValue      // terralib.List, once loaded
	cRecords   cRecords        // C structs by tag or typedef name (ctypes.go)
	ffi        ffiState        // LuaJIT's ffi module (ffi.go)
	ext        *dsl.Host       // language extensions (import)
	bridge     *bridgeState    // bridge.go
	callbacks  []callbackFrame // user callbacks running (callback.go)
	cnames     cNames          // T:cstring() (cstring.go)
	// compileTimes remembers how long each function printstats compiled took.
	compileTimes map[*tree.Function]float64

	globalMem []*cdata.Value // storage of globals, alive for the program
	linked    []string       // libraries loaded with linklibrary, for saved files

	// OnFunction, if set, is told about every Terra function when it
	// first becomes a Lua value (fuzzing compiles them all).
	OnFunction func(*tree.Function)
	// OnDiagnostics, if set, is given the located diagnostics of every
	// error raised into Lua (check mode reports them itself, sorted,
	// even when the program catches the error).
	OnDiagnostics func(source.List)
	// OnVerifiedCall, if set, is called when Lua calls a Terra function
	// in verify-only mode, after the function was checked and verified
	// and before its zero result is returned. It may raise a Lua error.
	OnVerifiedCall func(L *lua.LState, fn *tree.Function)
}

// New makes a runtime with the standard Lua libraries, terralib, the
// global type names and `$terra`.
func New() *Runtime {
	L := lua.NewState(lua.Options{CallStackSize: 1024 * 8, RegistrySize: 1024 * 64, RegistryMaxSize: 1024 * 1024 * 8})
	rt := &Runtime{
		L:          L,
		Registry:   tast.NewRegistry(),
		files:      map[string]*source.File{},
		typeValues: map[*types.Type]*lua.LUserData{},
		symValues:  map[*tree.Symbol]*lua.LUserData{},
		cimports:   map[string]lua.LValue{},
	}
	rt.checker = check.New(rt)
	rt.Engine = engine.New(rt.checker)
	rt.initStdout()
	rt.initExitAndFlush()
	defer rt.initTraceback()
	rt.initTypeMeta()
	rt.initFuncMeta()
	rt.initObjectMetas()
	rt.initCdataMeta()
	rt.initBridge()
	rt.initGlobals()
	rt.initTerralib()
	rt.initMacros()
	rt.initGlobalVars()
	rt.initOverloads()
	rt.initLowLevel()
	rt.initDebug()
	rt.initDebugInfo()
	rt.initInternal()
	rt.initMeta()
	rt.initValues()
	rt.initCompat()
	rt.ext = dsl.Install(L, L.GetGlobal("$terra").(*lua.LTable), rt.LoadString)
	rt.initSaveobj()
	rt.initAPI()
	return rt
}

// Close releases the Lua state and the runtime's callbacks, and frees
// the JIT code of a tracked engine (engine.Track). Nothing may call the
// runtime's native code afterwards.
func (rt *Runtime) Close() error {
	for _, id := range rt.bridge.cbIDs {
		cdata.RemoveCallback(id)
	}
	rt.bridge.cbIDs = nil
	tracebackRuntime.CompareAndSwap(rt, nil)
	err := rt.Engine.Close()
	rt.L.Close()
	return err
}

// File returns a source file the runtime has loaded, by chunk name.
func (rt *Runtime) File(name string) *source.File { return rt.files[name] }

// LoadFile parses and compiles a .t file into a Lua function.
func (rt *Runtime) LoadFile(path string) (*lua.LFunction, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return rt.LoadString(path, src)
}

// LoadPlainLuaFile loads a Lua 5.1 file in which Terra's reserved words
// are ordinary names.
func (rt *Runtime) LoadPlainLuaFile(path string) (*lua.LFunction, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	cfg := rt.ext.Config()
	cfg.PlainLua = true
	return rt.LoadChunk(path, src, cfg, nil)
}

// LoadString parses and compiles Lua+Terra source under a chunk name.
func (rt *Runtime) LoadString(name string, src []byte) (*lua.LFunction, error) {
	f := source.NewFile(name, src)
	rt.files[name] = f
	phase.Enter(phase.Parse)
	stmts, err := parse.FileConfig(f, rt.Registry, rt.ext.Config())
	phase.Leave()
	if err != nil {
		return nil, err
	}
	phase.Enter(phase.LuaCompile)
	proto, err := lua.Compile(stmts, name)
	phase.Leave()
	if err != nil {
		return nil, err
	}
	return rt.L.NewFunctionFromProto(proto), nil
}

// SetArgs sets the global `arg` table as the standalone Lua does.
func (rt *Runtime) SetArgs(script string, args []string) {
	tb := rt.L.NewTable()
	tb.RawSetInt(0, lua.LString(script))
	for i, a := range args {
		tb.RawSetInt(i+1, lua.LString(a))
	}
	rt.L.SetGlobal("arg", tb)
}

// Run calls a loaded chunk with args.
func (rt *Runtime) Run(fn *lua.LFunction, args ...string) error {
	rt.L.Push(fn)
	for _, a := range args {
		rt.L.Push(lua.LString(a))
	}
	return rt.L.PCall(len(args), lua.MultRet, nil)
}
