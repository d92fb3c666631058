-- consecutive definitions form a group that can refer to each other
terra isodd(n : int) : bool
  if n == 0 then return false end
  return iseven(n - 1)
end
terra iseven(n : int) : bool
  if n == 0 then return true end
  return isodd(n - 1)
end
print(iseven(10), isodd(7), iseven(3))
