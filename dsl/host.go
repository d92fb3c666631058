// This file implements Host: importing language modules, running their
// parsers at parse time and their constructors at run time.
package dsl

import (
	"errors"
	"fmt"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/dsl/image/grubcfg"
	"terrac/lang/parse"
)

// Host connects language extensions to one Lua state.
type Host struct {
	L *lua.LState
	// load parses and compiles .t source with the runtime's parser.
	load  func(name string, src []byte) (*lua.LFunction, error)
	ctors *lua.LTable // constructors by id
	n     int
}

// Install sets up extensions in L: `$terra.extension` in the internal
// table terra, the .t module loader and the embedded libraries. load
// compiles .t source under a chunk name (terralib's loader, which imports
// through the Host in turn).
func Install(L *lua.LState, terra *lua.LTable, load func(name string, src []byte) (*lua.LFunction, error)) *Host {
	h := &Host{L: L, load: load, ctors: L.NewTable()}
	terra.RawSetString("extension", L.NewFunction(h.runExtension))
	h.installLoader()
	// Go-backed parts of the embedded libraries.
	L.PreloadModule("image.grubcfg", grubcfg.Loader)
	return h
}

// Config returns the parser configuration that imports through h.
func (h *Host) Config() parse.Config { return parse.Config{Importer: h.Import} }

// Import loads a language module as require does and returns its language.
func (h *Host) Import(name string) (parse.Language, error) {
	L := h.L
	if err := L.CallByParam(lua.P{Fn: L.GetGlobal("require"), NRet: 1, Protect: true}, lua.LString(name)); err != nil {
		msg := strings.TrimRight(strings.TrimSpace(luaErrorText(err)), ",")
		// An error raised while the module ran keeps its traceback, as
		// Terra's does: the failing frame is usually deep in the module.
		var ae *lua.ApiError
		if errors.As(err, &ae) && ae.StackTrace != "" && !strings.Contains(msg, "stack traceback:") {
			msg += "\n" + strings.TrimSpace(ae.StackTrace)
		}
		return nil, errors.New(msg)
	}
	v := L.Get(-1)
	L.Pop(1)
	tbl, ok := v.(*lua.LTable)
	if !ok {
		return nil, fmt.Errorf("module did not return a language table (got %s)", v.Type())
	}
	lang := &language{h: h, tbl: tbl, name: lua.LVAsString(tbl.RawGetString("name"))}
	if lang.name == "" {
		lang.name = name
	}
	lang.entries = stringList(tbl.RawGetString("entrypoints"))
	lang.keywords = stringList(tbl.RawGetString("keywords"))
	if len(lang.entries) == 0 {
		return nil, errors.New("language has no entrypoints")
	}
	return lang, nil
}

func stringList(v lua.LValue) []string {
	t, ok := v.(*lua.LTable)
	if !ok {
		return nil
	}
	var out []string
	for i := 1; i <= t.Len(); i++ {
		out = append(out, lua.LVAsString(t.RawGetInt(i)))
	}
	return out
}

// luaErrorText is the message of a Lua error without gopher-lua's stack
// traceback.
func luaErrorText(err error) string {
	var ae *lua.ApiError
	msg := err.Error()
	if errors.As(err, &ae) && ae.Object != nil {
		msg = ae.Object.String()
	}
	if i := strings.Index(msg, "\nstack traceback:"); i >= 0 {
		msg = msg[:i]
	}
	return msg
}

// language is a Lua language table.
type language struct {
	h        *Host
	tbl      *lua.LTable
	name     string
	entries  []string
	keywords []string
}

var kindField = [...]string{parse.ExtExpression: "expression", parse.ExtStatement: "statement", parse.ExtLocalStatement: "localstatement"}

func (l *language) Name() string          { return l.name }
func (l *language) Entrypoints() []string { return l.entries }
func (l *language) Keywords() []string    { return l.keywords }

// Has is true for every kind: an entry point is a keyword wherever its
// language is imported, so the language is entered even when it has no
// parser for this position (Parse then reports the token as unexpected).
func (l *language) Has(k parse.ExtKind) bool { return true }

// parser returns the language's function for kind. A language without a
// statement parser is still entered at the start of a statement: its
// expression is evaluated for effect, as Terra does.
func (l *language) parser(k parse.ExtKind) lua.LValue {
	if fn, ok := l.tbl.RawGetString(kindField[k]).(*lua.LFunction); ok {
		return fn
	}
	if k == parse.ExtStatement {
		if fn, ok := l.tbl.RawGetString(kindField[parse.ExtExpression]).(*lua.LFunction); ok {
			return fn
		}
	}
	return lua.LNil
}

// Parse calls the language's parser for kind with a Lua lexer over lx and
// keeps the constructor it returns.
func (l *language) Parse(kind parse.ExtKind, lx *parse.Lexer) (int, [][]string, error) {
	L := l.h.L
	fn := l.parser(kind)
	if fn == lua.LNil {
		return 0, nil, errors.New("unexpected token")
	}
	top := L.GetTop()
	defer L.SetTop(top)
	if err := L.CallByParam(lua.P{Fn: fn, NRet: 2, Protect: true}, l.tbl, newLexer(L, lx)); err != nil {
		return 0, nil, errors.New(luaErrorText(err))
	}
	ctor, names := L.Get(-2), L.Get(-1)
	if _, ok := l.tbl.RawGetString(kindField[kind]).(*lua.LFunction); !ok {
		names = lua.LNil // an expression standing as a statement assigns nothing
	}
	if ctor.Type() != lua.LTFunction && !isCallable(L, ctor) {
		return 0, nil, fmt.Errorf("%s parser returned %s, not a constructor function", kindField[kind], ctor.Type())
	}
	paths, err := namePaths(names, kind == parse.ExtLocalStatement)
	if err != nil {
		return 0, nil, err
	}
	l.h.n++
	l.h.ctors.RawSetInt(l.h.n, ctor)
	return l.h.n, paths, nil
}

func isCallable(L *lua.LState, v lua.LValue) bool {
	return L.GetMetaField(v, "__call") != lua.LNil
}

// namePaths reads the names a statement assigns: {"a", {"b","c"}} is a
// and b.c.
func namePaths(v lua.LValue, local bool) ([][]string, error) {
	if v == lua.LNil {
		return nil, nil
	}
	t, ok := v.(*lua.LTable)
	if !ok {
		return nil, fmt.Errorf("statement names must be a table, got %s", v.Type())
	}
	var out [][]string
	for i := 1; i <= t.Len(); i++ {
		switch n := t.RawGetInt(i).(type) {
		case lua.LString:
			out = append(out, []string{string(n)})
		case *lua.LTable:
			path := stringList(n)
			if len(path) == 0 || (local && len(path) > 1) {
				return nil, fmt.Errorf("bad name %d in statement names", i)
			}
			out = append(out, path)
		default:
			return nil, fmt.Errorf("bad name %d in statement names", i)
		}
	}
	return out, nil
}

// runExtension is $terra.extension(id, envfn): it calls constructor id
// with an environment function whose table falls back to the globals of
// the extension site.
func (h *Host) runExtension(L *lua.LState) int {
	ctor := h.ctors.RawGetInt(L.CheckInt(1))
	raw := L.CheckFunction(2)
	envfn := L.NewFunction(func(L *lua.LState) int {
		L.Push(raw)
		L.Call(0, 1)
		t, ok := L.Get(-1).(*lua.LTable)
		if !ok {
			t = L.NewTable()
		}
		L.Pop(1)
		mt := L.NewTable()
		mt.RawSetString("__index", raw.Env)
		L.SetMetatable(t, mt)
		L.Push(t)
		return 1
	})
	top := L.GetTop()
	L.Push(ctor)
	L.Push(envfn)
	L.Call(1, lua.MultRet)
	return L.GetTop() - top
}
