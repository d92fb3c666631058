if a then
  b()
elseif c then
  d()
elseif e then
  f()
else
  g()
end

if x then y() end

while i < 10 do
  i = i + 1
  if i == 5 then break end
end

repeat
  local k = 1
  k = k + 1
until k > 3

for i = 1, 10 do print(i) end
for i = 10, 1, -1 do
  print(i)
end
for k, v in pairs(t) do
  print(k,
    v)
end
for x in f() do end
