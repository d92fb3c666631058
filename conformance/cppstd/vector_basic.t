-- vector(int): push, pop, insert, erase, resize, clear, back/front, v(i)
-- as an lvalue, at, size and capacity; a vector starts empty.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local V = cpp.vector(int)

terra show(v : &V)
  C.printf("[")
  for i = 0, v:size() do
    if i > 0 then C.printf(" ") end
    C.printf("%d", v(i))
  end
  C.printf("] size %lld\n", v:size())
end

terra main()
  var v : V
  C.printf("empty %d size %lld cap %lld\n", v:empty(), v:size(), v:capacity())
  for i = 0, 10 do v:push(i * i) end
  show(&v)
  C.printf("pop %d\n", v:pop())
  v:insert(0, -1)
  v:insert(3, 100)
  v:insert(v:size(), 7)
  show(&v)
  v:erase(0)
  v:erase(v:size() - 1)
  v:erase(2)
  show(&v)
  v(1) = 42
  v:at(2) = v:at(2) + 1
  @v:back() = 99
  C.printf("front %d back %d at(1) %d\n", @v:front(), @v:back(), v:at(1))
  v:resize(3)
  show(&v)
  v:resize(5)
  show(&v)
  v:reserve(100)
  C.printf("cap >= 100 %d size %lld\n", v:capacity() >= 100, v:size())
  v:clear()
  show(&v)
  v:push_back(5)
  show(&v)
end
main()
