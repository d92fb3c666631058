-- Locals whose names match the ones the compiler gives its own blocks and
-- parameters, or the suffixed forms it makes for repeated names, and
-- parameters from distinct symbols that share a display name.
struct Big { a : int64, b : int64, c : int64 }

terra names(entry : int, entry1 : int) : Big
  var sret = entry + entry1
  var entry2 = 1
  do
    var entry = 10
    var entry1 = 20
    sret = sret + entry + entry1 + entry2
  end
  return Big { sret, entry, entry1 }
end

local x1 = symbol(int, "x")
local x2 = symbol(int, "x")
local anon1, anon2 = symbol(int), symbol(int)
terra shared([x1], [x2], [anon1], [anon2]) : int
  return [x1] * 1000 + [x2] * 100 + [anon1] * 10 + [anon2]
end

local r = names(2, 3)
print(r.a, r.b, r.c)
print(shared(1, 2, 3, 4))
