-- A statement language that declares Terra functions (NAME may be a.b.c
-- unless local):
--   [local] func NAME(p : T, ...) : R = <terra expression>
--   [local] func NAME(p : T, ...) : R do <terra statements> end
-- Types are Lua expressions; the body sees the parameters as Terra
-- variables and the enclosing Lua scope for everything else.

local function parse(lex, islocal)
  lex:expect("func")
  local name = { lex:expect(lex.name).value }
  while not islocal and lex:nextif(".") do
    name[#name + 1] = lex:expect(lex.name).value
  end
  local open = lex:expect("(")
  local params = {}
  if not lex:matches(")") then
    repeat
      local pname = lex:expect(lex.name).value
      lex:expect(":")
      params[#params + 1] = { name = pname, type = lex:luaexpr() }
    until not lex:nextif(",")
  end
  lex:expectmatch(")", "(", open.linenumber)
  lex:expect(":")
  local result = lex:luaexpr()
  local body, isstats
  if lex:nextif("=") then
    body = lex:terraexpr()
  else
    local start = lex:expect("do")
    body, isstats = lex:terrastats(), true
    lex:expectmatch("end", "do", start.linenumber)
  end
  local function ctor(envfn)
    local env = envfn()
    local syms = {}
    for i, p in ipairs(params) do
      syms[i] = symbol(p.type(env), p.name)
    end
    for i, p in ipairs(params) do env[p.name] = syms[i] end
    local R = result(env)
    local q = body(env)
    if isstats then
      return terra([syms]) : R
        [q]
      end
    end
    return terra([syms]) : R return [q] end
  end
  return ctor, { name }
end

return {
  name = "funclang",
  entrypoints = { "func" },
  keywords = { "do" },
  statement = function(self, lex) return parse(lex, false) end,
  localstatement = function(self, lex) return parse(lex, true) end,
}
