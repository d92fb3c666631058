-- local struct, with methods added afterwards.
local struct Box { v : int }
terra Box:get() : int return self.v end
terra f() : int
  var b = Box { 41 }
  return b:get() + 1
end
print(f(), Box)
