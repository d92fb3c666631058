-- Pretty printing follows Terra's layout: a file:line margin where the
-- position changes, bodies indented by four, parentheses from operator
-- precedence, variables that share a name told apart as name$1.
terra clamp(x : int, lo : int, hi : int) : int
  if x < lo then
    return lo
  elseif x > hi then
    return hi
  end
  var y = (x - lo) * (hi - lo)
  do
    var y = y + 1
    y = y * 2
  end
  for i = 0, 3 do
    y = y - i
  end
  while y > 100 do y = y / 2 end
  return y
end
clamp:printpretty()
print(clamp(5, 0, 10))
clamp:printpretty(false)
io.write(clamp:prettystring())

-- tostring gives the same text without breaking lines.
terra twice(a : double)
  return a * 2.5 + [double](1)
end
io.write(tostring(twice))

-- An expression from another line starts a new line when breaking.
local q = `1 + 2 * 3
local r = `[q] -
  4
r:printpretty()
io.write(tostring(r))
io.write(tostring(`(1 + 2) * 3))
print(tostring(quote var z = 1 end):match("^let\n") ~= nil)

-- Undefined and extern functions print their types.
terra later :: int -> int
io.write(tostring(later))
