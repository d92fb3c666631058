-- std.Vector's full interface: init with a capacity, the four insert
-- forms, both remove forms, v(i) through a pointer to the vector, and
-- destruction of the elements and of object fields (arrays included).
local std = require "std"
local V = std.Vector(int)

terra show(v : &V)
  for i = 0ULL, v:size() do std.printf("%d ", v(i)) end
  std.printf("| size %d\n", [int](v:size()))
end

terra ops()
  var v = V.salloc():init(4)
  for i = 0, 5 do v:insert(i) end       -- append
  show(v)
  v:insert(0, 100)                      -- before position 0
  v:insert(3, 2, -1)                    -- two copies before position 3
  show(v)
  @v:insert() = 42                      -- append, then write through the pointer
  v(2) = v(2) * 10
  show(v)
  var last = v:remove()
  var first = v:remove(0)
  std.printf("removed %d %d\n", last, first)
  show(v)
end
ops()

-- Elements and fields with destructors are destroyed with their owner.
local count = global(int, 0)
struct Res(std.Object) { id : int }
terra Res:__destruct() count = count + self.id end
struct Holder(std.Object) { one : Res, pair : Res[2], plain : int[3] }
terra Holder:__destruct() std.printf("holder goes first\n") end

terra owners()
  var rs = [std.Vector(Res)].salloc():init()
  for i = 1, 4 do rs:insert().id = i end  -- 1+2+3 = 6 when rs is destroyed
  var h = Holder.salloc()
  h.one.id, h.pair[0].id, h.pair[1].id = 100, 200, 300
end
owners()
print(count:get(), std.Vector(int) == V, tostring(std.Vector(Res)))
