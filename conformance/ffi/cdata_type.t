-- type() of a cdata value is "cdata", as under LuaJIT, whatever made it:
-- terralib.new, a 64-bit literal, a Terra function's result, ffi.new.
-- Terra objects held in userdata (types, functions) are not cdata.
local asdl = require("asdl")
struct pair { a : int, b : int }
terra mk() : pair return pair { 1, 2 } end
local values = { terralib.new(int[4]), 7LL, 3ULL, mk(), require("ffi").new("int") }
for _, v in ipairs(values) do io.write(type(v), " ") end
print()
print(type(int) ~= "cdata", type(mk) ~= "cdata", terralib.type(7LL))
local ctx = asdl.NewContext()
ctx:Define [[ Holder = (cdata value) ]]
print(type(ctx.Holder(terralib.new(int, 5)).value))
print(pcall(ctx.Holder, 5))
