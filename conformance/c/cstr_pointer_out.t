-- C fills a Terra struct through a pointer, and returns a pointer into it.
local C = terralib.includecstring [[
typedef struct { int a[3]; double d; } Box;
int *fill(Box *b) { b->a[0] = 1; b->a[1] = 2; b->a[2] = 3; b->d = 0.5; return &b->a[1]; }
]]
terra f() : double
  var b : C.Box
  var p = C.fill(&b)
  return @p + b.a[2] + b.d
end
print(f())
