local stmts = terralib.newlist()
terra f()
  var s = 0
  escape
    for i = 1, 5 do emit quote s = s + i end end
  end
  return s
end
print(f())
