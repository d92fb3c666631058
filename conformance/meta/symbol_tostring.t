local s = symbol(int, "count")
print(tostring(s), s.type, s.displayname)
print(terralib.issymbol(s), terralib.issymbol(1))
