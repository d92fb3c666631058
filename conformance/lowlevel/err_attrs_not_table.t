terra h() var a = 3; return terralib.attrload(&a, 5) end
h()
