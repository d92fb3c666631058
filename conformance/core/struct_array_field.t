-- Arrays inside structs and arrays of structs.
struct Vec3 { v : float[3] }
terra f() : float
  var arr : Vec3[2]
  for i = 0, 2 do
    for j = 0, 3 do arr[i].v[j] = i * 3 + j end
  end
  return arr[1].v[2] + arr[0].v[1]
end
print(f())
print(terralib.sizeof(Vec3[2]))
