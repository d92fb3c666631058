-- Multiple results come back as one tuple cdata; unpackstruct splits it.
terra divmod(a : int, b : int) : {int, int} return a / b, a % b end
local r = divmod(17, 5)
print(r._0, r._1)
print(terralib.unpackstruct(r))
print(terralib.unpackstruct(divmod(9, 4)))
