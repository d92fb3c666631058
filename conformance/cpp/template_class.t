-- A template class is a memoized function of its arguments: the same
-- arguments give the same type.
import "cpp"
local C = terralib.includec("stdio.h")

template(T, N) class Stack
  items : T[N]
  top : int
  new() self.top = 0 end
  push(v : T) : bool
    if self.top == N then return false end
    self.items[self.top] = v
    self.top = self.top + 1
    return true
  end
  pop() : T self.top = self.top - 1; return self.items[self.top] end
  static capacity() : int return N end
end

local IS = Stack(int, 3)
print(IS == Stack(int, 3), IS ~= Stack(int, 4), IS ~= Stack(double, 3), tostring(IS))

terra main()
  var s = IS()
  var ok = s:push(1) and s:push(2) and s:push(3)
  var full = s:push(4)
  C.printf("%d %d cap %d: %d %d %d\n", ok, full, IS.capacity(), s:pop(), s:pop(), s:pop())
  var d : Stack(double, 2) = [Stack(double, 2)]()
  d:push(1.5)
  C.printf("%g\n", d:pop())
end
main()
