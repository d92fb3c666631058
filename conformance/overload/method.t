struct V { x : int }
V.methods.scale = terralib.overloadedfunction("scale", {
  terra(self : &V) return self.x end,
  terra(self : &V, k : int) return self.x * k end,
  terra(self : &V, k : double) return self.x * k + 0.5 end })
terra m() var v = V{4}; return v:scale(), v:scale(10), v:scale(2.0) end
local r = m()
print(r._0, r._1, r._2)
