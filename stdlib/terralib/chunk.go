// This file implements loading a chunk with a caller's parser settings and
// a rewrite of its statements (used by the REPL).
package terralib

import (
	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/ast"

	"terrac/internal/phase"
	"terrac/lang/parse"
	"terrac/lang/source"
)

// ParseConfig returns the parser configuration the runtime loads with
// (language extensions import through the runtime's Lua state).
func (rt *Runtime) ParseConfig() parse.Config { return rt.ext.Config() }

// LoadChunk is LoadString with a parser configuration and an optional
// rewrite of the parsed statements before they are compiled.
func (rt *Runtime) LoadChunk(name string, src []byte, cfg parse.Config, rewrite func([]ast.Stmt) []ast.Stmt) (*lua.LFunction, error) {
	f := source.NewFile(name, src)
	rt.files[name] = f
	phase.Enter(phase.Parse)
	stmts, err := parse.FileConfig(f, rt.Registry, cfg)
	phase.Leave()
	if err != nil {
		return nil, err
	}
	if rewrite != nil {
		stmts = rewrite(stmts)
	}
	phase.Enter(phase.LuaCompile)
	proto, err := lua.Compile(stmts, name)
	phase.Leave()
	if err != nil {
		return nil, err
	}
	return rt.L.NewFunctionFromProto(proto), nil
}
