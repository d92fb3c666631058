terra A() return 10 end
terra B() return 11 end
struct Fns { a : {} -> int; b : {} -> int }
local fns = constant(`Fns { A, B })
terra go() return fns.a() + fns.b() end
print(go())
print(terralib.isglobalvar(fns), terralib.isconstant(fns))
