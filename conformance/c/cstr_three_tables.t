-- includecstring returns general, tagged and macros tables.
local G, T, M = terralib.includecstring [[
struct thing { int x; };
int thing(int y) { return y * 2; }
typedef struct { int q; } only_typedef;
#define LIMIT 9
]]
print(terralib.isfunction(G.thing), terralib.types.istype(T.thing), M.LIMIT, G.LIMIT, rawget(T, "only_typedef"), terralib.types.istype(G.only_typedef))
terra f(t : T.thing) : int return G.thing(t.x) end
terra g() : int var t : T.thing t.x = 21 return f(t) end
print(g())
