-- An expression tree owned through smart pointers and evaluated with
-- virtual calls. Every node starts with a pointer to its kind's table of
-- functions (eval, print, destroy): a vtable built as a constant global.
-- A node's children are unique_ptrs (sole owners); a subexpression used in
-- several places is held by shared_ptrs and freed with its last user. The
-- destructor is virtual too: unique_ptr(Expr) destroys through the table.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local Cstd = terralib.includec("stdlib.h")
local Cs = terralib.includec("string.h")
local string = cpp.string

local Env = cpp.hashmap(string, double)

struct Expr
struct VTable {
  eval : {&Expr, &Env} -> double
  print : {&Expr, &string} -> {}
  destroy : {&Expr} -> {}
}
struct Expr { vt : &VTable }
terra Expr:eval(env : &Env) : double return self.vt.eval(self, env) end
terra Expr:print(out : &string) : {} self.vt.print(self, out) end
terra Expr:__dtor() : {}
  if self.vt ~= nil then
    self.vt.destroy(self)
    self.vt = nil
  end
end
local Ptr = cpp.unique_ptr(Expr)
local Shared = cpp.shared_ptr(Ptr)

-- derived node kinds: the base Expr first, then the kind's fields
struct Num { base : Expr; value : double }
struct Var { base : Expr; name : string }
struct Bin { base : Expr; left : Ptr; right : Ptr }
struct Neg { base : Expr; arg : Ptr }
struct Ref { base : Expr; target : Shared }

-- alloc(T, vt): a zeroed heap T whose vtable is vt
local alloc = macro(function(T, vt)
  T = T:astype()
  return quote
    var p = [&T](Cstd.calloc(1, sizeof(T)))
    p.base.vt = &vt
  in p end
end)

-- a vtable is three functions of the node's own type
local function vtable(T, eval, print, destroy)
  return global(VTable, `VTable {
    [terra(e : &Expr, env : &Env) : double return eval([&T](e), env) end],
    [terra(e : &Expr, out : &string) : {} print([&T](e), out) end],
    [terra(e : &Expr) : {} destroy([&T](e)) end] })
end

local NumVT = vtable(Num,
  terra(n : &Num, env : &Env) : double return n.value end,
  terra(n : &Num, out : &string) : {} out:append(string.format("%g", n.value)) end,
  terra(n : &Num) : {} end)
terra num(v : double) : Ptr
  var p = alloc(Num, NumVT)
  p.value = v
  return Ptr.adopt(&p.base)
end

local VarVT = vtable(Var,
  terra(v : &Var, env : &Env) : double
    var x = env:get(v.name)
    if x == nil then return 0 end
    return @x
  end,
  terra(v : &Var, out : &string) : {} out:append(&v.name) end,
  terra(v : &Var) : {} v.name:__dtor() end)
terra var_(name : rawstring) : Ptr
  var p = alloc(Var, VarVT)
  p.name = name
  return Ptr.adopt(&p.base)
end

local function binary(op, f)
  local vt = vtable(Bin,
    terra(b : &Bin, env : &Env) : double
      return f(b.left:get():eval(env), b.right:get():eval(env))
    end,
    terra(b : &Bin, out : &string) : {}
      out:push(40)
      b.left:get():print(out)
      out:append([" " .. op .. " "])
      b.right:get():print(out)
      out:push(41)
    end,
    terra(b : &Bin) : {} b.left:reset(); b.right:reset() end)
  return terra(l : Ptr, r : Ptr) : Ptr
    var p = alloc(Bin, vt)
    p.left = __move__(l)
    p.right = __move__(r)
    return Ptr.adopt(&p.base)
  end
end
local add = binary("+", terra(a : double, b : double) return a + b end)
local sub = binary("-", terra(a : double, b : double) return a - b end)
local mul = binary("*", terra(a : double, b : double) return a * b end)
local div = binary("/", terra(a : double, b : double) return a / b end)

local NegVT = vtable(Neg,
  terra(n : &Neg, env : &Env) : double return -n.arg:get():eval(env) end,
  terra(n : &Neg, out : &string) : {} out:append("-"); n.arg:get():print(out) end,
  terra(n : &Neg) : {} n.arg:reset() end)
terra neg(a : Ptr) : Ptr
  var p = alloc(Neg, NegVT)
  p.arg = __move__(a)
  return Ptr.adopt(&p.base)
end

-- Ref: a use of a shared subexpression
local RefVT = vtable(Ref,
  terra(r : &Ref, env : &Env) : double
    return r.target:get():get():eval(env)
  end,
  terra(r : &Ref, out : &string) : {} out:append("{"); r.target:get():get():print(out); out:append("}") end,
  terra(r : &Ref) : {} r.target:reset() end)
terra ref(s : &Shared) : Ptr
  var p = alloc(Ref, RefVT)
  p.target = @s          -- a copy: one more owner
  return Ptr.adopt(&p.base)
end

-- random trees over x, y, z and a few shared subexpressions
struct Gen { seed : uint32; shared : cpp.vector(Shared) }
terra Gen:next(n : uint32) : uint32
  self.seed = self.seed * 1103515245 + 12345
  return (self.seed >> 16) % n
end
terra Gen:tree(depth : int) : Ptr
  if depth == 0 then
    var k = self:next(6)
    if k == 0 then return var_("x") end
    if k == 1 then return var_("y") end
    if k == 2 then return var_("z") end
    if k == 3 and self.shared:size() > 0 then return ref(&self.shared(self:next(self.shared:size()))) end
    return num(1 + self:next(9))
  end
  var k = self:next(9)
  if k == 0 then return neg(self:tree(depth - 1)) end
  if k <= 2 then return add(self:tree(depth - 1), self:tree(depth - 1)) end
  if k <= 4 then return sub(self:tree(depth - 1), self:tree(depth - 1)) end
  if k <= 7 then return mul(self:tree(depth - 1), self:tree(depth - 1)) end
  return div(self:tree(depth - 1), num(2))
end

terra main() : int
  var env : Env
  env:put("x", 1.5)
  env:put("y", -2)
  env:put("z", 0.25)
  var gen : Gen
  gen.seed = 2024
  -- three shared subexpressions, each also owned by gen.shared
  gen.shared:push(Shared.make(mul(var_("x"), var_("x"))))
  gen.shared:push(Shared.make(add(var_("y"), num(1))))
  gen.shared:push(Shared.make(neg(var_("z"))))

  var forest : cpp.vector(Ptr)
  for i = 0, 300 do forest:push(gen:tree(1 + i % 6)) end
  var total = 0.0
  for t in forest do total = total + t:get():eval(&env) end
  C.printf("%lld trees, sum of values %.6f\n", forest:size(), total)
  C.printf("uses of each shared subexpression:")
  for s in gen.shared do C.printf(" %lld", s:use_count() - 1) end
  C.printf("\n")
  for i = 0, 4 do
    var out : string
    forest(i * 37):get():print(&out)
    C.printf("%s = %g\n", out:c_str(), forest(i * 37):get():eval(&env))
  end
  -- drop the generator's handles: the subexpressions live on in the trees
  gen.shared:clear()
  var again = 0.0
  for t in forest do again = again + t:get():eval(&env) end
  C.printf("after dropping the handles: %.6f\n", again)
  env:put("x", 10)
  var changed = 0.0
  for t in forest do changed = changed + t:get():eval(&env) end
  C.printf("with x = 10: %.6f\n", changed)
  return 0
end

main()
