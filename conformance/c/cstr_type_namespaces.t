-- A C record is one Terra type program-wide, named by its tag or, for a
-- tagless one, by its typedef name; the two are separate namespaces. A
-- record declared in one import and defined in a later one is one type.
local G1, T1 = terralib.includecstring [[
typedef struct { float w; } pair;   /* tagless, named by its typedef */
struct pair { int left, right; };    /* the tag "pair" */
struct later;
]]
local G2, T2 = terralib.includecstring [[
struct pair;
typedef struct other pair;           /* a different record, also "pair" */
struct later { double x; };
]]
print(T1.pair == T2.pair, G1.pair == T1.pair, G2.pair == T2.pair, G2.pair == G1.pair)
print(T1.later == T2.later)
terra use() : double
  var a : G1.pair
  var b : T2.pair
  var c : T1.later
  a.w = 0.5
  b.left, b.right = 3, 4
  c.x = 10
  return a.w + b.left * b.right + c.x
end
print(use())
