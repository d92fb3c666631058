-- A method may be defined right after its struct, in the same group of
-- definitions, for global, local and nested struct names.
struct Pt { x : int; y : int }
terra Pt:sum() return self.x + self.y end
local struct Box { w : int }
terra Box:area() return self.w * self.w end
local ns = {}
struct ns.Cell { v : int }
terra ns.Cell:get() return self.v end
terra run()
  var p = Pt { 1, 2 }
  var b = Box { 3 }
  var c = ns.Cell { 4 }
  return p:sum() * 100 + b:area() * 10 + c:get()
end
print(run())
