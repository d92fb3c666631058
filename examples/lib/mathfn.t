-- mathfn: a tiny language that compiles formulas to Terra functions.
--   mathfn (x, y) x * x + 3 * y ^ 2 end
-- makes a Terra function of doubles. Parsed with the Pratt library; names
-- that are not parameters are Lua values of the enclosing scope (numbers
-- or Terra functions of one double).
local P = require "parsing"

local function binop(op, prec, fixity)
  return function(p, lhs)
    p:next()
    return { op = op, lhs, p:expr(prec, fixity) }
  end
end

local expr = P.Pratt()
  :prefix(P.number, function(p) return { op = "num", value = p:next().value } end)
  :prefix(P.name, function(p)
    local name = p:next().value
    p:ref(name)
    if p:nextif("(") then
      local arg = p:expr()
      p:expect(")")
      return { op = "call", name = name, arg }
    end
    return { op = "var", name = name }
  end)
  :prefix("(", function(p) p:next(); local e = p:expr(); p:expect(")"); return e end)
  :prefix("-", function(p) p:next(); return { op = "neg", p:expr(30) } end)
  :infix("+", 10, binop("+", 10)):infix("-", 10, binop("-", 10))
  :infix("*", 20, binop("*", 20)):infix("/", 20, binop("/", 20))
  :infix("^", 40, binop("^", 40, "right"))

-- compile turns a formula into a Terra quote; params maps parameter names
-- to their symbols, env gives every other name.
local function compile(e, params, env)
  local function c(e) return compile(e, params, env) end
  if e.op == "num" then return `[double](e.value)
  elseif e.op == "var" then
    return params[e.name] or `[double]([env[e.name]])
  elseif e.op == "call" then
    local fn = env[e.name]
    return `fn([c(e[1])])
  elseif e.op == "neg" then return `-[c(e[1])]
  elseif e.op == "^" then
    local n = assert(e[2].op == "num" and e[2].value, "exponent must be a number")
    local q = c(e[1])
    local r = `1.0
    for i = 1, n do r = `r * q end
    return r
  end
  local a, b = c(e[1]), c(e[2])
  if e.op == "+" then return `a + b
  elseif e.op == "-" then return `a - b
  elseif e.op == "*" then return `a * b
  else return `a / b end
end

return {
  name = "mathfn",
  entrypoints = { "mathfn" },
  keywords = {},
  expression = function(self, lex)
    lex:expect("mathfn")
    local names = {}
    local open = lex:expect("(")
    repeat
      names[#names + 1] = lex:expect(lex.name).value
    until not lex:nextif(",")
    lex:expectmatch(")", "(", open.linenumber)
    local body = P.Parse({ expr = expr }, lex, "expr")
    lex:expect("end")
    return function(envfn)
      local env, params, syms = envfn(), {}, {}
      for i, n in ipairs(names) do
        syms[i] = symbol(double, n)
        params[n] = syms[i]
      end
      local q = compile(body, params, env)
      return terra([syms]) : double return [q] end
    end
  end,
}
