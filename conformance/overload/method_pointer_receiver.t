struct V { x : int }
V.methods.add = terralib.overloadedfunction("add", {
  terra(self : &V, k : int) self.x = self.x + k end,
  terra(self : &V, k : int, j : int) self.x = self.x + k + j end })
terra m() var v = V{1}; var p = &v; p:add(2); v:add(3, 4); return v.x end
print(m())
