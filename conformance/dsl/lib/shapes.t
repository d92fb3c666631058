-- A small language for the Pratt library's finer points: precedence given
-- by an operator token, right associativity, a default prefix rule and
-- rules that return two values (the text and the depth of the tree).
local P = require "parsing"

local function left(p, lhs, lhsdepth)
  local op = p:next().type
  local rhs, rdepth = p:e(op)
  return "(" .. lhs .. op .. rhs .. ")", math.max(lhsdepth, rdepth) + 1
end

local function right(p, lhs, lhsdepth)
  local op = p:next().type
  local rhs, rdepth = p:e(op, "right")
  return "(" .. lhs .. op .. rhs .. ")", math.max(lhsdepth, rdepth) + 1
end

local lang = {}
lang.e = P.Pratt()
  :infix("+", 1, left)
  :infix("-", 1, left)
  :infix("*", 2, left)
  :infix("::", 3, right)
  :prefix("-", function(p)
    p:next()
    local v, d = p:e(5)
    return "(-" .. v .. ")", d + 1
  end)
  -- any other token starts an atom
  :prefix(P.default, function(p) return p:atom() end)
  :infix(".", 4, function(p, fn, fdepth)
    p:next()
    local arg, adepth = p:e(4)
    return fn .. "[" .. arg .. "]", math.max(fdepth, adepth) + 1
  end)

function lang.atom(p)
  if p:matches(p.name) or p:matches(p.number) then
    return tostring(p:next().value), 0
  end
  local open = p:expect("(")
  local v, d = p:e()
  p:expectmatch(")", "(", open.linenumber)
  return v, d
end

-- A second rule for a token is refused.
local ok, err = pcall(function() P.Pratt():infix("+", 1, left):infix("+", 2, left) end)
assert(not ok and err:match("infix rule for %+ already defined"))

local seen = {}
return {
  name = "shapes",
  entrypoints = { "shape", "note" },
  keywords = { "done" },
  expression = function(self, lex)
    if lex:nextif("note") then
      -- used as a statement: the constructor runs for its effect
      local word = lex:expect(lex.name).value
      return function() seen[#seen + 1] = word; return #seen end
    end
    lex:expect("shape")
    local s, depth = P.Parse(lang, lex, "e")
    lex:expect("done")
    return function() return s, depth end
  end,
  seen = seen,
}
