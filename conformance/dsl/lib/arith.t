-- An arithmetic expression language: calc <expr> end, with Pratt
-- precedence (+ - < * / % < unary - < ^, ^ right-associative) and Lua
-- variables of the enclosing scope.
local P = require "parsing"

local function binary(op, prec, fixity)
  return function(p, lhs)
    p:next()
    local rhs = p:expr(prec, fixity)
    return { op = op, lhs, rhs }
  end
end

local expr = P.Pratt()
  :prefix(P.number, function(p) return { op = "num", value = p:next().value } end)
  :prefix(P.name, function(p)
    local name = p:next().value
    p:ref(name)
    return { op = "var", name = name }
  end)
  :prefix("(", function(p)
    local open = p:next()
    local e = p:expr()
    p:expectmatch(")", "(", open.linenumber)
    return e
  end)
  :prefix("-", function(p) p:next(); return { op = "neg", p:expr(30) } end)
  :infix({ "+", "-" }, 10, function(p, lhs)
    local op = p:next().type
    return { op = op, lhs, p:expr(10) }
  end)
  :infix({ "*", "/", "%" }, 20, function(p, lhs)
    local op = p:next().type
    return { op = op, lhs, p:expr(20) }
  end)
  :infix("^", 40, binary("^", 40, "right"))

local function eval(e, env)
  local op = e.op
  if op == "num" then return e.value end
  if op == "var" then
    local v = env[e.name]
    if type(v) ~= "number" then error("calc: variable " .. e.name .. " is not a number", 0) end
    return v
  end
  if op == "neg" then return -eval(e[1], env) end
  local a, b = eval(e[1], env), eval(e[2], env)
  if op == "+" then return a + b elseif op == "-" then return a - b
  elseif op == "*" then return a * b elseif op == "/" then return a / b
  elseif op == "%" then return a % b else return a ^ b end
end

local function show(e)
  if e.op == "num" then return tostring(e.value) end
  if e.op == "var" then return e.name end
  if e.op == "neg" then return "(-" .. show(e[1]) .. ")" end
  return "(" .. show(e[1]) .. " " .. e.op .. " " .. show(e[2]) .. ")"
end

return {
  name = "arith",
  entrypoints = { "calc", "calctree" },
  keywords = {},
  expression = function(self, lex)
    local entry = lex:next().type
    local tree = P.Parse({ expr = expr }, lex, "expr")
    lex:expect("end")
    if entry == "calctree" then
      return function() return show(tree) end
    end
    return function(envfn) return eval(tree, envfn()) end
  end,
}
