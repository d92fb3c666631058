local l = label("exit")
print(tostring(l), terralib.islabel(l), terralib.islabel("exit"))
local l2 = terralib.newlabel()
print(terralib.islabel(l2))
