-- local class / local interface / local template bind local names.
import "cpp"
local C = terralib.includec("stdio.h")

local interface Valued value() : int end
local class One implements Valued
  value() : int return 1 end
end
local template(T) class Holder
  v : T
  new(v : T) self.v = v end
end

do
  local class One
    value() : int return 100 end
  end
  terra inner() var o = One(); return o:value() end
end

terra main()
  var o = One()
  var v : Valued = &o
  var h = [Holder(int)](5)
  C.printf("%d %d %d\n", v:value(), h.v, inner())
end
main()
print(rawget(_G, "One"), rawget(_G, "Holder"), rawget(_G, "Valued"))
