// This file implements tests that compile the generated Lua AST with
// gopher-lua and run it against a stub $terra table recording every call.
package parse

import (
	"testing"

	lua "github.com/yuin/gopher-lua"

	"terrac/lang/source"
	"terrac/lang/tast"
)

// stub records calls; declare returns the current value when the cur
// closure finds one, or a fresh declaration object.
const stub = `
local calls = {}
local T = {calls = calls}
local function rec(kind, id, ...)
  local c = {kind = kind, id = id, args = {...}}
  calls[#calls + 1] = c
  return c
end
function T.declare(id, ...)
  local c = rec("declare", id, ...)
  local objs = {}
  for i, cur in ipairs(c.args) do
    -- cur returns the value of the target's root name (the runtime
    -- walks the rest): only an earlier declaration counts.
    local ok, v = pcall(cur)
    if not (ok and type(v) == "table" and v.kind == "decl") then v = nil end
    objs[i] = v or {kind = "decl", id = id, i = i}
  end
  return unpack(objs)
end
function T.define(id, ...) rec("define", id, ...) end
function T.quote(id, ...) return rec("quote", id, ...) end
function T.anonfunction(id, ...) return rec("anonfunction", id, ...) end
function T.anonstruct(id, ...) return rec("anonstruct", id, ...) end
function T.pointer(t) return {kind = "ptr", to = t} end
function T.funcpointer(a, b) return {kind = "fnptr", from = a, to = b} end
function T.int64lit(s, u) return {kind = "int64", s = s, u = u} end
function T.last(kind)
  for i = #calls, 1, -1 do
    if calls[i].kind == kind then return calls[i] end
  end
end
return T
`

func runTerra(t *testing.T, src string) *tast.Registry {
	t.Helper()
	reg := tast.NewRegistry()
	stmts, err := File(source.NewFile("run.t", []byte(src)), reg)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	proto, err := lua.Compile(stmts, "run.t")
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	L := lua.NewState()
	defer L.Close()
	if err := L.DoString(stub); err != nil {
		t.Fatal(err)
	}
	st := L.Get(-1)
	L.Pop(1)
	L.SetGlobal("$terra", st)
	L.SetGlobal("stub", st)
	L.Push(L.NewFunctionFromProto(proto))
	if err := L.PCall(0, 0, nil); err != nil {
		t.Fatalf("run: %v", err)
	}
	return reg
}

func TestRunDesugared(t *testing.T) {
	tests := map[string]string{
		"free name sees Lua local": `
			local x = 42
			terra f() return x + x end
			local d = stub.last("define")
			assert(#d.args == 1 and d.args[1]() == 42)
			assert(f.kind == "decl")`,
		"escape parameters shadow Lua locals": `
			local a, b = "lua a", "lua b"
			terra g(a : int) return [a] + [b] end
			local d = stub.last("define")
			-- holes: int (type), [a], [b]
			assert(d.args[2]("symbol a") == "symbol a")
			assert(d.args[3]("symbol a") == "lua b")`,
		"escape keeps every value": `
			local function two() return 1, 2 end
			terra h() return [two()] end
			local d = stub.last("define")
			local p, q = d.args[1]()
			assert(p == 1 and q == 2)`,
		"local terra declares first": `
			local terra h() return h() end
			assert(h.kind == "decl")
			local d = stub.last("define")
			assert(d.args[1]() == h)`,
		"group declares together": `
			terra a() return b() end
			terra b() return a() end
			local decl = stub.last("declare")
			assert(#decl.args == 2 and a.i == 1 and b.i == 2)
			assert(decl.id == stub.last("define").id)`,
		"cur closure finds earlier declaration": `
			terra f :: int -> int
			local first = f
			terra f(x : int) return x end
			assert(f == first)`,
		"method sugar": `
			local S = {methods = {}}
			terra S:m(x : int) return self end
			assert(S.methods.m.kind == "decl")
			local d = stub.last("define")
			local selfT = d.args[1]()
			assert(selfT.kind == "ptr" and selfT.to == S)`,
		"struct group and metatype": `
			local int = "int"
			local function meta(s) end
			struct P(meta) { x : int, y : &P }
			local d = stub.last("define")
			assert(d.args[1]() == meta)
			assert(d.args[2]() == "int")
			assert(d.args[3]().kind == "ptr")`,
		"quote captures Lua values": `
			local y = 7
			local q = ` + "`" + `y + [y * 2]
			assert(q.kind == "quote" and q.args[1]() == 7 and q.args[2]() == 14)
			local r = quote var z = y in z end
			assert(r.args[1]() == 7)`,
		"call with quote argument": `
			local function id(x) return x end
			local q = id ` + "`" + `1
			assert(q.kind == "quote")
			local r = id quote end
			assert(r.kind == "quote")`,
		"block escape gets emit": `
			terra k(x : int) escape emit(x) emit(2) end end
			local d = stub.last("define")
			local got = {}
			d.args[2](function(v) got[#got + 1] = v end, "X")
			assert(got[1] == "X" and got[2] == 2)`,
		"Lua types": `
			local int = "int"
			local p = &int
			assert(p.kind == "ptr" and p.to == "int")
			local fp = {int} -> int
			assert(fp.kind == "fnptr" and fp.to == "int" and fp.from[1] == "int")
			local big = 2LL
			assert(big.kind == "int64" and big.s == "2" and big.u == false)
			local u = 18446744073709551615ULL
			assert(u.kind == "int64" and u.s == "18446744073709551615" and u.u == true)`,
		"anonymous function and struct": `
			local int = "int"
			local f = terra(a : int) return a end
			assert(f.kind == "anonfunction" and f.args[1]() == "int")
			local s = struct { a : int }
			assert(s.kind == "anonstruct" and s.args[1]() == "int")`,
		"nested terra inside escape": `
			local T = "T"
			terra f(x : int)
				return [ (function() local q = ` + "`" + `x + 1; return q end)() ]
			end
			local d = stub.last("define")
			local q = d.args[2]("symx")
			assert(q.kind == "quote" and q.args[1]() == "symx")`,
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			runTerra(t, src)
		})
	}
}

func TestRegistryIDs(t *testing.T) {
	reg := runTerra(t, "terra f() end\nlocal q = `1\nassert(stub.last('quote').id == 2)")
	if reg.Len() != 2 {
		t.Fatalf("want 2 trees, got %d", reg.Len())
	}
	if _, ok := reg.Get(1).Root.(*tast.Group); !ok {
		t.Errorf("tree 1 is %T", reg.Get(1).Root)
	}
	if reg.Get(2).File == nil || reg.Get(2).ID != 2 {
		t.Errorf("tree 2 lacks file or id")
	}
}
