-- terralib.externfunction binds a C symbol by name and type
local abs = terralib.externfunction("abs", {int} -> int)
local strlen = terralib.externfunction("strlen", {rawstring} -> uint64)
terra f() : int return abs(-7) + [int](strlen("hello")) end
print(f())
print(abs(-3))
