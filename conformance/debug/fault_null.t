terralib.setdebuginfo("lines") -- A null dereference in Terra code is reported at the Terra line that
-- faulted, naming the Terra function, with the function it was inlined into.
terra get(p : &int) : int
  var x = 1
  return @p + x
end

terra twice(p : &int) : int
  return get(p) * 2
end

print(twice(nil))
