terra h() var a = 3; return terralib.attrload(a, {}) end
h()
