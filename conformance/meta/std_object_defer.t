-- std.Object's destruct is a call, so it can be deferred; it runs the
-- struct's __destruct and then every member's destructor, including
-- the elements of arrays of objects.
local S = require "std"
local count = global(int, 0)
struct Part(S.Object) { id : int }
terra Part:__destruct() count = count + 1 end
struct Whole(S.Object) { one : Part; many : Part[3]; n : int }
terra Whole:__destruct() count = count + 100 end
terra scoped()
  var w : Whole
  defer w:destruct()
  count = 0
end
terra heap()
  var w = Whole.alloc()
  w:delete()
  return count
end
scoped()
print(count:get())
print(heap())
-- a method macro whose expansion is a call can be deferred too
struct Log { n : int }
Log.methods.bump = macro(function(self) return `self:add(1) end)
terra Log:add(k : int) self.n = self.n + k end
terra deferred()
  var l = Log { 0 }
  do
    defer l:bump()
    l.n = 10
  end
  return l.n
end
print(deferred())
