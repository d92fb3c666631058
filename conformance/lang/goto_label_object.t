-- labels made with label() and spliced as ::[l]::
local l = label("top")
terra f() : int
  var i = 0
  ::[l]::
  i = i + 1
  if i < 5 then goto [l] end
  return i
end
print(f())
