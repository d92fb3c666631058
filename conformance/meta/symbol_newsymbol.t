local s = terralib.newsymbol(int8, "c")
terra f() var [s] = 300; return [s] end
print(f(), s.type)
