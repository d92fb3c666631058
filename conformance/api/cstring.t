-- T:cstring() names a type for C declarations: scalars by their C names,
-- everything else by a fresh identifier that stays the same for the type.
struct Pair { x : int; y : int }
local P2 = terralib.types.newstruct("Pair")
print(int8:cstring(), uint64:cstring(), float:cstring(), double:cstring(), bool:cstring())
print((&opaque):cstring(), (&int):cstring(), (&int):cstring(), (&&int):cstring())
print(int[4]:cstring(), vector(float, 4):cstring())
print(Pair:cstring(), P2:cstring(), (&Pair):cstring())
print(({int} -> int):cstring(), ({} -> {}):cstring())
print(pcall(function() return ({int} -> int).type:cstring() end))
