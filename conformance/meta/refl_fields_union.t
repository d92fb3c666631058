-- Struct reflection with a union: getfields and getlayout list every
-- field once, union members sharing one storage slot (allocation) and
-- marked inunion; getfield finds one field or explains why not;
-- keytoindex gives 0-based positions; getentries keeps a union as a list.
struct U {
  tag : int
  union {
    i : int
    f : float
    pair : { int8, int8 }
  }
  tail : double
}
for i, e in ipairs(U:getfields()) do
  print(i, e.key, e.type, e.allocation, e.inunion)
end
local l = U:getlayout()
print(l.keytoindex.tag, l.keytoindex.f, l.keytoindex.tail)
print(l.entries[l.keytoindex.pair + 1].key)
print(U:getfield("f").type, U:getfield("tail").allocation)
print(U:getfield("nope"))
local ents = U:getentries()
print(#ents, terralib.islist(ents[2]), #ents[2], ents[2][3].field)
