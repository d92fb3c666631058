-- Without full debug information the JIT keeps no frame pointers, so
-- terralib.traceback cannot walk past the innermost Terra frame; it says
-- so, and how to get the whole stack.
terra inner(x : int) : int
  terralib.traceback(nil)
  return x + 1
end
print(inner(1))
error("done", 0)
