local g = global(int, 3, "counter")
print(g:getname(), g:gettype(), g:isextern(), g:isconstant())
print(terralib.isglobalvar(g), terralib.isglobalvar(5))
print(tostring(g))
