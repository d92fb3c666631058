package dsl

import (
	"bytes"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// TestPratt runs the embedded Pratt library on a token list served by a
// Lua stand-in for the extension lexer.
func TestPratt(t *testing.T) {
	L := lua.NewState()
	defer L.Close()
	// parsing.t is plain Lua, so gopher-lua's own loader can compile it here.
	Install(L, L.NewTable(), func(name string, src []byte) (*lua.LFunction, error) {
		return L.Load(bytes.NewReader(src), name)
	})
	err := L.DoString(`
-- The token types the library takes from terralib.languageextension.
terralib = { languageextension = { name = "<name>", string = "<string>", number = "<number>", eof = "<eof>", default = "<default>" } }
local P = require "parsing"
local function lexer(toks)
  local i = 1
  local lex = {}
  function lex:cur() return toks[i] or { type = P.eof } end
  function lex:next() local t = self:cur(); i = i + 1; return t end
  function lex:error(msg) error(msg .. " at " .. tostring(i), 0) end
  return lex
end
local function num(v) return { type = P.number, value = v } end
local function op(o) return { type = o } end
local function bin(prec, fixity)
  return function(p, lhs) local o = p:next().type; return "(" .. lhs .. o .. p:expr(prec, fixity) .. ")" end
end
local expr = P.Pratt()
  :prefix(P.number, function(p) return tostring(p:next().value) end)
  :prefix("-", function(p) p:next(); return "(-" .. p:expr(30) .. ")" end)
  :infix({ "+", "-" }, 10, bin(10))
  :infix("*", 20, bin(20))
  :infix("^", 40, bin(40, "right"))
local function parse(toks) return P.Parse({ expr = expr }, lexer(toks), "expr") end
result1 = parse { num(1), op("+"), num(2), op("*"), num(3), op("-"), num(4) }
result2 = parse { num(2), op("^"), num(3), op("^"), num(2) }
result3 = parse { op("-"), num(2), op("^"), num(2), op("*"), num(5) }
ok, err4 = pcall(parse, { op("*") })
`)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"result1": "((1+(2*3))-4)",
		"result2": "(2^(3^2))",
		"result3": "((-(2^2))*5)",
		"err4":    "unexpected symbol at 1",
	} {
		if got := L.GetGlobal(name).String(); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}
