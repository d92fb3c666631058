-- Packed C structs (__attribute__((packed)), #pragma pack(N)) keep C's
-- layout: Terra's sizes, alignments and member offsets are compared with
-- clang's, and values cross between Terra and clang-compiled C by pointer
-- and by value.
local C, T = terralib.includecstring [[
#include <stddef.h>
struct __attribute__((packed)) pk { char c; int i; double d; short s; };
#pragma pack(push, 2)
struct p2 { char c; double d; int i; char e; };
#pragma pack(pop)
#pragma pack(push, 1)
struct p1 { int a; int b; };
#pragma pack(pop)
struct outer { char c; struct pk inner; int after; };
struct __attribute__((packed)) parr { char tag; int v[3]; };
struct __attribute__((packed)) small { char c; int i; };

#define FIELDS(X) \
  X(pk, c) X(pk, i) X(pk, d) X(pk, s) \
  X(p2, c) X(p2, d) X(p2, i) X(p2, e) \
  X(p1, a) X(p1, b) \
  X(outer, c) X(outer, inner) X(outer, after) \
  X(parr, tag) X(parr, v) X(small, c) X(small, i)
#define OFF(S, F) offsetof(struct S, F),
static inline long coffset(int k) { static const long o[] = { FIELDS(OFF) }; return o[k]; }
#define SIZES(X) X(pk) X(p2) X(p1) X(outer) X(parr) X(small)
#define SZ(S) sizeof(struct S),
#define AL(S) _Alignof(struct S),
static inline long csize(int k) { static const long s[] = { SIZES(SZ) }; return s[k]; }
static inline long calign(int k) { static const long a[] = { SIZES(AL) }; return a[k]; }

static inline double pk_sum(struct pk p) { return p.c + p.i + p.d + p.s; }
static inline struct pk pk_make(int i) { struct pk p = { 'x', i, i * 0.5, (short)-i }; return p; }
static inline struct small small_make(int i) { struct small s = { 7, i }; return s; }
static inline int small_sum(struct small s) { return s.c + s.i; }
static inline int p1_diff(struct p1 p) { return p.a - p.b; }
static inline struct p2 p2_make(double d) { struct p2 p = { 1, d, 2, 3 }; return p; }
static inline int outer_check(struct outer *o) { return o->c + o->inner.i + o->inner.s + o->after; }
static inline int parr_sum(struct parr *p) { return p->tag + p->v[0] + p->v[1] + p->v[2]; }
]]

local fields = {
  {"pk", "c"}, {"pk", "i"}, {"pk", "d"}, {"pk", "s"},
  {"p2", "c"}, {"p2", "d"}, {"p2", "i"}, {"p2", "e"},
  {"p1", "a"}, {"p1", "b"},
  {"outer", "c"}, {"outer", "inner"}, {"outer", "after"},
  {"parr", "tag"}, {"parr", "v"}, {"small", "c"}, {"small", "i"},
}
for k, f in ipairs(fields) do
  local terra_off = terralib.offsetof(T[f[1]], f[2])
  local c_off = C.coffset(k - 1)
  print(f[1] .. "." .. f[2], terra_off, terra_off == c_off and "ok" or "C says " .. tostring(c_off))
end
for k, s in ipairs({"pk", "p2", "p1", "outer", "parr", "small"}) do
  -- A struct's alignment is where it lands after one char.
  local W = struct { c : int8, x : T[s] }
  local size, align = terralib.sizeof(T[s]), terralib.offsetof(W, "x")
  local ok = size == C.csize(k - 1) and align == C.calign(k - 1)
  print(s, "size", size, "align", align, ok and "ok" or "C differs")
end

terra roundtrip() : double
  var p = C.pk_make(10)
  p.i = p.i + 1
  return C.pk_sum(p) + p.c
end
print("by value", roundtrip())

terra smalls() : int
  var s = C.small_make(40)
  s.c = s.c + 1
  return C.small_sum(s)
end
print("small by value", smalls())

terra pragmas() : double
  var a = C.p1 { 50, 8 }
  var b = C.p2_make(0.25)
  return C.p1_diff(a) + b.c + b.d + b.i + b.e
end
print("pragma pack by value", pragmas())

terra outer() : int
  var o : C.outer
  o.c = 1
  o.inner.c = 2
  o.inner.i = 300
  o.inner.d = 0.5
  o.inner.s = -20
  o.after = 4000
  return C.outer_check(&o)
end
print("nested", outer())

terra arr() : int
  var p : C.parr
  p.tag = 1
  for i = 0, 3 do p.v[i] = (i + 1) * 10 end
  return C.parr_sum(&p) + p.v[2]
end
print("array member", arr())

-- Lua reads and builds packed values through the same layout.
local v = C.pk_make(6)
print("from Lua", v.c, v.i, v.d, v.s)
local w = terralib.new(T.pk, {2, 5, 0.5, 9})
print("to C", C.pk_sum(w))
