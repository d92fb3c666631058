terra f(x : int)
  var r = 0
  escape
    for i = 0, 3 do emit quote r = r + x * [i] end end
  end
  return r
end
print(f(2))
