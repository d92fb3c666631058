// This file implements the Lua-side libraries: `require` of .t modules
// through package.terrapath, the libraries embedded in the binary
// (terralist, asdl, std, strict), terralib.newlist and
// terralib.loadfile / loadstring / load.
package terralib

import (
	"embed"
	"os"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

//go:embed lib/*.lua lib/*.t
var libFS embed.FS

// embeddedLib returns the source of an embedded library module.
func embeddedLib(name string) (string, []byte, bool) {
	for _, ext := range []string{".t", ".lua"} {
		path := "lib/" + name + ext
		if src, err := libFS.ReadFile(path); err == nil {
			return path, src, true
		}
	}
	return "", nil, false
}

func (rt *Runtime) initLibraries() {
	L := rt.L
	pkg := L.GetGlobal("package").(*lua.LTable)
	if pkg.RawGetString("terrapath") == lua.LNil {
		tp := "./?.t;./?/init.t"
		if env := os.Getenv("TERRA_PATH"); env != "" {
			tp = strings.ReplaceAll(env, ";;", ";"+tp+";")
		}
		pkg.RawSetString("terrapath", lua.LString(tp))
	}
	// Our loader goes right after package.preload: .t files on the
	// terrapath, .lua files on package.path through our parser, then
	// the embedded libraries.
	if loaders, ok := pkg.RawGetString("loaders").(*lua.LTable); ok {
		loaders.Insert(2, L.NewFunction(rt.terraLoader))
	}
	// Strict is the global table's metatable, as in Terra, so programs
	// that switch strict mode off (Strict.__index = nil) run; it stays
	// empty (no checks) until require "strict".
	if L.GetMetatable(L.G.Global) == lua.LNil {
		L.SetMetatable(L.G.Global, L.NewTable())
	}
	L.SetGlobal("Strict", L.GetMetatable(L.G.Global))
	tl := L.GetGlobal("terralib").(*lua.LTable)
	listv, err := rt.requireLib("terralist")
	if err != nil {
		panic("terralib: loading embedded terralist: " + err.Error())
	}
	list := listv.(*lua.LTable)
	rt.listMeta = list
	tl.RawSetString("List", list)
	defer rt.installLangSupport(tl)
	L.SetFuncs(tl, map[string]lua.LGFunction{
		"newlist": func(L *lua.LState) int {
			tb := L.OptTable(1, nil)
			if tb == nil {
				tb = L.NewTable()
			}
			tb.Metatable = list
			L.Push(tb)
			return 1
		},
		"islist": func(L *lua.LState) int {
			tb, ok := L.Get(1).(*lua.LTable)
			L.Push(lua.LBool(ok && tb.Metatable == list))
			return 1
		},
		"israwlist": func(L *lua.LState) int {
			tb, ok := L.Get(1).(*lua.LTable)
			// A List always counts; a plain table when it is a sequence.
			L.Push(lua.LBool(ok && (tb.Metatable == list || (tb.Metatable == lua.LNil && isSequence(tb)))))
			return 1
		},
		"loadfile": func(L *lua.LState) int {
			fn, err := rt.LoadFile(L.CheckString(1))
			if err != nil {
				L.Push(lua.LNil)
				L.Push(lua.LString(Message(err)))
				return 2
			}
			L.Push(fn)
			return 1
		},
		"loadstring": func(L *lua.LState) int {
			return rt.loadChunk(L, L.CheckString(1), L.OptString(2, L.CheckString(1)))
		},
		"load": func(L *lua.LState) int {
			var src string
			switch v := L.Get(1).(type) {
			case lua.LString:
				src = string(v)
			case *lua.LFunction:
				var b strings.Builder
				for {
					vals, err := rt.CallHole(v)
					if err != nil {
						L.Push(lua.LNil)
						L.Push(lua.LString(luaErrorText(err)))
						return 2
					}
					if len(vals) == 0 || vals[0] == lua.LNil || lua.LVAsString(vals[0]) == "" {
						break
					}
					b.WriteString(lua.LVAsString(vals[0]))
				}
				src = b.String()
			default:
				L.ArgError(1, "string or function expected")
			}
			return rt.loadChunk(L, src, L.OptString(2, "=(load)"))
		},
	})
}

// installLangSupport copies the helpers of the embedded langsupport
// library (newenvironment, newdiagnostics) into terralib. It is not a
// require-able module: it runs once, after newlist exists.
func (rt *Runtime) installLangSupport(tl *lua.LTable) {
	path, src, _ := embeddedLib("langsupport")
	fn, err := rt.LoadString(path, src)
	if err != nil {
		panic("terralib: loading embedded langsupport: " + Message(err))
	}
	vals, err := rt.CallHole(fn)
	if err != nil {
		panic("terralib: running embedded langsupport: " + err.Error())
	}
	if m, ok := vals[0].(*lua.LTable); ok {
		m.ForEach(func(k, v lua.LValue) { tl.RawSet(k, v) })
	}
}

func isSequence(tb *lua.LTable) bool {
	n := 0
	ok := true
	tb.ForEach(func(k, _ lua.LValue) {
		if num, isNum := k.(lua.LNumber); isNum && float64(num) >= 1 && float64(num) == float64(int(num)) {
			n++
			return
		}
		ok = false
	})
	return ok && n == tb.Len()
}

// loadChunk compiles Lua+Terra source; on error it returns nil and the
// message, as Lua's loadstring does.
func (rt *Runtime) loadChunk(L *lua.LState, src, name string) int {
	chunkname := name
	name = strings.TrimPrefix(strings.TrimPrefix(name, "="), "@")
	if !strings.HasPrefix(chunkname, "@") {
		rt.rememberChunkName(name, chunkname)
	}
	fn, err := rt.LoadString(name, []byte(src))
	if err != nil {
		L.Push(lua.LNil)
		L.Push(lua.LString(Message(err)))
		return 2
	}
	L.Push(fn)
	return 1
}

// requireLib runs require(name) and returns the module.
func (rt *Runtime) requireLib(name string) (lua.LValue, error) {
	vals, err := rt.CallHole(rt.L.GetGlobal("require"), lua.LString(name))
	if err != nil {
		return nil, err
	}
	if len(vals) == 0 {
		return lua.LNil, nil
	}
	return vals[0], nil
}

// terraLoader is a package.loaders entry: it finds name on
// package.terrapath (read as Terra), then on package.path (read as plain
// Lua 5.1, where `terra` or `escape` may be ordinary names, as Terra's
// standard Lua loader reads them) and finally among the embedded libraries.
func (rt *Runtime) terraLoader(L *lua.LState) int {
	name := L.CheckString(1)
	pkg := L.GetGlobal("package").(*lua.LTable)
	file := strings.ReplaceAll(name, ".", "/")
	var tried []string
	for _, field := range []string{"terrapath", "path"} {
		for _, tmpl := range strings.Split(lua.LVAsString(pkg.RawGetString(field)), ";") {
			if tmpl == "" {
				continue
			}
			path := strings.ReplaceAll(tmpl, "?", file)
			if _, err := os.Stat(path); err != nil {
				tried = append(tried, "\n\tno file '"+path+"'")
				continue
			}
			var fn *lua.LFunction
			var err error
			if field == "path" {
				fn, err = rt.LoadPlainLuaFile(path)
			} else {
				fn, err = rt.LoadFile(path)
			}
			if err != nil {
				L.RaiseError("error loading module '%s' from file '%s':\n\t%s", name, path, Message(err))
			}
			L.Push(fn)
			return 1
		}
	}
	if path, src, ok := embeddedLib(name); ok {
		fn, err := rt.LoadString(path, src)
		if err != nil {
			L.RaiseError("error loading embedded module '%s': %s", name, Message(err))
		}
		L.Push(fn)
		return 1
	}
	L.Push(lua.LString(strings.Join(tried, "")))
	return 1
}
