// This file tests that includec tables filled on demand behave as tables
// filled at once.
package terralib

import (
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"

	"terrac/stdlib/cimport"
)

const lazyHeaders = "#include <stdio.h>\n#include <stdlib.h>\n#include <math.h>\n#include <string.h>\nstruct pt { int x, y; };\nstatic int nobody(int);\n"

// describe lists every name of the three tables and the errors table,
// with the Lua type of its value, as pairs sees them.
const describe = `
local G, T, M = terralib.includecstring(...)
LOOKUPS
local out = {}
local function walk(tag, t)
  for k, v in pairs(t) do out[#out + 1] = tag .. " " .. k .. " " .. type(v) end
end
walk("G", G) walk("T", T) walk("M", M) walk("E", getmetatable(G).errors)
table.sort(out)
return table.concat(out, "\n")
`

// runDescribe runs describe in a new runtime, after the Lua lookups.
func runDescribe(t *testing.T, lookups string) string {
	t.Helper()
	rt := New()
	defer rt.Close()
	fn, err := rt.L.LoadString(strings.Replace(describe, "LOOKUPS", lookups, 1))
	if err != nil {
		t.Fatal(err)
	}
	rt.L.Push(fn)
	rt.L.Push(lua.LString(lazyHeaders))
	if err := rt.L.PCall(1, 1, nil); err != nil {
		t.Fatal(err)
	}
	return lua.LVAsString(rt.L.Get(-1))
}

// TestIncludecLazyWholeTable: with the cache warm, a lookup decodes a
// few declarations only, and pairs over the tables, after some lookups,
// sees exactly what an import without cache sees.
func TestIncludecLazyWholeTable(t *testing.T) {
	old := importOptions
	defer func() { importOptions = old }()

	importOptions = cimport.Options{NoCache: true}
	eager := runDescribe(t, "")
	for _, want := range []string{"G printf ", "G FILE ", "T pt ", "M BUFSIZ", "E nobody string"} {
		if !strings.Contains(eager, want) {
			t.Fatalf("no %q in the eager tables", want)
		}
	}

	importOptions = cimport.Options{CacheDir: t.TempDir()}
	if _, err := cimport.Import(lazyHeaders, nil, importOptions); err != nil {
		t.Fatal(err)
	}
	cimport.ForgetInProcess()
	rt := New()
	fn, err := rt.L.LoadString(`local C, T = terralib.includecstring(...) assert(C.printf and T.pt and rawget(C, "pt") == T.pt)`)
	if err == nil {
		rt.L.Push(fn)
		rt.L.Push(lua.LString(lazyHeaders))
		err = rt.L.PCall(1, 0, nil)
	}
	rt.Close()
	if err != nil {
		t.Fatal(err)
	}
	h, err := cimport.ImportLazy(lazyHeaders, nil, importOptions)
	if err != nil {
		t.Fatal(err)
	}
	n, total := h.DecodedTypes()
	if total == 0 || n*20 > total {
		t.Errorf("three lookups decoded %d of %d types", n, total)
	}

	// A traversal at once, and one after lookups in each table (some
	// names found, some missing, some only in errors).
	for _, lookups := range []string{"", `assert(G.printf and G.FILE and T.pt and M.BUFSIZ and not rawget(G, "nope") and not rawget(T, "nope"))
		assert(getmetatable(G).errors.nobody and pcall(function() return G.BUFSIZ end))`} {
		cimport.ForgetInProcess()
		if lazy := runDescribe(t, lookups); lazy != eager {
			el, ll := strings.Split(eager, "\n"), strings.Split(lazy, "\n")
			t.Errorf("pairs over lazy tables (lookups %q) differs from eager ones: %d entries vs %d", lookups, len(ll), len(el))
		}
	}
}

// TestIncludecLazyErrorsAndRecords: a missing name reports its reason on
// first lookup, and a record is one Terra type whichever import or table
// it is reached from.
func TestIncludecLazyErrorsAndRecords(t *testing.T) {
	old := importOptions
	defer func() { importOptions = old }()
	importOptions = cimport.Options{CacheDir: t.TempDir()}
	if _, err := cimport.Import(lazyHeaders, nil, importOptions); err != nil {
		t.Fatal(err)
	}
	cimport.ForgetInProcess()
	rt := New()
	defer rt.Close()
	fn, err := rt.L.LoadString(`
		local C, T = terralib.includecstring(...)
		local ok, msg = pcall(function() return C.nobody end)
		assert(not ok and msg:find("static function without a body"), msg)
		assert(getmetatable(C).errors.nobody:find("static function"))
		local ok2, msg2 = pcall(function() return C.no_such_name end)
		assert(not ok2 and msg2:find("not found"), msg2)
		local S = terralib.includec("stdio.h")
		assert(S.FILE == C.FILE, "FILE differs between imports")
		assert(T._IO_FILE == C.FILE, "tag and typedef differ")
	`)
	if err != nil {
		t.Fatal(err)
	}
	rt.L.Push(fn)
	rt.L.Push(lua.LString(lazyHeaders))
	if err := rt.L.PCall(1, 0, nil); err != nil {
		t.Fatal(err)
	}
}
