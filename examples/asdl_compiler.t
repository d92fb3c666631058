-- An expression language defined with ASDL, compiled to a Terra
-- function: each node's compile method returns a quote.
local asdl = require("asdl")
local E = asdl.NewContext()
E:Define [[
  Exp = Num(number v)
      | Var(string name)
      | Add(Exp l, Exp r)
      | Mul(Exp l, Exp r)
      | Neg(Exp e)
      | Let(string name, Exp value, Exp body)
]]

function E.Num:compile(env) return `[double](self.v) end
function E.Var:compile(env)
  local s = env[self.name]
  if s == nil then error("unbound variable " .. self.name) end
  return `s
end
function E.Add:compile(env) return `[self.l:compile(env)] + [self.r:compile(env)] end
function E.Mul:compile(env) return `[self.l:compile(env)] * [self.r:compile(env)] end
function E.Neg:compile(env) return `-[self.e:compile(env)] end
function E.Let:compile(env)
  local s = symbol(double, self.name)
  local inner = setmetatable({ [self.name] = s }, { __index = env })
  return quote var [s] = [self.value:compile(env)] in [self.body:compile(inner)] end
end

-- Also an interpreter, to check the compiled code against.
function E.Num:eval(env) return self.v end
function E.Var:eval(env) return env[self.name] end
function E.Add:eval(env) return self.l:eval(env) + self.r:eval(env) end
function E.Mul:eval(env) return self.l:eval(env) * self.r:eval(env) end
function E.Neg:eval(env) return -self.e:eval(env) end
function E.Let:eval(env)
  return self.body:eval(setmetatable({ [self.name] = self.value:eval(env) }, { __index = env }))
end

local function compile(exp, params)
  local syms, env = terralib.newlist(), {}
  for _, p in ipairs(params) do
    local s = symbol(double, p)
    syms:insert(s)
    env[p] = s
  end
  return terra([syms]) return [exp:compile(env)] end
end

-- let t = x + 1 in t * t + -(y * 3)
local prog = E.Let("t", E.Add(E.Var("x"), E.Num(1)),
  E.Add(E.Mul(E.Var("t"), E.Var("t")), E.Neg(E.Mul(E.Var("y"), E.Num(3)))))
local f = compile(prog, { "x", "y" })
for _, xy in ipairs({ { 1, 2 }, { 4, 0.5 }, { -3, 1 } }) do
  print(f(xy[1], xy[2]), prog:eval({ x = xy[1], y = xy[2] }))
end
print(E.Exp:isclassof(prog), prog.kind, tostring(E.Num(7)))
