-- Terra code inside a Lua function sees that function's locals and upvalues.
local function make(k)
  return terra(x : int) : int return x * k end
end
local triple, quad = make(3), make(4)
print(triple(5), quad(5))
local count = 0
local function gen()
  count = count + 1
  return terra() : int return count end
end
local a = gen()
local b = gen()
print(a(), b())
