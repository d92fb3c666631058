-- terralib.traceback(nil) called from Terra code prints the Terra frames
-- above it (all of them with full debug information) and the Lua stack.
terralib.setdebuginfo(true)

terra inner(x : int) : int
  terralib.traceback(nil)
  return x + 1
end
inner:setinlined(false)

terra outer(x : int) : int
  var y = inner(x)
  return y * 2
end

print(outer(20))
error("done", 0)
