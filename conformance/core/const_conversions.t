-- Conversions of constants give the same values as the same conversions
-- done at run time: truncation, sign and zero extension, integer and float
-- conversions in both directions, bools.
local cases = {
  {int32, int8, 300}, {int32, uint8, -1}, {int8, int64, -5}, {uint8, int64, 250},
  {int64, uint16, 70000}, {uint64, double, -1}, {int64, float, 16777217},
  {double, int32, -7.9}, {double, uint8, 200.5}, {float, double, 0.1},
  {double, float, 1e-3}, {int32, bool, 2}, {double, bool, 0.5}, {bool, int32, true},
  {bool, double, true}, {uint32, int64, 4294967295}, {int16, uint32, -2},
}
for i, c in ipairs(cases) do
  local from, to, v = c[1], c[2], c[3]
  local terra folded() : to return [to]([from](v)) end
  local terra runtime(x : from) : to return [to](x) end
  local a, b = folded(), runtime(v)
  print(i, tostring(from) .. " -> " .. tostring(to), a == b, tostring(a))
end
