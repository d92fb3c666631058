terra f() end
print(terralib.isfunction(f), terralib.isfunction(print), terralib.types.istype(int), terralib.istype(f))
print(terralib.isquote(`1), terralib.isquote(1), terralib.islist(terralib.newlist()), terralib.islist({}))
print(terralib.israwlist({1,2}), terralib.israwlist({a=1}), terralib.isconstant(`1), terralib.isconstant(`f))
