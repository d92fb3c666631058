-- nil converts to a NULL pointer of any pointer type.
terra isnull(p : &int) : bool return p == nil end
terra isnullf(p : {int} -> int) : bool return p == nil end
print(isnull(nil), isnullf(nil))
