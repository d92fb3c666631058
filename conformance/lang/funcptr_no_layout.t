-- A function pointer can be called and compared, never dereferenced or
-- offset: a function type has no layout.
terra twice(x : int) return 2 * x end
terra call(f : int -> int) return f(21) end
print(call(twice))

terra offset() return twice + 1 end
terra deref() var f = twice; return @f end
local ok, msg = pcall(offset.compile, offset)
print(ok)
deref:compile()
