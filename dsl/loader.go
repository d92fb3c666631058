// This file implements finding language and library modules: a package
// loader for .t files on package.terrapath, and the embedded libraries.
package dsl

import (
	"embed"
	"os"
	"strings"

	lua "github.com/yuin/gopher-lua"
)

// The embedded libraries: lib/NAME.t is module NAME; a library with several
// files is a folder, cpp/init.t being module cpp and cpp/vector.t module
// cpp.vector; image/ likewise.
//
//go:embed lib/*.t cpp/*.t image/*.t
var libFS embed.FS

// defaultTerraPath is used when TERRA_PATH is not set; ";;" in TERRA_PATH
// stands for it, as in Lua's LUA_PATH.
const defaultTerraPath = "./?.t;./?/init.t"

// installLoader appends to package.loaders a loader that finds NAME.t on
// package.terrapath (dots in NAME become '/'), then in the embedded
// libraries, and compiles it with the Terra parser.
func (h *Host) installLoader() {
	L := h.L
	pkg, ok := L.GetGlobal("package").(*lua.LTable)
	if !ok {
		return
	}
	if pkg.RawGetString("terrapath") == lua.LNil {
		path := defaultTerraPath
		if env, ok := os.LookupEnv("TERRA_PATH"); ok {
			path = strings.ReplaceAll(env, ";;", ";"+defaultTerraPath+";")
		}
		pkg.RawSetString("terrapath", lua.LString(path))
	}
	loaders, ok := pkg.RawGetString("loaders").(*lua.LTable)
	if !ok {
		return
	}
	loaders.Append(L.NewFunction(h.loadTerraModule))
}

func (h *Host) loadTerraModule(L *lua.LState) int {
	name := L.CheckString(1)
	file := strings.ReplaceAll(name, ".", "/")
	var tried strings.Builder
	pkg := L.GetGlobal("package").(*lua.LTable)
	for _, pat := range strings.Split(lua.LVAsString(pkg.RawGetString("terrapath")), ";") {
		if pat == "" {
			continue
		}
		path := strings.ReplaceAll(pat, "?", file)
		if src, err := os.ReadFile(path); err == nil {
			fn, err := h.load(path, src)
			if err != nil {
				L.RaiseError("error loading module '%s' from file '%s':\n\t%s", name, path, err.Error())
			}
			L.Push(fn)
			return 1
		}
		tried.WriteString("\n\tno file '" + path + "'")
	}
	if src, path, ok := embeddedModule(file); ok {
		fn, err := h.load(path, src)
		if err != nil {
			L.RaiseError("error loading embedded module '%s':\n\t%s", name, err.Error())
		}
		L.Push(fn)
		return 1
	}
	tried.WriteString("\n\tno embedded library '" + name + "'")
	L.Push(lua.LString(tried.String()))
	return 1
}

// embeddedModule finds the embedded source of a module by its path with
// dots as slashes: lib/FILE.t, then FILE.t and FILE/init.t for libraries
// kept in their own folder. path is the chunk name errors show.
func embeddedModule(file string) (src []byte, path string, ok bool) {
	for _, p := range []string{"lib/" + file + ".t", file + ".t", file + "/init.t"} {
		if src, err := libFS.ReadFile(p); err == nil {
			return src, strings.TrimPrefix(p, "lib/"), true
		}
	}
	return nil, "", false
}
