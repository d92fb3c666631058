terra f() end
struct S {}
print(terralib.type(f), terralib.type(S), terralib.type(`1), terralib.type(symbol(int)))
print(terralib.type(label()), terralib.type(macro(function() end)), terralib.type({}), terralib.type(1))
