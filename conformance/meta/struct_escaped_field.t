-- Struct fields named by an escape, [key] : T, take a Lua string or a symbol.
local key = "weight"
local tag = symbol(int, "tag")
struct S {
  [key] : double
  [tag] : int;
  count : int
  ["last" .. "one"] : int8
}
terra f()
  var s : S
  s.weight, s.[tag], s.count, s.lastone = 2.5, 7, 2, 1
  return s.weight * s.count + s.[tag] + s.lastone
end
print(f())
for _, e in ipairs(S:getentries()) do print(e.field, e.type) end
