-- No call into Terra code: every definition is checked, called or not.
terra f() : int return g() end
terra g() : int return nil end
terra h() var a : int = "s" end
terra fine(x : int) : int return x + 1 end
