-- Explicit casts: [T](e) and T(e).
terra f() : int
  var d = 7.9
  var i = int(d)
  var j = [int](-d)
  return i * 10 + j
end
terra g() : int8 return [int8](300) end
terra h() : double return [double](7) / 2 end
terra k() : int return int(true) + int(false) end
terra b(x : int) : bool return [bool](x) end
print(f(), g(), h(), k())
print(b(0), b(5))
