-- Strings convert only to char pointers (rawstring) and &opaque.
terra f(p : &int) : int return 0 end
f("abc")
