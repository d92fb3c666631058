-- A program with a type error and a broken function nobody calls.
local C = terralib.includec("stdio.h")

struct Point { x : int; y : double }

terra Point:norm2() : double
  return self.x * self.x + self.y * self.y
end

terra add(a : int, b : int) : int
  var sum = a + b
  return sum
end

terra main() : int
  var p = Point { 1, 2.0 }
  C.printf("%g\n", p:norm2())
  return add(p.x, "two")
end

terra unused() : int
  return nil
end

local function helper(n)
  return n + 1
end

-- The Lua stage prints: the protocol on stdout must stay intact.
print("output of the Lua stage")
io.write("more output\n")
