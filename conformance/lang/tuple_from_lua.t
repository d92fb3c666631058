-- a tuple result reaches Lua as cdata; unpackstruct expands it
terra g() : {int, double} return 7, 0.5 end
local r = g()
print(r._0, r._1)
print(unpackstruct(r))
print(terralib.unpacktuple(r))
