-- a function with a type error is reported only when it is needed
terra bad() : int
  return true
end
terra good() : int return 1 end
print(good())
print(pcall(function() return bad() end) == false)
