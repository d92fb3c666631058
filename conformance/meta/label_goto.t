local done = label("done")
terra f(n : int)
  var i = 0
  ::top::
  i = i + 1
  if i >= n then goto [done] end
  goto top
  ::[done]::
  return i
end
print(f(6))
