terra f()
  var a = 0
  escape emit quote a = a + 1 end; emit quote a = a * 5 end end
  return a
end
print(f())
