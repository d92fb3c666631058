local l = terralib.newlist { "a", "b", "c", "d", "e" }
print(l:sub(2, 4):concat(""), l:rev():concat(""), l:sub(-2):concat(""))
