-- A C struct with bit-fields keeps its size and the offsets of its other
-- members (the bit-fields themselves are unnamed storage), so it can be
-- declared, passed by value to C and read; regex_t from regex.h works.
local C = terralib.includecstring [[
struct S { char a; int b : 3; int c : 5; long d; short e : 4; char f; };
struct S mk(void) { struct S s = {1, 2, 3, 4, 5, 6}; return s; }
long sumd(struct S s) { return s.a + s.b + s.c + s.d + s.e + s.f; }
int offd(void) { return (int)__builtin_offsetof(struct S, d); }
int offf(void) { return (int)__builtin_offsetof(struct S, f); }
]]
print(terralib.sizeof(C.S), C.offd(), C.offf())
for i, e in ipairs(C.S.entries) do print(e.field, e.type) end
terra f() : int64
  var s = C.mk()
  return C.sumd(s) * 100 + s.a * 10 + s.f
end
print(f())
local R = terralib.includec("regex.h")
terra firstmatch(pat : rawstring, s : rawstring) : int
  var r : R.regex_t
  if R.regcomp(&r, pat, 1) ~= 0 then return -2 end -- REG_EXTENDED
  var m : R.regmatch_t[1]
  var rc = R.regexec(&r, s, 1, m, 0)
  R.regfree(&r)
  if rc ~= 0 then return -1 end
  return m[0].rm_so
end
print(terralib.sizeof(R.regex_t), firstmatch("a+b", "xxaab"), firstmatch("z", "abc"))
local U = terralib.includecstring [[
union W { unsigned lo : 4; unsigned long long all; };
unsigned long long setall(union W *w) { w->all = 0x1234; return w->lo; }
]]
terra unionbits() : uint64
  var w : U.W
  var lo = U.setall(&w)
  return lo * 100000 + w.all
end
print(terralib.sizeof(U.W), unionbits())
