-- an explicit cast may give fewer fields than the struct has
struct P { x : int; y : int; z : int }
terra f() : int
  var p = [P]({z = 3})
  return p.z
end
print(f())
