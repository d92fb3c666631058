struct V { x : int }
V.methods.get = terralib.overloadedfunction("get", {terra(self : &V, k : int) return k end,
                                                    terra(self : &V, k : &int8) return 0 end})
terra m() var v = V{1}; return v:get(true) end
m()
