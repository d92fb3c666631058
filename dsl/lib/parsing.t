-- parsing: Pratt (top-down operator precedence) parsing for language
-- extensions, embedded in terrac (require "parsing").
--
--   local P = require "parsing"
--   local expr = P.Pratt()
--     :prefix(P.number, function(p) return p:next().value end)
--     :infix("+", 10, function(p, lhs) p:next(); return lhs + p:expr(10) end)
--   local lang = { expr = expr }
--   ... P.Parse(lang, lex, "expr")
--
-- A rule sees its token as the current one and consumes it itself.
-- Prefix rules get the parser; infix rules get the parser and the left
-- operand. A Pratt object called as rule(p, limit, fixity) parses while
-- the next infix operator binds tighter than limit; with fixity "right" an
-- operator of precedence equal to limit binds too (right associativity).

local P = {}

-- Token types with values, as the lexer reports them.
P.name, P.string, P.number, P.eof = "<name>", "<string>", "<number>", "<eof>"
-- P.default as a prefix token: the rule for a token no other rule takes.
P.default = setmetatable({}, { __tostring = function() return "<default>" end })

local function each(tokens, fn)
  if type(tokens) == "table" and tokens ~= P.default then
    for _, t in ipairs(tokens) do fn(t) end
  else
    fn(tokens)
  end
end

local Pratt = {}
Pratt.__index = Pratt

function P.Pratt()
  return setmetatable({ prefixes = {}, infixes = {} }, Pratt)
end

function Pratt:prefix(tokens, rule)
  each(tokens, function(t) self.prefixes[t] = rule end)
  return self
end

function Pratt:infix(tokens, prec, rule)
  assert(type(prec) == "number", "infix precedence must be a number")
  each(tokens, function(t) self.infixes[t] = { prec = prec, rule = rule } end)
  return self
end

function Pratt:__call(p, limit, fixity)
  limit = limit or 0
  local rule = self.prefixes[p:cur().type] or self.prefixes[P.default]
  if not rule then
    p:error("unexpected symbol")
  end
  local lhs = rule(p)
  while true do
    local op = self.infixes[p:cur().type]
    if not op or op.prec < limit or (op.prec == limit and fixity ~= "right") then
      return lhs
    end
    lhs = op.rule(p, lhs)
  end
end

-- A parser is the lexer plus one method per nonterminal of the language
-- table: p:expr(...) calls lang.expr(p, ...). Lexer methods are
-- forwarded (p:next(), p:expect(")"), p:luaexpr(), ...).
local Parser = {}
function Parser.__index(self, k)
  local rule = rawget(self, "lang")[k]
  if rule ~= nil then
    return function(self, ...) return rule(self, ...) end
  end
  local lex = rawget(self, "lex")
  local v = lex[k]
  if type(v) == "function" then
    return function(_, ...) return v(lex, ...) end
  end
  return v
end

function P.Parser(lang, lex)
  return setmetatable({ lang = lang, lex = lex }, Parser)
end

-- P.Parse(lang, lex, nonterminal) parses one nonterminal and returns its
-- result.
function P.Parse(lang, lex, nonterminal)
  local p = P.Parser(lang, lex)
  return p[nonterminal](p)
end

return P
