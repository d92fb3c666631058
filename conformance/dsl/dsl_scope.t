-- An import is active until the end of its block; languages combine: a
-- query whose clauses use the arithmetic language.
local calc = "just a local named calc"
do
  import "lib.arith"
  print(calc 2 * 21 end)
  local function f()
    import "lib.query"
    local k = 3
    return from x in { 1, 2, 3 } where calc x % 2 end == 1 select calc x * k + 1 end
  end
  print(table.concat(f(), " "))
end
print(calc)
