local function loop(n, body)
  local L, E = label("L"), label("E")
  local i = symbol(int, "i")
  return quote
    var [i] = 0
    ::[L]::
    if [i] >= n then goto [E] end
    [body(i)]
    [i] = [i] + 1
    goto [L]
    ::[E]::
  end
end
terra f()
  var s = 0
  [loop(4, function(i) return quote s = s + [i] end end)]
  [loop(3, function(i) return quote s = s + 100 end end)]
  return s
end
print(f())
