-- canbeord: the types bitwise operators accept (integers and booleans).
for _, t in ipairs { int8, uint64, bool, float, double, &int } do
  io.write(tostring(t), " ", tostring(t:canbeord()), " ", tostring(t:canbeordorvector()), "\n")
end
print(vector(int, 4):canbeordorvector(), vector(bool, 2):canbeordorvector(), vector(double, 2):canbeordorvector())
print(vector(int, 4):canbeord())
