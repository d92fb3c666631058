local a, b = 1, 2
local c
x = a + b * 2 - 3 / 4 % 5 ^ 2 ^ 3
y = -x .. "s" .. 'q'
z = not a or b and c
print(a < b, a <= b, a > b, a >= b, a == b, a ~= b)
local t = #"abc"
do
  local d = 4
end
