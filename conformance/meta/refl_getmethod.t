struct S { v : int }
terra S:get() return self.v end
print(S:getmethod("get") == S.methods.get, S:getmethod("nope"))
