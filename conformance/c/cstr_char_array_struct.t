-- A struct holding a char array is passed by value.
local C = terralib.includecstring [[
typedef struct { char tag[6]; short n; } Tagged;
int total(Tagged t) { int s = t.n; for (int i = 0; i < 6; i++) s += t.tag[i]; return s; }
Tagged make(short n) { Tagged t = { {1,2,3,4,5,6}, n }; return t; }
]]
terra f() : int
  var t = C.make(100)
  t.tag[0] = 10
  return C.total(t)
end
print(f())
