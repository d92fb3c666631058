-- parsing: Pratt (top-down operator precedence) parsing for language
-- extensions, embedded in terrac (require "parsing").
--
--   local P = require "parsing"
--   local lang = {}
--   lang.exp = P.Pratt()
--     :prefix(P.number, function(p) return p:next().value end)
--     :infix("+", 10, function(p, lhs) p:next(); return lhs + p:exp("+") end)
--   ... P.Parse(lang, lex, "exp")
--
-- A rule sees its token as the current one and consumes it itself.
-- Prefix rules get the parser; infix rules get the parser and the values
-- the left operand produced. A Pratt object is called as
-- rule(p [, limit [, fixity]]): without limit it parses an expression of
-- any precedence; limit is a number or a token with an infix rule (its
-- precedence). By default only operators binding tighter than limit are
-- taken (left associativity); with fixity "right" an operator of equal
-- precedence is taken too (right associativity).

local P = {}

-- Token types with values, as the lexer reports them (also lex.name etc.),
-- and P.default: as a token, the rule for a token without a rule of its own.
local tokens = terralib.languageextension
P.name, P.string, P.number, P.eof = tokens.name, tokens.string, tokens.number, tokens.eof
P.default = tokens.default

local Pratt = {}
Pratt.__index = Pratt

function P.Pratt()
  return setmetatable({ prefixes = {}, infixes = {} }, Pratt)
end

-- tokens is one token or a list of tokens sharing the rule. A token may
-- be given one prefix and one infix rule; a second definition is an
-- error rather than a silent replacement.
local function each(tokens, fn)
  if type(tokens) == "table" and getmetatable(tokens) == nil then
    for _, t in ipairs(tokens) do fn(t) end
  else
    fn(tokens)
  end
end

function Pratt:prefix(tokens, rule)
  each(tokens, function(t)
    if self.prefixes[t] ~= nil then
      error("prefix rule for " .. tostring(t) .. " already defined", 4)
    end
    self.prefixes[t] = rule
  end)
  return self
end

function Pratt:infix(tokens, prec, rule)
  each(tokens, function(t)
    if self.infixes[t] ~= nil then
      error("infix rule for " .. tostring(t) .. " already defined", 4)
    end
    self.infixes[t] = { prec = prec, rule = rule }
  end)
  return self
end

-- The precedence limit and whether an operator at exactly that precedence
-- still binds.
function Pratt:limit(lim, fixity)
  if lim == nil then
    return 0, true
  end
  if type(lim) ~= "number" then
    local op = self.infixes[lim]
    if op == nil then
      error("no precedence defined for " .. tostring(lim), 3)
    end
    lim = op.prec
  end
  return lim, fixity == "right"
end

local function pack(...) return { n = select("#", ...), ... } end

function Pratt:__call(p, lim, fixity)
  local limit, equalbinds = self:limit(lim, fixity)
  local rule = self.prefixes[p:cur().type] or self.prefixes[P.default]
  if rule == nil then
    p:error("unexpected symbol")
  end
  -- Rules may return several values; all of them flow to the next infix
  -- rule and out of the call.
  local vals = pack(rule(p))
  while true do
    local op = self.infixes[p:cur().type] or self.infixes[P.default]
    if op == nil or op.prec < limit or (op.prec == limit and not equalbinds) then
      return unpack(vals, 1, vals.n)
    end
    vals = pack(op.rule(p, unpack(vals, 1, vals.n)))
  end
end

-- P.Parse(lang, lex, nonterminal) parses one nonterminal of the language
-- table lang and returns what its rule returns. The rules receive a parser
-- object that has the lexer's methods and fields (p:next(), p:expect(")"),
-- p.name, ...) plus one method per nonterminal: p:exp(...) runs lang.exp.
function P.Parse(lang, lex, nonterminal)
  local p = {}
  for k, v in pairs(lex) do
    if type(v) == "function" then
      p[k] = function(_, ...) return v(lex, ...) end
    elseif type(k) ~= "string" or k:sub(1, 1) ~= "_" then
      p[k] = v
    end
  end
  for k, v in pairs(lang) do
    if p[k] ~= nil then
      error("nonterminal '" .. tostring(k) .. "' has the name of a lexer field", 2)
    end
    p[k] = v
  end
  local start = p[nonterminal]
  if start == nil then
    error("no nonterminal '" .. tostring(nonterminal) .. "' in the language", 2)
  end
  return start(p)
end

return P
