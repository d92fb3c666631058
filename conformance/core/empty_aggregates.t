-- Values of size zero: the unit tuple {}, empty structs, structs made only
-- of empty members and arrays of length zero, in every position a value can
-- take.
struct Nothing {}
struct Pair { a : Nothing, b : {} }
struct Holder { before : int8, gap : Nothing, none : int32[0], after : int8 }

terra pass(x : Nothing) : Nothing return x end
terra twice(x : {}) return x, x end
terra build() : Pair
  var p : Pair
  p.a = pass(p.a)
  return p
end
terra mixed(n : Nothing, k : int, z : int32[0], e : {}) : int
  return k * 2
end
terra none() : int32[0]
  var z : int32[0]
  return z
end
terra holder(h : Holder) : int
  return h.before + h.after
end
terra use_holder() : int
  var h = Holder { 3, Nothing {}, none(), 4 }
  var arr : Nothing[4]
  arr[2] = pass(arr[1])
  var pairs : Pair[2]
  pairs[0] = build()
  return holder(h) + mixed(arr[0], 5, none(), {})
end

local g = global(Pair)
terra set_global() : int
  g = build()
  g.a = pass(g.a)
  return sizeof(Pair) + sizeof(Holder)
end

-- Through a function pointer, so the call does not see the definition.
terra indirect() : int
  var f : {Nothing, int, int32[0], tuple()} -> int = mixed
  var n : Nothing
  var z : int32[0]
  return f(n, 20, z, {})
end

print(use_holder())
print(set_global())
print(indirect())
print(mixed(Nothing {}, 7, {}, {}))
print(terralib.sizeof(Nothing), terralib.sizeof(Pair), terralib.sizeof(int32[0]))
local p = build()
print(terralib.typeof(p) == Pair)
print(terralib.typeof(twice({})) == tuple(tuple(), tuple()))
