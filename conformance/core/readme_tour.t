-- The language tour from README.md, kept runnable.
local C = terralib.includec("stdio.h")   -- C functions, types and macros

struct Vec { x : double; y : double }    -- a C-layout struct (a Lua value)

terra Vec:len2() : double                -- a method; self is &Vec
  return self.x * self.x + self.y * self.y
end

local function scaler(k)                 -- Lua generates Terra code:
  return terra(v : Vec) : Vec            -- k is captured when defined
    return Vec { v.x * [k], v.y * [k] }
  end
end
local triple = scaler(3)

terra main() : int
  var v = triple(Vec { 1, 2 })           -- var with an inferred type
  for i = 0, 3 do                        -- upper bound excluded: 0, 1, 2
    C.printf("%d: %g\n", i, v:len2())
  end
  return 0
end

print(main())                            -- Lua calls Terra directly
